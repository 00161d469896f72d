package batchgen

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
)

// Sheet names of the hearing workbooks the generator writes. Note: the reader
// reads every sheet, form or table, whatever its name, and skips the example
// sheets that ingest.ExampleSheets names; these names are the generator's own.
const (
	formSheet = "ヒアリングシート" // the template's empty form
	orgSheet  = "団体%02d"   // the sample's forms, by organization number
	listSheet = "一覧"       // the sample's table of the other organizations
)

// exampleSheet is the filled-in example: a name the reader skips.
var exampleSheet = ingest.ExampleSheets[0]

// hearingScale is the choice set of the form's 評価 items.
const hearingScale = "評価4"

// A hearingFormItem is a row of sheet ヒアリング項目 with its place on the form.
type hearingFormItem struct {
	ID, Name, Kind, Cell, Header, Theme, Scale string
	Label                                      string // label printed on the form
	LabelCell                                  string
	Merge                                      string // bottom-right of the value's merged range, or ""
}

// hearingForm is the form-style ヒアリングシート shared by the sample and the template.
var hearingForm = []hearingFormItem{
	{"H01", "団体名", "団体名", "C3", "", "", "", "団体名", "B3", "F3"},
	{"H02", "団体種別", "団体種別", "C4", "", "", "", "団体種別", "B4", "F4"},
	{"H03", "活動地区", "地区", "C5", "", "", "", "活動地区（複数可、「、」区切り）", "B5", "F5"},
	{"H04", "会員数", "数値", "C6", "会員数（人）", "", "", "会員数（人）", "B6", ""},
	{"H05", "住民同士のつながりづくり", "評価", "E9", "", "T1", "評価4", "住民同士のつながりづくり", "B9", ""},
	{"H06", "地域活動の担い手の確保", "評価", "E10", "", "T2", "評価4", "地域活動の担い手の確保", "B10", ""},
	{"H07", "関係機関との連携", "評価", "E11", "", "T3", "評価4", "関係機関との連携", "B11", ""},
	{"H08", "災害時の支え合いの備え", "評価", "E12", "", "T4", "評価4", "災害時の支え合いの備え", "B12", ""},
	{"H09", "健康づくり・介護予防", "評価", "E13", "", "T5", "評価4", "健康づくり・介護予防", "B13", ""},
	{"H10", "主な成果", "記述", "C15", "", "", "", "主な成果", "B15", "F17"},
	{"H11", "今後の課題", "記述", "C19", "", "", "", "今後の課題", "B19", "F21"},
}

// exampleHearing is the filled-in example shown on 記入例 sheets.
func exampleHearing() sampleHearing {
	return sampleHearing{
		Name: "（記入例）〇〇地区社会福祉協議会", Type: "地区社会福祉協議会", Districts: "〇〇",
		Members: 35, Ratings: [5]int{2, 3, 1, 2, 2},
		Result: "見守り訪問の担い手を5人増やした。", Issue: "役員の高齢化が進み、次の担い手が見つからない。",
	}
}

// drawHearingForm draws the ヒアリングシート layout of hearingForm on sheet and
// fills in values (by item; nil = blank). With cellMap, column H names each
// item's 項目ID and cell, so that staff can adapt sheet ヒアリング項目.
func drawHearingForm(f *excelize.File, sheet string, values []any, cellMap bool) error {
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	border := []excelize.Border{
		{Type: "left", Color: "7F7F7F", Style: 1}, {Type: "right", Color: "7F7F7F", Style: 1},
		{Type: "top", Color: "7F7F7F", Style: 1}, {Type: "bottom", Color: "7F7F7F", Style: 1},
	}
	label, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	input, err := f.NewStyle(&excelize.Style{Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	set := func(cell string, v any) error {
		if v == nil {
			return nil
		}
		return f.SetCellValue(sheet, cell, v)
	}
	for _, c := range []struct {
		col string
		w   float64
	}{{"A", 3}, {"B", 22}, {"C", 14}, {"D", 14}, {"E", 14}, {"F", 14}, {"H", 28}} {
		if err := f.SetColWidth(sheet, c.col, c.col, c.w); err != nil {
			return err
		}
	}
	if err := set("A1", "地域福祉保健計画 中間振り返り ヒアリングシート"); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", "F1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", title); err != nil {
		return err
	}
	if err := set("B8", "取組の評価（1 よくできている／2 ある程度できている／3 あまりできていない／4 できていない）"); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "B8", "D8"); err != nil {
		return err
	}
	if err := set("E8", "評価"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "B8", "E8", label); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 8, 30); err != nil {
		return err
	}
	if cellMap {
		if err := set("H2", "セルと項目の対応（ヒアリング項目シート）"); err != nil {
			return err
		}
	}
	for i, it := range hearingForm {
		if err := set(it.LabelCell, it.Label); err != nil {
			return err
		}
		col, row, _ := excelize.CellNameToCoordinates(it.LabelCell)
		labelEnd := it.LabelCell
		if it.Kind == "評価" {
			labelEnd, _ = excelize.CoordinatesToCellName(col+2, row)
			if err := f.MergeCell(sheet, it.LabelCell, labelEnd); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, it.LabelCell, labelEnd, label); err != nil {
			return err
		}
		end := it.Cell
		if it.Merge != "" {
			end = it.Merge
			if err := f.MergeCell(sheet, it.Cell, it.Merge); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, it.Cell, end, input); err != nil {
			return err
		}
		if i < len(values) {
			if err := set(it.Cell, values[i]); err != nil {
				return err
			}
		}
		if cellMap {
			if err := set(fmt.Sprintf("H%d", i+3), fmt.Sprintf("%s %s → セル %s", it.ID, it.Name, it.Cell)); err != nil {
				return err
			}
		}
	}
	return nil
}
