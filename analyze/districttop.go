package analyze

import (
	"math"

	"midreview/ingest"
)

// A DistrictTop is, for one district and one question, the answer most chosen
// in the whole ward (全体) with the district's share of it beside 全体's and the
// difference in points (district_tops.csv): the "主な結果" table and chart of
// the ward report's district pages.
type DistrictTop struct {
	District      string
	Question      int // index into Batch.Questions
	Code, Label   string
	N, AllN       int     // bases of the district and of 全体
	Pct           float64 // the district's share; NaN when its base is 0
	AllPct        float64 // 全体's share, the weighted estimate when 重み付け; NaN when its base is 0
	DiffPt        float64 // Pct − AllPct as printed (PointDiff); NaN when either is NaN
	Suppressed    bool    // the district's row is suppressed (秘匿)
	AllSuppressed bool    // the 全体 row is suppressed
	Reference     bool    // the district's base is under 参考値基準
	Mark          string  // the district's ▲▼ for that answer
}

// DistrictTops returns, for every district in sheet order and every question
// with current 全体 and 地区 crosstabs in crosstab order, the top answer of 全体
// (no-answer excluded; the first on ties; every share counts as 0 when 全体 is
// suppressed) and the district's figures for it. Districts without a row in
// the question's 地区 crosstab are left out.
func DistrictTops(b *ingest.Batch, crosstabs []Crosstab) []DistrictTop {
	weighted := b != nil && b.Settings.Weighting
	type pair struct{ all, dist *Crosstab }
	var qs []pair
	idx := map[int]int{} // question → index into qs
	for i := range crosstabs {
		c := &crosstabs[i]
		if c.Survey != Current || (c.By != ByAll && c.By != ByDistrict) {
			continue
		}
		j, ok := idx[c.Question]
		if !ok {
			j = len(qs)
			idx[c.Question] = j
			qs = append(qs, pair{})
		}
		if c.By == ByAll && qs[j].all == nil {
			qs[j].all = c
		} else if c.By == ByDistrict && qs[j].dist == nil {
			qs[j].dist = c
		}
	}
	var names []string
	if b != nil {
		for _, d := range b.Districts {
			names = append(names, d.Name)
		}
	}
	var out []DistrictTop
	for _, name := range names {
		for _, q := range qs {
			if q.all == nil || q.dist == nil || len(q.all.Groups) == 0 {
				continue
			}
			all := &q.all.Groups[0]
			for gi := range q.all.Groups {
				if q.all.Groups[gi].Name == GroupAll {
					all = &q.all.Groups[gi]
					break
				}
			}
			var dist *Group
			for gi := range q.dist.Groups {
				if q.dist.Groups[gi].Name == name {
					dist = &q.dist.Groups[gi]
					break
				}
			}
			if dist == nil {
				continue
			}
			share := func(g *Group, j int, w bool) float64 {
				if j >= len(g.Cells) {
					return math.NaN()
				}
				c := g.Cells[j]
				if w && c.Count > 0 {
					return c.WeightedPct
				}
				return pct(c.Count, g.Base)
			}
			top := -1
			best := 0.0
			for j, ch := range q.all.Choices {
				if ch.Code == CodeNA {
					continue
				}
				v := share(all, j, weighted)
				if all.Suppressed || math.IsNaN(v) {
					v = 0
				}
				if top < 0 || v > best {
					top, best = j, v
				}
			}
			if top < 0 {
				continue
			}
			t := DistrictTop{
				District: name, Question: q.all.Question,
				Code: q.all.Choices[top].Code, Label: q.all.Choices[top].Label,
				N: dist.Base, AllN: all.Base,
				Pct: share(dist, top, false), AllPct: share(all, top, weighted),
				Suppressed: dist.Suppressed, AllSuppressed: all.Suppressed, Reference: dist.Reference,
			}
			if top < len(dist.Cells) {
				t.Mark = dist.Cells[top].Mark
			}
			t.DiffPt = PointDiff(t.AllPct, t.Pct)
			out = append(out, t)
		}
	}
	return out
}
