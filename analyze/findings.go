package analyze

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/ingest"
)

// Places of a passage (commentary.xlsx 場所, findings.csv place).
const (
	PlaceSummary   = "概要" // 調査結果の概要; Target = テーマコード
	PlaceQuestion  = "設問" // under a question; Target = 設問ID
	PlaceIndicator = "指標" // under the indicator table; Target = 指標ID
	PlaceDistrict  = "地区" // a district profile (地区カルテ); Target "", District set
)

// Rules: what a Finding states. render holds one template per rule.
const (
	RuleLeading    = "leading"     // the leading answers in order, ties together
	RuleAllEqual   = "all-equal"   // every answer has the same share
	RuleComposite  = "composite"   // SC: the 肯定 choices added up
	RuleMANote     = "ma-note"     // MA: shares add up past 100%
	RuleMean       = "mean"        // NUM: mean and median
	RuleChange     = "change"      // significant changes since the baseline
	RuleNoChange   = "no-change"   // no significant change since the baseline
	RuleGroups     = "groups"      // groups significantly higher (▲) or lower (▼) than the whole
	RuleAgeTrend   = "age-trend"   // a steady rise or fall across the ages
	RuleStandout   = "standout"    // 概要: the district that differs most for a question
	RuleIndicator  = "indicator"   // an indicator's evaluation (Finding.Eval)
	RuleRespond    = "respondents" // a district's respondents and response rate
	RuleTooFew     = "too-few"     // a district under 秘匿基準: no percentages
	RuleReference  = "reference"   // a district under 参考値基準: no findings
	RuleHigher     = "higher"      // district vs the rest of the ward, higher
	RuleLower      = "lower"       // district vs the rest of the ward, lower
	RuleNoDiff     = "no-diff"     // no significant difference from the rest
	RuleOrgRatings = "org-ratings" // the district's organizations' ratings vs the ward's
	RuleComments   = "comments"    // the themes of the district's comments
	RuleMargin     = "margin"      // the margin of error at the district's n
)

// Measures of a FindingFig (the CSV column it is published in).
const (
	MeasurePct         = "pct"          // crosstab.csv pct, hearing_ratings.csv pct
	MeasureWeightedPct = "weighted_pct" // crosstab.csv weighted_pct (全体 with 重み付け)
	MeasureTopBox      = "top_box_pct"  // summary.csv
	MeasureMean        = "mean"         // summary.csv
	MeasureMedian      = "median"       // summary.csv
	MeasureBaselinePct = "baseline_pct" // trend.csv
	MeasureCurrentPct  = "current_pct"  // trend.csv
	MeasureDiff        = "diff_pt"      // trend.csv, district_rest.csv
	MeasureRestPct     = "rest_pct"     // district_rest.csv
	MeasureBaseline    = "baseline"     // indicators.csv
	MeasureCurrent     = "current"      // indicators.csv
	MeasureTarget      = "target"       // indicators.csv
	MeasureValid       = "valid"        // overview.csv
	MeasureRate        = "rate"         // overview.csv
	MeasureCount       = "count"        // comment_matrix.csv
	MeasureMargin      = "margin_pt"    // district_profile.csv
)

// Sources of a FindingFig: the data/*.csv file (without .csv) that publishes it.
const (
	SrcCrosstab = "crosstab"
	SrcSummary  = "summary"
	SrcTrend    = "trend"
	SrcInd      = "indicators"
	SrcRest     = "district_rest"
	SrcProfile  = "district_profile"
	SrcOverview = "overview"
	SrcRatings  = "hearing_ratings"
	SrcMatrix   = "comment_matrix"
)

// A Finding is one statement about the results: where it is printed, the rule
// that produced it and the figures it rests on, each as printed. render turns
// it into one Japanese sentence from its template for Rule.
type Finding struct {
	Place    string // PlaceSummary, PlaceQuestion, PlaceIndicator, PlaceDistrict
	Target   string // テーマコード, 設問ID or 指標ID; "" for a district profile
	District string // the district handout it belongs to; "" = the ward report
	Rule     string
	Subject  string       // what it is about: 設問文, 指標名 or 項目名 ("" when implied)
	Eval     string       // RuleIndicator: EvalA..EvalD or EvalNone
	Words    []string     // RuleComposite: the box's name (そう思う（計）), then the 肯定 labels; RuleStandout: the key measure's kind; RuleTooFew, RuleReference, RuleNoDiff: the district; RuleHearings: the items named; RuleDelayed: the rating or 見直し, then the initiatives; RuleGroups, RuleAgeTrend: the breakdown (a 分析軸: its by, then its name); RuleMean: the unit (設問 単位) when given
	Figures  []FindingFig // in the order the sentence names them
	// Box is the combined box a RuleGroups finding of an SC question compares
	// (そう思う（計）; its figures are summary.csv top_box_pct, or by 地区
	// district_tops.csv of the indicator defined on exactly the box's
	// answers), "" otherwise: one name for one figure in a question's
	// passage.
	Box string
	// Indicator is, for a RuleComposite whose figure is an indicator's
	// value while the sentence names the box (『そう思う（計）』), that
	// indicator's name, stated once beside the box; "" otherwise.
	Indicator string
}

// A FindingFig is one figure a Finding names, as printed: Value is rounded by
// Round1 for one decimal (counts and n are whole), so that the sentence and the
// table print the same digits. Source, Item, By, Group, Code and Measure name
// the CSV cell that publishes it.
type FindingFig struct {
	Source   string // SrcCrosstab, ... (data/<Source>.csv)
	Item     string // 設問ID, 指標ID, 項目ID or テーマ名; "" for overview and profile rows
	By       string // ByAll, ByDistrict, ByGender, ByAge, a 分析軸's 設問ID ("" when the CSV has no by)
	Group    string
	Code     string // choice code ("" when none)
	Label    string // choice label, rating label or theme name
	Measure  string // MeasurePct, ...
	Value    float64
	Decimals int    // 1 for percentages and points, 0 for counts
	N        int    // the base behind the value (respondents or organizations); 0 when none
	Mark     string // ▲ or ▼ for RuleGroups, RuleStandout, RuleHigher/Lower; "" otherwise
}

// maxSentences caps the sentences under a question (leading answers, the
// composite or MA note, the change, then the breakdowns).
const maxSentences = 4

// maxListed caps the answers, groups, themes and items one sentence lists.
const maxListed = 3

// maxOrgItems caps the 評価 items a district profile's hearing sentence names.
const maxOrgItems = 2

// marginZ is the normal quantile of the 95% margin of error.
const marginZ = 1.96

// DistrictRest compares one district with the rest of the ward (all other
// respondents, 地区不明 included) for one choice of one current question:
// the district profile's strengths and issues (district_rest.csv).
type DistrictRest struct {
	District            string
	Question            int
	Code, Label         string
	Count, Base         int
	Pct                 float64 // NaN when Base is 0
	RestCount, RestBase int
	RestPct             float64 // NaN when RestBase is 0
	DiffPt              float64 // Pct − RestPct as printed (PointDiff)
	P                   float64 // pooled two-proportion z-test; NaN when not computable
	Suppressed          bool    // the district's row of the question is suppressed
	Reference           bool    // the district's base is under 参考値基準
	// Box marks an SC question's combined box (Code its codes joined by
	// ";", Label its name: そう思う（計）, そう思わない（計）), which the
	// カルテ compares such a question on, never one answer of the scale.
	Box bool
}

// A DistrictProfile is a district's respondents and the 95% margin of error of
// a share at that n (district_profile.csv).
type DistrictProfile struct {
	District string
	N        int     // valid respondents
	MarginPt float64 // 100·1.96·√(0.25/N) in points; NaN when N is 0
}

// findingsOn reports whether the batch wants generated text (設定 所見).
func findingsOn(b *ingest.Batch) bool { return b != nil && !b.Settings.NoFindings }

// fx indexes results for the findings rules.
type fx struct {
	b     *ingest.Batch
	r     *Results
	ct    map[fxKey]*Crosstab
	sum   map[fxKey]*Summary
	bsum  map[fxKey]*Summary  // baseline survey
	trend map[int][]*TrendRow // question → 全体 trend rows
	rest  map[string][]int    // district → indices into r.DistrictRest
	alpha float64
}

type fxKey struct {
	q     int
	by    string
	group string // summaries only
}

// findings returns every Finding of the results in printed order: 概要 by
// theme, then every question, every indicator, every district profile.
func findings(b *ingest.Batch, r *Results) []Finding {
	x := &fx{b: b, r: r, ct: map[fxKey]*Crosstab{}, sum: map[fxKey]*Summary{},
		trend: map[int][]*TrendRow{}, rest: map[string][]int{}, alpha: b.Settings.Alpha}
	if !(x.alpha > 0 && x.alpha < 1) {
		x.alpha = 0.05
	}
	for i := range r.Crosstabs {
		c := &r.Crosstabs[i]
		if c.Survey == Current {
			k := fxKey{q: c.Question, by: c.By}
			if x.ct[k] == nil {
				x.ct[k] = c
			}
		}
	}
	x.bsum = map[fxKey]*Summary{}
	for i := range r.Summaries {
		s := &r.Summaries[i]
		switch s.Survey {
		case Current:
			x.sum[fxKey{s.Question, s.By, s.Group}] = s
		case Baseline:
			x.bsum[fxKey{s.Question, s.By, s.Group}] = s
		}
	}
	for i := range r.Trends {
		if t := &r.Trends[i]; t.By == ByAll {
			x.trend[t.Question] = append(x.trend[t.Question], t)
		}
	}
	for i, d := range r.DistrictRest {
		x.rest[d.District] = append(x.rest[d.District], i)
	}
	perQ := map[int][]Finding{}
	var order []int
	for q := range b.Questions {
		if fs := x.question(q); len(fs) > 0 {
			perQ[q] = fs
			order = append(order, q)
		}
	}
	var ind []Finding
	for i := range r.Indicators {
		if f, ok := x.indicator(&r.Indicators[i]); ok {
			ind = append(ind, f)
		}
	}
	out := x.summary(perQ, ind)
	for _, q := range order {
		out = append(out, perQ[q]...)
	}
	// Note: the indicator chapter adds to 概要 rather than repeating it: an
	// evaluation 概要 states is left out there, and every indicator gets its
	// interval and its highest and lowest districts (RuleIndDetail).
	inSummary := map[string]bool{}
	for _, f := range out {
		if f.Place == PlaceSummary && f.Rule == RuleIndicator {
			inSummary[f.Subject] = true
		}
	}
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		if f, ok := x.indicator(ir); ok && !inSummary[f.Subject] {
			out = append(out, f)
		}
		if f, ok := x.indicatorDetail(ir); ok {
			out = append(out, f)
		}
	}
	for _, d := range b.Districts {
		out = append(out, x.profile(d.Name)...)
	}
	return out
}

// allGroup returns the 全体 row of question q's current crosstab, or nil.
func (x *fx) allGroup(q int) (*Crosstab, *Group) {
	c := x.ct[fxKey{q: q, by: ByAll}]
	if c == nil || len(c.Groups) == 0 {
		return nil, nil
	}
	return c, &c.Groups[0]
}

// eligible reports whether a group may be named in a finding: not suppressed,
// not under 参考値基準, with respondents.
func eligible(g *Group) bool { return g != nil && !g.Suppressed && !g.Reference && g.Base > 0 }

// cellFig is the printed share of choice j of group g in crosstab c.
func (x *fx) cellFig(c *Crosstab, g *Group, j int) FindingFig {
	f := FindingFig{Source: SrcCrosstab, Item: x.b.Questions[c.Question].ID, By: c.By, Group: g.Name,
		Code: c.Choices[j].Code, Label: c.Choices[j].Label, Measure: MeasurePct, Decimals: 1, N: g.Base}
	cell := g.Cells[j]
	f.Value = Round1(pct(cell.Count, g.Base))
	if c.By == ByAll && x.b.Settings.Weighting && cell.Count > 0 && !math.IsNaN(cell.WeightedPct) {
		f.Measure, f.Value = MeasureWeightedPct, Round1(cell.WeightedPct)
	}
	return f
}

// question returns the findings under question q (at most maxSentences).
func (x *fx) question(q int) []Finding {
	qu := &x.b.Questions[q]
	// Note: attribute questions (属性 地区, 性別, 年代) describe the
	// respondents; they are breakdowns, never findings. A 分析軸 is a
	// question of the survey that is also a breakdown: it has findings.
	if qu.Attr != ingest.AttrNone {
		return nil
	}
	base := Finding{Place: PlaceQuestion, Target: qu.ID, Subject: qu.Text}
	if qu.Type == ingest.NUM {
		s := x.sum[fxKey{q, ByAll, GroupAll}]
		if s == nil || s.Suppressed || s.Reference || s.N == 0 {
			return nil
		}
		f := base
		f.Rule = RuleMean
		if qu.Unit != "" {
			// Note: the unit of the answers (設問 単位) follows each figure.
			f.Words = []string{qu.Unit}
		}
		fig := FindingFig{Source: SrcSummary, Item: qu.ID, By: ByAll, Group: GroupAll, Decimals: 1, N: s.N}
		m, md := fig, fig
		m.Measure, m.Value = MeasureMean, Round1(s.Mean)
		md.Measure, md.Value = MeasureMedian, Round1(s.Median)
		f.Figures = []FindingFig{m, md}
		return []Finding{f}
	}
	c, all := x.allGroup(q)
	if c == nil || !eligible(all) {
		return nil
	}
	var out []Finding
	lead, top := x.leading(c, all)
	if lead.Rule == "" {
		return nil
	}
	// Note: an SC question is worded by its combined boxes first
	// (『そう思う（計）』); its leading answers follow only when the most
	// common one is not a weak or middle answer, which is never singled out.
	// MA's "shares add up past 100%" is a note under the table, not a finding.
	if f, ok := x.composite(q); ok {
		out = append(out, withBase(base, f))
	}
	if lead.Rule == RuleAllEqual || !WeakLabel(lead.Figures[0].Label) {
		out = append(out, withBase(base, lead))
	} else {
		top = -1
	}
	if len(out) == 0 {
		return nil
	}
	if f, ok := x.boxChange(q); ok {
		out = append(out, withBase(base, f))
	} else if f, ok := x.change(q); ok {
		out = append(out, withBase(base, f))
	}
	bys := []string{ByDistrict, ByGender, ByAge}
	for _, a := range x.r.Axes {
		bys = append(bys, a.By)
	}
	for _, by := range bys {
		if len(out) >= maxSentences {
			break
		}
		if by == ByDistrict {
			if km, ok := keyMeasure(x.b, q); ok {
				if f, ok := x.districtGroups(q); ok {
					f.Box = x.keyBox(q, km)
					out = append(out, withBase(base, f))
				}
				continue
			}
		}
		if qu.Type == ingest.SC && x.hasPositive(q) {
			// Note: an SC question is compared across groups on its combined
			// box, never on a single answer.
			if f, ok := x.boxGroups(q, by); ok {
				out = append(out, withBase(base, f))
			}
			continue
		}
		if by == ByAge {
			if f, ok := x.ageTrend(q, c, all); ok {
				out = append(out, withBase(base, f))
				continue
			}
		}
		if f, ok := x.groups(q, by, top); ok {
			out = append(out, withBase(base, f))
		}
	}
	if len(out) > maxSentences {
		out = out[:maxSentences]
	}
	return out
}

// withBase fills f's place, target and subject from base.
func withBase(base, f Finding) Finding {
	f.Place, f.Target, f.District = base.Place, base.Target, base.District
	if f.Subject == "" {
		f.Subject = base.Subject
	}
	return f
}

// answers returns the indices of crosstab c's choices other than 無回答.
func answers(c *Crosstab) []int {
	var out []int
	for j, h := range c.Choices {
		if h.Code != CodeNA {
			out = append(out, j)
		}
	}
	return out
}

// leading states the leading answers of 全体: the answers with the largest
// printed share (all of them on a tie), then the next positions, up to
// maxListed answers in all; answers chosen by no one are not listed. When
// every answer has the same printed share it says so (RuleAllEqual). It also
// returns the index of the first leading choice (-1 when none).
func (x *fx) leading(c *Crosstab, all *Group) (Finding, int) {
	js := answers(c)
	figs := make([]FindingFig, 0, len(js))
	for _, j := range js {
		if all.Cells[j].Count > 0 {
			figs = append(figs, x.cellFig(c, all, j))
		}
	}
	if len(figs) == 0 {
		return Finding{}, -1
	}
	idx := make([]int, len(figs))
	for i := range idx {
		idx[i] = i
	}
	// Note: ties are judged on the printed shares, so that two answers printed
	// alike are never ranked; a stable sort keeps choice order among them.
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(figs[b].Value, figs[a].Value) })
	sorted := make([]FindingFig, len(idx))
	for i, k := range idx {
		sorted[i] = figs[k]
	}
	top := choiceIndex(c, sorted[0].Code)
	if len(sorted) > 1 && len(sorted) == len(js) && sorted[0].Value == sorted[len(sorted)-1].Value {
		return Finding{Rule: RuleAllEqual, Figures: sorted}, top
	}
	n := maxListed
	// Leading ties are listed whole even beyond maxListed; the next answers
	// only while they fit, and a tie that does not fit is left out whole.
	lead := 1
	for lead < len(sorted) && sorted[lead].Value == sorted[0].Value {
		lead++
	}
	cut := lead
	for cut < len(sorted) && cut < n {
		end := cut + 1
		for end < len(sorted) && sorted[end].Value == sorted[cut].Value {
			end++
		}
		if end > n {
			break
		}
		cut = end
	}
	f := Finding{Rule: RuleLeading, Figures: sorted[:cut]}
	f.Words = []string{strconv.Itoa(lead)}
	return f, top
}

// choiceIndex returns the index of code among c's choices, or -1.
func choiceIndex(c *Crosstab, code string) int {
	for j, h := range c.Choices {
		if h.Code == code {
			return j
		}
	}
	return -1
}

// composite adds up an SC question's 肯定 choices. When an indicator is
// defined on the question with exactly those choices, the figure is the
// indicator's own value (indicators.csv current of 全体: the tables' base,
// 無回答 included), so that the sentence and the indicator table print one
// number for one measure; otherwise it is summary.csv top_box_pct of 全体,
// on the same base.
func (x *fx) composite(q int) (Finding, bool) {
	qu := &x.b.Questions[q]
	labels, pos, _ := x.box(q)
	if len(labels) == 0 {
		return Finding{}, false
	}
	if ir, ok := x.indicatorOf(q, pos); ok {
		if ir.Suppressed || ir.Reference || math.IsNaN(ir.Current) {
			return Finding{}, false
		}
		word, ind := x.boxWord(q, labels, pos), &x.b.Indicators[ir.Indicator]
		f := Finding{Rule: RuleComposite, Words: append([]string{word}, labels...), Figures: []FindingFig{{
			Source: SrcInd, Item: ind.ID, Group: GroupAll, Measure: MeasureCurrent,
			Value: Round1(ir.Current), Decimals: 1, N: ir.CurrentN}}}
		if word != ind.Name {
			f.Indicator = ind.Name
		}
		return f, true
	}
	s := x.sum[fxKey{q, ByAll, GroupAll}]
	if s == nil || s.Suppressed || s.Reference || math.IsNaN(s.TopBoxPct) {
		return Finding{}, false
	}
	return Finding{Rule: RuleComposite, Words: append([]string{boxName(labels, "肯定的な回答")}, labels...), Figures: []FindingFig{{
		Source: SrcSummary, Item: qu.ID, By: ByAll, Group: GroupAll, Measure: MeasureTopBox,
		Value: Round1(s.TopBoxPct), Decimals: 1, N: s.N}}}, true
}

// boxWord names question q's favourable box (labels, choices pos) in a
// sentence: boxName, or, when its answers are too long to name it (肯定的な
// 回答（計）, which reads oddly for 近所付き合い), the name of the indicator
// defined on exactly those choices (「近所で立ち話以上の付き合いがある人の割合」).
func (x *fx) boxWord(q int, labels []string, pos ingest.ChoiceBits) string {
	if _, _, i := x.box(q); i >= 0 {
		return x.b.Indicators[i].Name
	}
	name := boxName(labels, "")
	if name != "（計）" {
		return name
	}
	if ir, ok := x.indicatorOf(q, pos); ok {
		return x.b.Indicators[ir.Indicator].Name
	}
	return boxName(labels, "肯定的な回答")
}

// keyBox is the name the districts of question q are compared on by key
// measure km when km is the indicator defined on exactly the box the
// question's sentences name (boxWord: 『そう思う（計）』): that box's name,
// so that one figure has one name in the passage (reader review 5, item 8).
// It is "" when km is the box itself, is named by the indicator, or counts
// other answers than the box.
func (x *fx) keyBox(q int, km KeyMeasure) string {
	if km.Kind != KeyIndicator {
		return ""
	}
	labels, pos, _ := x.box(q)
	if len(labels) == 0 || pos != km.Choices {
		return ""
	}
	if w := x.boxWord(q, labels, pos); w != km.Label {
		return w
	}
	return ""
}

// indicatorOf returns the 全体 result of the first indicator (sheet order)
// defined on question q with exactly the choices cs.
func (x *fx) indicatorOf(q int, cs ingest.ChoiceBits) (*IndicatorResult, bool) {
	if cs == 0 {
		return nil, false
	}
	for i := range x.r.Indicators {
		ir := &x.r.Indicators[i]
		if ir.Group != GroupAll || ir.Indicator < 0 || ir.Indicator >= len(x.b.Indicators) {
			continue
		}
		if ind := &x.b.Indicators[ir.Indicator]; ind.Question == q && ind.Choices == cs {
			return ir, true
		}
	}
	return nil, false
}

// change states the significant changes of 全体 since the baseline (at most
// two, the largest first), or that there is none. Only when the question has
// trend rows that are not suppressed.
func (x *fx) change(q int) (Finding, bool) {
	rows := x.trend[q]
	if len(rows) == 0 {
		return Finding{}, false
	}
	var sig []*TrendRow
	for _, t := range rows {
		if t.Suppressed {
			return Finding{}, false
		}
		if !math.IsNaN(t.P) && t.P < x.alpha && Round1(t.DiffPt) != 0 && !WeakLabel(t.Label) {
			sig = append(sig, t)
		}
	}
	id := x.b.Questions[q].ID
	if len(sig) == 0 {
		// Note: "no marked change" names the answer most chosen now (not a
		// weak one) with its two shares, so that no two questions print the
		// same sentence, and rests on every choice's change as printed, so
		// that staff wording of it (commentary.xlsx) goes stale when a
		// correction moves one of them.
		f := Finding{Rule: RuleNoChange}
		var lead *TrendRow
		for _, t := range rows {
			if !WeakLabel(t.Label) && t.CurrentCount > 0 && (lead == nil || Round1(t.CurrentPct) > Round1(lead.CurrentPct)) {
				lead = t
			}
		}
		if lead != nil {
			fig := FindingFig{Source: SrcTrend, Item: id, By: ByAll, Group: GroupAll, Code: lead.Code, Label: lead.Label, Decimals: 1}
			b, cu := fig, fig
			b.Measure, b.Value, b.N = MeasureBaselinePct, Round1(lead.BaselinePct), lead.BaselineBase
			cu.Measure, cu.Value, cu.N = MeasureCurrentPct, Round1(lead.CurrentPct), lead.CurrentBase
			f.Figures = append(f.Figures, b, cu)
		}
		for _, t := range rows {
			f.Figures = append(f.Figures, FindingFig{Source: SrcTrend, Item: id, By: ByAll, Group: GroupAll,
				Code: t.Code, Label: t.Label, Measure: MeasureDiff, Value: Round1(t.DiffPt), Decimals: 1, N: t.CurrentBase})
		}
		return f, true
	}
	slices.SortStableFunc(sig, func(a, b *TrendRow) int {
		return cmp.Compare(math.Abs(Round1(b.DiffPt)), math.Abs(Round1(a.DiffPt)))
	})
	if len(sig) > 2 {
		sig = sig[:2]
	}
	f := Finding{Rule: RuleChange}
	for _, t := range sig {
		fig := FindingFig{Source: SrcTrend, Item: id, By: ByAll, Group: GroupAll, Code: t.Code, Label: t.Label, Decimals: 1}
		b, cu, d := fig, fig, fig
		b.Measure, b.Value, b.N = MeasureBaselinePct, Round1(t.BaselinePct), t.BaselineBase
		cu.Measure, cu.Value, cu.N = MeasureCurrentPct, Round1(t.CurrentPct), t.CurrentBase
		d.Measure, d.Value, d.N = MeasureDiff, Round1(t.DiffPt), t.CurrentBase
		f.Figures = append(f.Figures, b, cu, d)
	}
	return f, true
}

// groups states the groups of breakdown by that are significantly higher (▲) or
// lower (▼) than the whole for one choice: 全体's leading choice top when it has
// a mark in an eligible group, else the choice with the most such marks (the
// first on ties). Groups are listed by residual, at most maxListed per side.
func (x *fx) groups(q int, by string, top int) (Finding, bool) {
	c := x.ct[fxKey{q: q, by: by}]
	if c == nil {
		return Finding{}, false
	}
	marks := func(j int) int {
		n := 0
		for gi := range c.Groups {
			g := &c.Groups[gi]
			if eligible(g) && j < len(g.Cells) && g.Cells[j].Mark != "" && g.Cells[j].Count > 0 {
				n++
			}
		}
		return n
	}
	j := top
	if j < 0 || marks(j) == 0 || WeakLabel(c.Choices[j].Label) {
		j = -1
		best := 0
		for _, k := range answers(c) {
			if WeakLabel(c.Choices[k].Label) {
				continue
			}
			if m := marks(k); m > best {
				j, best = k, m
			}
		}
	}
	if j < 0 {
		return Finding{}, false
	}
	var hi, lo []*Group
	for gi := range c.Groups {
		g := &c.Groups[gi]
		// Note: a share of 0 prints as － in the tables, so a sentence never names it.
		if !eligible(g) || j >= len(g.Cells) || g.Cells[j].Count == 0 {
			continue
		}
		switch g.Cells[j].Mark {
		case "▲":
			hi = append(hi, g)
		case "▼":
			lo = append(lo, g)
		}
	}
	res := func(g *Group) float64 { return g.Cells[j].AdjResidual }
	slices.SortStableFunc(hi, func(a, b *Group) int { return cmp.Compare(res(b), res(a)) })
	slices.SortStableFunc(lo, func(a, b *Group) int { return cmp.Compare(res(a), res(b)) })
	pos := map[*Group]int{}
	for gi := range c.Groups {
		pos[&c.Groups[gi]] = gi
	}
	f := Finding{Rule: RuleGroups, Words: []string{by}}
	for _, a := range x.r.Axes {
		if a.By == by {
			// Note: a 分析軸 is named in the sentence by its 設問文 (Words[1]).
			f.Words = append(f.Words, a.Name)
		}
	}
	for _, side := range [][]*Group{hi, lo} {
		if len(side) > maxListed {
			side = side[:maxListed]
		}
		// Note: the strongest groups are chosen, then named in the
		// breakdown's own order (districts in sheet order, ages young to old).
		slices.SortFunc(side, func(a, b *Group) int { return cmp.Compare(pos[a], pos[b]) })
		for _, g := range side {
			fig := x.cellFig(c, g, j)
			fig.Mark = g.Cells[j].Mark
			f.Figures = append(f.Figures, fig)
		}
	}
	return f, true
}

// ageTrend states a steady rise or fall across the 年代 groups for one choice:
// at least three age groups, every one with respondents eligible, their
// printed shares strictly increasing or decreasing. The choices are tried in
// order of 全体's share, largest first; the first that qualifies is stated.
func (x *fx) ageTrend(q int, all *Crosstab, allG *Group) (Finding, bool) {
	c := x.ct[fxKey{q: q, by: ByAge}]
	if c == nil || x.b.Questions[q].Type == ingest.MA {
		return Finding{}, false
	}
	var gs []*Group
	for gi := range c.Groups {
		g := &c.Groups[gi]
		if g.Base == 0 {
			continue
		}
		if !eligible(g) {
			return Finding{}, false
		}
		gs = append(gs, g)
	}
	if len(gs) < 3 {
		return Finding{}, false
	}
	js := answers(all)
	slices.SortStableFunc(js, func(a, b int) int {
		return cmp.Compare(pct(allG.Cells[b].Count, allG.Base), pct(allG.Cells[a].Count, allG.Base))
	})
	for _, j := range js {
		if WeakLabel(all.Choices[j].Label) {
			continue
		}
		up, down := true, true
		for i := 1; i < len(gs); i++ {
			a, b := Round1(pct(gs[i-1].Cells[j].Count, gs[i-1].Base)), Round1(pct(gs[i].Cells[j].Count, gs[i].Base))
			up = up && b > a
			down = down && b < a
		}
		if (!up && !down) || gs[0].Cells[j].Count == 0 || gs[len(gs)-1].Cells[j].Count == 0 {
			continue
		}
		first, last := x.cellFig(c, gs[0], j), x.cellFig(c, gs[len(gs)-1], j)
		mark := "▲"
		if down {
			mark = "▼"
		}
		first.Mark, last.Mark = mark, mark
		return Finding{Rule: RuleAgeTrend, Words: []string{ByAge}, Figures: []FindingFig{first, last}}, true
	}
	return Finding{}, false
}

// indicator states a ward-wide indicator's evaluation (全体 rows only; not when
// suppressed or under 参考値基準).
func (x *fx) indicator(ir *IndicatorResult) (Finding, bool) {
	if ir.Group != GroupAll || ir.Suppressed || ir.Reference || math.IsNaN(ir.Current) {
		return Finding{}, false
	}
	ind := &x.b.Indicators[ir.Indicator]
	f := Finding{Place: PlaceIndicator, Target: ind.ID, Rule: RuleIndicator, Subject: ind.Name, Eval: ir.Evaluation}
	fig := FindingFig{Source: SrcInd, Item: ind.ID, Group: GroupAll, Decimals: 1}
	if !math.IsNaN(ir.Baseline) {
		b := fig
		b.Measure, b.Value, b.N = MeasureBaseline, Round1(ir.Baseline), ir.BaselineN
		f.Figures = append(f.Figures, b)
	}
	cu := fig
	cu.Measure, cu.Value, cu.N = MeasureCurrent, Round1(ir.Current), ir.CurrentN
	f.Figures = append(f.Figures, cu)
	if ind.HasTarget {
		t := fig
		t.Measure, t.Value = MeasureTarget, Round1(ind.Target)
		f.Figures = append(f.Figures, t)
	}
	return f, true
}

// profile returns district d's profile findings: respondents, then (unless the
// district is under 秘匿基準 or 参考値基準) where it differs significantly from
// the rest of the ward, its organizations' ratings, its comment themes and
// the margin of error at its n.
func (x *fx) profile(d string) []Finding {
	base := Finding{Place: PlaceDistrict, District: d}
	var out []Finding
	add := func(f Finding) { out = append(out, withBase(base, f)) }
	var ov *DistrictOverview
	for i := range x.r.Overview.Districts {
		if x.r.Overview.Districts[i].Name == d {
			ov = &x.r.Overview.Districts[i]
		}
	}
	if ov == nil {
		return nil
	}
	resp := Finding{Rule: RuleRespond, Figures: []FindingFig{{Source: SrcOverview, By: ByDistrict, Group: d,
		Measure: MeasureValid, Value: float64(ov.Valid), N: ov.Valid}}}
	if !math.IsNaN(ov.Rate) && ov.Valid > 0 {
		resp.Figures = append(resp.Figures, FindingFig{Source: SrcOverview, By: ByDistrict, Group: d,
			Measure: MeasureRate, Value: Round1(ov.Rate), Decimals: 1, N: ov.Distributed})
	}
	add(resp)
	st := x.b.Settings
	switch {
	case ov.Valid < st.SuppressBelow:
		add(Finding{Rule: RuleTooFew, Words: []string{d}})
		return out
	case ov.Valid < st.ReferenceBelow:
		add(Finding{Rule: RuleReference, Words: []string{d}})
		return out
	}
	out = append(out, x.differences(base, d)...)
	if f, ok := x.orgRatings(d); ok {
		add(f)
	}
	if f, ok := x.comments(d); ok {
		add(f)
	}
	for _, p := range x.r.DistrictProfiles {
		if p.District == d && !math.IsNaN(p.MarginPt) {
			add(Finding{Rule: RuleMargin, Figures: []FindingFig{
				{Source: SrcProfile, Group: d, Measure: MeasureValid, Value: float64(p.N), N: p.N},
				{Source: SrcProfile, Group: d, Measure: MeasureMargin, Value: Round1(p.MarginPt), Decimals: 1, N: p.N},
			}})
		}
	}
	return out
}

// differences returns the district's significant differences from the rest of
// the ward (p < 有意水準, eligible district row, printed difference not 0),
// ranked by |difference| (the largest first; question order on ties), at
// most one per question and maxListed in all; or RuleNoDiff. A question with
// a key measure (an indicator, or an SC question's favourable box) is
// compared on that measure only, as district_tops.csv and the カルテ's 主な
// 結果 table print it, so that the sentence, the table's figure and its ▲▼
// rest on the one figure and the one test: never on the scale's unfavourable
// mirror nor on one answer of it. A question without one (SA, MA) is
// compared on one answer, never a weak one (WeakLabel) nor, for SA, one
// between the two ends of the list (a middle answer of an ordered list:
// 「名前は聞いたことがある」).
func (x *fx) differences(base Finding, d string) []Finding {
	type cand struct {
		q    int
		diff float64
		figs []FindingFig
	}
	var cands []cand
	keyed := map[int]bool{}
	for i := range x.r.DistrictTops {
		t := &x.r.DistrictTops[i]
		if t.District != d {
			continue
		}
		keyed[t.Question] = true
		if !restGap(t) {
			continue
		}
		p, r := x.topFigs(t)
		df := p
		df.Measure, df.Value, df.N, df.Mark = MeasureDiff, Round1(t.RestDiffPt), t.N, ""
		cands = append(cands, cand{t.Question, t.RestDiffPt, []FindingFig{p, r, df}})
	}
	for _, i := range x.rest[d] {
		dr := &x.r.DistrictRest[i]
		if keyed[dr.Question] || dr.Box || dr.Suppressed || dr.Reference || math.IsNaN(dr.P) || dr.P >= x.alpha ||
			Round1(dr.DiffPt) == 0 || dr.Count == 0 || dr.RestCount == 0 || WeakLabel(dr.Label) || x.middle(dr.Question, dr.Code) {
			continue
		}
		if _, scale := scaleBoxes(x.b, dr.Question); scale {
			continue
		}
		qu := &x.b.Questions[dr.Question]
		fig := FindingFig{Source: SrcRest, Item: qu.ID, Group: d, Code: dr.Code, Label: dr.Label, Decimals: 1}
		p, r, df := fig, fig, fig
		p.Measure, p.Value, p.N = MeasurePct, Round1(dr.Pct), dr.Base
		p.Mark = "▲"
		if dr.DiffPt < 0 {
			p.Mark = "▼"
		}
		r.Measure, r.Value, r.N = MeasureRestPct, Round1(dr.RestPct), dr.RestBase
		df.Measure, df.Value, df.N = MeasureDiff, Round1(dr.DiffPt), dr.Base
		cands = append(cands, cand{dr.Question, dr.DiffPt, []FindingFig{p, r, df}})
	}
	// Note: question order first, so that ties keep it after the sort.
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(a.q, b.q) })
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Compare(math.Abs(Round1(b.diff)), math.Abs(Round1(a.diff)))
	})
	var out []Finding
	seen := map[int]bool{}
	for _, c := range cands {
		if seen[c.q] || len(out) == maxListed {
			continue
		}
		seen[c.q] = true
		qu := &x.b.Questions[c.q]
		rule := RuleHigher
		if c.diff < 0 {
			rule = RuleLower
		}
		f := Finding{Rule: rule, Subject: qu.Text, Figures: c.figs}
		// Words: the questions whose answers decide who was asked (対象条件),
		// so that the sentence says its base is a subset.
		for _, cl := range qu.Cond {
			if cl.Q >= 0 && cl.Q < len(x.b.Questions) {
				f.Words = append(f.Words, x.b.Questions[cl.Q].ID)
			}
		}
		out = append(out, withBase(base, f))
	}
	if len(out) == 0 {
		out = append(out, withBase(base, Finding{Rule: RuleNoDiff, Words: []string{d}}))
	}
	return out
}

// middle reports whether choice code of SA question q lies between the first
// and the last answer of its list that are not weak (WeakLabel): a middle
// answer of what is often an ordered list, which a カルテ never singles out.
func (x *fx) middle(q int, code string) bool {
	qu := &x.b.Questions[q]
	if qu.Type != ingest.SA || qu.ChoiceSet < 0 || qu.ChoiceSet >= len(x.b.ChoiceSets) {
		return false
	}
	var ends []int
	at := -1
	for i, ch := range x.b.ChoiceSets[qu.ChoiceSet].Choices {
		if WeakLabel(ch.Label) {
			continue
		}
		ends = append(ends, i)
		if strconv.Itoa(ch.Code) == code {
			at = i
		}
	}
	return at >= 0 && len(ends) > 2 && at != ends[0] && at != ends[len(ends)-1]
}

// orgRatings states, for up to maxListed 評価 items that the district's
// organizations rated, how many gave the scale's best rating, beside the
// ward's count of the same rating (counts, never shares).
func (x *fx) orgRatings(d string) (Finding, bool) {
	f := Finding{Rule: RuleOrgRatings}
	type key struct {
		item      int
		by, group string
	}
	rows := map[key][]*HearingCount{}
	var items []int
	for i := range x.r.Hearings.Ratings {
		h := &x.r.Hearings.Ratings[i]
		k := key{h.Item, h.By, h.Group}
		if h.By == ByDistrict && h.Group == d && len(rows[k]) == 0 {
			items = append(items, h.Item)
		}
		rows[k] = append(rows[k], h)
	}
	for _, it := range items {
		if len(f.Figures) == 4*maxOrgItems {
			break
		}
		// The scale's best rating (its first row, as in hearingSummary),
		// never the most frequent one: that is often a middle answer
		// (ある程度できている), which is never stated alone.
		rs := rows[key{it, ByDistrict, d}]
		if len(rs) == 0 {
			continue
		}
		best := rs[0]
		if best.Base == 0 || best.Count == 0 || WeakLabel(best.Label) {
			continue
		}
		var ward *HearingCount
		for _, h := range rows[key{it, ByAll, GroupAll}] {
			if h.Code == best.Code && !h.NA {
				ward = h
			}
		}
		if ward == nil || ward.Base == 0 {
			continue
		}
		id := x.b.HearingItems[it].ID
		// Note: organizations are counted, never given as a percentage:
		// 「3団体中2団体」 (a district has few organizations).
		figs := func(h *HearingCount) []FindingFig {
			g := FindingFig{Source: SrcRatings, Item: id, By: h.By, Group: h.Group, Code: strconv.Itoa(h.Code), Label: h.Label, N: h.Base}
			b, n := g, g
			b.Measure, b.Value = MeasureOrgBase, float64(h.Base)
			n.Measure, n.Value = MeasureOrgs, float64(h.Count)
			return []FindingFig{b, n}
		}
		f.Words = append(f.Words, x.b.HearingItems[it].Name)
		f.Figures = append(f.Figures, figs(best)...)
		f.Figures = append(f.Figures, figs(ward)...)
	}
	return f, len(f.Figures) > 0
}

// comments states the themes most of the district's comments (free-text
// answers and hearing comments, comment_matrix.csv) are filed under: up to
// maxListed themes with texts, the most first (theme order on ties).
func (x *fx) comments(d string) (Finding, bool) {
	var cells []TextCell
	for _, c := range x.r.TextMatrix {
		if c.District == d && len(c.Texts) > 0 && c.Theme != GroupNoTheme {
			cells = append(cells, c)
		}
	}
	slices.SortStableFunc(cells, func(a, b TextCell) int { return cmp.Compare(len(b.Texts), len(a.Texts)) })
	if len(cells) > maxListed {
		cells = cells[:maxListed]
	}
	f := Finding{Rule: RuleComments}
	for _, c := range cells {
		f.Figures = append(f.Figures, FindingFig{Source: SrcMatrix, Group: d, Label: c.Theme,
			Measure: MeasureCount, Value: float64(len(c.Texts))})
	}
	return f, len(f.Figures) > 0
}

// districtRest compares every district with the rest of the ward for every
// choice (無回答 excluded) of every current question that has 全体 and 地区
// crosstabs, in district then crosstab order. The rest is 全体 minus the
// district (unweighted counts), so 地区不明 respondents are part of it.
func districtRest(b *ingest.Batch, r *Results) []DistrictRest {
	var out []DistrictRest
	notAttr := func(c *Crosstab) bool { return b.Questions[c.Question].Attr == ingest.AttrNone }
	districtVsWard(b, r, notAttr, func(c *Crosstab, g, ag *Group) {
		for _, j := range answers(c) {
			if j >= len(g.Cells) || j >= len(ag.Cells) {
				continue
			}
			dr := DistrictRest{District: g.Name, Question: c.Question, Code: c.Choices[j].Code, Label: c.Choices[j].Label,
				Count: g.Cells[j].Count, Base: g.Base, RestCount: ag.Cells[j].Count - g.Cells[j].Count,
				RestBase: ag.Base - g.Base, Suppressed: g.Suppressed, Reference: g.Reference}
			dr.Pct, dr.RestPct = pct(dr.Count, dr.Base), pct(dr.RestCount, dr.RestBase)
			dr.DiffPt = PointDiff(dr.RestPct, dr.Pct)
			dr.P = twoProp(dr.Pct/100, float64(dr.Base), dr.RestPct/100, float64(dr.RestBase))
			out = append(out, dr)
		}
		// Note: an SC question's combined boxes (favourable, then
		// unfavourable), as district_tops.csv adds up the favourable one
		// and tests it against the rest of the ward by the same test.
		bx, ok := scaleBoxes(b, c.Question)
		if !ok {
			return
		}
		cs := b.ChoiceSets[b.Questions[c.Question].ChoiceSet].Choices
		for _, box := range []struct {
			bits  ingest.ChoiceBits
			label string
		}{{bx.Pos, bx.PosName}, {bx.Neg, bx.NegName}} {
			if box.bits == 0 {
				continue
			}
			dr := DistrictRest{District: g.Name, Question: c.Question, Label: box.label, Base: g.Base,
				RestBase: ag.Base - g.Base, Suppressed: g.Suppressed, Reference: g.Reference, Box: true}
			var codes []string
			for i, ch := range cs {
				if !box.bits.Has(i) {
					continue
				}
				code := strconv.Itoa(ch.Code)
				codes = append(codes, code)
				for j, h := range c.Choices {
					if h.Code == code && j < len(g.Cells) && j < len(ag.Cells) {
						dr.Count += g.Cells[j].Count
						dr.RestCount += ag.Cells[j].Count - g.Cells[j].Count
					}
				}
			}
			dr.Code = strings.Join(codes, ";")
			dr.Pct, dr.RestPct = pct(dr.Count, dr.Base), pct(dr.RestCount, dr.RestBase)
			dr.DiffPt = PointDiff(dr.RestPct, dr.Pct)
			dr.P = twoProp(dr.Pct/100, float64(dr.Base), dr.RestPct/100, float64(dr.RestBase))
			out = append(out, dr)
		}
	})
	return out
}

// districtProfiles returns every district's respondents and the 95% margin of
// error of a share at that n (the worst case, p = 0.5), in sheet order.
func districtProfiles(r *Results) []DistrictProfile {
	var out []DistrictProfile
	for _, d := range r.Overview.Districts {
		if d.Name == GroupNoDistrict {
			continue
		}
		p := DistrictProfile{District: d.Name, N: d.Valid, MarginPt: math.NaN()}
		if d.Valid > 0 {
			p.MarginPt = 100 * marginZ * math.Sqrt(0.25/float64(d.Valid))
		}
		out = append(out, p)
	}
	return out
}
