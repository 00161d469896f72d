package analyze

import (
	"slices"
	"strings"
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// TestHardExcerpt: a comment that goes on about other things is quoted
// for its physical need only, with 「…」 where sentences are left out (the
// demo's S-36f0a0c5 and H-28aa6d1d quoted the whole comment).
func TestHardExcerpt(t *testing.T) {
	b := &ingest.Batch{HardCategories: batchgen.HardCategories()}
	ta := newTextAnalyzer(b, IPATokenizer())
	for _, c := range []struct{ in, want string }{
		{"夜道が暗く、防犯の面で不安があります。福祉の情報が必要な人に届いていないと思います。近所の〇〇さんにいつも助けてもらっています。",
			"夜道が暗く、防犯の面で不安があります。…"},
		{"役員の高齢化が進み、次の担い手が見つからない。高田駅へのバス路線が減り、活動に来られなくなった高齢者がいる。",
			"…高田駅へのバス路線が減り、活動に来られなくなった高齢者がいる。"},
		{"公園のベンチが壊れている。", ""},
		{"歩道の段差が大きい。街灯が少なく夜道が暗い。", ""},
	} {
		if got := hardExcerpt(ta, c.in); got != c.want {
			t.Errorf("hardExcerpt(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestHardDemoIssues: in the demo, every sentence a list quotes is tagged
// on its own, and no issue that names a town of sheet 町名 is left under
// 地区不明 (S-46c96a0f 「大倉山3丁目」 was off the map).
func TestHardDemoIssues(t *testing.T) {
	b := demoBatch(t)
	hr := Run(b).Hard
	ta := newTextAnalyzer(b, IPATokenizer())
	cut, placed := 0, 0
	for i := range hr.Issues {
		is := &hr.Issues[i]
		if is.Excerpt != "" {
			cut++
			for _, s := range splitSentences(strings.ReplaceAll(is.Excerpt, "…", "")) {
				if len(hardTags(ta, s)) == 0 {
					t.Errorf("%s quotes the untagged sentence %q", is.ID, s)
				}
			}
		}
		if is.PlacedBy {
			placed++
		}
		if slices.Contains(is.Groups, GroupNoDistrict) && placeDistrict(b, is.Place) >= 0 {
			t.Errorf("%s names %q, a place of %s, yet is under %s", is.ID, is.Place, b.Districts[placeDistrict(b, is.Place)].Name, GroupNoDistrict)
		}
	}
	// 同じ声 counts the quoted sentences at one place in one district: two
	// organizations that call for the same fix in the same words are 2
	// voices, whatever else they wrote.
	voices := map[string]int{}
	for i := range hr.Issues {
		voices[hr.Issues[i].ListKey()]++
	}
	for i := range hr.Issues {
		if is := &hr.Issues[i]; is.Voices != voices[is.ListKey()] {
			t.Errorf("%s: %d voices, %d issues quote %q", is.ID, is.Voices, voices[is.ListKey()], is.Quoted())
		}
	}
	for _, id := range []string{"H-9ecdf2d5", "H-dfd2d6ea", "H-44c67f7e", "H-03624798"} {
		i := slices.IndexFunc(hr.Issues, func(is HardIssue) bool { return is.ID == id })
		if i < 0 {
			t.Errorf("demo has no issue %s", id)
		} else if hr.Issues[i].Voices != 2 {
			t.Errorf("%s: %d voices, want 2 (the same sentence as its pair)", id, hr.Issues[i].Voices)
		}
	}
	if cut == 0 || placed == 0 {
		t.Errorf("demo: %d issues cut to their physical need, %d filed by their place; want some of each", cut, placed)
	}
}
