package ingest

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
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
