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
		{"Q1 全体 よくある 45.2% n=120; Q1 全体 ない 20.0% n=120", []string{"Q1 全体 よくある 45.2% n=120", "Q1 全体 ない 20.0% n=120"}},
		{" Q1  全体 ４５．２％ ；\r\n\nI1 全体 今回 75.0%;", []string{"Q1 全体 45.2%", "I1 全体 今回 75.0%"}}, // re-typed, re-wrapped
	} {
		if got := SplitBasis(tc.in); !reflect.DeepEqual(got, tc.want) && (len(got) > 0 || len(tc.want) > 0) {
			t.Errorf("SplitBasis(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBasisChanges(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string // FigureChange.String
	}{
		{"same", "Q1 全体 よくある 45.2% n=120; Q1 全体 ない 20.0% n=120", "Q1 全体 よくある 45.2% n=120;Q1 全体 ない 20.0% n=120", nil},
		{"same after Norm", "I1 全体 今回 ７５．０％", "I1 全体 今回 75.0%", nil},
		{"one value", "Q1 全体 よくある 45.2% n=120; Q1 全体 ない 20.0% n=120", "Q1 全体 よくある 47.0% n=121; Q1 全体 ない 20.0% n=120",
			[]string{"Q1 全体 よくある 45.2% n=120 → 47.0% n=121"}},
		{"reordered leaders", "Q1 全体 ない 40.0% n=20; Q1 全体 よくある 35.0% n=20", "Q1 全体 よくある 45.0% n=20; Q1 全体 ない 35.0% n=20",
			[]string{"Q1 全体 ない 40.0% n=20 → 35.0% n=20", "Q1 全体 よくある 35.0% n=20 → 45.0% n=20"}},
		{"units", "Q1 全体 差 +3.1ポイント; 北 回答者 1,234人; 北 誤差 ±4.0ポイント; Q9 北 よくある x",
			"Q1 全体 差 -0.5ポイント; 北 回答者 1,235人; 北 誤差 ±3.9ポイント; Q9 北 よくある 12.0%",
			[]string{"Q1 全体 差 +3.1ポイント → -0.5ポイント", "北 回答者 1,234人 → 1,235人", "北 誤差 ±4.0ポイント → ±3.9ポイント", "Q9 北 よくある x → 12.0%"}},
		{"age group with digits", "Q1 65歳以上 よくある 30.0% n=40", "Q1 65歳以上 よくある 32.5% n=40", []string{"Q1 65歳以上 よくある 30.0% n=40 → 32.5% n=40"}},
		{"no values: by position", "x 一; y 二", "x 一; y 三", []string{"y 二 → y 三"}},
		{"figure gone", "a 1.0%; b 2.0%", "a 1.0%", []string{"b 2.0% → －"}},
		{"figure added", "a 1.0%", "a 1.0%; c 3.0%", []string{"－ → c 3.0%"}},
		{"blank 根拠", "", "a 1.0%", []string{"－ → a 1.0%"}},
		{"label changed", "Q1 北 よくある 1.0%", "Q1 北 ない 2.0%", []string{"Q1 北 よくある 1.0% → Q1 北 ない 2.0%"}},
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

// TestPlaceKeywords checks that the findings' places are commentary.xlsx's
// 場所 keywords, which ingest owns.
func TestPlaceKeywords(t *testing.T) {
	for _, p := range [][2]string{
		{PlaceSummary, string(ingest.PlaceSummary)}, {PlaceQuestion, string(ingest.PlaceQuestion)},
		{PlaceIndicator, string(ingest.PlaceIndicator)}, {PlaceDistrict, string(ingest.PlaceDistrict)},
	} {
		if p[0] != p[1] {
			t.Errorf("analyze place %q, ingest place %q", p[0], p[1])
		}
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
		{Place: ingest.PlaceSummary, District: ingest.Ward, Text: "概要の文。", Basis: "I1 全体 今回 75.0%"},
		{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "Q1の文。", Basis: "Q1 全体 よくある 45.2% n=120"},
		{Place: ingest.PlaceQuestion, Target: "Q1", District: 0, Text: "北のQ1の文。", Basis: "Q1 北 よくある 40.0% n=30"},
		{Place: ingest.PlaceIndicator, Target: "I1", District: ingest.Ward, Text: "I1の文。", Basis: "I1 全体 今回 75.0%"},
		{Place: ingest.PlaceDistrict, District: 1, Text: "南の地区カルテ。", Basis: "Q1 南 よくある 50.0% n=40"},
	}
	q1 := func(text, basis string) ingest.CommentaryRow {
		return ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: text, Basis: basis, Person: "山田"}
	}
	b := commentaryBatch(
		q1("事務局の文。", "Q1 全体 よくある 45.2% n=120"),                                                                                 // row 2: staff text
		ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q1", District: 0, Text: "－", Basis: "Q1 北 よくある 40.0% n=30"}, // row 3: removed
		ingest.CommentaryRow{Place: ingest.PlaceIndicator, Target: "I1", District: ingest.Ward, Basis: "I1 全体 今回 70.0%"},       // row 4: blank 所見, stale basis ignored
		ingest.CommentaryRow{Place: ingest.PlaceSummary, District: ingest.Ward, Text: "概要の 文。", Basis: "I1 全体 今回 70.0%"},       // row 5: the draft's text, unedited
		ingest.CommentaryRow{Place: ingest.PlaceDistrict, District: 1, Text: "南は…", Basis: "Q1 南 よくある 48.0% n=40"},             // row 6: stale
		ingest.CommentaryRow{Place: ingest.PlaceDistrict, District: 0, Text: "北は…", Basis: "Q1 北 よくある 48.0% n=40"},             // row 7: no such passage
		ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q2", District: 0},                                           // row 8: blank, no passage: nothing
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
		{ingest.CodeStaleCommentary, "E6", 0, "地区", []string{"Q1 南 よくある 48.0% n=40 → 50.0% n=40"}},
		{ingest.CodeCommentaryPlace, "", 7, "地区", nil},
	}
	if !reflect.DeepEqual(gp, wantP) {
		t.Errorf("problems:\n%+v\nwant\n%+v", gp, wantP)
	}
	if msg := probs[0].Error(); !strings.Contains(msg, "commentary.xlsx:所見!E6") || !strings.Contains(msg, "48.0% n=40 → 50.0% n=40") {
		t.Errorf("stale message %q", msg)
	}
	if probs[0].Value != "Q1 南 よくある 50.0% n=40" {
		t.Errorf("Value %q, want this run's basis", probs[0].Value)
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
	ps := []Passage{{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "文。", Basis: "Q1 全体 よくある 2.0%"}}
	b := commentaryBatch(ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "ー", Basis: "Q1 全体 よくある 1.0%"})
	got, probs := ApplyCommentary(b, ps)
	if got[0].Wording != Generated || len(probs) != 1 || probs[0].Code != ingest.CodeStaleCommentary {
		t.Errorf("got %+v, problems %v", got, probs)
	}
}

// TestApplyCommentaryUnedited checks that a draft row left unedited (所見
// equal to its 作成時の文) prints this run's text even when its figures moved.
func TestApplyCommentaryUnedited(t *testing.T) {
	ps := []Passage{{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "新しい文。", Basis: "Q1 全体 よくある 40.0% n=20"}}
	old := "古い\n文。"
	b := commentaryBatch(ingest.CommentaryRow{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward,
		Text: old, Draft: "古い文。", Basis: "Q1 全体 よくある 35.0% n=20"})
	got, probs := ApplyCommentary(b, ps)
	if got[0].Wording != Generated || got[0].Printed != "新しい文。" || len(probs) > 0 {
		t.Errorf("unedited row: %+v, problems %v", got[0], probs)
	}
	// Edited: stale.
	b.Commentary.Rows[0].Text = "事務局の文。"
	if _, probs = ApplyCommentary(b, ps); len(probs) != 1 || probs[0].Code != ingest.CodeStaleCommentary {
		t.Errorf("edited row: problems %v", probs)
	}
}
