package main

// End-to-end tests of the plan's yearly cycle on the committed test batches
// testdata/batches/progress (a year without a survey: definitions and
// progress/ only) and testdata/batches/cycle (small's survey and hearings,
// the same progress/ and a history/ copy of the small golden run). The
// records are listed in internal/batchgen/cyclebatch_test.go; every figure
// below is computed by hand from them.
//
// Regenerate the goldens with `go test ./cmd/midreview -run TestE2E -update`.

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var (
	e2eProgress = filepath.Join("..", "..", "testdata", "batches", "progress")
	e2eCycle    = filepath.Join("..", "..", "testdata", "batches", "cycle")
)

func init() {
	e2eKeys["progress"] = []string{"initiative_id", "year"}
	e2eKeys["progress_counts"] = []string{"by", "group", "year", "label"}
	e2eKeys["indicator_history"] = []string{"indicator_id", "group", "point"}
}

// progressFigures are every record of progress/ as published: rating, actual,
// the share of the target reached (100·実績/目標) and next year's direction.
func progressFigures() []e2eFigure {
	rec := func(id, year string, code int, label string, actual, reached any, next, source string) e2eFigure {
		var c, a, r any = code, actual, reached
		return e2eFigure{"progress", id + "," + year, e2eCells("progress_code", c, "progress_label", label,
			"actual", a, "reached_pct", r, "next", next, "source", source), "cyclebatch_test.go"}
	}
	figs := []e2eFigure{
		rec("A1", "2023", 1, "順調", 40, 40.0, "継続", "progress/list.xlsx!一覧!B4"),       // 40/100
		rec("A1", "2024", 2, "概ね順調", 70, 70.0, "継続", "progress/list.xlsx!一覧!B5"),     // year R6
		rec("A1", "2025", 3, "やや遅れ", 80, 80.0, "見直し", "progress/list.xlsx!一覧!B6"),    // 令和7年度
		rec("A2", "2024", 1, "順調", 120, 60.0, "拡充", "progress/list.xlsx!一覧!C7"),      // by 取組名; 120/200
		rec("A2", "2025", 2, "概ね順調", 150, 75.0, "継続", "progress/list.xlsx!一覧!B8"),    // 150/200
		rec("A3", "2024", 2, "概ね順調", nil, nil, "継続", "progress/minami.xlsx!2024!B2"), // form, year from the sheet name
		rec("A3", "2025", 4, "遅れ", nil, nil, "見直し", "progress/minami.xlsx!R7!E2"),    // form, by 取組名
		rec("A4", "2025", 4, "遅れ", 1500, 30.0, "見直し", "progress/list.xlsx!一覧!B9"),    // 1500/5000
		rec("A5", "2025", 1, "順調", 12, 100.0, "終了", "progress/list.xlsx!一覧!B10"),     // "12回" → 12 of 12
	}
	for _, f := range []struct{ id, dist, theme, unit, target string }{
		{"A1", "北", "つながり", "件", "100"}, {"A2", "中央", "参加", "人", "200"}, {"A3", "南", "つながり", "", ""},
		{"A4", "区全体", "参加", "部", "5000"}, {"A5", "区全体", "", "回", "12"}, // input 地区 blank or 区全体; data/ keeps the input's word
	} {
		for i := range figs {
			if strings.HasPrefix(figs[i].key, f.id+",") {
				figs[i].cells = append(figs[i].cells, e2eCells("district", f.dist, "theme", f.theme, "unit", f.unit, "target", f.target)...)
			}
		}
	}
	// Ratings by year (順調, 概ね順調, やや遅れ, 遅れ, 未記入, 悪化, 計). A record
	// slipped when rated worse than the year before: A1 2024 and 2025, A2 2025,
	// A3 2025.
	labels := []string{"順調", "概ね順調", "やや遅れ", "遅れ", "未記入", "悪化", "計"}
	counts := func(by, group, year string, n ...int) {
		for i, l := range labels {
			figs = append(figs, e2eFigure{"progress_counts", strings.Join([]string{by, group, year, l}, ","), e2eCells("count", n[i]), "hand count"})
		}
	}
	counts("全体", "全体", "2023", 1, 0, 0, 0, 0, 0, 1)  // A1
	counts("全体", "全体", "2024", 1, 2, 0, 0, 0, 1, 3)  // A2; A1, A3
	counts("全体", "全体", "2025", 1, 1, 1, 2, 0, 3, 5)  // A5; A2; A1; A3, A4
	counts("地区", "北", "2024", 0, 1, 0, 0, 0, 1, 1)   // A1
	counts("地区", "中央", "2023", 0, 0, 0, 0, 0, 0, 0)  // no report yet
	counts("地区", "中央", "2025", 0, 1, 0, 0, 0, 1, 1)  // A2
	counts("地区", "南", "2025", 0, 0, 0, 1, 0, 1, 1)   // A3
	counts("地区", "区全体", "2025", 1, 0, 0, 1, 0, 0, 2) // A5, A4 (input 地区 区全体)
	counts("テーマ", "つながり", "2025", 0, 0, 1, 1, 0, 2, 2)
	counts("テーマ", "参加", "2025", 0, 1, 0, 1, 0, 1, 2)
	counts("テーマ", "その他の取組", "2025", 1, 0, 0, 0, 0, 0, 1)
	return figs
}

// e2ePDFText returns pdftotext's text of a PDF, or skips without pdftotext.
func e2ePDFText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (install poppler-utils)")
		}
		t.Skip("pdftotext missing")
	}
	txt, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(txt)
}

func TestE2EProgress(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	e2eMustRun(t, 0, "run", "-batch", e2eProgress, "-out", out)
	e2eCheckFigures(t, out, progressFigures())
	t.Run("problems", func(t *testing.T) {
		// No problem: minami.xlsx's 記入例 sheet is skipped without a warning.
		e2eCompareProblems(t, e2eProblems(t, out), nil)
	})
	t.Run("manifest", func(t *testing.T) {
		m := e2eReadManifest(t, out)
		e2eCheckRows(t, m, map[string]e2eRows{
			"progress/list.xlsx":   {7, 7, 0, 0, 0, 0},
			"progress/minami.xlsx": {2, 2, 0, 0, 0, 0},
		})
		e2eCheckOutputHashes(t, out, m)
	})
	t.Run("no empty survey sections", func(t *testing.T) {
		want := []string{"概要", "取組の振り返り", "入力チェック", "修正履歴", "所見履歴"}
		if got := sheetsOf(t, filepath.Join(out, "tabulation.xlsx")); !slices.Equal(got, want) {
			t.Errorf("tabulation.xlsx sheets %v, want %v", got, want)
		}
		html, err := os.ReadFile(filepath.Join(out, "dashboard", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{`id="indicators"`, `id="hearings"`, `id="comments"`, `id="profiles"`, `id="theme_`, `id="district"`} {
			if strings.Contains(string(html), s) {
				t.Errorf("dashboard holds the survey section %s", s)
			}
		}
		if !strings.Contains(string(html), `<section class="panel active" id="progress">`) {
			t.Error("dashboard: the 取組の振り返り tab is not the one open")
		}
		for _, p := range []string{"report.pdf", "districts/01_北.pdf", "districts/02_中央.pdf", "districts/03_南.pdf"} {
			txt := e2ePDFText(t, filepath.Join(out, filepath.FromSlash(p)))
			for _, s := range []string{"回収", "有効回答", "指標の達成", "回答者の属性", "自由記述", "地区カルテ", "秘匿"} {
				if strings.Contains(txt, s) {
					t.Errorf("%s holds %q (a survey section)", p, s)
				}
			}
			if !strings.Contains(txt, "取組の振り返り") {
				t.Errorf("%s has no 取組の振り返り", p)
			}
		}
	})
	t.Run("district handouts hold their own initiatives", func(t *testing.T) {
		for p, want := range map[string][]string{
			"districts/01_北.pdf":  {"A1"},
			"districts/02_中央.pdf": {"A2"},
			"districts/03_南.pdf":  {"A3"},
		} {
			txt := e2ePDFText(t, filepath.Join(out, filepath.FromSlash(p)))
			for _, id := range []string{"A1", "A2", "A3", "A4", "A5"} {
				if has := strings.Contains(txt, id+" "); has != slices.Contains(want, id) {
					t.Errorf("%s: %s printed = %v", p, id, has)
				}
			}
		}
	})
	t.Run("golden", func(t *testing.T) { e2eCheckGolden(t, "progress", out) })
	t.Run("rendered golden", func(t *testing.T) { e2eCheckRendered(t, "progress-rendered", out) })
}

func TestE2ECycle(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	e2eMustRun(t, 0, "run", "-batch", e2eCycle, "-out", out)
	// The survey is small's: its figures are unchanged by progress/ and history/.
	e2eCheckFigures(t, out, smallFigures())
	e2eCheckFigures(t, out, progressFigures())
	hist := func(id, group, point, date string, value, n any) e2eFigure {
		return e2eFigure{"indicator_history", id + "," + group + "," + point, e2eCells("date", date, "value", value, "n", n), "hand count"}
	}
	e2eCheckFigures(t, out, []e2eFigure{
		// I1 (Q1 = 1, 2): baseline 9 of 15; the history copy is the small
		// golden run (15 of 20) dated a year earlier (2025-11-01), and this run
		// is the same survey.
		hist("I1", "全体", "策定時", "", 60.0, 15),
		hist("I1", "全体", "テスト調査", "2025-11-01", 75.0, 20),
		hist("I1", "全体", "今回", "2026-11-01", 75.0, 20),
		hist("I1", "北", "策定時", "", 50.0, 6), // 3 of 6
		hist("I1", "北", "今回", "2026-11-01", 75.0, 8),
		hist("I1", "中央", "今回", "2026-11-01", 100*5/7.0, 7),
		hist("I1", "南", "今回", "2026-11-01", nil, 4), // suppressed (n < 5)
		// I2: 策定時値 25.0 and 策定時n 40 from sheet 指標 (lower is better).
		hist("I2", "全体", "策定時", "", 25.0, 40),
		hist("I2", "全体", "テスト調査", "2025-11-01", 20.0, 20),
		hist("I2", "全体", "今回", "2026-11-01", 20.0, 20),
	})
	t.Run("both chapters", func(t *testing.T) {
		want := []string{"概要", "結果の概要", "単純集計", "地区別", "性別", "年代別", "指標", "経年比較", "ヒアリング", "自由記述",
			"取組の振り返り", "入力チェック", "修正履歴", "所見履歴"}
		if got := sheetsOf(t, filepath.Join(out, "tabulation.xlsx")); !slices.Equal(got, want) {
			t.Errorf("tabulation.xlsx sheets %v, want %v", got, want)
		}
		txt := e2ePDFText(t, filepath.Join(out, "report.pdf"))
		for _, s := range []string{"回収", "取組の振り返り", "指標の推移"} {
			if !strings.Contains(txt, s) {
				t.Errorf("report.pdf lacks %q", s)
			}
		}
	})
	t.Run("golden", func(t *testing.T) { e2eCheckGolden(t, "cycle", out) })
	t.Run("rendered golden", func(t *testing.T) { e2eCheckRendered(t, "cycle-rendered", out) })
}

// TestE2EProgressHistory runs the progress batch with the cycle batch's
// history/ copy: a year without a survey still shows the indicators as far as
// the earlier runs had them, in each format.
func TestE2EProgressHistory(t *testing.T) {
	batch := filepath.Join(t.TempDir(), "batch")
	if err := os.CopyFS(batch, os.DirFS(e2eProgress)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(batch, "history"), os.DirFS(filepath.Join(e2eCycle, "history"))); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	e2eMustRun(t, 0, "run", "-batch", batch, "-out", out)
	hist := func(id, group, point string, value, n any) e2eFigure {
		return e2eFigure{"indicator_history", id + "," + group + "," + point, e2eCells("value", value, "n", n), "history copy"}
	}
	e2eCheckFigures(t, out, []e2eFigure{
		hist("I1", "全体", "テスト調査", 75.0, 20),
		hist("I2", "全体", "策定時", 25.0, 40), // from sheet 指標; I1 has no 策定時 without baseline/
		hist("I2", "全体", "テスト調査", 20.0, 20),
	})
	rows := e2eReadCSV(t, filepath.Join(out, "data", "indicator_history.csv")).rows
	for _, r := range rows {
		if r["point"] == "今回" || (r["indicator_id"] == "I1" && r["point"] == "策定時") {
			t.Errorf("indicator_history.csv row %v in a year without a survey", r)
		}
	}
	txt := e2ePDFText(t, filepath.Join(out, "report.pdf"))
	if !strings.Contains(txt, "指標の推移") {
		t.Error("report.pdf has no 指標の推移")
	}
	html, err := os.ReadFile(filepath.Join(out, "dashboard", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(html), "<svg") != 2 {
		t.Errorf("dashboard holds %d indicator charts, want 2", strings.Count(string(html), "<svg"))
	}
	f, err := excelize.OpenFile(filepath.Join(out, "tabulation.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rowsX, err := f.GetRows("取組の振り返り")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rowsX {
		found = found || (len(r) > 0 && strings.HasPrefix(r[0], "指標の推移"))
	}
	if !found {
		t.Error("sheet 取組の振り返り has no 指標の推移")
	}
}
