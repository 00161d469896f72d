package ingest

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readHearings reads the organization hearing workbooks in hearings/ (inputs.md
// section 4), every sheet of each, into Batch.Hearings. Input problems are
// recorded in the batch; the error is only for files that cannot be read from fsys.
func (rd *reader) readHearings(files []string) error {
	hr := newHearingReader(rd)
	for _, p := range files {
		data, err := fs.ReadFile(rd.fsys, p)
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		fi := rd.addFile(p, KindHearings, data)
		hr.readFile(fi, data)
	}
	return nil
}

// A hearingReader holds the state of reading the hearing workbooks.
type hearingReader struct {
	rd     *reader
	items  []HearingItem
	org    int            // the 団体名 item, or -1
	byID   map[string]int // textKey(項目ID) → item, for corrections
	scales []choiceIndex  // by item; only for 評価 items
	seen   map[string]seenHearing
}

// A seenHearing is what is kept of an included hearing to recognize duplicates.
type seenHearing struct {
	values string // raw values of every item, after corrections, \x00-joined
	where  string // file, sheet and cell, for the message
}

func newHearingReader(rd *reader) *hearingReader {
	b := rd.b
	hr := &hearingReader{rd: rd, items: b.HearingItems, org: -1, byID: map[string]int{},
		scales: make([]choiceIndex, len(b.HearingItems)), seen: map[string]seenHearing{}}
	for i, it := range b.HearingItems {
		if it.Kind == HOrg && hr.org < 0 {
			hr.org = i
		}
		if k := textKey(it.ID); k != "" {
			if _, dup := hr.byID[k]; !dup {
				hr.byID[k] = i
			}
		}
		if it.Kind == HRating && it.Scale >= 0 && it.Scale < len(b.ChoiceSets) {
			hr.scales[i] = newChoiceIndex(&b.ChoiceSets[it.Scale])
		}
	}
	return hr
}

// skippedSheet reports whether a sheet's name marks it as an example or an
// explanation (記入例, 入力例, 説明, 見本, or 例 alone, maybe numbered) rather
// than a hearing.
// Note: a name that merely contains 例 (定例サロン) is an organization's sheet.
func skippedSheet(name string) bool {
	k := NormKey(name)
	for _, w := range ExampleSheets {
		if strings.Contains(k, w) {
			return true
		}
	}
	return strings.TrimRight(k, "0123456789()（）") == "例"
}

// A hearingSheet is one sheet's rows that hold a value, with its merged ranges.
type hearingSheet struct {
	name   string
	nums   []int      // 1-based numbers of the rows with a value, ascending
	rows   [][]string // their values
	merges [][4]int   // col1, row1, col2, row2 (1-based, inclusive)
}

// row returns the values of 1-based row n, nil when it holds none.
func (s *hearingSheet) row(n int) []string {
	if i, ok := slices.BinarySearch(s.nums, n); ok {
		return s.rows[i]
	}
	return nil
}

// last returns the number of the last row with a value (0 when none).
func (s *hearingSheet) last() int {
	if len(s.nums) == 0 {
		return 0
	}
	return s.nums[len(s.nums)-1]
}

// value returns the normalized value at 1-based col and row, and the cell that
// holds it: the top-left cell of the merged range containing (col, row), if any.
func (s *hearingSheet) value(col, row int) (v string, cell cellAt) {
	for _, m := range s.merges {
		if col >= m[0] && col <= m[2] && row >= m[1] && row <= m[3] {
			col, row = m[0], m[1]
			break
		}
	}
	v = Norm(rowCell(s.row(row), col-1))
	return v, cellAt{row, col}
}

// A cellAt is a 1-based cell position; the zero value is no cell.
type cellAt struct{ row, col int }

// readHearingSheet reads the rows and merged ranges of sheet.
func readHearingSheet(wb *workbook, name string) (*hearingSheet, error) {
	sc, err := wb.openSheet(name)
	if err != nil {
		return nil, err
	}
	defer sc.Close()
	s := &hearingSheet{name: name}
	for sc.Next() {
		s.nums = append(s.nums, sc.Num())
		s.rows = append(s.rows, append([]string(nil), sc.Row()...))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if s.merges, err = sc.Merges(); err != nil {
		return nil, err
	}
	return s, nil
}

// readFile reads every sheet of hearing workbook fi.
func (hr *hearingReader) readFile(fi int32, data []byte) {
	// Note: without a 団体名 item no sheet can be read as a hearing; say so
	// per sheet rather than dropping the workbook silently.
	skip := Hint("")
	if hr.org < 0 {
		skip = HintNoOrgItem
	}
	hr.rd.readSheets(fi, data, skip, func(s *hearingSheet) {
		if !hr.readTable(fi, s) {
			hr.readForm(fi, s)
		}
	})
}

// readSheets reads every sheet of workbook fi with read (a hearing or progress
// workbook, whose sheets are lists or forms). It skips, with a warning, the
// example sheets (HintExampleSheet) and, when skip is not empty, every other
// sheet (hint skip), and reports a sheet that cannot be read.
func (rd *reader) readSheets(fi int32, data []byte, skip Hint, read func(s *hearingSheet)) {
	path := rd.b.Files[fi].Path
	wb, ok := rd.openBook(fi, data)
	if !ok {
		return
	}
	defer wb.Close()
	for _, name := range wb.GetSheetList() {
		// Note: an example or explanation sheet (the template's 記入例) is
		// part of the form, skipped without a warning (docs/inputs.md).
		if skippedSheet(name) {
			continue
		}
		hint := skip
		if hint != "" {
			rd.add(Problem{Severity: Warning, Code: CodeSheetSkipped, File: path, Sheet: name, Hint: hint})
			continue
		}
		s, err := readHearingSheet(wb, name)
		if err != nil {
			rd.add(sheetProblem(path, name, err))
			continue
		}
		read(s)
	}
}

// A sheetRecord is the raw values of one record of a hearing or progress
// workbook (a form sheet or a table row), by item.
type sheetRecord struct {
	fi      int32
	sheet   string
	row     int      // 1-based table row; 0 for a form sheet
	raw     []string // normalized value by item
	cells   []cellAt // cell by item; zero when the item is not in this layout
	present []bool   // by item: the layout has a place for it
}

// newSheetRecord returns an empty record of items items.
func newSheetRecord(fi int32, sheet string, row, items int) *sheetRecord {
	return &sheetRecord{fi: fi, sheet: sheet, row: row, raw: make([]string, items),
		cells: make([]cellAt, items), present: make([]bool, items)}
}

// access lets applyFixes read and change rec's values, index finding an item
// of a correction.
func (rec *sheetRecord) access(index func(item string) (int, bool)) recordAccess {
	return recordAccess{
		get: func(item string) (string, string, bool) {
			i, ok := index(item)
			if !ok || !rec.present[i] {
				return "", "", false
			}
			return rec.raw[i], CellName(rec.cells[i].row, rec.cells[i].col), true
		},
		set: func(item, value string) {
			if i, ok := index(item); ok {
				rec.raw[i] = Norm(value)
			}
		},
	}
}

// readTable reads sheet s as a table when a row holds the 見出し of the 団体名 item
// and of at least two other items, and reports whether it did. That row is the
// first non-empty row (inputs.md) or, after title rows, one of the first
// maxTitleRows rows.
// Note: title rows above a list are as common in hearing lists as in response
// files; skipping such a sheet would lose every organization on it. A form sheet
// never has three item labels in one row, so the wider search cannot mistake one.
func (hr *hearingReader) readTable(fi int32, s *hearingSheet) bool {
	hrow, cols := s.headerRow(hr.tableColumns)
	if hrow < 0 {
		return false
	}
	rd := hr.rd
	path := rd.b.Files[fi].Path
	rd.tableRecords(fi, s, hrow, cols, true, func(rec *sheetRecord) {
		if rec.raw[hr.org] == "" {
			rd.counts(fi).Invalid++
			v := ""
			for i, x := range rec.raw {
				if x != "" && v == "" && i != hr.org {
					v = x
				}
			}
			rd.add(Problem{Severity: Error, Code: CodeMissingOrg, File: path, Sheet: s.name,
				Row: rec.cells[hr.org].row, Col: rec.cells[hr.org].col, Item: hr.items[hr.org].ID, Value: v})
			return
		}
		hr.record(rec)
	})
	return true
}

// headerRow returns the number of the first non-empty row among the first
// maxTitleRows rows of s that columns finds to be a list header, with the
// columns it returns; hrow is -1 when there is none.
func (s *hearingSheet) headerRow(columns func(r []string) ([]int, bool)) (hrow int, cols []int) {
	for i, n := range s.nums {
		if n > maxTitleRows {
			break
		}
		if rowIsBlank(s.rows[i]) {
			continue
		}
		if c, ok := columns(s.rows[i]); ok {
			return n, c
		}
	}
	return -1, nil
}

// tableRecords reads the rows of table sheet s below header row hrow as
// records, item i from column cols[i] (-1: none), and calls use with each
// record, counted as read. It counts and reports the empty rows between
// records instead: rows whose items are all blank and, with wholeRow, whose
// other cells are blank too.
// Note: empty rows count only between records, so that Excel's trailing
// formatted-but-empty rows are not reported.
func (rd *reader) tableRecords(fi int32, s *hearingSheet, hrow int, cols []int, wholeRow bool, use func(rec *sheetRecord)) {
	cnt := rd.counts(fi)
	path := rd.b.Files[fi].Path
	emptyFrom, emptyN, prev := 0, 0, hrow
	for _, n := range s.tableRows(hrow) {
		if emptyN == 0 {
			emptyFrom = prev + 1
		}
		emptyN += n - prev - 1 // rows without a value and outside merged ranges
		prev = n
		rec := newSheetRecord(fi, s.name, n, len(cols))
		blank := true
		for i, c := range cols {
			if c < 0 {
				continue
			}
			rec.raw[i], rec.cells[i] = s.value(c+1, n)
			rec.present[i] = true
			blank = blank && rec.raw[i] == ""
		}
		if blank && (!wholeRow || rowIsBlank(s.row(n))) {
			if emptyN == 0 {
				emptyFrom = n
			}
			emptyN++
			continue
		}
		rd.emptyRows(cnt, Problem{File: path, Sheet: s.name}, emptyFrom, emptyN)
		emptyN = 0
		cnt.Read++
		use(rec)
	}
}

// tableRows returns, ascending, the numbers of the rows below header row hrow
// and up to the last row with a value that may hold a record: the rows with a
// value and the rows inside a merged range (which take its top-left value).
// Note: the other rows are empty by construction and are counted, not visited,
// so a gap in the row numbers costs nothing; the rows of merged ranges have
// been charged to the work budget when the ranges were read.
func (s *hearingSheet) tableRows(hrow int) []int {
	last := s.last()
	var out []int
	for _, n := range s.nums {
		if n > hrow {
			out = append(out, n)
		}
	}
	merged := false
	for _, m := range s.merges {
		for r := max(m[1], hrow+1); r <= min(m[3], last); r++ {
			out = append(out, r)
			merged = true
		}
	}
	if merged {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// maxTitleRows is how far down a hearing list's header row is looked for.
const maxTitleRows = 10

// tableColumns returns the column of each item in header row r, and whether the
// row is a list header: the 団体名 見出し and at least two others.
func (hr *hearingReader) tableColumns(r []string) ([]int, bool) {
	h := newHeader(r)
	cols := make([]int, len(hr.items))
	others := 0
	for i, it := range hr.items {
		c, ok := h.col(it.Header)
		if !ok || it.Header == "" {
			c = -1
		} else if i != hr.org {
			others++
		}
		cols[i] = c
	}
	return cols, cols[hr.org] >= 0 && others >= 2
}

// looksLikeResponses reports whether one of the first rows of s is a response
// file's header: a respondent-ID header and a 設問ID (a survey file put in
// hearings/).
func looksLikeResponses(b *Batch, s *hearingSheet) bool {
	ids := map[string]bool{}
	for _, n := range ResponsesSheet.Columns[ColResponseID].Names() {
		ids[NormKey(n)] = true
	}
	qs := map[string]bool{}
	for _, q := range b.Questions {
		qs[NormKey(q.ID)] = true
	}
	for i := range min(len(s.rows), 10) {
		id, q := false, false
		for _, v := range s.rows[i] {
			k := NormKey(v)
			id, q = id || ids[k], q || qs[k]
		}
		if id && q {
			return true
		}
	}
	return false
}

// readForm reads sheet s as a form (one organization, every item from its セル)
// when the 団体名 item's cell is non-empty; otherwise the sheet is skipped.
func (hr *hearingReader) readForm(fi int32, s *hearingSheet) {
	rd := hr.rd
	path := rd.b.Files[fi].Path
	rec := newSheetRecord(fi, s.name, 0, len(hr.items))
	for i, it := range hr.items {
		if it.Cell == "" {
			continue
		}
		col, row, err := excelize.CellNameToCoordinates(it.Cell)
		if err != nil {
			continue
		}
		rec.raw[i], rec.cells[i] = s.value(col, row)
		rec.present[i] = true
	}
	if rec.raw[hr.org] == "" {
		p := Problem{Severity: Warning, Code: CodeSheetSkipped, File: path, Sheet: s.name,
			Item: hr.items[hr.org].ID, Hint: HintNoOrgCell}
		if hr.items[hr.org].Cell == "" {
			p.Hint = HintNoListHeader
		}
		if looksLikeResponses(rd.b, s) {
			p.Hint = HintLooksResponses
		}
		rd.add(p)
		return
	}
	rd.counts(fi).Read++
	hr.record(rec)
}

// record applies corrections to one hearing's raw values, checks for a
// duplicate organization, parses the values and appends the hearing.
func (hr *hearingReader) record(rec *sheetRecord) {
	rd := hr.rd
	b := rd.b
	cnt := rd.counts(rec.fi)
	path := b.Files[rec.fi].Path
	org := rec.raw[hr.org]
	removed := rd.applyFixes(TargetHearing, org, rec.fi, rec.row, rec.access(func(item string) (int, bool) {
		i, ok := hr.byID[textKey(item)]
		return i, ok
	}))
	if removed {
		cnt.Removed++
		return
	}
	org = rec.raw[hr.org]
	orgCell := rec.cells[hr.org]
	// problem reports p at cell at, or at the record's row when at is zero.
	problem := func(p Problem, at cellAt) {
		p.File, p.Sheet, p.RecordID = path, rec.sheet, org
		p.Row, p.Col = at.row, at.col
		if p.Row == 0 {
			p.Row = rec.row
		}
		rd.add(p)
	}
	if org == "" { // emptied by a correction
		cnt.Invalid++
		problem(Problem{Severity: Error, Code: CodeMissingOrg, Item: hr.items[hr.org].ID}, orgCell)
		return
	}

	values := strings.Join(rec.raw, "\x00")
	key := NormKey(org)
	here := place(path, rec.sheet, orgCell.row, orgCell.col)
	if prev, ok := hr.seen[key]; ok {
		if prev.values == values {
			cnt.Duplicate++
			problem(Problem{Severity: Warning, Code: CodeDuplicateRow, Item: hr.items[hr.org].ID,
				Value: org, Hint: HintFirstRecord, Args: []string{prev.where}}, orgCell)
		} else {
			cnt.Invalid++
			problem(Problem{Severity: Error, Code: CodeDuplicateOrg, Item: hr.items[hr.org].ID,
				Value: org, Hint: HintFirstRecord, Args: []string{prev.where}}, orgCell)
		}
		return
	}
	hr.seen[key] = seenHearing{values: values, where: here}

	h := Hearing{Org: org, Values: make([]Answer, len(hr.items)), Sheet: rec.sheet,
		Src: Src{File: rec.fi, Row: int32(rec.row)}}
	for i, it := range hr.items {
		v := rec.raw[i]
		bad := func(code Code, value string, hint Hint, args ...string) {
			problem(Problem{Severity: Error, Code: code, Item: it.ID, Value: value, Hint: hint, Args: args}, rec.cells[i])
		}
		switch it.Kind {
		case HOrg:
			h.Values[i].Text = org
		case HOrgType:
			if !IsNoAnswer(v) {
				h.Values[i].Text = v
				if h.OrgType == "" {
					h.OrgType = v
				}
			}
		case HDistrict:
			if IsNoAnswer(v) {
				continue
			}
			h.Values[i].Text = v
			for _, part := range SplitList(v) {
				if IsNoAnswer(part) {
					continue
				}
				d, ok := rd.matchDistrict(part)
				if !ok {
					hint, args := rd.suggestDistrict(part)
					bad(CodeUnknownDist, part, hint, args...)
					continue
				}
				if !containsDistrict(h.Districts, d) {
					h.Districts = append(h.Districts, d)
				}
			}
		case HRating:
			if IsNoAnswer(v) {
				continue
			}
			if it.Scale < 0 || it.Scale >= len(b.ChoiceSets) {
				h.Values[i].Text = v
				continue
			}
			c, ok := hr.scales[i].lookup(v)
			if !ok {
				bad(CodeUnknownCode, v, HintScale, b.ChoiceSets[it.Scale].Name)
				continue
			}
			h.Values[i].Choices = ChoiceBits(0).With(c)
		case HNumber:
			if IsNoAnswer(v) {
				continue
			}
			x, ok := ParseNumber(v)
			if !ok {
				bad(CodeNotNumber, v, "")
				continue
			}
			h.Values[i] = NumberAnswer(x)
		case HComment, HText:
			if !IsNoAnswer(v) {
				h.Values[i].Text = normText(v)
			}
		}
	}
	cnt.Included++
	b.Hearings = append(b.Hearings, h)
}

// containsDistrict reports whether ds holds d.
func containsDistrict(ds []int, d int) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}
