package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"midreview/internal/xlsxbuild"
)

// TestDocsExampleBatch builds the worked example of docs/inputs.md section
// 12 from its tables and checks what the page says about it: the check
// message with one warning, and the crosstab.csv row it quotes.
func TestDocsExampleBatch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "batch")
	defs, err := xlsxbuild.Bytes(
		xlsxbuild.Sheet{Name: "設定", Rows: [][]any{{"項目", "値"},
			{"計画名", "例示プラン（第1期）"}, {"区名", "例示区"}, {"調査名", "例示調査"}, {"基準日", "2026-11-01"},
			{"秘匿基準", 2}, {"参考値基準", 3}}},
		xlsxbuild.Sheet{Name: "地区", Rows: [][]any{{"地区コード", "地区名", "別名"}, {"01", "北", "北部"}, {"02", "南"}}},
		xlsxbuild.Sheet{Name: "設問", Rows: [][]any{{"設問ID", "設問文", "形式", "選択肢", "属性"},
			{"F1", "お住まいの地区", "SA", nil, "地区"},
			{"Q1", "地域活動に参加していますか", "SA", "はいいいえ"},
			{"Q2", "地域に愛着がありますか", "SC", "愛着"}}},
		xlsxbuild.Sheet{Name: "選択肢", Rows: [][]any{{"選択肢セット", "コード", "ラベル", "肯定"},
			{"はいいいえ", 1, "はい"}, {nil, 2, "いいえ"},
			{"愛着", 1, "ある", "○"}, {nil, 2, "どちらともいえない"}, {nil, 3, "ない"}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "responses"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "definitions.xlsx"), defs, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "inputs.md"))
	if err != nil {
		t.Fatal(err)
	}
	csv := regexp.MustCompile("(?s)`responses/a.csv`（UTF-8）:\n\n```\n(.*?)```").FindSubmatch(doc)
	if csv == nil {
		t.Fatal("docs/inputs.md: the example's responses/a.csv block is missing")
	}
	if err := os.WriteFile(filepath.Join(dir, "responses", "a.csv"), csv[1], 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runOut(t, "check", "-batch", dir)
	if code != 0 || !strings.Contains(stdout, "入力エラーはありません（有効回答 4 票、ヒアリング 0 団体）") ||
		!strings.Contains(stderr, "前の行とまったく同じ行です") || !strings.Contains(stderr, "エラー 0 件、警告 1 件") {
		t.Fatalf("check: exit %d\n%s\n%s", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runOut(t, "run", "-batch", dir, "-out", out, "-formats", "csv"); code != 0 {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "data", "crosstab.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := string(data)
	for _, want := range []string{
		"current,Q1,全体,全体,1,はい,2,4,50,,false,false,,\r\n",
		"current,Q2,地区,北,1,ある,1,2,50,,false,true,", // 参考値
		"current,Q2,地区,南,1,ある,1,1,100,,true,true,", // x
	} {
		if !strings.Contains(rows, want) {
			t.Errorf("crosstab.csv lacks %q", want)
		}
	}
}

// TestReadmeLinks checks that README.md and docs/*.md link only to files in
// the repository: a clone has nothing beside it.
func TestReadmeLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append(files, filepath.Join(root, "README.md"))
	link := regexp.MustCompile(`\]\(([^)]+)\)`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			target, _, _ := strings.Cut(m[1], "#")
			if target == "" {
				continue
			}
			if strings.Contains(target, "://") {
				t.Errorf("%s: link outside the repository: %s", f, m[1])
				continue
			}
			p := filepath.Clean(filepath.Join(filepath.Dir(f), target))
			if rel, err := filepath.Rel(root, p); err != nil || strings.HasPrefix(rel, "..") {
				t.Errorf("%s: link outside the repository: %s", f, m[1])
				continue
			}
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s: broken link %s", f, m[1])
			}
		}
	}
	readme, _ := os.ReadFile(filepath.Join(root, "README.md"))
	for _, want := range []string{"docs/inputs.md", "docs/outputs.md"} {
		if !strings.Contains(string(readme), "("+want+")") {
			t.Errorf("README.md does not link %s", want)
		}
	}
}

// TestDocsOutputsComplete checks that docs/outputs.md lists every CSV that
// the golden runs write, with its header exactly as written.
func TestDocsOutputsComplete(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "outputs.md"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(e2eGolden, "*", "data", "*.csv"))
	files = append(files, filepath.Join(e2eGolden, "small", "problems.csv"))
	seen := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f)
		if seen[name] {
			continue
		}
		seen[name] = true
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(strings.TrimPrefix(string(data), "\ufeff"), "\r\n")
		if !regexp.MustCompile(`(?m)^\| ` + regexp.QuoteMeta(name) + `( \([^)]*\))? \| ` + "`" + regexp.QuoteMeta(header) + "`").Match(doc) {
			t.Errorf("docs/outputs.md lacks the row | %s | `%s` |", name, header)
		}
	}
	if len(seen) < 20 {
		t.Errorf("only %d CSV files found under %s", len(seen), e2eGolden)
	}
}
