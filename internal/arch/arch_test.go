package arch

import (
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rules lists, for each package of the module, the module packages it may
// import and the outside imports it must not use. go/build's Imports leaves
// out test-only imports, so tests may reach further (batchgen in ingest's
// external tests, for example).
var rules = []struct {
	dir    string   // relative to the module root
	module []string // module packages it may import
	banned []string // import paths (or prefixes ending in "/") it must not use
}{
	{"ingest", nil, nil},
	{"analyze", []string{"ingest", "analyze/ipadict"},
		// Note: analyze is pure computation, so that every figure is testable without files.
		[]string{"os", "github.com/xuri/excelize/", "codeberg.org/go-pdf/", "github.com/go-echarts/"}},
	// Note: the IPA dictionary, embedded once: only tests may import the
	// released kagome-dict/ipa, which embeds the same file again.
	{"analyze/ipadict", nil, []string{"os"}},
	// Note: render is the output folder: Plan (which calls the writers), the
	// CSVs written from analyze.Results at full precision, the manifest and
	// Compare.
	{"render", []string{"ingest", "analyze", "render/wording", "render/view", "render/pdf", "render/web", "render/xlsx", "render/dashboard", "render/assets"}, nil},
	// Note: the View, the block model, Build and the composers: every figure
	// is formatted here, once, and no file format is written.
	{"render/view", []string{"ingest", "analyze", "render/wording"},
		[]string{"os", "github.com/xuri/excelize/", "codeberg.org/go-pdf/", "github.com/go-echarts/"}},
	// Note: the writers draw the View and its blocks: they import neither
	// analyze nor ingest, so a figure cannot be computed there (issue 22).
	{"render/pdf", []string{"render/view", "render/assets"},
		[]string{"github.com/xuri/excelize/", "github.com/go-echarts/"}},
	{"render/web", []string{"render/view"},
		[]string{"os", "github.com/xuri/excelize/", "codeberg.org/go-pdf/", "github.com/go-echarts/"}},
	{"render/xlsx", []string{"render/view"},
		[]string{"os", "codeberg.org/go-pdf/", "github.com/go-echarts/"}},
	{"render/dashboard", []string{"render/view", "render/assets"},
		[]string{"os", "github.com/xuri/excelize/", "codeberg.org/go-pdf/"}},
	{"render/assets", nil, nil},
	// Note: the findings in words and the commentary rules, which check
	// applies without building the View: no file formats.
	{"render/wording", []string{"ingest", "analyze"},
		[]string{"os", "github.com/xuri/excelize/", "codeberg.org/go-pdf/", "github.com/go-echarts/"}},
	{"internal/xlsxbuild", nil, nil},
	{"internal/shpbuild", nil, nil},
	{"internal/batchgen", []string{"ingest", "internal/xlsxbuild", "internal/shpbuild"}, nil},
	{"cmd/midreview", []string{"ingest", "analyze", "render", "render/view", "render/pdf", "render/wording", "internal/batchgen"}, nil},
}

// TestImportsPointUpstream fails when a package imports one downstream of it
// (or beside it) or a library it must not use.
func TestImportsPointUpstream(t *testing.T) {
	for _, r := range rules {
		p, err := build.ImportDir(filepath.Join("..", "..", filepath.FromSlash(r.dir)), 0)
		if err != nil {
			t.Fatalf("%s: %v", r.dir, err)
		}
		for _, imp := range p.Imports {
			if rel, ok := strings.CutPrefix(imp, "midreview/"); ok {
				if !slices.Contains(r.module, rel) {
					t.Errorf("%s imports %s; it may import only %v of this module", r.dir, imp, r.module)
				}
				continue
			}
			for _, b := range r.banned {
				if imp == strings.TrimSuffix(b, "/") || (strings.HasSuffix(b, "/") && strings.HasPrefix(imp, b)) {
					t.Errorf("%s imports %s, which it must not use", r.dir, imp)
				}
			}
		}
	}
}

// TestIPADictOnce fails when a package of the module (tests aside) imports
// the released kagome-dict/ipa: it embeds the 11.7 MB dictionary that
// analyze/ipadict embeds already, and the binary would hold it twice.
func TestIPADictOnce(t *testing.T) {
	for _, r := range rules {
		p, err := build.ImportDir(filepath.Join("..", "..", filepath.FromSlash(r.dir)), 0)
		if err != nil {
			t.Fatalf("%s: %v", r.dir, err)
		}
		if slices.Contains(p.Imports, "github.com/ikawaha/kagome-dict/ipa") {
			t.Errorf("%s imports github.com/ikawaha/kagome-dict/ipa; use analyze.IPATokenizer (analyze/ipadict)", r.dir)
		}
	}
}

// TestEveryPackageHasARule makes a new package state where it stands.
func TestEveryPackageHasARule(t *testing.T) {
	known := map[string]bool{"internal/arch": true}
	for _, r := range rules {
		known[r.dir] = true
	}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "docs" || name == "scripts" || name == "demo" || name == "bin") {
			return filepath.SkipDir
		}
		if _, err := build.ImportDir(path, 0); err != nil {
			return nil // no Go files here
		}
		rel, _ := filepath.Rel(root, path)
		if !known[filepath.ToSlash(rel)] {
			t.Errorf("package %s has no rule in arch_test.go", filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// viewWriters are the files of package render that write from the View, not
// from analyze.Results: the open-data tables (they share the CSVs' quoting)
// and the drafts of the next run's inputs (they follow ingest's columns). The
// package imports analyze for its CSVs, so the rule holds for these by file.
var viewWriters = []string{"opendata.go", "commentarydraft.go", "linkagedraft.go"}

// TestViewWritersDoNotImportAnalyze fails when one of viewWriters imports
// analyze.
func TestViewWritersDoNotImportAnalyze(t *testing.T) {
	for _, name := range viewWriters {
		f := filepath.Join("..", "..", "render", name)
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "midreview/analyze" {
				t.Errorf("render/%s imports %s: it writes from the View only", name, p)
			}
		}
	}
}
