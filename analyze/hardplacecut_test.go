package analyze

import (
	"slices"
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// placeCutBatch is two districts with a town each and a survey of one FA
// question: three 綱島 residents write 「綱島西一丁目の夜道が暗く…」 alone,
// a fourth begins with a wish for companions in 「綱島の公園」, a fifth with
// a wish to exercise in 「日吉本町の公園」 (a town of 日吉).
func placeCutBatch() *ingest.Batch {
	const dark = "綱島西一丁目の夜道が暗く、防犯の面で不安があります。"
	var rs []respondent
	for i, text := range []string{dark, dark, dark,
		"綱島の公園でウォーキングをする仲間がほしいです。" + dark,
		"日吉本町の公園で体操をする仲間がほしいです。" + dark} {
		rs = append(rs, respondent{ingest.Respondent{ID: "R" + string(rune('1'+i)), District: 1},
			[]ingest.Answer{{}, {Text: text}}})
	}
	return &ingest.Batch{
		Settings:       ingest.Settings{SuppressBelow: 1},
		HardCategories: batchgen.HardCategories(),
		Districts:      []ingest.District{{Code: "01", Name: "日吉"}, {Code: "02", Name: "綱島"}},
		Towns:          []ingest.Town{{Name: "日吉本町", District: 0}, {Name: "綱島西１丁目", District: 1}},
		Questions: []ingest.Question{
			{ID: "Q1", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict},
			{ID: "Q10", Type: ingest.FA, ChoiceSet: -1, Theme: -1},
		},
		DistrictQ: 0, GenderQ: -1, AgeQ: -1,
		Current: survey(rs...),
	}
}

// TestHardExcerptPlace: the place of a cut text is the place its quoted
// sentences name; a text quoted whole keeps the place of the whole text
// (hardCut.placeOr).
func TestHardExcerptPlace(t *testing.T) {
	b := placeCutBatch()
	ta := newTextAnalyzer(b, IPATokenizer())
	for _, c := range []struct{ in, excerpt, place string }{
		{"綱島の公園でウォーキングをする仲間がほしいです。綱島西一丁目の夜道が暗く、防犯の面で不安があります。",
			"…綱島西一丁目の夜道が暗く、防犯の面で不安があります。", "綱島西1丁目"},
		{"綱島西一丁目で体操をする仲間がほしいです。夜道が暗く、防犯の面で不安があります。",
			"…夜道が暗く、防犯の面で不安があります。", ""},
		// two quoted sentences: the place rule over both (the facility, then the town)
		{"菊名公園の遊具が壊れている。仲間がほしい。綱島西一丁目の夜道が暗い。",
			"菊名公園の遊具が壊れている。…綱島西一丁目の夜道が暗い。", "綱島西1丁目・菊名公園"},
		// quoted whole: no cut, the whole text's place
		{"綱島西一丁目の夜道が暗く、防犯の面で不安があります。", "", ""},
	} {
		got := hardExcerptPlace(ta, c.in)
		if got.excerpt != c.excerpt || got.place != c.place {
			t.Errorf("hardExcerptPlace(%q) = %q, %q; want %q, %q", c.in, got.excerpt, got.place, c.excerpt, c.place)
		}
	}
	if got := (hardCut{}).placeOr("綱島西1丁目"); got != "綱島西1丁目" {
		t.Errorf("uncut placeOr = %q, want the whole text's place", got)
	}
	if got := (hardCut{excerpt: "…夜道が暗い。"}).placeOr("綱島西1丁目"); got != "" {
		t.Errorf("cut placeOr = %q, want the excerpt's (none)", got)
	}
}

// TestHardPlaceFromQuote: the five residents of placeCutBatch write the
// same dark-street sentence; the parks of the sentences around it are no
// place of that issue. By hand: one listed issue, place 綱島西1丁目, 5
// voices, 綱島 防犯・街灯 1 件 (not 3: 綱島西1丁目 ×3, 綱島西1丁目・綱島の
// 公園 ×1, and 日吉本町の公園 ×1 filed under 日吉 by its park), 日吉 0 件;
// all five texts are issues (hard_issues.csv).
func TestHardPlaceFromQuote(t *testing.T) {
	b := placeCutBatch()
	r := &Results{Batch: b}
	analyzeText(b, r)
	hr := r.Hard
	if len(hr.Issues) != 5 {
		t.Fatalf("%d issues, want 5 (every text)", len(hr.Issues))
	}
	var listed []*HardIssue
	for i := range hr.Issues {
		is := &hr.Issues[i]
		if is.Place != "綱島西1丁目" || !slices.Equal(is.Groups, []string{"綱島"}) || is.PlacedBy {
			t.Errorf("%s (%s): place %q groups %v placed-by %v; want 綱島西1丁目 in 綱島, the respondent's", is.ID, is.RecordID, is.Place, is.Groups, is.PlacedBy)
		}
		if is.Voices != 5 {
			t.Errorf("%s: %d voices, want 5", is.ID, is.Voices)
		}
		if is.Listed() {
			listed = append(listed, is)
		}
	}
	if len(listed) != 1 || listed[0].RecordID != "R1" || len(listed[0].Same) != 4 {
		t.Errorf("%d listed issues, want 1 (R1's) standing for 4", len(listed))
	}
	want := map[string]int{"綱島": 1, "日吉": 0, GroupAll: 1}
	for _, n := range hr.Counts {
		if n.Source == SourceAll && n.Year == 0 && n.Category == "防犯・街灯" {
			if w, ok := want[n.Group]; ok && n.Count != w {
				t.Errorf("%s 防犯・街灯: %d 件, want %d", n.Group, n.Count, w)
			}
		}
		if n.Source == SourceAll && n.Year == 0 && n.Category == "公園・広場" && n.Count != 0 {
			t.Errorf("%s 公園・広場: %d 件, want 0 (a park named in a wish for companions)", n.Group, n.Count)
		}
	}
}
