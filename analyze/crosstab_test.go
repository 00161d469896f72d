package analyze

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"midreview/ingest"
)

// wantGroup is the expected part of a crosstab row.
type wantGroup struct {
	name             string
	base             int
	counts           []int
	suppressed, comp bool
	reference        bool
}

func checkGroups(t *testing.T, ct *Crosstab, want []wantGroup) {
	t.Helper()
	if len(ct.Groups) != len(want) {
		t.Fatalf("%d groups, want %d", len(ct.Groups), len(want))
	}
	for i, w := range want {
		g := ct.Groups[i]
		if g.Name != w.name || g.Base != w.base || g.Suppressed != w.suppressed || g.Complement != w.comp || g.Reference != w.reference {
			t.Errorf("group %d = %s base %d supp %v comp %v ref %v, want %+v", i, g.Name, g.Base, g.Suppressed, g.Complement, g.Reference, w)
		}
		for j, c := range w.counts {
			if g.Cells[j].Count != c {
				t.Errorf("%s %s count = %d, want %d", g.Name, ct.Choices[j].Label, g.Cells[j].Count, c)
			}
			// pct = 100·count/base, NaN when base is 0.
			want := math.NaN()
			if w.base > 0 {
				want = 100 * float64(c) / float64(w.base)
			}
			checkF(t, g.Name+" "+ct.Choices[j].Label+" pct", g.Cells[j].Pct, want)
		}
	}
}

func TestTabulate(t *testing.T) {
	r := Run(mainBatch())
	t.Run("Q1 全体", func(t *testing.T) {
		ct := findCT(t, r, Current, qYes, ByAll)
		if len(ct.Choices) != 3 || ct.Choices[0] != (ChoiceHead{"1", "はい"}) || ct.Choices[2] != (ChoiceHead{CodeNA, LabelNA}) {
			t.Errorf("choices = %v", ct.Choices)
		}
		// はい 30+15+20+3 = 68, いいえ 10+25+20 = 55, 無回答 2+1 = 3; base 126.
		checkGroups(t, ct, []wantGroup{{name: GroupAll, base: 126, counts: []int{68, 55, 3}}})
		if ct.Chi != nil || !math.IsNaN(ct.Groups[0].Cells[0].AdjResidual) || !math.IsNaN(ct.Groups[0].Cells[0].WeightedPct) {
			t.Error("全体 has a test, a residual or a weighted percentage")
		}
	})
	t.Run("Q1 地区", func(t *testing.T) {
		ct := findCT(t, r, Current, qYes, ByDistrict)
		// 地区不明 (base 4) is primary; the smallest other group is 箕輪 or 高田 (40
		// each): 箕輪, first in order.
		checkGroups(t, ct, []wantGroup{
			{name: "日吉", base: 42, counts: []int{30, 10, 2}},
			{name: "箕輪", base: 40, counts: []int{15, 25, 0}, suppressed: true, comp: true},
			{name: "高田", base: 40, counts: []int{20, 20, 0}},
			{name: GroupNoDistrict, base: 4, counts: []int{3, 0, 1}, suppressed: true, reference: true},
		})
		// Test table without 無回答 and 地区不明: [[30,10],[15,25],[20,20]], N = 120.
		// Reference (python, same as R chisq.test(matrix(c(30,15,20,10,25,20),3))):
		// E = R_i·C_j/N, stdres = (O−E)/sqrt(E(1−R_i/N)(1−C_j/N)):
		// 日吉 +3.238751378, −3.238751378; 高田 −0.647750276, +0.647750276;
		// X² = 11.748251748, df 2, p = exp(−X²/2) = 0.002811250508 (χ² with 2 df).
		checkF(t, "日吉 はい", ct.Groups[0].Cells[0].AdjResidual, 3.238751378156478)
		checkF(t, "日吉 いいえ", ct.Groups[0].Cells[1].AdjResidual, -3.238751378156478)
		checkF(t, "高田 はい", ct.Groups[2].Cells[0].AdjResidual, -0.6477502756312962)
		if m := ct.Groups[0].Cells[0].Mark + ct.Groups[0].Cells[1].Mark + ct.Groups[2].Cells[0].Mark; m != "▲▼" {
			t.Errorf("marks = %q, want ▲▼", m)
		}
		// Suppressed rows and 無回答 show no residual.
		for _, c := range []Cell{ct.Groups[1].Cells[0], ct.Groups[3].Cells[0], ct.Groups[0].Cells[2]} {
			if !math.IsNaN(c.AdjResidual) || c.Mark != "" {
				t.Errorf("residual %v %q, want none", c.AdjResidual, c.Mark)
			}
		}
		if ct.Chi == nil || ct.Chi.DF != 2 || ct.Chi.LowExpected {
			t.Fatalf("chi = %+v", ct.Chi)
		}
		checkF(t, "X²", ct.Chi.Stat, 11.748251748251748)
		checkF(t, "p", ct.Chi.P, 0.002811250507613049)
	})
	t.Run("Q1 性別", func(t *testing.T) {
		ct := findCT(t, r, Current, qYes, ByGender)
		// 高田 has no 性別: in no group. 男性 = 日吉 + 地区不明.
		checkGroups(t, ct, []wantGroup{
			{name: "男性", base: 46, counts: []int{33, 10, 3}},
			{name: "女性", base: 40, counts: []int{15, 25, 0}},
		})
		// [[33,10],[15,25]]: python stdres ±3.617628402, X² = 13.087235257,
		// p = erfc(sqrt(X²/2)) = 0.000297314843 (χ² with 1 df).
		checkF(t, "男性 はい", ct.Groups[0].Cells[0].AdjResidual, 3.617628402348019)
		checkF(t, "女性 はい", ct.Groups[1].Cells[0].AdjResidual, -3.617628402348019)
		checkF(t, "p", ct.Chi.P, 0.0002973148425845177)
	})
	t.Run("F1 全体", func(t *testing.T) {
		ct := findCT(t, r, Current, qDistrict, ByAll)
		if ct.Choices[0] != (ChoiceHead{"01", "日吉"}) {
			t.Errorf("choices = %v", ct.Choices)
		}
		checkGroups(t, ct, []wantGroup{{name: GroupAll, base: 126, counts: []int{42, 40, 40, 4}}})
	})
	t.Run("MA", func(t *testing.T) {
		ct := findCT(t, r, Current, qMA, ByDistrict)
		// 日吉: A 15, B 10, none 27 → 35.7+23.8+64.3 = 123.8% > 100.
		checkGroups(t, ct, []wantGroup{
			{name: "日吉", base: 42, counts: []int{15, 10, 0, 27}},
			{name: "箕輪", base: 40, counts: []int{0, 0, 0, 40}, suppressed: true, comp: true},
			{name: "高田", base: 40, counts: []int{0, 0, 0, 40}},
			{name: GroupNoDistrict, base: 4, counts: []int{0, 0, 0, 4}, suppressed: true, reference: true},
		})
		var sum float64
		for _, c := range ct.Groups[0].Cells {
			sum += c.Pct
		}
		if sum <= 100 {
			t.Errorf("MA pct sum = %v, want past 100", sum)
		}
		if ct.Chi != nil || !math.IsNaN(ct.Groups[0].Cells[0].AdjResidual) {
			t.Error("MA has a test or residuals")
		}
	})
	t.Run("対象条件", func(t *testing.T) {
		ct := findCT(t, r, Current, qCond, ByAll)
		// Asked: the 68 はい of Q1; the 箕輪 いいえ who answered Q5 is not counted.
		checkGroups(t, ct, []wantGroup{{name: GroupAll, base: 68, counts: []int{30, 0, 38}}})
	})
}

func TestTabulateEdges(t *testing.T) {
	b := testBatch()
	b.Settings.SuppressBelow, b.Settings.ReferenceBelow = 0, 0
	add(&b.Current, 1, 0, sa(qYes, 0))
	add(&b.Current, 1, 1, sa(qYes, 1))
	r := Run(b)
	ct := findCT(t, r, Current, qYes, ByDistrict)
	// Base 1: 100% and 0%; 高田 has no respondents: base 0, NaN percentages, and it
	// drops out of the test, leaving [[1,0],[0,1]]: E = 0.5 each,
	// stdres = 0.5/sqrt(0.5·0.5·0.5) = sqrt(2) = 1.414213562; X² = 2, p = erfc(1) = 0.157299207.
	checkGroups(t, ct, []wantGroup{
		{name: "日吉", base: 1, counts: []int{1, 0, 0}},
		{name: "箕輪", base: 1, counts: []int{0, 1, 0}},
		{name: "高田", base: 0, counts: []int{0, 0, 0}},
	})
	checkF(t, "日吉 はい", ct.Groups[0].Cells[0].AdjResidual, math.Sqrt2)
	checkF(t, "p", ct.Chi.P, math.Erfc(1))
	if !math.IsNaN(ct.Groups[2].Cells[0].AdjResidual) {
		t.Error("empty group has a residual")
	}
	if !ct.Chi.LowExpected {
		t.Error("all expected counts are 0.5 < 5: LowExpected")
	}
	// A single answer column: not testable.
	b = testBatch()
	add(&b.Current, 20, 0, sa(qYes, 0))
	add(&b.Current, 20, 1, sa(qYes, 0))
	ct = findCT(t, Run(b), Current, qYes, ByDistrict)
	if ct.Chi == nil || !math.IsNaN(ct.Chi.Stat) || !math.IsNaN(ct.Chi.P) || ct.Chi.DF != 0 {
		t.Errorf("chi = %+v, want NaN", ct.Chi)
	}
}

// TestTabulateHistogram compares crosstabs counted from one-byte answers by
// value (breakdown.histogram) with counting respondent by respondent
// (eachAsked and visit), on random answers: MA, choice bits beyond the
// choice set, no-answers, respondents outside a breakdown's groups, a
// 対象条件 and 地区不明.
func TestTabulateHistogram(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 3))
	for trial := range 30 {
		b := testBatch()
		s := &b.Current
		for range 20 + rng.IntN(300) {
			as := []qa{
				{qMA, ingest.Answer{Choices: ingest.ChoiceBits(rng.IntN(256))}},
				{qYes, ingest.Answer{Choices: ingest.ChoiceBits(rng.IntN(8))}},
				{qCond, ingest.Answer{Choices: ingest.ChoiceBits(rng.IntN(4))}},
				{qScale, ingest.Answer{Choices: ingest.ChoiceBits(rng.IntN(40))}},
			}
			if k := rng.IntN(3); k < 2 {
				as = append(as, sa(qGender, k))
			}
			add(s, 1, rng.IntN(4)-1, as...)
		}
		gc := groupCache{}
		for _, q := range []int{qYes, qMA, qScale, qCond} {
			for _, bd := range breakdowns(b, s, q) {
				slow := tabulate(b, Current, s, q, bd, nil)
				fbd := gc.fill(bd, len(s.Respondents))
				if _, ok := fbd.histogram(b, s, q); !ok {
					t.Fatalf("Q%d by %s: no histogram", q, bd.by)
				}
				fast := tabulate(b, Current, s, q, fbd, nil)
				for g := range slow.Groups {
					sg, fg := slow.Groups[g], fast.Groups[g]
					if sg.Base != fg.Base {
						t.Fatalf("trial %d Q%d %s %s: base %d, by histogram %d", trial, q, bd.by, sg.Name, sg.Base, fg.Base)
					}
					for j := range sg.Cells {
						if sg.Cells[j].Count != fg.Cells[j].Count {
							t.Fatalf("trial %d Q%d %s %s column %d: count %d, by histogram %d", trial, q, bd.by, sg.Name, j, sg.Cells[j].Count, fg.Cells[j].Count)
						}
					}
				}
			}
		}
	}
}

// TestCountChoices: a hand-counted histogram of one group, three choices.
func TestCountChoices(t *testing.T) {
	hist := make([]int, 256)
	hist[0] = 2      // no answer: 無回答
	hist[0b001] = 3  // choice 0
	hist[0b110] = 4  // choices 1 and 2 (MA)
	hist[0b1000] = 5 // a choice beyond the set only: 無回答
	hist[0b1010] = 1 // choice 1 and one beyond: choice 1
	bases := []int{0}
	counts := [][]int{make([]int, 4)}
	countChoices(hist, 3, bases, counts)
	if bases[0] != 15 || !slices.Equal(counts[0], []int{3, 5, 4, 7}) {
		t.Errorf("bases %v counts %v, want [15] [3 5 4 7]", bases, counts[0])
	}
}
