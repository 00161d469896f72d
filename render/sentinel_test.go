package render

import (
	"strings"

	"midreview/analyze"
)

// Sentinel figures: impossible values that the privacy tests plant in every
// suppressed result, so that a published file printing one of sentinelTexts
// has let a suppressed figure through.
const sentinelPct, sentinelCount = 98765.4321, 987654

// sentinelTexts are the sentinels as any writer could print them.
var sentinelTexts = []string{"98765", "98,765", "987654", "987,654"}

// plantSentinels sets every figure of every suppressed group of res to a
// sentinel: crosstab cells, SC/NUM summaries, district pages' top answers,
// district indicators and trend rows. It returns the number of suppressed
// crosstab groups.
func plantSentinels(res *analyze.Results) int {
	const pct, count = sentinelPct, sentinelCount
	planted := 0
	for i := range res.Crosstabs {
		for j := range res.Crosstabs[i].Groups {
			g := &res.Crosstabs[i].Groups[j]
			if !g.Suppressed {
				continue
			}
			planted++
			for k := range g.Cells {
				g.Cells[k].Count, g.Cells[k].Pct, g.Cells[k].WeightedPct = count, pct, pct
			}
		}
	}
	for i := range res.Summaries {
		if s := &res.Summaries[i]; s.Suppressed {
			s.Mean, s.SD, s.Median, s.Q1, s.Q3, s.Min, s.Max, s.TopBoxPct = pct, pct, pct, pct, pct, pct, pct, pct
		}
	}
	for i := range res.DistrictTops {
		if d := &res.DistrictTops[i]; d.Suppressed {
			d.Pct, d.DiffPt = pct, pct
		}
	}
	for i := range res.Indicators {
		if r := &res.Indicators[i]; r.Suppressed {
			r.Current, r.CILow, r.CIHigh = pct, pct, pct
		}
	}
	// Note: each side of a trend is hidden by its own survey's flag; the
	// difference when either side is.
	for i := range res.Trends {
		r := &res.Trends[i]
		if r.CurrentSuppressed {
			r.CurrentPct, r.CurrentCount = pct, count
		}
		if r.BaselineSuppressed {
			r.BaselinePct, r.BaselineCount = pct, count
		}
		if r.Suppressed {
			r.DiffPt = pct
		}
	}
	return planted
}

// sentinelIn returns the first sentinel printed in s with up to 200 bytes
// before it, or "" when there is none.
func sentinelIn(s string) string {
	for _, x := range sentinelTexts {
		if i := strings.Index(s, x); i >= 0 {
			return "…" + s[max(0, i-200):i+len(x)] + "…"
		}
	}
	return ""
}
