package pdf

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Note: fpdf's MultiCell drops characters at line breaks in Japanese text, so the
// PDF writer wraps every text itself with wrapText and prints line by line.

// noLineStart holds the characters a line may not begin with (行頭禁則).
const noLineStart = "、。，．,.:;：；!?！？)）]］}｝」』】〕〉》〙〗’”・ー－…‥ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ%％"

// noLineEnd holds the characters a line may not end with (行末禁則).
const noLineEnd = "(（[［{｛「『【〔〈《〘〖‘“"

func isNoLineStart(r rune) bool { return noLineStartSet.has(r) }
func isNoLineEnd(r rune) bool   { return noLineEndSet.has(r) }

// The sets of noLineStart and noLineEnd, and of the breaks of headBreak's
// level 1 (issue 29: a rune looked up in a set rather than in a string).
var (
	noLineStartSet  = setOf(noLineStart)
	noLineEndSet    = setOf(noLineEnd)
	headBreakAfter  = setOf("、・，,／/ 　）)」』")
	headBreakBefore = setOf("（(「『")
)

// setOf returns the set of the runes of s.
func setOf(s string) *runeSet {
	set := new(runeSet)
	set.addString(s)
	return set
}

// isWordRune reports whether r belongs to a run of Latin letters or digits that
// should not be split across lines (numbers like 1,234.5, 80.0% and ８０％, and
// words like NPO).
func isWordRune(r rune) bool {
	if r >= '０' && r <= '９' || r == '％' {
		return true // a full-width number and its %
	}
	return r < 0x2000 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '%' || r == '-' || r == '+' || r == '/' || r == '=' || r == '_')
}

// wrapText splits s into lines no wider than width as measured by measure,
// following explicit newlines, keeping Latin words and numbers whole when they
// fit on a line, and applying 禁則処理: no line starts with a character of
// noLineStart and none ends with one of noLineEnd. A single character wider than
// width still gets a line of its own. Leading spaces of wrapped lines are dropped.
func wrapText(s string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		lines = append(lines, wrapPara([]rune(para), width, measure)...)
	}
	return lines
}

func wrapPara(rs []rune, width float64, measure func(string) float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	var lines []string
	start := 0
	for start < len(rs) {
		// Longest prefix from start that fits (at least one rune). fpdf does
		// not kern, so widths add up rune by rune.
		end := start + 1
		w := measure(string(rs[start]))
		for end < len(rs) {
			w += measure(string(rs[end]))
			if w > width+1e-9 {
				break
			}
			end++
		}
		if end < len(rs) {
			end = breakAt(rs, start, end)
		}
		lines = append(lines, strings.TrimRight(string(rs[start:end]), " "))
		start = end
		for start < len(rs) && rs[start] == ' ' {
			start++
		}
	}
	return lines
}

// breakAt moves a break before rs[end] back so that the next line does not
// start with a forbidden character, this line does not end with an opening
// bracket, a Latin word or number (with its decimal point, comma and %) is
// not split, and a short bracket such as 「（12）」 or 「（80.0%）」 stays whole;
// it never returns start or less.
//
// Note: the rules are applied until none moves the break, since one can
// put the break where another forbids it: 「世代（12）、」 broken before 「）」
// moved back by 禁則 to between 1 and 2, and 「（80.0%）」 to after 「80.」.
func breakAt(rs []rune, start, end int) int {
	orig := end
	for {
		prev := end
		// Keep a Latin word or number whole.
		if isWordRune(rs[end]) && isWordRune(rs[end-1]) {
			b := end
			for b > start && isWordRune(rs[b-1]) {
				b--
			}
			if b > start {
				end = b
			}
		}
		// Keep a short bracket whole.
		if o := shortBracketAround(rs, end); o > start {
			end = o
		}
		// Note: 追い出し (pushing characters to the next line) rather than ぶら下げ,
		// because the measured width is a hard limit for table cells.
		for end > start+1 && (isNoLineStart(rs[end]) || isNoLineEnd(rs[end-1])) {
			end--
		}
		if end == prev {
			break
		}
	}
	if isNoLineStart(rs[end]) || isNoLineEnd(rs[end-1]) {
		return orig // nothing better: the whole line is forbidden characters
	}
	return end
}

// shortBracket is the most runes between the brackets of a bracket kept on
// one line (「（80.0%）」, 「（12件）」, 「（参考値）」).
const shortBracket = 8

// shortBracketAround returns the index of the opening bracket of a short
// bracket (（…） or (…), at most shortBracket runes inside, none nested) that a
// break before rs[end] would split, or -1.
func shortBracketAround(rs []rune, end int) int {
	open := -1
	for i := end - 1; i >= 0 && i >= end-1-shortBracket; i-- {
		if rs[i] == '（' || rs[i] == '(' {
			open = i
			break
		}
		if rs[i] == '）' || rs[i] == ')' {
			return -1
		}
	}
	if open < 0 {
		return -1
	}
	for i := end; i < len(rs) && i <= open+1+shortBracket; i++ {
		if rs[i] == '）' || rs[i] == ')' {
			return open
		}
		if rs[i] == '（' || rs[i] == '(' {
			return -1
		}
	}
	return -1
}

// wrapList splits a list of items joined by 「、」 into lines no wider than
// width, breaking only after a 「、」 so that no item (「世代（12）」) is split;
// an item wider than a line on its own is wrapped by wrapText.
func wrapList(s string, width float64, measure func(string) float64) []string {
	var lines []string
	cur := ""
	for _, it := range strings.SplitAfter(s, "、") {
		if cur != "" && measure(cur+it) > width+1e-9 {
			lines = append(lines, cur)
			cur = ""
		}
		if cur == "" && measure(it) > width+1e-9 {
			ls := wrapText(it, width, measure)
			lines = append(lines, ls[:len(ls)-1]...)
			cur = ls[len(ls)-1]
			continue
		}
		cur += it
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// listPara prints a list of items joined by 「、」 (view.Para.List) at the
// cursor, wrapped by wrapList, breaking pages between lines.
func (d *pdfDoc) listPara(s, style string, size float64) {
	d.font(style, size)
	lh := size * PtMM * 1.55
	for _, l := range wrapList(s, contentW, d.width) {
		d.need(lh)
		d.textAt(MarginL, d.y()+lh/2, l, 'L')
		d.down(lh)
	}
}

// wrapKey identifies a wrapping of a text in a font (pdfDoc.wrap).
type wrapKey struct {
	s     string
	width float64
	style string
	size  float64
}

// wrap is wrapText in the current font, remembered for the document (the
// dry pass of a chapter (paginate.go), its tries and the real pass wrap the
// same texts) and shared with the other handouts (layoutcache.go). The
// lines are shared: callers must not modify them.
func (d *pdfDoc) wrap(s string, width float64) []string {
	if ls, ok := d.oneLine(s, width); ok {
		return ls
	}
	k := wrapKey{s, width, d.style, d.size}
	if ls, ok := d.wraps[k]; ok {
		return ls
	}
	ls := d.shared.linesOf(lineKey{wrapKey: k}, func() []string { return slices.Clip(wrapText(s, width, d.width)) })
	if d.wraps == nil {
		d.wraps = map[wrapKey][]string{}
	}
	d.wraps[k] = ls
	return ls
}

// oneLine returns wrapText's lines of s in the current font, without
// wrapText, when s is one line that fits width (most table cells), as
// wrapPara measures it: rune by rune, the first rune whatever its width.
func (d *pdfDoc) oneLine(s string, width float64) ([]string, bool) {
	face := d.regular
	if d.style == "B" {
		face = d.bold
	}
	w := 0.0
	for i, r := range s {
		if r == '\n' || r == utf8.RuneError {
			return nil, false
		}
		u := face.units(r)
		if u < 0 {
			return nil, false
		}
		w += float64(u) * (d.size / kMM) / 1000
		if i > 0 && w > width+1e-9 {
			return nil, false
		}
	}
	return []string{strings.TrimRight(s, " ")}, true
}

// fitText shortens s with "…" so that it fits width.
func fitText(s string, width float64, measure func(string) float64) string {
	if measure(s) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := string(rs[:n]) + "…"
		if measure(t) <= width {
			return t
		}
	}
	return "…"
}

// capLines keeps at most n of the wrapped lines, ending the last kept one with
// "…" (fitted to width) when lines were dropped.
func capLines(lines []string, n int, width float64, measure func(string) float64) []string {
	if len(lines) <= n || n < 1 {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	out[n-1] = fitText(out[n-1]+"…", width, measure)
	return out
}

// headLines wraps a table head to width at word boundaries, never inside a
// word when a word fits the width: first after 、・，／ and spaces and before
// an opening bracket; a piece still too wide is broken where a run of kana
// ends (after a particle or okurigana: 「町内会の｜活動」); then where a long
// kana run begins or the script changes between kanji and katakana
// (「健康｜づくり」, 「サロン｜活動」); only a word wider than the column is
// broken inside (wrapText). Explicit newlines are kept.
func headLines(s string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		if measure(para) <= width+1e-9 {
			lines = append(lines, para)
			continue
		}
		var atoms []string
		for _, a := range headPieces([]rune(para), 1, width, measure) {
			if measure(a) > width+1e-9 {
				atoms = append(atoms, wrapText(a, width, measure)...)
				continue
			}
			atoms = append(atoms, a)
		}
		cur := ""
		for _, a := range atoms {
			if cur != "" && measure(strings.TrimRight(cur+a, " 　")) > width+1e-9 {
				lines = append(lines, strings.TrimRight(cur, " 　"))
				cur = strings.TrimLeft(a, " 　")
				continue
			}
			cur += a
		}
		lines = append(lines, strings.TrimRight(cur, " 　"))
	}
	return lines
}

// headPieces splits rs at the breaks of level lv (headBreak) and each piece
// still wider than width at the next level, up to level 3.
func headPieces(rs []rune, lv int, width float64, measure func(string) float64) []string {
	if lv > 3 || measure(string(rs)) <= width+1e-9 {
		return []string{string(rs)}
	}
	var out []string
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || headBreak(rs, i) == lv {
			out = append(out, headPieces(rs[start:i], lv+1, width, measure)...)
			start = i
		}
	}
	return out
}

// scriptOf classifies a rune: 'h' hiragana, 'k' katakana, 'c' kanji, 0 other.
func scriptOf(r rune) byte {
	switch {
	case r >= 0x3041 && r <= 0x309F:
		return 'h'
	case r >= 0x30A0 && r <= 0x30FF:
		return 'k'
	case r >= 0x4E00 && r <= 0x9FFF || r == '々':
		return 'c'
	}
	return 0
}

// headBreak is the level of a break before rs[i] (0 < i < len(rs)): 1 after
// punctuation and spaces or before an opening bracket, 2 where a kana run
// ends before kanji or katakana, 3 where a hiragana run of three or more
// begins after kanji or katakana, or between kanji and katakana; 0 none.
// 禁則 holds at every level: no break before a character that may not begin
// a line or after one that may not end it.
func headBreak(rs []rune, i int) int {
	p, r := rs[i-1], rs[i]
	if isNoLineStart(r) || isNoLineEnd(p) {
		return 0
	}
	switch {
	case headBreakAfter.has(p), headBreakBefore.has(r):
		return 1
	}
	ps, rsc := scriptOf(p), scriptOf(r)
	switch {
	case ps == 'h' && (rsc == 'c' || rsc == 'k'):
		return 2
	case (ps == 'c' || ps == 'k') && rsc == 'h':
		n := 0
		for j := i; j < len(rs) && scriptOf(rs[j]) == 'h'; j++ {
			n++
		}
		if n >= 3 {
			return 3
		}
	case ps == 'c' && rsc == 'k', ps == 'k' && rsc == 'c':
		return 3
	}
	return 0
}
