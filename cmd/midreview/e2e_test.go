package main

// End-to-end tests of the core pipeline on the committed test batches
// (testdata/batches/small and messy): hand-computed figures, planted problems,
// golden CSVs, byte-identical reruns and untouched inputs.
//
// Regenerate the goldens with `go test ./cmd/midreview -run TestE2E -update`
// and review the diff before committing.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"midreview/internal/xlsxbuild"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the outputs of the end-to-end tests")

var (
	e2eSmall  = filepath.Join("..", "..", "testdata", "batches", "small")
	e2eMessy  = filepath.Join("..", "..", "testdata", "batches", "messy")
	e2eGolden = filepath.Join("..", "..", "testdata", "golden")
)

// e2eRun runs the command line in process and returns the exit status, stdout
// and stderr.
func e2eRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := exitCode(run(context.Background(), args, &stdout, &stderr))
	return code, stdout.String(), stderr.String()
}

// e2eMustRun runs the command line and fails the test unless it exits with want.
func e2eMustRun(t *testing.T, want int, args ...string) {
	t.Helper()
	if code, stdout, stderr := e2eRun(t, args...); code != want {
		t.Fatalf("midreview %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), code, want, stdout, stderr)
	}
}

// e2eSorted returns the keys of m in order.
func e2eSorted[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// An e2eTable is a parsed output CSV: its header and its rows as column → value.
type e2eTable struct {
	header []string
	rows   []map[string]string
}

// e2eReadCSV parses an output CSV, checking the UTF-8 BOM of outputs.md.
func e2eReadCSV(t *testing.T, path string) e2eTable {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Errorf("%s: no UTF-8 BOM", path)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", path)
	}
	tb := e2eTable{header: recs[0]}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		tb.rows = append(tb.rows, m)
	}
	return tb
}

// e2eKeys are the columns that identify one row of each data CSV.
var e2eKeys = map[string][]string{
	"crosstab":   {"survey", "question_id", "by", "group", "code"},
	"summary":    {"survey", "question_id", "by", "group"},
	"indicators": {"indicator_id", "group"},
	"trend":      {"question_id", "by", "group", "code"},
	"hearings":   {"item_id", "by", "group", "code"},
}

// An e2eCell is one expected value: int (exact integer), float64 (within 1e-6),
// bool ("true"/"false"), string (exact) or nil (empty).
type e2eCell struct {
	col  string
	want any
}

// c builds cells from column, value pairs.
func e2eCells(kv ...any) []e2eCell {
	var cs []e2eCell
	for i := 0; i+1 < len(kv); i += 2 {
		cs = append(cs, e2eCell{kv[i].(string), kv[i+1]})
	}
	return cs
}

// An e2eFigure is one row of a data CSV with expected values.
type e2eFigure struct {
	file  string // crosstab, summary, indicators, trend, hearings
	key   string // the e2eKeys columns joined by ","
	cells []e2eCell
	note  string // where the figure is in the batch README
}

// e2eMatch reports whether got (a CSV field) is want.
func e2eMatch(got string, want any) bool {
	switch w := want.(type) {
	case nil:
		return got == ""
	case bool:
		return got == strconv.FormatBool(w)
	case string:
		return got == w
	case int:
		f, err := strconv.ParseFloat(got, 64)
		return err == nil && f == float64(w)
	case float64:
		f, err := strconv.ParseFloat(got, 64)
		return err == nil && math.Abs(f-w) <= 1e-6
	}
	return false
}

// e2eCheckFigures finds each figure's row in OUT/data and compares its cells.
func e2eCheckFigures(t *testing.T, out string, figs []e2eFigure) {
	t.Helper()
	tables := map[string]map[string]map[string]string{}
	for _, f := range figs {
		t.Run(f.file+"/"+f.key, func(t *testing.T) {
			idx, ok := tables[f.file]
			if !ok {
				tb := e2eReadCSV(t, filepath.Join(out, "data", f.file+".csv"))
				idx = map[string]map[string]string{}
				for _, r := range tb.rows {
					var k []string
					for _, col := range e2eKeys[f.file] {
						k = append(k, r[col])
					}
					key := strings.Join(k, ",")
					if _, dup := idx[key]; dup {
						t.Errorf("%s.csv: two rows with key %s", f.file, key)
					}
					idx[key] = r
				}
				tables[f.file] = idx
			}
			row, ok := idx[f.key]
			if !ok {
				t.Fatalf("%s.csv: no row %s (%s)", f.file, f.key, f.note)
			}
			for _, cl := range f.cells {
				if _, ok := row[cl.col]; !ok {
					t.Errorf("%s.csv: no column %s", f.file, cl.col)
					continue
				}
				if !e2eMatch(row[cl.col], cl.want) {
					t.Errorf("%s.csv %s: %s = %q, want %v (%s)", f.file, f.key, cl.col, row[cl.col], cl.want, f.note)
				}
			}
		})
	}
}

// e2eGroup is one group of a hand-counted SA/SC crosstab: counts per choice
// code in order, then no-answer.
type e2eGroup struct {
	by, group              string
	base                   int
	counts                 []int // codes 1.. then NA
	suppressed, reference  bool
	residualsEmpty         bool // 全体 and suppressed groups have no adj_residual
	noteTable, noteFigures string
}

// e2eCrosstab expands hand counts into crosstab figures; pct = 100·count/base.
func e2eCrosstab(survey, q string, codes []string, groups []e2eGroup) []e2eFigure {
	var figs []e2eFigure
	for _, g := range groups {
		for i, n := range g.counts {
			code := "NA"
			if i < len(codes) {
				code = codes[i]
			}
			cells := e2eCells("count", n, "base", g.base, "pct", 100*float64(n)/float64(g.base),
				"weighted_pct", nil, "suppressed", g.suppressed, "reference", g.reference)
			if g.residualsEmpty || code == "NA" {
				cells = append(cells, e2eCells("adj_residual", nil, "mark", nil)...)
			}
			figs = append(figs, e2eFigure{"crosstab", strings.Join([]string{survey, q, g.by, g.group, code}, ","), cells, g.noteTable})
		}
	}
	return figs
}

// smallFigures are the hand-computed figures of testdata/batches/small/README.md.
func smallFigures() []e2eFigure {
	var figs []e2eFigure
	codes3 := []string{"1", "2", "3"}
	codes5 := []string{"1", "2", "3", "4", "5"}
	// README "Profile": F2 男性 9 (45.0%), 女性 11 (55.0%); F3 5/8/7 of 20. 全体 base 20 ≥ 参考値基準 10.
	figs = append(figs, e2eCrosstab("current", "F2", []string{"1", "2"}, []e2eGroup{
		{by: "全体", group: "全体", base: 20, counts: []int{9, 11, 0}, residualsEmpty: true, noteTable: "README Profile F2"},
	})...)
	figs = append(figs, e2eCrosstab("current", "F3", codes3, []e2eGroup{
		{by: "全体", group: "全体", base: 20, counts: []int{5, 8, 7, 0}, residualsEmpty: true, noteTable: "README Profile F3"},
	})...)
	// README "Q1 (SA) — crosstab": the whole table. Suppressed: base < 5 (南 4,
	// 地区不明 1; two primary groups, so no complementary suppression).
	// Reference: base < 10 (every 地区, 男性 9, every 年代).
	figs = append(figs, e2eCrosstab("current", "Q1", codes3, []e2eGroup{
		{by: "全体", group: "全体", base: 20, counts: []int{7, 8, 4, 1}, residualsEmpty: true, noteTable: "README Q1 table, 全体"},
		{by: "地区", group: "北", base: 8, counts: []int{4, 2, 1, 1}, reference: true, noteTable: "README Q1 table, 北"},
		{by: "地区", group: "中央", base: 7, counts: []int{1, 4, 2, 0}, reference: true, noteTable: "README Q1 table, 中央"},
		{by: "地区", group: "南", base: 4, counts: []int{1, 2, 1, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q1 table, 南 (suppressed)"},
		{by: "地区", group: "地区不明", base: 1, counts: []int{1, 0, 0, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q1 table, 地区不明 (S20, suppressed)"},
		{by: "性別", group: "男性", base: 9, counts: []int{2, 4, 2, 1}, reference: true, noteTable: "README Q1 table, 男性"},
		{by: "性別", group: "女性", base: 11, counts: []int{5, 4, 2, 0}, noteTable: "README Q1 table, 女性 (not 参考値)"},
		{by: "年代", group: "39歳以下", base: 5, counts: []int{1, 2, 2, 0}, reference: true, noteTable: "README Q1 table, 39歳以下 (base 5 = 秘匿基準: shown)"},
		{by: "年代", group: "40〜64歳", base: 8, counts: []int{3, 3, 1, 1}, reference: true, noteTable: "README Q1 table, 40〜64歳"},
		{by: "年代", group: "65歳以上", base: 7, counts: []int{3, 3, 1, 0}, reference: true, noteTable: "README Q1 table, 65歳以上"},
	})...)
	// README "Q2 (SA) 全体" and its 地区 breakdown.
	figs = append(figs, e2eCrosstab("current", "Q2", []string{"1", "2"}, []e2eGroup{
		{by: "全体", group: "全体", base: 20, counts: []int{8, 11, 1}, residualsEmpty: true, noteTable: "README Q2 全体 (NA S14)"},
		{by: "地区", group: "北", base: 8, counts: []int{4, 4, 0}, reference: true, noteTable: "README Q2 北 4/4/0 of 8"},
		{by: "地区", group: "中央", base: 7, counts: []int{2, 4, 1}, reference: true, noteTable: "README Q2 中央 2/4/NA 1 of 7"},
		{by: "地区", group: "南", base: 4, counts: []int{2, 2, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q2 南 2/2/0 of 4"},
		{by: "地区", group: "地区不明", base: 1, counts: []int{0, 1, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q2 地区不明 0/1/0 of 1"},
	})...)
	// README "Q3 (MA, 対象条件 Q2=1)": base 8 (only those asked), sums past 100;
	// MA has no residuals; every district base < 5 is suppressed.
	figs = append(figs, e2eCrosstab("current", "Q3", codes3, []e2eGroup{
		{by: "全体", group: "全体", base: 8, counts: []int{5, 4, 3, 0}, reference: true, residualsEmpty: true, noteTable: "README Q3 全体 base 8"},
		{by: "地区", group: "北", base: 4, counts: []int{3, 2, 1, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q3 北 base 4"},
		{by: "地区", group: "中央", base: 2, counts: []int{1, 1, 2, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q3 中央 base 2"},
		{by: "地区", group: "南", base: 2, counts: []int{1, 1, 0, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q3 南 base 2"},
	})...)
	// README "Q4 (SC) — crosstab and summary".
	figs = append(figs, e2eCrosstab("current", "Q4", codes5, []e2eGroup{
		{by: "全体", group: "全体", base: 20, counts: []int{5, 6, 4, 2, 2, 1}, residualsEmpty: true, noteTable: "README Q4 全体 (NA S15)"},
		{by: "地区", group: "北", base: 8, counts: []int{2, 3, 2, 1, 0, 0}, reference: true, noteTable: "README Q4 北"},
		{by: "地区", group: "中央", base: 7, counts: []int{2, 1, 1, 1, 1, 1}, reference: true, noteTable: "README Q4 中央"},
		{by: "地区", group: "南", base: 4, counts: []int{1, 2, 0, 0, 1, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q4 南"},
		{by: "地区", group: "地区不明", base: 1, counts: []int{0, 0, 1, 0, 0, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "README Q4 地区不明"},
	})...)
	// README "Trend (Q1, 全体)": baseline no-answer 1 (B15) of 15.
	figs = append(figs, e2eCrosstab("baseline", "Q1", codes3, []e2eGroup{
		{by: "全体", group: "全体", base: 15, counts: []int{4, 5, 5, 1}, residualsEmpty: true, noteTable: "README Trend Q1 baseline 4/5/5, NA 1"},
	})...)

	figs = append(figs,
		// README "Q4 (SC)" summary: scores 5×5, 4×6, 3×4, 2×2, 1×2; sum 67, n 19;
		// SS = 267 − 67²/19; sd with n−1; median the 10th of 19; top box 11/20
		// (the base with the no-answer, as the crosstab's).
		e2eFigure{"summary", "current,Q4,全体,全体", e2eCells("n", 19, "mean", 67.0/19,
			"sd", math.Sqrt((267-67.0*67/19)/18), "median", 4, "min", 1, "max", 5,
			"top_box_pct", 100*11.0/20), "README Q4 summary 全体"},
		// README "Q5 (NUM) summary 全体": 18 answers, sum 42, SS = 264 − 42²/18 = 166;
		// median (0 + 1)/2; NUM has no top box.
		e2eFigure{"summary", "current,Q5,全体,全体", e2eCells("n", 18, "mean", 42.0/18,
			"sd", math.Sqrt(166.0/17), "median", 0.5, "min", 0, "max", 10, "top_box_pct", nil),
			"README Q5 summary 全体"},

		// README "Indicators": I1 15/20 vs 9/15 from baseline/, z = 0.945984,
		// p = 0.344157, Wilson 53.129912…–88.813830…, target 80 増 → C.
		e2eFigure{"indicators", "I1,全体", e2eCells("question_id", "Q1", "baseline", 60.0, "baseline_n", 15,
			"current", 75.0, "current_n", 20, "ci_low", 53.129912, "ci_high", 88.813830,
			"target", 80, "direction", "増", "p_value", 0.344157, "evaluation", "C"), "README Indicators I1 全体"},
		// I2 4/20 vs 25.0 (n 40, given), z = −0.431666, p = 0.665984,
		// Wilson 8.065766…–41.601743…, target 10 減 → C.
		e2eFigure{"indicators", "I2,全体", e2eCells("question_id", "Q4", "baseline", 25.0, "baseline_n", 40,
			"current", 20.0, "current_n", 20, "ci_low", 8.065766, "ci_high", 41.601743,
			"target", 10, "direction", "減", "p_value", 0.665984, "evaluation", "C"), "README Indicators I2 全体"},
		// I1 by district: 北 6/8 now, 3/6 at baseline.
		e2eFigure{"indicators", "I1,北", e2eCells("baseline", 50.0, "baseline_n", 6, "current", 75.0, "current_n", 8),
			"README Indicators I1 by district, 北"},
		// 中央 5/7 now. Its baseline 3/5 is not shown: in baseline/ 南 (4) is
		// primary-suppressed and 中央 (5) is the smallest other district, so it
		// is complementary-suppressed there (analyze/indicator.go), and with no
		// baseline the evaluation is －.
		e2eFigure{"indicators", "I1,中央", e2eCells("current", 100*5.0/7, "current_n", 7, "baseline", nil,
			"p_value", nil, "evaluation", "－"), "README Indicators I1 by district, 中央"},
		// 南 3/4: current base < 5 → empty figures, evaluation －.
		e2eFigure{"indicators", "I1,南", e2eCells("current", nil, "current_n", 4, "ci_low", nil, "ci_high", nil,
			"baseline", nil, "p_value", nil, "evaluation", "－"), "README Indicators I1 by district, 南"},

		// README "Trend (Q1, 全体)": code 1 4/15 → 7/20, printed 26.7 → 35.0, diff
		// +8.3 pt (the printed figures' difference), p = 0.599203 (from the counts).
		e2eFigure{"trend", "Q1,全体,全体,1", e2eCells("baseline_count", 4, "baseline_base", 15, "baseline_pct", 100*4.0/15,
			"current_count", 7, "current_base", 20, "current_pct", 35.0, "diff_pt", 35-26.7,
			"p_value", 0.599203), "README Trend Q1 code 1"},
		e2eFigure{"trend", "Q1,全体,全体,2", e2eCells("baseline_count", 5, "baseline_base", 15, "baseline_pct", 100*5.0/15,
			"current_count", 8, "current_base", 20, "current_pct", 40.0, "diff_pt", 40-33.3), "README Trend Q1 code 2"},
		e2eFigure{"trend", "Q1,全体,全体,3", e2eCells("baseline_count", 5, "baseline_base", 15, "baseline_pct", 100*5.0/15,
			"current_count", 4, "current_base", 20, "current_pct", 20.0, "diff_pt", 20-33.3), "README Trend Q1 code 3"},

		// README "Hearings": H04 全体 1/1; 地区 北 code 1, 中央 and 南 code 2 (the
		// volunteer group counts in both); 団体種別; H05 全体 code 2 and 3.
		e2eFigure{"hearings", "H04,全体,全体,1", e2eCells("theme", "つながり", "count", 1), "README Hearings H04 全体"},
		e2eFigure{"hearings", "H04,全体,全体,2", e2eCells("count", 1), "README Hearings H04 全体"},
		e2eFigure{"hearings", "H04,全体,全体,3", e2eCells("count", 0), "README Hearings H04 全体"},
		e2eFigure{"hearings", "H04,地区,北,1", e2eCells("count", 1), "README Hearings H04 北"},
		e2eFigure{"hearings", "H04,地区,北,2", e2eCells("count", 0), "README Hearings H04 北"},
		e2eFigure{"hearings", "H04,地区,中央,2", e2eCells("count", 1), "README Hearings H04 中央"},
		e2eFigure{"hearings", "H04,地区,南,2", e2eCells("count", 1), "README Hearings H04 南"},
		e2eFigure{"hearings", "H04,団体種別,地区社協,1", e2eCells("count", 1), "README Hearings H04 団体種別"},
		e2eFigure{"hearings", "H04,団体種別,ボランティア団体,2", e2eCells("count", 1), "README Hearings H04 団体種別"},
		e2eFigure{"hearings", "H05,全体,全体,2", e2eCells("theme", "参加", "count", 1), "README Hearings H05 全体"},
		e2eFigure{"hearings", "H05,全体,全体,3", e2eCells("count", 1), "README Hearings H05 全体"},
		e2eFigure{"hearings", "H05,全体,全体,1", e2eCells("count", 0), "README Hearings H05 全体"},
	)
	return figs
}

// e2eManifest is the part of manifest.json the tests read.
// e2eInputRows is an input's row accounting in manifest.json.
type e2eInputRows struct {
	Read      int `json:"read"`
	Included  int `json:"included"`
	Empty     int `json:"empty"`
	Duplicate int `json:"duplicate"`
	Invalid   int `json:"invalid"`
	Removed   int `json:"removed"`
}

type e2eManifest struct {
	Version  string `json:"version"`
	Date     string `json:"date"`
	Settings struct {
		Distributed   int `json:"distributed"`
		SuppressBelow int `json:"suppress_below"`
		RefBelow      int `json:"reference_below"`
	} `json:"settings"`
	Inputs []struct {
		Path    string       `json:"path"`
		Kind    string       `json:"kind"`
		Rows    e2eInputRows `json:"rows"`
		Balance bool         `json:"rows_balance"`
	} `json:"inputs"`
	Counts struct {
		Respondents         int            `json:"respondents"`
		BaselineRespondents int            `json:"baseline_respondents"`
		Removed             int            `json:"removed"`
		Hearings            int            `json:"hearings"`
		Errors              int            `json:"errors"`
		Warnings            int            `json:"warnings"`
		Corrections         int            `json:"corrections"`
		Problems            map[string]int `json:"problems"`
	} `json:"counts"`
	Corrections []struct {
		Row                                                   int    `json:"row"`
		Target, ID, Item, Before, After, Reason, Person, File string // matched case-insensitively
		Cell                                                  string `json:"cell"`
	} `json:"corrections"`
	Outputs []struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
	} `json:"outputs"`
}

func e2eReadManifest(t *testing.T, out string) e2eManifest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m e2eManifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	return m
}

// e2eRows is the row accounting of one input file in manifest.json.
type e2eRows struct{ read, included, empty, duplicate, invalid, removed int }

// e2eCheckRows checks that every input accounts for every row
// (read = included + empty + duplicate + invalid + removed) and that the
// files listed in want have exactly those counts.
func e2eCheckRows(t *testing.T, m e2eManifest, want map[string]e2eRows) {
	t.Helper()
	seen := map[string]bool{}
	for _, in := range m.Inputs {
		r := in.Rows
		if sum := r.Included + r.Empty + r.Duplicate + r.Invalid + r.Removed; sum != r.Read || !in.Balance {
			t.Errorf("manifest %s: read %d, included+empty+duplicate+invalid+removed = %d, rows_balance %v",
				in.Path, r.Read, sum, in.Balance)
		}
		if w, ok := want[in.Path]; ok {
			seen[in.Path] = true
			got := e2eRows{r.Read, r.Included, r.Empty, r.Duplicate, r.Invalid, r.Removed}
			if got != w {
				t.Errorf("manifest %s rows = %+v, want %+v", in.Path, got, w)
			}
		}
	}
	for _, p := range e2eSorted(want) {
		if !seen[p] {
			t.Errorf("manifest: no input %s", p)
		}
	}
}

// e2eCheckOutputHashes checks that manifest.json lists every other file of OUT
// with its SHA-256.
func e2eCheckOutputHashes(t *testing.T, out string, m e2eManifest) {
	t.Helper()
	tree := readTree(t, out)
	delete(tree, "manifest.json")
	listed := map[string]string{}
	for _, o := range m.Outputs {
		listed[o.Path] = o.SHA256
	}
	for _, p := range e2eSorted(tree) {
		sum := sha256.Sum256(tree[p])
		if got, ok := listed[p]; !ok {
			t.Errorf("manifest outputs: %s missing", p)
		} else if got != hex.EncodeToString(sum[:]) {
			t.Errorf("manifest outputs: %s has a wrong sha256", p)
		}
	}
	for _, p := range e2eSorted(listed) {
		if _, ok := tree[p]; !ok {
			t.Errorf("manifest outputs: %s listed but not written", p)
		}
	}
}

// e2eGoldenFiles lists the files of OUT compared with goldens: data/*.csv,
// problems.csv and manifest.json (whichever exist).
func e2eGoldenFiles(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	for _, p := range e2eSorted(readTree(t, out)) {
		if (strings.HasPrefix(p, "data/") && strings.HasSuffix(p, ".csv")) || p == "problems.csv" || p == "manifest.json" {
			files = append(files, p)
		}
	}
	return files
}

// e2eCheckGolden compares the golden files of out with testdata/golden/name
// byte for byte, or rewrites them with -update. On a mismatch it writes
// NAME.got.EXT beside the golden (gitignored) and prints a unified diff.
func e2eCheckGolden(t *testing.T, name, out string) {
	t.Helper()
	e2eCheckGoldenFiles(t, name, out, e2eGoldenFiles(t, out))
}

// e2eCheckGoldenFiles is e2eCheckGolden for the given files of out.
func e2eCheckGoldenFiles(t *testing.T, name, out string, files []string) {
	t.Helper()
	dir := filepath.Join(e2eGolden, name)
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	// Goldens that the run no longer writes.
	want := map[string]bool{}
	for _, p := range files {
		want[p] = true
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("no goldens in %s; run go test ./cmd/midreview -run TestE2E -update", dir)
	}
	for _, p := range e2eSorted(readTree(t, dir)) {
		if !want[p] && !strings.Contains(p, ".got.") {
			t.Errorf("golden %s/%s is no longer written", name, p)
		}
	}
	for _, p := range files {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		gpath := filepath.Join(dir, filepath.FromSlash(p))
		ext := filepath.Ext(gpath)
		gotPath := strings.TrimSuffix(gpath, ext) + ".got" + ext
		wantData, err := os.ReadFile(gpath)
		if err != nil {
			t.Errorf("golden %s/%s: %v (run with -update)", name, p, err)
			continue
		}
		if bytes.Equal(got, wantData) {
			os.Remove(gotPath) // a leftover from an earlier failure
			continue
		}
		if err := os.WriteFile(gotPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s/%s differs from the golden; got written to %s\n%s", name, p, gotPath, e2eDiff(gpath, gotPath, wantData, got))
	}
}

// e2eDiff returns `diff -u` of the two files, or their first differing line without it.
func e2eDiff(wantPath, gotPath string, want, got []byte) string {
	if _, err := exec.LookPath("diff"); err == nil {
		out, _ := exec.Command("diff", "-u", wantPath, gotPath).CombinedOutput()
		return string(out)
	}
	return firstDiff(string(want), string(got))
}

func TestE2ESmall(t *testing.T) {
	t.Run("csv", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", out, "-formats", "csv")

		tree := readTree(t, out)
		for _, p := range []string{"report.pdf", "tabulation.xlsx", "dashboard/index.html"} {
			if _, ok := tree[p]; ok {
				t.Errorf("-formats csv wrote %s", p)
			}
		}
		e2eCheckFigures(t, out, smallFigures())

		t.Run("no trend for Q4", func(t *testing.T) {
			// README "Trend": Q4 has no trend rows (not in baseline/).
			for _, r := range e2eReadCSV(t, filepath.Join(out, "data", "trend.csv")).rows {
				if r["question_id"] == "Q4" {
					t.Errorf("trend.csv has a Q4 row: %v", r)
				}
			}
		})
		t.Run("free text", func(t *testing.T) {
			// README "Free text": 4 survey answers (S01 S04 S09 S16), 4 hearing comments.
			var survey []string
			hearing := 0
			for _, r := range e2eReadCSV(t, filepath.Join(out, "data", "freetext.csv")).rows {
				switch r["source"] {
				case "survey":
					survey = append(survey, r["record_id"])
				case "hearing":
					hearing++
				}
			}
			if got := strings.Join(survey, " "); got != "S01 S04 S09 S16" || hearing != 4 {
				t.Errorf("freetext.csv: survey %q, hearing %d; want S01 S04 S09 S16 and 4", got, hearing)
			}
		})
		t.Run("problems", func(t *testing.T) {
			// README: no problem (Q4, not in baseline/, is not one).
			e2eCompareProblems(t, e2eProblems(t, out), nil)
		})
		t.Run("manifest", func(t *testing.T) {
			// README "Overview": 配布数 50, valid 20; baseline 15; two organizations;
			// 秘匿基準 5, 参考値基準 10; 基準日 2026-11-01; no errors, no warnings.
			m := e2eReadManifest(t, out)
			checks := []struct {
				name      string
				got, want any
			}{
				{"version", m.Version, "dev"},
				{"date", m.Date, "2026-11-01"},
				{"distributed", m.Settings.Distributed, 50},
				{"suppress_below", m.Settings.SuppressBelow, 5},
				{"reference_below", m.Settings.RefBelow, 10},
				{"respondents", m.Counts.Respondents, 20},
				{"baseline_respondents", m.Counts.BaselineRespondents, 15},
				{"hearings", m.Counts.Hearings, 2},
				{"removed", m.Counts.Removed, 0},
				{"errors", m.Counts.Errors, 0},
				{"warnings", m.Counts.Warnings, 0},
				{"problems", fmt.Sprint(m.Counts.Problems), "map[]"},
			}
			for _, ck := range checks {
				if ck.got != ck.want {
					t.Errorf("manifest %s = %v, want %v", ck.name, ck.got, ck.want)
				}
			}
			// README "Data": a.xlsx S01–S14, b.csv S15–S20, base.xlsx B01–B15, two forms.
			e2eCheckRows(t, m, map[string]e2eRows{
				"responses/a.xlsx":    {14, 14, 0, 0, 0, 0},
				"responses/b.csv":     {6, 6, 0, 0, 0, 0},
				"baseline/base.xlsx":  {15, 15, 0, 0, 0, 0},
				"hearings/forms.xlsx": {2, 2, 0, 0, 0, 0},
			})
			e2eCheckOutputHashes(t, out, m)
		})
		t.Run("golden", func(t *testing.T) { e2eCheckGolden(t, "small", out) })
	})

	t.Run("all formats", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", out)
		tree := readTree(t, out)
		// outputs.md "Output folder"; districts/NN_地区名.pdf in sheet 地区 order.
		want := []struct{ path, prefix string }{
			{"report.pdf", "%PDF-"},
			{"districts/01_北.pdf", "%PDF-"},
			{"districts/02_中央.pdf", "%PDF-"},
			{"districts/03_南.pdf", "%PDF-"},
			{"tabulation.xlsx", "PK"},
			{"commentary_draft.xlsx", "PK"},
			{"dashboard/index.html", ""},
			{"dashboard/echarts.min.js", ""},
			{"data/crosstab.csv", "\uFEFF"},
			{"data/summary.csv", "\uFEFF"},
			{"data/trend.csv", "\uFEFF"},
			{"data/indicators.csv", "\uFEFF"},
			{"data/hearings.csv", "\uFEFF"},
			{"data/freetext.csv", "\uFEFF"},
			{"data/keywords.csv", "\uFEFF"},
			{"problems.csv", "\uFEFF"},
			{"manifest.json", "{"},
		}
		for _, w := range want {
			data, ok := tree[w.path]
			switch {
			case !ok:
				t.Errorf("%s not written", w.path)
			case len(data) == 0:
				t.Errorf("%s is empty", w.path)
			case !bytes.HasPrefix(data, []byte(w.prefix)):
				t.Errorf("%s does not start with %q", w.path, w.prefix)
			}
		}
		if n := len(readTree(t, filepath.Join(out, "districts"))); n != 3 {
			t.Errorf("districts/ holds %d files, want 3", n)
		}
		e2eCheckOutputHashes(t, out, e2eReadManifest(t, out))
		t.Run("rendered golden", func(t *testing.T) { e2eCheckRendered(t, "small-rendered", out) })
		// The CSVs do not depend on the other formats being written.
		csvOnly := filepath.Join(t.TempDir(), "csv")
		e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", csvOnly, "-formats", "csv")
		for p, data := range readTree(t, csvOnly) {
			if strings.HasSuffix(p, ".csv") && !bytes.Equal(data, tree[p]) {
				t.Errorf("%s differs between -formats csv and all formats", p)
			}
		}
	})
}

// e2eCheckRendered compares the publishable outputs of out, as text, with the
// goldens in testdata/golden/name (conventions: PDF as `pdftotext -layout`, XLSX
// as a Sheet!A1<TAB>value dump, HTML as bytes): the ward report, the first
// district handout, the tabulation book and the dashboard page.
func e2eCheckRendered(t *testing.T, name, out string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (install poppler-utils)")
		}
		t.Skip("pdftotext missing (poppler-utils): rendered goldens not compared")
	}
	derived := t.TempDir()
	put := func(p string, data []byte) {
		dst := filepath.Join(derived, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{"dashboard/index.html", "tabulation.xlsx.txt", "commentary_draft.xlsx.txt"}
	html, err := os.ReadFile(filepath.Join(out, "dashboard", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	put("dashboard/index.html", html)
	for _, p := range []string{"tabulation.xlsx", "commentary_draft.xlsx"} {
		book, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		dump, err := xlsxbuild.Dump(book)
		if err != nil {
			t.Fatal(err)
		}
		put(p+".txt", []byte(dump))
	}
	for _, p := range []string{"report.pdf", "districts/01_北.pdf"} {
		txt, err := exec.Command("pdftotext", "-layout", filepath.Join(out, filepath.FromSlash(p)), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", p, err)
		}
		put(p+".txt", txt)
		files = append(files, p+".txt")
	}
	sort.Strings(files)
	e2eCheckGoldenFiles(t, name, derived, files)
}

// An e2eProblem is one row of problems.csv without its message.
type e2eProblem struct {
	Severity, Code, File, Sheet, Cell, Row, RecordID string
}

// e2eProblems reads OUT/problems.csv.
func e2eProblems(t *testing.T, out string) []e2eProblem {
	t.Helper()
	return e2eProblemsIn(t, filepath.Join(out, "problems.csv"))
}

// e2eProblemsIn reads the problems file at path (OUT/problems.csv, or
// OUT.problems.csv of a stopped run).
func e2eProblemsIn(t *testing.T, path string) []e2eProblem {
	t.Helper()
	var ps []e2eProblem
	for _, r := range e2eReadCSV(t, path).rows {
		ps = append(ps, e2eProblem{r["severity"], r["code"], r["file"], r["sheet"], r["cell"], r["row"], r["record_id"]})
	}
	return ps
}

// e2eCompareProblems compares problems as values, in order.
func e2eCompareProblems(t *testing.T, got, want []e2eProblem) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("problem %d missing: %+v", i+1, want[i])
		case i >= len(want):
			t.Errorf("unexpected problem %d: %+v", i+1, got[i])
		case got[i] != want[i]:
			t.Errorf("problem %d = %+v\n          want %+v", i+1, got[i], want[i])
		}
	}
}

// messyProblems is the planted list of testdata/batches/messy/README.md, in
// its order (#1–#12): 7 errors and 5 warnings.
var messyProblems = []e2eProblem{
	{"エラー", "unknown-code", "responses/a.csv", "", "E4", "", "M03"},     // #1 Q1 "7"
	{"エラー", "multiple-values", "responses/a.csv", "", "E5", "", "M04"},  // #2 Q1 "1,2"
	{"エラー", "not-a-number", "responses/a.csv", "", "I6", "", "M05"},     // #3 Q5 "たくさん"
	{"エラー", "unknown-district", "responses/a.csv", "", "B7", "", "M06"}, // #4 F1 "西"
	{"警告", "outside-condition", "responses/a.csv", "", "G9", "", "M08"}, // #5 Q3 with Q2 = 2
	{"警告", "empty-row", "responses/a.csv", "", "", "10", ""},            // #6 record 10
	{"警告", "duplicate-row", "responses/a.csv", "", "A12", "", "M09"},    // #7 copy of record 11
	{"エラー", "duplicate-id", "responses/a.csv", "", "A14", "", "M10"},    // #8 differs from record 13
	{"警告", "unknown-column", "responses/b.xlsx", "回答", "M3", "", ""},    // #9 メモ
	// The 記入例 sheet of hearings/forms.xlsx is skipped without a warning.
	{"エラー", "duplicate-organization", "hearings/list.xlsx", "一覧", "A3", "", "北地区社会福祉協議会"}, // #10
	{"エラー", "unknown-code", "hearings/list.xlsx", "一覧", "D4", "", "南子ども会"},                // #11 H04 "普通"
}

func TestE2EMessy(t *testing.T) {
	t.Run("errors stop the run", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		code, _, stderr := e2eRun(t, "run", "-batch", e2eMessy, "-out", out)
		if code != 1 {
			t.Fatalf("run on messy: exit %d, want 1\n%s", code, stderr)
		}
		// The message ends with what to do next, and an unknown code names
		// the codes the question takes and where they are defined.
		for _, want := range []string{
			"\n" + nextStep + "\n",
			"E4: Q1: 選択肢にないコードまたはラベルです。選択肢シートのコード・ラベル・別名と照合してください（definitions.xlsx の選択肢シートの選択肢セット「付き合い」: 1 よくある・2 ときどき・3 ない）: \"7\"",
		} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
		}
		// Issue 30: a stopped run creates no OUT; its problems go beside it.
		if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a stopped run created OUT (%v)", err)
		}
		e2eCompareProblems(t, e2eProblemsIn(t, out+".problems.csv"), messyProblems)
		// The same problems.csv as the -allow-errors run (golden messy/problems.csv).
		if !*update {
			got, _ := os.ReadFile(out + ".problems.csv")
			want, err := os.ReadFile(filepath.Join(e2eGolden, "messy", "problems.csv"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("problems.csv of the stopped run differs from golden messy/problems.csv:\n%s", got)
			}
		}
	})

	t.Run("check", func(t *testing.T) {
		batch, err := filepath.Abs(e2eMessy)
		if err != nil {
			t.Fatal(err)
		}
		golden, err := filepath.Abs(filepath.Join(e2eGolden, "messy", "problems.csv"))
		if err != nil {
			t.Fatal(err)
		}
		cwd := t.TempDir()
		t.Chdir(cwd)
		e2eMustRun(t, 1, "check", "-batch", batch)
		// check writes the full list beside the default OUT, and nothing else.
		if names := e2eSorted(readTree(t, cwd)); strings.Join(names, " ") != "out.problems.csv" {
			t.Errorf("check wrote %v, want out.problems.csv", names)
		}
		if !*update {
			got, _ := os.ReadFile(filepath.Join(cwd, "out.problems.csv"))
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("check's out.problems.csv differs from golden messy/problems.csv:\n%s", got)
			}
		}
	})

	t.Run("allow errors", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		e2eMustRun(t, 0, "run", "-batch", e2eMessy, "-out", out, "-allow-errors", "-formats", "csv")
		e2eCompareProblems(t, e2eProblems(t, out), messyProblems)

		m := e2eReadManifest(t, out)
		// README "Respondents after reading": a.csv has 13 records below the
		// header: M01–M08 (8), record 10 empty, M09 twice (one duplicate-row),
		// M10 twice (the second is a duplicate-id error). b.xlsx M11–M15.
		// hearings: 団体A in forms.xlsx (記入例 skipped); list.xlsx rows 2–4 with
		// row 3 the conflicting duplicate organization.
		e2eCheckRows(t, m, map[string]e2eRows{
			"responses/a.csv":     {13, 10, 1, 1, 1, 0},
			"responses/b.xlsx":    {5, 5, 0, 0, 0, 0},
			"hearings/forms.xlsx": {1, 1, 0, 0, 0, 0},
			"hearings/list.xlsx":  {3, 2, 0, 0, 1, 0},
		})
		if m.Counts.Respondents != 15 || m.Counts.Errors != 7 || m.Counts.Warnings != 4 {
			t.Errorf("manifest counts: respondents %d, errors %d, warnings %d; want 15, 7, 4",
				m.Counts.Respondents, m.Counts.Errors, m.Counts.Warnings)
		}

		// Invalid answers count as no answer. Q1 as read: M01 1, M02 2, M03 `7`
		// (invalid → NA), M04 `1,2` (invalid → NA), M05 ときどき = 2, M06 1, M07 2,
		// M08 3, M09 2, M10 2 (first record), M11 1, M12 2, M13 3, M14 ２ = 2,
		// M15 1 → code 1: 4, code 2: 7, code 3: 2, NA 2 of 15.
		// F1: M06 `西` (invalid) and M07 (blank) are no answer → 地区不明 base 2
		// (M06 Q1 1, M07 Q1 2).
		figs := e2eCrosstab("current", "Q1", []string{"1", "2", "3"}, []e2eGroup{
			{by: "全体", group: "全体", base: 15, counts: []int{4, 7, 2, 2}, residualsEmpty: true, noteTable: "messy README, invalid Q1 as NA"},
			{by: "地区", group: "地区不明", base: 2, counts: []int{1, 1, 0, 0}, suppressed: true, reference: true, residualsEmpty: true, noteTable: "messy README, invalid district as 地区不明"},
		})
		figs = append(figs, e2eFigure{"crosstab", "current,F1,全体,全体,NA", e2eCells("count", 2, "base", 15), "messy: M06 西 and M07 blank"})
		// Q3 as read (README): M01 {1,3}, M02 {2}, M04 {1}, M09 {1,2}, M11 {1,3},
		// M12 {1,2}, M14 {2}, M15 {1}; asked (Q2 = 1): those 8; M08's `2` not counted.
		figs = append(figs, e2eCrosstab("current", "Q3", []string{"1", "2", "3"}, []e2eGroup{
			{by: "全体", group: "全体", base: 8, counts: []int{6, 4, 2, 0}, reference: true, residualsEmpty: true, noteTable: "messy README Q3 as read"},
		})...)
		e2eCheckFigures(t, out, figs)
		e2eCheckGolden(t, "messy", out)
	})

	t.Run("allow errors, all formats", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		e2eMustRun(t, 0, "run", "-batch", e2eMessy, "-out", out, "-allow-errors")
		tree := readTree(t, out)
		for _, p := range []string{"report.pdf", "districts/01_北.pdf", "districts/02_中央.pdf", "districts/03_南.pdf",
			"tabulation.xlsx", "dashboard/index.html", "data/crosstab.csv", "problems.csv", "manifest.json"} {
			if len(tree[p]) == 0 {
				t.Errorf("%s not written", p)
			}
		}
		e2eCheckOutputHashes(t, out, e2eReadManifest(t, out))
	})
}

func TestE2EDeterministic(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", a)
	e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", b)
	ta, tb := readTree(t, a), readTree(t, b)
	var differ []string
	for _, p := range e2eSorted(ta) {
		if !bytes.Equal(ta[p], tb[p]) {
			differ = append(differ, p)
		}
	}
	for _, p := range e2eSorted(tb) {
		if _, ok := ta[p]; !ok {
			differ = append(differ, p+" (only in the second run)")
		}
	}
	if len(differ) > 0 {
		t.Errorf("outputs differ between two runs of the same batch: %s", strings.Join(differ, ", "))
	}
	if len(ta) < 10 {
		t.Errorf("only %d files written", len(ta))
	}
}

// e2eHashes returns the SHA-256 of every file below dir.
func e2eHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	hs := map[string]string{}
	for p, data := range readTree(t, dir) {
		sum := sha256.Sum256(data)
		hs[p] = hex.EncodeToString(sum[:])
	}
	return hs
}

func TestE2EInputsUnchanged(t *testing.T) {
	tests := []struct {
		name  string
		batch string
		args  []string
		want  int // exit status of run; check exits 0 for small and 1 for messy
		check int
	}{
		{"small", e2eSmall, []string{"-formats", "csv"}, 0, 0},
		{"messy", e2eMessy, nil, 1, 1},
		{"messy allow errors", e2eMessy, []string{"-allow-errors", "-formats", "csv"}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e2eHashes(t, tt.batch)
			args := append([]string{"run", "-batch", tt.batch, "-out", filepath.Join(t.TempDir(), "out")}, tt.args...)
			e2eMustRun(t, tt.want, args...)
			e2eMustRun(t, tt.check, "check", "-batch", tt.batch, "-out", filepath.Join(t.TempDir(), "out"))
			after := e2eHashes(t, tt.batch)
			for _, p := range e2eSorted(before) {
				if before[p] != after[p] {
					t.Errorf("%s changed", p)
				}
			}
			for _, p := range e2eSorted(after) {
				if _, ok := before[p]; !ok {
					t.Errorf("%s appeared in the batch", p)
				}
			}
		})
	}
}

// TestE2EDisplayTextKept checks that text from definitions.xlsx is printed as
// typed: NFKC is for matching only. The small batch's 計画名 is
// テスト計画（第1期） with full-width parentheses (definitions.xlsx.txt 設定!B2).
func TestE2EDisplayTextKept(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", out, "-formats", "csv")
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Settings struct {
			PlanName string `json:"plan_name"`
		} `json:"settings"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if want := "テスト計画（第1期）"; m.Settings.PlanName != want {
		t.Errorf("manifest plan_name = %q, want %q as typed in 設定!B2", m.Settings.PlanName, want)
	}
}

// TestE2EOutputPermissions checks that OUT and problems.csv get the same
// permissions as any folder or file the user creates (umask applies), so that
// colleagues on a shared folder can open the handouts.
func TestE2EOutputPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	root := t.TempDir()
	ref := filepath.Join(root, "ref")
	if err := os.Mkdir(ref, 0o777); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(ref, "file"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	mode := func(p string) fs.FileMode {
		t.Helper()
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	dirMode, fileMode := mode(ref), mode(filepath.Join(ref, "file"))

	out := filepath.Join(root, "out")
	e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", out, "-formats", "csv")
	if got := mode(out); got != dirMode {
		t.Errorf("OUT after a run: mode %v, want %v like any new folder", got, dirMode)
	}
	for _, p := range []string{"problems.csv", "data/crosstab.csv", "manifest.json"} {
		if got := mode(filepath.Join(out, p)); got != fileMode {
			t.Errorf("%s: mode %v, want %v", p, got, fileMode)
		}
	}
	stopped := filepath.Join(root, "stopped")
	e2eMustRun(t, 1, "run", "-batch", e2eMessy, "-out", stopped)
	if got := mode(stopped + ".problems.csv"); got != fileMode {
		t.Errorf("problems.csv of a stopped run: mode %v, want %v", got, fileMode)
	}
}
