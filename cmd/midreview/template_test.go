package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCmdTemplate checks its flag parsing.
func TestCmdTemplate(t *testing.T) {
	for _, args := range [][]string{{"-respondents", "3"}, {"x"}} {
		if err := cmdTemplate(args, io.Discard, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want errUsage", args, err)
		}
	}
	dir := filepath.Join(t.TempDir(), "t")
	var out bytes.Buffer
	if err := cmdTemplate([]string{"-out", dir}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), dir) {
		t.Errorf("stdout = %q", out.String())
	}
}

// TestCmdTemplateEntry writes the entry workbooks from a batch's codebook,
// refuses to overwrite them, and refuses (exit 1, problems listed) a codebook
// with errors.
func TestCmdTemplateEntry(t *testing.T) {
	small := filepath.Join("..", "..", "testdata", "batches", "small")
	out := filepath.Join(t.TempDir(), "entry")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"template", "-entry", "-batch", small, "-out", out}, &stdout, &stderr); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	for _, name := range []string{"entry.xlsx", "hearing_form.xlsx", "hearing_list.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
		if !strings.Contains(stdout.String(), name) {
			t.Errorf("stdout does not name %s: %q", name, stdout.String())
		}
	}
	err := run(context.Background(), []string{"template", "-entry", "-batch", small, "-out", out}, io.Discard, io.Discard)
	if !errors.Is(err, fs.ErrExist) || exitCode(err) != 2 {
		t.Errorf("second run: %v, want fs.ErrExist", err)
	}

	// -out FILE.xlsx names the responses workbook, and nothing goes beside it.
	file := filepath.Join(t.TempDir(), "q2026.xlsx")
	if err := run(context.Background(), []string{"template", "-entry", "-batch", small, "-out", file}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(filepath.Dir(file)); len(ents) != 1 || ents[0].Name() != "q2026.xlsx" {
		t.Errorf("-out FILE wrote %v, want q2026.xlsx only", ents)
	}

	// A codebook with errors (the blank template's) is refused with its problems.
	blank := filepath.Join(t.TempDir(), "blank")
	if err := run(context.Background(), []string{"template", "-out", blank}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	none := filepath.Join(t.TempDir(), "none")
	err = run(context.Background(), []string{"template", "-entry", "-batch", blank, "-out", none}, io.Discard, &stderr)
	if exitCode(err) != 1 || !strings.Contains(stderr.String(), "definitions.xlsx:地区") {
		t.Errorf("blank codebook: exit %d, stderr %q", exitCode(err), stderr.String())
	}
	if _, err := os.Stat(none); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s written despite errors", none)
	}

	for _, args := range [][]string{{"-batch", small}, {"-entry", "-batch", filepath.Join(t.TempDir(), "missing")}} {
		err := cmdTemplate(args, io.Discard, io.Discard)
		if want := map[bool]int{true: 2, false: 1}[len(args) == 2]; exitCode(err) != want {
			t.Errorf("%v: exit %d (%v), want %d", args, exitCode(err), err, want)
		}
	}
}

// TestCmdTemplateEntryIntoBatch follows the template workflow: a blank batch,
// its definitions filled in, then `template -entry` without -out writes the
// books into the batch's own folders, replacing the template's empty
// placeholders, and check finds no error in them.
func TestCmdTemplateEntryIntoBatch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "batch")
	if err := run(context.Background(), []string{"template", "-out", dir}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	defs, err := os.ReadFile(filepath.Join("..", "..", "testdata", "batches", "small", "definitions.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "definitions.xlsx"), defs, 0o644); err != nil {
		t.Fatal(err)
	}
	placeholder, _ := os.ReadFile(filepath.Join(dir, "responses", "entry.xlsx"))
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"template", "-entry", "-batch", dir}, &stdout, &stderr); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	for _, p := range []string{"responses/entry.xlsx", "hearings/hearing_form.xlsx", "hearings/hearing_list.xlsx"} {
		if !strings.Contains(stdout.String(), filepath.Join(dir, filepath.FromSlash(p))) {
			t.Errorf("stdout does not name %s: %q", p, stdout.String())
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "responses", "entry.xlsx")); bytes.Equal(got, placeholder) {
		t.Error("responses/entry.xlsx is still the placeholder")
	}
	// A second run refuses: the books are no longer placeholders.
	if err := run(context.Background(), []string{"template", "-entry", "-batch", dir}, io.Discard, io.Discard); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second run: %v, want fs.ErrExist", err)
	}
	stderr.Reset()
	err = run(context.Background(), []string{"check", "-batch", dir}, io.Discard, &stderr)
	if exitCode(err) != 0 || strings.Contains(stderr.String(), "エラー:") {
		t.Errorf("check: exit %d\n%s", exitCode(err), stderr.String())
	}
}
