package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render/view"
)

// TestFindingsReadAsAReport checks, on every testdata batch and the demo,
// what issue 24 asks of the findings as a committee reads them: no finding is
// about an attribute question; none singles out a weak or middle answer or
// 無回答 (the answer a statement is about: its first figure, and every figure
// of a change, a difference or a group comparison); no percentage of
// organizations (they are counted); no sentence is printed twice; and
// 結果の概要 has a sentence on the hearings whenever there are organizations
// and names every initiative delayed or under review (見直し) in the latest
// year whenever progress/ has records.
func TestFindingsReadAsAReport(t *testing.T) {
	type named struct {
		name string
		b    *ingest.Batch
	}
	var bs []named
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "batches", "*"))
	for _, d := range dirs {
		b, err := ingest.Read(os.DirFS(d))
		if err != nil {
			t.Fatal(err)
		}
		bs = append(bs, named{filepath.Base(d), b})
	}
	fsys, err := batchgen.SampleFS(batchgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	demo, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	bs = append(bs, named{"demo", demo})
	for _, nb := range bs {
		t.Run(nb.name, func(t *testing.T) {
			b := nb.b
			res := analyze.Run(b)
			attr := map[string]bool{}
			for _, q := range b.Questions {
				if q.Attr != ingest.AttrNone {
					attr[q.ID], attr[strings.TrimRight(q.Text, "。．")] = true, true
				}
			}
			for _, f := range res.Findings {
				where := f.Place + " " + f.Target + " " + f.District + " " + f.Rule
				if attr[f.Target] || attr[strings.TrimRight(f.Subject, "。．")] {
					t.Errorf("%s: a finding about an attribute question", where)
				}
				for j, g := range f.Figures {
					if attr[g.Item] {
						t.Errorf("%s: figure of the attribute question %s", where, g.Item)
					}
					switch f.Rule {
					case analyze.RuleLeading, analyze.RuleAllEqual, analyze.RuleComments, analyze.RuleNoChange:
						if j > 0 {
							continue // listed in order after the leading one, not singled out
						}
					}
					if g.Label != "" && analyze.WeakLabel(g.Label) {
						t.Errorf("%s: singles out %q", where, g.Label)
					}
					if (g.Source == analyze.SrcRatings || g.Source == analyze.SrcOrgs) && g.Measure == analyze.MeasurePct {
						t.Errorf("%s: a percentage of organizations", where)
					}
				}
			}
			v := view.Build(res)
			seen := map[string]string{}
			var summary []string
			for _, p := range v.Passages {
				for _, s := range p.Sentences {
					at := p.Place + " " + p.Target + " " + p.District
					if prev, ok := seen[s.Text]; ok {
						t.Errorf("printed twice (%s and %s): %s", prev, at, s.Text)
					}
					seen[s.Text] = at
					if p.Place == analyze.PlaceSummary {
						summary = append(summary, s.Text)
					}
				}
			}
			// Nor does 概要 repeat a later sentence behind 「…」では、.
			for text, at := range seen {
				if strings.HasPrefix(at, analyze.PlaceSummary) {
					continue
				}
				for _, st := range summary {
					if strings.HasSuffix(st, "では、"+text) {
						t.Errorf("概要 repeats %s: %s", at, st)
					}
				}
			}
			all := strings.Join(summary, "\n")
			if len(b.Hearings) > 0 && len(summary) > 0 && !strings.Contains(all, "団体ヒアリング") {
				t.Errorf("結果の概要 says nothing of the hearings:\n%s", all)
			}
			if pr := res.Progress; pr != nil && len(summary) > 0 {
				latest := pr.Years[len(pr.Years)-1]
				for _, ip := range pr.Initiatives {
					if ip.Latest < 0 {
						continue
					}
					rec := ip.Records[ip.Latest]
					delayed := strings.Contains(rec.Label, "遅れ") || rec.Next == "見直し" ||
						(rec.Rating >= 0 && rec.Rating >= (len(pr.Labels)+1)/2)
					if rec.Year == latest && delayed {
						if name := b.Initiatives[ip.Initiative].Name; !strings.Contains(all, "「"+name+"」") {
							t.Errorf("結果の概要 does not name %s (%s, %s)", name, rec.Label, rec.Next)
						}
					}
				}
			}
		})
	}
}
