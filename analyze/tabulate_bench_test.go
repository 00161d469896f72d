package analyze_test

import (
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
)

// BenchmarkTabulate runs the analysis without free text (crosstabs, statistics,
// indicators, trend, summaries) on the 100k-respondent sample.
func BenchmarkTabulate(b *testing.B) {
	fsys, err := batchgen.SampleFS(batchgen.Options{Respondents: 100000, Hearings: 40, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	batch, err := ingest.Read(fsys)
	if err != nil {
		b.Fatal(err)
	}
	// Note: the FA answers are cleared so that this measures tabulation alone;
	// text analysis has its own benchmark (BenchmarkAnalyzeText).
	for qi, q := range batch.Questions {
		if q.Type == ingest.FA {
			batch.Current.Answers[qi].Texts = nil
			if batch.Baseline != nil {
				batch.Baseline.Answers[qi].Texts = nil
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
