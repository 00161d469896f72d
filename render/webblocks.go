package render

// render writes composed blocks (layout.go) into the page body.
func (d *webDoc) render(bs []Block) { walk(bs, Web, d.block) }

// block writes one block: headings, then tables and charts, then text.
func (d *webDoc) block(b Block) {
	switch b := b.(type) {
	case Section:
		d.section(b.Title)
	case Subsection:
		d.subsection(b.Title)
	case Heading:
		d.heading(b.Text)
	case Table:
		d.drawTable(b)
	case Figure:
		d.figure(b)
	case MapFigure:
		d.mapFigure(b)
	case Record:
		d.heading(b.Title)
		d.para(b.Meta)
		d.drawTable(b.Data)
		for _, t := range b.Texts {
			d.para(t)
		}
	case Para:
		if b.Bold && b.Text != "" {
			d.w("<p><strong>", esc(b.Text), "</strong></p>\n")
		} else {
			d.para(b.Text)
		}
	case Finding:
		d.finding(b.Lines)
	case Note:
		d.note(b.Text)
	case Bullets:
		d.list(b.Items)
	case Comments:
		if b.ByTheme {
			d.noteGroups(b.Groups)
		} else {
			d.quoteGroups(b.Groups)
		}
	case DistrictLink:
		d.w("<p><a href=\"", webDistrictFile(b.Index), "\">", esc(b.Text), "</a></p>\n")
	}
}

// figure draws a chart, then the table of its figures.
func (d *webDoc) figure(f Figure) {
	switch f.Kind {
	case FigTrend:
		d.trendTarget = f.Target
		d.barChart(f.Caption, nil, f.Bars)
		d.trendTarget = Fig{}
	case FigIndex:
		d.barChart(f.Caption, f.Series, f.Bars)
	case FigBars:
		d.countUnit = f.CountUnit
		d.barChart(f.Caption, f.Series, f.Bars)
		d.countUnit = false
	case FigBands:
		d.bandChart(f.Caption, f.Heads, f.NA, f.Bands, f.Data == nil)
	}
	if f.Data != nil {
		d.drawTable(*f.Data)
	}
}

// drawTable writes a table with its notes: the heads with their units, the
// figures (and their n) in columns of their own.
func (d *webDoc) drawTable(t Table) {
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
				s += "（" + MarkReference + "）"
			}
			cs[i] = wcell{text: s, num: i < len(t.Cols) && (t.Cols[i].Role == RoleFigure || t.Cols[i].Role == RoleN), tone: c.Tone}
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
		if c.Role == RoleLabel && i > 0 {
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

// quoteGroups writes groups of quotes, each under its theme and district.
func (d *webDoc) quoteGroups(groups []CommentGroup) {
	for _, g := range groups {
		d.w("<p class=\"group\"><strong>", esc(commentTitle(g)), "</strong></p>\n")
		d.list(g.Items)
	}
}
