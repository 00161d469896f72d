package analyze

import (
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// TestOrgRatingsBestRating: a district's hearing sentence states how many
// organizations gave an item's best rating (the scale's first), like the
// ward's summary, never its most frequent one: 綱島 said 「4団体中2団体が
// 「ある程度できている」」, a middle answer alone.
func TestOrgRatingsBestRating(t *testing.T) {
	b := demoBatch(t)
	r := Run(b)
	first := map[string]string{} // item ID → its scale's first label
	for i := range r.Hearings.Ratings {
		h := &r.Hearings.Ratings[i]
		id := b.HearingItems[h.Item].ID
		if _, ok := first[id]; !ok && h.By == ByAll {
			first[id] = h.Label
		}
	}
	n := 0
	for _, f := range r.Findings {
		if f.Rule != RuleOrgRatings {
			continue
		}
		for i := 0; i+3 < len(f.Figures); i += 4 {
			n++
			d, w := f.Figures[i+1], f.Figures[i+3]
			if d.Label != first[d.Item] || w.Label != d.Label {
				t.Errorf("%s %s: %q (ward %q), want the best rating %q", d.Group, d.Item, d.Label, w.Label, first[d.Item])
			}
		}
	}
	if n == 0 {
		t.Fatal("no district hearing sentence in the demo")
	}
}

// TestHardQuotesOneVoice: a category's quotes in one group never print the
// same voice twice (linkage.pdf p.6 quoted 「日吉本町一丁目の空き家が増え
// ているが…」 and 「…日吉本町一丁目の空き家が増えているが…」, whose 同じ声 said 2).
func TestHardQuotesOneVoice(t *testing.T) {
	b := demoBatch(t)
	hr := Run(b).Hard
	type key struct {
		group string
		cat   int
		voice string
	}
	seen := map[key]bool{}
	for _, q := range hr.Quotes {
		k := key{q.Group, q.Category, hr.Issues[q.Issue].VoiceKey()}
		if seen[k] {
			t.Errorf("group %q, category %d: the voice %q quoted twice", q.Group, q.Category, hr.Issues[q.Issue].Quoted())
		}
		seen[k] = true
	}
	if len(seen) == 0 {
		t.Fatal("no ハード quote in the demo")
	}
}

// demoBatch reads the demo (the sample batch with its defaults).
func demoBatch(t *testing.T) *ingest.Batch {
	t.Helper()
	fsys, err := batchgen.SampleFS(batchgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
