package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingBatchMessage checks that a batch folder that does not exist stops
// run and check with exit status 1 and a message naming the folder (outputs.md:
// "1 input errors or a bad batch"; messages for people name the file).
func TestMissingBatchMessage(t *testing.T) {
	root := t.TempDir()
	batch := filepath.Join(root, "nope")
	for _, args := range [][]string{
		{"check", "-batch", batch},
		{"run", "-batch", batch, "-out", filepath.Join(root, "out")},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, stderr := runArgs(t, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, batch) {
				t.Errorf("stderr does not name the batch folder %s:\n%q", batch, stderr)
			}
		})
	}
}

// TestFlagDefaults checks the defaults of outputs.md: `-batch .`, `-out out`, for
// every subcommand that has the flag.
func TestFlagDefaults(t *testing.T) {
	tests := []struct {
		cmd, flag, want string
	}{
		{"run", "batch", "."},
		{"run", "out", "out"},
		{"run", "formats", "pdf,xlsx,html,csv,web,opendata"},
		{"check", "batch", "."},
		{"demo", "out", "out"},
		{"sample", "out", "out"},
		{"template", "out", "out"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd+" -"+tt.flag, func(t *testing.T) {
			code, stdout, _ := runOut(t, tt.cmd, "-h")
			if code != 0 {
				t.Fatalf("%s -h: exit %d", tt.cmd, code)
			}
			// printFlagHelp: "  -out DIR\n      …（既定: out）".
			i := strings.Index(stdout, "  -"+tt.flag+" ")
			if i < 0 {
				t.Fatalf("%s -h does not list -%s:\n%s", tt.cmd, tt.flag, stdout)
			}
			rest := stdout[i+len(tt.flag)+3:]
			if j := strings.Index(rest, "\n  -"); j >= 0 {
				rest = rest[:j]
			}
			if want := "（既定: " + tt.want + "）"; !strings.Contains(rest, want) {
				t.Errorf("-%s of %s: %q, want %s", tt.flag, tt.cmd, rest, want)
			}
		})
	}
}

// TestRunOutTrailingSeparator checks that -out with a trailing separator ("out/",
// "out\" as Windows tab completion gives it) is the same folder as "out", both
// for a new and for an existing OUT.
func TestRunOutTrailingSeparator(t *testing.T) {
	batch := smallBatch(t)
	out := filepath.Join(filepath.Dir(batch), "out")
	for i := 0; i < 2; i++ {
		code, stderr := runArgs(t, "run", "-batch", batch, "-out", out+string(filepath.Separator), "-formats", "csv")
		if code != 0 {
			t.Fatalf("run %d: exit %d; stderr:\n%s", i+1, code, stderr)
		}
		got := readTree(t, out)
		for _, p := range []string{"manifest.json", "problems.csv", "data/crosstab.csv"} {
			if _, ok := got[p]; !ok {
				t.Errorf("run %d: %s missing; OUT holds %v", i+1, p, outKeys(got))
			}
		}
		if names := strings.Join(dirNames(t, filepath.Dir(batch)), " "); names != "batch out" {
			t.Errorf("run %d: beside OUT: %s", i+1, names)
		}
	}
}

// TestRunOutHoldsBatch checks that an OUT that is the batch folder or holds it
// is refused as bad usage (exit 2) before anything is written: replacing OUT as a
// whole would delete the input.
func TestRunOutHoldsBatch(t *testing.T) {
	batch := smallBatch(t)
	root := filepath.Dir(batch)
	before := readTree(t, root)
	for _, out := range []string{batch, root, filepath.Join(batch, ".")} {
		t.Run(out, func(t *testing.T) {
			code, stderr := runArgs(t, "run", "-batch", batch, "-out", out, "-formats", "csv")
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			after := readTree(t, root)
			if strings.Join(outKeys(after), " ") != strings.Join(outKeys(before), " ") {
				t.Errorf("files changed:\n%v\nwant\n%v", outKeys(after), outKeys(before))
			}
		})
	}
}

// TestFlagMessage checks that the flag package's errors reach people in Japanese
// and still name the option and value.
func TestFlagMessage(t *testing.T) {
	tests := []struct {
		args []string
		want []string // substrings of the midreview: line
	}{
		{[]string{"run", "-nope"}, []string{"不明なオプション", "-nope"}},
		{[]string{"run", "-batch"}, []string{"値が指定されていません", "-batch"}},
		{[]string{"run", "-allow-errors=maybe"}, []string{"-allow-errors", `"maybe"`}},
		{[]string{"sample", "-respondents", "many"}, []string{"-respondents", `"many"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stderr := runArgs(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			i := strings.LastIndex(stderr, "midreview: ")
			if i < 0 {
				t.Fatalf("no midreview: line in\n%s", stderr)
			}
			line, _, _ := strings.Cut(stderr[i:], "\n")
			for _, w := range tt.want {
				if !strings.Contains(line, w) {
					t.Errorf("%q lacks %q", line, w)
				}
			}
			if strings.Contains(line, "flag") {
				t.Errorf("%q is not in Japanese", line)
			}
		})
	}
}

// TestRunAllowErrorsBadBatch checks that -allow-errors renders around invalid
// answers but not around a bad batch (no readable definitions, no responses):
// that stays exit 1 with OUT untouched and the problems in OUT.problems.csv,
// so the last good handouts survive.
func TestRunAllowErrorsBadBatch(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // batch files; nil: an empty folder
		code  string            // expected problem code in problems.csv
	}{
		{"no definitions", map[string]string{"responses/a.csv": "回答者ID,Q1\nR1,1\n"}, "missing-file"},
		{"corrupt definitions", map[string]string{"definitions.xlsx": "not a zip", "responses/a.csv": "回答者ID,Q1\nR1,1\n"}, "file-unreadable"},
		{"empty folder", nil, "missing-file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			batch := filepath.Join(root, "batch")
			if err := os.MkdirAll(batch, 0o755); err != nil {
				t.Fatal(err)
			}
			for p, data := range tt.files {
				full := filepath.Join(batch, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(root, "out")
			old := oldOut(t, out)
			code, stderr := runArgs(t, "run", "-batch", batch, "-out", out, "-allow-errors", "-formats", "csv")
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
			}
			got := readTree(t, out)
			if strings.Join(outKeys(got), " ") != strings.Join(outKeys(old), " ") {
				t.Errorf("OUT holds %v, want %v", outKeys(got), outKeys(old))
			}
			for p, data := range old {
				if !bytes.Equal(got[p], data) {
					t.Errorf("%s changed", p)
				}
			}
			probs, _ := os.ReadFile(out + ".problems.csv")
			if !bytes.Contains(probs, []byte(","+tt.code+",")) {
				t.Errorf("out.problems.csv lacks %s:\n%s", tt.code, probs)
			}
		})
	}
}

// TestRunOutNotOurs checks that a run never replaces a folder holding other
// files (e.g. `-out .` in a documents folder): exit 2, the files untouched.
func TestRunOutNotOurs(t *testing.T) {
	out := t.TempDir()
	mine := filepath.Join(out, "議事録.docx")
	if err := os.WriteFile(mine, []byte("大事な文書"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"run", "-batch", "../../testdata/batches/small", "-out", out, "-formats", "csv"}, &stdout, &stderr)
	if exitCode(err) != 2 {
		t.Fatalf("exit %d (%v), want 2", exitCode(err), err)
	}
	if data, err := os.ReadFile(mine); err != nil || string(data) != "大事な文書" {
		t.Fatalf("the user's file was touched: %q, %v", data, err)
	}
	ents, _ := os.ReadDir(out)
	if len(ents) != 1 {
		t.Errorf("out holds %d entries, want only the user's file", len(ents))
	}
	// An empty folder, and a folder holding a previous run, are fine.
	empty := t.TempDir()
	for i := 0; i < 2; i++ {
		if err := run(context.Background(), []string{"run", "-batch", "../../testdata/batches/small", "-out", empty, "-formats", "csv"}, &stdout, &stderr); err != nil {
			t.Fatalf("run %d into %s: %v", i+1, empty, err)
		}
	}
}
