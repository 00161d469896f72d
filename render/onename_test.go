package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneNamePerFigure: the rendered goldens call a figure by one name
// (reader review 4, item 12): 有効回答数 (not 有効回収数), 今回値 (not
// 現状値), 中間振り返り (not 中間評価; the test pdf's 調査名 itself says 中間評価).
func TestOneNamePerFigure(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/golden/*-rendered/*", "../testdata/golden/*-rendered/*/*", "testdata/*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no rendered goldens")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // a folder
		}
		for _, w := range []string{"有効回収数", "現状値", "中間評価 報告書", "の中間評価のため", "中間評価 オープンデータ"} {
			if strings.Contains(string(b), w) {
				t.Errorf("%s prints %s", f, w)
			}
		}
	}
}

// TestProgressHardLineHasYear: the sheet's ハード text is printed as a 課題
// of its year, 「課題（2025年度・ハード面）：…」, as the demo's physical 課題
// is, never as a yearless 「ハード面：…」 (reader review 4, item 16).
func TestProgressHardLineHasYear(t *testing.T) {
	m, _ := filepath.Glob("../testdata/golden/*-rendered/report.pdf.txt")
	found := false
	for _, f := range m {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, "ハード面：") {
				t.Errorf("%s: %q has no year", f, l)
			}
			found = found || strings.Contains(l, "・ハード面）：")
		}
	}
	if !found {
		t.Error("no 「課題（年度・ハード面）」 line in the rendered goldens")
	}
}
