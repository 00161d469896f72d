package analyze

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"
	"golang.org/x/text/unicode/norm"

	"midreview/ingest"
)

// Limits of the free-text summaries.
const (
	// MaxKeywords is the number of words kept per keywords.csv group.
	// Note: the long tail of words used once is noise for a committee and, in a
	// small district, can point at a person; the top 100 is more than any report shows.
	MaxKeywords = 100
	// MaxQuotes is the number of representative quotes per theme or district.
	MaxQuotes = 3
	// QuoteMinRunes and QuoteMaxRunes bound the length of a quote (masked text).
	QuoteMinRunes = 20
	QuoteMaxRunes = 120
	// quoteTopWords is how many of a group's top keywords a quote is scored against.
	quoteTopWords = 10
)

// stopWords are base forms that say nothing about content. Keep the list here only.
var stopWords = map[string]bool{
	"する": true, "ある": true, "いる": true, "なる": true, "できる": true, "れる": true,
	"られる": true, "せる": true, "させる": true, "いう": true, "言う": true, "思う": true,
	"おる": true, "くる": true, "来る": true, "いく": true, "行う": true, "やる": true,
	"みる": true, "見る": true, "考える": true, "感じる": true, "くださる": true, "下さる": true,
	"いただく": true, "頂く": true, "もらう": true, "くれる": true, "しまう": true, "おく": true,
	"ない": true, "よい": true, "いい": true, "良い": true, "多い": true,
	"こと": true, "もの": true, "よう": true, "ため": true, "これ": true, "それ": true,
	"あれ": true, "どれ": true, "ここ": true, "そこ": true, "ところ": true, "とき": true,
	"事": true, "物": true, "時": true, "方": true, "等": true, "的": true, "感じ": true,
	"自分": true, "私": true, "皆": true, "さん": true, "特に": true, "ほう": true,
	"うち": true, "中": true, "他": true, "ほか": true, "以上": true, "以外": true, "今": true,
	"人": true, "ほしい": true, "欲しい": true, "わかる": true, "分かる": true,
	"のる": true, // 相談にのる (written in kana); 乗る (バスに乗る) stays a content word
}

// A textDoc is one free-text answer or hearing comment being analyzed.
//
// Note: a million-respondent survey has about a million docs, so a doc holds
// only what is its own (its record, its raw text, its themes) and points at
// what it shares: its docHead with every doc of its question (or hearing
// item) and district, its textResult with every doc of its text. It was
// about 220 bytes of fields of its own, 72 now.
type textDoc struct {
	*docHead
	*textResult // the analysis of the text; nil until analyzed
	recordID    string
	text        string
	themes      []int // theme indices, ascending (sheet order)
}

// A docHead is what the docs of one question (or hearing item) and district share.
type docHead struct {
	source    string // SourceSurvey, SourceHearing or SourceProgress
	itemID    string
	item      int   // question index (survey) or hearing item index (hearing)
	districts []int // district indices; ingest.NoDistrict for 地区不明
	fixed     int   // theme of the question or item, or -1
	// noHard reports whether the text reports results (an achievement item,
	// hardAchievementKind): it is never tagged.
	noHard bool
}

// hardCats returns the doc's ハード分類 indices, ascending (hard.go): its
// text's, or none for a noHard doc. They are shared: copy before changing.
func (d *textDoc) hardCats() []int {
	if d.textResult == nil || d.noHard {
		return nil
	}
	return d.hard
}

// hardPlace returns the place a tagged doc's text names (hardplace.go), or "".
func (d *textDoc) hardPlace() string {
	if len(d.hardCats()) == 0 {
		return ""
	}
	return d.place
}

// analyzeText fills r.FreeText, r.Keywords, r.Quotes, r.Hearings.Comments,
// r.TextMatrix and r.TextCounts from the FA answers (and MA その他 texts) of
// the current survey and the hearing 記述 items. The kagome dictionary is loaded only when there is
// free text.
//
// Note: it fills r.Hearings.Comments (not analyzeHearings) because comments need
// the same masking and theme coding as every other free text, from one tokenizer pass.
func analyzeText(b *ingest.Batch, r *Results) {
	docs := collectTexts(b)
	if r.drop {
		b.Current.DropChoices()
	}
	var ta *textAnalyzer
	if len(docs) > 0 || len(b.HardCategories) > 0 {
		ta = newTextAnalyzer(b, IPATokenizer())
	}
	if len(docs) > 0 {
		ta.analyzeAll(docs)
		r.FreeText = freeTexts(b, docs)
		r.Hearings.Comments = hearingComments(b, docs)
		r.Keywords, r.Quotes = keywordsAndQuotes(b, docs)
	}
	r.TextMatrix = textMatrix(b, docs)
	r.TextCounts = textCounts(docs)
	if len(b.HardCategories) > 0 {
		r.Hard = analyzeHard(b, docs, ta)
	}
}

// collectTexts returns the non-empty FA answers of the current survey and the
// その他 texts of MA answers (question by question, respondents in order), then
// the hearing 記述 values (hearing by hearing, items in order).
//
// Note: an MA answer holds text only when a web-form export left words beside
// the chosen labels, or a survey tool's その他 column was filled (ingest counts
// it as その他). That text is what the respondent wrote, so it is free text
// like an FA answer: published masked in freetext.csv under the MA's 設問ID,
// theme-coded and counted, never unmasked.
func collectTexts(b *ingest.Batch) []textDoc {
	// Note: the docs are counted first, so that the slice is allocated once:
	// appending a million docs (about 200 bytes each) kept the old array
	// beside the new one at every growth.
	n := 0
	surveyTexts(b, func(int, int, string) { n++ })
	for h := range b.Hearings {
		for it := range b.HearingItems {
			if hearingText(b, h, it) {
				n++
			}
		}
	}
	docs := make([]textDoc, 0, n)
	// Note: the survey docs of one question and district share a docHead,
	// whose districts are one of these shared slices (only read).
	single := make([][]int, len(b.Districts)+1)
	for d := range b.Districts {
		single[d] = []int{d}
	}
	single[len(b.Districts)] = []int{ingest.NoDistrict}
	heads, headQ := make([]*docHead, len(b.Districts)+1), -1
	surveyTexts(b, func(q, i int, text string) {
		qu := &b.Questions[q]
		d := b.Current.Respondents[i].District
		if d < 0 || d >= len(b.Districts) {
			d = len(b.Districts) // NoDistrict
		}
		if q != headQ {
			clear(heads)
			headQ = q
		}
		if heads[d] == nil {
			heads[d] = &docHead{source: SourceSurvey, itemID: qu.ID, item: q, districts: single[d], fixed: qu.Theme}
		}
		docs = append(docs, textDoc{docHead: heads[d], recordID: b.Current.Respondents[i].ID, text: text})
	})
	for h := range b.Hearings {
		hr := &b.Hearings[h]
		for it := range b.HearingItems {
			if !hearingText(b, h, it) {
				continue
			}
			ds := hearingDistricts(b, hr)
			hi := &b.HearingItems[it]
			docs = append(docs, textDoc{docHead: &docHead{source: SourceHearing, itemID: hi.ID,
				item: it, districts: ds, fixed: hi.Theme,
				noHard: hardAchievementKind(hi.Name) || hardAchievementKind(hi.Header)},
				recordID: hr.Org, text: hr.Values[it].Text})
		}
	}
	return docs
}

// surveyTexts calls f with every survey text collectTexts takes: its
// question, its respondent's index in the current survey, and the text.
func surveyTexts(b *ingest.Batch, f func(q, i int, text string)) {
	for q := range b.Questions {
		qu := &b.Questions[q]
		if (qu.Type != ingest.FA && qu.Type != ingest.MA) || q == b.DistrictQ {
			continue
		}
		s := &b.Current
		if q >= len(s.Answers) {
			continue
		}
		for i, text := range s.Answers[q].Texts() {
			// Note: like every other answer, free text from a respondent outside the
			// question's 対象条件 is not counted (ingest warned about it).
			if b.Asked(s, q, i) {
				f(q, i, text)
			}
		}
	}
}

// hearingText reports whether hearing h has a 記述 text for item it.
func hearingText(b *ingest.Batch, h, it int) bool {
	v := b.Hearings[h].Values
	return b.HearingItems[it].Kind == ingest.HComment && it < len(v) && v[it].Text != ""
}

// hearingDistricts returns the valid districts of a hearing, each once, or {NoDistrict}.
func hearingDistricts(b *ingest.Batch, h *ingest.Hearing) []int {
	var ds []int
	for _, d := range h.Districts {
		if d >= 0 && d < len(b.Districts) && !containsInt(ds, d) {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return []int{ingest.NoDistrict}
	}
	return ds
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// A textAnalyzer masks, extracts keywords from and theme-codes texts.
type textAnalyzer struct {
	tok    *tokenizer.Tokenizer
	masker *Masker
	themes []ingest.Theme
	hard   *hardMatcher // nil without sheet ハード分類
	places *placeFinder
	// alwaysTokenize turns latticeFree off (TestLatticeFreeIdentical).
	alwaysTokenize bool
}

func newTextAnalyzer(b *ingest.Batch, tok *tokenizer.Tokenizer) *textAnalyzer {
	ta := &textAnalyzer{tok: tok, masker: NewMasker(b, tok), themes: b.Themes}
	if b != nil && len(b.HardCategories) > 0 {
		ta.hard = newHardMatcher(b.HardCategories)
		ta.places = newPlaceFinder(b)
	}
	return ta
}

// A textResult is what the analysis derives from one NFKC text: everything
// of a textDoc's analysis but its themes (which also depend on the doc's fixed
// theme) and its ハード分類 (which a noHard doc drops).
type textResult struct {
	norm   string   // the NFKC text
	masked string   // norm with personal information masked
	words  []string // keyword base forms, in text order, repeats kept
	bases  []string // the tokens' base forms (for codeThemes)
	hard   []int    // ハード分類 indices, ascending; nil without a matcher
	place  string   // the place a tagged text names (hardplace.go)
}

// analyzeNorm analyzes the NFKC text s: tokenize, mask, keywords and, with a
// ハード分類 matcher, its categories and place.
//
// Note: a text that cannot hold a name, a keyword or a ハード分類 word
// (latticeFree: empty, or ASCII digits only) is not tokenized; its tokens
// would be numbers alone (TestLatticeFreeIdentical compares both on every
// such text of up to four digits and on longer ones), which mask no name,
// make no keyword, hit no theme that s itself does not contain and no
// ハード分類 word (none is all digits: digitAnchor).
func (ta *textAnalyzer) analyzeNorm(s string) textResult {
	var toks []tokenizer.Token
	if ta.alwaysTokenize || !ta.latticeFree(s) {
		toks = ta.tok.Tokenize(s)
	}
	sp := ta.masker.spans(s, toks)
	r := textResult{norm: s, masked: applySpans(s, sp)}
	r.bases = make([]string, len(toks))
	for i, t := range toks {
		r.bases[i] = baseForm(t)
	}
	r.words = appendWords(nil, toks, r.bases, sp)
	if ta.hard != nil {
		hsp := mergeSpans(append(append([]span(nil), sp...), achievementSpans(s)...))
		r.hard = ta.hard.match(toks, r.bases, hsp)
		if len(r.hard) > 0 {
			r.place = ta.places.find(s, toks, sp)
			// a venue's availability without a place is no physical fix
			// (bookingSentences): those sentences are not tagged
			if skip := bookingSentences(toks, r.bases); r.place == "" && skip != nil {
				r.hard = ta.hard.matchExcept(toks, r.bases, hsp, skip)
			}
		}
	}
	return r
}

// latticeFree reports whether the NFKC text s skips the tokenizer: it is
// empty or only ASCII digits, and no ハード分類 word is all digits.
func (ta *textAnalyzer) latticeFree(s string) bool {
	if ta.hard != nil && ta.hard.digitAnchor {
		return s == ""
	}
	return allDigits(s)
}

// allDigits reports whether s holds only ASCII digits ("" included).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// analyze sets d's analysis and themes from d.text.
func (ta *textAnalyzer) analyze(d *textDoc) {
	r := ta.analyzeNorm(norm.NFKC.String(d.text))
	d.textResult = &r
	d.themes = codeThemes(ta.themes, r.norm, r.bases, r.words, d.fixed)
}

// analyzeChunk is how many texts a worker of analyzeAll takes at a time.
const analyzeChunk = 64

// analyzeAll analyzes every doc: each distinct text once, spread over
// GOMAXPROCS goroutines, its result then given to every doc of that text.
//
// Note: a doc's results depend on its own text (and its fixed theme, and
// noHard, applied by hardCats) alone, so texts that are equal after NFKC are
// analyzed once (free-text answers repeat: 「特になし」, short answers,
// copy-paste); TestAnalyzeAllDistinct compares it with analyzing each doc.
// The kagome tokenizer is safe for concurrent use (kagome issue #371, its
// maintainer's answer); the masker and matchers are only read. Workers take
// chunks of texts in turn and write each result at its text's index, so
// the results are identical whatever the number of workers.
func (ta *textAnalyzer) analyzeAll(docs []textDoc) {
	// Texts are interned by ingest, so equal raw texts are found by one map
	// lookup; raw texts equal after NFKC share one analysis too.
	byRaw := make(map[string]int32, 64)
	byNorm := make(map[string]int32, 64)
	var texts []string // distinct NFKC texts
	of := make([]int32, len(docs))
	for i := range docs {
		t := docs[i].text
		k, ok := byRaw[t]
		if !ok {
			s := norm.NFKC.String(t)
			if k, ok = byNorm[s]; !ok {
				k = int32(len(texts))
				texts = append(texts, s)
				byNorm[s] = k
			}
			byRaw[t] = k
		}
		of[i] = k
	}
	byRaw, byNorm = nil, nil
	res := make([]textResult, len(texts))
	workers := min(runtime.GOMAXPROCS(0), (len(texts)+analyzeChunk-1)/analyzeChunk)
	if workers <= 1 {
		for i, s := range texts {
			res[i] = ta.analyzeNorm(s)
		}
	} else {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for {
					from := int(next.Add(analyzeChunk)) - analyzeChunk
					if from >= len(texts) {
						return
					}
					for i := from; i < min(from+analyzeChunk, len(texts)); i++ {
						res[i] = ta.analyzeNorm(texts[i])
					}
				}
			})
		}
		wg.Wait()
	}
	// Note: the themes of a text depend on the doc's fixed theme too, so they
	// are coded once per text and fixed theme (a question's texts share it),
	// and shared like the words.
	type textTheme struct{ text, fixed int32 }
	themes := make(map[textTheme][]int, len(texts))
	for i := range docs {
		d := &docs[i]
		r := &res[of[i]]
		k := textTheme{of[i], int32(d.fixed)}
		th, ok := themes[k]
		if !ok {
			th = codeThemes(ta.themes, r.norm, r.bases, r.words, d.fixed)
			themes[k] = th
		}
		d.textResult, d.themes = r, th
	}
}

// baseForm returns a token's dictionary form (基本形), or its surface when unknown.
func baseForm(t tokenizer.Token) string {
	if f, ok := featureAt(t, 6); ok && f != "*" && f != "" {
		return f
	}
	return t.Surface
}

// A tokenRole is what a token can be in a compound noun (複合語).
type tokenRole uint8

const (
	roleBreak  tokenRole = iota // ends any compound: particles, symbols, 数, 非自立, 代名詞, …
	roleHead                    // a noun that can start or continue a compound
	roleSuffix                  // 接尾 that only continues a compound (者, 化, 性, 的, 会, 時)
	rolePrefix                  // 接頭詞 名詞接続 kept when a noun follows (再, 要, 各, 全)
	roleHonor                   // お, ご, 御: dropped, starting a compound when a noun follows
	roleNumber                  // 名詞 数, and the counters (助数詞) after it
)

// compoundRole returns the role in compound nouns of a token with parts of
// speech pos (Token.POS) and surface surface.
//
// Note: this is the 連続名詞結合 of Japanese text mining (KH Coder's 複合語):
// runs of nouns become one keyword written with their surfaces, so 地域ケアプラザ,
// 介護予防教室 and 高齢者 are counted as committees name them. Heads are nouns
// 一般, サ変接続, 形容動詞語幹, ナイ形容詞語幹 and 固有名詞 other than 人名; suffixes
// 接尾 一般, サ変接続, 形容動詞語幹, 副詞可能 and 地域 (者, 会, 化, 性, 的, 時, 中, 町)
// continue a compound but never start one. 接尾 人名 (さん) and 助数詞 (年, 回),
// 数, 非自立, 代名詞, 副詞可能 (今後, 最近), 人名 and every other part of speech
// break it, and so does ・ (民生委員・児童委員 is two words). The prefixes お, ご
// and 御 are dropped so that ご近所 counts as 近所.
func compoundRole(pos []string, surface string) tokenRole {
	if len(pos) < 2 {
		return roleBreak
	}
	switch pos[0] {
	case "名詞":
		switch pos[1] {
		case "一般", "サ変接続", "形容動詞語幹", "ナイ形容詞語幹":
			return roleHead
		case "固有名詞":
			if len(pos) > 2 && pos[2] == "人名" {
				return roleBreak
			}
			return roleHead
		case "数":
			return roleNumber
		case "接尾":
			if len(pos) < 3 {
				return roleBreak
			}
			switch pos[2] {
			case "一般", "サ変接続", "形容動詞語幹", "副詞可能", "地域":
				return roleSuffix
			case "助数詞":
				return roleNumber
			}
		}
	case "接頭詞":
		if pos[1] != "名詞接続" {
			return roleBreak
		}
		switch surface {
		case "お", "ご", "御":
			return roleHonor
		}
		return rolePrefix
	}
	return roleBreak
}

// appendWords appends the keywords of a text to words, in text order with repeats:
// compound nouns (see compoundRole), and 自立 verbs and adjectives in base form.
// toks are the text's tokens, bases their base forms and sp the masked spans.
//
// Note: a compound touching a masked token (a name, a phone number) is dropped as
// a whole, so no part of a masked name (田中会長 → 〇〇会長) becomes a keyword.
// A one-rune noun standing alone next to a number is a counter (3月, 月1回, 週2日)
// and is dropped too.
func appendWords(words []string, toks []tokenizer.Token, bases []string, sp []span) []string {
	var (
		parts    []string // surfaces of the current compound
		first    = -1     // token index of the compound's only part, for its base form
		heads    int      // nouns in the compound (a compound needs one)
		poisoned bool     // the compound touches a masked token
		afterNum bool     // the previous token was a number or a counter
	)
	// flush emits the current compound; beforeNum reports whether a number follows it.
	flush := func(beforeNum bool) {
		counter := beforeNum && len(parts) == 1 && utf8.RuneCountInString(parts[0]) == 1
		if heads > 0 && !poisoned && !counter {
			w := strings.Join(parts, "")
			if len(parts) == 1 {
				w = bases[first]
			}
			if keywordOK(w) {
				words = append(words, w)
			}
		}
		parts, first, heads, poisoned = parts[:0], -1, 0, false
	}
	// nextHead reports whether token i+1 is a noun a prefix can attach to.
	nextHead := func(i int) bool {
		return i+1 < len(toks) && compoundRole(toks[i+1].POS(), toks[i+1].Surface) == roleHead &&
			!inSpans(sp, toks[i+1].Position, toks[i+1].Position+len(toks[i+1].Surface))
	}
	for i, t := range toks {
		// Note: Token.POS allocates; it is called once per token.
		pos := t.POS()
		role := compoundRole(pos, t.Surface)
		if inSpans(sp, t.Position, t.Position+len(t.Surface)) {
			// A masked token, whatever its part of speech, poisons the compound
			// before it and the one after it: 田中会長 gives no 会長.
			poisoned = true
			parts = append(parts, "")
			afterNum = false
			continue
		}
		num := afterNum
		afterNum = false
		switch role {
		case roleHead:
			if num && len(parts) == 0 && utf8.RuneCountInString(t.Surface) == 1 {
				continue // a counter after a number: 3月
			}
			if len(parts) == 0 {
				first = i
			}
			parts = append(parts, t.Surface)
			heads++
			continue
		case roleSuffix:
			if len(parts) > 0 {
				parts = append(parts, t.Surface)
				continue
			}
		case rolePrefix:
			if nextHead(i) {
				parts = append(parts, t.Surface)
				continue
			}
		case roleHonor:
			if nextHead(i) {
				flush(false)
				continue
			}
		case roleNumber:
			flush(true)
			afterNum = true
			continue
		}
		flush(false)
		if keywordVerb(pos, bases[i]) {
			w := bases[i]
			if negated(toks, i) {
				w = negativeForm(toks[i], pos[0], bases[i])
			}
			words = append(words, w)
		}
	}
	flush(false)
	return words
}

// negated reports whether the verb or adjective toks[i] is negated: the
// auxiliary ない, ぬ (ず) or ん follows it, directly or after the verbs and
// auxiliaries that only extend it (れる, られる, せる, いる in ている, ます in
// ません) and the particle て. 足りない, 届かず, 届かなかった, 参加できません,
// 足りていない and 届けられない are negated; 足りなくなる too (ない comes
// first); 行きたくない is not (たい changes what is negated).
func negated(toks []tokenizer.Token, i int) bool {
	for _, t := range toks[i+1:] {
		pos := t.POS()
		base := baseForm(t)
		switch {
		case len(pos) > 0 && pos[0] == "助動詞":
			switch base {
			case "ない", "ぬ", "ん":
				return true
			case "ます":
				continue
			}
			return false
		case len(pos) > 1 && pos[0] == "動詞" && (pos[1] == "非自立" || pos[1] == "接尾"):
			continue
		case len(pos) > 1 && pos[0] == "助詞" && pos[1] == "接続助詞" && (t.Surface == "て" || t.Surface == "で"):
			continue
		}
		return false
	}
	return false
}

// negativeForm returns the plain negative (ない形) of a verb or adjective
// token t with part of speech pos0 and base form base: 足りる → 足りない,
// 届く → 届かない, 楽しい → 楽しくない, 参加する's する → しない. A conjugation
// the rule does not know keeps its base form with ない (base + ない).
func negativeForm(t tokenizer.Token, pos0, base string) string {
	ctype, _ := featureAt(t, 4)
	r, n := utf8.DecodeLastRuneInString(base)
	stem := base[:len(base)-n]
	switch {
	case pos0 == "形容詞" && r == 'い':
		return stem + "くない"
	case strings.HasPrefix(ctype, "五段"):
		if a, ok := godanA[r]; ok {
			return stem + string(a) + "ない"
		}
	case strings.HasPrefix(ctype, "一段") && r == 'る':
		return stem + "ない"
	case strings.HasPrefix(ctype, "サ変") && strings.HasSuffix(base, "する"):
		return strings.TrimSuffix(base, "する") + "しない"
	case strings.HasPrefix(ctype, "カ変"):
		if base == "くる" {
			return "こない"
		}
		return stem + "ない" // 来る → 来ない
	}
	return base + "ない"
}

// godanA maps the last kana of a 五段 verb to its 未然形 (ア段) kana.
var godanA = map[rune]rune{'う': 'わ', 'く': 'か', 'ぐ': 'が', 'す': 'さ', 'つ': 'た',
	'ぬ': 'な', 'ぶ': 'ば', 'む': 'ま', 'る': 'ら'}

// keywordVerb reports whether a token with parts of speech pos and base form
// base is a keyword verb or adjective: 自立, not a stop word.
func keywordVerb(pos []string, base string) bool {
	if len(pos) < 2 || pos[0] != "動詞" && pos[0] != "形容詞" || pos[1] != "自立" {
		return false
	}
	return keywordOK(base)
}

// keywordOK reports whether word w may be a keyword: not a stop word, holding a
// letter, and not a lone hiragana (a fragment, not a word).
func keywordOK(w string) bool {
	if w == "" || stopWords[w] {
		return false
	}
	letter := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			letter = true
			break
		}
	}
	if !letter {
		return false
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.Is(unicode.Hiragana, r) {
		return false
	}
	return true
}

// codeThemes returns the themes of a text, ascending: fixed (the question's or
// item's theme, -1 for none) and every theme with a キーワード that is a base form
// of one of the text's tokens, one of its keywords words (compounds included) or a
// substring of the text s.
func codeThemes(themes []ingest.Theme, s string, bases, words []string, fixed int) []int {
	var out []int
	for i, th := range themes {
		hit := i == fixed
		for _, kw := range th.Keywords {
			if hit {
				break
			}
			if kw == "" {
				continue
			}
			if strings.Contains(s, kw) {
				hit = true
				break
			}
			hit = slices.Contains(bases, kw) || slices.Contains(words, kw)
		}
		if hit {
			out = append(out, i)
		}
	}
	return out
}

// themeNames returns the names of theme indices.
func themeNames(b *ingest.Batch, ts []int) []string {
	if len(ts) == 0 {
		return nil
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = b.Themes[t].Name
	}
	return out
}

// districtName returns a district's name, or 地区不明.
func districtName(b *ingest.Batch, d int) string {
	if d < 0 || d >= len(b.Districts) {
		return GroupNoDistrict
	}
	return b.Districts[d].Name
}

// districtNames returns the names of district indices.
func districtNames(b *ingest.Batch, ds []int) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = districtName(b, d)
	}
	return out
}

// freeTexts returns freetext.csv rows in document order.
//
// Note: rows with the same themes share one slice of names, and rows with
// one district its name, rather than a million of each.
func freeTexts(b *ingest.Batch, docs []textDoc) []FreeText {
	out := make([]FreeText, len(docs))
	names := map[string][]string{}
	var key []byte
	for i := range docs {
		d := &docs[i]
		key = key[:0]
		for _, t := range d.themes {
			key = binary.AppendUvarint(key, uint64(t))
		}
		th, ok := names[string(key)]
		if !ok {
			th = themeNames(b, d.themes)
			names[string(key)] = th
		}
		dist := ""
		if len(d.districts) == 1 {
			dist = districtName(b, d.districts[0])
		} else {
			dist = strings.Join(districtNames(b, d.districts), "、")
		}
		out[i] = FreeText{Source: d.source, RecordID: d.recordID, District: dist,
			ItemID: d.itemID, Themes: th, Masked: d.masked}
	}
	return out
}

// hearingComments returns the hearing 記述 comments grouped by theme (the item's
// theme, else the first coded theme; comments with none last), then by first
// district (sheet order, 地区不明 last), then in reading order.
func hearingComments(b *ingest.Batch, docs []textDoc) []HearingComment {
	type keyed struct {
		c           HearingComment
		theme, dist int
	}
	var ks []keyed
	for i := range docs {
		d := &docs[i]
		if d.source != SourceHearing {
			continue
		}
		th := len(b.Themes)
		if d.fixed >= 0 && d.fixed < len(b.Themes) {
			th = d.fixed
		} else if len(d.themes) > 0 {
			th = d.themes[0]
		}
		dist := d.districts[0]
		if dist < 0 {
			dist = len(b.Districts)
		}
		ks = append(ks, keyed{c: HearingComment{Item: d.item, Org: d.recordID,
			Districts: districtNames(b, d.districts), Themes: themeNames(b, d.themes), Masked: d.masked},
			theme: th, dist: dist})
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].theme != ks[j].theme {
			return ks[i].theme < ks[j].theme
		}
		return ks[i].dist < ks[j].dist
	})
	out := make([]HearingComment, len(ks))
	for i, k := range ks {
		out[i] = k.c
	}
	return out
}

// A textGroup is one keywords.csv group of documents.
type textGroup struct {
	source, by, name string
	docs             []int // indices into the documents
	quotable         bool  // base at or above 秘匿基準 (survey districts and themes)
}

// textGroups returns the groups of one source: 全体, each district in sheet order
// (地区不明 last, when present), each theme in sheet order.
func textGroups(b *ingest.Batch, docs []textDoc, source string) []textGroup {
	all := textGroup{source: source, by: ByAll, name: GroupAll, quotable: true}
	dist := make([]textGroup, len(b.Districts)+1)
	for i := range dist {
		dist[i] = textGroup{source: source, by: ByDistrict, name: districtName(b, i)}
	}
	dist[len(b.Districts)].name = GroupNoDistrict
	theme := make([]textGroup, len(b.Themes))
	for i := range theme {
		theme[i] = textGroup{source: source, by: ByTheme, name: b.Themes[i].Name}
	}
	for i := range docs {
		d := &docs[i]
		if d.source != source {
			continue
		}
		all.docs = append(all.docs, i)
		for _, di := range d.districts {
			if di < 0 || di >= len(b.Districts) {
				di = len(b.Districts)
			}
			dist[di].docs = append(dist[di].docs, i)
		}
		for _, t := range d.themes {
			theme[t].docs = append(theme[t].docs, i)
		}
	}
	// Note: survey groups follow 秘匿基準 by the number of respondents behind them
	// (a district's respondents; for 全体 and themes, all respondents). Hearing
	// comments are published per organization anyway, so their groups are not held back.
	minBase := b.Settings.SuppressBelow
	base := make([]int, len(b.Districts)+1) // last: 地区不明
	for i := range b.Current.Respondents {
		d := b.Current.Respondents[i].District
		if d < 0 || d >= len(b.Districts) {
			d = len(b.Districts)
		}
		base[d]++
	}
	wardOK := source != SourceSurvey || len(b.Current.Respondents) >= minBase
	all.quotable = wardOK
	for i := range theme {
		theme[i].quotable = wardOK
	}
	for i := range dist {
		dist[i].quotable = source != SourceSurvey || base[i] >= minBase
	}
	out := []textGroup{all}
	for i, g := range dist {
		if len(g.docs) == 0 && i == len(b.Districts) {
			continue // 地区不明 only when present
		}
		out = append(out, g)
	}
	return append(out, theme...)
}

// keywordsAndQuotes returns keywords.csv rows and the representative quotes.
func keywordsAndQuotes(b *ingest.Batch, docs []textDoc) ([]Keyword, []Quote) {
	var kws []Keyword
	var quotes []Quote
	for _, src := range []string{SourceSurvey, SourceHearing} {
		groups := textGroups(b, docs, src)
		anyDoc := false
		for _, g := range groups {
			if len(g.docs) > 0 {
				anyDoc = true
				break
			}
		}
		if !anyDoc {
			continue
		}
		tops := make([][]wordCount, len(groups))
		for i, g := range groups {
			if g.by == ByDistrict && !g.quotable {
				continue // keywords of a suppressed district are not published either
			}
			tops[i] = countWords(docs, g.docs)
			for _, w := range tops[i] {
				kws = append(kws, Keyword{Source: src, By: g.by, Group: g.name, Word: w.word, Count: w.count, Docs: w.docs})
			}
		}
		// Note: a text is quoted once per source, in the order the report
		// prints the lists (themes, then districts, each in sheet order): an
		// answer coded with two themes, or a theme's quote from a district,
		// goes to the first list, and the later list quotes its next best
		// text (docs/methods.md, 自由記述の抜粋). A few voices printed two or
		// three times looked like many. printed holds the sentences of the
		// quotes chosen so far (pickQuotes): no list repeats a sentence,
		// and no quote is only sentences printed before.
		quoted, printed := map[string]bool{}, map[string]bool{}
		for _, by := range []string{ByTheme, ByDistrict} {
			for i, g := range groups {
				if g.by != by || !g.quotable {
					continue
				}
				for _, t := range pickQuotes(docs, g.docs, tops[i], quoted, printed) {
					quoted[t] = true
					quotes = append(quotes, Quote{Source: src, By: g.by, Group: g.name, Text: t})
				}
			}
		}
	}
	return kws, sortQuotes(quotes)
}

// sortQuotes orders quotes by source, then themes before districts, keeping group order.
func sortQuotes(qs []Quote) []Quote {
	rank := func(q Quote) int {
		r := 0
		if q.Source == SourceHearing {
			r = 2
		}
		if q.By == ByDistrict {
			r++
		}
		return r
	}
	sort.SliceStable(qs, func(i, j int) bool { return rank(qs[i]) < rank(qs[j]) })
	return qs
}

// A wordCount is a word's occurrences and documents in one group.
type wordCount struct {
	word        string
	count, docs int
}

// countWords returns the group's words by count descending, then word, at most MaxKeywords.
//
// Note: docs of one text share its analysis (analyzeAll), so the words are
// counted once per distinct text, times its docs: a million answers hold far
// fewer texts. The order is total, so the counting order does not matter.
func countWords(docs []textDoc, idx []int) []wordCount {
	if len(idx) == 0 {
		return nil
	}
	type text struct {
		words []string
		n     int // docs of the group with this text
	}
	var texts []text
	of := map[*textResult]int{}
	for _, i := range idx {
		r := docs[i].textResult
		k, ok := of[r]
		if !ok {
			k = len(texts)
			of[r] = k
			texts = append(texts, text{words: r.words})
		}
		texts[k].n++
	}
	pos := map[string]int{}
	var wc []wordCount
	var last []int // by word: the last text counted, for docs
	for k, t := range texts {
		for _, w := range t.words {
			j, ok := pos[w]
			if !ok {
				j = len(wc)
				pos[w] = j
				wc = append(wc, wordCount{word: w})
				last = append(last, -1)
			}
			wc[j].count += t.n
			if last[j] != k {
				last[j] = k
				wc[j].docs += t.n
			}
		}
	}
	sort.Slice(wc, func(i, j int) bool {
		if wc[i].count != wc[j].count {
			return wc[i].count > wc[j].count
		}
		return wc[i].word < wc[j].word
	})
	if len(wc) > MaxKeywords {
		wc = wc[:MaxKeywords]
	}
	return wc
}

// quoteRankBuffer is how many of a group's best distinct texts pickQuotes
// ranks while scanning; it ranks them all only when these run out.
const quoteRankBuffer = 4 * MaxQuotes

// A quoteCand is a quotable doc of a group with its score.
type quoteCand struct {
	doc, score int
	masked     bool
}

// pickQuotes chooses up to MaxQuotes masked texts of the group: length between
// QuoteMinRunes and QuoteMaxRunes, most distinct top keywords covered first, then
// texts without masks, then by record ID and reading order. Identical texts are
// quoted once, and a text in quoted (another list's quote) not at all. A text
// that shares a sentence (quoteSentences) with a quote already chosen for
// the list is skipped. Texts that share no sentence with printed (the
// sentences of the chapter's earlier lists) are chosen first; only when
// they are too few does the list take texts with some sentence printed
// before, never one whose every sentence is (a voice quoted in one list
// does not come back in the next because it was written beside another).
// The quotes keep the ranking's order; the sentences of the chosen quotes
// are added to printed. A list short of candidates holds fewer quotes.
//
// Note: the skips make the choice greedy (each quote depends on the ones
// before it), so the candidates are ranked first: the best quoteRankBuffer
// distinct texts while scanning (rankQuotes), and every one only when the
// skips used those up and more remain.
func pickQuotes(docs []textDoc, idx []int, top []wordCount, quoted, printed map[string]bool) []string {
	list := map[string]bool{} // sentences of this list's quotes
	chosen := map[int]bool{}  // ranks of the chosen candidates
	// ok: no sentence in the list's quotes, one at least not printed
	// before, and, when strict, none printed before.
	ok := func(keys []string, strict bool) bool {
		fresh := false
		for _, k := range keys {
			if list[k] || (strict && printed[k]) {
				return false
			}
			if !printed[k] {
				fresh = true
			}
		}
		return fresh
	}
	pick := func(cs []quoteCand, strict bool) {
		for r, c := range cs {
			if len(chosen) == MaxQuotes {
				return
			}
			if chosen[r] {
				continue
			}
			keys := quoteSentences(docs[c.doc].masked)
			if !ok(keys, strict) {
				continue
			}
			for _, k := range keys {
				list[k] = true
			}
			chosen[r] = true
		}
	}
	// Note: the buffer's candidates are the first of the full ranking, in
	// the same order, so a rank means one candidate in both.
	cs, more := rankQuotes(docs, idx, top, quoted, quoteRankBuffer)
	pick(cs, true)
	if len(chosen) < MaxQuotes && more {
		cs, _ = rankQuotes(docs, idx, top, quoted, 0)
		pick(cs, true)
	}
	pick(cs, false)
	if printed != nil {
		for k := range list {
			printed[k] = true
		}
	}
	if len(chosen) == 0 {
		return nil
	}
	var out []string
	for r, c := range cs {
		if chosen[r] {
			out = append(out, docs[c.doc].masked)
		}
	}
	return out
}

// quoteSentences returns the sentences of a masked text (split after 。！？
// and at line breaks, as hardExcerpt does) as compared between quotes:
// white space removed and the closing mark dropped, so that a sentence
// reads the same at the end of one answer without its 。 and inside another.
func quoteSentences(masked string) []string {
	var out []string
	for _, s := range splitSentences(masked) {
		k := strings.TrimRight(hardTextKey(s), "。!?！？")
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// rankQuotes returns the quotable candidates of the group (length between
// QuoteMinRunes and QuoteMaxRunes, not in quoted), the best candidate of
// each distinct text, best first: the first k when k > 0, and whether more
// were left out.
//
// Note: the order is total (reading order last), so the first k are kept
// while scanning, at most k of them, rather than by sorting every candidate
// (a district of a million-respondent survey has a hundred thousand).
func rankQuotes(docs []textDoc, idx []int, top []wordCount, quoted map[string]bool, k int) ([]quoteCand, bool) {
	n := min(len(top), quoteTopWords)
	topSet := make(map[string]uint, n) // word → its bit
	for i, w := range top[:n] {
		topSet[w.word] = 1 << i
	}
	less := func(a, b quoteCand) bool {
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
	}
	cmp := func(a, b quoteCand) int {
		if less(a, b) {
			return -1
		}
		if less(b, a) {
			return 1
		}
		return 0
	}
	var best []quoteCand  // distinct texts, best first (k > 0)
	var at map[string]int // text → its index in best (k == 0)
	if k == 0 {
		at = map[string]int{}
	}
	more := false
	for _, i := range idx {
		d := &docs[i]
		if l := utf8.RuneCountInString(d.masked); l < QuoteMinRunes || l > QuoteMaxRunes || quoted[d.masked] {
			continue
		}
		// Note: the distinct top words are counted as bits (the top words are
		// distinct and at most quoteTopWords), not in a map per text.
		var seen uint
		for _, w := range d.words {
			seen |= topSet[w]
		}
		c := quoteCand{doc: i, score: bits.OnesCount(seen), masked: strings.Contains(d.masked, MaskMark)}
		if k == 0 {
			if j, ok := at[d.masked]; !ok {
				at[d.masked] = len(best)
				best = append(best, c)
			} else if less(c, best[j]) {
				best[j] = c
			}
			continue
		}
		if len(best) == k && !less(c, best[k-1]) {
			if !slices.ContainsFunc(best, func(o quoteCand) bool { return docs[o.doc].masked == d.masked }) {
				more = true // a text left out
			}
			continue // a text's worse candidate, or no better than the kept ones
		}
		j := slices.IndexFunc(best, func(o quoteCand) bool { return docs[o.doc].masked == d.masked })
		switch {
		case j >= 0 && !less(c, best[j]):
			continue
		case j >= 0:
			best[j] = c
		default:
			best = append(best, c)
		}
		slices.SortStableFunc(best, cmp)
		if len(best) > k {
			best = best[:k]
			more = true
		}
	}
	if k == 0 {
		slices.SortFunc(best, cmp)
	}
	return best, more
}
