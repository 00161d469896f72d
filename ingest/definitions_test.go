package ingest

import (
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"midreview/internal/xlsxbuild"
)

// defsXLSX builds a workbook in memory with one sheet per map entry (in name
// order), applies edit (may be nil) and returns its bytes.
func defsXLSX(t testing.TB, sheets map[string][][]any, edit func(*excelize.File)) []byte {
	t.Helper()
	var book []xlsxbuild.Sheet
	for _, n := range slices.Sorted(maps.Keys(sheets)) {
		book = append(book, xlsxbuild.Sheet{Name: n, Rows: sheets[n]})
	}
	f, err := xlsxbuild.Book(book...)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if edit != nil {
		edit(f)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// defsPercentStyle formats 指標!F3 (I2's 策定時値) as a percentage, as Excel
// does when 60% is typed: the cell then holds 0.6.
func defsPercentStyle(f *excelize.File) {
	if i, _ := f.GetSheetIndex(IndicatorsSheet.Name); i < 0 {
		return
	}
	st, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err == nil {
		f.SetCellStyle(IndicatorsSheet.Name, "F3", "F3", st)
	}
}

// validDefSheets returns a fresh, fully valid definitions workbook. Some headers
// are spelled with spaces, full-width or half-width kana, and the columns of 設定
// and 設問 are reordered; an unknown column and an unknown setting are included.
func validDefSheets() map[string][][]any {
	return map[string][][]any{
		SettingsSheet.Name: {
			{"値", "項　目"}, // reordered, ideographic space
			{"ひっとプラン港北（第3期）", "計画名"},  // row 2
			{"港北区", "区名"},             // row 3
			{"中間振り返り 区民アンケート", "調査名"}, // row 4
			{"2025-03-31", "基準日"},     // row 5
			{3000, "配布数"},             // row 6
			{"はい", "サンプルデータ"},         // row 7
			{"メモ", "備考"},              // row 8: unknown, ignored
		},
		DistrictsSheet.Name: {
			{"地区コード", "地区名", "別 名", "人口", "配布数", "備考"},
			{"01", "日吉", "日吉地区連合、ひよし", 80000, 1000}, // row 2
			{"02", "綱島", "", 60000, 1000},           // row 3
			{"03", "大倉山", "大倉山地区"},                  // row 4
		},
		TownsSheet.Name: {
			{"町名", "地区"},
			{"日吉本町１丁目", "日吉"},   // row 2
			{"綱島西", "02"},       // row 3: by code
			{"大倉山一丁目", "大倉山地区"}, // row 4: by alias
		},
		ThemesSheet.Name: {
			{"テーマコード", "テーマ名", "キーワード"},
			{"T1", "つながり", "見守り,あいさつ"}, // row 2
			{"T2", "安心"}, // row 3
		},
		QuestionsSheet.Name: {
			{"設問ＩＤ", " 形式 ", "設問文", "選択肢", "テーマ", "属性", "対象条件"},     // A..G
			{"F1", "SA", "お住まいの地区", "", "", "地区"},                   // row 2
			{"F2", "SA", "性別", "性別", "", "性別"},                      // row 3
			{"F3", "sa", "年代", "年代", "", "年代"},                      // row 4
			{"Q1", "SA", "近所づきあいがありますか", "有無", "T1"},                // row 5
			{"Q2", "MA", "参加した活動", "活動", "T1", "", "Q1=1"},          // row 6
			{"Q3", "SC", "地域の満足度", "満足", "T2", "", "F2=2 かつ Q1=ある"}, // row 7
			{"Q4", "NUM", "世帯人数"},                                   // row 8
			{"Q5", "FA", "ご意見", "", "T2"},                           // row 9
		},
		ChoicesSheet.Name: {
			{"選択肢セット", "ｺｰﾄﾞ", "ラベル", "別名", "点数", "肯定"}, // half-width kana
			{"性別", 1, "男性", "男"},             // row 2
			{"", 2, "女性", "女"},               // row 3: continues 性別
			{"性別", 3, "その他"},                 // row 4
			{"年代", 1, "10・20代"},              // row 5
			{"年代", 2, "30・40代"},              // row 6
			{"年代", 3, "50代以上"},               // row 7
			{"有無", 1, "ある"},                  // row 8
			{"有無", 2, "ない"},                  // row 9
			{"活動", 1, "自治会"},                 // row 10
			{"活動", 2, "子ども会"},                // row 11
			{"活動", 3, "老人クラブ"},               // row 12
			{"満足", 1, "満足", "", 2, "○"},      // row 13
			{"満足", 2, "やや満足", "", 1, "〇"},    // row 14
			{"満足", 3, "どちらともいえない", "ふつう", 0}, // row 15
			{"満足", 4, "やや不満", "", -1},        // row 16
			{"満足", 5, "不満", "", -2},          // row 17
			{"評価", 1, "十分"},                  // row 18
			{"評価", 2, "不十分"},                 // row 19
		},
		IndicatorsSheet.Name: {
			{"指標ID", "指標名", "テーマ", "設問ID", "該当コード", "策定時値", "策定時n", "目標値", "方向"}, // A..I
			{"I1", "近所づきあいがある人の割合", "T1", "Q1", 1, 45.2, 1200, "50%", "増"},       // row 2
			{"I2", "地域に満足している人の割合", "T2", "Q3", "1,2", 0.6, "", 70},              // row 3
			{"I3", "不満な人の割合", "T2", "Q3", "不満", "", "", "", "減"},                 // row 4
		},
		HearingItemsSheet.Name: {
			{"項目ID", "項目名", "種別", "セル", "見出し", "テーマ", "尺度"}, // A..G
			{"H1", "団体名", "団体名", "c4"},                      // row 2
			{"H2", "活動地区", "地区", "$C$5", "地区"},              // row 3
			{"H3", "活動の評価", "評価", "C6", "評 価", "T1", "評価"},  // row 4
			{"H4", "課題", "記述", "C7", "", "T2"},              // row 5
		},
	}
}

// readDefsBytes runs readDefinitions on data as definitions.xlsx.
func readDefsBytes(data []byte) (*reader, bool) {
	rd := &reader{b: &Batch{DistrictQ: -1, GenderQ: -1, AgeQ: -1}}
	fi := rd.addFile(DefinitionsFile, KindDefinitions, data)
	ok := rd.readDefinitions(fi, data)
	return rd, ok
}

// defProblem is the part of a Problem that tests compare.
type defProblem struct {
	Code  Code
	Sheet string
	Cell  string
	Row   int
}

// defProblems returns the problems as comparable values, sorted by position.
func defProblems(ps []Problem) []defProblem {
	ps = append([]Problem(nil), ps...)
	SortProblems(ps, nil)
	out := make([]defProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, defProblem{p.Code, p.Sheet, p.Cell(), rowOnly(p)})
	}
	return out
}

func sortDefProblems(ps []defProblem) []defProblem {
	full := make([]Problem, len(ps))
	for i, p := range ps {
		full[i] = Problem{Code: p.Code, Sheet: p.Sheet, Row: p.Row}
		if p.Cell != "" {
			full[i].Col, full[i].Row, _ = excelize.CellNameToCoordinates(p.Cell)
		}
	}
	return defProblems(full)
}

func TestReadDefinitionsValid(t *testing.T) {
	rd, ok := readDefsBytes(defsXLSX(t, validDefSheets(), defsPercentStyle))
	b := rd.b
	if !ok {
		t.Fatal("readDefinitions reported unusable definitions")
	}
	for _, p := range b.Problems {
		t.Errorf("unexpected problem: %v", p)
	}

	t.Run("settings", func(t *testing.T) {
		want := Settings{
			PlanName: "ひっとプラン港北（第3期）", // display text keeps the full-width brackets
			Ward:     "港北区", SurveyName: "中間振り返り 区民アンケート",
			Date:        time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC),
			Distributed: 3000,
			// Defaults (inputs.md section 2).
			SuppressBelow: 10, ReferenceBelow: 30, Alpha: 0.05, Evaluation: EvalTest, Margin: 3,
			License: LicenseCCBY, Sample: true,
		}
		if !reflect.DeepEqual(b.Settings, want) {
			t.Errorf("Settings = %+v\nwant %+v", b.Settings, want)
		}
	})

	t.Run("districts", func(t *testing.T) {
		want := []District{
			{Code: "01", Name: "日吉", Aliases: []string{"日吉地区連合", "ひよし"}, Population: 80000, Distributed: 1000, Src: Src{0, 2}},
			{Code: "02", Name: "綱島", Population: 60000, Distributed: 1000, Src: Src{0, 3}},
			{Code: "03", Name: "大倉山", Aliases: []string{"大倉山地区"}, Src: Src{0, 4}},
		}
		if !reflect.DeepEqual(b.Districts, want) {
			t.Errorf("Districts = %+v\nwant %+v", b.Districts, want)
		}
		// 町名: by name, by code, by alias; １ (full-width) normalized to 1.
		wantTowns := []Town{{"日吉本町1丁目", 0}, {"綱島西", 1}, {"大倉山一丁目", 2}}
		if !reflect.DeepEqual(b.Towns, wantTowns) {
			t.Errorf("Towns = %+v, want %+v", b.Towns, wantTowns)
		}
	})

	t.Run("themes", func(t *testing.T) {
		want := []Theme{{"T1", "つながり", []string{"見守り", "あいさつ"}}, {"T2", "安心", nil}}
		if !reflect.DeepEqual(b.Themes, want) {
			t.Errorf("Themes = %+v, want %+v", b.Themes, want)
		}
	})

	t.Run("choice sets", func(t *testing.T) {
		var names []string
		for _, s := range b.ChoiceSets {
			names = append(names, s.Name)
		}
		if want := []string{"性別", "年代", "有無", "活動", "満足", "評価"}; !reflect.DeepEqual(names, want) {
			t.Fatalf("choice sets = %v, want %v", names, want)
		}
		// Row 3 has a blank set name and continues 性別.
		wantSex := []Choice{
			{Code: 1, Label: "男性", Aliases: []string{"男"}, Score: 1},
			{Code: 2, Label: "女性", Aliases: []string{"女"}, Score: 2},
			{Code: 3, Label: "その他", Score: 3},
		}
		if !reflect.DeepEqual(b.ChoiceSets[0].Choices, wantSex) {
			t.Errorf("性別 = %+v\nwant %+v", b.ChoiceSets[0].Choices, wantSex)
		}
		// 満足: explicit scores 2..-2; ○ and 〇 mark the top two as positive.
		wantSat := []Choice{
			{Code: 1, Label: "満足", Score: 2, Positive: true},
			{Code: 2, Label: "やや満足", Score: 1, Positive: true},
			{Code: 3, Label: "どちらともいえない", Aliases: []string{"ふつう"}, Score: 0},
			{Code: 4, Label: "やや不満", Score: -1},
			{Code: 5, Label: "不満", Score: -2},
		}
		if !reflect.DeepEqual(b.ChoiceSets[4].Choices, wantSat) {
			t.Errorf("満足 = %+v\nwant %+v", b.ChoiceSets[4].Choices, wantSat)
		}
	})

	t.Run("questions", func(t *testing.T) {
		type q struct {
			ID, Text   string
			Type       QType
			Set, Theme int
			Attr       Attr
			Cond       []Clause
			Row        int32
		}
		want := []q{
			{"F1", "お住まいの地区", SA, -1, -1, AttrDistrict, nil, 2},
			{"F2", "性別", SA, 0, -1, AttrGender, nil, 3},
			{"F3", "年代", SA, 1, -1, AttrAge, nil, 4}, // "sa" accepted
			{"Q1", "近所づきあいがありますか", SA, 2, 0, AttrNone, nil, 5},
			// Q1=1: Q1 is question 3; code 1 is choice index 0 → bit 1<<0 = 1.
			{"Q2", "参加した活動", MA, 3, 0, AttrNone, []Clause{{Q: 3, Choices: 1}}, 6},
			// F2=2: question 1, code 2 = index 1 → 1<<1 = 2; Q1=ある: label of index 0 → 1.
			{"Q3", "地域の満足度", SC, 4, 1, AttrNone, []Clause{{Q: 1, Choices: 2}, {Q: 3, Choices: 1}}, 7},
			{"Q4", "世帯人数", NUM, -1, -1, AttrNone, nil, 8},
			{"Q5", "ご意見", FA, -1, 1, AttrNone, nil, 9},
		}
		var got []q
		for _, x := range b.Questions {
			got = append(got, q{x.ID, x.Text, x.Type, x.ChoiceSet, x.Theme, x.Attr, x.Cond, x.Src.Row})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Questions =\n%+v\nwant\n%+v", got, want)
		}
		if b.DistrictQ != 0 || b.GenderQ != 1 || b.AgeQ != 2 {
			t.Errorf("DistrictQ, GenderQ, AgeQ = %d, %d, %d; want 0, 1, 2", b.DistrictQ, b.GenderQ, b.AgeQ)
		}
	})

	t.Run("indicators", func(t *testing.T) {
		want := []Indicator{
			// 該当コード 1 → index 0 → bits 1; "50%" → 50.
			{ID: "I1", Name: "近所づきあいがある人の割合", Theme: 0, Question: 3, Choices: 1,
				Baseline: 45.2, BaselineN: 1200, HasBaseline: true, Target: 50, HasTarget: true, Direction: Up, Src: Src{0, 2}},
			// "1,2" → indices 0,1 → bits 3; 0.6 in a percent-formatted cell → 60; 方向 blank → 増.
			{ID: "I2", Name: "地域に満足している人の割合", Theme: 1, Question: 5, Choices: 3,
				Baseline: 60, HasBaseline: true, Target: 70, HasTarget: true, Direction: Up, Src: Src{0, 3}},
			// label 不満 → index 4 → bits 1<<4 = 16.
			{ID: "I3", Name: "不満な人の割合", Theme: 1, Question: 5, Choices: 16, Direction: Down, Src: Src{0, 4}},
		}
		if len(b.Indicators) != len(want) {
			t.Fatalf("got %d indicators, want %d", len(b.Indicators), len(want))
		}
		for i := range want {
			got := b.Indicators[i]
			if math.Abs(got.Baseline-want[i].Baseline) < 1e-9 {
				got.Baseline = want[i].Baseline // 0.6*100 may round in the last bit
			}
			if !reflect.DeepEqual(got, want[i]) {
				t.Errorf("Indicators[%d] = %+v\nwant %+v", i, got, want[i])
			}
		}
	})

	t.Run("hearing items", func(t *testing.T) {
		want := []HearingItem{
			{ID: "H1", Name: "団体名", Kind: HOrg, Cell: "C4", Header: "団体名", Theme: -1, Scale: -1},      // c4 → C4
			{ID: "H2", Name: "活動地区", Kind: HDistrict, Cell: "C5", Header: "地区", Theme: -1, Scale: -1}, // $C$5 → C5
			{ID: "H3", Name: "活動の評価", Kind: HRating, Cell: "C6", Header: "評価", Theme: 0, Scale: 5},    // "評 価" → 評価
			{ID: "H4", Name: "課題", Kind: HComment, Cell: "C7", Header: "課題", Theme: 1, Scale: -1},
		}
		if !reflect.DeepEqual(b.HearingItems, want) {
			t.Errorf("HearingItems =\n%+v\nwant\n%+v", b.HearingItems, want)
		}
	})
}

func TestReadDefinitionsProblems(t *testing.T) {
	type m = map[string][][]any
	set := func(sheet string, row, col int, v any) func(m) {
		return func(s m) {
			r := s[sheet][row-1]
			for len(r) <= col {
				r = append(r, "")
			}
			r[col] = v
			s[sheet][row-1] = r
		}
	}
	add := func(sheet string, rows ...[]any) func(m) {
		return func(s m) { s[sheet] = append(s[sheet], rows...) }
	}
	del := func(sheet string) func(m) { return func(s m) { delete(s, sheet) } }
	tests := []struct {
		name   string
		edit   []func(m)
		wantOK bool
		want   []defProblem
	}{
		{"missing required sheet", []func(m){del(ChoicesSheet.Name)}, false,
			[]defProblem{{CodeMissingSheet, ChoicesSheet.Name, "", 0}}},
		{"two missing required sheets", []func(m){del(SettingsSheet.Name), del(DistrictsSheet.Name)}, false,
			[]defProblem{{CodeMissingSheet, SettingsSheet.Name, "", 0}, {CodeMissingSheet, DistrictsSheet.Name, "", 0}}},
		{"missing required column", []func(m){set(QuestionsSheet.Name, 1, 1, "種類")}, false,
			[]defProblem{{CodeMissingColumn, QuestionsSheet.Name, "", 1}}},
		{"missing column in optional sheet", []func(m){set(IndicatorsSheet.Name, 1, 4, "コード")}, true,
			[]defProblem{{CodeMissingColumn, IndicatorsSheet.Name, "", 1}}},
		{"missing setting", []func(m){func(s m) {
			s[SettingsSheet.Name] = append(s[SettingsSheet.Name][:2:2], s[SettingsSheet.Name][3:]...) // drop 区名
		}}, true, []defProblem{{CodeMissingSetting, SettingsSheet.Name, "", 0}}},
		{"blank required setting", []func(m){set(SettingsSheet.Name, 3, 0, "")}, true,
			[]defProblem{{CodeMissingSetting, SettingsSheet.Name, "A3", 0}}},
		{"bad alpha", []func(m){add(SettingsSheet.Name, []any{"1.5", "有意水準"})}, true,
			[]defProblem{{CodeBadSetting, SettingsSheet.Name, "A9", 0}}},
		{"bad date", []func(m){set(SettingsSheet.Name, 5, 0, "2025/13/01")}, true,
			[]defProblem{{CodeBadSetting, SettingsSheet.Name, "A5", 0}}},
		{"bad weighting", []func(m){add(SettingsSheet.Name, []any{"たぶん", "重み付け"})}, true,
			[]defProblem{{CodeBadSetting, SettingsSheet.Name, "A9", 0}}},
		{"duplicate setting", []func(m){add(SettingsSheet.Name, []any{"旭区", "区名"})}, true,
			[]defProblem{{CodeDuplicateDef, SettingsSheet.Name, "B9", 0}}},
		{"duplicate question ID", []func(m){add(QuestionsSheet.Name, []any{"Q1", "SA", "x", "有無"})}, true,
			[]defProblem{{CodeDuplicateDef, QuestionsSheet.Name, "A10", 0}}},
		{"district alias collides", []func(m){set(DistrictsSheet.Name, 3, 2, "日吉")}, true,
			[]defProblem{{CodeDuplicateDef, DistrictsSheet.Name, "C3", 0}}},
		{"district code collides", []func(m){set(DistrictsSheet.Name, 4, 0, "01")}, true,
			[]defProblem{{CodeDuplicateDef, DistrictsSheet.Name, "A4", 0}}},
		{"duplicate choice code", []func(m){add(ChoicesSheet.Name, []any{"有無", 1, "同じ"})}, true,
			[]defProblem{{CodeDuplicateDef, ChoicesSheet.Name, "B20", 0}}},
		{"bad choice code", []func(m){set(ChoicesSheet.Name, 9, 1, "二")}, true,
			[]defProblem{{CodeNotInteger, ChoicesSheet.Name, "B9", 0}}},
		{"bad positive mark", []func(m){set(ChoicesSheet.Name, 15, 5, "多分")}, true,
			[]defProblem{{CodeUnknownKeyword, ChoicesSheet.Name, "F15", 0}}},
		{"more than 64 choices", []func(m){func(s m) {
			for c := 1; c <= 65; c++ { // rows 20..84; the 65th is row 84
				s[ChoicesSheet.Name] = append(s[ChoicesSheet.Name], []any{"多", c, "選択肢" + strconv.Itoa(c)})
			}
		}}, true, []defProblem{{CodeTooManyChoices, ChoicesSheet.Name, "B84", 0}}},
		{"unknown choice set", []func(m){set(QuestionsSheet.Name, 6, 3, "活動X")}, true,
			[]defProblem{{CodeUnknownSet, QuestionsSheet.Name, "D6", 0}}},
		{"unknown theme", []func(m){set(QuestionsSheet.Name, 9, 4, "T9")}, true,
			[]defProblem{{CodeUnknownTheme, QuestionsSheet.Name, "E9", 0}}},
		{"theme sheet missing but referenced", []func(m){del(ThemesSheet.Name)}, true, []defProblem{
			{CodeMissingSheet, ThemesSheet.Name, "", 0},
			{CodeUnknownTheme, QuestionsSheet.Name, "E5", 0}, {CodeUnknownTheme, QuestionsSheet.Name, "E6", 0},
			{CodeUnknownTheme, QuestionsSheet.Name, "E7", 0}, {CodeUnknownTheme, QuestionsSheet.Name, "E9", 0},
			{CodeUnknownTheme, IndicatorsSheet.Name, "C2", 0}, {CodeUnknownTheme, IndicatorsSheet.Name, "C3", 0},
			{CodeUnknownTheme, IndicatorsSheet.Name, "C4", 0},
			{CodeUnknownTheme, HearingItemsSheet.Name, "F4", 0}, {CodeUnknownTheme, HearingItemsSheet.Name, "F5", 0},
		}},
		{"duplicate theme code", []func(m){add(ThemesSheet.Name, []any{"T1", "重複"})}, true,
			[]defProblem{{CodeDuplicateDef, ThemesSheet.Name, "A4", 0}}},
		{"invalid type", []func(m){set(QuestionsSheet.Name, 8, 1, "XX")}, true,
			[]defProblem{{CodeUnknownKeyword, QuestionsSheet.Name, "B8", 0}}},
		{"SA without choice set", []func(m){set(QuestionsSheet.Name, 4, 3, "")}, true,
			[]defProblem{{CodeMissingSetRef, QuestionsSheet.Name, "D4", 0}}},
		{"invalid attribute", []func(m){set(QuestionsSheet.Name, 8, 5, "住所")}, true,
			[]defProblem{{CodeUnknownKeyword, QuestionsSheet.Name, "F8", 0}}},
		// F1 loses 属性 地区: no district question (at the 属性 header), and F1 is
		// then an SA question without a choice set.
		{"no district question", []func(m){set(QuestionsSheet.Name, 2, 5, "")}, true, []defProblem{
			{CodeDistrictAttr, QuestionsSheet.Name, "F1", 0}, {CodeMissingSetRef, QuestionsSheet.Name, "D2", 0},
		}},
		{"two district questions", []func(m){set(QuestionsSheet.Name, 5, 5, "地区")}, true,
			[]defProblem{{CodeDistrictAttr, QuestionsSheet.Name, "F5", 0}}},
		{"district choice label is no district", []func(m){
			set(QuestionsSheet.Name, 2, 3, "地区セット"),
			add(ChoicesSheet.Name, []any{"地区セット", 1, "日吉"}, []any{"地区セット", 2, "綱島西"}, []any{"地区セット", 3, "菊名"}),
		}, true, []defProblem{{CodeUnknownDist, ChoicesSheet.Name, "C22", 0}}},
		{"condition: unknown question", []func(m){set(QuestionsSheet.Name, 6, 6, "Q9=1")}, true,
			[]defProblem{{CodeUnknownQ, QuestionsSheet.Name, "G6", 0}}},
		{"condition: syntax", []func(m){set(QuestionsSheet.Name, 6, 6, "Q1")}, true,
			[]defProblem{{CodeBadCondition, QuestionsSheet.Name, "G6", 0}}},
		{"condition: unknown code", []func(m){set(QuestionsSheet.Name, 7, 6, "F2=2 & Q1=7")}, true,
			[]defProblem{{CodeUnknownCode, QuestionsSheet.Name, "G7", 0}}},
		{"condition: free-text question", []func(m){set(QuestionsSheet.Name, 6, 6, "Q5=1")}, true,
			[]defProblem{{CodeBadCondition, QuestionsSheet.Name, "G6", 0}}},
		{"indicator: unknown question", []func(m){set(IndicatorsSheet.Name, 2, 3, "Q9")}, true,
			[]defProblem{{CodeUnknownQ, IndicatorsSheet.Name, "D2", 0}}},
		{"indicator: unknown code", []func(m){set(IndicatorsSheet.Name, 2, 4, 9)}, true,
			[]defProblem{{CodeUnknownCode, IndicatorsSheet.Name, "E2", 0}}},
		{"indicator: baseline over 100", []func(m){set(IndicatorsSheet.Name, 2, 5, 120)}, true,
			[]defProblem{{CodeBadPercent, IndicatorsSheet.Name, "F2", 0}}},
		{"indicator: bad direction", []func(m){set(IndicatorsSheet.Name, 4, 8, "横")}, true,
			[]defProblem{{CodeUnknownKeyword, IndicatorsSheet.Name, "I4", 0}}},
		{"indicator: duplicate ID", []func(m){set(IndicatorsSheet.Name, 3, 0, "I1")}, true,
			[]defProblem{{CodeDuplicateDef, IndicatorsSheet.Name, "A3", 0}}},
		{"hearing: invalid kind", []func(m){set(HearingItemsSheet.Name, 5, 2, "感想")}, true,
			[]defProblem{{CodeUnknownKeyword, HearingItemsSheet.Name, "C5", 0}}},
		{"hearing: two organization items", []func(m){set(HearingItemsSheet.Name, 5, 2, "団体名")}, true,
			[]defProblem{{CodeItemKindCount, HearingItemsSheet.Name, "C5", 0}}},
		{"hearing: no organization item", []func(m){set(HearingItemsSheet.Name, 2, 2, "テキスト")}, true,
			[]defProblem{{CodeItemKindCount, HearingItemsSheet.Name, "C1", 0}}},
		{"hearing: two district items", []func(m){set(HearingItemsSheet.Name, 5, 2, "地区")}, true,
			[]defProblem{{CodeItemKindCount, HearingItemsSheet.Name, "C5", 0}}},
		{"hearing: rating without scale", []func(m){set(HearingItemsSheet.Name, 4, 6, "")}, true,
			[]defProblem{{CodeMissingSetRef, HearingItemsSheet.Name, "G4", 0}}},
		{"hearing: unknown scale", []func(m){set(HearingItemsSheet.Name, 4, 6, "五段階")}, true,
			[]defProblem{{CodeUnknownSet, HearingItemsSheet.Name, "G4", 0}}},
		{"hearing: bad cell", []func(m){set(HearingItemsSheet.Name, 3, 3, "C")}, true,
			[]defProblem{{CodeBadCell, HearingItemsSheet.Name, "D3", 0}}},
		{"hearing: duplicate item ID", []func(m){set(HearingItemsSheet.Name, 3, 0, "H1")}, true,
			[]defProblem{{CodeDuplicateDef, HearingItemsSheet.Name, "A3", 0}}},
		{"town: unknown district", []func(m){set(TownsSheet.Name, 3, 1, "港南")}, true,
			[]defProblem{{CodeUnknownDist, TownsSheet.Name, "B3", 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sheets := validDefSheets()
			for _, e := range tc.edit {
				e(sheets)
			}
			rd, ok := readDefsBytes(defsXLSX(t, sheets, defsPercentStyle))
			if ok != tc.wantOK {
				t.Errorf("readDefinitions = %v, want %v", ok, tc.wantOK)
			}
			got, want := defProblems(rd.b.Problems), sortDefProblems(tc.want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems =\n%v\nwant\n%v", got, want)
				for _, p := range rd.b.Problems {
					t.Logf("  %v", p)
				}
			}
			for _, p := range rd.b.Problems {
				if p.File != DefinitionsFile || p.Severity != Error {
					t.Errorf("problem %v: File %q, Severity %v", p, p.File, p.Severity)
				}
			}
		})
	}
}

func TestReadDefinitionsUnreadable(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a workbook"), []byte("PK\x03\x04garbage")} {
		rd, ok := readDefsBytes(data)
		if ok {
			t.Errorf("%q: readDefinitions = true", data)
		}
		want := []defProblem{{CodeFileUnreadable, "", "", 0}}
		if got := defProblems(rd.b.Problems); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: problems = %v, want %v", data, got, want)
		}
	}
}

func TestParseDefDate(t *testing.T) {
	day := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-03-31", day, true},
		{"2025/3/31", day, true},
		{"2025年3月31日", day, true},
		{"2025-03-31T00:00:00Z", day, true},
		// Excel serial: days since 1899-12-30; 2025-01-01 is 45658, + 31 + 28 + 30 = 45747.
		{"45747", day, true},
		{"45747.75", day, true}, // time of day dropped
		{"2025/13/01", time.Time{}, false},
		{"0", time.Time{}, false},
		{"三月", time.Time{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := parseDefDate(tc.in)
			if ok != tc.ok || !got.Equal(tc.want) {
				t.Errorf("parseDefDate(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestReadDefinitionsSettingVariants(t *testing.T) {
	sheets := validDefSheets()
	sheets[SettingsSheet.Name][4] = []any{45747, "基準日"} // a date cell holds its serial
	sheets[SettingsSheet.Name] = append(sheets[SettingsSheet.Name],
		[]any{"する", "重み付け"}, []any{"5%", "有意水準"}, []any{"ポイント", "評価方法"},
		[]any{5, "維持幅"}, []any{5, "秘匿基準"}, []any{20, "参考値基準"})
	rd, _ := readDefsBytes(defsXLSX(t, sheets, nil))
	for _, p := range rd.b.Problems {
		t.Errorf("unexpected problem: %v", p)
	}
	s := rd.b.Settings
	if !s.Date.Equal(time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)) || !s.Weighting || s.Alpha != 0.05 ||
		s.Evaluation != EvalPoints || s.Margin != 5 || s.SuppressBelow != 5 || s.ReferenceBelow != 20 {
		t.Errorf("Settings = %+v", s)
	}
}

// checkDefFuzzProblems fails when a problem lacks its file or position.
// Note: problems about a whole file or sheet (unreadable, missing sheet,
// missing setting) have neither a cell nor a row by nature.
func checkDefFuzzProblems(t *testing.T, ps []Problem) {
	t.Helper()
	for _, p := range ps {
		if p.File == "" {
			t.Errorf("problem without file: %+v", p)
		}
		whole := p.Code == CodeFileUnreadable || p.Code == CodeMissingSheet || p.Code == CodeMissingSetting
		if p.Row <= 0 && !whole {
			t.Errorf("problem without cell or row: %+v", p)
		}
		if Message(p.Code) == string(p.Code) {
			t.Errorf("problem code without message: %q", p.Code)
		}
	}
}

func FuzzReadDefinitions(f *testing.F) {
	f.Add(defsXLSX(f, validDefSheets(), defsPercentStyle))
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, _ := readDefsBytes(data)
		checkDefFuzzProblems(t, rd.b.Problems)
	})
}

// FuzzReadDefinitionsCells puts arbitrary text into the cells that carry
// syntax (基準日, 有意水準, 対象条件, 該当コード, 策定時値, セル, 別名, コード).
func FuzzReadDefinitionsCells(f *testing.F) {
	for _, s := range []string{"\x00\xff", "", "Q1=1", "F2=2 かつ Q1=ある&", "=", "1,2,,", "45.2%", "$C$5", "XFE1048577", "2025/02/30", "-1", "1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sheets := validDefSheets()
		sheets[SettingsSheet.Name][5][0] = s
		sheets[SettingsSheet.Name] = append(sheets[SettingsSheet.Name], []any{s, "有意水準"})
		sheets[QuestionsSheet.Name][6][6] = s
		sheets[IndicatorsSheet.Name][1][4] = s
		sheets[IndicatorsSheet.Name][1][5] = s
		sheets[HearingItemsSheet.Name][2][3] = s
		sheets[DistrictsSheet.Name][2][2] = s
		sheets[ChoicesSheet.Name][8][1] = s
		rd, _ := readDefsBytes(defsXLSX(t, sheets, nil))
		checkDefFuzzProblems(t, rd.b.Problems)
	})
}

func TestReadDefinitionsReferenceVariants(t *testing.T) {
	// Spellings staff type in Excel that must resolve without a problem.
	tests := []struct {
		name  string
		edit  func(map[string][][]any)
		check func(t *testing.T, b *Batch)
	}{
		{"町名 by 地区コード without leading zero", func(s map[string][][]any) {
			// Excel turns a typed 02 into the number 2 in sheet 地区; 町名 still says 02.
			s[DistrictsSheet.Name][2][0] = 2
		}, func(t *testing.T, b *Batch) {
			if len(b.Towns) != 3 || b.Towns[1] != (Town{"綱島西", 1}) {
				t.Errorf("Towns = %+v", b.Towns)
			}
		}},
		{"町名 by 地区 spelled with other case and spaces", func(s map[string][][]any) {
			s[DistrictsSheet.Name][3][2] = "Okurayama"
			s[TownsSheet.Name][3][1] = "OKURA YAMA"
		}, func(t *testing.T, b *Batch) {
			if len(b.Towns) != 3 || b.Towns[2] != (Town{"大倉山一丁目", 2}) {
				t.Errorf("Towns = %+v", b.Towns)
			}
		}},
		{"lower-case 設問ID in 指標 and 対象条件", func(s map[string][][]any) {
			s[IndicatorsSheet.Name][1][3] = "q1"
			s[QuestionsSheet.Name][5][6] = "q1=1"
		}, func(t *testing.T, b *Batch) {
			// Q1 is question 3; code 1 is choice index 0 → bits 1.
			if len(b.Indicators) != 3 || b.Indicators[0].Question != 3 {
				t.Errorf("Indicators[0] = %+v", b.Indicators)
			}
			if want := []Clause{{Q: 3, Choices: 1}}; !reflect.DeepEqual(b.Questions[4].Cond, want) {
				t.Errorf("Q2 Cond = %+v, want %+v", b.Questions[4].Cond, want)
			}
		}},
		{"該当コード as a range", func(s map[string][][]any) {
			s[IndicatorsSheet.Name][2][4] = "1～2"
		}, func(t *testing.T, b *Batch) {
			// Q3 (満足) codes 1 and 2 are indices 0 and 1 → bits 3.
			if len(b.Indicators) != 3 || b.Indicators[1].Choices != 3 {
				t.Errorf("Indicators[1] = %+v", b.Indicators)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheets := validDefSheets()
			tt.edit(sheets)
			rd, ok := readDefsBytes(defsXLSX(t, sheets, nil))
			if !ok {
				t.Fatal("definitions unusable")
			}
			for _, p := range rd.b.Problems {
				t.Errorf("unexpected problem: %v", p)
			}
			tt.check(t, rd.b)
		})
	}
}

func TestReadDefinitionsDuplicateQuestionCase(t *testing.T) {
	// Response headers match 設問ID ignoring ASCII case, so Q1 and q1 cannot both
	// be questions: the second is a duplicate.
	sheets := validDefSheets()
	sheets[QuestionsSheet.Name] = append(sheets[QuestionsSheet.Name], []any{"q1", "SA", "重複", "有無"}) // row 10
	rd, _ := readDefsBytes(defsXLSX(t, sheets, nil))
	want := []defProblem{{CodeDuplicateDef, QuestionsSheet.Name, "A10", 0}}
	if got := defProblems(rd.b.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %+v, want %+v", got, want)
	}
}

func TestParseCondVariants(t *testing.T) {
	// 対象条件 of Q3 (row 7). Q1 is question 3 (有無: 1 ある, 2 ない); F2 is
	// question 1 (性別: 1 男性, 2 女性, 3 その他). Bits are 1<<choice index.
	tests := []struct {
		cond string
		want []Clause
	}{
		{"Q1=1", []Clause{{Q: 3, Choices: 1}}},
		{"Q1＝１", []Clause{{Q: 3, Choices: 1}}},
		{" Q1 = 1 , 2 ", []Clause{{Q: 3, Choices: 3}}},
		{"Q1=1、2", []Clause{{Q: 3, Choices: 3}}},
		{"Q1==1", []Clause{{Q: 3, Choices: 1}}},
		{"F2=1～3", []Clause{{Q: 1, Choices: 7}}},
		{"F2=2~3", []Clause{{Q: 1, Choices: 6}}},
		{"F2=1・2", []Clause{{Q: 1, Choices: 3}}},
		{"Q1=1 かつ F2=2", []Clause{{Q: 3, Choices: 1}, {Q: 1, Choices: 2}}},
		{"Q1=1＆F2=2", []Clause{{Q: 3, Choices: 1}, {Q: 1, Choices: 2}}},
		{"Q1=1 and F2=2", []Clause{{Q: 3, Choices: 1}, {Q: 1, Choices: 2}}},
		{"Q1=1 AND F2=2", []Clause{{Q: 3, Choices: 1}, {Q: 1, Choices: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			sheets := validDefSheets()
			sheets[QuestionsSheet.Name][6][6] = tt.cond
			rd, _ := readDefsBytes(defsXLSX(t, sheets, nil))
			for _, p := range rd.b.Problems {
				t.Errorf("unexpected problem: %v", p)
			}
			if got := rd.b.Questions[5].Cond; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Cond = %+v, want %+v", got, tt.want)
			}
		})
	}
	t.Run("bad", func(t *testing.T) {
		for _, cond := range []string{"Q1", "Q9=1", "Q1=9", "Q1=", "F2=3～1"} {
			sheets := validDefSheets()
			sheets[QuestionsSheet.Name][6][6] = cond
			rd, _ := readDefsBytes(defsXLSX(t, sheets, nil))
			got := defProblems(rd.b.Problems)
			if len(got) != 1 || got[0].Cell != "G7" {
				t.Errorf("%q: problems = %+v, want one at G7", cond, got)
			}
		}
	})
}
