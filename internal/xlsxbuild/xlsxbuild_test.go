package xlsxbuild

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestBook builds a workbook of rows, cells and merges and reads it back.
func TestBook(t *testing.T) {
	data, err := Bytes(
		Sheet{Name: "回答", Rows: [][]any{{"ID", nil, 1}, nil, {"x", 2.5}}},
		Sheet{Name: "フォーム", Cells: map[string]any{"C3": "団体", "B2": 7}, Merges: [][2]string{{"C3", "E3"}}},
		Sheet{Name: "空"},
	)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Dump(data)
	if err != nil {
		t.Fatal(err)
	}
	want := "回答!A1\tID\n回答!C1\t1\n回答!A3\tx\n回答!B3\t2.5\nフォーム!B2\t7\nフォーム!C3\t団体\n"
	if got != want {
		t.Errorf("dump:\n%q\nwant\n%q", got, want)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if m, err := f.GetMergeCells("フォーム"); err != nil || len(m) != 1 || m[0].GetStartAxis() != "C3" || m[0].GetEndAxis() != "E3" {
		t.Errorf("merges = %v (%v)", m, err)
	}
	if names := f.GetSheetList(); len(names) != 3 || names[0] != "回答" || names[2] != "空" {
		t.Errorf("sheets = %v", names)
	}
}

// TestBytesDeterministic checks that the same sheets give the same bytes,
// whatever the order of a Cells map.
func TestBytesDeterministic(t *testing.T) {
	build := func() []byte {
		cells := map[string]any{}
		for _, c := range []string{"A1", "B1", "C2", "A3", "D4", "B5"} {
			cells[c] = "v" + c
		}
		data, err := Bytes(Sheet{Name: "S", Cells: cells})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	first := build()
	for range 5 {
		if !bytes.Equal(build(), first) {
			t.Fatal("two builds of the same sheets differ")
		}
	}
}

// TestDump checks the dump format on an in-memory workbook.
func TestDump(t *testing.T) {
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
	got, err := Dump(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := "Sheet1!A1\t1.5\nSheet1!B2\ta\\tb\\nc\n二!C1\t値\n"
	if got != want {
		t.Errorf("dump:\n%q\nwant\n%q", got, want)
	}
}
