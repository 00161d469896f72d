package ingest

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
)

// validCorrectionRows returns a valid sheet 修正 (header + rows 2..7, row 6 empty).
func validCorrectionRows() [][]any {
	return [][]any{
		{"対象", "ID", "項目", "修正前", "修正後", "理由", "担当", "ファイル"},
		{"回答", "A001", "Q1", 1, 2, "記入ミス", "山田"},   // row 2
		{"回答", "A002", "＊", "", "削除", "重複票", "山田"}, // row 3: full-width *
		{"策定時", "B010", "Q 3", "ある", "ない"},         // row 4
		{"ヒアリング", "日吉地区社協", "H3", "十分", "不十分"},     // row 5
		{}, // row 6: empty, skipped
		{"回答", "A003", "Q4", "２", "3", "", "", `responses\b.xlsx`}, // row 7
	}
}

// readCorrBytes runs readCorrections on data as corrections.xlsx.
func readCorrBytes(data []byte) (*reader, *ledger) {
	rd := &reader{b: &Batch{DistrictQ: -1, GenderQ: -1, AgeQ: -1}}
	fi := rd.addFile(CorrectionsFile, KindCorrections, data)
	return rd, rd.readCorrections(fi, data)
}

func TestReadCorrectionsValid(t *testing.T) {
	rd, l := readCorrBytes(defsXLSX(t, map[string][][]any{CorrectionsSheet.Name: validCorrectionRows()}, nil))
	for _, p := range rd.b.Problems {
		t.Errorf("unexpected problem: %v", p)
	}
	want := []correction{
		{row: 2, target: TargetResponse, targetLabel: "回答", id: "A001", item: "Q1", before: "1", after: "2", reason: "記入ミス", person: "山田"},
		{row: 3, target: TargetResponse, targetLabel: "回答", id: "A002", item: "*", after: "削除", reason: "重複票", person: "山田"},
		{row: 4, target: TargetBaseline, targetLabel: "策定時", id: "B010", item: "Q3", before: "ある", after: "ない"},
		{row: 5, target: TargetHearing, targetLabel: "ヒアリング", id: "日吉地区社協", item: "H3", before: "十分", after: "不十分"},
		// ２ → 2 (NFKC); the Windows path becomes a slash path.
		{row: 7, target: TargetResponse, targetLabel: "回答", id: "A003", item: "Q4", before: "2", after: "3", file: "responses/b.xlsx"},
	}
	if l.file != CorrectionsFile {
		t.Errorf("ledger file = %q", l.file)
	}
	if len(l.all) != len(want) {
		t.Fatalf("got %d corrections, want %d", len(l.all), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(*l.all[i], want[i]) {
			t.Errorf("correction %d = %+v\nwant %+v", i, *l.all[i], want[i])
		}
	}
	lookups := []struct {
		name      string
		t         Target
		id, file  string
		wantRows  []int
		wantRemov bool
	}{
		{"removal", TargetResponse, "A002", "responses/a.xlsx", []int{3}, true},
		{"other target", TargetBaseline, "A002", "baseline/a.xlsx", nil, false},
		{"baseline", TargetBaseline, "B010", "baseline/a.xlsx", []int{4}, false},
		{"file narrows: other file", TargetResponse, "A003", "responses/a.xlsx", nil, false},
		{"file narrows: its file", TargetResponse, "A003", "responses/b.xlsx", []int{7}, false},
		{"hearing", TargetHearing, "日吉地区社協", "hearings/h.xlsx", []int{5}, false},
	}
	for _, tc := range lookups {
		t.Run(tc.name, func(t *testing.T) {
			var rows []int
			removes := false
			for _, c := range l.lookup(tc.t, tc.id, tc.file) {
				rows = append(rows, c.row)
				removes = removes || c.removes()
			}
			if !reflect.DeepEqual(rows, tc.wantRows) || removes != tc.wantRemov {
				t.Errorf("lookup rows = %v removes %v; want %v %v", rows, removes, tc.wantRows, tc.wantRemov)
			}
		})
	}
}

func TestReadCorrectionsProblems(t *testing.T) {
	set := func(row, col int, v any) func([][]any) [][]any {
		return func(rows [][]any) [][]any {
			r := rows[row-1]
			for len(r) <= col {
				r = append(r, "")
			}
			r[col] = v
			rows[row-1] = r
			return rows
		}
	}
	tests := []struct {
		name  string
		sheet string
		edit  func([][]any) [][]any
		n     int // corrections kept
		want  []defProblem
	}{
		{"unknown target", CorrectionsSheet.Name, set(2, 0, "アンケート"), 4,
			[]defProblem{{CodeBadCorrection, CorrectionsSheet.Name, "A2", 0}}},
		{"star without 削除", CorrectionsSheet.Name, set(3, 4, "2"), 4,
			[]defProblem{{CodeBadCorrection, CorrectionsSheet.Name, "E3", 0}}},
		{"blank ID", CorrectionsSheet.Name, set(2, 1, ""), 4,
			[]defProblem{{CodeBadCorrection, CorrectionsSheet.Name, "B2", 0}}},
		{"blank item", CorrectionsSheet.Name, set(4, 2, ""), 4,
			[]defProblem{{CodeBadCorrection, CorrectionsSheet.Name, "C4", 0}}},
		// Row 8 repeats row 2's 対象, ID and 項目 (same empty ファイル).
		{"duplicate", CorrectionsSheet.Name, func(rows [][]any) [][]any {
			return append(rows, []any{"回答", "A001", "Q1", 2, 3})
		}, 5, []defProblem{{CodeBadCorrection, CorrectionsSheet.Name, "", 8}}},
		// The same ID and item in another file is not a duplicate.
		{"same key, other file", CorrectionsSheet.Name, func(rows [][]any) [][]any {
			return append(rows, []any{"回答", "A001", "Q1", 1, 2, "", "", "b.xlsx"})
		}, 6, nil},
		{"missing column", CorrectionsSheet.Name, set(1, 3, "前"), 0,
			[]defProblem{{CodeMissingColumn, CorrectionsSheet.Name, "", 1}}},
		{"first sheet when no 修正", "Sheet1", nil, 5, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows := validCorrectionRows()
			if tc.edit != nil {
				rows = tc.edit(rows)
			}
			rd, l := readCorrBytes(defsXLSX(t, map[string][][]any{tc.sheet: rows}, nil))
			if len(l.all) != tc.n {
				t.Errorf("kept %d corrections, want %d", len(l.all), tc.n)
			}
			got, want := defProblems(rd.b.Problems), sortDefProblems(tc.want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems = %v\nwant %v", got, want)
			}
			for _, p := range rd.b.Problems {
				if p.File != CorrectionsFile {
					t.Errorf("problem %v: File %q", p, p.File)
				}
			}
		})
	}
}

func TestReadCorrectionsUnreadable(t *testing.T) {
	rd, l := readCorrBytes([]byte("not a workbook"))
	if l == nil || len(l.all) != 0 {
		t.Errorf("ledger = %+v, want empty", l)
	}
	want := []defProblem{{CodeFileUnreadable, "", "", 0}}
	if got := defProblems(rd.b.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %v, want %v", got, want)
	}
}

func FuzzReadCorrections(f *testing.F) {
	f.Add(defsXLSX(f, map[string][][]any{CorrectionsSheet.Name: validCorrectionRows()}, nil))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, l := readCorrBytes(data)
		if l == nil {
			t.Fatal("nil ledger")
		}
		checkDefFuzzProblems(t, rd.b.Problems)
	})
}

// TestCorrectionsIntoUnreadableFile checks that a response file that cannot
// be read gives its own error only: the corrections that may point into it
// are not also reported as matching no record (issue 30), while one that
// names another file still is.
func TestCorrectionsIntoUnreadableFile(t *testing.T) {
	fsys := smallBatch(t)
	fsys["responses/a.xlsx"] = &fstest.MapFile{Data: []byte("not a workbook")}
	b, err := Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var codes []Code
	for _, p := range b.Problems {
		if p.Severity == Error {
			codes = append(codes, p.Code)
		}
	}
	if !reflect.DeepEqual(codes, []Code{CodeFileUnreadable}) {
		t.Errorf("errors = %v, want only file-unreadable; problems: %v", codes, b.Problems)
	}

	fsys[CorrectionsFile] = &fstest.MapFile{Data: svXLSX(t, []string{CorrectionsSheet.Name}, [][]any{
		{"対象", "ID", "項目", "修正前", "修正後", "理由", "担当", "ファイル"},
		{"回答", "A001", "Q1", "1", "2", "記入誤り", "", "other.xlsx"},
	})}
	if b, err = Read(fsys); err != nil {
		t.Fatal(err)
	}
	codes = nil
	for _, p := range b.Problems {
		if p.Severity == Error {
			codes = append(codes, p.Code)
		}
	}
	slices.Sort(codes)
	if !reflect.DeepEqual(codes, []Code{CodeUnknownTarget, CodeFileUnreadable}) {
		t.Errorf("errors = %v, want file-unreadable and correction-target", codes)
	}
}
