package render

import "midreview/analyze"

// Colours of a district's bar against the ward's by the indicator's
// direction on the web (the カルテ; Okabe–Ito blue, and an orange dark
// enough for 3:1 against white): blue better than the ward, orange worse.
const (
	svgBetter = "#0072B2"
	svgWorse  = "#B34D00"
)

// ToneClass is the dashboard カルテ's shading of the district's value against
// the ward's by the indicator's direction (the 地区比較 classes: up… better,
// dn… worse, "" within 5 points or hidden).
func (p ProfileIndicator) ToneClass() string {
	if p.District.Suppressed || p.Ward.Suppressed || p.District.Blank() || p.Ward.Blank() {
		return ""
	}
	return shade(analyze.PointDiff(p.Ward.Shown(), p.District.Shown()), p.Direction == "減")
}
