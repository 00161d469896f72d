// Package xlsxbuild writes small workbooks from rows and cells, and dumps a
// workbook back as text: the one builder behind every in-memory test workbook
// and the batch generator's plain sheets. For crafted-input tests it also
// rewrites one zip part of a workbook (EditPart, RelabelPart).
//
// It imports nothing from this module, so that tests of any package (ingest's
// own tests too) can use it without an import cycle.
package xlsxbuild

import (
	"bytes"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A Sheet is one worksheet of a workbook built by Book.
type Sheet struct {
	Name string
	// Rows are written from A1, one row each (excelize's SetSheetRow): a nil
	// value is an empty cell, a nil or empty row is left blank.
	Rows [][]any
	// Cells are single values by A1 reference, written after Rows in row-major
	// order (so that the shared strings, and the bytes, do not depend on map order).
	Cells map[string]any
	// Merges are merged ranges {top-left, bottom-right}, merged after the cells.
	Merges [][2]string
}

// New returns an empty workbook whose sheets are named names, in order (the
// first one is excelize's default Sheet1 renamed).
func New(names ...string) (*excelize.File, error) {
	f := excelize.NewFile()
	if len(names) == 0 {
		return f, nil
	}
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		f.Close()
		return nil, err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// Book returns a workbook holding sheets, in order. It creates every sheet
// first, then fills them one after another.
func Book(sheets ...Sheet) (*excelize.File, error) {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.Name
	}
	f, err := New(names...)
	if err != nil {
		return nil, err
	}
	for _, s := range sheets {
		if err := Fill(f, s); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// Bytes returns the xlsx bytes of Book(sheets...).
func Bytes(sheets ...Sheet) ([]byte, error) {
	f, err := Book(sheets...)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// Fill writes s's rows, cells and merges into its sheet of f, which must exist.
func Fill(f *excelize.File, s Sheet) error {
	for i, r := range s.Rows {
		if len(r) == 0 {
			continue
		}
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(s.Name, cell, &r); err != nil {
			return err
		}
	}
	type ref struct {
		name     string
		col, row int
	}
	refs := make([]ref, 0, len(s.Cells))
	for name := range s.Cells {
		col, row, err := excelize.CellNameToCoordinates(name)
		if err != nil {
			return err
		}
		refs = append(refs, ref{name, col, row})
	}
	slices.SortFunc(refs, func(a, b ref) int {
		if a.row != b.row {
			return a.row - b.row
		}
		return a.col - b.col
	})
	for _, r := range refs {
		if err := f.SetCellValue(s.Name, r.name, s.Cells[r.name]); err != nil {
			return err
		}
	}
	for _, m := range s.Merges {
		if err := f.MergeCell(s.Name, m[0], m[1]); err != nil {
			return err
		}
	}
	return nil
}

// Dump returns a text dump of the workbook in data: one `Sheet!A1<TAB>value`
// line per non-empty cell, sheets in workbook order, cells row-major. Values are
// raw (unformatted, formulas by their cached value); a backslash, tab, CR or line
// feed in a value is written as \\, \t, \r or \n so that every cell is one line.
// It is the format of the NAME.xlsx.txt files committed beside test workbooks.
func Dump(data []byte) (string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	defer f.Close()
	esc := strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\r", `\r`, "\n", `\n`)
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return "", err
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				b.WriteString(sheet + "!" + cell + "\t" + esc.Replace(v) + "\n")
			}
		}
	}
	return b.String(), nil
}
