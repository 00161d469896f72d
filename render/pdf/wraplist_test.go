package pdf

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestWrapList: a list joined by 「、」 breaks only after 「、」, an item and
// its count kept on one line (reader report 5, item 6: 「…車いす（15）、世代」 /
// 「（12）、少ない（12）」); an item longer than a line is wrapped alone.
func TestWrapList(t *testing.T) {
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	s := "車いす（15）、世代（12）、少ない（12）"
	// wrapText at 10 runes splits 「世代」 from its count.
	if got := wrapText(s, 10, measure); slices.Equal(got, []string{"車いす（15）、", "世代（12）、", "少ない（12）"}) {
		t.Fatalf("fixture: wrapText already keeps the items whole: %q", got)
	}
	for _, c := range []struct {
		s     string
		width float64
		want  []string
	}{
		{s, 10, []string{"車いす（15）、", "世代（12）、", "少ない（12）"}},
		{s, 14, []string{"車いす（15）、", "世代（12）、少ない（12）"}},
		{s, 30, []string{s}},
		{"地域福祉保健計画推進（3）、あ（1）", 6, []string{"地域福祉保健", "計画推進", "（3）、", "あ（1）"}},
		{"", 10, []string{""}},
	} {
		got := wrapList(c.s, c.width, measure)
		if !slices.Equal(got, c.want) {
			t.Errorf("wrapList(%q, %v) = %q, want %q", c.s, c.width, got, c.want)
		}
		for i, l := range got {
			if measure(l) > c.width && utf8.RuneCountInString(l) > 1 {
				t.Errorf("wrapList(%q, %v): line %d %q is wider than %v", c.s, c.width, i, l, c.width)
			}
		}
	}
}
