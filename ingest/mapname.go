package ingest

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// TownKey returns the key a town name is matched by (inputs.md section 10):
// NormKey (NFKC, so full-width digits become ASCII; spaces removed), then the
// number before each 丁目 written in ASCII digits, whether it was written in
// kanji (一丁目, 十二丁目), full width (１丁目) or ASCII (1丁目).
func TownKey(s string) string {
	s = NormKey(s)
	if !strings.Contains(s, "丁目") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "丁目")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		head := s[:i]
		// the run of kanji numerals just before 丁目
		j := len(head)
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(head[:j])
			if _, ok := kanjiDigits[r]; !ok {
				break
			}
			j -= size
		}
		if n, ok := kanjiNumber(head[j:]); ok && j < len(head) {
			head = head[:j] + strconv.Itoa(n)
		} else {
			// ASCII digits: drop leading zeros (01丁目 = 1丁目)
			k := len(head)
			for k > 0 && head[k-1] >= '0' && head[k-1] <= '9' {
				k--
			}
			if k < len(head) {
				if n, err := strconv.Atoi(head[k:]); err == nil {
					head = head[:k] + strconv.Itoa(n)
				}
			}
		}
		b.WriteString(head)
		b.WriteString("丁目")
		s = s[i+len("丁目"):]
	}
}

// townBase returns key without a trailing N丁目 ("日吉本町1丁目" → "日吉本町"),
// and reports whether it had one.
func townBase(key string) (string, bool) {
	k, ok := strings.CutSuffix(key, "丁目")
	if !ok {
		return key, false
	}
	j := len(k)
	for j > 0 && k[j-1] >= '0' && k[j-1] <= '9' {
		j--
	}
	if j == len(k) || j == 0 {
		return key, false
	}
	return k[:j], true
}

var kanjiDigits = map[rune]int{
	'〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'十': 10, '百': 100,
}

// kanjiNumber parses a kanji numeral below 1000 (三, 十二, 二十, 百五, 一〇):
// positional digits (一〇 = 10) or with 十 and 百.
func kanjiNumber(s string) (int, bool) {
	if s == "" || utf8.RuneCountInString(s) > 6 {
		return 0, false
	}
	if !strings.ContainsAny(s, "十百") {
		n := 0
		for _, r := range s {
			n = n*10 + kanjiDigits[r]
		}
		return n, true
	}
	total, cur := 0, 0
	for _, r := range s {
		switch v := kanjiDigits[r]; v {
		case 10, 100:
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur = 0
		default:
			cur = cur*10 + v
		}
	}
	return total + cur, true
}
