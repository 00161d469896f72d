package render

import (
	"strconv"
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

// summary is 調査結果の概要: per theme its passage (PlaceSummary).
func (c *composer) summary() {
	v := c.v
	any := false
	for _, th := range v.Themes {
		any = any || len(v.PassageLines(analyze.PlaceSummary, th.Code, "")) > 0
	}
	if !any {
		return
	}
	c.add(Section{"調査結果の概要"},
		printOnly(Para{Text: "テーマごとに、指標の評価、策定時調査からの有意な変化、全体と比べて特徴のある地区をまとめています（順位付けの方法は「集計方法」をご覧ください）。", Size: 8.5, Muted: true}, Space{3}),
		webOnly(Note{"テーマごとに、指標の評価、策定時調査からの有意な変化、全体と比べて特徴のある地区をまとめています。"}))
	for _, th := range v.Themes {
		lines := v.PassageLines(analyze.PlaceSummary, th.Code, "")
		if len(lines) == 0 {
			continue
		}
		c.add(Subsection{Title: th.Name, MinBody: 20}, Finding{lines})
	}
}

// freeText is 自由記述: the count and the top keywords (ward report), then
// the masked quotes by theme (and district).
func (c *composer) freeText() {
	ft := c.v.FreeText
	var groups []CommentGroup
	for _, g := range ft.Quotes {
		if c.district == "" || g.District == c.district {
			groups = append(groups, g)
		}
	}
	if ft.Count.Value == 0 && len(ft.Keywords) == 0 && len(groups) == 0 {
		return
	}
	c.add(Section{"自由記述"})
	if c.district == "" {
		c.add(Para{Text: "自由記述の回答：" + ft.Count.Text + " 件"}, Space{2})
		if len(ft.Keywords) > 0 {
			t := Table{Caption: "よく使われた言葉（全体）", Halves: true, Cols: []Col{{Head: "順位", Role: RoleFigure, W: 14},
				{Head: "言葉", Role: RoleLabel, W: 50}, {Head: "回数", Unit: "回", Role: RoleFigure, W: 20}}}
			for i, k := range ft.Keywords {
				t.Rows = append(t.Rows, cells(strconv.Itoa(i+1), k.Key, k.Value))
			}
			c.add(t, Note{"注）名詞・動詞・形容詞の基本形を数えています（よく使われるだけの語は除いています）。"}, Space{3})
		}
	}
	if len(groups) == 0 {
		c.add(Para{Text: "この地区の自由記述はありません。"})
		return
	}
	c.add(Heading{"主な意見（個人が特定される情報は「〇〇」に置き換えています）", 20}, Comments{Groups: groups})
}

// hearings is 団体ヒアリングの結果: the counts of organizations, the ratings
// by theme and the comments by theme and district. The web pages publish
// the comments' public selection (HearingView.PublicComments).
func (c *composer) hearings() {
	h := c.v.Hearings
	if h.Orgs == 0 && len(h.Ratings) == 0 && len(h.Comments) == 0 {
		return
	}
	c.add(Section{"団体ヒアリングの結果"})
	if c.district == "" {
		c.add(Para{Text: "ヒアリングを行った団体：" + Thousands(h.Orgs) + " 団体"}, Space{2})
		// Note: the PDF prints the two counts side by side in one table.
		var pair [][]Cell
		n := max(len(h.ByDistrict), len(h.ByType))
		for i := range n {
			var s [4]string
			if i < len(h.ByDistrict) {
				s[0], s[1] = h.ByDistrict[i].Name, h.ByDistrict[i].N.Text
			}
			if i < len(h.ByType) {
				s[2], s[3] = h.ByType[i].Name, h.ByType[i].N.Text
			}
			pair = append(pair, cells(s[:]...))
		}
		if n > 0 {
			c.add(printOnly(Table{Caption: "地区別・団体種別の団体数", Size: 8.5, Rows: pair, Cols: []Col{{Head: "地区", Role: RoleLabel, W: 50},
				{Head: "団体数", Role: RoleFigure, W: 25}, {Head: "団体種別", W: 60}, {Head: "団体数", Role: RoleFigure, W: 25}}}))
		}
		for _, p := range []struct {
			caption, head string
			counts        []CountRow
		}{{"地区別の団体数", "地区", h.ByDistrict}, {"団体種別の団体数", "団体種別", h.ByType}} {
			t := Table{Caption: p.caption, Cols: []Col{{Head: p.head, Role: RoleLabel}, {Head: "団体数", Unit: "団体", Role: RoleFigure}}}
			for _, kc := range p.counts {
				t.Rows = append(t.Rows, cells(kc.Name, kc.N.Text))
			}
			c.add(webOnly(t))
		}
	} else {
		for _, kc := range h.ByDistrict {
			if kc.Name == c.district {
				c.add(Para{Text: "この地区でヒアリングを行った団体：" + kc.N.Text + " 団体"})
			}
		}
	}
	c.add(Space{3})
	// Rating charts: one per theme (and label set), in first-seen order.
	for i := 0; i < len(h.Ratings); {
		j := i + 1
		for j < len(h.Ratings) && h.Ratings[j].Theme == h.Ratings[i].Theme && pdfSameLabels(h.Ratings[j].Labels, h.Ratings[i].Labels) {
			j++
		}
		theme := h.Ratings[i].Theme
		if theme == "" {
			theme = "テーマなし"
		}
		labels := h.Ratings[i].Labels
		f := Figure{Kind: FigBands, Caption: "ヒアリングの評価：" + theme, Heads: labels, LabelW: 62}
		data := Table{Caption: f.Caption, Cols: []Col{{Head: "項目", Role: RoleLabel}, {Head: "n", Unit: "団体", Role: RoleFigure}}}
		for _, l := range labels {
			data.Cols = append(data.Cols, Col{Head: l, Unit: "%", Role: RoleFigure})
		}
		add := func(label string, r RatingRow, bold bool) {
			f.Bands = append(f.Bands, pdfRatingBand(label, r, bold))
			row := cells(label, r.N.Text)
			for _, s := range r.Shares {
				row = append(row, Cell{Text: s.Text})
			}
			data.Rows = append(data.Rows, row)
		}
		for _, r := range h.Ratings[i:j] {
			if c.district != "" {
				if dr, ok := r.ByDistrict[c.district]; ok {
					add(r.Name+"（"+c.district+"）", dr, true)
				}
				add(r.Name+"（全体）", r.All, false)
			} else {
				add(r.Name, r.All, false)
			}
		}
		f.Data = &data
		c.add(f, Space{2})
		i = j
	}
	// Comments: by theme and district in the ward report, by theme in a
	// district handout.
	title := "団体からの意見（テーマ・地区別）"
	groups, public := h.Comments, h.PublicComments
	if c.district != "" {
		title = "団体からの意見（テーマ別）"
		groups, public = h.DistrictComments[c.district], h.PublicDistrictComments[c.district]
	}
	c.add(printOnly(hearingComments(title, groups)...), webOnly(hearingComments(title, public)...))
}

// hearingComments is a heading and the comment groups under it, or nothing.
func hearingComments(title string, groups []CommentGroup) []Block {
	if len(groups) == 0 {
		return nil
	}
	return []Block{Heading{title, 20}, Comments{Groups: groups, ByTheme: true}}
}
