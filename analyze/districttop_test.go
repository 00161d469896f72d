package analyze

import (
	"math"
	"testing"

	"midreview/ingest"
)

// TestDistrictTops checks the district pages' key measures against figures
// worked out by hand: an indicator's codes, an SC question's 肯定 half, and
// no row for an attribute question or an SA question without an indicator
// (never the modal answer).
func TestDistrictTops(t *testing.T) {
	yn := []ingest.Choice{{Code: 1, Label: "はい"}, {Code: 2, Label: "いいえ"}}
	scale := []ingest.Choice{{Code: 1, Label: "そう思う", Positive: true}, {Code: 2, Label: "ややそう思う", Positive: true},
		{Code: 3, Label: "どちらともいえない"}, {Code: 4, Label: "あまりそう思わない"}, {Code: 5, Label: "そう思わない"}}
	b := &ingest.Batch{
		Districts:  []ingest.District{{Name: "北"}, {Name: "南"}},
		ChoiceSets: []ingest.ChoiceSet{{Name: "yn", Choices: yn}, {Name: "agree", Choices: scale}},
		Questions: []ingest.Question{
			{ID: "Q1", Type: ingest.SA, ChoiceSet: 0},                          // indicator I1 (減) on code 2
			{ID: "Q2", Type: ingest.SC, ChoiceSet: 1},                          // 肯定 1,2
			{ID: "Q3", Type: ingest.SA, ChoiceSet: 0},                          // no key measure
			{ID: "F2", Type: ingest.SA, ChoiceSet: 0, Attr: ingest.AttrGender}, // attribute: never
		},
		Indicators: []ingest.Indicator{{ID: "I1", Name: "いいえの割合", Question: 0, Choices: ingest.ChoiceBits(0).With(1), Direction: ingest.Down}},
	}
	ynH := []ChoiceHead{{"1", "はい"}, {"2", "いいえ"}, {CodeNA, LabelNA}}
	scH := []ChoiceHead{{"1", "そう思う"}, {"2", "ややそう思う"}, {"3", "どちらともいえない"}, {"4", "あまりそう思わない"}, {"5", "そう思わない"}, {CodeNA, LabelNA}}
	cells := func(counts ...int) []Cell {
		var out []Cell
		for _, c := range counts {
			out = append(out, Cell{Count: c, WeightedPct: math.NaN()})
		}
		return out
	}
	pair := func(q int, h []ChoiceHead, all Group, ds ...Group) []Crosstab {
		return []Crosstab{{Survey: Current, Question: q, By: ByAll, Choices: h, Groups: []Group{all}},
			{Survey: Current, Question: q, By: ByDistrict, Choices: h, Groups: ds}}
	}
	var xt []Crosstab
	// Q1: 全体 いいえ 50/200; 北 40/100 against the rest 10/100: z-test p < 0.05, ▲.
	xt = append(xt, pair(0, ynH, Group{Name: GroupAll, Base: 200, Cells: cells(140, 50, 10)},
		Group{Name: "北", Base: 100, Cells: cells(55, 40, 5)}, Group{Name: "南", Base: 100, Cells: cells(85, 10, 5)})...)
	// Q2: 全体 そう思う+ややそう思う = 30+50 = 80/200 = 40%; 北 35/100, 南 45/100 (no mark: p ≈ 0.16).
	xt = append(xt, pair(1, scH, Group{Name: GroupAll, Base: 200, Cells: cells(30, 50, 60, 30, 20, 10)},
		Group{Name: "北", Base: 100, Cells: cells(15, 20, 30, 15, 15, 5)}, Group{Name: "南", Base: 100, Cells: cells(15, 30, 30, 15, 5, 5)})...)
	xt = append(xt, pair(2, ynH, Group{Name: GroupAll, Base: 200, Cells: cells(100, 100, 0)}, Group{Name: "北", Base: 100, Cells: cells(50, 50, 0)})...)
	xt = append(xt, pair(3, ynH, Group{Name: GroupAll, Base: 200, Cells: cells(100, 100, 0)}, Group{Name: "北", Base: 100, Cells: cells(50, 50, 0)})...)
	got := DistrictTops(b, xt)
	want := []DistrictTop{
		{District: "北", Question: 0, Measure: KeyIndicator, Code: "2", Label: "いいえの割合", Lower: true, Count: 40, N: 100, AllN: 200, Pct: 40, AllPct: 25, DiffPt: 15, Mark: "▲"},
		{District: "北", Question: 1, Measure: KeyPositive, Code: "1;2", Label: "そう思う（計）", Count: 35, N: 100, AllN: 200, Pct: 35, AllPct: 40, DiffPt: -5},
		{District: "南", Question: 0, Measure: KeyIndicator, Code: "2", Label: "いいえの割合", Lower: true, Count: 10, N: 100, AllN: 200, Pct: 10, AllPct: 25, DiffPt: -15, Mark: "▼"},
		{District: "南", Question: 1, Measure: KeyPositive, Code: "1;2", Label: "そう思う（計）", Count: 45, N: 100, AllN: 200, Pct: 45, AllPct: 40, DiffPt: 5},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.District != w.District || g.Question != w.Question || g.Measure != w.Measure || g.Code != w.Code || g.Label != w.Label ||
			g.Lower != w.Lower || g.Count != w.Count || g.N != w.N || g.AllN != w.AllN || g.Mark != w.Mark ||
			math.Abs(g.Pct-w.Pct) > 1e-12 || math.Abs(g.AllPct-w.AllPct) > 1e-12 || math.Abs(g.DiffPt-w.DiffPt) > 1e-12 {
			t.Errorf("row %d = %+v\n       want %+v", i, g, w)
		}
	}
	// Direction: 北 is 15 points above the ward on a 減 indicator: worse.
	if got[0].Better() != -1 || got[2].Better() != 1 || got[1].Better() != -1 || got[3].Better() != 1 {
		t.Errorf("Better: %d %d %d %d, want -1 1 -1 1", got[0].Better(), got[2].Better(), got[1].Better(), got[3].Better())
	}

	t.Run("weighted", func(t *testing.T) {
		// With 重み付け, 全体's share is the sum of the weighted shares of the codes.
		wb := *b
		wb.Settings.Weighting = true
		all := Group{Name: GroupAll, Base: 200, Cells: cells(30, 50, 60, 30, 20, 10)}
		all.Cells[0].WeightedPct, all.Cells[1].WeightedPct = 12.5, 30
		got := DistrictTops(&wb, pair(1, scH, all, Group{Name: "北", Base: 100, Cells: cells(15, 20, 30, 15, 15, 5)}))
		if len(got) != 1 || got[0].AllPct != 42.5 || got[0].Pct != 35 || got[0].DiffPt != -7.5 {
			t.Errorf("got %+v, want 35%% against 42.5%%, −7.5", got)
		}
	})
}

// TestScaleBoxes checks the combined boxes and their names.
func TestScaleBoxes(t *testing.T) {
	mk := func(pos []bool, labels ...string) *ingest.Batch {
		var cs []ingest.Choice
		for i, l := range labels {
			cs = append(cs, ingest.Choice{Code: i + 1, Label: l, Positive: pos != nil && pos[i]})
		}
		return &ingest.Batch{ChoiceSets: []ingest.ChoiceSet{{Choices: cs}}, Questions: []ingest.Question{{Type: ingest.SC, ChoiceSet: 0}}}
	}
	for _, c := range []struct {
		name             string
		b                *ingest.Batch
		pos, neg         ingest.ChoiceBits
		posName, negName string
	}{
		{"肯定 1,2 of 5", mk([]bool{true, true, false, false, false}, "そう思う", "ややそう思う", "どちらともいえない", "あまりそう思わない", "そう思わない"),
			0b00011, 0b11000, "そう思う（計）", "そう思わない（計）"},
		{"no 肯定: first half of 4", mk(nil, "感じる", "やや感じる", "あまり感じない", "感じない"), 0b0011, 0b1100, "感じる（計）", "感じない（計）"},
		{"肯定 at the end", mk([]bool{false, false, false, true, true}, "全く思わない", "あまり思わない", "どちらとも", "ややそう思う", "とてもそう思う"),
			0b11000, 0b00011, "とてもそう思う（計）", "全く思わない（計）"},
		// Long answers (the demo's Q1): the unfavourable box is never named
		// as the favourable one.
		{"long answers", mk([]bool{true, true, false, false}, "困ったときに相談や助け合いをする", "立ち話をする程度", "あいさつをする程度", "ほとんど付き合いはない"),
			0b0011, 0b1100, "肯定的な回答（計）", "否定的な回答（計）"},
	} {
		bx, ok := scaleBoxes(c.b, 0)
		if !ok || bx.Pos != c.pos || bx.Neg != c.neg || bx.PosName != c.posName || bx.NegName != c.negName {
			t.Errorf("%s: got %+v %v, want %b %b %s %s", c.name, bx, ok, c.pos, c.neg, c.posName, c.negName)
		}
	}
	for l, want := range map[string]bool{"ややそう思う": true, "あまり感じない": true, "どちらともいえない": true, "無回答": true,
		"そう思う": false, "知らない": false, "よくできている": false} {
		if WeakLabel(l) != want {
			t.Errorf("WeakLabel(%q) = %v, want %v", l, !want, want)
		}
	}
}
