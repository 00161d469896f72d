package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"midreview/render/view"
)

func TestCountMax(t *testing.T) {
	for _, tt := range []struct{ top, scale, step float64 }{
		{0, 2, 1}, {1, 2, 1}, {3, 4, 1}, {5, 6, 2}, {10, 10, 2}, {11, 20, 5},
		{100, 100, 20}, {101, 200, 50}, {240, 250, 50}, {1234, 2000, 500},
	} {
		s := view.CountMax(tt.top)
		if s != tt.scale || view.CountStep(s) != tt.step {
			t.Errorf("countMax(%v) = %v step %v, want %v step %v", tt.top, s, view.CountStep(s), tt.scale, tt.step)
		}
	}
}

func TestPhraseLines(t *testing.T) {
	// One rune is one unit wide.
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	for _, tt := range []struct {
		in   string
		w    float64
		want string
	}{
		{"空き家・空き店舗", 8, "空き家・空き店舗"},
		{"空き家・空き店舗", 6, "空き家・|空き店舗"},
		{"都市整備局 地域交通課", 8, "都市整備局|地域交通課"},
		{"空き家の活用相談、地域まちづくり支援制度、まち普請事業", 12, "空き家の活用相談、|地域まちづくり支援制度、|まち普請事業"},
		{"区民アンケート", 4, "区民アンケート"}, // no break point: left to wrapText
		// a source with its districts: before （, then after 、 (hard 表8
		// printed 団体ヒアリング（中 / 央、 / 南）)
		{"団体ヒアリング（中央、南）", 9, "団体ヒアリング|（中央、南）"},
		{"団体ヒアリング（中央、南）", 5, "団体ヒアリング|（中央、|南）"},
		{"区民の自由記述（南・場所から、回答者は北）", 9, "区民の自由記述|（南・場所から、|回答者は北）"},
		{"取組の振り返り（日吉）・2025年度", 12, "取組の振り返り（日吉）・|2025年度"},
	} {
		if got := strings.ReplaceAll(phraseLines(tt.in, tt.w, measure), "\n", "|"); got != tt.want {
			t.Errorf("phraseLines(%q, %v) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}
