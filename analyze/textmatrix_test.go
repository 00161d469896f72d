package analyze

import (
	"reflect"
	"testing"

	"midreview/ingest"
)

func TestTextMatrix(t *testing.T) {
	b := &ingest.Batch{
		Districts: []ingest.District{{Name: "日吉"}, {Name: "綱島"}},
		// 見守り has an SA question; 健康 only a free-text question and 参加 only
		// an attribute: neither is a row, so their texts go to GroupNoTheme (その他).
		Themes: []ingest.Theme{{Code: "T1", Name: "見守り"}, {Code: "T2", Name: "健康"}, {Code: "T3", Name: "参加"}},
		Questions: []ingest.Question{
			{ID: "Q1", Type: ingest.SA, Theme: 0},
			{ID: "Q2", Type: ingest.FA, Theme: 1},
			{ID: "F1", Type: ingest.SA, Theme: 2, Attr: ingest.AttrDistrict},
		},
	}
	docs := []textDoc{
		{docHead: &docHead{source: SourceSurvey, districts: []int{0}}, themes: []int{0}},
		{docHead: &docHead{source: SourceSurvey, districts: []int{ingest.NoDistrict}}},
		// An organization in 日吉 and 綱島, coded 見守り and 健康: in both districts
		// under 見守り only.
		{docHead: &docHead{source: SourceHearing, districts: []int{0, 1}}, themes: []int{0, 1}},
		// Coded 健康 and 参加, no row either: once under その他.
		{docHead: &docHead{source: SourceHearing, districts: []int{1, 1}}, themes: []int{1, 2}},
	}
	want := []TextCell{
		{"見守り", "日吉", []int{0, 2}},
		{"見守り", "綱島", []int{2}},
		{"見守り", GroupNoDistrict, nil},
		{GroupNoTheme, "日吉", nil},
		{GroupNoTheme, "綱島", []int{3}},
		{GroupNoTheme, GroupNoDistrict, []int{1}},
	}
	if got := textMatrix(b, docs); !reflect.DeepEqual(got, want) {
		t.Errorf("textMatrix:\n got %v\nwant %v", got, want)
	}
	wantCounts := []SourceCount{{SourceSurvey, 2}, {SourceHearing, 2}}
	if got := textCounts(docs); !reflect.DeepEqual(got, wantCounts) {
		t.Errorf("textCounts = %v, want %v", got, wantCounts)
	}
	// No texts, no districts, no themes: one empty cell, その他 × 地区不明.
	empty := textMatrix(&ingest.Batch{}, nil)
	if want := []TextCell{{GroupNoTheme, GroupNoDistrict, nil}}; !reflect.DeepEqual(empty, want) {
		t.Errorf("empty batch: %v, want %v", empty, want)
	}
}
