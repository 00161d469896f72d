package render

import (
	"testing"

	"midreview/render/view"
)

// TestFreeTextQuotedOnce: 自由記述 quotes each answer once across the theme
// and district lists (the demo printed R000136 under 相談・支援, 健康 and
// 綱島), in the PDF and on the web.
func TestFreeTextQuotedOnce(t *testing.T) {
	v := demoView(t)
	quotes := map[string]bool{}
	for _, g := range v.FreeText.Quotes {
		for _, it := range g.Items {
			quotes[it] = true
		}
	}
	if len(quotes) < 20 {
		t.Fatalf("demo has %d quotes, want the 自由記述 lists", len(quotes))
	}
	for _, m := range []view.Medium{view.Print, view.Web} {
		seen := map[string]int{}
		for _, b := range flatBlocks(view.WardReport(v), m) {
			var items []string
			switch b := b.(type) {
			case view.Bullets:
				items = b.Items
			case view.Comments:
				for _, g := range b.Groups {
					items = append(items, g.Items...)
				}
			}
			for _, it := range items {
				if quotes[it] {
					seen[it]++
				}
			}
		}
		if len(seen) < len(quotes) {
			t.Errorf("medium %v: %d of %d quotes printed", m, len(seen), len(quotes))
		}
		for q, n := range seen {
			if n > 1 {
				t.Errorf("medium %v: %q quoted %d times", m, q, n)
			}
		}
	}
}
