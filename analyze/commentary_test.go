package analyze

import (
	"reflect"
	"strings"
	"testing"

	"midreview/ingest"
)

func TestSplitBasis(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Q1 全体 よくある=45.2%; Q1 全体 n=120", []string{"Q1 全体 よくある=45.2%", "Q1 全体 n=120"}},
		{" Q1＝４５．２％ ；\r\n\nI1=75.0%;", []string{"Q1=45.2%", "I1=75.0%"}}, // re-typed, re-wrapped
	} {
		if got := SplitBasis(tc.in); !reflect.DeepEqual(got, tc.want) && (len(got) > 0 || len(tc.want) > 0) {
			t.Errorf("SplitBasis(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := JoinBasis([]string{"a=1", "b=2"}); !reflect.DeepEqual(SplitBasis(got), []string{"a=1", "b=2"}) {
		t.Errorf("JoinBasis then SplitBasis: %q", got)
	}
}

func TestBasisChanges(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string // FigureChange.String
	}{
		{"same", "a=1; b=2", "a=1;b=2", nil},
		{"same after Norm", "a=１", "a=1", nil},
		{"one value", "Q1 全体 よくある=45.2%; Q1 全体 n=120", "Q1 全体 よくある=47.0%; Q1 全体 n=120",
			[]string{"Q1 全体 よくある=45.2% → 47.0%"}},
		{"reordered leaders", "ない=40.0%; よくある=45.2%", "よくある=44.0%; ない=46.0%",
			[]string{"ない=40.0% → 46.0%", "よくある=45.2% → 44.0%"}},
		{"value with its base", "A=45.2%（n=120）", "A=45.0%（n=121）", []string{"A=45.2%(n=120) → 45.0%(n=121)"}},
		{"no labels: by position", "x 1; y 2", "x 1; y 3", []string{"y 2 → y 3"}},
		{"figure gone", "a=1; b=2", "a=1", []string{"b=2 → －"}},
		{"figure added", "a=1", "a=1; c=3", []string{"－ → c=3"}},
		{"blank 根拠", "", "a=1", []string{"－ → a=1"}},
		{"label changed", "北 よくある=1", "北 ない=2", []string{"北 よくある=1 → 北 ない=2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range BasisChanges(tc.old, tc.new) {
				got = append(got, c.String())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("BasisChanges(%q, %q) = %q, want %q", tc.old, tc.new, got, tc.want)
			}
		})
	}
}

// commentaryBatch returns a batch of two districts whose commentary.xlsx
// (file 1, sheet 所見, 所見 in D and 根拠 in E) holds rows, at rows 2, 3, …
func commentaryBatch(rows ...ingest.CommentaryRow) *ingest.Batch {
	b := &ingest.Batch{
		Districts:  []ingest.District{{Code: "01", Name: "北"}, {Code: "02", Name: "南"}},
		Files:      []ingest.InputFile{{Path: ingest.DefinitionsFile}, {Path: ingest.CommentaryFile}},
		Commentary: &ingest.Commentary{Sheet: "所見", TextCol: 4, BasisCol: 5},
	}
	for i, r := range rows {
		r.Src = ingest.Src{File: 1, Row: int32(i + 2)}
		b.Commentary.Rows = append(b.Commentary.Rows, r)
	}
	return b
}

func TestApplyCommentary(t *testing.T) {
	ps := []Passage{
		{Place: ingest.PlaceSummary, District: ingest.Ward, Text: "概要の文。", Basis: "I1 全体=75.0%"},
		{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "Q1の文。", Basis: "Q1 全体 よくある=45.2%; Q1 全体 n=120"},
		{Place: ingest.PlaceQuestion, Target: "Q1", District: 0, Text: "北のQ1の文。", Basis: "Q1 北 よくある=40.0%"},
		{Place: ingest.PlaceIndicator, Target: "I1", District: ingest.Ward, Text: "I1の文。", Basis: "I1 全体=75.0%"},
		{Place: ingest.PlaceDistrict, District: 1, Text: "南の地区カルテ。", Basis: "南 Q1 よくある=50.0%"},
	}
	q1 := func(text, basis string) ingest.CommentaryRow {
		return ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: text, Basis: basis, Person: "山田"}
	}
	b := commentaryBatch(
		q1("事務局の文。", "Q1 全体 よくある=45.2%; Q1 全体 n=120"),                                                                     // row 2: staff text
		ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q1", District: 0, Text: "－", Basis: "Q1 北 よくある=40.0%"}, // row 3: removed
		ingest.CommentaryRow{Place: ingest.PlaceIndicator, Target: "I1", District: ingest.Ward, Basis: "I1 全体=70.0%"},     // row 4: blank 所見, stale basis ignored
		ingest.CommentaryRow{Place: ingest.PlaceSummary, District: ingest.Ward, Text: "概要の 文。", Basis: "I1 全体=70.0%"},     // row 5: the draft's text, unedited
		ingest.CommentaryRow{Place: ingest.PlaceDistrict, District: 1, Text: "南は…", Basis: "南 Q1 よくある=48.0%"},             // row 6: stale
		ingest.CommentaryRow{Place: ingest.PlaceDistrict, District: 0, Text: "北は…", Basis: "北 Q1 よくある=48.0%"},             // row 7: no such passage
		ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q2", District: 0},                                      // row 8: blank, no passage: nothing
	)
	got, probs := ApplyCommentary(b, ps)
	type decided struct {
		w       Wording
		printed string
		row     int
	}
	want := []decided{
		{Generated, "概要の文。", 0},
		{StaffWritten, "事務局の文。", 2},
		{StaffRemoved, "", 3},
		{Generated, "I1の文。", 0},
		{Generated, "南の地区カルテ。", 0},
	}
	for i, w := range want {
		g := got[i]
		if (decided{g.Wording, g.Printed, g.Row}) != w || g.Passage != ps[i] {
			t.Errorf("passage %d: %+v, want %+v", i, g, w)
		}
	}
	if got[1].Person != "山田" {
		t.Errorf("person %q", got[1].Person)
	}
	type prob struct {
		code ingest.Code
		cell string
		row  int
		item string
		args []string
	}
	var gp []prob
	for _, p := range probs {
		if p.File != ingest.CommentaryFile || p.Sheet != "所見" || p.Severity != ingest.Error {
			t.Errorf("problem %+v", p)
		}
		row := p.Row
		if p.Col > 0 {
			row = 0
		}
		gp = append(gp, prob{p.Code, p.Cell(), row, p.Item, p.Args})
	}
	wantP := []prob{
		{ingest.CodeStaleCommentary, "E6", 0, "地区", []string{"南 Q1 よくある=48.0% → 50.0%"}},
		{ingest.CodeCommentaryPlace, "", 7, "地区", nil},
	}
	if !reflect.DeepEqual(gp, wantP) {
		t.Errorf("problems:\n%+v\nwant\n%+v", gp, wantP)
	}
	if msg := probs[0].Error(); !strings.Contains(msg, "commentary.xlsx:所見!E6") || !strings.Contains(msg, "48.0% → 50.0%") {
		t.Errorf("stale message %q", msg)
	}
	if probs[0].RecordID != "南" {
		t.Errorf("RecordID %q, want the district", probs[0].RecordID)
	}

	// Without commentary.xlsx every passage is generated.
	got, probs = ApplyCommentary(&ingest.Batch{}, ps)
	for i, g := range got {
		if g.Wording != Generated || g.Printed != ps[i].Text || len(probs) > 0 {
			t.Errorf("no commentary: passage %d %+v, problems %v", i, g, probs)
		}
	}
}

// TestApplyCommentaryRemovedStale checks that a removal is checked like a
// staff text: the passage's figures moved, so staff must confirm it again.
func TestApplyCommentaryRemovedStale(t *testing.T) {
	ps := []Passage{{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "文。", Basis: "a=2"}}
	b := commentaryBatch(ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "ー", Basis: "a=1"})
	got, probs := ApplyCommentary(b, ps)
	if got[0].Wording != Generated || len(probs) != 1 || probs[0].Code != ingest.CodeStaleCommentary {
		t.Errorf("got %+v, problems %v", got, probs)
	}
}
