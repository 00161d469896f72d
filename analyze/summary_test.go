package analyze

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"

	"midreview/ingest"
)

func TestSummarize(t *testing.T) {
	b := testBatch()
	s := &b.Current
	// Q3 SC in 日吉: そう思う ×2 (score 4), ややそう思う ×1 (3), そう思わない ×1 (1),
	// one no-answer. Q4 NUM in 箕輪: 7, 15, 36, 39, 40, 41 and one no-answer.
	add(s, 2, 0, sa(qScale, 0))
	add(s, 1, 0, sa(qScale, 1))
	add(s, 1, 0, sa(qScale, 3))
	add(s, 1, 0)
	for _, v := range []float64{41, 7, 39, 15, 40, 36} {
		add(s, 1, 1, num(qNum, v))
	}
	add(s, 1, 1)
	r := Run(b)
	find := func(q int, by, group string) Summary {
		t.Helper()
		for _, sm := range r.Summaries {
			if sm.Question == q && sm.By == by && sm.Group == group {
				return sm
			}
		}
		t.Fatalf("no summary %d %s %s", q, by, group)
		return Summary{}
	}
	t.Run("SC", func(t *testing.T) {
		sm := find(qScale, ByDistrict, "日吉")
		// Scores {4,4,3,1}: n 4, mean 3, sd sqrt((1+1+0+4)/3) = sqrt(2);
		// QUARTILE.INC: q1 h=0.75 → 1+0.75·2 = 2.5, median 3.5, q3 h=2.25 → 4.
		// Top box: (2+1)/4 answers = 75% (the no-answer is not in the denominator).
		if sm.N != 4 {
			t.Errorf("n = %d, want 4", sm.N)
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"mean", sm.Mean, 3}, {"sd", sm.SD, math.Sqrt2}, {"q1", sm.Q1, 2.5}, {"median", sm.Median, 3.5},
			{"q3", sm.Q3, 4}, {"min", sm.Min, 1}, {"max", sm.Max, 4}, {"top", sm.TopBoxPct, 75}} {
			checkF(t, c.name, c.got, c.want)
		}
		// 日吉 base 5 (asked, no-answer included) < 10: suppressed and reference;
		// 箕輪 (base 7) is primary too, so no complement; 高田 base 0.
		if !sm.Suppressed || !sm.Reference {
			t.Errorf("flags = %v %v", sm.Suppressed, sm.Reference)
		}
		e := find(qScale, ByDistrict, "高田")
		if e.N != 0 || !math.IsNaN(e.Mean) || !math.IsNaN(e.TopBoxPct) || !math.IsNaN(e.SD) {
			t.Errorf("empty group = %+v", e)
		}
	})
	t.Run("NUM", func(t *testing.T) {
		sm := find(qNum, ByDistrict, "箕輪")
		// See TestDescribe: mean 29.6667, sd 14.773851, quartiles 20.25/37.5/39.75.
		if sm.N != 6 {
			t.Errorf("n = %d, want 6", sm.N)
		}
		checkF(t, "mean", sm.Mean, 178.0/6)
		checkF(t, "sd", sm.SD, 14.773850773128402)
		checkF(t, "q1", sm.Q1, 20.25)
		checkF(t, "median", sm.Median, 37.5)
		checkF(t, "q3", sm.Q3, 39.75)
		checkF(t, "top box", sm.TopBoxPct, math.NaN())
		all := find(qNum, ByAll, GroupAll)
		if all.N != 6 || all.Suppressed || !all.Reference {
			t.Errorf("全体 = %+v (base 12: shown, 参考値)", all)
		}
	})
	t.Run("SC without 肯定", func(t *testing.T) {
		b := testBatch()
		for i := range b.ChoiceSets[3].Choices {
			b.ChoiceSets[3].Choices[i].Positive = false
		}
		add(&b.Current, 3, 0, sa(qScale, 0))
		for _, sm := range Run(b).Summaries {
			if sm.Question == qScale && !math.IsNaN(sm.TopBoxPct) {
				t.Errorf("%s top box = %v, want NaN", sm.Group, sm.TopBoxPct)
			}
		}
	})
}

// TestSummarizeScoresOutOfOrder: SC scores that do not follow the choice
// order are counted by choice and written out by ascending score
// (scoreOrder), giving the figures of the sorted answers.
func TestSummarizeScoresOutOfOrder(t *testing.T) {
	b := testBatch()
	cs := b.ChoiceSets[3].Choices
	cs[0].Score, cs[1].Score, cs[2].Score, cs[3].Score = 2, 5, -1, 2
	// 日吉: choice 0 ×2 (2), choice 1 ×1 (5), choice 2 ×1 (−1), choice 3 ×1 (2).
	add(&b.Current, 2, 0, sa(qScale, 0))
	add(&b.Current, 1, 0, sa(qScale, 1))
	add(&b.Current, 1, 0, sa(qScale, 2))
	add(&b.Current, 1, 0, sa(qScale, 3))
	var buf []float64
	sms := summarize(b, Current, &b.Current, qScale, districtBreakdown(b, &b.Current), &buf)
	sm := sms[0]
	// Sorted {−1, 2, 2, 2, 5}: n 5, mean 2, sd sqrt((9+0+0+0+9)/4) = sqrt(4.5);
	// QUARTILE.INC h = 1, 2, 3: 2, 2, 2; min −1, max 5; top box (choices 0
	// and 1 are 肯定) 3/5 = 60%.
	if sm.N != 5 {
		t.Fatalf("n = %d, want 5", sm.N)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"mean", sm.Mean, 2}, {"sd", sm.SD, math.Sqrt(4.5)}, {"q1", sm.Q1, 2}, {"median", sm.Median, 2},
		{"q3", sm.Q3, 2}, {"min", sm.Min, -1}, {"max", sm.Max, 5}, {"top", sm.TopBoxPct, 60}} {
		checkF(t, c.name, c.got, c.want)
	}
	if order, ok := scoreOrder(cs); !ok || !slices.Equal(order, []int{2, 0, 3, 1}) {
		t.Errorf("scoreOrder = %v %v, want [2 0 3 1] true", order, ok)
	}
	cs[3].Score = math.Copysign(0, -1)
	if _, ok := scoreOrder(cs); ok {
		t.Error("scoreOrder with a −0 score: counted by choice, want the answers as they come")
	}
}

// TestSummarizeAsSorted compares summarize with describing every group's
// answers collected and sorted one by one (how it was computed before the
// shared buffer), bit for bit, on random answers: SC with repeated, negative
// and −0 scores, NUM with repeated and fractional numbers, no-answers and a
// 対象条件.
func TestSummarizeAsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 1))
	for trial := range 40 {
		b := testBatch()
		cs := b.ChoiceSets[3].Choices
		for i := range cs {
			cs[i].Score = float64(rng.IntN(5) - 2)
			cs[i].Positive = rng.IntN(2) == 0
		}
		if trial%4 == 3 {
			cs[rng.IntN(len(cs))].Score = math.Copysign(0, -1)
		}
		if trial%2 == 1 {
			b.Questions[qScale].Cond = []ingest.Clause{{Q: qYes, Choices: ingest.ChoiceBits(0).With(0)}}
			b.Questions[qNum].Cond = b.Questions[qScale].Cond
		}
		for range 50 + rng.IntN(200) {
			var as []qa
			if k := rng.IntN(6); k < 4 {
				as = append(as, sa(qScale, k))
			}
			if rng.IntN(4) > 0 {
				as = append(as, num(qNum, float64(rng.IntN(40))/float64(1+rng.IntN(3))))
			}
			if k := rng.IntN(3); k < 2 {
				as = append(as, sa(qGender, k))
			}
			if rng.IntN(2) == 0 {
				as = append(as, sa(qYes, 0))
			}
			add(&b.Current, 1, rng.IntN(4)-1, as...)
		}
		s := &b.Current
		var buf []float64
		gc := groupCache{}
		for _, q := range []int{qScale, qNum} {
			var bds []breakdown
			for _, bd := range breakdowns(b, s, q) {
				// each breakdown as it comes (groups by function) and cached
				// (one-byte answers by histogram)
				bds = append(bds, bd, gc.fill(bd, len(s.Respondents)))
			}
			for _, bd := range bds {
				got := summarize(b, Current, s, q, bd, &buf)
				vals := make([][]float64, len(bd.names))
				bd.eachAsked(b, s, q, func(ri, g int) {
					a := s.Answer(q, ri)
					if q == qNum {
						if v, ok := a.Number(); ok {
							vals[g] = append(vals[g], v)
						}
					} else if a.Choices != 0 {
						vals[g] = append(vals[g], cs[bits.TrailingZeros64(uint64(a.Choices))].Score)
					}
				})
				for g := range bd.names {
					var w [7]float64
					w[0], w[1], w[2], w[3], w[4], w[5], w[6] = describe(vals[g])
					sm := got[g]
					have := [7]float64{sm.Mean, sm.SD, sm.Q1, sm.Median, sm.Q3, sm.Min, sm.Max}
					for k := range w {
						if math.Float64bits(have[k]) != math.Float64bits(w[k]) && !(math.IsNaN(have[k]) && math.IsNaN(w[k])) {
							t.Fatalf("trial %d Q%d %s %s: figure %d = %v, want %v", trial, q, bd.by, bd.names[g], k, have[k], w[k])
						}
					}
					if sm.N != len(vals[g]) {
						t.Fatalf("trial %d Q%d %s %s: n = %d, want %d", trial, q, bd.by, bd.names[g], sm.N, len(vals[g]))
					}
				}
			}
		}
	}
}
