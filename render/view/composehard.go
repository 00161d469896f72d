package view

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/analyze"
)

// The chapter ソフトとハードの連携 and linkage.pdf, composed once. The
// handouts print every count; the web pages publish the public counts
// (HardRow.Public: x for the counts that include residents' texts of a group
// under 秘匿基準 and its complementary partner) and never print a heading
// that would tell what an x hides. The chapter is composed once per
// audience: public for the web, and not for the PDF.

// hardIntro is the chapter's first paragraph; it names the survey by its
// title (the one name of the survey) once.
func hardIntro(survey string) string {
	return survey + "の自由記述（表では「" + HardSourceLabels[0].Label + "」）、団体ヒアリングの意見、取組の振り返りシートの課題のうち、" +
		"空き家や段差、バス、公園、街灯、集会所など、施設や道路といった物理的な対応（ハード）が必要な課題を、" +
		"ハード分類のキーワードで分類しました。一つの記述が複数の分類に入ることがあります。" +
		"記述は個人が特定されないよう氏名・住所などを伏せ字（〇〇）にし、回答者が少ない地区の区民の記述は載せていません。"
}

// hardNoteSuppressed explains x in the chapter's tables.
const hardNoteSuppressed = "注）" + MarkSuppressed + "：回答者が少ない地区の区民の記述の数は、個人の特定を避けるため秘匿しています（区民の自由記述と、それを含む計）。ほかの地区の数値から逆算できないよう、あわせて秘匿している地区もあります。"

// hardSourceHeads are the source labels as narrow printed column heads,
// broken between words (区民アン / ケート read badly).
var hardSourceHeads = map[string]string{"区民の自由記述": "区民の\n自由記述", "団体ヒアリング": "団体\nヒアリング", "取組の振り返り": "取組の\n振り返り"}

// Hard is the chapter ソフトとハードの連携: in the ward report the table by
// district and category, the counts by source (and by year), a chart and
// per category its programs and quotes; in a district handout the
// district's own issues.
func (c *Composer) Hard() {
	if c.V.Hard == nil {
		return
	}
	c.Add(Section{"ソフトとハードの連携"}, Para{Text: hardIntro(c.V.Surveys.Current.Title)}, Space{3})
	c.Add(PrintOnly(c.hardBody(false)...), WebOnly(c.hardBody(true)...))
}

// hardBody is the chapter after its introduction, for the public (web) or not.
func (c *Composer) hardBody(pub bool) []Block {
	h := &Composer{V: c.V, district: c.district}
	if c.district != "" {
		h.hardGroup(c.district, pub)
		return h.Out
	}
	h.hardWard(pub)
	for i := range c.V.Hard.Categories {
		h.HardCategory(i, "", true, pub)
	}
	return h.Out
}

// HardTotalHead is the head of the total column of the counts by district
// and category, in every output (linkage.pdf, report.pdf, tabulation.xlsx,
// the dashboard): the number of issues (the same voices one), not of texts
// (reader review 5, item 12: the sheet said 計（記述数）).
const HardTotalHead = "計（課題数）"

// hardCounts is a table of counts: the label, each category and the total.
func (c *Composer) hardCounts(caption, first string) Table {
	hv := c.V.Hard
	w := (ContentW - 30) / float64(len(hv.Categories)+1)
	t := Table{Caption: caption, Size: 8, Cols: []Col{{Head: first, Role: RoleLabel, W: 30}}}
	for _, cat := range hv.Categories {
		t.Cols = append(t.Cols, Col{Head: cat.Name, Unit: "件", Role: RoleFigure, W: w, BreakHead: true})
	}
	t.Cols = append(t.Cols, Col{Head: HardTotalHead, Unit: "件", Role: RoleFigure, W: w, BreakHead: true})
	return t
}

// hardRow is one row of hardCounts; bold rows are 全体 or 計.
func hardRow(label string, r HardRow, bold, pub bool) []Cell {
	if pub {
		r = r.Public()
	}
	cs := []Cell{{Text: label, Bold: bold, Shade: bold}}
	for _, f := range r.Counts {
		cs = append(cs, Cell{Text: f.Text, Shade: bold})
	}
	return append(cs, Cell{Text: r.Total.Text, Bold: bold, Shade: bold})
}

// hardWard is the ward-wide tables and chart.
func (c *Composer) hardWard(pub bool) {
	hv := c.V.Hard
	t := c.hardCounts("物理的な対応が必要な課題の数（地区別・分類別、件）", "地区")
	supp := false
	for _, r := range hv.Rows {
		t.Rows = append(t.Rows, hardRow(r.Group, r, r.Group == analyze.GroupAll && !pub, pub))
		supp = supp || r.Suppressed
	}
	const multi = "同じ場所について同じ文で寄せられた課題は、書いた人・団体・取組の数（同じ声）にかかわらず1件と数えています。一つの課題が複数の分類に入るため、分類の合計は「計」と一致しません。複数の地区で活動する団体の意見は、それぞれの地区に数えています。"
	if pub {
		t.Notes = []string{"注）" + multi}
		if supp {
			t.Notes = append(t.Notes, hardNoteSuppressed)
		}
	} else {
		t.Notes = []string{multi}
	}
	c.Add(t, Space{3})
	all, bs := hv.RowOf(analyze.GroupAll)
	t = c.hardCounts("出どころ別の課題の数（全体、件）", "出どころ")
	for _, r := range bs {
		t.Rows = append(t.Rows, hardRow(r.Group, r, false, pub))
	}
	t.Rows = append(t.Rows, hardRow("計", *all, !pub, pub))
	if pub && all.Suppressed {
		t.Notes = []string{hardNoteSuppressed}
	}
	c.Add(t, Space{3})
	if len(hv.ByYear) > 0 {
		t = c.hardCounts("取組の振り返りシートの課題の数（年度別、件）", "年度")
		for _, r := range hv.ByYear {
			t.Rows = append(t.Rows, hardRow(r.Group, r, false, pub))
		}
		if hv.YearNote != "" {
			t.Notes = []string{"注）" + hv.YearNote}
		}
		c.Add(t, Space{3})
	}
	f := Figure{Caption: "分類別・出どころ別の課題の数（全体、件）", Series: hv.Sources, CountUnit: true}
	for i, cat := range hv.Categories {
		br := BarRow{Label: cat.Name}
		for _, r := range bs {
			if pub {
				r = r.Public()
			}
			br.Vals = append(br.Vals, r.Counts[i])
		}
		f.Bars = append(f.Bars, br)
	}
	c.Add(f, Space{2})
}

// hardGroup is one district group's issues: a sentence with its count, the
// table by category and source with the programs and their department,
// then per category with issues its quotes.
func (c *Composer) hardGroup(g string, pub bool) {
	hv := c.V.Hard
	r, bs := hv.RowOf(g)
	if r == nil && pub {
		return
	}
	switch {
	case r != nil && r.Suppressed && pub:
		c.Add(Para{Text: g + "から寄せられた、物理的な対応が必要な課題の数は、調査の回答者が少ないため秘匿しています（団体ヒアリングと取組の振り返りの数は下の表のとおりです）。"})
	case r == nil || r.Total.Value == 0:
		c.Add(Para{Text: g + "では、物理的な対応が必要な課題は寄せられていません。"})
		return
	default:
		c.Add(Para{Text: g + "から寄せられた、物理的な対応が必要な課題は " + r.Total.Text + " 件です。"})
	}
	c.Add(Space{2})
	pw, dw := 58.0, ContentW-30-16*3-12-58
	t := Table{Caption: "分類別の課題の数と活用できる制度（" + g + "、件）", Size: 8, Cols: []Col{{Head: "分類", Role: RoleLabel, W: 30, BreakCells: true}}}
	for _, s := range hv.Sources {
		h, ok := hardSourceHeads[s]
		if !ok {
			h = s
		}
		t.Cols = append(t.Cols, Col{Head: h, WebHead: s, Unit: "件", Role: RoleFigure, W: 16})
	}
	t.Cols = append(t.Cols, Col{Head: "計", Unit: "件", Role: RoleFigure, W: 12}, Col{Head: "活用できる制度", W: pw, BreakCells: true},
		Col{Head: "担当部署", W: dw, BreakCells: true})
	shown := *r
	if pub {
		shown = r.Public()
	}
	for i, cat := range hv.Categories {
		row := []Cell{{Text: cat.Name}}
		for _, s := range bs {
			if pub {
				s = s.Public()
			}
			row = append(row, Cell{Text: s.Counts[i].Text})
		}
		t.Rows = append(t.Rows, append(row, Cell{Text: shown.Counts[i].Text, Bold: true}, Cell{Text: cat.Programs}, Cell{Text: cat.Department}))
	}
	if pub && r.Suppressed {
		t.Notes = []string{hardNoteSuppressed}
	}
	c.Add(t, Space{3})
	for i := range hv.Categories {
		if hardShown(hv, r, bs, g, i, pub) {
			c.HardCategory(i, g, false, pub)
		}
	}
}

// hardShown reports whether a district's part prints category i of group
// g: when it has a text; on the web with the counts x, only when a count
// that is printed or a quote shows it has one, so that a heading never
// tells what the x hides.
func hardShown(hv *HardView, r *HardRow, bs []HardRow, g string, i int, pub bool) bool {
	if !pub || !r.Suppressed {
		return r.Counts[i].Value > 0
	}
	for _, s := range bs {
		if !s.Suppressed && s.Counts[i].Value > 0 {
			return true
		}
	}
	qs := hv.Quotes[g]
	return qs != nil && len(qs[i]) > 0
}

// HardCategory is one category: in the ward chapter a subsection with its
// programs, department and quotes; for a district a heading with the
// district's count (when printed) and quotes.
func (c *Composer) HardCategory(i int, g string, sub, pub bool) {
	hv := c.V.Hard
	cat := hv.Categories[i]
	key := g
	if g == "" {
		key = analyze.GroupAll
	}
	r, _ := hv.RowOf(key)
	shown := *r
	if pub {
		shown = r.Public()
	}
	// A count in a heading is a word: 「0件」, not the tables' 「－」.
	n := shown.Counts[i].Text
	if v := shown.Counts[i].Value; v == 0 {
		n = "0"
	}
	title := cat.Name + "（" + n + "件）"
	// Note: the count is of issues (the same sentence at one place is one);
	// when more wrote them, the voices follow: 「防犯・街灯（2件、声6件）」.
	if v := hv.VoicesOf(g, i); !shown.Counts[i].Suppressed && v > int(shown.Counts[i].Value) {
		title = cat.Name + "（" + n + "件、声" + Thousands(v) + "件）"
	}
	if pub && r.Suppressed {
		title = cat.Name
	}
	if sub {
		prog, dept := cat.Programs, cat.Department
		if prog == "" {
			prog = "（未記入）"
		}
		if dept == "" {
			dept = "（未記入）"
		}
		c.Add(Subsection{Title: title, MinBody: 24}, Para{Text: "活用できる制度：" + prog, Bold: true, Size: 9},
			Para{Text: "担当部署：" + dept, Size: 9}, Space{2})
	} else {
		c.Add(Heading{Text: title, MinBody: 10})
	}
	var qs []HardQuoteView
	if all := hv.Quotes[g]; all != nil {
		qs = all[i]
	}
	var again []string
	if all := hv.Again[g]; all != nil {
		again = all[i]
	}
	if len(qs) == 0 && len(again) == 0 {
		if r.Counts[i].Value > 0 && !(pub && r.Suppressed) {
			// Note: the reason named is the true one: a resident's text
			// of a small group, or texts too short to quote (analyze
			// hardQuoteMin; 「集会所に段差がある」, a ハード cell quoted alone).
			why := "短い記述は引用せず、課題の一覧に載せています"
			for _, is := range hv.Issues {
				if !is.Quotable && slices.Contains(is.Categories, i) && (g == "" || slices.Contains(is.Districts, g)) {
					why = "回答者の少ない地区の区民の記述は載せていません"
				}
			}
			c.Add(Note{"載せられる記述はありません（" + why + "）。"})
		}
		c.Add(Space{2})
		return
	}
	var items []string
	for _, q := range qs {
		item := "「" + q.Text + "」（" + q.Source + "）"
		if len(q.Also) > 0 {
			item += "［" + strings.Join(q.Also, "、") + "にも該当］"
		}
		items = append(items, item)
	}
	if len(items) > 0 {
		c.Add(Bullets{Items: items, Size: 9})
	}
	if len(again) > 0 {
		c.Add(Para{Text: HardAgainText(again), Size: 9})
	}
	if n := HardMore(shown.Counts[i], len(qs)+len(again)); n > 0 && !(pub && r.Suppressed) {
		c.Add(Para{Text: "ほか" + strconv.Itoa(n) + "件", Size: 9})
	}
	c.Add(Space{2})
}

// HardAgainText is the line under a category heading for its issues
// quoted under earlier categories (HardView.Again, one category name per
// issue): 「道路・歩道・段差に載せた1件も、この分類に該当します。」, the
// categories in the order given.
func HardAgainText(again []string) string {
	var order []string
	n := map[string]int{}
	for _, a := range again {
		if n[a] == 0 {
			order = append(order, a)
		}
		n[a]++
	}
	var parts []string
	for _, a := range order {
		parts = append(parts, a+"に載せた"+strconv.Itoa(n[a])+"件")
	}
	return strings.Join(parts, "、") + "も、この分類に該当します。"
}

// HardMore is how many of a heading's count go unquoted: the count printed
// minus the quotes and the issues referred to (HardAgainText) printed under
// it (0 when the count is not a number).
//
// Note: the count is of issues (a text repeated by one initiative over
// several years is one), every quote is one issue and an issue is quoted
// once in a group, so count = quotes + issues referred to + ほか holds for
// every printed heading.
func HardMore(count Fig, quotes int) int {
	if count.Suppressed || math.IsNaN(count.Value) {
		return 0
	}
	return max(int(count.Value)-quotes, 0)
}

// Linkage is linkage.pdf after its cover and contents: how to read it with
// the programs by category, the ward-wide overview, one section per
// district.
func (c *Composer) Linkage() {
	hv := c.V.Hard
	c.Add(Section{"この資料について"},
		Para{Text: "この資料は、地域福祉保健計画の中間振り返りで地域から寄せられた声のうち、" +
			"物理的な対応（ハード）が必要な課題を地区ごとにまとめたものです。まちづくり・道路・公園・住宅などを担当する部署への情報提供に使えるよう、" +
			"課題ごとに活用できる制度と担当部署を示しています。"},
		Space{2}, Para{Text: hardIntro(c.V.Surveys.Current.Title)}, Space{3})
	t := Table{Caption: "ハード分類と活用できる制度", Cols: []Col{{Head: "分類", Role: RoleLabel, W: 36, BreakCells: true},
		{Head: "活用できる制度", W: 94, BreakCells: true}, {Head: "担当部署", W: ContentW - 130, BreakCells: true}}}
	for _, cat := range hv.Categories {
		t.Rows = append(t.Rows, Cells(cat.Name, cat.Programs, cat.Department))
	}
	c.Add(t, Section{"全体の状況"})
	c.hardWard(false)
	c.issueMap()
	for _, g := range hv.Groups {
		c.Add(Section{g})
		c.hardGroup(g, false)
		c.hardIssues(g)
	}
	c.hardAnnex()
}

// hardAnnex is linkage.pdf's last section: every issue once, in the order
// of its 課題ID, with its districts, categories, place, text, source and
// years, so that an officer given an ID (by linkage_responses.xlsx, a
// colleague or hard_issues.csv) finds the issue without knowing its
// district. A resident's text from a group under 秘匿基準 is listed without
// its text, as in the district lists.
func (c *Composer) hardAnnex() {
	hv := c.V.Hard
	if len(hv.Issues) == 0 {
		return
	}
	list := make([]int, len(hv.Issues))
	for i := range list {
		list[i] = i
	}
	slices.SortStableFunc(list, func(a, b int) int { return strings.Compare(hv.Issues[a].ID, hv.Issues[b].ID) })
	idW, distW, catW, placeW, srcW := 22.0, 19.0, 22.0, 24.0, 30.0 // 地区 holds 区全体の取組 on one line
	t := Table{Caption: "すべての課題ID（課題ID順、" + strconv.Itoa(len(list)) + "件）", Size: 7.5, Cols: []Col{
		{Head: "課題ID", Role: RoleLabel, W: idW}, {Head: "地区", W: distW, BreakCells: true},
		{Head: "分類", W: catW, BreakCells: true}, {Head: "場所", W: placeW, BreakCells: true},
		{Head: "内容", W: ContentW - idW - distW - catW - placeW - srcW},
		{Head: "出どころ・年度", W: srcW, BreakCells: true}}}
	for _, i := range list {
		is := &hv.Issues[i]
		text := is.listedText()
		if is.SameAs != "" {
			// traceable: the row of the lists that stands for it
			text += "（" + is.SameAs + "と同じ声）"
		}
		src := is.Origin
		if is.Years != "" {
			src += "・" + is.Years
		}
		t.Rows = append(t.Rows, Cells(is.ID, is.Groups, is.Category, is.Place, text, src))
	}
	t.Notes = []string{"課題IDは linkage_draft.xlsx・linkage_responses.xlsx・data/hard_issues.csv の課題IDと同じです。課題IDの頭の文字は出どころ（S：区民の自由記述、H：団体ヒアリング、P：取組の振り返り）。"}
	c.Add(Section{"付録　すべての課題（課題ID順）"},
		Para{Text: "寄せられた記述の課題IDを、課題IDの順にすべて並べました。複数の地区にまたがる課題も一度だけ載せています。各地区の「課題の一覧」で同じ声として一行にまとめた記述には、その行の課題IDを「（S-…と同じ声）」と書いています。"},
		Space{2}, t)
}

// hardIssues is linkage.pdf's list of a district group's issues, for the
// urban-development side to act on: each issue once with its 課題ID,
// categories, place, text, source and years, the number of similar voices
// (issues with the same text) and the answer of linkage_responses.xlsx,
// sorted by its first category (sheet order), then by voices (most first),
// then in reading order. A resident's text from a group under 秘匿基準 is
// listed without its text, like every quote.
func (c *Composer) hardIssues(g string) {
	hv := c.V.Hard
	var list []int
	for i := range hv.Issues {
		if hv.Issues[i].Listed && slices.Contains(hv.Issues[i].Districts, g) {
			list = append(list, i)
		}
	}
	if len(list) == 0 {
		return
	}
	first := func(i int) int {
		if cs := hv.Issues[i].Categories; len(cs) > 0 {
			return cs[0]
		}
		return len(hv.Categories)
	}
	// Note: one row per issue: the same sentence at one place in this
	// group is one row (analyze.HardIssue Listed) whose 同じ声 counts its
	// voices; the 課題IDs of the others are in linkage_draft.xlsx and the
	// annex.
	voices := func(i int) int { return int(hv.Issues[i].Voices.Value) }
	slices.SortStableFunc(list, func(a, b int) int {
		if d := first(a) - first(b); d != 0 {
			return d
		}
		return cmp.Compare(voices(b), voices(a))
	})
	answered := false
	for _, i := range list {
		answered = answered || hv.Issues[i].Answered
	}
	idW, catW, placeW, srcW, voiceW, stW := 23.0, 24.0, 24.0, 27.0, 11.0, 0.0
	if answered {
		stW = 26
	}
	textW := ContentW - idW - catW - placeW - srcW - voiceW - stW
	t := Table{Caption: "課題の一覧（" + g + "）", Size: 7.5, Cols: []Col{
		{Head: "課題ID", Role: RoleLabel, W: idW}, {Head: "分類", W: catW, BreakCells: true},
		{Head: "場所", W: placeW, BreakCells: true}, {Head: "内容", W: textW},
		{Head: "出どころ・年度", W: srcW, BreakCells: true}, {Head: "同じ声", Unit: "件", Role: RoleFigure, W: voiceW}}}
	if answered {
		t.Cols = append(t.Cols, Col{Head: "対応状況", W: stW, BreakCells: true})
	}
	for _, i := range list {
		is := &hv.Issues[i]
		text := is.listedText()
		src := is.Source
		if is.Years != "" {
			src = hardSourceLabelOf(is.Source) + "・" + is.Years
		}
		row := Cells(is.ID, is.Category, is.Place, text, src, hv.Issues[i].Voices.Text)
		if answered {
			st := is.Answer.Status
			if is.Answer.Department != "" {
				st += "（" + is.Answer.Department + "）"
			}
			if is.Answer.Plan != "" {
				st += " " + is.Answer.Plan
			}
			row = append(row, Cell{Text: st})
		}
		t.Rows = append(t.Rows, row)
	}
	t.Notes = []string{"同じ声：同じ場所について同じ文を書いた区民・団体・取組の数。同じ声は1行（1件）にまとめ、課題IDは最初の記述のものです（ほかの記述の課題IDは linkage_draft.xlsx の「同じ声の課題ID」と付録にあります）。対応状況は linkage_responses.xlsx の回答（課題IDで引き継ぎます）。"}
	c.Add(Space{2}, t, Space{3})
}

// hardSourceLabelOf returns the source label at the head of a quote source
// (取組の振り返り（…） → 取組の振り返り).
func hardSourceLabelOf(src string) string {
	if i := strings.Index(src, "（"); i > 0 {
		return src[:i]
	}
	return src
}

// listedText is the issue's text as the lists print it: the text, or a note
// in its place when it is a resident's from a district with few respondents.
func (is *HardIssueView) listedText() string {
	if !is.Quotable {
		return "（回答者の少ない地区の区民の記述のため載せていません）"
	}
	return is.Text
}
