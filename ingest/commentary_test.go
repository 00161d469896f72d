package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// readCommBytes reads the small test batch's definitions, then data as
// commentary.xlsx, and returns the reader.
func readCommBytes(t testing.TB, data []byte) *reader {
	t.Helper()
	defs, err := os.ReadFile(filepath.Join("..", "testdata", "batches", "small", DefinitionsFile))
	if err != nil {
		t.Fatal(err)
	}
	rd, ok := readDefsBytes(defs)
	if !ok || len(rd.b.Problems) > 0 {
		t.Fatalf("definitions: %v", rd.b.Problems)
	}
	fi := rd.addFile(CommentaryFile, KindCommentary, data)
	rd.readCommentary(fi, data)
	return rd
}

// commentaryHeader is the draft's header row.
func commentaryHeader() []any {
	var h []any
	for _, c := range CommentarySheet.Headers() {
		h = append(h, c)
	}
	return h
}

func TestReadCommentaryValid(t *testing.T) {
	rows := [][]any{
		commentaryHeader(),
		{"設問", "Q1", "", "近所付き合いは「よくある」が最も多くなっています。", "Q1 全体 よくある=45.2%", "山田"}, // row 2
		{"設問", "q1", "北部", "－", "Q1 北 よくある=40.0%"},                              // row 3: case and alias
		{"指標", "I1", "", "", "I1 全体=75.0%"},                                     // row 4: blank text kept
		{"概要", "", "", "全体として…", "I1 全体=75.0%"},                                 // row 5: the chapter's opening
		{"概要", "つながり", "", "つながりでは…", ""},                                       // row 6: テーマ名 → コード
		{}, // row 7: blank
		{" 地区カルテ ", "", "02", "中央地区は…", "中央 Q1 よくある=50.0%"}, // row 8: code, long name
	}
	data := defsXLSX(t, map[string][][]any{CommentarySheet.Name: rows}, nil)
	rd := readCommBytes(t, data)
	for _, p := range rd.b.Problems {
		t.Errorf("unexpected problem: %v", p)
	}
	cm := rd.b.Commentary
	if cm == nil {
		t.Fatal("Commentary is nil")
	}
	if cm.Sheet != "所見" || cm.TextCol != 4 || cm.BasisCol != 5 {
		t.Errorf("Commentary sheet %q, text col %d, basis col %d", cm.Sheet, cm.TextCol, cm.BasisCol)
	}
	src := func(r int32) Src { return Src{File: 1, Row: r} }
	want := []CommentaryRow{
		{Place: PlaceQuestion, Target: "Q1", District: Ward, Text: "近所付き合いは「よくある」が最も多くなっています。", Basis: "Q1 全体 よくある=45.2%", Person: "山田", Src: src(2)},
		{Place: PlaceQuestion, Target: "Q1", District: 0, Text: "－", Basis: "Q1 北 よくある=40.0%", Src: src(3)},
		{Place: PlaceIndicator, Target: "I1", District: Ward, Basis: "I1 全体=75.0%", Src: src(4)},
		{Place: PlaceSummary, District: Ward, Text: "全体として…", Basis: "I1 全体=75.0%", Src: src(5)},
		{Place: PlaceSummary, Target: "T1", District: Ward, Text: "つながりでは…", Src: src(6)},
		{Place: PlaceDistrict, District: 1, Text: "中央地区は…", Basis: "中央 Q1 よくある=50.0%", Src: src(8)},
	}
	if !reflect.DeepEqual(cm.Rows, want) {
		t.Errorf("rows:\n%+v\nwant\n%+v", cm.Rows, want)
	}
	if !cm.Rows[1].Removes() || cm.Rows[0].Removes() || cm.Rows[2].Removes() {
		t.Error("Removes: only row 3 (－) removes its passage")
	}
}

func TestReadCommentaryProblems(t *testing.T) {
	rows := [][]any{
		commentaryHeader(),
		{"表", "Q1", "", "x", "b"},    // row 2: unknown 場所
		{"設問", "Q99", "", "x", "b"},  // row 3: unknown 設問ID
		{"設問", "", "", "x", "b"},     // row 4: no 設問ID
		{"指標", "Q1", "", "x", "b"},   // row 5: a 設問ID is no 指標ID
		{"地区", "", "", "x", "b"},     // row 6: profile without a district
		{"地区", "Q1", "北", "x", "b"},  // row 7: profile with a 対象ID
		{"設問", "Q1", "西", "x", "b"},  // row 8: unknown district
		{"概要", "T9", "", "x", "b"},   // row 9: unknown theme
		{"設問", "Q1", "北", "x", "b"},  // row 10
		{"設問", "Ｑ１", "01", "y", "b"}, // row 11: the same place as row 10
		{"設問", "Q1", "", "", ""},     // row 12: fine
	}
	rd := readCommBytes(t, defsXLSX(t, map[string][][]any{CommentarySheet.Name: rows}, nil))
	want := []defProblem{
		{CodeCommentaryPlace, "所見", "A2", 0},
		{CodeCommentaryPlace, "所見", "B3", 0},
		{CodeCommentaryPlace, "所見", "B4", 0},
		{CodeCommentaryPlace, "所見", "B5", 0},
		{CodeCommentaryPlace, "所見", "C6", 0},
		{CodeCommentaryPlace, "所見", "B7", 0},
		{CodeCommentaryPlace, "所見", "C8", 0},
		{CodeCommentaryPlace, "所見", "B9", 0},
		{CodeDuplicateCommentary, "所見", "", 11},
	}
	if got := defProblems(rd.b.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%v\nwant\n%v", got, want)
	}
	for _, p := range rd.b.Problems {
		if p.Severity != Error || p.File != CommentaryFile {
			t.Errorf("%v: severity %v file %q", p, p.Severity, p.File)
		}
	}
	if got := rd.b.Problems[len(rd.b.Problems)-1].Args; len(got) != 1 || got[0] != "commentary.xlsx 所見!A10" {
		t.Errorf("duplicate's first row = %q", got)
	}
	if n := len(rd.b.Commentary.Rows); n != 2 {
		t.Errorf("%d usable rows, want 2 (rows 10 and 12)", n)
	}
}

func TestReadCommentarySheet(t *testing.T) {
	// Staff renamed the sheet: the first sheet is read.
	rows := [][]any{commentaryHeader(), {"設問", "Q1", "", "x", "b"}}
	rd := readCommBytes(t, defsXLSX(t, map[string][][]any{"Sheet1": rows}, nil))
	if len(rd.b.Problems) > 0 || rd.b.Commentary == nil || rd.b.Commentary.Sheet != "Sheet1" || len(rd.b.Commentary.Rows) != 1 {
		t.Errorf("renamed sheet: problems %v, commentary %+v", rd.b.Problems, rd.b.Commentary)
	}
	// A sheet without 根拠 is unusable.
	rd = readCommBytes(t, defsXLSX(t, map[string][][]any{"所見": {{"場所", "対象ID", "所見"}, {"設問", "Q1", "x"}}}, nil))
	if got, want := defProblems(rd.b.Problems), []defProblem{{CodeMissingColumn, "所見", "", 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
	if rd.b.Commentary != nil {
		t.Errorf("Commentary = %+v, want nil", rd.b.Commentary)
	}
	// An unreadable file.
	rd = readCommBytes(t, []byte("not a workbook"))
	if len(rd.b.Problems) != 1 || rd.b.Problems[0].Code != CodeFileUnreadable || rd.b.Problems[0].File != CommentaryFile {
		t.Errorf("problems %v", rd.b.Problems)
	}
}

// FuzzReadCommentary reads commentary.xlsx built from fuzzed cells (rows split
// at "\n", cells at "\t") below the template's header, against the small test
// batch's definitions. It checks that nothing panics, that every problem names
// commentary.xlsx and a row, and that the usable rows have distinct places
// that exist in the definitions.
func FuzzReadCommentary(f *testing.F) {
	f.Add("設問\tQ1\t\t文\tQ1 全体 よくある=45.2%\t山田\n設問\tQ1\t北\t－\tb\n地区\t\t南\tx\n概要\tT1\t\t\t")
	f.Add("表\tQ1\n設問\tQ9\n設問\tq1\t01\ta\tb\n設問\tＱ１\t北部\tc\td\n\n\t\t\t\t")
	f.Add("指標\tI1\t\t\x00\t\n地区カルテ\tx\t北")
	f.Fuzz(func(t *testing.T, text string) {
		data, ok := TextWorkbook(CommentarySheet.Name, CommentarySheet.Headers(), text, 12)
		if !ok {
			t.Skip("text not storable in a workbook")
		}
		rd := readCommBytes(t, data)
		for _, p := range rd.b.Problems {
			if p.File != CommentaryFile {
				t.Errorf("problem in %q: %v", p.File, p)
			}
			if p.Row <= 0 && p.Code != CodeFileUnreadable {
				t.Errorf("problem without a row: %+v", p)
			}
		}
		if rd.b.Commentary == nil {
			return
		}
		seen := map[commentaryKey]bool{}
		for _, r := range rd.b.Commentary.Rows {
			k := commentaryKey{r.Place, r.Target, r.District}
			if seen[k] {
				t.Errorf("two rows for %+v", k)
			}
			seen[k] = true
			if r.District != Ward && (r.District < 0 || r.District >= len(rd.b.Districts)) {
				t.Errorf("district %d out of range", r.District)
			}
			if r.Src.Row < 2 {
				t.Errorf("row %d", r.Src.Row)
			}
		}
	})
}
