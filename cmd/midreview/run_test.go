package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"midreview/internal/batchgen"
)

// runArgs runs the command line and returns the exit status and stderr.
func runArgs(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := exitCode(run(context.Background(), args, &stdout, &stderr))
	return code, stderr.String()
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no subcommand", nil, 2},
		{"unknown subcommand", []string{"bogus"}, 2},
		{"unknown flag", []string{"run", "-nope"}, 2},
		{"bad format", []string{"run", "-formats", "pdf,doc"}, 2},
		{"empty formats", []string{"run", "-formats", ","}, 2},
		{"extra argument", []string{"run", "extra"}, 2},
		{"check extra argument", []string{"check", "a", "b"}, 2},
		{"demo unknown flag", []string{"demo", "-x"}, 2},
		{"diff not implemented", []string{"diff", "a", "b"}, 2},
		{"help", []string{"help"}, 0},
		{"run -h", []string{"run", "-h"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, stderr := runArgs(t, tt.args...); got != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, tt.want, stderr)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errInput, 1},
		{errors.Join(errors.New("x"), errInput), 1},
		{errUsage, 2},
		{errors.New("disk full"), 2},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func outKeys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// oldOut creates OUT with a previous run's report.pdf and problems.csv.
func oldOut(t *testing.T, out string) map[string][]byte {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(out, "districts"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := map[string][]byte{
		"report.pdf":          []byte("%PDF-1.4 previous good handout"),
		"problems.csv":        []byte("old problems"),
		"districts/01_日吉.pdf": []byte("%PDF-1.4 previous district"),
	}
	for p, data := range old {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return old
}

func TestRunInputErrors(t *testing.T) {
	root := t.TempDir()
	batch := filepath.Join(root, "batch")
	out := filepath.Join(root, "out")
	// A batch without definitions.xlsx: a missing-file error.
	if err := os.MkdirAll(filepath.Join(batch, "responses"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := oldOut(t, out)

	code, stderr := runArgs(t, "run", "-batch", batch, "-out", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	// Issue 30: OUT is byte-identical, its problems.csv included; the
	// problems go to OUT.problems.csv beside it, which the message names.
	got := readTree(t, out)
	if keys := strings.Join(outKeys(got), " "); keys != "districts/01_日吉.pdf problems.csv report.pdf" {
		t.Errorf("OUT holds %s; want only the previous files (no temporary files)", keys)
	}
	for p, data := range old {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s changed: %q", p, got[p])
		}
	}
	probs, err := os.ReadFile(out + ".problems.csv")
	if err != nil || !bytes.HasPrefix(probs, []byte("\uFEFFseverity,code,")) || !bytes.Contains(probs, []byte(",missing-file,definitions.xlsx,")) {
		t.Errorf("out.problems.csv (%v):\n%s", err, probs)
	}
	if !strings.Contains(stderr, out+".problems.csv") {
		t.Errorf("the message does not name out.problems.csv:\n%s", stderr)
	}
	if names := dirNames(t, root); strings.Join(names, " ") != "batch out out.problems.csv" {
		t.Errorf("left beside OUT: %v", names)
	}

	// check prints the same problem, writes the same list beside OUT, leaves
	// OUT alone and exits 1.
	before := readTree(t, out)
	os.Remove(out + ".problems.csv")
	code, stderr = runArgs(t, "check", "-batch", batch, "-out", out)
	if code != 1 || !strings.Contains(stderr, "definitions.xlsx") {
		t.Errorf("check: exit %d, stderr:\n%s", code, stderr)
	}
	if after := readTree(t, out); !reflect.DeepEqual(after, before) {
		t.Error("check wrote to OUT")
	}
	if probs2, err := os.ReadFile(out + ".problems.csv"); err != nil || !bytes.Equal(probs2, probs) {
		t.Errorf("check's out.problems.csv differs from run's (%v):\n%s", err, probs2)
	}
	if names := dirNames(t, root); strings.Join(names, " ") != "batch out out.problems.csv" {
		t.Errorf("left beside OUT after check: %v", names)
	}

	// A batch folder that does not exist is a bad batch: exit 1, nothing written.
	code, _ = runArgs(t, "run", "-batch", filepath.Join(root, "nope"), "-out", filepath.Join(root, "out2"))
	if code != 1 {
		t.Errorf("missing batch: exit %d, want 1", code)
	}
	if _, err := os.Stat(filepath.Join(root, "out2")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("missing batch: OUT was created")
	}
}

// smallSample is the sample size of the end-to-end tests (fast, still 13 districts).
var smallSample = batchgen.Options{Respondents: 300, Hearings: 8, Seed: 1}

func TestRunFailingWriteKeepsOut(t *testing.T) {
	root := t.TempDir()
	batch := filepath.Join(root, "batch")
	out := filepath.Join(root, "out")
	if err := batchgen.Sample(batch, smallSample); err != nil {
		t.Fatal(err)
	}
	old := oldOut(t, out)
	for _, failOn := range []string{"data/keywords.csv", "manifest.json"} {
		t.Run(failOn, func(t *testing.T) {
			beforeWrite = func(p string) error {
				if p == failOn {
					return errors.New("disk full")
				}
				return nil
			}
			defer func() { beforeWrite = func(string) error { return nil } }()
			// csv only: the failure points are CSV-side and PDFs are slow.
			code, stderr := runArgs(t, "run", "-batch", batch, "-out", out, "-allow-errors", "-formats", "csv")
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			got := readTree(t, out)
			if len(got) != len(old) {
				t.Errorf("OUT holds %v, want the previous files only", outKeys(got))
			}
			for p, data := range old {
				if !bytes.Equal(got[p], data) {
					t.Errorf("%s changed", p)
				}
			}
			if names := dirNames(t, root); strings.Join(names, " ") != "batch out" {
				t.Errorf("temporary folder left beside OUT: %v", names)
			}
		})
	}
}

func TestDemoDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run")
	}
	var trees [2]map[string][]byte
	for i := range trees {
		dir := filepath.Join(t.TempDir(), "demo")
		var stdout, stderr bytes.Buffer
		err := demo(context.Background(), dir, smallSample, &stdout, &stderr)
		if err != nil {
			t.Fatalf("demo %d: %v\nstderr:\n%s", i, err, stderr.String())
		}
		trees[i] = readTree(t, filepath.Join(dir, "out"))
	}
	a, b := trees[0], trees[1]
	if ka, kb := strings.Join(outKeys(a), "\n"), strings.Join(outKeys(b), "\n"); ka != kb {
		t.Fatalf("file lists differ:\n%s\n---\n%s", ka, kb)
	}
	for _, p := range outKeys(a) {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	for _, p := range []string{"problems.csv", "manifest.json", "data/crosstab.csv", "data/indicators.csv"} {
		if _, ok := a[p]; !ok {
			t.Errorf("%s missing", p)
		}
	}
	// manifest.json lists every other file with its hash, sorted by path.
	var m struct {
		Outputs []struct {
			Path   string
			SHA256 string
			Size   int64
		}
	}
	if err := json.Unmarshal(a["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, o := range m.Outputs {
		listed = append(listed, o.Path)
		if int64(len(a[o.Path])) != o.Size {
			t.Errorf("manifest size of %s: %d, file has %d", o.Path, o.Size, len(a[o.Path]))
		}
	}
	var files []string
	for _, p := range outKeys(a) {
		if p != "manifest.json" {
			files = append(files, p)
		}
	}
	if strings.Join(listed, " ") != strings.Join(files, " ") {
		t.Errorf("manifest outputs %v, files %v", listed, files)
	}
}
