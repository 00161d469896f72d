package pdf

import (
	"math"
	"strconv"

	"midreview/render/view"
)

// compactTable prints a table one line per row at equal column widths, the
// heads cut to fit (the counts of ratings by year).
func (d *pdfDoc) compactTable(t view.Table) {
	w := contentW / float64(len(t.Cols)+1)
	const rh = 6.0
	d.need(rh*float64(len(t.Rows)+2) + 8)
	d.captionLine(d.tableNo(t.Caption))
	y := d.y()
	d.font("B", 8.5)
	d.fill(colHead)
	d.rect(MarginL, y, contentW, rh, "F")
	for i, c := range t.Cols {
		x := MarginL + float64(i)*w
		if i == 0 {
			d.textAt(x+1, y+rh/2, c.Head, 'L')
			continue
		}
		d.textAt(x+w-1, y+rh/2, fitText(c.Head, w, d.width), 'R')
	}
	d.font("", 8.5)
	for k, r := range t.Rows {
		yy := y + rh*float64(k+1)
		d.draw(colGrid)
		d.line(MarginL, yy+rh, MarginL+contentW, yy+rh)
		for i, c := range r {
			x := MarginL + float64(i)*w
			if i == 0 {
				d.textAt(x+1, yy+rh/2, c.Text, 'L')
				continue
			}
			d.textAt(x+w-1, yy+rh/2, c.Text, 'R')
		}
	}
	d.setY(y + rh*float64(len(t.Rows)+1) + 4)
}

// record prints one initiative: its title line, the grid of marks by year
// with the activity bar under each, and the latest problems and direction.
func (d *pdfDoc) record(in view.Record) {
	n := len(in.Years)
	const cellH, barH = 7.0, 3.0
	gridX := MarginL + 2
	cellW := min(28.0, (contentW-40)/float64(max(n, 1)))
	d.font("", 8.5)
	var lines []string
	for _, t := range in.Texts {
		lines = append(lines, d.wrap(t, contentW-4)...)
	}
	lh := 8.5 * PtMM * 1.45
	d.need(6 + cellH + barH + 6 + float64(len(lines))*lh + 4)

	d.font("B", 9.5)
	d.textAt(MarginL, d.y()+2.5, fitText(in.Title, contentW, d.width), 'L')
	d.down(5)
	d.font("", 8)
	d.color(colMuted)
	d.textAt(MarginL, d.y()+2, fitText(in.Meta, contentW, d.width), 'L')
	d.color(colText)
	d.down(4.5)

	y := d.y()
	for j, c := range in.Cells {
		x := gridX + float64(j)*cellW
		// Grid cell: year, mark; shaded darker the worse the rating, so that
		// it reads in grayscale as well as by its mark.
		shade := 255
		if c.Has && c.Rating >= 0 && in.Levels > 1 {
			shade = 250 - 110*c.Rating/(in.Levels-1)
		}
		d.fill([3]int{shade, shade, shade})
		d.draw(colRule)
		d.p.SetLineWidth(0.2)
		d.rect(x, y, cellW-1.5, cellH, "FD")
		d.font("", 7)
		d.color(colMuted)
		d.textAt(x+1, y+2, in.Years[j], 'L')
		d.color(colText)
		mark := ""
		if c.Has {
			mark = c.Mark
			if c.Slipped {
				mark += "↓"
			}
			if mark == "" {
				mark = "－"
			}
		}
		d.font("B", 10)
		d.textAt(x+(cellW-1.5)/2, y+cellH-2.2, mark, 'C')
		// Activity bar against the target (the target is the full width).
		if !c.Actual.Blank() {
			bw := cellW - 1.5
			d.fill(colGrid)
			d.rect(x, y+cellH+0.8, bw, barH, "F")
			share := 1.0
			if !in.Target.Blank() && in.Target.Value > 0 {
				share = min(1, c.Actual.Value/in.Target.Value)
			}
			d.fill(colDark)
			d.rect(x, y+cellH+0.8, bw*share, barH, "F")
			d.font("", 6.5)
			d.textAt(x+bw, y+cellH+barH+2.6, c.Actual.Text, 'R')
		}
	}
	d.setY(y + cellH + barH + 5)
	d.font("", 8.5)
	for _, l := range lines {
		d.textAt(MarginL+2, d.y()+lh/2, l, 'L')
		d.down(lh)
	}
	d.down(2.5)
}

// trendChart draws one indicator over the years: a line of its values with
// each value printed, the target dashed with its label in the right margin
// (never over a point's label: a value label that would touch the target
// line goes below its point), on the handout's shared scale (d.trendTop: the
// small multiples compare at a glance) with its axis labelled in %.
func (d *pdfDoc) trendChart(caption string, points []view.BarRow, target view.Fig) {
	const ch = 32.0
	d.need(ch + 22)
	d.captionLine(d.figNo(caption))
	y := d.y() + 5
	const axisW, labelW = 12.0, 20.0
	x0, w := MarginL+axisW, contentW-axisW-labelW
	top, tick := d.trendTop, 10.0
	if top <= 0 {
		top = trendScale(points, target)
	}
	if top > 60 {
		tick = 20
	}
	yAt := func(v float64) float64 { return y + ch - ch*v/top }
	// The axis: gridlines at every tick, labelled, and (%) at the top.
	d.font("", 6.5)
	d.color(colMuted)
	d.p.SetLineWidth(0.15)
	for v := 0.0; v <= top+1e-9; v += tick {
		d.draw(colGrid)
		d.line(x0, yAt(v), x0+w, yAt(v))
		d.textAt(x0-1.5, yAt(v), strconv.FormatFloat(v, 'f', 0, 64), 'R')
	}
	d.textAt(x0-1.5, y-3.2, "(%)", 'R')
	d.color(colText)
	d.draw(colRule)
	d.p.SetLineWidth(0.2)
	d.line(x0, y, x0, y+ch)
	d.line(x0, y+ch, x0+w, y+ch)
	ty := math.NaN()
	if !target.Blank() {
		ty = yAt(math.Min(target.Value, top))
		d.draw(colText)
		d.p.SetDashPattern([]float64{1.2, 1.2}, 0)
		d.line(x0, ty, x0+w, ty)
		d.p.SetDashPattern(nil, 0)
		d.font("", 7)
		d.textAt(x0+w+1.5, ty, "目標 "+target.Text, 'L')
	}
	n := len(points)
	step := w / float64(max(n, 1))
	d.draw(colDark)
	d.p.SetLineWidth(0.5)
	px, py := -1.0, 0.0
	for i, p := range points {
		x := x0 + step*(float64(i)+0.5)
		d.font("", 7.5)
		d.textAt(x, y+ch+3, fitText(p.Label, step-1, d.width), 'C')
		v := p.Vals[0]
		if v.Blank() || v.Suppressed {
			px = -1
			continue
		}
		yy := yAt(math.Min(v.Value, top))
		if px >= 0 {
			d.line(px, py, x, yy)
		}
		d.fill(colDark)
		d.p.Circle(x, yy, 0.9, "F")
		d.font("B", 7.5)
		ly := yy - 2.6
		if !math.IsNaN(ty) && math.Abs(ly-ty) < 2.2 {
			ly = yy + 2.8
		}
		d.textAt(x, ly, v.Text, 'C')
		px, py = x, yy
	}
	d.setY(y + ch + 7)
}

// trendScale is the top of a trend chart's axis for its values and target:
// the highest, with room for its label, rounded up to a ten.
func trendScale(points []view.BarRow, target view.Fig) float64 {
	hi := PdfValue(target)
	for _, p := range points {
		hi = max(hi, PdfValue(p.Vals[0]))
	}
	return max(10, math.Ceil(hi*1.1/10)*10)
}

// setTrendTop sets d.trendTop, the shared scale of the handout's trend
// charts (trendScale of them all).
func (d *pdfDoc) setTrendTop(bs []view.Block) {
	d.trendTop = 0
	view.Walk(bs, view.Print, func(b view.Block) {
		if f, ok := b.(view.Figure); ok && f.Kind == view.FigTrend {
			d.trendTop = max(d.trendTop, trendScale(f.Bars, f.Target))
		}
	})
}
