package batchgen

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// Progress entry workbooks (振り返りシート, inputs.md section 8): one per
// district of sheet 地区 that has initiatives, and one for the ward-wide
// plan (取組.地区 blank or 区全体), each listing its initiatives on sheet
// ingest.ProgressSheet with the schema's headers.

// ProgressEntryName returns the file name of the progress entry workbook of
// district d (an index into b.Districts; -1 = the ward-wide plan):
// progress_NN_地区名.xlsx, NN in sheet 地区 order as for districts/ handouts,
// and progress_00_区全体.xlsx.
func ProgressEntryName(b *ingest.Batch, d int) string {
	if d < 0 {
		return "progress_00_" + ingest.WardWide + ".xlsx"
	}
	return fmt.Sprintf("progress_%02d_%s.xlsx", d+1, b.Districts[d].Name)
}

// progressEntryGroups returns the districts that have initiatives, in sheet
// order, then -1 when some initiative is ward-wide.
func progressEntryGroups(b *ingest.Batch) []int {
	has := make([]bool, len(b.Districts)+1)
	for _, in := range b.Initiatives {
		has[in.District+1] = true
	}
	var out []int
	for d := range b.Districts {
		if has[d+1] {
			out = append(out, d)
		}
	}
	if has[0] {
		out = append(out, -1)
	}
	return out
}

// progressEntryExtra is how many rows below the initiatives' own rows get the
// rules, for further years or a second record of an initiative.
const progressEntryExtra = 100

// FiscalYear returns the fiscal year (年度, April to March) of t: 2026-03-31
// is 2025, 2026-04-01 is 2026.
func FiscalYear(t time.Time) int {
	if t.Month() < time.April {
		return t.Year() - 1
	}
	return t.Year()
}

// yearLabel is a fiscal year as staff write it: 令和7年度 (平成 before 2019).
func yearLabel(y int) string {
	switch {
	case y >= 2019:
		return "令和" + strconv.Itoa(y-2018) + "年度"
	case y >= 1989:
		return "平成" + strconv.Itoa(y-1988) + "年度"
	}
	return strconv.Itoa(y) + "年度"
}

// progressYears are the drop-down's fiscal years: the plan's span up to the
// year of 基準日 (six years back) and the one after it. Without 基準日, ""
// (the column takes any year then).
// Note: the list has no clock to go by (nothing below cmd reads it), so
// 基準日 sets the year; the reader accepts any year besides.
func progressYears(b *ingest.Batch) []string {
	if b.Settings.Date.IsZero() {
		return nil
	}
	fy := FiscalYear(b.Settings.Date)
	var out []string
	for y := fy - 6; y <= fy+1; y++ {
		out = append(out, yearLabel(y))
	}
	return out
}

// writeEntryProgress writes the progress entry workbook of district d: row 1
// the headers of ingest.ProgressSheet (notes say what each takes), then one
// row per initiative with its 取組ID and 取組名 filled in and locked, 年度
// set to the fiscal year of 基準日, then progressEntryExtra free rows. Rules:
// 年度, 取組ID (free rows), 進ちょく (the 進ちょく尺度 labels) and 次年度 are
// drop-down lists that refuse other values, 実績 a number from 0.
func writeEntryProgress(w io.Writer, b *ingest.Batch, d int) error {
	sheet := ingest.ProgressSheet.Name
	f, err := xlsxbuild.New(sheet)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := newEntryStyles(f)
	if err != nil {
		return err
	}
	locked, err := f.NewStyle(&excelize.Style{
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Border: []excelize.Border{{Type: "bottom", Color: "BFBFBF", Style: 1}},
	})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Protection: &excelize.Protection{Locked: false},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	var inits []*ingest.Initiative
	for i := range b.Initiatives {
		if b.Initiatives[i].District == d {
			inits = append(inits, &b.Initiatives[i])
		}
	}
	last := 1 + len(inits) + progressEntryExtra
	years := progressYears(b)
	var scale []string
	for _, c := range b.ProgressScale.Choices {
		scale = append(scale, c.Label)
	}
	var ids, idNotes []string
	for _, in := range inits {
		ids = append(ids, in.ID)
		n := in.ID + " " + in.Name
		if in.Measure != "" {
			n += "（" + in.Measure
			if in.Unit != "" {
				n += "・" + in.Unit
			}
			if in.HasTarget {
				n += "、目標 " + strconv.FormatFloat(in.Target, 'f', -1, 64)
			}
			n += "）"
		}
		idNotes = append(idNotes, n)
	}
	notes := map[int]string{
		ingest.ColProgYear:   "年度（例：令和7年度、R7、2025）",
		ingest.ColProgID:     lines(append([]string{"取組ID（入力済み。行を足すときは一覧から選ぶ）"}, idNotes...)...),
		ingest.ColProgName:   "取組名（取組IDがあれば空欄でよい）",
		ingest.ColProgRating: "進ちょく：" + strings.Join(scale, "・"),
		ingest.ColProgActual: "実績：活動指標の数値（単位は書かない）",
		ingest.ColProgNext:   "次年度：" + strings.Join(ingest.ProgressSheet.Columns[ingest.ColProgNext].Values, "・"),
		ingest.ColProgHard:   "ハード：施設・道路など物理的な対応が要る課題（省略可）",
	}
	for c, fd := range ingest.ProgressSheet.Columns {
		style := st.input
		switch c {
		case ingest.ColProgDone, ingest.ColProgOutcome, ingest.ColProgIssues, ingest.ColProgHard:
			style = wrap
		}
		if _, err := entryHeader(f, sheet, c+1, style, max(fd.Width, fitWidth(8, 14, fd.Name)), fd.Name, notes[c]); err != nil {
			return err
		}
	}
	hdrEnd, _ := excelize.CoordinatesToCellName(len(ingest.ProgressSheet.Columns), 1)
	if err := f.SetCellStyle(sheet, "A1", hdrEnd, st.header); err != nil {
		return err
	}
	col := func(c int) string { n, _ := excelize.ColumnNumberToName(c + 1); return n }
	for i, in := range inits {
		r := strconv.Itoa(i + 2)
		if years != nil {
			if err := f.SetCellStr(sheet, col(ingest.ColProgYear)+r, yearLabel(FiscalYear(b.Settings.Date))); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sheet, col(ingest.ColProgID)+r, in.ID); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, col(ingest.ColProgName)+r, in.Name); err != nil {
			return err
		}
		// Note: an initiative's own ID and name are locked, so that a record is
		// never filed under another initiative by a slip; free rows below take
		// any initiative of the list.
		if err := f.SetCellStyle(sheet, col(ingest.ColProgID)+r, col(ingest.ColProgName)+r, locked); err != nil {
			return err
		}
	}
	area := func(c, from int) string { return fmt.Sprintf("%s%d:%s%d", col(c), from, col(c), last) }
	list := func(c, from int, values []string, title, prompt string) error {
		if len(values) == 0 || !fitsRule(values) {
			// Note: no hidden list sheet here: the progress reader reads every
			// sheet of a workbook in progress/. check names a wrong value.
			return nil
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = area(c, from)
		if err := dv.SetDropList(values); err != nil {
			return err
		}
		return stopRule(f, sheet, dv, title, prompt, "一覧から選んでください。")
	}
	if err := list(ingest.ColProgYear, 2, years, ingest.ProgressSheet.Header(ingest.ColProgYear), "一覧から年度を選んでください。"); err != nil {
		return err
	}
	if err := list(ingest.ColProgID, 2+len(inits), ids, ingest.ProgressSheet.Header(ingest.ColProgID), "この地区の取組IDを選んでください。"); err != nil {
		return err
	}
	if err := list(ingest.ColProgRating, 2, scale, ingest.ProgressSheet.Header(ingest.ColProgRating), strings.Join(scale, "・")); err != nil {
		return err
	}
	if err := list(ingest.ColProgNext, 2, ingest.ProgressSheet.Columns[ingest.ColProgNext].Values, ingest.ProgressSheet.Header(ingest.ColProgNext), "次年度の方向性を選んでください。"); err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = area(ingest.ColProgActual, 2)
	if err := dv.SetRange(0, 1e9, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	if err := stopRule(f, sheet, dv, ingest.ProgressSheet.Header(ingest.ColProgActual), "活動指標の数値（0以上）", "0以上の数値を入力してください（単位は書かない）。"); err != nil {
		return err
	}
	return writeEntrySheet(w, f, sheet, 3, 1)
}
