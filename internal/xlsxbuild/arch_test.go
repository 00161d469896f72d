package xlsxbuild

import (
	"go/build"
	"strings"
	"testing"
)

// TestArchitecture keeps xlsxbuild a leaf: it imports nothing from this module,
// so that the tests of any package, ingest's own included, can use it.
func TestArchitecture(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range p.Imports {
		if strings.HasPrefix(imp, "midreview/") {
			t.Errorf("xlsxbuild imports %q; it must import nothing from this module", imp)
		}
	}
}
