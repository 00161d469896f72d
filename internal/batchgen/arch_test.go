package batchgen

import (
	"go/build"
	"strings"
	"testing"
)

// TestArchitecture keeps the generator upstream of the tool: it may use ingest
// (the input schema) and the workbook builder, never analyze, render or cmd.
func TestArchitecture(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range p.Imports {
		if !strings.HasPrefix(imp, "midreview/") {
			continue
		}
		switch imp {
		case "midreview/ingest", "midreview/internal/xlsxbuild":
		default:
			t.Errorf("batchgen imports %q; it may import only ingest and internal/xlsxbuild of this module", imp)
		}
	}
}
