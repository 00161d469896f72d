package analyze

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"midreview/ingest"
)

// maskBatch is a small batch with the names a Masker must protect.
func maskBatch() *ingest.Batch {
	return &ingest.Batch{
		Districts: []ingest.District{
			{Code: "01", Name: "日吉", Aliases: []string{"日吉地区連合"}},
			{Code: "02", Name: "大倉山"},
			{Code: "03", Name: "菊名"},
			{Code: "04", Name: "綱島"},
		},
		Towns: []ingest.Town{{Name: "日吉本町", District: 0}, {Name: "綱島西", District: 3}},
		Themes: []ingest.Theme{
			{Code: "T1", Name: "見守り・支え合い", Keywords: []string{"見守り", "民生委員"}},
		},
		Hearings: []ingest.Hearing{
			{Org: "菊名シニアクラブ", OrgType: "老人クラブ"},
			{Org: "大倉山子育てサロン山田の会", OrgType: "子育て支援"},
		},
	}
}

func TestMask(t *testing.T) {
	m := NewMasker(maskBatch(), IPATokenizer())
	tests := []struct {
		name, in, want string
	}{
		// Phone numbers.
		{"mobile", "連絡先は090-1234-5678です。", "連絡先は〇〇です。"},
		{"landline", "電話045-123-4567まで", "電話〇〇まで"},
		{"area code in parentheses", "045(123)4567に電話", "〇〇に電話"},
		{"parenthesized area code", "(045)123-4567です", "〇〇です"},
		{"full-width digits", "０９０－１２３４－５６７８へ", "〇〇へ"},
		{"digits only 11", "携帯09012345678", "携帯〇〇"},
		{"digits only 10", "自宅0451234567です", "自宅〇〇です"},
		{"katakana long sound as hyphen", "090ー1234ー5678", "〇〇"},
		// E-mail and postal codes.
		{"email", "メールはtaro.yamada@example.co.jpへ", "メールは〇〇へ"},
		{"postal mark", "〒223-0061 横浜市", "〇〇 横浜市"},
		{"postal bare", "住所は223-0061です", "住所は〇〇です"},
		// Street addresses.
		{"chome banchi go", "日吉本町1丁目2番3号に住んでいます", "日吉本町〇〇に住んでいます"},
		{"banchi", "123番地の家", "〇〇の家"},
		{"ban go", "5番12号のアパート", "〇〇のアパート"},
		{"town hyphens", "綱島西2-14-5の角", "綱島西〇〇の角"},
		{"town two parts", "日吉本町4-6に", "日吉本町〇〇に"},
		{"kanji numerals", "三丁目十番地", "〇〇"},
		// Personal names.
		{"surname san", "山田さんに相談しました。", "〇〇さんに相談しました。"},
		{"full name", "田中太郎です。", "〇〇です。"},
		{"name sama", "民生委員の鈴木様と話した。", "民生委員の〇〇様と話した。"},
		{"full name san", "自治会長の小林一郎さん", "自治会長の〇〇さん"},
		{"katakana name san", "ヤマダさんが来た", "〇〇さんが来た"},
		{"name chan", "佐藤花子ちゃん", "〇〇ちゃん"},
		// Must not be masked.
		{"district names", "日吉と大倉山と菊名の活動", "日吉と大倉山と菊名の活動"},
		{"district alias", "日吉地区連合の会議", "日吉地区連合の会議"},
		{"care plaza", "地域ケアプラザの講座が良かった", "地域ケアプラザの講座が良かった"},
		{"welfare commissioner", "民生委員さんに感謝しています", "民生委員さんに感謝しています"},
		{"volunteer san", "ボランティアさんが足りない", "ボランティアさんが足りない"},
		{"mother san", "お母さんたちの集まり", "お母さんたちの集まり"},
		{"date", "2024年3月に開始", "2024年3月に開始"},
		{"count", "30人が参加した", "30人が参加した"},
		{"iso date", "2024-03-15に実施", "2024-03-15に実施"},
		{"date hyphens after kanji", "日付2024-3-15", "日付2024-3-15"},
		{"range", "月2-3回の開催", "月2-3回の開催"},
		{"organization name", "大倉山子育てサロン山田の会に参加", "大倉山子育てサロン山田の会に参加"},
		{"org and person", "菊名シニアクラブの高橋さん", "菊名シニアクラブの〇〇さん"},
		{"ordinary sentence", "高齢者の見守りが不足していると思う。", "高齢者の見守りが不足していると思う。"},
		{"money", "会費は1,000円です", "会費は1,000円です"},
		{"line breaks kept", "一行目\n二行目", "一行目\n二行目"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.Mask(tt.in); got != tt.want {
				t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskWithoutBatch(t *testing.T) {
	// Without a batch only the built-in words are protected; names are still masked.
	if got, want := Mask("ケアプラザの山田さん 090-1234-5678"), "ケアプラザの〇〇さん 〇〇"; got != want {
		t.Errorf("Mask = %q, want %q", got, want)
	}
}

func TestMergeSpans(t *testing.T) {
	got := mergeSpans([]span{{5, 7}, {0, 2}, {2, 3}, {6, 9}, {12, 13}})
	want := []span{{0, 3}, {5, 9}, {12, 13}}
	if len(got) != len(want) {
		t.Fatalf("mergeSpans = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("mergeSpans = %v, want %v", got, want)
		}
	}
}

// maskLeakSet are texts with personal information and the strings that must
// not survive masking (names with and without honorifics, full names,
// phone numbers, addresses, e-mail addresses).
var maskLeakSet = []struct{ text, leak string }{
	{"山田さんに相談しました。", "山田"},
	{"田中太郎です。", "田中"},
	{"田中太郎です。", "太郎"},
	{"民生委員の鈴木様と話した。", "鈴木"},
	{"自治会長の小林一郎さん", "小林"},
	{"佐藤花子ちゃんが来た", "花子"},
	{"夏さんに会った。", "夏"},
	{"秋山さんが夏祭りの準備をしてくれた。", "秋山"},
	{"森さんと林さんが公園を掃除した。", "森"},
	{"森さんと林さんが公園を掃除した。", "林"},
	{"連絡先は090-1234-5678です。", "1234"},
	{"日吉本町1丁目2番3号に住んでいます", "2番3号"},
	{"メールはtaro.yamada@example.co.jpへ", "taro"},
	{"〒223-0061 横浜市", "0061"},
}

// maskKeepSet are texts that only look as if they held a name (a season and
// 祭り, a town, a facility named after a place, one-kanji common nouns):
// masking must leave them as they are (issue 28: 「夏祭り」 printed as
// 「〇〇祭り」).
var maskKeepSet = []string{
	"夏祭りに参加した。",
	"秋祭りの準備を手伝った。",
	"春祭りと冬祭りは子どもが多い。",
	"夏休みのラジオ体操に来てほしい。",
	"日吉本町の集会所に段差がある。",
	"綱島西の公園は暗い。",
	"菊名池公園の遊具が古い。",
	"大倉山公園で体操をした。",
	"日吉駅前の歩道が狭い。",
	"熊野神社のお祭りに行った。",
	"森の中の道が暗い。",
	"林の道は夜になると怖い。",
	"桜の季節に花見をした。",
	"日吉と大倉山と菊名の活動",
	"地域ケアプラザの講座が良かった",
	"ボランティアさんが足りない",
}

// TestMaskLeakAndOverMasking checks both sets with one Masker: no leak
// survives, and no text of the keep set is changed.
func TestMaskLeakAndOverMasking(t *testing.T) {
	m := NewMasker(maskBatch(), IPATokenizer())
	for _, c := range maskLeakSet {
		if got := m.Mask(c.text); strings.Contains(got, c.leak) {
			t.Errorf("leak: Mask(%q) = %q keeps %q", c.text, got, c.leak)
		}
	}
	for _, s := range maskKeepSet {
		if got := m.Mask(s); got != s {
			t.Errorf("over-masking: Mask(%q) = %q", s, got)
		}
	}
}

// checkSpansPrefilter checks that the masker's spans of s are those of every
// pattern run on it (spansOf with all).
func checkSpansPrefilter(t *testing.T, m *Masker, s string) {
	t.Helper()
	s = norm.NFKC.String(s)
	toks := m.tok.Tokenize(s)
	if got, want := m.spans(s, toks), m.spansOf(s, toks, true); !slices.Equal(got, want) {
		t.Fatalf("spans(%q) = %v, every pattern: %v", s, got, want)
	}
}

// TestSpansPrefilter compares the masker's prefiltered patterns with every
// pattern on the mask tests' texts and every distinct text of the
// scale-shaped sample and the hard batch.
func TestSpansPrefilter(t *testing.T) {
	m := NewMasker(maskBatch(), IPATokenizer())
	for _, c := range maskLeakSet {
		checkSpansPrefilter(t, m, c.text)
	}
	for _, s := range maskKeepSet {
		checkSpansPrefilter(t, m, s)
	}
	for _, s := range []string{"taro@example.jp", "〒2230061", "三丁目十番地", "五番十二号", "綱島西2-14-5", "@@", "番"} {
		checkSpansPrefilter(t, m, s)
	}
	for _, b := range cacheBatches(t) {
		m := NewMasker(b, IPATokenizer())
		seen := map[string]bool{}
		for _, d := range collectTexts(b) {
			if !seen[d.text] {
				seen[d.text] = true
				checkSpansPrefilter(t, m, d.text)
			}
		}
	}
}

func FuzzSpansPrefilter(f *testing.F) {
	m := NewMasker(maskBatch(), IPATokenizer())
	for _, c := range maskLeakSet {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 || !utf8.ValidString(s) {
			return
		}
		checkSpansPrefilter(t, m, s)
	})
}
