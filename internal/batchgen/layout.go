package batchgen

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
)

// header is the style of header rows.
func headerStyle(f *excelize.File) (int, error) {
	return f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
}

// sheetTable writes a header row and rows to a sheet of f, bold header, frozen
// first row and column widths from widths (in characters; 0 = default).
func sheetTable(f *excelize.File, sheet string, headers []string, widths []float64, rows [][]any) error {
	st, err := headerStyle(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, "A1", &headers); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(headers), 1)
	if err := f.SetCellStyle(sheet, "A1", last, st); err != nil {
		return err
	}
	for i, w := range widths {
		if w == 0 {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// writeXLSX writes f to w, byte for byte as SaveAs writes it to a .xlsx path.
// Note: SaveAs (which the generator used before it wrote to io.Writers) sets
// Path, and for a Path excelize also declares the content type of .bin parts in
// [Content_Types].xml; setting Path keeps the sample and the template
// byte-identical to those written before.
func writeXLSX(f *excelize.File, w io.Writer) error {
	f.Path = "book.xlsx"
	return f.Write(w)
}

// saveBook writes f to w and closes it.
func saveBook(f *excelize.File, w io.Writer) error {
	err := writeXLSX(f, w)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// row returns an empty row of sheet s, one cell per column; callers fill it by
// the sheet's column constants (ingest.ColDistrictCode, …), so that the
// generator follows the schema table.
func row(s *ingest.Sheet) []any { return make([]any, len(s.Columns)) }

// schemaTable writes sheet s of f with its header row and column widths from
// the schema table, and rows below. Unless all, the sheet's Extra columns are
// left out (leanColumns).
func schemaTable(f *excelize.File, s *ingest.Sheet, rows [][]any, all bool) error {
	n := len(s.Columns)
	if !all {
		n = leanColumns(s, rows)
		rows = trimRows(rows, n)
	}
	widths := make([]float64, n)
	for i, c := range s.Columns[:n] {
		widths[i] = c.Width
	}
	return sheetTable(f, s.Name, s.Headers()[:n], widths, rows)
}

// leanColumns returns how many of sheet s's columns a generated batch writes:
// all but the trailing Extra columns that no row fills.
func leanColumns(s *ingest.Sheet, rows [][]any) int {
	n := len(s.Columns)
	for n > 0 && s.Columns[n-1].Extra {
		for _, r := range rows {
			if n-1 < len(r) && r[n-1] != nil && r[n-1] != "" {
				return n
			}
		}
		n--
	}
	return n
}

// trimRows returns rows cut to at most n cells each.
func trimRows(rows [][]any, n int) [][]any {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = r[:min(len(r), n)]
	}
	return out
}

// sheetNames returns the names of sheets, in order.
func sheetNames(sheets []*ingest.Sheet) []string {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.Name
	}
	return names
}

// baseSheets returns sheets without those written only when given
// (ingest.Sheet.WhenGiven).
func baseSheets(sheets []*ingest.Sheet) []*ingest.Sheet {
	var out []*ingest.Sheet
	for _, s := range sheets {
		if !s.WhenGiven {
			out = append(out, s)
		}
	}
	return out
}

// settingRows returns the 設定 rows: every item of the schema with its value
// (values[item], by ingest.Setting constant, overrides the default) and its
// explanation. Items that only the sample writes (サンプルデータ) are listed
// only when values has them, and so are Extra items unless all.
func settingRows(values map[int]string, all bool) [][]any {
	var rows [][]any
	for i, it := range ingest.SettingsSheet.Items {
		v, ok := values[i]
		if (it.Sample || it.Extra && !all) && !ok {
			continue
		}
		if !ok {
			v = it.Default
		}
		var cell any = v
		if n, err := strconv.ParseFloat(v, 64); err == nil && i != ingest.SettingDate {
			cell = n // Note: numbers as numbers, as staff would type them
		}
		r := row(ingest.SettingsSheet)
		r[ingest.ColSettingItem], r[ingest.ColSettingValue], r[ingest.ColSettingNote] = it.Name, cell, it.Help
		rows = append(rows, r)
	}
	return rows
}

// choiceRows returns the 選択肢 rows of the given choices.
func choiceRows(cs []sampleChoice) [][]any {
	var rows [][]any
	for _, c := range cs {
		pos := ""
		if c.Pos {
			pos = "○"
		}
		r := row(ingest.ChoicesSheet)
		r[ingest.ColChoiceSet], r[ingest.ColChoiceCode], r[ingest.ColChoiceLabel] = c.Set, c.Code, c.Label
		r[ingest.ColChoiceAliases], r[ingest.ColChoiceScore], r[ingest.ColChoicePositive] = c.Alias, c.Score, pos
		rows = append(rows, r)
	}
	return rows
}

// writeDefinitionSheets writes every sheet of definitions.xlsx, in schema
// order, with its header, widths and rows[sheet] (none for an empty sheet);
// unless all, without the Extra columns that no row fills.
func writeDefinitionSheets(f *excelize.File, rows map[*ingest.Sheet][][]any, all bool) error {
	for _, s := range ingest.DefinitionsSchema.Sheets {
		if _, given := rows[s]; s.WhenGiven && !given {
			continue
		}
		if err := schemaTable(f, s, rows[s], all); err != nil {
			return err
		}
	}
	return nil
}

// hearingItemRows returns the ヒアリング項目 rows of hearingForm, with their
// テーマ only when themes (the template has no themes to refer to).
func hearingItemRows(themes bool) [][]any {
	var rows [][]any
	for _, it := range hearingForm {
		th := it.Theme
		if !themes {
			th = ""
		}
		r := row(ingest.HearingItemsSheet)
		r[ingest.ColItemID], r[ingest.ColItemName], r[ingest.ColItemKind] = it.ID, it.Name, it.Kind
		r[ingest.ColItemCell], r[ingest.ColItemHeader], r[ingest.ColItemTheme], r[ingest.ColItemScale] = it.Cell, it.Header, th, it.Scale
		rows = append(rows, r)
	}
	return rows
}

// dropLists adds the drop-down lists of sheet s: one on the first rows data
// rows of every column with keywords (its help as the prompt), and one on the
// value cell of every 設定-style item with keywords (other than sample-only ones).
func dropLists(f *excelize.File, s *ingest.Sheet, rows int) error {
	for i, c := range s.Columns {
		if c.Values == nil {
			continue
		}
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := dropList(f, s.Name, fmt.Sprintf("%s2:%s%d", col, col, rows+1), c.Values, c.Help); err != nil {
			return err
		}
	}
	for i, it := range s.Items {
		if it.Values == nil || it.Sample {
			continue
		}
		// Note: no prompt; the item's help is already in the 説明 column beside it.
		cell, err := excelize.CoordinatesToCellName(ingest.ColSettingValue+1, i+2)
		if err != nil {
			return err
		}
		if err := dropList(f, s.Name, cell, it.Values, ""); err != nil {
			return err
		}
	}
	return nil
}

// dropList adds an in-cell drop-down list of keys to sqref on sheet, warning
// (not stopping) on other values so that pasted data is not blocked.
func dropList(f *excelize.File, sheet, sqref string, keys []string, prompt string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if err := dv.SetDropList(keys); err != nil {
		return err
	}
	if prompt != "" {
		dv.SetInput("入力のしかた", prompt)
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "一覧にない値です", "一覧から選んでください。")
	return f.AddDataValidation(sheet, dv)
}
