package batchgen

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render"
)

// entryOut, when set, receives the filled-in entry workbooks of the round trip
// (for the screenshot in docs/entry.md): go test ./internal/batchgen -run TestEntryRoundTrip -entry-out DIR
var entryOut = flag.String("entry-out", "", "write the filled-in entry workbooks of the small batch to this folder")

// readDefs reads the codebook of a test batch and fails on errors.
func readDefs(t *testing.T, fsys fs.FS) *ingest.Batch {
	t.Helper()
	b, err := ingest.ReadDefinitions(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if ingest.HasErrors(b.Problems) {
		t.Fatalf("definitions: %v", b.Problems)
	}
	return b
}

// entryBooks returns Entry(b) by file name.
func entryBooks(t *testing.T, b *ingest.Batch) map[string][]byte {
	t.Helper()
	books, err := Entry(b)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, bk := range books {
		m[bk.Name] = bk.Data
	}
	return m
}

// openBook opens workbook bytes.
func openBook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// saveBytes returns f's bytes.
func saveBytes(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Clone(buf.Bytes())
}

// ruleAt returns the validation rule of sheet covering cell, or nil.
func ruleAt(t *testing.T, f *excelize.File, sheet, cell string) *excelize.DataValidation {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col, row, _ := excelize.CellNameToCoordinates(cell)
	for _, dv := range dvs {
		for _, ref := range strings.Fields(dv.Sqref) {
			a, b, _ := strings.Cut(ref, ":")
			if b == "" {
				b = a
			}
			c1, r1, _ := excelize.CellNameToCoordinates(a)
			c2, r2, _ := excelize.CellNameToCoordinates(b)
			if col >= c1 && col <= c2 && row >= r1 && row <= r2 {
				return dv
			}
		}
	}
	return nil
}

// cellLocked reports whether cell of sheet is locked (Excel's default), so
// that the sheet's protection refuses edits to it.
func cellLocked(t *testing.T, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Protection == nil || st.Protection.Locked
}

// ruleList returns the values of a list rule, typed in or referenced.
func ruleList(t *testing.T, f *excelize.File, dv *excelize.DataValidation) []string {
	t.Helper()
	if s, ok := strings.CutPrefix(dv.Formula1, `"`); ok {
		return strings.Split(strings.TrimSuffix(s, `"`), ",")
	}
	sheet, ref, ok := strings.Cut(dv.Formula1, "!")
	if !ok {
		t.Fatalf("list rule %q", dv.Formula1)
	}
	sheet = strings.Trim(sheet, "'")
	a, b, _ := strings.Cut(strings.ReplaceAll(ref, "$", ""), ":")
	c1, r1, _ := excelize.CellNameToCoordinates(a)
	_, r2, _ := excelize.CellNameToCoordinates(b)
	var vs []string
	for r := r1; r <= r2; r++ {
		cell, _ := excelize.CoordinatesToCellName(c1, r)
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	return vs
}

// excelAccepts reports whether Excel would let value be typed into cell of
// sheet under its rule (a Stop alert refuses anything the rule does not allow).
// A custom rule is evaluated for the one formula Entry writes, COUNTIF over
// the column.
func excelAccepts(t *testing.T, f *excelize.File, sheet, cell, value string) bool {
	t.Helper()
	dv := ruleAt(t, f, sheet, cell)
	if dv == nil || dv.Type == "" {
		return true // none, or an input message only
	}
	if dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" || !dv.ShowErrorMessage {
		t.Fatalf("%s!%s: the rule does not stop other values", sheet, cell)
	}
	if value == "" {
		return dv.AllowBlank
	}
	switch dv.Type {
	case "list":
		return slices.Contains(ruleList(t, f, dv), value)
	case "whole":
		n, err := strconv.Atoi(value)
		lo, _ := strconv.Atoi(dv.Formula1)
		hi, _ := strconv.Atoi(dv.Formula2)
		return err == nil && n >= lo && n <= hi
	case "custom":
		col, row, _ := excelize.CellNameToCoordinates(cell)
		if !strings.HasPrefix(dv.Formula1, "COUNTIF(") {
			t.Fatalf("custom rule %q", dv.Formula1)
		}
		n := 1
		for r := 3; ; r++ {
			c, _ := excelize.CoordinatesToCellName(col, r)
			if r2 := ruleAt(t, f, sheet, c); r2 == nil || r2.Sqref != dv.Sqref {
				break
			}
			v, _ := f.GetCellValue(sheet, c)
			if r != row && v == value {
				n++
			}
		}
		return n <= 1
	}
	t.Fatalf("rule type %q", dv.Type)
	return false
}

// setChecked types value into cell, failing when Excel's rule would refuse it.
func setChecked(t *testing.T, f *excelize.File, sheet, cell string, value any) {
	t.Helper()
	s := fmt.Sprint(value)
	if !excelAccepts(t, f, sheet, cell, s) {
		t.Fatalf("%s!%s: the entry rule refuses the valid value %q", sheet, cell, s)
	}
	if err := f.SetCellValue(sheet, cell, value); err != nil {
		t.Fatal(err)
	}
}

// respondentValue returns what an entry column holds for respondent i of
// survey s, nil for blank.
func respondentValue(b *ingest.Batch, c entryColumn, s *ingest.Survey, i int) any {
	r := &s.Respondents[i]
	if c.Kind == entryID {
		return r.ID
	}
	a := s.Answer(c.Q, i)
	set := func() []ingest.Choice { return b.ChoiceSets[b.Questions[c.Q].ChoiceSet].Choices }
	switch c.Kind {
	case entryCode:
		for i, ch := range set() {
			if a.Choices.Has(i) {
				return ch.Code
			}
		}
	case entryDistrict:
		if v := DistrictEntry(b, r.District); v != "" {
			return v
		}
	case entryChoice:
		if a.Choices.Has(c.Choice) {
			return entryMark
		}
	case entryNumber:
		if x, ok := a.Number(); ok {
			return x
		}
	case entryText:
		if a.Text != "" {
			return a.Text
		}
	}
	return nil
}

// fillResponses types the first n respondents of s into the responses entry
// workbook from row 3.
func fillResponses(t *testing.T, data []byte, b *ingest.Batch, s *ingest.Survey, n int) []byte {
	t.Helper()
	f := openBook(t, data)
	defer f.Close()
	sheet := ingest.ResponsesSheet.Name
	for i := range n {
		for j, c := range entryColumns(b) {
			if v := respondentValue(b, c, s, i); v != nil {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+3)
				setChecked(t, f, sheet, cell, v)
			}
		}
	}
	return saveBytes(t, f)
}

// hearingValue returns what a form cell or list column holds for item i of h.
func hearingValue(b *ingest.Batch, h *ingest.Hearing, i int) any {
	it := &b.HearingItems[i]
	a := h.Values[i]
	switch it.Kind {
	case ingest.HRating:
		list, _ := scaleList(b, it)
		for k := range list {
			if a.Choices.Has(k) {
				return list[k]
			}
		}
	case ingest.HNumber:
		if x, ok := a.Number(); ok {
			return x
		}
	default:
		if a.Text != "" {
			return a.Text
		}
	}
	return nil
}

// fillHearings types the first half of hs into copies of the form sheet and
// the rest into the list, in order.
func fillHearings(t *testing.T, form, list []byte, b *ingest.Batch, hs []ingest.Hearing) (formOut, listOut []byte) {
	t.Helper()
	split := (len(hs) + 1) / 2
	f := openBook(t, form)
	defer f.Close()
	from, _ := f.GetSheetIndex(formSheet)
	for k := range hs[:split] {
		sheet := formSheet
		if k > 0 {
			sheet = fmt.Sprintf(orgSheet, k+1)
			to, err := f.NewSheet(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.CopySheet(from, to); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range formLayout(b.HearingItems) {
			if v := hearingValue(b, &hs[k], p.Item); v != nil {
				setChecked(t, f, sheet, b.HearingItems[p.Item].Cell, v)
			}
		}
	}
	formOut = saveBytes(t, f)
	g := openBook(t, list)
	defer g.Close()
	for r, h := range hs[split:] {
		for i := range b.HearingItems {
			if v := hearingValue(b, &h, i); v != nil {
				cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
				setChecked(t, g, listSheet, cell, v)
			}
		}
	}
	return formOut, saveBytes(t, g)
}

// dataCSVs returns the crosstab, summary and hearings CSVs of batch b.
func dataCSVs(t *testing.T, b *ingest.Batch) map[string][]byte {
	t.Helper()
	res := analyze.Run(b)
	out := map[string][]byte{}
	for name, w := range map[string]func(io.Writer, *analyze.Results) error{
		"crosstab.csv": render.CrosstabCSV, "summary.csv": render.SummaryCSV, "hearings.csv": render.HearingsCSV,
	} {
		var buf bytes.Buffer
		if err := w(&buf, res); err != nil {
			t.Fatal(err)
		}
		out[name] = buf.Bytes()
	}
	return out
}

// TestEntryRoundTrip generates the entry workbooks from each test batch's
// codebook, types in the batch's own answers and hearings (through the
// workbooks' rules), reads the result and gets the same crosstab, summary and
// hearings CSVs as the original batch, with no problem but the 記入例 note.
func TestEntryRoundTrip(t *testing.T) {
	for _, name := range []string{"small", "messy"} {
		t.Run(name, func(t *testing.T) {
			src := os.DirFS(filepath.Join(batchesDir, name))
			orig, err := ingest.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			defs := readDefs(t, src)
			books := entryBooks(t, defs)
			fsys := fstest.MapFS{}
			// Keep the codebook, baseline/ and corrections; replace the data.
			err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				if p == ingest.DefinitionsFile || p == ingest.CorrectionsFile || path.Dir(p) == ingest.BaselineDir {
					data, err := fs.ReadFile(src, p)
					fsys[p] = &fstest.MapFile{Data: data}
					return err
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			resp := fillResponses(t, books[EntryResponsesFile], defs, &orig.Current, len(orig.Current.Respondents))
			form, list := fillHearings(t, books[EntryHearingFormFile], books[EntryHearingListFile], defs, orig.Hearings)
			fsys[ingest.ResponsesDir+"/"+EntryResponsesFile] = &fstest.MapFile{Data: resp}
			fsys[ingest.HearingsDir+"/"+EntryHearingFormFile] = &fstest.MapFile{Data: form}
			fsys[ingest.HearingsDir+"/"+EntryHearingListFile] = &fstest.MapFile{Data: list}
			if name == "small" && *entryOut != "" {
				for n, d := range map[string][]byte{EntryResponsesFile: resp, EntryHearingFormFile: form, EntryHearingListFile: list} {
					if err := os.WriteFile(filepath.Join(*entryOut, n), d, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}

			got, err := ingest.Read(fsys)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range got.Problems {
				if strings.HasPrefix(p.File, ingest.BaselineDir+"/") || (p.Code == ingest.CodeSheetSkipped && p.Sheet == exampleSheet) {
					continue
				}
				t.Errorf("problem in the filled-in workbooks: %v", p)
			}
			if len(got.Current.Respondents) != len(orig.Current.Respondents) || len(got.Hearings) != len(orig.Hearings) {
				t.Fatalf("read %d respondents and %d hearings, want %d and %d", len(got.Current.Respondents),
					len(got.Hearings), len(orig.Current.Respondents), len(orig.Hearings))
			}
			want, have := dataCSVs(t, orig), dataCSVs(t, got)
			for _, n := range []string{"crosstab.csv", "summary.csv", "hearings.csv"} {
				if !bytes.Equal(want[n], have[n]) {
					t.Errorf("%s differs from the original batch's:\n--- original\n%s\n--- entry\n%s", n, want[n], have[n])
				}
			}
		})
	}
}

// TestEntryRules reads the generated rules back and checks them per column
// type on the small batch's codebook (see testdata/batches/small/README.md).
func TestEntryRules(t *testing.T) {
	defs := readDefs(t, os.DirFS(filepath.Join(batchesDir, "small")))
	f := openBook(t, entryBooks(t, defs)[EntryResponsesFile])
	defer f.Close()
	sheet := ingest.ResponsesSheet.Name
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"回答者ID", "F1", "F2", "F3", "Q1", "Q2", "Q3_1", "Q3_2", "Q3_3", "Q4", "Q5", "Q6"}
	if !slices.Equal(rows[0], wantHeader) {
		t.Fatalf("header = %q, want %q", rows[0], wantHeader)
	}
	if got := rows[1][6:9]; !slices.Equal(got, []string{"見守り", "防災", "子育て"}) || rows[1][4] != "近所付き合いの程度" {
		t.Errorf("row 2 = %q, want the 設問文 and the MA choice labels", rows[1])
	}
	type want struct {
		typ    string
		list   []string
		lo, hi string
	}
	codes := func(n int) want {
		w := want{typ: "list"}
		for i := 1; i <= n; i++ {
			w.list = append(w.list, strconv.Itoa(i))
		}
		return w
	}
	mark := want{typ: "list", list: []string{"○"}}
	wants := map[string]want{
		"回答者ID": {typ: "custom"},
		"F1":    {typ: "list", list: []string{"南町1丁目", "北", "中央"}}, // towns, then districts without a town
		"F2":    codes(2), "F3": codes(3), "Q1": codes(3), "Q2": codes(2), "Q4": codes(5),
		"Q3_1": mark, "Q3_2": mark, "Q3_3": mark,
		"Q5": {typ: "whole", lo: "0", hi: "999999"},
		"Q6": {},
	}
	for i, h := range wantHeader {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w := wants[h]
		for _, row := range []int{1, 2, 3, 52, 53} {
			dv := ruleAt(t, f, sheet, fmt.Sprintf("%s%d", col, row))
			if inData := row >= 3 && row <= 52; !inData || w.typ == "" { // 配布数 50: rows 3..52
				if dv != nil {
					t.Errorf("%s row %d has a rule %+v", h, row, dv)
				}
				continue
			}
			if dv == nil {
				t.Errorf("%s row %d: no rule", h, row)
				continue
			}
			if dv.Type != w.typ || !dv.AllowBlank || dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" {
				t.Errorf("%s: rule %s, blank %v, want %s refusing other values", h, dv.Type, dv.AllowBlank, w.typ)
			}
			switch w.typ {
			case "list":
				if got := ruleList(t, f, dv); !slices.Equal(got, w.list) {
					t.Errorf("%s: list %q, want %q", h, got, w.list)
				}
			case "whole":
				if dv.Operator != "between" || dv.Formula1 != w.lo || dv.Formula2 != w.hi {
					t.Errorf("%s: whole %s %s..%s", h, dv.Operator, dv.Formula1, dv.Formula2)
				}
			case "custom":
				if dv.Formula1 != "COUNTIF($A$3:$A$52,A3)=1" {
					t.Errorf("%s: formula %q", h, dv.Formula1)
				}
			}
		}
	}

	comments, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	for _, c := range comments {
		notes[c.Cell] = c.Text
		for _, p := range c.Paragraph {
			notes[c.Cell] += p.Text
		}
	}
	for cell, want := range map[string]string{
		"E1": "1 = よくある\n2 = ときどき\n3 = ない", "G1": "対象条件: Q2=1（参加している）", "J1": "5 = そう思わない",
		"K1": "整数 0〜999999", "B1": "空欄は地区不明",
	} {
		if !strings.Contains(notes[cell], want) {
			t.Errorf("note %s = %q, want it to contain %q", cell, notes[cell], want)
		}
	}
	if len(notes) != len(wantHeader) {
		t.Errorf("%d notes, want one per header cell (%d)", len(notes), len(wantHeader))
	}

	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.XSplit != 1 || panes.YSplit != 2 {
		t.Errorf("panes %+v, %v: want the ID column and two header rows frozen", panes, err)
	}
	if _, err := f.GetSheetProtection(sheet); err != nil {
		t.Error(err)
	}
	locked := func(cell string) bool { return cellLocked(t, f, sheet, cell) }
	for _, c := range []string{"A1", "E1", "E2", "L2"} {
		if !locked(c) {
			t.Errorf("header cell %s is not locked", c)
		}
	}
	for _, c := range []string{"A3", "E3", "L52", "E500"} {
		if locked(c) {
			t.Errorf("data cell %s is locked", c)
		}
	}
	id, _ := f.GetCellStyle(sheet, "A3")
	if st, _ := f.GetStyle(id); st.NumFmt != 49 {
		t.Errorf("ID column number format %d, want 49 (text)", st.NumFmt)
	}
}

// TestEntryInvalidValues types one invalid value per column type: Excel's
// rule refuses it, and when it gets in anyway (pasted), ingest names its cell.
func TestEntryInvalidValues(t *testing.T) {
	src := os.DirFS(filepath.Join(batchesDir, "small"))
	orig, err := ingest.Read(src)
	if err != nil {
		t.Fatal(err)
	}
	defs := readDefs(t, src)
	books := entryBooks(t, defs)
	defsData, err := fs.ReadFile(src, ingest.DefinitionsFile)
	if err != nil {
		t.Fatal(err)
	}
	// Rows 3 and 4 hold S01 and S02 (S02 answered Q2 = 1, so Q3 is asked).
	valid := fillResponses(t, books[EntryResponsesFile], defs, &orig.Current, 2)
	for _, c := range []struct {
		cell, value string
		code        ingest.Code
	}{
		{"A4", "S01", ingest.CodeDuplicateID},
		{"B4", "西", ingest.CodeUnknownDist},
		{"E4", "7", ingest.CodeUnknownCode},
		{"E4", "1,2", ingest.CodeMultipleValues},
		{"G4", "2", ingest.CodeUnknownCode},
		{"J4", "よくある", ingest.CodeUnknownCode},
		{"K4", "たくさん", ingest.CodeNotNumber},
	} {
		t.Run(c.cell+"="+c.value, func(t *testing.T) {
			f := openBook(t, valid)
			defer f.Close()
			sheet := ingest.ResponsesSheet.Name
			if excelAccepts(t, f, sheet, c.cell, c.value) {
				t.Errorf("Excel's rule accepts %q in %s", c.value, c.cell)
			}
			if err := f.SetCellStr(sheet, c.cell, c.value); err != nil { // pasted: no rule applies
				t.Fatal(err)
			}
			b, err := ingest.Read(fstest.MapFS{
				ingest.DefinitionsFile:                         {Data: defsData},
				ingest.ResponsesDir + "/" + EntryResponsesFile: {Data: saveBytes(t, f)},
			})
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, p := range b.Problems {
				if p.Severity != ingest.Error {
					continue
				}
				if p.Code == c.code && p.Cell() == c.cell && p.Sheet == sheet {
					found = true
				} else {
					t.Errorf("unexpected problem %v", p)
				}
			}
			if !found {
				t.Errorf("no %s at %s; problems: %v", c.code, c.cell, b.Problems)
			}
		})
	}

	// The hearing form: a rating off the scale and a number that is not one.
	f := openBook(t, books[EntryHearingFormFile])
	defer f.Close()
	for _, c := range []struct{ cell, value string }{{"C2", "北地区社会福祉協議会"}, {"C5", "普通"}, {"C7", "たくさん"}} {
		if ok := excelAccepts(t, f, formSheet, c.cell, c.value); ok != (c.cell == "C2") {
			t.Errorf("hearing form %s: Excel accepts %q: %v", c.cell, c.value, ok)
		}
		if err := f.SetCellStr(formSheet, c.cell, c.value); err != nil {
			t.Fatal(err)
		}
	}
	b, err := ingest.Read(fstest.MapFS{
		ingest.DefinitionsFile:                          {Data: defsData},
		ingest.ResponsesDir + "/" + EntryResponsesFile:  {Data: valid},
		ingest.HearingsDir + "/" + EntryHearingFormFile: {Data: saveBytes(t, f)},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range b.Problems {
		if p.Severity == ingest.Error {
			got = append(got, fmt.Sprintf("%s %s!%s", p.Code, p.Sheet, p.Cell()))
		}
	}
	want := []string{"unknown-code ヒアリングシート!C5", "not-a-number ヒアリングシート!C7"}
	if !slices.Equal(got, want) {
		t.Errorf("hearing form errors %q, want %q", got, want)
	}
}

// TestEntryFormLayout lays out the template's standard hearing items (the
// cells of the hand-drawn form) and gets the hand-drawn form's areas back.
func TestEntryFormLayout(t *testing.T) {
	fsys, err := TemplateFS()
	if err != nil {
		t.Fatal(err)
	}
	// Note: the blank template's codebook has errors (no districts, no
	// settings); its hearing items are read all the same.
	defs, err := ingest.ReadDefinitions(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range formLayout(defs.HearingItems) {
		c := func(col, row int) string { s, _ := excelize.CoordinatesToCellName(col, row); return s }
		label := "-"
		if p.LabelCol > 0 {
			label = c(p.LabelCol, p.Row) + ":" + c(p.LabelEndCol, p.Row)
		}
		got = append(got, fmt.Sprintf("%s %s %s:%s", defs.HearingItems[p.Item].ID, label, c(p.Col, p.Row), c(p.EndCol, p.EndRow)))
	}
	want := []string{
		"H01 B3:B3 C3:F3", "H02 B4:B4 C4:F4", "H03 B5:B5 C5:F5", "H04 B6:B6 C6:C6",
		"H05 B9:D9 E9:E9", "H06 B10:D10 E10:E10", "H07 B11:D11 E11:E11", "H08 B12:D12 E12:E12", "H09 B13:D13 E13:E13",
		"H10 B15:B15 C15:F17", "H11 B19:B19 C19:F21",
	}
	if !slices.Equal(got, want) {
		t.Errorf("layout\n got %q\nwant %q", got, want)
	}
}

// TestEntryLongList puts a district list over Excel's 255 characters on the
// hidden list sheet, and keeps the output deterministic.
func TestEntryLongList(t *testing.T) {
	b := &ingest.Batch{DistrictQ: 0, GenderQ: -1, AgeQ: -1,
		Questions: []ingest.Question{{ID: "F1", Text: "お住まいの町", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict}}}
	b.Districts = []ingest.District{{Code: "01", Name: "北"}}
	for i := range 60 {
		b.Towns = append(b.Towns, ingest.Town{Name: fmt.Sprintf("北町%d丁目", i+1)})
	}
	books := entryBooks(t, b)
	if _, ok := books[EntryHearingListFile]; ok {
		t.Error("hearing workbooks without hearing items")
	}
	f := openBook(t, books[EntryResponsesFile])
	defer f.Close()
	dv := ruleAt(t, f, ingest.ResponsesSheet.Name, "B3")
	if dv == nil || !strings.HasPrefix(dv.Formula1, "'"+ingest.EntryListsSheet.Name+"'!") {
		t.Fatalf("rule %+v, want a reference to the list sheet", dv)
	}
	if got := ruleList(t, f, dv); len(got) != 60 || got[59] != "北町60丁目" {
		t.Errorf("list %q", got)
	}
	if vis, _ := f.GetSheetVisible(ingest.EntryListsSheet.Name); vis {
		t.Error("the list sheet is visible")
	}
	if again := entryBooks(t, b); !bytes.Equal(again[EntryResponsesFile], books[EntryResponsesFile]) {
		t.Error("two generations differ")
	}
}
