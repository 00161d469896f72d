package ingest

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// defs holds the state of one readDefinitions: the lookups that later sheets
// resolve their references against.
type defs struct {
	rd   *reader
	wb   *workbook
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
	noAnswerRow   int            // 0-based row of 無回答コード in 設定 (0 = not given)
	settings      *defSheet
}

// A defSheet is one sheet of definitions.xlsx or corrections.xlsx, read as its
// schema entry describes it.
type defSheet struct {
	spec *Sheet
	name string // as spelled in the workbook
	rows [][]string
	cols []int // 0-based column of each spec.Columns field, -1 when absent
}

// col returns the 0-based column of field c of the sheet's schema (one of the
// sheet's Col constants), or -1 when the header is absent.
func (s *defSheet) col(c int) int { return s.cols[c] }

// val returns the normalized value at 0-based row r and column c ("" if absent).
func (s *defSheet) val(r, c int) string {
	if r < 0 || r >= len(s.rows) {
		return ""
	}
	return Norm(rowCell(s.rows[r], c))
}

// valOr returns the normalized value at 0-based row r of column c (a Col
// constant of the sheet), or the column's default when the cell is blank.
func (s *defSheet) valOr(r, c int) string {
	if v := s.val(r, s.col(c)); v != "" {
		return v
	}
	return s.spec.Columns[c].Default
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
	wb, ok := rd.openBook(fi, data)
	if !ok {
		return false
	}
	defer wb.Close()
	d := &defs{
		rd: rd, wb: wb, fi: fi, file: rd.b.Files[fi].Path,
		themes: map[string]int{}, themeNames: map[string]int{}, sets: map[string]int{},
		districts: map[string]int{}, towns: map[string]int{}, questions: map[string]int{},
		labelCol: -1,
	}
	// Note: every sheet is looked up before any is read, so that all missing
	// required sheets are reported in one run.
	sheets := map[*Sheet]*defSheet{}
	for _, spec := range DefinitionsSchema.Sheets {
		sheets[spec] = rd.schemaSheet(wb, d.file, spec)
	}
	for _, spec := range DefinitionsSchema.Sheets {
		if spec.Required && sheets[spec] == nil {
			return false
		}
	}
	d.themesPresent = sheets[ThemesSheet] != nil
	// Note: a required sheet without a required column makes the definitions
	// unusable; reading the other sheets would only add follow-on errors. An
	// optional sheet without one is left out.
	usable := true
	for _, spec := range DefinitionsSchema.Sheets {
		if spec.Required && !rd.columns(d.file, sheets[spec]) {
			usable = false
		}
	}
	if !usable {
		return false
	}
	for _, spec := range DefinitionsSchema.Sheets {
		if s := sheets[spec]; !spec.Required && s != nil && !rd.columns(d.file, s) {
			sheets[spec] = nil
		}
	}
	d.readSettings(sheets[SettingsSheet])
	d.readThemes(sheets[ThemesSheet])
	d.readChoiceSets(sheets[ChoicesSheet])
	d.checkNoAnswerCodes()
	d.readDistricts(sheets[DistrictsSheet])
	d.readTowns(sheets[TownsSheet])
	d.readQuestions(sheets[QuestionsSheet])
	d.readIndicators(sheets[IndicatorsSheet])
	d.readHearingItems(sheets[HearingItemsSheet])
	d.readInitiatives(sheets[InitiativesSheet], sheets[SettingsSheet])
	d.readHardCategories(sheets[HardSheet])
	return true
}

// sheetsFound returns the hint of a missing sheet want: the workbook's
// sheets, and the nearest to want when one is near.
func sheetsFound(sheets []string, want string) (Hint, []string) {
	if n := Nearest(want, sheets); n != "" {
		return HintSheetsNear, []string{quoted(sheets), n}
	}
	return HintSheetsFound, []string{quoted(sheets)}
}

// schemaBook opens workbook fi (data), reads the sheet that spec describes
// (schemaSheet) and closes the workbook; nil, with the problems reported,
// when the book or the sheet cannot be read.
func (rd *reader) schemaBook(fi int32, data []byte, spec *Sheet) *defSheet {
	wb, ok := rd.openBook(fi, data)
	if !ok {
		return nil
	}
	defer wb.Close()
	return rd.schemaSheet(wb, rd.b.Files[fi].Path, spec)
}

// schemaSheet reads the sheet of workbook f (file) that spec describes, and
// finds the column of each of its fields. When no sheet has spec's name it
// reads the first sheet if spec.OrFirst, else reports a required sheet as
// missing and returns nil. It also returns nil for an unreadable sheet.
func (rd *reader) schemaSheet(wb *workbook, file string, spec *Sheet) *defSheet {
	actual, ok := findSheet(wb.File, spec.Name)
	switch {
	case !ok && spec.OrFirst:
		actual = wb.GetSheetList()[0]
	case !ok:
		if spec.Required {
			hint, args := sheetsFound(wb.GetSheetList(), spec.Name)
			rd.add(Problem{Severity: Error, Code: CodeMissingSheet, File: file, Sheet: spec.Name,
				Hint: hint, Args: args})
		}
		return nil
	}
	rows, err := wb.sheetRows(actual)
	if err != nil {
		rd.add(sheetProblem(file, actual, err))
		return nil
	}
	s := &defSheet{spec: spec, name: actual, rows: rows, cols: make([]int, len(spec.Columns))}
	var h header
	if len(rows) > 0 {
		h = newHeader(rows[0])
	}
	for i, c := range spec.Columns {
		s.cols[i], _ = h.col(c.Names()...)
	}
	return s
}

// columns reports whether sheet s has every required header of its schema,
// reporting each missing one at row 1.
func (rd *reader) columns(file string, s *defSheet) bool {
	ok := true
	for i, c := range s.spec.Columns {
		if c.Required && s.cols[i] < 0 {
			rd.add(Problem{Severity: Error, Code: CodeMissingColumn, File: file, Sheet: s.name, Row: 1, Item: c.Name})
			ok = false
		}
	}
	return ok
}

// at returns an error at 0-based row r and column c of sheet s; when the
// column is absent (c < 0) it names the row instead.
func (d *defs) at(code Code, s *defSheet, r, c int) Problem {
	return Problem{Severity: Error, Code: code, File: d.file, Sheet: s.name, Row: r + 1, Col: max(c+1, 0)}
}

// problem reports an error at 0-based row r and column c of sheet s (c < 0:
// the whole row) about item and its value.
func (d *defs) problem(code Code, s *defSheet, r, c int, item, value string, hint Hint, args ...string) {
	p := d.at(code, s, r, c)
	p.Item, p.Value, p.Hint, p.Args = item, value, hint, args
	d.rd.add(p)
}

// rule reports that the cell at 0-based row r in column col (a Col constant of
// s) breaks the rule code: Item is the column's header, RecordID the record
// the row defines ("" when unknown), Value the cell's value.
func (d *defs) rule(code Code, s *defSheet, r, col int, record, value string, hint Hint, args ...string) {
	p := d.at(code, s, r, s.col(col))
	p.Item, p.RecordID, p.Value, p.Hint, p.Args = s.spec.Header(col), record, value, hint, args
	d.rd.add(p)
}

// keyword reports a value of column col (a Col constant of s) that is not one
// of its keywords, listing them.
func (d *defs) keyword(s *defSheet, r, col int, record, value string) {
	d.rule(CodeUnknownKeyword, s, r, col, record, value, HintOneOf, strings.Join(s.spec.Columns[col].Values, "・"))
}

// unknownChoice reports a code or label at 0-based row r, column c of s that is
// not a choice of question q, in the definition of record.
func (d *defs) unknownChoice(s *defSheet, r, c int, q *Question, record, value string) {
	p := d.at(CodeUnknownCode, s, r, c)
	p.Item, p.RecordID, p.Value = q.ID, record, value
	d.rd.add(p)
}

// src returns the Src of 0-based row r.
func (d *defs) src(r int) Src { return Src{File: d.fi, Row: int32(r + 1)} }

// readSettings fills Settings from sheet 設定, defaults first.
func (d *defs) readSettings(s *defSheet) {
	st := &d.rd.b.Settings
	*st = Settings{}
	d.settings = s
	items := SettingsSheet.Items
	for i, it := range items {
		if it.Default != "" {
			// Note: a default is parsed like a typed value, so that the table's
			// text is the only place it is written down (TestSettingDefaults).
			setSetting(st, i, it.Default, it.Default)
		}
	}
	byKey := map[string]int{}
	for i, it := range items {
		for _, n := range it.Names() {
			byKey[NormKey(n)] = i
		}
	}
	ck, cv := s.col(ColSettingItem), s.col(ColSettingValue)
	seen := make([]bool, len(items))
	for r := 1; r < len(s.rows); r++ {
		key := NormKey(rowCell(s.rows[r], ck))
		if key == "" {
			continue
		}
		i, known := byKey[key]
		if !known {
			// Note: unknown 項目 rows are ignored, like unknown columns: the sheet
			// may carry notes for the people who fill it in.
			continue
		}
		v := s.val(r, cv)
		if seen[i] {
			d.problem(CodeDuplicateDef, s, r, ck, key, key, "")
			continue
		}
		seen[i] = true
		if v == "" {
			if items[i].Required {
				d.problem(CodeMissingSetting, s, r, cv, key, "", "")
			}
			continue // optional settings keep their defaults
		}
		if hint, args, ok := setSetting(st, i, v, s.text(r, cv)); !ok {
			d.problem(CodeBadSetting, s, r, cv, key, v, hint, args...)
		} else if i == SettingNoAnswer {
			d.noAnswerRow = r
		}
	}
	for i, it := range items {
		if it.Required && !seen[i] {
			d.rd.add(Problem{Severity: Error, Code: CodeMissingSetting, File: d.file, Sheet: s.name, Item: it.Name})
		}
	}
}

// setSetting sets item i (a Setting constant) of st from its normalized value
// v, or its display text for names. When v is not valid it leaves st as it was
// and returns the hint that says what a valid value looks like.
func setSetting(st *Settings, i int, v, text string) (hint Hint, args []string, ok bool) {
	it := &SettingsSheet.Items[i]
	switch i {
	case SettingPlanName:
		st.PlanName = text
	case SettingWard:
		st.Ward = text
	case SettingSurvey:
		st.SurveyName = text
	case SettingTarget:
		st.Target = text
	case SettingSampling:
		st.Sampling = text
	case SettingPeriod:
		st.Period = text
	case SettingMethod:
		st.Method = text
	case SettingDate:
		t, ok := parseDefDate(v)
		if !ok {
			return HintDate, nil, false
		}
		st.Date = t
	case SettingDistributed, SettingSuppress, SettingReference:
		n, ok := parseDefCount(v)
		if !ok {
			return HintCount, nil, false
		}
		switch i {
		case SettingDistributed:
			st.Distributed = n
		case SettingSuppress:
			st.SuppressBelow = n
		default:
			st.ReferenceBelow = n
		}
	case SettingWeighting, SettingSample, SettingFindings, SettingPublishOrgs:
		w, ok := parseDefYesNo(v, it.Values[0], it.Values[1])
		if !ok {
			return HintEither, it.Values, false
		}
		switch i {
		case SettingWeighting:
			st.Weighting = w
		case SettingFindings:
			st.NoFindings = !w
		case SettingPublishOrgs:
			st.PublishOrgs = w
		default:
			st.Sample = w
		}
	case SettingAlpha:
		a, ok := parseDefFraction(v)
		if !ok || a <= 0 || a >= 1 {
			return HintAlpha, nil, false
		}
		st.Alpha = a
	case SettingEvaluation:
		switch v {
		case it.Values[0]:
			st.Evaluation = EvalTest
		case it.Values[1]:
			st.Evaluation = EvalPoints
		default:
			return HintEither, it.Values, false
		}
	case SettingNoAnswer:
		var codes []int
		for _, p := range SplitList(v) {
			c, ok := ParseCode(p)
			if !ok {
				return HintCodes, nil, false
			}
			codes = append(codes, c)
		}
		st.NoAnswer = codes
	case SettingMargin:
		m, ok := ParseNumber(strings.TrimSpace(strings.TrimSuffix(v, "ポイント")))
		if !ok || m < 0 || m > 100 {
			return HintPoints, nil, false
		}
		st.Margin = m
	case SettingMapName:
		st.MapName = text
	case SettingContact:
		st.Contact = nil
		for _, l := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				st.Contact = append(st.Contact, l)
			}
		}
	case SettingLicense:
		l, ok := parseLicense(v)
		if !ok {
			return HintEither, it.Values, false
		}
		st.License = l
	case SettingProgressScale:
		// Note: resolved against sheet 選択肢 once it is read (readInitiatives).
		st.ProgressScaleName = v
	}
	return "", nil, true
}

// parseLicense reads 公開ライセンス: CC BY 4.0 (spaces, hyphens, case and
// full-width letters aside; "CC BY" alone means 4.0, and its full name
// 「CC BY 4.0 国際」「クリエイティブ・コモンズ 表示 4.0 国際」 too) or the
// government's standard terms (公共データ利用規約, with or without its
// edition, or the older name 政府標準利用規約).
func parseLicense(v string) (string, bool) {
	k := strings.ToUpper(strings.ReplaceAll(NormKey(v), "-", ""))
	switch {
	case k == "CCBY4.0" || k == "CCBY" || k == "CCBY4.0国際" || k == "CCBY4.0INTERNATIONAL" || k == "クリエイティブ・コモンズ表示4.0国際":
		return LicenseCCBY, true
	case strings.HasPrefix(k, "公共データ利用規約") || strings.HasPrefix(k, "政府標準利用規約"):
		return LicenseGovStd, true
	}
	return "", false
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
	if s == nil {
		return
	}
	cc, cn, ck := s.col(ColThemeCode), s.col(ColThemeName), s.col(ColThemeKeywords)
	b := d.rd.b
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		code, name := s.val(r, cc), s.val(r, cn)
		if code == "" {
			d.rule(CodeEmptyCell, s, r, ColThemeCode, "", "", "")
			continue
		}
		if _, dup := d.themes[code]; dup {
			d.problem(CodeDuplicateDef, s, r, cc, s.spec.Header(ColThemeCode), code, "")
			continue
		}
		if name == "" {
			d.rule(CodeEmptyCell, s, r, ColThemeName, code, "", "")
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
	var hint Hint
	if !d.themesPresent {
		hint = HintNoThemeSheet
		if !d.themeGone {
			d.themeGone = true
			d.rd.add(Problem{Severity: Error, Code: CodeMissingSheet, File: d.file, Sheet: ThemesSheet.Name})
		}
	}
	d.problem(CodeUnknownTheme, s, r, c, item, v, hint)
	return -1
}

// readChoiceSets fills ChoiceSets from sheet 選択肢. A blank 選択肢セット continues
// the set of the row above (sets are often written once per group or merged).
func (d *defs) readChoiceSets(s *defSheet) {
	d.choiceSheet = s
	cs, cc, cl := s.col(ColChoiceSet), s.col(ColChoiceCode), s.col(ColChoiceLabel)
	ca, cp, cpos := s.col(ColChoiceAliases), s.col(ColChoiceScore), s.col(ColChoicePositive)
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
			d.rule(CodeEmptyCell, s, r, ColChoiceSet, "", "", "")
			continue
		}
		set, st := &b.ChoiceSets[cur], states[cur]
		raw := s.val(r, cc)
		code, ok := ParseCode(raw)
		if !ok {
			d.rule(CodeNotInteger, s, r, ColChoiceCode, set.Name, raw, "")
			continue
		}
		if st.codes[code] {
			d.problem(CodeDuplicateDef, s, r, cc, set.Name, raw, "")
			continue
		}
		if len(set.Choices) >= MaxChoices {
			if !st.full {
				st.full = true
				d.rule(CodeTooManyChoices, s, r, ColChoiceCode, set.Name, raw, "")
			}
			continue
		}
		st.codes[code] = true
		label := s.val(r, cl)
		if label == "" {
			d.rule(CodeEmptyCell, s, r, ColChoiceLabel, set.Name, "", "")
			label = strconv.Itoa(code)
		} else if st.keys[label] {
			d.problem(CodeDuplicateDef, s, r, cl, set.Name, label, HintSameLabel)
		}
		st.keys[label] = true
		var aliases []string
		for _, a := range SplitList(rowCell(s.rows[r], ca)) {
			if a == label {
				continue
			}
			if st.keys[a] {
				d.problem(CodeDuplicateDef, s, r, ca, set.Name, a, HintSameLabel)
				continue
			}
			st.keys[a] = true
			aliases = append(aliases, a)
		}
		score := float64(code)
		if v := s.val(r, cp); v != "" {
			if score, ok = ParseNumber(v); !ok {
				d.rule(CodeNotNumber, s, r, ColChoiceScore, set.Name, v, "")
				score = float64(code)
			}
		}
		positive := false
		if v := s.val(r, cpos); v != "" {
			if positive, ok = parseDefPositive(v); !ok {
				d.keyword(s, r, ColChoicePositive, set.Name, v)
			}
		}
		set.Choices = append(set.Choices, Choice{Code: code, Label: displayOr(s.text(r, cl), label), Aliases: aliases, Score: score, Positive: positive})
		d.choiceRows[cur] = append(d.choiceRows[cur], r+1)
	}
}

// checkNoAnswerCodes reports each 無回答コード that is also the code of a
// choice: the code cannot mean both.
func (d *defs) checkNoAnswerCodes() {
	b := d.rd.b
	if d.noAnswerRow == 0 {
		return
	}
	cv := d.settings.col(ColSettingValue)
	for _, code := range b.Settings.NoAnswer {
		for _, set := range b.ChoiceSets {
			for _, c := range set.Choices {
				if c.Code == code {
					d.problem(CodeBadSetting, d.settings, d.noAnswerRow, cv, SettingsSheet.Items[SettingNoAnswer].Name,
						strconv.Itoa(code), HintNoAnswerCode, set.Name, c.Label)
				}
			}
		}
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
	cc, cn, ca := s.col(ColDistrictCode), s.col(ColDistrictName), s.col(ColDistrictAliases)
	cpop, cdist := s.col(ColDistrictPopulation), s.col(ColDistrictDistributed)
	b := d.rd.b
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		code, name := s.val(r, cc), s.val(r, cn)
		if name == "" {
			d.rule(CodeEmptyCell, s, r, ColDistrictName, "", "", "")
			continue
		}
		if code == "" {
			d.rule(CodeEmptyCell, s, r, ColDistrictCode, name, "", "")
			code = name
		}
		idx := len(b.Districts)
		claim := func(key string, c int) bool {
			if j, ok := d.districts[key]; ok && j != idx {
				d.problem(CodeDuplicateDef, s, r, c, name, key, HintSameDistrict, b.Districts[j].Name)
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
				d.rule(CodeNotInteger, s, r, ColDistrictPopulation, name, v, "")
			}
			dist.Population = n
		}
		if v := s.val(r, cdist); v != "" {
			n, ok := parseDefCount(v)
			if !ok {
				d.rule(CodeNotInteger, s, r, ColDistrictDistributed, name, v, "")
			}
			dist.Distributed = n
		}
		b.Districts = append(b.Districts, dist)
	}
	if len(b.Districts) == 0 {
		d.problem(CodeNoDistricts, s, 1, -1, "", "", "")
	}
}

// readTowns fills Towns from sheet 町名 (optional): each town maps to a district
// by 地区名, 地区コード or 別名.
func (d *defs) readTowns(s *defSheet) {
	if s == nil {
		return
	}
	ct, cd := s.col(ColTownName), s.col(ColTownDistrict)
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
			d.rule(CodeEmptyCell, s, r, ColTownName, "", "", "")
			continue
		}
		if dist == "" {
			d.rule(CodeEmptyCell, s, r, ColTownDistrict, town, "", "")
			continue
		}
		j, ok := d.districts[dist]
		if !ok {
			j, ok = x.match(dist)
		}
		if !ok {
			hint, args := x.suggest(dist)
			d.problem(CodeUnknownDist, s, r, cd, town, dist, hint, args...)
			continue
		}
		if prev, dup := d.towns[town]; dup {
			if prev != j {
				d.problem(CodeDuplicateDef, s, r, ct, town, town, "")
			}
			continue
		}
		if k, ok := d.districts[town]; ok && k != j {
			d.problem(CodeDuplicateDef, s, r, ct, town, town, HintTownDistrict, b.Districts[k].Name)
			continue
		}
		d.towns[town] = j
		b.Towns = append(b.Towns, Town{Name: town, District: j})
	}
}

var defQTypes = map[string]QType{"SA": SA, "MA": MA, "SC": SC, "NUM": NUM, "FA": FA}

var defAttrs = map[string]Attr{"地区": AttrDistrict, "性別": AttrGender, "年代": AttrAge, "年齢": AttrAge}

// axisKeyword is the 属性 of a question used as a breakdown (Question.Axis).
const axisKeyword = "分析軸"

// readQuestions fills Questions and the attribute questions from sheet 設問,
// then resolves the 対象条件, which may name any question of the sheet.
func (d *defs) readQuestions(s *defSheet) {
	cid, ctext, ctype := s.col(ColQuestionID), s.col(ColQuestionText), s.col(ColQuestionType)
	cset, ctheme, cattr, ccond := s.col(ColQuestionChoiceSet), s.col(ColQuestionTheme), s.col(ColQuestionAttr), s.col(ColQuestionCond)
	chead, cunit := s.col(ColQuestionHeaders), s.col(ColQuestionUnit)
	b := d.rd.b
	condRow := map[int]int{} // question index → row with a 対象条件
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		id := s.val(r, cid)
		if id == "" {
			d.rule(CodeEmptyCell, s, r, ColQuestionID, "", "", "")
			continue
		}
		// Note: response headers match 設問ID ignoring ASCII case (textKey), so
		// definitions resolve and deduplicate 設問ID the same way.
		key := textKey(id)
		if _, dup := d.questions[key]; dup {
			d.problem(CodeDuplicateDef, s, r, cid, id, id, "")
			continue
		}
		q := Question{ID: id, Text: s.text(r, ctext), ChoiceSet: -1, Src: d.src(r), Unit: strings.TrimSpace(s.text(r, cunit))}
		if q.Text == "" {
			q.Text = id
		}
		tv := s.val(r, ctype)
		typ, ok := defQTypes[strings.ToUpper(NormKey(tv))]
		if !ok {
			d.keyword(s, r, ColQuestionType, id, tv)
			typ = FA
		}
		if av := s.val(r, cattr); av != "" {
			if NormKey(av) == axisKeyword {
				q.Axis = true
			} else if q.Attr, ok = defAttrs[NormKey(av)]; !ok {
				d.keyword(s, r, ColQuestionAttr, id, av)
			}
		}
		for _, h := range strings.FieldsFunc(s.text(r, chead), func(r rune) bool { return r == '\n' || r == '\r' }) {
			if h = strings.TrimSpace(h); h != "" {
				q.Headers = append(q.Headers, h)
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
				d.rule(CodeMissingSetRef, s, r, ColQuestionChoiceSet, id, "", "")
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
		if q.Axis && (q.ChoiceSet < 0 || (q.Type != SA && q.Type != SC)) {
			d.rule(CodeAttrType, s, r, ColQuestionAttr, id, s.val(r, cattr), "")
			q.Axis = false
		}
		qi := len(b.Questions)
		switch q.Attr {
		case AttrDistrict:
			if q.Type != SA {
				d.rule(CodeAttrType, s, r, ColQuestionType, id, tv, "")
			}
			if b.DistrictQ >= 0 {
				d.problem(CodeDistrictAttr, s, r, cattr, id, "地区", "")
			} else {
				b.DistrictQ = qi
			}
		case AttrGender, AttrAge:
			if q.ChoiceSet < 0 || q.Type == MA {
				if q.Type == MA || !typ.Categorical() {
					d.rule(CodeAttrType, s, r, ColQuestionAttr, id, s.val(r, cattr), "")
				}
				q.Attr = AttrNone
				break
			}
			p := &b.GenderQ
			if q.Attr == AttrAge {
				p = &b.AgeQ
			}
			if *p >= 0 {
				d.problem(CodeDuplicateDef, s, r, cattr, id, s.val(r, cattr), HintSameAttr)
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
		d.problem(CodeDistrictAttr, s, 0, cattr, s.spec.Header(ColQuestionAttr), "", "")
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
			d.rule(CodeBadCondition, s, r, ColQuestionCond, id, text, "")
			return nil
		}
		j, ok := d.questions[textKey(lhs)]
		if !ok {
			d.problem(CodeUnknownQ, s, r, c, id, strings.TrimSpace(lhs), "")
			return nil
		}
		cq := &b.Questions[j]
		if j == qi || cq.ChoiceSet < 0 {
			d.rule(CodeBadCondition, s, r, ColQuestionCond, id, text, "")
			return nil
		}
		set := &b.ChoiceSets[cq.ChoiceSet]
		var bits ChoiceBits
		vals := SplitList(rhs)
		if len(vals) == 0 {
			d.rule(CodeBadCondition, s, r, ColQuestionCond, id, text, "")
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
				d.unknownChoice(s, r, c, cq, id, v)
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
				HintDistrictLabel)
		}
	}
}

// readIndicators fills Indicators from sheet 指標 (optional). Indicators with an
// unusable question or 該当コード are reported and left out.
func (d *defs) readIndicators(s *defSheet) {
	if s == nil {
		return
	}
	cname, cq, ccodes := s.col(ColIndicatorName), s.col(ColIndicatorQuestion), s.col(ColIndicatorCodes)
	ctheme, cbn := s.col(ColIndicatorTheme), s.col(ColIndicatorBaselineN)
	b := d.rd.b
	seen := map[string]bool{}
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		id, ok := d.rowID(s, r, ColIndicatorID, seen)
		if !ok {
			continue
		}
		ind := Indicator{ID: id, Name: s.text(r, cname), Src: d.src(r)}
		if ind.Name == "" {
			d.rule(CodeEmptyCell, s, r, ColIndicatorName, id, "", "")
			ind.Name = id
		}
		ind.Theme = d.theme(s, r, ctheme, id)
		qid := s.val(r, cq)
		qi, ok := d.questions[textKey(qid)]
		if !ok {
			if qid == "" {
				d.rule(CodeEmptyCell, s, r, ColIndicatorQuestion, id, "", "")
			} else {
				d.problem(CodeUnknownQ, s, r, cq, id, qid, "")
			}
			continue
		}
		q := &b.Questions[qi]
		if q.ChoiceSet < 0 {
			d.rule(CodeNotCategorical, s, r, ColIndicatorQuestion, id, qid, "")
			continue
		}
		ind.Question = qi
		codes := SplitList(rowCell(s.rows[r], ccodes))
		if len(codes) == 0 {
			d.rule(CodeEmptyCell, s, r, ColIndicatorCodes, id, "", "")
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
				d.unknownChoice(s, r, ccodes, q, id, v)
				bad = true
				continue
			}
			ind.Choices |= vb
		}
		if bad {
			continue
		}
		ind.Baseline, ind.HasBaseline = d.percent(s, r, ColIndicatorBaseline, id)
		ind.Target, ind.HasTarget = d.percent(s, r, ColIndicatorTarget, id)
		if v := s.val(r, cbn); v != "" {
			n, ok := parseDefCount(v)
			if !ok || n == 0 {
				d.rule(CodeNotInteger, s, r, ColIndicatorBaselineN, id, v, "")
			} else {
				ind.BaselineN = n
			}
		}
		v := s.valOr(r, ColIndicatorDirection)
		if ind.Direction, ok = parseDefDirection(v); !ok {
			d.keyword(s, r, ColIndicatorDirection, id, v)
		}
		b.Indicators = append(b.Indicators, ind)
	}
}

// parseDefDirection parses a 方向: 増 (or a synonym) or 減.
func parseDefDirection(v string) (Direction, bool) {
	switch v {
	case "増", "増加", "上昇", "↑":
		return Up, true
	case "減", "減少", "低下", "↓":
		return Down, true
	}
	return Up, false
}

// percent parses a percentage at row r of column col (a Col constant of s): `45.2`, `45.2%`, or a number
// in a cell formatted as percent (stored as 0.452). It reports whether a valid
// value was given, reporting an invalid one.
func (d *defs) percent(s *defSheet, r, col int, item string) (float64, bool) {
	c := s.col(col)
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
		d.rule(CodeBadPercent, s, r, col, item, v, "")
		return 0, false
	}
	return x, true
}

// percentFormatted reports whether the cell displays as a percentage.
// Note: a definitions file with a sheet or shared strings over 16 MiB is
// shown to excelize as stubs (excelizeView); its formats are then unknown and
// a percent cell reads as its stored fraction (docs/design.md).
func (d *defs) percentFormatted(s *defSheet, r, c int) bool {
	name := cellName(c, r+1)
	if name == "" || d.wb.stubs {
		return false
	}
	shown, err := d.wb.GetCellValue(s.name, name)
	return err == nil && strings.HasSuffix(strings.TrimSpace(shown), "%")
}

var defHearingKinds = map[string]HearingKind{
	"団体名": HOrg, "団体種別": HOrgType, "地区": HDistrict, "評価": HRating,
	"記述": HComment, "数値": HNumber, "テキスト": HText,
}

// readHearingItems fills HearingItems from sheet ヒアリング項目 (optional).
func (d *defs) readHearingItems(s *defSheet) {
	if s == nil {
		return
	}
	cname, ckind := s.col(ColItemName), s.col(ColItemKind)
	ccell, chead, ctheme, cscale := s.col(ColItemCell), s.col(ColItemHeader), s.col(ColItemTheme), s.col(ColItemScale)
	b := d.rd.b
	ids, cells, heads := map[string]bool{}, map[string]bool{}, map[string]bool{}
	org, dist := false, false
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		id, ok := d.rowID(s, r, ColItemID, ids)
		if !ok {
			continue
		}
		it := HearingItem{ID: id, Name: s.text(r, cname), Theme: -1, Scale: -1}
		if it.Name == "" {
			d.rule(CodeEmptyCell, s, r, ColItemName, id, "", "")
			it.Name = id
		}
		kv := s.val(r, ckind)
		kind, ok := defHearingKinds[NormKey(kv)]
		if !ok {
			d.keyword(s, r, ColItemKind, id, kv)
			continue
		}
		switch {
		case kind == HOrg && org:
			d.rule(CodeItemKindCount, s, r, ColItemKind, id, kv, "")
			kind = HText
		case kind == HOrg:
			org = true
		case kind == HDistrict && dist:
			d.rule(CodeItemKindCount, s, r, ColItemKind, id, kv, "")
			kind = HText
		case kind == HDistrict:
			dist = true
		}
		if v := s.val(r, ccell); v != "" {
			a1 := strings.ToUpper(strings.ReplaceAll(v, "$", ""))
			if col, row, err := excelize.CellNameToCoordinates(a1); err != nil || cellName(col-1, row) != a1 {
				d.rule(CodeBadCell, s, r, ColItemCell, id, v, "")
			} else if cells[a1] {
				d.problem(CodeDuplicateDef, s, r, ccell, id, v, HintSameCell)
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
			d.problem(CodeDuplicateDef, s, r, c, id, it.Header, HintSameHeader)
		}
		heads[it.Header] = true
		it.Theme = d.theme(s, r, ctheme, id)
		if kind == HRating {
			name := s.val(r, cscale)
			i, found := d.sets[NormKey(name)]
			switch {
			case name == "":
				d.rule(CodeMissingSetRef, s, r, ColItemScale, id, "", "")
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
		d.rule(CodeItemKindCount, s, 0, ColItemKind, "", "団体名", "")
	}
}

// rowID returns the ID in column c (a Col constant of s) of row r. A blank ID
// or one already in seen (compared by NormKey) is reported and false returned.
func (d *defs) rowID(s *defSheet, r, c int, seen map[string]bool) (string, bool) {
	id := s.val(r, s.col(c))
	if id == "" {
		d.rule(CodeEmptyCell, s, r, c, "", "", "")
		return "", false
	}
	if seen[NormKey(id)] {
		d.problem(CodeDuplicateDef, s, r, s.col(c), id, id, "")
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
