package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"midreview/analyze"
)

// TestDifferencesAsPrinted is the property of docs/methods.md §2 on every
// testdata batch and on the sample (the demo's batch): every difference in
// points that the outputs publish is the difference of the two figures as
// printed, so a reader's subtraction always agrees.
//
//   - data/findings.csv: every 「A% から B% へ C ポイント増加／減少」 has C = |B − A|
//     with the direction of B − A, and every 「A% と、区内の他の地区（R%）より
//     C ポイント高く／低く」 has C = |A − R|;
//   - data/trend.csv, district_tops.csv, district_rest.csv: diff_pt =
//     Round1(current) − Round1(baseline) (the shares at full precision beside it);
//   - tabulation.xlsx sheet 経年比較: the 差 column = the two printed shares' difference.
func TestDifferencesAsPrinted(t *testing.T) {
	batches, err := filepath.Glob(filepath.Join("..", "..", "testdata", "batches", "*"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	e2eMustRun(t, 0, "sample", "-out", sample)
	batches = append(batches, sample)
	if dir := os.Getenv("MIDREVIEW_DIFF_OUT"); dir != "" {
		// A finished output folder instead (e.g. another version's demo output).
		t.Logf("%s: %d differences checked", dir, checkDifferences(t, dir))
		return
	}
	for _, b := range batches {
		name := filepath.Base(b)
		t.Run(name, func(t *testing.T) {
			out := runBatchForCheck(t, b, filepath.Join(dir, "out-"+name), "csv,xlsx")
			n := checkDifferences(t, out)
			t.Logf("%s: %d differences checked", name, n)
		})
	}
}

var (
	// 「…」が 19.0% から 13.8% へ 5.2 ポイント減少
	diffChange = regexp.MustCompile(`([0-9.]+)% から ([0-9.]+)% へ ([0-9.]+) ポイント(増加|減少)`)
	// 「…」と答えた人は 7.4% と、区内の他の地区（16.4%）より 9.0 ポイント低く
	diffRest = regexp.MustCompile(`([0-9.]+)% と、区内の他の地区（([0-9.]+)%）より ([0-9.]+) ポイント(高く|低く)`)
)

// checkDifferences checks one output folder and returns how many differences it checked.
// runBatchForCheck runs batch into out with -allow-errors and the given
// formats for a test that re-reads the outputs, and returns out; a folder
// that gives no outputs at all (testdata/batches/webform holds web-form
// exports for the reader's tests, not a batch) skips the test.
func runBatchForCheck(t *testing.T, batch, out, formats string) string {
	t.Helper()
	if code, _, stderr := e2eRun(t, "run", "-batch", batch, "-out", out, "-allow-errors", "-formats", formats); code != 0 {
		if _, err := os.Stat(filepath.Join(out, "data")); err != nil {
			t.Skipf("run %s: exit %d, no outputs\n%s", batch, code, stderr)
		}
		t.Fatalf("run %s: exit %d\n%s", batch, code, stderr)
	}
	return out
}

func checkDifferences(t *testing.T, out string) int {
	t.Helper()
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return f
	}
	// tenths compares two one-decimal figures exactly (in tenths).
	tenths := func(v float64) int64 { return int64(math.Round(v * 10)) }
	checked := 0
	findings := e2eReadCSV(t, filepath.Join(out, "data", "findings.csv"))
	for _, r := range findings.rows {
		text := r["text"]
		for _, m := range diffChange.FindAllStringSubmatch(text, -1) {
			a, b, c := num(m[1]), num(m[2]), num(m[3])
			d := tenths(b) - tenths(a)
			if m[4] == "減少" {
				d = -d
			}
			if d != tenths(c) || c == 0 {
				t.Errorf("findings.csv: %q: %s − %s is not %s ポイント%s", text, m[2], m[1], m[3], m[4])
			}
			checked++
		}
		for _, m := range diffRest.FindAllStringSubmatch(text, -1) {
			a, rest, c := num(m[1]), num(m[2]), num(m[3])
			d := tenths(a) - tenths(rest)
			if m[4] == "低く" {
				d = -d
			}
			if d != tenths(c) || c == 0 {
				t.Errorf("findings.csv: %q: %s − %s is not %s ポイント%s", text, m[1], m[2], m[3], m[4])
			}
			checked++
		}
		if strings.Contains(text, "ポイント") && !strings.Contains(text, "誤差") &&
			len(diffChange.FindAllString(text, -1))+len(diffRest.FindAllString(text, -1)) == 0 {
			t.Errorf("findings.csv: %q names points in a form this test does not check", text)
		}
	}
	for _, c := range []struct{ file, from, to string }{
		{"trend.csv", "baseline_pct", "current_pct"},
		{"district_tops.csv", "all_pct", "pct"},
		{"district_rest.csv", "rest_pct", "pct"},
	} {
		path := filepath.Join(out, "data", c.file)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		tb := e2eReadCSV(t, path)
		for i, r := range tb.rows {
			if r["diff_pt"] == "" {
				if r[c.from] != "" && r[c.to] != "" {
					t.Errorf("%s row %d: no diff_pt beside %s and %s", c.file, i+2, r[c.from], r[c.to])
				}
				continue
			}
			from, to, d := num(r[c.from]), num(r[c.to]), num(r["diff_pt"])
			if want := analyze.Round1(to) - analyze.Round1(from); tenths(d) != tenths(want) || analyze.Round1(d) != d {
				t.Errorf("%s row %d: diff_pt %s, want %.1f − %.1f", c.file, i+2, r["diff_pt"], analyze.Round1(to), analyze.Round1(from))
			}
			checked++
		}
	}
	xlsx := filepath.Join(out, "tabulation.xlsx")
	if _, err := os.Stat(xlsx); err == nil && slices.Contains(sheetsOf(t, xlsx), "経年比較") {
		rows := sheetRowsOf(t, xlsx, "経年比較")
		head := -1
		var from, to, diff int
		for i, r := range rows {
			for j, c := range r {
				if strings.HasPrefix(c, "差") {
					head, diff = i, j
				}
			}
			if head == i {
				// The 差 column follows the two shares it is the difference of:
				// baseline share, its n, current share, its n, 差.
				from, to = diff-4, diff-2
				break
			}
		}
		if head < 0 {
			t.Fatalf("%s 経年比較: no 差 column", xlsx)
		}
		for i, r := range rows[head+1:] {
			if diff >= len(r) || r[diff] == "" || r[from] == "x" {
				continue
			}
			zero := func(s string) string {
				if s == "－" {
					return "0"
				}
				return s
			}
			a, b, d := num(zero(r[from])), num(zero(r[to])), num(r[diff])
			if tenths(b)-tenths(a) != tenths(d) {
				t.Errorf("tabulation.xlsx 経年比較 row %d: %s − %s is not %s", head+i+2, r[to], r[from], r[diff])
			}
			checked++
		}
	}
	return checked
}

// TestIndicatorSentenceSameNumber: on the sample, a sentence about an
// indicator's question that adds up the indicator's choices (the SC
// questions' 肯定 choices: Q1/I1, Q7/I5, Q9/I6) prints the indicator's own value
// (indicators.csv current of 全体, 無回答 in the base), as the indicator table
// prints it; every （計） is on that base, so no sentence names another.
func TestIndicatorSentenceSameNumber(t *testing.T) {
	dir := t.TempDir()
	sample, out := filepath.Join(dir, "sample"), filepath.Join(dir, "out")
	e2eMustRun(t, 0, "sample", "-out", sample)
	e2eMustRun(t, 0, "run", "-batch", sample, "-out", out, "-formats", "csv")
	inds := e2eReadCSV(t, filepath.Join(out, "data", "indicators.csv"))
	findings := e2eReadCSV(t, filepath.Join(out, "data", "findings.csv"))
	matched := map[string]bool{}
	for _, ind := range inds.rows {
		if ind["group"] != "全体" || ind["current"] == "" {
			continue
		}
		v, err := strconv.ParseFloat(ind["current"], 64)
		if err != nil {
			t.Fatal(err)
		}
		printed := strconv.FormatFloat(analyze.Round1(v), 'f', 1, 64) + "%"
		for _, f := range findings.rows {
			if f["place"] != "設問" || f["target_id"] != ind["question_id"] || !strings.Contains(f["text"], "（計）』は") &&
				!strings.Contains(f["text"], "を合わせた") { // a long-answer box is named by its indicator
				continue
			}
			if strings.Contains(f["text"], "無回答を除く") {
				t.Errorf("%s: %q is on another base than the tables", ind["question_id"], f["text"])
			}
			if !strings.Contains(f["text"], " "+printed) {
				t.Errorf("%s (%s %s): %q does not print the indicator's %s", ind["question_id"], ind["indicator_id"], ind["name"], f["text"], printed)
			}
			if !strings.Contains(f["basis"], ind["indicator_id"]+" 全体 今回 "+printed) {
				t.Errorf("%s: basis %q does not name %s", ind["question_id"], f["basis"], ind["indicator_id"])
			}
			matched[ind["indicator_id"]] = true
		}
	}
	for _, id := range []string{"I1", "I5", "I6"} {
		if !matched[id] {
			t.Errorf("no sentence of %s's question prints its value", id)
		}
	}
}

var (
	// A district's 主な結果 row: … 地区% [▲▼] 全体% 差.
	pdfTopRow = regexp.MustCompile(`\s([0-9]+\.[0-9])[▲▼]?\s+([0-9]+\.[0-9])\s+([+-][0-9]+\.[0-9]|0\.0)\s*$`)
	// A trend row: … 策定時% 今回% 差 p値[*].
	pdfTrendRow = regexp.MustCompile(`\s([0-9]+\.[0-9]|－)\s+([0-9]+\.[0-9]|－)\s+([+-][0-9]+\.[0-9]|0\.0)\s+(<0\.001|[01]\.[0-9]{3})\s*\*?\s*$`)
)

// TestDifferencesAsPrintedPDF reads report.pdf and every district handout of
// the sample and of the small batch back (pdftotext -layout) and checks that
// every 差 of a district's 主な結果 table and of a trend table is the
// difference of the two figures printed beside it.
func TestDifferencesAsPrintedPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("renders PDFs")
	}
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	e2eMustRun(t, 0, "sample", "-out", sample)
	for _, b := range []string{sample, e2eSmall} {
		name := filepath.Base(b)
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, "pdf-"+name)
			e2eMustRun(t, 0, "run", "-batch", b, "-out", out, "-formats", "pdf")
			pdfs, _ := filepath.Glob(filepath.Join(out, "districts", "*.pdf"))
			pdfs = append(pdfs, filepath.Join(out, "report.pdf"))
			tops, trends := 0, 0
			for _, p := range pdfs {
				errs, n, m := pdfDifferences(e2ePDFText(t, p))
				for _, e := range errs {
					t.Errorf("%s: %s", filepath.Base(p), e)
				}
				tops, trends = tops+n, trends+m
			}
			// Note: the small batch's districts are all under 参考値基準, whose
			// 主な結果 rows carry ※ and are left to the sample.
			if trends == 0 || tops == 0 && name == "sample" {
				t.Errorf("%s: %d 主な結果 rows and %d trend rows found; the test reads nothing", name, tops, trends)
			}
			t.Logf("%s: %d 主な結果 rows, %d trend rows checked", name, tops, trends)
		})
	}
}

// pdfDifferences checks the text of a handout (pdftotext -layout): every 差 of
// a district's 主な結果 table and of a trend table is the difference of the
// two figures printed beside it. It returns the disagreements and how many
// rows of each kind it read.
func pdfDifferences(text string) (errs []string, tops, trends int) {
	val := func(s string) int64 {
		if s == "－" {
			return 0
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%q is not a number", s))
		}
		return int64(math.Round(f * 10))
	}
	for i, l := range strings.Split(text, "\n") {
		if m := pdfTrendRow.FindStringSubmatch(l); m != nil {
			if val(m[2])-val(m[1]) != val(m[3]) {
				errs = append(errs, fmt.Sprintf("line %d: %s − %s is not %s: %q", i+1, m[2], m[1], m[3], l))
			}
			trends++
			continue
		}
		if m := pdfTopRow.FindStringSubmatch(l); m != nil {
			if val(m[1])-val(m[2]) != val(m[3]) {
				errs = append(errs, fmt.Sprintf("line %d: %s − %s is not %s: %q", i+1, m[1], m[2], m[3], l))
			}
			tops++
		}
	}
	return errs, tops, trends
}
