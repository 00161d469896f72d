package ingest

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzCSVSource checks the CSV reader against encoding/csv in strict mode on
// text without CR (where their rules agree: quoting, doubled quotes, blank
// lines skipped): the same records, and an error exactly when encoding/csv
// has one. Any text: no panic, at most maxCSVFields fields, rows numbered
// upwards, an error located at a row and column.
func FuzzCSVSource(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a,\"b\nc\",d\n\n\"x\"\"y\"\n", "a,\"b\n", "a\"b\n", "\"a\"b,c\n", "a\rb\r\nc\n", ",,,\n", "\n\n\"\"\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		src := newCSVSource(text)
		var got [][]string
		last := 0
		for src.Next() {
			if src.Num() <= last {
				t.Fatalf("row %d after %d", src.Num(), last)
			}
			last = src.Num()
			if len(src.Row()) > maxCSVFields {
				t.Fatalf("%d fields", len(src.Row()))
			}
			if src.Row() != nil {
				got = append(got, append([]string(nil), src.Row()...))
			}
		}
		err := src.Err()
		var se *sheetError
		if err != nil && (!errors.As(err, &se) || se.Row < 1 || se.Col < 1) {
			t.Fatalf("error %v not located", err)
		}
		if strings.ContainsRune(text, '\r') {
			return
		}
		r := csv.NewReader(strings.NewReader(text))
		r.FieldsPerRecord = -1
		want, werr := r.ReadAll()
		if (err == nil) != (werr == nil) {
			t.Fatalf("error %v, encoding/csv %v", err, werr)
		}
		if err != nil {
			return
		}
		if len(got) != len(want) {
			t.Fatalf("records %q, encoding/csv %q", got, want)
		}
		for i := range got {
			if strings.Join(got[i], "\x00") != strings.Join(want[i], "\x00") || len(got[i]) != len(want[i]) {
				t.Fatalf("record %d %q, encoding/csv %q", i, got[i], want[i])
			}
		}
	})
}

// TestReadCSVNotices checks the notices of issue 30 through Read: a response
// CSV with a header and no data row gets a no-rows warning (a 0-byte one stays
// a no-header error), and one whose lines end in a lone CR is read row by row
// with a cr-line-ends warning at its first row.
func TestReadCSVNotices(t *testing.T) {
	const header = "回答者ID,F1,F2,F3,Q1,Q2,Q3,Q4,Q5,Q6"
	tests := []struct {
		name, text string
		code       Code
		sev        Severity
		row        int
		added      int // respondents read from the file
	}{
		{"header only", header + "\r\n", CodeNoRows, Warning, 1, 0},
		{"header only, blank lines after", header + "\r\n\r\n\r\n", CodeNoRows, Warning, 1, 0},
		{"empty file", "", CodeNoHeader, Error, 0, 0},
		{"CR only", header + "\rC1,中央,1,2,2,2,,,0,\rC2,中央,1,2,2,2,,,0,\r", CodeCRLineEnds, Warning, 1, 2},
	}
	base, err := Read(smallBatch(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := smallBatch(t)
			fsys["responses/c.csv"] = &fstest.MapFile{Data: []byte(tt.text)}
			b, err := Read(fsys)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range b.Problems {
				if p.File == "responses/c.csv" {
					found = found || (p.Code == tt.code && p.Severity == tt.sev && p.Row == tt.row)
					if p.Code != tt.code {
						t.Errorf("unexpected %v", p)
					}
				}
			}
			if !found {
				t.Errorf("no %s %s at row %d; problems: %v", tt.sev, tt.code, tt.row, b.Problems)
			}
			if got := len(b.Current.Respondents) - len(base.Current.Respondents); got != tt.added {
				t.Errorf("%d respondents added, want %d", got, tt.added)
			}
		})
	}
}
