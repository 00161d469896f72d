package pdf

import (
	"strconv"
	"strings"

	"midreview/render/view"
)

// render prints composed blocks (layout.go) on the handout's pages, chapter
// by chapter (paginate.go).
func (d *pdfDoc) render(bs []view.Block) {
	d.setTrendTop(bs)
	for _, ch := range chapters(bs) {
		d.chapter(ch)
	}
}

// blocks prints bs in order, keeping a figure with the notes right after it
// (its legend, reader report 5 item 2: 「◆は目」 at a page's foot and
// 「標値…」 on the next): when the notes would not all end on the figure's
// page, the figure starts a new page, if the two fit on one.
func (d *pdfDoc) blocks(bs []view.Block) {
	for i, b := range bs {
		if _, ok := b.(view.Figure); ok {
			j := i + 1
			for j < len(bs) && isNote(bs[j]) {
				j++
			}
			if j > i+1 && d.y() > contentT+1 && d.pagesOf(bs[i:i+1], false) < d.pagesOf(bs[i:j], false) && d.pagesOf(bs[i:j], true) == 0 {
				d.newPage()
			}
		}
		d.block(b)
	}
}

// isNote reports whether b is a note (view.Note).
func isNote(b view.Block) bool {
	_, ok := b.(view.Note)
	return ok
}

// pagesOf lays bs out on a dry canvas (paginate.go) from the cursor, or
// from the top of a new page when fresh, and returns how many pages it
// moved on; the document is left as it was.
func (d *pdfDoc) pagesOf(bs []view.Block, fresh bool) int {
	saved := *d
	c := &dryCanvas{real: d.real, y: d.y(), page: d.p.PageNo(), land: d.landscape(), start: d.p.PageNo(),
		ends: []float64{d.y()}, lines: []int{0}}
	d.p = c
	if fresh {
		d.newPage()
	}
	start := c.page
	for _, b := range bs {
		d.block(b)
	}
	n := c.page - start
	*d = saved
	return n
}

// block prints one block: first the hints for the printed page alone.
func (d *pdfDoc) block(b view.Block) {
	switch b := b.(type) {
	case view.Space:
		d.down(b.MM)
	case view.Need:
		d.need(b.MM)
	case view.Section:
		d.section(b.Title)
	case view.Subsection:
		d.subsection(b.Title, b.MinBody, b.NewPage)
	case view.Heading:
		if b.Small {
			// A legend's heading keeps its first lines with it.
			d.need(3*8.5*PtMM*1.55 + b.MinBody)
			d.font("B", 8.5)
			d.para(b.Text, "B", 8.5, 0)
			return
		}
		d.heading(b.Text, b.MinBody)
	case view.Para:
		if b.Text == "" {
			return
		}
		size, style := 9.5, ""
		if b.Size > 0 {
			size = b.Size
		}
		if b.Bold {
			style = "B"
		}
		if b.Muted {
			d.color(colMuted)
		}
		if b.List {
			d.listPara(b.Text, style, size)
		} else {
			d.para(b.Text, style, size, 0)
		}
		if b.Muted {
			d.color(colText)
		}
	case view.Finding:
		d.findingText(b.Lines)
	case view.Note:
		d.note(b.Text)
	case view.Bullets:
		size := 8.5
		if b.Size > 0 {
			size = b.Size
		}
		if b.Muted {
			d.color(colMuted)
		}
		d.bullets(b.Items, size)
		if b.Muted {
			d.color(colText)
		}
	case view.Comments:
		if b.ByTheme {
			d.noteGroups(b.Groups)
			return
		}
		for _, g := range b.Groups {
			d.commentGroup(g)
		}
	case view.Table:
		d.drawTable(b)
	case view.Figure:
		d.figure(b)
	case view.Record:
		d.record(b)
	case view.MapFigure:
		d.mapFigure(b)
	}
}

// figure draws a chart; its Data table is for the web.
func (d *pdfDoc) figure(f view.Figure) {
	switch f.Kind {
	case view.FigBars:
		d.countUnit = f.CountUnit
		d.barChart(d.figNo(f.Caption), f.Series, f.Bars)
		d.countUnit = false
	case view.FigBands:
		d.bandChart(d.figNo(f.Caption), f.Heads, f.NA, f.LabelW, f.Bands)
	case view.FigTrend:
		d.trendChart(f.Caption, f.Bars, f.Target)
	case view.FigIndex:
		d.indexChart(f.Caption, f.Series[0], f.Bars)
	}
}

// pdfColumns turns a table's columns and rows into printed ones: a RoleN
// column is folded into the figure before it ("12.3\n(n=45)"), a cell's Sub
// goes on a line of its own, and a 参考値 gets ※ on the last line.
func pdfColumns(t view.Table) ([]tcol, [][]tcell) {
	var cols []tcol
	var keep []int
	for i, c := range t.Cols {
		if c.Role == view.RoleN {
			continue
		}
		align := byte('L')
		switch {
		case c.Center:
			align = 'C'
		case c.Role == view.RoleFigure:
			align = 'R'
		}
		cols = append(cols, tcol{c.Head, c.W, align})
		keep = append(keep, i)
	}
	rows := make([][]tcell, len(t.Rows))
	for r, row := range t.Rows {
		out := make([]tcell, 0, len(keep))
		for _, i := range keep {
			if i >= len(row) {
				break
			}
			c := row[i]
			s := c.Text
			if c.Sub != "" {
				s += "\n" + c.Sub
			}
			if n := i + 1; n < len(t.Cols) && t.Cols[n].Role == view.RoleN && n < len(row) && row[n].Text != "" {
				s += "\n(n=" + row[n].Text + ")"
			}
			if c.Ref {
				s += "\n" + view.MarkReference
			}
			out = append(out, tcell{text: s, bold: c.Bold, shade: c.Shade})
		}
		rows[r] = out
	}
	return cols, rows
}

// drawTable prints a table with its notes.
func (d *pdfDoc) drawTable(t view.Table) {
	size := t.Size
	if size == 0 {
		size = 8.5
	}
	t = d.breakPhrases(t, size)
	switch {
	case t.Compact:
		d.compactTable(t)
	case t.Wide:
		d.wideTable(t, size)
	case t.Halves:
		cols, rows := pdfColumns(t)
		half := (len(rows) + 1) / 2
		var body [][]tcell
		for i := range half {
			r := append([]tcell{}, rows[i]...)
			if j := i + half; j < len(rows) {
				r = append(r, rows[j]...)
			} else {
				r = append(r, make([]tcell, len(cols))...)
			}
			body = append(body, r)
		}
		d.keepAfter = d.notesHeight(t.Notes)
		d.table(d.tableNo(t.Caption), append(cols, cols...), body, size)
	default:
		cols, rows := pdfColumns(t)
		d.keepAfter = d.notesHeight(t.Notes)
		d.table(d.tableNo(t.Caption), cols, rows, size)
	}
	if !t.Wide {
		d.notes(t.Notes)
	}
}

// notesHeight is the height notes take below a table (note, para), with the
// room the table leaves under its last rule.
func (d *pdfDoc) notesHeight(ns []string) float64 {
	h := 0.0
	for _, s := range ns {
		if s == "" {
			continue
		}
		d.font("", 7.5)
		h += float64(len(d.wrap(s, contentW))) * 7.5 * PtMM * 1.55
	}
	if h > 0 {
		h += 1.5
	}
	return h
}

// notes prints a table's notes.
func (d *pdfDoc) notes(ns []string) {
	for _, s := range ns {
		d.note(s)
	}
}

// wideTable prints a crosstab (its first two columns the group and n, then
// one column per choice). When the choices do not fit the portrait width,
// the table goes on landscape pages (what follows returns to portrait); when
// they do not fit that either, it is split into column blocks, each
// repeating the group and n columns.
// Note: a table of a few rows (a district handout's district and 全体) stays on
// the portrait page in column blocks: a landscape page for two rows would waste
// a sheet and break the flow of the question.
func (d *pdfDoc) wideTable(t view.Table, size float64) {
	cols, body := pdfColumns(t)
	n := len(cols) - 2
	avail := contentW - xtGroupW - xtNW
	if float64(n)*xtChoiceMn > avail && len(body) >= xtLandRows {
		avail = PageH - MarginL - MarginR - xtGroupW - xtNW
		d.wantLand = true
		defer func() { d.wantLand = false }()
	}
	per := max(1, int(avail/xtChoiceMn))
	blocks := max(1, (n+per-1)/per)
	numbered := d.tableNo(t.Caption)
	for b := 0; b < blocks; b++ {
		lo, hi := b*n/blocks, (b+1)*n/blocks
		bc := append([]tcol{}, cols[:2]...)
		ws := d.choiceWidths(cols[2+lo:2+hi], avail, size)
		for i, c := range cols[2+lo : 2+hi] {
			bc = append(bc, tcol{c.head, ws[i], 'R'})
		}
		var rows [][]tcell
		for _, r := range body {
			rows = append(rows, append(append([]tcell{}, r[:2]...), r[2+lo:2+hi]...))
		}
		caption := numbered
		if blocks > 1 {
			caption += "［" + strconv.Itoa(b+1) + "/" + strconv.Itoa(blocks) + "］"
		}
		if b == blocks-1 {
			d.keepAfter = d.notesHeight(t.Notes)
		}
		d.table(caption, bc, rows, size)
	}
	// Note: the notes go on the table's (landscape) page, before the
	// deferred return to portrait.
	d.notes(t.Notes)
}

// choiceWidths shares avail among a crosstab's choice columns: equal widths
// (at most xtChoiceMx), except that a column whose head has a word wider
// than that gets the word's width (headLines breaks heads between words),
// as long as the others keep xtChoiceMn.
// The widths are shared (layoutcache.go): callers must not modify them.
func (d *pdfDoc) choiceWidths(cols []tcol, avail, size float64) []float64 {
	d.font("B", size-0.5)
	if d.shared == nil {
		return d.computeChoiceWidths(cols, avail)
	}
	k := choiceKeyOf(cols, avail, size)
	if ws, ok := d.shared.widths.Load(k); ok {
		return ws.([]float64)
	}
	ws := d.computeChoiceWidths(cols, avail)
	if d.shared.n.Load() < maxShared {
		d.shared.n.Add(1)
		d.shared.widths.Store(k, ws)
	}
	return ws
}

// computeChoiceWidths is choiceWidths in the current font.
func (d *pdfDoc) computeChoiceWidths(cols []tcol, avail float64) []float64 {
	need := make([]float64, len(cols))
	for i, c := range cols {
		for _, a := range headPieces([]rune(c.head), 1, 0, d.width) {
			need[i] = max(need[i], d.width(strings.Trim(a, " 　"))+2*cellPad+0.2)
		}
	}
	ws := make([]float64, len(cols))
	fixed := make([]bool, len(cols))
	for {
		rest, free := avail, 0
		for i := range cols {
			if fixed[i] {
				rest -= need[i]
			} else {
				free++
			}
		}
		w := xtChoiceMx
		if free > 0 {
			w = min(xtChoiceMx, rest/float64(free))
		}
		if w < xtChoiceMn {
			// No room for every word: equal widths, words broken inside.
			for i := range ws {
				ws[i] = min(xtChoiceMx, avail/float64(max(1, len(cols))))
			}
			return ws
		}
		grew := false
		for i := range cols {
			if !fixed[i] && need[i] > w {
				fixed[i], grew = true, true
			}
		}
		if !grew {
			for i := range cols {
				ws[i] = w
				if fixed[i] {
					ws[i] = need[i]
				}
			}
			return ws
		}
	}
}

// breakPhrases returns t with the heads and cells of its BreakHead and
// BreakCells columns broken at phrases (phraseLines), in the table's font.
func (d *pdfDoc) breakPhrases(t view.Table, size float64) view.Table {
	cols := append([]view.Col{}, t.Cols...)
	cellsToo := false
	for i, c := range cols {
		if c.BreakHead {
			cols[i].Head = d.phraseHead(c.Head, c.W, size)
		}
		cellsToo = cellsToo || c.BreakCells
	}
	t.Cols = cols
	if !cellsToo {
		return t
	}
	rows := make([][]view.Cell, len(t.Rows))
	for r, row := range t.Rows {
		rows[r] = append([]view.Cell{}, row...)
		for i := range rows[r] {
			if i < len(cols) && cols[i].BreakCells {
				rows[r][i].Text = d.phraseCell(rows[r][i].Text, cols[i].W, size)
			}
		}
	}
	t.Rows = rows
	return t
}
