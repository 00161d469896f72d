package render

import "midreview/analyze"

// dashChoices is one option group of the dashboard's selector: 地区, or a 分析軸
// with its groups.
type dashChoices struct {
	Label   string
	Options []dashOption
}

// dashOption is one group of the selector; Index is its position in the page
// data's districts and in every question's groups.
type dashOption struct {
	Index int
	Name  string
}

// axisChoices turns the district selector into a breakdown selector when the
// view has 分析軸: the page data's districts (the selector's values) gain every
// axis group after the districts, named "軸：グループ", and every question's
// groups gain the matching rows of its table by that axis (null where it has
// none: the axis question itself, NUM questions). Indicators and hearing
// ratings exist by district only, so an axis group shows them empty.
//
// Note: the page script indexes data.districts and q.groups by the selected
// value, so it needs no change; without 分析軸 nothing here runs and the page
// is as before.
func (p *dashPage) axisChoices(questions []dashQuestion) {
	v := p.V
	if len(v.Axes) == 0 {
		return
	}
	ch := dashChoices{Label: analyze.ByDistrict}
	for i, d := range v.Districts {
		ch.Options = append(ch.Options, dashOption{Index: i, Name: d})
	}
	p.Choices = append(p.Choices, ch)
	for _, a := range v.Axes {
		ch := dashChoices{Label: a.Name}
		for _, g := range a.Groups {
			ch.Options = append(ch.Options, dashOption{Index: len(p.Data.Districts), Name: g})
			p.Data.Districts = append(p.Data.Districts, a.Name+"："+g)
		}
		p.Choices = append(p.Choices, ch)
		for qi := range questions {
			rows := map[string]*dashRow{} // lookups only
			q := &questions[qi]
			for _, t := range q.Q.Tables {
				if t.By != a.By {
					continue
				}
				for _, r := range t.Rows {
					rows[r.Group] = dashRowOf(r.N, r.Cells, r.Suppressed, r.Reference)
				}
			}
			for _, g := range a.Groups {
				q.Groups = append(q.Groups, rows[g])
			}
		}
	}
}
