package render

import (
	"cmp"
	"slices"
	"strings"

	"midreview/analyze"
)

// A Passage is the text printed at one place (commentary.xlsx 場所, 対象ID,
// 地区): the generated sentences of the findings there, and what is printed.
// Every writer prints Lines and nothing else, so staff wording (commentary)
// replaces a passage by setting Lines once, here in the View.
type Passage struct {
	Place    string // analyze.PlaceSummary, PlaceQuestion, PlaceIndicator, PlaceDistrict
	Target   string // テーマコード, 設問ID, 指標ID; "" for a district profile
	District string // "" = the ward report
	// Sentences are the generated sentences in printed order, each with its basis.
	Sentences []Sentence
	// Lines are printed, one paragraph or bullet each: the generated
	// sentences, or the staff's text (Staff), or none when the passage was removed.
	Lines []string
	Staff bool // Lines are the secretariat's wording (commentary.xlsx)
}

// A Sentence is one generated sentence with the figures it rests on.
type Sentence struct {
	Rule  string // analyze.Rule…
	Text  string
	Basis string // its figures as printed: "Q4 全体 そう思う 45.3% n=1,234; …"
}

// Text is the generated text of the passage: its sentences joined.
func (p *Passage) Text() string {
	var b strings.Builder
	for _, s := range p.Sentences {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Basis is the figures of every sentence of the passage, as printed, "; "-joined:
// what commentary.xlsx 根拠 compares run to run.
func (p *Passage) Basis() string {
	var parts []string
	for _, s := range p.Sentences {
		if s.Basis != "" {
			parts = append(parts, s.Basis)
		}
	}
	return strings.Join(parts, "; ")
}

// Passage returns the passage at a place, or nil when there is none (or the
// generated text is off): writers print p.Lines.
func (v *View) Passage(place, target, district string) *Passage {
	for i := range v.Passages {
		p := &v.Passages[i]
		if p.Place == place && p.Target == target && p.District == district {
			return p
		}
	}
	return nil
}

// PassageLines returns the lines printed at a place (nil when none).
func (v *View) PassageLines(place, target, district string) []string {
	if p := v.Passage(place, target, district); p != nil {
		return p.Lines
	}
	return nil
}

// Passages groups findings into passages, in the order of their first finding,
// with the generated sentences as printed lines.
func Passages(fs []analyze.Finding) []Passage {
	var out []Passage
	idx := map[[3]string]int{}
	for _, f := range fs {
		k := [3]string{f.Place, f.Target, f.District}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Passage{Place: f.Place, Target: f.Target, District: f.District})
		}
		s := Sentence{Rule: f.Rule, Text: SentenceText(f), Basis: Basis(f)}
		out[i].Sentences = append(out[i].Sentences, s)
		out[i].Lines = append(out[i].Lines, s.Text)
	}
	return out
}

// Basis formats a finding's figures as printed, "; "-joined, each as
// "<item> <group> <label> <measure> <value> n=<n>" with its empty parts left out:
// "Q4 全体 そう思う 45.3% n=1,234".
func Basis(f analyze.Finding) string {
	parts := make([]string, 0, len(f.Figures))
	for _, g := range f.Figures {
		var w []string
		for _, s := range []string{g.Item, g.Group, g.Label, basisMeasure[g.Measure], figText(g)} {
			if s != "" {
				w = append(w, s)
			}
		}
		if g.N > 0 && g.Measure != analyze.MeasureValid && g.Measure != analyze.MeasureCount {
			w = append(w, "n="+Thousands(g.N))
		}
		parts = append(parts, strings.Join(w, " "))
	}
	return strings.Join(parts, "; ")
}

// basisMeasure names a figure's measure in a basis (empty for a plain share).
var basisMeasure = map[string]string{
	analyze.MeasureWeightedPct: "補正後",
	analyze.MeasureTopBox:      "肯定計",
	analyze.MeasureMean:        "平均",
	analyze.MeasureMedian:      "中央値",
	analyze.MeasureBaselinePct: "策定時",
	analyze.MeasureCurrentPct:  "今回",
	analyze.MeasureDiff:        "差",
	analyze.MeasureRestPct:     "他地区",
	analyze.MeasureBaseline:    "策定時",
	analyze.MeasureCurrent:     "今回",
	analyze.MeasureTarget:      "目標",
	analyze.MeasureValid:       "回答者",
	analyze.MeasureRate:        "回収率",
	analyze.MeasureCount:       "件数",
	analyze.MeasureMargin:      "誤差",
}

// figText prints a finding's figure as the tables print it: one decimal with %
// for shares, signed points for a difference, ± points for a margin, n and
// counts with thousands separators.
func figText(g analyze.FindingFig) string {
	switch g.Measure {
	case analyze.MeasureDiff:
		return PointsText(g.Value) + "ポイント"
	case analyze.MeasureMargin:
		return "±" + OneDecimal(g.Value) + "ポイント"
	case analyze.MeasureMean, analyze.MeasureMedian:
		return OneDecimal(g.Value)
	case analyze.MeasureValid:
		return Thousands(int(g.Value)) + "人"
	case analyze.MeasureCount:
		return Thousands(int(g.Value)) + "件"
	}
	if g.Decimals == 0 {
		return Thousands(int(g.Value))
	}
	return OneDecimal(g.Value) + "%"
}

// A ProfileView is a district's profile (地区カルテ): the district beside the
// ward. Its sentences are the passage (PlaceDistrict, "", District).
type ProfileView struct {
	District   string
	N          Fig // respondents
	Rate       Fig // response rate, blank when 配布数 is unknown
	Margin     Fig // ± points at N (district_profile.csv); blank when N is 0
	Suppressed bool
	Indicators []ProfileIndicator
	Orgs       Fig      // organizations heard in the district
	Themes     []KV     // comment themes with texts, the most first: theme, count
	Quotes     []string // up to 3 masked residents' quotes; none under 秘匿基準
}

// A ProfileIndicator is one indicator of a district beside the ward's value.
type ProfileIndicator struct {
	ID, Name       string
	District, Ward Fig // percentages as in the indicator table
	// Baseline is the district's own 策定時 value (indicators.csv baseline of
	// the district row, from baseline/), printed beside the grade so that the
	// district's evaluation can be checked: blank when unknown.
	Baseline   Fig
	BaselineN  Fig    // its base; blank when unknown
	Evaluation string // the district's own A–D (against its own baseline)
	Reference  bool
}

// profileViews builds the district profiles from the overview, the indicator
// rows, district_profile.csv, hearing counts, the comment matrix and quotes.
func profileViews(res *analyze.Results, v *View) []ProfileView {
	b := res.Batch
	if b == nil {
		return nil
	}
	var out []ProfileView
	for _, d := range v.Districts {
		p := ProfileView{District: d, N: NFig(0), Rate: blank(), Margin: blank(), Orgs: CountFig(0, false)}
		for _, o := range res.Overview.Districts {
			if o.Name == d {
				p.N = NFig(o.Valid)
				p.Rate = FloatPctFig(o.Rate, false)
				p.Suppressed = o.Valid < b.Settings.SuppressBelow
			}
		}
		for _, dp := range res.DistrictProfiles {
			if dp.District == d && !p.Suppressed {
				p.Margin = FloatPctFig(dp.MarginPt, false)
			}
		}
		rows := v.Indicators.ByDistrict[d]
		for i, w := range v.Indicators.Rows {
			if i >= len(rows) {
				break
			}
			r := rows[i]
			p.Indicators = append(p.Indicators, ProfileIndicator{ID: w.ID, Name: w.Name, District: r.Current,
				Ward: w.Current, Baseline: r.Baseline, BaselineN: r.BaselineN, Evaluation: r.Evaluation, Reference: r.Reference})
		}
		for _, g := range res.Hearings.ByGroup {
			if g.By == analyze.ByDistrict && g.Group == d {
				p.Orgs = CountFig(g.Count, false)
			}
		}
		var cells []analyze.TextCell
		for _, c := range res.TextMatrix {
			if c.District == d && len(c.Texts) > 0 {
				cells = append(cells, c)
			}
		}
		slices.SortStableFunc(cells, func(a, b analyze.TextCell) int { return cmp.Compare(len(b.Texts), len(a.Texts)) })
		for _, c := range cells {
			p.Themes = append(p.Themes, KV{c.Theme, Thousands(len(c.Texts))})
		}
		for _, q := range res.Quotes {
			if q.By == analyze.ByDistrict && q.Group == d && q.Source == analyze.SourceSurvey && !p.Suppressed && len(p.Quotes) < 3 {
				p.Quotes = append(p.Quotes, q.Text)
			}
		}
		out = append(out, p)
	}
	return out
}
