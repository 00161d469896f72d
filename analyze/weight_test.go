package analyze

import (
	"math"
	"testing"

	"midreview/ingest"
)

// weightBatch: 日吉 (人口 600) 2 respondents, both はい; 箕輪 (人口 400) 8
// respondents, 2 はい and 6 いいえ; 高田 (人口 0) none; 1 地区不明 はい.
func weightBatch() *ingest.Batch {
	b := testBatch()
	b.Settings.Weighting = true
	b.Districts[0].Population, b.Districts[1].Population, b.Districts[2].Population = 600, 400, 0
	b.Indicators = []ingest.Indicator{{ID: "I1", Question: qYes, Theme: -1, Choices: ingest.ChoiceBits(0).With(0)}}
	add(&b.Current, 2, 0, sa(qYes, 0))
	add(&b.Current, 2, 1, sa(qYes, 0))
	add(&b.Current, 6, 1, sa(qYes, 1))
	add(&b.Current, 1, ingest.NoDistrict, sa(qYes, 0))
	return b
}

func TestWeights(t *testing.T) {
	b := weightBatch()
	// n = 10 with a district; ΣPop = 1000 (高田 has no respondents and is left out).
	// 日吉: (600/1000)/(2/10) = 3; 箕輪: (400/1000)/(8/10) = 0.5; 地区不明: 1.
	w := weights(b, &b.Current)
	want := []float64{3, 3, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1}
	if len(w) != len(want) {
		t.Fatalf("weights = %v", w)
	}
	for i := range want {
		checkF(t, "w", w[i], want[i])
	}
	// Kish: (Σw)²/Σw² = 11²/(2·9 + 8·0.25 + 1) = 121/21.
	checkF(t, "kish", kish(11, 21), 121.0/21)

	r := Run(b)
	ct := findCT(t, r, Current, qYes, ByAll)
	g := ct.Groups[0]
	// Reported base stays unweighted (11); weighted base Σw = 6 + 4 + 1 = 11.
	// はい: (3·2 + 0.5·2 + 1)/11 = 8/11; いいえ: 0.5·6/11 = 3/11; 無回答 0.
	if g.Base != 11 {
		t.Errorf("base = %d, want 11", g.Base)
	}
	checkF(t, "weighted base", g.WeightedBase, 11)
	checkF(t, "はい weighted", g.Cells[0].WeightedPct, 800.0/11)
	checkF(t, "いいえ weighted", g.Cells[1].WeightedPct, 300.0/11)
	checkF(t, "無回答 weighted", g.Cells[2].WeightedPct, 0)
	checkF(t, "はい unweighted", g.Cells[0].Pct, 500.0/11)
	d := findCT(t, r, Current, qYes, ByDistrict)
	if !math.IsNaN(d.Groups[0].Cells[0].WeightedPct) {
		t.Error("district group has a weighted percentage")
	}

	// Indicator 全体: weighted p = 8/11 on Kish n 121/21; python Wilson
	// (z = 1.959964) = 34.037762, 93.234429.
	ir := r.Indicators[0]
	if !ir.Weighted || ir.CurrentN != 11 || ir.Group != GroupAll {
		t.Errorf("indicator = %+v", ir)
	}
	checkF(t, "current", ir.Current, 800.0/11)
	checkF(t, "effective n", ir.EffectiveN, 121.0/21)
	checkF(t, "ci low", ir.CILow, 34.03776162647099)
	checkF(t, "ci high", ir.CIHigh, 93.234428960932)

	t.Run("off", func(t *testing.T) {
		b := weightBatch()
		b.Settings.Weighting = false
		if weights(b, &b.Current) != nil {
			t.Error("weights without 重み付け")
		}
	})
	t.Run("district without population", func(t *testing.T) {
		b := weightBatch()
		add(&b.Current, 1, 2, sa(qYes, 0))
		if weights(b, &b.Current) != nil {
			t.Error("weights although 高田 has respondents and no 人口")
		}
		g := findCT(t, Run(b), Current, qYes, ByAll).Groups[0]
		if !math.IsNaN(g.Cells[0].WeightedPct) || g.WeightedBase != 0 {
			t.Error("weighted figures without weights")
		}
	})
}
