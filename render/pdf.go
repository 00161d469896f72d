package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"midreview/analyze"
)

// Page geometry of the handouts, in millimetres (A4 portrait).
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 18.0
	marginR  = 18.0
	contentT = 22.0 // first content line, below the running header
	contentB = pageH - 18.0
	contentW = pageW - marginL - marginR

	ptMM = 25.4 / 72 // one point in millimetres
)

// fontFamily is the fpdf family name of the Japanese font. fpdf names the font
// "utf8"+family in the PDF; fixFontNames replaces that by a subset name.
const fontFamily = "midreviewjapanesegothic"

// Grays and the one accent (dark blue) used everywhere; charts rely on lightness
// and hatching, not hue, so they survive black-and-white photocopies.
var (
	colText  = [3]int{25, 25, 25}
	colMuted = [3]int{95, 95, 95}
	colRule  = [3]int{150, 150, 150}
	colGrid  = [3]int{215, 215, 215}
	colHead  = [3]int{232, 236, 242}
	colDark  = [3]int{31, 56, 100}
)

// PDF writes the ward-wide committee handout (report.pdf) for v to w.
func PDF(w io.Writer, v *View, o PDFOptions) error {
	return writePDF(w, v, "", o)
}

// DistrictPDF writes the handout of one district (districts/NN_地区名.pdf):
// that district beside 全体 for every question, its indicators, hearings and
// comments.
func DistrictPDF(w io.Writer, v *View, district string, o PDFOptions) error {
	found := false
	for _, d := range v.Districts {
		found = found || d == district
	}
	if !found {
		return fmt.Errorf("render: district %q is not in the view", district)
	}
	return writePDF(w, v, district, o)
}

// Note: the handout is rendered in one pass. The contents pages are reserved
// first and filled in at the end, and the page numbers ("3 / 42") are printed
// on every page at the end too, when the page count is known (finish). Only
// when the contents need more pages than reserved is the handout rendered
// again, with that many reserved. One pass matters: every fpdf document parses
// the Japanese font anew (fpdf offers no way to share a parsed font between
// documents), and that parse is most of the cost of a handout.
func writePDF(w io.Writer, v *View, district string, o PDFOptions) error {
	if o.FontRegular == nil {
		r, b, ok := EmbeddedFont()
		if !ok {
			return &NoFontError{}
		}
		o.FontRegular, o.FontBold = r, b
	}
	if o.FontBold == nil {
		o.FontBold = o.FontRegular
	}
	for _, f := range [][]byte{o.FontRegular, o.FontBold} {
		if err := checkTrueType(f); err != nil {
			return fmt.Errorf("render: pdf font: %w", err)
		}
	}
	tocPages := 1
	for {
		d, err := renderPDF(v, district, o, tocPages)
		if err != nil {
			return err
		}
		if need := (len(d.toc) + tocPerPage - 1) / tocPerPage; need > tocPages {
			tocPages = need
			continue
		}
		if err := d.finish(); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := d.p.Output(&buf); err != nil {
			return fmt.Errorf("render: pdf: %w", err)
		}
		_, err = w.Write(fixFontNames(buf.Bytes(), o))
		return err
	}
}

// tocPerPage is how many entries one contents page holds.
const tocPerPage = 38

// A tocEntry is one line of the contents.
type tocEntry struct {
	level int
	title string
	page  int
}

// pdfDoc is one rendering pass of a handout.
type pdfDoc struct {
	p        *fpdf.Fpdf
	v        *View
	district string // "" for the ward report
	toc      []tocEntry
	tocPages int     // contents pages reserved after the cover
	land     []bool  // land[i] reports whether page i+1 is landscape
	dy       float64 // added to every y while finish draws on an earlier page
	fig, tab int     // figure and table counters
	sec      int     // level-1 section counter
	sub      int     // level-2 counter within the section
	cover    bool
	wantLand bool // new pages are landscape (a wide crosstab is being printed)
	linkage  bool // linkage.pdf: the chapter ソフトとハードの連携 alone
	// countUnit makes barChart's axis read 件 rather than % (hard.go's counts).
	countUnit bool
}

func renderPDF(v *View, district string, o PDFOptions, tocPages int) (d *pdfDoc, err error) {
	defer func() {
		if r := recover(); r != nil {
			// Note: the stack goes into the error, so that a bug's panic is still traceable.
			err = fmt.Errorf("render: pdf: %v\n%s", r, debug.Stack())
		}
	}()
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	p.SetCatalogSort(true)
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", v.DateISO); err == nil {
		date = t
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.AddUTF8FontFromBytes(fontFamily, "", o.FontRegular)
	p.AddUTF8FontFromBytes(fontFamily, "B", o.FontBold)
	p.SetFont(fontFamily, "", 10)
	if p.Err() {
		return nil, fmt.Errorf("render: pdf font: %w", p.Error())
	}
	title := v.PlanName + " 中間評価 報告書"
	if o.linkage {
		title = v.PlanName + " ソフトとハードの連携"
	}
	if district != "" {
		title += "（" + district + "）"
	}
	p.SetTitle(title, true)
	p.SetSubject(v.SurveyName, true)
	p.SetAuthor(v.Ward, true)
	p.SetCreator("midreview", false)
	p.SetProducer("midreview", false)
	p.SetLang("ja")
	p.SetMargins(marginL, contentT, marginR)
	p.SetAutoPageBreak(false, 0)
	d = &pdfDoc{p: p, v: v, district: district, tocPages: tocPages, linkage: o.linkage}
	p.SetHeaderFunc(d.header)

	switch {
	case d.linkage:
		d.linkageReport()
	case district == "":
		d.coverPage()
		d.contentsPages()
		d.guidePage()
		writeWardReport(d)
	default:
		d.coverPage()
		d.contentsPages()
		d.guidePage()
		writeDistrictReport(d)
	}
	if p.Err() {
		return nil, fmt.Errorf("render: pdf: %w", p.Error())
	}
	return d, nil
}

// fixFontNames renames fpdf's font names ("utf8"+family) to subset names with a
// tag ("MRVREG+BIZUDPGothic-Regular") as PDF readers and pdffonts expect of a
// subset font. Note: the replacement keeps every byte offset (names are padded
// with spaces inside the dictionary), so the cross-reference table stays valid.
func fixFontNames(pdf []byte, o PDFOptions) []byte {
	for _, f := range []struct {
		key, tag string
		font     []byte
		fallback string
	}{
		{"utf8" + fontFamily, "MRVREG+", o.FontRegular, "JPGothic"},
		{"utf8" + fontFamily + "B", "MRVBLD+", o.FontBold, "JPGothic-Bold"},
	} {
		name := postScriptName(f.font)
		if name == "" || len(f.tag)+len(name) > len(f.key) {
			name = f.fallback
		}
		repl := f.tag + name + strings.Repeat(" ", len(f.key)-len(f.tag)-len(name))
		for _, k := range []string{"/BaseFont /", "/FontName /"} {
			pdf = bytes.ReplaceAll(pdf, []byte(k+f.key+"\n"), []byte(k+repl+"\n"))
		}
	}
	return pdf
}

// postScriptName returns the PostScript name (name ID 6) of a TrueType font when
// it is plain ASCII letters, digits and hyphens, else "".
func postScriptName(font []byte) string {
	ts, err := fontTables(font, 0)
	if err != nil {
		return ""
	}
	for _, n := range fontNames(font, ts, 6) {
		ok := n != ""
		for _, r := range n {
			ok = ok && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
		}
		if ok {
			return n
		}
	}
	return ""
}

// --- page furniture ---

func (d *pdfDoc) header() {
	p := d.p
	pw, _ := p.GetPageSize()
	if d.v.Sample {
		d.font("B", 9)
		label := "サンプルデータ"
		w := d.width(label) + 4
		d.fill(colDark)
		p.Rect(pw-marginR-w, 8, w, 5.6, "F")
		d.color([3]int{255, 255, 255})
		d.textAt(pw-marginR-w/2, 10.8, label, 'C')
	}
	if d.cover {
		return
	}
	d.font("", 8)
	d.color(colMuted)
	left := d.v.PlanName
	if d.district != "" {
		left += "　｜　" + d.district
	}
	if d.linkage {
		left += "　｜　ソフトとハードの連携"
	}
	d.textAt(marginL, 10.8, fitText(left, pw-marginL-marginR-40, d.width), 'L')
	d.draw(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginL, 15, pw-marginR, 15)
	d.color(colText)
}

// finish prints the contents and, on every page but the cover, the page
// number with the page count, going back to each page.
// Note: fpdf maps y to the page with the height of the last page added, and
// its font and colour state is that of the last drawing, not of the page gone
// back to; so finish shifts y by d.dy and sets font and colours afresh on
// every page.
func (d *pdfDoc) finish() (err error) {
	defer func() {
		if r := recover(); r != nil {
			// Note: the stack goes into the error, so that a bug's panic is still traceable.
			err = fmt.Errorf("render: pdf: %v\n%s", r, debug.Stack())
		}
	}()
	p := d.p
	last := p.PageCount()
	_, curH := p.GetPageSize()
	for pg := 2; pg <= last; pg++ {
		pw, ph := pageW, pageH
		if pg-1 < len(d.land) && d.land[pg-1] {
			pw, ph = pageH, pageW
		}
		p.SetPage(pg)
		d.dy = curH - ph
		p.SetFont(fontFamily, "", 1) // forces the next SetFont into this page
		d.font("", 8)
		d.fill([3]int{255, 255, 255})
		d.color(colMuted)
		d.textAt(pw/2, ph-10, strconv.Itoa(pg)+" / "+strconv.Itoa(last), 'C')
		d.color(colText)
		if pg-2 < d.tocPages {
			d.contentsEntries(pg - 2)
		}
	}
	p.SetPage(last)
	d.dy = 0
	if p.Err() {
		return fmt.Errorf("render: pdf: %w", p.Error())
	}
	return nil
}

// newPage starts a page, landscape while d.wantLand is set and portrait
// otherwise, and puts the cursor at the top of the content.
func (d *pdfDoc) newPage() {
	if d.wantLand {
		d.p.AddPageFormat("L", d.p.GetPageSizeStr("A4"))
	} else {
		d.p.AddPage()
	}
	d.cover = false
	d.land = append(d.land, d.wantLand)
	d.p.SetXY(marginL, contentT)
}

// landscape reports whether the current page is landscape.
func (d *pdfDoc) landscape() bool {
	w, h := d.p.GetPageSize()
	return w > h
}

// contentBottom is the lowest y of the content area on the current page.
func (d *pdfDoc) contentBottom() float64 {
	_, h := d.p.GetPageSize()
	return h - (pageH - contentB)
}

// need starts a new page unless h millimetres are left on this one. It also
// starts one when the page's orientation is not the wanted one, so that what
// follows a landscape table goes back to portrait pages.
// Note: only wide tables (crosstab) go on landscape pages; text, charts and
// every other table are laid out for the portrait width.
func (d *pdfDoc) need(h float64) {
	if d.landscape() != d.wantLand || d.y()+h > d.contentBottom() {
		d.newPage()
	}
}

func (d *pdfDoc) y() float64     { return d.p.GetY() }
func (d *pdfDoc) setY(y float64) { d.p.SetXY(marginL, y) }
func (d *pdfDoc) down(h float64) { d.setY(d.y() + h) }

func (d *pdfDoc) font(style string, size float64) { d.p.SetFont(fontFamily, style, size) }
func (d *pdfDoc) width(s string) float64          { return d.p.GetStringWidth(s) }
func (d *pdfDoc) color(c [3]int)                  { d.p.SetTextColor(c[0], c[1], c[2]) }
func (d *pdfDoc) fill(c [3]int)                   { d.p.SetFillColor(c[0], c[1], c[2]) }
func (d *pdfDoc) draw(c [3]int)                   { d.p.SetDrawColor(c[0], c[1], c[2]) }

// fontMM is the current font size in millimetres.
func (d *pdfDoc) fontMM() float64 { _, u := d.p.GetFontSize(); return u }

// textAt prints one line of s with its vertical middle at yMid, left-aligned at
// x, right-aligned to x or centred on x (align 'L', 'R', 'C').
func (d *pdfDoc) textAt(x, yMid float64, s string, align byte) {
	switch align {
	case 'R':
		x -= d.width(s)
	case 'C':
		x -= d.width(s) / 2
	}
	d.p.Text(x, yMid+d.dy+0.35*d.fontMM(), s)
}

// para prints wrapped text at the cursor, breaking pages between lines.
func (d *pdfDoc) para(s, style string, size, indent float64) {
	d.font(style, size)
	lh := size * ptMM * 1.55
	for _, l := range wrapText(s, contentW-indent, d.width) {
		d.need(lh)
		d.textAt(marginL+indent, d.y()+lh/2, l, 'L')
		d.down(lh)
	}
}

// bullets prints items as a list with hanging indents.
func (d *pdfDoc) bullets(items []string, size float64) {
	d.font("", size)
	lh := size * ptMM * 1.55
	for _, it := range items {
		lines := wrapText(it, contentW-6, d.width)
		for i, l := range lines {
			d.need(lh)
			if i == 0 {
				d.textAt(marginL+2, d.y()+lh/2, "・", 'L')
			}
			d.textAt(marginL+6, d.y()+lh/2, l, 'L')
			d.down(lh)
		}
		d.down(0.8)
	}
}

// --- headings, captions and the contents ---

// section starts level-1 section title on a new page: "1 調査の概要".
func (d *pdfDoc) section(title string) {
	d.sec++
	d.sub = 0
	d.newPage()
	t := strconv.Itoa(d.sec) + "　" + title
	d.addTOC(1, t)
	d.font("B", 15)
	d.color(colDark)
	// Note: titles come from the input (theme and district names) and are
	// wrapped like any other text, so that no line runs past the margin.
	for i, l := range wrapText(t, contentW, d.width) {
		if i > 0 {
			d.down(7)
		}
		d.textAt(marginL, d.y()+4, l, 'L')
	}
	d.draw(colDark)
	d.p.SetLineWidth(0.6)
	d.p.Line(marginL, d.y()+9, pageW-marginR, d.y()+9)
	d.color(colText)
	d.down(14)
}

// subsection prints "4.2 見守り" with room for at least minBody below it.
func (d *pdfDoc) subsection(title string, minBody float64, newPage bool) {
	d.sub++
	if newPage {
		d.newPage()
	} else {
		d.need(10 + minBody)
	}
	t := strconv.Itoa(d.sec) + "." + strconv.Itoa(d.sub) + "　" + title
	d.addTOC(2, t)
	d.font("B", 12)
	d.color(colDark)
	d.fill(colDark)
	lines := wrapText(t, contentW-3.5, d.width)
	const lh = 5.6
	d.p.Rect(marginL, d.y()+1, 1.4, 5+float64(len(lines)-1)*lh, "F")
	for i, l := range lines {
		d.textAt(marginL+3.5, d.y()+3.5+float64(i)*lh, l, 'L')
	}
	d.color(colText)
	d.down(9 + float64(len(lines)-1)*lh)
}

// heading prints a bold minor heading (a question) with room for minBody below.
func (d *pdfDoc) heading(s string, minBody float64) {
	d.font("B", 10)
	lines := wrapText(s, contentW, d.width)
	lh := 10 * ptMM * 1.5
	d.need(float64(len(lines))*lh + minBody)
	for _, l := range lines {
		d.textAt(marginL, d.y()+lh/2, l, 'L')
		d.down(lh)
	}
	d.down(0.8)
}

// figNo numbers a figure caption: "図3　…".
func (d *pdfDoc) figNo(s string) string {
	d.fig++
	return "図" + strconv.Itoa(d.fig) + "　" + s
}

// tableNo numbers a table caption: "表2　…".
func (d *pdfDoc) tableNo(s string) string {
	d.tab++
	return "表" + strconv.Itoa(d.tab) + "　" + s
}

// captionExtra is the height captionLine takes for t beyond its first line
// (a caption naming a long district or label wraps).
func (d *pdfDoc) captionExtra(t string) float64 {
	d.font("B", 8.5)
	return float64(len(wrapText(t, contentW, d.width))-1) * 8.5 * ptMM * 1.5
}

func (d *pdfDoc) captionLine(t string) {
	d.font("B", 8.5)
	d.color(colText)
	lh := 8.5 * ptMM * 1.5
	for _, l := range wrapText(t, contentW, d.width) {
		d.textAt(marginL, d.y()+lh/2, l, 'L')
		d.down(lh)
	}
	d.down(0.6)
}

// note prints a small explanatory note below a figure or table.
func (d *pdfDoc) note(s string) {
	if s == "" {
		return
	}
	d.color(colMuted)
	d.para(s, "", 7.5, 0)
	d.color(colText)
}

func (d *pdfDoc) addTOC(level int, title string) {
	d.toc = append(d.toc, tocEntry{level: level, title: title, page: d.p.PageNo()})
	d.font("", 10)
	d.p.Bookmark(title, level-1, -1)
}

func (d *pdfDoc) coverPage() {
	d.cover = true
	d.p.AddPage()
	d.land = append(d.land, false)
	d.cover = true
	v := d.v
	d.color(colText)
	d.font("B", 24)
	y := 88.0
	// Note: the cover keeps its layout (date at 200 mm) for any input, so the
	// plan and survey names get at most four and three lines.
	for _, l := range capLines(wrapText(v.PlanName, contentW-10, d.width), 4, contentW-10, d.width) {
		d.textAt(pageW/2, y, l, 'C')
		y += 11
	}
	d.font("B", 18)
	kind := "中間評価 報告書"
	if v.NoSurvey {
		kind = "取組の振り返り 報告書"
	}
	if d.linkage {
		kind = "ソフトとハードの連携"
	}
	d.textAt(pageW/2, y+4, kind, 'C')
	y += 18
	if d.district != "" {
		d.font("B", 20)
		name := fitText(d.district, contentW-16, d.width)
		w := d.width(name) + 16
		d.draw(colDark)
		d.p.SetLineWidth(0.6)
		d.p.Rect(pageW/2-w/2, y, w, 13, "D")
		d.color(colDark)
		d.textAt(pageW/2, y+6.5, name, 'C')
		d.color(colText)
		y += 20
	}
	d.font("", 12)
	for _, l := range capLines(wrapText(v.SurveyName, contentW-20, d.width), 3, contentW-20, d.width) {
		d.textAt(pageW/2, y+6, l, 'C')
		y += 7
	}
	d.font("", 12)
	d.textAt(pageW/2, 200, v.Date, 'C')
	d.textAt(pageW/2, 208, v.Ward, 'C')
	if v.Sample {
		d.font("B", 16)
		s := "サンプルデータ（架空のデータです）"
		w := d.width(s) + 12
		d.draw(colDark)
		d.p.SetLineWidth(0.8)
		d.p.Rect(pageW/2-w/2, 228, w, 12, "D")
		d.color(colDark)
		d.textAt(pageW/2, 234, s, 'C')
		d.color(colText)
	}
	if v.InputErrors > 0 {
		d.font("B", 10)
		d.textAt(pageW/2, 250, "入力エラー "+strconv.Itoa(v.InputErrors)+" 件を残したまま作成した暫定版です", 'C')
	}
}

// contentsPages reserves d.tocPages pages for the contents (目次); finish
// fills them with contentsEntries.
func (d *pdfDoc) contentsPages() {
	for i := 0; i < d.tocPages; i++ {
		d.newPage()
		if i == 0 {
			d.font("B", 15)
			d.color(colDark)
			d.textAt(marginL, d.y()+4, "目次", 'L')
			d.color(colText)
		}
	}
}

// contentsEntries lists contents page i's share of the entries with their page
// numbers and dot leaders, on that page (finish has gone back to it).
func (d *pdfDoc) contentsEntries(i int) {
	y := contentT
	if i == 0 {
		y += 14
	}
	for j := i * tocPerPage; j < min(len(d.toc), (i+1)*tocPerPage); j++ {
		e := d.toc[j]
		indent, style, size := 0.0, "B", 10.5
		if e.level > 1 {
			indent, style, size = 8, "", 9.5
		}
		d.font(style, size)
		pg := strconv.Itoa(e.page)
		t := fitText(e.title, contentW-indent-20, d.width)
		mid := y + 3
		d.textAt(marginL+indent, mid, t, 'L')
		d.textAt(pageW-marginR, mid, pg, 'R')
		d.draw(colGrid)
		d.p.SetLineWidth(0.2)
		d.p.SetDashPattern([]float64{0.4, 0.8}, 0)
		d.p.Line(marginL+indent+d.width(t)+2, mid+1+d.dy, pageW-marginR-d.width(pg)-2, mid+1+d.dy)
		d.p.SetDashPattern(nil, 0)
		y += 6.2
	}
}

// guidePage explains how to read the report (報告書の見方).
func (d *pdfDoc) guidePage() {
	d.newPage()
	d.font("B", 15)
	d.color(colDark)
	d.textAt(marginL, d.y()+4, "報告書の見方", 'L')
	d.addTOC(1, "報告書の見方")
	d.color(colText)
	d.down(14)
	if d.v.NoSurvey {
		d.bullets(progressGuide(d.v.Progress), 9.5)
	} else {
		d.bullets(guideItems(), 9.5)
	}
	if d.v.Sample {
		d.down(4)
		d.para("この報告書はサンプルデータ（架空のデータ）から作成した見本です。実在の地区・団体・回答者とは関係ありません。", "B", 9.5, 0)
	}
}

// guideItems are the notes on how to read the report (報告書の見方), printed
// in the handouts and on the web pages.
func guideItems() []string {
	return []string{
		"図表の「n」は、その設問の回答者数（集計の基数）です。設問に対象条件がある場合は、対象となった回答者だけを基数としています。",
		"割合（%）は、無回答を含む回答者数を基数として算出しています。",
		"割合は小数点以下第2位を四捨五入して小数第1位まで表示しているため、単一回答の設問でも合計が100.0%にならない場合があります。",
		"複数回答（いくつでも選ぶ設問）では、割合の合計が100%を超えます。複数回答の選択肢は割合の高い順に並べ、無回答は最後に置いています。",
		"表中の「" + MarkZero + "」は該当なし（0人）、「0.0」は0.05%未満であることを示します。",
		"「" + MarkSuppressed + "」は秘匿です。回答者数が少ない地区などは、個人の特定を避けるため数値を表示していません。ほかの地区の数値から逆算できないよう、あわせて秘匿している地区もあります。",
		"「" + MarkReference + "」は回答者数が少ないため、結果の扱いに注意が必要な参考値です。",
		"「" + MarkHigh + "」「" + MarkLow + "」は、地区別などの表で、全体の傾向と比べて統計的に有意に高い（" + MarkHigh + "）・低い（" + MarkLow + "）ことを示します（調整済み標準化残差による検定）。",
		"前回調査との比較は、割合の差を「ポイント」で表しています。",
		"指標の評価は、A：目標を達成、B：目標は未達成だが前回より改善、C：変化なし、D：前回より悪化、" + MarkZero + "：評価できない（前回値がない、回答者数が少ないなど）を示します。",
		"図の棒は濃淡と斜線で区別しているため、白黒で複写しても読み取れます。",
	}
}

// --- shared helpers for content ---

// pdfTable returns the question's table by breakdown, or nil.
func pdfTable(q *QuestionView, by string) *TableView {
	for i := range q.Tables {
		if q.Tables[i].By == by {
			return &q.Tables[i]
		}
	}
	return nil
}

// pdfRow returns the row of group g, or nil.
func pdfRow(t *TableView, g string) *RowView {
	if t == nil {
		return nil
	}
	for i := range t.Rows {
		if t.Rows[i].Group == g {
			return &t.Rows[i]
		}
	}
	return nil
}

// pdfAllRow returns the 全体 row of a question.
func pdfAllRow(q *QuestionView) (*TableView, *RowView) {
	t := pdfTable(q, analyze.ByAll)
	if t == nil || len(t.Rows) == 0 {
		return t, nil
	}
	if r := pdfRow(t, analyze.GroupAll); r != nil {
		return t, r
	}
	return t, &t.Rows[0]
}

// pdfQuestionTitle is "Q4　質問文".
func pdfQuestionTitle(q *QuestionView) string {
	s := q.ID + "　" + q.Text
	if tag := pdfTypeTag(q); tag != "" {
		s += "（" + tag + "）"
	}
	return s
}

func pdfTypeTag(q *QuestionView) string {
	switch {
	case q.MA || q.Type == "MA":
		return "複数回答"
	case q.Type == "SC":
		return "評価尺度"
	case q.Type == "NUM":
		return "数値"
	}
	return ""
}

// pdfN is "n=1,234".
func pdfN(f Fig) string { return "n=" + f.Text }

// pdfValue is a Fig's value for drawing: 0 for NaN.
func pdfValue(f Fig) float64 {
	if math.IsNaN(f.Value) || f.Suppressed {
		return 0
	}
	return f.Value
}

// --- the chapters (their order is in chapters.go) ---

// overviewSection prints the survey overview (配布数・有効回答数・回収率): every
// district in the ward report, the district and 全体 in a district handout.
func (d *pdfDoc) overviewSection() {
	v := d.v
	d.section("調査の概要")
	d.para("調査名："+v.SurveyName, "", 9.5, 0)
	d.para("基準日："+v.Date, "", 9.5, 0)
	if v.Overview.Summary != "" {
		d.para(v.Overview.Summary, "", 9.5, 0)
	}
	d.down(3)
	cols := []tcol{{"区分", 60, 'L'}, {"配布数", 30, 'R'}, {"有効回答数", 30, 'R'}, {"回収率（%）", 30, 'R'}}
	var body [][]tcell
	for i, r := range v.Overview.Rows {
		if d.district != "" && i > 0 && r.Name != d.district {
			continue
		}
		all := i == 0
		body = append(body, []tcell{{text: r.Name, bold: all, shade: all}, {text: r.Distributed.Text, shade: all},
			{text: r.Valid.Text, shade: all}, {text: r.Rate.Text, shade: all}})
	}
	d.table(d.tableNo("配布数・有効回答数・回収率"), cols, body, 8.5)
	if d.district == "" && len(v.Settings) > 0 {
		d.down(4)
		var rows [][]tcell
		for _, kv := range v.Settings {
			rows = append(rows, pdfCells(kv.Key, kv.Value))
		}
		d.table(d.tableNo("集計の設定"), []tcol{{"項目", 60, 'L'}, {"設定", contentW - 60, 'L'}}, rows, 8.5)
	}
}

// profileSection charts the respondent attributes (属性 questions).
func (d *pdfDoc) profileSection() {
	if len(d.v.Profile) == 0 {
		return
	}
	d.section("回答者の属性")
	for i := range d.v.Profile {
		q := &d.v.Profile[i]
		_, all := pdfAllRow(q)
		if all == nil {
			continue
		}
		t, _ := pdfAllRow(q)
		d.barChart(d.figNo(q.ID+"　"+q.Text+"（全体、"+pdfN(all.N)+"）"), nil, pdfChoiceBars(t, []*RowView{all}))
		d.down(2)
	}
}

// pdfChoiceBars turns rows of t into bar rows, one series per row, in the
// order Build chose for the first row (RowView.Order).
func pdfChoiceBars(t *TableView, rows []*RowView) []barRow {
	var out []barRow
	if len(rows) == 0 {
		return out
	}
	for _, i := range rows[0].Order {
		if i >= len(t.Heads) {
			continue
		}
		br := barRow{label: t.Heads[i]}
		for _, r := range rows {
			br.vals = append(br.vals, pdfCell(r, i))
		}
		out = append(out, br)
	}
	return out
}

// pdfCell is row r's figure for head i, x when the row is suppressed.
func pdfCell(r *RowView, i int) Fig {
	if r.Suppressed {
		return Fig{Value: math.NaN(), Text: MarkSuppressed, Suppressed: true}
	}
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return Fig{Value: math.NaN()}
}

// indicatorSection prints the indicator table with its legend; in a district
// handout the district's figures beside 全体.
func (d *pdfDoc) indicatorSection() {
	iv := d.v.Indicators
	if len(iv.Rows) == 0 {
		return
	}
	d.section("指標の状況")
	withN := func(f, n Fig) string {
		if n.Text == "" || f.Text == "" || f.Suppressed {
			return f.Text
		}
		return f.Text + "\n(" + pdfN(n) + ")"
	}
	target := func(r IndicatorRow) string {
		if r.Direction == "" || r.Target.Text == "" {
			return r.Target.Text
		}
		return r.Target.Text + "\n（" + r.Direction + "）"
	}
	name := func(r IndicatorRow) string {
		if r.Reference {
			return r.Name + "（" + MarkReference + "）"
		}
		return r.Name
	}
	if d.district == "" {
		// Note: the figure columns fit "(n=12,345)" on one line.
		cols := []tcol{{"番号", 13, 'L'}, {"指標", 53, 'L'}, {"前回（%）", 23, 'R'}, {"今回（%）", 23, 'R'},
			{"95%信頼区間", 26, 'C'}, {"目標（%）", 18, 'R'}, {"評価", 18, 'C'}}
		var body [][]tcell
		for _, r := range iv.Rows {
			body = append(body, []tcell{{text: r.ID}, {text: name(r)}, {text: withN(r.Baseline, r.BaselineN)},
				{text: withN(r.Current, r.CurrentN)}, {text: r.Interval}, {text: target(r)}, {text: r.Evaluation, bold: true}})
		}
		d.table(d.tableNo("指標の前回値・今回値・目標と評価（全体）"), cols, body, 8)
	} else {
		cols := []tcol{{"番号", 13, 'L'}, {"指標", 61, 'L'}, {d.district + "（%）", 22, 'R'}, {"評価", 14, 'C'},
			{"全体（%）", 22, 'R'}, {"評価", 14, 'C'}, {"目標（%）", 28, 'R'}}
		body := d.districtIndicatorRows()
		d.table(d.tableNo("指標の今回値と評価（"+d.district+"・全体）"), cols, body, 8)
	}
	d.down(2)
	if d.district == "" {
		var lines []string
		for _, r := range iv.Rows {
			lines = append(lines, d.v.PassageLines(analyze.PlaceIndicator, r.ID, "")...)
		}
		d.findingText(lines)
	}
	d.font("B", 8.5)
	d.para("評価の見方", "B", 8.5, 0)
	var legend []string
	for _, kv := range iv.Legend {
		legend = append(legend, kv.Key+"："+kv.Value)
	}
	d.color(colMuted)
	d.bullets(legend, 8)
	d.color(colText)
	d.historySection()
}

// districtIndicatorRows pairs the district's indicator rows with 全体 by ID.
func (d *pdfDoc) districtIndicatorRows() [][]tcell {
	iv := d.v.Indicators
	var body [][]tcell
	for _, r := range iv.ByDistrict[d.district] {
		var all IndicatorRow
		for _, a := range iv.Rows {
			if a.ID == r.ID {
				all = a
			}
		}
		cur := r.Current.Text
		if r.CurrentN.Text != "" && !r.Current.Suppressed && cur != "" {
			cur += "\n(" + pdfN(r.CurrentN) + ")"
		}
		if r.Reference {
			cur += "\n" + MarkReference
		}
		tgt := all.Target.Text
		if all.Direction != "" && tgt != "" {
			tgt += "（" + all.Direction + "）"
		}
		body = append(body, []tcell{{text: r.ID}, {text: r.Name}, {text: cur}, {text: r.Evaluation, bold: true},
			{text: all.Current.Text, shade: true}, {text: all.Evaluation, shade: true}, {text: tgt}})
	}
	return body
}

// themesSection prints every theme's questions, then the questions of no theme.
func (d *pdfDoc) themesSection() {
	v := d.v
	d.section("テーマ別の結果")
	seen := map[int]bool{}
	for _, q := range v.Profile {
		seen[q.Index] = true
	}
	for ti, th := range v.Themes {
		d.subsection(th.Name, 60, ti > 0)
		for _, qi := range th.Questions {
			if qi < 0 || qi >= len(v.Questions) {
				continue
			}
			seen[v.Questions[qi].Index] = true
			d.question(&v.Questions[qi])
		}
	}
	var rest []int
	for i, q := range v.Questions {
		if !seen[q.Index] {
			rest = append(rest, i)
		}
	}
	if len(rest) > 0 {
		d.subsection("その他の設問", 60, len(v.Themes) > 0)
		for _, i := range rest {
			d.question(&v.Questions[i])
		}
	}
}

// question prints one question: its chart, then its tables.
func (d *pdfDoc) question(q *QuestionView) {
	d.heading(pdfQuestionTitle(q), 55)
	if q.Condition != "" {
		d.note("対象：" + q.Condition)
	}
	if d.district != "" {
		d.districtQuestion(q)
		return
	}
	d.findingText(d.v.PassageLines(analyze.PlaceQuestion, q.ID, ""))
	at, all := pdfAllRow(q)
	dt := pdfTable(q, analyze.ByDistrict)
	switch q.Type {
	case "SA", "MA":
		if all == nil {
			break
		}
		if q.Baseline != nil && len(q.Trend) > 0 {
			legend, rows := trendBars(q)
			d.barChart(d.figNo(q.ID+"　今回と前回の比較（全体）"), legend, rows)
			d.trendTable(q)
		} else {
			d.barChart(d.figNo(q.ID+"　全体（"+pdfN(all.N)+"）"), nil, pdfChoiceBars(at, []*RowView{all}))
		}
	case "SC":
		if all == nil {
			break
		}
		rows := scBands(all, dt)
		heads, na := at.Heads, len(at.Codes) > 0 && at.Codes[len(at.Codes)-1] == analyze.CodeNA
		d.bandChart(d.figNo(q.ID+"　地区別の回答の構成"), heads, na, 30, rows)
	}
	if dt != nil && len(dt.Rows) > 0 && q.Type != "NUM" {
		rows := []RowView{}
		if all != nil && pdfRow(dt, analyze.GroupAll) == nil {
			rows = append(rows, *all)
		}
		rows = append(rows, dt.Rows...)
		d.crosstab(q.ID+"　地区別", dt, rows)
	}
	d.axisCrosstabs(q, all)
	if len(q.Summary) > 0 {
		d.summaryTable(q.ID+"　"+pdfSummaryTitle(q), q.Summary, q.Type == "SC")
	}
	d.down(3)
}

func pdfSummaryTitle(q *QuestionView) string {
	if q.Type == "SC" {
		return "点数の要約（全体・地区別）"
	}
	return "数値の要約（全体・地区別）"
}

// pdfBand is a band chart row of a crosstab row.
func pdfBand(r *RowView, label string, bold bool) bandRow {
	return bandRow{label: label, n: r.N, cells: r.Cells, suppressed: r.Suppressed, reference: r.Reference, bold: bold}
}

// trendTable prints the baseline vs current comparison in points.
func (d *pdfDoc) trendTable(q *QuestionView) {
	cols := []tcol{{"選択肢", 70, 'L'}, {"前回（%）", 22, 'R'}, {"今回（%）", 22, 'R'}, {"差（ポイント）", 26, 'R'}, {"p値", 20, 'R'}}
	var body [][]tcell
	sig := false
	for _, t := range q.Trend {
		diff := t.Diff.Text
		if t.Significant {
			diff += "*"
			sig = true
		}
		body = append(body, pdfCells(t.Label, t.Baseline.Text, t.Current.Text, diff, t.P.Text))
	}
	d.table(d.tableNo(q.ID+"　前回との比較（全体）"), cols, body, 7.5)
	if sig {
		d.note("注）*：前回との差が統計的に有意（2つの割合の差の検定）")
	}
	d.down(2)
}

// districtQuestion prints a question of a district handout: the district
// beside 全体.
func (d *pdfDoc) districtQuestion(q *QuestionView) {
	at, all := pdfAllRow(q)
	dt := pdfTable(q, analyze.ByDistrict)
	dr := pdfRow(dt, d.district)
	if all == nil {
		d.districtSummary(q)
		return
	}
	switch q.Type {
	case "SA", "MA":
		var series []string
		var rows []*RowView
		if dr != nil && !dr.Suppressed {
			series = append(series, d.district+"（"+pdfN(dr.N)+"）")
			rows = append(rows, dr)
		}
		series = append(series, "全体（"+pdfN(all.N)+"）")
		rows = append(rows, all)
		bars := pdfChoiceBars(at, rows)
		if len(series) == 1 {
			series = nil
		} else {
			for i := range bars {
				bars[i].ns = []Fig{dr.N, all.N}
			}
		}
		d.barChart(d.figNo(q.ID+"　"+d.district+"と全体"), series, bars)
	case "SC":
		var rows []bandRow
		if dr != nil {
			rows = append(rows, pdfBand(dr, d.district, true))
		}
		rows = append(rows, pdfBand(all, analyze.GroupAll, false))
		na := len(at.Codes) > 0 && at.Codes[len(at.Codes)-1] == analyze.CodeNA
		d.bandChart(d.figNo(q.ID+"　"+d.district+"と全体の回答の構成"), at.Heads, na, 30, rows)
	}
	if q.Type != "NUM" {
		rows := []RowView{}
		if dr != nil {
			rows = append(rows, *dr)
		}
		rows = append(rows, *all)
		t := at
		if dt != nil {
			t = dt
		}
		d.crosstab(q.ID+"　"+d.district+"と全体", t, rows)
	}
	d.districtSummary(q)
	d.down(3)
}

// districtSummary prints the SC/NUM summary rows of the district and 全体.
func (d *pdfDoc) districtSummary(q *QuestionView) {
	var rows []SummaryRow
	for _, g := range []string{d.district, analyze.GroupAll} {
		for _, s := range q.Summary {
			if s.Group == g {
				rows = append(rows, s)
			}
		}
	}
	if len(rows) == 0 {
		return
	}
	what := "点数の要約"
	if q.Type != "SC" {
		what = "数値の要約"
	}
	d.summaryTable(q.ID+"　"+what+"（"+d.district+"・全体）", rows, q.Type == "SC")
}

// hearingSection prints the organization hearings: counts, rating charts by
// theme and comments grouped by theme and district.
func (d *pdfDoc) hearingSection() {
	h := d.v.Hearings
	if h.Orgs == 0 && len(h.Ratings) == 0 && len(h.Comments) == 0 {
		return
	}
	d.section("団体ヒアリングの結果")
	if d.district == "" {
		d.para("ヒアリングを行った団体："+Thousands(h.Orgs)+" 団体", "", 9.5, 0)
		d.down(2)
		var rows [][]tcell
		n := max(len(h.ByDistrict), len(h.ByType))
		for i := range n {
			var c [4]string
			if i < len(h.ByDistrict) {
				c[0], c[1] = h.ByDistrict[i].Name, h.ByDistrict[i].N.Text
			}
			if i < len(h.ByType) {
				c[2], c[3] = h.ByType[i].Name, h.ByType[i].N.Text
			}
			rows = append(rows, pdfCells(c[:]...))
		}
		if n > 0 {
			d.table(d.tableNo("地区別・団体種別の団体数"), []tcol{{"地区", 50, 'L'}, {"団体数", 25, 'R'}, {"団体種別", 60, 'L'}, {"団体数", 25, 'R'}}, rows, 8.5)
		}
	} else {
		for _, c := range h.ByDistrict {
			if c.Name == d.district {
				d.para("この地区でヒアリングを行った団体："+c.N.Text+" 団体", "", 9.5, 0)
			}
		}
	}
	d.down(3)
	// Rating charts: one per theme (and label set), in first-seen order.
	for i := 0; i < len(h.Ratings); {
		j := i + 1
		for j < len(h.Ratings) && h.Ratings[j].Theme == h.Ratings[i].Theme && pdfSameLabels(h.Ratings[j].Labels, h.Ratings[i].Labels) {
			j++
		}
		var rows []bandRow
		for _, r := range h.Ratings[i:j] {
			if d.district != "" {
				if c, ok := r.ByDistrict[d.district]; ok {
					rows = append(rows, pdfRatingBand(r.Name+"（"+d.district+"）", c, true))
				}
				rows = append(rows, pdfRatingBand(r.Name+"（全体）", r.All, false))
			} else {
				rows = append(rows, pdfRatingBand(r.Name, r.All, false))
			}
		}
		theme := h.Ratings[i].Theme
		if theme == "" {
			theme = "テーマなし"
		}
		d.bandChart(d.figNo("ヒアリングの評価："+theme), h.Ratings[i].Labels, false, 62, rows)
		d.down(2)
		i = j
	}
	// Comments: by theme and district in the ward report, by theme in a
	// district handout.
	groups := h.Comments
	if d.district != "" {
		groups = h.DistrictComments[d.district]
	}
	if len(groups) > 0 {
		title := "団体からの意見（テーマ・地区別）"
		if d.district != "" {
			title = "団体からの意見（テーマ別）"
		}
		d.heading(title, 20)
		d.noteGroups(groups)
	}
}

func pdfSameLabels(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pdfRatingBand is a band of a group's ratings: their shares, and n.
func pdfRatingBand(label string, r RatingRow, bold bool) bandRow {
	return bandRow{label: label, n: r.N, cells: r.Shares, bold: bold}
}

// noteGroups prints hearing comment groups: the theme once as a heading, then
// each district's comments under the district's name.
func (d *pdfDoc) noteGroups(groups []CommentGroup) {
	for i, g := range groups {
		if i == 0 || g.Theme != groups[i-1].Theme {
			if i > 0 {
				d.down(1.5)
			}
			d.need(16)
			d.font("B", 9.5)
			d.color(colDark)
			for i, l := range wrapText("■ テーマ："+g.Theme, contentW, d.width) {
				if i > 0 {
					d.down(4.5)
				}
				d.textAt(marginL, d.y()+2.5, l, 'L')
			}
			d.color(colText)
			d.down(6)
		}
		if g.District != "" {
			d.need(10)
			d.font("B", 8.5)
			for _, l := range wrapText("［"+g.District+"］", contentW-2, d.width) {
				d.textAt(marginL+2, d.y()+2, l, 'L')
				d.down(4.5)
			}
		}
		d.bullets(g.Items, 8.5)
		d.down(1)
	}
}

// commentGroup prints one group of comments or quotes under its theme and district.
func (d *pdfDoc) commentGroup(g CommentGroup) {
	var parts []string
	if g.Theme != "" {
		parts = append(parts, "テーマ："+g.Theme)
	}
	if g.District != "" {
		parts = append(parts, "地区："+g.District)
	}
	title := strings.Join(parts, "　")
	if title == "" {
		title = analyze.GroupAll
	}
	d.need(14)
	d.font("B", 9)
	d.color(colDark)
	for i, l := range wrapText("■ "+title, contentW, d.width) {
		if i > 0 {
			d.down(4.3)
		}
		d.textAt(marginL, d.y()+2.5, l, 'L')
	}
	d.color(colText)
	d.down(5.5)
	d.bullets(g.Items, 8.5)
	d.down(2)
}

// freeTextSection prints the top keywords and quotes by theme.
func (d *pdfDoc) freeTextSection() {
	ft := d.v.FreeText
	var groups []CommentGroup
	for _, g := range ft.Quotes {
		if d.district == "" || g.District == d.district {
			groups = append(groups, g)
		}
	}
	if ft.Count.Value == 0 && len(ft.Keywords) == 0 && len(groups) == 0 {
		return
	}
	d.section("自由記述")
	if d.district == "" {
		d.para("自由記述の回答："+ft.Count.Text+" 件", "", 9.5, 0)
		d.down(2)
		if len(ft.Keywords) > 0 {
			half := (len(ft.Keywords) + 1) / 2
			var rows [][]tcell
			for i := range half {
				c := []string{strconv.Itoa(i + 1), ft.Keywords[i].Key, ft.Keywords[i].Value, "", "", ""}
				if j := i + half; j < len(ft.Keywords) {
					c[3], c[4], c[5] = strconv.Itoa(j+1), ft.Keywords[j].Key, ft.Keywords[j].Value
				}
				rows = append(rows, pdfCells(c...))
			}
			d.table(d.tableNo("よく使われた言葉（全体）"), []tcol{{"順位", 14, 'R'}, {"言葉", 50, 'L'}, {"回数", 20, 'R'},
				{"順位", 14, 'R'}, {"言葉", 50, 'L'}, {"回数", 20, 'R'}}, rows, 8.5)
			d.note("注）名詞・動詞・形容詞の基本形を数えています（よく使われるだけの語は除いています）。")
			d.down(3)
		}
	}
	if len(groups) == 0 {
		d.para("この地区の自由記述はありません。", "", 9.5, 0)
		return
	}
	d.heading("主な意見（個人が特定される情報は「〇〇」に置き換えています）", 20)
	for _, g := range groups {
		d.commentGroup(g)
	}
}

// districtPages prints one summary page per district (ward report).
func (d *pdfDoc) districtPages() {
	v := d.v
	if len(v.Districts) == 0 {
		return
	}
	d.section("地区別のまとめ")
	for i, name := range v.Districts {
		d.subsection(name, 60, i > 0)
		for _, r := range v.Overview.Rows {
			if r.Name == name {
				d.para("配布数 "+r.Distributed.Text+"　有効回答数 "+r.Valid.Text+"　回収率 "+r.Rate.Text+"%", "", 9.5, 0)
			}
		}
		for _, c := range v.Hearings.ByDistrict {
			if c.Name == name {
				d.para("ヒアリング団体 "+c.N.Text+" 団体", "", 9.5, 0)
			}
		}
		d.down(2)
		d.findingText(v.PassageLines(analyze.PlaceDistrict, "", name))
		d.district = name
		if rows := d.districtIndicatorRows(); len(rows) > 0 {
			d.table(d.tableNo(name+"の指標"), []tcol{{"番号", 13, 'L'}, {"指標", 61, 'L'}, {name + "（%）", 22, 'R'}, {"評価", 14, 'C'},
				{"全体（%）", 22, 'R'}, {"評価", 14, 'C'}, {"目標（%）", 28, 'R'}}, rows, 7.5)
			d.down(2)
		}
		d.district = ""
		var rows [][]tcell
		var bars []barRow
		for _, t := range v.DistrictTops[name] {
			dt := t.District.Text + t.District.Mark
			if t.Reference && !t.District.Suppressed {
				dt += "※"
			}
			rows = append(rows, []tcell{{text: t.QuestionID + "　" + t.QuestionText}, {text: t.Label}, {text: t.N.Text}, {text: dt}, {text: t.All.Text, shade: true}, {text: t.Diff.Text}})
			bars = append(bars, barRow{label: t.QuestionID + "　" + t.Label, vals: []Fig{t.District, t.All}, ns: []Fig{t.N, t.AllN}})
		}
		if len(bars) > 0 {
			d.barChart(d.figNo(name+"と全体の比較（全体で最も多い回答の割合）"), []string{name, analyze.GroupAll}, bars)
		}
		if len(rows) > 0 {
			d.table(d.tableNo(name+"の主な結果（全体で最も多い回答の割合）"), []tcol{{"設問", 62, 'L'}, {"回答", 36, 'L'}, {"n", 12, 'R'}, {name + "（%）", 22, 'R'},
				{"全体（%）", 20, 'R'}, {"差（ポイント）", 22, 'R'}}, rows, 7.5)
			d.note("注）n は" + name + "の回答者数。" + MarkHigh + MarkLow + "：全体と比べて統計的に有意に高い・低い。※：参考値。" + MarkSuppressed + "：秘匿。")
		}
		groups := v.Hearings.DistrictComments[name]
		if len(groups) > 0 {
			d.down(2)
			d.heading("団体ヒアリングでの意見", 14)
		}
		d.noteGroups(groups)
	}
}

func (d *pdfDoc) view() *View { return d.v }
