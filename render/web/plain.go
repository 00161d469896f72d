package web

import (
	"regexp"
	"strings"
)

// The web pages are read by residents, the PDF handouts by the committee:
// the handouts keep the statistical terms (基数, 秘匿基準, 有意水準, p値, 95%信頼区間,
// 調整済み標準化残差, χ², 検定), the web says the same in plain words. The
// chapters are composed once for both (view), so the web writer rewrites
// each term, by this reviewed list, as the last step of a page; the wording
// is chosen so that every sentence the composers write still reads as
// Japanese (TestWebPlainWords lists the terms no page may print).
var plainWords = []struct {
	re   *regexp.Regexp
	with string
}{
	// 「（有意水準 0.05）」 after a grade: the guide says what 統計的に有意 means.
	{regexp.MustCompile(`（有意水準 [0-9.]+）`), ""},
	// The ▲▼ notes: 「（地区別の表全体での調整済み標準化残差による）」.
	{regexp.MustCompile(`（[^（）]*調整済み標準化残差による[^（）]*）`), "（偶然とは考えにくい差）"},
	{regexp.MustCompile(`、2つの割合の差の検定で`), "、偶然とは考えにくい差で"},
	{regexp.MustCompile(`は2つの割合の差の検定で有意に`), "は偶然とは考えにくい差で"},
	{regexp.MustCompile(`（2つの割合の差の検定）`), "（偶然とは考えにくい差）"},
	{regexp.MustCompile(`または基数が秘匿基準未満`), "または回答者が少なく数値を伏せている"},
	// Only the composers' phrases (を基数と, の基数）): a resident's quote that
	// says 基数 is printed as written.
	{regexp.MustCompile(`(を|の)基数(と|）)`), "${1}分母${2}"},
	{regexp.MustCompile(`秘匿基準`), "数値を伏せる人数"},
	{regexp.MustCompile(`統計的な検定`), "統計的な判定"},
	{regexp.MustCompile(`の今回値の95%信頼区間は`), "の今回値は、誤差を考えると"},
	{regexp.MustCompile(`95%信頼区間`), "誤差を考えた範囲"},
	{regexp.MustCompile(`>p値<`), ">偶然に生じる確率<"},
}

// plain rewrites a web page's statistical terms in plain words.
func plain(page string) string {
	for _, p := range plainWords {
		page = p.re.ReplaceAllString(page, p.with)
	}
	return page
}

// PlainForbidden are the terms no web page prints (TestWebPlainWords).
var PlainForbidden = []string{"調整済み標準化残差", "基数", "秘匿基準", "有意水準", "p値", "信頼区間", "χ²", "カイ二乗", "検定"}

// hasForbidden returns the first forbidden term in s, or "".
func hasForbidden(s string) string {
	for _, w := range PlainForbidden {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}
