package analyze

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"midreview/ingest"
)

func TestAnalyzeHearings(t *testing.T) {
	rate := func(choice int) []ingest.Answer {
		v := make([]ingest.Answer, 2)
		if choice >= 0 {
			v[1].Choices = ingest.ChoiceBits(0).With(choice)
		}
		return v
	}
	b := &ingest.Batch{
		Districts: []ingest.District{{Name: "日吉"}, {Name: "綱島"}, {Name: "菊名"}},
		Themes:    []ingest.Theme{{Code: "T1", Name: "見守り"}},
		ChoiceSets: []ingest.ChoiceSet{{Name: "評価", Choices: []ingest.Choice{
			{Code: 1, Label: "できている"}, {Code: 2, Label: "まあできている"}, {Code: 3, Label: "できていない"}}}},
		HearingItems: []ingest.HearingItem{
			{ID: "H0", Kind: ingest.HOrg, Theme: -1, Scale: -1},
			{ID: "R1", Kind: ingest.HRating, Theme: 0, Scale: 0},
		},
		// A 自治会 in 日吉 rates 1; B 老人クラブ in 日吉 and 綱島 rates 2;
		// C 自治会 without a district does not rate; D without a type in 綱島 rates 1.
		Hearings: []ingest.Hearing{
			{Org: "A", OrgType: "自治会", Districts: []int{0}, Values: rate(0)},
			{Org: "B", OrgType: "老人クラブ", Districts: []int{0, 1}, Values: rate(1)},
			{Org: "C", OrgType: "自治会", Values: rate(-1)},
			{Org: "D", Districts: []int{1, 1}, Values: rate(0)},
		},
	}
	r := &Results{Batch: b}
	analyzeHearings(b, r)
	if r.Hearings.Orgs != 4 {
		t.Errorf("Orgs = %d, want 4", r.Hearings.Orgs)
	}
	wantGroups := []OrgCount{
		{ByAll, GroupAll, 4},
		{ByDistrict, "日吉", 2}, // A, B
		{ByDistrict, "綱島", 2}, // B, D (D lists 綱島 twice: counted once)
		{ByDistrict, "菊名", 0},
		{ByDistrict, GroupNoDistrict, 1}, // C
		{ByOrgType, "自治会", 2},            // A, C
		{ByOrgType, "老人クラブ", 1},
		{ByOrgType, GroupNoOrgType, 1}, // D
	}
	if !reflect.DeepEqual(r.Hearings.ByGroup, wantGroups) {
		t.Errorf("ByGroup:\n got %v\nwant %v", r.Hearings.ByGroup, wantGroups)
	}
	// Counts of codes 1, 2, 3 and 無回答 per group, by hand from the ratings
	// above (C gave no rating, so every group of the item has a 無回答 row).
	want := map[string][4]int{
		"全体/全体":      {2, 1, 0, 1}, // A, D → 1; B → 2; C none
		"地区/日吉":      {1, 1, 0, 0},
		"地区/綱島":      {1, 1, 0, 0},
		"地区/菊名":      {0, 0, 0, 0},
		"地区/地区不明":    {0, 0, 0, 1},
		"団体種別/自治会":   {1, 0, 0, 1},
		"団体種別/老人クラブ": {0, 1, 0, 0},
		"団体種別/未記入":   {1, 0, 0, 0},
	}
	if len(r.Hearings.Ratings) != 8*4 {
		t.Fatalf("%d rating rows, want 32", len(r.Hearings.Ratings))
	}
	for i, hc := range r.Hearings.Ratings {
		g := wantGroups[i/4]
		if hc.By != g.By || hc.Group != g.Group {
			t.Errorf("row %d group %s/%s, want %s/%s", i, hc.By, hc.Group, g.By, g.Group)
		}
		key := hc.By + "/" + hc.Group
		ci := i % 4
		if ci == 3 {
			if !hc.NA || hc.Label != LabelNA || hc.Code != 0 || hc.Item != 1 || hc.Theme != "見守り" {
				t.Errorf("row %d = %+v, want the 無回答 row", i, hc)
			}
		} else if c := b.ChoiceSets[0].Choices[ci]; hc.NA || hc.Item != 1 || hc.Theme != "見守り" || hc.Code != c.Code || hc.Label != c.Label {
			t.Errorf("row %d = %+v", i, hc)
		}
		if hc.Count != want[key][ci] {
			t.Errorf("%s row %d: count %d, want %d", key, ci, hc.Count, want[key][ci])
		}
		// The base is the group's organizations heard, 無回答 included.
		base := g.Count
		if hc.Base != base {
			t.Errorf("%s row %d: base %d, want %d", key, ci, hc.Base, base)
		}
		// e.g. 全体 code 1: 2 of the 4 organizations heard (C gave no rating) → 50.0%.
		if base > 0 && hc.Pct != 100*float64(want[key][ci])/float64(base) || base == 0 && !math.IsNaN(hc.Pct) {
			t.Errorf("%s row %d: pct %v, want %d/%d", key, ci, hc.Pct, want[key][ci], base)
		}
	}
	if p := r.Hearings.Ratings[0].Pct; p != 50 {
		t.Errorf("全体 できている: %v%%, want 50 (2 of the 4 organizations heard)", p)
	}
}

// TestAnalyzeHearingsAllRated: an item every organization rated has no
// 無回答 row.
func TestAnalyzeHearingsAllRated(t *testing.T) {
	v := make([]ingest.Answer, 2)
	v[1].Choices = ingest.ChoiceBits(0).With(1)
	b := &ingest.Batch{
		Districts:  []ingest.District{{Name: "日吉"}},
		ChoiceSets: []ingest.ChoiceSet{{Name: "評価", Choices: []ingest.Choice{{Code: 1, Label: "できている"}, {Code: 2, Label: "できていない"}}}},
		HearingItems: []ingest.HearingItem{
			{ID: "H0", Kind: ingest.HOrg, Theme: -1, Scale: -1},
			{ID: "R1", Kind: ingest.HRating, Theme: -1, Scale: 0},
		},
		Hearings: []ingest.Hearing{{Org: "A", Districts: []int{0}, Values: v}},
	}
	r := &Results{Batch: b}
	analyzeHearings(b, r)
	var got []string
	for _, h := range r.Hearings.Ratings {
		got = append(got, fmt.Sprint(h.Group, h.Label, h.Count, h.Base, h.NA))
	}
	want := []string{"全体できている0 1 false", "全体できていない1 1 false", "日吉できている0 1 false", "日吉できていない1 1 false",
		"未記入できている0 1 false", "未記入できていない1 1 false"} // A has no 団体種別
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

func TestAnalyzeHearingsEmpty(t *testing.T) {
	b := &ingest.Batch{Districts: []ingest.District{{Name: "日吉"}}}
	r := &Results{Batch: b}
	analyzeHearings(b, r)
	got := fmt.Sprint(r.Hearings.Orgs, r.Hearings.ByGroup, len(r.Hearings.Ratings))
	if want := "0 [{全体 全体 0} {地区 日吉 0}] 0"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestRatingShares(t *testing.T) {
	tests := []struct {
		counts []int
		base   int
		pct    []float64
	}{
		{[]int{1, 1, 0, 0}, 2, []float64{50, 50, 0, 0}},
		{[]int{1, 2}, 3, []float64{33.333333333333336, 66.66666666666667}}, // 100/3 and 200/3 in float64
		{[]int{0, 5, 0}, 5, []float64{0, 100, 0}},
		{[]int{12, 21, 4, 1, 2}, 40, []float64{30, 52.5, 10, 2.5, 5}}, // the demo's H05 with its 無回答: 12 of 40 is 30.0, not 31.6
		{[]int{0, 0}, 0, []float64{math.NaN(), math.NaN()}},           // no organization: no share
		{nil, 0, []float64{}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.counts), func(t *testing.T) {
			pct := RatingShares(tt.counts, tt.base)
			if len(pct) != len(tt.pct) {
				t.Fatalf("RatingShares(%v, %d) = %v; want %v", tt.counts, tt.base, pct, tt.pct)
			}
			for i := range pct {
				if pct[i] != tt.pct[i] && !(math.IsNaN(pct[i]) && math.IsNaN(tt.pct[i])) {
					t.Errorf("share %d = %v, want %v", i, pct[i], tt.pct[i])
				}
			}
		})
	}
}
