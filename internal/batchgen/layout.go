package batchgen

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
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

// Definition sheet headers (inputs.md section 2), shared with the template.
var (
	defSheets    = []string{"設定", "地区", "町名", "テーマ", "設問", "選択肢", "指標", "ヒアリング項目"}
	hdrSettings  = []string{"項目", "値", "説明"}
	hdrDistricts = []string{"地区コード", "地区名", "別名", "人口", "配布数"}
	hdrTowns     = []string{"町名", "地区"}
	hdrThemes    = []string{"テーマコード", "テーマ名", "キーワード"}
	hdrQuestions = []string{"設問ID", "設問文", "形式", "選択肢", "テーマ", "属性", "対象条件"}
	hdrChoices   = []string{"選択肢セット", "コード", "ラベル", "別名", "点数", "肯定"}
	hdrIndic     = []string{"指標ID", "指標名", "テーマ", "設問ID", "該当コード", "策定時値", "策定時n", "目標値", "方向"}
	hdrHearing   = []string{"項目ID", "項目名", "種別", "セル", "見出し", "テーマ", "尺度"}
	hdrCorrect   = []string{"対象", "ID", "項目", "修正前", "修正後", "理由", "担当", "ファイル"}
)

// settingRows returns the 設定 rows: every 項目 with its value (values[項目]
// overrides the default) and a short explanation.
func settingRows(values map[string]string) [][]any {
	items := [][3]string{
		{"計画名", "", "計画の名前（全ページに印刷）。例：ひっとプラン港北（第4期）"},
		{"区名", "", "区の名前"},
		{"調査名", "", "例：中間振り返り 区民アンケート"},
		{"基準日", "", "振り返りの基準日 YYYY-MM-DD（報告書の日付）"},
		{"配布数", "", "区全体の配布数（回収率の計算用、省略可）"},
		{"秘匿基準", "10", "集計の母数がこれ未満のときは数値を x で伏せる"},
		{"参考値基準", "30", "母数がこれ未満のときは「参考値」と表示"},
		{"重み付け", "しない", "する／しない（地区の人口で補正）"},
		{"有意水準", "0.05", "検定の有意水準"},
		{"評価方法", "検定", "検定／ポイント（指標の変化の判定方法）"},
		{"維持幅", "3", "評価方法がポイントのとき、変化なしとみなす幅（ポイント）"},
	}
	var rows [][]any
	for _, it := range items {
		v := it[1]
		if x, ok := values[it[0]]; ok {
			v = x
		}
		var cell any = v
		if n, err := strconv.ParseFloat(v, 64); err == nil && it[0] != "基準日" {
			cell = n // Note: numbers as numbers, as staff would type them
		}
		rows = append(rows, []any{it[0], cell, it[2]})
	}
	if v, ok := values["サンプルデータ"]; ok {
		rows = append(rows, []any{"サンプルデータ", v, "はい：架空のデータ（全ページに「サンプルデータ」と表示）"})
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
		rows = append(rows, []any{c.Set, c.Code, c.Label, c.Alias, c.Score, pos})
	}
	return rows
}

// defLayout is the header row and column widths of each definitions sheet, in
// defSheets order; the sample and the template share it.
var defLayout = []struct {
	hdr    []string
	widths []float64
}{
	{hdrSettings, []float64{14, 30, 60}},
	{hdrDistricts, []float64{11, 16, 30, 10, 10}},
	{hdrTowns, []float64{20, 16}},
	{hdrThemes, []float64{13, 16, 60}},
	{hdrQuestions, []float64{9, 70, 7, 12, 8, 7, 12}},
	{hdrChoices, []float64{13, 7, 40, 20, 7, 7}},
	{hdrIndic, []float64{8, 44, 8, 8, 11, 10, 9, 9, 7}},
	{hdrHearing, []float64{8, 26, 9, 7, 14, 8, 8}},
}

// writeDefinitionSheets writes every definitions sheet with its header, widths
// and rows[i] (nil for an empty sheet).
func writeDefinitionSheets(f *excelize.File, rows [][][]any) error {
	for i, l := range defLayout {
		if err := sheetTable(f, defSheets[i], l.hdr, l.widths, rows[i]); err != nil {
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
		rows = append(rows, []any{it.ID, it.Name, it.Kind, it.Cell, it.Header, th, it.Scale})
	}
	return rows
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
