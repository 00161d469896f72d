package batchgen

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"

	"midreview/internal/xlsxbuild"
)

// templateDirs are the folders of the template; baseline/ stays empty.
var templateDirs = []string{"responses", "baseline", "hearings"}

// templateFiles returns the template's files in writing order.
func templateFiles() []file {
	return []file{
		{"definitions.xlsx", writeTemplateDefinitions},
		{"responses/entry.xlsx", writeTemplateEntry},
		{"hearings/hearing_form.xlsx", writeTemplateHearing},
		{"corrections.xlsx", writeTemplateCorrections},
	}
}

// Template writes an empty batch folder to dir: definitions.xlsx with every
// sheet and header of inputs.md section 2 (settings listed with their defaults,
// drop-down lists for the keyword columns, the hearing items of the standard
// form), responses/entry.xlsx, hearings/hearing_form.xlsx and corrections.xlsx.
// It refuses to overwrite any of these files, so filled-in work is never lost:
// the error is then fs.ErrExist (with a Japanese message).
func Template(dir string) error {
	files := templateFiles()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		_, err := os.Stat(p)
		if err == nil {
			return existsError{p}
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("template: %w", err)
		}
	}
	if err := writeFiles(dir, templateDirs, files); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	return nil
}

// TemplateFS returns the files that Template writes, in memory (the same bytes),
// with the empty folder baseline/.
func TemplateFS() (fstest.MapFS, error) {
	fsys, err := mapFiles(templateDirs, templateFiles())
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	return fsys, nil
}

// templateRows is how many rows of each definitions sheet get drop-down lists.
const templateRows = 500

// writeTemplateDefinitions writes definitions.xlsx with every sheet and header.
func writeTemplateDefinitions(w io.Writer) error {
	f, err := xlsxbuild.New(defSheets...)
	if err != nil {
		return err
	}
	defer f.Close()
	var scale []sampleChoice
	for _, c := range sampleChoices {
		if c.Set == "評価4" {
			scale = append(scale, c)
		}
	}
	// Note: the 評価 scale and the hearing items match the form in
	// hearings/hearing_form.xlsx, so a filled-in form reads without edits.
	if err := writeDefinitionSheets(f, [][][]any{settingRows(nil), nil, nil, nil, nil,
		choiceRows(scale), nil, hearingItemRows(false)}); err != nil {
		return err
	}
	n := fmt.Sprint(templateRows + 1)
	lists := []struct {
		sheet, sqref string
		keys         []string
		prompt       string
	}{
		{"設問", "C2:C" + n, []string{"SA", "MA", "SC", "NUM", "FA"},
			"SA 単一回答／MA 複数回答／SC 段階評価／NUM 数値／FA 自由記述"},
		{"設問", "F2:F" + n, []string{"地区", "性別", "年代"}, "回答者の属性を表す設問だけ選びます（地区はちょうど1問）"},
		{"選択肢", "F2:F" + n, []string{"○"}, "肯定的な回答（上位の選択肢）に○"},
		{"指標", "I2:I" + n, []string{"増", "減"}, "増：高いほどよい／減：低いほどよい"},
		{"ヒアリング項目", "C2:C" + n, []string{"団体名", "団体種別", "地区", "評価", "記述", "数値", "テキスト"}, ""},
		{"設定", "B9", []string{"する", "しない"}, ""},
		{"設定", "B11", []string{"検定", "ポイント"}, ""},
	}
	for _, l := range lists {
		if err := dropList(f, l.sheet, l.sqref, l.keys, l.prompt); err != nil {
			return err
		}
	}
	return writeXLSX(f, w)
}

// writeTemplateEntry writes responses/entry.xlsx: sheet 回答 with the ID header.
func writeTemplateEntry(w io.Writer) error {
	f, err := xlsxbuild.New("回答")
	if err != nil {
		return err
	}
	if err := sheetTable(f, "回答", []string{"回答者ID"}, []float64{12}, nil); err != nil {
		f.Close()
		return err
	}
	if err := f.SetCellValue("回答", "B1", "（ここから右へ設問IDを見出しとして入力：F1、F2、Q1 …）"); err != nil {
		f.Close()
		return err
	}
	return saveBook(f, w)
}

// writeTemplateHearing writes hearings/hearing_form.xlsx: the empty form with a
// map of cells to items, and a filled-in 記入例 sheet (skipped by the reader).
func writeTemplateHearing(w io.Writer) error {
	f, err := xlsxbuild.New("ヒアリングシート", "記入例")
	if err != nil {
		return err
	}
	if err := drawHearingForm(f, "ヒアリングシート", nil, true); err != nil {
		f.Close()
		return err
	}
	ex := exampleHearing()
	if err := drawHearingForm(f, "記入例", ex.values(false), true); err != nil {
		f.Close()
		return err
	}
	return saveBook(f, w)
}

// writeTemplateCorrections writes corrections.xlsx: sheet 修正 with its headers.
func writeTemplateCorrections(w io.Writer) error {
	f, err := xlsxbuild.New("修正")
	if err != nil {
		return err
	}
	if err := sheetTable(f, "修正", hdrCorrect, []float64{10, 14, 8, 14, 14, 30, 10, 24}, nil); err != nil {
		f.Close()
		return err
	}
	if err := dropList(f, "修正", fmt.Sprintf("A2:A%d", templateRows+1), []string{"回答", "策定時", "ヒアリング"},
		"回答：今回の回答者／策定時：策定時調査の回答者／ヒアリング：団体"); err != nil {
		f.Close()
		return err
	}
	return saveBook(f, w)
}

// existsError is a template file that is already there; it is fs.ErrExist with a
// Japanese message (fs.ErrExist's own text is English).
type existsError struct{ path string }

func (e existsError) Error() string {
	return e.path + " は既にあります。上書きしないので、別の -out フォルダを指定してください"
}

func (e existsError) Unwrap() error { return fs.ErrExist }
