package analyze

import (
	"math"
	"math/bits"

	"midreview/ingest"
)

// summarize describes the SC or NUM question q in survey s for every group of
// breakdown bd (summary.csv).
//
// SC answers are scored by 点数 (Choice.Score); NUM answers are their numbers. N
// counts answers, not no-answers. TopBoxPct is the share of the base (Base:
// respondents asked, no-answer included, as every percentage in the tables)
// whose choice is marked 肯定, so that 『そう思う（計）』 is one figure
// wherever it is printed; it is NaN for NUM, for a choice set without 肯定
// choices and when N is 0.
// Suppressed and Reference follow the group's base (respondents asked,
// no-answer included) exactly as in the question's crosstab.
func summarize(b *ingest.Batch, survey string, s *ingest.Survey, q int, bd breakdown) []Summary {
	qu := &b.Questions[q]
	var choices []ingest.Choice
	hasPositive := false
	if qu.Type == ingest.SC {
		choices = b.ChoiceSets[qu.ChoiceSet].Choices
		for _, c := range choices {
			hasPositive = hasPositive || c.Positive
		}
	}
	vals := make([][]float64, len(bd.names))
	bases := make([]int, len(bd.names))
	top := make([]int, len(bd.names))
	bd.eachAsked(b, s, q, func(ri, g int) {
		bases[g]++
		if q >= len(s.Answers) {
			return
		}
		a := ingest.Answer{Choices: s.Answers[q].At(ri)}
		switch qu.Type {
		case ingest.NUM:
			if v, ok := a.Number(); ok {
				vals[g] = append(vals[g], v)
			}
		case ingest.SC:
			if a.Choices == 0 {
				return
			}
			i := bits.TrailingZeros64(uint64(a.Choices))
			if i >= len(choices) {
				return
			}
			vals[g] = append(vals[g], choices[i].Score)
			if choices[i].Positive {
				top[g]++
			}
		}
	})
	st := b.Settings
	fl := suppress(bases, st.SuppressBelow, st.ReferenceBelow, bd.by == ByAll)
	out := make([]Summary, len(bd.names))
	for g, name := range bd.names {
		sm := Summary{Survey: survey, Question: q, By: bd.by, Group: name, N: len(vals[g]), Base: bases[g],
			TopBoxPct: math.NaN(), Suppressed: fl[g].Suppressed, Reference: fl[g].Reference}
		sm.Mean, sm.SD, sm.Q1, sm.Median, sm.Q3, sm.Min, sm.Max = describe(vals[g])
		if hasPositive && len(vals[g]) > 0 {
			sm.TopBoxPct = pct(top[g], bases[g])
		}
		out[g] = sm
	}
	return out
}
