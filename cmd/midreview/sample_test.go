package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sheetRowsOf returns the raw rows of sheet in the xlsx at path.
func sheetRowsOf(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// sheetsOf returns the sheet names of the xlsx at path.
func sheetsOf(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.GetSheetList()
}

// TestCmdSample checks flag parsing: usage errors wrap errUsage, and a good
// command line writes the batch and says so.
func TestCmdSample(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"unknown flag", []string{"-x"}},
		{"extra argument", []string{"-out", "a", "b"}},
		{"zero respondents", []string{"-respondents", "0"}},
		{"negative hearings", []string{"-hearings", "-2"}},
		{"bad number", []string{"-seed", "abc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var errb bytes.Buffer
			err := cmdSample(tc.args, io.Discard, &errb)
			if !errors.Is(err, errUsage) {
				t.Errorf("err = %v, want errUsage", err)
			}
			// Note: the message is the error's; run prints it (TestFlagMessage).
			if errb.Len() != 0 {
				t.Errorf("printed to stderr: %q", errb.String())
			}
		})
	}
	t.Run("help", func(t *testing.T) {
		var out bytes.Buffer
		if err := cmdSample([]string{"-h"}, &out, io.Discard); !errors.Is(err, flag.ErrHelp) || !strings.Contains(out.String(), "-respondents N") {
			t.Errorf("err = %v, help %q", err, out.String())
		}
	})
	t.Run("ok", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "s")
		var out bytes.Buffer
		if err := cmdSample([]string{"-out", dir, "-respondents", "40", "-hearings", "0", "-seed", "3"}, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), dir) {
			t.Errorf("stdout = %q", out.String())
		}
		if sheets := sheetsOf(t, filepath.Join(dir, "hearings", "2026_forms.xlsx")); len(sheets) != 1 {
			t.Errorf("-hearings 0 wrote form sheets %v", sheets)
		}
		rows := sheetRowsOf(t, filepath.Join(dir, "responses", "2026_main.xlsx"), "回答")
		if len(rows) != 2+36 {
			t.Errorf("%d rows, want 38 (title, header, 36 respondents)", len(rows))
		}
	})
}
