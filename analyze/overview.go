package analyze

import (
	"math"

	"midreview/ingest"
)

// overview builds the survey overview (report.pdf 調査の概要, tabulation.xlsx 概要).
//
// Returned counts the non-empty data rows of responses/ (read − empty), Valid the
// respondents included, Removed those removed by corrections. Rate is the valid
// response rate 100·Valid/Distributed. Distributed is 設定.配布数, or, when that is
// not given, the sum of 地区.配布数 when every district has one. Districts lists
// every district in sheet order, then 地区不明 when it has respondents.
func overview(b *ingest.Batch) Overview {
	o := Overview{Distributed: b.Settings.Distributed, Valid: len(b.Current.Respondents)}
	for _, f := range b.Files {
		if f.Kind == ingest.KindResponses {
			o.Returned += f.Counts.Read - f.Counts.Empty
			o.Removed += f.Counts.Removed
		}
	}
	if b.Baseline != nil {
		o.BaselineN = len(b.Baseline.Respondents)
	}
	valid := make([]int, len(b.Districts)+1)
	for i := range b.Current.Respondents {
		d := b.Current.Respondents[i].District
		if d < 0 || d >= len(b.Districts) {
			d = len(b.Districts)
		}
		valid[d]++
	}
	sum, all := 0, len(b.Districts) > 0
	for i, d := range b.Districts {
		o.Districts = append(o.Districts, DistrictOverview{Name: d.Name, Distributed: d.Distributed,
			Valid: valid[i], Rate: rate(valid[i], d.Distributed)})
		sum += d.Distributed
		all = all && d.Distributed > 0
	}
	if n := valid[len(b.Districts)]; n > 0 {
		o.Districts = append(o.Districts, DistrictOverview{Name: GroupNoDistrict, Valid: n, Rate: math.NaN()})
	}
	if o.Distributed == 0 && all {
		o.Distributed = sum
	}
	o.Rate = rate(o.Valid, o.Distributed)
	return o
}

// rate returns 100·n/distributed, NaN when distributed is not positive.
func rate(n, distributed int) float64 {
	if distributed <= 0 {
		return math.NaN()
	}
	return 100 * float64(n) / float64(distributed)
}
