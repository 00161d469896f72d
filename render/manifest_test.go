package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"midreview/ingest"
)

func TestWriteManifest(t *testing.T) {
	res := csvTestResults()
	b := res.Batch
	b.Files = []ingest.InputFile{
		{Path: "definitions.xlsx", Kind: ingest.KindDefinitions, SHA256: "aa", Size: 10},
		// 10 read = 7 included + 1 empty + 1 duplicate + 0 invalid + 1 removed.
		{Path: "responses/a.xlsx", Kind: ingest.KindResponses, SHA256: "bb", Size: 20,
			Counts: ingest.RowCounts{Read: 10, Included: 7, Empty: 1, Duplicate: 1, Removed: 1}},
		// 5 read but only 4 accounted for: rows_balance false.
		{Path: "responses/b.csv", Kind: ingest.KindResponses, SHA256: "cc", Size: 30,
			Counts: ingest.RowCounts{Read: 5, Included: 4}},
	}
	res.Overview.Valid = 11 // the manifest counts the Overview's respondents
	b.Problems = []ingest.Problem{
		{Severity: ingest.Warning, Code: ingest.CodeEmptyRow, File: "responses/a.xlsx", Row: 3},
		{Severity: ingest.Error, Code: ingest.CodeUnknownCode, File: "responses/a.xlsx", Row: 4, Col: 4},
		{Severity: ingest.Error, Code: ingest.CodeUnknownCode, File: "responses/a.xlsx", Row: 5, Col: 4},
	}
	m := NewManifest(res, "v1.2.3")
	m.Outputs = []ManifestOutput{{Path: "report.pdf", SHA256: "11", Size: 1}, {Path: "data/crosstab.csv", SHA256: "22", Size: 2}}

	var buf1, buf2 bytes.Buffer
	if err := WriteManifest(&buf1, m); err != nil {
		t.Fatal(err)
	}
	if err := WriteManifest(&buf2, copyManifest(m)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf1.Bytes(), buf2.Bytes()) {
		t.Error("two writes of the same manifest differ")
	}
	var got struct {
		Tool, Version, Date string
		Inputs              []struct {
			Path        string
			RowsBalance bool `json:"rows_balance"`
		}
		Counts struct {
			Respondents, Removed, Errors, Warnings, Corrections int
			Problems                                            map[string]int
		}
		Corrections []struct{ Row int }
		Outputs     []struct{ Path string }
	}
	if err := json.Unmarshal(buf1.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	check := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
	check("tool", got.Tool, "midreview")
	check("version", got.Version, "v1.2.3")
	check("date", got.Date, "2026-11-01")
	check("inputs", len(got.Inputs), 3)
	check("balance a", got.Inputs[1].RowsBalance, true)
	check("balance b", got.Inputs[2].RowsBalance, false)
	check("definitions balance", got.Inputs[0].RowsBalance, true)
	check("respondents", got.Counts.Respondents, 11)
	check("removed", got.Counts.Removed, 1)
	check("errors", got.Counts.Errors, 2)
	check("warnings", got.Counts.Warnings, 1)
	check("unknown-code", got.Counts.Problems["unknown-code"], 2)
	check("corrections", got.Counts.Corrections, 1)
	check("correction row", got.Corrections[0].Row, 2)
	// Outputs sorted by path whatever the order they were added in.
	check("outputs[0]", got.Outputs[0].Path, "data/crosstab.csv")
	check("outputs[1]", got.Outputs[1].Path, "report.pdf")
	// The caller's slice is not reordered.
	check("caller order", m.Outputs[0].Path, "report.pdf")
}

// copyManifest returns a deep enough copy of m for the determinism check.
func copyManifest(m *Manifest) *Manifest {
	c := *m
	c.Outputs = append([]ManifestOutput(nil), m.Outputs...)
	c.Counts.Problems = map[string]int{}
	for k, v := range m.Counts.Problems {
		c.Counts.Problems[k] = v
	}
	return &c
}
