package analyze

import "midreview/ingest"

// A DistrictChi is a district's own test of an SA/SC question
// (data/district_chisq.csv): the district against the rest of the ward
// (全体 less the district, as district_rest.csv counts it), a 2 × answers
// test of independence with 無回答 left out. A district handout prints it
// under the district's table, where the ward's test of every district
// (chisq.csv) would not be about the rows printed.
type DistrictChi struct {
	District string
	Question int // index into Batch.Questions
	Chi      ChiSquare
}

// districtChis tests every district in sheet order against the rest of the
// ward in each current SA/SC crosstab by 地区 that has a test (Crosstab.Chi),
// in question order.
func districtChis(b *ingest.Batch, r *Results) []DistrictChi {
	var out []DistrictChi
	hasTest := func(c *Crosstab) bool { return c.Chi != nil }
	districtVsWard(b, r, hasTest, func(c *Crosstab, g, ward *Group) {
		var in, rest []float64
		for _, j := range answers(c) {
			if j >= len(g.Cells) || j >= len(ward.Cells) {
				continue
			}
			in = append(in, float64(g.Cells[j].Count))
			rest = append(rest, float64(ward.Cells[j].Count-g.Cells[j].Count))
		}
		_, chi := independence([][]float64{in, rest})
		out = append(out, DistrictChi{District: g.Name, Question: c.Question, Chi: chi})
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
