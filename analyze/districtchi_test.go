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

// TestDistrictChiMarks: the district's row is marked by the residuals of its
// own 2 × answers table, and only when that table's χ² is significant.
// Hand-computed. 北 1/2/3 = 30/10/0 against the rest 20/40/0 (answer 3 given
// by nobody): the 2 × 2 table of TestDistrictChis, residual of 北's answer 1
// = 10/√(20·0.6·0.5) = 4.082 (▲), answer 2 −4.082 (▼), p < 0.001.
// 南 = 16/16/18 against the rest 40/40/20: N = 150, rows 50 and 100, columns
// 56/56/38; answer 3 expected 38·50/150 = 12.667, residual
// 5.333/√(12.667·(2/3)·(112/150)) = 2.124 ≥ 1.96, but χ²(2) = 4.511,
// p = e^(−4.511/2) = 0.105: no mark (the defect of reader report 5, item 1).
func TestDistrictChiMarks(t *testing.T) {
	choices := []ChoiceHead{{Code: "1"}, {Code: "2"}, {Code: "3"}, {Code: CodeNA}}
	cells := func(ns ...int) []Cell {
		var cs []Cell
		for _, n := range ns {
			cs = append(cs, Cell{Count: n})
		}
		return cs
	}
	check := func(name string, g DistrictChi, wantP float64, wantR []float64, wantM []string) {
		t.Helper()
		if math.Abs(g.Chi.P-wantP) > 5e-4 {
			t.Errorf("%s: p = %.4f, want %.4f", name, g.Chi.P, wantP)
		}
		if len(g.Residuals) != len(choices) || len(g.Marks) != len(choices) {
			t.Fatalf("%s: %d residuals and %d marks, want %d (one per choice)", name, len(g.Residuals), len(g.Marks), len(choices))
		}
		for j := range choices {
			r := g.Residuals[j]
			if math.IsNaN(wantR[j]) != math.IsNaN(r) || !math.IsNaN(r) && math.Abs(r-wantR[j]) > 5e-4 {
				t.Errorf("%s: residual of %s = %.4f, want %.4f", name, choices[j].Code, r, wantR[j])
			}
			if g.Marks[j] != wantM[j] {
				t.Errorf("%s: mark of %s = %q, want %q", name, choices[j].Code, g.Marks[j], wantM[j])
			}
		}
	}
	nan := math.NaN()
	t.Run("significant", func(t *testing.T) {
		b := &ingest.Batch{Districts: []ingest.District{{Name: "北"}}}
		r := &Results{Crosstabs: []Crosstab{
			{Survey: Current, Question: 0, By: ByAll, Choices: choices, Groups: []Group{{Name: GroupAll, Base: 105, Cells: cells(50, 50, 0, 5)}}},
			{Survey: Current, Question: 0, By: ByDistrict, Choices: choices, Chi: &ChiSquare{},
				Groups: []Group{{Name: "北", Base: 42, Cells: cells(30, 10, 0, 2)}}},
		}}
		got := districtChis(b, r)
		r4 := 10 / math.Sqrt(6)
		check("北", got[0], 4.4e-5, []float64{r4, -r4, nan, nan}, []string{"▲", "▼", "", ""})
		// The same district 秘匿: its test stays, its marks go.
		r.Crosstabs[1].Groups[0].Suppressed = true
		got = districtChis(b, r)
		check("北（秘匿）", got[0], 4.4e-5, []float64{r4, -r4, nan, nan}, []string{"", "", "", ""})
	})
	t.Run("not significant", func(t *testing.T) {
		b := &ingest.Batch{Districts: []ingest.District{{Name: "南"}}}
		r := &Results{Crosstabs: []Crosstab{
			{Survey: Current, Question: 0, By: ByAll, Choices: choices, Groups: []Group{{Name: GroupAll, Base: 150, Cells: cells(56, 56, 38, 0)}}},
			{Survey: Current, Question: 0, By: ByDistrict, Choices: choices, Chi: &ChiSquare{},
				Groups: []Group{{Name: "南", Base: 50, Cells: cells(16, 16, 18, 0)}}},
		}}
		got := districtChis(b, r)
		e1 := 56.0 * 50 / 150
		r1 := (16 - e1) / math.Sqrt(e1*(1-50.0/150)*(1-56.0/150))
		r3 := (18 - 38.0*50/150) / math.Sqrt(38.0*50/150*(1-50.0/150)*(1-38.0/150))
		if r3 < 1.96 {
			t.Fatalf("fixture: residual %.3f is under 1.96", r3)
		}
		check("南", got[0], math.Exp(-4.511278/2), []float64{r1, r1, r3, nan}, []string{"", "", "", ""})
		// At 有意水準 0.2 the same test is significant and 3 is marked.
		b.Settings.Alpha = 0.2
		got = districtChis(b, r)
		check("南（有意水準0.2）", got[0], math.Exp(-4.511278/2), []float64{r1, r1, r3, nan}, []string{"", "", "▲", ""})
	})
}
