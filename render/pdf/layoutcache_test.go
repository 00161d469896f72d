package pdf

import (
	"bytes"
	"slices"
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

// TestOneLine: where oneLine answers, it answers as wrapText: texts of the
// demo's kinds cut at every length, at widths around their own.
func TestOneLine(t *testing.T) {
	reg, bold, ok := EmbeddedFont()
	if !ok {
		t.Skip("no embedded font")
	}
	rw, _ := faceWidths(reg)
	bw, _ := faceWidths(bold)
	d := &pdfDoc{regular: rw, bold: bw}
	texts := []string{"12.3", "そう思う（計）", "  前後に空白  ", "", "a\nb", "改行\r\nあり", "地域の活動に参加している人の割合（％）",
		"NPO・ボランティア団体", "1,234人", "x", "　全角空白　", "bad\xffutf8"}
	n := 0
	for _, style := range []string{"", "B"} {
		for _, size := range []float64{7.5, 8, 8.5, 10} {
			d.style, d.size = style, size
			for _, s := range texts {
				rs := []rune(s)
				for cut := 0; cut <= len(rs); cut++ {
					s := string(rs[:cut])
					full := d.width(s)
					for _, width := range []float64{0, full - 1e-6, full, full + 1e-12, full + 1, full / 2} {
						got, ok := d.oneLine(s, width)
						if !ok {
							continue
						}
						n++
						if want := wrapText(s, width, d.width); !slices.Equal(got, want) {
							t.Errorf("%q at %g (%s %g): oneLine %q, wrapText %q", s, width, style, size, got, want)
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("oneLine never answered")
	}
}
