package analyze

import (
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// TestHardPlaceNamed finds the place of tagged texts as the demo and staff
// write them: towns of sheet 町名 written with full-width digits there and
// kanji numerals in the text, a facility with a name, an ordinal (第二) or a
// town and の before it, and a station's exit.
func TestHardPlaceNamed(t *testing.T) {
	b := &ingest.Batch{HardCategories: batchgen.HardCategories(),
		Districts: []ingest.District{{Name: "日吉"}, {Name: "篠原"}, {Name: "新吉田"}, {Name: "新羽"}},
		Towns: []ingest.Town{{Name: "日吉本町１丁目", District: 0}, {Name: "篠原町", District: 1},
			{Name: "新吉田町", District: 2}, {Name: "大曽根台", District: 2}, {Name: "樽町2丁目", District: 2}}}
	ta := newTextAnalyzer(b, IPATokenizer())
	for _, c := range []struct{ text, want string }{
		{"日吉本町一丁目の夜道が暗く、防犯の面で不安があります。", "日吉本町1丁目"},
		{"日吉本町１丁目あたりの夜道が暗く、防犯の面で不安があります。", "日吉本町1丁目"},
		{"樽町二丁目の夜道が暗く、防犯の面で不安があります。", "樽町2丁目"},
		{"日吉駅からの夜道が暗く、帰りが不安という声がある。", "日吉駅"},
		{"新吉田町のバス停からの夜道が暗く、帰りが不安という声がある。", "新吉田町のバス停"},
		{"大曽根台のバス停へのバス路線が減り、活動に来られなくなった高齢者がいる。", "大曽根台のバス停"},
		{"日吉本町集会所の段差が大きく、車いすの人が参加しにくい。", "日吉本町集会所"},
		{"篠原町集会所の段差が大きく、車いすの人が参加しにくい。", "篠原町集会所"},
		{"第二集会所の段差が大きい。", "第二集会所"},
		{"日吉第二公園の遊具が壊れている。", "日吉第二公園"},
		{"大倉山公園の遊具が壊れている。", "大倉山公園"},
		{"菊名駅東口の歩道が狭い。", "菊名駅東口"},
		{"日吉の商店街の空き店舗を活動拠点に使いたいが、改修の費用が出せない。", "日吉の商店街"},
		{"新羽の商店街の空き店舗を活動拠点に使いたいが、改修の費用が出せない。", "新羽の商店街"}, // 新 a prefix
		{"各公園の遊具が古い。", ""},
		{"篠原町で空き家が増えているが、サロンの会場に借りられるかどうか相談先がわからない。", "篠原町"},
		{"日吉本町一丁目の坂の途中のバス停にベンチがなく、参加者の行き来が大変。", "日吉本町1丁目"},
		// no place named
		{"夜道が暗く、防犯の面で不安があります。", ""},
		{"近くの公園の遊具が古い。", ""},
		{"3つの公園の遊具が古い。", ""},
		{"山田さんの家の前の街灯が切れている。", ""},
	} {
		d := textDoc{docHead: &docHead{source: SourceProgress, fixed: -1}, text: c.text}
		ta.analyze(&d)
		if len(d.hard) == 0 {
			t.Errorf("%s: not tagged", c.text)
		}
		if d.place != c.want {
			t.Errorf("%s: place %q, want %q", c.text, d.place, c.want)
		}
	}
}
