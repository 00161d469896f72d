package render

import (
	"math"
)

// findingText prints a passage's lines as paragraphs in a shaded box's left
// rule, so that the text reads as the commentary on what follows.
func (d *pdfDoc) findingText(lines []string) {
	if len(lines) == 0 {
		return
	}
	d.font("", 9)
	lh := 9 * ptMM * 1.6
	for _, s := range lines {
		for i, l := range wrapText(s, contentW-8, d.width) {
			d.need(lh)
			if i == 0 {
				d.textAt(marginL+2, d.y()+lh/2, "○", 'L')
			}
			d.textAt(marginL+6, d.y()+lh/2, l, 'L')
			d.down(lh)
		}
		d.down(0.6)
	}
	d.down(2)
}

// indexChart draws the district's indicators as bars against the ward = 100
// (the bar's length is the district's printed value over the ward's), with
// both percentages printed beside it. Solid dark bars and a dashed 100 line
// read in grayscale.
func (d *pdfDoc) indexChart(caption, district string, rows []barRow) {
	type bar struct {
		label, text string
		idx         float64
	}
	var bars []bar
	for _, r := range rows {
		dist, ward := r.vals[0], r.vals[1]
		dv, wv := dist.Shown(), ward.Shown()
		text := district + " " + dist.Text + "%／全体 " + ward.Text + "%"
		idx := math.NaN()
		if dist.Suppressed || dist.Blank() {
			text = district + " " + dist.Text + "／全体 " + ward.Text + "%"
		} else if wv > 0 {
			idx = 100 * dv / wv
		}
		if r.ref {
			text += "※"
		}
		bars = append(bars, bar{label: r.label, text: text, idx: idx})
	}
	if len(bars) == 0 {
		return
	}
	const labelW, textW, barH, rowH = 62.0, 46.0, 3.6, 6.2
	x0 := marginL + labelW + 2
	areaW := contentW - labelW - 2 - textW
	scale := 200.0
	for _, b := range bars {
		if !math.IsNaN(b.idx) && b.idx > scale {
			scale = math.Ceil(b.idx/50) * 50
		}
	}
	d.captionLine(d.figNo(caption))
	d.need(float64(len(bars))*rowH + 8)
	top := d.y()
	d.font("", 7.5)
	for i, b := range bars {
		y := top + float64(i)*rowH
		d.textAt(marginL, y+rowH/2, fitText(b.label, labelW, d.width), 'L')
		if !math.IsNaN(b.idx) {
			d.fill([3]int{70, 70, 70})
			d.p.Rect(x0, y+(rowH-barH)/2, areaW*math.Min(b.idx, scale)/scale, barH, "F")
		}
		d.textAt(x0+areaW+2, y+rowH/2, b.text, 'L')
	}
	h := float64(len(bars)) * rowH
	d.draw(colText)
	d.p.SetLineWidth(0.3)
	x100 := x0 + areaW*100/scale
	d.p.SetDashPattern([]float64{1, 0.8}, 0)
	d.p.Line(x100, top-1, x100, top+h+1)
	d.p.SetDashPattern(nil, 0)
	d.p.SetLineWidth(0.2)
	d.color(colMuted)
	d.textAt(x100, top+h+3, "全体＝100", 'C')
	d.color(colText)
	d.setY(top + h + 6)
}
