package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"midreview/internal/xlsxbuild"
)

// craftRow appends a row element to a worksheet's data.
func craftRow(row string) func(string) string {
	return func(s string) string { return strings.Replace(s, "</sheetData>", row+"</sheetData>", 1) }
}

// TestRunCraftedInputs runs a good batch, then replaces one input at a time
// with a crafted workbook (a row numbered in the hundreds of trillions, a
// dimension beyond Excel's limits, a zip bomb, a shared-string index out of
// range, a 10,000-letter column): each run must exit 1 with problems.csv naming
// the file, and leave every earlier output byte-identical.
func TestRunCraftedInputs(t *testing.T) {
	root := t.TempDir()
	batch := filepath.Join(root, "batch")
	out := filepath.Join(root, "out")
	if err := os.CopyFS(batch, os.DirFS(e2eSmall)); err != nil {
		t.Fatal(err)
	}
	e2eMustRun(t, 0, "run", "-batch", batch, "-out", out)
	good := readTree(t, out)

	tests := []struct {
		name, file string
		edit       func(string) string
	}{
		{"huge row number", "hearings/forms.xlsx",
			craftRow(`<row r="400000000000000"><c r="A400000000000000"><v>1</v></c></row>`)},
		{"huge dimension", "definitions.xlsx", func(s string) string {
			return strings.Replace(s, "<sheetData", `<dimension ref="A1:XFD400000000000000"/><sheetData`, 1)
		}},
		{"zip bomb", "responses/a.xlsx", func(s string) string {
			return strings.Replace(s, "<sheetData>", "<sheetData>"+strings.Repeat(" ", 40<<20), 1)
		}},
		{"shared-string index out of range", "baseline/base.xlsx",
			craftRow(`<row r="1048000"><c r="A1048000" t="s"><v>999999</v></c></row>`)},
		{"10,000-letter column", "responses/a.xlsx",
			craftRow(`<row r="1048000"><c r="` + strings.Repeat("A", 10000) + `1048000"><v>1</v></c></row>`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(batch, filepath.FromSlash(tt.file))
			orig, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(p, orig, 0o644)
			crafted, err := xlsxbuild.EditPart(orig, "xl/worksheets/sheet1.xml", tt.edit)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, crafted, 0o644); err != nil {
				t.Fatal(err)
			}
			e2eMustRun(t, 1, "run", "-batch", batch, "-out", out)
			named := false
			for _, pr := range e2eProblems(t, out) {
				named = named || (pr.Severity == "エラー" && pr.File == tt.file && pr.Code == "file-unreadable")
			}
			if !named {
				t.Errorf("problems.csv names no file-unreadable error in %s:\n%s", tt.file, readTree(t, out)["problems.csv"])
			}
			got := readTree(t, out)
			for name, data := range good {
				if name != "problems.csv" && !bytes.Equal(got[name], data) {
					t.Errorf("%s changed", name)
				}
			}
			for name := range got {
				if _, ok := good[name]; !ok {
					t.Errorf("%s added", name)
				}
			}
		})
	}
}
