package view

import (
	"slices"
	"strconv"
	"strings"

	"midreview/analyze"
	"midreview/ingest"
)

// HardView is the chapter ソフトとハードの連携: the issues that call for a
// physical fix by district and category, the programs that can help and who
// runs them, with masked quotes. report.pdf, the district handouts,
// linkage.pdf, tabulation.xlsx and the dashboard all print it from here.
type HardView struct {
	Categories []HardCategoryView
	// Sources are the source labels of BySource rows and the chart's series:
	// 区民の自由記述, 団体ヒアリング, 取組の振り返り.
	Sources []string
	// Rows are the counts of all sources by group (districts in sheet order,
	// then 区全体 and 地区不明 when present), then 全体 last.
	Rows []HardRow
	// BySource are the counts by source for every group, parallel to Rows:
	// BySource[i][s] is group Rows[i] from source Sources[s].
	BySource [][]HardRow
	// Years are the progress sheets' years ("2025年度"), ByYear their 全体
	// counts, parallel; empty without tagged progress texts.
	Years  []string
	ByYear []HardRow
	// YearNote says why ByYear sums past the progress issues (an issue
	// written in several years counts in each), "" when it does not.
	YearNote string
	// Quotes are the quotes by group ("" = ward-wide) and category (index
	// into Categories); read in Groups order only.
	Quotes map[string][][]HardQuoteView
	// Again are, by group and category like Quotes, the category's issues
	// quoted under an earlier category of the group (analyze.HardQuote
	// Again): for each, the name of the category it is quoted under.
	Again  map[string][][]string
	Groups []string // the groups of Rows without 全体
	// Issues are every issue with its ID, place, years and the answer of
	// linkage_responses.xlsx, in analyze's order (survey, hearing,
	// progress): the list that linkage_draft.xlsx, hard_responses.csv and
	// the chapter's table of issues print.
	Issues []HardIssueView
	// Statuses are the issues by 対応状況 (hard_status_counts.csv): per
	// group of Groups then 全体, each status in analyze's order.
	Statuses []HardStatusRow
}

// A HardIssueView is one issue as the lists print it.
type HardIssueView struct {
	ID         string
	Districts  []string // district groups of the issue
	Groups     string   // Districts joined with 、
	Categories []int    // indices into HardView.Categories
	Category   string   // category names joined with 、
	Place      string   // 町名 or facility, "" when the text names none
	Text       string   // masked
	Source     string   // hardQuoteSource: 区民の自由記述（地区）, …
	Origin     string   // the source's label (区民の自由記述, …), with the 取組名 of a progress issue
	Years      string   // 「2027–2029年度」, "" for survey and hearing issues
	// Voices is the number of issues with the same text (analyze.HardIssue
	// Voices): the count of similar voices a table of issues prints.
	Voices Fig
	// VoiceKey is the issue's analyze.HardIssue VoiceKey.
	VoiceKey string
	// Listed reports whether the issue is a row of the lists and the draft
	// (analyze.HardIssue Listed); SameAs is the 課題ID of the row that
	// stands for it otherwise, and Same, on a listed issue, the 課題IDs it
	// stands for (同じ声).
	Listed bool
	SameAs string
	Same   []string
	// Answer is the row of linkage_responses.xlsx carried over by ID;
	// Answered reports whether there is one.
	Answer   HardAnswerView
	Answered bool
	// Quotable reports whether the text may be printed in a handout
	// (analyze.HardIssue Quotable: not a resident's text of a group under
	// 秘匿基準).
	Quotable bool
}

// A HardAnswerView is the urban-development side's answer to an issue.
type HardAnswerView struct {
	Status     string // 対応状況; analyze.StatusUnanswered when not answered
	Department string // 担当課
	Plan       string // 対応予定
	Note       string // 備考
}

// A HardStatusRow is the number of issues of one group with one 対応状況.
type HardStatusRow struct {
	Group, Status string
	Count         Fig
}

// A HardCategoryView is one ハード分類 as printed.
type HardCategoryView struct {
	Name       string
	Programs   string // 関連制度, joined with 、
	Department string // 担当部署
}

// A HardRow is one group's counts: per category (parallel to
// HardView.Categories), and texts with any category.
type HardRow struct {
	Group  string
	Counts []Fig
	Total  Fig
	// Suppressed reports whether the row counts residents' texts of a group
	// under 秘匿基準 (or its complementary partner, analyze.HardResults
	// Suppressed): the committee's outputs print its counts, the public ones
	// (web/, opendata/) print x (Public).
	Suppressed bool
}

// Public is the row as web/ and opendata/ print it: every count x when the
// row is suppressed.
func (r HardRow) Public() HardRow {
	if !r.Suppressed {
		return r
	}
	p := HardRow{Group: r.Group, Total: SuppressedFig(0), Suppressed: true}
	for range r.Counts {
		p.Counts = append(p.Counts, SuppressedFig(0))
	}
	return p
}

// A HardQuoteView is one masked quote with where it came from.
type HardQuoteView struct {
	Text   string
	Source string // 区民の自由記述（地区）, 団体ヒアリング（地区）, 取組の振り返り（取組名・年度）
	// Also are the names of the issue's other categories: it is quoted
	// once in its group, and those categories refer to it (HardView.Again).
	Also []string
}

// HardSourceLabels are the printed names of analyze's sources. The survey's
// texts are 区民の自由記述, not a name of the survey: the survey has one name,
// its 調査名, and the chapter's introduction names it (hardIntro).
var HardSourceLabels = []struct{ src, Label string }{
	{analyze.SourceSurvey, "区民の自由記述"},
	{analyze.SourceHearing, "団体ヒアリング"},
	{analyze.SourceProgress, "取組の振り返り"},
}

// hardView builds the chapter from res.Hard; nil without sheet ハード分類.
func hardView(res *analyze.Results) *HardView {
	hr := res.Hard
	if hr == nil {
		return nil
	}
	b := res.Batch
	v := &HardView{Quotes: map[string][][]HardQuoteView{}, Again: map[string][][]string{}, Groups: hr.Groups}
	for _, c := range b.HardCategories {
		v.Categories = append(v.Categories, HardCategoryView{Name: c.Name, Programs: strings.Join(c.Programs, "、"), Department: c.Department})
	}
	sources := hardSources(res)
	for _, s := range sources {
		v.Sources = append(v.Sources, s.Label)
	}
	// counts[source][year][group][category]
	type key struct {
		src   string
		year  int
		group string
	}
	counts := map[key][]int{}
	nc := len(b.HardCategories)
	for _, c := range hr.Counts {
		k := key{c.Source, c.Year, c.Group}
		if counts[k] == nil {
			counts[k] = make([]int, nc+1)
		}
		i := nc
		for j, hc := range b.HardCategories {
			if hc.Name == c.Category {
				i = j
				break
			}
		}
		counts[k][i] = c.Count
	}
	row := func(k key, label string) HardRow {
		r := HardRow{Group: label}
		ns := counts[k]
		if ns == nil {
			ns = make([]int, nc+1)
		}
		for _, n := range ns[:nc] {
			r.Counts = append(r.Counts, CountFig(n, false))
		}
		r.Total = CountFig(ns[nc], false)
		return r
	}
	for i, g := range append(append([]string(nil), hr.Groups...), analyze.GroupAll) {
		secret := hr.WardSuppressed
		if i < len(hr.Suppressed) {
			secret = hr.Suppressed[i]
		}
		r := row(key{analyze.SourceAll, 0, g}, g)
		r.Suppressed = secret
		v.Rows = append(v.Rows, r)
		var bs []HardRow
		for _, s := range sources {
			r := row(key{s.src, 0, g}, s.Label)
			r.Suppressed = secret && s.src == analyze.SourceSurvey
			bs = append(bs, r)
		}
		v.BySource = append(v.BySource, bs)
	}
	for _, y := range hr.Years {
		v.Years = append(v.Years, yearText(y))
		v.ByYear = append(v.ByYear, row(key{analyze.SourceProgress, y, analyze.GroupAll}, yearText(y)))
	}
	if len(v.ByYear) > 0 {
		years, multi := 0.0, 0
		for _, r := range v.ByYear {
			years += r.Total.Value
		}
		for i := range hr.Issues {
			if len(hr.Issues[i].Years) > 1 {
				multi++
			}
		}
		if multi > 0 && years > 0 {
			v.YearNote = "同じ取組の同じ課題が複数の年度に書かれたもの（" + Thousands(multi) + "件）は、一つの課題として、書かれた年度のそれぞれに数えています。そのため年度別の合計は、出どころ別の「取組の振り返り」の件数より多くなります。"
		}
	}
	at := map[[2]string]int{} // group and issue → the category quoting it
	for _, q := range hr.Quotes {
		is := &hr.Issues[q.Issue]
		if q.Again {
			ag := v.Again[q.Group]
			if ag == nil {
				ag = make([][]string, nc)
				v.Again[q.Group] = ag
			}
			ag[q.Category] = append(ag[q.Category], v.Categories[at[[2]string{q.Group, is.ID}]].Name)
			continue
		}
		at[[2]string{q.Group, is.ID}] = q.Category
		qs := v.Quotes[q.Group]
		if qs == nil {
			qs = make([][]HardQuoteView, nc)
			v.Quotes[q.Group] = qs
		}
		qv := HardQuoteView{Text: is.Quoted(), Source: hardQuoteSource(is)}
		for _, c := range is.Categories {
			if c != q.Category {
				qv.Also = append(qv.Also, v.Categories[c].Name)
			}
		}
		qs[q.Category] = append(qs[q.Category], qv)
	}
	for i := range hr.Issues {
		is := &hr.Issues[i]
		iv := HardIssueView{ID: is.ID, Districts: is.Groups, Groups: strings.Join(is.Groups, "、"), Categories: is.Categories,
			Voices: CountFig(is.Voices, false), VoiceKey: is.VoiceKey(), Quotable: is.Quotable,
			Listed: is.Listed(), SameAs: is.SameAs, Same: is.Same,
			Place: is.Place, Text: is.Quoted(), Source: hardQuoteSource(is), Years: yearsText(is.Years),
			Answer: HardAnswerView{Status: analyze.IssueStatus(is)}}
		for _, l := range HardSourceLabels {
			if l.src == is.Source {
				iv.Origin = l.Label
			}
		}
		if is.Source == analyze.SourceProgress && is.ItemID != "" {
			iv.Origin += "（" + is.ItemID + "）"
		}
		var names []string
		for _, c := range is.Categories {
			names = append(names, b.HardCategories[c].Name)
		}
		iv.Category = strings.Join(names, "、")
		if r := is.Response; r != nil {
			iv.Answered = true
			iv.Answer.Department, iv.Answer.Plan, iv.Answer.Note = r.Department, r.Plan, r.Note
		}
		v.Issues = append(v.Issues, iv)
	}
	for _, st := range hr.Statuses {
		v.Statuses = append(v.Statuses, HardStatusRow{Group: st.Group, Status: st.Status, Count: CountFig(st.Count, false)})
	}
	return v
}

// hardSources are the sources the chapter counts: 団体ヒアリング only when
// an organization was heard (a batch without hearings/ prints no row of －).
func hardSources(res *analyze.Results) []struct{ src, Label string } {
	var out []struct{ src, Label string }
	for _, s := range HardSourceLabels {
		if s.src != analyze.SourceHearing || res.Hearings.Orgs > 0 {
			out = append(out, s)
		}
	}
	return out
}

// hardQuoteSource says where a quote came from, without naming a person or
// an organization.
func hardQuoteSource(is *analyze.HardIssue) string {
	place := strings.Join(is.Groups, "、")
	switch is.Source {
	case analyze.SourceSurvey:
		if is.PlacedBy {
			// filed by the town its place names, not where the respondent
			// lives; a group under 秘匿基準 is not named (Quotable is false)
			from := "回答者の地区は不明"
			switch {
			case is.From == analyze.GroupNoDistrict:
			case is.Quotable:
				from = "回答者は" + is.From
			default:
				from = "回答者は他の地区"
			}
			return HardSourceLabels[0].Label + "（" + place + "・場所から、" + from + "）"
		}
		return HardSourceLabels[0].Label + "（" + place + "）"
	case analyze.SourceHearing:
		return "団体ヒアリング（" + place + "）"
	}
	return "取組の振り返り（" + place + "・" + is.ItemID + "・" + yearsText(is.Years) + "）"
}

// YearsList writes the fiscal years of an issue for data/ (outputs.md):
// ascending, joined with ; (「2027;2028;2029」); "" for none.
func YearsList(ys []int) string {
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = strconv.Itoa(y)
	}
	return strings.Join(out, ";")
}

// yearsText writes the fiscal years of an issue, ascending: runs of
// consecutive years as a range (「2027–2029年度」), runs joined with ・
// (「2025・2027–2028年度」); "" for none.
func yearsText(ys []int) string {
	if len(ys) == 0 {
		return ""
	}
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		p := strconv.Itoa(ys[i])
		if j > i {
			p += "–" + strconv.Itoa(ys[j])
		}
		parts = append(parts, p)
		i = j + 1
	}
	return strings.Join(parts, "・") + "年度"
}

// VoicesOf returns the voices of the listed issues of group g ("" or
// 全体: every group) in category i: the residents, organizations and
// initiatives that raised them, of which the counts' 件 are the issues
// (the same sentence at one place is one issue, analyze.HardIssue Listed).
func (v *HardView) VoicesOf(g string, i int) int {
	n := 0
	for k := range v.Issues {
		is := &v.Issues[k]
		if !is.Listed || !slices.Contains(is.Categories, i) || g != "" && g != analyze.GroupAll && !slices.Contains(is.Districts, g) {
			continue
		}
		n += int(is.Voices.Value)
	}
	return n
}

// RowOf returns the row of group g, or nil.
func (v *HardView) RowOf(g string) (*HardRow, []HardRow) {
	for i := range v.Rows {
		if v.Rows[i].Group == g {
			return &v.Rows[i], v.BySource[i]
		}
	}
	return nil, nil
}

// hardProblems returns the warnings about linkage_responses.xlsx that
// analyze found (rows whose issue is gone), for View.CommentaryProblems.
func hardProblems(res *analyze.Results) []ingest.Problem {
	if res.Hard == nil {
		return nil
	}
	return res.Hard.Problems
}
