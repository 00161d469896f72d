package analyze

import (
	"fmt"
	"math"
	"testing"
)

func TestZCrit(t *testing.T) {
	// Normal quantiles (R qnorm(1 - a/2)): 0.05 → 1.959963985, 0.01 → 2.575829304,
	// 0.10 → 1.644853627, rounded to two decimals as in printed tables; an invalid
	// level falls back to 0.05.
	for _, c := range []struct{ alpha, want float64 }{
		{0.05, 1.96}, {0.01, 2.58}, {0.10, 1.64}, {0, 1.96},
	} {
		checkF(t, "zCrit", zCrit(c.alpha), c.want)
	}
}

func TestMarkFor(t *testing.T) {
	zc := zCrit(0.05)
	for _, c := range []struct {
		r    float64
		want string
	}{
		{zc, "▲"}, // a tie at the critical value is marked
		{-zc, "▼"},
		{math.Nextafter(zc, 0), ""},
		{math.Nextafter(-zc, 0), ""},
		{1.96, "▲"},
		{1.9599, ""},
		{1.95997, ""}, // above the exact quantile 1.959964 but below the table's 1.96
		{math.NaN(), ""},
	} {
		if got := markFor(c.r, zc); got != c.want {
			t.Errorf("markFor(%v) = %q, want %q", c.r, got, c.want)
		}
	}
}

func TestIndependence(t *testing.T) {
	t.Run("2x3 with empty row and column", func(t *testing.T) {
		// [[12,8,0],[5,15,0],[0,0,0]]: the zero row and column drop out, leaving
		// [[12,8],[5,15]], N 40, E = [[8.5,11.5],[8.5,11.5]].
		// stdres = (12−8.5)/sqrt(8.5·0.5·(1−17/40)) = 3.5/sqrt(2.44375) = 2.238925574
		// (python; R chisq.test(matrix(c(12,5,8,15),2),correct=FALSE)$stdres).
		// X² = 5.012787724, p = erfc(sqrt(X²/2)) = 0.025160759.
		res, chi := independence([][]float64{{12, 8, 0}, {5, 15, 0}, {0, 0, 0}})
		checkF(t, "r11", res[0][0], 2.2389255735252047)
		checkF(t, "r12", res[0][1], -2.2389255735252047)
		checkF(t, "r21", res[1][0], -2.2389255735252047)
		checkF(t, "X²", chi.Stat, 5.012787723785166)
		checkF(t, "p", chi.P, 0.025160759200408778)
		if chi.DF != 1 || chi.LowExpected {
			t.Errorf("chi = %+v", chi)
		}
		if !math.IsNaN(res[0][2]) || !math.IsNaN(res[2][0]) {
			t.Error("dropped cells have residuals")
		}
	})
	t.Run("low expected", func(t *testing.T) {
		// [[3,1],[1,3]]: every E = 2 < 5 → 100% of cells, LowExpected.
		_, chi := independence([][]float64{{3, 1}, {1, 3}})
		if !chi.LowExpected {
			t.Error("LowExpected false")
		}
		// X² = 4·(1²/2) = 2, p = erfc(1).
		checkF(t, "X²", chi.Stat, 2)
		checkF(t, "p", chi.P, math.Erfc(1))
	})
	t.Run("degenerate", func(t *testing.T) {
		for _, obs := range [][][]float64{nil, {{5, 5}}, {{5, 0}, {3, 0}}, {{0, 0}, {0, 0}}} {
			_, chi := independence(obs)
			if !math.IsNaN(chi.Stat) || !math.IsNaN(chi.P) || chi.DF != 0 {
				t.Errorf("%v: chi = %+v, want NaN", obs, chi)
			}
		}
	})
}

func TestTwoProp(t *testing.T) {
	for _, c := range []struct {
		name           string
		p1, n1, p2, n2 float64
		want           float64
	}{
		// R: prop.test(c(45,30), c(100,100), correct=FALSE): X² = 4.8, p = 0.02846;
		// z = 0.15/sqrt(0.375·0.625·0.02) = 2.190890230, p = erfc(z/√2) = 0.028459737.
		{"45/100 vs 30/100", 0.45, 100, 0.30, 100, 0.02845973691631057},
		{"symmetric", 0.30, 100, 0.45, 100, 0.02845973691631057},
		// 100/215 vs 80/220: pool 180/435; python erfc(|z|/√2) = 0.031668720.
		{"unequal n", 100.0 / 215, 215, 80.0 / 220, 220, 0.03166871968891905},
		{"equal", 0.5, 60, 0.5, 60, 1},
		{"both 0%", 0, 10, 0, 20, 1},
		{"both 100%", 1, 10, 1, 20, 1},
		{"n unknown", 0.4, 0, 0.5, 100, math.NaN()},
		{"NaN", math.NaN(), 10, 0.5, 100, math.NaN()},
	} {
		t.Run(c.name, func(t *testing.T) { checkF(t, "p", twoProp(c.p1, c.n1, c.p2, c.n2), c.want) })
	}
}

func TestWilson(t *testing.T) {
	for _, c := range []struct {
		name       string
		p, n       float64
		lo, hi     float64
		z          float64
		wantNaNLow bool
	}{
		// R: prop.test(45, 100, correct=FALSE)$conf.int = 0.3561454 0.5475540.
		{name: "45/100", p: 0.45, n: 100, lo: 35.61453797951198, hi: 54.75539700255787},
		// 0/10: lower 0, upper z²/(n+z²) = 3.841459/13.841459 = 27.75328%.
		{name: "0%", p: 0, n: 10, lo: 0, hi: 27.75327998628892},
		// 10/10: lower n/(n+z²) = 72.24672%, upper 100.
		{name: "100%", p: 1, n: 10, lo: 72.24672001371107, hi: 100},
		// 1/1: lower 1/(1+z²) = 20.654931%.
		{name: "base 1", p: 1, n: 1, lo: 20.654931437723747, hi: 100},
		{name: "base 0", p: math.NaN(), n: 0, lo: math.NaN(), hi: math.NaN()},
	} {
		t.Run(c.name, func(t *testing.T) {
			lo, hi := wilson(c.p, c.n, z95)
			checkF(t, "lo", lo, c.lo)
			checkF(t, "hi", hi, c.hi)
		})
	}
}

// TestWilsonExactBounds: at 0% and 100% the bound is exactly 0 or 100, without
// rounding noise (0/7 gave a lower bound of 2.8e-15 before the fix).
func TestWilsonExactBounds(t *testing.T) {
	for _, n := range []float64{1, 3, 7, 22.872702518720203, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			if lo, _ := wilson(0, n, z95); lo != 0 {
				t.Errorf("0/%v: lower %v, want exactly 0", n, lo)
			}
			if _, hi := wilson(1, n, z95); hi != 100 {
				t.Errorf("%v/%v: upper %v, want exactly 100", n, n, hi)
			}
		})
	}
}

func TestQuantileInc(t *testing.T) {
	// Excel QUARTILE.INC({7,15,36,39,40,41}, 1..3) = 20.25, 37.5, 39.75
	// (h = 5p: 1.25 → 15+0.25·21; 2.5 → 36+0.5·3; 3.75 → 39+0.75·1).
	x := []float64{7, 15, 36, 39, 40, 41}
	for _, c := range []struct{ p, want float64 }{{0, 7}, {0.25, 20.25}, {0.5, 37.5}, {0.75, 39.75}, {1, 41}} {
		checkF(t, "quantile", quantileInc(x, c.p), c.want)
	}
	checkF(t, "one value", quantileInc([]float64{3}, 0.25), 3)
	checkF(t, "empty", quantileInc(nil, 0.5), math.NaN())
}

func TestDescribe(t *testing.T) {
	// {7,15,36,39,40,41}: mean 178/6 = 29.6667; sample sd
	// sqrt(Σ(x−m)²/5) = sqrt(1091.333/5) = 14.773850773.
	mean, sd, q1, med, q3, lo, hi := describe([]float64{41, 7, 39, 15, 40, 36})
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"mean", mean, 178.0 / 6}, {"sd", sd, 14.773850773128402}, {"q1", q1, 20.25}, {"median", med, 37.5},
		{"q3", q3, 39.75}, {"min", lo, 7}, {"max", hi, 41}} {
		checkF(t, c.name, c.got, c.want)
	}
	mean, sd, _, med, _, _, _ = describe([]float64{5})
	checkF(t, "n=1 mean", mean, 5)
	checkF(t, "n=1 sd", sd, math.NaN())
	checkF(t, "n=1 median", med, 5)
	mean, _, _, _, _, _, _ = describe(nil)
	checkF(t, "n=0 mean", mean, math.NaN())
}

// FuzzIndependence checks that any table of counts gives residuals that are
// finite or NaN and a p-value in [0, 1] or NaN, without panicking.
func FuzzIndependence(f *testing.F) {
	f.Add(uint8(30), uint8(10), uint8(15), uint8(25), uint8(0), uint8(0))
	f.Add(uint8(0), uint8(0), uint8(0), uint8(0), uint8(1), uint8(0))
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g uint8) {
		res, chi := independence([][]float64{{float64(a), float64(b)}, {float64(c), float64(d)}, {float64(e), float64(g)}})
		for _, row := range res {
			for _, r := range row {
				if math.IsInf(r, 0) {
					t.Fatalf("infinite residual")
				}
			}
		}
		if !math.IsNaN(chi.P) && (chi.P < 0 || chi.P > 1) {
			t.Fatalf("p = %v", chi.P)
		}
	})
}
