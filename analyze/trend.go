package analyze

import (
	"math"

	"midreview/ingest"
)

// trends compares the baseline and current surveys choice by choice (trend.csv):
// every SA/SC/MA choice (無回答 left out) of every question tabulated in both
// surveys, by 全体 and 地区, in the current crosstabs' order. A group missing from
// one survey (地区不明) has base 0 there. DiffPt is current − baseline in points
// as printed (PointDiff) and P the pooled two-proportion z-test of the
// unrounded counts; both are NaN when a base is 0.
// CurrentSuppressed and BaselineSuppressed are the group's own flags in each
// survey (primary or complementary, as in its crosstab), so a side is hidden
// exactly where its crosstab hides it; Suppressed (either side) hides the
// difference and p, which need both.
func trends(b *ingest.Batch, cts []Crosstab) []TrendRow {
	if b.Baseline == nil {
		return nil
	}
	type key struct {
		q  int
		by string
	}
	base := map[key]*Crosstab{}
	for i := range cts {
		if cts[i].Survey == Baseline {
			base[key{cts[i].Question, cts[i].By}] = &cts[i]
		}
	}
	var out []TrendRow
	for i := range cts {
		cur := &cts[i]
		if cur.Survey != Current || (cur.By != ByAll && cur.By != ByDistrict) {
			continue
		}
		old := base[key{cur.Question, cur.By}]
		if old == nil {
			continue
		}
		names := make([]string, 0, len(cur.Groups)+1)
		for _, g := range cur.Groups {
			names = append(names, g.Name)
		}
		for _, g := range old.Groups {
			if findGroup(cur, g.Name) == nil {
				names = append(names, g.Name)
			}
		}
		nc := min(len(cur.Choices), len(old.Choices)) - 1
		for _, name := range names {
			cg, og := findGroup(cur, name), findGroup(old, name)
			for j := 0; j < nc; j++ {
				t := TrendRow{Question: cur.Question, By: cur.By, Group: name,
					Code: cur.Choices[j].Code, Label: cur.Choices[j].Label}
				t.CurrentCount, t.CurrentBase, t.CurrentSuppressed, t.CurrentReference = trendSide(cg, j, b.Settings)
				t.BaselineCount, t.BaselineBase, t.BaselineSuppressed, t.BaselineReference = trendSide(og, j, b.Settings)
				t.Suppressed = t.CurrentSuppressed || t.BaselineSuppressed
				t.CurrentPct = pct(t.CurrentCount, t.CurrentBase)
				t.BaselinePct = pct(t.BaselineCount, t.BaselineBase)
				t.DiffPt = PointDiff(t.BaselinePct, t.CurrentPct)
				t.P = math.NaN()
				if t.CurrentBase > 0 && t.BaselineBase > 0 {
					t.P = twoProp(t.CurrentPct/100, float64(t.CurrentBase), t.BaselinePct/100, float64(t.BaselineBase))
				}
				out = append(out, t)
			}
		}
	}
	return out
}

// findGroup returns the group of ct named name, or nil.
func findGroup(ct *Crosstab, name string) *Group {
	for i := range ct.Groups {
		if ct.Groups[i].Name == name {
			return &ct.Groups[i]
		}
	}
	return nil
}

// trendSide returns the count and base of choice j in group g and g's
// suppression and 参考値 flags; a missing group has base 0 and is flagged as a
// crosstab group of base 0 would be.
func trendSide(g *Group, j int, st ingest.Settings) (count, base int, suppressed, reference bool) {
	if g == nil {
		return 0, 0, st.SuppressBelow > 0, st.ReferenceBelow > 0
	}
	return g.Cells[j].Count, g.Base, g.Suppressed, g.Reference
}
