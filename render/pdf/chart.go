package pdf

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/render/view"
)

// A swatch is how one series or answer category is drawn. Categories differ by
// lightness and, on every other one, by hatching, so that they can be told apart
// on a black-and-white photocopy.
type swatch struct {
	fill  [3]int
	hatch bool
}

// dark reports whether text on the swatch should be white.
func (s swatch) dark() bool {
	return 0.299*float64(s.fill[0])+0.587*float64(s.fill[1])+0.114*float64(s.fill[2]) < 120
}

var (
	swDark  = swatch{fill: colDark}
	swLight = swatch{fill: [3]int{178, 192, 214}, hatch: true}
	swNA    = swatch{fill: [3]int{238, 238, 238}}
)

// seriesSwatch is the swatch of series i of a bar chart (今回/前回, 地区/全体).
func seriesSwatch(i int) swatch {
	switch i % 3 {
	case 0:
		return swDark
	case 1:
		return swLight
	}
	return swatch{fill: [3]int{110, 130, 165}}
}

// bandSwatches returns k category swatches from dark to light, hatching every
// other one; when na is set the last is the pale 無回答 swatch.
func bandSwatches(k int, na bool) []swatch {
	m := k
	if na {
		m--
	}
	out := make([]swatch, 0, k)
	lo, hi := [3]float64{31, 56, 100}, [3]float64{214, 224, 238}
	for i := range m {
		t := 0.0
		if m > 1 {
			t = float64(i) / float64(m-1)
		}
		var c [3]int
		for j := range c {
			c[j] = int(math.Round(lo[j] + t*(hi[j]-lo[j])))
		}
		out = append(out, swatch{fill: c, hatch: i%2 == 1})
	}
	if na && k > 0 {
		out = append(out, swNA)
	}
	return out
}

// swatchRect paints a rectangle in the swatch's fill and hatching.
func (d *pdfDoc) swatchRect(x, y, w, h float64, s swatch) {
	if w <= 0 || h <= 0 {
		return
	}
	d.fill(s.fill)
	d.rect(x, y, w, h, "F")
	if !s.hatch {
		return
	}
	// Note: no font is selected inside the clip (its graphics state ends
	// with it, pdfDoc.font's record of the selection would not).
	d.p.ClipRect(x, y, w, h, false)
	if s.dark() {
		d.draw([3]int{255, 255, 255})
	} else {
		d.draw([3]int{60, 70, 90})
	}
	d.p.SetLineWidth(0.18)
	const step = 1.3
	if d.p == canvas(d.real) {
		// Note: the hatch lines go into the page at once, as fpdf's Line
		// writes each (issue 29: a handout has thousands).
		_, ph := d.real.GetPageSize()
		b := d.lineBuf[:0]
		for o := -h; o < w; o += step {
			b = appendLine(b, x+o, y+h, x+o+h, y, ph)
		}
		if len(b) > 0 {
			d.real.RawWriteStr(string(b[:len(b)-1])) // RawWriteStr ends the line
		}
		d.lineBuf = b
	}
	d.p.ClipEnd()
}

// appendLine appends the line from (x1, y1) to (x2, y2) on a page ph mm
// high to b as fpdf's Line writes it: "x1 y1 m x2 y2 l S" in points.
func appendLine(b []byte, x1, y1, x2, y2, ph float64) []byte {
	b = appendF2(b, float64(x1*kMM))
	b = append(b, ' ')
	b = appendF2(b, float64((ph-y1)*kMM))
	b = append(b, " m "...)
	b = appendF2(b, float64(x2*kMM))
	b = append(b, ' ')
	b = appendF2(b, float64((ph-y2)*kMM))
	return append(b, " l S\n"...)
}

// niceMax is the axis maximum for values up to m: 10, 20, 25, 40, 50, 60, 80 or 100.
func niceMax(m float64) float64 {
	for _, s := range []float64{10, 20, 25, 40, 50, 60, 80} {
		if m <= s {
			return s
		}
	}
	return 100
}

// legend prints swatches with their names from x, wrapping lines; it returns the
// height used (0 when names is empty).
func (d *pdfDoc) legend(names []string, sws []swatch, draw bool) float64 {
	if len(names) == 0 {
		return 0
	}
	d.font("", 7.5)
	x, y := MarginL, d.y()
	const lh = 4.6
	for i, n := range names {
		// A name wider than a whole line (a long choice label) is shortened.
		n = fitText(n, pageW-MarginL-MarginR-9, d.width)
		w := 5 + d.width(n) + 4
		if x+w > pageW-MarginR && x > MarginL {
			x = MarginL
			y += lh
		}
		if draw {
			d.swatchRect(x, y+0.8, 3.8, 3, sws[i])
			d.draw(colRule)
			d.p.SetLineWidth(0.1)
			d.rect(x, y+0.8, 3.8, 3, "D")
			d.color(colText)
			d.textAt(x+5, y+2.3, n, 'L')
		}
		x += w
	}
	return y + lh - d.y()
}

// barChart draws horizontal bars from 0: one bar per series in every row, the
// percentage printed at each bar's end, and the series (with their n) in a
// legend. Rows with ns also print each bar's n at the right end of the row, for
// charts whose bars have different bases (a district beside 全体).
func (d *pdfDoc) barChart(caption string, series []string, rows []view.BarRow) {
	const labelW = 60.0
	valueW := 14.0
	withN := slices.ContainsFunc(rows, func(r view.BarRow) bool { return len(r.Ns) > 0 })
	if withN {
		valueW += 15
	}
	x0 := MarginL + labelW + 2
	areaW := pageW - MarginR - valueW - x0
	nser := max(1, len(series))
	barH := 4.2
	if nser > 1 {
		barH = 3.3
	}
	d.font("", 8)
	const lh = 3.4
	labels := make([][]string, len(rows))
	heights := make([]float64, len(rows))
	top := 0.0
	for i, r := range rows {
		ls := d.wrap(r.Label, labelW-1)
		if len(ls) > 3 {
			ls = []string{ls[0], ls[1], fitText(ls[2]+ls[3], labelW-1, d.width)}
		}
		labels[i] = ls
		heights[i] = max(float64(nser)*barH+2.4, float64(len(ls))*lh+1.6)
		for _, v := range r.Vals {
			top = max(top, PdfValue(v))
		}
	}
	scale := niceMax(top)
	if d.countUnit {
		scale = view.CountMax(top)
	}
	total := 0.0
	for _, h := range heights {
		total += h
	}
	sws := []swatch{swDark}
	for i := 1; i < len(series); i++ {
		sws = append(sws, seriesSwatch(i))
	}
	legendH := 0.0
	if len(series) > 1 {
		legendH = d.legend(series, sws, false) + 1
	}
	// A chart taller than a page continues on the next one.
	if room := ContentB - contentT - 6 - d.captionExtra(caption) - legendH - 7; total > room && len(rows) > 1 {
		k, h := 0, 0.0
		for k < len(rows)-1 && h+heights[k] <= room {
			h += heights[k]
			k++
		}
		d.barChart(caption, series, rows[:max(1, k)])
		d.barChart(caption+"（続き）", series, rows[max(1, k):])
		return
	}
	d.need(6 + d.captionExtra(caption) + legendH + total + 7)
	d.captionLine(caption)
	if len(series) > 1 {
		d.legend(series, sws, true)
		d.down(legendH)
	}
	y0 := d.y()
	// Grid and axis.
	step := view.TickStep(scale)
	if d.countUnit {
		step = view.CountStep(scale)
	}
	d.p.SetLineWidth(0.15)
	d.font("", 7)
	for t := 0.0; t <= scale+1e-9; t += step {
		x := x0 + areaW*t/scale
		d.draw(colGrid)
		if t == 0 {
			d.draw(colText)
		}
		d.line(x, y0, x, y0+total)
		d.color(colMuted)
		d.textAt(x, y0+total+2.2, strconv.FormatFloat(t, 'f', -1, 64), 'C')
	}
	unit := "(%)"
	if d.countUnit {
		unit = "(件)"
	}
	d.textAt(x0+areaW+d.width(strconv.FormatFloat(scale, 'f', -1, 64))/2+0.8, y0+total+2.2, unit, 'L')
	y := y0
	for i, r := range rows {
		h := heights[i]
		d.font("", 8)
		d.color(colText)
		ly := y + (h-float64(len(labels[i]))*lh)/2
		for j, l := range labels[i] {
			d.textAt(x0-2, ly+float64(j)*lh+lh/2, l, 'R')
		}
		by := y + (h-float64(nser)*barH)/2
		for s, v := range r.Vals {
			w := areaW * min(PdfValue(v), scale) / scale
			d.swatchRect(x0, by, w, barH-0.4, sws[min(s, len(sws)-1)])
			d.font("", 7)
			d.color(colText)
			d.textAt(x0+w+1, by+barH/2-0.2, v.Text+v.Mark, 'L')
			if s < len(r.Ns) && r.Ns[s].Text != "" {
				d.font("", 6.5)
				d.color(colMuted)
				d.textAt(pageW-MarginR, by+barH/2-0.2, view.NLabel(r.Ns[s]), 'R')
			}
			by += barH
		}
		y += h
	}
	d.setY(y0 + total + 5)
}

// bandChart draws one 100% stacked band per row (groups down, categories
// across), percentages inside segments wide enough to hold them and n at each
// band's end. na marks the last head as 無回答 (drawn pale).
func (d *pdfDoc) bandChart(caption string, heads []string, na bool, labelW float64, rows []view.BandRow) {
	const nW = 17.0
	x0 := MarginL + labelW + 1
	areaW := pageW - MarginR - nW - x0
	const bandH, gap = 6.0, 2.4
	sws := bandSwatches(len(heads), na)
	legendH := d.legend(heads, sws, false) + 1
	total := float64(len(rows)) * (bandH + gap)
	if room := ContentB - contentT - 6 - d.captionExtra(caption) - legendH - 12; total > room && len(rows) > 1 {
		k := max(1, int(room/(bandH+gap)))
		d.bandChart(caption, heads, na, labelW, rows[:k])
		d.bandChart(caption+"（続き）", heads, na, labelW, rows[k:])
		return
	}
	d.need(6 + d.captionExtra(caption) + legendH + total + 7)
	d.captionLine(caption)
	d.legend(heads, sws, true)
	d.down(legendH)
	y0 := d.y()
	d.p.SetLineWidth(0.15)
	d.font("", 7)
	for t := 0.0; t <= 100; t += 20 {
		x := x0 + areaW*t/100
		d.draw(colGrid)
		d.line(x, y0, x, y0+total)
		d.color(colMuted)
		d.textAt(x, y0+total+2.2, strconv.Itoa(int(t)), 'C')
	}
	d.textAt(x0+areaW+d.width("100")/2+0.8, y0+total+2.2, "(%)", 'L')
	y := y0 + gap/2
	ref := false
	for _, r := range rows {
		d.font(pdfStyle(r.Bold), 8)
		d.color(colText)
		label := r.Label
		if r.Reference {
			label += "※"
			ref = true
		}
		if ls := d.wrap(label, labelW-2); len(ls) == 1 {
			d.textAt(x0-2, y+bandH/2, label, 'R')
		} else {
			d.font(pdfStyle(r.Bold), 7)
			ls = d.wrap(label, labelW-2)
			switch {
			case len(ls) == 1:
				d.textAt(x0-2, y+bandH/2, ls[0], 'R')
			case len(ls) > 2:
				ls = []string{ls[0], fitText(strings.Join(ls[1:], ""), labelW-2, d.width)}
				fallthrough
			default:
				d.textAt(x0-2, y+bandH/2-1.45, ls[0], 'R')
				d.textAt(x0-2, y+bandH/2+1.45, ls[1], 'R')
			}
		}
		d.font("", 7)
		d.textAt(x0+areaW+1.5, y+bandH/2, view.NLabel(r.N), 'L')
		if r.Suppressed {
			d.draw(colRule)
			d.p.SetLineWidth(0.2)
			d.rect(x0, y, areaW, bandH, "D")
			d.textAt(x0+areaW/2, y+bandH/2, view.MarkSuppressed+"（回答者が少ないため秘匿）", 'C')
			y += bandH + gap
			continue
		}
		x := x0
		above := x0 // the right end of the last label printed above the band
		for i, c := range r.Cells {
			if i >= len(sws) {
				break
			}
			w := areaW * PdfValue(c) / 100
			d.swatchRect(x, y, w, bandH, sws[i])
			txt := c.Text + c.Mark
			d.font("", 6.5)
			tw := d.width(txt)
			if c.Mark != "" && PdfValue(c) > 0 && w < tw+0.4 {
				// Note: a marked (▲▼) segment too narrow for its label
				// keeps it whole just above the band, the figure with its
				// mark (a mark alone reads as a rendering error, reader
				// report 5 item 4), so that a significant cell is never
				// invisible; labels above one band never overlap.
				d.font("", 5)
				d.color(colText)
				aw := d.width(txt)
				cx := max(x+w/2, above+0.6+aw/2)
				d.textAt(cx, y-0.9, txt, 'C')
				above = cx + aw/2
				x += w
				continue
			}
			if w >= tw+0.4 && (w >= tw+2 || c.Mark != "") && PdfValue(c) > 0 {
				if sws[i].hatch {
					// A white box behind the label keeps it legible on hatching.
					d.fill([3]int{255, 255, 255})
					d.rect(x+w/2-tw/2-0.6, y+bandH/2-1.4, tw+1.2, 2.8, "F")
				}
				if sws[i].dark() && !sws[i].hatch {
					d.color([3]int{255, 255, 255})
				} else {
					d.color(colText)
				}
				d.textAt(x+w/2, y+bandH/2, txt, 'C')
			}
			x += w
		}
		d.draw([3]int{255, 255, 255})
		d.p.SetLineWidth(0.2)
		d.rect(x0, y, areaW, bandH, "D")
		y += bandH + gap
	}
	d.color(colText)
	d.setY(y0 + total + 5)
	if ref {
		d.note("注）※：回答者が少ないため参考値")
	}
}

// PdfValue is a Fig's value for drawing: 0 for NaN.
func PdfValue(f view.Fig) float64 {
	if math.IsNaN(f.Value) || f.Suppressed {
		return 0
	}
	return f.Value
}
