package ingest_test

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// benchRespondents is the size of the benchmark batch (issue: a 100k-respondent sample).
const benchRespondents = 100000

// benchSample is the 100k-respondent sample, generated in memory once per test
// binary; or, when MIDREVIEW_BENCH_BATCH names a batch folder (such as the scale
// batch of `midreview sample -respondents 100000 -questions 60 -freetext 7`),
// that folder's files read into memory.
var benchSample = sync.OnceValues(func() (fstest.MapFS, error) {
	if dir := os.Getenv("MIDREVIEW_BENCH_BATCH"); dir != "" {
		return readDirFS(dir)
	}
	return batchgen.SampleFS(batchgen.Options{Respondents: benchRespondents, Hearings: 40, Seed: 1})
})

// readDirFS returns every file under dir in memory.
func readDirFS(dir string) (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	return fsys, err
}

// benchBatch returns the 100k-respondent sample.
func benchBatch(b *testing.B) fstest.MapFS {
	b.Helper()
	fsys, err := benchSample()
	if err != nil {
		b.Fatal(err)
	}
	return fsys
}

func benchRows(batch *ingest.Batch) int {
	n := 0
	for _, f := range batch.Files {
		if f.Kind == ingest.KindResponses || f.Kind == ingest.KindBaseline {
			n += f.Counts.Read
		}
	}
	return n
}

// BenchmarkIngest reads the whole 100k-respondent batch (responses, baseline, hearings).
func BenchmarkIngest(b *testing.B) {
	fsys := benchBatch(b)
	b.ReportAllocs()
	var rows int
	for b.Loop() {
		batch, err := ingest.Read(fsys)
		if err != nil {
			b.Fatal(err)
		}
		rows = benchRows(batch)
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkExcelizeStream is the floor for BenchmarkIngest: excelize alone streaming
// every cell of the same response workbooks, with no parsing or validation.
// "sequential" reads the files one after the other, "parallel" each on its
// own goroutine (ingest reads ahead on GOMAXPROCS goroutines).
func BenchmarkExcelizeStream(b *testing.B) {
	fsys := benchBatch(b)
	var files [][]byte
	for _, d := range []string{ingest.ResponsesDir, ingest.BaselineDir} {
		ents, _ := fsys.ReadDir(d)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".xlsx") {
				files = append(files, fsys[d+"/"+e.Name()].Data)
			}
		}
	}
	stream := func(b *testing.B, data []byte) int {
		// Note: opened from bytes, as ingest does (it hashes the bytes it reads).
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Error(err)
			return 0
		}
		defer f.Close()
		rs, err := f.Rows(f.GetSheetName(0))
		if err != nil {
			b.Error(err)
			return 0
		}
		defer rs.Close()
		rows := 0
		for rs.Next() {
			if _, err := rs.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Error(err)
				return rows
			}
			rows++
		}
		return rows
	}
	b.Run("sequential", func(b *testing.B) {
		b.ReportAllocs()
		var rows int
		for b.Loop() {
			rows = 0
			for _, data := range files {
				rows += stream(b, data)
			}
		}
		b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		var rows atomic.Int64
		for b.Loop() {
			rows.Store(0)
			var wg sync.WaitGroup
			for _, data := range files {
				wg.Go(func() { rows.Add(int64(stream(b, data))) })
			}
			wg.Wait()
		}
		b.ReportMetric(float64(rows.Load())*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// BenchmarkInflate is the physical floor of BenchmarkIngest: it only inflates
// the worksheet and shared-string parts of the same response and baseline
// workbooks (no XML, no values), sequentially. Run it in the same `go test
// -bench` invocation as BenchmarkIngest and BenchmarkExcelizeStream, so that
// the ratios hold on a loaded machine.
func BenchmarkInflate(b *testing.B) {
	fsys := benchBatch(b)
	var files [][]byte
	for _, d := range []string{ingest.ResponsesDir, ingest.BaselineDir} {
		ents, _ := fsys.ReadDir(d)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".xlsx") {
				files = append(files, fsys[d+"/"+e.Name()].Data)
			}
		}
	}
	b.ReportAllocs()
	var n int64
	for b.Loop() {
		n = 0
		for _, data := range files {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				b.Fatal(err)
			}
			for _, zf := range zr.File {
				if !strings.HasPrefix(zf.Name, "xl/worksheets/") && zf.Name != "xl/sharedStrings.xml" {
					continue
				}
				rc, err := zf.Open()
				if err != nil {
					b.Fatal(err)
				}
				m, err := io.Copy(io.Discard, rc)
				rc.Close()
				if err != nil {
					b.Fatal(err)
				}
				n += m
			}
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}
