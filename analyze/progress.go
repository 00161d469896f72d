package analyze

import (
	"math"
	"sort"

	"midreview/ingest"
)

// Groups of the progress roll-ups besides districts and themes.
const (
	ByProgressAll  = "全体"
	GroupWardWide  = "区全体の取組"   // initiatives of the ward-wide plan (取組.地区 blank); never 区全体 alone, which reads as the whole ward (全体)
	SourceProgress = "progress" // progress sheets' 課題 texts
	// GroupNoThemeInitiatives is the theme group of initiatives of no theme
	// (progress_counts.csv, the chapter's last theme).
	GroupNoThemeInitiatives = "その他の取組"
)

// ProgressResults are the yearly review of the plan's initiatives (progress/):
// every figure of the 取組の振り返り chapter and data/progress.csv.
type ProgressResults struct {
	Years  []int    // fiscal years with a record, ascending
	Labels []string // 進ちょく尺度 labels, best first
	// Initiatives are the initiatives of sheet 取組 in sheet order, each with
	// its records by year (initiatives without any record included, so that a
	// missing report shows).
	Initiatives []InitiativeProgress
	// Counts are the ratings by year: 全体, then each district in sheet order
	// and 区全体, then each theme in sheet order and GroupNoThemeInitiatives.
	Counts []ProgressCount
	// Keywords are the words of the 課題 texts by theme (ByTheme) and 全体,
	// counted as for free text (keywords.csv rules).
	Keywords []Keyword
}

// An InitiativeProgress is one initiative over the years.
type InitiativeProgress struct {
	Initiative int // index into Batch.Initiatives
	Records    []YearProgress
	// Latest is the index into Records of the latest year, -1 without records.
	Latest int
}

// A YearProgress is one initiative's record for one year, as published.
type YearProgress struct {
	Year    int
	Rating  int    // choice index in 進ちょく尺度, -1 when not given
	Label   string // its label, "" when not given
	Code    int    // its code (0 when not given)
	Actual  float64
	Reached float64 // 100·Actual/Target (percent of the plan-end target), NaN without both
	// Slipped reports a rating worse than the year before's (both given).
	Slipped bool
	Next    string // 次年度 keyword, "" when not given
	Done    string // 実施内容, masked
	Outcome string // 成果, masked
	Issues  string // 課題, masked
	Hard    string // ハード, masked
	Source  string // file!sheet!cell of the record
}

// A ProgressCount is the number of initiatives of one group rated each choice
// in one year (a group of the chapter's rating table).
type ProgressCount struct {
	By, Group string // ByAll, ByDistrict, ByTheme
	Year      int
	Counts    []int // parallel to ProgressResults.Labels
	Unrated   int   // records without a rating
	Slipped   int   // records rated worse than the year before
	Total     int   // records
}

// progress computes the initiatives' yearly review; nil without progress/ records.
func progress(b *ingest.Batch, m *Masker) *ProgressResults {
	if len(b.Progress) == 0 {
		return nil
	}
	pr := &ProgressResults{}
	for _, c := range b.ProgressScale.Choices {
		pr.Labels = append(pr.Labels, c.Label)
	}
	years := map[int]bool{}
	for _, g := range b.Progress {
		years[g.Year] = true
	}
	for y := range years {
		pr.Years = append(pr.Years, y)
	}
	sort.Ints(pr.Years)
	byInit := make([][]ingest.Progress, len(b.Initiatives))
	for _, g := range b.Progress {
		byInit[g.Initiative] = append(byInit[g.Initiative], g)
	}
	mask := func(s string) string {
		if s == "" || m == nil {
			return s
		}
		return m.Mask(s)
	}
	for i := range b.Initiatives {
		in := &b.Initiatives[i]
		ip := InitiativeProgress{Initiative: i, Latest: len(byInit[i]) - 1}
		prevYear, prevRating := 0, -1
		for _, g := range byInit[i] { // ingest sorts by year
			y := YearProgress{Year: g.Year, Rating: g.Rating, Actual: math.NaN(), Reached: math.NaN(),
				Next: g.Next.String(), Done: mask(g.Done), Outcome: mask(g.Outcome), Issues: mask(g.Issues), Hard: mask(g.Hard),
				Source: progressSource(b, g)}
			if g.Rating >= 0 && g.Rating < len(b.ProgressScale.Choices) {
				c := b.ProgressScale.Choices[g.Rating]
				y.Label, y.Code = c.Label, c.Code
			}
			if g.HasActual {
				y.Actual = g.Actual
				if in.HasTarget && in.Target > 0 {
					y.Reached = 100 * g.Actual / in.Target
				}
			}
			// Note: slipping compares with the year just before only; a gap year
			// (no report) breaks the comparison rather than spanning it.
			y.Slipped = g.Rating >= 0 && prevRating >= 0 && prevYear == g.Year-1 && g.Rating > prevRating
			prevYear, prevRating = g.Year, g.Rating
			ip.Records = append(ip.Records, y)
		}
		pr.Initiatives = append(pr.Initiatives, ip)
	}
	pr.Counts = progressCounts(b, pr)
	return pr
}

// progressSource is a record's file, sheet and cell (progress.csv source).
func progressSource(b *ingest.Batch, g ingest.Progress) string {
	s := ""
	if int(g.Src.File) < len(b.Files) {
		s = b.Files[g.Src.File].Path
	}
	s += "!" + g.Sheet
	if g.Cell != "" {
		s += "!" + g.Cell
	}
	return s
}

// progressCounts tallies ratings by year for 全体, each district (and 区全体)
// and each theme (and GroupNoThemeInitiatives), every group and year listed (zeros included).
func progressCounts(b *ingest.Batch, pr *ProgressResults) []ProgressCount {
	type group struct {
		by, name string
		in       func(*ingest.Initiative) bool
	}
	groups := []group{{ByAll, GroupAll, func(*ingest.Initiative) bool { return true }}}
	for d := range b.Districts {
		groups = append(groups, group{ByDistrict, b.Districts[d].Name, func(in *ingest.Initiative) bool { return in.District == d }})
	}
	groups = append(groups, group{ByDistrict, GroupWardWide, func(in *ingest.Initiative) bool { return in.District < 0 }})
	for t := range b.Themes {
		groups = append(groups, group{ByTheme, b.Themes[t].Name, func(in *ingest.Initiative) bool { return in.Theme == t }})
	}
	groups = append(groups, group{ByTheme, GroupNoThemeInitiatives, func(in *ingest.Initiative) bool { return in.Theme < 0 }})
	var out []ProgressCount
	for _, g := range groups {
		n := 0
		for _, ip := range pr.Initiatives {
			if g.in(&b.Initiatives[ip.Initiative]) {
				n++
			}
		}
		if n == 0 && g.by != ByAll {
			continue // Note: a district or theme without initiatives has no row.
		}
		for _, y := range pr.Years {
			c := ProgressCount{By: g.by, Group: g.name, Year: y, Counts: make([]int, len(pr.Labels))}
			for _, ip := range pr.Initiatives {
				if !g.in(&b.Initiatives[ip.Initiative]) {
					continue
				}
				for _, r := range ip.Records {
					if r.Year != y {
						continue
					}
					c.Total++
					if r.Rating >= 0 && r.Rating < len(c.Counts) {
						c.Counts[r.Rating]++
					} else {
						c.Unrated++
					}
					if r.Slipped {
						c.Slipped++
					}
				}
			}
			out = append(out, c)
		}
	}
	return out
}

// progressKeywords counts the words of the 課題 texts for 全体 and by theme,
// with the same tokenizer and rules as free text.
func progressKeywords(b *ingest.Batch, ta *textAnalyzer) []Keyword {
	var docs []textDoc
	for _, g := range b.Progress {
		if g.Issues == "" {
			continue
		}
		in := &b.Initiatives[g.Initiative]
		d := textDoc{docHead: &docHead{source: SourceProgress, fixed: in.Theme}, recordID: in.ID, text: g.Issues}
		ta.analyze(&d)
		// Note: an initiative's 課題 belongs to its own theme; keyword theme
		// coding would file a text under several themes and blur the table.
		d.themes = nil
		if in.Theme >= 0 {
			d.themes = []int{in.Theme}
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil
	}
	var out []Keyword
	add := func(by, group string, idx []int) {
		for _, w := range countWords(docs, idx) {
			out = append(out, Keyword{Source: SourceProgress, By: by, Group: group, Word: w.word, Count: w.count, Docs: w.docs})
		}
	}
	all := make([]int, len(docs))
	for i := range docs {
		all[i] = i
	}
	add(ByAll, GroupAll, all)
	for t := range b.Themes {
		var idx []int
		for i, d := range docs {
			if containsInt(d.themes, t) {
				idx = append(idx, i)
			}
		}
		if len(idx) > 0 {
			add(ByTheme, b.Themes[t].Name, idx)
		}
	}
	return out
}

// IndicatorHistory is one indicator's value for one group at one point of the
// plan (indicator_history.csv).
type IndicatorHistory struct {
	Indicator int    // index into Batch.Indicators
	Group     string // 全体 or a district
	Point     string // 策定時, an earlier run's 調査名, or 今回
	Date      string // YYYY-MM-DD of that run; "" for 策定時
	Value     float64
	N         int
}

// Points of indicator_history.csv besides the earlier runs.
const (
	PointBaseline = "策定時"
	PointNow      = "今回"
)

// indicatorHistory lines up each indicator's values by 指標ID: 策定時, each
// history/ run in folder order, then this run; for 全体 and each district.
// Nil without history/.
func indicatorHistory(b *ingest.Batch, inds []IndicatorResult) []IndicatorHistory {
	if len(b.History) == 0 {
		return nil
	}
	now := map[[2]string]IndicatorResult{}
	for _, r := range inds {
		now[[2]string{b.Indicators[r.Indicator].ID, r.Group}] = r
	}
	groups := []string{GroupAll}
	for _, d := range b.Districts {
		groups = append(groups, d.Name)
	}
	date := ""
	if !b.Settings.Date.IsZero() {
		date = b.Settings.Date.Format("2006-01-02")
	}
	var out []IndicatorHistory
	for i, ind := range b.Indicators {
		for _, g := range groups {
			r, hasNow := now[[2]string{ind.ID, g}]
			if hasNow && !math.IsNaN(r.Baseline) {
				out = append(out, IndicatorHistory{Indicator: i, Group: g, Point: PointBaseline, Value: r.Baseline, N: r.BaselineN})
			} else if g == GroupAll && ind.HasBaseline {
				out = append(out, IndicatorHistory{Indicator: i, Group: g, Point: PointBaseline, Value: ind.Baseline, N: ind.BaselineN})
			}
			for _, h := range b.History {
				for _, v := range h.Values {
					if v.IndicatorID == ind.ID && v.Group == g {
						out = append(out, IndicatorHistory{Indicator: i, Group: g, Point: h.SurveyName, Date: h.Date, Value: v.Value, N: v.N})
					}
				}
			}
			if hasNow {
				out = append(out, IndicatorHistory{Indicator: i, Group: g, Point: PointNow, Date: date, Value: r.Current, N: r.CurrentN})
			}
		}
	}
	return out
}

// progressHasText reports whether any progress record has a text to mask.
func progressHasText(b *ingest.Batch) bool {
	for _, g := range b.Progress {
		if g.Done != "" || g.Outcome != "" || g.Issues != "" || g.Hard != "" {
			return true
		}
	}
	return false
}

// InitiativeOrder is the order every list of initiatives follows, the
// chapter 取組の振り返り's: by theme in sheet order, initiatives of no theme
// last, and in sheet order within a theme. It returns indices into
// pr.Initiatives.
func InitiativeOrder(b *ingest.Batch, pr *ProgressResults) []int {
	out := make([]int, len(pr.Initiatives))
	for i := range out {
		out[i] = i
	}
	theme := func(k int) int {
		t := b.Initiatives[pr.Initiatives[k].Initiative].Theme
		if t < 0 {
			return len(b.Themes)
		}
		return t
	}
	sort.SliceStable(out, func(i, j int) bool { return theme(out[i]) < theme(out[j]) })
	return out
}
