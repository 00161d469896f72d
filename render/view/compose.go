package view

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/analyze"
)

// The chapter composers: each builds one chapter of the handouts from the
// View as blocks (layout.go), once for the PDF and the web pages. Their order
// is in chapters.go.

// Compose returns the blocks the composers fs add, in order, for v and
// district ("" for the ward).
func Compose(v *View, district string, fs ...func(*Composer)) []Block {
	c := &Composer{V: v, district: district}
	for _, f := range fs {
		f(c)
	}
	return c.Out
}

// overview is 調査の概要 (配布数・有効回答数・回収率): every district
// in the ward report, the district and 全体 in a district handout.
func (c *Composer) overview() {
	v := c.V
	c.Add(Section{"調査の概要"})
	if len(v.Overview.Items) > 0 {
		// Note: the survey's settings in municipal order (調査名 … 配布数,
		// 有効回答数, 回収率, 基準日), which already say what Summary says.
		for _, kv := range v.Overview.Items {
			c.Add(Para{Text: kv.Key + "：" + kv.Value})
		}
	} else {
		c.Add(Para{Text: "調査名：" + v.SurveyName}, Para{Text: "基準日：" + v.Date}, Para{Text: v.Overview.Summary})
	}
	c.Add(Space{3})
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
	c.Add(t)
	c.rateMap()
	if c.district == "" && len(v.Settings) > 0 {
		t := Table{Caption: "集計の設定", Cols: []Col{{Head: "項目", Role: RoleLabel, W: 60}, {Head: "設定", W: ContentW - 60}}}
		for _, kv := range v.Settings {
			t.Rows = append(t.Rows, Cells(kv.Key, kv.Value))
		}
		// Note: the settings sheet as given (秘匿基準, 有意水準, 評価方法 検定)
		// is the committee's; residents read on the web what it does.
		c.Add(PrintOnly(Space{4}, t), WebOnly(Para{Text: webSettingsText(v)}))
	}
}

// webSettingsText says in plain words what the settings do: which groups'
// figures are hidden (x) or marked 参考値, and how sure a difference must be.
func webSettingsText(v *View) string {
	s := "集計では、回答者が少ない区分の数値を伏せ（" + MarkSuppressed + "）、やや少ない区分は" + MarkReference + "としています（" +
		v.SettingValue("秘匿基準") + "、" + v.SettingValue("参考値基準") + "）。"
	if a := v.AlphaText(); a != "" {
		s += "差は、偶然に生じる確率が " + a + " より小さいとき、偶然とは考えにくい差としています。"
	}
	return s
}

// CommentTitle is a quote group's title: its theme and district.
func CommentTitle(g CommentGroup) string {
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
func (c *Composer) summary() {
	v := c.V
	ward := v.PassageLines(analyze.PlaceSummary, "", "")
	any := len(ward) > 0
	for _, th := range v.Themes {
		any = any || len(v.PassageLines(analyze.PlaceSummary, th.Code, "")) > 0
	}
	if !any {
		return
	}
	intro := "テーマごとに、委員会が対応を検討すべき事項（目標から遅れている指標、策定時調査からの有意な変化、全体と比べて有意に異なる地区）を重要度の高い順にまとめ、最後に団体ヒアリングと取組の振り返りの状況を記しています"
	title := "調査結果の概要"
	if v.NoSurvey {
		title, intro = "結果の概要", "委員会が対応を検討すべき事項として、進ちょくが遅れている取組と次年度に見直す取組などをまとめています"
	}
	c.Add(Section{title},
		PrintOnly(Para{Text: intro + "。", Size: 8.5, Muted: true}, Space{3}),
		WebOnly(Note{intro + "。"}))
	for _, th := range v.Themes {
		f := v.PassageFinding(analyze.PlaceSummary, th.Code, "")
		if len(f.Lines) == 0 {
			continue
		}
		c.Add(Subsection{Title: th.Name, MinBody: 20}, f)
	}
	if len(ward) > 0 {
		var parts []string
		if v.Hearings.Orgs > 0 {
			parts = append(parts, "団体ヒアリング")
		}
		if v.Hard != nil {
			parts = append(parts, "ソフトとハードの連携")
		}
		if v.Progress != nil {
			parts = append(parts, "取組の振り返り")
		}
		title := strings.Join(parts, "・")
		if title == "" {
			title = "全体"
		}
		c.Add(Subsection{Title: title, MinBody: 20}, v.PassageFinding(analyze.PlaceSummary, "", ""))
	}
}

// freeText is 自由記述: the count and the top keywords (ward report), then
// the masked quotes by theme (and district).
func (c *Composer) freeText() {
	ft := c.V.FreeText
	var groups []CommentGroup
	shown := 0 // quotes the 地区カルテ printed already
	for _, g := range ft.Quotes {
		if c.district == "" || g.District == c.district {
			// Note: a district handout quotes each answer once: the
			// カルテ's 住民の声 are not repeated here.
			items := slices.DeleteFunc(slices.Clone(g.Items), func(s string) bool { return slices.Contains(c.karteQuotes, s) })
			shown += len(g.Items) - len(items)
			if len(items) > 0 {
				g.Items = items
				groups = append(groups, g)
			}
		}
	}
	if ft.Count.Value == 0 && len(ft.Keywords) == 0 && len(groups) == 0 {
		return
	}
	c.Add(Section{"自由記述"})
	if c.district == "" {
		c.Add(Para{Text: "自由記述の回答：" + ft.Count.Text + " 件"}, Space{2})
		if len(ft.Keywords) > 0 {
			t := Table{Caption: "よく使われた言葉（全体）", Halves: true, Cols: []Col{{Head: "順位", Role: RoleFigure, W: 14},
				{Head: "言葉", Role: RoleLabel, W: 50}, {Head: "回数", Unit: "回", Role: RoleFigure, W: 20}}}
			for i, k := range ft.Keywords {
				t.Rows = append(t.Rows, Cells(strconv.Itoa(i+1), k.Key, k.Value))
			}
			c.Add(t, Note{"注）名詞・動詞・形容詞の基本形（打ち消しは「足りない」のように打ち消しの形）を数えています（よく使われるだけの語は除いています）。"}, Space{3})
		}
	}
	if len(groups) == 0 {
		if shown > 0 {
			c.Add(Para{Text: "この地区の自由記述の抜粋（" + strconv.Itoa(shown) + "件）は、「" + c.district + "地区カルテ」の「住民の声」に掲げています。"})
			return
		}
		c.Add(Para{Text: "この地区の自由記述はありません。"})
		return
	}
	c.Add(Heading{Text: "主な意見（個人が特定される情報は「〇〇」に置き換えています）", MinBody: 20}, Comments{Groups: groups})
}

// hearings is 団体ヒアリングの結果: the counts of organizations, the ratings
// by theme and the comments by theme and district. The web pages publish
// the comments' public selection (HearingView.PublicComments). A batch
// whose hearing forms hold no organization (hearings/ missing or its forms
// empty, the ヒアリング項目 still defined) has no such chapter: a table of
// zeros and rating charts of n=0 say nothing (as a cycle year's handout).
func (c *Composer) hearings() {
	h := c.V.Hearings
	if h.Orgs == 0 {
		return
	}
	c.Add(Section{"団体ヒアリングの結果"})
	if c.district == "" {
		c.Add(Para{Text: "ヒアリングを行った団体：" + Thousands(h.Orgs) + " 団体"}, Space{2})
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
			pair = append(pair, Cells(s[:]...))
		}
		// Note: an organization active in several districts counts in each
		// (inputs.md, ヒアリング項目 地区), so the district column may sum past
		// the organizations; the note says so when it does (as 表 ハード連携's).
		var notes []string
		sum := 0.0
		for _, kc := range h.ByDistrict {
			sum += kc.N.Value
		}
		if int(sum) > h.Orgs {
			notes = []string{"注）複数の地区で活動する団体は、それぞれの地区に数えています（地区別の団体数の合計は" + Thousands(int(sum)) + "団体で、ヒアリングを行った団体数と一致しません）。"}
		}
		if n > 0 {
			c.Add(PrintOnly(Table{Caption: "地区別・団体種別の団体数", Size: 8.5, Rows: pair, Notes: notes, Cols: []Col{{Head: "地区", Role: RoleLabel, W: 50},
				{Head: "団体数", Role: RoleFigure, W: 25}, {Head: "団体種別", W: 60}, {Head: "団体数", Role: RoleFigure, W: 25}}}))
		}
		for _, p := range []struct {
			caption, head string
			counts        []CountRow
		}{{"地区別の団体数", "地区", h.ByDistrict}, {"団体種別の団体数", "団体種別", h.ByType}} {
			t := Table{Caption: p.caption, Cols: []Col{{Head: p.head, Role: RoleLabel}, {Head: "団体数", Unit: "団体", Role: RoleFigure}}}
			if p.head == "地区" {
				t.Notes = notes
			}
			for _, kc := range p.counts {
				t.Rows = append(t.Rows, Cells(kc.Name, kc.N.Text))
			}
			c.Add(WebOnly(t))
		}
	} else {
		for _, kc := range h.ByDistrict {
			if kc.Name == c.district {
				c.Add(Para{Text: "この地区でヒアリングを行った団体：" + kc.N.Text + " 団体"})
			}
		}
	}
	c.Add(Space{3})
	c.ratings()
	// Comments: by theme and district in the ward report, by theme in a
	// district handout.
	title := "団体からの意見（テーマ・地区別）"
	groups, public := h.Comments, h.PublicComments
	if c.district != "" {
		title = "団体からの意見（テーマ別）"
		groups, public = h.DistrictComments[c.district], h.PublicDistrictComments[c.district]
	}
	c.Add(PrintOnly(hearingComments(title, groups)...), WebOnly(hearingComments(title, public)...))
}

// ratings is the hearing's ratings. A group of fewer than MinPctBase
// organizations is never a percentage: its rows go to one table of counts
// per scale (「2団体」 with n = 4), first, so that the handouts never draw 2
// of 3 organizations as a 67% band beside the ward's 31.6%, and no （%）
// head stands over a count. Then the rating charts: one per theme (and
// scale), in first-seen order, its items' 全体 (and in a district handout
// of ten or more organizations the district's rows before them) as 100%
// bands with n = the organizations heard, 無回答 (the organizations that
// gave no rating) drawn pale last.
func (c *Composer) ratings() {
	h := c.V.Hearings
	scale := func(r RatingView) []string {
		if r.NA {
			return r.Labels[:len(r.Labels)-1]
		}
		return r.Labels
	}
	var figs []Figure
	var counts []*Table // one per scale, first seen first
	countsOf := map[string]*Table{}
	naOf := map[string]bool{} // some item of the scale has 無回答
	for _, r := range h.Ratings {
		k := strings.Join(scale(r), "\x00")
		naOf[k] = naOf[k] || r.NA
	}
	// pad gives an item every organization rated a 無回答 of none, in a
	// chart or table that has the column.
	pad := func(rv RatingView, r RatingRow, na bool) RatingRow {
		if na && !rv.NA {
			r.Counts = append(slices.Clip(r.Counts), CountFig(0, false))
			r.Shares = append(slices.Clip(r.Shares), PctFig(0, false))
		}
		return r
	}
	// The count table's widths: the item as wide as the chart's labels,
	// the ratings sharing the rest of the page.
	const themeW, itemW, nW = 17.0, 41.0, 10.0
	for i := 0; i < len(h.Ratings); {
		j := i + 1
		for j < len(h.Ratings) && h.Ratings[j].Theme == h.Ratings[i].Theme && slices.Equal(scale(h.Ratings[j]), scale(h.Ratings[i])) {
			j++
		}
		theme := h.Ratings[i].Theme
		if theme == "" {
			theme = GroupNoTheme
		}
		heads := slices.Clone(scale(h.Ratings[i]))
		na := slices.ContainsFunc(h.Ratings[i:j], func(r RatingView) bool { return r.NA })
		if na {
			heads = append(heads, analyze.LabelNA)
		}
		caption := "ヒアリングの評価：" + theme
		f := Figure{Kind: FigBands, Caption: caption, Heads: heads, NA: na, LabelW: 62}
		data := Table{Caption: caption, Cols: []Col{{Head: "項目", Role: RoleLabel}, {Head: "n", Unit: "団体", Role: RoleFigure}}}
		for _, l := range heads {
			data.Cols = append(data.Cols, Col{Head: l, Unit: "%", Role: RoleFigure})
		}
		key := strings.Join(scale(h.Ratings[i]), "\x00")
		add := func(label string, rv RatingView, r RatingRow, bold bool) {
			if r.N.Value == 0 {
				return // no organization heard in the group
			}
			if fewOrgs(r) {
				r = pad(rv, r, naOf[key])
				t := countsOf[key]
				if t == nil {
					heads := slices.Clone(scale(rv))
					if naOf[key] {
						heads = append(heads, analyze.LabelNA)
					}
					cap := "ヒアリングの評価（団体数）"
					if c.district != "" {
						cap = "ヒアリングの評価（" + c.district + "の団体、団体数）"
					}
					t = &Table{Caption: cap, Size: 8, Cols: []Col{{Head: "テーマ", Role: RoleLabel, W: themeW}, {Head: "項目", W: itemW}, {Head: "n", Unit: "団体", Role: RoleFigure, W: nW}}}
					for _, l := range heads {
						t.Cols = append(t.Cols, Col{Head: l, Role: RoleFigure, W: min(24, (ContentW-themeW-itemW-nW)/float64(len(heads))), BreakHead: true})
					}
					countsOf[key] = t
					counts = append(counts, t)
				}
				row := Cells(theme, rv.Name, r.N.Text) // the caption names the district
				for _, n := range r.Counts {
					row = append(row, Cell{Text: OrgsText(n)})
				}
				t.Rows = append(t.Rows, row)
				return
			}
			r = pad(rv, r, na)
			f.Bands = append(f.Bands, BandRow{Label: label, N: r.N, Cells: r.Shares, Bold: bold})
			row := Cells(label, r.N.Text)
			for _, s := range r.Shares {
				row = append(row, Cell{Text: s.Text})
			}
			data.Rows = append(data.Rows, row)
		}
		for _, r := range h.Ratings[i:j] {
			if c.district != "" {
				if dr, ok := r.ByDistrict[c.district]; ok {
					add(r.Name+"（"+c.district+"）", r, dr, true)
				}
				add(r.Name+"（全体）", r, r.All, false)
			} else {
				add(r.Name, r, r.All, false)
			}
		}
		if len(f.Bands) > 0 {
			f.Data = &data
			figs = append(figs, f)
		}
		i = j
	}
	for k, t := range counts {
		if k == len(counts)-1 {
			t.Notes = []string{"注）ヒアリングを行った団体が" + strconv.Itoa(MinPctBase) + "団体未満の区分は、割合ではなく団体数で示しています（n はヒアリングを行った団体の数）。"}
		}
		c.Add(*t, Space{2})
	}
	if len(figs) > 0 {
		// One note for the charts, before the first.
		c.Add(Note{Text: ratingsNote(h.Ratings)})
	}
	for _, f := range figs {
		c.Add(f, Space{2})
	}
}

// ratingsNote says what the hearing rating charts' base is, and where the
// organizations that gave no rating are when some did not.
func ratingsNote(rs []RatingView) string {
	t := "注）評価の割合は、ヒアリングを行った団体の数（n）に対する割合です。"
	if slices.ContainsFunc(rs, func(r RatingView) bool { return r.NA }) {
		t += "評価のなかった団体は「" + analyze.LabelNA + "」です。"
	}
	return t
}

// hearingComments is a heading and the comment groups under it, or nothing.
func hearingComments(title string, groups []CommentGroup) []Block {
	if len(groups) == 0 {
		return nil
	}
	return []Block{Heading{Text: title, MinBody: 20}, Comments{Groups: groups, ByTheme: true}}
}

// indicators is 指標の状況: the indicator table with its legend (in a
// district handout the district's figures beside 全体), then 指標の推移.
func (c *Composer) indicators() {
	v := c.V
	iv := v.Indicators
	if len(iv.Rows) == 0 {
		return
	}
	if c.karteIndicators {
		// The 地区カルテ holds the district's indicator table, with its
		// legend: the handout prints it once.
		return
	}
	c.Add(Section{"指標の状況"})
	if c.district == "" {
		// Note: the PDF's figure columns fit "(n=12,345)" on one line.
		base, cur := v.SurveyWords().Baseline.Word, v.SurveyWords().Current.Word
		t := Table{Caption: "指標の" + base + "値・" + cur + "値・目標と評価（全体）", Size: 8, Cols: []Col{{Head: "番号", Role: RoleLabel, W: 13},
			{Head: "指標", W: 53}, {Head: base + "（%）", Role: RoleFigure, W: 23}, {Head: "n", WebHead: base + "のn", Unit: "人", Role: RoleN},
			{Head: cur + "（%）", Role: RoleFigure, W: 23}, {Head: "n", WebHead: cur + "のn", Unit: "人", Role: RoleN},
			{Head: "95%信頼区間", WebHead: "誤差を考えた範囲", W: 26, Center: true}, {Head: "目標（%）", Role: RoleFigure, W: 18}, {Head: "評価", W: 18, Center: true}},
			// web: 今回値 and 評価 right after the indicator, then 目標
			WebOrder: []int{0, 1, 4, 8, 7, 2, 5, 3, 6}, Narrow: true}
		nOf := func(f, n Fig) string {
			if f.Suppressed || f.Text == "" {
				return ""
			}
			return n.Text
		}
		for _, r := range iv.Rows {
			name := r.Name
			if r.Reference {
				name += "（" + MarkReference + "）"
			}
			tgt := Cell{Text: r.Target.Text}
			if r.Direction != "" && r.Target.Text != "" {
				tgt.Sub = "（" + r.Direction + "）"
			}
			t.Rows = append(t.Rows, []Cell{{Text: r.ID}, {Text: name}, {Text: r.Baseline.Text, Ref: r.BaselineRef}, {Text: nOf(r.Baseline, r.BaselineN)},
				{Text: r.Current.Text}, {Text: nOf(r.Current, r.CurrentN)}, {Text: r.Interval}, tgt, {Text: r.Evaluation, Bold: true}})
		}
		c.Add(t, Space{2})
		var all []string
		for _, r := range iv.Rows {
			f := v.PassageFinding(analyze.PlaceIndicator, r.ID, "")
			all = append(all, f.Lines...)
			c.Add(WebOnly(f))
		}
		c.Add(PrintOnly(Finding{Lines: all}))
		c.indicatorMaps()
	} else {
		c.Add(districtIndicators(v, c.district, "指標の"+v.SurveyWords().Baseline.Word+"値・"+v.SurveyWords().Current.Word+"値と評価（"+c.district+"・全体）", 8), Space{2})
	}
	c.indicatorLegend()
	c.history()
}

// indicatorLegend is 評価の見方, the grades' legend under an indicator table.
func (c *Composer) indicatorLegend() {
	var legend []string
	for _, kv := range c.V.Indicators.Legend {
		legend = append(legend, kv.Key+"："+kv.Value)
	}
	var web []string
	for _, kv := range c.V.Indicators.WebLegend {
		web = append(web, kv.Key+"："+kv.Value)
	}
	c.Add(Heading{Text: "評価の見方", Small: true}, Bullets{Items: legend, WebItems: web, Size: 8, Muted: true})
}

// districtIndicators is the table of a district's indicators beside 全体's,
// paired by ID: the district's own baseline (策定時) and current value
// beside its grade, so that the grade can be checked.
func districtIndicators(v *View, district, caption string, size float64) Table {
	iv := v.Indicators
	base := v.SurveyWords().Baseline.Word
	t := Table{Caption: caption, Size: size, Cols: []Col{{Head: "番号", Role: RoleLabel, W: 13}, {Head: "指標", W: 39},
		{Head: base + "（%）", WebHead: district + "の" + base + "（%）", Role: RoleFigure, W: 22}, {Head: "n", WebHead: district + "の" + base + "のn", Unit: "人", Role: RoleN},
		{Head: district + "（%）", Role: RoleFigure, W: 22}, {Head: "n", WebHead: district + "のn", Unit: "人", Role: RoleN},
		{Head: "評価", W: 14, Center: true}, {Head: "全体（%）", Role: RoleFigure, W: 22},
		{Head: "評価", WebHead: "全体の評価", W: 14, Center: true}, {Head: "目標（%）", Role: RoleFigure, W: 28}},
		Notes: []string{"注）" + base + "の値は、" + district + "の" + v.SurveyWords().Baseline.Name + "の値です。"},
		// web: as in print, the district's 策定時 value, its value now and
		// the grade that compares the two, side by side right after the
		// indicator (on a 390 px phone they are the columns in view; the
		// 策定時 was 8th of 10 and off-screen), then 全体 and 目標, the n last
		WebOrder: []int{0, 1, 2, 4, 6, 7, 8, 9, 5, 3}, Narrow: true}
	noBase := false
	for _, r := range iv.ByDistrict[district] {
		var all IndicatorRow
		for _, a := range iv.Rows {
			if a.ID == r.ID {
				all = a
			}
		}
		n, bn := "", ""
		if !r.Current.Suppressed && r.Current.Text != "" {
			n = r.CurrentN.Text
		}
		if !r.Baseline.Suppressed && r.Baseline.Text != "" {
			bn = r.BaselineN.Text
		}
		tgt := all.Target.Text
		if all.Direction != "" && tgt != "" {
			tgt += "（" + all.Direction + "）"
		}
		// Note: a district's 策定時 with no value prints 「－」 with its
		// reason in the note, never a blank cell (reader round 4 item 14).
		bt := r.Baseline.Text
		if r.Baseline.Blank() {
			bt, noBase = MarkZero, true
		}
		// Note: the web colours a district's value only where the カルテ's
		// chart does, a significant difference from the rest of the ward
		// (the 主な結果 ▲▼), so that a 0.1-point gap the page calls not
		// significant is never shaded (reader report 5, item 14).
		tone := 0
		if indicatorMarked(v, district, r.ID) {
			tone = Tone(r.Current, all.Current, all.Direction == "減")
		}
		t.Rows = append(t.Rows, []Cell{{Text: r.ID}, {Text: r.Name}, {Text: bt, Ref: r.BaselineRef}, {Text: bn},
			{Text: r.Current.Text, Ref: r.Reference, Tone: tone}, {Text: n},
			{Text: r.Evaluation, Bold: true}, {Text: all.Current.Text, Shade: true}, {Text: all.Evaluation, Shade: true}, {Text: tgt}})
	}
	if noBase {
		t.Notes = append(t.Notes, "注）"+base+"の「"+MarkZero+"」は、"+v.SurveyWords().Baseline.Name+"に"+district+"の値がない（"+v.SurveyWords().Baseline.Name+"の回答データに、この指標を地区別に集計できる値がない）ことを示します。このため"+district+"の評価は「"+MarkZero+"」です（目標値に達していれば A）。")
	}
	return t
}

// indicatorMarked reports whether district's indicator id differs
// significantly from the rest of the ward (ProfileIndicator.Mark, the
// カルテ's chart colour).
func indicatorMarked(v *View, district, id string) bool {
	for _, p := range v.Profiles {
		if p.District != district {
			continue
		}
		for _, in := range p.Indicators {
			if in.ID == id {
				return in.Mark != ""
			}
		}
	}
	return false
}

// history is 指標の推移 (ward report): each indicator over the plan's years
// with its target.
func (c *Composer) history() {
	hs := c.V.IndicatorHistory
	if len(hs) == 0 || c.district != "" {
		return
	}
	c.Add(Subsection{Title: "指標の推移", MinBody: 60})
	for _, h := range hs {
		title := h.ID + "　" + h.Name + "（％、全体）"
		f := Figure{Kind: FigTrend, Caption: title, Target: h.Target}
		data := Table{Caption: title, Cols: []Col{{Head: "区分", Role: RoleLabel}}}
		row := []Cell{{Text: "全体（%）"}}
		for _, p := range h.Points {
			f.Bars = append(f.Bars, BarRow{Label: p.Label, Vals: []Fig{p.Value}})
			data.Cols = append(data.Cols, Col{Head: p.Label, Role: RoleFigure})
			row = append(row, Cell{Text: p.Value.Text})
		}
		if !h.Target.Blank() {
			data.Cols = append(data.Cols, Col{Head: "目標", Role: RoleFigure})
			row = append(row, Cell{Text: h.Target.Text})
		}
		data.Rows = [][]Cell{row}
		f.Data = &data
		c.Add(f)
	}
}

// districtPages is the ward report's 地区別のまとめ: per district its key
// figures, its passage, its indicators and its main results beside 全体,
// and its hearing comments.
func (c *Composer) districtPages() {
	v := c.V
	if len(v.Districts) == 0 {
		return
	}
	c.Add(Section{"地区別のまとめ"})
	for i, name := range v.Districts {
		c.Add(Subsection{Title: name, MinBody: 60, NewPage: i > 0}, DistrictLink{Index: i, Text: name + "のページ（地区カルテと設問別の結果）"})
		for _, r := range v.Overview.Rows {
			if r.Name == name {
				c.Add(Para{Text: "配布数 " + r.Distributed.Text + "　有効回答数 " + r.Valid.Text + "　回収率 " + r.Rate.Text + "%"})
			}
		}
		for _, kc := range v.Hearings.ByDistrict {
			if kc.Name == name && v.Hearings.Orgs > 0 {
				c.Add(Para{Text: "ヒアリング団体 " + kc.N.Text + " 団体"})
			}
		}
		// Note: the line above states n and the response rate.
		c.Add(Space{2}, v.DistrictFinding(name, analyze.RuleRespond))
		if t := districtIndicators(v, name, name+"の指標", 7.5); len(t.Rows) > 0 {
			c.Add(t, Space{2})
		}
		// Note: each compared group has its n (RoleN: under its figure in
		// print, as in the indicator table above; on the web its own
		// column, after the figures as there, so that a phone shows the
		// figures and the 差 first).
		t := Table{Caption: name + "の主な結果（指標・肯定的な回答の合計の割合）", Size: 7.5, Cols: []Col{{Head: "設問", Role: RoleLabel, W: 64},
			{Head: "比べる値", W: 40}, {Head: name + "（%）", Role: RoleFigure, W: 24}, {Head: "n", WebHead: name + "のn", Unit: "人", Role: RoleN},
			{Head: RestName + "（%）", Role: RoleFigure, W: 26}, {Head: "n", WebHead: RestName + "のn", Unit: "人", Role: RoleN},
			{Head: "差（ポイント）", Role: RoleFigure, W: 22}},
			WebOrder: []int{0, 1, 2, 4, 6, 3, 5}}
		// Note: the カルテ has one comparator, the rest of the ward (全体
		// less the district), and one test, the two-proportion test whose
		// ▲▼ the table prints: the sentences above compare the same way.
		f := Figure{Kind: FigBars, Caption: name + "と" + RestName + "の比較（指標・肯定的な回答の合計の割合）", Series: []string{name, RestName}}
		for _, top := range v.DistrictTops[name] {
			dt := top.District.Text + top.District.Mark
			if top.Reference && !top.District.Suppressed {
				dt += "※"
			}
			tone := 0 // a colour only where the ▲▼ says the difference is significant
			if top.District.Mark != "" {
				tone = Tone(top.District, top.Rest, top.Lower)
			}
			rt := top.Rest.Text
			if top.RestRef {
				rt += "※"
			}
			t.Rows = append(t.Rows, []Cell{{Text: top.QuestionID + "　" + top.QuestionText}, {Text: top.Label},
				{Text: dt, Tone: tone}, {Text: top.N.Text},
				{Text: rt, Shade: true}, {Text: top.RestN.Text}, {Text: top.RestDiff.Text}})
			f.Bars = append(f.Bars, BarRow{Label: top.QuestionID + "　" + top.Label, Vals: []Fig{top.District, top.Rest}, Ns: []Fig{top.N, top.RestN}})
		}
		if len(f.Bars) > 0 {
			what := "注）比べる値は、設問に指標があれば指標の該当回答の割合、評定尺度の設問では肯定的な回答の合計（『そう思う（計）』など）の割合（無回答を含む回答者数が分母）。n はそれぞれの回答者数（設問の対象となった人、無回答を含む）。" + RestName + "は、全体から" + name + "の回答者を除いたもの。" + MarkHigh + MarkLow + "：" + RestName + "と比べて"
			rest := "。※：参考値。" + MarkSuppressed + "：秘匿。"
			t.Notes = []string{what + "、2つの割合の差の検定で統計的に有意に高い・低い（地区の特徴の文も同じ検定）" + rest}
			// Note: the web names no test (TestWebPlainWords).
			t.WebNotes = []string{what + "統計的に有意に高い・低い（偶然とは考えにくい差）" + rest}
			c.Add(f, t, WebOnly(Note{toneLegend}))
		}
		if groups := v.Hearings.DistrictComments[name]; len(groups) > 0 {
			c.Add(PrintOnly(Space{2}, Heading{Text: "団体ヒアリングでの意見", MinBody: 14}, Comments{Groups: groups, ByTheme: true}))
		}
		if groups := v.Hearings.PublicDistrictComments[name]; len(groups) > 0 {
			c.Add(WebOnly(Heading{Text: "団体ヒアリングでの意見（" + name + "）"}, Comments{Groups: groups, ByTheme: true}))
		}
	}
}

// profile is 回答者の属性: a chart of every 属性 question (全体), with its
// table on the web.
func (c *Composer) profile() {
	if len(c.V.Profile) == 0 {
		return
	}
	c.Add(Section{"回答者の属性"})
	for i := range c.V.Profile {
		q := &c.V.Profile[i]
		t, all := AllRow(q)
		if all == nil {
			continue
		}
		data := crosstabTable(q.ID+"　全体", t, []RowView{*all}, c.district)
		c.Add(WebOnly(Heading{Text: q.ID + "　" + q.Text}),
			Figure{Caption: q.ID + "　" + q.Text + "（全体、" + NLabel(all.N) + "）", Bars: choiceBars(t, []*RowView{all}), Data: &data},
			Space{2})
	}
}

// themes is テーマ別の結果: every theme's questions, then the questions of
// no theme.
func (c *Composer) themes() {
	v := c.V
	c.Add(Section{"テーマ別の結果"})
	seen := map[int]bool{}
	for _, q := range v.Profile {
		seen[q.Index] = true
	}
	for ti, th := range v.Themes {
		c.Add(Subsection{Title: th.Name, MinBody: 60, NewPage: ti > 0})
		for _, qi := range th.Questions {
			if qi < 0 || qi >= len(v.Questions) {
				continue
			}
			seen[v.Questions[qi].Index] = true
			c.question(&v.Questions[qi])
		}
	}
	var rest []int
	for i, q := range v.Questions {
		if !seen[q.Index] {
			rest = append(rest, i)
		}
	}
	if len(rest) > 0 {
		c.Add(Subsection{Title: "その他の設問", MinBody: 60, NewPage: len(v.Themes) > 0})
		for _, i := range rest {
			c.question(&v.Questions[i])
		}
	}
}

// question is one question: its passage, its chart, then its tables (by
// district, by every 分析軸, the summaries).
func (c *Composer) question(q *QuestionView) {
	c.Add(Heading{Text: questionHeading(q), MinBody: 55})
	if q.Condition != "" {
		c.Add(Note{"対象：" + q.Condition})
	}
	if c.district != "" {
		c.districtQuestion(q)
		return
	}
	c.Add(c.V.PassageFinding(analyze.PlaceQuestion, q.ID, ""))
	at, all := AllRow(q)
	if q.Type == "MA" && all != nil {
		// Note: a note, not a finding (issue 24).
		c.Add(Note{"注）複数回答のため、割合の合計は100%を超えます。"})
	}
	// Note: 『そう思う（計）』 and an indicator of several answers are
	// computed from the counts, so they may differ by 0.1 from the sum of
	// the printed parts in the chart below: 報告書の見方 says so once
	// (ComputedBoxNote), and no question repeats it under a chart that
	// prints no (計) (reader review 5, item 9).
	dt := TableBy(q, analyze.ByDistrict)
	switch q.Type {
	case "SA", "MA":
		if all == nil {
			break
		}
		if q.Baseline != nil && len(q.Trend) > 0 {
			sn := c.V.SurveyWords()
			legend, rows := trendBars(q, sn)
			c.Add(Figure{Caption: q.ID + "　" + sn.Current.Word + "と" + sn.Baseline.Word + "の比較（全体）", Series: legend, Bars: rows}, trendTable(q, sn), Space{2})
		} else {
			c.Add(Figure{Caption: q.ID + "　全体（" + NLabel(all.N) + "）", Bars: choiceBars(at, []*RowView{all})})
		}
	}
	var byDistrict *Table // 地区別 (not for NUM)
	if q.Type != "NUM" && dt != nil && len(dt.Rows) > 0 {
		rows := []RowView{}
		if all != nil && GroupRow(dt, analyze.GroupAll) == nil {
			rows = append(rows, *all)
		}
		rows = append(rows, dt.Rows...)
		t := crosstabTable(q.ID+"　地区別", dt, rows, "")
		byDistrict = &t
	}
	if q.Type == "SC" && all != nil {
		f := Figure{Kind: FigBands, Caption: q.ID + "　地区別の回答の構成", Heads: at.Heads, NA: hasNA(at), LabelW: 30, Bands: scBands(all, dt)}
		if byDistrict != nil {
			// Note: on the web the band chart's table of figures is the
			// 地区別 table itself (the two were the same rows back to back).
			wf := f
			wf.Data = byDistrict
			c.Add(PrintOnly(f, *byDistrict), WebOnly(wf), Space{2})
			byDistrict = nil
		} else {
			c.Add(f)
		}
	}
	if q.Type != "NUM" {
		switch {
		case byDistrict != nil:
			c.Add(*byDistrict, Space{2})
		case dt != nil && len(dt.Rows) > 0:
			// SC: drawn with its chart above
		case all != nil && at != nil:
			// Note: the PDF's chart of 全体 states every figure; the web
			// prints them in a table too.
			c.Add(WebOnly(crosstabTable(q.ID+"　全体", at, []RowView{*all}, "")))
		}
		for _, a := range c.V.Axes {
			t := TableBy(q, a.By)
			if t == nil || len(t.Rows) == 0 {
				continue
			}
			var rows []RowView
			if all != nil && GroupRow(t, analyze.GroupAll) == nil {
				rows = append(rows, *all)
			}
			rows = append(rows, t.Rows...)
			c.Add(crosstabTable(q.ID+"　"+a.Title, t, rows, ""), Space{2})
		}
	}
	if len(q.Summary) > 0 {
		c.Add(summaryTable(q.ID+"　"+summaryTitle(q), q.Summary, q.Type == "SC", "", q.Unit), Space{2})
	}
	c.Add(Space{3})
}

// hasNA reports whether t's last head is 無回答 (drawn pale).
func hasNA(t *TableView) bool {
	return len(t.Codes) > 0 && t.Codes[len(t.Codes)-1] == analyze.CodeNA
}

// districtQuestion is a question of a district handout: the district beside
// 全体.
func (c *Composer) districtQuestion(q *QuestionView) {
	at, all := AllRow(q)
	dt := TableBy(q, analyze.ByDistrict)
	dr := districtRow(dt, c.district)
	if all == nil {
		c.districtSummary(q)
		return
	}
	switch q.Type {
	case "SA", "MA":
		var series []string
		var rows []*RowView
		// Note: a suppressed district keeps its series, every bar x (as
		// the band charts and tables print it), so that the chart is
		// never read as the district's own when only 全体 has figures;
		// ※ marks a district under 参考値基準.
		if dr != nil {
			name := c.district
			if dr.Reference {
				name += "※"
			}
			series = append(series, name+"（"+NLabel(dr.N)+"）")
			rows = append(rows, dr)
		}
		series = append(series, "全体（"+NLabel(all.N)+"）")
		rows = append(rows, all)
		f := Figure{Caption: q.ID + "　" + c.district + "と全体", Series: series, Bars: choiceBars(at, rows)}
		// Note: the PDF prints each bar's n at the row's end.
		pf := f
		if len(series) == 1 {
			pf.Series = nil
		} else {
			pf.Bars = append([]BarRow{}, f.Bars...)
			for i := range pf.Bars {
				pf.Bars[i].Ns = []Fig{dr.N, all.N}
			}
		}
		c.Add(PrintOnly(pf), WebOnly(f))
	}
	var table Table // the district and 全体 (not for NUM)
	if q.Type != "NUM" {
		rows := []RowView{}
		if dr != nil {
			rows = append(rows, *dr)
		}
		rows = append(rows, *all)
		t := at
		if dt != nil {
			t = dt
		}
		table = crosstabTable(q.ID+"　"+c.district+"と全体", t, rows, c.district)
	}
	switch q.Type {
	case "SC":
		var rows []BandRow
		if dr != nil {
			rows = append(rows, bandOf(dr, c.district, true))
		}
		rows = append(rows, bandOf(all, analyze.GroupAll, false))
		f := Figure{Kind: FigBands, Caption: q.ID + "　" + c.district + "と全体の回答の構成", Heads: at.Heads, NA: hasNA(at), LabelW: 30, Bands: rows}
		// Note: on the web the band chart's table of figures is the
		// district's table itself (the two were the same rows back to back).
		wf := f
		wf.Data = &table
		c.Add(PrintOnly(f, table, Space{2}), WebOnly(wf, Space{2}))
	case "SA", "MA":
		c.Add(table, Space{2})
	}
	c.districtSummary(q)
	c.Add(Space{3})
}

// districtRow is the district's row of t as a district handout prints it:
// marked by the district's own test against the rest of the ward
// (TableView.DistrictMarks, the χ² printed under the table), never by the
// ward's table of every district, whose test the handout does not print
// (reader report 5, item 1); nil when t has no row for it.
func districtRow(t *TableView, district string) *RowView {
	dr := GroupRow(t, district)
	if dr == nil {
		return nil
	}
	r := *dr
	r.Cells = slices.Clone(dr.Cells)
	marks := t.DistrictMarks[district]
	for i := range r.Cells {
		r.Cells[i].Mark = ""
		if i < len(marks) && !r.Suppressed {
			r.Cells[i].Mark = marks[i]
		}
	}
	return &r
}

// districtSummary is the SC/NUM summary rows of the district and 全体.
func (c *Composer) districtSummary(q *QuestionView) {
	var rows []SummaryRow
	for _, g := range []string{c.district, analyze.GroupAll} {
		for _, s := range q.Summary {
			if s.Group == g {
				rows = append(rows, s)
			}
		}
	}
	if len(rows) == 0 {
		return
	}
	what := "点数の要約"
	if q.Type != "SC" {
		what = "数値の要約"
	}
	c.Add(summaryTable(q.ID+"　"+what+"（"+c.district+"・全体）", rows, q.Type == "SC", c.district, q.Unit), Space{2})
}

// trendTable is a question's comparison with the baseline, in points.
func trendTable(q *QuestionView, sn SurveyNames) Table {
	base := sn.Baseline.Word
	t := Table{Caption: q.ID + "　" + base + "との比較（全体）", Size: 7.5, Cols: []Col{{Head: "選択肢", Role: RoleLabel, W: 70},
		{Head: trendHead(base, q.Trend[0].BaselineRef), Role: RoleFigure, W: 22},
		{Head: trendHead(sn.Current.Word, q.Trend[0].CurrentRef), Role: RoleFigure, W: 22},
		{Head: "差（ポイント）", Role: RoleFigure, W: 26}, {Head: "p値", Role: RoleFigure, W: 20, NotWeb: true}}}
	// Note: the web prints no p値 (data/trend.csv has it): the * on a
	// difference and the note under the table give the verdict in words.
	sig, tested, supp := false, false, false
	for _, tr := range q.Trend {
		diff := tr.Diff.Text
		if tr.Significant {
			diff += "*"
			sig = true
		}
		tested = tested || tr.P.Text != ""
		supp = supp || tr.Diff.Suppressed
		t.Rows = append(t.Rows, Cells(tr.Label, tr.Baseline.Text, tr.Current.Text, diff, tr.P.Text))
	}
	t.WebNotes = []string{}
	switch {
	case sig:
		t.Notes = []string{"注）*：" + base + "との差が統計的に有意（2つの割合の差の検定）"}
		t.WebNotes = []string{"注）*：" + base + "との差が統計的に有意（偶然とは考えにくい差）。*のない差は偶然の範囲です。"}
	case tested:
		t.WebNotes = []string{"注）" + base + "との差は、いずれも偶然の範囲です（*の付く、偶然とは考えにくい差はありません）。"}
	}
	var small []string
	if supp {
		small = append(small, "注）"+MarkSuppressed+"：回答者が少ないため秘匿（差は両方の調査の値が示せるときだけ示します）")
	}
	if q.Trend[0].CurrentRef || q.Trend[0].BaselineRef {
		small = append(small, "注）"+MarkReference+"：回答者が少ないため参考値")
	}
	t.Notes = append(t.Notes, small...)
	t.WebNotes = append(t.WebNotes, small...)
	return t
}

// trendHead is a comparison table's column head: the survey's word and
// （%）, with （参考値） when that survey's 全体 base is under 参考値基準.
func trendHead(word string, ref bool) string {
	if ref {
		return word + "（" + MarkReference + "、%）"
	}
	return word + "（%）"
}

// crosstabTable is rows of t (表頭 choices across, groups down) as one wide
// table of percentages, n first; the rows of 全体 and of district stand out
// in print.
func crosstabTable(title string, t *TableView, rows []RowView, district string) Table {
	out := Table{Caption: title + "（%）", Size: 7.5, Wide: true,
		Cols: []Col{{Head: "区分", Role: RoleLabel, W: XtGroupW}, {Head: "n", Unit: "人", Role: RoleFigure, W: XtNW}}}
	for _, h := range t.Heads {
		out.Cols = append(out.Cols, Col{Head: h, Unit: "%", Role: RoleFigure})
	}
	var marks, supp, ref bool
	for _, r := range rows {
		all := r.Group == analyze.GroupAll
		g := r.Group
		if r.Reference {
			g += "（" + MarkReference + "）"
			ref = true
		}
		row := []Cell{{Text: g, Bold: all || r.Group == district, Shade: all}, {Text: r.N.Text, Shade: all}}
		for i := range t.Heads {
			var s string
			switch {
			case r.Suppressed:
				s = MarkSuppressed
				supp = true
			case i < len(r.Cells):
				s = r.Cells[i].Text + r.Cells[i].Mark
				marks = marks || r.Cells[i].Mark != ""
			}
			row = append(row, Cell{Text: s, Shade: all})
		}
		out.Rows = append(out.Rows, row)
	}
	web := []string{} // never nil: the web prints no test statistic
	if marks {
		// Note: the marks of a crosstab are its cells' adjusted
		// residuals; the note names the test, as the カルテ's note names
		// its own (a district against the rest of the ward). The web
		// says what the marks mean, not how they are tested.
		mean := "注）" + MarkHigh + MarkLow + "：全体と比べて統計的に有意に高い（" + MarkHigh + "）・低い（" + MarkLow + "）"
		how := byWord(t.By) + "の表全体での調整済み標準化残差による"
		if district != "" {
			// A district handout marks the district's row by the test
			// printed under the table (districtRow).
			mean = "注）" + MarkHigh + MarkLow + "：" + district + "の回答が" + RestName + "と比べて統計的に有意に高い（" + MarkHigh + "）・低い（" + MarkLow + "）"
			how = district + "と" + RestName + "の表での調整済み標準化残差による。下のカイ二乗検定が有意なときだけ示します"
		}
		out.Notes = append(out.Notes, mean+"（"+how+"）")
		web = append(web, mean+"（偶然とは考えにくい差）")
	}
	if supp {
		out.Notes = append(out.Notes, "注）"+MarkSuppressed+"：回答者が少ないため秘匿")
		web = append(web, "注）"+MarkSuppressed+"：回答者が少ないため秘匿")
	}
	if ref {
		out.Notes = append(out.Notes, "注）"+MarkReference+"：回答者が少ないため参考値")
		web = append(web, "注）"+MarkReference+"：回答者が少ないため参考値")
	}
	out.WebNotes = web
	// Note: t.Note is the test of the whole table (χ² of every district
	// by choice); a district's handout prints the district's own test
	// against the rest of the ward instead (district_chisq.csv), unless the
	// district's row is suppressed. The web leaves the test statistic (χ²)
	// to its 報告書の見方.
	test := ""
	switch {
	case district == "" && t.Note != "":
		test = t.Note
	case district != "" && t.DistrictNotes[district] != "" && !supp:
		test = t.DistrictNotes[district]
	}
	if test != "" {
		out.Notes = append(out.Notes, "注）"+test)
	}
	return out
}

// summaryTable is the SC/NUM summaries (mean, median, top box).
// unit is the NUM question's unit (codebook 単位, e.g. 回), printed in the
// heads as the xlsx and the dashboard print it: 平均（回）; "" for none.
func summaryTable(title string, rows []SummaryRow, sc bool, district, unit string) Table {
	u := ""
	if unit != "" {
		u = "（" + unit + "）"
	}
	t := Table{Caption: title, Size: 7.5, Cols: []Col{{Head: "区分", Role: RoleLabel, W: 34}, {Head: "n", Unit: "人", Role: RoleFigure, W: 16},
		{Head: "平均" + u, Role: RoleFigure, W: 16}, {Head: "標準偏差" + u, Role: RoleFigure, W: 18, NotWeb: true}, {Head: "中央値" + u, Role: RoleFigure, W: 16},
		{Head: "最小" + u, Role: RoleFigure, W: 14}, {Head: "最大" + u, Role: RoleFigure, W: 14}}}
	if sc {
		t.Cols = append(t.Cols, Col{Head: "肯定的な回答（%）", Role: RoleFigure, W: 26})
	}
	supp := false
	for _, r := range rows {
		all := r.Group == analyze.GroupAll
		g := r.Group
		if r.Reference {
			g += "（" + MarkReference + "）"
		}
		row := []Cell{{Text: g, Bold: all || r.Group == district, Shade: all}, {Text: r.N.Text, Shade: all}}
		figs := []Fig{r.Mean, r.SD, r.Median, r.Min, r.Max}
		if sc {
			figs = append(figs, r.TopBox)
		}
		for _, f := range figs {
			s := f.Text
			if r.Suppressed {
				s = MarkSuppressed
				supp = true
			}
			row = append(row, Cell{Text: s, Shade: all})
		}
		t.Rows = append(t.Rows, row)
	}
	// Note: the web prints no 標準偏差 (data/summary.csv has it), and
	// says 分母 for 基数.
	if sc {
		t.Notes = append(t.Notes, SummaryBaseNote, SummaryBoxNote)
		t.WebNotes = append(t.WebNotes, WebSummaryBaseNote, SummaryBoxNote)
	}
	if supp {
		t.Notes = append(t.Notes, "注）"+MarkSuppressed+"：回答者が少ないため秘匿")
		t.WebNotes = append(t.WebNotes, "注）"+MarkSuppressed+"：回答者が少ないため秘匿")
	}
	return t
}

// byWord names a breakdown in a note: 地区別, 性別, 年代別, or a 分析軸's 設問.
func byWord(by string) string {
	switch by {
	case analyze.ByDistrict:
		return "地区別"
	case analyze.ByGender:
		return "性別"
	case analyze.ByAge:
		return "年代別"
	}
	return "区分別"
}

// RestName names the カルテ's comparator: the ward less the district.
const RestName = "区内の他の地区"

// SummaryBoxNote is ComputedBoxNote for the summary table's column.
const SummaryBoxNote = "注）肯定的な回答（%）は回答数から算出しているため、各選択肢の割合の合計と一致しない場合があります。"

// PrintsBox reports whether lines state a combined box (『そう思う（計）』).
func PrintsBox(lines []string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "（計）』") })
}

// SummaryBaseNote is the note under an SC question's summary table: its n
// counts the answers the mean is of, while 肯定的な回答（%） is on the
// base every other percentage is on (no-answer included).
const SummaryBaseNote = "注）n は無回答を除く回答者数（平均・標準偏差などの基数）。肯定的な回答（%）は、ほかの表と同じく無回答を含む回答者数を基数とする割合です。"

// WebSummaryBaseNote is SummaryBaseNote as the web prints it: its table has
// no 標準偏差, and a base is 分母.
const WebSummaryBaseNote = "注）n は無回答を除く回答者数（平均などの分母）。肯定的な回答（%）は、ほかの表と同じく無回答を含む回答者数を分母とする割合です。"

// progress is 取組の振り返り: the counts of ratings by year, then per theme
// each initiative's ratings by year, its activity figures and the latest
// year's problems. A district handout shows the district's own initiatives
// and counts.
func (c *Composer) progress() {
	pv := c.V.Progress
	if pv == nil {
		return
	}
	c.Add(Section{"取組の振り返り"})
	themes, counts := pv.Themes, pv.Ward
	if c.district != "" {
		themes, counts = pv.ByDistrict[c.district], pv.DistrictCounts[c.district]
	}
	legend := make([]string, len(pv.Labels))
	for i, l := range pv.Labels {
		legend[i] = pv.Marks[i] + " " + l
	}
	c.Add(Para{Text: "進ちょくの記号：" + strings.Join(legend, "　") + "　（空欄は報告なし、↓は前年度より悪化）", Size: 9}, Space{2})
	if len(counts) > 0 {
		t := Table{Caption: "進ちょく別の取組数（年度別）", Compact: true, Cols: []Col{{Head: "年度", Role: RoleLabel}}}
		for i, l := range pv.Labels {
			t.Cols = append(t.Cols, Col{Head: pv.Marks[i] + l, WebHead: l, Unit: "件", Role: RoleFigure})
		}
		// Note: 悪化 is a subset of 計 (the initiatives rated below their
		// previous year's mark), not a category beside the marks: it comes
		// after 計 as 再掲, so the row still sums to 計 (docs/methods.md §13).
		t.Cols = append(t.Cols, Col{Head: "未記入", WebHead: "未評価", Unit: "件", Role: RoleFigure},
			Col{Head: "計", Unit: "件", Role: RoleFigure},
			Col{Head: ProgressSlippedHead, WebHead: ProgressSlippedWebHead, Unit: "件", Role: RoleFigure})
		for _, r := range counts {
			row := Cells(r.Year)
			for _, n := range r.Counts {
				row = append(row, Cell{Text: n.Text})
			}
			t.Rows = append(t.Rows, append(row, Cells(r.Unrated.Text, r.Total.Text, r.Slipped.Text)...))
		}
		t.Notes = []string{ProgressSlippedNote}
		c.Add(t)
	}
	if c.district == "" && len(pv.Keywords) > 0 {
		var ws []string
		for _, k := range pv.Keywords {
			ws = append(ws, k.Key+"（"+k.Value+"）")
		}
		c.Add(Heading{Text: "課題に多く出てくる言葉", MinBody: 8}, Para{Text: strings.Join(ws, "、"), Size: 9, List: true}, Space{2})
	}
	if len(themes) == 0 {
		c.Add(Para{Text: "この地区の取組の報告はありません。"})
		return
	}
	for _, t := range themes {
		c.Add(Subsection{Title: t.Theme, MinBody: 30})
		for _, in := range t.Initiatives {
			c.Add(c.initiative(pv, in))
		}
	}
}

// initiative is one initiative's record.
func (c *Composer) initiative(pv *ProgressView, in InitiativeView) Record {
	r := Record{Title: in.ID + "　" + in.Name, Years: pv.Years, Cells: in.Years, Levels: len(pv.Labels), Target: in.Target}
	if c.district == "" && in.District != "" {
		r.Title += "（" + in.District + "）"
	}
	var meta []string
	if in.Owner != "" {
		meta = append(meta, "担当："+in.Owner)
	}
	if in.Measure != "" {
		m := "活動指標：" + in.Measure
		if in.Unit != "" {
			m += "（" + in.Unit + "）"
		}
		if !in.Target.Blank() {
			m += "　目標 " + in.Target.Text
		}
		meta = append(meta, m)
	}
	if in.Next != "" {
		meta = append(meta, "次年度："+in.Next)
	}
	r.Meta = strings.Join(meta, "　")
	if in.Issues != "" {
		mark := ""
		if in.IssueHard {
			mark = "・ハード面"
		}
		r.Texts = append(r.Texts, "課題（"+in.LatestYear+mark+"）："+in.Issues)
	}
	if in.Hard != "" {
		// Note: the sheet's ハード text is a 課題 of the same year, printed
		// as the demo's physical 課題 is: 「課題（2025年度・ハード面）：…」.
		r.Texts = append(r.Texts, "課題（"+in.LatestYear+"・ハード面）："+in.Hard)
	}
	r.Data = Table{Caption: in.ID + "　年度別の進ちょく", Cols: []Col{{Head: "年度", Role: RoleLabel}, {Head: "記号"}, {Head: "進ちょく"},
		{Head: "実績", Unit: in.Unit, Role: RoleFigure}}}
	for j, y := range in.Years {
		if j >= len(pv.Years) {
			break
		}
		mark, label, actual := "", "報告なし", ""
		if y.Has {
			mark, label = y.Mark, y.Label
			if y.Slipped {
				mark += "↓"
			}
			if mark == "" {
				mark, label = "－", "未評価"
			}
			actual = y.Actual.Text
		}
		r.Data.Rows = append(r.Data.Rows, Cells(pv.Years[j], mark, label, actual))
	}
	return r
}

// Karte is a district handout's opening profile (地区カルテ): key figures,
// the district's indicators against the ward, its strengths and issues in
// words, its comment themes and a few masked quotes.
func (c *Composer) Karte() {
	v := c.V
	var p *ProfileView
	for i := range v.Profiles {
		if v.Profiles[i].District == c.district {
			p = &v.Profiles[i]
		}
	}
	if p == nil {
		return
	}
	d := c.district
	line := "有効回答数 " + p.N.Text + "人"
	if p.Rate.Text != "" {
		line += "　回収率 " + p.Rate.Text + "%"
	}
	if c.V.Hearings.Orgs > 0 {
		// A count in words: 「0団体」, not the tables' 「－」 for zero.
		line += "　ヒアリング団体 " + Thousands(int(p.Orgs.Value)) + "団体"
	}
	if p.Margin.Text != "" {
		line += "　誤差 最大±" + p.Margin.Text + "ポイント"
	}
	c.Add(Section{d + "地区カルテ"}, Para{Text: line, Bold: true, Size: 10}, Space{2})
	c.karteMap()
	if len(p.Indicators) > 0 {
		var bars []BarRow
		// Note: the district's own baseline (策定時, with its n) beside its
		// current value and grade, so that the grade checks by hand. It is
		// the handout's one table of the district's indicators (指標の状況
		// refers to it; the reader found the two tables repeating each
		// other).
		base := v.SurveyWords().Baseline.Word
		data := districtIndicators(v, d, d+"の指標（"+d+"の"+base+"値・"+v.SurveyWords().Current.Word+"値と評価）", 8)
		for _, in := range p.Indicators {
			label := in.ID + "　" + in.Name
			// Note: colour only a difference the text would state: one
			// significant against the rest of the ward (the 主な結果
			// table's ▲▼); the others are drawn neutral (Neutral), their
			// direction left to the printed figures.
			better := 0
			if in.Mark != "" {
				better = Tone(in.District, in.Ward, in.Direction == "減")
			}
			bars = append(bars, BarRow{Label: label, Vals: []Fig{in.District, in.Ward}, Ref: in.Reference,
				Better: better, Neutral: better == 0, Target: in.Target})
		}
		// Note: the PDF draws the district's indicators against the ward =
		// 100 (an index a screen reader cannot read); the web draws both
		// shares as bars with their table.
		c.Add(PrintOnly(Figure{Kind: FigIndex, Caption: d + "の指標（全体＝100）", Series: []string{d}, Bars: bars},
			Note{"注）棒の長さは全体の値を100としたときの" + d + "の値。棒の色は、" + RestName + "と比べて統計的に有意な差（主な結果の" + MarkHigh + MarkLow + "）がある指標だけ、指標の方向（増・減）に従い、青は良い、橙（白い線入り）は悪い状態を示します（方向が「減」の指標は短いほど良い）。灰色は有意な差がない指標です。◆は目標値（全体＝100に換算）。※：参考値。" + MarkSuppressed + "：秘匿。"}, Space{2},
			data, Space{2}),
			WebOnly(Figure{Kind: FigIndex, Caption: d + "の指標（" + d + "と全体）", Series: []string{d, analyze.GroupAll}, Bars: bars, Data: &data},
				Note{"注）" + d + "の棒の色は、" + RestName + "と比べて統計的に有意な差（偶然とは考えにくい差）がある指標だけ、指標の方向（増・減）に従い、青は良い、橙は悪い状態を示します。灰色は有意な差がない指標です。◆は目標値。※：参考値。" + MarkSuppressed + "：秘匿。"}))
		c.indicatorLegend()
		c.karteIndicators = true
	}
	// Note: the header line states n, the response rate and the margin.
	if f := v.DistrictFinding(d, analyze.RuleRespond, analyze.RuleMargin); len(f.Lines) > 0 {
		c.Add(Heading{Text: "地区の特徴（区内の他の地区との比較）", MinBody: 20}, f)
	}
	if len(p.Themes) > 0 {
		t := Table{Caption: d + "の意見のテーマ（自由記述・団体ヒアリング）", Size: 8, Cols: []Col{{Head: "テーマ", Role: RoleLabel, W: 80},
			{Head: "件数", Unit: "件", Role: RoleFigure, W: 25}}}
		for _, kv := range p.Themes {
			t.Rows = append(t.Rows, Cells(kv.Key, kv.Value))
		}
		c.Add(t, Space{2})
	}
	if len(p.Quotes) > 0 {
		c.Add(Heading{Text: "住民の声（抜粋・個人情報は伏せています）", MinBody: 12}, Bullets{Items: p.Quotes})
		c.karteQuotes = p.Quotes
	}
}

// --- the View read for composing ---

// TableBy returns the question's table by breakdown, or nil.
func TableBy(q *QuestionView, by string) *TableView {
	for i := range q.Tables {
		if q.Tables[i].By == by {
			return &q.Tables[i]
		}
	}
	return nil
}

// GroupRow returns the row of group g, or nil.
func GroupRow(t *TableView, g string) *RowView {
	if t == nil {
		return nil
	}
	for i := range t.Rows {
		if t.Rows[i].Group == g {
			return &t.Rows[i]
		}
	}
	return nil
}

// AllRow returns the 全体 row of a question.
func AllRow(q *QuestionView) (*TableView, *RowView) {
	t := TableBy(q, analyze.ByAll)
	if t == nil || len(t.Rows) == 0 {
		return t, nil
	}
	if r := GroupRow(t, analyze.GroupAll); r != nil {
		return t, r
	}
	return t, &t.Rows[0]
}

// questionHeading is "Q4　質問文".
func questionHeading(q *QuestionView) string {
	s := q.ID + "　" + q.Text
	if tag := typeTag(q); tag != "" {
		s += "（" + tag + "）"
	}
	return s
}

func typeTag(q *QuestionView) string {
	switch {
	case q.MA || q.Type == "MA":
		return "複数回答"
	case q.Type == "SC":
		return "評価尺度"
	case q.Type == "NUM":
		return "数値"
	}
	return ""
}

// NLabel is "n=1,234".
func NLabel(f Fig) string { return "n=" + f.Text }

// choiceBars turns rows of t into bar rows, one series per row, in the
// order Build chose for the first row (RowView.Order).
func choiceBars(t *TableView, rows []*RowView) []BarRow {
	var out []BarRow
	if len(rows) == 0 {
		return out
	}
	for _, i := range rows[0].Order {
		if i >= len(t.Heads) {
			continue
		}
		br := BarRow{Label: t.Heads[i]}
		for _, r := range rows {
			br.Vals = append(br.Vals, ShareOf(r, i))
		}
		out = append(out, br)
	}
	return out
}

// ShareOf is row r's figure for head i, x when the row is suppressed.
func ShareOf(r *RowView, i int) Fig {
	if r.Suppressed {
		return Fig{Value: math.NaN(), Text: MarkSuppressed, Suppressed: true}
	}
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return Fig{Value: math.NaN()}
}

func summaryTitle(q *QuestionView) string {
	if q.Type == "SC" {
		return "点数の要約（全体・地区別）"
	}
	return "数値の要約（全体・地区別）"
}

// bandOf is a band chart row of a crosstab row.
func bandOf(r *RowView, label string, bold bool) BandRow {
	return BandRow{Label: label, N: r.N, Cells: r.Cells, Suppressed: r.Suppressed, Reference: r.Reference, Bold: bold}
}

// MinPctBase is the smallest group a percentage is printed for: fewer
// organizations (or initiatives) are counted (「4団体中3団体」), since a
// percentage of a handful reads as more than it is.
const MinPctBase = 10

// OrgsText prints a count of organizations: 「3団体」, or － for none.
func OrgsText(f Fig) string {
	if f.Text == MarkZero || f.Text == "" {
		return MarkZero
	}
	return f.Text + "団体"
}

// FewOrgs reports whether a rating row's organizations are fewer than
// MinPctBase: the handouts print its counts, and the open data no share.
func FewOrgs(r RatingRow) bool { return fewOrgs(r) }

// fewOrgs reports whether a rating row's organizations are fewer than
// minPctBase: its charts and tables print counts, not percentages.
func fewOrgs(r RatingRow) bool {
	n := r.N.Shown()
	return !r.N.Blank() && !math.IsNaN(n) && n < MinPctBase
}

// trendBars returns the legend and the bars of a question's 今回と策定時の比較
// chart (全体), in the View's trend order: the comparison is with the
// baseline survey, named as sn names it (never 前回).
func trendBars(q *QuestionView, sn SurveyNames) (legend []string, rows []BarRow) {
	cur, base := q.Trend[0].CurrentN, q.Trend[0].BaselineN
	for _, i := range q.TrendOrder {
		t := q.Trend[i]
		rows = append(rows, BarRow{Label: t.Label, Vals: []Fig{t.Current, t.Baseline}, Ns: []Fig{cur, base}})
	}
	return []string{trendLegend(sn.Current.Word, cur, q.Trend[0].CurrentRef), trendLegend(sn.Baseline.Word, base, q.Trend[0].BaselineRef)}, rows
}

// trendLegend is one series of the comparison chart: 「今回（n=8、参考値）」.
func trendLegend(word string, n Fig, ref bool) string {
	if ref {
		return word + "（" + NLabel(n) + "、" + MarkReference + "）"
	}
	return word + "（" + NLabel(n) + "）"
}

// scBands returns the band rows of an SC question's 地区別の回答の構成 chart:
// 全体 (bold), then every row of the district table dt (nil: none).
func scBands(all *RowView, dt *TableView) []BandRow {
	rows := []BandRow{bandOf(all, analyze.GroupAll, true)}
	if dt != nil {
		for i := range dt.Rows {
			rows = append(rows, bandOf(&dt.Rows[i], dt.Rows[i].Group, false))
		}
	}
	return rows
}

// Tone is a district's figure against the ward's by the direction (lower is
// better when lower): +1 better, −1 worse, 0 equal or either hidden. The
// difference is taken as printed, as the tables print it.
func Tone(dist, ward Fig, lower bool) int {
	if dist.Suppressed || ward.Suppressed || dist.Blank() || ward.Blank() {
		return 0
	}
	dv, wv := dist.Shown(), ward.Shown()
	if math.IsNaN(dv) || math.IsNaN(wv) {
		return 0
	}
	return analyze.Better(analyze.PointDiff(wv, dv), lower)
}

// toneLegend says what the web district tables' colours mean.
const toneLegend = "注）地区の値の色：" + RestName + "と比べて統計的に有意な差（偶然とは考えにくい差）がある値だけ、青は良い、橙は悪い状態（指標の方向（増・減）に従い、肯定的な回答の合計は高いほど良い）。色のない値は有意な差がありません。"
