package batchgen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// File names of the entry workbooks that Entry generates.
const (
	EntryResponsesFile   = "entry.xlsx"        // sheet 回答: one column per question or MA choice
	EntryHearingFormFile = "hearing_form.xlsx" // the form-style ヒアリングシート and its 記入例
	EntryHearingListFile = "hearing_list.xlsx" // the tabular hearing list, one column per 見出し
)

// Sizes of the entry workbooks.
const (
	// entryDefaultRows is how many data rows get the entry rules when 設定 has
	// no 配布数 (otherwise it is the 配布数).
	entryDefaultRows = 1000
	// entryHearingRows is how many rows of the hearing list get the rules.
	entryHearingRows = 300
	// entryNumMin and entryNumMax bound a NUM answer typed into an entry
	// workbook.
	// Note: the codebook gives no range for NUM questions; paper questionnaires
	// ask for counts, years and ages, so a whole number from 0 is what keying
	// staff type. The reader itself accepts any number (pasted or exported
	// data is not restricted), so the bound only stops typing slips.
	entryNumMin, entryNumMax = 0, 999999
	// maxListChars is Excel's limit for a drop-down list typed into a rule.
	maxListChars = 255
)

// The mark that an entry workbook offers for a chosen MA choice.
const entryMark = "○"

// An EntryBook is one generated entry workbook: its file name and bytes.
type EntryBook struct {
	Name string
	Data []byte
}

// Entry returns the entry workbooks for the codebook b (read with
// ingest.ReadDefinitions, without errors): EntryResponsesFile always, and
// when sheet ヒアリング項目 has a 団体名 item, EntryHearingFormFile (when that
// item has a セル) and EntryHearingListFile, and with sheet 取組 a progress
// workbook per district (ProgressEntryName). Every header, list and rule comes
// from b; the same codebook gives the same bytes.
func Entry(b *ingest.Batch) ([]EntryBook, error) {
	type gen struct {
		name  string
		write func(io.Writer, *ingest.Batch) error
	}
	gens := []gen{{EntryResponsesFile, writeEntryResponses}}
	if org := orgItem(b); org >= 0 {
		if b.HearingItems[org].Cell != "" {
			gens = append(gens, gen{EntryHearingFormFile, writeEntryHearingForm})
		}
		gens = append(gens, gen{EntryHearingListFile, writeEntryHearingList})
	}
	for _, d := range progressEntryGroups(b) {
		gens = append(gens, gen{ProgressEntryName(b, d), func(w io.Writer, b *ingest.Batch) error { return writeEntryProgress(w, b, d) }})
	}
	var books []EntryBook
	for _, g := range gens {
		var buf bytes.Buffer
		if err := g.write(&buf, b); err != nil {
			return nil, fmt.Errorf("entry: writing %s: %w", g.name, err)
		}
		books = append(books, EntryBook{g.name, buf.Bytes()})
	}
	return books, nil
}

// WriteEntry writes books to out and returns the paths written. out is a
// folder (created if needed) that receives every book, or a path ending in
// .xlsx that names the responses workbook, which is then the only book
// written. Like Template, it refuses to overwrite a file (fs.ErrExist with a
// Japanese message) and then writes nothing.
func WriteEntry(books []EntryBook, out string) ([]string, error) {
	paths := make([]string, 0, len(books))
	if strings.EqualFold(filepath.Ext(out), ".xlsx") {
		for _, bk := range books {
			if bk.Name == EntryResponsesFile {
				return writeBooks([]EntryBook{bk}, []string{out}, nil)
			}
		}
		return nil, nil
	}
	for _, bk := range books {
		paths = append(paths, filepath.Join(out, bk.Name))
	}
	return writeBooks(books, paths, nil)
}

// WriteEntryBatch writes books into the folders of the batch at dir where
// they are read: the responses workbook to responses/, the hearing workbooks
// to hearings/, the progress workbooks to progress/. A file there is never
// overwritten, except the template's own empty placeholder of the same name
// (responses/entry.xlsx, hearings/hearing_form.xlsx as `midreview template`
// wrote them, byte for byte), which the generated book replaces.
func WriteEntryBatch(books []EntryBook, dir string) ([]string, error) {
	tmpl, err := TemplateFS()
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(books))
	placeholder := map[string][]byte{}
	for i, bk := range books {
		rel := path.Join(entryFolder(bk.Name), bk.Name)
		paths[i] = filepath.Join(dir, filepath.FromSlash(rel))
		if f, ok := tmpl[rel]; ok {
			placeholder[paths[i]] = f.Data
		}
	}
	return writeBooks(books, paths, placeholder)
}

// entryFolder returns the batch folder that reads the entry book name.
func entryFolder(name string) string {
	switch name {
	case EntryResponsesFile:
		return ingest.ResponsesDir
	case EntryHearingFormFile, EntryHearingListFile:
		return ingest.HearingsDir
	}
	return ingest.ProgressDir
}

// writeBooks writes each book to its path after checking that none exists,
// or that it holds exactly its placeholder bytes (replaced).
func writeBooks(books []EntryBook, paths []string, placeholder map[string][]byte) ([]string, error) {
	for _, p := range paths {
		old, err := os.ReadFile(p)
		if err == nil {
			if ph, ok := placeholder[p]; ok && bytes.Equal(old, ph) {
				continue
			}
			return nil, existsError{p}
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("entry: %w", err)
		}
	}
	for i, bk := range books {
		if err := os.MkdirAll(filepath.Dir(paths[i]), 0o755); err != nil {
			return nil, fmt.Errorf("entry: %w", err)
		}
		if err := os.WriteFile(paths[i], bk.Data, 0o644); err != nil {
			return nil, fmt.Errorf("entry: %w", err)
		}
	}
	return paths, nil
}

// entryKind is what an entry column holds.
type entryKind int

const (
	entryID       entryKind = iota // 回答者ID, as text
	entryCode                      // SA, SC (or the 地区 question with a choice set): a choice code
	entryDistrict                  // the 地区 question without a choice set: a town or district name
	entryChoice                    // one choice of an MA question: ○ or blank
	entryNumber                    // NUM: a whole number
	entryText                      // FA: anything
)

// An entryColumn is one column of the responses entry sheet.
type entryColumn struct {
	Kind   entryKind
	Q      int // index into Batch.Questions; -1 for the ID
	Choice int // choice index, for entryChoice
	Header string
	Text   string   // row 2: the 設問文, or the choice label of an MA column
	Note   string   // the header cell's note
	Prompt string   // the input message shown when a cell is selected
	List   []string // drop-down values (entryCode, entryDistrict, entryChoice)
	Width  float64
}

// entryColumns returns the columns of b's responses entry sheet: the ID, then
// one per SA/SC/NUM/FA question and one per choice of an MA question, in
// sheet 設問 order.
func entryColumns(b *ingest.Batch) []entryColumn {
	idName := ingest.ResponsesSheet.Header(ingest.ColResponseID)
	cols := []entryColumn{{Kind: entryID, Q: -1, Header: idName,
		Note:   idName + "\n調査票の番号（同じ番号は入力できません）",
		Prompt: "調査票の番号。同じ番号は入力できません。",
		Width:  ingest.ResponsesSheet.Columns[ingest.ColResponseID].Width}}
	for qi := range b.Questions {
		q := &b.Questions[qi]
		head := q.ID
		if q.Text != "" {
			head += " " + q.Text
		}
		cond := condText(b, q)
		var set *ingest.ChoiceSet
		if q.ChoiceSet >= 0 && q.ChoiceSet < len(b.ChoiceSets) {
			set = &b.ChoiceSets[q.ChoiceSet]
		}
		c := entryColumn{Q: qi, Header: q.ID, Text: q.Text}
		switch {
		case q.Type == ingest.MA && set != nil:
			for ci, ch := range set.Choices {
				m := c
				m.Kind, m.Choice = entryChoice, ci
				m.Header = fmt.Sprintf("%s_%d", q.ID, ch.Code)
				m.Text = ch.Label
				m.List = []string{entryMark}
				m.Note = lines(head+"（MA 複数回答）", fmt.Sprintf("%d = %s", ch.Code, ch.Label), "選んだら "+entryMark+"、選ばなければ空欄", cond)
				m.Prompt = fmt.Sprintf("%d %s：選んだら %s", ch.Code, ch.Label, entryMark)
				m.Width = fitWidth(6, 12, m.Header)
				cols = append(cols, m)
			}
			continue
		case q.Type.Categorical() && set != nil || qi == b.DistrictQ && set != nil:
			c.Kind = entryCode
			var codes, pairs []string
			for _, ch := range set.Choices {
				codes = append(codes, strconv.Itoa(ch.Code))
				pairs = append(pairs, fmt.Sprintf("%d = %s", ch.Code, ch.Label))
			}
			c.List = codes
			c.Note = lines(head+"（"+q.Type.String()+" コードを1つ）", strings.Join(pairs, "\n"), cond)
			c.Prompt = strings.Join(pairs, "／")
			c.Width = fitWidth(6, 14, append(codes, c.Header)...)
		case qi == b.DistrictQ:
			c.Kind = entryDistrict
			c.List = districtValues(b)
			what := "地区名"
			if len(b.Towns) > 0 {
				what = "町名（町名のない地区は地区名）"
			}
			c.Note = lines(head+"（地区）", "一覧から"+what+"を選ぶ", "空欄は地区不明", cond)
			c.Prompt = "一覧から" + what + "を選んでください。空欄は地区不明。"
			c.Width = fitWidth(8, 24, append(append([]string(nil), c.List...), c.Header)...)
		case q.Type == ingest.NUM:
			c.Kind = entryNumber
			c.Note = lines(head+"（NUM 数値）", fmt.Sprintf("整数 %d〜%d", entryNumMin, entryNumMax), cond)
			c.Prompt = fmt.Sprintf("整数（%d〜%d）を入力してください。", entryNumMin, entryNumMax)
			c.Width = fitWidth(8, 12, c.Header)
		default:
			c.Kind = entryText
			c.Note = lines(head+"（"+q.Type.String()+" 自由記述）", "書かれたとおりに入力", cond)
			c.Prompt = "書かれたとおりに入力してください。"
			c.Width = 30
		}
		cols = append(cols, c)
	}
	return cols
}

// lines joins the non-empty parts with line feeds.
func lines(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n")
}

// condText returns question q's 対象条件 for a note ("対象条件: Q2=1（参加している）"),
// or "" when everyone is asked.
func condText(b *ingest.Batch, q *ingest.Question) string {
	var clauses []string
	for _, cl := range q.Cond {
		cq := &b.Questions[cl.Q]
		if cq.ChoiceSet < 0 || cq.ChoiceSet >= len(b.ChoiceSets) {
			continue
		}
		var codes, labels []string
		for i, ch := range b.ChoiceSets[cq.ChoiceSet].Choices {
			if cl.Choices.Has(i) {
				codes = append(codes, strconv.Itoa(ch.Code))
				labels = append(labels, ch.Label)
			}
		}
		clauses = append(clauses, fmt.Sprintf("%s=%s（%s）", cq.ID, strings.Join(codes, ","), strings.Join(labels, "、")))
	}
	if clauses == nil {
		return ""
	}
	return "対象条件: " + strings.Join(clauses, " かつ ") + " の人だけ答える"
}

// districtValues returns the drop-down list of the 地区 column: the district
// names or, when sheet 町名 exists, the towns followed by the names of the
// districts that no town maps to.
// Note: a 町名 sheet may list only some towns; listing the remaining districts
// by name keeps every district enterable.
func districtValues(b *ingest.Batch) []string {
	var vs []string
	hasTown := make([]bool, len(b.Districts))
	for _, t := range b.Towns {
		vs = append(vs, t.Name)
		if t.District >= 0 && t.District < len(hasTown) {
			hasTown[t.District] = true
		}
	}
	for i, d := range b.Districts {
		if !hasTown[i] {
			vs = append(vs, d.Name)
		}
	}
	return vs
}

// DistrictEntry returns the value an entry workbook's 地区 column holds for
// district d (an index into b.Districts; NoDistrict gives ""): its first
// town when sheet 町名 maps one to it, else its name.
func DistrictEntry(b *ingest.Batch, d int) string {
	if d < 0 || d >= len(b.Districts) {
		return ""
	}
	for _, t := range b.Towns {
		if t.District == d {
			return t.Name
		}
	}
	return b.Districts[d].Name
}

// displayWidth returns the width of s in Excel character units: wide (CJK,
// full-width) characters count two.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r >= 0xFF61 && r <= 0xFF9F: // half-width katakana
			w++
		case r >= 0x1100:
			w += 2
		default:
			w++
		}
	}
	return w
}

// fitWidth returns a column width that fits the widest of texts, within lo..hi.
func fitWidth(lo, hi float64, texts ...string) float64 {
	w := lo
	for _, t := range texts {
		w = max(w, float64(displayWidth(t)+2))
	}
	return min(w, hi)
}

// utf16Len returns the length of s in UTF-16 units, the unit of Excel's limits.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// truncUTF16 cuts s to at most n UTF-16 units (Excel's limits on prompts and
// titles), ending in … when cut.
func truncUTF16(s string, n int) string {
	if utf16Len(s) <= n {
		return s
	}
	rs := []rune(s)
	for len(utf16.Encode(rs)) > n-1 {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// A listPlacer puts drop-down lists into validation rules: a short list is
// typed into the rule, a long one (over Excel's 255 characters, or with a
// comma or quote in a value) goes to a column of the hidden sheet
// ingest.EntryListsSheet, which the rule references.
type listPlacer struct {
	f    *excelize.File
	cols int
}

// fitsRule reports whether values can be typed into a rule's drop-down list:
// at most maxListChars, with no comma or quote in a value.
func fitsRule(values []string) bool {
	joined := strings.Join(values, ",")
	return utf16Len(joined) <= maxListChars && strings.Count(joined, ",") == len(values)-1 && !strings.Contains(joined, `"`)
}

// rule sets dv's list to values.
func (p *listPlacer) rule(dv *excelize.DataValidation, values []string) error {
	if fitsRule(values) {
		return dv.SetDropList(values)
	}
	sheet := ingest.EntryListsSheet.Name
	if p.cols == 0 {
		if _, err := p.f.NewSheet(sheet); err != nil {
			return err
		}
		if err := p.f.SetSheetVisible(sheet, false); err != nil {
			return err
		}
	}
	p.cols++
	col, _ := excelize.ColumnNumberToName(p.cols)
	for i, v := range values {
		if err := p.f.SetCellStr(sheet, fmt.Sprintf("%s%d", col, i+1), v); err != nil {
			return err
		}
	}
	dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$1:$%s$%d", sheet, col, col, len(values)))
	return nil
}

// stopRule finishes dv as a rule that refuses other values (Excel's Stop
// alert), with title and prompt as the input message, and adds it to sheet.
func stopRule(f *excelize.File, sheet string, dv *excelize.DataValidation, title, prompt, errMsg string) error {
	if prompt != "" {
		dv.SetInput(truncUTF16(title, 32), truncUTF16(prompt, 255))
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "入力できない値です", truncUTF16(errMsg, 255))
	return f.AddDataValidation(sheet, dv)
}

// numberRule adds the whole-number rule of a NUM column or 数値 item to sqref.
func numberRule(f *excelize.File, sheet, sqref, title, prompt string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if err := dv.SetRange(entryNumMin, entryNumMax, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	return stopRule(f, sheet, dv, title, prompt, fmt.Sprintf("整数（%d〜%d）を入力してください。", entryNumMin, entryNumMax))
}

// entryStyles are the cell styles of an entry sheet.
type entryStyles struct {
	header, text, input, id int
	code                    int // a code or mark: centred
}

// newEntryStyles adds the entry styles to f: header rows locked (Excel's
// default), data columns unlocked so that only the header is protected.
func newEntryStyles(f *excelize.File) (entryStyles, error) {
	var s entryStyles
	var err error
	if s.header, err = headerStyle(f); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Size: 9, Color: "404040"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}); err != nil {
		return s, err
	}
	unlocked := &excelize.Protection{Locked: false}
	if s.input, err = f.NewStyle(&excelize.Style{Protection: unlocked}); err != nil {
		return s, err
	}
	if s.code, err = f.NewStyle(&excelize.Style{Protection: unlocked, Alignment: &excelize.Alignment{Horizontal: "center"}}); err != nil {
		return s, err
	}
	// Note: number format 49 is Excel's "@" (text), so an ID such as 0012 keeps
	// its zeros.
	s.id, err = f.NewStyle(&excelize.Style{NumFmt: 49, Protection: unlocked})
	return s, err
}

// protectHeader protects sheet so that only locked cells (the header rows)
// refuse edits; columns and rows can still be resized, sorted and filtered.
// Note: no password: staff who must change the layout can lift the
// protection (校閲 → シート保護の解除), but not by accident.
func protectHeader(f *excelize.File, sheet string) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, AutoFilter: true, Sort: true,
	})
}

// note adds a note (comment) with text to cell.
func note(f *excelize.File, sheet, cell, text string) error {
	n := strings.Count(text, "\n") + 1
	return f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "midreview", Text: text,
		Width: 260, Height: uint(min(20+16*n, 400))})
}

// entryHeader sets up column col (1-based) of entry sheet sheet: its style
// and width, its header in row 1 and the header's note (none when text is
// empty). It returns the column's name.
func entryHeader(f *excelize.File, sheet string, col, style int, width float64, header, text string) (string, error) {
	name, _ := excelize.ColumnNumberToName(col)
	if err := f.SetColStyle(sheet, name, style); err != nil {
		return "", err
	}
	if err := f.SetColWidth(sheet, name, name, width); err != nil {
		return "", err
	}
	if err := f.SetCellStr(sheet, name+"1", header); err != nil {
		return "", err
	}
	if text == "" {
		return name, nil
	}
	return name, note(f, sheet, name+"1", text)
}

// entryRows returns how many data rows of the responses sheet get the rules:
// the 配布数, else entryDefaultRows.
func entryRows(b *ingest.Batch) int {
	n := b.Settings.Distributed
	if n <= 0 {
		n = entryDefaultRows
	}
	return min(n, excelize.TotalRows-2)
}

// writeEntryResponses writes the responses entry workbook: sheet 回答 with
// the 設問IDs in row 1 and the 設問文 in row 2 (which the reader skips), one
// rule per column on the data rows, notes on the header cells, frozen panes,
// and the header rows protected.
func writeEntryResponses(w io.Writer, b *ingest.Batch) error {
	sheet := ingest.ResponsesSheet.Name
	f, err := xlsxbuild.New(sheet)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := newEntryStyles(f)
	if err != nil {
		return err
	}
	cols := entryColumns(b)
	rows := entryRows(b)
	lists := &listPlacer{f: f}
	hasText := false
	for _, c := range cols {
		hasText = hasText || c.Text != ""
	}
	for i, c := range cols {
		style := st.input
		switch c.Kind {
		case entryID:
			style = st.id
		case entryCode, entryChoice:
			style = st.code
		}
		name, err := entryHeader(f, sheet, i+1, style, c.Width, c.Header, c.Note)
		if err != nil {
			return err
		}
		if c.Text != "" {
			if err := f.SetCellStr(sheet, name+"2", c.Text); err != nil {
				return err
			}
		}
		sqref := fmt.Sprintf("%s3:%s%d", name, name, rows+2)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sqref
		switch c.Kind {
		case entryID:
			// Note: a custom rule refusing an ID already in the column catches a
			// questionnaire keyed twice (duplicate-id) at the keyboard. "=1", not
			// "<=1": excelize writes a custom formula into the XML unescaped.
			dv.Type = "custom"
			dv.Formula1 = fmt.Sprintf("COUNTIF($%s$3:$%s$%d,%s3)=1", name, name, rows+2, name)
			err = stopRule(f, sheet, dv, c.Header, c.Prompt, "この回答者IDは既に入力されています。")
		case entryCode, entryDistrict, entryChoice:
			if err = lists.rule(dv, c.List); err == nil {
				err = stopRule(f, sheet, dv, c.Header, c.Prompt, "一覧にない値です。一覧から選んでください（無回答は空欄）。")
			}
		case entryNumber:
			err = numberRule(f, sheet, sqref, c.Header, c.Prompt)
		}
		if err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), 1)
	if err := f.SetCellStyle(sheet, "A1", last, st.header); err != nil {
		return err
	}
	last2, _ := excelize.CoordinatesToCellName(len(cols), 2)
	if err := f.SetCellStyle(sheet, "A2", last2, st.text); err != nil {
		return err
	}
	if hasText {
		if err := f.SetRowHeight(sheet, 2, 48); err != nil {
			return err
		}
	}
	return writeEntrySheet(w, f, sheet, 1, 2)
}

// writeEntrySheet finishes list sheet sheet of an entry workbook and writes f
// to w: its first xSplit columns and ySplit rows (the header) frozen, printed
// landscape one page wide, the header protected.
func writeEntrySheet(w io.Writer, f *excelize.File, sheet string, xSplit, ySplit int) error {
	topLeft, _ := excelize.CoordinatesToCellName(xSplit+1, ySplit+1)
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: xSplit, YSplit: ySplit, TopLeftCell: topLeft, ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := fitPage(f, sheet, "landscape"); err != nil {
		return err
	}
	if err := protectHeader(f, sheet); err != nil {
		return err
	}
	return writeXLSX(f, w)
}

// fitPage prints sheet one page wide, in orientation ("portrait" or
// "landscape").
func fitPage(f *excelize.File, sheet, orientation string) error {
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	wide, tall := 1, 0
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall})
}
