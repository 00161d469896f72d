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
// with a crafted file (a row numbered in the hundreds of trillions, a
// dimension beyond Excel's limits, a zip bomb, a shared-string index out of
// range, a 10,000-letter column; since issue 30 a cell over 32,767
// characters, inline or shared, too many shared strings, and CSV files with an
// unterminated quote in the last row, a quote inside a field, 16,385 fields
// or a field over 1 MiB): each run must exit 1 with OUT.problems.csv naming
// the file (and the cell where one is named), and leave every earlier output
// byte-identical. Sizes are a little over each limit, so that every case ends
// fast once the limit holds.
func TestRunCraftedInputs(t *testing.T) {
	root := t.TempDir()
	batch := filepath.Join(root, "batch")
	out := filepath.Join(root, "out")
	if err := os.CopyFS(batch, os.DirFS(e2eSmall)); err != nil {
		t.Fatal(err)
	}
	e2eMustRun(t, 0, "run", "-batch", batch, "-out", out)
	good := readTree(t, out)

	const sheet1, sst = "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"
	appendSST := func(si string) func(string) string {
		return func(s string) string { return strings.Replace(s, "</sst>", si+"</sst>", 1) }
	}
	csvHeader := "回答者ID,F1,F2,F3,Q1\r\n"
	tests := []struct {
		name, file string
		part       string              // the xlsx part edited ("" = file is a CSV, written whole)
		edit       func(string) string // xlsx: the part's edit
		csv        string              // CSV: the file's text
		cell       string              // the cell the problem must name ("" = any)
	}{
		{"huge row number", "hearings/forms.xlsx", sheet1,
			craftRow(`<row r="400000000000000"><c r="A400000000000000"><v>1</v></c></row>`), "", ""},
		{"huge dimension", "definitions.xlsx", sheet1, func(s string) string {
			return strings.Replace(s, "<sheetData", `<dimension ref="A1:XFD400000000000000"/><sheetData`, 1)
		}, "", ""},
		{"zip bomb", "responses/a.xlsx", sheet1, func(s string) string {
			return strings.Replace(s, "<sheetData>", "<sheetData>"+strings.Repeat(" ", 40<<20), 1)
		}, "", ""},
		{"shared-string index out of range", "baseline/base.xlsx", sheet1,
			craftRow(`<row r="1048000"><c r="A1048000" t="s"><v>999999</v></c></row>`), "", ""},
		{"10,000-letter column", "responses/a.xlsx", sheet1,
			craftRow(`<row r="1048000"><c r="` + strings.Repeat("A", 10000) + `1048000"><v>1</v></c></row>`), "", ""},
		{"cell of 32,768 characters in the responses", "responses/a.xlsx", sheet1,
			craftRow(`<row r="1048000"><c r="C1048000" t="inlineStr"><is><t>` + strings.Repeat("あ", 32768) + `</t></is></c></row>`), "", "C1048000"},
		{"cell of 32,768 characters in the definitions", "definitions.xlsx", sheet1,
			craftRow(`<row r="1048000"><c r="B1048000"><v>` + strings.Repeat("1", 32768) + `</v></c></row>`), "", "B1048000"},
		{"shared string of 32,768 characters", "responses/a.xlsx", sst,
			appendSST(`<si><t>` + strings.Repeat("x", 32768) + `</t></si>`), "", ""},
		{"70,000 empty shared strings", "definitions.xlsx", sst,
			appendSST(strings.Repeat("<si/>", 70000)), "", ""},
		{"unterminated quote in the last row", "responses/c.csv", "", nil,
			csvHeader + "C1,中央,1,2,1\r\nC2,中央,1,2,\"1\r\n", "E3"},
		{"quote inside a field", "responses/c.csv", "", nil,
			csvHeader + "C1,中央,1,2,1\"\r\n", "E2"},
		{"16,385 fields", "responses/c.csv", "", nil,
			csvHeader + "C1" + strings.Repeat(",", 16384) + "\r\n", "XFE2"},
		{"field of 1 MiB and one byte", "responses/c.csv", "", nil,
			csvHeader + "C1,中央,1,2," + strings.Repeat("1", 1<<20+1) + "\r\n", "E2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(batch, filepath.FromSlash(tt.file))
			var crafted []byte
			if tt.part == "" {
				crafted = []byte(tt.csv)
				defer os.Remove(p)
			} else {
				orig, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				defer os.WriteFile(p, orig, 0o644)
				if crafted, err = xlsxbuild.EditPart(orig, tt.part, tt.edit); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(p, crafted, 0o644); err != nil {
				t.Fatal(err)
			}
			e2eMustRun(t, 1, "run", "-batch", batch, "-out", out)
			named := false
			for _, pr := range e2eProblemsIn(t, out+".problems.csv") {
				named = named || (pr.Severity == "エラー" && pr.File == tt.file && pr.Code == "file-unreadable" && (tt.cell == "" || pr.Cell == tt.cell))
			}
			if !named {
				probs, _ := os.ReadFile(out + ".problems.csv")
				t.Errorf("out.problems.csv names no file-unreadable error in %s %s:\n%s", tt.file, tt.cell, probs)
			}
			got := readTree(t, out)
			for name, data := range good {
				if !bytes.Equal(got[name], data) {
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
