package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/render/view"
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
	// Note: the yearly-cycle batches (progress: no survey; cycle: a survey,
	// progress/ and history/) are checked the same way (cycle_test.go).
	for _, name := range []string{"small", "progress", "cycle"} {
		t.Run(name, func(t *testing.T) { publishedNumbersInData(t, name) })
	}
}

func publishedNumbersInData(t *testing.T, name string) {
	golden := filepath.Join("..", "..", "testdata", "golden")
	known, labels := publishedForms(t, filepath.Join(golden, name, "data"))
	rendered := filepath.Join(golden, name+"-rendered")
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
	var htmlCells []string
	for _, c := range publishedHTMLCells.FindAllString(page, -1) {
		htmlCells = append(htmlCells, html.UnescapeString(c)) // html/template writes + as &#43;
	}
	check("dashboard/index.html (tables)", htmlCells)
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
	regexp.MustCompile(`<[^>]*>`),           // HTML tags and their attributes
	regexp.MustCompile(`[0-9]+ ?/ ?[0-9]+`), // page numbers "3 / 9"
	regexp.MustCompile(`[表図][0-9]+`),        // table and figure numbers
	regexp.MustCompile(`[A-Za-z]+[0-9]+`),   // IDs: Q1, I1, H04, S01
	regexp.MustCompile(`(令和|平成|昭和)[0-9元]+年（[0-9]+年）[0-9]+月[0-9]+日`),                    // 基準日 (和暦 with 西暦)
	regexp.MustCompile(`(令和|平成|昭和)[0-9元]+年度（[0-9]+年度）`),                                // fiscal years
	regexp.MustCompile(`[0-9]+年[0-9]+月[0-9]+日`),                                        // 基準日
	regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}`),                                   // 基準日 (ISO)
	regexp.MustCompile(`^\s*[0-9]+(\.[0-9]+)? \S.* [0-9]+\s*$`),                        // contents lines with their page
	regexp.MustCompile(`^\s*[0-9]+(\.[0-9]+)?[ 　]`),                                    // section numbers "3.1　つながり", keyword ranks
	regexp.MustCompile(`^[\s0-9]+\(%\)\s*$`),                                           // chart axis ticks
	regexp.MustCompile(`n<[0-9]+`),                                                     // 秘匿基準, 参考値基準 (設定)
	regexp.MustCompile(`有意水準[ 　]*[0-9.]+`),                                             // 有意水準 (設定)
	regexp.MustCompile(`^0\.05$`),                                                      // 有意水準 in the settings table
	regexp.MustCompile(`±[0-9.]+ポイント`),                                                 // 維持幅 (設定)
	regexp.MustCompile(`95[%％]`),                                                       // the 95% interval's name
	regexp.MustCompile(`全体＝100|100%を超え`),                                               // 地区カルテ's index line, the MA note of the findings
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
				forms[view.OneDecimal(v)] = true
				forms[view.PointsText(v)] = true
				// Note: a sentence states a change or a difference in words
				// (5.3 ポイント減少, 低く), printing its magnitude.
				forms[view.OneDecimal(math.Abs(v))] = true
				forms[view.PValueText(v)] = true
				if v == math.Trunc(v) && math.Abs(v) < 1e15 {
					forms[view.Thousands(int(v))] = true
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

// TestPublishedCellsEqualData checks, for the tables that data/overview.csv,
// hearing_orgs.csv, hearing_ratings.csv, comment_matrix.csv,
// freetext_counts.csv and district_tops.csv hold, that each printed cell of
// the small batch's report.pdf, district handout, tabulation.xlsx and dashboard
// is the CSV's value of that very row, formatted as documented — not only that
// the number occurs somewhere in data/.
func TestPublishedCellsEqualData(t *testing.T) {
	golden := filepath.Join("..", "..", "testdata", "golden")
	data := filepath.Join(golden, "small", "data")
	rendered := filepath.Join(golden, "small-rendered")
	report := strings.Split(readGolden(t, rendered, "report.pdf.txt"), "\n")
	handout := strings.Split(readGolden(t, rendered, "districts/01_北.pdf.txt"), "\n")
	book := xlsxCells(readGolden(t, rendered, "tabulation.xlsx.txt"))
	// find returns the index of the first line of lines matching re, or -1.
	find := func(lines []string, re string) int {
		t.Helper()
		rx := regexp.MustCompile(re)
		for i, l := range lines {
			if rx.MatchString(l) {
				return i
			}
		}
		return -1
	}
	fields := func(fs ...string) string {
		var out []string
		for _, f := range fs {
			if f != "" {
				out = append(out, regexp.QuoteMeta(f))
			}
		}
		return strings.Join(out, `\s+`)
	}

	t.Run("overview", func(t *testing.T) {
		head := book.row("概要", "配布数", "有効回答数")
		if head < 0 {
			t.Fatal("no overview table in sheet 概要")
		}
		for _, r := range e2eReadCSV(t, filepath.Join(data, "overview.csv")).rows {
			dist, rate := "", ""
			if r["distributed"] != "" {
				dist = view.Thousands(publishedInt(t, r["distributed"]))
			}
			if r["rate"] != "" {
				rate = view.OneDecimal(publishedFloat(t, r["rate"]))
			}
			valid := view.Thousands(publishedInt(t, r["valid"]))
			if find(report, `^\s*`+fields(r["group"], dist, valid, rate)+`\s*$`) < 0 {
				t.Errorf("report.pdf: no overview row %s %s %s %s", r["group"], dist, valid, rate)
			}
			if r["by"] == "地区" && dist != "" {
				// The district page: its heading, then its overview line.
				i := find(report, `^\s*[0-9]+\.[0-9]+ `+regexp.QuoteMeta(r["group"])+`$`)
				if i < 0 || i+1 >= len(report) || report[i+1] != "配布数 "+dist+" 有効回答数 "+valid+" 回収率 "+rate+"%" {
					t.Errorf("report.pdf: district page of %s does not print %s, %s, %s%%", r["group"], dist, valid, rate)
				}
			}
			row := book.rowAfter("概要", head, r["group"])
			if row < 0 {
				t.Errorf("概要: no row %s", r["group"])
				continue
			}
			book.check(t, "概要", "B", row, r["distributed"], 0)
			book.check(t, "概要", "C", row, r["valid"], 0)
			book.check(t, "概要", "D", row, r["rate"], 1)
		}
	})

	t.Run("hearing_orgs", func(t *testing.T) {
		for _, r := range e2eReadCSV(t, filepath.Join(data, "hearing_orgs.csv")).rows {
			n := view.Thousands(publishedInt(t, r["count"]))
			label := map[string]string{"全体": "ヒアリング団体数", "地区": "地区：", "団体種別": "団体種別："}[r["by"]]
			if r["by"] != "全体" {
				label += r["group"]
			}
			if row := book.rowAfter("ヒアリング", 0, label); row < 0 {
				t.Errorf("ヒアリング: no row %s", label)
			} else {
				book.check(t, "ヒアリング", "B", row, r["count"], 0)
			}
			switch {
			case r["by"] == "全体":
				if find(report, `^ヒアリングを行った団体：`+n+` 団体$`) < 0 {
					t.Errorf("report.pdf: organizations heard are not %s", n)
				}
			case r["by"] == "地区" && r["group"] != "地区不明":
				// The district page: its heading, its overview line, then the organizations.
				i := find(report, `^\s*[0-9]+\.[0-9]+ `+regexp.QuoteMeta(r["group"])+`$`)
				if i < 0 || i+2 >= len(report) || report[i+2] != "ヒアリング団体 "+n+" 団体" {
					t.Errorf("report.pdf: the page of %s does not print %s organizations", r["group"], n)
				}
				if r["group"] == "北" && find(handout, `^この地区でヒアリングを行った団体：`+n+` 団体$`) < 0 {
					t.Errorf("01_北.pdf: organizations heard are not %s", n)
				}
			}
		}
	})

	t.Run("hearing_ratings", func(t *testing.T) {
		// The ヒアリング sheet: per item, a title "ID　名前", then 全体 and each
		// district with 計 (base) in B and the counts from C.
		col := 0
		prev := ""
		for _, r := range e2eReadCSV(t, filepath.Join(data, "hearing_ratings.csv")).rows {
			if r["by"] == "団体種別" || r["group"] == "地区不明" {
				continue
			}
			if k := r["item_id"] + "/" + r["group"]; k != prev {
				prev, col = k, 0
			} else {
				col++
			}
			title := -1
			for row := 1; row < 10000 && title < 0; row++ {
				if strings.HasPrefix(book["ヒアリング!A"+strconv.Itoa(row)], r["item_id"]+"　") {
					title = row
				}
			}
			row := book.rowAfter("ヒアリング", title, r["group"])
			if title < 0 || row < 0 {
				t.Errorf("ヒアリング: no row %s of %s", r["group"], r["item_id"])
				continue
			}
			book.check(t, "ヒアリング", "B", row, r["base"], 0)
			book.check(t, "ヒアリング", string(rune('C'+col)), row, r["count"], 0)
		}
	})

	t.Run("comment_matrix", func(t *testing.T) {
		// The dashboard's drill-down: the header row names the districts, each
		// theme row holds one cell per district, － for none.
		page := readGolden(t, rendered, "dashboard/index.html")
		head := regexp.MustCompile(`<thead><tr><th>テーマ</th>((?:<th>[^<]*</th>)+)</tr></thead>`).FindStringSubmatch(page)
		if head == nil {
			t.Fatal("dashboard: no drill-down table")
		}
		cols := strings.Split(strings.TrimSuffix(strings.TrimPrefix(head[1], "<th>"), "</th>"), "</th><th>")
		tag := regexp.MustCompile(`<[^>]*>`)
		rows := e2eReadCSV(t, filepath.Join(data, "comment_matrix.csv")).rows
		if len(rows) == 0 || len(rows)%len(cols) != 0 {
			t.Fatalf("comment_matrix.csv has %d cells for %d districts", len(rows), len(cols))
		}
		for _, r := range rows {
			m := regexp.MustCompile(`<tr><th>` + regexp.QuoteMeta(r["theme"]) + `</th>(.*)</tr>`).FindStringSubmatch(page)
			j := slices.Index(cols, r["district"])
			if m == nil || j < 0 {
				t.Errorf("dashboard: no drill-down cell %s × %s", r["theme"], r["district"])
				continue
			}
			cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(m[1], "<td>"), "</td>"), "</td><td>")
			want := r["count"]
			if want == "0" {
				want = view.MarkZero
			}
			if j >= len(cells) || tag.ReplaceAllString(cells[j], "") != want {
				t.Errorf("dashboard: drill-down %s × %s is not %s (row %q)", r["theme"], r["district"], want, m[0])
			}
		}
	})

	t.Run("freetext_counts", func(t *testing.T) {
		for _, r := range e2eReadCSV(t, filepath.Join(data, "freetext_counts.csv")).rows {
			if r["source"] == "survey" && find(report, `^自由記述の回答：`+view.Thousands(publishedInt(t, r["count"]))+` 件$`) < 0 {
				t.Errorf("report.pdf: free-text answers are not %s", r["count"])
			}
		}
	})

	t.Run("district_tops", func(t *testing.T) {
		share := func(v, suppressed string) string {
			if suppressed == "true" {
				return view.MarkSuppressed
			}
			if v == "" || publishedFloat(t, v) == 0 {
				return view.MarkZero
			}
			return view.OneDecimal(publishedFloat(t, v))
		}
		for _, r := range e2eReadCSV(t, filepath.Join(data, "district_tops.csv")).rows {
			start := find(report, `^表[0-9]+ `+regexp.QuoteMeta(r["district"])+`の主な結果`)
			if start < 0 {
				t.Errorf("report.pdf: no main results of %s", r["district"])
				continue
			}
			end := start + find(report[start:], `^注）`)
			d := share(r["pct"], r["suppressed"])
			if r["suppressed"] != "true" {
				d += r["mark"]
				if r["reference"] == "true" {
					d += "※"
				}
			}
			// Note: the table compares the district with the rest of the
			// ward (rest_pct, rest_diff_pt), hidden with the district; a
			// difference a hidden side keeps from being shown is x, 「－」
			// only when the rest has no respondent.
			hidden := "false"
			diff := view.MarkZero
			if r["suppressed"] == "true" || r["all_suppressed"] == "true" {
				hidden, diff = "true", view.MarkSuppressed
			} else if r["rest_diff_pt"] != "" {
				diff = view.PointsText(publishedFloat(t, r["rest_diff_pt"]))
			}
			// Note: a key measure named by its indicator may wrap in the
			// 比べる値 column; its row holds the name's first line.
			label := []rune(r["label"])
			if len(label) > 6 {
				label = label[:6]
			}
			re := `^` + regexp.QuoteMeta(r["question_id"]) + ` .*\s` + regexp.QuoteMeta(string(label)) + `\S*\s+` +
				fields(d, share(r["rest_pct"], hidden), diff) + `\s*$`
			row := -1
			if end >= start {
				row = find(report[start:end], re)
			}
			if row < 0 {
				t.Errorf("report.pdf: %s's main results have no row %q", r["district"], re)
				continue
			}
			// Note: each side's n is printed under its figure, the
			// district's and the rest of the ward's.
			ns := regexp.QuoteMeta("(n="+view.Thousands(publishedInt(t, r["n"]))+")") + `\s+` +
				regexp.QuoteMeta("(n="+view.Thousands(publishedInt(t, r["rest_n"]))+")") + `\s*$`
			if next := start + row + 1; next >= len(report) || !regexp.MustCompile(ns).MatchString(report[next]) {
				t.Errorf("report.pdf: %s's main results row %q has not the n of both sides %q under it", r["district"], report[start+row], ns)
			}
		}
	})
}

func publishedInt(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func publishedFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// xlsxDump is a tabulation.xlsx dump: "Sheet!A1" → value.
type xlsxDump map[string]string

func xlsxCells(dump string) xlsxDump {
	out := xlsxDump{}
	for _, l := range strings.Split(dump, "\n") {
		if k, v, ok := strings.Cut(l, "\t"); ok {
			out[k] = v
		}
	}
	return out
}

// row returns the first row of sheet whose columns B and C hold b and c, or -1.
func (x xlsxDump) row(sheet, b, c string) int {
	for r := 1; r < 10000; r++ {
		if x[sheet+"!B"+strconv.Itoa(r)] == b && x[sheet+"!C"+strconv.Itoa(r)] == c {
			return r
		}
	}
	return -1
}

// rowAfter returns the first row after row from whose column A holds a, or -1.
func (x xlsxDump) rowAfter(sheet string, from int, a string) int {
	for r := from + 1; r < 10000; r++ {
		if x[sheet+"!A"+strconv.Itoa(r)] == a {
			return r
		}
	}
	return -1
}

// check reports an error unless the cell holds the CSV value csvValue as the
// book stores it: the number rounded to decimals (analyze.Round1 for one), or
// nothing when the CSV field is empty.
func (x xlsxDump) check(t *testing.T, sheet, col string, row int, csvValue string, decimals int) {
	t.Helper()
	cell := sheet + "!" + col + strconv.Itoa(row)
	got, ok := x[cell]
	if csvValue == "" {
		if ok && got != "" {
			t.Errorf("%s = %q, want empty", cell, got)
		}
		return
	}
	want, err := strconv.ParseFloat(csvValue, 64)
	if err != nil {
		t.Fatal(err)
	}
	if decimals == 1 {
		want = analyze.Round1(want)
	}
	if g, err := strconv.ParseFloat(got, 64); err != nil || g != want {
		t.Errorf("%s = %q, want %v (data/*.csv %s)", cell, got, want, csvValue)
	}
}
