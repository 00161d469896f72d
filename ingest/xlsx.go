package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

// openBook opens the xlsx bytes of file fi. When they are not a readable
// workbook, or declare more than can be read within the bounds of sheet.go, it
// records a CodeFileUnreadable error naming the file and reports false.
// The caller must Close the workbook; its sheets are read with sheetRows or
// openSheet, never with excelize's GetRows, Rows or GetMergeCells.
func (rd *reader) openBook(fi int32, data []byte) (wb *workbook, ok bool) {
	return openBookAt(rd.b.Files[fi].Path, data, rd.add)
}

// tempDirName is where excelize writes the parts over 16 MB it unpacks to
// disk: "" for the system's temporary folder (see SetTempDir).
var tempDirName atomic.Value

// SetTempDir makes excelize write the parts it unpacks to disk into dir ("":
// the system's temporary folder). A run points it at its own working folder,
// which it removes at the end and which the next run removes if this one was
// killed, so that no excelize-* file outlives a run (issue 30).
func SetTempDir(dir string) { tempDirName.Store(dir) }

func tempDir() string {
	s, _ := tempDirName.Load().(string)
	return s
}

// openBookAt is openBook for the file at path, recording problems with add.
// Note: it touches no reader state, so that data files can be opened ahead on
// other goroutines (prefetch.go).
func openBookAt(path string, data []byte, add func(Problem)) (wb *workbook, ok bool) {
	fail := func(err error) {
		add(sheetProblem(path, "", err))
	}
	// Note: excelize parses untrusted zip/XML; a panic inside it on a corrupt file
	// is turned into an unreadable-file problem instead of aborting the whole run.
	defer func() {
		if r := recover(); r != nil {
			wb, ok = nil, false
			fail(fmt.Errorf("%v", r))
		}
	}()
	if why := checkZip(data); why != nil {
		fail(why)
		return nil, false
	}
	view, stubs, err := excelizeView(data)
	if err != nil {
		fail(newSheetError(0, HintCorrupt))
		return nil, false
	}
	f, err := excelize.OpenReader(bytes.NewReader(view), excelize.Options{UnzipSizeLimit: maxUnzip, TmpDir: tempDir()})
	if err != nil {
		fail(err)
		return nil, false
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		fail(newSheetError(0, HintNoSheets))
		return nil, false
	}
	wb, err = newWorkbook(f, data)
	if err != nil {
		f.Close()
		fail(err)
		return nil, false
	}
	wb.stubs = stubs
	return wb, true
}

// sheetRows returns the cell values of sheet, row
// by row from row 1, unformatted (RawCellValue: a code is "1" whatever its number
// format, a date is its serial number); formula cells give their cached value.
// Rows are not padded: a row may be shorter than the header, and blank rows are
// nil. The error is a *sheetError (Japanese, with the row) when the sheet
// exceeds the bounds of sheet.go or is malformed.
// Note: rows are numbered by their index, so the blank rows up to the last row
// with a value are materialised (nil, 24 bytes each); they draw on the work
// budget, which a sheet with a value in Excel's last row still fits.
func (wb *workbook) sheetRows(sheet string) (rows [][]string, err error) {
	s, err := wb.openSheet(sheet)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	for s.Next() {
		n := s.Num()
		if !wb.spend(int64(n - len(rows) - 1)) {
			return nil, errBudget(n)
		}
		for len(rows) < n-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, append([]string(nil), s.Row()...))
	}
	return rows, s.Err()
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

// maxEmptyRowProblems is the longest run of empty rows reported with one
// warning per row; a longer run gets one warning at its first row, giving its
// extent.
// Note: a gap in the row numbers is empty rows the file does not hold; one
// warning per row would let a few bytes produce a million problems.
const maxEmptyRowProblems = 100

// emptyRows counts the n empty rows from row from in cnt and reports them as
// CodeEmptyRow warnings located by at (File, Sheet).
func (rd *reader) emptyRows(cnt *RowCounts, at Problem, from, n int) {
	if n <= 0 {
		return
	}
	cnt.Read += n
	cnt.Empty += n
	at.Severity, at.Code = Warning, CodeEmptyRow
	if n > maxEmptyRowProblems {
		at.Row, at.Hint, at.Args = from, HintEmptyRun, []string{strconv.Itoa(from), strconv.Itoa(from + n - 1), strconv.Itoa(n)}
		rd.add(at)
		return
	}
	for i := range n {
		at.Row = from + i
		rd.add(at)
	}
}
