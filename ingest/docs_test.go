package ingest

import (
	"os"
	"strings"
	"testing"
)

// TestDocsInputsComplete checks that docs/inputs.md, the users' reference,
// names every sheet, column (with its other accepted headers), setting and
// keyword that the schema table accepts, every example-sheet word and every
// problem code: a new row of the schema or a new code needs its line there.
func TestDocsInputsComplete(t *testing.T) {
	data, err := os.ReadFile("../docs/inputs.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	need := func(what, s string) {
		t.Helper()
		if !strings.Contains(doc, s) {
			t.Errorf("docs/inputs.md does not mention %s %q", what, s)
		}
	}
	for _, wb := range append(Schema, ResponsesSchema) {
		if wb.File != "" {
			need("file", wb.File)
		}
		for _, s := range wb.Sheets {
			if s != ProgressSheet { // Note: progress sheets are named freely.
				need("sheet", s.Name)
			}
			for _, f := range append(append([]Field{}, s.Columns...), s.Items...) {
				for _, n := range f.Names() {
					need(s.Name+" column or item", n)
				}
				if f.Default != "" {
					need(f.Name+" default", f.Default)
				}
				if s == ProgressSheet && f.Name == ProgressSheet.Header(ColProgYear) {
					continue // the years offered, not the spellings read (see ParseYear)
				}
				for _, v := range f.Values {
					need(f.Name+" value", v)
				}
			}
		}
	}
	for _, w := range ExampleSheets {
		need("example-sheet word", w)
	}
	for c := range messages {
		need("problem code", string(c))
	}
	for _, d := range []string{ResponsesDir, BaselineDir, HearingsDir, ProgressDir, "history", RemoveItem, RemoveValue, WardWide} {
		need("word", d)
	}
}
