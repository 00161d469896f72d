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
