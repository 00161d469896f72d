package analyze

import (
	"math"
	"math/bits"
	"slices"
	"sort"

	"midreview/ingest"
)

// summarize describes the SC or NUM question q in survey s for every group of
// breakdown bd (summary.csv).
//
// SC answers are scored by 点数 (Choice.Score); NUM answers are their numbers. N
// counts answers, not no-answers. TopBoxPct is the share of SC answers (not of
// the base: no-answers are left out, as for the mean) whose choice is marked 肯定;
// it is NaN for NUM, for a choice set without 肯定 choices and when N is 0.
// Suppressed and Reference follow the group's base (respondents asked,
// no-answer included) exactly as in the question's crosstab.
//
// buf is scratch space for the values, kept by the caller between calls.
//
// Note: the values of every group are laid out in one buffer (*buf, reused
// by every call of a run) rather than a slice per group: at a million
// respondents the per-group slices were gigabytes of allocation. SC values
// are counted by choice and written out already sorted (scoreOrder), so
// describe's sort finds them in order; the array describe sees is the same
// as sorting the answers, so every figure is the same.
func summarize(b *ingest.Batch, survey string, s *ingest.Survey, q int, bd breakdown, buf *[]float64) []Summary {
	qu := &b.Questions[q]
	var choices []ingest.Choice
	hasPositive := false
	if qu.Type == ingest.SC {
		choices = b.ChoiceSets[qu.ChoiceSet].Choices
		for _, c := range choices {
			hasPositive = hasPositive || c.Positive
		}
	}
	ng := len(bd.names)
	bases := make([]int, ng)
	top := make([]int, ng)
	n := make([]int, ng) // values by group
	// choice returns the choice index of respondent ri's SC answer, or -1.
	choice := func(ri int) int {
		c := s.Answers[q].At(ri)
		if c == 0 {
			return -1
		}
		i := bits.TrailingZeros64(uint64(c))
		if i >= len(choices) {
			return -1
		}
		return i
	}
	has := q < len(s.Answers)
	order, byCount := scoreOrder(choices)
	var counts []int // SC by count: answers by group and choice, g*len(choices)+i
	if qu.Type == ingest.SC && byCount {
		counts = make([]int, ng*len(choices))
	}
	if hist, ok := bd.histogram(b, s, q); ok && qu.Type == ingest.SC {
		// One-byte answers counted by value (breakdown.histogram): v's choice
		// is its lowest bit, as choice reads it.
		for g := range ng {
			for v, c := range hist[g*256 : g*256+256] {
				if c == 0 {
					continue
				}
				bases[g] += c
				i := bits.TrailingZeros(uint(v))
				if v == 0 || i >= len(choices) {
					continue
				}
				n[g] += c
				if counts != nil {
					counts[g*len(choices)+i] += c
				}
				if choices[i].Positive {
					top[g] += c
				}
			}
		}
	} else {
		bd.eachAsked(b, s, q, func(ri, g int) {
			bases[g]++
			if !has {
				return
			}
			switch qu.Type {
			case ingest.NUM:
				if s.Answers[q].At(ri) != 0 {
					n[g]++
				}
			case ingest.SC:
				i := choice(ri)
				if i < 0 {
					return
				}
				n[g]++
				if counts != nil {
					counts[g*len(choices)+i]++
				}
				if choices[i].Positive {
					top[g]++
				}
			}
		})
	}
	// off[g] is where group g's values start in the buffer, end[g] where
	// they end.
	//
	// Note: every group starts at an even index of a buffer of at least two
	// values, so 16-byte aligned. gonum's mean (floats.Sum, in assembly on
	// amd64) adds a first value alone when the slice is not, which changes
	// the last bit of some means; a slice of two or more values of its own,
	// as each group had, is always aligned.
	off, end := make([]int, ng), make([]int, ng)
	total := 0
	for g := range ng {
		off[g] = total
		end[g] = total + n[g]
		total = (end[g] + 1) &^ 1
	}
	if cap(*buf) < total {
		*buf = make([]float64, max(total, 2))
	}
	vals := (*buf)[:total]
	switch {
	case counts != nil:
		for g := range ng {
			x := vals[off[g]:off[g]]
			for _, i := range order {
				for range counts[g*len(choices)+i] {
					x = append(x, choices[i].Score)
				}
			}
		}
	case has && total > 0:
		// In respondent order within each group, as the answers come.
		at := slices.Clone(off)
		bd.eachAsked(b, s, q, func(ri, g int) {
			var v float64
			switch qu.Type {
			case ingest.NUM:
				var ok bool
				if v, ok = (ingest.Answer{Choices: s.Answers[q].At(ri)}).Number(); !ok {
					return
				}
			case ingest.SC:
				i := choice(ri)
				if i < 0 {
					return
				}
				v = choices[i].Score
			}
			vals[at[g]] = v
			at[g]++
		})
	}
	st := b.Settings
	fl := suppress(bases, st.SuppressBelow, st.ReferenceBelow, bd.by == ByAll)
	out := make([]Summary, ng)
	for g, name := range bd.names {
		x := vals[off[g]:end[g]]
		sm := Summary{Survey: survey, Question: q, By: bd.by, Group: name, N: len(x),
			TopBoxPct: math.NaN(), Suppressed: fl[g].Suppressed, Reference: fl[g].Reference}
		sm.Mean, sm.SD, sm.Q1, sm.Median, sm.Q3, sm.Min, sm.Max = describe(x)
		if hasPositive {
			sm.TopBoxPct = pct(top[g], len(x))
		}
		out[g] = sm
	}
	return out
}

// scoreOrder returns the choice indices by ascending 点数, and whether an SC
// question's answers may be counted by choice and written out in that order
// in place of sorting them.
//
// Note: sorting equal values leaves them in an order that depends on the
// input only when they can be told apart: 0 and −0 (or NaN, which no score
// is). A choice set with a −0 score is therefore summarized from the
// answers as they come, like a NUM question.
func scoreOrder(choices []ingest.Choice) ([]int, bool) {
	order := make([]int, len(choices))
	for i, c := range choices {
		if math.IsNaN(c.Score) || c.Score == 0 && math.Signbit(c.Score) {
			return nil, false
		}
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return choices[order[a]].Score < choices[order[b]].Score })
	return order, true
}
