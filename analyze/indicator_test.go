package analyze

import (
	"math"
	"testing"

	"midreview/ingest"
)

// indicatorBatch has districts 日吉, 箕輪, 高田, 新田 and Q1 (はい/いいえ):
//
//	          current (はい/いいえ/無回答)   baseline (はい/いいえ)
//	日吉       45 50 5  (base 100)          30 70 (100)
//	箕輪        5  0 0  (5: primary 秘匿)     10 10 (20)
//	高田       20 30 0  (50: complementary)  10 30 (40)
//	新田       30 30 0  (60)                 30 30 (60)
//	全体      100/215                        80/220
func indicatorBatch() *ingest.Batch {
	b := testBatch()
	b.Districts = append(b.Districts, ingest.District{Code: "04", Name: "新田"})
	c := &b.Current
	add(c, 45, 0, sa(qYes, 0))
	add(c, 50, 0, sa(qYes, 1))
	add(c, 5, 0)
	add(c, 5, 1, sa(qYes, 0))
	add(c, 20, 2, sa(qYes, 0))
	add(c, 30, 2, sa(qYes, 1))
	add(c, 30, 3, sa(qYes, 0))
	add(c, 30, 3, sa(qYes, 1))
	b.Baseline = &ingest.Survey{Present: []bool{true, true, true, true, true, true, true}}
	o := b.Baseline
	add(o, 30, 0, sa(qYes, 0))
	add(o, 70, 0, sa(qYes, 1))
	add(o, 10, 1, sa(qYes, 0))
	add(o, 10, 1, sa(qYes, 1))
	add(o, 10, 2, sa(qYes, 0))
	add(o, 30, 2, sa(qYes, 1))
	add(o, 30, 3, sa(qYes, 0))
	add(o, 30, 3, sa(qYes, 1))
	yes, no := ingest.ChoiceBits(0).With(0), ingest.ChoiceBits(0).With(1)
	b.Indicators = []ingest.Indicator{
		{ID: "I1", Question: qYes, Theme: -1, Choices: yes, Target: 60, HasTarget: true},
		{ID: "I2", Question: qYes, Theme: -1, Choices: no, Target: 10, HasTarget: true, Direction: ingest.Down,
			Baseline: 50, HasBaseline: true},
		{ID: "I3", Question: qYes, Theme: -1, Choices: yes, Target: 45, HasTarget: true},
	}
	return b
}

// wantInd is an expected indicators.csv row (NaN: empty).
type wantInd struct {
	group                string
	cur, lo, hi          float64
	n                    int
	base                 float64
	baseN                int
	p                    float64
	eval                 string
	suppressed, referenc bool
}

func checkInd(t *testing.T, got IndicatorResult, w wantInd) {
	t.Helper()
	if got.Group != w.group || got.CurrentN != w.n || got.BaselineN != w.baseN || got.Evaluation != w.eval ||
		got.Suppressed != w.suppressed || got.Reference != w.referenc {
		t.Errorf("%s: got n %d baseN %d eval %s supp %v ref %v, want %+v", got.Group, got.CurrentN, got.BaselineN,
			got.Evaluation, got.Suppressed, got.Reference, w)
	}
	checkF(t, w.group+" current", got.Current, w.cur)
	checkF(t, w.group+" ci low", got.CILow, w.lo)
	checkF(t, w.group+" ci high", got.CIHigh, w.hi)
	checkF(t, w.group+" baseline", got.Baseline, w.base)
	checkF(t, w.group+" p", got.P, w.p)
}

func TestIndicators(t *testing.T) {
	r := Run(indicatorBatch())
	if len(r.Indicators) != 15 {
		t.Fatalf("%d rows, want 3 indicators × (全体 + 4 districts)", len(r.Indicators))
	}
	nan := math.NaN()
	supp := func(name string, n int) wantInd {
		return wantInd{group: name, cur: nan, lo: nan, hi: nan, n: n, base: nan, p: nan, eval: EvalNone, suppressed: true, referenc: true}
	}
	t.Run("I1 増 from baseline data", func(t *testing.T) {
		rows := r.Indicators[0:5]
		// 全体: 100/215 = 46.511628%; Wilson (python) 39.964217–53.181506;
		// baseline 80/220 = 36.363636%; prop.test(c(100,80),c(215,220),correct=FALSE)
		// p = 0.031668720 < 0.05, up → B (target 60 not reached).
		checkInd(t, rows[0], wantInd{GroupAll, 100 * 100.0 / 215, 39.96421689219597, 53.18150600654866, 215,
			100 * 80.0 / 220, 220, 0.03166871968891905, EvalB, false, false})
		// 日吉: 45/100, R prop.test(45,100)$conf.int 35.61454–54.75540; baseline 30/100,
		// p = 0.028459737 → B.
		checkInd(t, rows[1], wantInd{"日吉", 45, 35.61453797951198, 54.75539700255787, 100, 30, 100, 0.02845973691631057, EvalB, false, false})
		// 箕輪 base 5 < 10: primary; 高田 (50) is the smallest other: complementary.
		checkInd(t, rows[2], supp("箕輪", 5))
		w := supp("高田", 50)
		w.referenc = false
		checkInd(t, rows[3], w)
		// 新田: 30/60 both times: p = 1 → C; Wilson 37.735024–62.264976.
		checkInd(t, rows[4], wantInd{"新田", 50, 37.73502424155577, 62.26497575844423, 60, 50, 60, 1, EvalC, false, false})
	})
	t.Run("I2 減 with 策定時値", func(t *testing.T) {
		rows := r.Indicators[5:10]
		// 全体: いいえ 110/215 = 51.162791%; 策定時値 50 from the sheet, its n from
		// baseline/ (220); p = prop.test on 0.5116 (215) vs 0.5 (220) = 0.808378 → C.
		if rows[0].Evaluation != EvalC || rows[0].BaselineN != 220 {
			t.Errorf("全体 = %+v", rows[0])
		}
		checkF(t, "全体 current", rows[0].Current, 100*110.0/215)
		checkF(t, "全体 baseline", rows[0].Baseline, 50)
		checkF(t, "全体 p", rows[0].P, 0.8083778596335407)
		// 日吉: 50/100 vs 70/100: pool 0.6, z = 0.2/sqrt(0.24·0.02) = 2.886751,
		// p = 0.003892417; lower is better → B.
		if rows[1].Evaluation != EvalB {
			t.Errorf("日吉 = %+v", rows[1])
		}
		checkF(t, "日吉 p", rows[1].P, 0.0038924171227786427)
	})
	t.Run("I3 target reached", func(t *testing.T) {
		rows := r.Indicators[10:15]
		// Target 45: 全体 46.5, 日吉 45.0 (exactly the target), 新田 50 → A.
		for _, i := range []int{0, 1, 4} {
			if rows[i].Evaluation != EvalA {
				t.Errorf("%s = %s, want A", rows[i].Group, rows[i].Evaluation)
			}
		}
	})
	t.Run("策定時値 without n", func(t *testing.T) {
		b := indicatorBatch()
		b.Baseline = nil
		b.Indicators = []ingest.Indicator{{ID: "I1", Question: qYes, Theme: -1, Choices: ingest.ChoiceBits(0).With(0),
			Target: 60, HasTarget: true, Baseline: 40, HasBaseline: true}}
		rows := Run(b).Indicators
		// 検定 without 策定時n: no p, not evaluable.
		if rows[0].BaselineN != 0 || !math.IsNaN(rows[0].P) || rows[0].Evaluation != EvalNone {
			t.Errorf("全体 = %+v", rows[0])
		}
		checkF(t, "baseline", rows[0].Baseline, 40)
		// Districts have no baseline without baseline/.
		if !math.IsNaN(rows[1].Baseline) || rows[1].Evaluation != EvalNone {
			t.Errorf("日吉 = %+v", rows[1])
		}
		// ポイント: 46.5 − 40.0 = +6.5 > 3 → B.
		b.Settings.Evaluation = ingest.EvalPoints
		if e := Run(b).Indicators[0].Evaluation; e != EvalB {
			t.Errorf("ポイント evaluation = %s, want B", e)
		}
	})
	t.Run("策定時値 kept as written", func(t *testing.T) {
		// 27.5 must come out as 27.5, not 100·(27.5/100) = 27.500000000000004.
		b := indicatorBatch()
		b.Baseline = nil
		b.Indicators = []ingest.Indicator{{ID: "I1", Question: qYes, Theme: -1, Choices: ingest.ChoiceBits(0).With(0),
			Baseline: 27.5, BaselineN: 60, HasBaseline: true}}
		if got := Run(b).Indicators[0].Baseline; got != 27.5 {
			t.Errorf("baseline = %v, want exactly 27.5", got)
		}
	})
	t.Run("base 0", func(t *testing.T) {
		b := testBatch()
		b.Settings.SuppressBelow = 0
		b.Indicators = []ingest.Indicator{{ID: "I1", Question: qYes, Theme: -1, Choices: 1}}
		rows := Run(b).Indicators
		if !math.IsNaN(rows[0].Current) || !math.IsNaN(rows[0].CILow) || rows[0].Evaluation != EvalNone {
			t.Errorf("empty = %+v", rows[0])
		}
	})
}

func TestEvaluate(t *testing.T) {
	up := &ingest.Indicator{Target: 60, HasTarget: true}
	down := &ingest.Indicator{Target: 10, HasTarget: true, Direction: ingest.Down}
	noTarget := &ingest.Indicator{}
	test := ingest.Settings{Alpha: 0.05, Evaluation: ingest.EvalTest}
	points := ingest.Settings{Alpha: 0.05, Evaluation: ingest.EvalPoints, Margin: 3}
	nan := math.NaN()
	for _, c := range []struct {
		name         string
		ind          *ingest.Indicator
		cur, base, p float64
		st           ingest.Settings
		want         string
	}{
		{"target reached", up, 60, 50, 0.5, test, EvalA},
		{"target reached as printed (59.96 → 60.0)", up, 59.96, 50, 0.5, test, EvalA},
		{"59.94 is not 60.0", up, 59.94, 50, 0.5, test, EvalC},
		{"target without baseline", up, 61, nan, nan, test, EvalA},
		{"no baseline", up, 50, nan, nan, test, EvalNone},
		{"no current", up, nan, 40, 0.01, test, EvalNone},
		{"検定 better", up, 50, 40, 0.01, test, EvalB},
		{"検定 worse", up, 30, 40, 0.01, test, EvalD},
		{"検定 not significant", up, 50, 40, 0.06, test, EvalC},
		{"検定 p = α is not significant", up, 50, 40, 0.05, test, EvalC},
		{"検定 p unknown", up, 50, 40, nan, test, EvalNone},
		{"減 better", down, 20, 30, 0.01, test, EvalB},
		{"減 worse", down, 40, 30, 0.01, test, EvalD},
		{"減 target", down, 10.04, 30, 0.01, test, EvalA},
		{"ポイント within margin (exactly 3.0)", noTarget, 43.0, 40.0, nan, points, EvalC},
		{"ポイント 3.0 after rounding (43.04 − 39.96)", noTarget, 43.04, 39.96, nan, points, EvalC},
		{"ポイント beyond", noTarget, 43.1, 40.0, nan, points, EvalB},
		{"ポイント worse", noTarget, 36.9, 40.0, nan, points, EvalD},
		{"ポイント 減 better", &ingest.Indicator{Direction: ingest.Down}, 36.9, 40.0, nan, points, EvalB},
		{"0% to 0%", noTarget, 0, 0, 1, test, EvalC},
		{"100% to 100%", noTarget, 100, 100, 1, test, EvalC},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := evaluate(c.ind, c.cur, c.base, c.p, c.st); got != c.want {
				t.Errorf("evaluate = %s, want %s", got, c.want)
			}
		})
	}
}

// TestIndicatorBaselineFlags: the 策定時 side of a district's indicator
// carries its own survey's 秘匿/参考値 by the same rule as the current side
// (hard batch 表19: 策定時 50.0 (n=6) printed plain beside 北 75.0 (n=8)
// 参考値). indicatorBatch's baseline bases: 日吉 100, 箕輪 20, 高田 40, 新田 60.
func TestIndicatorBaselineFlags(t *testing.T) {
	type fl struct{ sup, ref bool }
	check := func(t *testing.T, rows []IndicatorResult, want map[string]fl) {
		t.Helper()
		for _, r := range rows {
			w, ok := want[r.Group]
			if !ok {
				continue
			}
			if r.BaselineSuppressed != w.sup || r.BaselineReference != w.ref {
				t.Errorf("%s: baseline suppressed %v reference %v, want %v %v", r.Group, r.BaselineSuppressed, r.BaselineReference, w.sup, w.ref)
			}
		}
	}
	t.Run("参考値 under 30", func(t *testing.T) {
		r := Run(indicatorBatch())
		// I1: 箕輪's baseline base 20 < 30 is 参考値 though its current side
		// (5) is suppressed; the others are 30 or more.
		check(t, r.Indicators[0:5], map[string]fl{GroupAll: {}, "日吉": {}, "箕輪": {false, true}, "高田": {}, "新田": {}})
		// I2's 全体 策定時値 comes from sheet 指標 without 策定時n: no flag.
		check(t, r.Indicators[5:6], map[string]fl{GroupAll: {}})
	})
	t.Run("秘匿 under 25", func(t *testing.T) {
		b := indicatorBatch()
		b.Settings.SuppressBelow = 25
		r := Run(b)
		// baseline: 箕輪 20 < 25 primary, 高田 40 the smallest other:
		// complementary; 日吉 and 新田 shown, neither under 30.
		check(t, r.Indicators[0:5], map[string]fl{"日吉": {}, "箕輪": {true, false}, "高田": {true, false}, "新田": {}})
		if !math.IsNaN(r.Indicators[3].Baseline) {
			t.Errorf("高田 baseline %v, want none (suppressed)", r.Indicators[3].Baseline)
		}
	})
	t.Run("策定時n under 参考値基準", func(t *testing.T) {
		b := indicatorBatch()
		b.Indicators[1].BaselineN = 12
		r := Run(b)
		check(t, r.Indicators[5:6], map[string]fl{GroupAll: {false, true}})
	})
}
