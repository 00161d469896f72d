package render

import (
	"strings"
	"unicode"
)

// Note: fpdf's MultiCell drops characters at line breaks in Japanese text, so the
// PDF writer wraps every text itself with wrapText and prints line by line.

// noLineStart holds the characters a line may not begin with (行頭禁則).
const noLineStart = "、。，．,.:;：；!?！？)）]］}｝」』】〕〉》〙〗’”・ー－…‥ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ%％"

// noLineEnd holds the characters a line may not end with (行末禁則).
const noLineEnd = "(（[［{｛「『【〔〈《〘〖‘“"

func isNoLineStart(r rune) bool { return strings.ContainsRune(noLineStart, r) }
func isNoLineEnd(r rune) bool   { return strings.ContainsRune(noLineEnd, r) }

// isWordRune reports whether r belongs to a run of Latin letters or digits that
// should not be split across lines (numbers like 1,234.5 and words like NPO).
func isWordRune(r rune) bool {
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
// bracket, and a Latin word is not split; it never returns start or less.
func breakAt(rs []rune, start, end int) int {
	orig := end
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
	// Note: 追い出し (pushing characters to the next line) rather than ぶら下げ,
	// because the measured width is a hard limit for table cells.
	for end > start+1 && (isNoLineStart(rs[end]) || isNoLineEnd(rs[end-1])) {
		end--
	}
	if isNoLineStart(rs[end]) || isNoLineEnd(rs[end-1]) {
		return orig // nothing better: the whole line is forbidden characters
	}
	return end
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
