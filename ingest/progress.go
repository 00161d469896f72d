package ingest

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// ProgressDir is the folder of the yearly progress sheets (inputs.md section 8).
const ProgressDir = "progress"

// ParseYear parses a fiscal year (年度) as staff write it: `2025`, `2025年度`,
// `R7`, `R7年度`, `令和7年度`, `令和元年度`, `H30` or `平成30年度` (also an Excel
// number such as `2025.0`). It returns the Western year and whether v is one
// between 1989 and 2199.
func ParseYear(v string) (int, bool) {
	k := strings.TrimSuffix(strings.TrimSuffix(NormKey(v), "度"), "年")
	k = strings.TrimSuffix(k, ".0")
	if k == "" {
		return 0, false
	}
	era := 0
	for _, e := range []struct {
		prefix string
		base   int
	}{{"令和", 2018}, {"R", 2018}, {"r", 2018}, {"平成", 1988}, {"H", 1988}, {"h", 1988}} {
		if rest, ok := strings.CutPrefix(k, e.prefix); ok {
			era, k = e.base, strings.TrimPrefix(rest, ".")
			break
		}
	}
	if era != 0 && k == "元" {
		k = "1"
	}
	if k == "" || len(k) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(k)
	if err != nil || n <= 0 || k[0] == '+' || k[0] == '-' {
		return 0, false
	}
	if era != 0 {
		if n > 99 {
			return 0, false
		}
		n += era
	}
	if n < 1989 || n > 2199 {
		return 0, false
	}
	return n, true
}

// ParseNext parses a 次年度 keyword (継続, 拡充, 見直し, 終了, 新規, and a few
// synonyms staff use). Blank or no answer is NextNone with ok true.
func ParseNext(v string) (Next, bool) {
	k := NormKey(v)
	if k == "" || IsNoAnswer(v) {
		return NextNone, true
	}
	for n, w := range NextWords {
		if n > 0 && k == w {
			return Next(n), true
		}
	}
	switch k {
	case "拡大", "充実":
		return NextExpand, true
	case "改善", "見直", "再検討":
		return NextRevise, true
	case "廃止", "完了", "休止":
		return NextEnd, true
	}
	return NextNone, false
}

// yearInName returns the fiscal year a file or sheet name states as a whole
// (2025.xlsx, R7), for a form sheet that leaves 年度 blank.
var yearInName = regexp.MustCompile(`(?:令和|[RrHh]|平成)?[0-9０-９元]{1,4}(?:年度|年)?`)

// readProgress reads the progress workbooks in progress/ (inputs.md section 8)
// into Batch.Progress. The error is only for files that cannot be read from fsys.
func (rd *reader) readProgress(files []string) error {
	pr := newProgressReader(rd)
	for _, p := range files {
		data, err := fs.ReadFile(rd.fsys, p)
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		fi := rd.addFile(p, KindProgress, data)
		pr.readFile(fi, data)
	}
	b := rd.b
	sort.SliceStable(b.Progress, func(i, j int) bool {
		x, y := b.Progress[i], b.Progress[j]
		if x.Initiative != y.Initiative {
			return x.Initiative < y.Initiative
		}
		return x.Year < y.Year
	})
	return nil
}

// A progressReader holds the state of reading the progress workbooks.
type progressReader struct {
	rd      *reader
	byID    map[string]int // textKey(取組ID) → initiative
	byName  map[string]int // textKey(取組名) → initiative
	labels  map[string]int // NormKey(item name or alias) → Col constant
	scale   choiceIndex
	seen    map[[2]int]seenHearing // initiative, year → first record
	noSheet bool
	sug     *suggester // 取組ID and 取組名, built on the first unknown initiative
}

func newProgressReader(rd *reader) *progressReader {
	b := rd.b
	pr := &progressReader{rd: rd, byID: map[string]int{}, byName: map[string]int{}, labels: map[string]int{},
		scale: newChoiceIndex(&b.ProgressScale), seen: map[[2]int]seenHearing{}}
	for i, in := range b.Initiatives {
		pr.byID[textKey(in.ID)] = i
		if _, dup := pr.byName[textKey(in.Name)]; !dup {
			pr.byName[textKey(in.Name)] = i
		}
	}
	for c, f := range ProgressSheet.Columns {
		for _, n := range f.Names() {
			pr.labels[NormKey(n)] = c
		}
	}
	return pr
}

// readFile reads every sheet of progress workbook fi: a table when a header row
// names 年度 and 取組ID or 取組名, else a form.
func (pr *progressReader) readFile(fi int32, data []byte) {
	pr.rd.readSheets(fi, data, "", func(s *hearingSheet) {
		if !pr.readTable(fi, s) {
			pr.readForm(fi, s)
		}
	})
}

// tableColumns returns the column of each item in row r and whether r is a list
// header: 取組ID or 取組名 and at least two other items.
func (pr *progressReader) tableColumns(r []string) ([]int, bool) {
	cols := make([]int, len(ProgressSheet.Columns))
	for i := range cols {
		cols[i] = -1
	}
	n := 0
	for c, v := range r {
		if it, ok := pr.labels[NormKey(v)]; ok && cols[it] < 0 {
			cols[it] = c
			n++
		}
	}
	key := cols[ColProgID] >= 0 || cols[ColProgName] >= 0
	return cols, key && n >= 3
}

// readTable reads sheet s as a list of records when one of its first rows is a
// list header, and reports whether it did.
func (pr *progressReader) readTable(fi int32, s *hearingSheet) bool {
	hrow, cols := s.headerRow(pr.tableColumns)
	if hrow < 0 {
		return false
	}
	// Note: a row whose items are all blank is empty whatever its other
	// columns hold (a hearing list reads such a row, to report its 団体名).
	pr.rd.tableRecords(fi, s, hrow, cols, false, pr.record)
	return true
}

// readForm reads sheet s as one record whose items sit in labelled cells: the
// value is the first non-empty cell right of the label in its row (up to
// formReach columns), or else the cell below. A sheet without 取組ID and
// 取組名 is skipped with a warning.
func (pr *progressReader) readForm(fi int32, s *hearingSheet) {
	rd := pr.rd
	rec := newSheetRecord(fi, s.name, 0, len(ProgressSheet.Columns))
	for i, n := range s.nums {
		for c, v := range s.rows[i] {
			it, ok := pr.labels[NormKey(v)]
			if !ok || rec.present[it] {
				continue
			}
			rec.present[it] = true
			rec.cells[it] = cellAt{n, c + 2}
			for dc := 1; dc <= formReach; dc++ {
				val, at := s.value(c+1+dc, n)
				if _, label := pr.labels[NormKey(val)]; label {
					break
				}
				if val != "" {
					rec.raw[it], rec.cells[it] = val, at
					break
				}
			}
			if rec.raw[it] == "" {
				val, at := s.value(c+1, n+1)
				if _, label := pr.labels[NormKey(val)]; !label && val != "" {
					rec.raw[it], rec.cells[it] = val, at
				}
			}
		}
	}
	if rec.raw[ColProgID] == "" && rec.raw[ColProgName] == "" {
		rd.add(Problem{Severity: Warning, Code: CodeSheetSkipped, File: rd.b.Files[fi].Path, Sheet: s.name, Hint: HintNoInitCell})
		return
	}
	if rec.raw[ColProgYear] == "" {
		// Note: one file per year (2025.xlsx) often leaves 年度 off its forms.
		for _, name := range []string{s.name, strings.TrimSuffix(path.Base(rd.b.Files[fi].Path), path.Ext(rd.b.Files[fi].Path))} {
			if yearInName.FindString(NormKey(name)) == NormKey(name) {
				if _, ok := ParseYear(name); ok {
					rec.raw[ColProgYear] = Norm(name)
					break
				}
			}
		}
	}
	rd.counts(fi).Read++
	pr.record(rec)
}

// initiative returns the initiative that v names, or -1: v is its 取組ID or
// its 取組名 (after NFKC, case and spaces folded), whichever column it was
// written in: staff often write the name in the 取組ID column of a list.
func (pr *progressReader) initiative(v string) int {
	k := textKey(v)
	if k == "" {
		return -1
	}
	if i, ok := pr.byID[k]; ok {
		return i
	}
	if i, ok := pr.byName[k]; ok {
		return i
	}
	return -1
}

// suggestInitiative returns the hint for a 取組ID or 取組名 v that names no
// initiative: the nearest ID or name (FoldVariants, then edit distance),
// shown as 「T07 北町あいさつ運動」.
func (pr *progressReader) suggestInitiative(v string) (Hint, []string) {
	inits := pr.rd.b.Initiatives
	if pr.sug == nil {
		cands := make([]string, 0, 2*len(inits))
		for _, in := range inits {
			cands = append(cands, in.ID, in.Name)
		}
		pr.sug = newSuggester(cands)
	}
	near := pr.sug.nearest(v)
	if near == "" {
		return "", nil
	}
	for _, in := range inits {
		if in.ID == near || in.Name == near {
			return HintDidYouMean, []string{in.ID + " " + in.Name}
		}
	}
	return "", nil
}

// formReach is how many columns right of a label a form's value is looked for.
const formReach = 4

// record resolves one record's initiative and year, applies corrections,
// checks for a duplicate, parses its values and appends it.
func (pr *progressReader) record(rec *sheetRecord) {
	rd := pr.rd
	b := rd.b
	cnt := rd.counts(rec.fi)
	p := b.Files[rec.fi].Path
	if len(b.Initiatives) == 0 {
		// Note: only a record needs sheet 取組; an empty progress sheet (the
		// template's) in a batch without initiatives is no problem.
		cnt.Invalid++
		if !pr.noSheet {
			pr.noSheet = true
			rd.add(Problem{Severity: Error, Code: CodeMissingSheet, File: DefinitionsFile, Sheet: InitiativesSheet.Name,
				Hint: HintNoInitSheet})
		}
		return
	}
	problem := func(code Code, it int, value string, hint Hint, args ...string) {
		at := rec.cells[it]
		if at.row == 0 {
			at.row = rec.row
		}
		rd.add(Problem{Severity: Error, Code: code, File: p, Sheet: rec.sheet, Row: at.row, Col: at.col,
			RecordID: rec.raw[ColProgID], Item: ProgressSheet.Header(it), Value: value, Hint: hint, Args: args})
	}
	keyItem := ColProgID
	if rec.raw[ColProgID] == "" {
		keyItem = ColProgName
	}
	init := pr.initiative(rec.raw[keyItem])
	if init < 0 {
		cnt.Invalid++
		hint, args := pr.suggestInitiative(rec.raw[keyItem])
		problem(CodeUnknownInit, keyItem, rec.raw[keyItem], hint, args...)
		return
	}
	year, ok := ParseYear(rec.raw[ColProgYear])
	if !ok {
		cnt.Invalid++
		problem(CodeBadYear, ColProgYear, rec.raw[ColProgYear], "")
		return
	}
	id := b.Initiatives[init].ID
	removed := rd.applyFixes(TargetProgress, id+"/"+strconv.Itoa(year), rec.fi, rec.row, rec.access(func(item string) (int, bool) {
		it, ok := pr.labels[item]
		return it, ok
	}))
	if removed {
		cnt.Removed++
		return
	}
	key := [2]int{init, year}
	values := strings.Join(rec.raw[ColProgRating:], "\x00")
	at := rec.cells[keyItem]
	if at.row == 0 {
		at.row = rec.row
	}
	if prev, ok := pr.seen[key]; ok {
		if prev.values == values {
			cnt.Duplicate++
			rd.add(Problem{Severity: Warning, Code: CodeDuplicateRow, File: p, Sheet: rec.sheet, Row: at.row, Col: at.col,
				RecordID: id, Item: ProgressSheet.Header(keyItem), Value: strconv.Itoa(year), Hint: HintFirstRecord, Args: []string{prev.where}})
		} else {
			cnt.Invalid++
			rd.add(Problem{Severity: Error, Code: CodeDuplicateProg, File: p, Sheet: rec.sheet, Row: at.row, Col: at.col,
				RecordID: id, Item: ProgressSheet.Header(keyItem), Value: strconv.Itoa(year), Hint: HintFirstRecord, Args: []string{prev.where}})
		}
		return
	}
	pr.seen[key] = seenHearing{values: values, where: place(p, rec.sheet, at.row, at.col)}

	g := Progress{Initiative: init, Year: year, Rating: -1, Sheet: rec.sheet,
		Src: Src{File: rec.fi, Row: int32(rec.row)}, Cell: CellName(at.row, at.col)}
	if v := rec.raw[ColProgRating]; !IsNoAnswer(v) {
		c, ok := pr.scale.lookup(v)
		if !ok {
			problem(CodeUnknownCode, ColProgRating, v, HintScale, b.ProgressScale.Name)
		} else {
			g.Rating = c
		}
	}
	if v := rec.raw[ColProgActual]; !IsNoAnswer(v) {
		x, ok := ParseNumber(strings.TrimSuffix(v, b.Initiatives[init].Unit))
		if !ok {
			problem(CodeNotNumber, ColProgActual, v, "")
		} else {
			g.Actual, g.HasActual = x, true
		}
	}
	if n, ok := ParseNext(rec.raw[ColProgNext]); ok {
		g.Next = n
	} else {
		problem(CodeUnknownKeyword, ColProgNext, rec.raw[ColProgNext], HintOneOf, strings.Join(NextWords[1:], "・"))
	}
	text := func(it int) string {
		if IsNoAnswer(rec.raw[it]) {
			return ""
		}
		return normText(rec.raw[it])
	}
	g.Done, g.Outcome, g.Issues, g.Hard = text(ColProgDone), text(ColProgOutcome), text(ColProgIssues), text(ColProgHard)
	// Note: a record with an invalid value is kept (its other values count),
	// as a survey answer with one invalid value is; the error stops the run
	// unless -allow-errors.
	cnt.Included++
	b.Progress = append(b.Progress, g)
}

// HasSurvey reports whether the batch holds a questionnaire: a file in
// responses/ or baseline/, or respondents. A year without a survey has
// progress sheets (or hearings) only; a batch with none of these is treated
// as a survey (of nobody), as before progress sheets existed.
func (b *Batch) HasSurvey() bool {
	if len(b.Current.Respondents) > 0 || b.Baseline != nil {
		return true
	}
	for _, f := range b.Files {
		if f.Kind == KindResponses || f.Kind == KindBaseline {
			return true
		}
	}
	return len(b.Progress) == 0 && len(b.Hearings) == 0
}
