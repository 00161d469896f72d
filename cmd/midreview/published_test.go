package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"midreview/render"
)

// TestPublishedNumbersInData checks that every number printed in the small
// batch's report.pdf, district handout, tabulation.xlsx and dashboard (the
// goldens in testdata/golden/small-rendered, kept equal to the outputs by
// TestE2E) can be found in its data/*.csv, in the documented formatting: one
// decimal rounded by analyze.Round1, n with thousands separators, signed
// points, p-values with three decimals.
//
// Structure is not a figure and is removed first by publishedStructure: page,
// section, figure and table numbers, IDs (Q1, I1, H04), dates, axis ticks, the
// 基準 values of 定義 (秘匿基準, 参考値基準, 有意水準) and the fixed wording of
// notes. publishedGaps lists figures that are published but not yet in data/.
func TestPublishedNumbersInData(t *testing.T) {
	golden := filepath.Join("..", "..", "testdata", "golden")
	known, labels := publishedForms(t, filepath.Join(golden, "small", "data"))
	rendered := filepath.Join(golden, "small-rendered")
	check := func(file string, lines []string) {
		t.Helper()
		for i, l := range lines {
			for _, s := range labels {
				l = strings.ReplaceAll(l, s, " ")
			}
			for _, s := range publishedStructure {
				l = s.ReplaceAllString(l, " ")
			}
			for _, g := range publishedGaps {
				l = g.re.ReplaceAllString(l, " ")
			}
			for _, n := range publishedNumber.FindAllString(l, -1) {
				if !known[n] {
					t.Errorf("%s:%d: %q is published but not in data/*.csv (line %q)", file, i+1, n, strings.TrimSpace(lines[i]))
				}
			}
		}
	}
	for _, f := range []string{"report.pdf.txt", "districts/01_北.pdf.txt"} {
		check(f, strings.Split(readGolden(t, rendered, f), "\n"))
	}
	var cells []string
	for _, l := range strings.Split(readGolden(t, rendered, "tabulation.xlsx.txt"), "\n") {
		sheet, value, ok := strings.Cut(l, "\t")
		if !ok || strings.HasPrefix(sheet, "入力チェック!") || strings.HasPrefix(sheet, "修正履歴!") {
			// Note: problems and corrections are the input's own positions and
			// values (problems.csv, data/corrections.csv), not figures.
			continue
		}
		cells = append(cells, value)
	}
	check("tabulation.xlsx.txt", cells)
	page := readGolden(t, rendered, "dashboard/index.html")
	check("dashboard/index.html (tables)", publishedHTMLCells.FindAllString(page, -1))
	check("dashboard/index.html (data)", dashboardTexts(t, page))
}

func readGolden(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// publishedNumber is a printed number: an optional sign, digits with thousands
// separators, an optional fraction.
var publishedNumber = regexp.MustCompile(`[+\-]?[0-9][0-9,]*(?:\.[0-9]+)?`)

// publishedHTMLCells are the dashboard's table cells and drill-down counts.
var publishedHTMLCells = regexp.MustCompile(`<td[^>]*>[^<]*</td>|<button type="button" class="drill"[^>]*>[0-9]+</button>`)

// publishedStructure removes what is structure, not a figure.
var publishedStructure = []*regexp.Regexp{
	regexp.MustCompile(`<[^>]*>`),                               // HTML tags and their attributes
	regexp.MustCompile(`[0-9]+ ?/ ?[0-9]+`),                     // page numbers "3 / 9"
	regexp.MustCompile(`[表図][0-9]+`),                            // table and figure numbers
	regexp.MustCompile(`[A-Za-z]+[0-9]+`),                       // IDs: Q1, I1, H04, S01
	regexp.MustCompile(`[0-9]+年[0-9]+月[0-9]+日`),                 // 基準日
	regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}`),            // 基準日 (ISO)
	regexp.MustCompile(`^\s*[0-9]+(\.[0-9]+)? \S.* [0-9]+\s*$`), // contents lines with their page
	regexp.MustCompile(`^\s*[0-9]+(\.[0-9]+)?[ 　]`),             // section numbers "3.1　つながり", keyword ranks
	regexp.MustCompile(`^[\s0-9]+\(%\)\s*$`),                    // chart axis ticks
	regexp.MustCompile(`n<[0-9]+`),                              // 秘匿基準, 参考値基準 (設定)
	regexp.MustCompile(`有意水準[ 　]*[0-9.]+`),                      // 有意水準 (設定)
	regexp.MustCompile(`^0\.05$`),                               // 有意水準 in the settings table
	regexp.MustCompile(`±[0-9.]+ポイント`),                          // 維持幅 (設定)
	regexp.MustCompile(`95[%％]`),                                // the 95% interval's name
	regexp.MustCompile(`第[0-9]+期|[0-9]+年間|[0-9]+位|100\.0[%に]|0\.05%|[0-9]+未満|[0-9]+割`), // fixed wording and names from the batch
}

// publishedGaps are published figures that are not yet in data/*.csv, each
// with the reason; the test removes them so that everything else is checked.
// It is empty: every published figure is in data/.
var publishedGaps = []struct {
	re  *regexp.Regexp
	why string
}{}

// publishedForms reads every CSV of dir and returns each number in every form
// the publishable outputs print it in, and the texts (labels, names) that hold
// digits, which are input, not figures.
func publishedForms(t *testing.T, dir string) (map[string]bool, []string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no CSVs in %s: %v", dir, err)
	}
	forms := map[string]bool{}
	var labels []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, r := range recs[1:] {
			for _, field := range r {
				v, err := strconv.ParseFloat(field, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					if strings.ContainsAny(field, "0123456789") && !slices.Contains(labels, field) {
						labels = append(labels, field)
					}
					continue
				}
				forms[field] = true
				forms[render.OneDecimal(v)] = true
				forms[render.PointsText(v)] = true
				forms[render.PValueText(v)] = true
				if v == math.Trunc(v) && math.Abs(v) < 1e15 {
					forms[render.Thousands(int(v))] = true
					forms[strconv.Itoa(int(v))] = true
				}
			}
		}
	}
	// Longest first, so that a label is removed before a shorter one inside it.
	slices.SortFunc(labels, func(a, b string) int { return len(b) - len(a) })
	return forms, labels
}

// dashboardTexts returns the printed texts of the dashboard's embedded data:
// every question's n and figures, every indicator row and rating count.
func dashboardTexts(t *testing.T, page string) []string {
	t.Helper()
	const open = `<script id="dashboard-data" type="application/json">`
	i := strings.Index(page, open)
	if i < 0 {
		t.Fatal("no dashboard data")
	}
	raw := page[i+len(open):]
	raw = raw[:strings.Index(raw, "</script>")]
	var data struct {
		Questions []struct {
			All    dashTexts    `json:"all"`
			Groups []*dashTexts `json:"groups"`
		} `json:"questions"`
		Indicators [][]map[string]string `json:"indicators"`
		Ratings    []struct {
			All    []int   `json:"all"`
			Groups [][]int `json:"groups"`
		} `json:"ratings"`
	}
	if err := json.Unmarshal([]byte(raw), &data); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range data.Questions {
		for _, g := range append([]*dashTexts{&q.All}, q.Groups...) {
			if g != nil {
				out = append(append(out, g.N), g.Texts...)
			}
		}
	}
	for _, rows := range data.Indicators {
		for _, r := range rows {
			out = append(out, r["baseline"], r["current"], r["n"], r["interval"], r["target"])
		}
	}
	for _, r := range data.Ratings {
		for _, g := range append([][]int{r.All}, r.Groups...) {
			out = append(out, strings.Trim(fmt.Sprint(g), "[]"))
		}
	}
	return out
}

type dashTexts struct {
	N     string   `json:"n"`
	Texts []string `json:"texts"`
}
