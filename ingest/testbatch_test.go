package ingest

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"midreview/internal/xlsxbuild"
)

// Test helpers shared by the tests of package ingest and, being exported
// (in a _test.go file only), by those of package ingest_test.

// BatchFS returns the test batch testdata/batches/name as a MapFS, for
// editing.
func BatchFS(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	root := path.Join("../testdata/batches", name)
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join(root, p))
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TextWorkbook builds a workbook of one sheet named sheet: header in row 1,
// then the rows of text (rows split at "\n", cells at "\t"), at most maxCells
// cells a row and 200 rows in all. ok is false when excelize will not hold
// the text (a cell over 32767 characters).
func TextWorkbook(sheet string, header []string, text string, maxCells int) (data []byte, ok bool) {
	h := make([]any, len(header))
	for i, v := range header {
		h[i] = v
	}
	rows := [][]any{h}
	for _, line := range strings.Split(text, "\n") {
		cells := strings.Split(line, "\t")
		if len(cells) > maxCells {
			cells = cells[:maxCells]
		}
		r := make([]any, len(cells))
		for j, v := range cells {
			r[j] = v
		}
		rows = append(rows, r)
	}
	if len(rows) > 200 {
		rows = rows[:200]
	}
	data, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: sheet, Rows: rows})
	if err != nil {
		return nil, false
	}
	return data, true
}

// SuggestDistrict returns the message of an unknown-district problem for
// value v against b's districts and towns (the hint the readers add).
func SuggestDistrict(b *Batch, v string) string {
	hint, args := newDistrictIndex(b).suggest(v)
	return Problem{Code: CodeUnknownDist, Hint: hint, Args: args}.Msg()
}
