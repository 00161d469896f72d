package ingest

import (
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Norm returns s after NFKC and trimming of spaces (including the ideographic space,
// which NFKC turns into an ASCII space). Values and headers are compared this way.
//
// Note: printable ASCII is its own NFKC, so such a value (a code, an ID)
// skips the normalizer, which every cell of a survey goes through.
//
// So is a text of kana, kanji and the ideographic punctuation between U+3000
// and U+9FFF that NFKC leaves alone and that never combine with what
// precedes them (nfkcStable); a district name or a free-text answer is
// mostly such characters, and checking them against a table is several
// times faster than the normalizer's own check (FuzzNorm, TestNFKCStable).
func Norm(s string) string {
	var stable *[(0xa000 - 0x3000) / 64]uint64 // nfkcStable, once needed
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < 0x7f {
			i++
			continue
		}
		// Note: lead bytes E3–E9 with two continuation bytes are exactly
		// U+3000–U+9FFF.
		if c >= 0xe3 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			r := int(c&0x0f)<<12 | int(s[i+1]&0x3f)<<6 | int(s[i+2]&0x3f)
			if stable == nil {
				stable = nfkcStable()
			}
			if stable[(r-0x3000)>>6]&(1<<(r&63)) != 0 {
				i += 3
				continue
			}
		}
		return strings.TrimSpace(norm.NFKC.String(s))
	}
	return s
}

// nfkcStable marks the runes from U+3000 to U+9FFF that are their own NFKC
// (composed kana such as で included), start a new segment (never compose
// with a rune before them, never reordered with its marks: combining class 0,
// also of their decomposition's first rune) and are not spaces: a string of
// such runes and printable ASCII is its own Norm.
var nfkcStable = sync.OnceValue(func() *[(0xa000 - 0x3000) / 64]uint64 {
	var bits [(0xa000 - 0x3000) / 64]uint64
	for r := rune(0x3000); r < 0xa000; r++ {
		s := string(r)
		p := norm.NFKC.PropertiesString(s)
		if p.BoundaryBefore() && p.CCC() == 0 && p.LeadCCC() == 0 && norm.NFKC.String(s) == s && !unicode.IsSpace(r) {
			bits[(r-0x3000)>>6] |= 1 << (r & 63)
		}
	}
	return &bits
})

// NormKey returns Norm(s) with inner spaces removed, for matching headers and
// keywords where `回答者 ID` and `回答者ID` mean the same.
func NormKey(s string) string {
	s = Norm(s)
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// IsNoAnswer reports whether the normalized value v means no answer.
// The spellings are those of inputs.md section 3, after Norm.
//
// Note: a switch rather than a map: it runs on every categorical value.
func IsNoAnswer(v string) bool {
	switch v {
	case "", "無回答", "NA", "N/A", "na", "n/a", "-", "－", "−", "ー", "不明":
		return true
	}
	return false
}

// ParseCode parses a normalized choice code: "1", "1.0", "01"; full-width digits are
// already ASCII after Norm. It reports false for anything else, including "1.5".
//
// Note: it is called on every categorical value, labels and code lists
// included; strconv's errors allocate, so what strconv would refuse is
// refused first without it (FuzzParseCode compares with strconv alone):
// plain digits are the code itself, and a string with a byte outside
// [0-9A-Za-z+-._] is neither an integer nor a float to ParseFloat.
func ParseCode(v string) (int, bool) {
	if v == "" || len(v) > 18 {
		return 0, false
	}
	n, digits := 0, true
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0') // at most 18 digits: no overflow
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '+', c == '-', c == '.', c == '_':
			digits = false
		default:
			return 0, false
		}
	}
	if digits {
		return n, true
	}
	if i, err := strconv.Atoi(v); err == nil {
		return i, true
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != float64(int64(f)) || f > 1e15 || f < -1e15 {
		return 0, false
	}
	return int(f), true
}

// ParseNumber parses a normalized number: "12", "1,234", "3.5", "-2". Thousands
// separators are accepted; anything else is not a number.
func ParseNumber(v string) (float64, bool) {
	if v == "" {
		return 0, false
	}
	// Note: up to 15 digits alone are an integer below 2^53, which
	// ParseFloat returns exactly; most numbers are such (FuzzParseNumber).
	if len(v) <= 15 {
		n, i := 0, 0
		for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
			n = n*10 + int(v[i]-'0')
		}
		if i == len(v) {
			return float64(n), true
		}
	}
	s := strings.ReplaceAll(v, ",", "")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e300 || f < -1e300 {
		return 0, false
	}
	return f, true
}

// SplitList splits a definitions list (別名, キーワード, 該当コード, 地区 of a hearing)
// on 、 , ， ; ； and line breaks, normalizing and dropping empty parts.
func SplitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', '、', '，', ';', '；', '\n', '\r', '､':
			return true
		}
		return false
	})
	out := f[:0]
	for _, p := range f {
		if p = Norm(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
