package render

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name. With -update it rewrites the file; on a
// mismatch it writes testdata/NAME.got.EXT beside it and reports diff -u.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	ext := filepath.Ext(name)
	gotPath := strings.TrimSuffix(path, ext) + ".got" + ext
	if err := os.WriteFile(gotPath, got, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("diff", "-u", path, gotPath).CombinedOutput()
	if len(out) > 4000 {
		out = append(out[:4000], "\n…"...)
	}
	t.Errorf("%s differs from golden (got in %s):\n%s", path, gotPath, out)
}
