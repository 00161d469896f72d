package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"midreview/internal/xlsxbuild"
)

// batchesDir is the folder of the committed test batches.
var batchesDir = filepath.Join("..", "..", "testdata", "batches")

// TestDumpsInSync fails when a committed xlsx under testdata/batches differs from
// its NAME.xlsx.txt dump (regenerate both with `go test ./internal/batchgen -run TestTestBatches -regen`).
func TestDumpsInSync(t *testing.T) {
	var n int
	err := filepath.WalkDir(batchesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xlsx") {
			return err
		}
		n++
		t.Run(filepath.ToSlash(p[len(batchesDir)+1:]), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := xlsxbuild.Dump(data)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(p + ".txt")
			if err != nil {
				t.Fatalf("missing dump: %v", err)
			}
			if got != string(want) {
				t.Errorf("%s.txt is out of sync with %s:\n%s", p, p, firstDiff(string(want), got))
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no xlsx files under %s", batchesDir)
	}
}

// firstDiff describes the first differing line of want and got.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl
		}
	}
	return "(no line differs)"
}
