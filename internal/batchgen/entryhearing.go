package batchgen

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// orgItem returns the index of b's 団体名 hearing item, or -1.
func orgItem(b *ingest.Batch) int {
	for i, it := range b.HearingItems {
		if it.Kind == ingest.HOrg {
			return i
		}
	}
	return -1
}

// A formPlace is a hearing item's place on the generated form: its value
// area (the セル, merged with the cells right of it and below it for text
// items) and its label's area to the left (LabelCol 0: no room for a label,
// the item is then named in the value cell's note).
type formPlace struct {
	Item                     int
	Col, Row, EndCol, EndRow int
	LabelCol, LabelEndCol    int
}

// formLayout places the hearing items that have a セル: each value cell
// first, then text items widened up to three columns to the right (記述 also
// up to two rows down) over free cells, then each label in the free cells
// left of its value (up to column B), in sheet ヒアリング項目 order.
func formLayout(items []ingest.HearingItem) []formPlace {
	used := map[[2]int]bool{}
	var ps []formPlace
	for i, it := range items {
		if it.Cell == "" {
			continue
		}
		col, row, err := excelize.CellNameToCoordinates(it.Cell)
		if err != nil || used[[2]int{col, row}] {
			continue
		}
		used[[2]int{col, row}] = true
		ps = append(ps, formPlace{Item: i, Col: col, Row: row, EndCol: col, EndRow: row})
	}
	free := func(c1, c2, r int) bool {
		for c := c1; c <= c2; c++ {
			if c < 1 || used[[2]int{c, r}] {
				return false
			}
		}
		return true
	}
	for k := range ps {
		p := &ps[k]
		switch items[p.Item].Kind {
		case ingest.HOrg, ingest.HOrgType, ingest.HDistrict, ingest.HText, ingest.HComment:
			for p.EndCol < p.Col+3 && free(p.EndCol+1, p.EndCol+1, p.Row) {
				p.EndCol++
				used[[2]int{p.EndCol, p.Row}] = true
			}
		}
		if items[p.Item].Kind == ingest.HComment {
			for p.EndRow < p.Row+2 && free(p.Col, p.EndCol, p.EndRow+1) {
				p.EndRow++
				for c := p.Col; c <= p.EndCol; c++ {
					used[[2]int{c, p.EndRow}] = true
				}
			}
		}
	}
	for k := range ps {
		p := &ps[k]
		if !free(p.Col-1, p.Col-1, p.Row) {
			continue
		}
		p.LabelCol, p.LabelEndCol = p.Col-1, p.Col-1
		for p.LabelCol > 2 && free(p.LabelCol-1, p.LabelCol-1, p.Row) {
			p.LabelCol--
		}
		for c := p.LabelCol; c <= p.LabelEndCol; c++ {
			used[[2]int{c, p.Row}] = true
		}
	}
	return ps
}

// scaleList returns the drop-down values of a 評価 item: its 尺度's labels,
// or its codes when the labels do not fit in a rule (the reader takes both),
// and the "1 label／2 label" prompt.
func scaleList(b *ingest.Batch, it *ingest.HearingItem) (list []string, prompt string) {
	if it.Scale < 0 || it.Scale >= len(b.ChoiceSets) {
		return nil, ""
	}
	var labels, codes, pairs []string
	for _, ch := range b.ChoiceSets[it.Scale].Choices {
		labels = append(labels, ch.Label)
		codes = append(codes, strconv.Itoa(ch.Code))
		pairs = append(pairs, fmt.Sprintf("%d %s", ch.Code, ch.Label))
	}
	if !fitsRule(labels) {
		labels = codes
	}
	return labels, strings.Join(pairs, "／")
}

// itemRule adds the entry rule of hearing item it to sqref on sheet: the 尺度
// drop-down for 評価, a whole number for 数値, nothing for text items (their
// prompt only).
func itemRule(f *excelize.File, lists *listPlacer, b *ingest.Batch, sheet, sqref string, it *ingest.HearingItem) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	switch it.Kind {
	case ingest.HRating:
		list, prompt := scaleList(b, it)
		if list == nil {
			return nil
		}
		if err := lists.rule(dv, list); err != nil {
			return err
		}
		return stopRule(f, sheet, dv, it.Name, prompt, "尺度にない値です。一覧から選んでください（未記入は空欄）。")
	case ingest.HNumber:
		return numberRule(f, sheet, sqref, it.Name, fmt.Sprintf("整数（%d〜%d）を入力してください。", entryNumMin, entryNumMax))
	case ingest.HDistrict:
		var names []string
		for _, d := range b.Districts {
			names = append(names, d.Name)
		}
		dv.SetInput(truncUTF16(it.Name, 32), truncUTF16("地区名（複数のときは「、」区切り）: "+strings.Join(names, "、"), 255))
		return f.AddDataValidation(sheet, dv)
	}
	return nil
}

// exampleValue returns the 記入例 value of item it; k (the number of 評価 and
// 記述 items before it) varies the ratings and comments.
func exampleValue(b *ingest.Batch, it *ingest.HearingItem, k int) any {
	switch it.Kind {
	case ingest.HOrg:
		return "（記入例）〇〇地区社会福祉協議会"
	case ingest.HOrgType:
		return "地区社会福祉協議会"
	case ingest.HDistrict:
		if len(b.Districts) > 0 {
			return b.Districts[0].Name
		}
	case ingest.HRating:
		if it.Scale >= 0 && it.Scale < len(b.ChoiceSets) {
			cs := b.ChoiceSets[it.Scale].Choices
			if len(cs) > 0 {
				list, _ := scaleList(b, it)
				return list[k%len(cs)]
			}
		}
	case ingest.HNumber:
		return 35
	case ingest.HComment:
		return []string{"見守り訪問の担い手を5人増やした。", "役員の高齢化が進み、次の担い手が見つからない。"}[k%2]
	case ingest.HText:
		return "（記入例）"
	}
	return nil
}

// drawEntryForm draws the form of layout ps on sheet: labels, input cells
// (unlocked, merged for text), rules, and example values when example.
func drawEntryForm(f *excelize.File, lists *listPlacer, b *ingest.Batch, sheet string, ps []formPlace, example bool) error {
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
	input, err := f.NewStyle(&excelize.Style{Border: border, Protection: &excelize.Protection{Locked: false},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	cell := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	maxCol, maxRow, top := 2, 1, excelize.TotalRows
	labelW := map[int]float64{}
	colA := false
	for _, p := range ps {
		maxCol, maxRow, top = max(maxCol, p.EndCol), max(maxRow, p.EndRow), min(top, p.Row)
		colA = colA || p.Col == 1 || (p.LabelCol == 1)
		if p.LabelCol > 0 && p.LabelCol == p.LabelEndCol {
			labelW[p.LabelCol] = max(labelW[p.LabelCol], fitWidth(10, 30, b.HearingItems[p.Item].Name))
		}
	}
	for c := 1; c <= maxCol; c++ {
		w := 12.0
		if lw, ok := labelW[c]; ok {
			w = max(w, lw)
		}
		if c == 1 && !colA {
			w = 3
		}
		name, _ := excelize.ColumnNumberToName(c)
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	if top > 1 {
		t := strings.TrimSpace(b.Settings.PlanName + " ヒアリングシート")
		if example {
			t += "（記入例）"
		}
		if err := f.SetCellStr(sheet, "A1", t); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, "A1", "A1", title); err != nil {
			return err
		}
	}
	comments := 0
	for _, p := range ps {
		it := &b.HearingItems[p.Item]
		from, to := cell(p.Col, p.Row), cell(p.EndCol, p.EndRow)
		if to != from {
			if err := f.MergeCell(sheet, from, to); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, from, to, input); err != nil {
			return err
		}
		if p.LabelCol > 0 {
			l1, l2 := cell(p.LabelCol, p.Row), cell(p.LabelEndCol, p.Row)
			if err := f.SetCellStr(sheet, l1, it.Name); err != nil {
				return err
			}
			if l2 != l1 {
				if err := f.MergeCell(sheet, l1, l2); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(sheet, l1, l2, label); err != nil {
				return err
			}
		} else {
			if err := note(f, sheet, from, it.Name); err != nil {
				return err
			}
		}
		if err := itemRule(f, lists, b, sheet, from, it); err != nil {
			return err
		}
		if example {
			if v := exampleValue(b, it, comments); v != nil {
				if err := f.SetCellValue(sheet, from, v); err != nil {
					return err
				}
			}
		}
		if it.Kind == ingest.HComment || it.Kind == ingest.HRating {
			comments++
		}
	}
	help := "1団体につき1シート。このシートをコピーして使います（記入例のシートは読み込まれません）。"
	if err := f.SetCellStr(sheet, cell(1, maxRow+2), help); err != nil {
		return err
	}
	if err := fitPage(f, sheet, "portrait"); err != nil {
		return err
	}
	return protectHeader(f, sheet)
}

// writeEntryHearingForm writes the form-style hearing workbook: an empty
// ヒアリングシート laid out from sheet ヒアリング項目 and a filled-in 記入例
// (which the reader skips).
func writeEntryHearingForm(w io.Writer, b *ingest.Batch) error {
	f, err := xlsxbuild.New(formSheet, exampleSheet)
	if err != nil {
		return err
	}
	defer f.Close()
	ps := formLayout(b.HearingItems)
	lists := &listPlacer{f: f}
	if err := drawEntryForm(f, lists, b, formSheet, ps, false); err != nil {
		return err
	}
	if err := drawEntryForm(f, lists, b, exampleSheet, ps, true); err != nil {
		return err
	}
	return writeXLSX(f, w)
}

// writeEntryHearingList writes the tabular hearing list: sheet 一覧 with one
// column per item headed by its 見出し, the same rules as the form on
// entryHearingRows rows, and the header row protected.
func writeEntryHearingList(w io.Writer, b *ingest.Batch) error {
	sheet := listSheet
	f, err := xlsxbuild.New(sheet)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := newEntryStyles(f)
	if err != nil {
		return err
	}
	lists := &listPlacer{f: f}
	for i := range b.HearingItems {
		it := &b.HearingItems[i]
		width := fitWidth(8, 16, it.Header)
		if it.Kind == ingest.HOrg || it.Kind == ingest.HComment {
			width = 36
		}
		n := it.ID + " " + it.Name
		if it.Kind == ingest.HRating {
			_, prompt := scaleList(b, it)
			n = lines(n, strings.ReplaceAll(prompt, "／", "\n"))
		}
		name, err := entryHeader(f, sheet, i+1, st.input, width, it.Header, n)
		if err != nil {
			return err
		}
		if err := itemRule(f, lists, b, sheet, fmt.Sprintf("%s2:%s%d", name, name, entryHearingRows+1), it); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(max(len(b.HearingItems), 1), 1)
	if err := f.SetCellStyle(sheet, "A1", last, st.header); err != nil {
		return err
	}
	return writeEntrySheet(w, f, sheet, 1, 1)
}
