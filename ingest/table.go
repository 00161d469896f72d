package ingest

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"
)

// A rowSource streams the rows of one response file, .xlsx or .csv, so that a
// 100k-row file is never held as a [][]string.
type rowSource interface {
	// Next advances to the next row and reports whether there is one.
	Next() bool
	// Row returns the current row's raw cell values; the slice is only valid
	// until the next call to Next. A CSV's blank lines are empty rows; a
	// workbook yields only the rows that hold a value.
	Row() []string
	// Num returns the current row's 1-based number: the spreadsheet row, or the
	// CSV record number. Numbers increase but may skip (rows without a value).
	Num() int
	// Sheet returns the sheet read ("" for CSV), for problems.
	Sheet() string
	// Err returns the error that stopped Next early, if any.
	Err() error
	// Close releases the file.
	Close()
	// CRRow returns the first row of a CSV that a lone CR ended, 0 if none.
	CRRow() int
}

// A sizedSource is a rowSource that announces how many rows it has
// (sheetScanner.RowsHint), for making room ahead; once Next has returned a row.
type sizedSource interface {
	RowsHint() int
}

// openTable opens the response file fi (its bytes are data) as a row source.
// When the file cannot be read it records a CodeFileUnreadable or
// CodeFileEncoding error naming the file and reports false.
func (rd *reader) openTable(fi int32, data []byte) (rowSource, bool) {
	return openTableAt(rd.b.Files[fi].Path, data, rd.add)
}

// openTableAt is openTable for the file at path, recording problems with add;
// like openBookAt it touches no reader state.
func openTableAt(p string, data []byte, add func(Problem)) (rowSource, bool) {
	if strings.EqualFold(path.Ext(p), ".csv") {
		text, ok := decodeCSV(data)
		if !ok {
			add(Problem{Severity: Error, Code: CodeFileEncoding, File: p})
			return nil, false
		}
		return newCSVSource(text), true
	}
	wb, ok := openBookAt(p, data, add)
	if !ok {
		return nil, false
	}
	sheet, ok := findSheet(wb.File, ResponsesSheet.Name)
	if !ok {
		sheet = firstVisibleSheet(wb.File)
	}
	sc, err := wb.openSheet(sheet)
	if err != nil {
		wb.Close()
		add(sheetProblem(p, sheet, err))
		return nil, false
	}
	return &xlsxSource{sheetScanner: sc, wb: wb, sheet: sheet}, true
}

// firstVisibleSheet returns the first sheet the user sees in Excel: the first
// that is not hidden, or the first sheet when all are hidden.
// Note: a hidden first sheet (a lookup list for drop-downs) is not what staff
// mean by "the first sheet".
func firstVisibleSheet(f *excelize.File) string {
	list := f.GetSheetList()
	for _, name := range list {
		if visible, err := f.GetSheetVisible(name); err == nil && visible {
			return name
		}
	}
	return list[0]
}

// decodeCSV returns the text of a CSV file: UTF-8 (a BOM is stripped) when the
// bytes are valid UTF-8, else Shift_JIS/CP932. It reports false when the bytes
// are neither.
// Note: valid UTF-8 is checked first because CP932 accepts most byte strings,
// while Japanese text in CP932 is almost never valid UTF-8.
func decodeCSV(data []byte) (string, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var text string
	if utf8.Valid(data) {
		text = string(data)
	} else {
		b, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(b, utf8.RuneError) {
			return "", false
		}
		text = string(b)
	}
	// Note: NUL never occurs in a text file; a binary file saved as .csv would
	// otherwise "decode" as garbage rows.
	if strings.IndexByte(text, 0) >= 0 {
		return "", false
	}
	return text, true
}

// xlsxSource streams one worksheet with a sheetScanner: only the rows that hold
// a value, with raw cell values (a code is "1" whatever its number format;
// formulas give their cached value).
type xlsxSource struct {
	*sheetScanner
	wb    *workbook
	sheet string
}

func (s *xlsxSource) Sheet() string { return s.sheet }
func (s *xlsxSource) CRRow() int    { return 0 }

func (s *xlsxSource) Close() {
	s.sheetScanner.Close()
	s.wb.Close()
}
