package render

import (
	"strings"

	"midreview/analyze"
)

// The chapter composers: each builds one chapter of the handouts from the
// View as blocks (layout.go), once for the PDF and the web pages. Their order
// is in chapters.go.

// compose returns the blocks one composer adds for v and district.
func compose(v *View, district string, f func(*composer)) []Block {
	c := &composer{v: v, district: district}
	f(c)
	return c.out
}

// overview is 調査の概要 (配布数・有効回答数・回収率): every district
// in the ward report, the district and 全体 in a district handout.
func (c *composer) overview() {
	v := c.v
	c.add(Section{"調査の概要"},
		Para{Text: "調査名：" + v.SurveyName},
		Para{Text: "基準日：" + v.Date},
		Para{Text: v.Overview.Summary},
		Space{3})
	t := Table{Caption: "配布数・有効回答数・回収率", Cols: []Col{{Head: "区分", Role: RoleLabel, W: 60},
		{Head: "配布数", Unit: "票", Role: RoleFigure, W: 30}, {Head: "有効回答数", Unit: "票", Role: RoleFigure, W: 30},
		{Head: "回収率（%）", Role: RoleFigure, W: 30}}}
	for i, r := range v.Overview.Rows {
		if c.district != "" && i > 0 && r.Name != c.district {
			continue
		}
		all := i == 0
		t.Rows = append(t.Rows, []Cell{{Text: r.Name, Bold: all, Shade: all}, {Text: r.Distributed.Text, Shade: all},
			{Text: r.Valid.Text, Shade: all}, {Text: r.Rate.Text, Shade: all}})
	}
	c.add(t)
	if c.district == "" && len(v.Settings) > 0 {
		t := Table{Caption: "集計の設定", Cols: []Col{{Head: "項目", Role: RoleLabel, W: 60}, {Head: "設定", W: contentW - 60}}}
		for _, kv := range v.Settings {
			t.Rows = append(t.Rows, cells(kv.Key, kv.Value))
		}
		c.add(Space{4}, t)
	}
}

// commentTitle is a quote group's title: its theme and district.
func commentTitle(g CommentGroup) string {
	var parts []string
	if g.Theme != "" {
		parts = append(parts, "テーマ："+g.Theme)
	}
	if g.District != "" {
		parts = append(parts, "地区："+g.District)
	}
	if len(parts) == 0 {
		return analyze.GroupAll
	}
	return strings.Join(parts, "　")
}
