package view

import (
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
)

// TestTrendSidesSuppressedApart: a side of the comparison is x only where
// its own survey hides the group, as the 地区別 table does (cycle batch: 今回
// n=8 was x in 表10 because 策定時 n=4 was, while 表11 printed it as 参考値).
// Only the difference and p need both sides.
func TestTrendSidesSuppressedApart(t *testing.T) {
	b := &ingest.Batch{}
	b.Settings.Alpha = 0.05
	bx := &builder{b: b}
	// 策定時 2/4 (suppressed, base < 5), 今回 5/8 (参考値, base < 10).
	row := analyze.TrendRow{Label: "見守り", BaselineCount: 2, BaselineBase: 4, BaselinePct: 50,
		CurrentCount: 5, CurrentBase: 8, CurrentPct: 62.5, DiffPt: 12.5, P: 0.7,
		Suppressed: true, BaselineSuppressed: true, BaselineReference: true, CurrentReference: true}
	tv := bx.trendView(row)
	if tv.Current.Text != "62.5" || tv.Baseline.Text != MarkSuppressed || tv.Diff.Text != MarkSuppressed || tv.P.Text != "" {
		t.Errorf("current %q baseline %q diff %q p %q, want 62.5 x x and no p", tv.Current.Text, tv.Baseline.Text, tv.Diff.Text, tv.P.Text)
	}
	if !tv.CurrentRef || tv.BaselineRef {
		t.Errorf("CurrentRef %v BaselineRef %v, want true false (a suppressed side is x only)", tv.CurrentRef, tv.BaselineRef)
	}
	q := &QuestionView{ID: "Q3", Trend: []TrendView{tv}, TrendOrder: []int{0}}
	sn := SurveyNames{Current: SurveyName{Word: "今回"}, Baseline: SurveyName{Word: "策定時"}}
	tb := trendTable(q, sn)
	if got := tb.Cols[2].Head; got != "今回（参考値、%）" {
		t.Errorf("current head %q", got)
	}
	if got := tb.Cols[1].Head; got != "策定時（%）" {
		t.Errorf("baseline head %q", got)
	}
	notes := strings.Join(tb.Notes, "\n")
	if !strings.Contains(notes, "x：") || !strings.Contains(notes, "参考値：") {
		t.Errorf("notes %q lack the x and 参考値 notes", notes)
	}
	legend, bars := trendBars(q, sn)
	if legend[0] != "今回（n=8、参考値）" || legend[1] != "策定時（n=4）" {
		t.Errorf("legend %q", legend)
	}
	if bars[0].Vals[0].Text != "62.5" || bars[0].Vals[1].Text != MarkSuppressed {
		t.Errorf("bars %+v", bars[0].Vals)
	}
}
