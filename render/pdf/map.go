package pdf

import (
	"strconv"
	"strings"

	"midreview/render/view"
)

// mapFigure prints district maps, two to a row when there are several.
func (d *pdfDoc) mapFigure(f view.MapFigure) {
	mv := f.Map
	if mv == nil || len(f.Measures) == 0 {
		return
	}
	cols := 1
	w := contentW * 0.8
	if len(f.Measures) > 1 {
		cols, w = 2, (contentW-6)/2
	}
	h := w * float64(mv.Height) / float64(mv.Width)
	if h > 150 {
		w, h = w*150/h, 150
	}
	// Note: a caption wraps within its map's width (two maps to a row leave
	// about 80 mm), and the row's captions take the height of the longest,
	// so that the maps of a row stay level.
	const capLH, legendH, keyLH = 3.6, 14.0, 3.2
	labels := d.mapLabels(f, w)
	keyH := 0.0
	for _, l := range labels {
		if l.Key > 0 {
			keyH += keyLH
		}
	}
	for i := 0; i < len(f.Measures); i += cols {
		d.font("B", 8)
		var caps [][]string
		lines := 1
		for c := 0; c < cols && i+c < len(f.Measures); c++ {
			ls := d.wrap(d.figNo(f.Captions[i+c]), w)
			caps = append(caps, ls)
			lines = max(lines, len(ls))
		}
		capH := float64(lines)*capLH + 2.4
		d.need(capH + h + legendH + keyH)
		top := d.y()
		for c, ls := range caps {
			x := MarginL + float64(c)*(w+6)
			m := mv.Measures[f.Measures[i+c]]
			d.font("B", 8)
			d.color(colText)
			for k, l := range ls {
				d.textAt(x, top+1.2+capLH*(float64(k)+0.5), l, 'L')
			}
			d.drawMap(mv, m, x, top+capH, w, h, f.Highlight, labels)
			d.mapLegend(m, x, top+capH+h+2, w)
			d.mapKey(mv, m, labels, x, top+capH+h+legendH, keyLH)
		}
		d.setY(top + capH + h + legendH + keyH)
	}
	note := view.MapLegendNote
	if view.MapCounts(f) {
		note = view.MapCountNote
	}
	d.font("", 7)
	d.color(colMuted)
	d.para(note, "", 7, 0)
	d.color(colText)
	if len(mv.Missing) > 0 {
		d.para("境界データに境界がない地区（地図には描いていません）："+strings.Join(mv.Missing, "、"), "", 7.5, 0)
	}
	d.down(2)
}

// mapLabelFont is the size of the labels on a map (pt) and mapLabelLine
// their line height (mm).
const mapLabelFont, mapLabelLine = 6.5, 2.8

// mapLabels places the labels of f's maps drawn w mm wide: measured in the
// PDF's font, each as wide as the district's name or widest value of f's
// measures, so that every map of the figure puts a district's label in the
// same place.
func (d *pdfDoc) mapLabels(f view.MapFigure, w float64) []view.MapLabel {
	mv := f.Map
	s := w / float64(mv.Width) // mm per pixel
	d.font("", mapLabelFont)
	lm := view.LabelMetrics{Width: func(t string) float64 { return d.width(t) / s }, Line: mapLabelLine / s, Pad: 0.5 / s}
	vals := make([][]string, len(mv.Districts))
	for j := range vals {
		for _, i := range f.Measures {
			vals[j] = append(vals[j], mapValueText(mv.Measures[i].Values[j]))
		}
	}
	return view.PlaceLabels(mv, lm, vals)
}

// mapValueText is a district's value as its label prints it.
func mapValueText(f view.Fig) string {
	if f.Text == "" {
		return "－"
	}
	return f.Text
}

// mapKey lists the districts whose label fits nowhere on the map (MapLabel
// Key): their number, name and value, one to a line from y.
func (d *pdfDoc) mapKey(mv *view.MapView, m view.MapMeasure, labels []view.MapLabel, x, y, lh float64) {
	d.font("", 7)
	d.color(colText)
	for j, l := range labels {
		if l.Key > 0 {
			d.textAt(x, y+lh/2, strconv.Itoa(l.Key)+"　"+mv.Districts[j].Name+"　"+mapValueText(m.Values[j]), 'L')
			y += lh
		}
	}
}

// drawMap draws measure m of mv into the box at x, y of width w and height h
// (mm), with the labels placed by mapLabels.
func (d *pdfDoc) drawMap(mv *view.MapView, m view.MapMeasure, x, y, w, h float64, highlight string, labels []view.MapLabel) {
	s := w / float64(mv.Width)
	y += d.dy
	path := func(rings [][]view.MapPoint, style string) {
		for _, r := range rings {
			for k, p := range r {
				if k == 0 {
					d.p.MoveTo(x+p.X*s, y+p.Y*s)
				} else {
					d.p.LineTo(x+p.X*s, y+p.Y*s)
				}
			}
			d.p.ClosePath()
		}
		d.p.DrawPath(style)
	}
	d.p.SetLineWidth(0.2)
	d.draw([3]int{80, 80, 80})
	if len(mv.GreyRings) > 0 {
		d.fill([3]int{187, 187, 187})
		path(mv.GreyRings, "B*")
	}
	for j, dist := range mv.Districts {
		f := m.Values[j]
		d.fill(hexRGB(m.Fill[j]))
		if f.Suppressed {
			d.fill([3]int{255, 255, 255})
		}
		path(dist.Rings, "B*")
		if f.Suppressed {
			// hatch: diagonal lines clipped to each outer ring (clockwise
			// on the page, whose y runs down)
			for _, r := range dist.Rings {
				if pageArea(r) >= 0 {
					continue
				}
				pts := make([]pointMM, len(r))
				for k, p := range r {
					pts[k] = pointMM{x + p.X*s, y + p.Y*s}
				}
				d.hatch(pts)
			}
		}
	}
	for _, dist := range mv.Districts {
		if dist.Name == highlight {
			d.p.SetLineWidth(0.9)
			d.draw(colText)
			d.p.SetFillColor(255, 255, 255)
			path(dist.Rings, "S")
			d.p.SetLineWidth(0.2)
		}
	}
	d.font("", mapLabelFont)
	// leader lines first, so that the labels' white ground covers their ends
	d.p.SetLineWidth(0.15)
	d.draw(colText)
	for _, l := range labels {
		if !l.Leader {
			continue
		}
		ax, ay := x+l.AX*s, y+l.AY*s
		bx := min(max(ax, x+l.X*s-1), x+l.X*s+1)
		by := min(max(ay, y+l.Y*s-mapLabelLine/2), y+l.Y*s+1.5*mapLabelLine)
		d.line(ax, ay, bx, by)
		d.fill(colText)
		d.p.Circle(ax, ay, 0.35, "F")
	}
	for j, dist := range mv.Districts {
		l := labels[j]
		lx, ly := x+l.X*s, y+l.Y*s-d.dy
		lines := []string{dist.Name, mapValueText(m.Values[j])}
		if l.Key > 0 {
			lines = []string{strconv.Itoa(l.Key)}
		}
		for k, line := range lines {
			lw := d.width(line) + 1
			d.fill([3]int{255, 255, 255})
			d.rect(lx-lw/2, ly+d.dy-mapLabelLine/2+float64(k)*mapLabelLine, lw, mapLabelLine, "F")
			d.color(colText)
			d.textAt(lx, ly+float64(k)*mapLabelLine, line, 'C')
		}
	}
}

// pointMM is a point on the page (mm).
type pointMM struct{ x, y float64 }

// hatch draws diagonal lines inside the polygon pts.
func (d *pdfDoc) hatch(pts []pointMM) {
	minX, minY, maxX, maxY := pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for _, p := range pts {
		minX, minY, maxX, maxY = min(minX, p.x), min(minY, p.y), max(maxX, p.x), max(maxY, p.y)
	}
	// Note: fpdf's ClipPolygon takes fpdf.PointType; building the clip by path
	// keeps this file free of the fpdf import.
	d.p.RawWriteStr("q\n")
	d.p.MoveTo(pts[0].x, pts[0].y)
	for _, p := range pts[1:] {
		d.p.LineTo(p.x, p.y)
	}
	d.p.ClosePath()
	d.p.RawWriteStr("W n\n")
	d.p.SetLineWidth(0.25)
	d.draw([3]int{90, 90, 90})
	for t := minX - (maxY - minY); t < maxX; t += 1.5 {
		d.line(t, maxY, t+(maxY-minY), minY)
	}
	d.p.RawWriteStr("Q\n")
	d.p.SetLineWidth(0.2)
	d.draw([3]int{80, 80, 80})
}

// mapLegend prints the classes of m at x, y within width w.
func (d *pdfDoc) mapLegend(m view.MapMeasure, x, y, w float64) {
	d.font("", 7)
	d.color(colText)
	cx := x
	for _, c := range m.Legend {
		lw := 4 + d.width(c.Label) + 3
		if cx+lw > x+w {
			y += 4
			cx = x
		}
		d.fill(hexRGB(c.Color))
		d.draw(colText)
		d.p.SetLineWidth(0.15)
		d.rect(cx, y+d.dy, 3, 2.6, "FD")
		d.textAt(cx+4, y+1.3, c.Label, 'L')
		cx += lw
	}
	if len(m.Legend) > 0 {
		how := "（濃いほど良い）"
		if m.Count {
			how = "（濃いほど多い）"
		}
		d.textAt(x+w, y+1.3+4, how, 'R')
	}
}

// hexRGB parses "#rrggbb".
func hexRGB(s string) [3]int {
	if len(s) != 7 || s[0] != '#' {
		return [3]int{255, 255, 255}
	}
	var c [3]int
	for i := range 3 {
		v, _ := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		c[i] = int(v)
	}
	return c
}

// pageArea is twice the signed area of r in drawing coordinates (y down):
// negative for an outer ring.
func pageArea(r []view.MapPoint) float64 {
	var a float64
	for i, p := range r {
		q := r[(i+1)%len(r)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a
}
