package render

import "midreview/analyze"

// The chapter ソフトとハードの連携 on the web pages: the PDF's walk
// (hardpdf.go hardSection) with the public rule for counts. A group under
// 秘匿基準, and its complementary partner, prints x for every count that
// includes residents' texts (区民アンケート and 計); the counts from hearings
// and initiatives' sheets stay, as they count organizations' and the ward's
// own texts (HardRow.Public, analyze.hardSuppress). Quotes are the PDF's:
// masked, never a resident's text from a group under 秘匿基準.

// hardNoteSuppressed explains x in the chapter's tables.
const hardNoteSuppressed = "注）" + MarkSuppressed + "：回答者が少ない地区の区民の記述の数は、個人の特定を避けるため秘匿しています（区民アンケートと、それを含む計）。ほかの地区の数値から逆算できないよう、あわせて秘匿している地区もあります。"

func (d *webDoc) hardSection() {
	hv := d.v.Hard
	if hv == nil {
		return
	}
	d.section("ソフトとハードの連携")
	d.para(hardIntro)
	if d.district != "" {
		d.hardGroup(d.district)
		return
	}
	d.hardWard()
	for c := range hv.Categories {
		d.hardCategory(c, "", true)
	}
}

// hardHeads are the heads of a table of counts: label, categories, 計.
func hardHeads(first string, hv *HardView) []string {
	heads := []string{first}
	for _, c := range hv.Categories {
		heads = append(heads, c.Name+"（件）")
	}
	return append(heads, "計（記述数）（件）")
}

// hardWCells is one public table row: the label, each category's count and
// the total, x when suppressed.
func hardWCells(label string, r HardRow) []wcell {
	r = r.Public()
	cs := []wcell{{text: label}}
	for _, f := range r.Counts {
		cs = append(cs, wnum(f.Text))
	}
	return append(cs, wnum(r.Total.Text))
}

func (d *webDoc) hardWard() {
	hv := d.v.Hard
	var rows [][]wcell
	supp := false
	for _, r := range hv.Rows {
		rows = append(rows, hardWCells(r.Group, r))
		supp = supp || r.Suppressed
	}
	d.table("物理的な対応が必要な課題の数（地区別・分類別、件）", hardHeads("地区", hv), rows)
	d.note("注）一つの記述が複数の分類に入るため、分類の合計は「計」と一致しません。複数の地区で活動する団体の意見は、それぞれの地区に数えています。")
	if supp {
		d.note(hardNoteSuppressed)
	}
	all, bs := hv.rowOf(analyze.GroupAll)
	rows = nil
	for _, r := range bs {
		rows = append(rows, hardWCells(r.Group, r))
	}
	rows = append(rows, hardWCells("計", *all))
	d.table("出どころ別の課題の数（区全体、件）", hardHeads("出どころ", hv), rows)
	if all.Suppressed {
		d.note(hardNoteSuppressed)
	}
	if len(hv.ByYear) > 0 {
		rows = nil
		for _, r := range hv.ByYear {
			rows = append(rows, hardWCells(r.Group, r))
		}
		d.table("取組の振り返りシートの課題の数（年度別、件）", hardHeads("年度", hv), rows)
	}
	var bars []barRow
	for c, cat := range hv.Categories {
		br := barRow{label: cat.Name}
		for _, r := range bs {
			br.vals = append(br.vals, r.Public().Counts[c])
		}
		bars = append(bars, br)
	}
	d.countUnit = true
	d.barChart("分類別・出どころ別の課題の数（区全体、件）", hv.Sources, bars)
	d.countUnit = false
}

// hardGroup is a district page's part: its count, the table by category and
// source with the programs and departments, then the categories' quotes.
func (d *webDoc) hardGroup(g string) {
	hv := d.v.Hard
	r, bs := hv.rowOf(g)
	if r == nil {
		return
	}
	pub := r.Public()
	switch {
	case r.Suppressed:
		d.para(g + "から寄せられた、物理的な対応が必要な課題の数は、区民アンケートの回答者が少ないため秘匿しています（団体ヒアリングと取組の振り返りの数は下の表のとおりです）。")
	case r.Total.Value == 0:
		d.para(g + "では、物理的な対応が必要な課題は寄せられていません。")
		return
	default:
		d.para(g + "から寄せられた、物理的な対応が必要な課題は " + r.Total.Text + " 件です。")
	}
	heads := []string{"分類"}
	for _, s := range hv.Sources {
		heads = append(heads, s+"（件）")
	}
	heads = append(heads, "計（件）", "活用できる制度", "担当部署")
	var rows [][]wcell
	for c, cat := range hv.Categories {
		row := []wcell{{text: cat.Name}}
		for _, s := range bs {
			row = append(row, wnum(s.Public().Counts[c].Text))
		}
		rows = append(rows, append(row, wnum(pub.Counts[c].Text), wcell{text: cat.Programs}, wcell{text: cat.Department}))
	}
	d.table("分類別の課題の数と活用できる制度（"+g+"、件）", heads, rows)
	if r.Suppressed {
		d.note(hardNoteSuppressed)
	}
	for c := range hv.Categories {
		if d.hardShown(r, bs, g, c) {
			d.hardCategory(c, g, false)
		}
	}
}

// hardShown reports whether a district page prints category c of group g:
// in the PDF when it has a text; with the counts x, only when a count that
// is printed or a quote shows it has one, so that a heading never tells
// what the x hides.
func (d *webDoc) hardShown(r *HardRow, bs []HardRow, g string, c int) bool {
	if !r.Suppressed {
		return r.Counts[c].Value > 0
	}
	for _, s := range bs {
		if !s.Suppressed && s.Counts[c].Value > 0 {
			return true
		}
	}
	qs := d.v.Hard.Quotes[g]
	return qs != nil && len(qs[c]) > 0
}

// hardCategory is one category: in the ward chapter a subsection with its
// programs, department and quotes; on a district page a heading with the
// district's count (when printed) and quotes.
func (d *webDoc) hardCategory(c int, g string, sub bool) {
	hv := d.v.Hard
	cat := hv.Categories[c]
	key := g
	if g == "" {
		key = analyze.GroupAll
	}
	r, _ := hv.rowOf(key)
	pub := r.Public()
	title := cat.Name + "（" + pub.Counts[c].Text + "件）"
	if r.Suppressed {
		title = cat.Name
	}
	if sub {
		d.subsection(title)
		prog, dept := cat.Programs, cat.Department
		if prog == "" {
			prog = "（未記入）"
		}
		if dept == "" {
			dept = "（未記入）"
		}
		d.w("<p><strong>", esc("活用できる制度："+prog), "</strong></p>\n")
		d.para("担当部署：" + dept)
	} else {
		d.heading(title)
	}
	var qs []HardQuoteView
	if all := hv.Quotes[g]; all != nil {
		qs = all[c]
	}
	if len(qs) == 0 {
		if r.Counts[c].Value > 0 && !r.Suppressed {
			d.note("載せられる記述はありません（回答者の少ない地区の区民の記述は載せていません）。")
		}
		return
	}
	var items []string
	for _, q := range qs {
		items = append(items, "「"+q.Text+"」（"+q.Source+"）")
	}
	d.list(items)
}
