package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Charts of the web pages: inline SVG drawn from the same rows as the PDF's
// charts (barRow, bandRow). Each is a figure whose svg has role="img" and a
// text alternative that states every figure it draws; the same figures stand
// in the table printed beside it, so nothing is lost with images off.

// SVG geometry, in CSS pixels (the svg scales down with the page).
const (
	svgW      = 720.0
	svgLabelW = 230.0
	svgValueW = 110.0
	svgFont   = 13.0
)

// Colours of the web charts: the PDF's dark accent and grays (text #191919 on
// white is 17:1; bars are graphics, ≥3:1 against white).
var (
	svgSeries = []string{"#1f3864", "#6e82a5", "#4d4d4d"}
	svgText   = "#191919"
	svgGrid   = "#767676"
)

// svgLabel shortens a label to what fits svgLabelW at svgFont (full-width
// characters count one em, others half).
func svgLabel(s string, width float64) string {
	w := 0.0
	for i, r := range s {
		cw := svgFont
		if r < 0x2000 {
			cw = svgFont * 0.55
		}
		if w+cw > width-svgFont {
			return s[:i] + "…"
		}
		w += cw
	}
	return s
}

// countAlt is a count as read out: "3件", x as 秘匿.
func countAlt(f Fig) string {
	switch {
	case f.Suppressed:
		return "秘匿"
	case f.Text == "":
		return "なし"
	case f.Zero:
		return "0件"
	}
	return f.Text + "件"
}

// figText is a figure as read out: its text with % for a share, x as 秘匿.
func figAlt(f Fig) string {
	switch {
	case f.Suppressed:
		return "秘匿"
	case f.Text == "":
		return "なし"
	case f.Zero:
		return "0%"
	}
	return f.Text + "%" + f.Mark
}

func fnum(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// figureOpen writes <figure> with its caption, numbered 図N.
func (d *webDoc) figureOpen(caption string) (no string) {
	d.fig++
	no = "図" + strconv.Itoa(d.fig) + "　" + caption
	d.w("<figure>\n<figcaption>", esc(no), "</figcaption>\n")
	return no
}

// barChart draws horizontal bars from 0 to 100 (or the largest value): one bar
// per series in every row, each bar's figure at its end.
func (d *webDoc) barChart(caption string, series []string, rows []barRow) {
	if len(rows) == 0 {
		return
	}
	no := d.figureOpen(caption)
	nser := 1
	for _, r := range rows {
		nser = max(nser, len(r.vals))
	}
	const barH = 17.0
	rowH := barH*float64(nser) + 10
	top := 8.0
	if len(series) > 0 {
		top = 30
	}
	h := top + rowH*float64(len(rows)) + 24
	hi, step := 100.0, 20.0
	for _, r := range rows {
		for _, v := range r.vals {
			if s := v.Shown(); !math.IsNaN(s) && s > hi {
				hi = math.Ceil(s/20) * 20
			}
		}
	}
	if d.countUnit {
		top := 0.0
		for _, r := range rows {
			for _, v := range r.vals {
				if s := v.Shown(); !math.IsNaN(s) {
					top = max(top, s)
				}
			}
		}
		hi = countMax(top)
		step = countStep(hi)
	}
	x0 := svgLabelW
	areaW := svgW - svgLabelW - svgValueW
	// Text alternative: every row's figures.
	var alt []string
	for _, r := range rows {
		var parts []string
		for i, v := range r.vals {
			p := figAlt(v)
			if d.countUnit {
				p = countAlt(v)
			}
			if i < len(series) {
				p = series[i] + " " + p
			}
			parts = append(parts, p)
		}
		alt = append(alt, r.label+"："+strings.Join(parts, "、"))
	}
	d.w(fmt.Sprintf("<svg role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" font-size=\"%s\">\n",
		esc(no+"。"+strings.Join(alt, "。")), fnum(svgW), fnum(h), fnum(svgW), fnum(h), fnum(svgFont)))
	if len(series) > 0 {
		x := x0
		for i, s := range series {
			c := svgSeries[i%len(svgSeries)]
			d.w(fmt.Sprintf("<rect x=\"%s\" y=\"6\" width=\"14\" height=\"14\" fill=\"%s\"/>", fnum(x), c))
			d.w(fmt.Sprintf("<text x=\"%s\" y=\"18\" fill=\"%s\">%s</text>\n", fnum(x+18), svgText, esc(s)))
			x += 30 + float64(utf8.RuneCountInString(s))*svgFont
		}
	}
	for t := 0.0; t <= hi+1e-9; t += step {
		x := x0 + areaW*t/hi
		d.w(fmt.Sprintf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"0.5\"/>", fnum(x), fnum(top), fnum(x), fnum(h-20), svgGrid))
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n", fnum(x), fnum(h-6), svgText, strconv.FormatFloat(t, 'f', -1, 64)))
	}
	for i, r := range rows {
		y := top + rowH*float64(i) + 5
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" fill=\"%s\">%s</text>\n",
			fnum(x0-6), fnum(y+rowH/2), svgText, esc(svgLabel(r.label, svgLabelW))))
		for s, v := range r.vals {
			by := y + barH*float64(s)
			val := v.Shown()
			text := v.Text + v.Mark
			if v.Suppressed {
				text = MarkSuppressed
			}
			w := 0.0
			if !math.IsNaN(val) {
				w = areaW * math.Min(val, hi) / hi
				d.w(fmt.Sprintf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>",
					fnum(x0), fnum(by), fnum(w), fnum(barH-2), svgSeries[s%len(svgSeries)]))
			}
			if s < len(r.ns) && r.ns[s].Text != "" {
				text += "（n=" + r.ns[s].Text + "）"
			}
			d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" fill=\"%s\">%s</text>\n", fnum(x0+w+4), fnum(by+barH-4), svgText, esc(text)))
		}
	}
	d.w("</svg>\n</figure>\n")
}

// bandChart draws one 100% stacked band per row, categories told apart by
// lightness and a legend; suppressed rows draw no band and read 秘匿.
func (d *webDoc) bandChart(caption string, heads []string, na bool, rows []bandRow) {
	if len(rows) == 0 || len(heads) == 0 {
		return
	}
	no := d.figureOpen(caption)
	sws := bandSwatches(len(heads), na)
	legendRows := (len(heads) + 3) / 4
	top := 10 + 22*float64(legendRows)
	const bandH, gap = 20.0, 8.0
	h := top + (bandH+gap)*float64(len(rows)) + 24
	x0 := svgLabelW
	areaW := svgW - svgLabelW - svgValueW
	var alt []string
	for _, r := range rows {
		head := r.label + "（n=" + r.n.Text + "）"
		if r.suppressed {
			alt = append(alt, head+"：秘匿")
			continue
		}
		var parts []string
		for i, c := range r.cells {
			if i < len(heads) && i < len(r.counts) {
				parts = append(parts, heads[i]+" "+orgsText(r.counts[i]))
			} else if i < len(heads) {
				parts = append(parts, heads[i]+" "+figAlt(c))
			}
		}
		alt = append(alt, head+"："+strings.Join(parts, "、"))
	}
	d.w(fmt.Sprintf("<svg role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" font-size=\"%s\">\n",
		esc(no+"。"+strings.Join(alt, "。")), fnum(svgW), fnum(h), fnum(svgW), fnum(h), fnum(svgFont)))
	colW := (svgW - 20) / 4
	for i, hd := range heads {
		x, y := 10+colW*float64(i%4), 8+22*float64(i/4)
		c := sws[i].fill
		d.w(fmt.Sprintf("<rect x=\"%s\" y=\"%s\" width=\"14\" height=\"14\" fill=\"rgb(%d,%d,%d)\" stroke=\"%s\" stroke-width=\"0.5\"/>", fnum(x), fnum(y), c[0], c[1], c[2], svgGrid))
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" fill=\"%s\">%s</text>\n", fnum(x+18), fnum(y+12), svgText, esc(svgLabel(hd, colW-10))))
	}
	for i, r := range rows {
		y := top + (bandH+gap)*float64(i)
		label := r.label
		if r.reference {
			label += "（" + MarkReference + "）"
		}
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" fill=\"%s\">%s</text>\n", fnum(x0-6), fnum(y+bandH-5), svgText, esc(svgLabel(label, svgLabelW))))
		if r.suppressed {
			d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" fill=\"%s\">%s</text>\n", fnum(x0+4), fnum(y+bandH-5), svgText, MarkSuppressed))
			continue
		}
		x := x0
		for j, c := range r.cells {
			v := c.Shown()
			if j >= len(sws) || math.IsNaN(v) || v <= 0 {
				continue
			}
			w := areaW * math.Min(v, 100) / 100
			f := sws[j].fill
			d.w(fmt.Sprintf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"rgb(%d,%d,%d)\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>", fnum(x), fnum(y), fnum(w), fnum(bandH), f[0], f[1], f[2]))
			x += w
		}
		d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" fill=\"%s\">n=%s</text>\n", fnum(x0+areaW+6), fnum(y+bandH-5), svgText, esc(r.n.Text)))
	}
	d.w("</svg>\n</figure>\n")
}

// webStyle is web/style.css. Note: text #191919 and #4a4a4a on white, links
// #0b4f9c, table heads on #e8ecf2: every pair is above 7:1 (AA asks 4.5:1).
const webStyle = `body{margin:0 auto;max-width:60em;padding:0 1em 2em;color:#191919;background:#fff;
font-family:"BIZ UDPGothic","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif;line-height:1.7}
a{color:#0b4f9c}
a:focus,.scroll:focus{outline:3px solid #b35900;outline-offset:2px}
header{border-bottom:3px solid #1f3864;margin-bottom:1em}
h1{font-size:1.6em;color:#1f3864;margin:.4em 0}
h2{font-size:1.35em;color:#1f3864;border-bottom:2px solid #1f3864;margin-top:2em}
h3{font-size:1.15em;border-left:6px solid #1f3864;padding-left:.4em;margin-top:1.6em}
h4{font-size:1em;margin-top:1.4em}
.plan,.navtitle{font-weight:bold;margin:.5em 0 .2em}
.sample{border:2px solid #191919;padding:.3em .6em}
.note{color:#4a4a4a;font-size:.9em}
.finding{border-left:4px solid #6e82a5;padding-left:.8em;margin:.8em 0}
.group{margin:.6em 0 .2em}
.districts li{display:inline-block;margin-right:1em}
.toc{list-style:none;padding-left:1em}
.scroll{overflow-x:auto;margin:.8em 0}
table{border-collapse:collapse;font-size:.92em}
caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #969696;padding:.2em .5em;vertical-align:top}
thead th{background:#e8ecf2}
tbody th{text-align:left;font-weight:normal;min-width:4em}
thead th:first-child{min-width:4em}
td.num{text-align:right;white-space:nowrap}
td.good{background:#d4e8f5;border-bottom:3px solid #0072B2}
td.bad{background:#fbe0cc;border-bottom:3px dotted #D55E00}
figure{margin:1em 0}
figcaption{font-weight:bold}
svg{max-width:100%;height:auto}
footer{border-top:1px solid #969696;margin-top:3em;color:#4a4a4a;font-size:.9em}
`
