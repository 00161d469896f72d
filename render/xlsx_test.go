package render

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/xlsx"
)

// Injected-looking free text: none of it may become a formula or markup.
const (
	injHyperlink = `=HYPERLINK("http://x")`
	injPlus      = "+1"
	injMinus     = "-2"
	injAt        = "@SUM(A1)"
	injScript    = "<script>alert(1)</script>"
)

// sharePct is a test's share 100·count/base as analyze computes it (Cell.Pct):
// NaN when base is 0. Fixtures format it with PctFig as Build does.
func sharePct(count, base int) float64 {
	if base <= 0 {
		return math.NaN()
	}
	return 100 * float64(count) / float64(base)
}

// tvPct is a percentage figure count/base (PctFig) with a ▲▼ mark.
func tvPct(count, base int, mark string) view.Fig {
	f := view.PctFig(sharePct(count, base), false)
	f.Mark = mark
	return f
}

// counts returns CountFigs.
func tvCounts(ns ...int) []view.Fig {
	out := make([]view.Fig, len(ns))
	for i, n := range ns {
		out[i] = view.CountFig(n, false)
	}
	return out
}

func tvX(n int) []view.Fig {
	out := make([]view.Fig, n)
	for i := range out {
		out[i] = view.PctFig(math.NaN(), true)
	}
	return out
}

func tvPoints(d float64) view.Fig { return view.PointsFig(d, false) }

func tvP(p float64) view.Fig { return view.PValueFig(p) }

// tvText is a figure printed as text, with the value and decimals it shows.
func tvText(text string) view.Fig {
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		panic(err)
	}
	d := 0
	if i := strings.IndexByte(text, '.'); i >= 0 {
		d = len(text) - i - 1
	}
	return view.Fig{Value: v, Decimals: d, Text: text}
}

// xlsxTestView is a hand-built View: 3 districts, SA/MA/SC/NUM questions with a
// suppressed group, 参考値, ▲▼, indicators, hearings and injected-looking free text.
// Percentages are count/base·100 rounded half up to one decimal, worked out by hand
// in the comments.
func xlsxTestView() *view.View {
	q2 := view.QuestionView{
		Index: 1, ID: "Q2", Text: "地域の行事に参加していますか", Type: "SA", Theme: "地域のつながり",
		Tables: []view.TableView{
			{
				By: analyze.ByAll, Heads: []string{"参加している", "参加していない", "無回答"}, Codes: []string{"1", "2", "NA"},
				// 全体 n=103: 54/103=52.43→52.4, 45/103=43.69→43.7, 4/103=3.88→3.9
				Rows: []view.RowView{{Group: "全体", N: view.NFig(103), Cells: []view.Fig{tvPct(54, 103, ""), tvPct(45, 103, ""), tvPct(4, 103, "")}, Counts: tvCounts(54, 45, 4)}},
			},
			{
				By: analyze.ByDistrict, Heads: []string{"参加している", "参加していない", "無回答"}, Codes: []string{"1", "2", "NA"},
				Rows: []view.RowView{
					// 日吉 n=70: 40/70=57.14→57.1▲, 27/70=38.57→38.6▼, 3/70=4.29→4.3
					{Group: "日吉", N: view.NFig(70), Cells: []view.Fig{tvPct(40, 70, view.MarkHigh), tvPct(27, 70, view.MarkLow), tvPct(3, 70, "")}, Counts: tvCounts(40, 27, 3)},
					// 綱島 n=25 (参考値, under 30): 9/25=36.0, 15/25=60.0, 1/25=4.0
					{Group: "綱島", N: view.NFig(25), Cells: []view.Fig{tvPct(9, 25, ""), tvPct(15, 25, ""), tvPct(1, 25, "")}, Counts: tvCounts(9, 15, 1), Reference: true},
					// 高田 n=8: suppressed (under 10)
					{Group: "高田", N: view.NFig(8), Cells: tvX(3), Counts: tvX(3), Suppressed: true, Reference: true},
				},
				Note: "χ²=6.50 (df=2) p=0.039",
			},
		},
		Trend: []view.TrendView{
			// baseline 48.0 (n=100) → 52.4: +4.4 points
			{Label: "参加している", Baseline: tvText("48.0"), Current: tvPct(54, 103, ""), BaselineN: view.NFig(100), CurrentN: view.NFig(103), Diff: tvPoints(+4.4), P: tvP(0.532)},
			{Label: "参加していない", Baseline: tvText("50.0"), Current: tvPct(45, 103, ""), BaselineN: view.NFig(100), CurrentN: view.NFig(103), Diff: tvPoints(-6.3), P: tvP(0.0004), Significant: true},
		},
	}
	q3 := view.QuestionView{
		Index: 2, ID: "Q3", Text: "日常生活で困っていること", Type: "MA", MA: true, Theme: "地域のつながり", Condition: "Q2=1",
		Tables: []view.TableView{
			{
				By: analyze.ByAll, Heads: []string{"買い物", "通院", "その他", "無回答"},
				// 30/103=29.13→29.1, 12/103=11.65→11.7, 0 → －, 5/103=4.85→4.9
				Rows: []view.RowView{{Group: "全体", N: view.NFig(103), Cells: []view.Fig{tvPct(30, 103, ""), tvPct(12, 103, ""), tvPct(0, 103, ""), tvPct(5, 103, "")}, Counts: tvCounts(30, 12, 0, 5)}},
			},
			{
				By: analyze.ByGender, Heads: []string{"買い物", "通院", "その他", "無回答"},
				Rows: []view.RowView{
					// 男性 n=50: 28.0, 10.0, －, 4.0
					{Group: "男性", N: view.NFig(50), Cells: []view.Fig{tvPct(14, 50, ""), tvPct(5, 50, ""), tvPct(0, 50, ""), tvPct(2, 50, "")}, Counts: tvCounts(14, 5, 0, 2)},
					// 女性 n=53: 16/53=30.19→30.2, 7/53=13.21→13.2, －, 3/53=5.66→5.7
					{Group: "女性", N: view.NFig(53), Cells: []view.Fig{tvPct(16, 53, ""), tvPct(7, 53, ""), tvPct(0, 53, ""), tvPct(3, 53, "")}, Counts: tvCounts(16, 7, 0, 3)},
				},
			},
		},
	}
	q4 := view.QuestionView{
		Index: 3, ID: "Q4", Text: "お住まいの地域は住みやすいですか", Type: "SC", Theme: "安心して暮らせる",
		Tables: []view.TableView{
			{
				By: analyze.ByAll, Heads: []string{"住みやすい", "どちらでもない", "住みにくい", "無回答"},
				// 20/103=19.42→19.4, 50/103=48.54→48.5, 25/103=24.27→24.3, 8/103=7.77→7.8
				Rows: []view.RowView{{Group: "全体", N: view.NFig(103), Cells: []view.Fig{tvPct(20, 103, ""), tvPct(50, 103, ""), tvPct(25, 103, ""), tvPct(8, 103, "")}, Counts: tvCounts(20, 50, 25, 8)}},
			},
			{
				By: analyze.ByAge, Heads: []string{"住みやすい", "どちらでもない", "住みにくい", "無回答"},
				Rows: []view.RowView{
					// 40歳未満 n=40: 25.0, 50.0, 15.0, 10.0
					{Group: "40歳未満", N: view.NFig(40), Cells: []view.Fig{tvPct(10, 40, ""), tvPct(20, 40, ""), tvPct(6, 40, view.MarkLow), tvPct(4, 40, "")}, Counts: tvCounts(10, 20, 6, 4)},
					// 40歳以上 n=63: 10/63=15.87→15.9, 30/63=47.62→47.6, 19/63=30.16→30.2, 4/63=6.35→6.3
					{Group: "40歳以上", N: view.NFig(63), Cells: []view.Fig{tvPct(10, 63, ""), tvPct(30, 63, ""), tvPct(19, 63, view.MarkHigh), tvPct(4, 63, "")}, Counts: tvCounts(10, 30, 19, 4)},
				},
			},
		},
		Summary: []view.SummaryRow{
			{Group: "全体", N: view.NFig(95), Mean: tvText("2.05"), SD: tvText("0.72"), Median: tvText("2.0"), Min: tvText("1"), Max: tvText("3"), TopBox: tvText("21.1")},
			{Group: "日吉", N: view.NFig(65), Mean: tvText("1.98"), SD: tvText("0.70"), Median: tvText("2.0"), Min: tvText("1"), Max: tvText("3"), TopBox: tvText("24.6")},
		},
	}
	q5 := view.QuestionView{
		Index: 4, ID: "Q5", Text: "地域活動の年数", Type: "NUM",
		Summary: []view.SummaryRow{
			{Group: "全体", N: view.NFig(90), Mean: tvText("7.3"), SD: tvText("5.1"), Median: tvText("6.0"), Min: tvText("0"), Max: tvText("30")},
			{Group: "日吉", N: view.NFig(60), Mean: tvText("7.5"), SD: tvText("5.0"), Median: tvText("6.0"), Min: tvText("0"), Max: tvText("30")},
			{Group: "綱島", N: view.NFig(22), Mean: tvText("6.8"), SD: tvText("4.9"), Median: tvText("5.5"), Min: tvText("1"), Max: tvText("20"), Reference: true},
			{Group: "高田", N: view.NFig(8), Mean: tvX(1)[0], SD: tvX(1)[0], Median: tvX(1)[0], Min: tvX(1)[0], Max: tvX(1)[0], Suppressed: true, Reference: true},
		},
	}
	ind := func(group string, cur view.Fig, n int, eval string, ref bool) view.IndicatorRow {
		return view.IndicatorRow{
			ID: "I1", Name: "地域の行事に参加している人の割合", Theme: "地域のつながり",
			Baseline: tvText("48.0"), BaselineN: view.NFig(100), Current: cur, CurrentN: view.NFig(n),
			Interval: "±9.6", Target: tvText("55.0"), Direction: "増", Evaluation: eval, P: tvP(0.532), Reference: ref,
		}
	}
	return &view.View{
		PlanName: "ひっとプラン港北（第3期）&テスト", Ward: "港北区", SurveyName: "中間振り返り 区民アンケート",
		Date: "2026年11月1日", DateISO: "2026-11-01", Sample: true, InputErrors: 1,
		Districts: []string{"日吉", "綱島", "高田"},
		Settings:  []view.KV{{Key: "秘匿基準", Value: "10"}, {Key: "参考値基準", Value: "30"}, {Key: "評価方法", Value: "検定"}},
		Overview: view.OverviewView{Rows: []view.OverviewRow{
			// 103/300=34.33→34.3
			{Name: "全体", Distributed: view.NFig(300), Valid: view.NFig(103), Rate: tvPct(103, 300, "")},
			{Name: "日吉", Distributed: view.NFig(150), Valid: view.NFig(70), Rate: tvPct(70, 150, "")},
			{Name: "綱島", Distributed: view.NFig(100), Valid: view.NFig(25), Rate: tvPct(25, 100, "")},
			{Name: "高田", Distributed: view.NFig(50), Valid: view.NFig(8), Rate: tvPct(8, 50, "")},
		}},
		Themes: []view.ThemeView{
			{Code: "T1", Name: "地域のつながり", Questions: []int{0, 1}},
			{Code: "T2", Name: "安心して暮らせる", Questions: []int{2}},
		},
		Questions: []view.QuestionView{q2, q3, q4, q5},
		Indicators: view.IndicatorView{
			Rows: []view.IndicatorRow{ind("全体", tvPct(54, 103, ""), 103, "B", false)},
			ByDistrict: map[string][]view.IndicatorRow{
				"日吉": {ind("日吉", tvPct(40, 70, ""), 70, "A", false)},
				"綱島": {ind("綱島", tvPct(9, 25, ""), 25, "C", true)},
				"高田": {ind("高田", view.PctFig(sharePct(0, 8), true), 8, "－", true)},
			},
			Legend: []view.KV{{Key: "A", Value: "目標を達成"}, {Key: "B", Value: "目標未達成だが策定時より改善"}, {Key: "C", Value: "変化なし"}, {Key: "D", Value: "悪化"}, {Key: "－", Value: "評価できない"}},
		},
		Hearings: view.HearingView{
			Orgs:       4,
			ByDistrict: []view.CountRow{{Name: "日吉", N: view.NFig(2)}, {Name: "綱島", N: view.NFig(1)}, {Name: "高田", N: view.NFig(1)}},
			ByType:     []view.CountRow{{Name: "自治会", N: view.NFig(3)}, {Name: "NPO", N: view.NFig(1)}},
			Ratings: []view.RatingView{{
				ItemID: "H3", Name: "見守り活動の手応え", Theme: "安心して暮らせる",
				Labels: []string{"十分", "やや不足", "不足"}, All: ratingRowOf(1, 2, 1),
				ByDistrict: map[string]view.RatingRow{"日吉": ratingRowOf(1, 1, 0), "綱島": ratingRowOf(0, 1, 0), "高田": ratingRowOf(0, 0, 1)},
			}},
			Comments: []view.CommentGroup{{Theme: "安心して暮らせる", District: "日吉", Items: []string{"日吉町内会: " + injScript}}},
		},
		FreeText: view.FreeTextView{Count: view.NFig(4), Matrix: textMatrixT([]string{"地域のつながり", "安心して暮らせる", "その他"},
			[]string{"日吉", "綱島", "高田", "地区不明"}, map[[2]int][]string{
				{0, 0}: {injHyperlink},
				{1, 0}: {"日吉町内会：" + injScript + "〇〇さんの見守り"}, // an organization of 日吉 and 綱島
				{1, 1}: {"日吉町内会：" + injScript + "〇〇さんの見守り"},
				{1, 2}: {injMinus},
				{2, 1}: {injPlus},
				{2, 3}: {injAt},
			}), Keywords: []view.KV{{Key: "見守り", Value: "3"}}, Texts: []view.FreeTextRow{
			{Source: analyze.SourceSurvey, RecordID: "R001", District: "日吉", ItemID: "Q9", Themes: []string{"地域のつながり"}, Text: injHyperlink},
			{Source: analyze.SourceSurvey, RecordID: "R002", District: "綱島", ItemID: "Q9", Text: injPlus},
			{Source: analyze.SourceSurvey, RecordID: "R003", District: "高田", ItemID: "Q9", Themes: []string{"安心して暮らせる"}, Text: injMinus},
			{Source: analyze.SourceSurvey, RecordID: "R004", District: "地区不明", ItemID: "Q9", Text: injAt},
			{Source: analyze.SourceHearing, RecordID: "日吉町内会", District: "日吉、綱島", ItemID: "H5", Themes: []string{"安心して暮らせる"}, Text: injScript + "〇〇さんの見守り"},
		}},
		Problems: []view.ProblemRow{
			{Severity: "エラー", Code: "unknown-code", File: "responses/a.xlsx", Sheet: "回答", Cell: "D42", RecordID: "R041", Item: "Q2", Value: "7", Message: "選択肢にないコードです"},
			{Severity: "警告", Code: "unknown-column", File: "responses/a.xlsx", Sheet: "回答", Cell: "K1", Item: "備考", Message: "設問IDではない列です"},
		},
		Corrections: []view.CorrectionRow{{Row: "2", Target: "回答", ID: "R007", Item: "Q2", Before: "3", After: "2", Reason: "誤記", Person: "山田", File: "responses/a.xlsx", Cell: "D8"}},
	}
}

// textMatrixT is a hand-built drill-down: texts by [theme][district].
func textMatrixT(themes, districts []string, texts map[[2]int][]string) view.TextMatrixView {
	m := view.TextMatrixView{Themes: themes, Districts: districts}
	for i := range themes {
		var row []view.TextCellView
		for j := range districts {
			t := append([]string{}, texts[[2]int{i, j}]...)
			row = append(row, view.TextCellView{N: view.CountFig(len(t), false), Texts: t})
		}
		m.Cells = append(m.Cells, row)
	}
	return m
}

// xlsxDump lists every non-empty cell of every sheet as Sheet!A1<TAB>value (raw
// values, strings as stored), in sheet and row order.
func xlsxDump(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fmt.Fprintf(&b, "%s!%s\t%s\n", sh, cell, strings.ReplaceAll(v, "\n", `\n`))
			}
		}
	}
	return b.Bytes()
}

func writeXLSX(t *testing.T, v *view.View) ([]byte, *excelize.File) {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.XLSX(&buf, v); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return buf.Bytes(), f
}

// findCell returns the first cell of sheet whose raw value is text, scanning row by row.
func xlsxFind(t *testing.T, f *excelize.File, sheet, text string) (col, row int) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for r, cells := range rows {
		for c, v := range cells {
			if v == text {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("%s: no cell %q", sheet, text)
	return 0, 0
}

func xlsxCell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func TestXLSXGolden(t *testing.T) {
	_, f := writeXLSX(t, xlsxTestView())
	golden(t, "xlsx_dump.txt", xlsxDump(t, f))
}

func TestXLSXSheets(t *testing.T) {
	_, f := writeXLSX(t, xlsxTestView())
	got := strings.Join(f.GetSheetList(), ",")
	want := "概要,結果の概要,単純集計,地区別,性別,年代別,指標,経年比較,ヒアリング,自由記述,入力チェック,修正履歴,所見履歴"
	if got != want {
		t.Errorf("sheets = %s, want %s", got, want)
	}
}

// TestXLSXFigures checks that figures are numbers with the number formats that
// print them as the handouts do.
func TestXLSXFigures(t *testing.T) {
	_, f := writeXLSX(t, xlsxTestView())
	// In 地区別 the first 日吉 row is Q2; columns: A group, B n, C.. choices.
	_, hiyoshi := xlsxFind(t, f, view.SheetByDistrict, "日吉")
	_, takada := xlsxFind(t, f, view.SheetByDistrict, "高田")
	_, men := xlsxFind(t, f, view.SheetByGender, "男性")
	tests := []struct {
		name, sheet, cell string
		value             string // raw stored value
		numFmt            string // "" for a string cell
	}{
		{"n", view.SheetByDistrict, xlsxCell(2, hiyoshi), "70", xlsx.NumFmtInt},
		{"high 40/70=57.1▲", view.SheetByDistrict, xlsxCell(3, hiyoshi), "57.1", xlsx.NumFmtPctHigh},
		{"low 27/70=38.6▼", view.SheetByDistrict, xlsxCell(4, hiyoshi), "38.6", xlsx.NumFmtPctLow},
		{"plain 3/70=4.3", view.SheetByDistrict, xlsxCell(5, hiyoshi), "4.3", xlsx.NumFmtPct},
		{"suppressed n shown", view.SheetByDistrict, xlsxCell(2, takada), "8", xlsx.NumFmtInt},
		{"suppressed x", view.SheetByDistrict, xlsxCell(3, takada), "x", ""},
		{"suppressed note", view.SheetByDistrict, xlsxCell(6, takada), "秘匿", ""},
		{"zero count is － format", view.SheetByGender, xlsxCell(5, men), "0", xlsx.NumFmtZero},
		{"14/50=28.0", view.SheetByGender, xlsxCell(3, men), "28", xlsx.NumFmtPct},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := f.GetCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if v != tt.value {
				t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, v, tt.value)
			}
			typ, _ := f.GetCellType(tt.sheet, tt.cell)
			if tt.numFmt == "" {
				if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s type %v, want a string", tt.sheet, tt.cell, typ)
				}
				return
			}
			if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("%s!%s is a string, want a number", tt.sheet, tt.cell)
			}
			id, _ := f.GetCellStyle(tt.sheet, tt.cell)
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.CustomNumFmt == nil || *st.CustomNumFmt != tt.numFmt {
				t.Errorf("%s!%s number format %v, want %q", tt.sheet, tt.cell, st.CustomNumFmt, tt.numFmt)
			}
		})
	}
	// Shown as printed: the formatted 日吉 row reads 57.1▲ 38.6▼ 4.3.
	for i, want := range []string{"57.1▲", "38.6▼", "4.3"} {
		got, _ := f.GetCellValue(view.SheetByDistrict, xlsxCell(3+i, hiyoshi))
		if got != want {
			t.Errorf("formatted %s = %q, want %q", xlsxCell(3+i, hiyoshi), got, want)
		}
	}
}

func TestXLSXPrintSetup(t *testing.T) {
	_, f := writeXLSX(t, xlsxTestView())
	names := f.GetDefinedName()
	for _, sh := range f.GetSheetList() {
		t.Run(sh, func(t *testing.T) {
			pl, err := f.GetPageLayout(sh)
			if err != nil {
				t.Fatal(err)
			}
			if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
				t.Errorf("page layout size/orientation = %v/%v, want A4 (9) landscape", tvDeref(pl.Size), tvDeref(pl.Orientation))
			}
			if pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
				t.Errorf("fit to %v wide × %v tall, want 1 × 0", tvDeref(pl.FitToWidth), tvDeref(pl.FitToHeight))
			}
			props, _ := f.GetSheetProps(sh)
			if props.FitToPage == nil || !*props.FitToPage {
				t.Error("FitToPage not set")
			}
			hf, err := f.GetHeaderFooter(sh)
			if err != nil || hf == nil {
				t.Fatalf("header/footer: %v", err)
			}
			if !strings.Contains(hf.OddHeader, "ひっとプラン港北（第3期）&&テスト") || !strings.Contains(hf.OddFooter, "&P / &N") {
				t.Errorf("header %q footer %q: want 計画名 (& escaped) and &P / &N", hf.OddHeader, hf.OddFooter)
			}
			found := false
			for _, n := range names {
				if n.Name == "_xlnm.Print_Titles" && n.Scope == sh {
					found = strings.HasPrefix(n.RefersTo, "'"+sh+"'!$1:$")
				}
			}
			if !found {
				t.Error("no _xlnm.Print_Titles")
			}
			panes, err := f.GetPanes(sh)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit < 1 {
				t.Errorf("panes = %+v, want frozen title rows", panes)
			}
		})
	}
}

// TestXLSXProgressPanes: sheet 取組の振り返り (testdata batch progress)
// freezes its title block (title and the marks' legend, rows 1–3) and
// column A, and prints those rows on every page, as every other sheet
// freezes its heads (reader review 5 item 19: it froze nothing).
func TestXLSXProgressPanes(t *testing.T) {
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "progress")))
	if err != nil {
		t.Fatal(err)
	}
	_, f := writeXLSX(t, view.Build(analyze.Run(b)))
	sh := xlsx.SheetProgress
	panes, err := f.GetPanes(sh)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 1 || panes.TopLeftCell != "B4" {
		t.Errorf("%s panes = %+v, want frozen at B4 (3 title rows, column A)", sh, panes)
	}
	// The frozen rows are the title block; the first table starts below.
	for cell, want := range map[string]string{"A1": "取組の振り返り　", "A2": "進ちょく：", "A4": "進ちょく別の取組数（年度別）"} {
		if got, _ := f.GetCellValue(sh, cell); !strings.HasPrefix(got, want) {
			t.Errorf("%s!%s = %q, want %q…", sh, cell, got, want)
		}
	}
	found := false
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sh {
			found = n.RefersTo == "'"+sh+"'!$1:$3"
		}
	}
	if !found {
		t.Errorf("%s: no print titles $1:$3", sh)
	}
}

func tvDeref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestXLSXInjection checks that free text that looks like a formula stays a string.
func TestXLSXInjection(t *testing.T) {
	_, f := writeXLSX(t, xlsxTestView())
	for _, text := range []string{injHyperlink, injPlus, injMinus, injAt} {
		t.Run(text, func(t *testing.T) {
			col, row := xlsxFind(t, f, view.SheetFreeText, text)
			cell := xlsxCell(col, row)
			if fm, _ := f.GetCellFormula(view.SheetFreeText, cell); fm != "" {
				t.Errorf("%s has formula %q", cell, fm)
			}
			if typ, _ := f.GetCellType(view.SheetFreeText, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s type %v, want a string", cell, typ)
			}
		})
	}
}

func TestXLSXDeterministic(t *testing.T) {
	a, f := writeXLSX(t, xlsxTestView())
	b, _ := writeXLSX(t, xlsxTestView())
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same view differ")
	}
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != "2026-11-01T00:00:00Z" || p.Modified != "2026-11-01T00:00:00Z" {
		t.Errorf("created %q modified %q, want 基準日", p.Created, p.Modified)
	}
}

// TestXLSXEmpty checks that a view with nothing in it still makes a book.
func TestXLSXEmpty(t *testing.T) {
	_, f := writeXLSX(t, &view.View{PlanName: "計画", DateISO: "2026-11-01"})
	if n := len(f.GetSheetList()); n != len(view.XlsxSheets) {
		t.Errorf("%d sheets, want %d", n, len(view.XlsxSheets))
	}
}

func TestTextWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want float64
	}{{"abc", 3}, {"日吉", 4}, {"ｱｲ", 2}, {"12.3▲", 6}, {"ab\n日本語", 6}} {
		if got := xlsx.TextWidth(tt.s); got != tt.want {
			t.Errorf("textWidth(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestXLSXPrintPreview prints the book with LibreOffice and, with -update, keeps
// the 地区別 page as docs/img/tabulation.png. It needs libreoffice, pdftotext and
// pdftoppm, and runs only with -update.
func TestXLSXPrintPreview(t *testing.T) {
	if !*update {
		t.Skip("runs with -update")
	}
	for _, tool := range []string{"libreoffice", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	dir := t.TempDir()
	data, _ := writeXLSX(t, xlsxTestView())
	if err := os.WriteFile(filepath.Join(dir, "tabulation.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		return string(out)
	}
	run("libreoffice", "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "pdf", "tabulation.xlsx")
	for page := 1; page <= 20; page++ {
		p := strconv.Itoa(page)
		if !strings.Contains(run("pdftotext", "-f", p, "-l", p, "tabulation.pdf", "-"), "地区別集計表") {
			continue
		}
		run("pdftoppm", "-f", p, "-l", p, "-r", "100", "-singlefile", "-png", "tabulation.pdf", "page")
		png, err := os.ReadFile(filepath.Join(dir, "page.png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("..", "docs", "img", "tabulation.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("no printed page holds 地区別集計表")
}

// FuzzXLSXText checks that any free text is stored as the same string, never a formula.
func FuzzXLSXText(f *testing.F) {
	for _, s := range []string{injHyperlink, injPlus, injMinus, injAt, "\x01\x0b", "_x000D_", "1.5", "日吉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := &view.View{PlanName: "計画", DateISO: "2026-11-01", FreeText: view.FreeTextView{Texts: []view.FreeTextRow{{Text: s}}}}
		var buf bytes.Buffer
		if err := xlsx.XLSX(&buf, v); err != nil {
			if strings.Contains(err.Error(), "exceeds") || !utf8.ValidString(s) {
				return // over excelize's 32767-character cell limit
			}
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		// 自由記述: title row, note row, header row, then the text in column F.
		if fm, _ := x.GetCellFormula(view.SheetFreeText, "F4"); fm != "" {
			t.Errorf("text %q became formula %q", s, fm)
		}
		if s == "" {
			return
		}
		if typ, _ := x.GetCellType(view.SheetFreeText, "F4"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("text %q stored as %v", s, typ)
		}
	})
}
