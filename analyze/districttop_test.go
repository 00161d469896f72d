package analyze

import (
	"math"
	"testing"

	"midreview/ingest"
)

// TestDistrictTops checks the district pages' top answers against figures
// worked out by hand.
func TestDistrictTops(t *testing.T) {
	choices := []ChoiceHead{{"1", "はい"}, {"2", "いいえ"}, {CodeNA, LabelNA}}
	cells := func(counts ...int) []Cell {
		var out []Cell
		for _, c := range counts {
			out = append(out, Cell{Count: c, WeightedPct: math.NaN()})
		}
		return out
	}
	b := &ingest.Batch{Districts: []ingest.District{{Name: "北"}, {Name: "南"}}}
	xt := []Crosstab{
		// Q0: 全体 4/10, 5/10, 1/10 → いいえ (50%) is the top answer.
		{Survey: Current, Question: 0, By: ByAll, Choices: choices,
			Groups: []Group{{Name: GroupAll, Base: 10, Cells: cells(4, 5, 1)}}},
		{Survey: Current, Question: 0, By: ByDistrict, Choices: choices, Groups: []Group{
			{Name: "北", Base: 6, Reference: true, Cells: []Cell{{Count: 3}, {Count: 2, Mark: "▼"}, {Count: 1}}},
			{Name: "南", Base: 4, Suppressed: true, Cells: cells(1, 3, 0)},
		}},
		// Q1: a tie (5/10 each) goes to the first answer; 南 has no row.
		{Survey: Current, Question: 1, By: ByAll, Choices: choices,
			Groups: []Group{{Name: GroupAll, Base: 10, Cells: cells(5, 5, 0)}}},
		{Survey: Current, Question: 1, By: ByDistrict, Choices: choices,
			Groups: []Group{{Name: "北", Base: 2, Cells: cells(0, 2, 0)}}},
		// Q2: no 地区 crosstab, so no row; the baseline survey is never used.
		{Survey: Current, Question: 2, By: ByAll, Choices: choices,
			Groups: []Group{{Name: GroupAll, Base: 10, Cells: cells(5, 5, 0)}}},
		{Survey: Baseline, Question: 0, By: ByDistrict, Choices: choices,
			Groups: []Group{{Name: "北", Base: 2, Cells: cells(2, 0, 0)}}},
	}
	got := DistrictTops(b, xt)
	want := []DistrictTop{
		// 北 Q0: 2/6 = 33.333…% (printed 33.3) against 50%: −16.7 points as printed.
		{District: "北", Question: 0, Code: "2", Label: "いいえ", N: 6, AllN: 10, Pct: 100.0 / 3, AllPct: 50,
			DiffPt: -16.7, Reference: true, Mark: "▼"},
		// 北 Q1: はい (tie) 0/2 = 0% against 50%.
		{District: "北", Question: 1, Code: "1", Label: "はい", N: 2, AllN: 10, Pct: 0, AllPct: 50, DiffPt: -50},
		// 南 Q0: suppressed, figures kept as in crosstab.csv: 3/4 = 75%, +25.
		{District: "南", Question: 0, Code: "2", Label: "いいえ", N: 4, AllN: 10, Pct: 75, AllPct: 50, DiffPt: 25, Suppressed: true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.District != w.District || g.Question != w.Question || g.Code != w.Code || g.Label != w.Label ||
			g.N != w.N || g.AllN != w.AllN || g.Suppressed != w.Suppressed || g.Reference != w.Reference || g.Mark != w.Mark ||
			math.Abs(g.Pct-w.Pct) > 1e-12 || math.Abs(g.AllPct-w.AllPct) > 1e-12 || math.Abs(g.DiffPt-w.DiffPt) > 1e-12 {
			t.Errorf("row %d = %+v\n       want %+v", i, g, w)
		}
	}

	t.Run("weighted", func(t *testing.T) {
		// With 重み付け, 全体's share is the weighted estimate: 40% and 60% make
		// いいえ the top answer although the counts tie.
		wb := *b
		wb.Settings.Weighting = true
		wx := []Crosstab{
			{Survey: Current, Question: 0, By: ByAll, Choices: choices, Groups: []Group{{Name: GroupAll, Base: 10,
				Cells: []Cell{{Count: 5, WeightedPct: 40}, {Count: 5, WeightedPct: 60}, {Count: 0, WeightedPct: 0}}}}},
			{Survey: Current, Question: 0, By: ByDistrict, Choices: choices,
				Groups: []Group{{Name: "北", Base: 4, Cells: cells(1, 3, 0)}}},
		}
		got := DistrictTops(&wb, wx)
		if len(got) != 1 || got[0].Code != "2" || got[0].AllPct != 60 || got[0].Pct != 75 || got[0].DiffPt != 15 {
			t.Errorf("got %+v, want いいえ 75%% against 60%%, +15", got)
		}
	})
	t.Run("suppressed 全体", func(t *testing.T) {
		// Every share of a suppressed 全体 counts as 0: the first answer is the top.
		sx := append([]Crosstab(nil), xt[:2]...)
		sx[0].Groups = []Group{{Name: GroupAll, Base: 3, Suppressed: true, Cells: cells(0, 3, 0)}}
		got := DistrictTops(b, sx)
		if len(got) == 0 || got[0].Code != "1" || !got[0].AllSuppressed {
			t.Errorf("got %+v, want はい with 全体 suppressed", got)
		}
	})
}
