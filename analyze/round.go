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

// PointDiff is the one rule for a difference in ポイント (docs/methods.md
// §"差（ポイント）"): the difference of the two percentages as printed,
// Round1(to) − Round1(from), itself passed through Round1 so that no binary
// remainder shows (36.9 − 29.8 is 7.1, not 7.099999999999998). A reader who
// subtracts the two printed figures always gets the printed difference.
// Every difference the outputs publish is computed here once: trend.csv,
// district_tops.csv, district_rest.csv, the A–D evaluation and `midreview
// diff`; the significance tests keep using the unrounded counts. NaN when
// either figure is NaN or ±Inf.
func PointDiff(from, to float64) float64 {
	if math.IsNaN(from) || math.IsNaN(to) || math.IsInf(from, 0) || math.IsInf(to, 0) {
		return math.NaN()
	}
	return Round1(Round1(to) - Round1(from))
}
