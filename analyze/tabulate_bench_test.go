package analyze_test

import (
	"os"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
)

// benchBatch reads the benchmark batch: the folder MIDREVIEW_BENCH_BATCH names
// (such as the scale batch of `midreview sample -respondents 100000 -questions
// 60 -freetext 7`), else the 100k-respondent sample generated in memory.
func benchBatch(b *testing.B) *ingest.Batch {
	b.Helper()
	var batch *ingest.Batch
	var err error
	if dir := os.Getenv("MIDREVIEW_BENCH_BATCH"); dir != "" {
		batch, err = ingest.Read(os.DirFS(dir))
	} else {
		fsys, ferr := batchgen.SampleFS(batchgen.Options{Respondents: 100000, Hearings: 40, Seed: 1})
		if ferr != nil {
			b.Fatal(ferr)
		}
		batch, err = ingest.Read(fsys)
	}
	if err != nil {
		b.Fatal(err)
	}
	return batch
}

// BenchmarkTabulate runs the analysis without free text (crosstabs, statistics,
// indicators, trend, summaries) on the benchmark batch.
func BenchmarkTabulate(b *testing.B) {
	batch := benchBatch(b)
	// Note: the texts are cleared so that this measures tabulation alone;
	// text analysis has its own benchmarks (BenchmarkAnalyzeRun, BenchmarkAnalyzeText).
	for qi := range batch.Questions {
		batch.Current.Answers[qi].DropTexts()
		if batch.Baseline != nil {
			batch.Baseline.Answers[qi].DropTexts()
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

// BenchmarkAnalyzeRun runs the whole analysis, free text included, on the
// benchmark batch (the IPA dictionary is loaded before the timing).
func BenchmarkAnalyzeRun(b *testing.B) {
	batch := benchBatch(b)
	analyze.IPATokenizer()
	b.ReportAllocs()
	for b.Loop() {
		analyze.Run(batch)
	}
	b.ReportMetric(float64(len(batch.Current.Respondents))*float64(b.N)/b.Elapsed().Seconds(), "respondents/s")
}
