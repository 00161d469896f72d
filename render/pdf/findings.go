package pdf

import (
	"math"

	"midreview/render/view"
)

// findingText prints a passage's lines as paragraphs in a shaded box's left
// rule, so that the text reads as the commentary on what follows.
func (d *pdfDoc) findingText(lines []string) {
	if len(lines) == 0 {
		return
	}
	d.font("", 9)
	lh := 9 * PtMM * 1.6
	for _, s := range lines {
		for i, l := range d.wrap(s, contentW-8) {
			d.need(lh)
			if i == 0 {
				d.textAt(MarginL+2, d.y()+lh/2, "○", 'L')
			}
			d.textAt(MarginL+6, d.y()+lh/2, l, 'L')
			d.down(lh)
		}
		d.down(0.6)
	}
	d.down(2)
}

// indexChart draws the district's indicators as bars against the ward = 100
// (the bar's length is the district's printed value over the ward's), with
// both percentages printed beside it. The bar's colour follows the
// indicator's direction where the difference is significant (BarRow.Better):
// blue when the district is better, orange with a white centre line (so
// that it reads in grayscale) when worse, grey otherwise; ◆ marks the target on the same scale, and a
// dashed line the ward's 100.
func (d *pdfDoc) indexChart(caption, district string, rows []view.BarRow) {
	type bar struct {
		label, text string
		idx, tgt    float64
		better      int
	}
	var bars []bar
	for _, r := range rows {
		dist, ward := r.Vals[0], r.Vals[1]
		dv, wv := dist.Shown(), ward.Shown()
		// Note: 参考値 is the district's (its n under 参考値基準), so ※
		// follows the district's name, never the ward's figure.
		name := district
		if r.Ref {
			name += "※"
		}
		text := name + " " + dist.Text + "%／全体 " + ward.Text + "%"
		idx := math.NaN()
		if dist.Suppressed || dist.Blank() {
			text = name + " " + dist.Text + "／全体 " + ward.Text + "%"
		} else if wv > 0 {
			idx = 100 * dv / wv
		}
		tgt := math.NaN()
		if !r.Target.Blank() && wv > 0 {
			tgt = 100 * r.Target.Shown() / wv
		}
		bars = append(bars, bar{label: r.Label, text: text, idx: idx, tgt: tgt, better: r.Better})
	}
	if len(bars) == 0 {
		return
	}
	const labelW, textW, barH, rowH = 62.0, 46.0, 3.6, 6.2
	x0 := MarginL + labelW + 2
	areaW := contentW - labelW - 2 - textW
	scale := 200.0
	for _, b := range bars {
		for _, v := range []float64{b.idx, b.tgt} {
			if !math.IsNaN(v) && v > scale {
				scale = math.Ceil(v/50) * 50
			}
		}
	}
	d.captionLine(d.figNo(caption))
	d.need(float64(len(bars))*rowH + 8)
	top := d.y()
	d.font("", 7.5)
	for i, b := range bars {
		y := top + float64(i)*rowH
		d.textAt(MarginL, y+rowH/2, fitText(b.label, labelW, d.width), 'L')
		if !math.IsNaN(b.idx) {
			w := areaW * math.Min(b.idx, scale) / scale
			by := y + (rowH-barH)/2
			switch {
			case b.better > 0:
				d.fill(colBetter)
			case b.better < 0:
				d.fill(colWorse)
			default:
				d.fill(colNeutral)
			}
			d.rect(x0, by, w, barH, "F")
			if b.better < 0 {
				d.fill([3]int{255, 255, 255})
				d.rect(x0, by+barH/2-0.3, w, 0.6, "F")
			}
		}
		if !math.IsNaN(b.tgt) {
			tx, ty, r := x0+areaW*math.Min(b.tgt, scale)/scale, y+rowH/2, 1.3
			d.fill(colText)
			d.diamond(tx, ty, r)
		}
		d.textAt(x0+areaW+2, y+rowH/2, b.text, 'L')
	}
	h := float64(len(bars)) * rowH
	d.draw(colText)
	d.p.SetLineWidth(0.3)
	x100 := x0 + areaW*100/scale
	d.p.SetDashPattern([]float64{1, 0.8}, 0)
	d.line(x100, top-1, x100, top+h+1)
	d.p.SetDashPattern(nil, 0)
	d.p.SetLineWidth(0.2)
	d.color(colMuted)
	d.textAt(x100, top+h+3, "全体＝100", 'C')
	// The legend: what the colours and ◆ mean.
	lx, ly := MarginL+labelW+2, top+h+7
	for _, k := range []struct {
		c    [3]int
		text string
	}{{colBetter, "有意に良い"}, {colWorse, "有意に悪い"}, {colNeutral, "有意な差なし"}} {
		d.fill(k.c)
		d.rect(lx, ly-1.5, 4, 3, "F")
		d.textAt(lx+5, ly, k.text, 'L')
		lx += 6 + d.width(k.text) + 4
	}
	d.fill(colText)
	d.diamond(lx+1.3, ly, 1.3)
	d.textAt(lx+4, ly, "目標値（全体＝100に換算）", 'L')
	d.color(colText)
	d.setY(top + h + 11)
}

// colBetter and colWorse colour a district's figure better or worse than
// the ward's by the measure's direction (Okabe–Ito blue and vermillion).
var (
	colBetter = [3]int{0, 114, 178}
	colWorse  = [3]int{213, 94, 0}
	// colNeutral is a カルテ bar with no significant difference from the
	// rest of the ward (or no difference).
	colNeutral = [3]int{150, 150, 150}
)

// diamond fills ◆ of radius r centred at x, y (the カルテ's target mark).
func (d *pdfDoc) diamond(x, y, r float64) {
	d.p.MoveTo(x, y-r)
	d.p.LineTo(x+r, y)
	d.p.LineTo(x, y+r)
	d.p.LineTo(x-r, y)
	d.p.ClosePath()
	d.p.DrawPath("F")
}
