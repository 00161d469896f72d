package batchgen

import (
	"bytes"
	"testing"

	"midreview/ingest"
)

// TestSampleScale reads a scale sample (60 questions, 7 free text) back: no
// errors, the questions and forms asked for, answers in the added columns of
// both the xlsx and the CSV part, and the same bytes from the same options.
func TestSampleScale(t *testing.T) {
	opt := Options{Respondents: 300, Hearings: 4, Questions: 60, FreeText: 7}
	fsys, err := SampleFS(opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Problems {
		if p.Severity == ingest.Error {
			t.Errorf("error problem: %v", p)
		}
	}
	if len(b.Questions) != 60 || len(b.Current.Respondents) != 300 {
		t.Fatalf("read %d questions, %d respondents", len(b.Questions), len(b.Current.Respondents))
	}
	kinds := map[ingest.QType]int{}
	for _, q := range b.Questions {
		kinds[q.Type]++
	}
	if kinds[ingest.FA] != 7 || kinds[ingest.MA] < 5 || kinds[ingest.NUM] < 5 {
		t.Errorf("question types %v, want 7 FA and the others mixed", kinds)
	}
	last := len(b.Questions) - 1
	answered := map[int32]int{} // answers to the last question, by file
	for i, r := range b.Current.Respondents {
		if !b.Current.Answer(last, i).Empty() {
			answered[r.Src.File]++
		}
	}
	if len(answered) != 2 {
		t.Errorf("answers to %s by file %v, want some in both the xlsx and the CSV part", b.Questions[last].ID, answered)
	}
	again, err := SampleFS(opt)
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range fsys {
		if !bytes.Equal(f.Data, again[name].Data) {
			t.Errorf("%s differs between two samples with the same options", name)
		}
	}
}
