package ingest

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestReadDefinitions reads the small batch's codebook alone (no problem, no
// data), and reports a missing definitions.xlsx.
func TestReadDefinitions(t *testing.T) {
	b, err := ReadDefinitions(os.DirFS(filepath.Join("..", "testdata", "batches", "small")))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Problems) != 0 || len(b.Questions) != 9 || len(b.Districts) != 3 || b.DistrictQ != 0 ||
		len(b.Current.Respondents) != 0 || len(b.Files) != 1 {
		t.Errorf("problems %v, %d questions, %d districts, 地区 question %d, %d respondents, %d files",
			b.Problems, len(b.Questions), len(b.Districts), b.DistrictQ, len(b.Current.Respondents), len(b.Files))
	}
	b, err = ReadDefinitions(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Problems) != 1 || b.Problems[0].Code != CodeMissingFile {
		t.Errorf("problems %v, want one missing-file", b.Problems)
	}
}
