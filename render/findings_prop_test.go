package render_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"regexp"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render"
)

// TestFindingsProperty runs random sample batches (seeded, so deterministic)
// and parses data/findings.csv back: every number in every sentence is one of
// its basis figures as printed, every figure equals the crosstab, trend or
// indicator value it names rounded by analyze.Round1, and no sentence with a
// percentage names a group suppressed in the question it is about.
func TestFindingsProperty(t *testing.T) {
	number := regexp.MustCompile(`[0-9][0-9,]*(?:\.[0-9]+)?`)
	for _, seed := range []int64{2, 3, 5} {
		fsys, err := batchgen.SampleFS(batchgen.Options{Respondents: 150 + int(seed)*120, Hearings: 6, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		b, err := ingest.Read(fsys)
		if err != nil {
			t.Fatal(err)
		}
		res := analyze.Run(b)
		var buf bytes.Buffer
		if err := render.FindingsCSV(&buf, res); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) < 10 {
			t.Fatalf("seed %d: only %d findings", seed, len(recs)-1)
		}
		// Each finding in order is one CSV row (Passages keeps the order within a place).
		var fs []analyze.Finding
		for _, p := range render.Passages(res.Findings) {
			for _, s := range p.Sentences {
				for _, f := range res.Findings {
					if f.Place == p.Place && f.Target == p.Target && f.District == p.District && render.SentenceText(f) == s.Text {
						fs = append(fs, f)
						break
					}
				}
			}
		}
		if len(fs) != len(recs)-1 {
			t.Fatalf("seed %d: %d findings for %d rows", seed, len(fs), len(recs)-1)
		}
		for i, r := range recs[1:] {
			text, basis, f := r[4], r[5], fs[i]
			printed := map[string]bool{"100": true, "95": true} // wording: the MA note, the 95% margin
			for _, g := range f.Figures {
				printed[render.OneDecimal(math.Abs(g.Value))] = true
				printed[render.Thousands(int(g.Value))] = true
				if !strings.Contains(basis, strings.TrimPrefix(render.OneDecimal(math.Abs(g.Value)), "-")) && g.Decimals == 1 {
					t.Errorf("seed %d: basis %q lacks %v", seed, basis, g.Value)
				}
				checkFigure(t, res, g)
			}
			for _, n := range number.FindAllString(strings.NewReplacer(f.Subject, "", "n=", "").Replace(text), -1) {
				if !printed[n] && !labelHolds(f, text, n) {
					t.Errorf("seed %d: %q in %q is none of its figures", seed, n, text)
				}
			}
			if strings.Contains(text, "%") && f.Place == analyze.PlaceQuestion {
				for _, c := range res.Crosstabs {
					if c.Survey != analyze.Current || b.Questions[c.Question].ID != f.Target || c.By == analyze.ByAll {
						continue
					}
					for _, g := range c.Groups {
						if g.Suppressed && strings.Contains(text, "、"+g.Name+"（") || g.Suppressed && strings.Contains(text, "は"+g.Name+"（") {
							t.Errorf("seed %d: %q names suppressed group %s", seed, text, g.Name)
						}
					}
				}
			}
		}
	}
}

// labelHolds reports whether n is part of a label or group name the sentence
// quotes (a choice such as 「10・20歳代」), not a figure.
func labelHolds(f analyze.Finding, text, n string) bool {
	for _, g := range f.Figures {
		if strings.Contains(g.Label, n) || strings.Contains(g.Group, n) {
			return true
		}
	}
	for _, w := range f.Words {
		if strings.Contains(w, n) {
			return true
		}
	}
	return false
}

// checkFigure compares a finding's figure with the result it names.
func checkFigure(t *testing.T, res *analyze.Results, g analyze.FindingFig) {
	t.Helper()
	b := res.Batch
	want, found := math.NaN(), false
	switch g.Source {
	case analyze.SrcCrosstab:
		for _, c := range res.Crosstabs {
			if c.Survey != analyze.Current || c.By != g.By || b.Questions[c.Question].ID != g.Item {
				continue
			}
			for _, gr := range c.Groups {
				for j, h := range c.Choices {
					if gr.Name == g.Group && h.Code == g.Code {
						found = true
						want = 100 * float64(gr.Cells[j].Count) / float64(gr.Base)
						if g.Measure == analyze.MeasureWeightedPct {
							want = gr.Cells[j].WeightedPct
						}
					}
				}
			}
		}
	case analyze.SrcTrend:
		for _, tr := range res.Trends {
			if tr.By == g.By && tr.Group == g.Group && tr.Code == g.Code && b.Questions[tr.Question].ID == g.Item {
				found = true
				switch g.Measure {
				case analyze.MeasureBaselinePct:
					want = tr.BaselinePct
				case analyze.MeasureCurrentPct:
					want = tr.CurrentPct
				default:
					want = tr.DiffPt
				}
			}
		}
	case analyze.SrcInd:
		for _, ir := range res.Indicators {
			ind := b.Indicators[ir.Indicator]
			if ind.ID == g.Item && ir.Group == g.Group {
				found = true
				switch g.Measure {
				case analyze.MeasureBaseline:
					want = ir.Baseline
				case analyze.MeasureCurrent:
					want = ir.Current
				default:
					want = ind.Target
				}
			}
		}
	default:
		return
	}
	if !found || analyze.Round1(want) != g.Value {
		t.Errorf("figure %+v: published %v (found %v)", g, analyze.Round1(want), found)
	}
}
