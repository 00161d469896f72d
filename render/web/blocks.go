package web

import "midreview/render/view"

// render writes composed blocks (layout.go) into the page body.
func (d *WebDoc) render(bs []view.Block) { view.Walk(bs, view.Web, d.block) }

// block writes one block: headings, then tables and charts, then text.
func (d *WebDoc) block(b view.Block) {
	switch b := b.(type) {
	case view.Section:
		d.section(b.Title)
	case view.Subsection:
		d.subsection(b.Title)
	case view.Heading:
		d.heading(b.Text)
	case view.Table:
		d.DrawTable(b)
	case view.Figure:
		d.figure(b)
	case view.MapFigure:
		d.mapFigure(b)
	case view.Record:
		d.heading(b.Title)
		d.para(b.Meta)
		d.DrawTable(b.Data)
		for _, t := range b.Texts {
			d.para(t)
		}
	case view.Para:
		if b.Bold && b.Text != "" {
			d.w("<p><strong>", Esc(b.Text), "</strong></p>\n")
		} else {
			d.para(b.Text)
		}
	case view.Finding:
		if b.WebLines != nil {
			d.finding(b.WebLines)
		} else {
			d.finding(b.Lines)
		}
	case view.Note:
		d.note(b.Text)
	case view.Bullets:
		if b.WebItems != nil {
			d.list(b.WebItems)
		} else {
			d.list(b.Items)
		}
	case view.Comments:
		if b.ByTheme {
			d.noteGroups(b.Groups)
		} else {
			d.quoteGroups(b.Groups)
		}
	case view.DistrictLink:
		d.w("<p><a href=\"", WebDistrictFile(b.Index), "\">", Esc(b.Text), "</a></p>\n")
	}
}

// figure draws a chart, then the table of its figures.
func (d *WebDoc) figure(f view.Figure) {
	switch f.Kind {
	case view.FigTrend:
		d.trendTarget = f.Target
		d.barChart(f.Caption, nil, f.Bars)
		d.trendTarget = view.Fig{}
	case view.FigIndex:
		d.barChart(f.Caption, f.Series, f.Bars)
	case view.FigBars:
		d.countUnit = f.CountUnit
		d.barChart(f.Caption, f.Series, f.Bars)
		d.countUnit = false
	case view.FigBands:
		d.bandChart(f.Caption, f.Heads, f.NA, f.Bands, f.Data == nil)
	}
	if f.Data != nil {
		d.DrawTable(*f.Data)
	}
}

// DrawTable writes a table with its notes: the heads with their units, the
// figures (and their n) in columns of their own, without the columns that
// are not for the web (Col.NotWeb).
func (d *WebDoc) DrawTable(t view.Table) {
	t = webColumns(t)
	heads := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		heads[i] = c.Head
		if c.WebHead != "" {
			heads[i] = c.WebHead
		}
		if c.Unit != "" {
			heads[i] += "（" + c.Unit + "）"
		}
	}
	rows := make([][]wcell, len(t.Rows))
	for r, row := range t.Rows {
		cs := make([]wcell, len(row))
		for i, c := range row {
			s := c.Text + c.Sub
			if c.Ref {
				s += "（" + view.MarkReference + "）"
			}
			cs[i] = wcell{text: s, num: i < len(t.Cols) && (t.Cols[i].Role == view.RoleFigure || t.Cols[i].Role == view.RoleN), tone: c.Tone}
		}
		rows[r] = cs
	}
	if len(t.WebOrder) == len(heads) {
		h := make([]string, len(heads))
		for k, i := range t.WebOrder {
			h[k] = heads[i]
		}
		heads = h
		for r, row := range rows {
			if len(row) != len(t.WebOrder) {
				continue
			}
			cs := make([]wcell, len(row))
			for k, i := range t.WebOrder {
				cs[k] = row[i]
			}
			rows[r] = cs
		}
	}
	for i, c := range t.Cols {
		if len(t.WebOrder) == len(heads) {
			break
		}
		if c.Role == view.RoleLabel && i > 0 {
			heads = append(append([]string{heads[i]}, heads[:i]...), heads[i+1:]...)
			for r, row := range rows {
				if i < len(row) {
					rows[r] = append(append([]wcell{row[i]}, row[:i]...), row[i+1:]...)
				}
			}
			break
		}
	}
	d.narrow = t.Narrow
	d.table(t.Caption, heads, rows)
	d.narrow = false
	notes := t.Notes
	if t.WebNotes != nil {
		notes = t.WebNotes
	}
	for _, s := range notes {
		d.note(s)
	}
}

// webColumns is t without its NotWeb columns (t itself when it has none):
// their cells leave every row, and WebOrder, when it lists every column,
// lists the rest.
func webColumns(t view.Table) view.Table {
	var keep []int
	for i, c := range t.Cols {
		if !c.NotWeb {
			keep = append(keep, i)
		}
	}
	if len(keep) == len(t.Cols) {
		return t
	}
	at := make([]int, len(t.Cols)) // old index → new, -1 when dropped
	for i := range at {
		at[i] = -1
	}
	cols := make([]view.Col, len(keep))
	for k, i := range keep {
		cols[k], at[i] = t.Cols[i], k
	}
	rows := make([][]view.Cell, len(t.Rows))
	for r, row := range t.Rows {
		cs := make([]view.Cell, 0, len(row))
		for i, c := range row {
			if i >= len(at) || at[i] >= 0 {
				cs = append(cs, c)
			}
		}
		rows[r] = cs
	}
	var order []int
	if len(t.WebOrder) == len(t.Cols) {
		for _, i := range t.WebOrder {
			if at[i] >= 0 {
				order = append(order, at[i])
			}
		}
	}
	t.Cols, t.Rows, t.WebOrder = cols, rows, order
	return t
}

// quoteGroups writes groups of quotes, each under its theme and district.
func (d *WebDoc) quoteGroups(groups []view.CommentGroup) {
	for _, g := range groups {
		d.w("<p class=\"group\"><strong>", Esc(view.CommentTitle(g)), "</strong></p>\n")
		d.list(g.Items)
	}
}
