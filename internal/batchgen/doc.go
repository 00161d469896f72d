// Package batchgen writes input batches: a synthetic sample batch shaped like
// Kohoku ward's (Sample, SampleFS) and the empty input template that staff fill
// in (Template, TemplateFS), in the spirit of httptest and fstest; and, from a
// filled-in codebook, the entry workbooks whose validation rules stop keying
// errors (Entry, WriteEntry: entry.go, entryhearing.go).
//
// Each writer has two forms: one writes into a folder (what `midreview sample`,
// `demo` and `template` do), the other returns the same bytes in an
// fstest.MapFS, ready for ingest.Read in tests and benchmarks. Output depends
// only on the options: the same Options give the same bytes.
//
// The sample's codebook (districts, themes, questions, choices, indicators,
// hearing items) is one set of tables in sample.go from which both its
// definitions.xlsx and its answers are drawn, so the two always agree. The
// definitions sheets' layout (layout.go) and the hearing form
// (hearingform.go) are shared by the sample and the template.
//
// batchgen computes no published figure. It may import ingest (for the input
// schema), never analyze, render or cmd (internal/arch).
package batchgen
