package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/xlsxbuild"
	"midreview/render"
)

// e2eWebform is the webform test batch: one codebook and the same respondents
// in five response layouts (testdata/batches/webform/README.md).
var e2eWebform = filepath.Join("..", "..", "testdata", "batches", "webform")

// webformVariants are the response folders of the webform batch.
var webformVariants = []string{"coded", "google", "msforms", "surveymonkey", "paper"}

// webformBatch returns the webform batch with variant's folder as responses/.
func webformBatch(t *testing.T, variant string) fstest.MapFS {
	t.Helper()
	def, err := os.ReadFile(filepath.Join(e2eWebform, "definitions.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"definitions.xlsx": {Data: def}}
	ents, err := os.ReadDir(filepath.Join(e2eWebform, variant))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(e2eWebform, variant, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys["responses/"+e.Name()] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// TestWebformCrosstab checks that a Google Forms CSV, a Microsoft Forms
// workbook, a SurveyMonkey export and a paper file keyed with 無回答コード 99
// (CP932) give the same crosstab.csv as the coded file of the same
// respondents, without a problem, and which IDs each gets.
func TestWebformCrosstab(t *testing.T) {
	crosstab := func(variant string) (string, *ingest.Batch) {
		b, err := ingest.Read(webformBatch(t, variant))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Problems {
			t.Errorf("%s: %v", variant, p)
		}
		var buf bytes.Buffer
		if err := render.CrosstabCSV(&buf, analyze.Run(b)); err != nil {
			t.Fatal(err)
		}
		return buf.String(), b
	}
	want, coded := crosstab("coded")
	if n := len(coded.Current.Respondents); n != 20 {
		t.Fatalf("coded: %d respondents, want 20", n)
	}
	firstID := map[string]string{"google": "google.csv#2", "msforms": "1", "surveymonkey": "11400001", "paper": "S01"}
	for _, v := range webformVariants[1:] {
		t.Run(v, func(t *testing.T) {
			got, b := crosstab(v)
			if got != want {
				t.Errorf("crosstab.csv differs from coded/'s:\n%s", lineDiff(want, got))
			}
			if rs := b.Current.Respondents; len(rs) != 20 || rs[0].ID != firstID[v] {
				t.Errorf("%d respondents, first ID %q, want 20 and %q", len(rs), rs[0].ID, firstID[v])
			}
		})
	}
	// S12's その他 text is kept as the answer's text in the web exports.
	_, g := crosstab("google")
	q3 := 5
	if got := g.Current.Answer(q3, 11).Text; got != "清掃活動の手伝い" {
		t.Errorf("google S12 Q3 text = %q", got)
	}
}

// lineDiff returns the lines of got that are not in want, and the reverse.
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// TestWebformMetadataNotPublished runs the Google Forms and SurveyMonkey
// batches end to end and checks that no export metadata (e-mail, timestamps,
// IP addresses) reaches any output file.
func TestWebformMetadataNotPublished(t *testing.T) {
	for _, v := range []string{"google", "surveymonkey"} {
		t.Run(v, func(t *testing.T) {
			batch := filepath.Join(t.TempDir(), "batch")
			for name, f := range webformBatch(t, v) {
				p := filepath.Join(batch, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "out")
			e2eMustRun(t, 0, "run", "-batch", batch, "-out", out, "-formats", "csv,xlsx,html")
			files := 0
			err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				files++
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				text := string(data)
				if strings.HasSuffix(p, ".xlsx") {
					if text, err = xlsxbuild.Dump(data); err != nil {
						return err
					}
				}
				for _, meta := range []string{"@example.jp", "2026/10/0", "192.0.2.", "10/01/2026", "4012345"} {
					if strings.Contains(text, meta) {
						t.Errorf("%s holds export metadata %q", p, meta)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if files < 5 {
				t.Errorf("only %d output files", files)
			}
		})
	}
}
