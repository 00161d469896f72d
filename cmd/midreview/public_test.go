package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
)

// TestPublicNoLeak runs the demo batch, a sample with several small districts
// and the committed test batches with the formats for residents, and checks
// what is published to them (web/, opendata/; outputs.md "What is published
// to residents") against what data/ holds for the committee:
//   - every group suppressed in data/crosstab.csv (primary or complementary)
//     has no count and no percentage in opendata/crosstab.csv, and only x in
//     every web table and chart of its question;
//   - no free text appears unmasked: a raw answer or hearing comment that
//     masking changed is nowhere in web/ or opendata/;
//   - no hearing organization is named (設定 団体名の公開 defaults to しない).
func TestPublicNoLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("runs five batches")
	}
	type tc struct {
		name, batch string
		args        []string
		wantSupp    bool // the batch has suppressed groups
	}
	demo := filepath.Join(t.TempDir(), "demo")
	if err := batchgen.Sample(demo, batchgen.Options{}); err != nil {
		t.Fatal(err)
	}
	smallDistricts := filepath.Join(t.TempDir(), "small-districts")
	if err := batchgen.Sample(smallDistricts, batchgen.Options{Respondents: 180, Hearings: 10, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	td := filepath.Join("..", "..", "testdata", "batches")
	cases := []tc{
		{"demo", demo, nil, false}, // Note: its smallest district has 74 respondents
		{"small-districts", smallDistricts, nil, true},
		{"small", filepath.Join(td, "small"), nil, false},
		{"messy", filepath.Join(td, "messy"), []string{"-allow-errors"}, false},
		{"cycle", filepath.Join(td, "cycle"), nil, false},
		{"progress", filepath.Join(td, "progress"), nil, false},
		{"hard", filepath.Join(td, "hard"), nil, true},
		{"webform", webformDir(t), nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code := 0
			args := append([]string{"run", "-batch", c.batch, "-out", out, "-formats", "csv,web,opendata"}, c.args...)
			e2eMustRun(t, code, args...)
			pub := publicFiles(t, out)
			if len(pub) == 0 {
				t.Fatal("nothing in web/ or opendata/")
			}
			n := checkSuppressed(t, out, pub)
			if c.wantSupp && n == 0 {
				t.Error("no suppressed group in data/crosstab.csv: the batch tests nothing")
			}
			if h := checkHardCounts(t, out, pub); h > 0 {
				t.Logf("%d hidden hard counts checked", h)
			} else if c.name == "hard" {
				t.Error("no hidden count in opendata/hard_counts.csv: the batch tests nothing")
			}
			t.Logf("%d suppressed groups checked in %d public files", n, len(pub))
			checkUnmasked(t, c.batch, pub)
		})
	}
}

// publicFiles reads every file of web/ and opendata/.
func publicFiles(t *testing.T, out string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, d := range []string{"web", "opendata"} {
		for p, data := range readTree(t, filepath.Join(out, d)) {
			files[d+"/"+p] = string(data)
		}
	}
	return files
}

var (
	pubTable = regexp.MustCompile(`(?s)<caption id="t\d+">表\d+　(.*?)</caption>(.*?)</table>`)
	pubRow   = regexp.MustCompile(`(?s)<tr><th scope="row">(.*?)</th>(.*?)</tr>`)
	pubCell  = regexp.MustCompile(`<td[^>]*>(.*?)</td>`)
	pubAlt   = regexp.MustCompile(`<svg role="img" aria-label="([^"]*)"`)
)

// checkSuppressed compares the public files with data/crosstab.csv's
// suppressed rows and returns how many suppressed groups it checked.
func checkSuppressed(t *testing.T, out string, pub map[string]string) int {
	t.Helper()
	type key struct{ q, by, group string }
	supp := map[key]bool{}
	byQ := map[string]map[string]bool{} // question → suppressed groups of 全体 and 地区
	for _, r := range e2eReadCSV(t, filepath.Join(out, "data", "crosstab.csv")).rows {
		if r["survey"] != "current" || r["suppressed"] != "true" || r["base"] == "0" {
			continue // a group of no respondent is printed －, not x (view.Shown)
		}
		supp[key{r["question_id"], r["by"], r["group"]}] = true
		if r["by"] == analyze.ByDistrict || r["by"] == analyze.ByAll {
			if byQ[r["question_id"]] == nil {
				byQ[r["question_id"]] = map[string]bool{}
			}
			byQ[r["question_id"]][r["group"]] = true
		}
	}
	// opendata/crosstab.csv: the same groups flagged, with no figure.
	if _, ok := pub["opendata/crosstab.csv"]; ok {
		flagged := map[key]bool{}
		for _, r := range e2eReadCSV(t, filepath.Join(out, "opendata", "crosstab.csv")).rows {
			k := key{r["設問ID"], r["集計区分"], r["区分"]}
			if r["秘匿"] == "1" {
				flagged[k] = true
			}
			if supp[k] && (r["回答数（人）"] != "" || r["割合（%）"] != "" || r["全体との比較"] != "" || r["秘匿"] != "1") {
				t.Errorf("opendata/crosstab.csv: suppressed %v published: %v", k, r)
			}
		}
		for k := range supp {
			if !flagged[k] {
				t.Errorf("opendata/crosstab.csv: suppressed %v not flagged", k)
			}
		}
		for k := range flagged {
			if !supp[k] {
				t.Errorf("opendata/crosstab.csv: %v flagged but not suppressed in data/", k)
			}
		}
	}
	for _, name := range []string{"opendata/summary.csv", "opendata/indicators.csv"} {
		if _, ok := pub[name]; !ok {
			continue
		}
		tb := e2eReadCSV(t, filepath.Join(out, filepath.FromSlash(name)))
		for _, r := range tb.rows {
			if r["秘匿"] != "1" {
				continue
			}
			for _, h := range tb.header {
				if strings.Contains(h, "（%）") && !strings.HasPrefix(h, "前回") && !strings.HasPrefix(h, "目標") || h == "平均" || h == "標準偏差" || h == "中央値" || h == "最小" || h == "最大" {
					if r[h] != "" {
						t.Errorf("%s: suppressed row has %s = %q: %v", name, h, r[h], r)
					}
				}
			}
		}
	}
	// Web pages: in every table and chart of a question, a suppressed group's
	// figures are x (its n may show).
	for p, s := range pub {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range pubTable.FindAllStringSubmatch(s, -1) {
			caption, body := m[1], m[2]
			q, _, ok := strings.Cut(caption, "　")
			if !ok || byQ[q] == nil {
				continue
			}
			if strings.Contains(caption, "前回との比較") {
				continue // 全体 only, never suppressed
			}
			for _, r := range pubRow.FindAllStringSubmatch(body, -1) {
				g := strings.TrimSuffix(r[1], "（参考値）")
				if !byQ[q][g] {
					continue
				}
				cells := pubCell.FindAllStringSubmatch(r[2], -1)
				for i, c := range cells {
					if i == 0 {
						continue // n
					}
					if c[1] != "x" {
						t.Errorf("%s: table %q: suppressed %s shows %q", p, caption, g, c[1])
					}
				}
			}
		}
		for _, m := range pubAlt.FindAllStringSubmatch(s, -1) {
			alt := m[1]
			_, title, _ := strings.Cut(alt, "　")
			q, _, _ := strings.Cut(title, "　")
			for g := range byQ[q] {
				for _, part := range strings.Split(alt, "。") {
					if strings.HasPrefix(part, g+"（n=") && !strings.HasSuffix(part, "：秘匿") {
						t.Errorf("%s: chart %q: suppressed %s reads %q", p, title, g, part)
					}
					if strings.Contains(part, "、"+g+"（n=") || strings.HasPrefix(part, g+" ") {
						t.Errorf("%s: chart %q: suppressed %s drawn: %q", p, title, g, part)
					}
				}
			}
		}
	}
	return len(supp)
}

// checkUnmasked reads the batch and checks that no raw free text that masking
// changed, and no organization name, appears in a public file.
func checkUnmasked(t *testing.T, batch string, pub map[string]string) {
	t.Helper()
	b, err := ingest.Read(os.DirFS(batch))
	if err != nil {
		t.Fatal(err)
	}
	res := analyze.Run(b)
	masked := map[string]bool{}
	for _, f := range res.FreeText {
		masked[f.Masked] = true
	}
	var raw []string
	for ri := range b.Current.Respondents {
		for i := range b.Current.Answers {
			a := b.Current.Answer(i, ri)
			if i >= len(b.Questions) || b.Questions[i].Type != ingest.FA {
				continue // the 地区 answer and numbers are no free text
			}
			if a.Text != "" && !masked[a.Text] && utf8.RuneCountInString(a.Text) >= 6 {
				raw = append(raw, a.Text)
			}
		}
	}
	for _, h := range b.Hearings {
		for i, a := range h.Values {
			if i >= len(b.HearingItems) || b.HearingItems[i].Kind != ingest.HComment {
				continue // 団体名, 団体種別 and short texts are no free text
			}
			if a.Text != "" && !masked[a.Text] && utf8.RuneCountInString(a.Text) >= 6 {
				raw = append(raw, a.Text)
			}
		}
	}
	var orgs []string
	if !b.Settings.PublishOrgs {
		for _, h := range b.Hearings {
			orgs = append(orgs, h.Org)
		}
	}
	checked := 0
	for p, s := range pub {
		for _, r := range raw {
			checked++
			if strings.Contains(s, r) || strings.Contains(s, htmlEscape(r)) {
				t.Errorf("%s: unmasked text %q", p, r)
				break
			}
		}
		for _, o := range orgs {
			if o != "" && (strings.Contains(s, o) || strings.Contains(s, htmlEscape(o))) {
				t.Errorf("%s: organization %q named (団体名の公開 しない)", p, o)
			}
		}
	}
	t.Logf("%d raw texts changed by masking, %d organizations, none published", len(raw), len(orgs))
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// webformDir writes the webform batch with its coded responses as a batch
// folder (its 分析軸 reach web/ and opendata/).
func webformDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "webform")
	for name, f := range webformBatch(t, "coded") {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// hardSources are opendata/hard_counts.csv's 出どころ by data/hard_counts.csv's source.
var hardSources = map[string]string{"区民の自由記述": "survey", "団体ヒアリング": "hearing", "取組の振り返り": "progress", "計": "all"}

// checkHardCounts compares opendata/hard_counts.csv with data/hard_counts.csv:
// a published count equals the committee's, a hidden one (秘匿 1) is empty and
// counts residents' texts (source survey or all); the web table by district
// prints only x for a hidden group. It returns how many counts are hidden.
func checkHardCounts(t *testing.T, out string, pub map[string]string) int {
	t.Helper()
	if _, ok := pub["opendata/hard_counts.csv"]; !ok {
		return 0
	}
	type key struct{ src, year, group, cat string }
	want := map[key]string{}
	for _, r := range e2eReadCSV(t, filepath.Join(out, "data", "hard_counts.csv")).rows {
		want[key{r["source"], r["year"], r["district"], r["category"]}] = r["count"]
	}
	hidden := 0
	hiddenGroups := map[string]bool{}
	for _, r := range e2eReadCSV(t, filepath.Join(out, "opendata", "hard_counts.csv")).rows {
		y := strings.TrimSuffix(r["年度"], "年度")
		g := r["区分"]
		if g == analyze.GroupWardWide {
			g = "区全体" // data/ keeps the input's word for the ward-wide initiatives
		}
		k := key{hardSources[r["出どころ"]], y, g, r["分類"]}
		w, ok := want[k]
		switch {
		case !ok:
			t.Errorf("opendata/hard_counts.csv: %v is not in data/hard_counts.csv", r)
		case r["秘匿"] == "1":
			hidden++
			hiddenGroups[r["区分"]] = true
			if r["件数（件）"] != "" || k.src != "survey" && k.src != "all" {
				t.Errorf("opendata/hard_counts.csv: hidden %v: %v", k, r)
			}
		case r["件数（件）"] != w:
			t.Errorf("opendata/hard_counts.csv: %v = %q, data/ has %q", k, r["件数（件）"], w)
		}
	}
	for _, m := range pubTable.FindAllStringSubmatch(pub["web/index.html"], -1) {
		if !strings.HasPrefix(m[1], "物理的な対応が必要な課題の数") {
			continue
		}
		for _, row := range pubRow.FindAllStringSubmatch(m[2], -1) {
			if !hiddenGroups[row[1]] {
				continue
			}
			for _, c := range pubCell.FindAllStringSubmatch(row[2], -1) {
				if c[1] != "x" {
					t.Errorf("web/index.html: hidden group %s prints %q", row[1], c[1])
				}
			}
		}
	}
	return hidden
}
