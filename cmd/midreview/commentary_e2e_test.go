package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"midreview/internal/xlsxbuild"
)

// staffText is the secretariat's wording in TestCommentaryWorkflow: short,
// so that it stays on one line of the PDF.
const staffText = "近所付き合いは事務局の見立てどおりです。"

// draftRow returns the 1-based row of the passage (place, target, ward report)
// in the workbook at path (sheet 所見).
func draftRow(t *testing.T, path, place, target string) int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("所見")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 2 && r[0] == place && r[1] == target && r[2] == "" {
			return i + 1
		}
	}
	t.Fatalf("%s: no row for %s %s", path, place, target)
	return 0
}

// setCells writes values by A1 cell into sheet 所見 of the workbook at src
// and saves it as dst.
func setCells(t *testing.T, src, dst string, cells map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range e2eSorted(cells) {
		if err := f.SetCellStr("所見", c, cells[c]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
}

// printedIn reports whether text is in the tabulation book's 結果の概要, the
// dashboard page and (when pdftotext is installed) the ward report, those of
// them that out holds.
func printedIn(t *testing.T, out, text string) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	book, err := os.ReadFile(filepath.Join(out, "tabulation.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	dump, err := xlsxbuild.Dump(book)
	if err != nil {
		t.Fatal(err)
	}
	got["結果の概要"] = strings.Contains(dump, "結果の概要!D") && strings.Contains(dump, "\t"+text+"\n")
	if html, err := os.ReadFile(filepath.Join(out, "dashboard", "index.html")); err == nil {
		got["dashboard"] = strings.Contains(string(html), text)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil && fileExists(filepath.Join(out, "report.pdf")) {
		txt, err := exec.Command("pdftotext", "-layout", filepath.Join(out, "report.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		got["report.pdf"] = strings.Contains(string(txt), text)
	}
	return got
}

// TestCommentaryWorkflow is the secretariat's wording end to end (inputs.md
// section 7): the draft of a run is copied to the batch and one 所見 edited,
// and the next run prints it; a correction then moves a figure behind that
// row, and the run stops (exit 1) naming commentary.xlsx, the row and the
// changed figures, leaving every output but problems.csv as it was; copying
// the new 根拠 confirms the text and the run goes through.
func TestCommentaryWorkflow(t *testing.T) {
	batch := smallBatch(t)
	out := filepath.Join(t.TempDir(), "out")
	const formats = "pdf,xlsx,html,csv"
	if code, _ := runCorrected(t, batch, out, formats); code != 0 {
		t.Fatalf("first run: exit %d", code)
	}
	draft := filepath.Join(out, "commentary_draft.xlsx")
	row := draftRow(t, draft, "設問", "Q1")
	generated := draftCell(t, draft, "D"+strconv.Itoa(row))
	if generated == "" || strings.Contains(generated, staffText) {
		t.Fatalf("draft 所見 = %q", generated)
	}

	// Draft → commentary.xlsx with one 所見 edited: it is printed.
	comm := filepath.Join(batch, "commentary.xlsx")
	setCells(t, draft, comm, map[string]string{"D" + strconv.Itoa(row): staffText, "F" + strconv.Itoa(row): "山田"})
	if code, _ := runCorrected(t, batch, out, formats); code != 0 {
		t.Fatalf("run with commentary.xlsx: exit %d", code)
	}
	for where, ok := range printedIn(t, out, staffText) {
		if !ok {
			t.Errorf("staff text not printed in %s", where)
		}
	}
	if got := printedIn(t, out, strings.SplitN(generated, "\n", 2)[0]); got["結果の概要"] || got["dashboard"] {
		t.Errorf("the generated text is still printed: %v", got)
	}
	// The new draft still offers the generated text; the audit trail names the row.
	if got := draftCell(t, draft, "D"+strconv.Itoa(row)); got != generated {
		t.Errorf("new draft 所見 = %q, want the generated %q", got, generated)
	}
	if got, want := commentaryAudit(t, out), []auditRow{{row, "設問", "Q1", "", "差し替え", "山田"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("manifest commentary = %+v, want %+v", got, want)
	}

	// A correction moves Q1's figures (S11: ない → よくある): the row is stale.
	writeCorrections(t, batch, corrRow{target: "回答", id: "S11", item: "Q1", before: "3", after: "1", reason: "誤記", person: "山田"})
	before := treeHashes(t, out)
	code, _, stderr := e2eRun(t, "run", "-batch", batch, "-out", out, "-formats", formats)
	if code != 1 {
		t.Fatalf("stale run: exit %d, want 1; stderr:\n%s", code, stderr)
	}
	t.Logf("stale run's stderr:\n%s", stderr)
	basisCell := "E" + strconv.Itoa(row)
	for _, want := range []string{"commentary.xlsx:所見!" + basisCell, "Q1 全体 よくある 35.0% n=20 → 40.0% n=20", "Q1 全体 ない 20.0% n=20 → 15.0% n=20"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %q:\n%s", want, stderr)
		}
	}
	after := treeHashes(t, out)
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed by the stopped run", p)
		}
	}
	var newBasis string
	for _, r := range e2eReadCSV(t, out+".problems.csv").rows {
		if r["code"] == "stale-commentary" {
			if r["file"] != "commentary.xlsx" || r["sheet"] != "所見" || r["cell"] != basisCell {
				t.Errorf("stale-commentary at %s %s %s, want commentary.xlsx 所見 %s", r["file"], r["sheet"], r["cell"], basisCell)
			}
			newBasis = r["value"]
		}
	}
	if !strings.Contains(newBasis, "Q1 全体 よくある 40.0% n=20") {
		t.Fatalf("problems.csv: stale-commentary value %q, want this run's 根拠", newBasis)
	}

	// The new 根拠 copied: the text is confirmed and printed again.
	setCells(t, comm, comm, map[string]string{basisCell: newBasis})
	if code, _ := runCorrected(t, batch, out, formats); code != 0 {
		t.Fatalf("run with the new 根拠: exit %d", code)
	}
	for where, ok := range printedIn(t, out, staffText) {
		if !ok {
			t.Errorf("after the new 根拠: staff text not printed in %s", where)
		}
	}
	if got := len(commentaryAudit(t, out)); got != 1 {
		t.Errorf("manifest lists %d staff passages, want 1", got)
	}
}

// draftCell returns the value of cell of sheet 所見 of the workbook at path.
func draftCell(t *testing.T, path, cell string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue("所見", cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// An auditRow is one entry of manifest.json's commentary.
type auditRow struct {
	Row                                        int
	Place, TargetID, District, Wording, Person string
}

// commentaryAudit reads manifest.json's commentary.
func commentaryAudit(t *testing.T, out string) []auditRow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Commentary []struct {
			Row      int    `json:"row"`
			Place    string `json:"place"`
			TargetID string `json:"target_id"`
			District string `json:"district"`
			Wording  string `json:"wording"`
			Person   string `json:"person"`
		} `json:"commentary"`
		Counts struct {
			StaffPassages int `json:"staff_passages"`
		} `json:"counts"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var out2 []auditRow
	for _, c := range m.Commentary {
		out2 = append(out2, auditRow{c.Row, c.Place, c.TargetID, c.District, c.Wording, c.Person})
	}
	if m.Counts.StaffPassages != len(out2) {
		t.Errorf("counts.staff_passages = %d, commentary lists %d", m.Counts.StaffPassages, len(out2))
	}
	return out2
}

// TestCommentaryCheckAndAllowErrors checks that `check` reports a stale row,
// and that `run -allow-errors` goes on with the generated text at its place
// and lists the error in problems.csv.
func TestCommentaryCheckAndAllowErrors(t *testing.T) {
	batch := smallBatch(t)
	out := filepath.Join(t.TempDir(), "out")
	e2eMustRun(t, 0, "run", "-batch", batch, "-out", out, "-formats", "csv")
	draft := filepath.Join(out, "commentary_draft.xlsx")
	row := strconv.Itoa(draftRow(t, draft, "設問", "Q1"))
	setCells(t, draft, filepath.Join(batch, "commentary.xlsx"), map[string]string{
		"D" + row: staffText, "E" + row: "Q1 全体 よくある 1.0% n=20"})

	code, _, stderr := e2eRun(t, "check", "-batch", batch, "-out", filepath.Join(t.TempDir(), "out"))
	if code != 1 || !strings.Contains(stderr, "commentary.xlsx:所見!E"+row) {
		t.Errorf("check: exit %d, stderr:\n%s", code, stderr)
	}
	e2eMustRun(t, 0, "run", "-batch", batch, "-out", out, "-formats", "xlsx,csv", "-allow-errors")
	if got := printedIn(t, out, staffText); got["結果の概要"] {
		t.Error("a stale staff text is printed under -allow-errors")
	}
	var codes []string
	for _, r := range e2eReadCSV(t, filepath.Join(out, "problems.csv")).rows {
		codes = append(codes, r["code"])
	}
	if !strings.Contains(strings.Join(codes, ","), "stale-commentary") {
		t.Errorf("problems.csv codes %v, want stale-commentary", codes)
	}
	if got := commentaryAudit(t, out); len(got) != 0 {
		t.Errorf("manifest commentary %+v, want none", got)
	}
}

// fileExists reports whether path is there.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
