package ingest

import "strings"

// Suggestions: when a name matches nothing (a district, an initiative, a
// flag), the nearest known name is offered as 「もしかして …」. Nothing is
// ever matched by a suggestion alone except through the variant table, which
// folds spellings that mean the same place (大曾根 and 大曽根).

// variantFold maps a character to the one form used to compare names: the
// old and variant forms of kanji that place names are written with, and the
// small ヶ written in several ways. The table is deliberately small: each
// pair is one that ward staff and residents use interchangeably in names.
var variantFold = map[rune]rune{
	'曾': '曽',
	'邊': '辺', '邉': '辺',
	'髙': '高',
	'﨑': '崎', '嵜': '崎',
	'德': '徳',
	'濵': '浜', '濱': '浜',
	'澤': '沢',
	'冨': '富',
	'國': '国',
	'櫻': '桜',
	'廣': '広',
	'藏': '蔵',
	'龍': '竜',
	'瀨': '瀬',
	'ヶ': 'ケ', 'ヵ': 'ケ', 'が': 'ケ', 'ッ': 'ツ',
}

// FoldVariants returns NormKey(s) with every variant character replaced by
// its common form (variantFold), so that 大曾根 and 大曽根, 渡邊 and 渡辺, 髙田
// and 高田, 霞ヶ丘 and 霞が丘 compare equal.
func FoldVariants(s string) string {
	s = NormKey(s)
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := variantFold[r]; return ok }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if f, ok := variantFold[r]; ok {
			return f
		}
		return r
	}, s)
}

// editDistance returns the optimal-string-alignment distance between a and
// b in runes: insertions, deletions, substitutions and swaps of two
// neighbours (-entyr for -entry) each count one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// maxSuggestRunes bounds the names compared: a suggestion is for a short name
// mistyped, not for a paragraph (and keeps the quadratic distance cheap).
const maxSuggestRunes = 64

// Nearest returns the candidate nearest to s (after FoldVariants), or "" when
// none is near enough: the distance must be at most a third of the longer
// name's length (at least 1), so that 北 is not offered for 南. Ties go to the
// earlier candidate, so the answer does not depend on map order.
func Nearest(s string, candidates []string) string {
	fs := FoldVariants(s)
	if fs == "" || len([]rune(fs)) > maxSuggestRunes {
		return ""
	}
	best, bestD := "", -1
	for _, c := range candidates {
		fc := FoldVariants(c)
		if fc == "" || len([]rune(fc)) > maxSuggestRunes {
			continue
		}
		d := editDistance(fs, fc)
		limit := max(len([]rune(fs)), len([]rune(fc))) / 3
		if limit < 1 {
			limit = 1
		}
		if d > limit || d >= max(len([]rune(fs)), len([]rune(fc))) {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// maxSuggested is how many distinct values one suggester looks up: a file
// with thousands of different misspellings gets its suggestions for the
// first ones only, so that a bad file cannot make the reader quadratic.
const maxSuggested = 200

// A suggester finds the nearest of a fixed list of names (Nearest), caching
// each value's answer and looking up at most maxSuggested values.
type suggester struct {
	names []string
	cache map[string]string
}

func newSuggester(names []string) *suggester {
	return &suggester{names: names, cache: map[string]string{}}
}

// nearest returns Nearest(v, s.names), or "" once the budget is spent.
func (s *suggester) nearest(v string) string {
	if r, ok := s.cache[v]; ok {
		return r
	}
	if len(s.cache) >= maxSuggested {
		return ""
	}
	r := Nearest(v, s.names)
	s.cache[v] = r
	return r
}
