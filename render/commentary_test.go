package render

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/render/view"
)

// commentaryView returns a view of two passages (Q1 in the ward report, 北's
// profile) and a batch whose commentary.xlsx rewords the first and removes
// the second.
func commentaryView() (*view.View, *ingest.Batch) {
	v := &view.View{PlanName: "計画", DateISO: "2026-11-01", Passages: []view.Passage{
		{Place: "設問", Target: "Q1", Sentences: []view.Sentence{{Text: "Aです。", Basis: "Q1 全体 よくある 40.0% n=20"}, {Text: "Bです。"}},
			Lines: []string{"Aです。", "Bです。"}},
		{Place: "地区", District: "北", Sentences: []view.Sentence{{Text: "北は…", Basis: "Q1 北 よくある 30.0% n=12"}}, Lines: []string{"北は…"}},
	}, TargetNames: map[[2]string]string{{"設問", "Q1"}: "近所付き合いの程度"}}
	b := &ingest.Batch{
		Districts: []ingest.District{{Name: "北"}},
		Files:     []ingest.InputFile{{Path: ingest.DefinitionsFile}, {Path: ingest.CommentaryFile}},
		Commentary: &ingest.Commentary{Sheet: "所見", TextCol: 4, BasisCol: 5, Rows: []ingest.CommentaryRow{
			{Place: ingest.PlaceQuestion, Target: "Q1", District: ingest.Ward, Text: "一行目\n\n二行目", Basis: "Q1 全体 よくある 40.0% n=20", Person: "山田", Src: ingest.Src{File: 1, Row: 2}},
			{Place: ingest.PlaceDistrict, District: 0, Text: "－", Basis: "Q1 北 よくある 30.0% n=12", Src: ingest.Src{File: 1, Row: 3}},
		}},
	}
	return v, b
}

func TestApplyCommentaryView(t *testing.T) {
	v, b := commentaryView()
	if probs := view.ApplyCommentary(v, b); len(probs) > 0 {
		t.Fatalf("problems %v", probs)
	}
	if p := v.Passages[0]; !p.Staff || !reflect.DeepEqual(p.Lines, []string{"一行目", "二行目"}) {
		t.Errorf("reworded passage: staff %v lines %q", p.Staff, p.Lines)
	}
	if p := v.Passages[1]; !p.Staff || p.Lines != nil {
		t.Errorf("removed passage: staff %v lines %q", p.Staff, p.Lines)
	}
	want := []view.StaffedPassage{
		{Place: "設問", Target: "Q1", Wording: view.WordingStaff, Text: "一行目\n\n二行目", Generated: "Aです。Bです。", Person: "山田", Row: 2},
		{Place: "地区", District: "北", Wording: view.WordingRemoved, Generated: "北は…", Row: 3},
	}
	if !reflect.DeepEqual(v.Staffed, want) {
		t.Errorf("Staffed:\n%+v\nwant\n%+v", v.Staffed, want)
	}
	m := &Manifest{}
	m.SetCommentary(v)
	if len(m.Commentary) != 2 || m.Counts.StaffPassages != 2 || m.Commentary[1] != (ManifestPassage{Row: 3, Place: "地区", District: "北", Wording: view.WordingRemoved}) {
		t.Errorf("manifest commentary %+v, count %d", m.Commentary, m.Counts.StaffPassages)
	}
	// 設定 所見 しない: commentary.xlsx is not applied.
	v, b = commentaryView()
	b.Settings.NoFindings = true
	if probs := view.ApplyCommentary(v, b); len(probs) > 0 || v.Staffed != nil || v.Passages[0].Staff {
		t.Errorf("所見 しない: problems %v, staffed %v", probs, v.Staffed)
	}
}

func TestCommentaryDraft(t *testing.T) {
	v, _ := commentaryView()
	var buf bytes.Buffer
	if err := CommentaryDraft(&buf, v); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := CommentaryDraft(&again, v); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("two drafts differ (err %v)", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{ingest.CommentarySheet.Name}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("所見")
	if err != nil {
		t.Fatal(err)
	}
	// Note: 対象名 comes last (reader review 5, item 20), after the hidden
	// 作成時の文: commentary.xlsx's own columns keep their places.
	head := append(ingest.CommentarySheet.Headers(), "対象名")
	want := [][]string{
		head,
		{"設問", "Q1", "", "Aです。\nBです。", "Q1 全体 よくある 40.0% n=20", "", "Aです。\nBです。", "近所付き合いの程度"},
		{"地区", "", "北", "北は…", "Q1 北 よくある 30.0% n=12", "", "北は…"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\n%q\nwant\n%q", rows, want)
	}
	if vis, err := f.GetColVisible("所見", "G"); err != nil || vis {
		t.Errorf("作成時の文 visible %v (err %v), want hidden", vis, err)
	}
}
