package ingest

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Sheet names of definitions.xlsx (inputs.md section 2).
const (
	SheetSettings     = "設定"
	SheetDistricts    = "地区"
	SheetTowns        = "町名"
	SheetThemes       = "テーマ"
	SheetQuestions    = "設問"
	SheetChoices      = "選択肢"
	SheetIndicators   = "指標"
	SheetHearingItems = "ヒアリング項目"
)

// Default values of the optional settings (inputs.md section 2, 設定).
const (
	DefaultSuppressBelow  = 10
	DefaultReferenceBelow = 30
	DefaultAlpha          = 0.05
	DefaultMargin         = 3
)

// defs holds the state of one readDefinitions: the lookups that later sheets
// resolve their references against.
type defs struct {
	rd   *reader
	f    *excelize.File
	fi   int32
	file string

	themesPresent bool           // sheet テーマ exists
	themeGone     bool           // a missing テーマ sheet was already reported
	themes        map[string]int // Norm(テーマコード) → index
	themeNames    map[string]int // NormKey(テーマ名) → index, a fallback
	sets          map[string]int // NormKey(選択肢セット) → index
	choiceRows    [][]int        // per set and choice: 1-based row in 選択肢
	choiceSheet   *defSheet
	labelCol      int
	districts     map[string]int // Norm(code, name, alias) → index
	towns         map[string]int // Norm(町名) → district index
	questions     map[string]int // textKey(設問ID) → index
}

// A defSheet is one sheet of definitions.xlsx with its header (row 1).
type defSheet struct {
	name string // as spelled in the workbook
	rows [][]string
	h    header
}

// val returns the normalized value at 0-based row r and column c ("" if absent).
func (s *defSheet) val(r, c int) string {
	if r < 0 || r >= len(s.rows) {
		return ""
	}
	return Norm(rowCell(s.rows[r], c))
}

// text returns the display text at 0-based row r and column c: the cell as
// written, trimmed, with inner line breaks kept.
// Note: names, labels and texts are printed as staff wrote them (（第1期）, ～,
// full-width digits); NFKC is for matching only (val and the indexes in values.go).
func (s *defSheet) text(r, c int) string {
	if r < 0 || r >= len(s.rows) {
		return ""
	}
	return strings.TrimSpace(rowCell(s.rows[r], c))
}

// readDefinitions reads definitions.xlsx into the batch's settings and codebook,
// reporting every problem (inputs.md section 2). It reports false only when the
// definitions cannot be used at all: the file is unreadable, a required sheet is
// missing, or a required sheet lacks a required column. Otherwise it returns true
// even with errors, so that the data files are still checked.
func (rd *reader) readDefinitions(fi int32, data []byte) bool {
	f, ok := rd.openWorkbook(fi, data)
	if !ok {
		return false
	}
	defer f.Close()
	d := &defs{
		rd: rd, f: f, fi: fi, file: rd.b.Files[fi].Path,
		themes: map[string]int{}, themeNames: map[string]int{}, sets: map[string]int{},
		districts: map[string]int{}, towns: map[string]int{}, questions: map[string]int{},
		labelCol: -1,
	}
	// Note: every sheet is looked up before any is read, so that all missing
	// required sheets are reported in one run.
	settings := d.sheet(SheetSettings, true)
	districts := d.sheet(SheetDistricts, true)
	questions := d.sheet(SheetQuestions, true)
	choices := d.sheet(SheetChoices, true)
	themes := d.sheet(SheetThemes, false)
	towns := d.sheet(SheetTowns, false)
	indicators := d.sheet(SheetIndicators, false)
	items := d.sheet(SheetHearingItems, false)
	if settings == nil || districts == nil || questions == nil || choices == nil {
		return false
	}
	d.themesPresent = themes != nil
	// Note: a required sheet without a required column makes the definitions
	// unusable; reading the other sheets would only add follow-on errors.
	usable := d.columns(settings, "項目", "値")
	usable = d.columns(districts, "地区コード", "地区名") && usable
	usable = d.columns(questions, "設問ID", "形式") && usable
	usable = d.columns(choices, "選択肢セット", "コード", "ラベル") && usable
	if !usable {
		return false
	}
	d.readSettings(settings)
	d.readThemes(themes)
	d.readChoiceSets(choices)
	d.readDistricts(districts)
	d.readTowns(towns)
	d.readQuestions(questions)
	d.readIndicators(indicators)
	d.readHearingItems(items)
	return true
}

// sheet reads the sheet named name, reporting it when required and absent.
// It returns nil when the sheet is absent or unreadable.
func (d *defs) sheet(name string, required bool) *defSheet {
	actual, ok := findSheet(d.f, name)
	if !ok {
		if required {
			d.rd.add(Problem{Severity: Error, Code: CodeMissingSheet, File: d.file, Sheet: name})
		}
		return nil
	}
	rows, err := d.rd.sheetRows(d.f, actual)
	if err != nil {
		d.rd.add(Problem{Severity: Error, Code: CodeFileUnreadable, File: d.file, Sheet: actual, Detail: err.Error()})
		return nil
	}
	s := &defSheet{name: actual, rows: rows}
	if len(rows) > 0 {
		s.h = newHeader(rows[0])
	}
	return s
}

// columns reports whether sheet s has every required header, reporting each
// missing one at row 1.
func (d *defs) columns(s *defSheet, required ...string) bool {
	ok := true
	for _, n := range required {
		if _, found := s.h.col(n); !found {
			d.rd.add(Problem{Severity: Error, Code: CodeMissingColumn, File: d.file, Sheet: s.name, Row: 1, Item: n})
			ok = false
		}
	}
	return ok
}

// col returns the column of an optional header, or -1.
func (s *defSheet) col(names ...string) int {
	c, _ := s.h.col(names...)
	return c
}

// problem reports an error at 0-based row r and column c of sheet s; when the
// column is absent (c < 0) it names the row instead.
func (d *defs) problem(code Code, s *defSheet, r, c int, item, value, detail string) {
	p := Problem{Severity: Error, Code: code, File: d.file, Sheet: s.name, Item: item, Value: value, Detail: detail}
	if c >= 0 {
		p.Cell = cellName(c, r+1)
	}
	if p.Cell == "" {
		p.Row = r + 1
	}
	d.rd.add(p)
}

// src returns the Src of 0-based row r.
func (d *defs) src(r int) Src { return Src{File: d.fi, Row: int32(r + 1)} }

// readSettings fills Settings from sheet 設定, defaults first.
func (d *defs) readSettings(s *defSheet) {
	st := &d.rd.b.Settings
	*st = Settings{
		SuppressBelow: DefaultSuppressBelow, ReferenceBelow: DefaultReferenceBelow,
		Alpha: DefaultAlpha, Evaluation: EvalTest, Margin: DefaultMargin,
	}
	ck, cv := s.col("項目"), s.col("値")
	required := []string{"計画名", "区名", "調査名", "基準日"}
	seen := map[string]bool{}
	for r := 1; r < len(s.rows); r++ {
		key := NormKey(rowCell(s.rows[r], ck))
		if key == "" {
			continue
		}
		if !settingKeys[key] {
			// Note: unknown 項目 rows are ignored, like unknown columns: the sheet
			// may carry notes for the people who fill it in.
			continue
		}
		v := s.val(r, cv)
		bad := func(detail string) { d.problem(CodeBadSetting, s, r, cv, key, v, detail) }
		if seen[key] {
			d.problem(CodeDuplicateDef, s, r, ck, key, key, "")
			continue
		}
		seen[key] = true
		if v == "" {
			for _, k := range required {
				if k == key {
					d.problem(CodeMissingSetting, s, r, cv, key, "", "")
				}
			}
			continue // optional settings keep their defaults
		}
		switch key {
		case "計画名":
			st.PlanName = s.text(r, cv)
		case "区名":
			st.Ward = s.text(r, cv)
		case "調査名":
			st.SurveyName = s.text(r, cv)
		case "基準日":
			t, ok := parseDefDate(v)
			if !ok {
				bad("日付は 2025-03-31 の形で入力してください")
				continue
			}
			st.Date = t
		case "配布数":
			n, ok := parseDefCount(v)
			if !ok {
				bad("0以上の整数で入力してください")
				continue
			}
			st.Distributed = n
		case "秘匿基準", "参考値基準":
			n, ok := parseDefCount(v)
			if !ok {
				bad("0以上の整数で入力してください")
				continue
			}
			if key == "秘匿基準" {
				st.SuppressBelow = n
			} else {
				st.ReferenceBelow = n
			}
		case "重み付け":
			w, ok := parseDefYesNo(v, "する", "しない")
			if !ok {
				bad("「する」または「しない」と入力してください")
				continue
			}
			st.Weighting = w
		case "サンプルデータ":
			w, ok := parseDefYesNo(v, "はい", "いいえ")
			if !ok {
				bad("「はい」または「いいえ」と入力してください")
				continue
			}
			st.Sample = w
		case "有意水準":
			a, ok := parseDefFraction(v)
			if !ok || a <= 0 || a >= 1 {
				bad("0より大きく1より小さい値（例: 0.05）で入力してください")
				continue
			}
			st.Alpha = a
		case "評価方法":
			switch v {
			case "検定":
				st.Evaluation = EvalTest
			case "ポイント":
				st.Evaluation = EvalPoints
			default:
				bad("「検定」または「ポイント」と入力してください")
				continue
			}
		case "維持幅":
			m, ok := ParseNumber(strings.TrimSpace(strings.TrimSuffix(v, "ポイント")))
			if !ok || m < 0 || m > 100 {
				bad("0以上のポイント数で入力してください")
				continue
			}
			st.Margin = m
		}
	}
	for _, k := range required {
		if !seen[k] {
			d.rd.add(Problem{Severity: Error, Code: CodeMissingSetting, File: d.file, Sheet: s.name, Item: k})
		}
	}
}

// settingKeys are the 項目 of sheet 設定, after NormKey.
var settingKeys = map[string]bool{
	"計画名": true, "区名": true, "調査名": true, "基準日": true, "配布数": true, "秘匿基準": true,
	"参考値基準": true, "重み付け": true, "有意水準": true, "評価方法": true, "維持幅": true, "サンプルデータ": true,
}

// parseDefDate parses 基準日: YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日 or an Excel
// date serial number (what a date cell holds), as UTC midnight.
func parseDefDate(v string) (time.Time, bool) {
	if n, ok := ParseNumber(v); ok && !strings.Contains(v, ",") {
		// Excel serials: 1 = 1900-01-01; 2958465 = 9999-12-31.
		if n < 1 || n >= 2958466 {
			return time.Time{}, false
		}
		t, err := excelize.ExcelDateToTime(math.Floor(n), false)
		if err != nil {
			return time.Time{}, false
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
	}
	if len(v) > 10 && v[10] == 'T' { // an ISO date-time from a typed date cell
		v = v[:10]
	}
	for _, layout := range []string{"2006-1-2", "2006/1/2", "2006年1月2日", "2006.1.2"} {
		if t, err := time.Parse(layout, v); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// parseDefCount parses a non-negative integer such as 配布数 or 人口 ("1,200" too).
func parseDefCount(v string) (int, bool) {
	f, ok := ParseNumber(v)
	if !ok || f < 0 || f != math.Trunc(f) || f > 1e12 {
		return 0, false
	}
	return int(f), true
}

// parseDefFraction parses a probability such as 0.05 or 5%.
func parseDefFraction(v string) (float64, bool) {
	if p, ok := strings.CutSuffix(v, "%"); ok {
		f, ok := ParseNumber(strings.TrimSpace(p))
		return f / 100, ok
	}
	return ParseNumber(v)
}

// parseDefYesNo parses a yes/no setting: the given words, はい/いいえ, true/false, 1/0.
func parseDefYesNo(v, yes, no string) (bool, bool) {
	switch strings.ToLower(v) {
	case yes, "はい", "する", "あり", "true", "1", "yes":
		return true, true
	case no, "いいえ", "しない", "なし", "false", "0", "no":
		return false, true
	}
	return false, false
}

// readThemes fills Themes from sheet テーマ (optional).
func (d *defs) readThemes(s *defSheet) {
	if s == nil || !d.columns(s, "テーマコード", "テーマ名") {
		return
	}
	cc, cn, ck := s.col("テーマコード"), s.col("テーマ名"), s.col("キーワード")
	b := d.rd.b
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		code, name := s.val(r, cc), s.val(r, cn)
		if code == "" {
			d.problem(CodeBadDefinition, s, r, cc, "テーマコード", "", "テーマコードが空欄です")
			continue
		}
		if _, dup := d.themes[code]; dup {
			d.problem(CodeDuplicateDef, s, r, cc, "テーマコード", code, "")
			continue
		}
		if name == "" {
			d.problem(CodeBadDefinition, s, r, cn, code, "", "テーマ名が空欄です")
			name = code
		}
		d.themes[code] = len(b.Themes)
		if k := NormKey(name); k != "" {
			if _, dup := d.themeNames[k]; !dup {
				d.themeNames[k] = len(b.Themes)
			}
		}
		b.Themes = append(b.Themes, Theme{Code: code, Name: displayOr(s.text(r, cn), name), Keywords: SplitList(rowCell(s.rows[r], ck))})
	}
}

// theme resolves the テーマ reference at row r, column c of sheet s: a テーマコード
// (or, failing that, a テーマ名). It returns -1 for a blank or unknown theme,
// reporting the latter.
func (d *defs) theme(s *defSheet, r, c int, item string) int {
	v := s.val(r, c)
	if v == "" {
		return -1
	}
	if i, ok := d.themes[v]; ok {
		return i
	}
	if i, ok := d.themeNames[NormKey(v)]; ok {
		return i
	}
	detail := ""
	if !d.themesPresent {
		detail = "テーマシートがありません"
		if !d.themeGone {
			d.themeGone = true
			d.rd.add(Problem{Severity: Error, Code: CodeMissingSheet, File: d.file, Sheet: SheetThemes})
		}
	}
	d.problem(CodeUnknownTheme, s, r, c, item, v, detail)
	return -1
}

// readChoiceSets fills ChoiceSets from sheet 選択肢. A blank 選択肢セット continues
// the set of the row above (sets are often written once per group or merged).
func (d *defs) readChoiceSets(s *defSheet) {
	d.choiceSheet = s
	cs, cc, cl := s.col("選択肢セット"), s.col("コード"), s.col("ラベル")
	ca, cp, cpos := s.col("別名"), s.col("点数"), s.col("肯定")
	d.labelCol = cl
	b := d.rd.b
	type state struct {
		codes map[int]bool
		keys  map[string]bool // labels and aliases
		full  bool
	}
	var states []*state
	cur := -1
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		if name := s.val(r, cs); name != "" {
			k := NormKey(name)
			i, ok := d.sets[k]
			if !ok {
				i = len(b.ChoiceSets)
				d.sets[k] = i
				b.ChoiceSets = append(b.ChoiceSets, ChoiceSet{Name: name})
				d.choiceRows = append(d.choiceRows, nil)
				states = append(states, &state{codes: map[int]bool{}, keys: map[string]bool{}})
			}
			cur = i
		} else if cur < 0 {
			d.problem(CodeBadDefinition, s, r, cs, "選択肢セット", "", "選択肢セット名が空欄です")
			continue
		}
		set, st := &b.ChoiceSets[cur], states[cur]
		raw := s.val(r, cc)
		code, ok := ParseCode(raw)
		if !ok {
			d.problem(CodeBadDefinition, s, r, cc, set.Name, raw, "コードは整数で入力してください")
			continue
		}
		if st.codes[code] {
			d.problem(CodeDuplicateDef, s, r, cc, set.Name, raw, "")
			continue
		}
		if len(set.Choices) >= MaxChoices {
			if !st.full {
				st.full = true
				d.problem(CodeBadDefinition, s, r, cc, set.Name, raw, "1つの選択肢セットの選択肢は64個までです")
			}
			continue
		}
		st.codes[code] = true
		label := s.val(r, cl)
		if label == "" {
			d.problem(CodeBadDefinition, s, r, cl, set.Name, "", "ラベルが空欄です")
			label = strconv.Itoa(code)
		} else if st.keys[label] {
			d.problem(CodeDuplicateDef, s, r, cl, set.Name, label, "同じラベル・別名が同じ選択肢セットにあります")
		}
		st.keys[label] = true
		var aliases []string
		for _, a := range SplitList(rowCell(s.rows[r], ca)) {
			if a == label {
				continue
			}
			if st.keys[a] {
				d.problem(CodeDuplicateDef, s, r, ca, set.Name, a, "同じラベル・別名が同じ選択肢セットにあります")
				continue
			}
			st.keys[a] = true
			aliases = append(aliases, a)
		}
		score := float64(code)
		if v := s.val(r, cp); v != "" {
			if score, ok = ParseNumber(v); !ok {
				d.problem(CodeBadDefinition, s, r, cp, set.Name, v, "点数は数値で入力してください")
				score = float64(code)
			}
		}
		positive := false
		if v := s.val(r, cpos); v != "" {
			if positive, ok = parseDefPositive(v); !ok {
				d.problem(CodeBadDefinition, s, r, cpos, set.Name, v, "肯定は「○」か空欄にしてください")
			}
		}
		set.Choices = append(set.Choices, Choice{Code: code, Label: displayOr(s.text(r, cl), label), Aliases: aliases, Score: score, Positive: positive})
		d.choiceRows[cur] = append(d.choiceRows[cur], r+1)
	}
}

// parseDefPositive parses a 肯定 mark: ○ (any of its look-alikes), 1 or TRUE mark a
// favourable choice; ×, 0 and FALSE do not.
func parseDefPositive(v string) (positive, ok bool) {
	switch strings.ToUpper(v) {
	case "○", "〇", "◯", "◎", "●", "✓", "✔", "1", "TRUE", "はい":
		return true, true
	case "×", "✕", "0", "FALSE", "いいえ":
		return false, true
	}
	return false, false
}

// defChoices returns the choices of set named by the normalized value v: one
// code, label or alias; a range of codes `1~3` (NFKC turns ～ into ~), whose ends
// must be codes of the set; or values joined by ・.
func defChoices(set *ChoiceSet, v string) (ChoiceBits, bool) {
	if ci, ok := defChoice(set, v); ok {
		return ChoiceBits(0).With(ci), true
	}
	if lo, hi, ok := strings.Cut(v, "~"); ok {
		a, okA := ParseCode(strings.TrimSpace(lo))
		z, okZ := ParseCode(strings.TrimSpace(hi))
		if !okA || !okZ || a > z {
			return 0, false
		}
		var bits ChoiceBits
		ends := 0
		for i, c := range set.Choices {
			if c.Code >= a && c.Code <= z {
				bits = bits.With(i)
			}
			if c.Code == a || c.Code == z {
				ends++
			}
		}
		return bits, ends == 2 || (a == z && ends == 1)
	}
	if strings.Contains(v, "・") {
		var bits ChoiceBits
		for _, p := range strings.Split(v, "・") {
			ci, ok := defChoice(set, strings.TrimSpace(p))
			if !ok {
				return 0, false
			}
			bits = bits.With(ci)
		}
		return bits, true
	}
	return 0, false
}

// defChoice returns the index in set of the choice whose code, label or alias
// is the normalized value v.
func defChoice(set *ChoiceSet, v string) (int, bool) {
	if code, ok := ParseCode(v); ok {
		for i, c := range set.Choices {
			if c.Code == code {
				return i, true
			}
		}
	}
	for i, c := range set.Choices {
		if c.Label == v {
			return i, true
		}
	}
	for i, c := range set.Choices {
		for _, a := range c.Aliases {
			if a == v {
				return i, true
			}
		}
	}
	return -1, false
}

// readDistricts fills Districts from sheet 地区. A code, name or alias that
// already names another district is a duplicate.
func (d *defs) readDistricts(s *defSheet) {
	cc, cn, ca := s.col("地区コード"), s.col("地区名"), s.col("別名")
	cpop, cdist := s.col("人口"), s.col("配布数")
	b := d.rd.b
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		code, name := s.val(r, cc), s.val(r, cn)
		if name == "" {
			d.problem(CodeBadDefinition, s, r, cn, "地区名", "", "地区名が空欄です")
			continue
		}
		if code == "" {
			d.problem(CodeBadDefinition, s, r, cc, name, "", "地区コードが空欄です")
			code = name
		}
		idx := len(b.Districts)
		claim := func(key string, c int) bool {
			if j, ok := d.districts[key]; ok && j != idx {
				d.problem(CodeDuplicateDef, s, r, c, name, key, "地区「"+b.Districts[j].Name+"」と重複しています")
				return false
			}
			d.districts[key] = idx
			return true
		}
		claim(code, cc)
		claim(name, cn)
		var aliases []string
		for _, a := range SplitList(rowCell(s.rows[r], ca)) {
			if a != name && a != code && claim(a, ca) {
				aliases = append(aliases, a)
			}
		}
		dist := District{Code: code, Name: name, Aliases: aliases, Src: d.src(r)}
		if v := s.val(r, cpop); v != "" {
			n, ok := parseDefCount(v)
			if !ok {
				d.problem(CodeBadDefinition, s, r, cpop, name, v, "人口は0以上の整数で入力してください")
			}
			dist.Population = n
		}
		if v := s.val(r, cdist); v != "" {
			n, ok := parseDefCount(v)
			if !ok {
				d.problem(CodeBadDefinition, s, r, cdist, name, v, "配布数は0以上の整数で入力してください")
			}
			dist.Distributed = n
		}
		b.Districts = append(b.Districts, dist)
	}
	if len(b.Districts) == 0 {
		d.problem(CodeBadDefinition, s, 1, -1, SheetDistricts, "", "地区が1つもありません")
	}
}

// readTowns fills Towns from sheet 町名 (optional): each town maps to a district
// by 地区名, 地区コード or 別名.
func (d *defs) readTowns(s *defSheet) {
	if s == nil || !d.columns(s, "町名", "地区") {
		return
	}
	ct, cd := s.col("町名"), s.col("地区")
	b := d.rd.b
	// Note: sheet 地区 may hold a code typed as 02 as the number 2; the data
	// matcher (no towns yet) resolves such spellings like survey answers do.
	x := newDistrictIndex(b)
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		town, dist := s.val(r, ct), s.val(r, cd)
		if town == "" {
			d.problem(CodeBadDefinition, s, r, ct, "町名", "", "町名が空欄です")
			continue
		}
		if dist == "" {
			d.problem(CodeBadDefinition, s, r, cd, town, "", "地区が空欄です")
			continue
		}
		j, ok := d.districts[dist]
		if !ok {
			j, ok = x.match(dist)
		}
		if !ok {
			d.problem(CodeUnknownDist, s, r, cd, town, dist, "")
			continue
		}
		if prev, dup := d.towns[town]; dup {
			if prev != j {
				d.problem(CodeDuplicateDef, s, r, ct, town, town, "")
			}
			continue
		}
		if k, ok := d.districts[town]; ok && k != j {
			d.problem(CodeDuplicateDef, s, r, ct, town, town, "地区「"+b.Districts[k].Name+"」の名前・別名と同じです")
			continue
		}
		d.towns[town] = j
		b.Towns = append(b.Towns, Town{Name: town, District: j})
	}
}

var defQTypes = map[string]QType{"SA": SA, "MA": MA, "SC": SC, "NUM": NUM, "FA": FA}

var defAttrs = map[string]Attr{"地区": AttrDistrict, "性別": AttrGender, "年代": AttrAge, "年齢": AttrAge}

// readQuestions fills Questions and the attribute questions from sheet 設問,
// then resolves the 対象条件, which may name any question of the sheet.
func (d *defs) readQuestions(s *defSheet) {
	cid, ctext, ctype := s.col("設問ID"), s.col("設問文"), s.col("形式")
	cset, ctheme, cattr, ccond := s.col("選択肢", "選択肢セット"), s.col("テーマ", "テーマコード"), s.col("属性"), s.col("対象条件")
	b := d.rd.b
	condRow := map[int]int{} // question index → row with a 対象条件
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		id := s.val(r, cid)
		if id == "" {
			d.problem(CodeBadDefinition, s, r, cid, "設問ID", "", "設問IDが空欄です")
			continue
		}
		// Note: response headers match 設問ID ignoring ASCII case (textKey), so
		// definitions resolve and deduplicate 設問ID the same way.
		key := textKey(id)
		if _, dup := d.questions[key]; dup {
			d.problem(CodeDuplicateDef, s, r, cid, id, id, "")
			continue
		}
		q := Question{ID: id, Text: s.text(r, ctext), ChoiceSet: -1, Src: d.src(r)}
		if q.Text == "" {
			q.Text = id
		}
		tv := s.val(r, ctype)
		typ, ok := defQTypes[strings.ToUpper(NormKey(tv))]
		if !ok {
			d.problem(CodeBadDefinition, s, r, ctype, id, tv, "形式は SA・MA・SC・NUM・FA のいずれかです")
			typ = FA
		}
		if av := s.val(r, cattr); av != "" {
			if q.Attr, ok = defAttrs[NormKey(av)]; !ok {
				d.problem(CodeBadDefinition, s, r, cattr, id, av, "属性は 地区・性別・年代 のいずれかです")
			}
		}
		if q.Attr == AttrDistrict && typ == FA {
			// Note: a district written in as text is still one district per
			// respondent; treat it as SA without a choice set.
			typ = SA
		}
		q.Type = typ
		q.Theme = d.theme(s, r, ctheme, id)
		if typ.Categorical() {
			name := s.val(r, cset)
			switch i, found := d.sets[NormKey(name)]; {
			case name == "" && q.Attr != AttrDistrict:
				d.problem(CodeBadDefinition, s, r, cset, id, "", "SA・MA・SCの設問には選択肢セットが必要です")
			case name == "":
			case found:
				q.ChoiceSet = i
			default:
				d.problem(CodeUnknownSet, s, r, cset, id, name, "")
			}
			if q.ChoiceSet < 0 && q.Attr != AttrDistrict {
				// Note: a categorical question without a usable choice set is read
				// as free text so that later stages never index a missing set; the
				// error above already stops the run unless -allow-errors.
				q.Type = FA
			}
		}
		qi := len(b.Questions)
		switch q.Attr {
		case AttrDistrict:
			if q.Type != SA {
				d.problem(CodeBadDefinition, s, r, ctype, id, tv, "属性「地区」の設問の形式は SA にしてください")
			}
			if b.DistrictQ >= 0 {
				d.problem(CodeDistrictAttr, s, r, cattr, id, "地区", "")
			} else {
				b.DistrictQ = qi
			}
		case AttrGender, AttrAge:
			if q.ChoiceSet < 0 || q.Type == MA {
				if q.Type == MA || !typ.Categorical() {
					d.problem(CodeBadDefinition, s, r, cattr, id, s.val(r, cattr), "属性「性別」「年代」の設問は選択肢セットのある SA か SC にしてください")
				}
				q.Attr = AttrNone
				break
			}
			p := &b.GenderQ
			if q.Attr == AttrAge {
				p = &b.AgeQ
			}
			if *p >= 0 {
				d.problem(CodeDuplicateDef, s, r, cattr, id, s.val(r, cattr), "同じ属性の設問が2つあります")
			} else {
				*p = qi
			}
		}
		d.questions[key] = qi
		b.Questions = append(b.Questions, q)
		if s.val(r, ccond) != "" {
			condRow[qi] = r
		}
	}
	if b.DistrictQ < 0 {
		p := Problem{Severity: Error, Code: CodeDistrictAttr, File: d.file, Sheet: s.name, Item: "属性"}
		if cattr >= 0 {
			p.Cell = cellName(cattr, 1)
		} else {
			p.Row = 1
		}
		d.rd.add(p)
	}
	for qi := range b.Questions {
		if r, ok := condRow[qi]; ok {
			b.Questions[qi].Cond = d.parseCond(s, r, ccond, qi)
		}
	}
	d.checkDistrictChoices()
}

// condAnd separates the clauses of a 対象条件: &, ＆ (NFKC &), かつ or the word and.
var condAnd = regexp.MustCompile(`(?i)&|かつ|\s+and\s+`)

// parseCond parses the 対象条件 at row r, column c for question qi: clauses like
// `Q2=1,2` (codes or labels of Q2's choice set; also `Q2==1`, a range `Q2=1～3`
// and `1・2`) joined by &, かつ or and. On any error it reports it and returns
// nil (everyone is asked).
func (d *defs) parseCond(s *defSheet, r, c, qi int) []Clause {
	b := d.rd.b
	text := s.val(r, c)
	id := b.Questions[qi].ID
	var out []Clause
	for _, part := range condAnd.Split(text, -1) {
		part = strings.TrimSpace(part)
		lhs, rhs, ok := strings.Cut(part, "=")
		rhs = strings.TrimPrefix(rhs, "=")
		if !ok {
			d.problem(CodeBadDefinition, s, r, c, id, text, "対象条件は「Q2=1,2」の形で入力してください")
			return nil
		}
		j, ok := d.questions[textKey(lhs)]
		if !ok {
			d.problem(CodeUnknownQ, s, r, c, id, strings.TrimSpace(lhs), "")
			return nil
		}
		cq := &b.Questions[j]
		if j == qi || cq.ChoiceSet < 0 {
			d.problem(CodeBadDefinition, s, r, c, id, text, "対象条件には、この設問以外の選択肢セットのある設問を指定してください")
			return nil
		}
		set := &b.ChoiceSets[cq.ChoiceSet]
		var bits ChoiceBits
		vals := SplitList(rhs)
		if len(vals) == 0 {
			d.problem(CodeBadDefinition, s, r, c, id, text, "対象条件は「Q2=1,2」の形で入力してください")
			return nil
		}
		if ci, ok := defChoice(set, Norm(rhs)); ok {
			// Note: a whole label may contain a separator (`見る、聞く`).
			vals = nil
			bits = bits.With(ci)
		}
		for _, v := range vals {
			vb, ok := defChoices(set, v)
			if !ok {
				d.problem(CodeBadDefinition, s, r, c, id, v, cq.ID+"の選択肢にないコードです")
				return nil
			}
			bits |= vb
		}
		out = append(out, Clause{Q: j, Choices: bits})
	}
	return out
}

// checkDistrictChoices reports choices of the district question's choice set
// whose label and aliases name no district or town.
func (d *defs) checkDistrictChoices() {
	b := d.rd.b
	if b.DistrictQ < 0 || d.choiceSheet == nil {
		return
	}
	si := b.Questions[b.DistrictQ].ChoiceSet
	if si < 0 {
		return
	}
	// Note: the same matcher as the survey reader (newValueIndex), so that a
	// label accepted here is also resolved there.
	x := newDistrictIndex(b)
	known := func(v string) bool {
		_, ok := x.match(v)
		return ok
	}
	for ci, c := range b.ChoiceSets[si].Choices {
		ok := known(c.Label)
		for _, a := range c.Aliases {
			ok = ok || known(a)
		}
		if !ok {
			d.problem(CodeUnknownDist, d.choiceSheet, d.choiceRows[si][ci]-1, d.labelCol, b.ChoiceSets[si].Name, c.Label,
				"属性「地区」の設問の選択肢のラベルは地区名にしてください")
		}
	}
}

// readIndicators fills Indicators from sheet 指標 (optional). Indicators with an
// unusable question or 該当コード are reported and left out.
func (d *defs) readIndicators(s *defSheet) {
	if s == nil || !d.columns(s, "指標ID", "指標名", "設問ID", "該当コード") {
		return
	}
	cid, cname, cq, ccodes := s.col("指標ID"), s.col("指標名"), s.col("設問ID"), s.col("該当コード")
	ctheme, cbase, cbn, ctarget, cdir := s.col("テーマ", "テーマコード"), s.col("策定時値"), s.col("策定時n"), s.col("目標値"), s.col("方向")
	b := d.rd.b
	seen := map[string]bool{}
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		id, ok := d.rowID(s, r, cid, "指標ID", seen)
		if !ok {
			continue
		}
		ind := Indicator{ID: id, Name: s.text(r, cname), Src: d.src(r)}
		if ind.Name == "" {
			d.problem(CodeBadDefinition, s, r, cname, id, "", "指標名が空欄です")
			ind.Name = id
		}
		ind.Theme = d.theme(s, r, ctheme, id)
		qid := s.val(r, cq)
		qi, ok := d.questions[textKey(qid)]
		if !ok {
			if qid == "" {
				d.problem(CodeBadDefinition, s, r, cq, id, "", "設問IDが空欄です")
			} else {
				d.problem(CodeUnknownQ, s, r, cq, id, qid, "")
			}
			continue
		}
		q := &b.Questions[qi]
		if q.ChoiceSet < 0 {
			d.problem(CodeBadDefinition, s, r, cq, id, qid, "指標には選択肢セットのある設問（SA・MA・SC）を指定してください")
			continue
		}
		ind.Question = qi
		codes := SplitList(rowCell(s.rows[r], ccodes))
		if len(codes) == 0 {
			d.problem(CodeBadDefinition, s, r, ccodes, id, "", "該当コードが空欄です")
			continue
		}
		bad := false
		if ci, ok := defChoice(&b.ChoiceSets[q.ChoiceSet], s.val(r, ccodes)); ok {
			codes = nil // a whole label containing a separator
			ind.Choices = ind.Choices.With(ci)
		}
		for _, v := range codes {
			vb, ok := defChoices(&b.ChoiceSets[q.ChoiceSet], v)
			if !ok {
				d.problem(CodeBadDefinition, s, r, ccodes, id, v, q.ID+"の選択肢にないコードです")
				bad = true
				continue
			}
			ind.Choices |= vb
		}
		if bad {
			continue
		}
		ind.Baseline, ind.HasBaseline = d.percent(s, r, cbase, id)
		ind.Target, ind.HasTarget = d.percent(s, r, ctarget, id)
		if v := s.val(r, cbn); v != "" {
			n, ok := parseDefCount(v)
			if !ok || n == 0 {
				d.problem(CodeBadDefinition, s, r, cbn, id, v, "策定時nは1以上の整数で入力してください")
			} else {
				ind.BaselineN = n
			}
		}
		switch v := s.val(r, cdir); v {
		case "", "増", "増加", "上昇", "↑":
			ind.Direction = Up
		case "減", "減少", "低下", "↓":
			ind.Direction = Down
		default:
			d.problem(CodeBadDefinition, s, r, cdir, id, v, "方向は「増」または「減」と入力してください")
		}
		b.Indicators = append(b.Indicators, ind)
	}
}

// percent parses a percentage at row r, column c: `45.2`, `45.2%`, or a number
// in a cell formatted as percent (stored as 0.452). It reports whether a valid
// value was given, reporting an invalid one.
func (d *defs) percent(s *defSheet, r, c int, item string) (float64, bool) {
	v := s.val(r, c)
	if v == "" {
		return 0, false
	}
	var x float64
	var ok bool
	if p, cut := strings.CutSuffix(v, "%"); cut {
		x, ok = ParseNumber(strings.TrimSpace(p))
	} else if x, ok = ParseNumber(v); ok && d.percentFormatted(s, r, c) {
		// Note: with RawCellValue, 45.2% typed into Excel is stored as 0.452.
		x *= 100
	}
	if !ok || x < 0 || x > 100 {
		d.problem(CodeBadDefinition, s, r, c, item, v, "0から100までのパーセント値で入力してください")
		return 0, false
	}
	return x, true
}

// percentFormatted reports whether the cell displays as a percentage.
func (d *defs) percentFormatted(s *defSheet, r, c int) bool {
	name := cellName(c, r+1)
	if name == "" {
		return false
	}
	shown, err := d.f.GetCellValue(s.name, name)
	return err == nil && strings.HasSuffix(strings.TrimSpace(shown), "%")
}

var defHearingKinds = map[string]HearingKind{
	"団体名": HOrg, "団体種別": HOrgType, "地区": HDistrict, "評価": HRating,
	"記述": HComment, "数値": HNumber, "テキスト": HText,
}

// readHearingItems fills HearingItems from sheet ヒアリング項目 (optional).
func (d *defs) readHearingItems(s *defSheet) {
	if s == nil || !d.columns(s, "項目ID", "項目名", "種別") {
		return
	}
	cid, cname, ckind := s.col("項目ID"), s.col("項目名"), s.col("種別")
	ccell, chead, ctheme, cscale := s.col("セル"), s.col("見出し"), s.col("テーマ", "テーマコード"), s.col("尺度")
	b := d.rd.b
	ids, cells, heads := map[string]bool{}, map[string]bool{}, map[string]bool{}
	org, dist := false, false
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		id, ok := d.rowID(s, r, cid, "項目ID", ids)
		if !ok {
			continue
		}
		it := HearingItem{ID: id, Name: s.text(r, cname), Theme: -1, Scale: -1}
		if it.Name == "" {
			d.problem(CodeBadDefinition, s, r, cname, id, "", "項目名が空欄です")
			it.Name = id
		}
		kv := s.val(r, ckind)
		kind, ok := defHearingKinds[NormKey(kv)]
		if !ok {
			d.problem(CodeBadDefinition, s, r, ckind, id, kv, "種別は 団体名・団体種別・地区・評価・記述・数値・テキスト のいずれかです")
			continue
		}
		switch {
		case kind == HOrg && org:
			d.problem(CodeBadDefinition, s, r, ckind, id, kv, "種別「団体名」の項目は1つだけにしてください")
			kind = HText
		case kind == HOrg:
			org = true
		case kind == HDistrict && dist:
			d.problem(CodeBadDefinition, s, r, ckind, id, kv, "種別「地区」の項目は1つまでです")
			kind = HText
		case kind == HDistrict:
			dist = true
		}
		if v := s.val(r, ccell); v != "" {
			a1 := strings.ToUpper(strings.ReplaceAll(v, "$", ""))
			if col, row, err := excelize.CellNameToCoordinates(a1); err != nil || cellName(col-1, row) != a1 {
				d.problem(CodeBadDefinition, s, r, ccell, id, v, "セルは C4 のような番地で入力してください")
			} else if cells[a1] {
				d.problem(CodeDuplicateDef, s, r, ccell, id, v, "同じセルの項目がほかにあります")
			} else {
				cells[a1] = true
				it.Cell = a1
			}
		}
		it.Header = NormKey(s.val(r, chead))
		if it.Header == "" {
			it.Header = NormKey(it.Name)
		}
		if heads[it.Header] {
			c := chead
			if s.val(r, chead) == "" {
				c = cname
			}
			d.problem(CodeDuplicateDef, s, r, c, id, it.Header, "同じ見出しの項目がほかにあります")
		}
		heads[it.Header] = true
		it.Theme = d.theme(s, r, ctheme, id)
		if kind == HRating {
			name := s.val(r, cscale)
			i, found := d.sets[NormKey(name)]
			switch {
			case name == "":
				d.problem(CodeBadDefinition, s, r, cscale, id, "", "種別「評価」の項目には尺度（選択肢セット）が必要です")
			case !found:
				d.problem(CodeUnknownSet, s, r, cscale, id, name, "")
			default:
				it.Scale = i
			}
			if it.Scale < 0 {
				// Note: read as text so that later stages never index a missing scale.
				kind = HText
			}
		}
		it.Kind = kind
		b.HearingItems = append(b.HearingItems, it)
	}
	if !org {
		d.problem(CodeBadDefinition, s, 0, ckind, "種別", "団体名", "種別「団体名」の項目が1つ必要です")
	}
}

// rowID returns the ID in column c of row r of s. A blank ID (named label) or one
// already in seen (compared by NormKey) is reported and false returned.
func (d *defs) rowID(s *defSheet, r, c int, label string, seen map[string]bool) (string, bool) {
	id := s.val(r, c)
	if id == "" {
		d.problem(CodeBadDefinition, s, r, c, label, "", label+"が空欄です")
		return "", false
	}
	if seen[NormKey(id)] {
		d.problem(CodeDuplicateDef, s, r, c, id, id, "")
		return "", false
	}
	seen[NormKey(id)] = true
	return id, true
}

// displayOr returns the display text t, or the fallback when t is blank.
func displayOr(t, fallback string) string {
	if t == "" {
		return fallback
	}
	return t
}
