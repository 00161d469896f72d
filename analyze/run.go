package analyze

import (
	"math/bits"

	"midreview/ingest"
)

// Run analyzes a batch: overview, crosstabs, summaries, trends, indicators,
// hearings and free text, every list in a fixed order (current then baseline
// survey; questions in sheet order; breakdowns 全体, 地区, 性別, 年代, then the
// 分析軸 in sheet order), so that
// identical batches give identical results.
func Run(b *ingest.Batch) *Results { return run(b, false) }

// RunDropping is Run for a caller that has no further use for the batch's
// survey answers (midreview run, which writes from the results): each is
// dropped as soon as no figure needs it (ingest.Survey.DropAnswers,
// DropChoices), so the batch leaves Run without answers and without the
// baseline's respondents (the current survey's stay, for HeldTexts). The
// results are Run's.
//
// Note: at a million respondents the answers are about 280 MB of the heap,
// and the free-text analysis that follows the tables holds as much again
// (issue 29: the peak of a million-respondent run is there): the baseline
// goes once its tables and indicators are done, the current survey's
// choices once the texts are collected (a 対象条件 needs them), its
// texts at the end.
func RunDropping(b *ingest.Batch) *Results { return run(b, true) }

func run(b *ingest.Batch, drop bool) *Results {
	r := &Results{Batch: b, InputErrors: ingest.CountErrors(b.Problems), drop: drop}
	r.Overview = overview(b)
	r.Axes = Axes(b)
	// Note: a year without a survey (progress sheets only) has no survey
	// figures at all, rather than tables of zeros.
	if b.HasSurvey() {
		runSurvey(b, r)
	} else {
		analyzeText(b, r)
	}
	if len(b.Progress) > 0 {
		var m *Masker
		if progressHasText(b) {
			ta := newTextAnalyzer(b, IPATokenizer())
			m = ta.masker
			r.Progress = progress(b, m)
			r.Progress.Keywords = progressKeywords(b, ta)
		} else {
			r.Progress = progress(b, nil)
		}
	}
	// Note: the findings come last: 概要 names the initiatives delayed in
	// the latest year (r.Progress).
	switch {
	case !findingsOn(b):
	case b.HasSurvey():
		r.Findings = findings(b, r)
	case r.Progress != nil || r.Hearings.Orgs > 0:
		r.Findings = cycleFindings(b, r)
	}
	r.IndicatorHistory = indicatorHistory(b, r.Indicators)
	r.Map = DissolveMap(b)
	if drop {
		// Note: the current survey's respondents stay: HeldTexts counts them
		// by district when the View is built.
		b.Current.Answers = nil
		if b.Baseline != nil {
			b.Baseline.DropAnswers()
		}
	}
	return r
}

// runSurvey computes every figure of the survey (current and baseline),
// hearings and free text.
func runSurvey(b *ingest.Batch, r *Results) {
	var sbuf []float64 // summarize's values, reused
	for _, sv := range surveys(b) {
		w := weights(b, sv.s)
		gc := groupCache{}
		for q := range b.Questions {
			if !present(sv.s, q) {
				continue
			}
			for _, bd := range breakdowns(b, sv.s, q) {
				bd = gc.fill(bd, len(sv.s.Respondents))
				if tabulated(b, q) {
					r.Crosstabs = append(r.Crosstabs, tabulate(b, sv.name, sv.s, q, bd, w))
				}
				if summarized(b, q) {
					r.Summaries = append(r.Summaries, summarize(b, sv.name, sv.s, q, bd, &sbuf)...)
				}
			}
		}
	}
	r.Trends = trends(b, r.Crosstabs)
	r.DistrictTops = DistrictTops(b, r.Crosstabs)
	r.Indicators = indicators(b)
	if r.drop && b.Baseline != nil {
		b.Baseline.DropAnswers()
	}
	analyzeHearings(b, r)
	analyzeText(b, r)
	r.DistrictRest = districtRest(b, r)
	r.DistrictChis = districtChis(b, r)
	r.DistrictProfiles = districtProfiles(r)
}

// A namedSurvey is a survey with its name in the CSVs (Current or Baseline).
type namedSurvey struct {
	name string
	s    *ingest.Survey
}

// surveys returns the current survey and, when present, the baseline survey.
func surveys(b *ingest.Batch) []namedSurvey {
	out := []namedSurvey{{Current, &b.Current}}
	if b.Baseline != nil {
		out = append(out, namedSurvey{Baseline, b.Baseline})
	}
	return out
}

// present reports whether survey s had a column for question q.
//
// Note: a survey whose Present is nil (not recorded) counts every question as
// present; the baseline survey's questions added later are left out through it.
func present(s *ingest.Survey, q int) bool {
	if s.Present == nil {
		return true
	}
	return q < len(s.Present) && s.Present[q]
}

// tabulated reports whether question q gets crosstabs: SA, SC and MA questions,
// and the 地区 question (whose answers are districts even without a choice set).
func tabulated(b *ingest.Batch, q int) bool {
	if q == b.DistrictQ {
		return true
	}
	qu := &b.Questions[q]
	return qu.Type.Categorical() && qu.ChoiceSet >= 0 && qu.ChoiceSet < len(b.ChoiceSets)
}

// summarized reports whether question q gets summaries (SC and NUM).
func summarized(b *ingest.Batch, q int) bool {
	if q == b.DistrictQ {
		return false
	}
	switch b.Questions[q].Type {
	case ingest.SC:
		return b.Questions[q].ChoiceSet >= 0 && b.Questions[q].ChoiceSet < len(b.ChoiceSets)
	case ingest.NUM:
		return true
	}
	return false
}

// A breakdown splits a survey's respondents into the groups of one CSV `by`.
type breakdown struct {
	by    string
	names []string
	// group returns the group index of respondent ri of the survey, or -1 when
	// it is in none (e.g. no answer to 性別).
	group func(ri int) int
	// other is the index of the group that is not a category of the attribute
	// (地区不明), or -1; it is left out of the residuals and the chi-square test.
	other int
	// gs, when set, is group of every respondent (groupCache.fill).
	gs []int32
}

// A groupCache holds the group of every respondent of one survey by each
// breakdown, computed once for all questions.
//
// Note: a breakdown's groups are the same for every question it splits
// (breakdowns): the 地区, or the answer to one attribute question. Every
// crosstab and summary called the breakdown's group function per respondent;
// at a million respondents that is 60 questions × every breakdown × a
// million calls. 全体 is not cached (its group is always 0).
type groupCache map[string][]int32

// fill returns bd with its groups of the survey's n respondents.
func (gc groupCache) fill(bd breakdown, n int) breakdown {
	if bd.by == ByAll {
		return bd
	}
	gs, ok := gc[bd.by]
	if !ok {
		gs = make([]int32, n)
		for ri := range gs {
			gs[ri] = int32(bd.group(ri))
		}
		gc[bd.by] = gs
	}
	bd.gs = gs
	return bd
}

// eachAsked calls f for every respondent of s who was asked question q and is in a
// group of the breakdown (bd is one of breakdowns(b, s, …)), with the
// respondent's index in s and its group: the base of every figure by this
// breakdown.
func (bd breakdown) eachAsked(b *ingest.Batch, s *ingest.Survey, q int, f func(ri, g int)) {
	cond := len(b.Questions[q].Cond) > 0
	for ri := range s.Respondents {
		if cond && !b.Asked(s, q, ri) {
			continue
		}
		var g int
		switch {
		case bd.gs != nil:
			g = int(bd.gs[ri])
		case bd.by == ByAll:
			g = 0
		default:
			g = bd.group(ri)
		}
		if g >= 0 && g < len(bd.names) {
			f(ri, g)
		}
	}
}

// histogram returns how many respondents of each group of the breakdown
// who were asked question q gave each one-byte answer: hist[g*256+v], v
// the answer's choice bits. ok is false when the question's answers are
// not all one byte (Column.Narrow), or the breakdown's groups are not
// cached (groupCache.fill); use eachAsked then.
//
// Note: counting the answers by value first and turning the values into
// choices afterwards makes a crosstab one pass over two byte arrays instead
// of three function calls per respondent: 60 questions by every breakdown
// of a million respondents. It serves only figures that are counts (a
// weighted total adds floats in respondent order, and keeps eachAsked).
func (bd breakdown) histogram(b *ingest.Batch, s *ingest.Survey, q int) (hist []int, ok bool) {
	if q >= len(s.Answers) || bd.gs == nil && bd.by != ByAll {
		return nil, false
	}
	col := s.Answers[q].Narrow()
	n := len(s.Respondents)
	if col == nil || len(col) != n || bd.gs != nil && len(bd.gs) != n {
		return nil, false
	}
	ng := len(bd.names)
	hist = make([]int, ng*256)
	cond := len(b.Questions[q].Cond) > 0
	switch {
	case cond:
		for ri, v := range col {
			if !b.Asked(s, q, ri) {
				continue
			}
			g := 0
			if bd.gs != nil {
				g = int(bd.gs[ri])
			}
			if g >= 0 && g < ng {
				hist[g*256+int(v)]++
			}
		}
	case bd.gs == nil:
		if ng > 0 {
			for _, v := range col {
				hist[v]++
			}
		}
	default:
		for ri, v := range col {
			if g := int(bd.gs[ri]); g >= 0 && g < ng {
				hist[g*256+int(v)]++
			}
		}
	}
	return hist, true
}

// breakdowns returns the breakdowns of question q in survey s: 全体, then 地区,
// 性別 and 年代 when their attribute question exists, then every 分析軸 (Axes),
// never a question by itself (the 地区 question is tabulated by 全体 only).
//
// Note: 地区 groups are the districts in sheet order, all of them even when a
// district has no respondents (a zero is a finding), then 地区不明 only when the
// survey has respondents without a district. 性別 and 年代 groups are the choice
// labels in choice order, and so are a 分析軸's; respondents who did not answer
// the attribute question are in no group of that breakdown (they are still in 全体).
func breakdowns(b *ingest.Batch, s *ingest.Survey, q int) []breakdown {
	out := []breakdown{{by: ByAll, names: []string{GroupAll}, group: func(int) int { return 0 }, other: -1}}
	if q == b.DistrictQ {
		return out
	}
	if b.DistrictQ >= 0 && len(b.Districts) > 0 {
		out = append(out, districtBreakdown(b, s))
	}
	type attr struct {
		by string
		q  int
	}
	attrs := []attr{{ByGender, b.GenderQ}, {ByAge, b.AgeQ}}
	for _, ax := range Axes(b) {
		// Note: a 分析軸 missing from a survey (a baseline asked before it was
		// added) gives that survey no breakdown by it, rather than a table of
		// empty groups.
		if present(s, ax.Question) {
			attrs = append(attrs, attr{ax.By, ax.Question})
		}
	}
	for _, a := range attrs {
		if a.q < 0 || a.q == q || a.q >= len(b.Questions) {
			continue
		}
		cs := b.Questions[a.q].ChoiceSet
		if cs < 0 || cs >= len(b.ChoiceSets) {
			continue
		}
		choices := b.ChoiceSets[cs].Choices
		names := make([]string, len(choices))
		for i, c := range choices {
			names[i] = c.Label
		}
		aq := a.q
		out = append(out, breakdown{by: a.by, names: names, other: -1, group: func(ri int) int {
			if aq >= len(s.Answers) {
				return -1
			}
			c := s.Answers[aq].At(ri)
			if c == 0 {
				return -1
			}
			i := bits.TrailingZeros64(uint64(c))
			if i >= len(names) {
				return -1
			}
			return i
		}})
	}
	return out
}

// districtBreakdown returns the 地区 breakdown of survey s.
func districtBreakdown(b *ingest.Batch, s *ingest.Survey) breakdown {
	nd := len(b.Districts)
	names := make([]string, nd, nd+1)
	for i, d := range b.Districts {
		names[i] = d.Name
	}
	bd := breakdown{by: ByDistrict, other: -1}
	if hasNoDistrict(b, s) {
		names = append(names, GroupNoDistrict)
		bd.other = nd
	}
	bd.names = names
	bd.group = func(ri int) int {
		if d := s.Respondents[ri].District; d >= 0 && d < nd {
			return d
		}
		return bd.other
	}
	return bd
}

// hasNoDistrict reports whether survey s has respondents without a valid district.
func hasNoDistrict(b *ingest.Batch, s *ingest.Survey) bool {
	for i := range s.Respondents {
		if d := s.Respondents[i].District; d < 0 || d >= len(b.Districts) {
			return true
		}
	}
	return false
}
