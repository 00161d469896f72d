package render

import (
	"io"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render/pdf"
	"midreview/render/view"
	"midreview/render/xlsx"
)

// benchViews are the Views of the demo batch and of the scale batch of
// issue 29 (`midreview sample -respondents 3000 -questions 60 -freetext 7`).
func benchViews(b *testing.B) []struct {
	name string
	v    *view.View
} {
	b.Helper()
	var out []struct {
		name string
		v    *view.View
	}
	for _, tc := range []struct {
		name string
		opt  batchgen.Options
	}{{"demo", batchgen.Options{}}, {"s3k", batchgen.Options{Respondents: 3000, Questions: 60, FreeText: 7}}} {
		fsys, err := batchgen.SampleFS(tc.opt)
		if err != nil {
			b.Fatal(err)
		}
		bt, err := ingest.Read(fsys)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, struct {
			name string
			v    *view.View
		}{tc.name, view.Build(analyze.Run(bt))})
	}
	return out
}

// BenchmarkHandouts writes every PDF handout of a run one after another
// (report.pdf, each district's, linkage.pdf), the View built once: the PDF
// writer alone.
func BenchmarkHandouts(b *testing.B) {
	for _, tc := range benchViews(b) {
		v := tc.v
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if err := pdf.PDF(io.Discard, v, pdf.PDFOptions{}); err != nil {
					b.Fatal(err)
				}
				for _, d := range v.Districts {
					if err := pdf.DistrictPDF(io.Discard, v, d, pdf.PDFOptions{}); err != nil {
						b.Fatal(err)
					}
				}
				if v.Hard != nil {
					if err := pdf.LinkagePDF(io.Discard, v, pdf.PDFOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkTabulation writes tabulation.xlsx, the View built once.
func BenchmarkTabulation(b *testing.B) {
	for _, tc := range benchViews(b) {
		v := tc.v
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if err := xlsx.XLSX(io.Discard, v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
