package render

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// The web version (OUT/web/) is what residents read on the ward's web site:
// the ward report and every district handout as static, accessible HTML
// (JIS X 8341-3, WCAG 2.1 AA). It walks the same View, in the same chapters
// and order, as the PDF handouts (a test compares the headings with the PDF's
// contents), so a new chapter is one more walk here. Pages have no script,
// load nothing from outside the folder, and read with CSS and images off:
// every chart is inline SVG with its figures as a text alternative, and the
// same figures stand in a real table beside it.

// Paths inside web/.
const (
	WebIndex = "index.html"
	WebCSS   = "style.css"
)

// webDistrictFile is the web page of the i-th district (0-based, sheet
// order): districts/NN.html. Note: ASCII names, because the folder goes to a
// web server as it is and a Japanese file name becomes an escaped URL.
func webDistrictFile(i int) string { return fmt.Sprintf("districts/%02d.html", i+1) }

// WebFiles lists the files of web/ in a fixed order: the report page, the
// style sheet, then one page per district, each with its writer.
func WebFiles(v *View) []Output {
	outs := []Output{
		{WebIndex, func(w io.Writer) error { return WebReport(w, v) }},
		{WebCSS, func(w io.Writer) error { _, err := io.WriteString(w, webStyle); return err }},
	}
	for i, d := range v.Districts {
		outs = append(outs, Output{webDistrictFile(i), func(w io.Writer) error { return WebDistrict(w, v, d) }})
	}
	return outs
}

// WebReport writes the ward report's web page (web/index.html).
func WebReport(w io.Writer, v *View) error {
	d := &webDoc{v: v}
	d.page()
	_, err := io.WriteString(w, d.b.String())
	return err
}

// WebDistrict writes one district's web page (web/districts/NN.html).
func WebDistrict(w io.Writer, v *View, district string) error {
	found := false
	for _, x := range v.Districts {
		found = found || x == district
	}
	if !found {
		return fmt.Errorf("render: district %q is not in the view", district)
	}
	d := &webDoc{v: v, district: district, root: "../"}
	d.page()
	_, err := io.WriteString(w, d.b.String())
	return err
}

// webDoc is one web page being written.
type webDoc struct {
	b        strings.Builder
	v        *View
	district string // "" for the ward report
	root     string // relative path to web/ ("" or "../")
	sec, sub int    // section numbers, as the PDF numbers them
	fig, tab int    // figure and table counters
	toc      []string
	body     strings.Builder // <main>'s content, written before the contents list
	// countUnit makes barChart draw counts (件) rather than percentages, as
	// the PDF's does for the hard chapter.
	countUnit bool
}

func esc(s string) string { return html.EscapeString(s) }

// w appends raw HTML to the page body.
func (d *webDoc) w(parts ...string) {
	for _, p := range parts {
		d.body.WriteString(p)
	}
}

// title is the page title (also its h1).
func (d *webDoc) title() string {
	t := d.v.PlanName + " 中間評価 報告書"
	if d.district != "" {
		t += "（" + d.district + "）"
	}
	return t
}

// page writes the whole page: the chapters into body first (numbering them),
// then the frame around them with the contents list.
func (d *webDoc) page() {
	v := d.v
	d.guide()
	if d.district == "" {
		d.render(wardReport(d.v))
	} else {
		d.render(districtReport(d.v, d.district))
	}
	b := &d.b
	b.WriteString("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + esc(d.title()) + "</title>\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"" + d.root + WebCSS + "\">\n</head>\n<body>\n")
	b.WriteString("<header>\n<p class=\"plan\">" + esc(v.Ward) + "　" + esc(v.SurveyName) + "</p>\n")
	b.WriteString("<h1>" + esc(d.title()) + "</h1>\n")
	b.WriteString("<p>基準日：" + esc(v.Date) + "</p>\n")
	if v.Sample {
		b.WriteString("<p class=\"sample\"><strong>サンプルデータ</strong>：架空のデータから作成した見本です。実在の地区・団体・回答者とは関係ありません。</p>\n")
	}
	b.WriteString("</header>\n<nav aria-labelledby=\"toc\">\n<p id=\"toc\" class=\"navtitle\">目次</p>\n<ul class=\"toc\">\n")
	for i, t := range d.toc {
		b.WriteString("<li><a href=\"#s" + strconv.Itoa(i) + "\">" + esc(t) + "</a></li>\n")
	}
	b.WriteString("</ul>\n")
	if d.district == "" && len(v.Districts) > 0 {
		b.WriteString("<p class=\"navtitle\">地区別のページ</p>\n<ul class=\"districts\">\n")
		for i, name := range v.Districts {
			b.WriteString("<li><a href=\"" + webDistrictFile(i) + "\">" + esc(name) + "</a></li>\n")
		}
		b.WriteString("</ul>\n")
	} else if d.district != "" {
		b.WriteString("<p><a href=\"" + d.root + WebIndex + "\">区全体の報告書に戻る</a></p>\n")
	}
	b.WriteString("</nav>\n<main>\n")
	b.WriteString(d.body.String())
	b.WriteString("</main>\n<footer>\n<p>" + esc(v.Ward) + "　" + esc(v.PlanName) + "　" + esc(v.Date) + "現在</p>\n</footer>\n</body>\n</html>\n")
}

// --- structure ---

// section opens a numbered chapter (h2), as the PDF's section does.
func (d *webDoc) section(title string) {
	d.sec++
	d.sub = 0
	d.h2(strconv.Itoa(d.sec) + "　" + title)
}

func (d *webDoc) h2(t string) {
	d.w("<h2 id=\"s", strconv.Itoa(len(d.toc)), "\">", esc(t), "</h2>\n")
	d.toc = append(d.toc, t)
}

// subsection is "4.2 見守り" (h3).
func (d *webDoc) subsection(title string) {
	d.sub++
	d.w("<h3>", esc(strconv.Itoa(d.sec)+"."+strconv.Itoa(d.sub)+"　"+title), "</h3>\n")
}

// heading is a minor heading under a subsection (h4, or h3 directly in a chapter).
func (d *webDoc) heading(s string) {
	if d.sub == 0 {
		d.w("<h3>", esc(s), "</h3>\n")
		return
	}
	d.w("<h4>", esc(s), "</h4>\n")
}

func (d *webDoc) para(s string) {
	if s != "" {
		d.w("<p>", esc(s), "</p>\n")
	}
}

func (d *webDoc) note(s string) {
	if s != "" {
		d.w("<p class=\"note\">", esc(s), "</p>\n")
	}
}

func (d *webDoc) list(items []string) {
	if len(items) == 0 {
		return
	}
	d.w("<ul>\n")
	for _, it := range items {
		d.w("<li>", esc(it), "</li>\n")
	}
	d.w("</ul>\n")
}

// finding prints a passage's lines (the findings text, or staff wording).
func (d *webDoc) finding(lines []string) {
	if len(lines) == 0 {
		return
	}
	d.w("<div class=\"finding\">\n")
	for _, l := range lines {
		d.w("<p>", esc(l), "</p>\n")
	}
	d.w("</div>\n")
}

// A wcell is one table cell; the first cell of a row is its header.
type wcell struct {
	text string
	num  bool // right-aligned figure
	tone int  // Cell.Tone: +1 better than the ward (class good), −1 worse (bad)
}

// table writes a captioned table: heads across (th scope=col), each row led
// by its header cell (th scope=row). Columns after the first whose head ends
// in a unit are figures.
func (d *webDoc) table(caption string, heads []string, rows [][]wcell) {
	if len(rows) == 0 {
		return
	}
	d.tab++
	id := "t" + strconv.Itoa(d.tab)
	d.w("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"", id, "\">\n<table>\n")
	d.w("<caption id=\"", id, "\">表", strconv.Itoa(d.tab), "　", esc(caption), "</caption>\n<thead><tr>")
	for _, h := range heads {
		d.w("<th scope=\"col\">", esc(h), "</th>")
	}
	d.w("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		d.w("<tr>")
		for i, c := range r {
			text := c.text
			if i == 0 {
				if text == "" {
					text = "－"
				}
				d.w("<th scope=\"row\">", esc(text), "</th>")
				continue
			}
			if tone := toneClass(c.tone); tone != "" {
				d.w("<td class=\"num ", tone, "\" title=\"", toneWords[tone], "\">", esc(text), "</td>")
			} else if c.num {
				d.w("<td class=\"num\">", esc(text), "</td>")
			} else {
				d.w("<td>", esc(text), "</td>")
			}
		}
		d.w("</tr>\n")
	}
	d.w("</tbody>\n</table>\n</div>\n")
}

// wnum is a figure cell.
func wnum(s string) wcell { return wcell{text: s, num: true} }

// --- chapters: walked in the PDF's order by chapters.go ---

func (d *webDoc) guide() {
	d.h2("報告書の見方")
	if d.v.NoSurvey {
		d.list(progressGuideItems(d.v.Progress, false))
	} else {
		d.list(guideItems(d.v))
	}
	if d.v.Sample {
		d.para("この報告書はサンプルデータ（架空のデータ）から作成した見本です。実在の地区・団体・回答者とは関係ありません。")
	}
}

// noteGroups writes hearing comment groups: the theme once, then each
// district's comments.
func (d *webDoc) noteGroups(groups []CommentGroup) {
	for i, g := range groups {
		if i == 0 || g.Theme != groups[i-1].Theme {
			d.w("<p class=\"group\"><strong>テーマ：", esc(g.Theme), "</strong></p>\n")
		}
		if g.District != "" {
			d.w("<p class=\"group\">［", esc(g.District), "］</p>\n")
		}
		d.list(g.Items)
	}
}

func (d *webDoc) view() *View { return d.v }

// toneClass is the class of a district's figure better (good) or worse (bad)
// than the ward's by its direction; "" for neither.
func toneClass(t int) string {
	switch {
	case t > 0:
		return "good"
	case t < 0:
		return "bad"
	}
	return ""
}

// toneWords say what a tone's colour means (the cell's title).
var toneWords = map[string]string{"good": "全体より良い", "bad": "全体より悪い"}
