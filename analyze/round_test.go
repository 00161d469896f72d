package analyze

import (
	"math"
	"testing"
)

func TestRound1(t *testing.T) {
	for _, c := range []struct {
		name    string
		v, want float64
	}{
		{"half up", 0.05, 0.1},
		{"0.15 is 0.1499… in binary", 0.15, 0.2},
		{"2.675 is 2.67499… in binary", 2.675, 2.7},
		{"negative half away from zero", -0.05, -0.1},
		{"exact binary half", 12.25, 12.3},
		{"carry into the units", 99.95, 100},
		{"0.1+0.2 artefact", 0.1 + 0.2, 0.3},
		{"0.7-0.4 artefact", 0.7 - 0.4, 0.3},
		{"just under a half", 12.2499, 12.2},
		{"59.95", 59.95, 60},
		{"59.94", 59.94, 59.9},
		{"-3.05", -3.05, -3.1},
		{"small positive to zero", 0.04, 0},
		{"count/base 1/8", 100 * 1.0 / 8, 12.5},
		{"count/base 1/3", 100 * 1.0 / 3, 33.3},
		{"count/base 2/3", 100 * 2.0 / 3, 66.7},
		{"huge is unchanged", 1e15 + 0.25, 1e15 + 0.25},
	} {
		got := Round1(c.v)
		if got != c.want {
			t.Errorf("%s: Round1(%v) = %v, want %v", c.name, c.v, got, c.want)
		}
	}
	if got := Round1(-0.04); got != 0 || math.Signbit(got) {
		t.Errorf("Round1(-0.04) = %v, want +0", got)
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := Round1(v); !(got == v || math.IsNaN(got) && math.IsNaN(v)) {
			t.Errorf("Round1(%v) = %v, want it unchanged", v, got)
		}
	}
}

// TestRound1Percentages checks Round1 against exact integer rounding of
// 1000·count/base for every count of every base up to 2,000.
func TestRound1Percentages(t *testing.T) {
	for base := 1; base <= 2000; base++ {
		for count := 0; count <= base; count++ {
			tenths := (2000*int64(count) + int64(base)) / (2 * int64(base))
			want := float64(tenths) / 10
			if got := Round1(100 * float64(count) / float64(base)); got != want {
				t.Fatalf("Round1(100·%d/%d) = %v, want %v", count, base, got, want)
			}
		}
	}
}

// TestPointDiff checks the one rule for differences: the printed figures'
// difference, never the unrounded one rounded.
func TestPointDiff(t *testing.T) {
	for _, c := range []struct {
		name           string
		from, to, want float64
	}{
		// The cases: 28.2 vs 32.8 printed, unrounded gives -4.7.
		{"district top 28.2 − 32.8", 32.84, 28.16, -4.6},
		{"29.8 → 36.9 is 7.1", 29.84, 36.94, 7.1},
		{"17.4 → 21.1 is 3.7", 17.44, 21.06, 3.7},
		{"13.6 → 13.5 is -0.1 (diff printed 0.0)", 13.55, 13.54, -0.1},
		{"no binary remainder", 29.8, 36.9, 7.1},
		{"same printed figure", 45.04, 44.96, 0},
		{"half rounds up on both sides", 12.25, 12.35, 0.1},
	} {
		if got := PointDiff(c.from, c.to); got != c.want || math.Signbit(got) && got == 0 {
			t.Errorf("%s: PointDiff(%v, %v) = %v, want %v", c.name, c.from, c.to, got, c.want)
		}
		if got := PointDiff(c.from, c.to); got != Round1(Round1(c.to)-Round1(c.from)) {
			t.Errorf("%s: not the printed figures' difference", c.name)
		}
	}
	for _, c := range [][2]float64{{math.NaN(), 1}, {1, math.NaN()}, {math.Inf(1), 1}} {
		if got := PointDiff(c[0], c[1]); !math.IsNaN(got) {
			t.Errorf("PointDiff(%v, %v) = %v, want NaN", c[0], c[1], got)
		}
	}
}
