package ingest

import (
	"strings"
	"testing"

	"midreview/internal/xlsxbuild"
)

// TestDuplicateFile checks that a CSV copy of a workbook in responses/ is one
// duplicate-file warning naming the workbook, not a warning per row, and that
// a file that repeats only some rows keeps its row warnings.
func TestDuplicateFile(t *testing.T) {
	const hdr = "No.,F1,Q1,Q2,Q3,Q4,Q5\n"
	data := hdr + "1,日吉,1,,,,\n2,箕輪,2,,,,\n3,日吉,2,,,,\n"
	rd, s := readSvy(t, surveyBatch(), KindResponses, map[string][]byte{
		"a.csv": []byte(data), "b.csv": []byte(data), "c.csv": []byte(hdr + "3,日吉,2,,,,\n4,箕輪,2,,,,\n"),
	}, nil)
	if len(s.Respondents) != 4 {
		t.Errorf("%d respondents, want 4", len(s.Respondents))
	}
	checkProblems(t, rd, []pk{
		{Warning, CodeDuplicateFile, "responses/b.csv", "", 0, ""},
		{Warning, CodeDuplicateRow, "responses/c.csv", "A2", 0, "No."},
	})
	p := rd.b.Problems[0]
	if !strings.Contains(p.Msg(), "同じ行のあるファイル: responses/a.csv、3行") {
		t.Errorf("message %s", p.Msg())
	}
}

// TestEmptySurvey checks that response files holding no respondent give one
// warning, and that the template's placeholder (the ID header alone) is not
// an error.
func TestEmptySurvey(t *testing.T) {
	placeholder, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: "回答", Rows: [][]any{{"回答者ID"}}})
	if err != nil {
		t.Fatal(err)
	}
	rd, _ := readSvy(t, surveyBatch(), KindResponses, map[string][]byte{"entry.xlsx": placeholder}, nil)
	checkProblems(t, rd, []pk{{Warning, CodeEmptySurvey, "responses/", "", 0, ""}})
	// A header without rows says so itself (no-rows, naming the file): one
	// warning for one cause, not also empty-survey.
	rd, _ = readSvy(t, surveyBatch(), KindResponses, map[string][]byte{
		"a.csv": []byte("No.,F1,Q1,Q2,Q3,Q4,Q5\n"), "entry.xlsx": placeholder,
	}, nil)
	checkProblems(t, rd, []pk{{Warning, CodeNoRows, "responses/a.csv", "", 1, ""}})
}

// TestWrongFolder checks that a hearing sheet, a progress sheet or the
// definitions workbook put in responses/ says where it belongs.
func TestWrongFolder(t *testing.T) {
	book := func(name string, rows ...[]any) []byte {
		data, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: name, Rows: rows})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, tt := range []struct {
		name string
		data []byte
		hint Hint
	}{
		{"hearing", book("ヒアリングシート", []any{"団体ヒアリングシート"}, []any{nil, "団体名", "日吉自治会"}), HintLooksHearing},
		{"progress", book("一覧", []any{"年度", "取組名", "進ちょく"}, []any{2025, "見守り", "順調"}), HintLooksProgress},
		{"definitions", book("設定", []any{"項目", "値"}, []any{"計画名", "プラン"}), HintLooksDefinitions},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := surveyBatch()
			b.HearingItems = []HearingItem{{ID: "H01", Name: "団体名", Kind: HOrg, Cell: "C3", Header: "団体名"}}
			rd, _ := readSvy(t, b, KindResponses, map[string][]byte{"x.xlsx": tt.data}, nil)
			if len(rd.b.Problems) != 1 || rd.b.Problems[0].Code != CodeWrongFolder || rd.b.Problems[0].Hint != tt.hint {
				t.Errorf("problems %v, want %s with %s", rd.b.Problems, CodeWrongFolder, tt.hint)
			}
		})
	}
}

// TestWrongFolderHearings checks that a survey file put in hearings/ says it
// belongs in responses/.
func TestWrongFolderHearings(t *testing.T) {
	b := hearingBatch()
	b.Questions = surveyBatch().Questions
	data, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: "回答", Rows: [][]any{{"回答者ID", "Q1", "Q2"}, {"A1", 1, 2}}})
	if err != nil {
		t.Fatal(err)
	}
	rd := readHear(t, b, nil, data)
	if len(rd.b.Problems) != 1 || rd.b.Problems[0].Hint != HintLooksResponses {
		t.Errorf("problems %v, want one with %s", rd.b.Problems, HintLooksResponses)
	}
}
