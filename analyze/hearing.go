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
// Each row also carries the group's base, the organizations that rated the
// item (the sum of its counts), and the count's share of it in percent
// (RatingShares; hearing_ratings.csv), which the rating charts and the 計
// column of the tabulation book print.
//
// Note: hearings.csv has an integer code column, so ratings hold one row per choice
// of the item's 尺度 and no 無回答 row; organizations that did not rate an item are
// the group's organization count (ByGroup) minus the sum of its rows.
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
		counts := make([]int, len(choices))
		for _, g := range groups {
			for ci := range choices {
				counts[ci] = 0
				for _, h := range g.orgs {
					v := b.Hearings[h].Values
					if it < len(v) && v[it].Choices.Has(ci) {
						counts[ci]++
					}
				}
			}
			base, pct := RatingShares(counts)
			for ci, c := range choices {
				hr.Ratings = append(hr.Ratings, HearingCount{Item: it, Theme: theme, By: g.by, Group: g.name,
					Code: c.Code, Label: c.Label, Count: counts[ci], Base: base, Pct: pct[ci]})
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

// RatingShares returns the base of one group's rating counts of an item, the
// organizations that rated it (their sum), and each count's share of that base
// in percent, 100·count/base; the shares are NaN when the base is 0.
func RatingShares(counts []int) (base int, pct []float64) {
	for _, c := range counts {
		base += c
	}
	pct = make([]float64, len(counts))
	for i, c := range counts {
		pct[i] = math.NaN()
		if base > 0 {
			pct[i] = 100 * float64(c) / float64(base)
		}
	}
	return base, pct
}
