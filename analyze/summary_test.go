package analyze

import (
	"math"
	"testing"
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
		// Top box: (2+1)/5 respondents = 60% (the no-answer is in the
		// denominator, as in the crosstab and the indicator).
		if sm.N != 4 || sm.Base != 5 {
			t.Errorf("n, base = %d, %d, want 4, 5", sm.N, sm.Base)
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"mean", sm.Mean, 3}, {"sd", sm.SD, math.Sqrt2}, {"q1", sm.Q1, 2.5}, {"median", sm.Median, 3.5},
			{"q3", sm.Q3, 4}, {"min", sm.Min, 1}, {"max", sm.Max, 4}, {"top", sm.TopBoxPct, 60}} {
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
