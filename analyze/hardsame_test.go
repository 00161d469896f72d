package analyze

import (
	"slices"
	"testing"

	"midreview/ingest"
)

// TestSameVoices: issues with the same district groups, place and quoted
// sentences are one listed issue (the first in reading order) with its
// voices; the same sentence at another place, in another district or
// without a place is another issue (reader review 4, item 3).
func TestSameVoices(t *testing.T) {
	mk := func(id, src string, groups []string, place, text string, years ...int) HardIssue {
		return HardIssue{ID: id, Source: src, Groups: groups, Place: place, Masked: text, Categories: []int{2}, Years: years}
	}
	jo := []string{"城郷"}
	dark := "小机町の夜道が暗く、防犯の面で不安があります。"
	issues := []HardIssue{
		mk("S-1", SourceSurvey, jo, "小机町", dark),
		mk("S-2", SourceSurvey, jo, "小机町", dark+"…"), // an excerpt: 「…」 is no difference
		mk("S-3", SourceSurvey, jo, "小机駅", "小机駅からの夜道が暗い。"),
		mk("S-4", SourceSurvey, []string{"日吉"}, "小机町", dark), // another district
		mk("P-1", SourceProgress, jo, "小机町", dark, 2025),     // another source, same voice
		mk("S-5", SourceSurvey, jo, "", "夜道が暗い。"),
		mk("S-6", SourceSurvey, []string{"日吉"}, "", "夜道が暗い。"),
	}
	listed := sameVoices(issues)
	want := []struct {
		sameAs string
		same   []string
		voices int
	}{
		{"", []string{"S-2", "P-1"}, 3}, {"S-1", nil, 3}, {"", nil, 1}, {"", nil, 1},
		{"S-1", nil, 3}, {"", nil, 1}, {"", nil, 1},
	}
	for i, w := range want {
		is := &issues[i]
		if is.SameAs != w.sameAs || !slices.Equal(is.Same, w.same) || is.Voices != w.voices {
			t.Errorf("%s: SameAs %q Same %v Voices %d, want %q %v %d", is.ID, is.SameAs, is.Same, is.Voices, w.sameAs, w.same, w.voices)
		}
	}
	if l := listed[0]; !slices.Equal(l.sources, []string{SourceSurvey, SourceProgress}) || !slices.Equal(l.years, []int{2025}) {
		t.Errorf("S-1 counts under sources %v, years %v; want survey and progress, 2025", l.sources, l.years)
	}
}

// TestHardDemoSameVoices: the demo's 城郷 has five residents who wrote
// 「小机町の夜道が暗く…」 and one initiative about 小机駅: two 防犯・街灯
// issues (one with 5 voices), not six rows of 同じ声 5.
func TestHardDemoSameVoices(t *testing.T) {
	hr := Run(demoBatch(t)).Hard
	var rows []*HardIssue
	for i := range hr.Issues {
		is := &hr.Issues[i]
		if is.Listed() && slices.Contains(is.Groups, "城郷") && is.Place == "小机町" && is.Source == SourceSurvey {
			rows = append(rows, is)
		}
	}
	if len(rows) != 1 || rows[0].Voices != 5 || len(rows[0].Same) != 4 {
		t.Fatalf("城郷 小机町 night street: %d listed issues, want 1 with 5 voices and 4 other IDs", len(rows))
	}
	for _, id := range rows[0].Same {
		i := slices.IndexFunc(hr.Issues, func(is HardIssue) bool { return is.ID == id })
		if i < 0 || hr.Issues[i].SameAs != rows[0].ID || hr.Issues[i].Listed() {
			t.Errorf("%s is not listed as %s", id, rows[0].ID)
		}
	}
	for _, n := range hr.Counts {
		if n.Source == SourceAll && n.Year == 0 && n.Group == "城郷" && n.Category == "防犯・街灯" && n.Count != 2 {
			t.Errorf("城郷 防犯・街灯: %d issues, want 2 (小机町 ×5 voices, 小机駅)", n.Count)
		}
	}
}

// TestLinkageSameVoices: an answer to any of the issues one row stands for
// is the row's answer, for every one of them (an answer given when they
// were rows of their own is kept); the row's own answer comes first.
func TestLinkageSameVoices(t *testing.T) {
	hr := &HardResults{Issues: []HardIssue{{ID: "S-1"}, {ID: "S-2", SameAs: "S-1"}, {ID: "S-3", SameAs: "S-1"}, {ID: "S-4"}}}
	hr.Issues[0].Same = []string{"S-2", "S-3"}
	b := &ingest.Batch{Linkage: &ingest.Linkage{Rows: []ingest.LinkageResponse{{IssueID: "S-3", Status: "検討中"}}}}
	if p := applyLinkage(b, hr); len(p) != 0 {
		t.Fatalf("problems %v", p)
	}
	for i, want := range []string{"検討中", "検討中", "検討中", StatusUnanswered} {
		if got := IssueStatus(&hr.Issues[i]); got != want {
			t.Errorf("%s: %s, want %s", hr.Issues[i].ID, got, want)
		}
	}
}
