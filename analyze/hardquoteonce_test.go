package analyze

import (
	"fmt"
	"slices"
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// TestHardQuotesOnce: an issue of two categories is quoted once in its
// group, under the first category that takes it, and the later category
// refers to it (Again) while still quoting up to MaxHardQuotes others
// (reader review 5, item 11: the demo's 綱島 quoted 「綱島西一丁目の坂の途中の
// バス停にベンチがなく…」 under 道路・歩道・段差 and again under 交通・バス).
func TestHardQuotesOnce(t *testing.T) {
	b := &ingest.Batch{HardCategories: batchgen.HardCategories()} // 空 道 交 公 防 集
	mk := func(id string, text string, cats ...int) HardIssue {
		return HardIssue{ID: id, Source: SourceProgress, Groups: []string{"綱島"}, Categories: cats, Masked: text, Quotable: true}
	}
	hr := &HardResults{Issues: []HardIssue{
		mk("P-1", "坂の途中のバス停にベンチがなく、行き来が大変。", 1, 2), // 道 交
		mk("P-2", "バスの本数が減り、会合に来られない。", 2),         // 交
		mk("P-3", "空き店舗を活動拠点に使いたいが費用が出せない。", 0, 5), // 空 集
		mk("P-4", "歩道の段差が大きく、つまずきそうになる。", 1),       // 道
	}}
	for i := range hr.Issues {
		hr.Issues[i].Voices = 1
	}
	got := []string{}
	for _, q := range hardQuotes(b, hr, "綱島") {
		s := fmt.Sprintf("%s:%s", b.HardCategories[q.Category].Name, hr.Issues[q.Issue].ID)
		if q.Again {
			s += "(again)"
		}
		got = append(got, s)
	}
	// by hand: 空 quotes P-3; 道 quotes P-1, P-4; 交 quotes P-2 and refers
	// to P-1; 集 refers to P-3
	want := []string{"空き家・空き店舗:P-3", "道路・歩道・段差:P-1", "道路・歩道・段差:P-4",
		"交通・バス:P-2", "交通・バス:P-1(again)", "集会所・活動拠点:P-3(again)"}
	if !slices.Equal(got, want) {
		t.Errorf("quotes\n got %v\nwant %v", got, want)
	}
}
