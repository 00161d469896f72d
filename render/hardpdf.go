package render

import (
	"io"
	"strings"

	"midreview/analyze"
)

// LinkageFile is the path of the urban-development handout inside OUT.
const LinkageFile = "linkage.pdf"

// LinkagePDF writes linkage.pdf: the chapter ソフトとハードの連携 alone, for the
// urban-development side: how to read it and the programs by category, the
// ward's overview, then one section per district that a ward's town-planning
// section can forward as it is.
func LinkagePDF(w io.Writer, v *View, o PDFOptions) error {
	o.linkage = true
	return writePDF(w, v, "", o)
}

// hardIntro is the chapter's first paragraph.
const hardIntro = "区民アンケートの自由記述、団体ヒアリングの意見、取組の振り返りシートの課題のうち、" +
	"空き家や段差、バス、公園、街灯、集会所など、施設や道路といった物理的な対応（ハード）が必要な課題を、" +
	"ハード分類のキーワードで分類しました。一つの記述が複数の分類に入ることがあります。" +
	"記述は個人が特定されないよう氏名・住所などを伏せ字（〇〇）にし、回答者が少ない地区の区民の記述は載せていません。"

// hardSection prints the chapter ソフトとハードの連携: in report.pdf the table
// by district and category, the counts by source (and by year), a chart and
// per category its programs and quotes; in a district handout the district's
// own issues.
func (d *pdfDoc) hardSection() {
	hv := d.v.Hard
	if hv == nil {
		return
	}
	d.section("ソフトとハードの連携")
	d.para(hardIntro, "", 9.5, 0)
	d.down(3)
	if d.district != "" {
		d.hardGroup(d.district)
		return
	}
	d.hardWard()
	for c := range hv.Categories {
		d.hardCategory(c, "", true)
	}
}

// hardWard prints the ward-wide tables and chart.
func (d *pdfDoc) hardWard() {
	hv := d.v.Hard
	cols := []tcol{{"地区", 30, 'L'}}
	w := (contentW - 30) / float64(len(hv.Categories)+1)
	for _, c := range hv.Categories {
		cols = append(cols, tcol{d.phraseHead(c.Name, w, 8), w, 'R'})
	}
	cols = append(cols, tcol{d.phraseHead("計（記述数）", w, 8), w, 'R'})
	var rows [][]tcell
	for _, r := range hv.Rows {
		all := r.Group == analyze.GroupAll
		rows = append(rows, hardCells(r.Group, r, all))
	}
	d.table(d.tableNo("物理的な対応が必要な課題の数（地区別・分類別、件）"), cols, rows, 8)
	d.note("一つの記述が複数の分類に入るため、分類の合計は「計」と一致しません。複数の地区で活動する団体の意見は、それぞれの地区に数えています。")
	d.down(3)
	_, bs := hv.rowOf(analyze.GroupAll)
	var srows [][]tcell
	for _, r := range bs {
		srows = append(srows, hardCells(r.Group, r, false))
	}
	all, _ := hv.rowOf(analyze.GroupAll)
	srows = append(srows, hardCells("計", *all, true))
	scols := append([]tcol{{"出どころ", 30, 'L'}}, cols[1:]...)
	d.table(d.tableNo("出どころ別の課題の数（区全体、件）"), scols, srows, 8)
	d.down(3)
	if len(hv.ByYear) > 0 {
		var yrows [][]tcell
		for _, r := range hv.ByYear {
			yrows = append(yrows, hardCells(r.Group, r, false))
		}
		ycols := append([]tcol{{"年度", 30, 'L'}}, cols[1:]...)
		d.table(d.tableNo("取組の振り返りシートの課題の数（年度別、件）"), ycols, yrows, 8)
		d.down(3)
	}
	var bars []barRow
	for c, cat := range hv.Categories {
		br := barRow{label: cat.Name}
		for _, r := range bs {
			br.vals = append(br.vals, r.Counts[c])
		}
		bars = append(bars, br)
	}
	d.countUnit = true
	d.barChart(d.figNo("分類別・出どころ別の課題の数（区全体、件）"), hv.Sources, bars)
	d.countUnit = false
	d.down(2)
}

// hardSourceHeads are the source labels as narrow column heads, broken
// between words (区民アン / ケート read badly).
var hardSourceHeads = map[string]string{"区民アンケート": "区民\nアンケート", "団体ヒアリング": "団体\nヒアリング", "取組の振り返り": "取組の\n振り返り"}

// hardCells is one table row: the label, each category's count and the total.
func hardCells(label string, r HardRow, bold bool) []tcell {
	cs := []tcell{{text: label, bold: bold, shade: bold}}
	for _, f := range r.Counts {
		cs = append(cs, tcell{text: f.Text, shade: bold})
	}
	return append(cs, tcell{text: r.Total.Text, bold: bold, shade: bold})
}

// hardGroup prints one district group's issues: a sentence with its count,
// the table by category and source with the programs and their department,
// then per category with issues its quotes.
func (d *pdfDoc) hardGroup(g string) {
	hv := d.v.Hard
	r, bs := hv.rowOf(g)
	if r == nil || r.Total.Value == 0 {
		d.para(g+"では、物理的な対応が必要な課題は寄せられていません。", "", 9.5, 0)
		return
	}
	d.para(g+"から寄せられた、物理的な対応が必要な課題は "+r.Total.Text+" 件です。", "", 9.5, 0)
	d.down(2)
	cols := []tcol{{"分類", 30, 'L'}}
	for _, s := range hv.Sources {
		h, ok := hardSourceHeads[s]
		if !ok {
			h = s
		}
		cols = append(cols, tcol{h, 16, 'R'})
	}
	pw, dw := 58.0, contentW-30-16*3-12-58
	cols = append(cols, tcol{"計", 12, 'R'}, tcol{"活用できる制度", pw, 'L'}, tcol{"担当部署", dw, 'L'})
	var rows [][]tcell
	for c, cat := range hv.Categories {
		row := []tcell{{text: d.phraseCell(cat.Name, 30, 8)}}
		for _, s := range bs {
			row = append(row, tcell{text: s.Counts[c].Text})
		}
		row = append(row, tcell{text: r.Counts[c].Text, bold: true}, tcell{text: d.phraseCell(cat.Programs, pw, 8)},
			tcell{text: d.phraseCell(cat.Department, dw, 8)})
		rows = append(rows, row)
	}
	d.table(d.tableNo("分類別の課題の数と活用できる制度（"+g+"、件）"), cols, rows, 8)
	d.down(3)
	for c := range hv.Categories {
		if r.Counts[c].Value > 0 {
			d.hardCategory(c, g, false)
		}
	}
}

// hardCategory prints one category: in the ward chapter a subsection with
// its programs, department and quotes; for a district a heading with the
// district's count and quotes.
func (d *pdfDoc) hardCategory(c int, g string, sub bool) {
	hv := d.v.Hard
	cat := hv.Categories[c]
	r, _ := hv.rowOf(g)
	if g == "" {
		r, _ = hv.rowOf(analyze.GroupAll)
	}
	title := cat.Name + "（" + r.Counts[c].Text + "件）"
	if sub {
		d.subsection(title, 24, false)
		prog := cat.Programs
		if prog == "" {
			prog = "（未記入）"
		}
		dept := cat.Department
		if dept == "" {
			dept = "（未記入）"
		}
		d.para("活用できる制度："+prog, "B", 9, 0)
		d.para("担当部署："+dept, "", 9, 0)
		d.down(2)
	} else {
		d.heading(title, 10)
	}
	var qs []HardQuoteView
	if all := hv.Quotes[g]; all != nil {
		qs = all[c]
	}
	if len(qs) == 0 {
		if r.Counts[c].Value > 0 {
			d.note("載せられる記述はありません（回答者の少ない地区の区民の記述は載せていません）。")
		}
		d.down(2)
		return
	}
	var items []string
	for _, q := range qs {
		items = append(items, "「"+q.Text+"」（"+q.Source+"）")
	}
	d.bullets(items, 9)
	d.down(2)
}

// linkageReport is linkage.pdf: cover, contents, how to read it with the
// programs by category, the ward-wide overview, one section per district.
func (d *pdfDoc) linkageReport() {
	hv := d.v.Hard
	d.coverPage()
	d.contentsPages()
	d.section("この資料について")
	d.para("この資料は、地域福祉保健計画の中間振り返りで地域から寄せられた声のうち、"+
		"物理的な対応（ハード）が必要な課題を地区ごとにまとめたものです。まちづくり・道路・公園・住宅などを担当する部署への情報提供に使えるよう、"+
		"課題ごとに活用できる制度と担当部署を示しています。", "", 9.5, 0)
	d.down(2)
	d.para(hardIntro, "", 9.5, 0)
	d.down(3)
	var rows [][]tcell
	for _, c := range hv.Categories {
		rows = append(rows, pdfCells(d.phraseCell(c.Name, 36, 8.5), d.phraseCell(c.Programs, 94, 8.5), d.phraseCell(c.Department, contentW-130, 8.5)))
	}
	d.table(d.tableNo("ハード分類と活用できる制度"), []tcol{{"分類", 36, 'L'}, {"活用できる制度", 94, 'L'}, {"担当部署", contentW - 130, 'L'}}, rows, 8.5)
	d.section("区全体の状況")
	d.hardWard()
	for _, g := range hv.Groups {
		d.section(g)
		d.hardGroup(g)
	}
}

// countMax is the axis end of a chart of counts (countUnit): the smallest of
// 2, 4, 6, 8, 10, then 20, 25, 40, 50, 60, 80, 100 times a power of ten, at or
// above m.
// Note: niceMax is for percentages and stops at 100, so a ward with more than
// 100 tagged texts in a category drew bars past the axis, and 3 texts drew
// bars a third of the width.
func countMax(m float64) float64 {
	for _, s := range []float64{2, 4, 6, 8, 10} {
		if m <= s {
			return s
		}
	}
	for p := 1.0; ; p *= 10 {
		for _, s := range []float64{20, 25, 40, 50, 60, 80, 100} {
			if m <= s*p {
				return s * p
			}
		}
	}
}

// countStep is the grid step of a count axis ending at scale (countMax).
func countStep(scale float64) float64 {
	if scale <= 4 {
		return 1
	}
	p := 1.0
	for scale/p > 100 {
		p *= 10
	}
	return tickStep(scale/p) * p
}

// phraseLines breaks s before it is wrapped in a table cell of width w: after
// 、 and ・ and at spaces, the places where a Japanese name of a category,
// program or department may break, so that 空き家・空き店舗 reads 空き家・ /
// 空き店舗 and 都市整備局 地域交通課 breaks at the space rather than inside a
// word. Phrases are packed greedily; a phrase wider than w is left to
// wrapText. measure measures in the cell's font.
func phraseLines(s string, w float64, measure func(string) float64) string {
	if measure(s) <= w {
		return s
	}
	var phrases []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '、', '・':
			phrases = append(phrases, string(rs[start:i+1]))
			start = i + 1
		case ' ', '　':
			phrases = append(phrases, string(rs[start:i+1]))
			start = i + 1
		}
	}
	phrases = append(phrases, string(rs[start:]))
	var lines []string
	cur := ""
	for _, p := range phrases {
		if cur != "" && measure(strings.TrimRight(cur+p, " 　")) > w {
			lines = append(lines, strings.TrimRight(cur, " 　"))
			cur = ""
		}
		cur += p
	}
	return strings.Join(append(lines, strings.TrimRight(cur, " 　")), "\n")
}

// phraseHead and phraseCell break a table header or body cell of width w
// (mm, with padding) at phrases (phraseLines) in the font table prints it.
func (d *pdfDoc) phraseHead(s string, w, size float64) string {
	d.font("B", size-0.5)
	return phraseLines(s, w-2*cellPad, d.width)
}

func (d *pdfDoc) phraseCell(s string, w, size float64) string {
	d.font("", size)
	return phraseLines(s, w-2*cellPad, d.width)
}
