package ingest

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"midreview/internal/xlsxbuild"
)

// progressBatch returns testdata/batches/progress as a MapFS.
func progressBatch(t testing.TB) fstest.MapFS {
	t.Helper()
	m := BatchFS(t, "progress")
	for p := range m {
		if strings.HasSuffix(p, ".txt") {
			delete(m, p)
		}
	}
	return m
}

// TestReadCraftedProgress feeds crafted progress workbooks (the list and the
// form workbook, whose sheet2 is the first form read): each ends in a
// file-unreadable error naming the file and sheet, with little work.
func TestReadCraftedProgress(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
	}{
		{"huge row number", appendRow(`<row r="400000000000000"><c r="A400000000000000" t="inlineStr"><is><t>x</t></is></c></row>`)},
		{"huge dimension", setDimension("A1:XFD400000000000000")},
		{"zip bomb", func(s string) string {
			return strings.Replace(s, "<sheetData>", "<sheetData>"+strings.Repeat(" ", 40<<20), 1)
		}},
		{"shared string index out of range", appendRow(`<row r="1048000"><c r="A1048000" t="s"><v>999999</v></c></row>`)},
		{"column beyond XFD", appendRow(`<row r="1048000"><c r="XFE1048000"><v>1</v></c></row>`)},
		{"unknown cell type", appendRow(`<row r="1048000"><c r="A1048000" t="zz"><v>1</v></c></row>`)},
		{"rows out of order", appendRow(`<row r="1"><c r="A1"><v>1</v></c></row>`)},
	}
	base := progressBatch(t)
	targets := []struct{ file, part, sheet string }{
		{"progress/list.xlsx", "xl/worksheets/sheet1.xml", "一覧"},
		{"progress/minami.xlsx", "xl/worksheets/sheet2.xml", "2024"},
	}
	for _, tt := range tests {
		for _, tg := range targets {
			t.Run(tt.name+"/"+tg.file, func(t *testing.T) {
				fsys := progressBatch(t)
				fsys[tg.file] = &fstest.MapFile{Data: editZip(t, base[tg.file].Data, tg.part, tt.edit)}
				var b *Batch
				work := workCounter(func() {
					var err error
					if b, err = Read(fsys); err != nil {
						t.Fatal(err)
					}
				})
				if work > 10000 {
					t.Errorf("work = %d units, want at most 10000", work)
				}
				found := false
				for _, p := range b.Problems {
					if p.File == "" {
						t.Errorf("problem without file: %v", p)
					}
					if p.Severity == Error && p.File == tg.file && p.Code == CodeFileUnreadable {
						found = true
						if p.Sheet != tg.sheet && tt.name != "zip bomb" {
							t.Errorf("sheet %q, want %q: %v", p.Sheet, tg.sheet, p)
						}
					}
				}
				if !found {
					t.Errorf("no file-unreadable error naming %s; problems:\n%v", tg.file, b.Problems)
				}
			})
		}
	}
	t.Run("not a workbook", func(t *testing.T) {
		fsys := progressBatch(t)
		data := fsys["progress/list.xlsx"].Data
		fsys["progress/list.xlsx"] = &fstest.MapFile{Data: data[:len(data)/2]}
		b, err := Read(fsys)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Problems {
			if p.Code == CodeFileUnreadable && p.File == "progress/list.xlsx" {
				return
			}
		}
		t.Errorf("no file-unreadable error for a truncated workbook: %v", b.Problems)
	})
}

// FuzzProgressRating checks the 進ちょく lookup on the built-in scale and a
// coded one: no panic, an accepted value maps into the scale, and each
// choice's code, label and alias (as typed, full-width or with spaces) finds
// that choice.
func FuzzProgressRating(f *testing.F) {
	for _, s := range []string{"順調", "概ね順調", "おおむね順調", "1", "４", "01", "1.0", "やや 遅れ", "A", "", "-1", "99999999999999999999"} {
		f.Add(s)
	}
	custom := ChoiceSet{Name: "進ちょく", Choices: []Choice{
		{Code: 10, Label: "A"}, {Code: 20, Label: "B", Aliases: []string{"ビー"}}, {Code: 30, Label: "C"},
	}}
	builtin := BuiltinProgressScale()
	scales := []*ChoiceSet{&builtin, &custom}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cs := range scales {
			x := newChoiceIndex(cs)
			if i, ok := x.lookup(Norm(s)); ok && (i < 0 || i >= len(cs.Choices)) {
				t.Fatalf("lookup(%q) = %d, outside the scale of %d", s, i, len(cs.Choices))
			}
			for i, c := range cs.Choices {
				for _, v := range append([]string{c.Label, strings.Repeat("0", len(s)%3) + strconv.Itoa(c.Code)}, c.Aliases...) {
					if j, ok := x.lookup(Norm(v)); !ok || j != i {
						t.Fatalf("lookup(%q) = %d, %v; want %d", v, j, ok, i)
					}
				}
			}
		}
	})
}

// FuzzReadProgressRow reads a one-row progress sheet with fuzzed 年度, 進ちょく,
// 実績 and 次年度: no panic, every problem names file, sheet and cell, and a
// record that is kept has a rating inside the scale and a year in range.
func FuzzReadProgressRow(f *testing.F) {
	f.Add("2025", "順調", "40", "継続")
	f.Add("R7", "4", "12回", "見直し")
	f.Add("令和元年度", "とても順調", "たくさん", "やめる")
	f.Add("", "", "", "")
	base := progressBatch(f)
	def := base[DefinitionsFile].Data
	f.Fuzz(func(t *testing.T, year, rating, actual, next string) {
		wb, err := xlsxbuild.Book(xlsxbuild.Sheet{Name: "一覧", Rows: [][]any{
			{"年度", "取組ID", "進ちょく", "実績", "次年度"},
			{year, "A1", rating, actual, next},
		}})
		if err != nil {
			t.Skip(err) // a value excelize refuses to write (e.g. over 32,767 characters)
		}
		buf, err := wb.WriteToBuffer()
		wb.Close()
		if err != nil {
			t.Skip(err)
		}
		b, err := Read(fstest.MapFS{DefinitionsFile: {Data: def}, "progress/p.xlsx": {Data: buf.Bytes()}})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Problems {
			if p.File == "" || (p.File == "progress/p.xlsx" && (p.Sheet == "" || p.Row == 0)) {
				t.Errorf("problem without its place: %+v", p)
			}
		}
		for _, g := range b.Progress {
			if g.Rating < -1 || g.Rating >= len(b.ProgressScale.Choices) || g.Year < 1989 || g.Year > 2199 {
				t.Errorf("record %+v", g)
			}
		}
	})
}

// TestProgressCorrections applies corrections with 対象 取組 (ID 取組ID/年度)
// to the progress test batch: a rating changed, a record removed (counted in
// the manifest's rows), and a stale 修正前 reported at its row.
func TestProgressCorrections(t *testing.T) {
	fsys := progressBatch(t)
	fsys[CorrectionsFile] = &fstest.MapFile{Data: svXLSX(t, []string{CorrectionsSheet.Name}, [][]any{
		{"対象", "ID", "項目", "修正前", "修正後", "理由"},
		{"取組", "A1/2025", "進ちょく", "やや遅れ", "概ね順調", "記入誤り"},
		{"取組", "A5/2025", "*", nil, "削除", "重複"},
		{"取組", "A2/2024", "実績", "999", "1", "古い修正"},
	})}
	b, err := Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, p := range b.Problems {
		if p.Severity == Error {
			codes = append(codes, string(p.Code)+"@"+p.File+":"+strconv.Itoa(p.Row))
		}
	}
	if want := []string{"stale-correction@corrections.xlsx:4"}; strings.Join(codes, " ") != strings.Join(want, " ") {
		t.Errorf("errors %v, want %v", codes, want)
	}
	rating := map[string]int{}
	for _, g := range b.Progress {
		rating[b.Initiatives[g.Initiative].ID+"/"+strconv.Itoa(g.Year)] = g.Rating
	}
	if r, ok := rating["A1/2025"]; !ok || r != 1 {
		t.Errorf("A1/2025 rating %d (%v), want 1 (概ね順調)", r, ok)
	}
	if _, ok := rating["A5/2025"]; ok {
		t.Error("A5/2025 was not removed")
	}
	if len(b.Progress) != 8 {
		t.Errorf("%d records, want 8", len(b.Progress))
	}
	for _, f := range b.Files {
		if f.Path == "progress/list.xlsx" && (f.Counts.Removed != 1 || f.Counts.Read != 7 || f.Counts.Included != 6) {
			t.Errorf("list.xlsx rows %+v, want read 7, included 6, removed 1", f.Counts)
		}
	}
}
