package main

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"midreview/analyze"
	"midreview/ingest"
)

// benchRespondents is the size of the benchmark batch (issue: a 100k-respondent sample).
const benchRespondents = 100000

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchBatch writes the 100k-respondent sample once per test binary.
func benchBatch(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "midreview-bench-")
		if benchErr == nil {
			benchErr = writeSample(benchDir, sampleOptions{Respondents: benchRespondents, Hearings: 40, Seed: 1})
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

func benchRows(b *testing.B, batch *ingest.Batch) int {
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
	dir := benchBatch(b)
	b.ReportAllocs()
	var rows int
	for b.Loop() {
		batch, err := ingest.Read(os.DirFS(dir))
		if err != nil {
			b.Fatal(err)
		}
		rows = benchRows(b, batch)
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkExcelizeStream is the floor for BenchmarkIngest: excelize alone streaming
// every cell of the same response workbooks, with no parsing or validation.
func BenchmarkExcelizeStream(b *testing.B) {
	dir := benchBatch(b)
	fsys := os.DirFS(dir)
	var files []string
	for _, d := range []string{"responses", "baseline"} {
		ents, _ := fs.ReadDir(fsys, d)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".xlsx") {
				files = append(files, path.Join(dir, d, e.Name()))
			}
		}
	}
	b.ReportAllocs()
	var rows int
	for b.Loop() {
		rows = 0
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			// Note: opened from bytes, as ingest does (it hashes the bytes it reads).
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			rs, err := f.Rows(f.GetSheetName(0))
			if err != nil {
				b.Fatal(err)
			}
			for rs.Next() {
				if _, err := rs.Columns(excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
				rows++
			}
			rs.Close()
			f.Close()
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkTabulate runs the analysis without free text (crosstabs, statistics,
// indicators, trend, summaries) on the 100k batch.
func BenchmarkTabulate(b *testing.B) {
	dir := benchBatch(b)
	batch, err := ingest.Read(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	// Note: the FA answers are cleared so that this measures tabulation alone;
	// text analysis has its own benchmark (analyze.BenchmarkAnalyzeText).
	for qi, q := range batch.Questions {
		if q.Type == ingest.FA {
			for i := range batch.Current.Respondents {
				batch.Current.Respondents[i].Answers[qi].Text = ""
			}
			if batch.Baseline != nil {
				for i := range batch.Baseline.Respondents {
					batch.Baseline.Respondents[i].Answers[qi].Text = ""
				}
			}
		}
	}
	batch.Hearings = nil
	b.ReportAllocs()
	for b.Loop() {
		res := analyze.Run(batch)
		if len(res.Crosstabs) == 0 {
			b.Fatal("no crosstabs")
		}
	}
	b.ReportMetric(float64(len(batch.Current.Respondents))*float64(b.N)/b.Elapsed().Seconds(), "respondents/s")
}
