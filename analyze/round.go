package analyze

import "math"

// Round1 rounds v to one decimal, half away from zero (四捨五入): the one rounding
// rule of every published figure. The tables, the sentences, the A–D evaluation
// (which compares figures as printed) and `midreview diff` all round through it;
// render formats its result and never rounds on its own.
//
// Note: v·10 is nudged by 1e-9 away from zero before rounding, so that a value
// whose decimal form ends in 5 but whose binary form falls just short of it
// (12.25 is exact, 2.675 is 2.67499999…) rounds up as a reader rounding the
// printed digits would. Every percentage count/base with base under 5·10⁸ is
// at least 1/(2·base) away from a half tenth when it is not on one, far beyond
// the nudge. NaN and ±Inf are returned as they are, and so is any |v| ≥ 1e14,
// where a float64 keeps too few fraction bits for tenths to be rounded. The
// result is never −0.
func Round1(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e14 {
		return v
	}
	r := math.Round(v*10+math.Copysign(1e-9, v)) / 10
	if r == 0 {
		return 0
	}
	return r
}
