package analyze

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ikawaha/kagome/v2/tokenizer"
	"golang.org/x/text/unicode/norm"

	"midreview/ingest"
)

// hardFacilityWords are the facility words a place is named by, with the
// qualifier before them (大倉山公園, 日吉駅前, 篠原の公園).
var hardFacilityWords = []string{"集会所", "自治会館", "町内会館", "会館", "公会堂", "地区センター",
	"コミュニティハウス", "公園", "児童公園", "広場", "緑地", "遊び場", "駅", "バス停", "停留所",
	"交差点", "歩道橋", "踏切", "商店街", "団地", "通学路", "小学校", "中学校", "坂", "坂道", "病院",
	"ケアプラザ", "地域ケアプラザ", "スーパー", "橋", "川", "トンネル"}

// hardPlaceSuffixes may follow a facility word in a place (日吉駅前).
var hardPlaceSuffixes = map[string]bool{"前": true, "周辺": true, "付近": true, "西口": true,
	"東口": true, "北口": true, "南口": true, "入口": true, "裏": true, "横": true, "通り": true}

// A placeFinder finds the place a text names: a 町名 of sheet 町名 or a
// facility word with its qualifier.
type placeFinder struct {
	towns []string // NFKC, 丁目 numerals as digits; longest first
	names map[string]bool
}

var reChome = regexp.MustCompile(`([0-9〇一二三四五六七八九十]+)丁目`)

// chomeDigits writes the numerals before 丁目 as digits (三丁目 → 3丁目).
func chomeDigits(s string) string {
	return reChome.ReplaceAllStringFunc(s, func(m string) string {
		n := strings.TrimSuffix(m, "丁目")
		if _, err := strconv.Atoi(n); err == nil {
			return m
		}
		return strconv.Itoa(kanjiNumber(n)) + "丁目"
	})
}

// kanjiNumber reads a kanji numeral up to 99 (十二, 二十, 三).
func kanjiNumber(s string) int {
	digit := map[rune]int{'〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		cur = cur*10 + digit[r]
	}
	return n + cur
}

func newPlaceFinder(b *ingest.Batch) *placeFinder {
	pf := &placeFinder{names: map[string]bool{}}
	if b == nil {
		return pf
	}
	seen := map[string]bool{}
	for _, t := range b.Towns {
		n := chomeDigits(norm.NFKC.String(strings.TrimSpace(t.Name)))
		pf.names[n] = true
		// Note: a town is matched by its name without 丁目 (日吉本町1丁目 →
		// 日吉本町), and the 丁目 is read from the text, in digits or kanji.
		n = reTownChome.ReplaceAllString(n, "")
		if n != "" && !seen[n] {
			seen[n] = true
			pf.towns = append(pf.towns, n)
		}
	}
	for _, d := range b.Districts {
		pf.names[norm.NFKC.String(d.Name)] = true
		for _, a := range d.Aliases {
			pf.names[norm.NFKC.String(a)] = true
		}
	}
	sortLongestFirst(pf.towns)
	return pf
}

var (
	reTownChome = regexp.MustCompile(`[0-9]+丁目$`)
	reTextChome = regexp.MustCompile(`^[0-9〇一二三四五六七八九十]+丁目`)
)

func sortLongestFirst(ws []string) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && (len(ws[j]) > len(ws[j-1]) || len(ws[j]) == len(ws[j-1]) && ws[j] < ws[j-1]); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// find returns the place of text s (NFKC) with tokens toks and masked spans
// sp: the first facility word with a qualifier, then the first 町名 (with
// its 丁目), joined with ・ when both are found and the facility does not
// hold the town; "" when the text names neither. Masked text is never part
// of a place.
func (pf *placeFinder) find(s string, toks []tokenizer.Token, sp []span) string {
	fac := pf.facility(toks, sp)
	town := pf.town(s, sp)
	switch {
	case fac == "":
		return town
	case town == "" || strings.Contains(fac, reTownChome.ReplaceAllString(town, "")):
		return fac
	}
	return town + "・" + fac
}

// town returns the first (then longest) 町名 in s outside the masked spans,
// with the 丁目 that follows it (as digits) unless that is masked.
func (pf *placeFinder) town(s string, sp []span) string {
	best, at := "", -1
	for _, t := range pf.towns {
		for off := 0; off < len(s); {
			i := strings.Index(s[off:], t)
			if i < 0 {
				break
			}
			i += off
			if !inSpans(sp, i, i+len(t)) {
				if at < 0 || i < at {
					best, at = t, i
				}
				break
			}
			off = i + len(t)
		}
	}
	if at < 0 {
		return ""
	}
	e := at + len(best)
	if m := reTextChome.FindString(s[e:]); m != "" && !inSpans(sp, e, e+len(m)) {
		best += chomeDigits(m)
	}
	return best
}

// facility returns the first facility word with a qualifier: the nouns of
// its compound before it (大倉山公園, 日吉駅), or a district or town name
// and の (篠原の公園), with a place suffix after it (前, 周辺).
func (pf *placeFinder) facility(toks []tokenizer.Token, sp []span) string {
	masked := func(t tokenizer.Token) bool { return inSpans(sp, t.Position, t.Position+len(t.Surface)) }
	inside := 0 // tokens before this index belong to a facility word already tried
	for i := range toks {
		if i < inside {
			continue
		}
		end, suffixed := -1, false
		for _, w := range hardFacilityWords {
			if e := tokenRun(toks, i, w); e > end {
				end = e
			}
			if rest, ok := strings.CutPrefix(toks[i].Surface, w); ok && hardPlaceSuffixes[rest] {
				end, suffixed = i+1, true // 駅前 as one token
			}
		}
		if end < 0 || masked(toks[i]) {
			continue
		}
		inside = end // 自治会館 is not 会館 qualified by 自治
		// qualifier: the nouns right before it
		q := qualifierStart(toks, i, masked)
		qual := compoundText(toks, q, i)
		if qual == "" && i >= 2 && toks[i-1].Surface == "の" {
			// a district or town name and の (篠原の公園, 新吉田町のバス停)
			if j := qualifierStart(toks, i-1, masked); j < i-1 && pf.isName(compoundText(toks, j, i-1)) {
				qual = compoundText(toks, j, i)
			}
		}
		if qual == "" || qual == "近く" || qual == "近所" || qual == "地域" || qual == "地区" {
			continue
		}
		if !suffixed && end < len(toks) && hardPlaceSuffixes[toks[end].Surface] {
			end++
		}
		return qual + compoundText(toks, i, end)
	}
	return ""
}

// qualifierStart returns where the nouns right before token i begin (i
// when none): a compound of nouns, not a pronoun, a dependent noun or an
// adverbial one, with an ordinal (第二) taken whole; a masked token ends it.
func qualifierStart(toks []tokenizer.Token, i int, masked func(tokenizer.Token) bool) int {
	q := i
	for q > 0 {
		t := toks[q-1]
		pos := t.POS()
		if !masked(t) && len(pos) > 1 && pos[0] == "接頭詞" && pos[1] == "名詞接続" && q < i {
			q-- // 新 of 新羽 (a prefix by the dictionary), never alone
			continue
		}
		if masked(t) || len(pos) < 2 || pos[0] != "名詞" {
			break
		}
		if pos[1] == "数" {
			// 第二集会所, 日吉第二公園: the numerals and 第 before them
			j := q - 1
			for j > 0 && !masked(toks[j-1]) && len(toks[j-1].POS()) > 1 && toks[j-1].POS()[1] == "数" {
				j--
			}
			if j == 0 || toks[j-1].Surface != "第" || masked(toks[j-1]) {
				break
			}
			q = j - 1
			continue
		}
		if pos[1] == "代名詞" || pos[1] == "非自立" || pos[1] == "副詞可能" {
			break
		}
		q--
	}
	return q
}

// isName reports whether s (NFKC) is a district, an alias or a 町名, with
// or without its 丁目.
func (pf *placeFinder) isName(s string) bool {
	s = chomeDigits(s)
	return pf.names[s] || slices.Contains(pf.towns, s)
}

// tokenRun returns the token after word w when the surfaces of tokens from i
// on spell it exactly, else -1.
func tokenRun(toks []tokenizer.Token, i int, w string) int {
	s := ""
	for j := i; j < len(toks); j++ {
		s += toks[j].Surface
		if s == w {
			return j + 1
		}
		if !strings.HasPrefix(w, s) {
			return -1
		}
	}
	return -1
}
