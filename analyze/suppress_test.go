package analyze

import (
	"fmt"
	"testing"
)

func TestSuppress(t *testing.T) {
	// s = primary, c = complementary, r = reference only, . = shown (秘匿基準 10,
	// 参考値基準 30).
	for _, c := range []struct {
		name  string
		bases []int
		all   bool
		want  string
	}{
		{"none", []int{40, 50, 60}, false, "..."},
		{"one primary, smallest other", []int{40, 5, 35, 60}, false, ".sc."},
		{"tie: first in order", []int{40, 5, 40, 60}, false, "cs.."},
		{"two primaries: no complement", []int{40, 5, 3, 60}, false, ".ss."},
		{"base 0 is primary but protects nothing", []int{40, 0, 35}, false, ".s."},
		{"base 0 does not shield the other primary", []int{40, 5, 0, 35}, false, ".ssc"},
		{"two primaries besides base 0: no complement", []int{40, 5, 0, 3}, false, ".sss"},
		{"complement may be a reference group", []int{40, 9, 12}, false, ".sc"},
		{"single group", []int{5}, false, "s"},
		{"全体 is never complementary", []int{5}, true, "s"},
		{"全体 shown", []int{12}, true, "r"},
		{"boundary: 10 shown, 30 not reference", []int{10, 30}, false, "r."},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			for _, f := range suppress(c.bases, 10, 30, c.all) {
				switch {
				case f.Complement && f.Suppressed:
					got += "c"
				case f.Suppressed:
					got += "s"
				case f.Reference:
					got += "r"
				default:
					got += "."
				}
			}
			if got != c.want {
				t.Errorf("suppress(%v) = %s, want %s", c.bases, got, c.want)
			}
		})
	}
	// The complementary group keeps its own reference flag.
	f := suppress([]int{40, 9, 12}, 10, 30, false)
	if fmt.Sprint(f[2]) != fmt.Sprint(flags{Suppressed: true, Complement: true, Reference: true}) {
		t.Errorf("complement flags = %+v", f[2])
	}
}
