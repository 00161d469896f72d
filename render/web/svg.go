package web

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/render/view"
)

// Charts of the web pages: inline SVG drawn from the same rows as the PDF's
// charts (barRow, bandRow). Each is a figure whose svg has role="img" and a
// text alternative that states every figure it draws; the same figures stand
// in the table printed beside it, so nothing is lost with images off.
//
// Every chart is drawn twice, for two widths, and the style sheet shows one
// (webStyle's media query at 760 px): a wide layout (labels left of the
// bars, 720 px) and a narrow one for phones, drawn at the width of a 390 px
// screen's content (svgNarrowW), with each label on lines of its own above
// its bar, so that no chart is scaled down and its text stays at svgFont px.
// Labels and legends wrap (svgWrap) rather than being cut. Every bar and
// band segment carries its value as text (segments too narrow for it have it
// in the <details> table beside the chart), and every fill has 3:1 against
// white, the separators between segments are white and the text on a fill
// 4.5:1 (TestWebChartContrast).

// SVG geometry, in CSS pixels (user units are pixels: neither layout is
// scaled at the widths it is shown at).
const (
	svgW      = 720.0
	svgLabelW = 230.0
	svgValueW = 125.0
	SvgFont   = 13.0
	svgLineH  = 17.0
	// svgNarrowW is the narrow layout's width: 390 px less the page's 16 px
	// margins. Note: the style sheet shows it below 760 px, where the wide
	// layout (720 px and the margins) would be scaled down.
	svgNarrowW = 358.0
)

// Colours of the web charts. Bars: the PDF's dark accent and grays, each
// ≥3:1 against white. Bands: fills dark enough for white text (≥4.5:1) and
// so ≥3:1 against white and the white separators; an ordered scale runs
// from blue (first answers) through gray to orange and red (last answers);
// 無回答 is white with a gray outline.
var (
	SvgSeries = []string{"#1f3864", "#6e82a5", "#4d4d4d"}
	SvgText   = "#191919"
	svgGrid   = "#767676"
	SvgNA     = "#ffffff"
	SvgNALine = "#595959"
	svgBands  = map[int][]string{
		1: {"#1f3864"},
		2: {"#1f3864", "#a34400"},
		3: {"#1f3864", "#595959", "#a34400"},
		4: {"#1f3864", "#3f6fb0", "#b34d00", "#7a1f1f"},
		5: {"#1f3864", "#3f6fb0", "#595959", "#b34d00", "#7a1f1f"},
	}
	svgBandsMany = []string{"#1f3864", "#3f6fb0", "#2e6b30", "#595959", "#6a3d9a", "#b34d00", "#7a1f1f"}
)

// WebBandFills are the fills of a band chart's k categories; the last is
// 無回答 (svgNA) when na.
func WebBandFills(k int, na bool) []string {
	m := k
	if na {
		m--
	}
	var out []string
	if p, ok := svgBands[m]; ok {
		out = append(out, p...)
	} else {
		for i := range m {
			out = append(out, svgBandsMany[i%len(svgBandsMany)])
		}
	}
	if na && k > 0 {
		out = append(out, SvgNA)
	}
	return out
}

// SvgTextW estimates the width of s at font size f: full-width characters
// one em, others 0.6 em (a little more than the UD fonts' digits, so that
// an estimate errs on the wide side).
func SvgTextW(s string, f float64) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2000 || r >= 0xff61 && r <= 0xff9f {
			w += f * 0.6
		} else {
			w += f
		}
	}
	return w
}

// SvgWrap breaks s into lines no wider than width at font size f: at a
// phrase end (after 、。・）or a space) in the second half of the line when
// there is one, else before the character that does not fit. Nothing is
// cut.
func SvgWrap(s string, width, f float64) []string {
	lines := svgWrapGreedy(s, width, f)
	if len(lines) < 2 {
		return lines
	}
	// Balance the lines: the narrowest width that still takes as many, so
	// that a label does not end in a line of one or two characters.
	for w := SvgTextW(s, f) / float64(len(lines)); w < width; w += f / 2 {
		if b := svgWrapGreedy(s, w, f); len(b) == len(lines) {
			return b
		}
	}
	return lines
}

// svgWrapGreedy is svgWrap's first pass: each line as full as it goes.
func svgWrapGreedy(s string, width, f float64) []string {
	var lines []string
	rs := []rune(s)
	start := 0
	for start < len(rs) {
		w, end, brk := 0.0, start, -1
		for end < len(rs) {
			cw := SvgTextW(string(rs[end]), f)
			if w+cw > width && end > start {
				break
			}
			w += cw
			if strings.ContainsRune("、。・）) 　,", rs[end]) && w > width/2 {
				brk = end + 1
			}
			end++
		}
		if end < len(rs) && brk > start {
			end = brk
		}
		line := strings.TrimRight(string(rs[start:end]), " 　")
		if line != "" {
			lines = append(lines, line)
		}
		start = end
		for start < len(rs) && (rs[start] == ' ' || rs[start] == '　') {
			start++
		}
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// countAlt is a count as read out: "3件", x as 秘匿.
func countAlt(f view.Fig) string { return readOut(f, "件") }

// figAlt is a figure as read out: its text with % for a share, x as 秘匿.
func figAlt(f view.Fig) string { return readOut(f, "%") }

// readOut is a figure read out in unit, with its mark (▲▼; counts have none).
func readOut(f view.Fig, unit string) string {
	switch {
	case f.Suppressed:
		return "秘匿"
	case f.Text == "":
		return "なし"
	case f.Zero:
		return "0" + unit
	}
	return f.Text + unit + f.Mark
}

func fnum(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// figureOpen writes <figure> with its caption, numbered 図N.
func (d *WebDoc) figureOpen(caption string) (no string) {
	d.fig++
	no = "図" + strconv.Itoa(d.fig) + "　" + caption
	d.w("<figure>\n<figcaption>", Esc(no), "</figcaption>\n")
	return no
}

// svgOpen starts one layout of a chart: class wide or narrow.
func (d *WebDoc) svgOpen(class, label string, w, h float64) {
	d.w(fmt.Sprintf("<svg class=\"%s\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" font-size=\"%s\">\n",
		class, label, fnum(w), fnum(h), fnum(w), fnum(h), fnum(SvgFont)))
}

// svgText writes one line of text.
func (d *WebDoc) svgText(x, y float64, anchor, fill, s string) {
	a := ""
	if anchor != "" {
		a = " text-anchor=\"" + anchor + "\""
	}
	d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\"%s fill=\"%s\">%s</text>\n", fnum(x), fnum(y), a, fill, Esc(s)))
}

// svgRect writes a filled rectangle, outlined when stroke is not "".
func (d *WebDoc) svgRect(x, y, w, h float64, fill, stroke string) {
	st := ""
	if stroke != "" {
		st = " stroke=\"" + stroke + "\" stroke-width=\"1\""
	}
	d.w(fmt.Sprintf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"%s/>", fnum(x), fnum(y), fnum(w), fnum(h), fill, st))
}

// A svgKey is one legend entry: its fill (and outline) and label; target
// draws the カルテ's target mark ◆ (svgDiamond) instead of a square.
type svgKey struct {
	fill, stroke, label string
	target              bool
	line                bool // the target line of an indicator's history (dashed)
}

// svgDiamond writes the カルテ's target mark ◆ centred at x, y, r wide and
// tall each side, dark with a white outline so that it stands out on a bar.
func (d *WebDoc) svgDiamond(x, y, r float64) {
	d.w(fmt.Sprintf("<path class=\"target\" d=\"M%s %sL%s %sL%s %sL%s %sZ\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
		fnum(x), fnum(y-r), fnum(x+r*0.75), fnum(y), fnum(x), fnum(y+r), fnum(x-r*0.75), fnum(y), SvgText))
}

// legendWide lays the entries out in rows across width w from y, wrapping
// to a new row (and a long label over lines) instead of cutting; it returns
// the y below the legend. With draw false it only measures.
func (d *WebDoc) legend(keys []svgKey, w, y float64, oneEach, draw bool) float64 {
	if len(keys) == 0 {
		return y
	}
	x := 0.0
	rowLines := 1
	for _, k := range keys {
		lines := SvgWrap(k.label, w-20, SvgFont)
		kw := 20 + SvgTextW(lines[0], SvgFont) + 18
		if len(lines) > 1 {
			kw = w
		}
		if x > 0 && (oneEach || x+kw > w) {
			y += float64(rowLines) * svgLineH
			x, rowLines = 0, 1
		}
		if draw {
			if k.target {
				d.svgDiamond(x+7.5, y+8.5, 7)
			} else if k.line {
				d.w(fmt.Sprintf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>", fnum(x+7.5), fnum(y+1), fnum(x+7.5), fnum(y+16), SvgText))
			} else {
				d.svgRect(x+1, y+2, 13, 13, k.fill, k.stroke)
			}
			for i, l := range lines {
				d.svgText(x+19, y+13+float64(i)*svgLineH, "", SvgText, l)
			}
		}
		rowLines = max(rowLines, len(lines))
		x += kw
	}
	return y + float64(rowLines)*svgLineH + 6
}

// barValue is a bar's figure as printed at its end (with its n).
func (d *WebDoc) barValue(r view.BarRow, s int) string {
	v := r.Vals[s]
	text := v.Text + v.Mark
	if v.Suppressed {
		text = view.MarkSuppressed
	}
	if s < len(r.Ns) && r.Ns[s].Text != "" {
		text += "（n=" + r.Ns[s].Text + "）"
	}
	return text
}

// barChart draws horizontal bars from 0 to 100 (or the largest value): one bar
// per series in every row, each bar's figure at its end; wide and narrow.
func (d *WebDoc) barChart(caption string, series []string, rows []view.BarRow) {
	if len(rows) == 0 {
		return
	}
	no := d.figureOpen(caption)
	nser := 1
	for _, r := range rows {
		nser = max(nser, len(r.Vals))
	}
	hi, step := 100.0, 20.0
	// line is the target of an indicator's history (FigTrend): a dashed
	// line across the rows, as the PDF draws it, named in the legend and
	// the text alternative.
	line := d.trendTarget
	hasLine := line.Text != "" && !line.Suppressed && !math.IsNaN(line.Shown())
	if hasLine && line.Shown() > hi {
		hi = math.Ceil(line.Shown()/20) * 20
	}
	for _, r := range rows {
		for _, v := range append(slices.Clone(r.Vals), r.Target) {
			if s := v.Shown(); !math.IsNaN(s) && s > hi {
				hi = math.Ceil(s/20) * 20
			}
		}
	}
	if d.countUnit {
		top := 0.0
		for _, r := range rows {
			for _, v := range r.Vals {
				if s := v.Shown(); !math.IsNaN(s) {
					top = max(top, s)
				}
			}
		}
		hi = view.CountMax(top)
		step = view.CountStep(hi)
	}
	// Text alternative: every row's figures.
	var alt []string
	for _, r := range rows {
		var parts []string
		for i, v := range r.Vals {
			p := figAlt(v)
			if d.countUnit {
				p = countAlt(v)
			}
			if i < len(series) {
				p = series[i] + " " + p
			}
			parts = append(parts, p)
		}
		if webTarget(r) {
			parts = append(parts, "目標値 "+figAlt(r.Target))
		}
		alt = append(alt, r.Label+"："+strings.Join(parts, "、"))
	}
	if hasLine {
		alt = append(alt, "目標 "+figAlt(line))
	}
	label := Esc(no + "。" + strings.Join(alt, "。"))
	var keys []svgKey
	toned := false // a カルテ: the district's bars coloured by direction (barRow.better)
	for _, r := range rows {
		toned = toned || r.Better != 0 || r.Neutral
	}
	for i, s := range series {
		if toned && i == 0 {
			// Note: colour marks a significant difference only (view.Karte).
			keys = append(keys, svgKey{fill: view.SvgBetter, label: s + "（有意に良い）"}, svgKey{fill: view.SvgWorse, label: s + "（有意に悪い）"},
				svgKey{fill: view.SvgNeutral, label: s + "（有意な差なし）"})
			continue
		}
		keys = append(keys, svgKey{fill: SvgSeries[i%len(SvgSeries)], label: s})
	}
	if slices.ContainsFunc(rows, webTarget) {
		keys = append(keys, svgKey{label: "目標値", target: true})
	}
	if hasLine {
		keys = append(keys, svgKey{label: "目標 " + line.Text, line: true})
	}
	// targetLine draws the dashed target line from y0 to y1 over the bars.
	targetLine := func(x0, areaW, y0, y1 float64) {
		if !hasLine {
			return
		}
		x := x0 + areaW*math.Min(line.Shown(), hi)/hi
		d.w(fmt.Sprintf("<line class=\"target\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n", fnum(x), fnum(y0), fnum(x), fnum(y1), SvgText))
	}
	const barH = 17.0
	// bars draws a row's bars from by, then its target ◆ (the カルテ) over
	// them, then each bar's figure at its end (with a white halo where a
	// ◆ may lie under it).
	bars := func(x0, by, areaW float64, r view.BarRow) {
		ws := make([]float64, len(r.Vals))
		for s, v := range r.Vals {
			if val := v.Shown(); !math.IsNaN(val) {
				ws[s] = areaW * math.Min(val, hi) / hi
				fill := SvgSeries[s%len(SvgSeries)]
				if s == 0 && r.Better > 0 {
					fill = view.SvgBetter
				} else if s == 0 && r.Better < 0 {
					fill = view.SvgWorse
				} else if s == 0 && r.Neutral {
					fill = view.SvgNeutral
				}
				d.svgRect(x0, by+barH*float64(s), ws[s], barH-2, fill, "")
			}
		}
		var tx, tr float64
		if webTarget(r) {
			tx, tr = x0+areaW*math.Min(r.Target.Shown(), hi)/hi, min(9, barH*float64(len(r.Vals))/2-1)
			d.svgDiamond(tx, by+(barH*float64(len(r.Vals))-2)/2, tr)
		}
		for s := range r.Vals {
			x, y, t := x0+ws[s]+4, by+barH*float64(s)+barH-4, d.barValue(r, s)
			if webTarget(r) || hasLine {
				// Note: a figure that would run into the ◆ is set just
				// past it, so that the mark never covers a figure; over
				// a target line it keeps a white halo.
				if half := tr * 0.75; webTarget(r) && x < tx+half+2 && x+SvgTextW(t, SvgFont) > tx-half-2 {
					x = tx + half + 3
				}
				if hasLine {
					// likewise past the target line
					if lx := x0 + areaW*math.Min(line.Shown(), hi)/hi; x < lx+3 && x+SvgTextW(t, SvgFont) > lx-3 {
						x = lx + 4
					}
				}
				d.w(fmt.Sprintf("<text x=\"%s\" y=\"%s\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n", fnum(x), fnum(y), SvgText, Esc(t)))
				continue
			}
			d.svgText(x, y, "", SvgText, t)
		}
	}

	// Wide: labels left of the bars, a scale below.
	x0 := svgLabelW
	areaW := svgW - svgLabelW - svgValueW
	top := d.legend(keys, svgW, 4, false, false)
	if len(keys) == 0 {
		top = 8
	}
	labels := make([][]string, len(rows))
	h := top
	for i, r := range rows {
		labels[i] = SvgWrap(r.Label, svgLabelW-12, SvgFont)
		h += max(barH*float64(nser), float64(len(labels[i]))*svgLineH) + 10
	}
	bottom := h
	h += 24
	d.svgOpen("wide", label, svgW, h)
	d.legend(keys, svgW, 4, false, true)
	for t := 0.0; t <= hi+1e-9; t += step {
		x := x0 + areaW*t/hi
		d.w(fmt.Sprintf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"0.5\"/>", fnum(x), fnum(top), fnum(x), fnum(bottom), svgGrid))
		d.svgText(x, h-6, "middle", SvgText, strconv.FormatFloat(t, 'f', -1, 64))
	}
	targetLine(x0, areaW, top, bottom) // under the bars and their figures
	y := top
	for i, r := range rows {
		rowH := max(barH*float64(nser), float64(len(labels[i]))*svgLineH) + 10
		ly := y + 5 + (rowH-10-float64(len(labels[i]))*svgLineH)/2
		for k, l := range labels[i] {
			d.svgText(x0-6, ly+float64(k)*svgLineH+13, "end", SvgText, l)
		}
		bars(x0, y+5+(rowH-10-barH*float64(nser))/2, areaW, r)
		y += rowH
	}
	d.w("</svg>\n")

	// Narrow: each label on its own lines above its bars, values at the ends.
	nAreaW := svgNarrowW - svgValueW
	top = d.legend(keys, svgNarrowW, 4, true, false)
	if len(keys) == 0 {
		top = 4
	}
	h = top
	for _, r := range rows {
		h += float64(len(SvgWrap(r.Label, svgNarrowW, SvgFont)))*svgLineH + barH*float64(nser) + 12
	}
	d.svgOpen("narrow", label, svgNarrowW, h)
	d.legend(keys, svgNarrowW, 4, true, true)
	y = top
	for _, r := range rows {
		for _, l := range SvgWrap(r.Label, svgNarrowW, SvgFont) {
			d.svgText(0, y+13, "", SvgText, l)
			y += svgLineH
		}
		y += 2
		d.w(fmt.Sprintf("<line x1=\"0.5\" y1=\"%s\" x2=\"0.5\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>", fnum(y), fnum(y+barH*float64(nser)), svgGrid))
		targetLine(1, nAreaW, y-2, y+barH*float64(nser)+2)
		bars(1, y, nAreaW, r)
		y += barH*float64(nser) + 10
	}
	d.w("</svg>\n</figure>\n")
}

// webTarget reports whether a bar row (of the カルテ) has a target to mark.
func webTarget(r view.BarRow) bool {
	return r.Target.Text != "" && !r.Target.Suppressed && !math.IsNaN(r.Target.Shown())
}

// bandLabel is a band's label as printed, with its 参考値 mark.
func bandLabel(r view.BandRow) string {
	if r.Reference {
		return r.Label + "（" + view.MarkReference + "）"
	}
	return r.Label
}

// bandChart draws one 100% stacked band per row, each segment's percentage
// inside it where it fits, a legend, and a <details> table of every figure;
// suppressed rows draw no band and read 秘匿. Wide and narrow.
func (d *WebDoc) bandChart(caption string, heads []string, na bool, rows []view.BandRow, data bool) {
	if len(rows) == 0 || len(heads) == 0 {
		return
	}
	no := d.figureOpen(caption)
	fills := WebBandFills(len(heads), na)
	var alt []string
	for _, r := range rows {
		head := r.Label + "（n=" + r.N.Text + "）"
		if r.Suppressed {
			alt = append(alt, head+"：秘匿")
			continue
		}
		var parts []string
		for i, c := range r.Cells {
			if i < len(heads) {
				parts = append(parts, heads[i]+" "+figAlt(c))
			}
		}
		alt = append(alt, head+"："+strings.Join(parts, "、"))
	}
	label := Esc(no + "。" + strings.Join(alt, "。"))
	keys := make([]svgKey, len(heads))
	for i, hd := range heads {
		keys[i] = svgKey{fill: fills[i], label: hd}
		if fills[i] == SvgNA {
			keys[i].stroke = SvgNALine
		}
	}
	const bandH = 24.0
	band := func(x0, y, areaW float64, r view.BandRow) {
		if r.Suppressed {
			d.svgText(x0+4, y+bandH-7, "", SvgText, view.MarkSuppressed+"（秘匿）")
			return
		}
		x := x0
		above := x0 // the right end of the last label printed above the band
		for j, c := range r.Cells {
			v := c.Shown()
			if j >= len(fills) || math.IsNaN(v) || v <= 0 {
				continue
			}
			w := areaW * math.Min(v, 100) / 100
			if fills[j] == SvgNA {
				d.svgRect(x+0.5, y+0.5, max(w-1, 0), bandH-1, SvgNA, SvgNALine)
			} else {
				d.svgRect(x, y, w, bandH, fills[j], "#ffffff")
			}
			fg := "#ffffff"
			if fills[j] == SvgNA {
				fg = SvgText
			}
			// Note: a segment carries its ▲▼ as the PDF does; a marked
			// segment too narrow for its figure prints figure and mark
			// just above the band, never the mark alone (reader report 5
			// item 4), so a significant cell is never invisible.
			texts := []string{c.Text + "%" + c.Mark, c.Text + c.Mark}
			drawn := false
			for k, t := range texts {
				pad := 6.0
				if k == len(texts)-1 && c.Mark != "" {
					pad = 2
				}
				if SvgTextW(t, SvgFont)+pad <= w {
					d.svgText(x+w/2, y+bandH-7, "middle", fg, t)
					drawn = true
					break
				}
			}
			if !drawn && c.Mark != "" {
				t := c.Text + c.Mark
				tw := SvgTextW(t, SvgFont)
				cx := min(max(x+w/2, above+2+tw/2), x0+areaW-tw/2)
				d.svgText(cx, y-1, "middle", SvgText, t)
				above = cx + tw/2
			}
			x += w
		}
	}

	// Wide: labels left, n after each band.
	x0 := svgLabelW
	areaW := svgW - svgLabelW - 80
	top := d.legend(keys, svgW, 4, false, false)
	labels := make([][]string, len(rows))
	h := top
	for i, r := range rows {
		labels[i] = SvgWrap(bandLabel(r), svgLabelW-12, SvgFont)
		h += max(bandH, float64(len(labels[i]))*svgLineH) + 8
	}
	h += 4
	d.svgOpen("wide", label, svgW, h)
	d.legend(keys, svgW, 4, false, true)
	y := top
	for i, r := range rows {
		rowH := max(bandH, float64(len(labels[i]))*svgLineH) + 8
		ly := y + (rowH-8-float64(len(labels[i]))*svgLineH)/2
		for k, l := range labels[i] {
			d.svgText(x0-6, ly+float64(k)*svgLineH+13, "end", SvgText, l)
		}
		by := y + (rowH-8-bandH)/2
		band(x0, by, areaW, r)
		d.svgText(x0+areaW+6, by+bandH-7, "", SvgText, "n="+r.N.Text)
		y += rowH
	}
	d.w("</svg>\n")

	// Narrow: the label and n on lines above the band, the band full width.
	top = d.legend(keys, svgNarrowW, 4, true, false)
	h = top
	for _, r := range rows {
		h += float64(len(SvgWrap(bandLabel(r)+"（n="+r.N.Text+"）", svgNarrowW, SvgFont)))*svgLineH + bandH + 12
	}
	d.svgOpen("narrow", label, svgNarrowW, h)
	d.legend(keys, svgNarrowW, 4, true, true)
	y = top
	for _, r := range rows {
		for _, l := range SvgWrap(bandLabel(r)+"（n="+r.N.Text+"）", svgNarrowW, SvgFont) {
			d.svgText(0, y+13, "", SvgText, l)
			y += svgLineH
		}
		y += 2
		band(0, y, svgNarrowW, r)
		y += bandH + 10
	}
	d.w("</svg>\n")
	if data {
		d.bandTable(no, heads, rows)
	}
	d.w("</figure>\n")
}

// bandTable is a band chart's figures as a table in a <details> beside it:
// the values of the segments too narrow to print theirs. Its scrolling
// region is focusable and named by the caption, as every table's (a phone
// scrolls a table of many answers sideways: axe's scrollable-region-focusable).
func (d *WebDoc) bandTable(no string, heads []string, rows []view.BandRow) {
	id := "d" + strconv.Itoa(d.fig)
	d.w("<details class=\"data\">\n<summary>数値の表（", Esc(strings.SplitN(no, "　", 2)[0]), "）</summary>\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"", id, "\">\n<table>\n<caption id=\"", id, "\">",
		Esc(no), "（%）</caption>\n<thead><tr><th scope=\"col\">区分</th><th scope=\"col\">n</th>")
	for _, h := range heads {
		d.w("<th scope=\"col\">", Esc(h), "（%）</th>")
	}
	d.w("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		d.w("<tr><th scope=\"row\">", Esc(bandLabel(r)), "</th><td class=\"num\">", Esc(r.N.Text), "</td>")
		for i := range heads {
			t := ""
			switch {
			case r.Suppressed:
				t = view.MarkSuppressed
			case i < len(r.Cells):
				t = r.Cells[i].Text + r.Cells[i].Mark
			}
			d.w("<td class=\"num\">", Esc(t), "</td>")
		}
		d.w("</tr>\n")
	}
	d.w("</tbody>\n</table>\n</div>\n</details>\n")
}

// webStyle is web/style.css. Note: text #191919 and #4a4a4a on white, links
// #0b4f9c, table heads on #e8ecf2: every pair is above 7:1 (AA asks 4.5:1).
// A caption is as wide as its table, so a table wider than a phone cut its
// caption off at the edge of its scrolling region (.scroll): the caption is
// at most as wide as that region (100cqw of the .scroll container; 100vw
// less the page's margins where container units are unknown) and wraps
// within it (reader review 5 item 17).
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
.scroll{overflow-x:auto;margin:.8em 0;container-type:inline-size}
table{border-collapse:collapse;font-size:.92em}
caption{text-align:left;font-weight:bold;padding:.3em 0;max-width:calc(100vw - 2em);max-width:100cqw}
th,td{border:1px solid #969696;padding:.2em .5em;vertical-align:top}
thead th{background:#e8ecf2}
tbody th{text-align:left;font-weight:normal;min-width:7em}
thead th{min-width:5em}
thead th:first-child{min-width:7em}
table.narrow thead th{min-width:3.5em}
table.narrow thead th:first-child,table.narrow tbody th{min-width:0;white-space:nowrap}
table.narrow td:nth-child(2){min-width:7em}
td.num{text-align:right;white-space:nowrap}
td.good{background:#d4e8f5;border-bottom:3px solid #0072B2}
td.bad{background:#fbe0cc;border-bottom:3px dotted #D55E00}
figure{margin:1em 0}
figcaption{font-weight:bold}
svg{max-width:100%;height:auto}
svg.narrow{display:none}
@media (max-width:759.98px){svg.wide{display:none}svg.narrow{display:block}.maplabel{display:none}}
.lead{font-size:1.05em}
.links{padding-left:1.2em}
summary{cursor:pointer;font-weight:bold}
details.data{margin:.4em 0 1em}
details.data summary{font-weight:normal;color:#0b4f9c;text-decoration:underline}
h2.contact{font-size:1.15em;color:#191919;border-bottom:1px solid #969696;margin-top:1em}
main,footer,header{overflow-wrap:break-word}
footer{border-top:1px solid #969696;margin-top:3em;color:#4a4a4a;font-size:.9em}
`
