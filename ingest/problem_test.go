package ingest

import (
	"testing"
)

func TestProblemError(t *testing.T) {
	p := Problem{Severity: Error, Code: CodeUnknownCode, File: "responses/a.xlsx", Sheet: "回答",
		Cell: "D42", Item: "Q4", Value: "7"}
	want := `responses/a.xlsx:回答!D42: Q4: ` + Message(CodeUnknownCode) + `: "7"`
	if got := p.Error(); got != want {
		t.Errorf("Error() = %q\nwant %q", got, want)
	}
	csv := Problem{Code: CodeEmptyRow, File: "responses/b.csv", Row: 5}
	if got := csv.Where(); got != "responses/b.csv:5行目" {
		t.Errorf("Where() = %q", got)
	}
}

func TestMessagesComplete(t *testing.T) {
	codes := []Code{CodeFileUnreadable, CodeFileEncoding, CodeMissingFile, CodeNoData, CodeMissingSheet,
		CodeMissingColumn, CodeMissingSetting, CodeBadSetting, CodeDuplicateDef, CodeUnknownSet,
		CodeUnknownTheme, CodeUnknownQ, CodeBadDefinition, CodeDistrictAttr, CodeMissingPop, CodeNoHeader,
		CodeMissingQColumn, CodeUnknownColumn, CodeUnansweredQ, CodeUnknownCode, CodeMultipleValues, CodeNotNumber,
		CodeUnknownDist, CodeDuplicateID, CodeMissingID, CodeOutsideCond, CodeEmptyRow, CodeDuplicateRow,
		CodeSheetSkipped, CodeDuplicateOrg, CodeMissingOrg, CodeStaleCorrection, CodeUnknownTarget,
		CodeBadCorrection, CodeAmbiguousTarget, CodeFileIgnored}
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
		{File: "responses/b.csv", Cell: "A2", Code: "x"},
		{File: "responses/a.xlsx", Sheet: "回答", Cell: "AA3", Code: "x"},
		{File: "responses/a.xlsx", Sheet: "回答", Cell: "B10", Code: "x"},
		{File: "responses/a.xlsx", Sheet: "回答", Cell: "Z3", Code: "x"},
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
