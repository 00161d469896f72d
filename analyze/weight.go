package analyze

import "midreview/ingest"

// weights returns the post-stratification weight of every respondent of s (by
// index into s.Respondents), or nil when 重み付け is off or cannot be done.
//
// A respondent in district d weighs (Pop_d / ΣPop) / (n_d / n), where n_d is the
// survey's respondents in d, n = Σ n_d and ΣPop sums 人口 over the districts that
// have respondents, so that the weights of respondents with a district sum to n.
// Weighting cannot be done (nil) when no respondent has a district or a district
// with respondents has no 人口.
//
// Note: 地区不明 respondents keep weight 1: they belong to no stratum, and dropping
// them would discard valid answers from 全体. A district without respondents cannot
// be represented by weighting; the others are scaled to cover the ward.
func weights(b *ingest.Batch, s *ingest.Survey) []float64 {
	if !b.Settings.Weighting || s == nil {
		return nil
	}
	nd := make([]int, len(b.Districts))
	n := 0
	for i := range s.Respondents {
		if d := s.Respondents[i].District; d >= 0 && d < len(nd) {
			nd[d]++
			n++
		}
	}
	if n == 0 {
		return nil
	}
	pop := 0
	for d, k := range nd {
		if k == 0 {
			continue
		}
		if b.Districts[d].Population <= 0 {
			return nil
		}
		pop += b.Districts[d].Population
	}
	wd := make([]float64, len(nd))
	for d, k := range nd {
		if k > 0 {
			wd[d] = (float64(b.Districts[d].Population) / float64(pop)) / (float64(k) / float64(n))
		}
	}
	w := make([]float64, len(s.Respondents))
	for i := range s.Respondents {
		w[i] = 1
		if d := s.Respondents[i].District; d >= 0 && d < len(nd) {
			w[i] = wd[d]
		}
	}
	return w
}

// kish returns Kish's effective sample size (Σw)² / Σw² from the sum of weights
// and the sum of squared weights (0 when there are none).
func kish(sw, sw2 float64) float64 {
	if sw2 <= 0 {
		return 0
	}
	return sw * sw / sw2
}
