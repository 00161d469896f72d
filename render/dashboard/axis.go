package dashboard

import "midreview/render/view"

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

// A dashBreakdown is one group of the breakdown selector after 地区: 性別,
// 年代 or a 分析軸, with the By of its tables and its groups in order.
type dashBreakdown struct {
	By, Name string
	Groups   []string
}

// breakdowns lists the selector's breakdowns after 地区: 性別 and 年代 with
// the groups their tables have (in first-seen order), then every 分析軸.
func (p *dashPage) breakdowns(questions []dashQuestion) []dashBreakdown {
	var out []dashBreakdown
	for _, by := range []string{view.ByGender, view.ByAge} {
		b := dashBreakdown{By: by, Name: by}
		seen := map[string]bool{} // lookups only
		for _, q := range questions {
			for _, t := range q.Q.Tables {
				if t.By != by {
					continue
				}
				for _, r := range t.Rows {
					if !seen[r.Group] {
						seen[r.Group] = true
						b.Groups = append(b.Groups, r.Group)
					}
				}
			}
		}
		if len(b.Groups) > 0 {
			out = append(out, b)
		}
	}
	for _, a := range p.V.Axes {
		out = append(out, dashBreakdown{By: a.By, Name: a.Name, Groups: a.Groups})
	}
	return out
}

// axisChoices turns the district selector into a breakdown selector (比較する
// 区分) when the questions have tables by 性別, 年代 or a 分析軸: the page
// data's districts (the selector's values) gain every group after the
// districts, named "区分：グループ", and every question's groups gain the
// matching rows of its table by that breakdown (null where it has none: the
// breakdown's own question, NUM questions). Indicators and hearing ratings
// exist by district only, so such a group shows them empty.
//
// Note: the page script indexes data.districts and q.groups by the selected
// value, so it needs no change.
func (p *dashPage) axisChoices(questions []dashQuestion) {
	v := p.V
	bds := p.breakdowns(questions)
	if len(bds) == 0 {
		return
	}
	ch := dashChoices{Label: view.ByDistrict}
	for i, d := range v.Districts {
		ch.Options = append(ch.Options, dashOption{Index: i, Name: d})
	}
	p.Choices = append(p.Choices, ch)
	for _, a := range bds {
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
