package ingest

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// idHeaders are the accepted respondent-ID headers after textKey, in order of
// preference (the schema's 回答者ID column, then its aliases).
var idHeaders = func() []string {
	var h []string
	for _, n := range ResponsesSheet.Columns[ColResponseID].Names() {
		h = append(h, textKey(n))
	}
	return h
}()

// readSurvey reads the questionnaire files of one survey (responses/ or
// baseline/) in order and returns its respondents. Input problems are recorded
// in the batch; the error is only for files that cannot be read from fsys.
func (rd *reader) readSurvey(kind FileKind, files []string) (Survey, error) {
	sv := newSurveyReader(rd, kind)
	for _, p := range files {
		data, problems, src, err := rd.open(p)
		if err != nil {
			return sv.s, fmt.Errorf("reading %s: %w", p, err)
		}
		fi := rd.addFile(p, kind, data)
		for _, pr := range problems {
			rd.add(pr)
		}
		if src != nil {
			start := len(rd.b.Problems)
			clear(sv.dupOf)
			sv.readFile(fi, src)
			sv.collapseDuplicates(fi, start)
		}
	}
	if kind == KindResponses && len(files) > 0 && len(sv.s.Respondents) == 0 && !HasErrors(rd.b.Problems) &&
		!hasCode(rd.b.Problems, CodeNoRows) {
		// Note: only without errors, and without a file's own no-rows notice: a
		// file whose rows were all refused, or that has none, says why on its
		// own (one warning for one cause); a survey of nobody otherwise passes
		// unnoticed.
		rd.add(Problem{Severity: Warning, Code: CodeEmptySurvey, File: ResponsesDir + "/"})
	}
	if len(sv.s.Respondents) == 0 {
		// Note: as if nobody had been added, whatever room grow made.
		sv.s.Respondents, sv.s.Answers = nil, nil
	}
	if kind == KindBaseline {
		sv.dropUnanswered()
	}
	sv.s.trim()
	return sv.s, nil
}

// collapseDuplicates replaces the duplicate-row warnings of file fi (the
// problems from start on) by one duplicate-file warning when every row read
// from it repeats a row of earlier files: a copy of the same data (an xlsx and
// its CSV) is one problem, not one per row.
func (sv *surveyReader) collapseDuplicates(fi int32, start int) {
	rd := sv.rd
	c := rd.counts(fi)
	if c.Read == 0 || c.Duplicate != c.Read {
		return
	}
	ps := rd.b.Problems[start:]
	kept := ps[:0]
	for _, p := range ps {
		if p.Code != CodeDuplicateRow {
			kept = append(kept, p)
		}
	}
	rd.b.Problems = rd.b.Problems[:start+len(kept)]
	var from []string
	for f := range sv.dupOf {
		from = append(from, rd.b.Files[f].Path)
	}
	slices.Sort(from)
	rd.add(Problem{Severity: Warning, Code: CodeDuplicateFile, File: rd.b.Files[fi].Path,
		Hint: HintSameRows, Args: []string{strings.Join(from, "、"), strconv.Itoa(c.Duplicate)}})
}

// present marks question q as having a column, remembering where it was first seen.
func (sv *surveyReader) present(q int, at Problem) {
	if !sv.s.Present[q] {
		sv.s.Present[q] = true
		sv.firstCol[q] = at
	}
}

// dropUnanswered treats a baseline question whose columns hold no answer at all
// as not asked at plan start, with a warning at its first column.
// Note: staff often keep the current survey's column layout for the plan-start
// data; an entirely blank column there means the question did not exist, and
// comparing it as "everyone 無回答" would show a spurious significant trend.
func (sv *surveyReader) dropUnanswered() {
	for q, ok := range sv.s.Present {
		// Free text is often left blank by everyone; it never enters a trend.
		if !ok || sv.rd.b.Questions[q].Type == FA {
			continue
		}
		answered := false
		if q < len(sv.s.Answers) {
			c := &sv.s.Answers[q]
			answered = c.HasText()
			for i := 0; i < c.Len() && !answered; i++ {
				answered = c.At(i) != 0
			}
		}
		if answered {
			continue
		}
		sv.s.Present[q] = false
		p := sv.firstCol[q]
		p.Severity, p.Code = Warning, CodeUnansweredQ
		sv.rd.add(p)
	}
}

// A surveyReader holds the state of reading one survey's files.
type surveyReader struct {
	rd      *reader
	kind    FileKind
	target  Target
	x       *valueIndex
	hx      *headerIndex
	qText   []string // textKey(設問文) by question
	seen    map[string]seenRow
	answers []Answer // the current row's answers, by question
	s       Survey
	// firstCol locates each present question's first column, for warnings.
	firstCol map[int]Problem
	// dupOf holds the files that the current file's duplicate rows repeat.
	dupOf map[int32]bool
}

// A seenRow is what is kept of an included row to recognize duplicates.
type seenRow struct {
	sum  [16]byte // hash of the row's question values
	file int32
	row  int32
}

func newSurveyReader(rd *reader, kind FileKind) *surveyReader {
	b := rd.b
	sv := &surveyReader{
		rd: rd, kind: kind, target: TargetResponse, x: newValueIndex(b),
		hx: newHeaderIndex(b.Questions), qText: make([]string, len(b.Questions)),
		seen:     make(map[string]seenRow),
		dupOf:    make(map[int32]bool),
		s:        Survey{Present: make([]bool, len(b.Questions))},
		firstCol: map[int]Problem{},
	}
	if kind == KindBaseline {
		sv.target = TargetBaseline
	}
	for i, q := range b.Questions {
		sv.qText[i] = textKey(q.Text)
	}
	return sv
}

// Column roles in a response file's header.
const (
	colNone      = iota // blank header
	colID               // 回答者ID
	colQ                // a 設問ID: the whole answer
	colSplit            // Q3_1: one choice of an MA question
	colBadCode          // Q3_9 where 9 is not a code of Q3's choice set
	colUnknown          // anything else
	colMeta             // export metadata (timestamps, e-mail, names): never read
	colAmbiguous        // a header that matches two questions
)

// A column is the role of one header cell.
type column struct {
	role   int
	q      int // question, for colQ, colSplit, colBadCode; the first of two for colAmbiguous
	choice int // choice index, for colSplit; the second question for colAmbiguous
	// label reports a split column whose cells hold the choice's label when
	// chosen (SurveyMonkey) rather than a mark; other, the column of an
	// MA's その他 text (any text = その他 chosen, the text kept).
	label, other bool
}

// A splitCol is one column of a split MA question.
type splitCol struct {
	choice, col int
	label       bool // the cell holds the choice's label when chosen (SurveyMonkey)
	other       bool // the cell holds the その他 text (SurveyMonkey, LimeSurvey)
}

// mark reads the value v of split column s: a mark (parseMark), or for a
// label or その他 column any text but a spelling of no answer.
func (fr *fileReader) mark(s splitCol, v string) (chosen, ok bool) {
	if s.label || s.other {
		return !fr.sv.x.isNoAnswer(v), true
	}
	if c, isCode := ParseCode(v); isCode && fr.sv.x.noAns[c] {
		return false, true
	}
	return parseMark(v)
}

// A layout is how one response file's columns map to questions.
type layout struct {
	row    int      // 1-based header row
	header []string // header cells, normalized
	cols   []column
	idCol  int          // -1 for an export without IDs (rowID)
	qCol   []int        // question → its column, or -1
	split  [][]splitCol // question → its split MA columns, in header order
	byItem map[string]int
}

// has reports whether question q has a column in the file.
func (l *layout) has(q int) bool { return l.qCol[q] >= 0 || len(l.split[q]) > 0 }

// firstCol returns the column of question q where a problem about its whole
// answer is reported.
func (l *layout) firstCol(q int) int {
	if l.qCol[q] >= 0 {
		return l.qCol[q]
	}
	return l.split[q][0].col
}

// classify returns the role of each header cell and the respondent-ID column
// (-1 when none), and reports whether the row is a header row: at least one
// question header (設問ID, 見出し, 設問文 or split MA), and an ID header or,
// for a Google Forms export, the timestamp as the first header.
func (sv *surveyReader) classify(row []string) (cols []column, idCol int, ok bool) {
	cols = make([]column, len(row))
	idCol, idRank, nq := -1, len(idHeaders), 0
	first := ""
	for i, raw := range row {
		h := NormKey(raw)
		if h == "" {
			continue
		}
		if first == "" {
			first = h
		}
		q, pair := sv.hx.match(raw)
		switch {
		case q >= 0:
			cols[i] = column{role: colQ, q: q}
			nq++
			continue
		case pair != nil:
			cols[i] = column{role: colAmbiguous, q: pair[0], choice: pair[1]}
			nq++
			continue
		}
		if r := idRank0(h); r >= 0 {
			cols[i] = column{role: colID}
			if r < idRank {
				idCol, idRank = i, r
			}
			continue
		}
		if isMetaHeader(h) {
			cols[i] = column{role: colMeta}
			continue
		}
		cols[i] = sv.splitColumn(h)
		if cols[i].role == colSplit || cols[i].role == colBadCode {
			nq++
		}
	}
	return cols, idCol, nq > 0 && (idCol >= 0 || isTimestampHeader(first))
}

// idRank0 returns the preference rank of an ID header, or -1.
func idRank0(h string) int {
	k := textKey(h)
	for i, s := range idHeaders {
		if k == s {
			return i
		}
	}
	return -1
}

// splitColumn classifies a header that is not a 設問ID: `Q3_1` or `Q3-1` where
// Q3 is an MA question and 1 one of its codes.
func (sv *surveyReader) splitColumn(h string) column {
	qpart, cpart, ok := splitHeader(h)
	if !ok {
		return column{role: colUnknown}
	}
	q, ok := sv.hx.byID(qpart)
	if !ok || sv.rd.b.Questions[q].Type != MA {
		return column{role: colUnknown}
	}
	code, ok := ParseCode(cpart)
	set := sv.x.set(q)
	if !ok || set == nil {
		return column{role: colUnknown}
	}
	c, ok := set.byCode[code]
	if !ok {
		return column{role: colBadCode, q: q}
	}
	return column{role: colSplit, q: q, choice: c}
}

// newLayout builds the layout of header row n and reports its column problems.
func (sv *surveyReader) newLayout(fi int32, sheet string, n int, row []string, cols []column, idCol int) *layout {
	b := sv.rd.b
	l := &layout{
		row: n, header: make([]string, len(row)), cols: cols, idCol: idCol,
		qCol: make([]int, len(b.Questions)), split: make([][]splitCol, len(b.Questions)),
		byItem: make(map[string]int, len(row)),
	}
	for q := range l.qCol {
		l.qCol[q] = -1
	}
	path := b.Files[fi].Path
	prob := func(sev Severity, code Code, col int, item string, hint Hint) {
		sv.rd.add(Problem{Severity: sev, Code: code, File: path, Sheet: sheet, Row: n, Col: col + 1,
			Item: item, Value: l.header[col], Hint: hint})
	}
	for i, raw := range row {
		l.header[i] = Norm(raw)
		c := &cols[i]
		switch c.role {
		case colID:
			if i != idCol {
				prob(Warning, CodeUnknownColumn, i, l.header[i], HintTwoIDColumns)
				c.role = colUnknown
			}
		case colQ:
			if l.qCol[c.q] >= 0 {
				prob(Warning, CodeUnknownColumn, i, b.Questions[c.q].ID, HintTwoQColumns)
				c.role = colUnknown
				continue
			}
			l.qCol[c.q] = i
			sv.present(c.q, Problem{File: path, Sheet: sheet, Row: n, Col: i + 1, Item: b.Questions[c.q].ID})
			l.byItem[textKey(b.Questions[c.q].ID)] = i
		case colSplit:
			dup := false
			for _, s := range l.split[c.q] {
				dup = dup || s.choice == c.choice
			}
			if dup {
				prob(Warning, CodeUnknownColumn, i, b.Questions[c.q].ID, HintTwoChoiceCols)
				c.role = colUnknown
				continue
			}
			l.split[c.q] = append(l.split[c.q], splitCol{choice: c.choice, col: i, label: c.label, other: c.other})
			sv.present(c.q, Problem{File: path, Sheet: sheet, Row: n, Col: i + 1, Item: b.Questions[c.q].ID})
		case colBadCode:
			prob(Error, CodeUnknownCode, i, b.Questions[c.q].ID, HintHeaderCode)
		case colUnknown:
			prob(Warning, CodeUnknownColumn, i, l.header[i], "")
		case colAmbiguous:
			sv.rd.add(Problem{Severity: Error, Code: CodeAmbiguousHeader, File: path, Sheet: sheet, Row: n, Col: i + 1,
				Item: l.header[i], Value: l.header[i], Hint: HintHeaderBoth,
				Args: []string{b.Questions[c.q].ID, b.Questions[c.choice].ID}})
		}
		if k := textKey(raw); k != "" && c.role != colNone && c.role != colMeta {
			if _, dup := l.byItem[k]; !dup {
				l.byItem[k] = i
			}
		}
	}
	// Note: a question without a column in baseline/ was not asked at plan
	// start (a question added for the midpoint review): it has no plan-start
	// comparison, which the handouts show, and is no problem. A misspelled
	// baseline header still gives its unknown-column warning.
	if sv.kind == KindBaseline {
		return l
	}
	for q, question := range b.Questions {
		if !l.has(q) {
			sv.rd.add(Problem{Severity: Error, Code: CodeMissingQColumn, File: path, Sheet: sheet, Row: n, Item: question.ID})
		}
	}
	return l
}

// readFile reads one response file, opened as raw: header, optional
// question-text row, then one respondent per data row.
func (sv *surveyReader) readFile(fi int32, raw rowSource) {
	rd := sv.rd
	defer raw.Close()
	path, sheet := rd.b.Files[fi].Path, raw.Sheet()
	src := &pushback{rowSource: raw}
	var l *layout
	seen := newSeenWords()
	for l == nil && src.Next() {
		cols, idCol, ok := sv.classify(src.Row())
		if !ok {
			seen.add(src.Row())
			continue
		}
		// Note: cloned one by one: a row read ahead is substrings of its
		// whole batch (prefetch.go), which the layout would keep.
		n, hdr := src.Num(), cloneStrings(src.Row())
		if idCol >= 0 && src.Next() {
			if merged, kinds, ok := sv.mergeSubHeader(hdr, src.Row(), idCol); ok && src.Num() == n+1 {
				cols, idCol, _ = sv.classify(merged)
				for j, k := range kinds {
					cols[j].label, cols[j].other = k == subLabel, k == subOther
				}
				l = sv.newLayout(fi, sheet, n, merged, cols, idCol)
				l.row = src.Num() // the data start below the second header row
				continue
			}
			src.Unread()
		}
		l = sv.newLayout(fi, sheet, n, hdr, cols, idCol)
	}
	if l == nil {
		if src.Err() == nil {
			if seen.rows == 1 && seen.idHeader {
				// Note: the template's placeholder (midreview template): the
				// ID header alone, no 設問ID and no row. An empty entry form
				// is not an error; it holds no respondent.
				return
			}
			p := Problem{Severity: Error, Code: CodeNoHeader, File: path, Sheet: sheet}
			if hint := seen.wrongFolder(rd.b, sheet); hint != "" {
				p.Code, p.Hint = CodeWrongFolder, hint
			}
			rd.add(p)
		} else {
			p := sheetProblem(path, sheet, src.Err())
			if p.Row == 0 {
				p.Row = src.Num() + 1
			}
			rd.add(p)
		}
		return
	}

	fr := &fileReader{sv: sv, l: l, fi: fi, path: path, sheet: sheet, noSplit: true}
	for _, sp := range l.split {
		fr.noSplit = fr.noSplit && len(sp) == 0
	}
	for q := range rd.b.Questions {
		if len(rd.b.Questions[q].Cond) > 0 {
			fr.condQ = append(fr.condQ, q)
		}
	}
	prev := l.row
	rows := 0
	for src.Next() {
		n := src.Num()
		fr.load(src.Row())
		if prev == l.row && n == l.row+1 && fr.isTextRow() {
			prev = n
			continue
		}
		// Note: a workbook yields only the rows holding a value; the rows
		// between are empty and counted, not read one by one.
		if fr.emptyN == 0 {
			fr.emptyFrom = prev + 1
		}
		fr.emptyN += n - prev - 1
		prev = n
		rows++
		if h, ok := raw.(sizedSource); ok && rows == growAfter {
			sv.grow(h.RowsHint() - rows)
		}
		fr.row(n)
	}
	// Note: blank rows after the last data row are not data rows (Excel keeps
	// formatted but empty rows at the end of a sheet), so pending ones are dropped.
	err := src.Err()
	if err != nil {
		p := sheetProblem(path, sheet, err)
		if p.Row == 0 {
			p.Row = src.Num() + 1
		}
		rd.add(p)
	}
	// Note: a 0-byte file has no header (an error); one with a header and
	// nothing below gets this notice, so that an export taken before any
	// answer came in is not mistaken for a survey nobody answered.
	if rows == 0 && err == nil {
		rd.add(Problem{Severity: Warning, Code: CodeNoRows, File: path, Sheet: sheet, Row: l.row})
	}
	if r := raw.CRRow(); r > 0 {
		rd.add(Problem{Severity: Warning, Code: CodeCRLineEnds, File: path, Row: r})
	}
}

// growAfter is the data row of a sheet after which room is made for the
// rest of its rows (sizedSource): the size of a sheet is estimated from its
// first rows, and a small sheet is read as it comes.
const growAfter = 256

// growHook, when set (by tests), is called with the room each grow makes.
var growHook func(n int)

// grow makes room for n more respondents (a sheet's announced rows below
// the current one): the survey's columns and the IDs seen, so that they are
// allocated once instead of growing by copies as rows are added.
// Note: n is bounded by the sheet part's size (rowCapOf), not only by what
// the sheet declares, and the room left over is given back by Survey.trim.
func (sv *surveyReader) grow(n int) {
	if n <= 0 {
		return
	}
	if growHook != nil {
		growHook(n)
	}
	sv.s.grow(n, len(sv.rd.b.Questions))
	seen := make(map[string]seenRow, len(sv.seen)+n)
	maps.Copy(seen, sv.seen)
	sv.seen = seen
}

// seenWords keeps the short cells of the rows above a header that was never
// found, to tell what kind of workbook was put in responses/ (wrongFolder).
type seenWords struct {
	words    map[string]bool // NormKey of cells up to 20 runes
	rows     int             // rows with a value
	idHeader bool            // the first such row holds a respondent-ID header
}

// maxSeenWords bounds the words kept of a file without a header.
const maxSeenWords = 5000

func newSeenWords() *seenWords { return &seenWords{words: map[string]bool{}} }

// add records row (a row that is not a header).
func (s *seenWords) add(row []string) {
	any := false
	for _, v := range row {
		if v == "" {
			continue
		}
		any = true
		k := NormKey(v)
		if s.rows == 0 {
			for _, n := range ResponsesSheet.Columns[ColResponseID].Names() {
				s.idHeader = s.idHeader || k == NormKey(n)
			}
		}
		if len(s.words) < maxSeenWords && len([]rune(k)) <= 20 && !s.words[k] {
			s.words[strings.Clone(k)] = true // Note: not the row's batch (readFile)
		}
	}
	if any {
		s.rows++
	}
}

// wrongFolder returns the hint of a response file without a header that looks
// like another input: a hearing sheet (its 団体名 label or header), a progress
// sheet (年度 and 取組ID or 取組名) or definitions.xlsx (a sheet named like
// one of it, or its 設定 items), or "".
func (s *seenWords) wrongFolder(b *Batch, sheet string) Hint {
	has := func(w string) bool { return s.words[NormKey(w)] }
	for _, it := range b.HearingItems {
		if it.Kind == HOrg && (has(it.Name) || has(it.Header)) {
			return HintLooksHearing
		}
	}
	if has(ProgressSheet.Header(ColProgYear)) && (has(ProgressSheet.Header(ColProgID)) || has(ProgressSheet.Header(ColProgName))) {
		return HintLooksProgress
	}
	for _, d := range DefinitionsSchema.Sheets {
		if d.Required && NormKey(sheet) == NormKey(d.Name) {
			return HintLooksDefinitions
		}
	}
	if has(SettingsSheet.Items[SettingPlanName].Name) && has(SettingsSheet.Header(ColSettingItem)) {
		return HintLooksDefinitions
	}
	return ""
}

// A fileReader reads the data rows of one file with its layout.
type fileReader struct {
	sv          *surveyReader
	l           *layout
	fi          int32
	path, sheet string
	cells       []string // the current row, normalized, at least as wide as the header
	emptyFrom   int      // first of the pending blank rows (0 = none)
	emptyN      int
	sumBuf      []byte // scratch of sum
	noSplit     bool   // the layout has no split MA columns
	condQ       []int  // the questions with a 対象条件, in sheet order
}

// load copies the normalized values of row into fr.cells.
func (fr *fileReader) load(row []string) {
	n := max(len(row), len(fr.l.header))
	fr.cells = fr.cells[:0]
	for i := 0; i < n; i++ {
		v := ""
		if i < len(row) {
			v = row[i]
			// Note: a value of one printable ASCII byte (a code) is its
			// own Norm; most values are such.
			if len(v) != 1 || v[0] <= ' ' || v[0] >= 0x7f {
				v = Norm(v)
			}
		}
		fr.cells = append(fr.cells, v)
	}
}

// isTextRow reports whether the current row, directly below the header, repeats
// the question texts instead of holding answers: most of its values are 設問文
// (or, in split MA columns, choice labels), or it has no ID with digits and
// none of its values can be read as an answer.
func (fr *fileReader) isTextRow() bool {
	sv, l, b := fr.sv, fr.l, fr.sv.rd.b
	nonEmpty, text, invalid, valid := 0, 0, 0, 0
	for i, c := range l.cols {
		v := fr.cells[i]
		if v == "" || (c.role != colQ && c.role != colSplit) {
			continue
		}
		nonEmpty++
		k := textKey(v)
		if k == sv.qText[c.q] || (c.role == colSplit && k == textKey(b.ChoiceSets[b.Questions[c.q].ChoiceSet].Choices[c.choice].Label)) {
			text++
			continue
		}
		switch {
		case c.role == colSplit:
			if _, ok := parseMark(v); ok {
				valid++
			} else {
				invalid++
			}
		case c.q == sv.x.distQ:
			if _, _, code := sv.x.parseDistrict(v); code == "" {
				valid++
			} else {
				invalid++
			}
		case b.Questions[c.q].Type == FA:
		default:
			if _, code, _ := sv.x.parseValue(c.q, v); code == "" {
				valid++
			} else {
				invalid++
			}
		}
	}
	if nonEmpty == 0 {
		return false
	}
	if 2*text > nonEmpty {
		return true
	}
	id := ""
	if l.idCol >= 0 {
		id = fr.cells[l.idCol]
	}
	return !strings.ContainsAny(id, "0123456789") && valid == 0 && text+invalid >= 2
}

// blank reports whether the current row is completely empty.
func (fr *fileReader) blank() bool {
	for _, v := range fr.cells {
		if v != "" {
			return false
		}
	}
	return true
}

// add records a problem of this file.
func (fr *fileReader) add(p Problem) {
	p.File, p.Sheet = fr.path, fr.sheet
	// Note: a value of a row read ahead is a substring of its whole batch
	// (prefetch.go); the problem keeps a copy of its own.
	p.Value = strings.Clone(p.Value)
	fr.sv.rd.add(p)
}

// row reads data row n (already loaded into fr.cells).
func (fr *fileReader) row(n int) {
	sv, l, rd := fr.sv, fr.l, fr.sv.rd
	b := rd.b
	cnt := rd.counts(fr.fi)
	if fr.blank() {
		if fr.emptyN == 0 {
			fr.emptyFrom = n
		}
		fr.emptyN++
		return
	}
	if fr.emptyN > 0 {
		rd.emptyRows(cnt, Problem{File: fr.path, Sheet: fr.sheet}, fr.emptyFrom, fr.emptyN)
		fr.emptyN = 0
	}
	cnt.Read++

	idCol := l.idCol + 1
	var id, idItem string
	if l.idCol >= 0 {
		id, idItem = fr.cells[l.idCol], l.header[l.idCol]
		if id == "" {
			cnt.Invalid++
			fr.add(Problem{Severity: Error, Code: CodeMissingID, Row: n, Col: idCol, Item: idItem})
			return
		}
		// Note: the ID is kept (the respondent, the IDs seen); a value of
		// a row read ahead is a substring of its whole batch (prefetch.go).
		id = strings.Clone(id)
	} else {
		id = rowID(fr.path, n)
	}
	removed := rd.applyFixes(sv.target, id, fr.fi, n, recordAccess{
		get: func(item string) (string, string, bool) {
			c, ok := l.byItem[textKey(item)]
			if !ok {
				return "", "", false
			}
			return fr.cells[c], cellName(c, n), true
		},
		set: func(item, value string) {
			if c, ok := l.byItem[textKey(item)]; ok {
				fr.cells[c] = Norm(value)
			}
		},
	})
	if removed {
		cnt.Removed++
		return
	}

	sum := fr.sum()
	if prev, ok := sv.seen[id]; ok {
		where := place(b.Files[prev.file].Path, "", int(prev.row), 0)
		if prev.sum == sum {
			cnt.Duplicate++
			sv.dupOf[prev.file] = true
			fr.add(Problem{Severity: Warning, Code: CodeDuplicateRow, Row: n, Col: idCol, RecordID: id, Item: idItem, Value: id,
				Hint: HintFirstRow, Args: []string{where}})
		} else {
			cnt.Invalid++
			fr.add(Problem{Severity: Error, Code: CodeDuplicateID, Row: n, Col: idCol, RecordID: id, Item: idItem, Value: id,
				Hint: HintFirstRow, Args: []string{where}})
		}
		return
	}
	sv.seen[id] = seenRow{sum: sum, file: fr.fi, row: int32(n)}

	r := Respondent{ID: id, District: NoDistrict, Src: Src{File: fr.fi, Row: int32(n)}}
	if sv.answers == nil {
		sv.answers = make([]Answer, len(b.Questions))
	}
	x := sv.x
	for q := range b.Questions {
		// Note: a value of one digit that parsed without a problem (most
		// answers of a survey) is taken from parseValue's table here,
		// which is what answer returns for it when the file has no split
		// MA columns: no call per answer.
		if c := l.qCol[q]; c >= 0 && fr.noSplit && q != x.distQ {
			if v := fr.cells[c]; len(v) == 1 && v[0]-'0' < 10 {
				if p := &x.digits[q][v[0]-'0']; p.set && p.code == "" {
					sv.answers[q] = p.a
					continue
				}
			}
		}
		sv.answers[q] = fr.answer(q, n, id, &r)
	}
	fr.checkConditions(n, id, sv.answers)
	sv.s.Add(r, sv.answers)
	cnt.Included++
}

// answer parses question q of the current row n; problems are recorded and
// make the answer no answer. It sets r.District for the 地区 question.
func (fr *fileReader) answer(q, n int, id string, r *Respondent) Answer {
	sv, l := fr.sv, fr.l
	var a Answer
	if c := l.qCol[q]; c >= 0 {
		v := fr.cells[c]
		var code Code
		bad := v
		if q == sv.x.distQ {
			r.District, a, code = sv.x.parseDistrict(v)
		} else {
			a, code, bad = sv.x.parseValue(q, v)
		}
		if code != "" {
			p := Problem{Severity: Error, Code: code, Row: n, Col: c + 1, RecordID: id, Item: sv.rd.b.Questions[q].ID, Value: bad}
			switch code {
			case CodeUnknownDist:
				p.Hint, p.Args = sv.x.dist.suggest(v)
			case CodeUnknownCode:
				if cs := sv.rd.b.Questions[q].ChoiceSet; cs >= 0 {
					p.Hint, p.Args = HintValidCodes, []string{sv.rd.b.ChoiceSets[cs].Name, validCodes(sv.rd.b.ChoiceSets[cs])}
				}
			}
			fr.add(p)
			return Answer{}
		}
	}
	bad := false
	for _, s := range l.split[q] {
		v := fr.cells[s.col]
		chosen, ok := fr.mark(s, v)
		if s.other && !sv.x.isNoAnswer(v) {
			a.Text = sv.x.normText(v)
		}
		if !ok {
			fr.add(Problem{Severity: Error, Code: CodeUnknownCode, Row: n, Col: s.col + 1, RecordID: id,
				Item: sv.rd.b.Questions[q].ID, Value: v, Hint: HintMarkValues})
			bad = true
		}
		if chosen {
			a.Choices = a.Choices.With(s.choice)
		}
	}
	if bad {
		return Answer{}
	}
	return a
}

// checkConditions clears, with one warning each, the answers (by question) of
// respondent id to questions whose 対象条件 the respondent does not meet.
// Note: questions are checked in sheet order and cleared answers stay cleared,
// so a condition on a question the respondent was not asked also fails. A
// condition on a question this file lacks cannot be checked and is skipped.
func (fr *fileReader) checkConditions(n int, id string, answers []Answer) {
	b, l := fr.sv.rd.b, fr.l
	// Note: only the questions with a condition, in sheet order (condQ);
	// this runs for every row.
	for _, q := range fr.condQ {
		question := &b.Questions[q]
		if answers[q].Empty() {
			continue
		}
		known := true
		for _, c := range question.Cond {
			known = known && c.Q >= 0 && c.Q < len(b.Questions) && l.has(c.Q)
		}
		if !known || b.askedBy(q, answers) {
			continue
		}
		col := l.firstCol(q)
		fr.add(Problem{Severity: Warning, Code: CodeOutsideCond, Row: n, Col: col + 1, RecordID: id,
			Item: question.ID, Value: fr.cells[col]})
		answers[q] = Answer{}
	}
}

// sum hashes the current row's question values in question order, so that rows
// of files with different column orders compare equal.
func (fr *fileReader) sum() [16]byte {
	// Note: the bytes are gathered in one buffer and hashed at once (FNV is
	// a stream: the sum is that of writing them piece by piece); a Write per
	// cell through the hash.Hash interface allocated a copy of every cell.
	b := fr.sumBuf[:0]
	if fr.noSplit {
		// Note: the loop below for a layout without split MA columns
		// (most files), the same bytes without looking for them.
		for _, c := range fr.l.qCol {
			if c >= 0 {
				if v := fr.cells[c]; len(v) == 1 {
					b = append(b, v[0]) // Note: most values, without a copy call
				} else {
					b = append(b, v...)
				}
			}
			b = append(b, 0x1e, '0', 0x1f)
		}
		return fr.sumOf(b)
	}
	for q := range fr.l.qCol {
		if c := fr.l.qCol[q]; c >= 0 {
			b = append(b, fr.cells[c]...)
		}
		b = append(b, 0x1e)
		var bits ChoiceBits
		for _, s := range fr.l.split[q] {
			v := fr.cells[s.col]
			if s.other {
				b = append(append(b, v...), ',')
			}
			if chosen, ok := fr.mark(s, v); chosen {
				bits = bits.With(s.choice)
			} else if !ok {
				b = append(append(b, v...), ',')
			}
		}
		if bits == 0 {
			b = append(b, '0', 0x1f) // most questions: no split columns
		} else {
			b = append(strconv.AppendUint(b, uint64(bits), 16), 0x1f)
		}
	}
	return fr.sumOf(b)
}

// sumOf returns the sum of the bytes b gathered by sum, keeping b as the
// scratch buffer.
func (fr *fileReader) sumOf(b []byte) [16]byte {
	fr.sumBuf = b
	// Note: two 64-bit maphash sums with seeds of this process rather than
	// FNV-128a, which reads a byte at a time and was a tenth of the
	// reader's time on the 100k scale batch; the sums are only compared
	// within one read.
	var out [16]byte
	binary.LittleEndian.PutUint64(out[:8], maphash.Bytes(sumSeeds[0], b))
	binary.LittleEndian.PutUint64(out[8:], maphash.Bytes(sumSeeds[1], b))
	return out
}

// sumSeeds are the seeds of the row sums (fileReader.sum).
var sumSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// A pushback is a rowSource that can give back the row just read, once.
type pushback struct {
	rowSource
	row   []string
	n     int
	again bool
}

func (p *pushback) Next() bool {
	if p.again {
		p.again = false
		return true
	}
	if !p.rowSource.Next() {
		return false
	}
	p.row, p.n = p.rowSource.Row(), p.rowSource.Num()
	return true
}

func (p *pushback) Row() []string { return p.row }
func (p *pushback) Num() int      { return p.n }

// Unread makes the next Next return the current row again.
func (p *pushback) Unread() {
	p.row = slices.Clone(p.row)
	p.again = true
}

// Kinds of the columns of a merged SurveyMonkey header.
const (
	subPlain = iota
	subLabel // the cell holds the choice's label when chosen
	subOther // the cell holds the その他 text
)

// subHeaderWords are what SurveyMonkey writes in its second header row under
// a question answered in one column, after foldHeader.
var subHeaderWords = map[string]bool{"response": true, "回答": true, "open-endedresponse": true, "自由回答": true}

// mergeSubHeader recognizes SurveyMonkey's second header row next below the
// header row hdr: its respondent-ID cell is blank, and under a question title
// and the blank-headed columns after it, it names one choice (an MA
// question), one row of a grid (`title [row]`), or the "other, please specify"
// text. It returns one merged header: `Q3_2` for an MA choice column, the grid
// row's `title [row]`, else the title; kinds marks the MA columns.
func (sv *surveyReader) mergeSubHeader(hdr, next []string, idCol int) (merged []string, kinds []int, ok bool) {
	if idCol < len(next) && Norm(next[idCol]) != "" {
		return nil, nil, false
	}
	b := sv.rd.b
	n := max(len(hdr), len(next))
	merged, kinds = make([]string, n), make([]int, n)
	title, titleQ := "", -1
	cont := false // a blank-headed column continues a title
	for j := range n {
		t, sub := "", ""
		if j < len(hdr) {
			t = Norm(hdr[j])
		}
		if j < len(next) {
			sub = Norm(next[j])
		}
		if t != "" {
			title = t
			titleQ, _ = sv.hx.match(t)
		}
		merged[j] = t
		if sub == "" || title == "" || subHeaderWords[foldHeader(sub)] {
			continue
		}
		if _, isCode := ParseCode(sub); isCode {
			return nil, nil, false // an answer, not a choice label
		}
		cont = cont || t == ""
		if titleQ >= 0 && b.Questions[titleQ].Type == MA {
			set := sv.x.set(titleQ)
			if set == nil {
				continue
			}
			cs := b.ChoiceSets[b.Questions[titleQ].ChoiceSet].Choices
			if ci, found := set.lookup(sub); found {
				merged[j], kinds[j], ok = b.Questions[titleQ].ID+"_"+strconv.Itoa(cs[ci].Code), subLabel, true
			} else if set.other >= 0 {
				merged[j], kinds[j], ok = b.Questions[titleQ].ID+"_"+strconv.Itoa(cs[set.other].Code), subOther, true
			}
			continue
		}
		if q, _ := sv.hx.match(title + " [" + sub + "]"); q >= 0 {
			merged[j], ok = title+" ["+sub+"]", true
		}
	}
	return merged, kinds, ok && cont
}

// hasCode reports whether ps holds a problem with code c.
func hasCode(ps []Problem, c Code) bool {
	for _, p := range ps {
		if p.Code == c {
			return true
		}
	}
	return false
}

// cloneStrings returns a copy of ss whose strings are copies too.
func cloneStrings(ss []string) []string {
	out := make([]string, len(ss))
	for i, v := range ss {
		out[i] = strings.Clone(v)
	}
	return out
}
