package view

import (
	"math"

	"midreview/analyze"
)

// Colours of a district's bar against the ward's by the indicator's
// direction on the web (the カルテ; Okabe–Ito blue, and an orange dark
// enough for 3:1 against white): blue better than the ward, orange worse.
const (
	SvgBetter = "#0072B2"
	SvgWorse  = "#B34D00"
	// SvgNeutral is a カルテ bar with no significant difference (3.9:1
	// against white).
	SvgNeutral = "#808080"
)

// ToneClass is the dashboard カルテ's shading of the district's value against
// the ward's by the indicator's direction (the 地区比較 classes: up… better,
// dn… worse, "" within 5 points or hidden).
func (p ProfileIndicator) ToneClass() string {
	if p.District.Suppressed || p.Ward.Suppressed || p.District.Blank() || p.Ward.Blank() {
		return ""
	}
	return Shade(analyze.PointDiff(p.Ward.Shown(), p.District.Shown()), p.Direction == "減")
}

// Shade returns the shading class of a difference in points from the
// ward, by the measure's direction (lower is better for a 減 indicator): up1
// and up2 (blue) are better than the ward, dn1 and dn2 (orange) worse,
// never the raw higher or lower.
func Shade(d float64, lower bool) string {
	if lower {
		d = -d
	}
	switch {
	case math.IsNaN(d):
		return ""
	case d >= 10:
		return "up2"
	case d >= 5:
		return "up1"
	case d <= -10:
		return "dn2"
	case d <= -5:
		return "dn1"
	}
	return ""
}

// PointsApart is to − from in points of two figures as printed
// (analyze.PointDiff, the one rule of every difference), NaN when either is
// hidden: what the dashboard's 地区比較 shades by.
func PointsApart(from, to Fig) float64 {
	return analyze.PointDiff(from.Shown(), to.Shown())
}
