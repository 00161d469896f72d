package ingest_test

import (
	"testing"
	"testing/fstest"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// TestReadProgressProblems checks each error of inputs.md section 8 and 9 by
// code and cell.
func TestReadProgressProblems(t *testing.T) {
	m := ingest.BatchFS(t, "cycle")
	bad, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: "一覧", Rows: [][]any{
		{"年度", "取組ID", "進ちょく", "実績"},
		{2025, "Z9", "順調", 1},    // row 2: unknown initiative
		{"昨年", "A1", "順調", 1},    // row 3: bad year
		{2023, "A2", "とても順調", 1}, // row 4: rating outside the scale
		{2023, "A1", "遅れ", 1},    // row 5: a second, different A1/2023
		{"R5", "A1", "順調", 40},   // row 6: A1/2023 again, without list.xlsx's texts: different
	}})
	if err != nil {
		t.Fatal(err)
	}
	m["progress/z_bad.xlsx"] = &fstest.MapFile{Data: bad}
	csv := m["history/2025_small/data/indicators.csv"].Data
	m["history/2025_small/data/indicators.csv"] = &fstest.MapFile{Data: append(append([]byte{}, csv...), "I9,x,,,全体,,,1,1,,,,,,\r\n"...)}
	b, err := ingest.Read(m)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		code       ingest.Code
		file, cell string
	}
	got := map[key]bool{}
	for _, p := range b.Problems {
		got[key{p.Code, p.File, p.Cell()}] = true
	}
	for _, w := range []key{
		{ingest.CodeUnknownInit, "progress/z_bad.xlsx", "B2"},
		{ingest.CodeBadYear, "progress/z_bad.xlsx", "A3"},
		{ingest.CodeUnknownCode, "progress/z_bad.xlsx", "C4"},
		{ingest.CodeDuplicateProg, "progress/z_bad.xlsx", "B5"},
		{ingest.CodeDuplicateProg, "progress/z_bad.xlsx", "B6"},
		{ingest.CodeEditedHistory, "history/2025_small/data/indicators.csv", ""},
	} {
		if !got[w] {
			t.Errorf("missing %+v; got %v", w, b.Problems)
		}
	}
	if len(b.History) != 0 {
		t.Errorf("an edited history copy was read: %+v", b.History)
	}
}

// FuzzParseYear checks that the year and 次年度 parsers never panic and that
// every year they accept is within the plan's range.
func FuzzParseYear(f *testing.F) {
	for _, s := range []string{"2025", "R7", "令和7年度", "2025年度", "令和元年度", "H30", "ｒ７", "R", "-1", "99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if y, ok := ingest.ParseYear(s); ok && (y < 1989 || y > 2199) {
			t.Errorf("ParseYear(%q) = %d", s, y)
		}
		if n, ok := ingest.ParseNext(s); ok && n.String() == "" && n != ingest.NextNone {
			t.Errorf("ParseNext(%q) = %d", s, n)
		}
	})
}
