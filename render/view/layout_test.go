package view

import "testing"

// TestWalk checks that walk draws the blocks of an Only for the medium in
// their place and skips the other medium's.
func TestWalk(t *testing.T) {
	bs := []Block{Para{Text: "a"}, PrintOnly(Para{Text: "p"}, WebOnly(Para{Text: "never"})), WebOnly(Para{Text: "w"}), Para{Text: "z"}}
	for _, tc := range []struct {
		m    Medium
		want string
	}{{Print, "apz"}, {Web, "awz"}} {
		var got string
		Walk(bs, tc.m, func(b Block) { got += b.(Para).Text })
		if got != tc.want {
			t.Errorf("walk(%d) = %q, want %q", tc.m, got, tc.want)
		}
	}
}
