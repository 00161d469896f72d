package pdf

import (
	"bytes"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"midreview/render/view"
)

// Page geometry of the handouts, in millimetres (A4 portrait).
const (
	pageW    = view.PageW
	PageH    = 297.0
	MarginL  = view.MarginL
	MarginR  = view.MarginR
	contentT = 22.0 // first content line, below the running header
	ContentB = PageH - 18.0
	contentW = view.ContentW

	PtMM = 25.4 / 72 // one point in millimetres
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
func PDF(w io.Writer, v *view.View, o PDFOptions) error {
	return writePDF(w, v, "", o)
}

// DistrictPDF writes the handout of one district (districts/NN_地区名.pdf):
// that district beside 全体 for every question, its indicators, hearings and
// comments.
func DistrictPDF(w io.Writer, v *view.View, district string, o PDFOptions) error {
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
// on every page at the end too, when the page count is known (finish). The
// contents pages reserved are counted from the chapters' headings
// (tocCount); only when the contents need more pages than reserved is the
// handout rendered again, with that many reserved. One pass matters: every
// pass lays out every page, subsets the Japanese font and compresses the
// pages anew (the ward report of a 3,000-respondent batch needs two contents
// pages, and took two passes before issue 29). It is also rendered again,
// with the full faces, when it drew a rune outside its cut faces
// (cutfont.go).
func writePDF(w io.Writer, v *view.View, district string, o PDFOptions) error {
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
	bs, err := handoutBlocks(v, district, o.linkage)
	if err != nil {
		return err
	}
	tocPages := max(1, (tocCount(bs, o.linkage)+tocPerPage-1)/tocPerPage)
	f := cutFaces(v, o)
	for {
		d, err := renderPDF(v, district, o, f, tocPages, bs)
		if err != nil {
			return err
		}
		if need := (len(d.Toc) + tocPerPage - 1) / tocPerPage; need > tocPages {
			tocPages = need
			continue
		}
		if err := d.finish(); err != nil {
			return err
		}
		if d.outside {
			// A rune outside the cut faces (cutfont.go): again with the
			// full faces.
			fallbacks.Add(1)
			f = docFaces{regular: o.FontRegular, bold: o.FontBold}
			continue
		}
		d.markDrawn()
		var buf bytes.Buffer
		if err := d.real.Output(&buf); err != nil {
			return fmt.Errorf("render: pdf: %w", err)
		}
		raw := buf.Bytes()
		if f.set != nil {
			raw = restoreFontIDs(raw, f)
		}
		out, err := compressPages(raw)
		if err != nil {
			// A layout compressPages does not know is still a valid PDF,
			// only larger: write it uncompressed rather than fail the run.
			out = raw
		}
		_, err = w.Write(fixFontNames(out, o))
		return err
	}
}

// tocPerPage is how many entries one contents page holds.
const tocPerPage = 38

// A tocEntry is one line of the contents.
type tocEntry struct {
	Level int
	Title string
	page  int
}

// pdfDoc is one rendering pass of a handout.
type pdfDoc struct {
	p        canvas          // d.real, or a dry canvas while a chapter is measured (paginate.go)
	real     *fpdf.Fpdf      // the document
	cut      map[int]float64 // mm by which page n's content ends earlier (paginate.go)
	v        *view.View
	district string // "" for the ward report
	Toc      []tocEntry
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
	heads     map[string]string // table heads broken at phrases (phraseHead)
	// keepAfter is the room the next table keeps below its last row (its
	// notes, drawTable).
	keepAfter float64
	// trendTop is the top of every trend chart's axis (setTrendTop).
	trendTop float64
	// The current font as the layout sees it (font), in the dry pass too,
	// and the faces' widths it is measured with (widths.go).
	style   string
	size    float64
	regular *runeWidths
	bold    *runeWidths
	// The font last selected in the document (fpdf's current font), and
	// whether that selection is known to be in force on the current page
	// (a page gone back to, or a restored graphics state, may hold another).
	docStyle string
	docSize  float64
	docOK    bool
	wraps    map[wrapKey][]string // text.go
	shared   *sharedLayout        // layoutcache.go
	// printable is the set of runes of the document's cut faces (nil: the
	// full faces), and outside reports a rune drawn outside it (cutfont.go).
	printable *runeSet
	outside   bool
	lineBuf   []byte // swatchRect's buffer
	// The text operators written for fpdf's Text (textop.go): their
	// buffer, and the runes drawn in each face (regular, bold).
	textBuf []byte
	drawn   [2]*runeSet
	// The text colour's operator, made when the colour changes.
	textColor   [3]int
	textColorOp []byte
}

// handoutBlocks composes the chapters of a handout: the ward report
// (district ""), a district's handout, or linkage.pdf.
func handoutBlocks(v *view.View, district string, linkage bool) (bs []view.Block, err error) {
	defer func() {
		if r := recover(); r != nil {
			// Note: the stack goes into the error, so that a bug's panic is still traceable.
			err = fmt.Errorf("render: pdf: %v\n%s", r, debug.Stack())
		}
	}()
	switch {
	case linkage:
		return view.Compose(v, "", (*view.Composer).Linkage), nil
	case district == "":
		return view.WardReport(v), nil
	}
	return view.DistrictReport(v, district), nil
}

// tocCount is the number of contents entries of a handout of chapters bs:
// its headings (section, subsection) and the guide page (not in linkage.pdf).
func tocCount(bs []view.Block, linkage bool) int {
	n := 0
	if !linkage {
		n++
	}
	view.Walk(bs, view.Print, func(b view.Block) {
		switch b.(type) {
		case view.Section, view.Subsection:
			n++
		}
	})
	return n
}

// RenderPDF renders a handout with tocPages contents pages; it is not
// finished (page numbers and contents) nor written.
func RenderPDF(v *view.View, district string, o PDFOptions, tocPages int) (*pdfDoc, error) {
	bs, err := handoutBlocks(v, district, o.linkage)
	if err != nil {
		return nil, err
	}
	return renderPDF(v, district, o, docFaces{regular: o.FontRegular, bold: o.FontBold}, tocPages, bs)
}

// renderPDF is RenderPDF of the chapters bs (handoutBlocks), whose document
// embeds the faces f (o's, or o's cut: cutfont.go).
func renderPDF(v *view.View, district string, o PDFOptions, f docFaces, tocPages int, bs []view.Block) (d *pdfDoc, err error) {
	defer func() {
		if r := recover(); r != nil {
			// Note: the stack goes into the error, so that a bug's panic is still traceable.
			err = fmt.Errorf("render: pdf: %v\n%s", r, debug.Stack())
		}
	}()
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	p.SetCatalogSort(true)
	p.SetCompression(false) // compressPages compresses the pages (compress.go)
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", v.DateISO); err == nil {
		date = t
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.AddUTF8FontFromBytes(fontFamily, "", f.regular)
	p.AddUTF8FontFromBytes(fontFamily, "B", f.bold)
	p.SetFont(fontFamily, "", 10)
	if p.Err() {
		return nil, fmt.Errorf("render: pdf font: %w", p.Error())
	}
	d, err = newDoc(p, o)
	if err != nil {
		return nil, err
	}
	d.printable = f.set
	title := v.PlanName + " 中間振り返り 報告書"
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
	p.SetMargins(MarginL, contentT, MarginR)
	p.SetAutoPageBreak(false, 0)
	d.v, d.district, d.tocPages, d.linkage = v, district, tocPages, o.linkage
	p.SetHeaderFunc(d.header)

	d.coverPage()
	d.contentsPages()
	if !d.linkage {
		d.guidePage(bs)
	}
	d.render(bs)
	if p.Err() {
		return nil, fmt.Errorf("render: pdf: %w", p.Error())
	}
	return d, nil
}

// newDoc starts a pass on p, whose faces are o's and whose font is selected.
func newDoc(p *fpdf.Fpdf, o PDFOptions) (*pdfDoc, error) {
	regular, err := faceWidths(o.FontRegular)
	if err != nil {
		return nil, fmt.Errorf("render: pdf font: %w", err)
	}
	bold, err := faceWidths(o.FontBold)
	if err != nil {
		return nil, fmt.Errorf("render: pdf font: %w", err)
	}
	size, _ := p.GetFontSize()
	style := p.GetFontStyle()
	return &pdfDoc{p: p, real: p, cut: map[int]float64{}, regular: regular, bold: bold, wraps: map[wrapKey][]string{},
		shared: layoutOf(regular, bold),
		style:  style, size: size, docStyle: style, docSize: size, docOK: true}, nil
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
			replaceInPlace(pdf, []byte(k+f.key+"\n"), []byte(k+repl+"\n"))
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
		p.Rect(pw-MarginR-w, 8, w, 5.6, "F")
		d.color([3]int{255, 255, 255})
		d.textAt(pw-MarginR-w/2, 10.8, label, 'C')
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
	d.textAt(MarginL, 10.8, fitText(left, pw-MarginL-MarginR-40, d.width), 'L')
	d.draw(colRule)
	p.SetLineWidth(0.2)
	p.Line(MarginL, 15, pw-MarginR, 15)
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
	p := d.real
	last := p.PageCount()
	_, curH := p.GetPageSize()
	for pg := 2; pg <= last; pg++ {
		pw, ph := pageW, PageH
		if pg-1 < len(d.land) && d.land[pg-1] {
			pw, ph = PageH, pageW
		}
		p.SetPage(pg)
		d.dy = curH - ph
		d.docOK = false // the page's own font selection is not known
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
	d.addPage(d.wantLand)
	d.cover = false
	d.land = append(d.land, d.wantLand)
	d.p.SetXY(MarginL, contentT)
}

// addPage adds a page, landscape or portrait.
// Note: fpdf draws the header (which sets fonts) and then selects the font
// of before the page again; the layout goes on in that font.
func (d *pdfDoc) addPage(land bool) {
	style, size := d.style, d.size
	if land {
		d.p.AddPageFormat("L", d.p.GetPageSizeStr("A4"))
	} else {
		d.p.AddPage()
	}
	d.style, d.size = style, size
	if d.p == canvas(d.real) {
		d.docStyle, d.docSize, d.docOK = style, size, true
	}
}

// landscape reports whether the current page is landscape.
func (d *pdfDoc) landscape() bool {
	w, h := d.p.GetPageSize()
	return w > h
}

// contentBottom is the lowest y of the content area on the current page.
func (d *pdfDoc) contentBottom() float64 {
	_, h := d.p.GetPageSize()
	return h - (PageH - ContentB) - d.cut[d.p.PageNo()]
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
func (d *pdfDoc) setY(y float64) { d.p.SetXY(MarginL, y) }
func (d *pdfDoc) down(h float64) { d.setY(d.y() + h) }

// font makes style ("" or "B") at size points the current font. The
// document selects it only when drawing (not in a dry pass) and only when
// another font is selected: every selection is written into the page.
func (d *pdfDoc) font(style string, size float64) {
	d.style, d.size = style, size
	if d.p != canvas(d.real) || d.docOK && d.docStyle == style && d.docSize == size {
		return
	}
	d.real.SetFont(fontFamily, style, size)
	d.docStyle, d.docSize, d.docOK = style, size, true
}

// width is the width of s in the current font, in mm (widths.go).
func (d *pdfDoc) width(s string) float64 {
	if d.style == "B" {
		return d.bold.width(s, d.size)
	}
	return d.regular.width(s, d.size)
}

func (d *pdfDoc) color(c [3]int) { d.p.SetTextColor(c[0], c[1], c[2]) }
func (d *pdfDoc) fill(c [3]int)  { d.p.SetFillColor(c[0], c[1], c[2]) }
func (d *pdfDoc) draw(c [3]int)  { d.p.SetDrawColor(c[0], c[1], c[2]) }

// fontMM is the current font size in millimetres (as fpdf's GetFontSize).
func (d *pdfDoc) fontMM() float64 { return d.size / kMM }

// textAt prints one line of s with its vertical middle at yMid, left-aligned at
// x, right-aligned to x or centred on x (align 'L', 'R', 'C').
func (d *pdfDoc) textAt(x, yMid float64, s string, align byte) {
	if d.p != canvas(d.real) {
		// A dry pass counts the lines only (paginate.go); the real pass
		// checks the runes.
		d.p.Text(x, yMid, s)
		return
	}
	switch align {
	case 'R':
		x -= d.width(s)
	case 'C':
		x -= d.width(s) / 2
	}
	if d.printable != nil && !d.printable.hasAll(s) {
		d.outside = true
	}
	y := yMid + d.dy + 0.35*d.fontMM()
	if d.p == canvas(d.real) && d.text(x, y, s) {
		return
	}
	d.p.Text(x, y, s)
}

// para prints wrapped text at the cursor, breaking pages between lines.
func (d *pdfDoc) para(s, style string, size, indent float64) {
	d.font(style, size)
	lh := size * PtMM * 1.55
	for _, l := range d.wrap(s, contentW-indent) {
		d.need(lh)
		d.textAt(MarginL+indent, d.y()+lh/2, l, 'L')
		d.down(lh)
	}
}

// bullets prints items as a list with hanging indents.
func (d *pdfDoc) bullets(items []string, size float64) {
	d.font("", size)
	lh := size * PtMM * 1.55
	for _, it := range items {
		lines := d.wrap(it, contentW-6)
		for i, l := range lines {
			d.need(lh)
			if i == 0 {
				d.textAt(MarginL+2, d.y()+lh/2, "・", 'L')
			}
			d.textAt(MarginL+6, d.y()+lh/2, l, 'L')
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
	for i, l := range d.wrap(t, contentW) {
		if i > 0 {
			d.down(7)
		}
		d.textAt(MarginL, d.y()+4, l, 'L')
	}
	d.draw(colDark)
	d.p.SetLineWidth(0.6)
	d.line(MarginL, d.y()+9, pageW-MarginR, d.y()+9)
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
	lines := d.wrap(t, contentW-3.5)
	const lh = 5.6
	d.rect(MarginL, d.y()+1, 1.4, 5+float64(len(lines)-1)*lh, "F")
	for i, l := range lines {
		d.textAt(MarginL+3.5, d.y()+3.5+float64(i)*lh, l, 'L')
	}
	d.color(colText)
	d.down(9 + float64(len(lines)-1)*lh)
}

// heading prints a bold minor heading (a question) with room for minBody below.
func (d *pdfDoc) heading(s string, minBody float64) {
	d.font("B", 10)
	lines := d.wrap(s, contentW)
	lh := 10 * PtMM * 1.5
	d.need(float64(len(lines))*lh + minBody)
	for _, l := range lines {
		d.textAt(MarginL, d.y()+lh/2, l, 'L')
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
	return float64(len(d.wrap(t, contentW))-1) * 8.5 * PtMM * 1.5
}

func (d *pdfDoc) captionLine(t string) {
	d.font("B", 8.5)
	d.color(colText)
	lh := 8.5 * PtMM * 1.5
	for _, l := range d.wrap(t, contentW) {
		d.textAt(MarginL, d.y()+lh/2, l, 'L')
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
	d.Toc = append(d.Toc, tocEntry{Level: level, Title: title, page: d.p.PageNo()})
	d.font("", 10)
	d.p.Bookmark(title, level-1, -1)
}

func (d *pdfDoc) coverPage() {
	d.cover = true
	d.addPage(false)
	d.land = append(d.land, false)
	d.cover = true
	v := d.v
	d.color(colText)
	d.font("B", 24)
	y := 88.0
	// Note: the cover keeps its layout (date at 200 mm) for any input, so the
	// plan and survey names get at most four and three lines.
	for _, l := range capLines(d.wrap(v.PlanName, contentW-10), 4, contentW-10, d.width) {
		d.textAt(pageW/2, y, l, 'C')
		y += 11
	}
	d.font("B", 18)
	kind := "中間振り返り 報告書"
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
		d.rect(pageW/2-w/2, y, w, 13, "D")
		d.color(colDark)
		d.textAt(pageW/2, y+6.5, name, 'C')
		d.color(colText)
		y += 20
	}
	d.font("", 12)
	under := v.SurveyName
	if under == "" {
		under = v.Surveys.Current.Year // a year without a survey: its 年度
	}
	for _, l := range capLines(d.wrap(under, contentW-20), 3, contentW-20, d.width) {
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
		d.rect(pageW/2-w/2, 228, w, 12, "D")
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
			d.textAt(MarginL, d.y()+4, "目次", 'L')
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
	for j := i * tocPerPage; j < min(len(d.Toc), (i+1)*tocPerPage); j++ {
		e := d.Toc[j]
		indent, style, size := 0.0, "B", 10.5
		if e.Level > 1 {
			indent, style, size = 8, "", 9.5
		}
		d.font(style, size)
		pg := strconv.Itoa(e.page)
		t := fitText(e.Title, contentW-indent-20, d.width)
		mid := y + 3
		d.textAt(MarginL+indent, mid, t, 'L')
		d.textAt(pageW-MarginR, mid, pg, 'R')
		d.draw(colGrid)
		d.p.SetLineWidth(0.2)
		d.p.SetDashPattern([]float64{0.4, 0.8}, 0)
		d.line(MarginL+indent+d.width(t)+2, mid+1+d.dy, pageW-MarginR-d.width(pg)-2, mid+1+d.dy)
		d.p.SetDashPattern(nil, 0)
		y += 6.2
	}
}

// guidePage explains how to read the report (報告書の見方) whose chapters are
// bs: a survey's word is defined only when the chapters print it (a handout
// without the history survey's figures says nothing of 前回).
func (d *pdfDoc) guidePage(bs []view.Block) {
	d.newPage()
	d.font("B", 15)
	d.color(colDark)
	d.textAt(MarginL, d.y()+4, "報告書の見方", 'L')
	d.addTOC(1, "報告書の見方")
	d.color(colText)
	d.down(14)
	if d.v.NoSurvey {
		d.bullets(view.ProgressGuide(d.v.Progress), 9.5)
	} else {
		d.bullets(view.GuideItems(d.v, bs, view.Print), 9.5)
	}
	if d.v.Sample {
		d.down(4)
		d.para("この報告書はサンプルデータ（架空のデータ）から作成した見本です。実在の地区・団体・回答者とは関係ありません。", "B", 9.5, 0)
	}
}

// noteGroups prints hearing comment groups: the theme once as a heading, then
// each district's comments under the district's name.
func (d *pdfDoc) noteGroups(groups []view.CommentGroup) {
	for i, g := range groups {
		if i == 0 || g.Theme != groups[i-1].Theme {
			if i > 0 {
				d.down(1.5)
			}
			d.need(16)
			d.font("B", 9.5)
			d.color(colDark)
			for i, l := range d.wrap("■ テーマ："+g.Theme, contentW) {
				if i > 0 {
					d.down(4.5)
				}
				d.textAt(MarginL, d.y()+2.5, l, 'L')
			}
			d.color(colText)
			d.down(6)
		}
		if g.District != "" {
			d.need(10)
			d.font("B", 8.5)
			for _, l := range d.wrap("［"+g.District+"］", contentW-2) {
				d.textAt(MarginL+2, d.y()+2, l, 'L')
				d.down(4.5)
			}
		}
		d.bullets(g.Items, 8.5)
		d.down(1)
	}
}

// commentGroup prints one group of comments or quotes under its theme and district.
func (d *pdfDoc) commentGroup(g view.CommentGroup) {
	title := view.CommentTitle(g)
	d.need(14)
	d.font("B", 9)
	d.color(colDark)
	for i, l := range d.wrap("■ "+title, contentW) {
		if i > 0 {
			d.down(4.3)
		}
		d.textAt(MarginL, d.y()+2.5, l, 'L')
	}
	d.color(colText)
	d.down(5.5)
	d.bullets(g.Items, 8.5)
	d.down(2)
}
