package ingest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"midreview/internal/xlsxbuild"
)

// smallBatch returns testdata/batches/small as a MapFS, with a corrections.xlsx
// holding one valid correction, so that every xlsx path of Read is taken.
func smallBatch(t testing.TB) fstest.MapFS {
	t.Helper()
	m := BatchFS(t, "small")
	corr := svXLSX(t, []string{CorrectionsSheet.Name}, [][]any{
		{"対象", "ID", "項目", "修正前", "修正後", "理由"},
		{"回答", "A001", "Q1", "1", "2", "記入誤り"},
	})
	m[CorrectionsFile] = &fstest.MapFile{Data: corr}
	return m
}

// xlsxInputs are the workbooks of smallBatch, one per read path.
var xlsxInputs = []string{DefinitionsFile, CorrectionsFile, "responses/a.xlsx", "baseline/base.xlsx", "hearings/forms.xlsx"}

// editZip returns the workbook data with the part named part replaced by
// edit(part's text); the other parts are copied unchanged.
func editZip(t testing.TB, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	out, err := xlsxbuild.EditPart(data, part, edit)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// appendRow inserts row XML at the end of the sheet data.
func appendRow(row string) func(string) string {
	return func(s string) string { return strings.Replace(s, "</sheetData>", row+"</sheetData>", 1) }
}

var dimensionRe = regexp.MustCompile(`<dimension ref="[^"]*"\s*(/>|></dimension>)`)

// setDimension replaces the sheet's dimension element with one of ref.
func setDimension(ref string) func(string) string {
	return func(s string) string {
		d := `<dimension ref="` + ref + `"/>`
		if dimensionRe.MatchString(s) {
			return dimensionRe.ReplaceAllLiteralString(s, d)
		}
		return strings.Replace(s, "<sheetData", d+"<sheetData", 1)
	}
}

// longCellRow returns a row 1,048,000 whose cell B holds the inline string is.
func longCellRow(is string) string {
	return `<row r="1048000"><c r="B1048000" t="inlineStr">` + is + `</c></row>`
}

// appendSST appends si elements at the end of the shared strings.
func appendSST(si string) func(string) string {
	return func(s string) string { return strings.Replace(s, "</sst>", si+"</sst>", 1) }
}

// workCounter counts the work units drawn while f runs (see minWork).
func workCounter(f func()) int64 {
	var n atomic.Int64 // files are read ahead on other goroutines
	workHook = func(k int64) { n.Add(k) }
	defer func() { workHook = nil }()
	f()
	return n.Load()
}

// TestReadCrafted feeds crafted workbooks as each xlsx input of a batch: every
// one must end in an error naming the file, and the work done must stay small
// (the test would time out if a reader looped over a declared size).
func TestReadCrafted(t *testing.T) {
	const sheet1 = "xl/worksheets/sheet1.xml"
	tests := []struct {
		name string
		part string
		edit func(string) string
		// maxWork bounds the work units drawn reading the whole batch.
		maxWork int64
	}{
		{"huge row number", sheet1, appendRow(`<row r="400000000000000"><c r="A400000000000000" t="inlineStr"><is><t>x</t></is></c></row>`), 10000},
		{"huge dimension", sheet1, setDimension("A1:XFD400000000000000"), 10000},
		{"zip bomb", sheet1, func(s string) string {
			return strings.Replace(s, "<sheetData>", "<sheetData>"+strings.Repeat(" ", 40<<20), 1)
		}, 10000},
		{"shared string index out of range", sheet1, appendRow(`<row r="1048000"><c r="A1048000" t="s"><v>999999</v></c></row>`), 10000},
		{"10,000-letter column", sheet1, appendRow(`<row r="1048000"><c r="` + strings.Repeat("A", 10000) + `1048000"><v>1</v></c></row>`), 10000},
		{"column beyond XFD", sheet1, appendRow(`<row r="1048000"><c r="XFE1048000"><v>1</v></c></row>`), 10000},
		{"unknown cell type", sheet1, appendRow(`<row r="1048000"><c r="A1048000" t="zz"><v>1</v></c></row>`), 10000},
		{"rows out of order", sheet1, appendRow(`<row r="1"><c r="A1"><v>1</v></c></row>`), 10000},
		// Issue 30: cells and shared strings beyond Excel's 32,767 characters,
		// found after reading at most maxTextBytes of one, and shared strings
		// beyond what the sheets could refer to.
		{"inline cell of 32,768 letters", sheet1, appendRow(longCellRow(`<is><t>` + strings.Repeat("x", maxCellChars+1) + `</t></is>`)), 10000},
		{"inline cell over maxTextBytes", sheet1, appendRow(longCellRow(`<is><t>` + strings.Repeat("あ", maxCellChars+1) + `</t></is>`)), 10000},
		{"rich-text runs over 32,767 characters", sheet1, appendRow(longCellRow(`<is>` + strings.Repeat(`<r><t>`+strings.Repeat("あ", 1000)+`</t></r>`, 40) + `</is>`)), 10000},
		{"number of 32,768 digits", sheet1, appendRow(`<row r="1048000"><c r="B1048000"><v>` + strings.Repeat("1", maxCellChars+1) + `</v></c></row>`), 10000},
		{"CDATA over maxTextBytes", sheet1, appendRow(longCellRow(`<is><t><![CDATA[` + strings.Repeat("x", maxTextBytes+1) + `]]></t></is>`)), 10000},
		{"shared string of 32,768 letters", "xl/sharedStrings.xml", appendSST(`<si><t>` + strings.Repeat("x", maxCellChars+1) + `</t></si>`), 10000},
		{"shared string in 40 runs", "xl/sharedStrings.xml", appendSST(`<si>` + strings.Repeat(`<r><t>`+strings.Repeat("あ", 1000)+`</t></r>`, 40) + `</si>`), 10000},
		{"too many empty shared strings", "xl/sharedStrings.xml", appendSST(strings.Repeat(`<si/>`, minSharedStrings+50000)), minSharedStrings + 60000},
		{"attribute of 100 KB", sheet1, appendRow(`<row r="1048000" x="` + strings.Repeat("x", 100<<10) + `"><c r="A1048000"><v>1</v></c></row>`), 10000},
	}
	base := smallBatch(t)
	for _, tt := range tests {
		for _, file := range xlsxInputs {
			t.Run(tt.name+"/"+file, func(t *testing.T) {
				fsys := smallBatch(t)
				fsys[file] = &fstest.MapFile{Data: editZip(t, base[file].Data, tt.part, tt.edit)}
				var b *Batch
				work := workCounter(func() {
					var err error
					if b, err = Read(fsys); err != nil {
						t.Fatal(err)
					}
				})
				if work > tt.maxWork {
					t.Errorf("work = %d units, want at most %d", work, tt.maxWork)
				}
				found := false
				for _, p := range b.Problems {
					if p.File == "" {
						t.Errorf("problem without file: %v", p)
					}
					if p.Severity == Error && p.File == file && p.Code == CodeFileUnreadable {
						found = true
						t.Logf("%v", p)
					}
				}
				if !found {
					t.Errorf("no file-unreadable error naming %s; problems:\n%v", file, b.Problems)
				}
			})
		}
	}
}

// TestReadBoundedLegal checks that legal but extreme sheets are read in full,
// with work that follows the data: a value in Excel's last cell, a dimension
// of the whole sheet, a row reaching column 10,000.
func TestReadBoundedLegal(t *testing.T) {
	const sheet1 = "xl/worksheets/sheet1.xml"
	base := smallBatch(t)
	want, err := Read(base)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		file    string
		edit    func(string) string
		maxWork int64
		check   func(t *testing.T, b *Batch)
	}{
		// Note: 1,200 units: the small batch's rows, cells and shared strings
		// (each shared string draws one unit since issue 30).
		{"whole-sheet dimension", "responses/a.xlsx", setDimension("A1:XFD1048576"), 1200, func(t *testing.T, b *Batch) {
			if !reflect.DeepEqual(b.Current, want.Current) {
				t.Error("respondents differ")
			}
		}},
		{"value in the last row of a response file", "responses/a.xlsx",
			appendRow(`<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>ZZ1</t></is></c></row>`), 1200,
			func(t *testing.T, b *Batch) {
				// The gap is one warning giving its extent, the last row a respondent.
				n := 0
				for _, p := range b.Problems {
					if p.Code == CodeEmptyRow && p.File == "responses/a.xlsx" {
						n++
						if p.Hint != HintEmptyRun {
							t.Errorf("no extent: %v", p)
						}
					}
				}
				if n != 1 {
					t.Errorf("%d empty-row warnings, want 1", n)
				}
				found := false
				for _, r := range b.Current.Respondents {
					found = found || (r.ID == "ZZ1" && r.Src.Row == 1048576)
				}
				if !found || len(b.Current.Respondents) != len(want.Current.Respondents)+1 {
					t.Errorf("respondent ZZ1 in row 1048576 not read")
				}
			}},
		{"value in column 10,000 of a hearing form", "hearings/forms.xlsx",
			appendRow(`<row r="20"><c r="NTP20"><v>1</v></c></row>`), 20000, func(t *testing.T, b *Batch) {
				if !reflect.DeepEqual(b.Hearings, want.Hearings) {
					t.Error("hearings differ")
				}
			}},
		// Issue 30: a sheet over 16 MiB is shown to excelize as a stub
		// (excelizeView); the scanner reads the real one.
		{"response sheet over 16 MiB", "responses/a.xlsx", func(s string) string {
			return strings.Replace(s, "</worksheet>", "<!--"+strings.Repeat("x", stubFrom)+"--></worksheet>", 1)
		}, 1200, func(t *testing.T, b *Batch) {
			if !reflect.DeepEqual(b.Current, want.Current) {
				t.Error("respondents differ")
			}
		}},
		{"value in the last row of the definitions", DefinitionsFile,
			appendRow(`<row r="1048576"><c r="C1048576"><v>1</v></c></row>`), minWork, func(t *testing.T, b *Batch) {
				if !reflect.DeepEqual(b.Questions, want.Questions) {
					t.Error("questions differ")
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := smallBatch(t)
			fsys[tt.file] = &fstest.MapFile{Data: editZip(t, base[tt.file].Data, sheet1, tt.edit)}
			var b *Batch
			work := workCounter(func() {
				if b, err = Read(fsys); err != nil {
					t.Fatal(err)
				}
			})
			if work > tt.maxWork {
				t.Errorf("work = %d units, want at most %d", work, tt.maxWork)
			}
			for _, p := range b.Problems {
				if p.Code == CodeFileUnreadable {
					t.Errorf("unexpected %v", p)
				}
			}
			tt.check(t, b)
		})
	}
}

// TestReadZipLimits checks the zip-level bounds: a part declared larger than
// it is, or smaller, and a workbook whose parts add up past maxUnzip.
func TestReadZipLimits(t *testing.T) {
	base := smallBatch(t)
	tests := []struct {
		name string
		data func() []byte
	}{
		{"sheet declared 4 GB", func() []byte {
			return relabelZip(t, base["hearings/forms.xlsx"].Data, "xl/worksheets/sheet1.xml", 0xFFFFFF80)
		}},
		{"sheet declared smaller than it is", func() []byte {
			return relabelZip(t, base["hearings/forms.xlsx"].Data, "xl/worksheets/sheet1.xml", 10)
		}},
		{"parts add up past the limit", func() []byte {
			data := base["hearings/forms.xlsx"].Data
			for _, p := range []string{"xl/styles.xml", "xl/theme/theme1.xml"} {
				data = relabelZip(t, data, p, maxUnzip/2+1)
			}
			return data
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := smallBatch(t)
			fsys["hearings/forms.xlsx"] = &fstest.MapFile{Data: tt.data()}
			b, err := Read(fsys)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range b.Problems {
				found = found || (p.Severity == Error && p.File == "hearings/forms.xlsx")
			}
			if !found {
				t.Errorf("no error naming the file: %v", b.Problems)
			}
		})
	}
}

// TestSheetRowsMatchExcelize checks that the bounded scanner reads every sheet
// of the test batches exactly as excelize's GetRows with RawCellValue does.
func TestSheetRowsMatchExcelize(t *testing.T) {
	var files []string
	for _, dir := range []string{"../testdata/batches/small", "../testdata/batches/messy"} {
		fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".xlsx") {
				files = append(files, path.Join(dir, p))
			}
			return err
		})
	}
	files = append(files, "") // the hearing workbook of the hearing tests
	for _, p := range files {
		var data []byte
		if p == "" {
			data = hearingWorkbook(t)
		} else {
			var err error
			if data, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		compareWithExcelize(t, p, data)
	}
}

// compareWithExcelize reads every sheet of data with sheetRows and with
// excelize's GetRows and reports a difference. It skips sheets that the
// scanner refuses.
func compareWithExcelize(t *testing.T, name string, data []byte) {
	t.Helper()
	rd := &reader{b: &Batch{}}
	fi := rd.addFile("x.xlsx", KindHearings, data)
	wb, ok := rd.openBook(fi, data)
	if !ok {
		return
	}
	defer wb.Close()
	for _, sheet := range wb.GetSheetList() {
		got, err := wb.sheetRows(sheet)
		if err != nil {
			if name != "" && !strings.Contains(name, "fuzz") {
				t.Errorf("%s %s: %v", name, sheet, err)
			}
			continue
		}
		g, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		want, err := g.GetRows(sheet, excelize.Options{RawCellValue: true})
		g.Close()
		if err != nil {
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s %s:\n got %q\nwant %q", name, sheet, got, want)
		}
	}
}
