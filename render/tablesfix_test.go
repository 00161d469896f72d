package render

import (
	"bytes"
	"github.com/xuri/excelize/v2"
	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/web"
	"midreview/render/xlsx"
	"slices"
	"strings"
	"testing"
)

// mainResults returns the ward report's 主な結果 table of district d.
func mainResults(t *testing.T, v *view.View, d string) view.Table {
	t.Helper()
	var out *view.Table
	view.Walk(view.WardReport(v), view.Print, func(b view.Block) {
		if tb, ok := b.(view.Table); ok && strings.HasPrefix(tb.Caption, d+"の主な結果") {
			out = &tb
		}
	})
	if out == nil {
		t.Fatalf("no 主な結果 table of %s", d)
	}
	return *out
}

// TestMainResultsNEachSide: the 主な結果 table prints the n of each compared
// group, the district and the rest of the ward, beside its figure (reader
// round 4 item 8: only the district's n was printed).
// 北 40: A 28, C 12; 南 100: A 30, C 70; 西 60: A 30, C 30; 肯定 A.
// 北 28/40 = 70.0% (n=40); the rest (南・西) 60/160 = 37.5% (n=160); +32.5.
func TestMainResultsNEachSide(t *testing.T) {
	f := newFBatch(ingest.SC, 0)
	f.add(&f.b.Current, 28, 0, -1, 0)
	f.add(&f.b.Current, 12, 0, -1, 2)
	f.add(&f.b.Current, 30, 1, -1, 0)
	f.add(&f.b.Current, 70, 1, -1, 2)
	f.add(&f.b.Current, 30, 2, -1, 0)
	f.add(&f.b.Current, 30, 2, -1, 2)
	v := view.Build(analyze.Run(f.b))
	tb := mainResults(t, v, "北")
	if len(tb.Rows) != 1 {
		t.Fatalf("rows %+v", tb.Rows)
	}
	type pair struct{ fig, n string }
	var got []pair
	for i, c := range tb.Cols {
		if c.Role == view.RoleN {
			if i == 0 || tb.Cols[i-1].Role != view.RoleFigure {
				t.Errorf("n column %d follows no figure", i)
				continue
			}
			got = append(got, pair{tb.Cols[i-1].Head + " " + tb.Rows[0][i-1].Text, tb.Rows[0][i].Text})
		}
	}
	want := []pair{{"北（%） 70.0▲", "40"}, {view.RestName + "（%） 37.5", "160"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("figures with their n: %q, want %q", got, want)
	}
	if d := tb.Rows[0][len(tb.Rows[0])-1].Text; d != "+32.5" {
		t.Errorf("差 %s, want +32.5", d)
	}
	var page bytes.Buffer
	if err := web.WebReport(&page, v); err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"北のn（人）", view.RestName + "のn（人）"} {
		if !strings.Contains(page.String(), `<th scope="col">`+h+`</th>`) {
			t.Errorf("web 主な結果 lacks the column %s", h)
		}
	}
}

// TestXLSXBreakdownsStartWithAll: in tabulation.xlsx every breakdown (地区別,
// 年代別 and its number summaries) starts with the 全体 row, its reference,
// as the PDF's tables do (reader round 4 item 9: the sheets ran 日吉 … 地区不明
// with no 全体 although ▲▼ are 「全体に比べ」).
// 北 40: A 28, C 12 (若年); 南 100: A 30, C 70 (高齢); 西 60: A 30, C 30 (高齢).
// 全体 200: A 88 = 44.0%, C 112 = 56.0%.
func TestXLSXBreakdownsStartWithAll(t *testing.T) {
	f := newFBatch(ingest.SC, 0)
	f.add(&f.b.Current, 28, 0, 0, 0)
	f.add(&f.b.Current, 12, 0, 0, 2)
	f.add(&f.b.Current, 30, 1, 2, 0)
	f.add(&f.b.Current, 70, 1, 2, 2)
	f.add(&f.b.Current, 30, 2, 2, 0)
	f.add(&f.b.Current, 30, 2, 2, 2)
	v := view.Build(analyze.Run(f.b))
	var buf bytes.Buffer
	if err := xlsx.XLSX(&buf, v); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sheet, head string
		first       []string // the first row under each header of the question
	}{
		{view.SheetByDistrict, "地区", []string{"全体", "200", "44.0", "0", "56.0"}},
		{view.SheetByAge, "年代", []string{"全体", "200", "44.0", "0", "56.0"}},
	} {
		rows, err := x.GetRows(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		q2, heads := false, 0
		for i, r := range rows {
			if len(r) > 0 && strings.HasPrefix(r[0], "Q2") {
				q2 = true
			}
			if !q2 || len(r) < 2 || r[1] != "n" || i+1 >= len(rows) {
				continue
			}
			heads++
			next := rows[i+1]
			if r[0] == c.head && (len(next) < len(c.first) || strings.Join(next[:len(c.first)], "|") != strings.Join(c.first, "|")) {
				t.Errorf("%s: Q2's first row %q, want %q", c.sheet, next, c.first)
			}
			if r[0] == "区分" && (len(next) == 0 || next[0] != "全体") {
				t.Errorf("%s: Q2's number summary starts with %q, want 全体", c.sheet, next)
			}
		}
		if heads == 0 {
			t.Errorf("%s: no table of Q2", c.sheet)
		}
	}
}

// TestSummaryAnswersWhole: 中央値・最小・最大 are answers (or halfway between
// two) and print as the answer, without a decimal when whole; 平均 and
// 標準偏差 keep one decimal (reader round 4 item 10: 「中央値 0.0 最小 0.0
// 最大 32.0」 beside a legend where 0.0 means under 0.05).
// Scores A=1, B=2, C=3. 北 40: A 28, C 12 → median 1, min 1, max 3, mean
// (28+36)/40 = 1.6. 南 100: A 50, C 50 → median (1+3)/2 = 2, mean 2.0.
// 西 2: A 1, B 1 → median 1.5, min 1, max 2.
func TestSummaryAnswersWhole(t *testing.T) {
	f := newFBatch(ingest.SC, 0)
	f.add(&f.b.Current, 28, 0, -1, 0)
	f.add(&f.b.Current, 12, 0, -1, 2)
	f.add(&f.b.Current, 50, 1, -1, 0)
	f.add(&f.b.Current, 50, 1, -1, 2)
	f.add(&f.b.Current, 1, 2, -1, 0)
	f.add(&f.b.Current, 1, 2, -1, 1)
	f.b.Settings.SuppressBelow = 0
	v := view.Build(analyze.Run(f.b))
	want := map[string]string{
		"北": "1.6 1 1 3",
		"南": "2.0 2 1 3",
		"西": "1.5 1.5 1 2",
	}
	seen := 0
	for _, q := range v.Questions {
		for _, r := range q.Summary {
			w, ok := want[r.Group]
			if !ok {
				continue
			}
			seen++
			if got := strings.Join([]string{r.Mean.Text, r.Median.Text, r.Min.Text, r.Max.Text}, " "); got != w {
				t.Errorf("%s: 平均 中央値 最小 最大 %q, want %q", r.Group, got, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d summary rows checked, want %d", seen, len(want))
	}
}

// TestKarteIndexColoursSignificantOnly: the カルテ's 図2 colours a district's
// indicator by direction only where the district differs significantly from
// the rest of the ward (the 主な結果 table's ▲▼); other bars are neutral, and
// the note says so (reader round 4 item 13: 綱島 I2 24.0 vs 25.6 drawn
// 「全体より悪い」). Indicator on A (増). 北 100 vs the rest 100:
// 40 vs 70 (z ≈ −4.3, ▼): worse, coloured; 60 vs 65 (z ≈ −0.7): neutral.
func TestKarteIndexColoursSignificantOnly(t *testing.T) {
	for _, c := range []struct {
		north   int
		better  int
		neutral bool
	}{{40, -1, false}, {60, 0, true}} {
		f := newFBatch(ingest.SA)
		f.b.Indicators = []ingest.Indicator{{ID: "I1", Name: "Aの割合", Theme: -1, Question: 2, Choices: 1, Direction: ingest.Up}}
		f.add(&f.b.Current, c.north, 0, -1, 0)
		f.add(&f.b.Current, 100-c.north, 0, -1, 1)
		rest := 70
		if c.north == 60 {
			rest = 65
		}
		f.add(&f.b.Current, rest, 1, -1, 0)
		f.add(&f.b.Current, 100-rest, 1, -1, 1)
		v := view.Build(analyze.Run(f.b))
		var rows []view.BarRow
		var notes []string
		view.Walk(view.DistrictReport(v, "北"), view.Print, func(b view.Block) {
			switch b := b.(type) {
			case view.Figure:
				if b.Kind == view.FigIndex {
					rows = b.Bars
				}
			case view.Note:
				notes = append(notes, b.Text)
			}
		})
		if len(rows) != 1 {
			t.Fatalf("北 %d: index rows %+v", c.north, rows)
		}
		if rows[0].Better != c.better || rows[0].Neutral != c.neutral {
			t.Errorf("北 %d vs %d: better %d neutral %v, want %d %v", c.north, rest, rows[0].Better, rows[0].Neutral, c.better, c.neutral)
		}
		if !slices.ContainsFunc(notes, func(s string) bool { return strings.Contains(s, "有意な差がない指標") }) {
			t.Errorf("no note on the neutral colour in %q", notes)
		}
	}
}

// TestDistrictBaselineDash: a district's 策定時 with no value (no baseline
// data by district) prints 「－」 and the table's note gives the reason
// (reader round 4 item 14: blank cells beside the grade 「－」). The
// indicator's 全体 策定時値 40.0 comes from the 指標 sheet; 北 has none.
func TestDistrictBaselineDash(t *testing.T) {
	f := newFBatch(ingest.SA)
	f.b.Indicators = []ingest.Indicator{{ID: "I1", Name: "Aの割合", Theme: -1, Question: 2, Choices: 1, Direction: ingest.Up,
		Baseline: 40, BaselineN: 100, HasBaseline: true}}
	f.add(&f.b.Current, 40, 0, -1, 0)
	f.add(&f.b.Current, 60, 0, -1, 1)
	f.add(&f.b.Current, 50, 1, -1, 0)
	f.add(&f.b.Current, 50, 1, -1, 1)
	v := view.Build(analyze.Run(f.b))
	var tb *view.Table
	view.Walk(view.DistrictReport(v, "北"), view.Print, func(b view.Block) {
		if x, ok := b.(view.Table); ok && strings.HasPrefix(x.Caption, "北の指標") {
			tb = &x
		}
	})
	if tb == nil || len(tb.Rows) != 1 {
		t.Fatalf("北's indicator table: %+v", tb)
	}
	if got := tb.Rows[0][2].Text; got != view.MarkZero {
		t.Errorf("北's 策定時 %q, want %s", got, view.MarkZero)
	}
	if !slices.ContainsFunc(tb.Notes, func(s string) bool { return strings.Contains(s, "に北の値がない") }) {
		t.Errorf("no note giving the reason for 「－」: %q", tb.Notes)
	}
}
