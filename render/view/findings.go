package view

import (
	"cmp"
	"slices"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/wording"
)

// A Passage is the text printed at one place, with its generated sentences
// (wording.Passage): View.Passages holds them and writers print their Lines.
type Passage = wording.Passage

// A Sentence is one generated sentence with the figures it rests on (wording.Sentence).
type Sentence = wording.Sentence

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

// TargetName is the name of a passage's 対象ID at place, as the definitions
// give it: テーマ名 of a テーマコード (概要), 設問文 of a 設問ID, 指標名 of an
// 指標ID; "" when target is blank or unknown. The books print it beside the
// ID (結果の概要, commentary_draft.xlsx 対象名), so that staff read 「T1」 as
// its theme (reader review 5, item 20).
func (v *View) TargetName(place, target string) string {
	return v.TargetNames[[2]string{place, target}]
}

// targetNames are the names of every 対象ID a passage can have (TargetName).
func targetNames(b *ingest.Batch) map[[2]string]string {
	m := map[[2]string]string{}
	for _, t := range b.Themes {
		m[[2]string{analyze.PlaceSummary, t.Code}] = t.Name
	}
	for _, q := range b.Questions {
		m[[2]string{analyze.PlaceQuestion, q.ID}] = q.Text
	}
	for _, in := range b.Indicators {
		m[[2]string{analyze.PlaceIndicator, in.ID}] = in.Name
	}
	return m
}

// PassageLines returns the lines printed at a place (nil when none).
func (v *View) PassageLines(place, target, district string) []string {
	if p := v.Passage(place, target, district); p != nil {
		return p.Lines
	}
	return nil
}

// PassageFinding is the passage at a place as a block: its Lines and the
// web's WebLines (empty when there is no passage).
func (v *View) PassageFinding(place, target, district string) Finding {
	if p := v.Passage(place, target, district); p != nil {
		return Finding{Lines: p.Lines, WebLines: p.WebLines}
	}
	return Finding{}
}

// DistrictFinding is DistrictLines as a block, with the web's wording.
func (v *View) DistrictFinding(d string, skip ...string) Finding {
	lines, web := v.districtLines(d, skip)
	return Finding{Lines: lines, WebLines: web}
}

// DistrictLines returns district d's passage as printed under a header that
// already states some of its facts: the generated sentences of rules other
// than skip (analyze.RuleRespond under 「有効回答数 … 回収率」, RuleMargin
// under 「誤差 最大±…」), so that no fact is printed twice on a page; the
// secretariat's wording (Staff) is printed as written.
func (v *View) DistrictLines(d string, skip ...string) []string {
	lines, _ := v.districtLines(d, skip)
	return lines
}

// districtLines is DistrictLines and its web wording.
func (v *View) districtLines(d string, skip []string) (lines, web []string) {
	p := v.Passage(analyze.PlaceDistrict, "", d)
	if p == nil {
		return nil, nil
	}
	if p.Staff {
		return p.Lines, p.WebLines
	}
	for _, s := range p.Sentences {
		if !slices.Contains(skip, s.Rule) {
			lines = append(lines, s.Text)
			web = append(web, s.WebText)
		}
	}
	return lines, web
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
	Direction  string // 増 or 減: the colour of the district's bar follows it
	Target     Fig    // the indicator's 目標値, blank when none
	// Mark is ▲ or ▼ when the district differs significantly from the rest
	// of the ward (the 主な結果 table's test, analyze.DistrictTops); "" when
	// not, or not tested (a second indicator of a question, a hidden side).
	Mark string
}

// profileViews builds the district profiles from the overview, the indicator
// rows, district_profile.csv, hearing counts, the comment matrix and quotes.
//
// indicatorMark is district d's ▲▼ on indicator id against the rest of the
// ward: the mark of its question's 主な結果 row when that row is the
// indicator's (the first indicator of a question) and the district is shown.
func indicatorMark(res *analyze.Results, d, id string) string {
	b := res.Batch
	for _, ind := range b.Indicators {
		if ind.ID != id {
			continue
		}
		for _, t := range res.DistrictTops {
			if t.District == d && t.Question == ind.Question && t.Measure == analyze.KeyIndicator && t.Label == ind.Name && !t.Suppressed && !t.AllSuppressed {
				return t.Mark
			}
		}
	}
	return ""
}

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
				Ward: w.Current, Baseline: r.Baseline, BaselineN: r.BaselineN, Evaluation: r.Evaluation, Reference: r.Reference,
				Direction: w.Direction, Target: w.Target, Mark: indicatorMark(res, d, w.ID)})
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
