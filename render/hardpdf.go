package render

import (
	"io"

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
		cols = append(cols, tcol{c.Name, w, 'R'})
	}
	cols = append(cols, tcol{"計（記述数）", w, 'R'})
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
		cols = append(cols, tcol{s, 16, 'R'})
	}
	cols = append(cols, tcol{"計", 12, 'R'}, tcol{"活用できる制度", 58, 'L'}, tcol{"担当部署", contentW - 30 - 16*3 - 12 - 58, 'L'})
	var rows [][]tcell
	for c, cat := range hv.Categories {
		row := []tcell{{text: cat.Name}}
		for _, s := range bs {
			row = append(row, tcell{text: s.Counts[c].Text})
		}
		row = append(row, tcell{text: r.Counts[c].Text, bold: true}, tcell{text: cat.Programs}, tcell{text: cat.Department})
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
		rows = append(rows, pdfCells(c.Name, c.Programs, c.Department))
	}
	d.table(d.tableNo("ハード分類と活用できる制度"), []tcol{{"分類", 36, 'L'}, {"活用できる制度", 94, 'L'}, {"担当部署", contentW - 130, 'L'}}, rows, 8.5)
	d.section("区全体の状況")
	d.hardWard()
	for _, g := range hv.Groups {
		d.section(g)
		d.hardGroup(g)
	}
}
