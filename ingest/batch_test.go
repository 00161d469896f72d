package ingest

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestList(t *testing.T) {
	// Lock files (~$) and hidden files are ignored silently; a workbook in a
	// format midreview does not read (.xls, .xlsm) is ignored with a warning so
	// that its answers are not lost unnoticed; other files (desktop.ini, notes)
	// are ignored silently. Names sort in byte order: "B" < "a" < "d".
	f := &fstest.MapFile{Data: []byte("x")}
	fsys := fstest.MapFS{
		"responses/a.csv":       f,
		"responses/B.xlsx":      f,
		"responses/~$B.xlsx":    f,
		"responses/.a.csv":      f,
		"responses/d.XLSX":      f,
		"responses/c.xls":       f,
		"responses/e.xlsm":      f,
		"responses/sub/x.csv":   f,
		"responses/memo.txt":    f,
		"responses/desktop.ini": f,
		"hearings/h.csv":        f,
	}
	tests := []struct {
		dir   string
		exts  []string
		want  []string
		probs []Problem
	}{
		{ResponsesDir, []string{".xlsx", ".csv"}, []string{"responses/B.xlsx", "responses/a.csv", "responses/d.XLSX"},
			[]Problem{
				{Severity: Warning, Code: CodeFileIgnored, File: "responses/c.xls", Value: "c.xls"},
				{Severity: Warning, Code: CodeFileIgnored, File: "responses/e.xlsm", Value: "e.xlsm"},
			}},
		{HearingsDir, []string{".xlsx"}, nil,
			[]Problem{{Severity: Warning, Code: CodeFileIgnored, File: "hearings/h.csv", Value: "h.csv"}}},
		{BaselineDir, []string{".xlsx", ".csv"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			rd := &reader{fsys: fsys, b: &Batch{}}
			got, err := rd.list(tt.dir, tt.exts...)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("list = %q, want %q", got, tt.want)
			}
			var probs []Problem
			for _, p := range rd.b.Problems {
				p.Hint, p.Args = "", nil
				probs = append(probs, p)
			}
			if !reflect.DeepEqual(probs, tt.probs) {
				t.Errorf("problems = %+v, want %+v", probs, tt.probs)
			}
		})
	}
}

// TestAddProblems checks that problems added after Read take their place in
// the file order of the batch.
func TestAddProblems(t *testing.T) {
	b := &Batch{Files: []InputFile{{Path: DefinitionsFile}, {Path: CommentaryFile}, {Path: "responses/a.csv"}}}
	b.Problems = []Problem{{File: DefinitionsFile, Row: 3}, {File: "responses/a.csv", Row: 2}}
	b.AddProblems(Problem{File: CommentaryFile, Sheet: "所見", Row: 5}, Problem{File: CommentaryFile, Sheet: "所見", Row: 2})
	var got []string
	for _, p := range b.Problems {
		got = append(got, p.Where())
	}
	want := []string{"definitions.xlsx:3行目", "commentary.xlsx:所見:2行目", "commentary.xlsx:所見:5行目", "responses/a.csv:2行目"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order %q, want %q", got, want)
	}
}
