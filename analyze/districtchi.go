package analyze

import (
	"math"

	"midreview/ingest"
)

// A DistrictChi is a district's own test of an SA/SC question
// (data/district_chisq.csv): the district against the rest of the ward
// (全体 less the district, as district_rest.csv counts it), a 2 × answers
// test of independence with 無回答 left out. A district handout prints it
// under the district's table, where the ward's test of every district
// (chisq.csv) would not be about the rows printed.
//
// The handout marks the district's row by the same table: the adjusted
// standardized residual of each of the district's cells in the 2 × answers
// table, ▲ or ▼ at the critical value of 有意水準 as the ward's tables mark
// theirs (markFor), but only when the χ² printed under the table is
// significant (p < 有意水準), so that a row is never marked under a test
// that finds no difference (district_rest.csv adj_residual, mark).
type DistrictChi struct {
	District string
	Question int // index into Batch.Questions
	Chi      ChiSquare
	// Residuals and Marks are by choice, indexed as Crosstab.Choices (whose
	// codes Codes holds): NaN and "" for 無回答 and an answer nobody gave.
	// Marks are all "" when Chi is not significant or the district's row
	// is 秘匿.
	Codes     []string
	Residuals []float64
	Marks     []string
}

// districtChis tests every district in sheet order against the rest of the
// ward in each current SA/SC crosstab by 地区 that has a test (Crosstab.Chi),
// in question order.
func districtChis(b *ingest.Batch, r *Results) []DistrictChi {
	var out []DistrictChi
	alpha := b.Settings.Alpha
	if !(alpha > 0 && alpha < 1) {
		alpha = 0.05
	}
	zc := zCrit(alpha)
	hasTest := func(c *Crosstab) bool { return c.Chi != nil }
	districtVsWard(b, r, hasTest, func(c *Crosstab, g, ward *Group) {
		var in, rest []float64
		var cols []int
		for _, j := range answers(c) {
			if j >= len(g.Cells) || j >= len(ward.Cells) {
				continue
			}
			in = append(in, float64(g.Cells[j].Count))
			rest = append(rest, float64(ward.Cells[j].Count-g.Cells[j].Count))
			cols = append(cols, j)
		}
		res, chi := independence([][]float64{in, rest})
		dc := DistrictChi{District: g.Name, Question: c.Question, Chi: chi,
			Codes: make([]string, len(c.Choices)), Residuals: make([]float64, len(c.Choices)), Marks: make([]string, len(c.Choices))}
		for j := range dc.Residuals {
			dc.Codes[j] = c.Choices[j].Code
			dc.Residuals[j] = math.NaN()
		}
		sig := !math.IsNaN(chi.P) && chi.P < alpha && !g.Suppressed
		for k, j := range cols {
			dc.Residuals[j] = res[0][k]
			if sig {
				dc.Marks[j] = markFor(res[0][k], zc)
			}
		}
		out = append(out, dc)
	})
	return out
}

// districtVsWard calls fn with each district's group of every current
// crosstab by 地区 that keep accepts and the ward's group (全体) of the same
// question, districts in sheet order and crosstabs in their order: the pairs
// that district_rest.csv and district_chisq.csv compare (the rest of the ward
// is the ward less the district).
func districtVsWard(b *ingest.Batch, r *Results, keep func(*Crosstab) bool, fn func(c *Crosstab, g, ward *Group)) {
	alls := map[int]*Crosstab{}
	var dists []*Crosstab
	for i := range r.Crosstabs {
		c := &r.Crosstabs[i]
		if c.Survey != Current {
			continue
		}
		switch {
		case c.By == ByAll && alls[c.Question] == nil:
			alls[c.Question] = c
		case c.By == ByDistrict && keep(c):
			dists = append(dists, c)
		}
	}
	for _, d := range b.Districts {
		for _, c := range dists {
			all := alls[c.Question]
			if all == nil || len(all.Groups) == 0 {
				continue
			}
			for gi := range c.Groups {
				if c.Groups[gi].Name == d.Name {
					fn(c, &c.Groups[gi], &all.Groups[0])
				}
			}
		}
	}
}
