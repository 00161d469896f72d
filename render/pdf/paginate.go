package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"midreview/render/view"
)

// Pagination (docs/design.md, "Pages that read cleanly").
//
// The PDF writer prints a chapter in one pass, but it first lays the chapter
// out on a dry canvas (dryCanvas: the same code, the same font metrics, no
// drawing) to see where its pages end. A chapter is the run of blocks from
// one forced page break to the next (a Section, a Subsection with NewPage).
// When a page of the chapter other than its first would hold a short tail
// (less than tailMinMM of content: a stray line or two, a lone small table),
// the page before it ends earlier (pdfDoc.cut) so that more of the chapter
// moves onto the tail page, as long as the chapter keeps its page count and
// that page stays at least prevMinFill full. Tables keep their notes with
// their last rows and never leave fewer than tableTailRows rows alone on a
// page (table.go).

// canvas is what the PDF writer draws on: the fpdf document, or a dry
// canvas that measures like it and draws nothing.
type canvas interface {
	AddPage()
	AddPageFormat(orientationStr string, size fpdf.SizeType)
	Bookmark(txtStr string, level int, y float64)
	Circle(x, y, r float64, styleStr string)
	ClipEnd()
	ClipRect(x, y, w, h float64, outline bool)
	ClosePath()
	DrawPath(styleStr string)
	GetPageSize() (width, height float64)
	GetPageSizeStr(sizeStr string) (size fpdf.SizeType)
	GetY() float64
	Line(x1, y1, x2, y2 float64)
	LineTo(x, y float64)
	MoveTo(x, y float64)
	PageNo() int
	RawWriteStr(str string)
	Rect(x, y, w, h float64, styleStr string)
	SetDashPattern(dashArray []float64, dashPhase float64)
	SetDrawColor(r, g, b int)
	SetFillColor(r, g, b int)
	SetLineWidth(width float64)
	SetTextColor(r, g, b int)
	SetXY(x, y float64)
	Text(x, y float64, txtStr string)
}

// dryCanvas lays out without drawing: it keeps its own cursor, pages and
// orientation. Text is measured without the document (pdfDoc.width), so the
// dry pass leaves nothing in it.
type dryCanvas struct {
	real  *fpdf.Fpdf
	y     float64
	page  int  // the page number, as PageNo
	land  bool // the current page is landscape
	start int  // the real page the dry run started on
	// ends[i] is the cursor's y when page start+i was left (or now, for the
	// last page); lines[i] counts the lines of text printed on it.
	ends  []float64
	lines []int
}

func newDryCanvas(real *fpdf.Fpdf) *dryCanvas {
	w, h := real.GetPageSize()
	return &dryCanvas{real: real, y: real.GetY(), page: real.PageNo(), land: w > h, start: real.PageNo(),
		ends: []float64{real.GetY()}, lines: []int{0}}
}

func (c *dryCanvas) addPage(land bool) {
	c.page++
	c.land = land
	c.y = contentT
	c.ends = append(c.ends, c.y)
	c.lines = append(c.lines, 0)
}

func (c *dryCanvas) AddPage()                                { c.addPage(false) }
func (c *dryCanvas) AddPageFormat(o string, _ fpdf.SizeType) { c.addPage(o == "L") }
func (c *dryCanvas) Bookmark(string, int, float64)           {}
func (c *dryCanvas) Circle(float64, float64, float64, string) {
}
func (c *dryCanvas) ClipEnd()                                          {}
func (c *dryCanvas) ClipRect(float64, float64, float64, float64, bool) {}
func (c *dryCanvas) ClosePath()                                        {}
func (c *dryCanvas) DrawPath(string)                                   {}
func (c *dryCanvas) GetPageSize() (float64, float64) {
	if c.land {
		return PageH, pageW
	}
	return pageW, PageH
}
func (c *dryCanvas) GetPageSizeStr(s string) fpdf.SizeType   { return c.real.GetPageSizeStr(s) }
func (c *dryCanvas) GetY() float64                           { return c.y }
func (c *dryCanvas) Line(float64, float64, float64, float64) {}
func (c *dryCanvas) LineTo(float64, float64)                 {}
func (c *dryCanvas) MoveTo(float64, float64)                 {}
func (c *dryCanvas) PageNo() int                             { return c.page }
func (c *dryCanvas) RawWriteStr(string)                      {}
func (c *dryCanvas) Rect(float64, float64, float64, float64, string) {
}
func (c *dryCanvas) SetDashPattern([]float64, float64) {}
func (c *dryCanvas) SetDrawColor(int, int, int)        {}
func (c *dryCanvas) SetFillColor(int, int, int)        {}
func (c *dryCanvas) SetLineWidth(float64)              {}
func (c *dryCanvas) SetTextColor(int, int, int)        {}
func (c *dryCanvas) SetXY(_, y float64) {
	c.y = y
	c.ends[len(c.ends)-1] = y
}
func (c *dryCanvas) Text(float64, float64, string) { c.lines[len(c.lines)-1]++ }

// Thresholds of the pagination rules.
const (
	// tailMinMM is the least content a chapter's page after its first may
	// hold: less is a short tail (a stray line or two, a lone small table).
	tailMinMM = 40.0
	// prevMinFill is the least share of the content height a page keeps
	// when it ends earlier to give a short tail more.
	prevMinFill = 0.45
	// cutStep is how much earlier, in mm, each try ends the page.
	cutStep = 8.0
	// maxCut is the most, in mm, a page ends earlier.
	maxCut = 160.0
	// tableTailRows is the fewest rows of a table a page continues it with.
	tableTailRows = 3
)

// A dryPage is one page of a dry run: how far down its content reaches
// (mm below the top of the content) and how many text lines it holds.
type dryPage struct {
	used  float64
	lines int
}

// dry lays bs out on a dry canvas from the current position and returns its
// pages (the first is the current page), leaving the document as it was.
func (d *pdfDoc) dry(bs []view.Block) []dryPage {
	saved := *d
	real := d.real
	c := newDryCanvas(real)
	realY := real.GetY()
	d.p = c
	d.blocks(bs)
	pages := make([]dryPage, len(c.ends))
	for i, y := range c.ends {
		pages[i] = dryPage{used: y - contentT, lines: c.lines[i]}
	}
	cut := d.cut
	*d = saved
	d.cut = cut
	real.SetXY(MarginL, realY)
	return pages
}

// chapter prints one chapter (the blocks up to the next forced page break),
// ending a page earlier where that spares a later page a short tail.
func (d *pdfDoc) chapter(bs []view.Block) {
	first := d.p.PageNo()
	if len(bs) > 0 {
		switch b := bs[0].(type) {
		case view.Section:
			first = -1
		case view.Subsection:
			if b.NewPage {
				first = -1
			}
		}
	}
	pages := d.dry(bs)
	base := d.p.PageNo()
	if first < 0 {
		// The chapter starts on a page of its own: its first dry page is
		// the one it leaves behind.
		base++
		pages = pages[1:]
	}
	// Note: the first page of a chapter may be short (a chapter of one
	// line); every later page must hold a tail of tailMinMM at least.
	for k := 1; k < len(pages); k++ {
		if pages[k].used >= tailMinMM {
			continue
		}
		prev := base + k - 1
		fill := (d.contentBottomAt(prev) - contentT) * prevMinFill
		orig, ok := d.cut[prev], false
		for extra := cutStep; extra <= maxCut; extra += cutStep {
			d.cut[prev] = orig + extra
			try := d.dry(bs)
			if first < 0 {
				try = try[1:]
			}
			if len(try) != len(pages) || try[k-1].used < fill {
				break
			}
			if try[k].used >= tailMinMM {
				pages, ok = try, true
				break
			}
		}
		if !ok {
			d.cut[prev] = orig
			if orig == 0 {
				delete(d.cut, prev)
			}
		}
	}
	d.blocks(bs)
}

// contentBottomAt is the lowest y of the content area on page pg (portrait).
func (d *pdfDoc) contentBottomAt(pg int) float64 {
	return ContentB - d.cut[pg]
}

// chapters splits the blocks a medium prints into chapters: a new one at
// every forced page break.
func chapters(bs []view.Block) [][]view.Block {
	var out [][]view.Block
	var cur []view.Block
	view.Walk(bs, view.Print, func(b view.Block) {
		brk := false
		switch b := b.(type) {
		case view.Section:
			brk = true
		case view.Subsection:
			brk = b.NewPage
		}
		if brk && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, b)
	})
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
