package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestCmdTemplateFrom drafts definitions.xlsx from the webform batch's Google
// Forms CSV with a district list, checks the drafted batch, refuses to
// overwrite, and refuses bad flag combinations and unreadable files.
func TestCmdTemplateFrom(t *testing.T) {
	web := filepath.Join("..", "..", "testdata", "batches", "webform")
	tmp := t.TempDir()
	list := filepath.Join(tmp, "districts.txt")
	if err := os.WriteFile(list, []byte("北,北部\n中央\n南,南町１丁目\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	batch := filepath.Join(tmp, "batch")
	from := filepath.Join(web, "google", "google.csv")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"template", "-from", from, "-districts", list, "-out", batch}, &stdout, &stderr); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(batch, "responses"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(batch, "responses", "google.csv"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if err := run(context.Background(), []string{"check", "-batch", batch, "-out", filepath.Join(t.TempDir(), "out")}, io.Discard, &stderr); err != nil {
		t.Errorf("check on the drafted batch: %v\n%s", err, stderr.String())
	}
	if err := run(context.Background(), []string{"template", "-from", from, "-out", batch}, io.Discard, io.Discard); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second draft: err = %v, want fs.ErrExist", err)
	}
	for _, args := range [][]string{
		{"-from", from, "-entry"},
		{"-districts", list},
	} {
		if err := cmdTemplate(args, io.Discard, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want errUsage", args, err)
		}
	}
	for _, args := range [][]string{
		{"-from", filepath.Join(tmp, "none.csv"), "-out", filepath.Join(tmp, "x")},
		{"-from", from, "-districts", filepath.Join(tmp, "none.txt"), "-out", filepath.Join(tmp, "y")},
		{"-from", list + ".xlsx", "-out", filepath.Join(tmp, "z")},
	} {
		if err := cmdTemplate(args, io.Discard, io.Discard); !errors.Is(err, errInput) {
			t.Errorf("%v: err = %v, want errInput", args, err)
		}
	}
}
