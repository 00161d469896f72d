package ingest_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
)

// TestReadHardCategories reads the hard batch's sheet ハード分類: six
// categories in sheet order, keywords normalized, programs as written.
func TestReadHardCategories(t *testing.T) {
	b, err := ingest.Read(ingest.BatchFS(t, "hard"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Problems {
		if p.Sheet == ingest.HardSheet.Name {
			t.Errorf("problem in a clean sheet: %v", p)
		}
	}
	if len(b.HardCategories) != 6 {
		t.Fatalf("%d categories, want 6: %+v", len(b.HardCategories), b.HardCategories)
	}
	c := b.HardCategories[0]
	if c.Name != "空き家・空き店舗" || len(c.Keywords) != 8 || c.Keywords[0] != "空き家" ||
		len(c.Programs) != 3 || c.Programs[2] != "まち普請事業" || c.Department != "建築局 住宅政策課" || c.Src.Row != 2 {
		t.Errorf("first category = %+v", c)
	}
}

// TestReadHardProblems checks the sheet's errors by code and cell: an empty
// 分類 or キーワード is empty-cell, a repeated 分類 duplicate-definition; the
// rows in error are left out and the others read.
func TestReadHardProblems(t *testing.T) {
	m := ingest.BatchFS(t, "hard")
	f, err := excelize.OpenReader(bytes.NewReader(m["definitions.xlsx"].Data))
	if err != nil {
		t.Fatal(err)
	}
	sh := ingest.HardSheet.Name
	for cell, v := range map[string]string{
		"B3": "",              // 道路・歩道・段差 without キーワード
		"A5": "",              // 公園・広場 without 分類
		"A7": "空き家・空き店舗",      // 集会所・活動拠点 renamed to a 分類 of row 2
		"B6": " 、 ",           // 防犯・街灯: only separators
		"A8": "その他", "B8": "", // a new row without キーワード
	} {
		if err := f.SetCellStr(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m["definitions.xlsx"] = &fstest.MapFile{Data: buf.Bytes()}
	b, err := ingest.Read(m)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		code ingest.Code
		cell string
	}
	var got []key
	for _, p := range b.Problems {
		if p.Sheet == sh {
			if p.Severity != ingest.Error || p.File != "definitions.xlsx" {
				t.Errorf("problem %v: want an error of definitions.xlsx", p)
			}
			got = append(got, key{p.Code, p.Cell()})
		}
	}
	want := []key{
		{ingest.CodeEmptyCell, "B3"},
		{ingest.CodeEmptyCell, "A5"},
		{ingest.CodeEmptyCell, "B6"},
		{ingest.CodeDuplicateDef, "A7"},
		{ingest.CodeEmptyCell, "B8"},
	}
	if len(got) != len(want) {
		t.Fatalf("problems %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d = %v, want %v", i, got[i], want[i])
		}
	}
	var names []string
	for _, c := range b.HardCategories {
		names = append(names, c.Name)
	}
	if len(names) != 2 || names[0] != "空き家・空き店舗" || names[1] != "交通・バス" {
		t.Errorf("categories read: %v, want 空き家・空き店舗 交通・バス", names)
	}
}
