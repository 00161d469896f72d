package view

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"midreview/analyze"
)

// An AxisView is a 分析軸 breakdown as the writers name it.
type AxisView struct {
	By    string // the crosstabs' By (TableView.By): the question's 設問ID
	Name  string // its 設問文 (analyze.Axis.Name): the 表側 header and the dashboard's group
	Title string // Name + 別: PDF table titles and the sheet's title
	Sheet string // its tabulation.xlsx sheet, after 年代別 (unique, at most 31 characters)
	// Groups are its choice labels in choice order: the rows of its tables
	// and the dashboard selector's options.
	Groups []string
}

// maxSheetName is Excel's limit on a sheet name, in characters.
const maxSheetName = 31

// AxisViews names the 分析軸 of the results for the writers.
//
// Note: the sheet is the axis's Title when Excel accepts it as a sheet name
// (at most 31 characters, none of :\/?*[], not taken by another sheet, case
// folded as Excel compares names); else 設問ID + 別 (a 設問ID is short and
// unique), with a number added if even that is taken.
func AxisViews(res *analyze.Results) []AxisView {
	taken := map[string]bool{} // lookups only
	for _, s := range XlsxSheets {
		taken[strings.ToLower(s)] = true
	}
	var out []AxisView
	for _, a := range res.Axes {
		av := AxisView{By: a.By, Name: a.Name, Title: axisTitle(a.Name)}
		if b := res.Batch; b != nil && a.Question >= 0 && a.Question < len(b.Questions) {
			if cs := b.Questions[a.Question].ChoiceSet; cs >= 0 && cs < len(b.ChoiceSets) {
				for _, c := range b.ChoiceSets[cs].Choices {
					av.Groups = append(av.Groups, c.Label)
				}
			}
		}
		name := av.Title
		if !SheetNameOK(name) || taken[strings.ToLower(name)] {
			name = axisTitle(sheetSafe(a.By))
			base := name
			for i := 2; !SheetNameOK(name) || taken[strings.ToLower(name)]; i++ {
				name = trimRunes(base, maxSheetName-4) + "(" + strconv.Itoa(i) + ")"
			}
		}
		taken[strings.ToLower(name)] = true
		av.Sheet = name
		out = append(out, av)
	}
	return out
}

// axisTitle is "世帯構成別"; a name that already ends in 別 is kept.
func axisTitle(name string) string {
	if strings.HasSuffix(name, "別") {
		return name
	}
	return name + "別"
}

// SheetNameOK reports whether Excel accepts s as a sheet name.
func SheetNameOK(s string) bool {
	n := utf8.RuneCountInString(s)
	return n > 0 && n <= maxSheetName && !strings.ContainsAny(s, `:\/?*[]`) &&
		!strings.HasPrefix(s, "'") && !strings.HasSuffix(s, "'")
}

// sheetSafe replaces the characters Excel refuses in a sheet name by _ and
// keeps at most 28 characters (room for 別 and a number).
func sheetSafe(s string) string {
	s = strings.Trim(s, "'")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, s)
	if s == "" {
		s = "分析軸"
	}
	return trimRunes(s, maxSheetName-3)
}

// trimRunes keeps the first n characters of s.
func trimRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// Axis returns the 分析軸 whose crosstabs have By by, and whether there is one.
func (v *View) Axis(by string) (AxisView, bool) {
	for _, a := range v.Axes {
		if a.By == by {
			return a, true
		}
	}
	return AxisView{}, false
}

// breakdownsOf lists the crosstab breakdowns in publication order: 全体, 地区,
// 性別, 年代, then the 分析軸.
func breakdownsOf(axes []AxisView) []string {
	out := append([]string(nil), breakdowns...)
	for _, a := range axes {
		out = append(out, a.By)
	}
	return out
}

// XlsxSheets is the book's sheet order.
var XlsxSheets = []string{
	SheetOverview, SheetFindings, SheetSimple, SheetByDistrict, SheetByGender, SheetByAge,
	SheetIndicators, SheetTrend, SheetHearings, SheetFreeText, SheetProblems, SheetCorrections,
	SheetCommentary,
}

// Sheet names of the tabulation book (outputs.md), in book order.
const (
	SheetOverview    = "概要"
	SheetFindings    = "結果の概要"
	SheetSimple      = "単純集計"
	SheetByDistrict  = "地区別"
	SheetByGender    = "性別"
	SheetByAge       = "年代別"
	SheetIndicators  = "指標"
	SheetTrend       = "経年比較"
	SheetHearings    = "ヒアリング"
	SheetFreeText    = "自由記述"
	SheetProblems    = "入力チェック"
	SheetCorrections = "修正履歴"
	SheetCommentary  = "所見履歴"
)

// Names of analyze that the writers compare against, so that no writer
// imports analyze: the breakdowns (TableView.By, AxisView.By), the groups
// printed for the whole ward, for any category and for texts without a
// theme, where a passage is printed, a text's source and an issue's answer
// status.
const (
	ByAll            = analyze.ByAll
	ByDistrict       = analyze.ByDistrict
	ByGender         = analyze.ByGender
	ByAge            = analyze.ByAge
	ByOrgType        = analyze.ByOrgType
	GroupAll         = analyze.GroupAll
	GroupAnyHard     = analyze.GroupAnyHard
	GroupNoTheme     = analyze.GroupNoTheme
	PlaceQuestion    = analyze.PlaceQuestion
	SourceHearing    = analyze.SourceHearing
	StatusUnanswered = analyze.StatusUnanswered
)
