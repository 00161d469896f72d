package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// runeWidth measures every rune as 1, so a width of 5 holds 5 runes.
func runeWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"fits", "地域福祉", 5, []string{"地域福祉"}},
		{"plain break", "地域福祉保健計画の中間評価", 5, []string{"地域福祉保", "健計画の中", "間評価"}},
		// 。 would start line 2: the break moves back one rune (追い出し).
		{"no 。 at line start", "あいうえお。かき", 5, []string{"あいうえ", "お。かき"}},
		{"no 、 at line start", "あいうえお、かき", 5, []string{"あいうえ", "お、かき"}},
		{"no small kana at line start", "あいうえおっと", 5, []string{"あいうえ", "おっと"}},
		{"no ー at line start", "あいうえおーと", 5, []string{"あいうえ", "おーと"}},
		{"no closing bracket at line start", "あいうえお」と", 5, []string{"あいうえ", "お」と"}},
		{"no run of closers at line start", "あいうえ）。か", 5, []string{"あいう", "え）。か"}},
		// 「 may not end line 1: it moves down with what follows.
		{"no 「 at line end", "あいうえ「おか」", 5, []string{"あいうえ", "「おか」"}},
		{"no （ at line end", "あいうえ（お）", 5, []string{"あいうえ", "（お）"}},
		{"latin word kept whole", "あいうNPO法人", 5, []string{"あいう", "NPO法人"}},
		{"number kept whole", "回答12,345件", 6, []string{"回答", "12,345", "件"}},
		{"word longer than a line is split", "ABCDEFGHIJ", 4, []string{"ABCD", "EFGH", "IJ"}},
		{"space break drops leading space", "abc defgh", 7, []string{"abc", "defgh"}},
		{"explicit newline", "あい\nうえ", 5, []string{"あい", "うえ"}},
		{"empty", "", 5, []string{""}},
		{"all forbidden keeps progress", "。。。。。。。", 3, []string{"。。。", "。。。", "。"}},
		{"narrower than one rune", "あい", 0.5, []string{"あ", "い"}},
		// Reader report: 「世代（1」/「2）」 (report.pdf) and 「目標値（80.」/「0%）」
		// (map and cycle report.pdf). 禁則 moved the break before 「）」 back
		// into the number; the number and its short bracket now move down whole.
		{"number in brackets before 、", "（15）、世代（12）、少ない", 10, []string{"（15）、世代", "（12）、少ない"}},
		{"decimal and % in brackets", "目標値（80.0%）の達成", 9, []string{"目標値", "（80.0%）の達", "成"}},
		{"decimal and % in brackets, wider", "今回75.0%で、目標値（80.0%）の達成", 16, []string{"今回75.0%で、目標値", "（80.0%）の達成"}},
		{"decimal number alone", "策定時の値は80.0%です", 9, []string{"策定時の値は", "80.0%です"}},
		{"full-width number and ％", "回答は１２３％です", 5, []string{"回答は", "１２３％で", "す"}},
		{"short bracket of words", "地区の結果（参考値）です", 8, []string{"地区の結果", "（参考値）です"}},
		// A bracket longer than shortBracket is broken inside as any text.
		{"long bracket breaks inside", "注（これは長い説明の文です）", 8, []string{"注（これは長い説", "明の文です）"}},
		// A short bracket at the start of a line wider than the line is split.
		{"bracket wider than the line", "（12345）", 4, []string{"（123", "45）"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := wrapText(c.in, c.width, runeWidth)
			if !slices.Equal(got, c.want) {
				t.Errorf("wrapText(%q, %v) = %q, want %q", c.in, c.width, got, c.want)
			}
		})
	}
}

// TestWrapTextRules checks the 禁則 rules and that no rune is lost on a longer
// text at every width.
func TestWrapTextRules(t *testing.T) {
	s := "近所づきあいが少なくなり、災害のときが不安です。（「いざという時」に頼れる人がいない。）自治会の活動をNPO法人と一緒に12,345人へ知らせる機会がもっとあればよいと思います！ッ"
	for w := 3.0; w <= 30; w++ {
		lines := wrapText(s, w, runeWidth)
		if got := strings.Join(lines, ""); got != s {
			t.Fatalf("width %v: runes lost:\n%q", w, lines)
		}
		for i, l := range lines {
			if runeWidth(l) > w {
				t.Errorf("width %v: line %q too wide", w, l)
			}
			r, _ := utf8.DecodeRuneInString(l)
			if i > 0 && isNoLineStart(r) {
				t.Errorf("width %v: line %d starts with %q: %q", w, i, r, lines)
			}
			e, _ := utf8.DecodeLastRuneInString(l)
			if i < len(lines)-1 && isNoLineEnd(e) {
				t.Errorf("width %v: line %d ends with %q: %q", w, i, e, lines)
			}
		}
	}
}

func TestFitText(t *testing.T) {
	for _, c := range []struct {
		in    string
		width float64
		want  string
	}{
		{"地域福祉", 4, "地域福祉"},
		{"地域福祉保健計画", 4, "地域福…"},
		{"地域", 0.5, "…"},
	} {
		if got := fitText(c.in, c.width, runeWidth); got != c.want {
			t.Errorf("fitText(%q, %v) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

// FuzzWrapText checks that wrapping any text loses no rune (but dropped spaces
// at breaks) and never panics.
func FuzzWrapText(f *testing.F) {
	f.Add("あいうえお。かき", 5.0)
	f.Add("abc def「ghi」", 3.0)
	f.Fuzz(func(t *testing.T, s string, w float64) {
		if !utf8.ValidString(s) || w != w {
			return
		}
		lines := wrapText(s, w, runeWidth)
		strip := func(x string) string {
			return strings.NewReplacer(" ", "", "\n", "", "\r", "").Replace(x)
		}
		if strip(strings.Join(lines, "")) != strip(s) {
			t.Errorf("wrapText(%q, %v) lost runes: %q", s, w, lines)
		}
	})
}

func TestCapLines(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		n     int
		want  []string
	}{
		{"fits", []string{"ab", "cd"}, 2, []string{"ab", "cd"}},
		// "cd…" is 3 runes wide, over width 2: fitText shortens it to "c…".
		{"cut", []string{"ab", "cd", "ef"}, 2, []string{"ab", "c…"}},
		{"one", []string{"a", "b"}, 1, []string{"a…"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := capLines(tt.lines, tt.n, 2, runeWidth)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
