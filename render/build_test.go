package render

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
)

// buildTestResults extends csvTestResults: Q2 (MA, no theme), F1 district attribute,
// crosstabs listed out of publication order, and groups chosen for rounding cases.
func buildTestResults() *analyze.Results {
	res := csvTestResults()
	b := res.Batch
	b.Districts = []ingest.District{{Code: "01", Name: "日吉"}, {Code: "02", Name: "=綱島"}}
	b.Questions = append(b.Questions,
		ingest.Question{ID: "Q2", Text: "相談先", Type: ingest.MA, ChoiceSet: 0, Theme: -1,
			Cond: []ingest.Clause{{Q: 0, Choices: ingest.ChoiceBits(0).With(0).With(1)}}},
		ingest.Question{ID: "F1", Text: "お住まいの地区", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict},
		ingest.Question{ID: "Q11", Text: "自由意見", Type: ingest.FA, ChoiceSet: -1, Theme: 0},
	)
	b.DistrictQ = 2
	b.GenderQ, b.AgeQ = -1, -1
	choices := []analyze.ChoiceHead{{Code: "1", Label: "はい"}, {Code: "2", Label: "いいえ"}, {Code: analyze.CodeNA, Label: analyze.LabelNA}}
	// cells are a group's counts of base with the shares analyze gives them (Cell.Pct).
	cells := func(base int, counts ...int) []analyze.Cell {
		var cs []analyze.Cell
		for _, n := range counts {
			cs = append(cs, analyze.Cell{Count: n, Pct: sharePct(n, base), WeightedPct: tNaN, AdjResidual: tNaN})
		}
		return cs
	}
	// Listed 地区 before 全体 to check that Build orders tables 全体, 地区.
	res.Crosstabs = append(res.Crosstabs,
		analyze.Crosstab{Survey: analyze.Current, Question: 1, By: analyze.ByDistrict, Choices: choices,
			Groups: []analyze.Group{
				{Name: "日吉", Base: 2001, Cells: cells(2001, 1, 2000, 0)},
				{Name: "=綱島", Base: 5, Suppressed: true, Reference: true, Cells: cells(5, 0, 5, 0)},
			}},
		analyze.Crosstab{Survey: analyze.Current, Question: 1, By: analyze.ByAll, Choices: choices,
			Groups: []analyze.Group{{Name: "全体", Base: 3, Cells: cells(3, 1, 2, 0)}}},
		analyze.Crosstab{Survey: analyze.Current, Question: 2, By: analyze.ByAll,
			Choices: []analyze.ChoiceHead{{Code: "01", Label: "日吉"}, {Code: analyze.CodeNA, Label: analyze.LabelNA}},
			Groups:  []analyze.Group{{Name: "全体", Base: 8, Cells: cells(8, 8, 0)}}},
	)
	return res
}

func TestBuildFormatting(t *testing.T) {
	v := view.Build(buildTestResults())
	if len(v.Questions) != 3 {
		t.Fatalf("got %d questions, want 3 (Q1, Q2, F1; FA left out)", len(v.Questions))
	}
	q1, q2 := v.Questions[0], v.Questions[1]
	texts := func(fs []view.Fig) string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Text)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name, got, want string
	}{
		{"date", v.Date, "令和8年（2026年）11月1日"},
		{"date ISO", v.DateISO, "2026-11-01"},
		{"districts", strings.Join(v.Districts, ","), "日吉,=綱島"},
		// Q1 全体: 1/8 = 12.5 exactly; 6/8 = 75.0; 1/8 = 12.5.
		{"Q1 全体 pct", texts(q1.Tables[0].Rows[0].Cells), "12.5 75.0 12.5"},
		{"Q1 全体 n", q1.Tables[0].Rows[0].N.Text, "8"},
		// Q1 日吉 is suppressed: every cell and count x, n still shown; marks dropped.
		{"Q1 日吉 suppressed pct", texts(q1.Tables[1].Rows[0].Cells), "x x x"},
		{"Q1 日吉 suppressed counts", texts(q1.Tables[1].Rows[0].Counts), "x x x"},
		{"Q1 日吉 n shown", q1.Tables[1].Rows[0].N.Text, "3"},
		{"Q1 日吉 mark", q1.Tables[1].Rows[0].Cells[0].Mark, ""},
		// Q1 =綱島 has base 0: "－".
		{"Q1 base 0", texts(q1.Tables[1].Rows[1].Cells), "－ － －"},
		// Q2 全体: 1/3 = 33.33… → 33.3; 2/3 = 66.66… → 66.7 (half up); zero count → －.
		{"Q2 tables order", q2.Tables[0].By + "," + q2.Tables[1].By, "全体,地区"},
		{"Q2 全体 pct", texts(q2.Tables[0].Rows[0].Cells), "33.3 66.7 －"},
		{"Q2 全体 counts", texts(q2.Tables[0].Rows[0].Counts), "1 2 －"},
		// Q2 日吉: 1/2001 = 0.04998% → 0.0 (under 0.05 but not zero); 2000/2001 = 99.95% → 100.0.
		{"Q2 日吉 pct", texts(q2.Tables[1].Rows[0].Cells), "0.0 100.0 －"},
		{"Q2 日吉 n thousands", q2.Tables[1].Rows[0].N.Text, "2,001"},
		{"Q2 =綱島 suppressed", texts(q2.Tables[1].Rows[1].Cells), "x x x"},
		{"Q2 MA", fmt.Sprint(q2.MA), "true"},
		{"Q2 condition in words", q2.Condition, "Q1で「はい」「いいえ」と答えた方"},
		{"Q2 condition as written", q2.ConditionCodes, "Q1=1,2"},
		{"Q2 heads", strings.Join(q2.Tables[0].Heads, ","), "はい,いいえ,無回答"},
		{"Q2 codes", strings.Join(q2.Tables[0].Codes, ","), "1,2,NA"},
		// Themes: Q1 under つながり; Q2 (no theme) under その他; F1 (attribute) in neither.
		{"themes", fmt.Sprint(v.Themes), "[{T1 つながり [0]} { その他 [1]}]"},
		{"profile", fmt.Sprintf("%d %s %d", len(v.Profile), v.Profile[0].ID, len(v.Profile[0].Tables)), "1 F1 1"},
		// Trend: 1/4 baseline is 50% per csvTestResults (2/4), current 1/8; diff −37.5 points.
		{"trend", q1.Trend[0].Baseline.Text + " " + q1.Trend[0].Current.Text + " " + q1.Trend[0].Diff.Text, "50.0 12.5 -37.5"},
		// Indicators: ward row formatted, district row suppressed to x with n kept.
		{"indicator 全体", v.Indicators.Rows[0].Current.Text + " " + v.Indicators.Rows[0].Interval + " " + v.Indicators.Rows[0].P.Text, "12.5 (2.2–47.1) 0.250"},
		{"indicator target", v.Indicators.Rows[0].Target.Text, "60.0"},
		{"indicator 日吉", v.Indicators.ByDistrict["日吉"][0].Current.Text + " " + v.Indicators.ByDistrict["日吉"][0].CurrentN.Text + " " + v.Indicators.ByDistrict["日吉"][0].Evaluation, "x 3 －"},
		{"hearing rating", v.Hearings.Ratings[0].ItemID + " " + texts(v.Hearings.Ratings[0].All.Counts) + " / " + texts(v.Hearings.Ratings[0].All.Shares) + " n=" + v.Hearings.Ratings[0].All.N.Text, "H2 2 － 1 / 66.7 － 33.3 n=3"}, // 1 of the 3 organizations heard gave no rating: 無回答,
		{"corrections", v.Corrections[0].Row + " " + v.Corrections[0].Cell, "2 C5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestBuildWeighted(t *testing.T) {
	res := buildTestResults()
	res.Batch.Settings.Weighting = true
	g := &res.Crosstabs[0].Groups[0] // Q1 全体, counts 1, 6, 1 of 8
	g.Cells[0].WeightedPct = 10.04
	g.Cells[1].WeightedPct = 79.96
	g.Cells[2].WeightedPct = 10
	q := res.Crosstabs[3].Groups[0].Cells // Q2 全体, counts 1, 2, 0
	q[0].WeightedPct, q[1].WeightedPct, q[2].WeightedPct = 40, 60, 0
	v := view.Build(res)
	check := func(name string, fs []view.Fig, want string) {
		t.Helper()
		var s []string
		for _, f := range fs {
			s = append(s, f.Text)
		}
		if got := strings.Join(s, " "); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	// 全体 shows weighted percentages (10.04 → 10.0, 79.96 → 80.0); a zero count stays －.
	check("Q1 全体", v.Questions[0].Tables[0].Rows[0].Cells, "10.0 80.0 10.0")
	check("Q2 全体", v.Questions[1].Tables[0].Rows[0].Cells, "40.0 60.0 －")
	// Breakdowns stay unweighted: 1/2001 → 0.0.
	check("Q2 日吉", v.Questions[1].Tables[1].Rows[0].Cells, "0.0 100.0 －")
}

func TestBuildDeterministic(t *testing.T) {
	// dump prints the view without its pointers (fmt would print their addresses);
	// fmt prints maps sorted by key.
	dump := func() string {
		v := view.Build(buildTestResults())
		var base []string
		for i := range v.Questions {
			if q := &v.Questions[i]; q.Baseline != nil {
				base = append(base, fmt.Sprintf("%#v", *q.Baseline))
				q.Baseline = nil
			}
		}
		return fmt.Sprintf("%#v %q", *v, base)
	}
	a := dump()
	for i := 0; i < 5; i++ {
		if b := dump(); a != b {
			t.Fatalf("Build is not deterministic:\n%s\n%s", a, b)
		}
	}
}

func TestPValueText(t *testing.T) {
	tests := []struct {
		p    float64
		want string
	}{{tNaN, ""}, {0.0004, "<0.001"}, {0.001, "0.001"}, {0.0494, "0.049"}, {0.25, "0.250"}, {1, "1.000"}}
	for _, tt := range tests {
		if got := view.PValueText(tt.p); got != tt.want {
			t.Errorf("PValueText(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

// TestFreeTextViewQuotes checks that the free-text section quotes residents only;
// hearing comments are shown in the hearing section.
func TestFreeTextViewQuotes(t *testing.T) {
	res := &analyze.Results{Quotes: []analyze.Quote{
		{Source: analyze.SourceSurvey, By: analyze.ByTheme, Group: "見守り", Text: "住民の声"},
		{Source: analyze.SourceHearing, By: analyze.ByTheme, Group: "見守り", Text: "団体の声"},
		{Source: analyze.SourceSurvey, By: analyze.ByDistrict, Group: "日吉", Text: "日吉の声"},
	}}
	fv := view.FreeTextViewOf(res)
	want := []view.CommentGroup{{Theme: "見守り", Items: []string{"住民の声"}}, {District: "日吉", Items: []string{"日吉の声"}}}
	if !reflect.DeepEqual(fv.Quotes, want) {
		t.Errorf("quotes %+v, want %+v", fv.Quotes, want)
	}
}

func TestPValueLabel(t *testing.T) {
	for _, c := range []struct {
		p    float64
		want string
	}{{0.0391, "p=0.039"}, {0.0004, "p<0.001"}, {0.001, "p=0.001"}, {math.NaN(), ""}} {
		if got := view.PValueLabel(c.p); got != c.want {
			t.Errorf("PValueLabel(%v) = %q, want %q", c.p, got, c.want)
		}
	}
}

// ratingRowOf is a group's rating row for hand-built views: counts (every
// organization heard rated), with base and shares from analyze.RatingShares
// as Build takes them.
func ratingRowOf(counts ...int) view.RatingRow {
	r := view.NewRatingRow(len(counts))
	base := 0
	for _, c := range counts {
		base += c
	}
	pct := analyze.RatingShares(counts, base)
	for i, c := range counts {
		r.Set(i, analyze.HearingCount{Count: c, Base: base, Pct: pct[i]})
	}
	return r
}

func TestBuildRatings(t *testing.T) {
	res := csvTestResults()
	res.Batch.Districts = []ingest.District{{Name: "日吉"}, {Name: "綱島"}}
	res.Batch.ChoiceSets = append(res.Batch.ChoiceSets, ingest.ChoiceSet{Name: "評価", Choices: []ingest.Choice{
		{Code: 1, Label: "できている"}, {Code: 2, Label: "ややできている"}, {Code: 3, Label: "できていない"}}})
	res.Batch.HearingItems[1].Scale = 1
	row := func(by, group string, code, count, base int, pct float64) analyze.HearingCount {
		return analyze.HearingCount{Item: 1, By: by, Group: group, Code: code, Count: count, Base: base, Pct: pct}
	}
	na := func(by, group string, count, base int, pct float64) analyze.HearingCount {
		return analyze.HearingCount{Item: 1, By: by, Group: group, NA: true, Label: analyze.LabelNA, Count: count, Base: base, Pct: pct}
	}
	// 4 organizations heard, 1 of them gave no rating: the base is 4 (無回答 included).
	res.Hearings.Ratings = []analyze.HearingCount{
		row(analyze.ByAll, "全体", 1, 1, 4, 25), row(analyze.ByAll, "全体", 2, 2, 4, 50), row(analyze.ByAll, "全体", 3, 0, 4, 0), na(analyze.ByAll, "全体", 1, 4, 25),
		row(analyze.ByDistrict, "日吉", 1, 0, 0, tNaN), row(analyze.ByDistrict, "日吉", 2, 0, 0, tNaN), row(analyze.ByDistrict, "日吉", 3, 0, 0, tNaN), na(analyze.ByDistrict, "日吉", 0, 0, tNaN),
		row(analyze.ByOrgType, "自治会", 1, 1, 1, 100), // not a district: left out
	}
	v := view.Build(res)
	if len(v.Hearings.Ratings) != 1 {
		t.Fatalf("%d rating items, want 1", len(v.Hearings.Ratings))
	}
	r := v.Hearings.Ratings[0]
	texts := func(fs ...view.Fig) string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Text)
		}
		return strings.Join(s, " ")
	}
	check := func(name string, row view.RatingRow, want string) {
		t.Helper()
		got := texts(row.N, row.Total) + " | " + texts(row.Counts...) + " | " + texts(row.Shares...)
		if got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	// Shares are analyze's Pct formatted (33.3, 66.7), never recomputed; － for a zero
	// count and for a base of nothing.
	check("全体", r.All, "4 4 | 1 2 － 1 | 25.0 50.0 － 25.0")
	check("日吉", r.ByDistrict["日吉"], "0 － | － － － － | － － － －")
	if !r.NA || strings.Join(r.Labels, " ") != "できている ややできている できていない 無回答" {
		t.Errorf("labels %q (NA %v), want the scale then 無回答", r.Labels, r.NA)
	}
	if _, ok := r.ByDistrict["綱島"]; ok || len(r.ByDistrict) != 1 {
		t.Errorf("ByDistrict has %d groups, want 日吉 only", len(r.ByDistrict))
	}
}

func TestSetChartOrders(t *testing.T) {
	heads := []string{"a", "b", "c", "d", analyze.LabelNA}
	codes := []string{"1", "2", "3", "4", analyze.CodeNA}
	row := func(supp bool, counts ...int) view.RowView {
		r := view.RowView{Suppressed: supp}
		for _, c := range counts {
			r.Cells = append(r.Cells, view.PctFig(sharePct(c, 10), supp))
		}
		return r
	}
	trend := func(counts ...int) []view.TrendView {
		var out []view.TrendView
		for _, c := range counts {
			out = append(out, view.TrendView{Current: view.PctFig(sharePct(c, 10), false)})
		}
		return out
	}
	check := func(name string, ma bool, rows []view.RowView, tr []view.TrendView, want [][]int, wantTrend []int) {
		t.Helper()
		q := view.QuestionView{MA: ma, Tables: []view.TableView{{Heads: heads, Codes: codes, Rows: rows}}, Trend: tr}
		view.SetChartOrders(&q)
		for i, r := range q.Tables[0].Rows {
			if !reflect.DeepEqual(r.Order, want[i]) {
				t.Errorf("%s: row %d order %v, want %v", name, i, r.Order, want[i])
			}
		}
		if !reflect.DeepEqual(q.TrendOrder, wantTrend) {
			t.Errorf("%s: trend order %v, want %v", name, q.TrendOrder, wantTrend)
		}
	}
	// MA: by share, largest first; b and d tie at 30% and keep their order; 無回答
	// last even when it is the largest.
	check("MA", true, []view.RowView{row(false, 1, 3, 0, 3, 9)}, trend(2, 0, 5, 2, 1),
		[][]int{{1, 3, 0, 2, 4}}, []int{2, 0, 3, 4, 1})
	// A suppressed row has no shares to sort by: choice order.
	check("MA suppressed", true, []view.RowView{row(true, 1, 3, 0, 3, 9)}, nil, [][]int{{0, 1, 2, 3, 4}}, nil)
	// SA keeps the choice order, rows and trend alike.
	check("SA", false, []view.RowView{row(false, 1, 3, 0, 3, 9)}, trend(2, 0, 5), [][]int{{0, 1, 2, 3, 4}}, []int{0, 1, 2})
}

func TestBuildTextMatrix(t *testing.T) {
	res := csvTestResults()
	res.FreeText[1].Source, res.FreeText[1].RecordID = analyze.SourceHearing, "町内会"
	minBase := res.Batch.Settings.SuppressBelow
	res.Batch.Settings.SuppressBelow = 0 // every text listed
	v := view.Build(res)
	m := v.FreeText.Matrix
	got := fmt.Sprint(m.Themes, m.Districts)
	for _, row := range m.Cells {
		for _, c := range row {
			got += fmt.Sprintf(" %s%q%d", c.N.Text, c.Texts, c.Held)
		}
	}
	// Rows and columns as analyze lists the cells; a hearing comment names its
	// organization; an empty cell is － with no texts.
	want := `[つながり その他] [日吉 地区不明] 1["=HYPERLINK(\"http://x\")"]0 －[]0 －[]0 1["町内会：改行\nあり, \"引用\""]0`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Under 秘匿基準 a district's survey texts are counted, never listed; the
	// book's 自由記述 sheet (FreeText.Texts) keeps them.
	res.Batch.Settings.SuppressBelow = minBase // more than the batch's respondents
	v = view.Build(res)
	if c := v.FreeText.Matrix.Cells[0][0]; c.N.Text != "1" || len(c.Texts) != 0 || c.Held != 1 {
		t.Errorf("held district: cell %s %q held %d, want 1 [] 1", c.N.Text, c.Texts, c.Held)
	}
	if c := v.FreeText.Matrix.Cells[1][1]; len(c.Texts) != 1 || c.Held != 0 {
		t.Errorf("hearing comment: %q held %d, want listed", c.Texts, c.Held)
	}
	if len(v.FreeText.Texts) != 2 || !v.FreeText.Texts[0].Held || v.FreeText.Texts[1].Held {
		t.Errorf("FreeText.Texts = %+v, want both, the survey one held", v.FreeText.Texts)
	}
	if v.FreeText.Count.Text != "2" {
		t.Errorf("Count = %q, want 2 (freetext_counts.csv survey)", v.FreeText.Count.Text)
	}
}
