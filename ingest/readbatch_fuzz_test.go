package ingest_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
)

// fuzzWholeFile reports whether a problem of code c may lack a cell and a row:
// it is about a whole file, folder or sheet.
func fuzzWholeFile(c ingest.Code) bool {
	switch c {
	case ingest.CodeFileUnreadable, ingest.CodeFileEncoding, ingest.CodeNoHeader,
		ingest.CodeMissingFile, ingest.CodeNoData, ingest.CodeMissingSheet, ingest.CodeMissingSetting,
		ingest.CodeDuplicateFile, ingest.CodeEmptySurvey, ingest.CodeWrongFolder:
		return true
	}
	return false
}

// FuzzReadBatch reads a whole batch: the small test batch's definitions.xlsx,
// a fuzzed responses CSV, an optional fuzzed baseline CSV and a corrections.xlsx
// built from fuzzed cells; then, when the batch is usable (it has questions and
// respondents), analyzes it and builds the view as `run -allow-errors` does.
// Note: an external test package, so that it may go on through analyze and
// render (which import ingest) without an import cycle. It checks that nothing panics, that every problem
// is located (file, and cell or row unless about a whole file), and that every
// file's row counts add up.
func FuzzReadBatch(f *testing.F) {
	defs, err := os.ReadFile(filepath.Join("..", "testdata", "batches", "small", ingest.DefinitionsFile))
	if err != nil {
		f.Fatal(err)
	}
	resp, err := os.ReadFile(filepath.Join("..", "testdata", "batches", "small", "responses", "b.csv"))
	if err != nil {
		f.Fatal(err)
	}
	base := "回答者ID,F1,F2,F3,Q1,Q2,Q3,Q5,Q6\nB01,北,1,1,1,1,\"1,2\",3,\nB02,南部,2,3,9,2,,x,\nB02,北,1,1,1,1,,,\n"
	f.Add(resp, []byte(base), "回答\tS15\tQ1\t2\t3\t記入ミス\t山田\n回答\tS16\t*\t\t削除\n策定時\tB02\tQ1\t9\t1")
	f.Add(resp, []byte{}, "")
	f.Add([]byte("回答者ID,Q1\nS1,1\nS1,2\n,3\n\n"), []byte("ID,Q2\n1,1"), "ヒアリング\t団体A\tH04\t1\t2\n回答\tS1\tQ9\t\t1\t\t\tresponses/x.csv")
	f.Add([]byte("\xef\xbb\xbf\x82\xa0,Q1\n"), []byte("\""), "回答\t\t\t\t\n\t\t")
	// Note: the fuzzing engine fails an input that runs over 10 s as a hang. The
	// IPA dictionary (about a second, much more on a loaded machine with coverage
	// instrumentation) is loaded here, once per worker, so that no input pays it.
	analyze.IPATokenizer()
	f.Fuzz(func(t *testing.T, resp, base []byte, corr string) {
		corrData, ok := ingest.TextWorkbook(ingest.CorrectionsSheet.Name, ingest.CorrectionsSheet.Headers(), corr, 20)
		if !ok {
			t.Skip("corrections text not storable in a workbook")
		}
		fsys := fstest.MapFS{
			ingest.DefinitionsFile: {Data: defs},
			ingest.CorrectionsFile: {Data: corrData},
			"responses/r.csv":      {Data: resp},
		}
		if len(base) > 0 {
			fsys["baseline/b.csv"] = &fstest.MapFile{Data: base}
		}
		b, err := ingest.Read(fsys)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Problems {
			if p.File == "" {
				t.Errorf("problem without file: %+v", p)
			}
			if p.Row <= 0 && !fuzzWholeFile(p.Code) {
				t.Errorf("problem without cell or row: %+v", p)
			}
		}
		for _, fi := range b.Files {
			c := fi.Counts
			if c.Read != c.Included+c.Empty+c.Duplicate+c.Invalid+c.Removed {
				t.Errorf("%s: counts %+v do not add up", fi.Path, c)
			}
		}
		if len(b.Questions) == 0 || len(b.Current.Respondents) == 0 {
			return // unusable: run stops here too
		}
		res := analyze.Run(b)
		view.Build(res)
	})
}
