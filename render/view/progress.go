package view

import (
	"math"
	"strconv"
	"strings"

	"midreview/analyze"
	"midreview/ingest"
)

// ProgressView is the 取組の振り返り chapter: the initiatives' ratings by year,
// their activity figures against the target, problems and next year's direction.
type ProgressView struct {
	Years  []string // "2025年度", ascending
	Labels []string // 進ちょく尺度, best first
	Marks  []string // a mark per label (◎ ○ △ × …), legible in grayscale
	// Ward are the ward-wide counts by year; Themes the initiatives by theme.
	Ward   []ProgressCountRow
	Themes []ProgressThemeView
	// ByDistrict are a district's own initiatives (by theme) and counts; read
	// in Districts order only.
	ByDistrict       map[string][]ProgressThemeView
	DistrictCounts   map[string][]ProgressCountRow
	Keywords         []KV // words of the 課題 texts, ward-wide
	WardWideGroup    string
	HasActualFigures bool
}

// The 悪化 column of the progress count tables: the initiatives of 計 rated
// below their previous year's mark, printed after 計 as 再掲 (a subset, not
// a category: the marks, 未記入 and 計 add up without it). The PDF's compact
// table has room for the short head; the web, the dashboard and the
// tabulation book print the long one.
const (
	ProgressSlippedHead    = "（再掲）悪化"
	ProgressSlippedWebHead = "（再掲）前年度より悪化"
	ProgressSlippedNote    = "注）（再掲）は、計のうち前年度より進ちょくが下がった（悪化した）取組の数です（再掲のため、左の欄の合計には含みません）。"
)

// A ProgressCountRow is one group's ratings in one year.
type ProgressCountRow struct {
	Group, Year string
	Counts      []Fig // parallel to ProgressView.Labels
	Unrated     Fig
	Slipped     Fig
	Total       Fig
}

// A ProgressThemeView is one theme's initiatives.
type ProgressThemeView struct {
	Theme       string
	Initiatives []InitiativeView
}

// An InitiativeView is one initiative across the years.
type InitiativeView struct {
	ID, Name, District, Owner string
	Measure, Unit             string
	Target                    Fig
	Years                     []ProgressCell // parallel to ProgressView.Years
	// Latest year's texts (masked) and direction.
	LatestYear                  string
	Done, Outcome, Issues, Hard string
	// HardIsIssue: the sheet's ハード text is its 課題 text, word for word
	// (a physical issue entered in both cells): the handouts print it once,
	// on the 課題 line, marked ハード面 (Hard is then empty).
	HardIsIssue bool
	// IssueHard: the 課題 calls for a physical fix, by the one
	// classification of the ハード分類 (analyze.HardResults.ProgressIssueHard,
	// so the linkage lists hold it), or HardIsIssue: the handouts mark it
	// 「・ハード面」.
	IssueHard bool
	Next      string
	Slipped   bool // the latest year slipped
}

// A ProgressCell is one initiative's record in one year; Has is false for a
// year without a report.
type ProgressCell struct {
	Has     bool
	Rating  int // index into Labels, -1 when not given
	Mark    string
	Label   string
	Actual  Fig
	Reached Fig // percent of the target
	Slipped bool
	Next    string
}

// progressMarks are the grid's marks by rating index (best first); a longer
// scale repeats the last.
var progressMarks = []string{"◎", "○", "△", "×", "▼"}

// yearText is a fiscal year as printed: 2025年度.
func yearText(y int) string { return strconv.Itoa(y) + "年度" }

// valueFig formats an activity figure: whole numbers with thousands
// separators, others with one decimal.
func valueFig(v float64) Fig {
	if math.IsNaN(v) {
		return blank()
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return Fig{Value: v, Text: Thousands(int(v))}
	}
	return Fig{Value: v, Decimals: 1, Text: OneDecimal(v)}
}

// progressView builds the chapter from res.Progress; nil without progress/.
func progressView(res *analyze.Results, districts []string) *ProgressView {
	pr := res.Progress
	if pr == nil {
		return nil
	}
	b := res.Batch
	v := &ProgressView{Labels: pr.Labels, ByDistrict: map[string][]ProgressThemeView{},
		DistrictCounts: map[string][]ProgressCountRow{}, WardWideGroup: analyze.GroupWardWide}
	for _, y := range pr.Years {
		v.Years = append(v.Years, yearText(y))
	}
	for i := range pr.Labels {
		v.Marks = append(v.Marks, progressMarks[min(i, len(progressMarks)-1)])
	}
	for _, c := range pr.Counts {
		row := ProgressCountRow{Group: c.Group, Year: yearText(c.Year), Unrated: CountFig(c.Unrated, false),
			Slipped: CountFig(c.Slipped, false), Total: CountFig(c.Total, false)}
		for _, n := range c.Counts {
			row.Counts = append(row.Counts, CountFig(n, false))
		}
		switch c.By {
		case analyze.ByAll:
			v.Ward = append(v.Ward, row)
		case analyze.ByDistrict:
			v.DistrictCounts[c.Group] = append(v.DistrictCounts[c.Group], row)
		}
	}
	views := make([]InitiativeView, len(pr.Initiatives))
	for k, ip := range pr.Initiatives {
		in := &b.Initiatives[ip.Initiative]
		iv := InitiativeView{ID: in.ID, Name: in.Name, District: analyze.GroupWardWide, Owner: in.Owner,
			Measure: in.Measure, Unit: in.Unit, Target: blank()}
		if in.District >= 0 {
			iv.District = b.Districts[in.District].Name
		}
		if in.HasTarget {
			iv.Target = valueFig(in.Target)
		}
		iv.Years = make([]ProgressCell, len(pr.Years))
		for j := range iv.Years {
			iv.Years[j] = ProgressCell{Rating: -1, Actual: blank(), Reached: blank()}
		}
		for _, r := range ip.Records {
			j := yearIndex(pr.Years, r.Year)
			c := ProgressCell{Has: true, Rating: r.Rating, Label: r.Label, Actual: valueFig(r.Actual),
				Reached: FloatPctFig(r.Reached, false), Slipped: r.Slipped, Next: r.Next}
			if r.Rating >= 0 {
				c.Mark = v.Marks[min(r.Rating, len(v.Marks)-1)]
			}
			if !math.IsNaN(r.Actual) {
				v.HasActualFigures = true
			}
			iv.Years[j] = c
		}
		if ip.Latest >= 0 {
			r := ip.Records[ip.Latest]
			iv.LatestYear = yearText(r.Year)
			iv.Done, iv.Outcome, iv.Issues, iv.Hard, iv.Next, iv.Slipped = r.Done, r.Outcome, r.Issues, r.Hard, r.Next, r.Slipped
			if iv.Hard != "" && strings.TrimSpace(iv.Hard) == strings.TrimSpace(iv.Issues) {
				iv.Hard, iv.HardIsIssue = "", true
			}
			iv.IssueHard = iv.HardIsIssue || iv.Issues != "" && res.Hard.ProgressIssueHard(in.ID, r.Year)
		}
		views[k] = iv
	}
	group := func(keep func(*ingest.Initiative) bool) []ProgressThemeView {
		var out []ProgressThemeView
		for t := -1; t < len(b.Themes); t++ {
			tv := ProgressThemeView{Theme: analyze.GroupNoThemeInitiatives}
			if t >= 0 {
				tv.Theme = b.Themes[t].Name
			}
			for k, ip := range pr.Initiatives {
				in := &b.Initiatives[ip.Initiative]
				if in.Theme == t && keep(in) {
					tv.Initiatives = append(tv.Initiatives, views[k])
				}
			}
			if len(tv.Initiatives) > 0 {
				out = append(out, tv)
			}
		}
		// Note: その他の取組 was gathered first to keep one loop; it is printed last.
		if len(out) > 0 && out[0].Theme == analyze.GroupNoThemeInitiatives {
			out = append(out[1:], out[0])
		}
		return out
	}
	v.Themes = group(func(*ingest.Initiative) bool { return true })
	for di, d := range districts {
		v.ByDistrict[d] = group(func(in *ingest.Initiative) bool { return in.District == di })
	}
	for _, k := range pr.Keywords {
		if k.By == analyze.ByAll && len(v.Keywords) < 15 {
			v.Keywords = append(v.Keywords, KV{k.Word, strconv.Itoa(k.Count)})
		}
	}
	return v
}

func yearIndex(years []int, y int) int {
	for i, x := range years {
		if x == y {
			return i
		}
	}
	return 0
}

// An IndicatorHistoryView is one indicator over the plan's years (全体).
type IndicatorHistoryView struct {
	ID, Name  string
	Target    Fig
	Direction string
	Points    []HistoryPoint
}

// A HistoryPoint is one point of an indicator's line.
type HistoryPoint struct {
	Label, Date string
	Value       Fig
	N           Fig
}

// indicatorHistoryView lists 全体's points per indicator; nil without history/.
func indicatorHistoryView(res *analyze.Results) []IndicatorHistoryView {
	if len(res.IndicatorHistory) == 0 {
		return nil
	}
	b := res.Batch
	var out []IndicatorHistoryView
	for i, ind := range b.Indicators {
		hv := IndicatorHistoryView{ID: ind.ID, Name: ind.Name, Target: blank(), Direction: DirectionText(ind.Direction)}
		if ind.HasTarget {
			hv.Target = FloatPctFig(ind.Target, false)
		}
		for _, h := range res.IndicatorHistory {
			if h.Indicator == i && h.Group == analyze.GroupAll {
				hv.Points = append(hv.Points, HistoryPoint{Label: HistoryLabel(h.Point, h.Date), Date: h.Date,
					Value: FloatPctFig(h.Value, false), N: NFig(h.N)})
			}
		}
		if len(hv.Points) > 0 {
			out = append(out, hv)
		}
	}
	return out
}

// HistoryLabel names a point of 指標の推移 on an axis or in a column:
// 策定時 and 今回 as they are, a history/ run by its year and its 調査名
// (「2025年（テスト調査）」), so that a yearly review that keeps one survey
// name does not print the current survey's name under a past point
// (data/indicator_history.csv keeps the name alone in point, with date).
func HistoryLabel(point, date string) string {
	if point == analyze.PointBaseline || point == analyze.PointNow || len(date) < 4 {
		return point
	}
	y := date[:4]
	for _, r := range y {
		if r < '0' || r > '9' {
			return point
		}
	}
	return y + "年（" + point + "）"
}

// ProgressGuide is 報告書の見方 of a year without a survey: how to read the
// review's marks, bars and counts.
func ProgressGuide(pv *ProgressView) []string { return ProgressGuideItems(pv, true) }

// ProgressGuideItems are progressGuide's items; drawn reports whether the
// document draws the marks in shaded frames with bars of the activity figure
// (the PDF). Note: the web pages print the marks and figures in tables only,
// so they say where the figure stands rather than describe bars they lack.
func ProgressGuideItems(pv *ProgressView, drawn bool) []string {
	out := []string{"この報告書は、計画の取組について各年度の振り返りシートをまとめたものです（この年度はアンケート調査を行っていません）。"}
	if pv != nil {
		legend := make([]string, len(pv.Labels))
		for i, l := range pv.Labels {
			legend[i] = pv.Marks[i] + "：" + l
		}
		s := "進ちょくは記号で示します（" + strings.Join(legend, "、") + "）。"
		if drawn {
			s += "記号の枠は進ちょくが遅れているほど濃く塗っているため、白黒で複写しても読み取れます。"
		}
		out = append(out, s)
	}
	figure := "記号の下の棒は、その年度の活動指標の実績を、計画最終年度の目標を全体の長さとして表したものです（目標がない取組は棒の長さで比べられません）。"
	if !drawn {
		figure = "活動指標の実績は、取組ごとの年度別の表の「実績」の列に、目標は表の上に示します。"
	}
	return append(out,
		"「↓」は、前の年度より進ちょくが下がった（悪化した）ことを示します。空欄の年度は報告がありません。",
		figure,
		"表中の「"+MarkZero+"」は該当なし（0件）を示します。",
		"実施内容・成果・課題の記述は、個人が特定される情報を〇〇に置き換えています。",
	)
}
