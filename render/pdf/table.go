package pdf

import "midreview/render/view"

// A tcol is one column of a printed table.
type tcol struct {
	head  string
	w     float64 // millimetres
	align byte    // 'L', 'R' or 'C'
}

// A tcell is one cell of a printed table.
type tcell struct {
	text  string
	bold  bool
	shade bool // light background, for the 全体 row
}

const cellPad = 1.2 // horizontal padding inside a cell, mm

// table prints a captioned table at the cursor. Rows are wrapped to their column
// widths; after a page break the caption (marked 続き) and the header repeat.
// d.keepAfter (the height of the table's notes) is kept on the page of its
// last row, so that no page starts with a table's note.
func (d *pdfDoc) table(caption string, cols []tcol, rows [][]tcell, size float64) {
	keepAfter := d.keepAfter
	d.keepAfter = 0
	lh := size * PtMM * 1.4
	headSize := size - 0.5
	hlh := headSize * PtMM * 1.35
	d.font("B", headSize)
	heads := make([][]string, len(cols))
	headH := 0.0
	for i, c := range cols {
		heads[i] = d.headLines(c.head, c.w-2*cellPad)
		headH = max(headH, float64(len(heads[i]))*hlh+2)
	}
	// A row may be at most as tall as a page below the caption and the header;
	// longer cell text (a name of a thousand characters) is cut with "…".
	pageContent := PageH - (PageH - ContentB) - contentT
	if d.wantLand {
		pageContent = pageW - (PageH - ContentB) - contentT
	}
	maxLines := max(1, int((pageContent-8-d.captionExtra(caption)-headH-1.8)/lh))
	wrapped := make([][][]string, len(rows))
	heights := make([]float64, len(rows))
	for r, row := range rows {
		wrapped[r] = make([][]string, len(cols))
		h := 0.0
		for i := range cols {
			if i >= len(row) {
				continue
			}
			d.font(pdfStyle(row[i].bold), size)
			w := cols[i].w - 2*cellPad
			ls := capLines(d.wrap(row[i].text, w), maxLines, w, d.width)
			wrapped[r][i] = ls
			h = max(h, float64(len(ls))*lh+1.8)
		}
		heights[r] = h
	}
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	drawHead := func(cont bool) {
		if cont {
			d.captionLine(caption + "（続き）")
		}
		y := d.y()
		d.fill(colHead)
		d.rect(MarginL, y, total, headH, "F")
		d.draw(colText)
		d.p.SetLineWidth(0.4)
		d.line(MarginL, y, MarginL+total, y)
		d.p.SetLineWidth(0.25)
		d.line(MarginL, y+headH, MarginL+total, y+headH)
		d.font("B", headSize)
		x := MarginL
		for i, c := range cols {
			top := y + (headH-float64(len(heads[i]))*hlh)/2
			for j, l := range heads[i] {
				d.cellText(x, c, top+float64(j)*hlh+hlh/2, l)
			}
			x += c.w
		}
		d.setY(y + headH)
	}
	// Keep the caption, the header and the first three rows together, and a
	// table of up to 70 mm whole.
	keep, whole := 0.0, 0.0
	for i, h := range heights {
		if i < 3 {
			keep += h
		}
		whole += h
	}
	if whole <= 70 {
		keep = whole + keepAfter
	}
	d.need(8 + d.captionExtra(caption) + headH + keep)
	d.captionLine(caption)
	drawHead(false)
	brk := d.tableBreak(heights, 0, keepAfter)
	for r, row := range rows {
		if r == brk {
			d.closeTable(total)
			d.newPage()
			drawHead(true)
			brk = d.tableBreak(heights, r, keepAfter)
		}
		y := d.y()
		x := MarginL
		for i, c := range cols {
			if i < len(row) && row[i].shade {
				d.fill([3]int{244, 244, 244})
				d.rect(x, y, c.w, heights[r], "F")
			}
			x += c.w
		}
		x = MarginL
		for i, c := range cols {
			if i < len(row) {
				d.font(pdfStyle(row[i].bold), size)
				top := y + 0.9
				for j, l := range wrapped[r][i] {
					d.cellText(x, c, top+float64(j)*lh+lh/2, l)
				}
			}
			x += c.w
		}
		// Vertical separators and the row rule.
		d.draw(colGrid)
		d.p.SetLineWidth(0.15)
		x = MarginL
		for _, c := range cols[:len(cols)-1] {
			x += c.w
			d.line(x, y, x, y+heights[r])
		}
		d.line(MarginL, y+heights[r], MarginL+total, y+heights[r])
		d.setY(y + heights[r])
	}
	d.closeTable(total)
	d.down(1.5)
}

// tableBreak returns the row before which the page that holds row from (at
// the cursor) breaks, len(heights) for none: the first row that does not
// fit, the last row needing keepAfter below it too. A page goes on with at
// least tableTailRows rows (or all that are left): when fewer would be left
// for the next page, it breaks earlier, keeping at least one row on this one.
func (d *pdfDoc) tableBreak(heights []float64, from int, keepAfter float64) int {
	y, bottom, n := d.y(), d.contentBottom(), len(heights)
	b := n
	for r := from; r < n; r++ {
		h := heights[r]
		if r == n-1 {
			h += keepAfter
		}
		if y+h > bottom {
			b = r
			break
		}
		y += heights[r]
	}
	if b < n && n-b < tableTailRows {
		b = n - tableTailRows
	}
	return max(b, from+1)
}

func (d *pdfDoc) closeTable(total float64) {
	d.draw(colText)
	d.p.SetLineWidth(0.4)
	d.line(MarginL, d.y(), MarginL+total, d.y())
}

func (d *pdfDoc) cellText(x float64, c tcol, yMid float64, s string) {
	d.color(colText)
	switch c.align {
	case 'R':
		d.textAt(x+c.w-cellPad, yMid, s, 'R')
	case 'C':
		d.textAt(x+c.w/2, yMid, s, 'C')
	default:
		d.textAt(x+cellPad, yMid, s, 'L')
	}
}

func pdfStyle(bold bool) string {
	if bold {
		return "B"
	}
	return ""
}

// Crosstab column widths: the group and n columns, and the narrowest and widest
// choice column.
const (
	xtGroupW   = view.XtGroupW
	xtNW       = view.XtNW
	xtChoiceMn = 13.0
	xtChoiceMx = 24.0
	// xtLandRows is the fewest rows for which a table too wide for portrait
	// gets a landscape page rather than portrait column blocks.
	xtLandRows = 3
)
