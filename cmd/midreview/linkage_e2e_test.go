package main

// End-to-end test of the answer loop of ソフトとハードの連携 (issue 28): a
// run writes linkage_draft.xlsx; the urban-development side fills answers in
// and staff put it in the batch as linkage_responses.xlsx, with a row whose
// issue is gone; the next run carries the answers over by 課題ID into
// data/hard_responses.csv, counts the issues by 対応状況, warns about the
// stale row by name and writes a draft that keeps the answers.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
)

func TestE2ELinkageRoundTrip(t *testing.T) {
	batch := filepath.Join(t.TempDir(), "batch")
	if err := os.CopyFS(batch, os.DirFS(e2eHard)); err != nil {
		t.Fatal(err)
	}
	out1 := filepath.Join(t.TempDir(), "out1")
	e2eMustRun(t, 0, "run", "-batch", batch, "-out", out1, "-formats", "csv")

	// The draft: one row per issue ID, answer columns empty, every cell a string.
	f, err := excelize.OpenFile(filepath.Join(out1, "linkage_draft.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	sh := ingest.LinkageSheet.Name
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	all := e2eReadCSV(t, filepath.Join(out1, "data", "hard_responses.csv"))
	// the draft has one row per listed issue (the same sentence at one
	// place is one row, 同じ声): the rows of hard_responses.csv listed as
	// themselves
	issues := all
	issues.rows = nil
	for _, r := range all.rows {
		if r["listed_as"] == r["issue_id"] {
			issues.rows = append(issues.rows, r)
		}
	}
	if len(rows)-1 != len(issues.rows) || len(rows) < 4 {
		t.Fatalf("draft has %d rows, hard_responses.csv %d listed issues", len(rows)-1, len(issues.rows))
	}
	for r := 1; r < len(rows); r++ {
		if rows[r][ingest.ColLinkID] != issues.rows[r-1]["issue_id"] {
			t.Errorf("draft row %d: ID %q, want %q", r+1, rows[r][ingest.ColLinkID], issues.rows[r-1]["issue_id"])
		}
		for _, c := range []int{ingest.ColLinkStatus, ingest.ColLinkDepartment, ingest.ColLinkPlan, ingest.ColLinkNote} {
			if c < len(rows[r]) && rows[r][c] != "" {
				t.Errorf("draft row %d column %d not empty: %q", r+1, c+1, rows[r][c])
			}
		}
		for c := range rows[r] {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if c == ingest.ColLinkVoices {
				if rows[r][c] != issues.rows[r-1]["voices"] {
					t.Errorf("%s: 件数（同じ声） %q, hard_responses.csv voices %q", cell, rows[r][c], issues.rows[r-1]["voices"])
				}
				continue // a number
			}
			if typ, _ := f.GetCellType(sh, cell); rows[r][c] != "" && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s: cell type %v, want a string", cell, typ)
			}
		}
	}
	// Fill answers: the first issue 対応済, the second 検討中 with a plan,
	// the third a status outside the list; add a row for an issue that is gone.
	answer := func(r int, vals ...string) {
		for k, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(ingest.ColLinkStatus+1+k, r)
			if err := f.SetCellStr(sh, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	answer(2, "対応済", "土木事務所", "2026年度に補修済み", "")
	answer(3, "検討中", "都市整備局 地域交通課", "2027年度に検討", "地域交通サポート事業で相談")
	answer(4, "要調査", "", "", "")
	staleRow := len(rows) + 1
	if err := f.SetCellStr(sh, "A"+strconv.Itoa(staleRow), "P-00000000"); err != nil {
		t.Fatal(err)
	}
	answer(staleRow, "対応予定", "区 地域振興課", "", "")
	if err := f.SaveAs(filepath.Join(batch, ingest.LinkageFile)); err != nil {
		t.Fatal(err)
	}
	f.Close()

	out2 := filepath.Join(t.TempDir(), "out2")
	e2eMustRun(t, 0, "run", "-batch", batch, "-out", out2, "-formats", "csv,pdf")
	got := e2eReadCSV(t, filepath.Join(out2, "data", "hard_responses.csv"))
	if len(got.rows) != len(issues.rows) {
		t.Fatalf("%d issues after the answers, %d before", len(got.rows), len(issues.rows))
	}
	want := map[string][3]string{
		issues.rows[0]["issue_id"]: {"対応済", "土木事務所", "2026年度に補修済み"},
		issues.rows[1]["issue_id"]: {"検討中", "都市整備局 地域交通課", "2027年度に検討"},
		issues.rows[2]["issue_id"]: {"要調査", "", ""},
	}
	unanswered := 0
	for _, r := range got.rows {
		w, ok := want[r["issue_id"]]
		if !ok {
			w = [3]string{"未回答", "", ""}
			unanswered++
		}
		if r["status"] != w[0] || r["department"] != w[1] || r["plan"] != w[2] {
			t.Errorf("issue %s: %q %q %q, want %q", r["issue_id"], r["status"], r["department"], r["plan"], w)
		}
	}
	counts := map[string]string{}
	for _, r := range e2eReadCSV(t, filepath.Join(out2, "data", "hard_status_counts.csv")).rows {
		if r["district"] == "全体" {
			counts[r["status"]] = r["count"]
		}
	}
	for st, n := range map[string]string{"対応済": "1", "検討中": "1", "要調査": "1", "対応予定": "0", "未対応": "0", "未回答": strconv.Itoa(unanswered)} {
		if counts[st] != n {
			t.Errorf("hard_status_counts.csv 全体 %s = %q, want %s", st, counts[st], n)
		}
	}
	// The stale row is a warning naming its row.
	probs := e2eReadCSV(t, filepath.Join(out2, "problems.csv"))
	found := false
	for _, p := range probs.rows {
		if strings.Contains(strings.Join(e2eValues(p), ","), "stale-linkage") {
			found = true
			joined := strings.Join(e2eValues(p), ",")
			for _, s := range []string{ingest.LinkageFile, "対応", "A" + strconv.Itoa(staleRow), "P-00000000"} {
				if !strings.Contains(joined, s) {
					t.Errorf("stale-linkage problem %v does not name %s", p, s)
				}
			}
		}
	}
	if !found {
		t.Errorf("no stale-linkage warning in problems.csv: %v", probs.rows)
	}
	// linkage.pdf prints the answers beside their issues.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command("pdftotext", "-layout", filepath.Join(out2, "linkage.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"課題の一覧", "対応状況", "対応済", "要調査", issues.rows[0]["issue_id"]} {
			if !strings.Contains(string(txt), s) {
				t.Errorf("linkage.pdf lacks %q", s)
			}
		}
	}
	// The next draft keeps the answers.
	f2, err := excelize.OpenFile(filepath.Join(out2, "linkage_draft.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	v, _ := f2.GetCellValue(sh, "G3")
	if v != "都市整備局 地域交通課" {
		t.Errorf("next draft G3 = %q, want the carried 担当課", v)
	}
}

// e2eValues returns a CSV row's values.
func e2eValues(r map[string]string) []string {
	var out []string
	for _, k := range e2eSorted(r) {
		out = append(out, r[k])
	}
	return out
}
