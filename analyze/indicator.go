package analyze

import (
	"math"

	"midreview/ingest"
)

// An indTally counts one indicator in one survey: group 0 is 全体, groups
// 1..len(Districts) the districts in sheet order, then 地区不明 when the survey has
// respondents without a district (it only takes part in suppression).
type indTally struct {
	x, n          []int
	wx, wn, wn2   float64 // weighted 全体: Σw chosen, Σw asked, Σw² asked
	weighted      bool
	noDistrictRow bool
}

// tallyIndicator counts the respondents of s asked ind's question and those whose
// answer is one of ind's choices (w: weights, nil when unweighted).
func tallyIndicator(b *ingest.Batch, s *ingest.Survey, ind *ingest.Indicator, w []float64) *indTally {
	nd := len(b.Districts)
	t := &indTally{x: make([]int, nd+2), n: make([]int, nd+2), weighted: w != nil, noDistrictRow: hasNoDistrict(b, s)}
	q := ind.Question
	for ri := range s.Respondents {
		r := &s.Respondents[ri]
		if !b.Asked(s, q, ri) {
			continue
		}
		hit := q < len(s.Answers) && s.Answers[q].At(ri)&ind.Choices != 0
		g := nd + 1
		if r.District >= 0 && r.District < nd {
			g = 1 + r.District
		}
		t.n[0]++
		t.n[g]++
		if hit {
			t.x[0]++
			t.x[g]++
		}
		if w != nil {
			t.wn += w[ri]
			t.wn2 += w[ri] * w[ri]
			if hit {
				t.wx += w[ri]
			}
		}
	}
	return t
}

// flags returns the publication flags of 全体 (index 0) and of the districts and
// 地区不明 (1..), computed as for the question's crosstabs.
func (t *indTally) flags(st ingest.Settings) []flags {
	all := suppress(t.n[:1], st.SuppressBelow, st.ReferenceBelow, true)
	m := len(t.n) - 1
	if !t.noDistrictRow {
		m--
	}
	return append(all, suppress(t.n[1:1+m], st.SuppressBelow, st.ReferenceBelow, false)...)
}

// estimate returns group g's proportion (0..1) and the n its interval and test
// use: for weighted 全体 the weighted proportion and Kish's effective n.
func (t *indTally) estimate(g int) (p, n float64) {
	if g == 0 && t.weighted {
		if t.wn <= 0 {
			return math.NaN(), 0
		}
		return t.wx / t.wn, kish(t.wn, t.wn2)
	}
	if t.n[g] == 0 {
		return math.NaN(), 0
	}
	return float64(t.x[g]) / float64(t.n[g]), float64(t.n[g])
}

// indicators evaluates every indicator for 全体 and then each district in sheet
// order (indicators.csv).
//
// Baseline: for 全体, 策定時値 and 策定時n from sheet 指標 when given (the
// published plan-start figures), otherwise computed from baseline/ (value, n or
// both); for a district, only from baseline/, and unknown when that district is
// suppressed in the baseline survey. Rows suppressed in the current survey (base <
// 秘匿基準, or complementary) have NaN figures and evaluation "－".
//
// Note: the target and the ポイント margin are judged on the percentages rounded
// to one decimal as printed, so a row never shows 40.0 against a target of 40.0
// without an A.
func indicators(b *ingest.Batch) []IndicatorResult {
	var out []IndicatorResult
	st := b.Settings
	wCur := weights(b, &b.Current)
	var wOld []float64
	if b.Baseline != nil {
		wOld = weights(b, b.Baseline)
	}
	for ii := range b.Indicators {
		ind := &b.Indicators[ii]
		if ind.Question < 0 || ind.Question >= len(b.Questions) {
			continue
		}
		cur := tallyIndicator(b, &b.Current, ind, wCur)
		cf := cur.flags(st)
		var old *indTally
		var of []flags
		if b.Baseline != nil && present(b.Baseline, ind.Question) {
			old = tallyIndicator(b, b.Baseline, ind, wOld)
			of = old.flags(st)
		}
		for g := 0; g <= len(b.Districts); g++ {
			name := GroupAll
			if g > 0 {
				name = b.Districts[g-1].Name
			}
			res := IndicatorResult{Indicator: ii, Group: name, CurrentN: cur.n[g],
				Suppressed: cf[g].Suppressed, Reference: cf[g].Reference,
				Current: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN(),
				Baseline: math.NaN(), P: math.NaN(), Evaluation: EvalNone}
			if old != nil && g < len(of) && old.n[g] > 0 {
				// Note: a group of no baseline respondent hides nothing and
				// has nothing to mark (its value is unknown, printed blank).
				res.BaselineSuppressed = of[g].Suppressed
				res.BaselineReference = of[g].Reference && !of[g].Suppressed
			}
			if g == 0 && ind.HasBaseline {
				// The published 策定時値: never suppressed; 参考値 by its n when given.
				res.BaselineSuppressed = false
				res.BaselineReference = ind.BaselineN > 0 && ind.BaselineN < st.ReferenceBelow
			}
			if res.Suppressed {
				out = append(out, res)
				continue
			}
			p, n := cur.estimate(g)
			res.Current = 100 * p
			res.CILow, res.CIHigh = wilson(p, n, z95)
			if g == 0 && cur.weighted {
				res.Weighted, res.EffectiveN = true, n
			}
			// Baseline value and the n its test uses.
			var bp, bn float64 = math.NaN(), 0
			if old != nil && !of[g].Suppressed {
				bp, bn = old.estimate(g)
				res.BaselineN = old.n[g]
			}
			if g == 0 && ind.HasBaseline {
				bp = ind.Baseline / 100
				if ind.BaselineN > 0 {
					res.BaselineN, bn = ind.BaselineN, float64(ind.BaselineN)
				}
			}
			if res.BaselineN == 0 {
				bn = 0
			}
			res.Baseline = 100 * bp
			if g == 0 && ind.HasBaseline {
				// Note: the 策定時値 as written, not 100·(v/100), which turns 27.5
				// into 27.500000000000004 in indicators.csv.
				res.Baseline = ind.Baseline
			}
			if bn > 0 {
				res.P = twoProp(p, n, bp, bn)
			}
			res.Evaluation = evaluate(ind, res.Current, res.Baseline, res.P, st)
			out = append(out, res)
		}
	}
	return out
}

// evaluate grades an indicator (outputs.md, indicators.csv evaluation): A when
// the target is reached (current ≥ target for 増, ≤ for 減); otherwise "－" without
// a baseline; otherwise B when it changed in the better direction, D when it
// changed for the worse, C when it did not change. "Changed" is p < 有意水準 for
// 評価方法 検定 (and "－" when p is unknown, i.e. 策定時n is not given) or a
// difference beyond ±維持幅 points for ポイント (exactly 維持幅 is no change).
func evaluate(ind *ingest.Indicator, cur, base, p float64, st ingest.Settings) string {
	if math.IsNaN(cur) {
		return EvalNone
	}
	c := Round1(cur)
	if ind.HasTarget {
		if (ind.Direction == ingest.Up && c >= ind.Target) || (ind.Direction == ingest.Down && c <= ind.Target) {
			return EvalA
		}
	}
	if math.IsNaN(base) {
		return EvalNone
	}
	diff := PointDiff(base, c)
	var changed bool
	switch st.Evaluation {
	case ingest.EvalPoints:
		changed = math.Abs(diff) > st.Margin
	default:
		if math.IsNaN(p) {
			return EvalNone
		}
		alpha := st.Alpha
		if !(alpha > 0 && alpha < 1) {
			alpha = 0.05
		}
		changed = p < alpha
		if diff == 0 {
			// Note: the sign of a significant change below the printed precision
			// comes from the unrounded figures.
			diff = cur - base
		}
	}
	if !changed {
		return EvalC
	}
	if (diff > 0) == (ind.Direction == ingest.Up) {
		return EvalB
	}
	return EvalD
}
