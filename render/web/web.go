package web

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"midreview/render/view"
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
	// OpendataReadme is opendata/'s index: the terms of use, the date, the
	// suppression rule and every file's columns (opendata.go).
	OpendataReadme = "README.txt"
)

// WebOptions say what the run writes beside web/: the pages link to
// opendata/ with relative paths, so that the links work wherever the folders
// go, and say where the printed handouts can be seen.
//
// Note: the pages never link the handouts (report.pdf, districts/*.pdf).
// They are the committees' (spec outputs.md: what goes to the public is
// web/ and opendata/) and print what the public files withhold: the
// organizations' names (with 団体名の公開 しない) and the hard chapter's
// counts of a district under 秘匿基準. Even with 団体名の公開 する the
// second holds, so no setting makes a link safe (reader review 5 item 15).
type WebOptions struct {
	Handouts bool // report.pdf and districts/NN_地区名.pdf are made (format pdf): the pages say where the printed ones are seen
	Opendata bool // opendata/ with its README.txt (format opendata)
}

// WebDistrictFile is the web page of the i-th district (0-based, sheet
// order): districts/NN.html. Note: ASCII names, because the folder goes to a
// web server as it is and a Japanese file name becomes an escaped URL.
func WebDistrictFile(i int) string { return fmt.Sprintf("districts/%02d.html", i+1) }

// WebFiles lists the files of web/ in a fixed order: the report page, the
// style sheet, then one page per district, each with its writer.
func WebFiles(v *view.View, o WebOptions) []view.Output {
	outs := []view.Output{
		{Path: WebIndex, Write: func(w io.Writer) error { return webPage(w, v, "", o) }},
		{Path: WebCSS, Write: func(w io.Writer) error { _, err := io.WriteString(w, webStyle); return err }},
	}
	for i, d := range v.Districts {
		outs = append(outs, view.Output{Path: WebDistrictFile(i), Write: func(w io.Writer) error { return webPage(w, v, d, o) }})
	}
	return outs
}

// WebReport writes the ward report's web page (web/index.html), linking to
// nothing beside web/.
func WebReport(w io.Writer, v *view.View) error { return webPage(w, v, "", WebOptions{}) }

// WebDistrict writes one district's web page (web/districts/NN.html),
// linking to nothing beside web/.
func WebDistrict(w io.Writer, v *view.View, district string) error {
	return webPage(w, v, district, WebOptions{})
}

// webPage writes the ward's page (district "") or a district's.
func webPage(w io.Writer, v *view.View, district string, o WebOptions) error {
	idx := -1
	for i, x := range v.Districts {
		if x == district {
			idx = i
		}
	}
	if district != "" && idx < 0 {
		return fmt.Errorf("render: district %q is not in the view", district)
	}
	d := &WebDoc{v: v, district: district, opt: o}
	if district != "" {
		d.root = "../"
	}
	d.page()
	_, err := io.WriteString(w, d.b.String())
	return err
}

// WebDoc is one web page being written.
type WebDoc struct {
	b        strings.Builder
	v        *view.View
	district string // "" for the ward report
	opt      WebOptions
	root     string // relative path to web/ ("" or "../")
	sec, sub int    // section numbers, as the PDF numbers them
	fig, tab int    // figure and table counters
	toc      []string
	Body     strings.Builder // <main>'s content, written before the contents list
	// countUnit makes barChart draw counts (件) rather than percentages, as
	// the PDF's does for the hard chapter.
	countUnit bool
	// narrow marks the next table as a Table.Narrow one.
	narrow bool
	// trendTarget is the target of the indicator history barChart draws
	// (FigTrend): a dashed line; blank for every other chart.
	trendTarget view.Fig
}

func Esc(s string) string { return html.EscapeString(s) }

// w appends raw HTML to the page body.
func (d *WebDoc) w(parts ...string) {
	for _, p := range parts {
		d.Body.WriteString(p)
	}
}

// title is the page title (also its h1).
func (d *WebDoc) title() string {
	t := d.v.PlanName + " 中間振り返り 報告書"
	if d.district != "" {
		t += "（" + d.district + "）"
	}
	return t
}

// out is the relative path from this page to OUT/ (web/'s parent), where
// opendata/ is published.
func (d *WebDoc) out() string { return d.root + "../" }

// HandoutWhere is where the printed handout of the ward's page (district "")
// or of a district's page can be seen: the ward office's and the 区社協's
// counters, as the footer says under 問い合わせ先 (WebOptions.Handouts).
func HandoutWhere(ward, district string) string {
	what := "この報告書の印刷版（委員会の資料）"
	if district != "" {
		what = "この報告書の印刷版（" + district + "の地区別資料）"
	}
	return what + "は、" + ward + "役所と" + ward + "社会福祉協議会の窓口でご覧いただけます。"
}

// Ids of the page's fixed parts, linked from the top of the page.
const (
	WebMethodsID = "methods"
	WebContactID = "contact"
)

// lead is the page's opening paragraph: what the page is, and where the
// findings, the survey's description and the methods are.
func (d *WebDoc) lead() string {
	v := d.v
	if v.NoSurvey {
		s := "この報告書は、" + v.PlanName + "の取組の振り返りをまとめたものです（この年度はアンケート調査を行っていません）。"
		if d.district != "" {
			s = "この報告書は、" + v.PlanName + "の取組の振り返りのうち、" + d.district + "の分をまとめたものです。"
		}
		return s + "数値の見方は、ページの最後の「報告書の見方」にあります。"
	}
	if d.district != "" {
		return "この報告書は、" + v.PlanName + "の中間振り返りのために行った" + v.SurveyName + "の結果のうち、" + d.district +
			"の結果をまとめたものです。はじめに地区の特徴（地区カルテ）を、続いて指標とテーマ別の結果を載せています。調査の方法と数値の見方は、ページの最後にあります。"
	}
	s := "この報告書は、" + v.PlanName + "の中間振り返りのために行った" + v.SurveyName + "の結果をまとめたものです。"
	if v.Overview.Summary != "" {
		s += v.Overview.Summary + "でした。"
	}
	return s + "はじめに結果の概要を、続いて指標、テーマ別、地区別の結果を載せています。調査の方法と数値の見方は、ページの最後にあります。"
}

// page writes the whole page: the chapters into body first (numbering them),
// then the frame around them: the title, the lead and links to the page's
// closing parts (調査の概要, 報告書の見方, the open data, the contact), the
// contents, the chapters, and the contact in the footer.
func (d *WebDoc) page() {
	v := d.v
	bs := view.WebReport(v, d.district)
	d.render(bs)
	d.guide(bs)
	b := &d.b
	b.WriteString("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + Esc(d.title()) + "</title>\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"" + d.root + WebCSS + "\">\n</head>\n<body>\n")
	plan := v.Ward
	if v.SurveyName != "" {
		plan += "　" + v.SurveyName
	}
	b.WriteString("<header>\n<p class=\"plan\">" + Esc(plan) + "</p>\n")
	b.WriteString("<h1>" + Esc(d.title()) + "</h1>\n")
	b.WriteString("<p class=\"lead\">" + Esc(d.lead()) + "</p>\n")
	b.WriteString("<p>基準日：" + Esc(v.Date) + "</p>\n")
	if v.Sample {
		b.WriteString("<p class=\"sample\"><strong>サンプルデータ</strong>：架空のデータから作成した見本です。実在の地区・団体・回答者とは関係ありません。</p>\n")
	}
	if v.InputErrors > 0 {
		// Note: every output of a run with -allow-errors says so (inputs.md
		// section 6), in the PDF cover's words.
		b.WriteString("<p class=\"sample\"><strong>暫定版</strong>：" + Esc(v.InputErrorsText()) + "</p>\n")
	}
	b.WriteString("<ul class=\"links\">\n")
	for i, t := range d.toc {
		if strings.HasSuffix(t, "調査の概要") {
			b.WriteString("<li><a href=\"#s" + strconv.Itoa(i) + "\">調査の概要</a></li>\n")
		}
	}
	b.WriteString("<li><a href=\"#" + WebMethodsID + "\">報告書の見方（数値の見方・集計の方法）</a></li>\n")
	if d.opt.Opendata {
		b.WriteString("<li><a href=\"" + d.out() + "opendata/" + OpendataReadme + "\">オープンデータ（CSV）と利用条件</a></li>\n")
	}
	b.WriteString("<li><a href=\"#" + WebContactID + "\">問い合わせ先</a></li>\n</ul>\n")
	b.WriteString("</header>\n<nav aria-labelledby=\"toc\">\n<details>\n<summary id=\"toc\" class=\"navtitle\">目次</summary>\n<ul class=\"toc\">\n")
	for i, t := range d.toc {
		b.WriteString("<li><a href=\"#s" + strconv.Itoa(i) + "\">" + Esc(t) + "</a></li>\n")
	}
	b.WriteString("<li><a href=\"#" + WebMethodsID + "\">報告書の見方</a></li>\n</ul>\n</details>\n")
	if d.district == "" && len(v.Districts) > 0 {
		b.WriteString("<p class=\"navtitle\">地区別のページ</p>\n<ul class=\"districts\">\n")
		for i, name := range v.Districts {
			b.WriteString("<li><a href=\"" + WebDistrictFile(i) + "\">" + Esc(name) + "</a></li>\n")
		}
		b.WriteString("</ul>\n")
	} else if d.district != "" {
		b.WriteString("<p><a href=\"" + d.root + WebIndex + "\">区全体の報告書に戻る</a></p>\n")
	}
	b.WriteString("</nav>\n<main>\n")
	b.WriteString(d.Body.String())
	b.WriteString("</main>\n<footer>\n")
	d.contact()
	b.WriteString("<p>" + Esc(v.Ward) + "　" + Esc(v.PlanName) + "　" + Esc(v.Date) + "現在</p>\n</footer>\n</body>\n</html>\n")
}

// contact writes the footer's 問い合わせ先 (設定 問い合わせ先, or the ward
// when it is not given), where the printed handout can be seen when the run
// makes one, and, when opendata/ is published, its terms.
func (d *WebDoc) contact() {
	v, b := d.v, &d.b
	b.WriteString("<h2 id=\"" + WebContactID + "\" class=\"contact\">問い合わせ先</h2>\n<p>")
	if len(v.Contact) == 0 {
		b.WriteString(Esc("この報告書についてのお問い合わせは、" + v.Ward + "の担当窓口へお寄せください。"))
	}
	for i, l := range v.Contact {
		if i > 0 {
			b.WriteString("<br>")
		}
		b.WriteString(Esc(l))
	}
	b.WriteString("</p>\n")
	if d.opt.Handouts {
		b.WriteString("<p>" + Esc(HandoutWhere(v.Ward, d.district)) + "</p>\n")
	}
	if d.opt.Opendata {
		b.WriteString("<p>この報告書の数値は<a href=\"" + d.out() + "opendata/" + OpendataReadme + "\">オープンデータ（CSV）</a>としても公開しています（利用条件：" +
			Esc(view.LicenseName(v.License)) + "）。</p>\n")
	}
}

// --- structure ---

// section opens a numbered chapter (h2), as the PDF's section does.
func (d *WebDoc) section(title string) {
	d.sec++
	d.sub = 0
	d.h2(strconv.Itoa(d.sec) + "　" + title)
}

func (d *WebDoc) h2(t string) {
	d.w("<h2 id=\"s", strconv.Itoa(len(d.toc)), "\">", Esc(t), "</h2>\n")
	d.toc = append(d.toc, t)
}

// subsection is "4.2 見守り" (h3).
func (d *WebDoc) subsection(title string) {
	d.sub++
	d.w("<h3>", Esc(strconv.Itoa(d.sec)+"."+strconv.Itoa(d.sub)+"　"+title), "</h3>\n")
}

// heading is a minor heading under a subsection (h4, or h3 directly in a chapter).
func (d *WebDoc) heading(s string) {
	if d.sub == 0 {
		d.w("<h3>", Esc(s), "</h3>\n")
		return
	}
	d.w("<h4>", Esc(s), "</h4>\n")
}

func (d *WebDoc) para(s string) {
	if s != "" {
		d.w("<p>", Esc(s), "</p>\n")
	}
}

func (d *WebDoc) note(s string) {
	if s != "" {
		d.w("<p class=\"note\">", Esc(s), "</p>\n")
	}
}

func (d *WebDoc) list(items []string) {
	if len(items) == 0 {
		return
	}
	d.w("<ul>\n")
	for _, it := range items {
		d.w("<li>", Esc(it), "</li>\n")
	}
	d.w("</ul>\n")
}

// finding prints a passage's lines (the findings text, or staff wording).
func (d *WebDoc) finding(lines []string) {
	if len(lines) == 0 {
		return
	}
	d.w("<div class=\"finding\">\n")
	for _, l := range lines {
		d.w("<p>", Esc(l), "</p>\n")
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
func (d *WebDoc) table(caption string, heads []string, rows [][]wcell) {
	if len(rows) == 0 {
		return
	}
	d.tab++
	id := "t" + strconv.Itoa(d.tab)
	open := "<table>"
	if d.narrow {
		open = "<table class=\"narrow\">"
	}
	d.w("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"", id, "\">\n", open, "\n")
	d.w("<caption id=\"", id, "\">表", strconv.Itoa(d.tab), "　", Esc(caption), "</caption>\n<thead><tr>")
	for _, h := range heads {
		d.w("<th scope=\"col\">", Esc(h), "</th>")
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
				d.w("<th scope=\"row\">", Esc(text), "</th>")
				continue
			}
			if tone := toneClass(c.tone); tone != "" {
				d.w("<td class=\"num ", tone, "\" title=\"", toneWords[tone], "\">", Esc(text), "</td>")
			} else if c.num {
				d.w("<td class=\"num\">", Esc(text), "</td>")
			} else {
				d.w("<td>", Esc(text), "</td>")
			}
		}
		d.w("</tr>\n")
	}
	d.w("</tbody>\n</table>\n</div>\n")
}

// wnum is a figure cell.
func wnum(s string) wcell { return wcell{text: s, num: true} }

// --- chapters: walked in the PDF's order by chapters.go ---

// guide is the page's closing 報告書の見方: how to read the figures and
// marks, and how the differences were judged — the one place of the page
// that names the statistical tests (the chapters say 高い・低い and
// 統計的に有意 in plain words).
func (d *WebDoc) guide(bs []view.Block) {
	v := d.v
	d.w("<h2 id=\"", WebMethodsID, "\">報告書の見方</h2>\n")
	if v.NoSurvey {
		d.list(view.ProgressGuideItems(v.Progress, false))
	} else {
		d.para("数値の見方と集計の方法です。調査の対象・方法・回収状況と集計の設定は「調査の概要」にあります。")
		d.list(webGuideItems(v, bs))
	}
	if v.Sample {
		d.para("この報告書はサンプルデータ（架空のデータ）から作成した見本です。実在の地区・団体・回答者とは関係ありません。")
	}
}

// webGuideItems are the handouts' notes on reading the report (guideItems)
// as the web prints them: without the PDF's note that its charts survive a
// black-and-white copy (the web's charts carry their figures as text
// instead), and with what 統計的に有意 means and how it is tested.
func webGuideItems(v *view.View, bs []view.Block) []string {
	var out []string
	for _, it := range view.GuideItems(v, bs, view.Web) {
		if !strings.Contains(it, "白黒で複写") {
			out = append(out, it)
		}
	}
	alpha := v.AlphaText()
	return append(out,
		"「統計的に有意」とは、調査で選ばれた一部の方の回答から見て、偶然のばらつきでは説明しにくい差があることをいいます。差が偶然に生じる確率が "+alpha+"（"+percentOf(alpha)+"）より小さいとき、偶然とは考えにくい差としています。",
		v.SurveyWords().Baseline.Name+"との比較の「*」は、"+v.SurveyWords().Baseline.Name+"との差が偶然とは考えにくいことを示します。",
		"図の棒や帯には、それぞれの数値を文字で添えています。帯の中に数値が入りきらない区分の数値は、図の下の表（「数値の表」を開く）でご覧ください。",
	)
}

// percentOf writes a significance level as a percentage: 0.05 → 5%.
func percentOf(alpha string) string {
	f, err := strconv.ParseFloat(alpha, 64)
	if err != nil {
		return alpha
	}
	return strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
}

// noteGroups writes hearing comment groups: the theme once, then each
// district's comments.
func (d *WebDoc) noteGroups(groups []view.CommentGroup) {
	for i, g := range groups {
		if i == 0 || g.Theme != groups[i-1].Theme {
			d.w("<p class=\"group\"><strong>テーマ：", Esc(g.Theme), "</strong></p>\n")
		}
		if g.District != "" {
			d.w("<p class=\"group\">［", Esc(g.District), "］</p>\n")
		}
		d.list(g.Items)
	}
}

func (d *WebDoc) view() *view.View { return d.v }

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

// toneWords say what a tone's colour means (the cell's title): a district
// table colours only a significant difference from the rest of the ward.
var toneWords = map[string]string{"good": "区内の他の地区より有意に良い", "bad": "区内の他の地区より有意に悪い"}
