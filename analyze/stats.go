package analyze

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// z95 is the two-sided 95% normal quantile used for every confidence interval
// (outputs.md: indicators carry a 95% Wilson interval whatever 有意水準 is).
const z95 = 1.959963984540054

// zCrit returns the two-sided critical value of the standard normal distribution
// at significance level alpha, rounded to two decimals as in the normal tables
// that reports cite: 1.96 at 0.05, 2.58 at 0.01. An alpha outside (0, 1) falls
// back to 0.05.
//
// Note: outputs.md marks residuals "≥ 1.96"; the exact quantile 1.959964 would
// also mark a residual of 1.95997, which a reader checking the table would not.
func zCrit(alpha float64) float64 {
	if !(alpha > 0 && alpha < 1) {
		alpha = 0.05
	}
	return math.Round(distuv.UnitNormal.Quantile(1-alpha/2)*100) / 100
}

// markFor returns ▲ when r ≥ zc, ▼ when r ≤ −zc, else "".
// Note: a residual exactly at the critical value counts as significant (≥), the
// usual reading of "|r| ≥ 1.96" in Japanese survey reports.
func markFor(r, zc float64) string {
	switch {
	case math.IsNaN(r):
		return ""
	case r >= zc:
		return "▲"
	case r <= -zc:
		return "▼"
	}
	return ""
}

// independence tests the rows × columns table obs for independence. Rows and
// columns whose total is zero are dropped from the test; their residuals are NaN.
// It returns the adjusted standardized residual of every cell,
//
//	r_ij = (O_ij − E_ij) / sqrt(E_ij · (1 − R_i/N) · (1 − C_j/N)),
//
// (what R's chisq.test(...)$stdres gives) and the Pearson chi-square test. When
// fewer than two rows or columns remain, every residual and the statistic and p are
// NaN with DF 0.
func independence(obs [][]float64) ([][]float64, ChiSquare) {
	res := make([][]float64, len(obs))
	nc := 0
	for i := range obs {
		res[i] = make([]float64, len(obs[i]))
		for j := range res[i] {
			res[i][j] = math.NaN()
		}
		nc = max(nc, len(obs[i]))
	}
	rowT := make([]float64, len(obs))
	colT := make([]float64, nc)
	var n float64
	for i, row := range obs {
		for j, o := range row {
			rowT[i] += o
			colT[j] += o
			n += o
		}
	}
	var rows, cols []int
	for i, t := range rowT {
		if t > 0 {
			rows = append(rows, i)
		}
	}
	for j, t := range colT {
		if t > 0 {
			cols = append(cols, j)
		}
	}
	chi := ChiSquare{Stat: math.NaN(), P: math.NaN()}
	if len(rows) < 2 || len(cols) < 2 {
		return res, chi
	}
	var stat float64
	low := 0
	for _, i := range rows {
		for _, j := range cols {
			o := 0.0
			if j < len(obs[i]) {
				o = obs[i][j]
			}
			e := rowT[i] * colT[j] / n
			stat += (o - e) * (o - e) / e
			if e < 5 {
				low++
			}
			v := e * (1 - rowT[i]/n) * (1 - colT[j]/n)
			if v > 0 && j < len(res[i]) {
				res[i][j] = (o - e) / math.Sqrt(v)
			}
		}
	}
	df := (len(rows) - 1) * (len(cols) - 1)
	chi.Stat = stat
	chi.DF = df
	chi.P = distuv.ChiSquared{K: float64(df)}.Survival(stat)
	// Note: Cochran's rule — the chi-square approximation is doubtful when more than
	// 20% of the expected counts are under 5.
	chi.LowExpected = float64(low) > 0.2*float64(len(rows)*len(cols))
	return res, chi
}

// wilson returns the Wilson score interval, in percent, for proportion p (0..1) on
// n observations at the normal quantile z. n may be a Kish effective n. It returns
// NaNs when n ≤ 0 or p is NaN.
func wilson(p, n, z float64) (lo, hi float64) {
	if !(n > 0) || math.IsNaN(p) {
		return math.NaN(), math.NaN()
	}
	z2 := z * z
	den := 1 + z2/n
	center := (p + z2/(2*n)) / den
	half := z / den * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	lo, hi = center-half, center+half
	// Note: clamp rounding noise so that 0% and 100% keep an exact bound. At
	// p = 0 (p = 1) the lower (upper) bound is exactly 0 (1), but center−half
	// can come out as +3e-17, which the CSVs would print as 2.8e-15.
	lo = math.Max(0, lo)
	hi = math.Min(1, hi)
	if p == 0 {
		lo = 0
	}
	if p == 1 {
		hi = 1
	}
	return 100 * lo, 100 * hi
}

// twoProp returns the two-sided p-value of the pooled two-proportion z-test of
// p1 on n1 against p2 on n2 (proportions 0..1; n may be non-integer, e.g. an
// effective n). This equals R's prop.test(correct=FALSE)$p.value. It returns NaN
// when either n is not positive or a proportion is NaN, and 1 when the pooled
// proportion is 0 or 1 (both groups all no or all yes: no evidence of a change).
func twoProp(p1, n1, p2, n2 float64) float64 {
	if !(n1 > 0 && n2 > 0) || math.IsNaN(p1) || math.IsNaN(p2) {
		return math.NaN()
	}
	pool := (p1*n1 + p2*n2) / (n1 + n2)
	se := math.Sqrt(pool * (1 - pool) * (1/n1 + 1/n2))
	if !(se > 0) {
		return 1
	}
	z := (p1 - p2) / se
	// Note: erfc keeps precision far in the tail, where 1 − Φ(z) would round to 0.
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// pct returns 100·count/base, NaN when base is 0.
func pct(count, base int) float64 {
	if base <= 0 {
		return math.NaN()
	}
	return 100 * float64(count) / float64(base)
}

// describe summarizes the sample x (unsorted; sorted in place): mean, sample
// standard deviation (n−1; NaN when n < 2), quartiles, min and max. Everything is
// NaN for an empty sample.
func describe(x []float64) (mean, sd, q1, med, q3, lo, hi float64) {
	nan := math.NaN()
	if len(x) == 0 {
		return nan, nan, nan, nan, nan, nan, nan
	}
	sort.Float64s(x)
	mean, sd = stat.MeanStdDev(x, nil)
	if len(x) < 2 {
		sd = nan
	}
	return mean, sd, quantileInc(x, 0.25), quantileInc(x, 0.5), quantileInc(x, 0.75), x[0], x[len(x)-1]
}

// quantileInc returns the p-quantile of sorted x by linear interpolation between
// order statistics at h = (n−1)·p: Excel's QUARTILE.INC / PERCENTILE.INC, R's
// quantile(type = 7) and numpy's default.
//
// Note: gonum's stat.Quantile offers only Empirical (R type 1) and LinInterp (R
// type 4), neither of which matches what ward staff get from QUARTILE.INC when they
// check a figure in Excel, so the interpolation is written out here.
func quantileInc(x []float64, p float64) float64 {
	n := len(x)
	if n == 0 {
		return math.NaN()
	}
	h := p * float64(n-1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return x[n-1]
	}
	return x[lo] + (h-float64(lo))*(x[lo+1]-x[lo])
}
