package ingest_test

import (
	"os"
	"testing"

	"midreview/ingest"
)

// TestReadProgressBatch reads testdata/batches/progress (a year without a
// survey) and checks every record against the values typed in the workbooks.
func TestReadProgressBatch(t *testing.T) {
	b, err := ingest.Read(os.DirFS("../testdata/batches/progress"))
	if err != nil {
		t.Fatal(err)
	}
	if ingest.HasErrors(b.Problems) {
		t.Fatalf("problems: %v", b.Problems)
	}
	if b.HasSurvey() {
		t.Error("HasSurvey = true for a batch without responses/")
	}
	type rec struct {
		id     string
		year   int
		rating int // choice index, -1 none
		actual float64
		next   ingest.Next
	}
	want := []rec{
		{"A1", 2023, 0, 40, ingest.NextContinue},
		{"A1", 2024, 1, 70, ingest.NextContinue},
		{"A1", 2025, 2, 80, ingest.NextRevise},
		{"A2", 2024, 0, 120, ingest.NextExpand},
		{"A2", 2025, 1, 150, ingest.NextContinue},
		{"A3", 2024, 1, 0, ingest.NextContinue},
		{"A3", 2025, 3, 0, ingest.NextRevise},
		{"A4", 2025, 3, 1500, ingest.NextRevise},
		{"A5", 2025, 0, 12, ingest.NextEnd},
	}
	if len(b.Progress) != len(want) {
		t.Fatalf("%d records, want %d", len(b.Progress), len(want))
	}
	for i, w := range want {
		g := b.Progress[i]
		got := rec{b.Initiatives[g.Initiative].ID, g.Year, g.Rating, g.Actual, g.Next}
		if got != w {
			t.Errorf("record %d = %+v, want %+v", i, got, w)
		}
	}
	if d := b.Initiatives[3].District; d != -1 {
		t.Errorf("A4 district = %d, want -1 (区全体)", d)
	}
	if g := b.Progress[6]; g.Issues != "雨で中止になった" || g.Cell != "E2" {
		t.Errorf("A3 2025 issues %q cell %s", g.Issues, g.Cell)
	}
	for _, f := range b.Files {
		c := f.Counts
		if f.Kind == ingest.KindProgress && c.Read != c.Included+c.Empty+c.Duplicate+c.Invalid+c.Removed {
			t.Errorf("%s: rows do not balance: %+v", f.Path, c)
		}
	}
}

// TestReadCycleHistory reads the history/ copy of testdata/batches/cycle (a
// run dated 2025-11-01, a year before the batch).
func TestReadCycleHistory(t *testing.T) {
	b, err := ingest.Read(os.DirFS("../testdata/batches/cycle"))
	if err != nil {
		t.Fatal(err)
	}
	if ingest.HasErrors(b.Problems) {
		t.Fatalf("problems: %v", b.Problems)
	}
	if len(b.History) != 1 || b.History[0].SurveyName != "テスト調査" || b.History[0].Date != "2025-11-01" {
		t.Fatalf("history = %+v", b.History)
	}
	if len(b.Progress) != 9 || len(b.Current.Respondents) == 0 {
		t.Errorf("progress %d, respondents %d", len(b.Progress), len(b.Current.Respondents))
	}
}
