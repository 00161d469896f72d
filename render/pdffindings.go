package render

import (
	"math"

	"midreview/analyze"
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

// summarySection prints 調査結果の概要: per theme its passage (PlaceSummary).
func (d *pdfDoc) summarySection() { d.render(compose(d.v, d.district, (*composer).summary)) }

// karte prints a district handout's opening profile (地区カルテ): key figures,
// the district's indicators against the ward (ward = 100), its strengths and
// issues in words, its comment themes and a few masked quotes.
func (d *pdfDoc) karte() {
	v := d.v
	var p *ProfileView
	for i := range v.Profiles {
		if v.Profiles[i].District == d.district {
			p = &v.Profiles[i]
		}
	}
	if p == nil {
		return
	}
	d.section(d.district + "地区カルテ")
	line := "有効回答数 " + p.N.Text + "人"
	if p.Rate.Text != "" {
		line += "　回収率 " + p.Rate.Text + "%"
	}
	line += "　ヒアリング団体 " + p.Orgs.Text + "団体"
	if p.Margin.Text != "" {
		line += "　誤差 最大±" + p.Margin.Text + "ポイント"
	}
	d.para(line, "B", 10, 0)
	d.down(2)
	d.indexChart(p)
	if lines := v.PassageLines(analyze.PlaceDistrict, "", d.district); len(lines) > 0 {
		d.heading("地区の特徴（区内の他の地区との比較）", 20)
		d.findingText(lines)
	}
	if len(p.Themes) > 0 {
		var rows [][]tcell
		for _, kv := range p.Themes {
			rows = append(rows, pdfCells(kv.Key, kv.Value))
		}
		d.table(d.tableNo(d.district+"の意見のテーマ（自由記述・団体ヒアリング）"), []tcol{{"テーマ", 80, 'L'}, {"件数", 25, 'R'}}, rows, 8)
		d.down(2)
	}
	if len(p.Quotes) > 0 {
		d.heading("住民の声（抜粋・個人情報は伏せています）", 12)
		d.bullets(p.Quotes, 8.5)
	}
}

// indexChart draws the district's indicators as bars against the ward = 100
// (the bar's length is the district's printed value over the ward's), with
// both percentages printed beside it. Solid dark bars and a dashed 100 line
// read in grayscale.
func (d *pdfDoc) indexChart(p *ProfileView) {
	type bar struct {
		label, text string
		idx         float64
	}
	var bars []bar
	for _, in := range p.Indicators {
		dv, wv := in.District.Shown(), in.Ward.Shown()
		text := d.district + " " + in.District.Text + "%／全体 " + in.Ward.Text + "%"
		idx := math.NaN()
		if in.District.Suppressed || in.District.Blank() {
			text = d.district + " " + in.District.Text + "／全体 " + in.Ward.Text + "%"
		} else if wv > 0 {
			idx = 100 * dv / wv
		}
		if in.Reference {
			text += "※"
		}
		bars = append(bars, bar{label: in.ID + "　" + in.Name, text: text, idx: idx})
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
	d.captionLine(d.figNo(d.district + "の指標（全体＝100）"))
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
	d.note("注）棒の長さは全体の値を100としたときの" + d.district + "の値。方向が「減」の指標は短いほど良い状態です。※：参考値。" + MarkSuppressed + "：秘匿。")
	d.down(2)
}
