package render

import (
	"fmt"
	"math"
	"strings"

	"midreview/analyze"
)

// Colours of a district's figure against the ward's by the measure's
// direction (Okabe–Ito blue and vermillion; the ward's bar grey), on the web.
const (
	svgBetter = "#0072B2"
	svgWorse  = "#D55E00"
	svgEven   = "#8c8c8c"
	svgWard   = "#bdbdbd"
)

// karteChart draws a district's indicators (FigIndex) on the web: per row the
// district's share coloured by the indicator's direction (blue better than
// the ward, orange and striped worse, grey neither), the ward's share in
// grey beneath it, and ◆ at the target; a legend says what each means and
// the text alternative says it in words.
func (d *webDoc) karteChart(caption string, series []string, rows []barRow) {
	if len(rows) == 0 {
		return
	}
	no := d.figureOpen(caption)
	dist, ward := "地区", "全体"
	if len(series) > 0 {
		dist = series[0]
	}
	if len(series) > 1 {
		ward = series[1]
	}
	const barH, top = 17.0, 52.0
	rowH := 2*barH + 12
	h := top + rowH*float64(len(rows)) + 24
	hi := 100.0
	for _, r := range rows {
		for _, v := range append(append([]Fig(nil), r.vals...), r.target) {
			if s := v.Shown(); !v.Blank() && !math.IsNaN(s) && s > hi {
				hi = math.Ceil(s/20) * 20
			}
		}
	}
	x0 := svgLabelW
	areaW := svgW - svgLabelW - svgValueW
	var alt []string
	for _, r := range rows {
		var parts []string
		for i, v := range r.vals {
			name := dist
			if i > 0 {
				name = ward
			}
			parts = append(parts, name+" "+figAlt(v))
		}
		switch {
		case r.better > 0:
			parts = append(parts, "全体より良い")
		case r.better < 0:
			parts = append(parts, "全体より悪い")
		}
		if !r.target.Blank() {
			parts = append(parts, "目標 "+r.target.Text+"%")
		}
		alt = append(alt, r.label+"："+strings.Join(parts, "、"))
	}
	d.w(fmt.Sprintf("<svg role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" font-size=\"%s\">\n",
		esc(no+"。"+strings.Join(alt, "。")), fnum(svgW), fnum(h), fnum(svgW), fnum(h), fnum(svgFont)))
	d.w("<defs><pattern id=\"worse\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">",
		"<rect width=\"6\" height=\"6\" fill=\"", svgWorse, "\"/><rect width=\"2\" height=\"6\" fill=\"#ffffff\"/></pattern></defs>\n")
	// The legend, two lines.
	x := 10.0
	for _, k := range []struct{ fill, text string }{{svgBetter, dist + "（全体より良い）"}, {"url(#worse)", dist + "（全体より悪い）"}, {svgWard, ward}} {
		d.w(fmt.Sprintf("<rect x=\"%s\" y=\"6\" width=\"14\" height=\"14\" fill=\"%s\"/>", fnum(x), k.fill))
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"18\" fill=\"%s\">%s</text>\n", fnum(x+18), svgText, esc(k.text)))
		x += 30 + float64(len([]rune(k.text)))*svgFont
	}
	d.w(diamond(17, 34, 6), fmt.Sprintf("<text x=\"28\" y=\"39\" fill=\"%s\">目標値（色は指標の方向（増・減）に従います）</text>\n", svgText))
	for t := 0.0; t <= hi+1e-9; t += 20 {
		gx := x0 + areaW*t/hi
		d.w(fmt.Sprintf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"0.5\"/>", fnum(gx), fnum(top), fnum(gx), fnum(h-20), svgGrid))
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n", fnum(gx), fnum(h-6), svgText, fnum(t)))
	}
	for i, r := range rows {
		y := top + rowH*float64(i) + 5
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" fill=\"%s\">%s</text>\n",
			fnum(x0-6), fnum(y+rowH/2), svgText, esc(svgLabel(r.label, svgLabelW))))
		for s, v := range r.vals {
			by := y + barH*float64(s)
			fill := svgWard
			if s == 0 {
				switch {
				case r.better > 0:
					fill = svgBetter
				case r.better < 0:
					fill = "url(#worse)"
				default:
					fill = svgEven
				}
			}
			text := v.Text + v.Mark
			if v.Suppressed {
				text = MarkSuppressed
			} else if s == 0 && r.ref {
				text += "※"
			}
			w := 0.0
			if val := v.Shown(); !v.Blank() && !v.Suppressed && !math.IsNaN(val) {
				w = areaW * math.Min(val, hi) / hi
				d.w(fmt.Sprintf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>",
					fnum(x0), fnum(by), fnum(w), fnum(barH-2), fill))
			}
			d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" fill=\"%s\">%s</text>\n", fnum(x0+w+4), fnum(by+barH-4), svgText, esc(text)))
		}
		if t := r.target.Shown(); !r.target.Blank() && !math.IsNaN(t) {
			d.w(diamond(x0+areaW*math.Min(t, hi)/hi, y+barH-1, 6), "\n")
		}
	}
	d.w("</svg>\n</figure>\n")
}

// diamond is ◆ of radius r centred at x, y.
func diamond(x, y, r float64) string {
	return fmt.Sprintf("<path d=\"M%s %sL%s %sL%s %sL%s %sZ\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
		fnum(x), fnum(y-r), fnum(x+r), fnum(y), fnum(x), fnum(y+r), fnum(x-r), fnum(y), svgText)
}

// ToneClass is the dashboard カルテ's shading of the district's value against
// the ward's by the indicator's direction (the 地区比較 classes: up… better,
// dn… worse, "" within 5 points or hidden).
func (p ProfileIndicator) ToneClass() string {
	if p.District.Suppressed || p.Ward.Suppressed || p.District.Blank() || p.Ward.Blank() {
		return ""
	}
	return shade(analyze.PointDiff(p.Ward.Shown(), p.District.Shown()), p.Direction == "減")
}
