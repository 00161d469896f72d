package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"midreview/internal/batchgen"
	"midreview/render"
)

// End-to-end tests of issue 7, "re-running with corrected data": a copy of
// testdata/batches/small gets a corrections.xlsx (written from the template
// that `midreview template` gives staff) and is run through run(), as staff do.
// The figures of the small batch are counted by hand in its README.md.

// A corrRow is one row of sheet 修正 of corrections.xlsx.
type corrRow struct {
	target, id, item, before, after, reason, person, file string
}

// smallBatch copies testdata/batches/small into a new temporary folder.
func smallBatch(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "batches", "small")
	dst := filepath.Join(t.TempDir(), "batch")
	for rel, data := range readTree(t, src) {
		p := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// writeCorrections writes batch/corrections.xlsx: the template's workbook
// (batchgen.TemplateFS) with rows filled in from row 2, as staff fill it.
func writeCorrections(t *testing.T, batch string, rows ...corrRow) {
	t.Helper()
	p := filepath.Join(batch, "corrections.xlsx")
	tmpl, err := batchgen.TemplateFS()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, tmpl["corrections.xlsx"].Data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		vals := []any{r.target, r.id, r.item, r.before, r.after, r.reason, r.person, r.file}
		if err := f.SetSheetRow("修正", cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// writeBatchFile writes a file of the batch, e.g. an extra responses CSV.
func writeBatchFile(t *testing.T, batch, rel, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(batch, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// treeHashes returns the SHA-256 of every file below dir by slash path.
func treeHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, data := range readTree(t, dir) {
		s := sha256.Sum256(data)
		out[p] = hex.EncodeToString(s[:])
	}
	return out
}

// runCorrected runs `midreview run` on batch into out with the given formats and
// returns the exit status and stdout. Every run is also checked against
// requirement 6 of issue 7: the input files' bytes are the same after the run.
func runCorrected(t *testing.T, batch, out, formats string) (int, string) {
	t.Helper()
	before := treeHashes(t, batch)
	var stdout, stderr bytes.Buffer
	code := exitCode(run(context.Background(),
		[]string{"run", "-batch", batch, "-out", out, "-formats", formats}, &stdout, &stderr))
	if after := treeHashes(t, batch); !reflect.DeepEqual(before, after) {
		t.Errorf("run changed the input files:\nbefore %v\nafter  %v", before, after)
	}
	if code == 2 {
		t.Fatalf("run: exit 2; stderr:\n%s", stderr.String())
	}
	return code, stdout.String()
}

// mustRun is runCorrected for a run that must succeed.
func mustRun(t *testing.T, batch, out, formats string) string {
	t.Helper()
	code, stdout := runCorrected(t, batch, out, formats)
	if code != 0 {
		p, _ := os.ReadFile(filepath.Join(out, "problems.csv"))
		t.Fatalf("run: exit %d; problems.csv:\n%s", code, p)
	}
	return stdout
}

// readCSVFile reads a CSV output (UTF-8 with BOM) as records, header first.
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Errorf("%s: no BOM", path)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// csvPick returns the named columns of every record of a CSV output whose
// columns match where (column name → value), header excluded.
func csvPick(t *testing.T, path string, where map[string]string, cols ...string) [][]string {
	t.Helper()
	recs := readCSVFile(t, path)
	if len(recs) == 0 {
		t.Fatalf("%s is empty", path)
	}
	idx := map[string]int{}
	for i, h := range recs[0] {
		idx[h] = i
	}
	var out [][]string
rows:
	for _, r := range recs[1:] {
		for k, v := range where {
			if r[idx[k]] != v {
				continue rows
			}
		}
		var got []string
		for _, c := range cols {
			got = append(got, r[idx[c]])
		}
		out = append(out, got)
	}
	return out
}

// auditRow is an applied correction as corrections.csv lists it:
// row,target,id,item,before,after,reason,person,file,cell.
func auditRows(t *testing.T, out string) [][]string {
	t.Helper()
	recs := readCSVFile(t, filepath.Join(out, "data", "corrections.csv"))
	want := []string{"row", "target", "id", "item", "before", "after", "reason", "person", "file", "cell"}
	if len(recs) == 0 || !reflect.DeepEqual(recs[0], want) {
		t.Fatalf("corrections.csv header %v, want %v", recs, want)
	}
	return recs[1:]
}

// TestCorrectionsFigure: one correction that moves figures (issue 7, test 1).
// S11 (中央, 女性, 65歳以上) answered Q1 = 3 (ない); the correction makes it 1 (よくある).
func TestCorrectionsFigure(t *testing.T) {
	batch := smallBatch(t)
	dir := t.TempDir()
	out1, out2 := filepath.Join(dir, "out1"), filepath.Join(dir, "out2")
	mustRun(t, batch, out1, "csv,xlsx")
	writeCorrections(t, batch, corrRow{"回答", "S11", "Q1", "3", "1", "調査票の再確認で誤記と判明", "山田", ""})
	mustRun(t, batch, out2, "csv,xlsx")

	d, err := render.Compare(os.DirFS(out1), os.DirFS(out2))
	if err != nil {
		t.Fatal(err)
	}
	// Hand-computed from the README's Q1 table, S11 moving from code 3 to code 1;
	// printed values are one decimal (四捨五入), points = new − old as printed
	// (analyze.PointDiff).
	want := []render.Change{
		{Kind: render.ChangeInput, Item: "corrections.xlsx", New: "追加"},
		// manifest counts: applied corrections 0 → 1; nothing else counted changes.
		{Kind: render.ChangeCount, Item: "corrections", Old: "0", New: "1"},
		// 全体 base 20: code 1 7 → 8 (35.0 → 40.0), code 3 4 → 3 (20.0 → 15.0).
		{Kind: render.ChangeFigure, Item: "Q1", By: "全体", Group: "全体", Choice: "よくある", Old: "35.0", New: "40.0", Points: "+5.0"},
		{Kind: render.ChangeFigure, Item: "Q1", By: "全体", Group: "全体", Choice: "ない", Old: "20.0", New: "15.0", Points: "-5.0"},
		// 中央 base 7: code 1 1 → 2 (14.29 → 28.57), code 3 2 → 1; ±100/7 = ±14.3 points.
		{Kind: render.ChangeFigure, Item: "Q1", By: "地区", Group: "中央", Choice: "よくある", Old: "14.3", New: "28.6", Points: "+14.3"},
		{Kind: render.ChangeFigure, Item: "Q1", By: "地区", Group: "中央", Choice: "ない", Old: "28.6", New: "14.3", Points: "-14.3"},
		// 女性 base 11: code 1 5 → 6 (45.45 → 54.55, printed 45.5 → 54.5: +9.0),
		// code 3 2 → 1 (18.18 → 9.09, printed 18.2 → 9.1: -9.1).
		{Kind: render.ChangeFigure, Item: "Q1", By: "性別", Group: "女性", Choice: "よくある", Old: "45.5", New: "54.5", Points: "+9.0"},
		{Kind: render.ChangeFigure, Item: "Q1", By: "性別", Group: "女性", Choice: "ない", Old: "18.2", New: "9.1", Points: "-9.1"},
		// 65歳以上 base 7: code 1 3 → 4 (42.86 → 57.14, printed 42.9 → 57.1: +14.2), code 3 1 → 0 (14.29 → 0.0).
		{Kind: render.ChangeFigure, Item: "Q1", By: "年代", Group: "65歳以上", Choice: "よくある", Old: "42.9", New: "57.1", Points: "+14.2"},
		{Kind: render.ChangeFigure, Item: "Q1", By: "年代", Group: "65歳以上", Choice: "ない", Old: "14.3", New: "0.0", Points: "-14.3"},
		// I1 (Q1 in 1,2) 全体: 15/20 = 75.0 → 16/20 = 80.0, which reaches the target 80
		// (増): evaluation C → A.
		{Kind: render.ChangeFigure, Item: "I1", By: "指標", Group: "全体", Choice: "近所付き合いがある人の割合", Old: "75.0", New: "80.0", Points: "+5.0"},
		{Kind: render.ChangeEval, Item: "I1", By: "指標", Group: "全体", Choice: "近所付き合いがある人の割合", Old: "C", New: "A"},
		// I1 中央: 5/7 = 71.43 → 6/7 = 85.71. Its baseline group (n 5) is
		// complementary-suppressed, so there is no baseline: below the target the
		// evaluation was －; reaching the target 80 makes it A, which needs no baseline.
		{Kind: render.ChangeFigure, Item: "I1", By: "指標", Group: "中央", Choice: "近所付き合いがある人の割合", Old: "71.4", New: "85.7", Points: "+14.3"},
		{Kind: render.ChangeEval, Item: "I1", By: "指標", Group: "中央", Choice: "近所付き合いがある人の割合", Old: "－", New: "A"},
	}
	if !reflect.DeepEqual(d.Changes, want) {
		var b strings.Builder
		d.WriteText(&b)
		t.Errorf("changes:\n%s got %+v\nwant %+v", b.String(), d.Changes, want)
	}

	// The audit trail: corrections.csv, manifest.json and sheet 修正履歴.
	wantAudit := [][]string{{"2", "回答", "S11", "Q1", "3", "1", "調査票の再確認で誤記と判明", "山田", "responses/a.xlsx", "E12"}}
	if got := auditRows(t, out2); !reflect.DeepEqual(got, wantAudit) {
		t.Errorf("corrections.csv rows %v, want %v", got, wantAudit)
	}
	if got := auditRows(t, out1); len(got) != 0 {
		t.Errorf("corrections.csv before the correction: %v", got)
	}
	m := e2eReadManifest(t, out2)
	if m.Counts.Corrections != 1 || len(m.Corrections) != 1 {
		t.Fatalf("manifest corrections: count %d, list %+v", m.Counts.Corrections, m.Corrections)
	}
	mc := m.Corrections[0]
	if mc.Row != 2 || mc.ID != "S11" || mc.Item != "Q1" || mc.Before != "3" || mc.After != "1" ||
		mc.Reason != "調査票の再確認で誤記と判明" || mc.Person != "山田" || mc.File != "responses/a.xlsx" || mc.Cell != "E12" {
		t.Errorf("manifest correction %+v", mc)
	}
	found := false
	for _, in := range m.Inputs {
		found = found || in.Path == "corrections.xlsx"
	}
	if !found {
		t.Errorf("manifest inputs lack corrections.xlsx: %+v", m.Inputs)
	}
	f, err := excelize.OpenFile(filepath.Join(out2, "tabulation.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("修正履歴")
	if err != nil {
		t.Fatalf("tabulation.xlsx: %v", err)
	}
	var sheet strings.Builder
	for _, r := range rows {
		sheet.WriteString(strings.Join(r, "\t") + "\n")
	}
	for _, s := range []string{"S11", "調査票の再確認で誤記と判明", "山田", "responses/a.xlsx", "E12"} {
		if !strings.Contains(sheet.String(), s) {
			t.Errorf("sheet 修正履歴 lacks %q:\n%s", s, sheet.String())
		}
	}

	// `midreview diff OLD NEW -csv FILE` prints the changes and writes them as CSV.
	csvPath := filepath.Join(dir, "changes.csv")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"diff", out1, out2, "-csv", csvPath}, &stdout, &stderr); err != nil {
		t.Fatalf("diff: %v\n%s", err, stderr.String())
	}
	for _, s := range []string{"corrections.xlsx: 追加", "Q1 全体 全体 よくある: 35.0 → 40.0（+5.0ポイント）", "I1 指標 全体 近所付き合いがある人の割合: C → A"} {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("diff printout lacks %q:\n%s", s, stdout.String())
		}
	}
	recs := readCSVFile(t, csvPath)
	if len(recs) != len(want)+1 || !reflect.DeepEqual(recs[0], []string{"kind", "item", "by", "group", "choice", "old", "new", "diff_pt"}) {
		t.Fatalf("diff CSV: %d records, header %v", len(recs), recs[0])
	}
	if got, w := recs[3], []string{"数値", "Q1", "全体", "全体", "よくある", "35.0", "40.0", "+5.0"}; !reflect.DeepEqual(got, w) {
		t.Errorf("diff CSV row 3 %v, want %v", got, w)
	}

	// Re-running the same corrected batch into OUT2 reports no change.
	if s := mustRun(t, batch, out2, "csv,xlsx"); !strings.Contains(s, "前回の出力から変化はありません。") {
		t.Errorf("re-run summary:\n%s", s)
	}
}

// TestCorrectionsSummaryLine: `run` into an OUT holding the uncorrected run
// prints the one-line summary of what moved.
func TestCorrectionsSummaryLine(t *testing.T) {
	batch := smallBatch(t)
	out := filepath.Join(t.TempDir(), "out")
	mustRun(t, batch, out, "csv")
	writeCorrections(t, batch, corrRow{"回答", "S11", "Q1", "3", "1", "誤記", "山田", ""})
	got := mustRun(t, batch, out, "csv")
	// The counts of TestCorrectionsFigure: 1 input, 1 count, 10 figures, 0 bases, 2 evaluations.
	want := "前回の出力から: 入力ファイル 1件、件数 1件、公表数値 10件、基数 0件、指標評価 2件が変わりました（詳細: midreview diff）。"
	if !strings.Contains(got, want) {
		t.Errorf("stdout:\n%s\nwant the line %s", got, want)
	}
}

// TestCorrectionsStale: a correction whose 修正前 is not the raw value stops the
// run (issue 7, test 2): exit 1, OUT.problems.csv names the correction's row, and
// every output of the previous run stays byte-identical (issue 30).
func TestCorrectionsStale(t *testing.T) {
	batch := smallBatch(t)
	out := filepath.Join(t.TempDir(), "out")
	mustRun(t, batch, out, "pdf,xlsx,html,csv")
	before := treeHashes(t, out)

	writeCorrections(t, batch,
		corrRow{"回答", "S01", "Q5", "5", "6", "誤記", "山田", ""}, // row 2: valid
		corrRow{"回答", "S11", "Q1", "2", "1", "誤記", "山田", ""}, // row 3: S11's Q1 is 3, not 2
	)
	code, _ := runCorrected(t, batch, out, "pdf,xlsx,html,csv")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	after := treeHashes(t, out)
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed after the stopped run", p)
		}
	}
	if len(after) != len(before) {
		t.Errorf("OUT holds %d files after the stopped run, %d before", len(after), len(before))
	}
	got := csvPick(t, out+".problems.csv", map[string]string{"severity": "エラー"},
		"code", "file", "sheet", "cell", "row", "record_id", "item", "value")
	want := [][]string{{"stale-correction", "corrections.xlsx", "修正", "", "3", "S11", "Q1", "3"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors in problems.csv %v, want %v", got, want)
	}
}

// TestCorrectionsRemoveDuplicate: a duplicate questionnaire entered again under a
// new ID is removed with * → 削除 (issue 7, test 3). The counts reconcile and
// every figure equals the original batch's.
func TestCorrectionsRemoveDuplicate(t *testing.T) {
	batch := smallBatch(t)
	dir := t.TempDir()
	out1, out2 := filepath.Join(dir, "out1"), filepath.Join(dir, "out2")
	mustRun(t, batch, out1, "csv")

	// c.csv: S11's answers again (中央, 女性, 65歳以上, Q1 3, Q2 2, Q4 5, Q5 0) as S21.
	writeBatchFile(t, batch, "responses/c.csv", "回答者ID,F1,F2,F3,Q1,Q2,Q3,Q4,Q5,Q6\r\nS21,中央,2,3,3,2,,5,0,\r\n")
	writeCorrections(t, batch, corrRow{"回答", "S21", "*", "", "削除", "S11の二重入力", "佐藤", ""})
	mustRun(t, batch, out2, "csv")

	m := e2eReadManifest(t, out2)
	var c *e2eInputRows
	for i, in := range m.Inputs {
		if !in.Balance {
			t.Errorf("%s: rows do not balance: %+v", in.Path, in.Rows)
		}
		if in.Path == "responses/c.csv" {
			c = &m.Inputs[i].Rows
		}
	}
	if c == nil {
		t.Fatalf("manifest inputs lack responses/c.csv: %+v", m.Inputs)
	}
	// 1 row read = 0 included + 0 empty + 0 duplicate + 0 invalid + 1 removed.
	if c.Read != 1 || c.Included != 0 || c.Removed != 1 || c.Read != c.Included+c.Empty+c.Duplicate+c.Invalid+c.Removed {
		t.Errorf("responses/c.csv rows %+v", *c)
	}
	if m.Counts.Removed != 1 || m.Counts.Respondents != 20 || m.Counts.Corrections != 1 {
		t.Errorf("counts: removed %d (want 1), respondents %d (want 20), corrections %d (want 1)",
			m.Counts.Removed, m.Counts.Respondents, m.Counts.Corrections)
	}
	want := [][]string{{"2", "回答", "S21", "*", "", "削除", "S11の二重入力", "佐藤", "responses/c.csv", ""}}
	if got := auditRows(t, out2); !reflect.DeepEqual(got, want) {
		t.Errorf("corrections.csv rows %v, want %v", got, want)
	}
	for _, name := range []string{"data/crosstab.csv", "data/summary.csv", "data/trend.csv", "data/indicators.csv", "problems.csv"} {
		a, _ := os.ReadFile(filepath.Join(out1, filepath.FromSlash(name)))
		b, _ := os.ReadFile(filepath.Join(out2, filepath.FromSlash(name)))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs from the original batch's", name)
		}
	}
}

// TestCorrectionsHearingAndBaseline: corrections of a hearing (対象 ヒアリング, ID
// = 団体名, 項目 = 項目ID) and of a baseline respondent (対象 策定時) are applied
// (issue 7, test 4).
func TestCorrectionsHearingAndBaseline(t *testing.T) {
	batch := smallBatch(t)
	out := filepath.Join(t.TempDir(), "out")
	writeCorrections(t, batch,
		corrRow{"ヒアリング", "中央ボランティアの会", "H04", "ややできている", "できている", "聞き取りメモと照合", "鈴木", ""},
		corrRow{"策定時", "B01", "Q1", "1", "3", "入力誤り", "鈴木", ""},
	)
	mustRun(t, batch, out, "csv")

	want := [][]string{
		{"2", "ヒアリング", "中央ボランティアの会", "H04", "ややできている", "できている", "聞き取りメモと照合", "鈴木", "hearings/forms.xlsx", "C5"},
		{"3", "策定時", "B01", "Q1", "1", "3", "入力誤り", "鈴木", "baseline/base.xlsx", "E2"},
	}
	got := auditRows(t, out)
	// Note: the ledger lists corrections in the order records are read, not sheet
	// order; compare as a set.
	if len(got) == 2 && got[0][0] == "3" {
		got[0], got[1] = got[1], got[0]
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("corrections.csv rows %v, want %v", got, want)
	}

	// H04 全体: 団体A 1 (できている), 団体B 2 → 1, so code 1 1 → 2, code 2 1 → 0.
	h := filepath.Join(out, "data", "hearings.csv")
	if got := csvPick(t, h, map[string]string{"item_id": "H04", "by": "全体"}, "code", "count"); !reflect.DeepEqual(got,
		[][]string{{"1", "2"}, {"2", "0"}, {"3", "0"}, {"4", "0"}}) {
		t.Errorf("hearings.csv H04 全体 %v", got)
	}
	// 団体B counts in 中央 and 南: both now code 1.
	if got := csvPick(t, h, map[string]string{"item_id": "H04", "by": "地区", "group": "南"}, "code", "count"); !reflect.DeepEqual(got,
		[][]string{{"1", "1"}, {"2", "0"}, {"3", "0"}, {"4", "0"}}) {
		t.Errorf("hearings.csv H04 南 %v", got)
	}
	// Baseline Q1 全体 base 15: code 1 4 → 3, code 2 5, code 3 5 → 6, NA 1.
	x := filepath.Join(out, "data", "crosstab.csv")
	if got := csvPick(t, x, map[string]string{"survey": "baseline", "question_id": "Q1", "by": "全体"}, "code", "count", "base"); !reflect.DeepEqual(got,
		[][]string{{"1", "3", "15"}, {"2", "5", "15"}, {"3", "6", "15"}, {"NA", "1", "15"}}) {
		t.Errorf("crosstab.csv baseline Q1 全体 %v", got)
	}
	// I1 baseline (Q1 in 1,2): 9/15 = 60.0 → 8/15 = 53.333…; current 75 unchanged.
	if got := csvPick(t, filepath.Join(out, "data", "indicators.csv"), map[string]string{"indicator_id": "I1", "group": "全体"}, "baseline", "baseline_n", "current"); !reflect.DeepEqual(got,
		[][]string{{"53.333333333333336", "15", "75"}}) {
		t.Errorf("indicators.csv I1 全体 %v", got)
	}
}

// TestCorrectionsTarget: corrections that match no record stop the run naming
// the correction's row, and ファイル narrows an ID found in two files (issue 7,
// test 5).
func TestCorrectionsTarget(t *testing.T) {
	// dupS05 is a second questionnaire entered under S05 (an ID of responses/a.xlsx)
	// with other answers: without a correction it is a duplicate-id error.
	const dupS05 = "回答者ID,F1,F2,F3,Q1,Q2,Q3,Q4,Q5,Q6\r\nS05,北,1,1,1,2,,1,0,\r\n"
	type wantProblem struct{ code, file, sheet, row, id string }
	tests := []struct {
		name     string
		extra    string // responses/c.csv, when not empty
		rows     []corrRow
		errors   []wantProblem // errors in problems.csv when the run must stop
		included int           // respondents when the run must succeed
		audit    [][]string    // file, cell of each applied correction
	}{
		{
			name:   "unknown ID",
			rows:   []corrRow{{"回答", "S99", "Q1", "3", "1", "誤記", "山田", ""}},
			errors: []wantProblem{{"correction-target", "corrections.xlsx", "修正", "2", "S99"}},
		},
		{
			name:   "unknown item",
			rows:   []corrRow{{"回答", "S01", "Q1", "1", "2", "誤記", "山田", ""}, {"回答", "S02", "Q9", "1", "2", "誤記", "山田", ""}},
			errors: []wantProblem{{"correction-target", "corrections.xlsx", "修正", "3", "S02"}},
		},
		{
			// B01 is a baseline ID: 対象 回答 does not reach it.
			name:   "wrong target",
			rows:   []corrRow{{"回答", "B01", "Q1", "1", "3", "誤記", "山田", ""}},
			errors: []wantProblem{{"correction-target", "corrections.xlsx", "修正", "2", "B01"}},
		},
		{
			name:   "file that does not hold the ID",
			rows:   []corrRow{{"回答", "S11", "Q1", "3", "1", "誤記", "山田", "responses/b.csv"}},
			errors: []wantProblem{{"correction-target", "corrections.xlsx", "修正", "2", "S11"}},
		},
		{
			name:   "duplicate ID without correction",
			extra:  dupS05,
			errors: []wantProblem{{"duplicate-id", "responses/c.csv", "", "", "S05"}},
		},
		{
			// Only c.csv's S05 is removed; a.xlsx's S05 stays: 20 respondents.
			name:     "ファイル narrows a removal",
			extra:    dupS05,
			rows:     []corrRow{{"回答", "S05", "*", "", "削除", "ID重複（別の調査票）", "山田", "responses/c.csv"}},
			included: 20,
			audit:    [][]string{{"responses/c.csv", ""}},
		},
		{
			// ファイル as typed on Windows, and a base name, match too.
			name:  "ファイル narrows a value",
			extra: dupS05,
			rows: []corrRow{
				{"回答", "S05", "*", "", "削除", "ID重複", "山田", `responses\c.csv`},
				{"回答", "S05", "Q1", "2", "1", "誤記", "山田", "a.xlsx"},
			},
			included: 20,
			audit:    [][]string{{"responses/a.xlsx", "E6"}, {"responses/c.csv", ""}},
		},
		{
			// Without ファイル the correction would reach both S05 records.
			name:   "ID in two files without ファイル",
			extra:  dupS05,
			rows:   []corrRow{{"回答", "S05", "*", "", "削除", "ID重複", "山田", ""}},
			errors: []wantProblem{{"ambiguous-correction", "corrections.xlsx", "修正", "2", "S05"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			batch := smallBatch(t)
			out := filepath.Join(t.TempDir(), "out")
			if tt.extra != "" {
				writeBatchFile(t, batch, "responses/c.csv", tt.extra)
			}
			if len(tt.rows) > 0 {
				writeCorrections(t, batch, tt.rows...)
			}
			code, _ := runCorrected(t, batch, out, "csv")
			if tt.errors != nil {
				if code != 1 {
					t.Fatalf("exit %d, want 1", code)
				}
				var got []wantProblem
				for _, r := range csvPick(t, out+".problems.csv", map[string]string{"severity": "エラー"},
					"code", "file", "sheet", "row", "record_id") {
					p := wantProblem{r[0], r[1], r[2], r[3], r[4]}
					if p.code == "duplicate-id" {
						p.sheet, p.row = "", "" // located by cell
					}
					got = append(got, p)
				}
				if !reflect.DeepEqual(got, tt.errors) {
					t.Errorf("errors %v, want %v", got, tt.errors)
				}
				if _, err := os.Stat(filepath.Join(out, "manifest.json")); err == nil {
					t.Error("a stopped run wrote manifest.json")
				}
				return
			}
			if code != 0 {
				p, _ := os.ReadFile(filepath.Join(out, "problems.csv"))
				t.Fatalf("exit %d; problems.csv:\n%s", code, p)
			}
			if m := e2eReadManifest(t, out); m.Counts.Respondents != tt.included {
				t.Errorf("respondents %d, want %d", m.Counts.Respondents, tt.included)
			}
			var got [][]string
			for _, r := range auditRows(t, out) {
				got = append(got, []string{r[8], r[9]})
			}
			if !reflect.DeepEqual(got, tt.audit) {
				t.Errorf("applied corrections (file, cell) %v, want %v", got, tt.audit)
			}
		})
	}
}
