package batchgen

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// templateDirs are the folders of the template; baseline/ stays empty.
var templateDirs = []string{"responses", "baseline", "hearings", "progress"}

// templateFiles returns the template's files in writing order.
func templateFiles() []file {
	return []file{
		{"definitions.xlsx", writeTemplateDefinitions},
		{"responses/entry.xlsx", writeTemplateEntry},
		{"hearings/hearing_form.xlsx", writeTemplateHearing},
		{"corrections.xlsx", writeTemplateCorrections},
		{"commentary.xlsx", writeTemplateCommentary},
		{"progress/" + TemplateProgressFile, writeTemplateProgress},
	}
}

// Template writes an empty batch folder to dir: definitions.xlsx with every
// sheet and header of inputs.md section 2 (settings listed with their defaults,
// drop-down lists for the keyword columns, the hearing items of the standard
// form), responses/entry.xlsx, hearings/hearing_form.xlsx, corrections.xlsx,
// commentary.xlsx and progress/振り返りシート.xlsx.
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

// writeTemplateDefinitions writes definitions.xlsx with every sheet and header
// of the schema, the settings with their defaults and the drop-down lists.
func writeTemplateDefinitions(w io.Writer) error {
	f, err := xlsxbuild.New(sheetNames(ingest.DefinitionsSchema.Sheets)...)
	if err != nil {
		return err
	}
	defer f.Close()
	var scale []sampleChoice
	for _, c := range sampleChoices {
		if c.Set == hearingScale {
			scale = append(scale, c)
		}
	}
	// Note: the 評価 scale and the hearing items match the form in
	// hearings/hearing_form.xlsx, so a filled-in form reads without edits.
	if err := writeDefinitionSheets(f, map[*ingest.Sheet][][]any{
		ingest.SettingsSheet:     settingRows(nil, true),
		ingest.ChoicesSheet:      choiceRows(scale),
		ingest.HearingItemsSheet: hearingItemRows(false),
		ingest.InitiativesSheet:  nil,
		ingest.HardSheet:         hardRows(), // Note: the contract's categories, a starting point to edit
	}, true); err != nil {
		return err
	}
	for _, s := range ingest.DefinitionsSchema.Sheets {
		if err := dropLists(f, s, templateRows); err != nil {
			return err
		}
	}
	return writeXLSX(f, w)
}

// writeTemplateEntry writes responses/entry.xlsx: sheet 回答 with the ID header.
func writeTemplateEntry(w io.Writer) error {
	f, err := xlsxbuild.New(ingest.ResponsesSheet.Name)
	if err != nil {
		return err
	}
	if err := sheetTable(f, ingest.ResponsesSheet.Name, []string{idHeader}, []float64{ingest.ResponsesSheet.Columns[ingest.ColResponseID].Width}, nil); err != nil {
		f.Close()
		return err
	}
	if err := f.SetCellValue(ingest.ResponsesSheet.Name, "B1", "（ここから右へ設問IDを見出しとして入力：F1、F2、Q1 …）"); err != nil {
		f.Close()
		return err
	}
	return saveBook(f, w)
}

// writeTemplateHearing writes hearings/hearing_form.xlsx: the empty form with a
// map of cells to items, and a filled-in 記入例 sheet (skipped by the reader).
func writeTemplateHearing(w io.Writer) error {
	f, err := xlsxbuild.New(formSheet, exampleSheet)
	if err != nil {
		return err
	}
	if err := drawHearingForm(f, formSheet, nil, true); err != nil {
		f.Close()
		return err
	}
	ex := exampleHearing()
	if err := drawHearingForm(f, exampleSheet, ex.values(false), true); err != nil {
		f.Close()
		return err
	}
	return saveBook(f, w)
}

// TemplateProgressFile is the template's progress sheet in progress/.
const TemplateProgressFile = "振り返りシート.xlsx"

// writeTemplateProgress writes progress/振り返りシート.xlsx: a tabular progress
// sheet with the headers of ingest.ProgressSheet and the drop-down lists of
// 年度, 進ちょく and 次年度 from the schema table. `template -entry` writes
// one per district with the initiatives listed once sheet 取組 is filled in.
func writeTemplateProgress(w io.Writer) error { return writeSchemaBook(w, ingest.ProgressSheet) }

// writeTemplateCorrections writes corrections.xlsx: sheet 修正 with its headers
// and the drop-down list of 対象.
func writeTemplateCorrections(w io.Writer) error { return writeSchemaBook(w, ingest.CorrectionsSheet) }

// writeTemplateCommentary writes commentary.xlsx: sheet 所見 with its headers
// and the drop-down list of 場所. Staff usually start from a run's
// commentary_draft.xlsx instead, which has the same sheet with every passage.
func writeTemplateCommentary(w io.Writer) error { return writeSchemaBook(w, ingest.CommentarySheet) }

// writeSchemaBook writes a one-sheet workbook: s's headers, column widths and
// drop-down lists.
func writeSchemaBook(w io.Writer, s *ingest.Sheet) error {
	f, err := xlsxbuild.New(s.Name)
	if err != nil {
		return err
	}
	if err := schemaTable(f, s, nil, true); err != nil {
		f.Close()
		return err
	}
	if err := dropLists(f, s, templateRows); err != nil {
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
