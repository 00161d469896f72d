package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dumpXLSX returns a text dump of the workbook in data: one `Sheet!A1<TAB>value`
// line per non-empty cell, sheets in workbook order, cells row-major. Values are
// raw (unformatted, formulas by their cached value); a backslash, tab, CR or line
// feed in a value is written as \\, \t, \r or \n so that every cell is one line.
func dumpXLSX(data []byte) (string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	defer f.Close()
	esc := strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\r", `\r`, "\n", `\n`)
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return "", err
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				b.WriteString(sheet + "!" + cell + "\t" + esc.Replace(v) + "\n")
			}
		}
	}
	return b.String(), nil
}

// batchesDir is the folder of the committed test batches.
var batchesDir = filepath.Join("..", "..", "testdata", "batches")

// TestDumpsInSync fails when a committed xlsx under testdata/batches differs from
// its NAME.xlsx.txt dump (regenerate both with `go test ./cmd/midreview -run TestTestBatches -regen`).
func TestDumpsInSync(t *testing.T) {
	var n int
	err := filepath.WalkDir(batchesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xlsx") {
			return err
		}
		n++
		t.Run(filepath.ToSlash(p[len(batchesDir)+1:]), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := dumpXLSX(data)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(p + ".txt")
			if err != nil {
				t.Fatalf("missing dump: %v", err)
			}
			if got != string(want) {
				t.Errorf("%s.txt is out of sync with %s:\n%s", p, p, firstDiff(string(want), got))
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no xlsx files under %s", batchesDir)
	}
}

// TestDumpXLSX checks the dump format on an in-memory workbook.
func TestDumpXLSX(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "B2", "a\tb\nc")
	f.SetCellValue("Sheet1", "A1", 1.5)
	f.NewSheet("二")
	f.SetCellValue("二", "C1", "値")
	f.SetCellValue("Sheet1", "A3", "")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := dumpXLSX(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := "Sheet1!A1\t1.5\nSheet1!B2\ta\\tb\\nc\n二!C1\t値\n"
	if got != want {
		t.Errorf("dump:\n%q\nwant\n%q", got, want)
	}
}

// firstDiff describes the first differing line of want and got.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl
		}
	}
	return "(no line differs)"
}
