package main

import (
	"bytes"
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"midreview/internal/batchgen"
)

// TestRunParallelDeterministic runs a scale sample (three data files read
// ahead, over a thousand free-text answers analyzed by several workers) with
// GOMAXPROCS 1 and 4 and compares every output byte: reading ahead and
// spreading text analysis over cores must not change a published byte.
func TestRunParallelDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end runs")
	}
	dir := t.TempDir()
	batch := filepath.Join(dir, "batch")
	opt := batchgen.Options{Respondents: 1200, Hearings: 8, Seed: 5, Questions: 60, FreeText: 7}
	if err := batchgen.Sample(batch, opt); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var trees []map[string][]byte
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		out := filepath.Join(dir, "out", strings.Repeat("p", procs))
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"run", "-batch", batch, "-out", out}, &stdout, &stderr); err != nil {
			t.Fatalf("GOMAXPROCS %d: %v\n%s", procs, err, stderr.String())
		}
		trees = append(trees, readTree(t, out))
	}
	a, b := trees[0], trees[1]
	if ka, kb := strings.Join(outKeys(a), "\n"), strings.Join(outKeys(b), "\n"); ka != kb {
		t.Fatalf("file lists differ:\n%s\n---\n%s", ka, kb)
	}
	for _, p := range outKeys(a) {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between GOMAXPROCS 1 and 4", p)
		}
	}
	if n := len(a["data/freetext.csv"]); n < 100_000 {
		t.Errorf("data/freetext.csv has %d bytes; the batch should have over a thousand free-text answers", n)
	}
}
