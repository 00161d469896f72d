package analyze

import (
	"math"
	"testing"

	"midreview/ingest"
)

// TestDistrictChis: a district against the rest of the ward (全体 less the
// district), 無回答 left out. Hand-computed: 北 answers 1/2 = 30/10 and the
// rest (全体 50/50 less 北) 20/40; N = 100, rows 40 and 60, columns 50 and 50,
// expected 20/20 and 30/30, χ² = (10²/20)·2 + (10²/30)·2 = 16.667, df 1.
func TestDistrictChis(t *testing.T) {
	choices := []ChoiceHead{{Code: "1"}, {Code: "2"}, {Code: CodeNA}}
	cells := func(ns ...int) []Cell {
		var cs []Cell
		for _, n := range ns {
			cs = append(cs, Cell{Count: n})
		}
		return cs
	}
	b := &ingest.Batch{Districts: []ingest.District{{Name: "北"}, {Name: "南"}}}
	r := &Results{Crosstabs: []Crosstab{
		{Survey: Current, Question: 0, By: ByAll, Choices: choices, Groups: []Group{{Name: GroupAll, Base: 105, Cells: cells(50, 50, 5)}}},
		{Survey: Current, Question: 0, By: ByDistrict, Choices: choices, Chi: &ChiSquare{},
			Groups: []Group{{Name: "北", Base: 42, Cells: cells(30, 10, 2)}, {Name: "南", Base: 63, Cells: cells(20, 40, 3)}}},
		// A crosstab without a test (MA) and a baseline one are not tested.
		{Survey: Current, Question: 1, By: ByDistrict, Choices: choices, Groups: []Group{{Name: "北", Cells: cells(1, 1, 0)}}},
		{Survey: Baseline, Question: 0, By: ByDistrict, Choices: choices, Chi: &ChiSquare{}, Groups: []Group{{Name: "北", Cells: cells(1, 1, 0)}}},
	}}
	got := districtChis(b, r)
	if len(got) != 2 {
		t.Fatalf("got %d tests, want 2 (北, 南 of question 0): %+v", len(got), got)
	}
	want := 10.0*10/20*2 + 10.0*10/30*2
	for i, name := range []string{"北", "南"} {
		g := got[i]
		if g.District != name || g.Question != 0 || g.Chi.DF != 1 || math.Abs(g.Chi.Stat-want) > 1e-9 {
			t.Errorf("%s: got %+v, want χ²(1)=%.3f", name, g, want)
		}
	}
}
