package view

import (
	"math"

	"midreview/analyze"
)

// trendView formats one trend.csv row as printed: baseline and current shares,
// each x only where its own survey's crosstab hides the group (one rule for
// the comparison and the 地区別 tables), the difference in points and the
// p-value (none when either side is suppressed).
func (bx *builder) trendView(t analyze.TrendRow) TrendView {
	tv := TrendView{
		Label:     t.Label,
		BaselineN: NFig(t.BaselineBase),
		CurrentN:  NFig(t.CurrentBase),
	}
	var bsup, csup bool
	bsup, tv.BaselineRef = Shown(t.BaselineBase, t.BaselineSuppressed, t.BaselineReference)
	csup, tv.CurrentRef = Shown(t.CurrentBase, t.CurrentSuppressed, t.CurrentReference)
	bp, cp := t.BaselinePct, t.CurrentPct
	if t.BaselineBase == 0 {
		bp = math.NaN() // nobody asked: －
	}
	if t.CurrentBase == 0 {
		cp = math.NaN()
	}
	tv.Baseline, tv.Current = PctFig(bp, bsup), PctFig(cp, csup)
	// A side with no respondents prints －, and the difference is blank (not
	// computable), not x.
	tv.Diff = PointsFig(t.DiffPt, bsup || csup)
	tv.P = PValueFig(math.NaN())
	if !bsup && !csup && !t.Suppressed {
		tv.P = PValueFig(t.P)
		tv.Significant = !math.IsNaN(t.P) && t.P < bx.b.Settings.Alpha
	}
	return tv
}

// districtTrends returns question qi's trend rows by district (the dashboard's
// change since the baseline for a chosen district), nil without any.
func (bx *builder) districtTrends(qi int) map[string][]TrendView {
	if bx.dtrend == nil {
		bx.dtrend = map[int][]int{}
		for i, t := range bx.res.Trends {
			if t.By == analyze.ByDistrict {
				bx.dtrend[t.Question] = append(bx.dtrend[t.Question], i)
			}
		}
	}
	var out map[string][]TrendView
	for _, i := range bx.dtrend[qi] {
		t := bx.res.Trends[i]
		if out == nil {
			out = map[string][]TrendView{}
		}
		out[t.Group] = append(out[t.Group], bx.trendView(t))
	}
	return out
}
