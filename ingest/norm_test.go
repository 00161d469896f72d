package ingest

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

func TestNorm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  日吉 ", "日吉"},
		{"\u3000日吉\u3000", "日吉"}, // ideographic space
		{"１２", "12"},
		{"Ｑ４", "Q4"},
		{"ｶﾞｲﾄﾞ", "ガイド"}, // half-width katakana
		{"回答者 ID", "回答者 ID"},
	} {
		if got := Norm(c.in); got != c.want {
			t.Errorf("Norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := NormKey(" 回答者　ＩＤ "); got != "回答者ID" {
		t.Errorf("NormKey = %q", got)
	}
}

func TestParseCode(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true}, {"01", 1, true}, {"1.0", 1, true}, {"-1", -1, true},
		{"1.5", 0, false}, {"", 0, false}, {"a", 0, false}, {"1e400", 0, false},
		{Norm("１"), 1, true}, {"99999999999999999999", 0, false},
	} {
		got, ok := ParseCode(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseCode(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12", 12, true}, {"1,234", 1234, true}, {"3.5", 3.5, true}, {"-2", -2, true},
		{"abc", 0, false}, {"", 0, false}, {"NaN", 0, false}, {"1e999", 0, false},
	} {
		got, ok := ParseNumber(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestIsNoAnswer(t *testing.T) {
	for _, v := range []string{"", "無回答", "NA", "N/A", "-", "－", "不明"} {
		if !IsNoAnswer(Norm(v)) {
			t.Errorf("IsNoAnswer(%q) = false", v)
		}
	}
	for _, v := range []string{"0", "1", "なし", "その他"} {
		if IsNoAnswer(Norm(v)) {
			t.Errorf("IsNoAnswer(%q) = true", v)
		}
	}
}

func TestSplitList(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"日吉,日吉地区連合", []string{"日吉", "日吉地区連合"}},
		{"1、3；５", []string{"1", "3", "5"}},
		{" a ,, b \n c", []string{"a", "b", "c"}},
		{"", nil},
		{" , 、", nil},
	} {
		if got := SplitList(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitList(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestChoiceBits(t *testing.T) {
	var b ChoiceBits
	b = b.With(0).With(3).With(63)
	if !b.Has(0) || !b.Has(3) || !b.Has(63) || b.Has(1) || b.Has(64) || b.Has(-1) {
		t.Errorf("bits %b", b)
	}
	if b.Count() != 3 {
		t.Errorf("Count = %d", b.Count())
	}
}

func TestNumberAnswer(t *testing.T) {
	for _, v := range []float64{0, -0.5, 1, 42, -1e300, 1e300, 1234.5} {
		a := NumberAnswer(v)
		got, ok := a.Number()
		if !ok || got != v || a.Empty() {
			t.Errorf("NumberAnswer(%v) → %v, %v, empty %v", v, got, ok, a.Empty())
		}
	}
	if _, ok := (Answer{}).Number(); ok {
		t.Error("zero Answer holds a number")
	}
	if !(Answer{}).Empty() {
		t.Error("zero Answer is not empty")
	}
	if s := unsafe.Sizeof(Answer{}); s != 24 {
		t.Errorf("Answer is %d bytes, want 24 (memory goal)", s)
	}
}

// parseCodeStrconv is ParseCode before issue 29, on strconv alone: the
// reference FuzzParseCode compares with.
func parseCodeStrconv(v string) (int, bool) {
	if v == "" || len(v) > 18 {
		return 0, false
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

var parseCodeSeeds = []string{"", "0", "1", "01", "007", "1.0", "1.5", "-2", "+3", "-0", "1e3", "1E3", "1_000",
	"0x10", "0x1p4", "0b11", "0o7", "Inf", "+inf", "-Infinity", "NaN", "nan", "3,7", "１", "1 ", " 1", "1\t",
	"999999999999999999", "9999999999999999999", "1000000000000000.0", "999999999999999.0", "1e15", "1e16",
	"-1e15", ".5", "5.", ".", "-", "+", "e", "1e", "無回答", "その他", "R000123", "12a", "1..2", "1.0.0"}

// TestParseCodeStrconv checks ParseCode against parseCodeStrconv on the seeds.
func TestParseCodeStrconv(t *testing.T) {
	for _, s := range parseCodeSeeds {
		gi, gok := ParseCode(s)
		wi, wok := parseCodeStrconv(s)
		if gi != wi || gok != wok {
			t.Errorf("ParseCode(%q) = %d, %v; strconv: %d, %v", s, gi, gok, wi, wok)
		}
	}
}

// FuzzParseCode compares ParseCode's shortcuts with strconv alone.
func FuzzParseCode(f *testing.F) {
	for _, s := range parseCodeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gi, gok := ParseCode(s)
		wi, wok := parseCodeStrconv(s)
		if gi != wi || gok != wok {
			t.Errorf("ParseCode(%q) = %d, %v; strconv: %d, %v", s, gi, gok, wi, wok)
		}
	})
}

// FuzzNorm checks Norm's ASCII shortcut against NFKC and TrimSpace.
func FuzzNorm(f *testing.F) {
	for _, s := range append(parseCodeSeeds, " a", "a ", "a\tb", "ｱ", "Ｒ１", "R000123", "\x7f", "a\x00",
		"新吉田", "か\u3099", "ｶﾞ", "あ\u3000い", "㍿", "ケアプラザの体操教室に通って元気に過ごしています。", "ゟ", "ヿ", "\xe3\x81") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Norm(s), strings.TrimSpace(norm.NFKC.String(s)); got != want {
			t.Errorf("Norm(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestNFKCStable checks Norm's table of runes against the normalizer: each
// marked rune alone, after printable ASCII and after every rune of
// U+3000–U+30FF (kana and ideographic punctuation, where composition lives
// in this range), and each rune of U+3000–U+9FFF after a marked kana.
func TestNFKCStable(t *testing.T) {
	ref := func(s string) string { return strings.TrimSpace(norm.NFKC.String(s)) }
	marked := 0
	for r := rune(0x3000); r < 0xa000; r++ {
		s := string(r)
		for _, pre := range []string{"", "a", "か", "カ", "日", "1"} {
			if got, want := Norm(pre+s), ref(pre+s); got != want {
				t.Fatalf("Norm(%q) = %q, want %q", pre+s, got, want)
			}
		}
		if Norm(s) == s && nfkcStable()[(r-0x3000)>>6]&(1<<(r&63)) != 0 {
			marked++
		}
	}
	for a := rune(0x3000); a < 0x3100; a++ {
		for b := rune(0x3000); b < 0x3100; b++ {
			s := string(a) + string(b)
			if got, want := Norm(s), ref(s); got != want {
				t.Fatalf("Norm(%q) = %q, want %q", s, got, want)
			}
		}
	}
	// Note: the kana and the unified ideographs (about 21,000) at least.
	if marked < 20000 {
		t.Errorf("only %d runes marked stable", marked)
	}
}

// FuzzParseNumber compares ParseNumber's digits shortcut with strconv alone.
func FuzzParseNumber(f *testing.F) {
	for _, s := range append(parseCodeSeeds, "0", "007", "123456789012345", "1234567890123456", "9007199254740993", "1,234", "3.5", "-2") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gok := ParseNumber(s)
		want, wok := 0.0, false
		if s != "" {
			f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
			if err == nil && f == f && f <= 1e300 && f >= -1e300 {
				want, wok = f, true
			}
		}
		if math.Float64bits(got) != math.Float64bits(want) || gok != wok {
			t.Errorf("ParseNumber(%q) = %v, %v; strconv: %v, %v", s, got, gok, want, wok)
		}
	})
}
