package xlsx

import (
	"bytes"
	"io/fs"
	"os"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render/view"
)

// TestStyleRuns: the book styled in runs of cells is byte for byte the book
// styled cell by cell, for the demo batch and the testdata batches (the
// linkage sheet's merged spans, the yearly cycle's sheets).
func TestStyleRuns(t *testing.T) {
	demo, err := batchgen.SampleFS(batchgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	batches := map[string]fs.FS{"demo": demo}
	for _, name := range []string{"hard", "cycle", "small"} {
		batches[name] = os.DirFS("../../testdata/batches/" + name)
	}
	for name, fsys := range batches {
		b, err := ingest.Read(fsys)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		v := view.Build(analyze.Run(b))
		write := func(runs bool) []byte {
			styleRuns = runs
			defer func() { styleRuns = true }()
			var buf bytes.Buffer
			if err := XLSX(&buf, v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return buf.Bytes()
		}
		if !bytes.Equal(write(true), write(false)) {
			t.Errorf("%s: the book styled in runs differs from the book styled cell by cell", name)
		}
	}
}
