package ingest

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestDecodeCSV(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
		ok   bool
	}{
		{"ascii", []byte("a,b\n"), "a,b\n", true},
		{"utf8", []byte("回答者ID,Q1\n"), "回答者ID,Q1\n", true},
		{"utf8 bom stripped", []byte("\xef\xbb\xbf回答者ID"), "回答者ID", true},
		{"cp932", sjis(t, "回答者ID,はい,①,ｶﾅ\r\n"), "回答者ID,はい,①,ｶﾅ\r\n", true},
		{"cp932 invalid trail byte", []byte{0x82, 0x20}, "", false},
		{"invalid lead byte", []byte{0x41, 0xfd}, "", false},
		{"truncated cp932", []byte{0x41, 0x82}, "", false},
		{"nul", []byte("a\x00b"), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := decodeCSV(tt.data)
			if got != tt.want || ok != tt.ok {
				t.Errorf("decodeCSV = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// drain returns the rows of src with their numbers.
func drain(t *testing.T, src rowSource) (nums []int, rows [][]string) {
	t.Helper()
	defer src.Close()
	for src.Next() {
		nums = append(nums, src.Num())
		rows = append(rows, append([]string(nil), src.Row()...))
	}
	if err := src.Err(); err != nil {
		t.Fatal(err)
	}
	return nums, rows
}

func TestCSVSource(t *testing.T) {
	// The quoted cell spans two lines but is one row; the blank line is an
	// empty row 3, as Excel shows it, so "x" is row 4 although it is on line 5;
	// trailing blank lines are not rows.
	nums, rows := drain(t, newCSVSource("a,b\n\"1\n2\",3\n\r\nx\n5,\"6\"\"7\"\n\n\n"))
	if !reflect.DeepEqual(nums, []int{1, 2, 3, 4, 5}) {
		t.Errorf("nums = %v", nums)
	}
	want := [][]string{{"a", "b"}, {"1\n2", "3"}, nil, {"x"}, {"5", "6\"7"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %q", rows)
	}
}

// TestCSVSourceRecords checks records against hand-read values: line ends,
// quoting, empty fields, and the row where a CR-only line end was first met.
func TestCSVSourceRecords(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		nums  []int
		rows  [][]string
		crRow int
	}{
		{"CRLF", "a,b\r\n1,2\r\n", []int{1, 2}, [][]string{{"a", "b"}, {"1", "2"}}, 0},
		{"no final line end", "a,b\n1,2", []int{1, 2}, [][]string{{"a", "b"}, {"1", "2"}}, 0},
		{"CR only", "a,b\r1,2\r\r3,4\r", []int{1, 2, 3, 4}, [][]string{{"a", "b"}, {"1", "2"}, nil, {"3", "4"}}, 1},
		{"CR only after CRLF lines", "a\r\nb\rc\r\n", []int{1, 2, 3}, [][]string{{"a"}, {"b"}, {"c"}}, 2},
		{"CRLF in quotes is LF, lone CR kept", "\"x\r\ny\rz\",1\n", []int{1}, [][]string{{"x\ny\rz", "1"}}, 0},
		{"empty fields", ",,\n\"\",\n", []int{1, 2}, [][]string{{"", "", ""}, {"", ""}}, 0},
		{"trailing comma at the end", "a,", []int{1}, [][]string{{"a", ""}}, 0},
		{"spaces kept", " a , b \n", []int{1}, [][]string{{" a ", " b "}}, 0},
		{"only blank lines", "\n\r\n\n", nil, nil, 0},
		{"empty", "", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := newCSVSource(tt.text)
			nums, rows := drain(t, src)
			if !reflect.DeepEqual(nums, tt.nums) || !reflect.DeepEqual(rows, tt.rows) {
				t.Errorf("got %v %q, want %v %q", nums, rows, tt.nums, tt.rows)
			}
			if src.crRow != tt.crRow {
				t.Errorf("crRow = %d, want %d", src.crRow, tt.crRow)
			}
		})
	}
}

// TestCSVSourceErrors checks that each malformed or oversized record is an
// error at the row (as Excel numbers it) and column where its field began,
// with the line in the file where that is, and that the rows before it are
// read.
func TestCSVSourceErrors(t *testing.T) {
	big := strings.Repeat("x", maxCSVFieldBytes+1)
	tests := []struct {
		name     string
		text     string
		rowsRead int
		row, col int
		hint     Hint
		args     []string
	}{
		{"unterminated quote in the last row", "ID,Q1,Q7\n1,2,3\n2,\"free text,3\n", 2, 3, 2, HintCSVQuote, []string{"3"}},
		{"unterminated quote after a blank line and a multi-line field", "ID,Q1\n\n1,\"a\nb\"\n2,\"open\n\n3,4\n", 3, 4, 2, HintCSVQuote, []string{"5"}},
		{"unterminated quote in the header", "ID,\"Q1\n1,2\n", 0, 1, 2, HintCSVQuote, []string{"1"}},
		{"quote inside an unquoted field", "ID,Q1\n1,6\"7\n", 1, 2, 2, HintCSVBareQuote, []string{"2"}},
		{"text after the closing quote", "ID,Q1\n1,\"a\"b\n", 1, 2, 2, HintCSVBareQuote, []string{"2"}},
		{"quote after a space", "ID,Q1\n1, \"a\"\n", 1, 2, 2, HintCSVBareQuote, []string{"2"}},
		{"16,385 fields", "ID\n" + strings.Repeat(",", maxCSVFields) + "\n", 1, 2, maxCSVFields + 1, HintCSVTooManyCols, []string{"16384"}},
		{"field over the size limit", "ID,Q1\n1," + big + "\n", 1, 2, 2, HintCSVFieldSize, []string{"1048576"}},
		{"quoted field over the size limit", "ID,Q1\n1,\"" + big + "\"\n", 1, 2, 2, HintCSVFieldSize, []string{"1048576"}},
		{"quoted field over the size limit in doubled quotes", "ID,Q1\n1,\"" + strings.Repeat(`""`, maxCSVFieldBytes+1) + "\"\n", 1, 2, 2, HintCSVFieldSize, []string{"1048576"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := newCSVSource(tt.text)
			n := 0
			for src.Next() {
				n++
			}
			var se *sheetError
			if !errors.As(src.Err(), &se) {
				t.Fatalf("err = %v, want a sheetError", src.Err())
			}
			if n != tt.rowsRead || se.Row != tt.row || se.Col != tt.col || se.Hint != tt.hint || !reflect.DeepEqual(se.Args, tt.args) {
				t.Errorf("read %d rows, error %+v; want %d rows, row %d col %d %s %q", n, se, tt.rowsRead, tt.row, tt.col, tt.hint, tt.args)
			}
		})
	}
	// 16,384 fields are Excel's limit and are read.
	_, rows := drain(t, newCSVSource(strings.Repeat(",", maxCSVFields-1)))
	if len(rows) != 1 || len(rows[0]) != maxCSVFields {
		t.Errorf("16,384 fields: %d rows", len(rows))
	}
}

func TestXLSXSource(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "集計")
	f.NewSheet("回答")
	f.SetCellValue("集計", "A1", "wrong sheet")
	f.SetCellValue("回答", "A1", "ID")
	f.SetCellValue("回答", "C1", 1.0)
	f.SetCellValue("回答", "A4", "after a gap")
	f.SetCellValue("回答", "B4", 2) // cached value of the formula below
	f.SetCellFormula("回答", "B4", "1+1")
	f.SetCellStr("回答", "C4", "007")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		path  string
		data  []byte
		sheet string
	}{
		{"sheet 回答", "responses/a.xlsx", buf.Bytes(), "回答"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := &reader{b: &Batch{}}
			fi := rd.addFile(tt.path, KindResponses, tt.data)
			src, ok := rd.openTable(fi, tt.data)
			if !ok {
				t.Fatalf("openTable failed: %v", rd.b.Problems)
			}
			if src.Sheet() != tt.sheet {
				t.Errorf("sheet = %q, want %q", src.Sheet(), tt.sheet)
			}
			nums, rows := drain(t, src)
			// Only the rows holding a value are yielded: the gap is in the numbers.
			if !reflect.DeepEqual(nums, []int{1, 4}) {
				t.Errorf("nums = %v", nums)
			}
			want := [][]string{{"ID", "", "1"}, {"after a gap", "2", "007"}}
			if !reflect.DeepEqual(rows, want) {
				t.Errorf("rows = %q, want %q", rows, want)
			}
		})
	}

	t.Run("first sheet without 回答", func(t *testing.T) {
		data := svXLSX(t, []string{"データ", "メモ"}, [][]any{{"x"}}, [][]any{{"y"}})
		rd := &reader{b: &Batch{}}
		fi := rd.addFile("responses/b.xlsx", KindResponses, data)
		src, ok := rd.openTable(fi, data)
		if !ok {
			t.Fatalf("openTable failed: %v", rd.b.Problems)
		}
		if _, rows := drain(t, src); src.Sheet() != "データ" || !reflect.DeepEqual(rows, [][]string{{"x"}}) {
			t.Errorf("sheet %q rows %q", src.Sheet(), rows)
		}
	})

	t.Run("first visible sheet without 回答", func(t *testing.T) {
		// A hidden first sheet (e.g. a lookup list) is not the first sheet the
		// user sees; the first visible one is read.
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", "リスト")
		f.NewSheet("データ")
		f.SetCellValue("リスト", "A1", "hidden")
		f.SetCellValue("データ", "A1", "x")
		f.SetActiveSheet(1)
		if err := f.SetSheetVisible("リスト", false); err != nil {
			t.Fatal(err)
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		rd := &reader{b: &Batch{}}
		fi := rd.addFile("responses/c.xlsx", KindResponses, buf.Bytes())
		src, ok := rd.openTable(fi, buf.Bytes())
		if !ok {
			t.Fatalf("openTable failed: %v", rd.b.Problems)
		}
		if _, rows := drain(t, src); src.Sheet() != "データ" || !reflect.DeepEqual(rows, [][]string{{"x"}}) {
			t.Errorf("sheet %q rows %q", src.Sheet(), rows)
		}
	})
}
