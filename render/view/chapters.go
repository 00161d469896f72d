package view

import (
	"reflect"
	"slices"
	"strings"
)

// The handouts' chapters in order, each composed once (compose.go,
// composehard.go) as blocks that the PDF writer (render/pdf/blocks.go) and the web
// writer (render/web/blocks.go) draw. A new chapter is one composer function and
// one line here; it shows in report.pdf and web/index.html (or the
// district's PDF and web page) alike (TestWebOrder compares the two tables
// of contents, TestComposedChapter adds one).

// WardChapters are the ward report's chapters (report.pdf, web/index.html).
var WardChapters = []func(*Composer){(*Composer).overview, (*Composer).summary, (*Composer).profile,
	(*Composer).indicators, (*Composer).themes, (*Composer).hearings, (*Composer).freeText, (*Composer).progress,
	(*Composer).Hard, (*Composer).districtPages}

// DistrictChapters are a district handout's chapters (districts/NN_地区名.pdf,
// web/districts/NN.html).
var DistrictChapters = []func(*Composer){(*Composer).Karte, (*Composer).overview, (*Composer).indicators,
	(*Composer).themes, (*Composer).hearings, (*Composer).freeText, (*Composer).progress, (*Composer).Hard}

// WebWardChapters are the ward report's chapters as web/index.html orders
// them: the same composers as wardChapters, findings first (調査結果の概要
// opens the page) and the survey's description last (調査の概要 with 集計の
// 設定, then 回答者の属性), before the page's 報告書の見方. Residents read the
// results first; the committee's handout keeps the report's order
// (TestWebChaptersPermute checks that both lists hold the same composers).
var WebWardChapters = []func(*Composer){(*Composer).summary, (*Composer).indicators, (*Composer).themes,
	(*Composer).hearings, (*Composer).freeText, (*Composer).progress, (*Composer).Hard, (*Composer).districtPages,
	(*Composer).overview, (*Composer).profile}

// WebDistrictChapters are a district page's chapters (web/districts/NN.html):
// the 地区カルテ first, 調査の概要 last.
var WebDistrictChapters = []func(*Composer){(*Composer).Karte, (*Composer).indicators, (*Composer).themes,
	(*Composer).hearings, (*Composer).freeText, (*Composer).progress, (*Composer).Hard, (*Composer).overview}

// WebReport is the chapters of a web page in the web's order: the ward's
// ("") or a district's. A year without a survey has no survey chapters to
// move and keeps cycleReport's order.
func WebReport(v *View, district string) []Block {
	switch {
	case v.NoSurvey:
		return cycleReport(v, district)
	case district == "":
		return Compose(v, "", WebWardChapters...)
	}
	return Compose(v, district, WebDistrictChapters...)
}

// WardReport is the ward report's chapters.
func WardReport(v *View) []Block {
	if v.NoSurvey {
		return cycleReport(v, "")
	}
	return Compose(v, "", WardChapters...)
}

// DistrictReport is a district handout's chapters.
func DistrictReport(v *View, district string) []Block {
	if v.NoSurvey {
		return cycleReport(v, district)
	}
	return Compose(v, district, DistrictChapters...)
}

// cycleReport is the handout of a year without a survey: the initiatives'
// review, the indicators as far as earlier runs had them (history/), the
// hearings when there were any, and the soft/hard chapter; a district's
// handout shows the district's part of each.
func cycleReport(v *View, district string) []Block {
	fs := []func(*Composer){(*Composer).progress, (*Composer).history}
	if district == "" {
		// 結果の概要: the delayed initiatives (and the hearings) first.
		fs = append([]func(*Composer){(*Composer).summary}, fs...)
	}
	if v.Hearings.Orgs > 0 {
		fs = append(fs, (*Composer).hearings)
	}
	return Compose(v, district, append(fs, (*Composer).Hard)...)
}

// ComputedBoxNote says why a combined box, or an indicator of several
// answers, printed beside its parts may differ from their sum: it is
// computed from the counts, each part is rounded on its own. 報告書の見方
// says it once for the handout; no question repeats it (reader review 5,
// item 9).
const ComputedBoxNote = "『そう思う（計）』などの（計）や、複数の選択肢を合わせた指標の割合は、回答数から算出しているため、各選択肢の割合の合計と一致しない場合があります。"

// GuideItems are the notes on how to read the report (報告書の見方), printed
// in the handouts and on the web pages: the rule for differences and the
// surveys' names (v.ReadingNotes) once, and the grades in the words of the
// indicator legend (策定時, never 前回). A survey's word is defined only when
// the chapters bs print it in medium m (a page without the history survey's
// figures says nothing of 前回).
func GuideItems(v *View, bs []Block, m Medium) []string {
	// Note: the web's items are in plain words: 分母 for 基数, and what
	// the marks mean without the names of the tests.
	denom, marks, karte := "基数", "（調整済み標準化残差による検定）", "2つの割合の差の検定で有意に"
	notes := v.ReadingNotes
	if m == Web {
		denom, marks, karte = "分母", "（偶然とは考えにくい差）", "偶然とは考えにくい差で"
		if v.WebReadingNotes != nil {
			notes = v.WebReadingNotes
		}
	}
	items := []string{
		"図表の「n」は、その設問の回答者数（集計の" + denom + "）です。設問に対象条件がある場合は、対象となった回答者だけを" + denom + "としています。",
		"割合（%）は、無回答を含む回答者数を" + denom + "として算出しています。",
		"割合は小数点以下第2位を四捨五入して小数第1位まで表示しているため、単一回答の設問でも合計が100.0%にならない場合があります。",
		"複数回答（いくつでも選ぶ設問）では、割合の合計が100%を超えます。複数回答の図は選択肢を割合の高い順に並べ、表は調査票の選択肢の順に並べています。無回答はどちらも最後に置いています。",
		ComputedBoxNote,
		"表中の「" + MarkZero + "」は該当なし（0人）、「0.0」は0.05%未満であることを示します。",
		"「" + MarkSuppressed + "」は秘匿です。回答者数が少ない地区などは、個人の特定を避けるため数値を表示していません。ほかの地区の数値から逆算できないよう、あわせて秘匿している地区もあります。",
		"「" + MarkReference + "」は回答者数が少ないため、結果の扱いに注意が必要な参考値です。",
		"「" + MarkHigh + "」「" + MarkLow + "」は、地区別などの表で、全体の傾向と比べて統計的に有意に高い（" + MarkHigh + "）・低い（" + MarkLow + "）ことを示します" + marks + "。地区カルテ（地区の特徴・主な結果）では、地区を区内の他の地区（全体からその地区を除いた回答者）と比べ、「▲」「▼」は" + karte + "高い・低いことを示します。評定尺度の設問は、肯定的な回答の合計（『そう思う（計）』など）で比べます。",
	}
	if printsWord(bs, m, DistrictTestWord) {
		// Note: a district handout marks its questions' tables by the
		// district's own test against the rest of the ward (districtRow),
		// as its カルテ compares; it prints no table of every district.
		test := "地区と区内の他の地区の回答の分布の差がカイ二乗検定で有意なときだけ、調整済み標準化残差で有意に高い・低い回答に付けます"
		if m == Web {
			test = "地区と区内の他の地区の回答の分かれ方の違いが偶然とは考えにくいときだけ、その違いの中で特に高い・低い回答に付けます"
		}
		items[len(items)-1] = "「" + MarkHigh + "」「" + MarkLow + "」は、地区を区内の他の地区（全体からその地区を除いた回答者）と比べて、統計的に有意に高い（" + MarkHigh + "）・低い（" + MarkLow + "）ことを示します。設問の表では、" + test + "。地区カルテ（地区の特徴・主な結果）では、" + karte + "高い・低いことを示します。評定尺度の設問は、肯定的な回答の合計（『そう思う（計）』など）で比べます。"
	}
	// Note: one bullet per idea: the first reading note states the rule for
	// differences, and says first that a difference is in points.
	point := v.SurveyWords().Baseline.Name + "との比較は、割合の差を「ポイント」で表しています。"
	if len(notes) > 0 && strings.HasPrefix(notes[0], "差（ポイント）") {
		point += notes[0]
		notes = notes[1:]
	}
	items = append(items, point)
	items = append(items, notes...)
	if p := v.Surveys.Previous; p != nil && !printsWord(bs, m, p.Word) {
		items = slices.DeleteFunc(items, func(s string) bool { return strings.HasPrefix(s, "「"+p.Word+"」") })
	}
	base := v.SurveyWords().Baseline.Word
	return append(items,
		"指標の評価は、A：目標を達成（"+base+"値がなくても判定）、B：目標は未達成だが"+base+"より改善、C：変化なし、D："+base+"より悪化、"+MarkZero+"：評価できない（目標に届かず"+base+"値がない、回答者数が少ないなど）を示します。",
		"図の棒は濃淡と斜線で区別しているため、白黒で複写しても読み取れます。",
	)
}

// printsWord reports whether a block of bs printed in medium m holds word.
func printsWord(bs []Block, m Medium, word string) bool {
	found := false
	Walk(bs, m, func(b Block) {
		found = found || holdsWord(reflect.ValueOf(b), word, 0)
	})
	return found
}

// holdsWord reports whether a string of x holds word: x itself, its fields,
// elements, map keys and values, through interfaces, and through pointers at
// depth 0 only. Those are the strings fmt.Sprint(x) prints, which
// printsWord searched before issue 29: a block's pointers (Figure.Data,
// MapFigure.Map) are not searched.
func holdsWord(x reflect.Value, word string, depth int) bool {
	switch x.Kind() {
	case reflect.String:
		return strings.Contains(x.String(), word)
	case reflect.Pointer:
		return depth == 0 && !x.IsNil() && holdsWord(x.Elem(), word, depth+1)
	case reflect.Interface:
		return !x.IsNil() && holdsWord(x.Elem(), word, depth+1)
	case reflect.Struct:
		for i := range x.NumField() {
			if holdsWord(x.Field(i), word, depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		if k := x.Type().Elem().Kind(); k != reflect.String && k < reflect.Array {
			return false // numbers and bools
		}
		for i := range x.Len() {
			if holdsWord(x.Index(i), word, depth+1) {
				return true
			}
		}
	case reflect.Map:
		it := x.MapRange()
		for it.Next() {
			if holdsWord(it.Key(), word, depth+1) || holdsWord(it.Value(), word, depth+1) {
				return true
			}
		}
	}
	return false
}
