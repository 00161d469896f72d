package analyze

import (
	"go/build"
	"strings"
	"testing"
)

// TestArchitecture keeps analyze pure: no file access, no spreadsheet, PDF or
// chart libraries, and no dependency on the renderers downstream.
func TestArchitecture(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range p.Imports {
		switch {
		case imp == "os", imp == "midreview/render", strings.HasPrefix(imp, "midreview/render/"),
			strings.Contains(imp, "excelize"), strings.Contains(imp, "fpdf"), strings.Contains(imp, "go-echarts"):
			t.Errorf("analyze imports %q; it must stay pure (ingest and gonum only)", imp)
		}
	}
}
