package analyze

// A flags says how one group of a breakdown may be published.
type flags struct {
	Suppressed bool // primary or complementary 秘匿
	Complement bool // suppressed only to protect another group
	Reference  bool // base < 参考値基準
}

// suppress returns the publication flags of the groups of one breakdown, given
// their bases (outputs.md, crosstab.csv suppressed):
//   - primary: base < suppressBelow;
//   - complementary: when exactly one group of a breakdown other than 全体 is
//     primary-suppressed with a base above 0, the smallest other group by base (the first in order on
//     ties) is suppressed too, so the hidden figures cannot be recovered as 全体
//     minus the rest;
//   - reference: base < referenceBelow.
//
// all reports whether the breakdown is 全体, which is never suppressed to protect
// another group.
//
// Note: 地区不明 counts as a group here: its figures are published, so it takes part
// in the subtraction an attacker would do. The same function serves crosstabs,
// summaries, trends and indicators, so one group is hidden the same way everywhere.
func suppress(bases []int, suppressBelow, referenceBelow int, all bool) []flags {
	f := make([]flags, len(bases))
	primary, which := 0, -1
	for i, n := range bases {
		f[i].Reference = n < referenceBelow
		if n < suppressBelow {
			f[i].Suppressed = true
			// Note: a group with base 0 hides nothing (its n, 0, is printed and
			// every count is known to be 0), so it neither protects another
			// primary group nor needs protecting: [40, 5, 0] must still hide a
			// complement, or the 5 is 全体 minus 40; [40, 0, 35] needs none.
			if n > 0 {
				primary++
				which = i
			}
		}
	}
	if all || primary != 1 {
		return f
	}
	best := -1
	for i, n := range bases {
		if i == which || f[i].Suppressed {
			continue
		}
		if best < 0 || n < bases[best] {
			best = i
		}
	}
	if best >= 0 {
		f[best].Suppressed = true
		f[best].Complement = true
	}
	return f
}
