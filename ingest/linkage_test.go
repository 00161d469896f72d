package ingest_test

import (
	"testing"
	"testing/fstest"

	"midreview/ingest"
)

// linkageFS returns the hard batch with linkage_responses.xlsx holding the
// rows of text (tab-separated cells in the columns of ingest.LinkageSheet).
func linkageFS(t testing.TB, text string) (fstest.MapFS, bool) {
	m := ingest.BatchFS(t, "hard")
	data, ok := ingest.TextWorkbook(ingest.LinkageSheet.Name, ingest.LinkageSheet.Headers(), text, 20)
	if !ok {
		return nil, false
	}
	m[ingest.LinkageFile] = &fstest.MapFile{Data: data}
	return m, true
}

// TestReadLinkage reads answered rows by 課題ID: a draft row left blank is
// skipped, an answered row without ID and a second row for one ID are
// warnings naming the row, and the issue columns are not read back.
func TestReadLinkage(t *testing.T) {
	m, ok := linkageFS(t, "S-00000001\t道路\t北\t\t段差\t対応済\t土木事務所\t2026年度\t\n"+ // row 2
		"S-00000002\t公園\t北\t\t遊具\t\t\t\t\n"+ // row 3: not answered
		"\t公園\t北\t\t遊具\t検討中\t\t\t\n"+ // row 4: no ID
		"S-00000001\t\t\t\t\t対応中\t\t\t\n"+ // row 5: second row
		" S-00000003 \t\t\t\t\t\t\t\t備考だけ\n") // row 6: a note only
	if !ok {
		t.Fatal("workbook")
	}
	b, err := ingest.Read(m)
	if err != nil {
		t.Fatal(err)
	}
	lk := b.Linkage
	if lk == nil || lk.Sheet != "対応" || lk.IDCol != 1 {
		t.Fatalf("Linkage = %+v", lk)
	}
	if len(lk.Rows) != 2 || lk.Rows[0].IssueID != "S-00000001" || lk.Rows[0].Status != "対応済" ||
		lk.Rows[0].Department != "土木事務所" || lk.Rows[0].Plan != "2026年度" || lk.Rows[0].Src.Row != 2 ||
		lk.Rows[1].IssueID != "S-00000003" || lk.Rows[1].Note != "備考だけ" {
		t.Errorf("rows = %+v", lk.Rows)
	}
	type key struct {
		code ingest.Code
		cell string
	}
	var got []key
	for _, p := range b.Problems {
		if p.File == ingest.LinkageFile {
			if p.Severity != ingest.Warning {
				t.Errorf("%v: want a warning", p)
			}
			got = append(got, key{p.Code, p.Cell()})
		}
	}
	want := []key{{ingest.CodeMissingLinkageID, "A4"}, {ingest.CodeDuplicateLinkage, "A5"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("problems %v, want %v", got, want)
	}
}

// FuzzReadLinkage reads arbitrary rows of linkage_responses.xlsx: nothing
// panics, and every problem about the file names its row.
func FuzzReadLinkage(f *testing.F) {
	f.Add("S-00000001\t道路\t北\t\t段差\t対応済\t土木事務所\t2026年度\t")
	f.Add("\t\t\t\t\t検討中\nS-1\t\t\t\t\t\t\t\t\t\t\t\t\t\t=1+1\nS-1\t\t\t\t\t対応済")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		m, ok := linkageFS(t, text)
		if !ok {
			t.Skip("text not storable in a workbook")
		}
		b, err := ingest.Read(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Problems {
			if p.File == ingest.LinkageFile && p.Row == 0 {
				t.Errorf("problem without row: %v", p)
			}
		}
		if b.Linkage != nil {
			seen := map[string]bool{}
			for _, r := range b.Linkage.Rows {
				if r.IssueID == "" || seen[r.IssueID] {
					t.Errorf("row %+v: empty or repeated ID", r)
				}
				seen[r.IssueID] = true
			}
		}
	})
}
