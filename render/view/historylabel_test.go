package view

import "testing"

// TestHistoryLabel: a past point of 指標の推移 is named by its year beside its
// survey's name, so that a review keeping one survey name tells the years
// apart (reader review 4, item 5: cycle printed 「策定時｜テスト調査｜今回」
// with 「今回」 also テスト調査).
func TestHistoryLabel(t *testing.T) {
	for _, c := range []struct{ point, date, want string }{
		{"策定時", "", "策定時"},
		{"今回", "2026-11-01", "今回"},
		{"テスト調査", "2025-11-01", "2025年（テスト調査）"},
		{"区民アンケート", "2027-06-30", "2027年（区民アンケート）"},
		{"テスト調査", "", "テスト調査"},
		{"テスト調査", "令和7年", "テスト調査"},
	} {
		if got := HistoryLabel(c.point, c.date); got != c.want {
			t.Errorf("HistoryLabel(%q, %q) = %q, want %q", c.point, c.date, got, c.want)
		}
	}
}
