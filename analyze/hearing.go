package analyze

import (
	"math"

	"midreview/ingest"
)

// GroupNoOrgType is the 団体種別 group of organizations whose type was not given.
const GroupNoOrgType = "未記入"

// analyzeHearings fills r.Hearings except Comments (see analyzeText): the number of
// organizations, organizations by 地区 and 団体種別, and the rating counts of every
// 評価 item (hearings.csv).
//
// Groups: 全体; every district in sheet order, zeros included, an organization
// active in several districts counting in each, then 地区不明 when some organization
// has no valid district; every 団体種別 in first-seen order, then 未記入 when some
// organization has none.
//
// Each row also carries the group's base, the organizations of the group
// heard (OrgCount: 無回答 included, as every base of the handouts), and the
// count's share of it in percent (RatingShares; hearing_ratings.csv), which
// the rating charts and the 計 column of the tabulation book print.
//
// An item that some organization left unrated (no choice of its 尺度) has,
// after its choices, a 無回答 row (NA, code CodeNA in the CSVs) in every group,
// zeros included, so that the rows of a group sum to its organizations. An
// item every organization rated has no 無回答 row.
func analyzeHearings(b *ingest.Batch, r *Results) {
	hr := &r.Hearings
	hr.Orgs = len(b.Hearings)
	hr.ByGroup = nil
	hr.Ratings = nil
	groups := hearingGroups(b)
	for _, g := range groups {
		hr.ByGroup = append(hr.ByGroup, OrgCount{By: g.by, Group: g.name, Count: len(g.orgs)})
	}
	for it := range b.HearingItems {
		item := &b.HearingItems[it]
		if item.Kind != ingest.HRating || item.Scale < 0 || item.Scale >= len(b.ChoiceSets) {
			continue
		}
		theme := ""
		if item.Theme >= 0 && item.Theme < len(b.Themes) {
			theme = b.Themes[item.Theme].Name
		}
		choices := b.ChoiceSets[item.Scale].Choices
		rated := func(h int) bool {
			v := b.Hearings[h].Values
			return it < len(v) && v[it].Choices != 0
		}
		hasNA := false
		for h := range b.Hearings {
			hasNA = hasNA || !rated(h)
		}
		counts := make([]int, len(choices)+1) // the choices, then 無回答
		for _, g := range groups {
			clear(counts)
			for _, h := range g.orgs {
				if !rated(h) {
					counts[len(choices)]++
					continue
				}
				for ci := range choices {
					if b.Hearings[h].Values[it].Choices.Has(ci) {
						counts[ci]++
					}
				}
			}
			base := len(g.orgs)
			pct := RatingShares(counts, base)
			for ci, c := range choices {
				hr.Ratings = append(hr.Ratings, HearingCount{Item: it, Theme: theme, By: g.by, Group: g.name,
					Code: c.Code, Label: c.Label, Count: counts[ci], Base: base, Pct: pct[ci]})
			}
			if hasNA {
				ci := len(choices)
				hr.Ratings = append(hr.Ratings, HearingCount{Item: it, Theme: theme, By: g.by, Group: g.name,
					NA: true, Label: LabelNA, Count: counts[ci], Base: base, Pct: pct[ci]})
			}
		}
	}
}

// An orgGroup is the organizations (indices into Batch.Hearings) of one group.
type orgGroup struct {
	by, name string
	orgs     []int
}

// hearingGroups returns the organization groups in publication order: 全体,
// 地区 (sheet order, then 地区不明 when present), 団体種別 (first-seen, then 未記入
// when present).
func hearingGroups(b *ingest.Batch) []orgGroup {
	all := orgGroup{by: ByAll, name: GroupAll}
	dist := make([]orgGroup, len(b.Districts)+1)
	for i, d := range b.Districts {
		dist[i] = orgGroup{by: ByDistrict, name: d.Name}
	}
	dist[len(b.Districts)] = orgGroup{by: ByDistrict, name: GroupNoDistrict}
	var types []orgGroup
	noType := orgGroup{by: ByOrgType, name: GroupNoOrgType}
	for h := range b.Hearings {
		hg := &b.Hearings[h]
		all.orgs = append(all.orgs, h)
		for _, d := range hearingDistricts(b, hg) {
			if d < 0 {
				d = len(b.Districts)
			}
			if n := len(dist[d].orgs); n > 0 && dist[d].orgs[n-1] == h {
				continue // the same district listed twice
			}
			dist[d].orgs = append(dist[d].orgs, h)
		}
		if hg.OrgType == "" {
			noType.orgs = append(noType.orgs, h)
			continue
		}
		found := false
		for i := range types {
			if types[i].name == hg.OrgType {
				types[i].orgs = append(types[i].orgs, h)
				found = true
				break
			}
		}
		if !found {
			types = append(types, orgGroup{by: ByOrgType, name: hg.OrgType, orgs: []int{h}})
		}
	}
	out := []orgGroup{all}
	out = append(out, dist[:len(b.Districts)]...)
	if len(dist[len(b.Districts)].orgs) > 0 {
		out = append(out, dist[len(b.Districts)])
	}
	out = append(out, types...)
	if len(noType.orgs) > 0 {
		out = append(out, noType)
	}
	return out
}

// RatingShares returns each of one group's rating counts of an item as a
// share in percent of base, the organizations of the group heard (無回答
// included): 100·count/base; the shares are NaN when the base is 0.
func RatingShares(counts []int, base int) []float64 {
	pct := make([]float64, len(counts))
	for i, c := range counts {
		pct[i] = math.NaN()
		if base > 0 {
			pct[i] = 100 * float64(c) / float64(base)
		}
	}
	return pct
}
