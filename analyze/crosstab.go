package analyze

import (
	"math"
	"math/bits"
	"strconv"

	"midreview/ingest"
)

// heads returns the columns of question q's crosstabs: its choices in display
// order, then 無回答. The 地区 question's columns are the districts in sheet order
// (code 地区コード); its 無回答 column holds the 地区不明 respondents.
func heads(b *ingest.Batch, q int) []ChoiceHead {
	var h []ChoiceHead
	if q == b.DistrictQ {
		for _, d := range b.Districts {
			h = append(h, ChoiceHead{Code: d.Code, Label: d.Name})
		}
	} else {
		for _, c := range b.ChoiceSets[b.Questions[q].ChoiceSet].Choices {
			h = append(h, ChoiceHead{Code: strconv.Itoa(c.Code), Label: c.Label})
		}
	}
	return append(h, ChoiceHead{Code: CodeNA, Label: LabelNA})
}

// visit calls f with the index of every choice respondent ri of survey s made
// for question q (below nc) and reports whether there was any.
func visit(b *ingest.Batch, s *ingest.Survey, q, ri, nc int, f func(i int)) bool {
	if q == b.DistrictQ {
		r := &s.Respondents[ri]
		if r.District >= 0 && r.District < nc {
			f(r.District)
			return true
		}
		return false
	}
	if q >= len(s.Answers) {
		return false
	}
	any := false
	for c := uint64(s.Answers[q].At(ri)); c != 0; c &= c - 1 {
		if i := bits.TrailingZeros64(c); i < nc {
			f(i)
			any = true
		}
	}
	return any
}

// tabulate builds the crosstab of question q by breakdown bd in survey s
// (weights w, nil when unweighted).
//
// Base is the respondents of the group who were asked q (対象条件), no-answer
// included. SA/SC: one count per choice; MA: each respondent counts once under
// every choice made, so percentages sum past 100. 無回答 counts those asked who
// chose nothing (an invalid value is stored as no answer by ingest).
//
// Note: weighted percentages are computed for 全体 only (the weights are built to
// make the ward total match the district populations); inside a district every
// respondent of the group has the same weight, so a weighted district percentage
// would equal the unweighted one, and WeightedPct is left NaN there.
func tabulate(b *ingest.Batch, survey string, s *ingest.Survey, q int, bd breakdown, w []float64) Crosstab {
	h := heads(b, q)
	nc := len(h) - 1
	ct := Crosstab{Survey: survey, Question: q, By: bd.by, Choices: h}
	counts := make([][]int, len(bd.names))
	for g := range counts {
		counts[g] = make([]int, nc+1)
	}
	bases := make([]int, len(bd.names))
	weighted := w != nil && bd.by == ByAll
	var wBase float64
	wCount := make([]float64, nc+1)
	var hist []int
	fast := false
	if !weighted && q != b.DistrictQ {
		hist, fast = bd.histogram(b, s, q)
	}
	if fast {
		countChoices(hist, nc, bases, counts)
	} else {
		bd.eachAsked(b, s, q, func(ri, g int) {
			bases[g]++
			cg := counts[g]
			var wi float64
			if weighted {
				wi = w[ri]
				wBase += wi
			}
			if !visit(b, s, q, ri, nc, func(i int) {
				cg[i]++
				if weighted {
					wCount[i] += wi
				}
			}) {
				cg[nc]++
				if weighted {
					wCount[nc] += wi
				}
			}
		})
	}
	st := b.Settings
	fl := suppress(bases, st.SuppressBelow, st.ReferenceBelow, bd.by == ByAll)
	ct.Groups = make([]Group, len(bd.names))
	for g, name := range bd.names {
		gr := Group{Name: name, Base: bases[g], Suppressed: fl[g].Suppressed, Complement: fl[g].Complement, Reference: fl[g].Reference}
		if weighted {
			gr.WeightedBase = wBase
		}
		gr.Cells = make([]Cell, nc+1)
		for j := range gr.Cells {
			c := Cell{Count: counts[g][j], Pct: pct(counts[g][j], bases[g]), WeightedPct: math.NaN(), AdjResidual: math.NaN()}
			if weighted && wBase > 0 {
				c.WeightedPct = 100 * wCount[j] / wBase
			}
			gr.Cells[j] = c
		}
		ct.Groups[g] = gr
	}
	if bd.by != ByAll && q != b.DistrictQ && b.Questions[q].Type != ingest.MA {
		residuals(&ct, bd.other, zCrit(st.Alpha))
	}
	return ct
}

// countChoices adds a histogram of one-byte answers by group
// (breakdown.histogram) to the bases and the counts by group and choice: an
// answer counts under each of its choices below nc, and under 無回答
// (column nc) when it has none, as visit does.
func countChoices(hist []int, nc int, bases []int, counts [][]int) {
	for g := range counts {
		cg := counts[g]
		for v, n := range hist[g*256 : g*256+256] {
			if n == 0 {
				continue
			}
			bases[g] += n
			any := false
			for c := uint(v); c != 0; c &= c - 1 {
				if i := bits.TrailingZeros(c); i < nc {
					cg[i] += n
					any = true
				}
			}
			if !any {
				cg[nc] += n
			}
		}
	}
}

// residuals fills the adjusted standardized residuals, marks and chi-square test
// of an SA/SC crosstab by a breakdown. The table tested is groups × choices with
// the 無回答 column and the `other` group (地区不明, not a category) left out.
//
// Note: suppressed groups stay in the test (their respondents are real), but
// their residuals and marks are blanked: a ▲ on a hidden row would reveal what
// the 秘匿 hides.
func residuals(ct *Crosstab, other int, zc float64) {
	nc := len(ct.Choices) - 1
	var rows []int
	var obs [][]float64
	for g := range ct.Groups {
		if g == other {
			continue
		}
		row := make([]float64, nc)
		for j := range row {
			row[j] = float64(ct.Groups[g].Cells[j].Count)
		}
		rows = append(rows, g)
		obs = append(obs, row)
	}
	res, chi := independence(obs)
	ct.Chi = &chi
	for k, g := range rows {
		gr := &ct.Groups[g]
		if gr.Suppressed {
			continue
		}
		for j := 0; j < nc; j++ {
			gr.Cells[j].AdjResidual = res[k][j]
			gr.Cells[j].Mark = markFor(res[k][j], zc)
		}
	}
}
