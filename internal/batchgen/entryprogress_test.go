package batchgen

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render"
)

// progressAccepts is excelAccepts with the decimal rule of the 実績 column.
func progressAccepts(t *testing.T, f *excelize.File, cell, value string) bool {
	t.Helper()
	sheet := ingest.ProgressSheet.Name
	dv := ruleAt(t, f, sheet, cell)
	if dv != nil && dv.Type == "decimal" {
		if value == "" {
			return dv.AllowBlank
		}
		x, err := strconv.ParseFloat(value, 64)
		lo, _ := strconv.ParseFloat(dv.Formula1, 64)
		hi, _ := strconv.ParseFloat(dv.Formula2, 64)
		return err == nil && x >= lo && x <= hi
	}
	return excelAccepts(t, f, sheet, cell, value)
}

// progressCell returns the A1 name of item c (a ColProg constant) in row r.
func progressCell(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c+1, r)
	return name
}

// fillProgress types the records of b.Progress that belong to district d
// into its entry workbook: an initiative's first record into its own row,
// later ones into the free rows below (取組ID from the list), every value
// through the workbook's rules.
func fillProgress(t *testing.T, data []byte, b *ingest.Batch, d int) []byte {
	t.Helper()
	f := openBook(t, data)
	defer f.Close()
	sheet := ingest.ProgressSheet.Name
	own := map[string]int{} // 取組ID → its row
	for r := 2; ; r++ {
		id, _ := f.GetCellValue(sheet, progressCell(ingest.ColProgID, r))
		if id == "" {
			break
		}
		own[id] = r
	}
	free := 2 + len(own)
	used := map[int]bool{}
	for _, g := range b.Progress {
		in := &b.Initiatives[g.Initiative]
		if in.District != d {
			continue
		}
		r, ok := own[in.ID]
		if !ok || used[r] {
			r = free
			free++
			set(t, f, progressCell(ingest.ColProgID, r), in.ID)
		}
		used[r] = true
		set(t, f, progressCell(ingest.ColProgYear, r), yearLabel(g.Year))
		if g.Rating >= 0 {
			set(t, f, progressCell(ingest.ColProgRating, r), b.ProgressScale.Choices[g.Rating].Label)
		}
		if g.HasActual {
			set(t, f, progressCell(ingest.ColProgActual, r), g.Actual)
		}
		for c, v := range map[int]string{ingest.ColProgDone: g.Done, ingest.ColProgOutcome: g.Outcome,
			ingest.ColProgIssues: g.Issues, ingest.ColProgHard: g.Hard, ingest.ColProgNext: g.Next.String()} {
			if v != "" {
				set(t, f, progressCell(c, r), v)
			}
		}
	}
	return saveBytes(t, f)
}

// set types value into cell of the progress sheet, failing when the rule
// refuses it.
func set(t *testing.T, f *excelize.File, cell string, value any) {
	t.Helper()
	s := ""
	switch v := value.(type) {
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		s = v
	}
	if !progressAccepts(t, f, cell, s) {
		t.Fatalf("%s: the entry rule refuses the valid value %q", cell, s)
	}
	if err := f.SetCellValue(ingest.ProgressSheet.Name, cell, value); err != nil {
		t.Fatal(err)
	}
}

// progressCSV returns data/progress.csv of b without its source column (the
// file and cell of each record differ by construction).
func progressCSV(t *testing.T, b *ingest.Batch) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := render.ProgressCSV(&buf, analyze.Run(b)); err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, line := range bytes.Split(buf.Bytes(), []byte("\r\n")) {
		f := bytes.Split(line, []byte(","))
		if len(f) > 11 {
			f = slices.Delete(f, 11, 12)
		}
		out = append(append(out, bytes.Join(f, []byte(","))...), '\n')
	}
	return out
}

// TestEntryProgressRoundTrip generates the progress entry workbooks from the
// progress test batch's codebook, types in the batch's own records through
// the rules, reads them back as progress/ and gets the same data/progress.csv
// (and texts) with no problem.
func TestEntryProgressRoundTrip(t *testing.T) {
	src := os.DirFS(filepath.Join(batchesDir, "progress"))
	orig, err := ingest.Read(src)
	if err != nil {
		t.Fatal(err)
	}
	defs := readDefs(t, src)
	books := entryBooks(t, defs)
	want := []string{"progress_01_北.xlsx", "progress_02_中央.xlsx", "progress_03_南.xlsx", "progress_00_区全体.xlsx"}
	for _, n := range want {
		if books[n] == nil {
			t.Fatalf("Entry wrote no %s (got %d books)", n, len(books))
		}
	}
	def, err := os.ReadFile(filepath.Join(batchesDir, "progress", ingest.DefinitionsFile))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{ingest.DefinitionsFile: {Data: def}}
	for _, d := range progressEntryGroups(defs) {
		name := ProgressEntryName(defs, d)
		fsys[ingest.ProgressDir+"/"+name] = &fstest.MapFile{Data: fillProgress(t, books[name], orig, d)}
	}
	got, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got.Problems {
		t.Errorf("problem in the filled-in workbooks: %v", p)
	}
	if len(got.Progress) != len(orig.Progress) {
		t.Fatalf("read %d records, want %d", len(got.Progress), len(orig.Progress))
	}
	if w, h := progressCSV(t, orig), progressCSV(t, got); !bytes.Equal(w, h) {
		t.Errorf("progress.csv differs from the original batch's:\n--- original\n%s\n--- entry\n%s", w, h)
	}
	for i, g := range got.Progress {
		o := orig.Progress[i]
		if g.Done != o.Done || g.Outcome != o.Outcome || g.Issues != o.Issues || g.Hard != o.Hard {
			t.Errorf("record %d texts %q %q %q %q, want %q %q %q %q", i, g.Done, g.Outcome, g.Issues, g.Hard, o.Done, o.Outcome, o.Issues, o.Hard)
		}
	}
}

// TestEntryProgressRules reads the rules of the 北 workbook back: 年度,
// 進ちょく and 次年度 lists on every data row, 取組ID's list on the free rows,
// 実績 a number from 0; the headers and the initiatives' own ID and name
// locked; one invalid value per column refused, and named by check when it
// gets in anyway (pasted).
func TestEntryProgressRules(t *testing.T) {
	defs := readDefs(t, os.DirFS(filepath.Join(batchesDir, "progress")))
	data := entryBooks(t, defs)["progress_01_北.xlsx"]
	f := openBook(t, data)
	defer f.Close()
	sheet := ingest.ProgressSheet.Name
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], ingest.ProgressSheet.Headers()) {
		t.Errorf("header %v, want %v", rows[0], ingest.ProgressSheet.Headers())
	}
	// 北 has one initiative, A1 見守り訪問; 基準日 2026-11-01 is 令和8年度.
	if len(rows) != 2 || rows[1][0] != "令和8年度" || rows[1][1] != "A1" || rows[1][2] != "見守り訪問" {
		t.Errorf("rows %v", rows)
	}
	list := func(cell string) []string {
		dv := ruleAt(t, f, sheet, cell)
		if dv == nil || dv.Type != "list" {
			t.Fatalf("%s: no list rule", cell)
		}
		return ruleList(t, f, dv)
	}
	years := []string{"令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度", "令和7年度", "令和8年度", "令和9年度"}
	for _, tc := range []struct {
		cell string
		want []string
	}{
		{"A2", years}, {"A102", years}, {"D2", []string{"順調", "概ね順調", "やや遅れ", "遅れ"}},
		{"I50", []string{"継続", "拡充", "見直し", "終了", "新規"}}, {"B3", []string{"A1"}},
	} {
		if got := list(tc.cell); !slices.Equal(got, tc.want) {
			t.Errorf("%s list %v, want %v", tc.cell, got, tc.want)
		}
	}
	if dv := ruleAt(t, f, sheet, "B2"); dv != nil {
		t.Errorf("B2 (A1's own, locked) has a rule %+v", dv)
	}
	if dv := ruleAt(t, f, sheet, "E2"); dv == nil || dv.Type != "decimal" || dv.Formula1 != "0" {
		t.Errorf("E2 rule %+v, want a decimal from 0", dv)
	}
	if ruleAt(t, f, sheet, "A103") != nil {
		t.Error("rules reach beyond the free rows")
	}
	locked := func(cell string) bool { return cellLocked(t, f, sheet, cell) }
	for cell, want := range map[string]bool{"A1": true, "J1": true, "B2": true, "C2": true, "A2": false, "D2": false, "F2": false, "B3": false} {
		if got := locked(cell); got != want {
			t.Errorf("%s locked = %v, want %v", cell, got, want)
		}
	}
	for cell, bad := range map[string]string{"A2": "2040年度", "D2": "とても順調", "E2": "たくさん", "I2": "やめる", "B3": "A2"} {
		if progressAccepts(t, f, cell, bad) {
			t.Errorf("%s accepts %q", cell, bad)
		}
	}
	// Pasted past the rules: check names the cell.
	if err := f.SetCellStr(sheet, "D2", "とても順調"); err != nil {
		t.Fatal(err)
	}
	def, err := os.ReadFile(filepath.Join(batchesDir, "progress", ingest.DefinitionsFile))
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fstest.MapFS{ingest.DefinitionsFile: {Data: def}, "progress/kita.xlsx": {Data: saveBytes(t, f)}})
	if err != nil {
		t.Fatal(err)
	}
	type at struct {
		code        ingest.Code
		file, sheet string
		row, col    int
	}
	var got []at
	for _, p := range b.Problems {
		got = append(got, at{p.Code, p.File, p.Sheet, p.Row, p.Col})
	}
	want := []at{{ingest.CodeUnknownCode, "progress/kita.xlsx", sheet, 2, 4}}
	if !slices.Equal(got, want) {
		t.Errorf("problems %+v, want %+v", got, want)
	}
}

func TestFiscalYear(t *testing.T) {
	for _, tc := range []struct {
		date string
		want int
	}{{"2026-03-31", 2025}, {"2026-04-01", 2026}, {"2026-11-01", 2026}, {"2027-01-15", 2026}} {
		d, _ := time.Parse("2006-01-02", tc.date)
		if got := FiscalYear(d); got != tc.want {
			t.Errorf("FiscalYear(%s) = %d, want %d", tc.date, got, tc.want)
		}
		if y, ok := ingest.ParseYear(yearLabel(tc.want)); !ok || y != tc.want {
			t.Errorf("ParseYear(%s) = %d, %v", yearLabel(tc.want), y, ok)
		}
	}
}

// TestTemplateProgress checks the template's progress sheet: the schema's
// headers, drop-down lists of 年度, 進ちょく and 次年度 from the schema table,
// and that the empty sheet adds no problem to the template batch.
func TestTemplateProgress(t *testing.T) {
	fsys, err := TemplateFS()
	if err != nil {
		t.Fatal(err)
	}
	file := ingest.ProgressDir + "/" + TemplateProgressFile
	mf, ok := fsys[file]
	if !ok {
		t.Fatalf("template has no %s", file)
	}
	f := openBook(t, mf.Data)
	defer f.Close()
	sheet := ingest.ProgressSheet.Name
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || !slices.Equal(rows[0], ingest.ProgressSheet.Headers()) {
		t.Errorf("rows %v, want the headers only", rows)
	}
	for _, c := range []int{ingest.ColProgYear, ingest.ColProgRating, ingest.ColProgNext} {
		cell := progressCell(c, 2)
		dv := ruleAt(t, f, sheet, cell)
		if dv == nil || dv.Type != "list" {
			t.Fatalf("%s: no list", cell)
		}
		if got, want := ruleList(t, f, dv), ingest.ProgressSheet.Columns[c].Values; !slices.Equal(got, want) {
			t.Errorf("%s list %v, want %v", cell, got, want)
		}
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Problems {
		if p.File == file || p.Sheet == ingest.InitiativesSheet.Name {
			t.Errorf("problem from the empty progress sheet: %v", p)
		}
	}
}
