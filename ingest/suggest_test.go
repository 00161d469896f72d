package ingest_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// TestNearest checks the suggestion rule against hand-worked distances.
func TestNearest(t *testing.T) {
	tests := []struct {
		s     string
		cands []string
		want  string
	}{
		{"大曾根", []string{"大倉山", "大曽根", "樽町"}, "大曽根"},       // 曾/曽 folded: distance 0
		{"渡邊", []string{"渡辺", "田辺"}, "渡辺"},                 // 邊/辺
		{"渡邉", []string{"田辺", "渡辺"}, "渡辺"},                 // 邉/辺
		{"髙田", []string{"高田", "新吉田"}, "高田"},                // 髙/高
		{"霞ヶ丘", []string{"霞が丘"}, "霞が丘"},                    // ヶ/が
		{"霞ケ丘", []string{"霞ヶ丘"}, "霞ヶ丘"},                    // ケ/ヶ
		{"大曽根台", []string{"大曽根"}, "大曽根"},                   // one insertion in 4: limit 1
		{"北", []string{"南", "中央"}, ""},                     // one substitution in 1: nothing near
		{"bach", []string{"batch", "out"}, "batch"},        // one insertion in 5
		{"entyr", []string{"entry", "out"}, "entry"},       // a swap counts one
		{"formts", []string{"font", "formats"}, "formats"}, // nearest wins over near
		{"xyz", []string{"batch"}, ""},
		{"", []string{"batch"}, ""},
	}
	for _, tt := range tests {
		if got := ingest.Nearest(tt.s, tt.cands); got != tt.want {
			t.Errorf("Nearest(%q, %q) = %q, want %q", tt.s, tt.cands, got, tt.want)
		}
	}
}

// problemWith returns the first problem of code c in file f, or fails.
func problemWith(t *testing.T, b *ingest.Batch, c ingest.Code, f string) ingest.Problem {
	t.Helper()
	for _, p := range b.Problems {
		if p.Code == c && p.File == f {
			return p
		}
	}
	t.Fatalf("no %s in %s; got %v", c, f, b.Problems)
	return ingest.Problem{}
}

// TestSuggestInitiative checks that a progress list naming an initiative by
// its name in the 取組ID column is read in full, and that a name that is
// near one (a typo, a variant character) gets 「もしかして」 with ID and name.
func TestSuggestInitiative(t *testing.T) {
	m := ingest.BatchFS(t, "cycle")
	data, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: "一覧", Rows: [][]any{
		{"年度", "取組ID", "進ちょく", "実績"},
		{2026, "見守り 訪問", "順調", 90},  // row 2: the name in the ID column, spaced: A1
		{2026, "子育てサロン", "概ね順調", 1}, // row 3: A2 by name
		{2026, "防災訓錬", "順調", 1},     // row 4: 練 mistyped as 錬: もしかして A3
	}})
	if err != nil {
		t.Fatal(err)
	}
	m["progress/z_names.xlsx"] = &fstest.MapFile{Data: data}
	b, err := ingest.Read(m)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, g := range b.Progress {
		if g.Year == 2026 {
			got[b.Initiatives[g.Initiative].ID] = true
		}
	}
	if !got["A1"] || !got["A2"] || len(got) != 2 {
		t.Errorf("2026 records of %v, want A1 and A2", got)
	}
	p := problemWith(t, b, ingest.CodeUnknownInit, "progress/z_names.xlsx")
	if p.Cell() != "B4" || !strings.Contains(p.Msg(), "もしかして「A3 防災訓練」") {
		t.Errorf("%s: %s", p.Cell(), p.Msg())
	}
	for _, f := range b.Files {
		if f.Path == "progress/z_names.xlsx" && (f.Counts.Read != 3 || f.Counts.Included != 2 || f.Counts.Invalid != 1) {
			t.Errorf("counts %+v", f.Counts)
		}
	}
}

// TestSuggestDistrict checks that a district written with a variant
// character or a typo is an error that names the nearest district.
func TestSuggestDistrict(t *testing.T) {
	m := ingest.BatchFS(t, "cycle")
	csv := string(m["responses/b.csv"].Data)
	csv = strings.Replace(csv, "S16,南,", "S16,中块,", 1) // 央 mistyped: もしかして 中央
	m["responses/b.csv"] = &fstest.MapFile{Data: []byte(csv)}
	b, err := ingest.Read(m)
	if err != nil {
		t.Fatal(err)
	}
	p := problemWith(t, b, ingest.CodeUnknownDist, "responses/b.csv")
	if p.Value != "中块" || !strings.Contains(p.Msg(), "もしかして「中央」") {
		t.Errorf("%s: %q %s", p.Where(), p.Value, p.Msg())
	}
	// The variant table: a town 大曽根 written 大曾根.
	x := &ingest.Batch{Districts: []ingest.District{{Code: "01", Name: "大曽根"}, {Code: "02", Name: "樽町"}}}
	if hint := ingest.SuggestDistrict(x, "大曾根"); !strings.Contains(hint, "もしかして「大曽根」") {
		t.Errorf("大曾根: %q", hint)
	}
}

// TestSuggestSheet checks that a missing sheet of definitions.xlsx lists the
// sheets found, with the nearest one.
func TestSuggestSheet(t *testing.T) {
	data, err := xlsxbuild.Bytes(
		xlsxbuild.Sheet{Name: "設定", Rows: [][]any{{"項目", "値"}}},
		xlsxbuild.Sheet{Name: "地区一覧", Rows: [][]any{{"地区コード", "地区名"}}},
		xlsxbuild.Sheet{Name: "設問", Rows: [][]any{{"設問ID", "形式"}}},
		xlsxbuild.Sheet{Name: "選択肢", Rows: [][]any{{"選択肢セット", "コード", "ラベル"}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fstest.MapFS{"definitions.xlsx": {Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	p := problemWith(t, b, ingest.CodeMissingSheet, "definitions.xlsx")
	if p.Sheet != "地区" || !strings.Contains(p.Msg(), "このファイルのシート: 「設定」「地区一覧」「設問」「選択肢」") {
		t.Errorf("%s: %s", p.Sheet, p.Msg())
	}
}

// FuzzNearest checks that a suggestion never panics and is one of the
// candidates or nothing, and that a name is always its own nearest.
func FuzzNearest(f *testing.F) {
	f.Add("大曾根", "大曽根", "樽町")
	f.Add("bach", "batch", "")
	f.Add("\xff\xfe", "ヶ", "が")
	f.Fuzz(func(t *testing.T, s, a, b string) {
		got := ingest.Nearest(s, []string{a, b})
		if got != "" && got != a && got != b {
			t.Fatalf("Nearest(%q) = %q, not a candidate", s, got)
		}
		if k := ingest.FoldVariants(a); k != "" && len([]rune(k)) > 1 && len([]rune(k)) <= 64 && ingest.Nearest(a, []string{a}) != a {
			t.Fatalf("Nearest(%q, [%q]) is not itself", a, a)
		}
	})
}
