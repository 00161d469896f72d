package xlsxbuild

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// zipParts returns the parts of the zip data in order: name, declared
// uncompressed size, and text (or the error reading it).
func zipParts(t *testing.T, data []byte) (names []string, sizes []uint64, texts []string, errs []error) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		names = append(names, f.Name)
		sizes = append(sizes, f.UncompressedSize64)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		texts = append(texts, string(b))
		errs = append(errs, err)
	}
	return names, sizes, texts, errs
}

// TestEditPart edits one cell's text in a worksheet part: the workbook reads
// back with the new value, and every other part keeps its name, order and text.
func TestEditPart(t *testing.T) {
	const sheet1 = "xl/worksheets/sheet1.xml"
	data, err := Bytes(Sheet{Name: "S", Rows: [][]any{{1, 2}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := EditPart(data, sheet1, func(s string) string {
		return strings.Replace(s, "<v>2</v>", "<v>3</v>", 1)
	})
	if err != nil {
		t.Fatal(err)
	}
	if d, err := Dump(got); err != nil || d != "S!A1\t1\nS!B1\t3\n" {
		t.Errorf("dump = %q (%v)", d, err)
	}
	names, _, texts, _ := zipParts(t, data)
	gotNames, _, gotTexts, _ := zipParts(t, got)
	if strings.Join(gotNames, " ") != strings.Join(names, " ") {
		t.Fatalf("parts = %v, want %v", gotNames, names)
	}
	for i, n := range names {
		if changed := gotTexts[i] != texts[i]; changed != (n == sheet1) {
			t.Errorf("%s: changed = %v", n, changed)
		}
	}

	if _, err := EditPart(data, "xl/worksheets/sheet9.xml", strings.ToUpper); err == nil {
		t.Error("no error for a missing part")
	}
	if _, err := EditPart([]byte("回答者ID,Q1\n"), sheet1, strings.ToUpper); err == nil {
		t.Error("no error for data that is not a zip")
	}
}

// TestRelabelPart declares a wrong size for one part: only that part's
// declared size changes, and it no longer reads back; the others read as before.
func TestRelabelPart(t *testing.T) {
	const styles = "xl/styles.xml"
	data, err := Bytes(Sheet{Name: "S", Rows: [][]any{{"x"}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := RelabelPart(data, styles, 10)
	if err != nil {
		t.Fatal(err)
	}
	names, sizes, texts, _ := zipParts(t, data)
	gotNames, gotSizes, gotTexts, gotErrs := zipParts(t, got)
	if strings.Join(gotNames, " ") != strings.Join(names, " ") {
		t.Fatalf("parts = %v, want %v", gotNames, names)
	}
	for i, n := range names {
		if n == styles {
			if gotSizes[i] != 10 || gotErrs[i] == nil {
				t.Errorf("%s: declared %d, read error %v; want 10 and an error", n, gotSizes[i], gotErrs[i])
			}
			continue
		}
		if gotSizes[i] != sizes[i] || gotTexts[i] != texts[i] || gotErrs[i] != nil {
			t.Errorf("%s changed (%v)", n, gotErrs[i])
		}
	}

	if _, err := RelabelPart(data, "xl/missing.xml", 10); err == nil {
		t.Error("no error for a missing part")
	}
}
