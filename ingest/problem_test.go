package ingest

import (
	"strconv"
	"strings"
	"testing"
)

func TestProblemError(t *testing.T) {
	p := Problem{Severity: Error, Code: CodeUnknownCode, File: "responses/a.xlsx", Sheet: "回答",
		Row: 42, Col: 4, Item: "Q4", Value: "7"}
	want := `responses/a.xlsx:回答!D42: Q4: ` + Message(CodeUnknownCode) + `: "7"`
	if got := p.Error(); got != want {
		t.Errorf("Error() = %q\nwant %q", got, want)
	}
	csv := Problem{Code: CodeEmptyRow, File: "responses/b.csv", Row: 5}
	if got := csv.Where(); got != "responses/b.csv:5行目" {
		t.Errorf("Where() = %q", got)
	}
}

// rowOnly returns p's Row when it names a whole row, else 0: tests write a
// position as an A1 cell or a row, as problems.csv does.
func rowOnly(p Problem) int {
	if p.Col > 0 {
		return 0
	}
	return p.Row
}

func TestMessagesComplete(t *testing.T) {
	codes := []Code{CodeFileUnreadable, CodeFileEncoding, CodeMissingFile, CodeNoData, CodeMissingSheet,
		CodeMissingColumn, CodeMissingSetting, CodeBadSetting, CodeDuplicateDef, CodeUnknownSet,
		CodeUnknownTheme, CodeUnknownQ, CodeDistrictAttr, CodeMissingPop, CodeNoHeader,
		CodeMissingQColumn, CodeUnknownColumn, CodeUnansweredQ, CodeUnknownCode, CodeMultipleValues, CodeNotNumber,
		CodeUnknownDist, CodeDuplicateID, CodeMissingID, CodeOutsideCond, CodeEmptyRow, CodeDuplicateRow,
		CodeNoRows, CodeCRLineEnds,
		CodeSheetSkipped, CodeDuplicateOrg, CodeMissingOrg, CodeStaleCorrection, CodeUnknownTarget,
		CodeBadCorrection, CodeAmbiguousTarget, CodeFileIgnored,
		CodeEmptyCell, CodeNotInteger, CodeUnknownKeyword, CodeMissingSetRef, CodeTooManyChoices, CodeAttrType,
		CodeBadCondition, CodeNotCategorical, CodeBadPercent, CodeItemKindCount, CodeBadCell, CodeNoDistricts,
		CodeAmbiguousHeader,
		CodeUnknownInit, CodeBadYear, CodeDuplicateProg, CodeEditedHistory, CodeBadHistory,
		CodeStaleCommentary, CodeCommentaryPlace, CodeDuplicateCommentary,
		CodeDuplicateFile, CodeEmptySurvey, CodeWrongFolder,
		CodeStaleLinkage, CodeDuplicateLinkage, CodeMissingLinkageID,
		CodeBadMap, CodeMapUnmatched, CodeMapNoBoundary}
	for _, c := range codes {
		if _, ok := messages[c]; !ok {
			t.Errorf("no message for %s", c)
		}
	}
	if len(messages) != len(codes) {
		t.Errorf("%d messages for %d codes: keep the list above in sync", len(messages), len(codes))
	}
}

func TestSortProblems(t *testing.T) {
	ps := []Problem{
		{File: "responses/b.csv", Row: 2, Col: 1, Code: "x"},
		{File: "responses/a.xlsx", Sheet: "回答", Row: 3, Col: 27, Code: "x"},
		{File: "responses/a.xlsx", Sheet: "回答", Row: 10, Col: 2, Code: "x"},
		{File: "responses/a.xlsx", Sheet: "回答", Row: 3, Col: 26, Code: "x"},
		{File: "definitions.xlsx", Sheet: "設問", Row: 4, Code: "x"},
	}
	SortProblems(ps, map[string]int{"definitions.xlsx": 0, "responses/a.xlsx": 1, "responses/b.csv": 2})
	var got []string
	for _, p := range ps {
		got = append(got, p.Where())
	}
	want := []string{"definitions.xlsx:設問:4行目", "responses/a.xlsx:回答!Z3", "responses/a.xlsx:回答!AA3",
		"responses/a.xlsx:回答!B10", "responses/b.csv:A2"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %q, want %q", got, want)
		}
	}
}

func TestHints(t *testing.T) {
	for h, text := range hints {
		n := strings.Count(text, "%s")
		args := make([]string, n)
		for i := range args {
			args[i] = "x"
		}
		p := Problem{Code: CodeBadSetting, Hint: h, Args: args}
		if m := p.Msg(); strings.Contains(m, "%!") {
			t.Errorf("hint %s: %q", h, m)
		}
	}
	p := Problem{Code: CodeDuplicateRow, Hint: HintFirstRow, Args: []string{place("responses/a.csv", "", 11, 0)}}
	if got, want := p.Msg(), Message(CodeDuplicateRow)+"（最初の行: responses/a.csv 11行目）"; got != want {
		t.Errorf("Msg() = %q, want %q", got, want)
	}
}

func TestCellName(t *testing.T) {
	for _, tt := range []struct {
		row, col int
		want     string
	}{{1, 1, "A1"}, {42, 4, "D42"}, {3, 26, "Z3"}, {3, 27, "AA3"}, {1048576, 16384, "XFD1048576"}, {0, 3, ""}, {5, 0, ""}} {
		if got := CellName(tt.row, tt.col); got != tt.want {
			t.Errorf("CellName(%d, %d) = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
}

// TestMessagesNameCorrectionsFile: a message that tells staff to fix or
// remove something through the corrections file names it as the batch
// folder holds it (corrections.xlsx, inputs.md section 5).
func TestMessagesNameCorrectionsFile(t *testing.T) {
	for code, m := range messages {
		if strings.Contains(m, "修正ファイル") && !strings.Contains(m, "修正ファイル（corrections.xlsx）") {
			t.Errorf("%s: %q does not name corrections.xlsx", code, m)
		}
	}
}

func TestValidCodes(t *testing.T) {
	set := func(n int) ChoiceSet {
		var cs ChoiceSet
		for i := 1; i <= n; i++ {
			cs.Choices = append(cs.Choices, Choice{Code: i, Label: "L" + strconv.Itoa(i)})
		}
		return cs
	}
	for _, tc := range []struct {
		cs   ChoiceSet
		want string
	}{
		{ChoiceSet{}, ""},
		{ChoiceSet{Choices: []Choice{{Code: 1, Label: "よくある"}, {Code: 2, Label: "ときどき"}, {Code: 9, Label: "ない"}}}, "1 よくある・2 ときどき・9 ない"},
		{set(12), "1 L1・2 L2・3 L3・4 L4・5 L5・6 L6・7 L7・8 L8・9 L9・10 L10・11 L11・12 L12"},
		{set(14), "1 L1・2 L2・3 L3・4 L4・5 L5・6 L6・7 L7・8 L8・9 L9・10 L10・11 L11・12 L12・ほか 2 個"},
	} {
		if got := validCodes(tc.cs); got != tc.want {
			t.Errorf("validCodes(%d choices) = %q, want %q", len(tc.cs.Choices), got, tc.want)
		}
	}
}
