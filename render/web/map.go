package web

import (
	"fmt"
	"strconv"
	"strings"

	"midreview/render/view"
)

// mapFigure writes each map as an inline SVG with a text alternative (every
// district's value), its legend, and the table of its values and their n
// (view.MapTable).
func (d *WebDoc) mapFigure(f view.MapFigure) {
	mv := f.Map
	if mv == nil {
		return
	}
	for i, mi := range f.Measures {
		m := mv.Measures[mi]
		no := d.figureOpen(f.Captions[i])
		var alt []string
		for j, dist := range mv.Districts {
			alt = append(alt, dist.Name+"："+figAlt(m.Values[j]))
		}
		hatch := "map_hatch_" + strconv.Itoa(d.fig)
		d.w(fmt.Sprintf("<svg role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-size=\"12\">\n",
			Esc(no+"。"+strings.Join(alt, "。")), mv.Width, mv.Height, mv.Width, mv.Height))
		d.w(`<defs><pattern id="`, hatch, `" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2"/></pattern></defs>`+"\n")
		if mv.Grey != "" {
			d.w(`<path d="`, mv.Grey, `" fill="#bbbbbb" stroke="#666" stroke-width="0.8" fill-rule="evenodd"/>`+"\n")
		}
		for j, dist := range mv.Districts {
			fill := m.Fill[j]
			if m.Values[j].Suppressed {
				fill = "url(#" + hatch + ")"
			}
			d.w(`<path d="`, dist.Path, `" fill="`, fill, `" stroke="#333" stroke-width="1" fill-rule="evenodd"/>`+"\n")
		}
		for _, dist := range mv.Districts {
			if dist.Name == f.Highlight {
				d.w(`<path d="`, dist.Path, `" fill="none" stroke="#000" stroke-width="3.5" fill-rule="evenodd"/>`+"\n")
			}
		}
		for j, dist := range mv.Districts {
			val := m.Values[j].Text
			if val == "" {
				val = "－"
			}
			for k, line := range []string{dist.Name, val} {
				d.w(fmt.Sprintf(`<text class="maplabel" x="%s" y="%s" text-anchor="middle" fill="%s" stroke="#fff" stroke-width="3" paint-order="stroke">%s</text>`+"\n",
					fnum(dist.LabelX), fnum(dist.LabelY+float64(k)*14), SvgText, Esc(line)))
			}
		}
		d.w("</svg>\n")
		var legend []string
		for _, c := range m.Legend {
			// An entry keeps its swatch and range on one line (a phone wraps between entries).
			legend = append(legend, `<span style="white-space:nowrap"><span style="display:inline-block;width:1.2em;height:0.9em;border:1px solid #333;vertical-align:middle;background:`+c.Color+`"></span> `+Esc(c.Label)+`</span>`)
		}
		// Note: on a phone the map is scaled down and its names would be too
		// small to read; the style sheet hides them there (.maplabel) and
		// the table below gives every district's value.
		d.w("<p>", strings.Join(legend, "　"), "（濃いほど良い。各地区の数値は下の表にあります）</p>\n</figure>\n")
		d.DrawTable(view.MapTable(mv, mi))
	}
	d.note(view.MapLegendNote)
	if len(mv.Missing) > 0 {
		d.para("境界データに境界がない地区（地図には描いていません）：" + strings.Join(mv.Missing, "、"))
	}
}
