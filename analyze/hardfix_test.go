package analyze

import (
	"os"
	"slices"
	"testing"

	"midreview/ingest"
)

// hardBatchIssues analyzes testdata/batches/hard and returns its issues by ID.
func hardBatchIssues(t *testing.T) (*ingest.Batch, *HardResults, map[string]*HardIssue) {
	t.Helper()
	b, err := ingest.Read(os.DirFS("../testdata/batches/hard"))
	if err != nil {
		t.Fatal(err)
	}
	hr := Run(b).Hard
	byID := map[string]*HardIssue{}
	for i := range hr.Issues {
		byID[hr.Issues[i].ID] = &hr.Issues[i]
	}
	return b, hr, byID
}

// TestHardProgressCells: a progress record's 課題 and ハード cells are two
// texts. A1 2025 (課題 「担い手が足りない」, ハード 「集会所に段差がある」) is
// quoted for its ハード cell only and its 課題 is no physical need; A2 2025
// (課題 「会場が狭い」, no ハード cell) is a physical 課題, so the progress
// chapter marks it ハード面 (P-f777be23 was quoted with 「担い手が足りない」).
func TestHardProgressCells(t *testing.T) {
	_, hr, byID := hardBatchIssues(t)
	is := byID["P-f777be23"]
	if is == nil {
		t.Fatal("no issue P-f777be23 (A1 2025)")
	}
	if is.Masked != "担い手が足りない　集会所に段差がある" && is.Masked != "担い手が足りない 集会所に段差がある" {
		t.Errorf("P-f777be23 text %q: the issue is both cells", is.Masked)
	}
	if got := is.Quoted(); got != "集会所に段差がある" {
		t.Errorf("P-f777be23 quoted %q, want the ハード cell 「集会所に段差がある」", got)
	}
	for _, c := range []struct {
		id   string
		year int
		want bool
	}{{"A1", 2025, false}, {"A2", 2025, true}, {"A1", 2023, false}, {"A4", 2025, false}} {
		if got := hr.ProgressIssueHard(c.id, c.year); got != c.want {
			t.Errorf("ProgressIssueHard(%s, %d) = %v, want %v", c.id, c.year, got, c.want)
		}
	}
	var nilHR *HardResults
	if nilHR.ProgressIssueHard("A2", 2025) {
		t.Error("a batch without ハード分類 marks a 課題 ハード面")
	}
}

// TestHardPlacedByTown: a respondent of 北 who names 南町 (sheet 町名: 南)
// as the place is filed under 南, with 北 as From (S-e413da52 was under 北);
// every survey issue whose place lies in one district is under it.
func TestHardPlacedByTown(t *testing.T) {
	b, _, byID := hardBatchIssues(t)
	is := byID["S-e413da52"]
	if is == nil {
		t.Fatal("no issue S-e413da52")
	}
	if !slices.Equal(is.Groups, []string{"南"}) || !is.PlacedBy || is.From != "北" {
		t.Errorf("S-e413da52: groups %v, PlacedBy %v, From %q; want [南], true, 北", is.Groups, is.PlacedBy, is.From)
	}
	for _, is := range byID {
		if is.Source != SourceSurvey {
			continue
		}
		if pd := placeDistrict(b, is.Place); pd >= 0 && !slices.Equal(is.Groups, []string{b.Districts[pd].Name}) {
			t.Errorf("%s names %q (%s) but is under %v", is.ID, is.Place, b.Districts[pd].Name, is.Groups)
		}
		if !is.PlacedBy && is.From != "" {
			t.Errorf("%s: From %q without PlacedBy", is.ID, is.From)
		}
	}
}
