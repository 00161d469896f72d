package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRunMemoryLimit: the soft limit is 250 MB up to 100 MB of survey
// files, then 2.5 bytes per byte of them (files are sparse: only sizes count).
func TestRunMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		name  string
		sizes map[string]int64 // path under the batch → size
		want  int64
	}{
		{"no survey", nil, 250 << 20},
		{"100k-size", map[string]int64{"responses/a.xlsx": 25 << 20, "baseline/b.xlsx": 9 << 20}, 250 << 20},
		{"a million", map[string]int64{"responses/a.xlsx": 200 << 20, "responses/late.csv": 20 << 20, "baseline/b.xlsx": 120 << 20,
			"hearings/h.xlsx": 500 << 20}, 340 << 20 * 250 / 100},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, n := range c.sizes {
				p = filepath.Join(dir, p)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				f, err := os.Create(p)
				if err != nil {
					t.Fatal(err)
				}
				if err := f.Truncate(n); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
			if got := runMemoryLimit(dir); got != c.want {
				t.Errorf("runMemoryLimit = %d MB, want %d MB", got>>20, c.want>>20)
			}
		})
	}
}
