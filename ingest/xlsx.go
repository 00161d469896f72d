package ingest

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// openWorkbook opens the xlsx bytes of file fi. When they are not a readable
// workbook it records a CodeFileUnreadable error naming the file and reports false.
// The caller must Close the returned file.
func (rd *reader) openWorkbook(fi int32, data []byte) (f *excelize.File, ok bool) {
	path := rd.b.Files[fi].Path
	fail := func(detail string) {
		rd.add(Problem{Severity: Error, Code: CodeFileUnreadable, File: path, Hint: HintCause, Args: []string{detail}})
	}
	// Note: excelize parses untrusted zip/XML; a panic inside it on a corrupt file
	// is turned into an unreadable-file problem instead of aborting the whole run.
	defer func() {
		if r := recover(); r != nil {
			f, ok = nil, false
			fail(fmt.Sprint(r))
		}
	}()
	if zipPartTooLarge(data) {
		fail("ファイルが壊れています")
		return nil, false
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		fail(err.Error())
		return nil, false
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		fail("シートがありません")
		return nil, false
	}
	return f, true
}

// sheetRows returns the cell values of sheet, row by row from row 1, unformatted
// (RawCellValue: a code is "1" whatever its number format, a date is its serial
// number); formula cells give their cached value. Rows are not padded: a row
// may be shorter than the header, and blank rows are empty slices.
func sheetRows(f *excelize.File, sheet string) (rows [][]string, err error) {
	defer func() {
		if r := recover(); r != nil {
			rows, err = nil, fmt.Errorf("reading sheet %s: %v", sheet, r)
		}
	}()
	return f.GetRows(sheet, excelize.Options{RawCellValue: true})
}

// findSheet returns the name of the sheet in f whose name equals name after
// NormKey (so `設定 ` and `設定` match), in sheet order.
func findSheet(f *excelize.File, name string) (string, bool) {
	want := NormKey(name)
	for _, s := range f.GetSheetList() {
		if NormKey(s) == want {
			return s, true
		}
	}
	return "", false
}

// A header maps each header of a row, after NormKey, to its 0-based column.
// The first column wins when a header repeats.
type header map[string]int

// newHeader builds the header of row (usually the sheet's first row).
func newHeader(row []string) header {
	h := make(header, len(row))
	for i, v := range row {
		k := NormKey(v)
		if k == "" {
			continue
		}
		if _, dup := h[k]; !dup {
			h[k] = i
		}
	}
	return h
}

// col returns the column of the first of names (compared after NormKey) that
// is in the header, and reports whether one was found.
func (h header) col(names ...string) (int, bool) {
	for _, n := range names {
		if i, ok := h[NormKey(n)]; ok {
			return i, true
		}
	}
	return -1, false
}

// cellName returns the A1 name of 0-based column col and 1-based row, or ""
// when they are out of the sheet's range.
func cellName(col, row int) string {
	s, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return ""
	}
	return s
}

// rowCell returns row[col], or "" when the row is shorter or col is negative.
func rowCell(row []string, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	return row[col]
}

// rowIsBlank reports whether every cell of row is blank after Norm.
func rowIsBlank(row []string) bool {
	for _, v := range row {
		if Norm(v) != "" {
			return false
		}
	}
	return true
}
