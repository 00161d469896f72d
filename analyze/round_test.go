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
