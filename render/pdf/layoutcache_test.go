package pdf

import (
	"bytes"
	"testing"
)

// TestSharedLayout: the demo's handouts are byte for byte the same whether
// each lays out alone or with the lines and widths the others computed
// (written twice, the second time every text's layout is shared).
func TestSharedLayout(t *testing.T) {
	if _, _, ok := EmbeddedFont(); !ok {
		t.Skip("no embedded font")
	}
	v := demoView(t)
	shareLayout = false
	alone := handouts(t, v)
	shareLayout = true
	defer func() { shareLayout = true }()
	layoutsMu.Lock()
	clear(layouts)
	layoutsMu.Unlock()
	handouts(t, v)
	shared := handouts(t, v)
	for name, b := range alone {
		if !bytes.Equal(shared[name], b) {
			t.Errorf("%s: the shared layout changes the output", name)
		}
	}
	if len(shared) != len(alone) {
		t.Errorf("%d handouts, want %d", len(shared), len(alone))
	}
	n := 0
	for _, l := range layouts {
		n += int(l.n.Load())
	}
	if n == 0 {
		t.Error("nothing shared")
	}
}

// TestChoiceKey: no two lists of heads share a key.
func TestChoiceKey(t *testing.T) {
	cols := func(heads ...string) []tcol {
		var cs []tcol
		for _, h := range heads {
			cs = append(cs, tcol{head: h})
		}
		return cs
	}
	for _, c := range [][2][]tcol{
		{cols("ab", "c"), cols("a", "bc")},
		{cols("1:a"), cols("1", "a")},
		{cols(""), cols()},
		{cols("", ""), cols("")},
	} {
		if choiceKeyOf(c[0], 100, 8) == choiceKeyOf(c[1], 100, 8) {
			t.Errorf("%v and %v share a key", c[0], c[1])
		}
	}
	if choiceKeyOf(cols("a"), 100, 8) == choiceKeyOf(cols("a"), 100, 8.5) {
		t.Error("the size is not in the key")
	}
}
