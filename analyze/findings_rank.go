package analyze

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/ingest"
)

// Rules of 調査結果の概要 and the indicator chapter added by the salience
// ranking (docs/methods.md "結果の概要の順位付け").
const (
	RuleIndDetail = "indicator-detail" // 指標 chapter: the interval and the districts highest and lowest
	RuleHearings  = "hearings"         // 概要: the organizations heard and their ratings, as counts
	RuleDelayed   = "delayed"          // 概要: every initiative delayed or 見直し in the latest year
	RuleOnTrack   = "on-track"         // 概要: no initiative delayed or under review in the latest year
	RuleBoxChange = "box-change"       // SC: 『そう思う（計）』 now against the baseline survey (Words[0] the box)
	RuleThemeTalk = "theme-comments"   // 概要: the district where most comments on the theme came from
	RuleHard      = "hard"             // 概要: the physical-environment categories with most texts
)

// More sources and measures of a FindingFig.
const (
	SrcTops           = "district_tops"        // district_tops.csv: a district on its question's key measure
	SrcOrgs           = "hearing_orgs"         // hearing_orgs.csv
	SrcHard           = "hard_counts"          // hard_counts.csv: all sources, every year, 全体 (Label: the category)
	SrcProgress       = "progress"             // progress.csv: an initiative's record of one year (Group: the year)
	MeasureRating     = "progress_code"        // progress.csv progress_code
	MeasureAllPct     = "all_pct"              // district_tops.csv all_pct
	MeasureOrgs       = "orgs"                 // hearing_orgs.csv count, hearing_ratings.csv count (団体)
	MeasureOrgBase    = "org_base"             // hearing_ratings.csv base: the organizations heard, 無回答 included (団体)
	MeasureCILow      = "ci_low"               // indicators.csv ci_low
	MeasureCIHigh     = "ci_high"              // indicators.csv ci_high
	MeasureBaseTopBox = "baseline_top_box_pct" // summary.csv top_box_pct of the baseline survey
)

// Salience scores (docs/methods.md): what a statement means to the committee
// decides its kind's base; the effect size (points, capped at 99) orders
// statements of one kind. An indicator worsened or off track outranks one
// on track; a significant change outranks a district deviation; a statement
// naming a district already named in 概要 is scored down (divided by one plus
// the times it was named), so that the district sentences vary.
const (
	scoreIndD      = 500 // indicator worse than at the baseline
	scoreIndC      = 400 // no change, target not reached
	scoreIndB      = 300 // better, target not reached
	scoreChange    = 250 // significant change since the baseline
	scoreDistrict  = 200 // a district significantly different on a key measure
	scoreWorse     = 25  // added when that district is worse by the measure's direction
	scoreIndA      = 100 // target reached
	scoreIndNone   = 50  // no evaluation
	scoreTalk      = 40  // the district with most comments on the theme (plus its count / 10, at most 9.9)
	scoreLeading   = 10  // the theme's first leading answers, when nothing else
	maxEffect      = 99
	maxThemeTop    = 4 // statements per theme in 概要
	maxHearingItem = 2 // rated hearing items named in 概要
)

// A scored is a candidate statement of 概要 with its salience.
type scored struct {
	f        Finding
	score    float64
	district string // the district it names ("" when none)
	order    int    // candidate order, for stable ties
}

// effect is |v| capped at maxEffect: the effect size inside a kind.
func effect(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return math.Min(math.Abs(v), maxEffect)
}

// indicatorScore scores an indicator's evaluation finding.
func (x *fx) indicatorScore(f Finding) float64 {
	var base, cur float64 = math.NaN(), math.NaN()
	for _, g := range f.Figures {
		switch g.Measure {
		case MeasureBaseline:
			base = g.Value
		case MeasureCurrent:
			cur = g.Value
		}
	}
	e := effect(cur - base)
	switch f.Eval {
	case EvalD:
		return scoreIndD + e
	case EvalC:
		return scoreIndC + e
	case EvalB:
		return scoreIndB + e
	case EvalA:
		return scoreIndA + e
	}
	return scoreIndNone
}

// summary returns 調査結果の概要: per theme (sheet order) its most salient
// statements (at most maxThemeTop, the highest score first): indicator
// evaluations, significant changes since the baseline (not of a question an
// indicator of the theme already states), districts that differ
// significantly on a question's key measure (one per question, the district
// named fewest times so far preferred); the theme's first leading answers
// when there is none of these. Then, ward-wide (概要 with no テーマ), the
// hearings whenever there are organizations, and the initiatives delayed or
// under review (見直し) in the latest year whenever progress/ has records.
func (x *fx) summary(perQ map[int][]Finding, ind []Finding) []Finding {
	var out []Finding
	named := map[string]int{} // district → times named in 概要
	tops := map[int][]*DistrictTop{}
	for i := range x.r.DistrictTops {
		t := &x.r.DistrictTops[i]
		tops[t.Question] = append(tops[t.Question], t)
	}
	for ti, th := range x.b.Themes {
		var cands []scored
		add := func(f Finding, s float64, d string) {
			cands = append(cands, scored{f: f, score: s, district: d, order: len(cands)})
		}
		covered := map[int]bool{} // questions an indicator of the theme states
		for _, f := range ind {
			for i := range x.b.Indicators {
				if in := &x.b.Indicators[i]; in.ID == f.Target && in.Theme == ti {
					add(f, x.indicatorScore(f), "")
					covered[in.Question] = true
				}
			}
		}
		var first *Finding
		var dq []int // questions with a district deviation
		for q := range x.b.Questions {
			if qu := &x.b.Questions[q]; qu.Theme != ti || qu.Attr != ingest.AttrNone {
				continue
			}
			for i := range perQ[q] {
				f := perQ[q][i]
				if first == nil && (f.Rule == RuleLeading || f.Rule == RuleComposite) {
					first = &perQ[q][i]
				}
				if f.Rule == RuleChange && !covered[q] {
					f.Figures = f.Figures[:3]
					add(f, scoreChange+effect(f.Figures[2].Value), "")
				}
				if f.Rule == RuleBoxChange && len(f.Words) > 1 && !covered[q] {
					add(f, scoreChange+effect(f.Figures[1].Value-f.Figures[0].Value), "")
				}
			}
			dq = append(dq, q)
		}
		if f, d, n, ok := x.themeTalk(th.Name); ok {
			add(f, scoreTalk+math.Min(float64(n)/10, 9.9), d)
		}
		top := x.pickTheme(cands, dq, tops, named)
		if len(top) == 0 && first != nil {
			top = append(top, *first)
		}
		for _, f := range top {
			f.Place, f.Target, f.District = PlaceSummary, th.Code, ""
			out = append(out, f)
		}
	}
	return append(out, x.closing()...)
}

// closing is 概要's ward-wide passage (no テーマ): the hearings, the
// physical-environment issues and the initiatives delayed or under review.
func (x *fx) closing() []Finding {
	var out []Finding
	if f, ok := x.hearingSummary(); ok {
		out = append(out, f)
	}
	if f, ok := x.hardSummary(); ok {
		out = append(out, f)
	}
	out = append(out, x.delayed()...)
	for i := range out {
		out[i].Place, out[i].Target, out[i].District = PlaceSummary, "", ""
	}
	return out
}

// cycleFindings are the findings of a year without a survey: 概要's
// ward-wide passage only (the hearings, the physical-environment issues and
// the initiatives delayed or under review).
func cycleFindings(b *ingest.Batch, r *Results) []Finding {
	x := &fx{b: b, r: r}
	return x.closing()
}

// pickTheme chooses a theme's statements: the fixed candidates and, for
// each question of qs, its district deviations, scored against the
// districts named so far; greedily, the best first, at most maxThemeTop and
// one deviation per question. It counts the districts it names in named.
func (x *fx) pickTheme(cands []scored, qs []int, tops map[int][]*DistrictTop, named map[string]int) []Finding {
	type dev struct {
		q int
		t *DistrictTop
	}
	var devs []dev
	for _, q := range qs {
		for _, t := range tops[q] {
			if !restGap(t) {
				continue
			}
			devs = append(devs, dev{q, t})
		}
	}
	used := map[int]bool{}
	var out []Finding
	for len(out) < maxThemeTop {
		best, bs := -1, -1.0
		for i, c := range cands {
			// Note: a statement naming a district already named in 概要 (the
			// theme's comments) is left out, so that the district sentences vary.
			if c.district != "" && named[c.district] > 0 {
				continue
			}
			if c.score > bs {
				best, bs = i, c.score
			}
		}
		bd := -1
		for i, d := range devs {
			if used[d.q] {
				continue
			}
			s := scoreDistrict + effect(d.t.RestDiffPt)
			if Better(d.t.RestDiffPt, d.t.Lower) < 0 {
				s += scoreWorse
			}
			s /= float64(1 + named[d.t.District])
			if s > bs {
				bd, bs, best = i, s, -1
			}
		}
		switch {
		case bd >= 0:
			d := devs[bd]
			used[d.q] = true
			named[d.t.District]++
			out = append(out, x.deviation(d.q, d.t))
		case best >= 0:
			out = append(out, cands[best].f)
			if d := cands[best].district; d != "" {
				named[d]++
			}
			cands = slices.Delete(cands, best, best+1)
		default:
			return out
		}
	}
	return out
}

// topFigs are a district's and the rest of the ward's figures of a key
// measure (district_tops.csv pct and rest_pct).
func (x *fx) topFigs(t *DistrictTop) (FindingFig, FindingFig) {
	id := x.b.Questions[t.Question].ID
	fig := FindingFig{Source: SrcTops, Item: id, Group: t.District, Code: t.Code, Label: t.Label, Decimals: 1}
	d, r := fig, fig
	d.Measure, d.Value, d.N, d.Mark = MeasurePct, Round1(t.Pct), t.N, t.Mark
	r.Measure, r.Value, r.N = MeasureRestPct, Round1(t.RestPct), t.RestN
	return d, r
}

// restGap reports whether district top t differs from the rest of the ward
// as the カルテ states it: marked (▲▼, the test against the rest), not
// suppressed nor under 参考値基準, both shares printed and their printed
// difference not 0.
func restGap(t *DistrictTop) bool {
	return t.Mark != "" && !t.Suppressed && !t.Reference && t.N > 0 && t.Count > 0 && t.RestN > 0 &&
		!math.IsNaN(t.RestDiffPt) && Round1(t.RestDiffPt) != 0 && Round1(t.RestPct) != 0
}

// deviation states a district that differs significantly from the rest of
// the ward on question q's key measure (RuleStandout; Words[0] the measure's
// kind, Words[1] better or worse by its direction). Note: 概要 compares the
// district with the rest of the ward, as the カルテ and its ▲▼ test do, so
// that one finding has one reference value in the handout.
func (x *fx) deviation(q int, t *DistrictTop) Finding {
	d, r := x.topFigs(t)
	dir := "better"
	if Better(t.RestDiffPt, t.Lower) < 0 {
		dir = "worse"
	}
	return Finding{Rule: RuleStandout, Subject: x.b.Questions[q].Text, Words: []string{t.Measure, dir},
		Figures: []FindingFig{d, r}}
}

// districtGroups states the districts significantly higher (▲) or lower
// (▼) than the rest on question q's key measure (RuleGroups by 地区, figures
// from district_tops.csv), the largest differences first, at most maxListed
// per side, named in sheet order.
func (x *fx) districtGroups(q int) (Finding, bool) {
	var hi, lo []*DistrictTop
	order := map[*DistrictTop]int{}
	for i := range x.r.DistrictTops {
		t := &x.r.DistrictTops[i]
		if t.Question != q || t.Mark == "" || t.Suppressed || t.Reference || t.AllSuppressed || t.Count == 0 ||
			math.IsNaN(t.DiffPt) || Round1(t.DiffPt) == 0 {
			continue
		}
		order[t] = i
		if t.Mark == "▲" {
			hi = append(hi, t)
		} else {
			lo = append(lo, t)
		}
	}
	if len(hi)+len(lo) == 0 {
		return Finding{}, false
	}
	f := Finding{Rule: RuleGroups, Words: []string{ByDistrict}}
	for _, side := range [][]*DistrictTop{hi, lo} {
		slices.SortStableFunc(side, func(a, b *DistrictTop) int { return cmp.Compare(math.Abs(b.DiffPt), math.Abs(a.DiffPt)) })
		if len(side) > maxListed {
			side = side[:maxListed]
		}
		slices.SortFunc(side, func(a, b *DistrictTop) int { return cmp.Compare(order[a], order[b]) })
		for _, t := range side {
			d, _ := x.topFigs(t)
			f.Figures = append(f.Figures, d)
		}
	}
	return f, true
}

// hearingSummary states the hearings ward-wide: the organizations heard,
// then the rated items whose best rating the fewest organizations gave (at
// most maxHearingItem, sheet order on ties), each as a count of the
// organizations heard (「40団体中12団体が「よくできている」」, 無回答 included): a
// rating is never a percentage in a sentence.
func (x *fx) hearingSummary() (Finding, bool) {
	h := &x.r.Hearings
	if h.Orgs == 0 {
		return Finding{}, false
	}
	f := Finding{Rule: RuleHearings, Figures: []FindingFig{{Source: SrcOrgs, By: ByAll, Group: GroupAll,
		Measure: MeasureOrgs, Value: float64(h.Orgs)}}}
	type item struct {
		best  *HearingCount
		share float64
		order int
	}
	var items []item
	seen := map[int]bool{}
	for i := range h.Ratings {
		r := &h.Ratings[i]
		if r.By != ByAll || seen[r.Item] || r.Base == 0 {
			continue
		}
		seen[r.Item] = true // the first row of an item is its scale's best rating
		if WeakLabel(r.Label) || r.Count == 0 {
			continue
		}
		items = append(items, item{r, float64(r.Count) / float64(r.Base), len(items)})
	}
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(a.share, b.share) })
	if len(items) > maxHearingItem {
		items = items[:maxHearingItem]
	}
	slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.order, b.order) })
	for _, it := range items {
		r := it.best
		id := x.b.HearingItems[r.Item].ID
		fig := FindingFig{Source: SrcRatings, Item: id, By: ByAll, Group: GroupAll, Code: strconv.Itoa(r.Code), Label: r.Label}
		base, n := fig, fig
		base.Measure, base.Value, base.N = MeasureOrgBase, float64(r.Base), r.Base
		n.Measure, n.Value, n.N = MeasureOrgs, float64(r.Count), r.Base
		f.Words = append(f.Words, x.b.HearingItems[r.Item].Name)
		f.Figures = append(f.Figures, base, n)
	}
	return f, true
}

// Delayed reports whether an initiative's rating is delayed: a label with
// 遅れ or ×, or the worse half of the 進ちょく尺度 (choice index ≥ half).
func delayedRating(labels []string, rating int, label string) bool {
	if rating < 0 {
		return false
	}
	for _, w := range []string{"遅れ", "×", "未実施", "停滞"} {
		if strings.Contains(label, w) {
			return true
		}
	}
	return len(labels) >= 2 && rating >= (len(labels)+1)/2
}

// delayed names every initiative rated delayed in the latest year with
// records, in one sentence
// (Words[0] "遅れ"), then every initiative whose next year is 見直し
// (Words[0] "見直し"); RuleOnTrack when there is none. The rating labels are
// not quoted (a scale's やや遅れ is no answer to single out); each
// initiative's rating is a figure of the basis, not printed, so that staff
// wording of the passage goes stale when a rating changes. Both lists are in
// the order of the chapter 取組の振り返り (initiativeOrder), so that the two
// sentences name their initiatives alike (reader review 5, item 7).
func (x *fx) delayed() []Finding {
	pr := x.r.Progress
	if pr == nil || len(pr.Years) == 0 {
		return nil
	}
	year := pr.Years[len(pr.Years)-1]
	type init struct {
		name string
		fig  FindingFig
	}
	var late, revise []init
	for _, k := range InitiativeOrder(x.b, pr) {
		ip := &pr.Initiatives[k]
		if ip.Latest < 0 {
			continue
		}
		rec := ip.Records[ip.Latest]
		if rec.Year != year {
			continue
		}
		in := &x.b.Initiatives[ip.Initiative]
		it := init{in.Name, FindingFig{Source: SrcProgress, Item: in.ID, Group: strconv.Itoa(rec.Year),
			Code: strconv.Itoa(rec.Code), Measure: MeasureRating, Value: float64(rec.Code)}}
		if delayedRating(pr.Labels, rec.Rating, rec.Label) {
			late = append(late, it)
		}
		if rec.Next == ingest.NextRevise.String() {
			revise = append(revise, it)
		}
	}
	var out []Finding
	for _, g := range []struct {
		word string
		its  []init
	}{{"遅れ", late}, {ingest.NextRevise.String(), revise}} {
		if len(g.its) == 0 {
			continue
		}
		f := Finding{Rule: RuleDelayed, Words: []string{g.word}}
		for _, it := range g.its {
			f.Words = append(f.Words, it.name)
			f.Figures = append(f.Figures, it.fig)
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		out = append(out, Finding{Rule: RuleOnTrack})
	}
	return out
}

// indicatorDetail adds to an indicator's evaluation (stated in 概要) what
// the indicator chapter details: the 95% interval of 全体's value, and the
// districts with the highest and lowest values (eligible districts only).
func (x *fx) indicatorDetail(ir *IndicatorResult) (Finding, bool) {
	if ir.Group != GroupAll || ir.Suppressed || ir.Reference || math.IsNaN(ir.Current) ||
		math.IsNaN(ir.CILow) || math.IsNaN(ir.CIHigh) {
		return Finding{}, false
	}
	ind := &x.b.Indicators[ir.Indicator]
	f := Finding{Place: PlaceIndicator, Target: ind.ID, Rule: RuleIndDetail, Subject: ind.Name}
	fig := FindingFig{Source: SrcInd, Item: ind.ID, Group: GroupAll, Decimals: 1, N: ir.CurrentN}
	lo, hi := fig, fig
	lo.Measure, lo.Value = MeasureCILow, Round1(ir.CILow)
	hi.Measure, hi.Value = MeasureCIHigh, Round1(ir.CIHigh)
	f.Figures = append(f.Figures, lo, hi)
	var hiR, loR *IndicatorResult
	for i := range x.r.Indicators {
		d := &x.r.Indicators[i]
		if d.Indicator != ir.Indicator || d.Group == GroupAll || d.Group == GroupNoDistrict || d.Suppressed ||
			d.Reference || math.IsNaN(d.Current) || d.CurrentN == 0 {
			continue
		}
		if hiR == nil || Round1(d.Current) > Round1(hiR.Current) {
			hiR = d
		}
		if loR == nil || Round1(d.Current) < Round1(loR.Current) {
			loR = d
		}
	}
	if hiR != nil && loR != nil && Round1(hiR.Current) > Round1(loR.Current) {
		for _, d := range []*IndicatorResult{hiR, loR} {
			g := fig
			g.Group, g.Measure, g.Value, g.N = d.Group, MeasureCurrent, Round1(d.Current), d.CurrentN
			f.Figures = append(f.Figures, g)
		}
	}
	return f, true
}

// boxChange states a question's combined box (x.box: 『そう思う（計）』, or
// the indicator a single-answer question carries) now against the baseline
// survey: from the indicator defined on exactly its choices when there is one (indicators.csv, the tables' base), else
// from summary.csv top_box_pct of both surveys (the same base). The
// change is stated as real only when significant at 有意水準 (Words[1]
// "changed"); else there is no marked change.
func (x *fx) boxChange(q int) (Finding, bool) {
	qu := &x.b.Questions[q]
	labels, pos, _ := x.box(q)
	if len(labels) == 0 {
		return Finding{}, false
	}
	f := Finding{Rule: RuleBoxChange, Words: []string{x.boxWord(q, labels, pos)}}
	var p float64
	if ir, ok := x.indicatorOf(q, pos); ok {
		if ir.Suppressed || ir.Reference || math.IsNaN(ir.Current) || math.IsNaN(ir.Baseline) || ir.BaselineN == 0 {
			return Finding{}, false
		}
		id := x.b.Indicators[ir.Indicator].ID
		fig := FindingFig{Source: SrcInd, Item: id, Group: GroupAll, Decimals: 1}
		b, c := fig, fig
		b.Measure, b.Value, b.N = MeasureBaseline, Round1(ir.Baseline), ir.BaselineN
		c.Measure, c.Value, c.N = MeasureCurrent, Round1(ir.Current), ir.CurrentN
		f.Figures, p = []FindingFig{b, c}, ir.P
	} else {
		cs, bs := x.sum[fxKey{q, ByAll, GroupAll}], x.bsum[fxKey{q, ByAll, GroupAll}]
		if cs == nil || bs == nil || cs.Suppressed || cs.Reference || bs.N == 0 || cs.N == 0 ||
			math.IsNaN(cs.TopBoxPct) || math.IsNaN(bs.TopBoxPct) {
			return Finding{}, false
		}
		fig := FindingFig{Source: SrcSummary, Item: qu.ID, By: ByAll, Group: GroupAll, Decimals: 1}
		b, c := fig, fig
		// Note: a figure's N is the row's summary.csv n (answers), as
		// published; the share itself is of the base (no-answer included).
		b.Measure, b.Value, b.N = MeasureBaseTopBox, Round1(bs.TopBoxPct), bs.N
		c.Measure, c.Value, c.N = MeasureTopBox, Round1(cs.TopBoxPct), cs.N
		f.Figures = []FindingFig{b, c}
		p = twoProp(cs.TopBoxPct/100, float64(cs.Base), bs.TopBoxPct/100, float64(bs.Base))
	}
	if !math.IsNaN(p) && p < x.alpha && f.Figures[0].Value != f.Figures[1].Value {
		f.Words = append(f.Words, "changed")
	}
	return f, true
}

// themeTalk states the district from which most free-text answers and
// hearing comments on a theme came (comment_matrix.csv; the first in sheet
// order on ties), with its count, when it has at least two and its
// respondents reach 参考値基準.
func (x *fx) themeTalk(theme string) (Finding, string, int, bool) {
	// Note: never a district under 参考値基準 (nor one suppressed).
	small := map[string]bool{}
	for _, d := range x.r.Overview.Districts {
		small[d.Name] = d.Valid < x.b.Settings.ReferenceBelow || d.Valid < x.b.Settings.SuppressBelow
	}
	var best *TextCell
	for i := range x.r.TextMatrix {
		c := &x.r.TextMatrix[i]
		if c.Theme != theme || c.District == GroupNoDistrict || len(c.Texts) < 2 || small[c.District] {
			continue
		}
		if best == nil || len(c.Texts) > len(best.Texts) {
			best = c
		}
	}
	if best == nil {
		return Finding{}, "", 0, false
	}
	n := len(best.Texts)
	return Finding{Rule: RuleThemeTalk, Figures: []FindingFig{{Source: SrcMatrix, Group: best.District, Label: theme,
		Measure: MeasureCount, Value: float64(n)}}}, best.District, n, true
}

// hasPositive reports whether SC question q has 肯定 choices.
func (x *fx) hasPositive(q int) bool {
	labels, _ := x.positives(q)
	return len(labels) > 0
}

// box is the combined box a question's sentences use instead of a single
// answer: an SC question's 肯定 choices; or, for a single-answer question
// without them (SA, or SC with no 肯定 marks), the choices of the first
// indicator (sheet order) defined on it with two or more choices, so that
// 近所付き合い (よくある／ときどき／ない, indicator よくある＋ときどき) is
// stated by its indicator, never by its middle answer alone. ind is that
// indicator's index, or -1 when the box is the 肯定 choices.
func (x *fx) box(q int) (labels []string, pos ingest.ChoiceBits, ind int) {
	if labels, pos = x.positives(q); len(labels) > 0 {
		return labels, pos, -1
	}
	qu := &x.b.Questions[q]
	if (qu.Type != ingest.SA && qu.Type != ingest.SC) || qu.ChoiceSet < 0 || qu.ChoiceSet >= len(x.b.ChoiceSets) {
		return nil, 0, -1
	}
	for i := range x.b.Indicators {
		in := &x.b.Indicators[i]
		if in.Question != q || in.Choices.Count() < 2 {
			continue
		}
		for j, ch := range x.b.ChoiceSets[qu.ChoiceSet].Choices {
			if in.Choices.Has(j) {
				labels = append(labels, ch.Label)
			}
		}
		return labels, in.Choices, i
	}
	return nil, 0, -1
}

// positives are question q's 肯定 choices: their labels in the choice set's
// order and their bits; none when q has no choice set.
func (x *fx) positives(q int) (labels []string, pos ingest.ChoiceBits) {
	qu := &x.b.Questions[q]
	if qu.ChoiceSet < 0 || qu.ChoiceSet >= len(x.b.ChoiceSets) {
		return nil, pos
	}
	for i, ch := range x.b.ChoiceSets[qu.ChoiceSet].Choices {
		if ch.Positive {
			labels = append(labels, ch.Label)
			pos = pos.With(i)
		}
	}
	return labels, pos
}

// boxGroups states the groups of breakdown by whose combined favourable
// share (summary.csv top_box_pct, no-answer included) is significantly higher
// or lower than the rest's (pooled two-proportion test at 有意水準, the
// printed difference from 全体 not 0): at most maxListed per side, the
// largest differences, named in the breakdown's order. Groups suppressed or
// under 参考値基準 (in the summary or the crosstab) are never named.
func (x *fx) boxGroups(q int, by string) (Finding, bool) {
	all := x.sum[fxKey{q, ByAll, GroupAll}]
	c := x.ct[fxKey{q: q, by: by}]
	if all == nil || c == nil || all.Base == 0 || math.IsNaN(all.TopBoxPct) {
		return Finding{}, false
	}
	allTop := all.TopBoxPct * float64(all.Base) / 100
	type cand struct {
		s     *Summary
		diff  float64
		order int
	}
	var hi, lo []cand
	for gi := range c.Groups {
		g := &c.Groups[gi]
		s := x.sum[fxKey{q, by, g.Name}]
		if !eligible(g) || s == nil || s.Suppressed || s.Reference || s.Base == 0 || math.IsNaN(s.TopBoxPct) {
			continue
		}
		rn := float64(all.Base - s.Base)
		if rn <= 0 {
			continue
		}
		top := s.TopBoxPct * float64(s.Base) / 100
		p := twoProp(s.TopBoxPct/100, float64(s.Base), (allTop-top)/rn, rn)
		diff := Round1(s.TopBoxPct) - Round1(all.TopBoxPct)
		if math.IsNaN(p) || p >= x.alpha || diff == 0 || top == 0 {
			continue
		}
		if s.TopBoxPct/100 > (allTop-top)/rn {
			hi = append(hi, cand{s, diff, gi})
		} else {
			lo = append(lo, cand{s, diff, gi})
		}
	}
	if len(hi)+len(lo) == 0 {
		return Finding{}, false
	}
	qu := &x.b.Questions[q]
	labels, _ := x.positives(q)
	f := Finding{Rule: RuleGroups, Words: []string{by}, Box: boxName(labels, "肯定的な回答")}
	for _, a := range x.r.Axes {
		if a.By == by {
			f.Words = append(f.Words, a.Name)
		}
	}
	for k, side := range [][]cand{hi, lo} {
		slices.SortStableFunc(side, func(a, b cand) int { return cmp.Compare(math.Abs(b.diff), math.Abs(a.diff)) })
		if len(side) > maxListed {
			side = side[:maxListed]
		}
		slices.SortFunc(side, func(a, b cand) int { return cmp.Compare(a.order, b.order) })
		mark := "▲"
		if k == 1 {
			mark = "▼"
		}
		for _, cd := range side {
			f.Figures = append(f.Figures, FindingFig{Source: SrcSummary, Item: qu.ID, By: by, Group: cd.s.Group,
				Measure: MeasureTopBox, Value: Round1(cd.s.TopBoxPct), Decimals: 1, N: cd.s.N, Mark: mark})
		}
	}
	return f, true
}

// hardSummary states the ハード分類 categories with most texts ward-wide
// (hard_counts.csv, all sources, every year), at most maxListed, the most
// first (sheet order on ties).
func (x *fx) hardSummary() (Finding, bool) {
	if x.r.Hard == nil {
		return Finding{}, false
	}
	var cs []HardCount
	for _, n := range x.r.Hard.Counts {
		if n.Source == "all" && n.Year == 0 && n.Group == GroupAll && n.Category != "計" && n.Count > 0 {
			cs = append(cs, n)
		}
	}
	slices.SortStableFunc(cs, func(a, b HardCount) int { return cmp.Compare(b.Count, a.Count) })
	if len(cs) > maxListed {
		cs = cs[:maxListed]
	}
	f := Finding{Rule: RuleHard}
	for _, n := range cs {
		f.Figures = append(f.Figures, FindingFig{Source: SrcHard, Group: GroupAll, Label: n.Category,
			Measure: MeasureCount, Value: float64(n.Count)})
	}
	return f, len(f.Figures) > 0
}
