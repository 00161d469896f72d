package analyze

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"midreview/ingest"
)

// textBatch is a small batch with four FA answers and one hearing comment.
//
//	R1 日吉 Q10 高齢者の見守りが不足していると思う。            (18 runes: too short to quote)
//	R2 日吉 Q10 災害時の避難が心配。近所付き合いが少なくなった。 (24 runes)
//	R3 綱島 Q10 子どもの居場所づくりが大切です。見守り活動の担い手が高齢化している。 (34 runes)
//	R4 綱島 Q11 バスの本数が少なく買い物に行きにくい。          (19 runes; Q11 has theme 防災)
//	R5 地区不明, no free text
//	綱島子ども会 (綱島) C1 子育て世代の参加が増えた。山田さんの協力が大きい。 (item theme 子育て)
//
// A respondent is a respondent with its answers by question, for survey.
type respondent struct {
	ingest.Respondent
	answers []ingest.Answer
}

// survey returns a survey of the respondents.
func survey(rs ...respondent) ingest.Survey {
	var s ingest.Survey
	for _, r := range rs {
		s.Add(r.Respondent, r.answers)
	}
	return s
}

func textBatch(suppressBelow int) *ingest.Batch {
	ans := func(q10, q11 string) []ingest.Answer {
		return []ingest.Answer{{}, {Text: q10}, {Text: q11}}
	}
	return &ingest.Batch{
		Settings:  ingest.Settings{SuppressBelow: suppressBelow},
		Districts: []ingest.District{{Code: "01", Name: "日吉"}, {Code: "02", Name: "綱島"}},
		Themes: []ingest.Theme{
			{Code: "T1", Name: "見守り", Keywords: []string{"見守る", "孤立"}},
			{Code: "T2", Name: "子育て", Keywords: []string{"子ども", "居場所づくり"}},
			{Code: "T3", Name: "防災", Keywords: []string{"災害", "避難"}},
		},
		Questions: []ingest.Question{
			{ID: "Q1", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict},
			{ID: "Q10", Type: ingest.FA, ChoiceSet: -1, Theme: -1},
			{ID: "Q11", Type: ingest.FA, ChoiceSet: -1, Theme: 2},
		},
		DistrictQ: 0, GenderQ: -1, AgeQ: -1,
		Current: survey(
			respondent{ingest.Respondent{ID: "R1", District: 0}, ans("高齢者の見守りが不足していると思う。", "")},
			respondent{ingest.Respondent{ID: "R2", District: 0}, ans("災害時の避難が心配。近所付き合いが少なくなった。", "")},
			respondent{ingest.Respondent{ID: "R3", District: 1}, ans("子どもの居場所づくりが大切です。見守り活動の担い手が高齢化している。", "")},
			respondent{ingest.Respondent{ID: "R4", District: 1}, ans("", "バスの本数が少なく買い物に行きにくい。")},
			respondent{ingest.Respondent{ID: "R5", District: ingest.NoDistrict}, ans("", "")},
		),
		HearingItems: []ingest.HearingItem{
			{ID: "H0", Kind: ingest.HOrg, Theme: -1, Scale: -1},
			{ID: "H1", Kind: ingest.HDistrict, Theme: -1, Scale: -1},
			{ID: "C1", Kind: ingest.HComment, Theme: 1, Scale: -1},
		},
		Hearings: []ingest.Hearing{{Org: "綱島子ども会", Districts: []int{1},
			Values: []ingest.Answer{{Text: "綱島子ども会"}, {Text: "綱島"}, {Text: "子育て世代の参加が増えた。山田さんの協力が大きい。"}}}},
	}
}

func TestAnalyzeTextFreeText(t *testing.T) {
	b := textBatch(1)
	r := &Results{Batch: b}
	analyzeText(b, r)
	// Themes by hand: R1 has 見守り (base form 見守る of 見守り); R2 防災 (災害, 避難);
	// R3 見守り (見守る) and 子育て (substring 子ども); R4 防災 from Q11's theme only;
	// the hearing comment 子育て from its item's theme only (no keyword of any theme occurs).
	want := []FreeText{
		{SourceSurvey, "R1", "日吉", "Q10", []string{"見守り"}, "高齢者の見守りが不足していると思う。"},
		{SourceSurvey, "R2", "日吉", "Q10", []string{"防災"}, "災害時の避難が心配。近所付き合いが少なくなった。"},
		{SourceSurvey, "R3", "綱島", "Q10", []string{"見守り", "子育て"}, "子どもの居場所づくりが大切です。見守り活動の担い手が高齢化している。"},
		{SourceSurvey, "R4", "綱島", "Q11", []string{"防災"}, "バスの本数が少なく買い物に行きにくい。"},
		{SourceHearing, "綱島子ども会", "綱島", "C1", []string{"子育て"}, "子育て世代の参加が増えた。〇〇さんの協力が大きい。"},
	}
	if !reflect.DeepEqual(r.FreeText, want) {
		t.Errorf("FreeText:\n got %v\nwant %v", r.FreeText, want)
	}
	wantC := []HearingComment{{Item: 2, Org: "綱島子ども会", Districts: []string{"綱島"}, Themes: []string{"子育て"},
		Masked: "子育て世代の参加が増えた。〇〇さんの協力が大きい。"}}
	if !reflect.DeepEqual(r.Hearings.Comments, wantC) {
		t.Errorf("Comments:\n got %v\nwant %v", r.Hearings.Comments, wantC)
	}
}

func TestAnalyzeTextKeywords(t *testing.T) {
	b := textBatch(1)
	r := &Results{Batch: b}
	analyzeText(b, r)
	groups := map[string][]string{}
	var order []string
	for _, k := range r.Keywords {
		g := k.Source + "/" + k.By + "/" + k.Group
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], fmt.Sprintf("%s:%d:%d", k.Word, k.Count, k.Docs))
	}
	// Group order: survey 全体, districts, themes; then hearing. 地区不明 has no text.
	wantOrder := []string{
		"survey/全体/全体", "survey/地区/日吉", "survey/地区/綱島",
		"survey/テーマ/見守り", "survey/テーマ/子育て", "survey/テーマ/防災",
		"hearing/全体/全体", "hearing/地区/綱島", "hearing/テーマ/子育て",
	}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("groups = %v, want %v", order, wantOrder)
	}
	// Words by hand. Runs of nouns join into compounds written with their surfaces
	// (接尾 者/時/化/づくり continue one; particles end one); 自立 verbs and adjectives
	// stay in base form; stop words する/いる/思う/なる go; にくい is 非自立:
	//   R1 高齢|者 → 高齢者, 見守り (動詞 連用形) → 見守る, 不足;
	//   R2 災害|時 → 災害時, 避難, 心配, 近所|付き合い → 近所付き合い, 少ない;
	//   R3 子ども, 居場所|づくり → 居場所づくり, 大切, 見守る, 活動, 担い手, 高齢|化 → 高齢化;
	//   R4 バス, 本数, 少ない, 買い物, 行く.
	// 少ない and 見守る occur twice; ties sort by word (code point: katakana before kanji).
	tests := map[string][]string{
		"survey/全体/全体": {"少ない:2:2", "見守る:2:2",
			"バス:1:1", "不足:1:1", "大切:1:1", "子ども:1:1", "居場所づくり:1:1", "心配:1:1", "担い手:1:1",
			"本数:1:1", "活動:1:1", "災害時:1:1", "行く:1:1", "買い物:1:1", "近所付き合い:1:1", "避難:1:1",
			"高齢化:1:1", "高齢者:1:1"},
		"survey/テーマ/見守り": {"見守る:2:2", "不足:1:1", "大切:1:1", "子ども:1:1", "居場所づくり:1:1",
			"担い手:1:1", "活動:1:1", "高齢化:1:1", "高齢者:1:1"},
		"survey/テーマ/防災": {"少ない:2:2", "バス:1:1", "心配:1:1", "本数:1:1", "災害時:1:1",
			"行く:1:1", "買い物:1:1", "近所付き合い:1:1", "避難:1:1"},
		// 子育て|世代 → 子育て世代. The masked name 山田 is not a keyword.
		"hearing/全体/全体": {"協力:1:1", "参加:1:1", "増える:1:1", "大きい:1:1", "子育て世代:1:1"},
	}
	for g, want := range tests {
		t.Run(g, func(t *testing.T) {
			if !reflect.DeepEqual(groups[g], want) {
				t.Errorf("got  %v\nwant %v", groups[g], want)
			}
		})
	}
}

func TestAnalyzeTextQuotes(t *testing.T) {
	tests := []struct {
		name     string
		suppress int
		want     []Quote
	}{
		// Quotable (20–120 runes): R2, R3 and the hearing comment; R1 and R4 are too short.
		// Each text is quoted once per source, in print order (themes, then
		// districts): R3 goes to 見守り, so 子育て (R3 only) and 綱島 (R3) quote
		// nothing; R2 goes to 防災, so 日吉 (R1 too short, R2) quotes nothing;
		// the hearing comment goes to its theme, not again to 綱島.
		{"all groups", 1, []Quote{
			{SourceSurvey, ByTheme, "見守り", "子どもの居場所づくりが大切です。見守り活動の担い手が高齢化している。"},
			{SourceSurvey, ByTheme, "防災", "災害時の避難が心配。近所付き合いが少なくなった。"},
			{SourceHearing, ByTheme, "子育て", "子育て世代の参加が増えた。〇〇さんの協力が大きい。"},
		}},
		// 秘匿基準 3: 日吉 and 綱島 have 2 respondents each, so no survey district quotes;
		// the ward (5 respondents) still gives theme quotes; hearings are not held back.
		{"small districts suppressed", 3, []Quote{
			{SourceSurvey, ByTheme, "見守り", "子どもの居場所づくりが大切です。見守り活動の担い手が高齢化している。"},
			{SourceSurvey, ByTheme, "防災", "災害時の避難が心配。近所付き合いが少なくなった。"},
			{SourceHearing, ByTheme, "子育て", "子育て世代の参加が増えた。〇〇さんの協力が大きい。"},
		}},
		// 秘匿基準 6: the ward has 5 respondents, so no survey quotes at all.
		{"ward suppressed", 6, []Quote{
			{SourceHearing, ByTheme, "子育て", "子育て世代の参加が増えた。〇〇さんの協力が大きい。"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := textBatch(tt.suppress)
			r := &Results{Batch: b}
			analyzeText(b, r)
			if !reflect.DeepEqual(r.Quotes, tt.want) {
				t.Errorf("Quotes:\n got %v\nwant %v", r.Quotes, tt.want)
			}
			for _, k := range r.Keywords {
				if k.Source == SourceSurvey && k.By == ByDistrict && tt.suppress > 2 {
					t.Errorf("keyword of suppressed district published: %+v", k)
				}
			}
		})
	}
}

func TestPickQuotesOrder(t *testing.T) {
	// Three quotable texts: coverage of the top words decides, then no mask, then record ID.
	long := "地域の活動にもっと参加したいと考えていますがきっかけがない"
	docs := []textDoc{
		{recordID: "B", textResult: &textResult{masked: long, words: []string{"活動", "参加"}}},
		{recordID: "A", textResult: &textResult{masked: long + "です", words: []string{"活動", "参加"}}},
		{recordID: "C", textResult: &textResult{masked: "〇〇さんの" + long, words: []string{"活動", "参加", "きっかけ"}}},
		{recordID: "D", textResult: &textResult{masked: "短い", words: []string{"活動", "参加", "きっかけ"}}},
		{recordID: "E", textResult: &textResult{masked: long + "。", words: []string{"地域"}}},
	}
	top := []wordCount{{"活動", 4, 4}, {"参加", 3, 3}, {"きっかけ", 2, 2}}
	got := pickQuotes(docs, []int{0, 1, 2, 3, 4}, top, nil, nil)
	// C covers 3 top words; A and B cover 2 (A first by record ID); D is too short.
	want := []string{"〇〇さんの" + long, long + "です", long}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pickQuotes = %q, want %q", got, want)
	}
	// C and B were quoted by an earlier list: A, then the next best, E, instead.
	got = pickQuotes(docs, []int{0, 1, 2, 3, 4}, top, map[string]bool{"〇〇さんの" + long: true, long: true}, nil)
	want = []string{long + "です", long + "。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pickQuotes with quoted = %q, want %q", got, want)
	}
}

func TestCodeThemes(t *testing.T) {
	themes := []ingest.Theme{
		{Name: "見守り", Keywords: []string{"見守る"}},
		{Name: "子育て", Keywords: []string{"子ども"}},
		{Name: "防災", Keywords: []string{"防災"}},
	}
	tests := []struct {
		name         string
		s            string
		bases, words []string
		fixed        int
		want         []int
	}{
		{"base form", "見守りが大事", []string{"見守る", "が", "大事"}, nil, -1, []int{0}},
		{"substring", "子どもたち", []string{"子ども", "たち"}, nil, -1, []int{1}},
		{"substring inside a compound", "防災訓練", []string{"防災", "訓練"}, []string{"防災訓練"}, -1, []int{2}},
		// ご近所防災: the dropped prefix ご keeps 近所防災 a substring; 防災 matches inside it.
		{"compound word", "ご近所防災", []string{"ご", "近所", "防災"}, []string{"近所防災"}, -1, []int{2}},
		{"several", "子どもを見守る防災", []string{"子ども", "を", "見守る", "防災"}, nil, -1, []int{0, 1, 2}},
		{"fixed theme", "特になし", []string{"特に", "なし"}, nil, 1, []int{1}},
		{"uncoded", "バスが少ない", []string{"バス", "が", "少ない"}, []string{"バス", "少ない"}, -1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codeThemes(themes, tt.s, tt.bases, tt.words, tt.fixed); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("codeThemes = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAnalyzeTextNone(t *testing.T) {
	// No free text: nothing is filled (and the dictionary need not be loaded).
	b := textBatch(1)
	for q := range b.Current.Answers {
		b.Current.Answers[q].DropTexts()
	}
	b.Hearings = nil
	r := &Results{Batch: b}
	analyzeText(b, r)
	if r.FreeText != nil || r.Keywords != nil || r.Quotes != nil || r.Hearings.Comments != nil {
		t.Errorf("results filled without free text: %+v", r)
	}
}

// benchComments are realistic comments cycled through the benchmark.
var benchComments = []string{
	"高齢者の見守りが不足していると思う。",
	"災害時の避難が心配。近所付き合いが少なくなった。",
	"子どもの居場所づくりが大切です。見守り活動の担い手が高齢化している。",
	"バスの本数が少なく買い物に行きにくい。",
	"地域ケアプラザの講座に参加して友人ができました。山田さんに感謝しています。",
	"自治会の役員のなり手がいない。若い世代が参加しやすい仕組みが必要だと思います。",
	"民生委員の方が訪問してくれて安心です。連絡先は090-1234-5678です。",
	"子育てサロンがもっと増えてほしい。日吉本町1丁目2番3号の近くにあると助かる。",
}

func BenchmarkAnalyzeText(b *testing.B) {
	const n = 10000
	bt := textBatch(10)
	bt.Current = ingest.Survey{}
	for i := range n {
		bt.Current.Add(ingest.Respondent{ID: fmt.Sprintf("R%05d", i), District: i % 2}, []ingest.Answer{
			{}, {Text: benchComments[i%len(benchComments)] + fmt.Sprintf("（%d件目）", i)}, {}})
	}
	IPATokenizer() // load the dictionary outside the timing
	b.ReportAllocs()
	for b.Loop() {
		r := &Results{Batch: bt}
		analyzeText(bt, r)
	}
}

// TestCollectTextsCondition checks that free text from a respondent outside the
// question's 対象条件 is not published (ingest reported it as a warning).
func TestCollectTextsCondition(t *testing.T) {
	b := textBatch(1)
	// Q11 is asked only of those who chose choice index 0 of Q1 (nobody here).
	b.Questions[2].Cond = []ingest.Clause{{Q: 0, Choices: ingest.ChoiceBits(0).With(0)}}
	var ids []string
	for _, d := range collectTexts(b) {
		ids = append(ids, d.recordID+"/"+d.itemID)
	}
	want := []string{"R1/Q10", "R2/Q10", "R3/Q10", "綱島子ども会/C1"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("texts %q, want %q (R4's Q11 is outside the condition)", ids, want)
	}
}

// TestAppendWords checks compound-noun joining (連続名詞結合) on realistic phrases.
// Each case gives the IPA tokenization it relies on, written out by hand.
func TestAppendWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// 地域|ケア|プラザ (一般×3) の 職員
		{"地域ケアプラザの職員", []string{"地域ケアプラザ", "職員"}},
		// 高齢 (一般) 者 (接尾 一般) の 見守り (動詞 連用形 → 見守る)
		{"高齢者の見守り", []string{"高齢者", "見守る"}},
		// 介護|予防 (サ変接続) 教室 (一般)
		{"介護予防教室", []string{"介護予防教室"}},
		// 子育て (サ変接続) サロン (一般)
		{"子育てサロン", []string{"子育てサロン"}},
		// 民生|委員 ・(記号) 児童|委員: the 中黒 ends a compound.
		{"民生委員・児童委員", []string{"民生委員", "児童委員"}},
		// 災害 時 (接尾 副詞可能) 要 (接頭詞) 援護 (サ変) 者 (接尾): one term.
		{"災害時要援護者", []string{"災害時要援護者"}},
		// 2024 (数) 年 (助数詞) 3 (数) 月 (一般, one rune after a number: a counter).
		{"2024年3月", nil},
		// 一人暮らし (サ変接続) 高齢 者
		{"一人暮らし高齢者", []string{"一人暮らし高齢者"}},
		// ひとり|暮らし の 高齢 者: の ends the compound.
		{"ひとり暮らしの高齢者", []string{"ひとり暮らし", "高齢者"}},
		// ご (接頭詞, dropped) 近所 の 方 (非自立)
		{"ご近所の方", []string{"近所"}},
		// お (dropped) 年寄り の 見守り
		{"お年寄りの見守り", []string{"年寄り", "見守る"}},
		// 再 (接頭詞 名詞接続) 開発 の 影響
		{"再開発の影響", []string{"再開発", "影響"}},
		// 日吉 (固有名詞 地域) 町内 会 (接尾) の 田中 (人名, masked) 会長: the compound
		// touching the masked name is dropped whole.
		{"日吉町内会の田中会長", []string{"日吉町内会"}},
		// 山田 (人名, masked) さん (接尾 人名) の 協力
		{"山田さんの協力", []string{"協力"}},
		// 10 (数) 年 (助数詞) 後 (接尾: no compound to continue) の 地域
		{"10年後の地域", []string{"地域"}},
		// 積極 (形容動詞語幹) 的 (接尾 形容動詞語幹) に 参加
		{"積極的に参加", []string{"積極的", "参加"}},
		// 安全 性 (接尾 一般) の 確保
		{"安全性の確保", []string{"安全性", "確保"}},
		// 社会|福祉 (一般) 協議 (サ変) 会 (接尾)
		{"社会福祉協議会", []string{"社会福祉協議会"}},
		// 月 (one rune before a number: a counter) 1 (数) 回 (助数詞) の 会議; 週 likewise.
		{"月1回の会議と週2日の見守り", []string{"会議", "見守る"}},
		// 今後 (副詞可能) の 課題
		{"今後の課題", []string{"課題"}},
		// 3 (数) 丁目 (助数詞) 公園: a longer noun after a number is kept.
		{"3丁目公園", []string{"公園"}},
		// 居場所 づくり (接尾 一般) が 大切 (形容動詞語幹) です
		{"居場所づくりが大切です", []string{"居場所づくり", "大切"}},
		// 近所 付き合い が 少なく (形容詞 → 少ない) なっ (なる: stop word) た
		{"近所付き合いが少なくなった", []string{"近所付き合い", "少ない"}},
		// Negation stays with the word: 足り (一段) ない (助動詞) → 足りない, not 足りる.
		{"担い手が足りない", []string{"担い手", "足りない"}},
		// 届か (五段・カ行) ず (助動詞 ぬ) and 届か ない: 届かない twice, never 届く.
		{"周知が届かず、活動の情報が届かない", []string{"周知", "届かない", "活動", "情報", "届かない"}},
		// 届か なかっ (ない) た: the past of the negative is still 届かない.
		{"案内が届かなかった", []string{"案内", "届かない"}},
		// 集まら (五段・ラ行) ぬ → 集まらない; 足り て い (非自立) ない → 足りない.
		{"人が集まらぬ。手が足りていない", []string{"集まらない", "手", "足りない"}},
		// 届き (連用形) ませ (ます) ん (助動詞) → 届かない.
		{"情報が届きません", []string{"情報", "届かない"}},
		// 楽しく (形容詞) ない → 楽しくない; 少なく ない → 少なくない.
		{"楽しくない、少なくない", []string{"楽しくない", "少なくない"}},
		// 足り なく て 困る: 足りない and 困る (not negated).
		{"足りなくて困る", []string{"足りない", "困る"}},
		// 行き たく (たい) ない: たい stands between, so 行く stays as it is.
		{"行きたくない", []string{"行く"}},
		// 参加 (サ変接続 noun) でき (できる: stop word) ませ ん: no negated stop word.
		{"参加できません", []string{"参加"}},
	}
	tok := IPATokenizer()
	m := NewMasker(nil, tok)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := tok.Tokenize(tt.text)
			bases := make([]string, len(toks))
			for i, tk := range toks {
				bases[i] = baseForm(tk)
			}
			got := appendWords(nil, toks, bases, m.spans(tt.text, toks))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("words = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzAppendWords checks that keyword extraction never panics, never emits an
// empty word or a mask, and never emits a word overlapping a masked span.
func FuzzAppendWords(f *testing.F) {
	for _, s := range benchComments {
		f.Add(s)
	}
	f.Add("日吉町内会の田中会長と山田花子さん、電話090-1234-5678")
	f.Add("〇〇さんの件でご相談")
	tok := IPATokenizer()
	m := NewMasker(nil, tok)
	f.Fuzz(func(t *testing.T, s string) {
		toks := tok.Tokenize(s)
		bases := make([]string, len(toks))
		for i, tk := range toks {
			bases[i] = baseForm(tk)
		}
		sp := m.spans(s, toks)
		// masked holds the masked pieces that occur nowhere unmasked in s.
		masked := map[string]bool{}
		for _, x := range sp {
			mk := s[x.a:x.b]
			free := false
			for off := 0; !free; {
				i := strings.Index(s[off:], mk)
				if i < 0 {
					break
				}
				free = !inSpans(sp, off+i, off+i+len(mk))
				off += i + 1
			}
			if !free {
				masked[mk] = true
			}
		}
		for _, w := range appendWords(nil, toks, bases, sp) {
			if w == "" || strings.Contains(w, MaskMark) {
				t.Errorf("bad keyword %q in %q", w, s)
			}
			for mk := range masked {
				if strings.Contains(w, mk) {
					t.Errorf("keyword %q holds masked %q (text %q)", w, mk, s)
				}
			}
		}
	})
}

// TestCollectTextsOther checks that the その他 text a web-form MA answer leaves
// is free text of that MA, published masked only.
func TestCollectTextsOther(t *testing.T) {
	b := textBatch(1)
	b.ChoiceSets = []ingest.ChoiceSet{{Name: "活動", Choices: []ingest.Choice{{Code: 1, Label: "防災"}, {Code: 2, Label: "その他"}}}}
	b.Questions = append(b.Questions, ingest.Question{ID: "Q12", Type: ingest.MA, ChoiceSet: 0, Theme: 0})
	b.Current.Answers = append(b.Current.Answers, ingest.NewColumn(len(b.Current.Respondents)))
	b.Current.Set(3, 4, ingest.Answer{Choices: ingest.ChoiceBits(0).With(0).With(1), Text: "山田さんと清掃活動"})
	r := &Results{Batch: b}
	analyzeText(b, r)
	var got *FreeText
	for i := range r.FreeText {
		if r.FreeText[i].ItemID == "Q12" {
			got = &r.FreeText[i]
		}
	}
	want := FreeText{SourceSurvey, "R5", GroupNoDistrict, "Q12", []string{"見守り"}, "〇〇さんと清掃活動"}
	if got == nil || !reflect.DeepEqual(*got, want) {
		t.Fatalf("FreeText of Q12 = %v, want %v", got, want)
	}
	for _, f := range r.FreeText {
		if strings.Contains(f.Masked, "山田") {
			t.Errorf("unmasked name in %v", f)
		}
	}
	for _, c := range r.TextCounts {
		if c.Source == SourceSurvey && c.Count != 5 {
			t.Errorf("survey texts %d, want 5 (four FA and one その他)", c.Count)
		}
	}
}

// TestPickQuotesDuplicates: a text quoted once at its best candidate, and a
// text pushed out by better ones coming back with a better candidate.
func TestPickQuotesDuplicates(t *testing.T) {
	long := "地域の活動にもっと参加したいと考えていますがきっかけがない"
	top := []wordCount{{"活動", 4, 4}, {"参加", 3, 3}, {"きっかけ", 2, 2}}
	docs := []textDoc{
		{recordID: "Z", textResult: &textResult{masked: long + "X", words: []string{"活動"}}},               // X: score 1
		{recordID: "A", textResult: &textResult{masked: long + "1", words: []string{"活動", "参加"}}},         // 2
		{recordID: "B", textResult: &textResult{masked: long + "2", words: []string{"活動", "参加"}}},         // 2
		{recordID: "C", textResult: &textResult{masked: long + "3", words: []string{"活動", "参加"}}},         // 2, pushes X out
		{recordID: "Y", textResult: &textResult{masked: long + "X", words: []string{"活動", "参加", "きっかけ"}}}, // X again: 3
		{recordID: "A", textResult: &textResult{masked: long + "1", words: []string{"活動", "参加", "きっかけ"}}}, // 1 again: 3, after Y by ID
	}
	got := pickQuotes(docs, []int{0, 1, 2, 3, 4, 5}, top, nil, nil)
	want := []string{long + "1", long + "X", long + "2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pickQuotes = %q, want %q", got, want)
	}
}

// TestPickQuotesAsSorted compares pickQuotes with sorting every candidate
// and taking the first MaxQuotes distinct texts (how it was computed before
// the quotes were kept while scanning), on random groups with repeated texts.
func TestPickQuotesAsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 2))
	words := []string{"活動", "参加", "きっかけ", "地域", "見守り"}
	top := []wordCount{{"活動", 9, 9}, {"参加", 8, 8}, {"きっかけ", 7, 7}, {"地域", 6, 6}}
	for trial := range 200 {
		var docs []textDoc
		for range rng.IntN(30) {
			m := strings.Repeat("あ", 18+rng.IntN(4)) + string(rune('a'+rng.IntN(6)))
			if rng.IntN(3) == 0 {
				m = MaskMark + m
			}
			var ws []string
			for range rng.IntN(4) {
				ws = append(ws, words[rng.IntN(len(words))])
			}
			docs = append(docs, textDoc{recordID: string(rune('A' + rng.IntN(5))), textResult: &textResult{masked: m, words: ws}})
		}
		var idx []int
		for i := range docs {
			if rng.IntN(5) > 0 {
				idx = append(idx, i)
			}
		}
		got := pickQuotes(docs, idx, top, nil, nil)
		// The reference: every candidate sorted, then the first distinct texts.
		type cand struct {
			doc, score int
			masked     bool
		}
		var cs []cand
		for _, i := range idx {
			d := &docs[i]
			if l := utf8.RuneCountInString(d.masked); l < QuoteMinRunes || l > QuoteMaxRunes {
				continue
			}
			seen := map[string]bool{}
			for _, w := range d.words {
				for _, tw := range top {
					if tw.word == w {
						seen[w] = true
					}
				}
			}
			cs = append(cs, cand{doc: i, score: len(seen), masked: strings.Contains(d.masked, MaskMark)})
		}
		sort.SliceStable(cs, func(i, j int) bool {
			a, b := cs[i], cs[j]
			if a.score != b.score {
				return a.score > b.score
			}
			if a.masked != b.masked {
				return !a.masked
			}
			if docs[a.doc].recordID != docs[b.doc].recordID {
				return docs[a.doc].recordID < docs[b.doc].recordID
			}
			return a.doc < b.doc
		})
		var want []string
		for _, c := range cs {
			if len(want) == MaxQuotes {
				break
			}
			if !slices.Contains(want, docs[c.doc].masked) {
				want = append(want, docs[c.doc].masked)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: pickQuotes = %q, want %q", trial, got, want)
		}
		// Every candidate ranked (k = 0) starts the same way.
		all, _ := rankQuotes(docs, idx, top, nil, 0)
		var first []string
		for _, c := range all[:min(len(all), MaxQuotes)] {
			first = append(first, docs[c.doc].masked)
		}
		if len(want) > 0 && !reflect.DeepEqual(first, want) {
			t.Fatalf("trial %d: rankQuotes(0) starts %q, want %q", trial, first, want)
		}
	}
}

// TestCountWordsSharedTexts: docs sharing one analysis are counted as many
// times as there are docs of the group.
func TestCountWordsSharedTexts(t *testing.T) {
	a := &textResult{words: []string{"地域", "活動", "地域"}}
	b := &textResult{words: []string{"活動"}}
	c := &textResult{words: []string{"見守り"}}
	docs := []textDoc{{textResult: a}, {textResult: b}, {textResult: a}, {textResult: c}}
	// Docs 0, 1, 2 (doc 3 is outside the group): 地域 2×2 = 4 times in 2 docs,
	// 活動 2 + 1 = 3 times in 3 docs.
	got := countWords(docs, []int{0, 1, 2})
	want := []wordCount{{"地域", 4, 2}, {"活動", 3, 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("countWords = %v, want %v", got, want)
	}
}

// TestNegativeForm: the ない形 of each conjugation type, from the first
// token of a negated text (its 活用型 from the dictionary).
func TestNegativeForm(t *testing.T) {
	tok := IPATokenizer()
	for _, tt := range []struct{ text, want string }{
		{"会わない", "会わない"},  // 五段・ワ行促音便: う → わ
		{"話さない", "話さない"},  // 五段・サ行
		{"泳がない", "泳がない"},  // 五段・ガ行
		{"起きない", "起きない"},  // 一段
		{"来ない", "来ない"},    // カ変・来ル
		{"寒くない", "寒くない"},  // 形容詞
		{"届きません", "届かない"}, // 連用形 + ません
		{"相談しない", "しない"},  // サ変・スル (相談 is a noun)
	} {
		toks := tok.Tokenize(tt.text)
		i := 0
		for i < len(toks) && toks[i].POS()[0] != "動詞" && toks[i].POS()[0] != "形容詞" {
			i++
		}
		if i == len(toks) || !negated(toks, i) {
			t.Errorf("%s: no negated verb", tt.text)
			continue
		}
		if got := negativeForm(toks[i], toks[i].POS()[0], baseForm(toks[i])); got != tt.want {
			t.Errorf("negativeForm(%s) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestPickQuotesSentences: a list quotes no sentence twice, and no quote is
// made only of sentences an earlier list of the chapter printed (the demo's
// 綱島 printed 「高齢者のサロンが近くにあると助かります。」 in all three
// bullets, and §7 printed it 14 times).
func TestPickQuotesSentences(t *testing.T) {
	const (
		a = "ケアプラザの体操教室に通って元気に過ごしています。"
		b = "高齢者のサロンが近くにあると助かります。"
		c = "介護のことを相談できる窓口をもっと知らせてほしいです。"
		d = "マンションが増えて、隣に誰が住んでいるのかわからなくなりました。"
	)
	top := []wordCount{{"サロン", 4, 4}, {"高齢者", 3, 3}, {"窓口", 2, 2}}
	doc := func(id, m string, ws ...string) textDoc {
		return textDoc{recordID: id, textResult: &textResult{masked: m, words: ws}}
	}
	docs := []textDoc{
		doc("R1", a+b, "サロン", "高齢者"),
		doc("R2", b+a, "サロン", "高齢者"),
		doc("R3", b+c, "サロン", "高齢者", "窓口"),
		doc("R4", c+" \n"+d, "窓口"),
		doc("R5", d, "窓口"),
		doc("R6", "高齢者のサロンが 近くにあると助かります\n"+d),
		doc("R7", a),
	}
	idx := []int{0, 1, 2, 3, 4, 5, 6}
	// R3 (3 top words) first; R1 and R2 share b with it, R4 shares c, R6
	// shares b (white space and its missing 。 aside); R5 and R7 are fresh.
	printed := map[string]bool{}
	got := pickQuotes(docs, idx, top, nil, printed)
	want := []string{b + c, d, a}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pickQuotes = %q, want %q", got, want)
	}
	if len(printed) != 4 {
		t.Errorf("printed = %v, want the 4 sentences of the quotes", printed)
	}
	// A later list of the chapter: every candidate's sentences were printed,
	// so it quotes nothing rather than a sentence again.
	if got := pickQuotes(docs, idx, top, nil, printed); got != nil {
		t.Errorf("later list = %q, want none", got)
	}
	// One new sentence is enough to be quoted, but not with a sentence of
	// the list's own quotes.
	e := "週末の活動を増やしてほしいです。"
	docs = append(docs, doc("R8", b+e, "サロン"), doc("R9", e+d, "サロン"))
	if got, want := pickQuotes(docs, append(idx, 7, 8), top, nil, printed), []string{b + e}; !reflect.DeepEqual(got, want) {
		t.Errorf("list with a new sentence = %q, want %q", got, want)
	}
}

// TestPickQuotesPreferUnprinted: a list takes the texts that share no
// sentence with the chapter's earlier lists first, though ranked lower, and
// a text repeating an earlier sentence beside a new one only to fill the
// list (reader review 4, item 11: 「高齢者のサロンが近くにあると助かります。」
// was quoted in five lists, each time beside another sentence).
func TestPickQuotesPreferUnprinted(t *testing.T) {
	const (
		b = "高齢者のサロンが近くにあると助かります。"
		e = "週末の活動を増やしてほしいです。"
		f = "子育て中の親が気軽に集まれる場所がほしいです。"
		g = "仕事があるので平日の活動には参加できません。"
		h = "防災訓練に参加する人が毎年同じ顔ぶれです。"
	)
	top := []wordCount{{"サロン", 4, 4}, {"活動", 3, 3}, {"参加", 2, 2}}
	doc := func(id, m string, ws ...string) textDoc {
		return textDoc{recordID: id, textResult: &textResult{masked: m, words: ws}}
	}
	docs := []textDoc{
		doc("R1", b+e, "サロン", "活動"), // best ranked, but b was printed
		doc("R2", f, "活動"),
		doc("R3", g, "参加"),
		doc("R4", h),
	}
	printed := map[string]bool{strings.TrimSuffix(b, "。"): true}
	got := pickQuotes(docs, []int{0, 1, 2, 3}, top, nil, printed)
	if want := []string{f, g, h}; !reflect.DeepEqual(got, want) {
		t.Errorf("pickQuotes = %q, want %q", got, want)
	}
	// Two fresh texts only: the list is filled with R1, in ranking order.
	printed = map[string]bool{strings.TrimSuffix(b, "。"): true}
	got = pickQuotes(docs, []int{0, 1, 2}, top, nil, printed)
	if want := []string{b + e, f, g}; !reflect.DeepEqual(got, want) {
		t.Errorf("short list: pickQuotes = %q, want %q", got, want)
	}
}

// TestPickQuotesGreedy compares pickQuotes with taking, from every candidate
// sorted, the first texts that share no sentence with the list's quotes and
// have one not yet printed, on random groups: the skips often use up the
// ranked buffer (quoteRankBuffer), so every candidate is ranked then.
func TestPickQuotesGreedy(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 12))
	bank := []string{
		"高齢者のサロンが近くにあると助かります。", "週末の活動を増やしてほしいです。",
		"近所の人とあいさつをする機会が減ったと感じます。", "防災訓練に参加する人が毎年同じ顔ぶれです。",
		"仕事があるので平日の活動には参加できません。", "子育て中の親が気軽に集まれる場所がほしいです。",
	}
	words := []string{"活動", "参加", "サロン", "地域"}
	top := []wordCount{{"活動", 9, 9}, {"参加", 8, 8}, {"サロン", 7, 7}}
	for trial := range 300 {
		var docs []textDoc
		for range rng.IntN(40) {
			m := bank[rng.IntN(len(bank))]
			if rng.IntN(2) == 0 {
				m += bank[rng.IntN(len(bank))]
			}
			if rng.IntN(4) == 0 {
				m = MaskMark + m
			}
			var ws []string
			for range rng.IntN(3) {
				ws = append(ws, words[rng.IntN(len(words))])
			}
			docs = append(docs, textDoc{recordID: string(rune('A' + rng.IntN(5))), textResult: &textResult{masked: m, words: ws}})
		}
		idx := make([]int, len(docs))
		for i := range idx {
			idx[i] = i
		}
		printed := map[string]bool{}
		for _, s := range bank {
			if rng.IntN(3) == 0 {
				printed[strings.TrimSuffix(s, "。")] = true
			}
		}
		ref := maps.Clone(printed)
		got := pickQuotes(docs, idx, top, nil, printed)
		all, _ := rankQuotes(docs, idx, top, nil, 0)
		// The reference: over the full ranking, first the texts sharing no
		// sentence with printed, then those with one new sentence at least;
		// the chosen ones in ranking order.
		list, took := map[string]bool{}, map[int]bool{}
		for _, strict := range []bool{true, false} {
		cands:
			for r, c := range all {
				if len(took) == MaxQuotes {
					break
				}
				if took[r] {
					continue
				}
				ks := quoteSentences(docs[c.doc].masked)
				fresh := false
				for _, k := range ks {
					if list[k] || (strict && ref[k]) {
						continue cands
					}
					fresh = fresh || !ref[k]
				}
				if fresh {
					for _, k := range ks {
						list[k] = true
					}
					took[r] = true
				}
			}
		}
		var want []string
		for r, c := range all {
			if took[r] {
				want = append(want, docs[c.doc].masked)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: pickQuotes = %q, want %q", trial, got, want)
		}
	}
}
