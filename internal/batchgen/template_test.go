package batchgen

import (
	"bytes"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
)

// TestTemplate checks the template's files, sheets, headers and drop-down
// lists, and that a second run refuses to overwrite it.
func TestTemplate(t *testing.T) {
	dir := t.TempDir()
	if err := Template(dir); err != nil {
		t.Fatal(err)
	}
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }

	t.Run("sheets", func(t *testing.T) {
		for _, tc := range []struct {
			file   string
			sheets []string
		}{
			{"definitions.xlsx", sheetNames(ingest.DefinitionsSchema.Sheets)},
			{"responses/entry.xlsx", []string{"回答"}},
			{"hearings/hearing_form.xlsx", []string{"ヒアリングシート", "記入例"}},
			{"corrections.xlsx", []string{"修正"}},
			{"commentary.xlsx", []string{"所見"}},
		} {
			if got := sheetsOf(t, p(tc.file)); !slices.Equal(got, tc.sheets) {
				t.Errorf("%s sheets = %v, want %v", tc.file, got, tc.sheets)
			}
		}
	})

	t.Run("headers", func(t *testing.T) {
		type header struct {
			file, sheet string
			hdr         []string
		}
		tests := []header{{"responses/entry.xlsx", "回答", []string{"回答者ID"}}}
		for _, s := range ingest.DefinitionsSchema.Sheets {
			tests = append(tests, header{"definitions.xlsx", s.Name, s.Headers()})
		}
		tests = append(tests, header{"corrections.xlsx", ingest.CorrectionsSheet.Name, ingest.CorrectionsSheet.Headers()})
		tests = append(tests, header{"commentary.xlsx", ingest.CommentarySheet.Name, ingest.CommentarySheet.Headers()})
		for _, tc := range tests {
			rows := sheetRowsOf(t, p(tc.file), tc.sheet)
			if len(rows) == 0 || len(rows[0]) < len(tc.hdr) || !slices.Equal(rows[0][:len(tc.hdr)], tc.hdr) {
				t.Errorf("%s %s header = %v, want %v", tc.file, tc.sheet, rows, tc.hdr)
			}
		}
		// 設定: every item listed, defaults filled in, required values blank.
		rows := sheetRowsOf(t, p("definitions.xlsx"), "設定")
		var items []string
		vals := map[string]string{}
		for _, r := range rows[1:] {
			items = append(items, r[0])
			vals[r[0]] = cell([][]string{r}, 0, 1)
		}
		want := []string{"計画名", "区名", "調査名", "基準日", "配布数", "調査対象", "抽出方法", "調査期間", "調査方法", "秘匿基準", "参考値基準", "重み付け", "有意水準", "評価方法", "維持幅", "所見", "無回答コード", "団体名の公開", "地図の名前列", "問い合わせ先", "公開ライセンス"}
		if !slices.Equal(items, want) {
			t.Errorf("設定 items = %v, want %v", items, want)
		}
		for k, v := range map[string]string{"計画名": "", "基準日": "", "秘匿基準": "10", "参考値基準": "30",
			"重み付け": "しない", "有意水準": "0.05", "評価方法": "検定", "維持幅": "3", "所見": "する"} {
			if vals[k] != v {
				t.Errorf("設定 %s = %q, want %q", k, vals[k], v)
			}
		}
	})

	t.Run("validations", func(t *testing.T) {
		for _, tc := range []struct {
			file, sheet, sqref string
			keys               []string
		}{
			{"definitions.xlsx", "設問", "C2:C501", []string{"SA", "MA", "SC", "NUM", "FA"}},
			{"definitions.xlsx", "設問", "F2:F501", []string{"地区", "性別", "年代", "分析軸"}},
			{"definitions.xlsx", "ヒアリング項目", "C2:C501", []string{"団体名", "団体種別", "地区", "評価", "記述", "数値", "テキスト"}},
			{"definitions.xlsx", "指標", "I2:I501", []string{"増", "減"}},
			{"definitions.xlsx", "設定", "B13", []string{"する", "しない"}},
			{"corrections.xlsx", "修正", "A2:A501", []string{"回答", "策定時", "ヒアリング", "取組"}},
			{"commentary.xlsx", "所見", "A2:A501", []string{"概要", "設問", "指標", "地区"}},
		} {
			t.Run(tc.sheet+"!"+tc.sqref, func(t *testing.T) {
				f, err := excelize.OpenFile(p(tc.file))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				dvs, err := f.GetDataValidations(tc.sheet)
				if err != nil {
					t.Fatal(err)
				}
				want := `"` + strings.Join(tc.keys, ",") + `"`
				for _, dv := range dvs {
					if dv.Sqref == tc.sqref {
						if dv.Type != "list" || dv.Formula1 != want {
							t.Errorf("validation %s: type %q formula %q, want list %q", tc.sqref, dv.Type, dv.Formula1, want)
						}
						return
					}
				}
				t.Errorf("no validation on %s (have %d)", tc.sqref, len(dvs))
			})
		}
	})

	t.Run("hearing form", func(t *testing.T) {
		// The definitions' ヒアリング項目 name the cells of the form; the 記入例 has
		// a value in each, the empty form none, and both carry the cell map.
		rows := sheetRowsOf(t, p("definitions.xlsx"), "ヒアリング項目")
		if len(rows) != 1+len(hearingForm) || rows[1][3] != "C3" || rows[1][2] != "団体名" {
			t.Fatalf("ヒアリング項目 rows = %v", rows)
		}
		f, err := excelize.OpenFile(p("hearings/hearing_form.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, it := range hearingForm {
			blank, _ := f.GetCellValue("ヒアリングシート", it.Cell)
			ex, _ := f.GetCellValue("記入例", it.Cell)
			label, _ := f.GetCellValue("ヒアリングシート", it.LabelCell)
			if blank != "" || ex == "" || label == "" {
				t.Errorf("%s %s: form %q, example %q, label %q", it.ID, it.Cell, blank, ex, label)
			}
		}
		if v, _ := f.GetCellValue("ヒアリングシート", "H3"); !strings.Contains(v, "C3") {
			t.Errorf("cell map H3 = %q", v)
		}
	})

	t.Run("no overwrite", func(t *testing.T) {
		if err := Template(dir); !errors.Is(err, fs.ErrExist) {
			t.Errorf("second Template: err = %v, want fs.ErrExist", err)
		}
	})
}

// TestTemplateFS checks that TemplateFS holds the very files that Template
// writes, and the empty folder baseline/.
func TestTemplateFS(t *testing.T) {
	dir := t.TempDir()
	if err := Template(dir); err != nil {
		t.Fatal(err)
	}
	fsys, err := TemplateFS()
	if err != nil {
		t.Fatal(err)
	}
	onDisk := readTree(t, dir)
	var files []string
	for name, f := range fsys {
		if f.Mode.IsDir() {
			continue
		}
		files = append(files, name)
		if !bytes.Equal(f.Data, onDisk[name]) {
			t.Errorf("%s: TemplateFS and Template differ", name)
		}
	}
	if len(files) != len(onDisk) {
		t.Errorf("TemplateFS has files %v, Template wrote %d", files, len(onDisk))
	}
	if st, err := fs.Stat(fsys, "baseline"); err != nil || !st.IsDir() {
		t.Errorf("baseline/: %v", err)
	}
}

// TestTemplateCommentaryReads checks that the template's empty commentary.xlsx
// reads as a commentary without rows and without a problem.
func TestTemplateCommentaryReads(t *testing.T) {
	fsys, err := TemplateFS()
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Problems {
		if p.File == ingest.CommentaryFile {
			t.Errorf("problem: %v", p)
		}
	}
	if b.Commentary == nil || len(b.Commentary.Rows) != 0 || b.Commentary.Sheet != ingest.CommentarySheet.Name {
		t.Errorf("Commentary = %+v, want an empty sheet %s", b.Commentary, ingest.CommentarySheet.Name)
	}
}
