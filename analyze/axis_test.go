package analyze

import (
	"math"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"midreview/ingest"
)

// webformCoded reads testdata/batches/webform with its coded responses: Q1
// (近所付き合いの程度) and Q2 (地域活動に参加していますか) are 分析軸.
func webformCoded(t *testing.T) *ingest.Batch {
	t.Helper()
	dir := filepath.Join("..", "testdata", "batches", "webform")
	fsys := fstest.MapFS{}
	for name, path := range map[string]string{
		"definitions.xlsx":     "definitions.xlsx",
		"responses/coded.xlsx": filepath.Join("coded", "coded.xlsx"),
	} {
		data, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Problems {
		t.Fatalf("webform: %v", p)
	}
	return b
}

// TestAxisWebform checks the 分析軸 breakdowns of the webform batch against
// figures computed by hand from its 20 respondents (smallRows in
// internal/batchgen; 秘匿基準 5, 参考値基準 10).
//
// Q1 groups: よくある 7 (S01 S02 S03 S07 S12 S16 S20), ときどき 8 (S04 S05 S09
// S10 S14 S15 S17 S19), ない 4 (S06 S11 S13 S18); S08 has no answer.
// Q2 groups: 参加している 8 (S01 S02 S04 S07 S09 S12 S16 S19), 参加していない 11;
// S14 has no answer.
func TestAxisWebform(t *testing.T) {
	b := webformCoded(t)
	r := Run(b)
	if len(r.Axes) != 2 || r.Axes[0] != (Axis{Question: 3, By: "Q1", Name: "近所付き合いの程度"}) ||
		r.Axes[1] != (Axis{Question: 4, By: "Q2", Name: "地域活動に参加していますか"}) {
		t.Fatalf("Axes = %+v", r.Axes)
	}
	ct := func(q, by string) *Crosstab {
		t.Helper()
		for i := range r.Crosstabs {
			c := &r.Crosstabs[i]
			if c.Survey == Current && b.Questions[c.Question].ID == q && c.By == by {
				return c
			}
		}
		t.Fatalf("no crosstab %s by %s", q, by)
		return nil
	}
	type grp struct {
		name                   string
		base                   int
		suppressed, complement bool
		counts                 []int // choices, then 無回答
	}
	checkGroups := func(c *Crosstab, want []grp) {
		t.Helper()
		if len(c.Groups) != len(want) {
			t.Fatalf("%d groups, want %d", len(c.Groups), len(want))
		}
		for i, w := range want {
			g := c.Groups[i]
			if g.Name != w.name || g.Base != w.base || g.Suppressed != w.suppressed || g.Complement != w.complement {
				t.Errorf("group %d = %s n=%d suppressed=%v complement=%v, want %+v", i, g.Name, g.Base, g.Suppressed, g.Complement, w)
			}
			for j, n := range w.counts {
				if g.Cells[j].Count != n {
					t.Errorf("%s %s: count %d, want %d", w.name, c.Choices[j].Label, g.Cells[j].Count, n)
				}
			}
		}
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}

	// Q4 by Q1. Counts (そう思う … そう思わない, 無回答): よくある 3 3 1 0 0 0,
	// ときどき 2 3 2 0 0 1, ない 0 0 0 2 2 0. ない (n=4 < 5) is suppressed and
	// よくある, the smallest other group, with it; only ときどき keeps its
	// residuals and none reaches ±1.96.
	c := ct("Q4", "Q1")
	checkGroups(c, []grp{
		{"よくある", 7, true, true, []int{3, 3, 1, 0, 0, 0}},
		{"ときどき", 8, false, false, []int{2, 3, 2, 0, 0, 1}},
		{"ない", 4, true, false, []int{0, 0, 0, 2, 2, 0}},
	})
	// Table without 無回答: rows 7, 7, 4; column あまりそう思わない 2; N = 18.
	// E = 7·2/18 = 0.7778; r = (0 − E) / √(E·(1 − 7/18)·(1 − 2/18)) = −1.19659.
	near("Q4×Q1 ときどき あまりそう思わない residual", c.Groups[1].Cells[3].AdjResidual, -1.1965860528261985)
	// χ² over the 3 × 5 table (suppressed rows stay in the test): 18.6857, df 8.
	near("Q4×Q1 χ²", c.Chi.Stat, 18.685714285714283)
	if c.Chi.DF != 8 {
		t.Errorf("Q4×Q1 df = %d, want 8", c.Chi.DF)
	}
	for _, g := range []int{0, 2} {
		for j, cell := range c.Groups[g].Cells {
			if !math.IsNaN(cell.AdjResidual) || cell.Mark != "" {
				t.Errorf("suppressed %s %s: residual %v mark %q, want none", c.Groups[g].Name, c.Choices[j].Label, cell.AdjResidual, cell.Mark)
			}
		}
	}
	near("Q4×Q1 ときどき そう思う %", c.Groups[1].Cells[0].Pct, 25)

	// Q1 by Q2. Counts (よくある, ときどき, ない, 無回答): 参加している 5 3 0 0,
	// 参加していない 2 4 4 1. Without 無回答: rows 8, 10; column ない 4; N = 18.
	// E = 10·4/18 = 2.2222; r = (4 − E) / √(E·(1 − 10/18)·(1 − 4/18)) = 2.02837 ▲,
	// and −2.02837 ▼ for 参加している (whose share 0 is printed －).
	c = ct("Q1", "Q2")
	checkGroups(c, []grp{
		{"参加している", 8, false, false, []int{5, 3, 0, 0}},
		{"参加していない", 11, false, false, []int{2, 4, 4, 1}},
	})
	near("Q1×Q2 参加していない ない residual", c.Groups[1].Cells[2].AdjResidual, 2.0283702113484394)
	near("Q1×Q2 参加している ない residual", c.Groups[0].Cells[2].AdjResidual, -2.0283702113484394)
	if m0, m1 := c.Groups[0].Cells[2].Mark, c.Groups[1].Cells[2].Mark; m0 != "▼" || m1 != "▲" {
		t.Errorf("Q1×Q2 ない marks %q %q, want ▼ ▲", m0, m1)
	}
	near("Q1×Q2 χ²", c.Chi.Stat, 5.2714285714285705)
	near("Q1×Q2 参加していない ない %", c.Groups[1].Cells[2].Pct, 400.0/11)

	// Q3 (asked when Q2 = 1) by Q2: 参加していない has base 0, shown x, and
	// does not make 参加している (n=8) complementary; MA has no residuals.
	// 参加している chose 見守り, 声かけ 5 (S01 S04 S07 S12 S19), 防災 4 (S01 S02
	// S12 S16), 子育て 3 (S04 S09 S12), その他 1 (S12).
	c = ct("Q3", "Q2")
	checkGroups(c, []grp{
		{"参加している", 8, false, false, []int{5, 4, 3, 1, 0}},
		{"参加していない", 0, true, false, []int{0, 0, 0, 0, 0}},
	})
	if c.Chi != nil {
		t.Errorf("Q3×Q2 (MA) has a chi-square test")
	}

	// An axis is not a breakdown of itself; the 地区 question has 全体 only.
	for _, x := range r.Crosstabs {
		q := b.Questions[x.Question].ID
		if q == x.By || q == "F1" && x.By != ByAll {
			t.Errorf("crosstab %s by %s", q, x.By)
		}
	}

	// summary.csv by Q1: Q4 scores (5…1) of ときどき: 5 5 4 4 4 3 3 → mean 4, n 7.
	for _, s := range r.Summaries {
		if b.Questions[s.Question].ID == "Q4" && s.By == "Q1" && s.Group == "ときどき" {
			if s.N != 7 || s.Mean != 4 || s.Suppressed {
				t.Errorf("Q4 by Q1 ときどき summary = %+v, want n 7 mean 4", s)
			}
		}
	}

	// Findings name the axis and its groups: Q1's ない ▲ among 参加していない
	// (n=11 ≥ 参考値基準), never 参加している (n=8, 参考値).
	found := false
	for _, f := range r.Findings {
		if f.Rule == RuleGroups && f.Target == "Q1" && len(f.Words) == 2 && f.Words[0] == "Q2" {
			found = true
			if f.Words[1] != "地域活動に参加していますか" || len(f.Figures) != 1 || f.Figures[0].Group != "参加していない" ||
				f.Figures[0].Value != 36.4 || f.Figures[0].Mark != "▲" {
				t.Errorf("finding %+v", f)
			}
		}
	}
	if !found {
		t.Error("no finding for Q1 by Q2")
	}
}
