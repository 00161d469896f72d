package render

import (
	"strings"
	"testing"
)

// TestProgressHardOnce: an initiative whose ハード text is its 課題 text
// (the demo's 13 physical issues, P17 「菊名集会所の段差が大きく…」) prints
// it once, on the 課題 line marked ハード面, in the PDF and on the web.
func TestProgressHardOnce(t *testing.T) {
	v := demoView(t)
	marked := 0
	for _, m := range []Medium{Print, Web} {
		for _, d := range append([]string{""}, v.Districts...) {
			for _, b := range flatBlocks(compose(v, d, (*composer).progress), m) {
				r, ok := b.(Record)
				if !ok {
					continue
				}
				seen := map[string]bool{}
				for _, tx := range r.Texts {
					_, body, _ := strings.Cut(tx, "：")
					if seen[body] {
						t.Errorf("%s %q: %q printed twice", d, r.Title, body)
					}
					seen[body] = true
					if strings.HasPrefix(tx, "課題（") && strings.Contains(tx, "・ハード面）") {
						marked++
					}
				}
			}
		}
	}
	if marked == 0 {
		t.Error("no 課題 line marked ハード面 in the demo")
	}
}
