package analyze

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"
	"golang.org/x/text/unicode/norm"

	"midreview/analyze/ipadict"
	"midreview/ingest"
)

// MaskMark replaces each piece of personal information in published free text.
const MaskMark = "〇〇"

var (
	ipaOnce sync.Once
	ipaDict *ipadict.Dict
	ipaTok  *tokenizer.Tokenizer
)

// IPATokenizer returns the shared kagome tokenizer with the IPA dictionary,
// loading the dictionary on first use.
// Note: loading takes about 0.4 s of CPU and 110 MB (ipadict decodes its parts
// side by side), so it happens once per process and only when there is free
// text to analyze. Read a token's features with featureAt.
func IPATokenizer() *tokenizer.Tokenizer {
	ipaOnce.Do(func() {
		d, err := ipadict.Load()
		if err != nil {
			// Note: the dictionary is embedded and TestLoadEqualsIPA loads it,
			// so this cannot happen in a tested build; the released
			// ipa.Dict() panics likewise.
			panic("analyze: kagome IPA dictionary: " + err.Error())
		}
		t, err := tokenizer.New(d.Dict, tokenizer.OmitBosEos())
		if err != nil {
			panic("analyze: kagome IPA tokenizer: " + err.Error()) // embedded dictionary: cannot fail
		}
		ipaDict, ipaTok = d, t
	})
	return ipaTok
}

// featureAt returns the i-th feature of a token of IPATokenizer, as
// Token.FeatureAt does with the released dictionary.
//
// Note: ipadict keeps the dictionary's contents (活用型, 活用形, 基本形, 読み,
// 発音) out of the kagome Dict (ipadict.Dict), so that for a known token
// Token.FeatureAt and Token.Features give its parts of speech only; every
// feature is read here (TestFeatureAtOnly, and TestTokensEqualIPA against
// the released dictionary).
func featureAt(t tokenizer.Token, i int) (string, bool) {
	if t.Class == tokenizer.KNOWN {
		return ipaDict.FeatureAt(t.ID, i)
	}
	return t.FeatureAt(i)
}

// IPADictEmbedded reports whether the binary holds the IPA dictionary
// (analyze/ipadict/ipa.dict, copied there by scripts/assets.sh before the
// build); without it IPATokenizer panics, so `run` refuses at once.
func IPADictEmbedded() bool { return ipadict.Embedded() }

// A Masker replaces personal information in free text with 〇〇: phone numbers,
// e-mail addresses, postal codes, street addresses and personal names. It is built
// once per batch with the words that must never be masked (district names and
// aliases, town names, organization names, theme names and keywords), so that every
// text is masked the same way.
type Masker struct {
	tok     *tokenizer.Tokenizer
	protect []string // NFKC; longest first, then lexical
	towns   []string // NFKC town names, for "町名1-2" addresses
}

// builtinProtected are welfare words that must stay readable even when the
// dictionary would tag a part of them as a name.
var builtinProtected = []string{
	"地域ケアプラザ", "ケアプラザ", "民生委員", "児童委員", "主任児童委員", "社会福祉協議会",
	"地区社協", "社協", "自治会", "町内会", "老人クラブ", "地域包括支援センター", "区役所",
	"保健活動推進員", "食生活等改善推進員", "スポーツ推進委員", "青少年指導員",
}

// NewMasker returns a Masker protecting the batch's district names, aliases, towns,
// organization names and types, and theme names and keywords. b may be nil.
func NewMasker(b *ingest.Batch, tok *tokenizer.Tokenizer) *Masker {
	seen := map[string]bool{}
	var words []string
	add := func(w string) {
		w = norm.NFKC.String(strings.TrimSpace(w))
		if w == "" || seen[w] {
			return
		}
		seen[w] = true
		words = append(words, w)
	}
	for _, w := range builtinProtected {
		add(w)
	}
	m := &Masker{tok: tok}
	if b != nil {
		for _, d := range b.Districts {
			add(d.Name)
			for _, a := range d.Aliases {
				add(a)
			}
		}
		for _, t := range b.Towns {
			add(t.Name)
			m.towns = append(m.towns, norm.NFKC.String(t.Name))
		}
		for _, h := range b.Hearings {
			add(h.Org)
			add(h.OrgType)
		}
		for _, t := range b.Themes {
			add(t.Name)
			for _, k := range t.Keywords {
				add(k)
			}
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) > len(words[j])
		}
		return words[i] < words[j]
	})
	m.protect = words
	return m
}

// Mask returns s after NFKC with personal information replaced by 〇〇, using a
// Masker that protects only the built-in welfare words. Prefer a Masker built
// with NewMasker, which also protects the batch's place and organization names.
func Mask(s string) string {
	return NewMasker(nil, IPATokenizer()).Mask(s)
}

// Mask returns s after NFKC with personal information replaced by 〇〇.
func (m *Masker) Mask(s string) string {
	s = norm.NFKC.String(s)
	if s == "" {
		return s
	}
	return applySpans(s, m.spans(s, m.tok.Tokenize(s)))
}

// A span is a byte range [a, b) of a text.
type span struct{ a, b int }

// Patterns of personal information, on NFKC text (digits are ASCII).
// Note: Go's regexp has no look-around, so digit boundaries are checked in code
// (digitBounded) rather than in the patterns.
var (
	reEmail = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`)
	rePhone = []*regexp.Regexp{
		regexp.MustCompile(`(?:\+81[-−‐ー ]?|0)\d{1,4}[-−‐ー]\d{1,4}[-−‐ー]\d{3,4}`), // 045-123-4567, 090-1234-5678
		regexp.MustCompile(`0\d{1,4}\(\d{1,4}\)\d{3,4}`),                          // 045(123)4567
		regexp.MustCompile(`\(0\d{1,4}\) ?\d{1,4}[-−‐ー]\d{3,4}`),                  // (045)123-4567
		regexp.MustCompile(`0\d{9,10}`),                                           // 09012345678
	}
	rePostal = []*regexp.Regexp{
		regexp.MustCompile(`〒 ?\d{3}[-−‐ー]?\d{4}`),
		regexp.MustCompile(`\d{3}[-−‐ー]\d{4}`),
	}
	reAddress = []*regexp.Regexp{
		regexp.MustCompile(`[0-9一二三四五六七八九十〇]+丁目[0-9一二三四五六七八九十〇]+(?:番地?|[-−‐ー])(?:[0-9一二三四五六七八九十〇]+(?:号|[-−‐ー][0-9]+)?)?`),
		regexp.MustCompile(`[0-9一二三四五六七八九十〇]+番地(?:[-−‐ーの]?[0-9一二三四五六七八九十〇]+号?)?`),
		regexp.MustCompile(`[0-9一二三四五六七八九十〇]+番[0-9一二三四五六七八九十〇]+号`),
	}
	// reHouse is a house number "2-14-5" or "2-14", masked only after a town name
	// (three parts after any kanji or katakana place word; two parts after a known town).
	reHouse = regexp.MustCompile(`\d{1,4}[-−‐ー]\d{1,4}(?:[-−‐ー]\d{1,4})?`)
)

// spans returns the sorted, merged byte ranges of s to mask; toks are s's tokens.
//
// Note: a pattern runs only on a text that holds what every match of it
// holds: an @ for reEmail, an ASCII digit for the phone, postal and house
// patterns, 丁目 or 番 for the addresses. Most free-text answers hold none, and
// the eleven patterns (no literal prefix for regexp to skip to) were a third
// of the masking's CPU (TestSpansPrefilter compares with running all).
func (m *Masker) spans(s string, toks []tokenizer.Token) []span {
	return m.spansOf(s, toks, false)
}

// spansOf is spans; all runs every pattern on every text.
func (m *Masker) spansOf(s string, toks []tokenizer.Token, all bool) []span {
	var out []span
	add := func(a, b int) { out = append(out, span{a, b}) }
	digits := all || strings.ContainsAny(s, "0123456789")
	if all || strings.IndexByte(s, '@') >= 0 {
		for _, ix := range reEmail.FindAllStringIndex(s, -1) {
			add(ix[0], ix[1])
		}
	}
	if digits {
		for _, re := range rePhone {
			for _, ix := range re.FindAllStringIndex(s, -1) {
				if digitBounded(s, ix[0], ix[1]) {
					add(ix[0], ix[1])
				}
			}
		}
		for _, re := range rePostal {
			for _, ix := range re.FindAllStringIndex(s, -1) {
				if digitBounded(s, ix[0], ix[1]) {
					add(ix[0], ix[1])
				}
			}
		}
	}
	if all || strings.Contains(s, "丁目") || strings.Contains(s, "番") {
		for _, re := range reAddress {
			for _, ix := range re.FindAllStringIndex(s, -1) {
				add(ix[0], ix[1])
			}
		}
	}
	if digits {
		for _, ix := range reHouse.FindAllStringIndex(s, -1) {
			if m.houseNumber(s, ix[0], ix[1]) {
				add(ix[0], ix[1])
			}
		}
	}
	out = append(out, m.nameSpans(s, toks)...)
	return mergeSpans(out)
}

// digitBounded reports whether s[a:b] is not directly preceded or followed by a digit.
func digitBounded(s string, a, b int) bool {
	if a > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:a]); unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[b:]); unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// houseNumber reports whether the match s[a:b] of reHouse is a house number.
func (m *Masker) houseNumber(s string, a, b int) bool {
	if !digitBounded(s, a, b) || a == 0 {
		return false
	}
	if b < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[b:]); r == '-' || r == 'ー' || r == '−' || r == '‐' {
			return false
		}
	}
	parts := strings.FieldsFunc(s[a:b], func(r rune) bool { return r < '0' || r > '9' })
	prefix := s[:a]
	for _, t := range m.towns {
		if t != "" && strings.HasSuffix(prefix, t) {
			return true
		}
	}
	if strings.HasSuffix(prefix, "丁目") {
		return true
	}
	if len(parts) < 3 {
		return false
	}
	if len(parts[0]) == 4 { // 2024-3-15 is a date
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prefix)
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) && r != 'ー'
}

// nameSpans returns the byte ranges of personal names: tokens tagged
// 名詞,固有名詞,人名 and the proper nouns or unknown words before an honorific
// (さん, 様, 氏, くん, ちゃん), except inside protected words.
func (m *Masker) nameSpans(s string, toks []tokenizer.Token) []span {
	prot := m.protectedSpans(s)
	isProtected := func(a, b int) bool {
		for _, p := range prot {
			if a < p.b && p.a < b {
				return true
			}
		}
		return false
	}
	var out []span
	for i, t := range toks {
		a, b := t.Position, t.Position+len(t.Surface)
		pos := t.POS()
		if len(pos) >= 3 && pos[0] == "名詞" && pos[1] == "固有名詞" && pos[2] == "人名" {
			if !isProtected(a, b) && !placeLike(toks, i) {
				out = append(out, span{a, b})
			}
			continue
		}
		if len(pos) >= 3 && pos[0] == "名詞" && pos[1] == "接尾" && pos[2] == "人名" && honorific(t.Surface) {
			for j := i - 1; j >= 0; j-- {
				p := toks[j]
				pa, pb := p.Position, p.Position+len(p.Surface)
				if !nameLike(p) || isProtected(pa, pb) {
					break
				}
				out = append(out, span{pa, pb})
			}
		}
	}
	return out
}

// honorific reports whether w is a name suffix that follows a person's name.
func honorific(w string) bool {
	switch w {
	case "さん", "様", "さま", "氏", "くん", "君", "ちゃん":
		return true
	}
	return false
}

// nameLike reports whether token t, directly before an honorific, may be (part of)
// a name: a proper noun or a word unknown to the dictionary, but not a number or a
// symbol. Common nouns (ボランティアさん, 民生委員さん) are not names.
func nameLike(t tokenizer.Token) bool {
	pos := t.POS()
	if len(pos) < 2 || pos[0] != "名詞" {
		return false
	}
	if pos[1] == "固有名詞" {
		return true
	}
	if t.Class != tokenizer.UNKNOWN || pos[1] == "数" {
		return false
	}
	for _, r := range t.Surface {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// protectedSpans returns the byte ranges of s covered by protected words.
func (m *Masker) protectedSpans(s string) []span {
	var out []span
	for _, w := range m.protect {
		for off := 0; ; {
			i := strings.Index(s[off:], w)
			if i < 0 {
				break
			}
			out = append(out, span{off + i, off + i + len(w)})
			off += i + len(w)
		}
	}
	return out
}

// mergeSpans sorts spans and merges overlapping or touching ones.
func mergeSpans(sp []span) []span {
	if len(sp) < 2 {
		return sp
	}
	sort.Slice(sp, func(i, j int) bool {
		if sp[i].a != sp[j].a {
			return sp[i].a < sp[j].a
		}
		return sp[i].b > sp[j].b
	})
	out := sp[:1]
	for _, x := range sp[1:] {
		last := &out[len(out)-1]
		if x.a <= last.b {
			if x.b > last.b {
				last.b = x.b
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// applySpans returns s with each span (sorted, disjoint) replaced by MaskMark.
func applySpans(s string, sp []span) string {
	if len(sp) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := 0
	for _, x := range sp {
		b.WriteString(s[prev:x.a])
		b.WriteString(MaskMark)
		prev = x.b
	}
	b.WriteString(s[prev:])
	return b.String()
}

// inSpans reports whether [a, b) overlaps one of the sorted spans.
func inSpans(sp []span, a, b int) bool {
	i := sort.Search(len(sp), func(i int) bool { return sp[i].b > a })
	return i < len(sp) && sp[i].a < b
}

// placeSuffixes are nouns that make the name-like word right before them a
// place, a facility or an event rather than a person (菊名池公園, 熊野神社,
// 夏祭り, 日吉祭).
var placeSuffixes = map[string]bool{
	"公園": true, "神社": true, "寺": true, "池": true, "駅": true, "駅前": true, "橋": true, "川": true,
	"町": true, "通り": true, "小学校": true, "中学校": true, "高校": true, "会館": true, "集会所": true,
	"台": true, "坂": true, "商店街": true, "団地": true, "公会堂": true, "地区": true, "丁目": true,
	"祭り": true, "祭": true, "まつり": true, "緑地": true, "広場": true, "霊園": true, "球場": true,
	"踏切": true, "交差点": true, "バス停": true, "病院": true, "図書館": true, "保育園": true, "幼稚園": true,
}

// commonOneRune are one-kanji words that the dictionary also knows as
// surnames or given names (夏, 森, 林): standing alone, without an
// honorific or another name next to them, they are the common nouns.
var commonOneRune = map[string]bool{
	"春": true, "夏": true, "秋": true, "冬": true, "森": true, "林": true, "岡": true, "谷": true,
	"浜": true, "松": true, "竹": true, "梅": true, "桜": true, "池": true, "川": true, "山": true,
	"原": true, "野": true, "島": true, "坂": true, "橋": true, "沢": true, "畑": true, "泉": true,
	"空": true, "海": true, "星": true, "光": true, "雪": true, "月": true,
}

// placeLike reports whether the name token toks[i] is, in context, not a
// person: it (with the name tokens right after it) is followed by a place,
// facility or event noun (placeSuffixes), it ends in 町 (a town), or it is a
// one-kanji common word (commonOneRune) with no honorific after it and no
// other name token next to it.
//
// Note: over-masking matters too (issue 28: 「夏祭り」 printed as
// 「〇〇祭り」). A one-kanji surname used without さん (「森が言っていた」)
// is left readable by this rule; the leak tests keep names with an
// honorific, full names and two-kanji surnames masked.
func placeLike(toks []tokenizer.Token, i int) bool {
	isName := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		pos := toks[k].POS()
		return len(pos) >= 3 && pos[0] == "名詞" && pos[1] == "固有名詞" && pos[2] == "人名"
	}
	j := i + 1
	for j < len(toks) && isName(j) {
		j++
	}
	if j < len(toks) && placeSuffixes[toks[j].Surface] {
		return true
	}
	if strings.HasSuffix(toks[i].Surface, "町") && utf8.RuneCountInString(toks[i].Surface) > 1 {
		return true
	}
	if commonOneRune[toks[i].Surface] && !isName(i-1) && !isName(i+1) {
		if i+1 < len(toks) {
			if p := toks[i+1].POS(); len(p) >= 3 && p[1] == "接尾" && p[2] == "人名" {
				return false
			}
		}
		return true
	}
	return false
}
