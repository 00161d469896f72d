package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"midreview/render"
)

// The crash tests run `midreview run` in a child process (this test binary,
// TestKillHelper) that kills itself at a chosen point, deterministically:
//
//	write:N      before the N-th output is written (SIGKILL)
//	write:last   before manifest.json
//	swap:old     between the swap's two renames (OUT is missing)
//	swap:new     after the new OUT is in place, before the old one is removed
//	term:N/int:N SIGTERM / SIGINT to itself before the N-th output
const killEnv = "MIDREVIEW_TEST_KILL"

// TestKillHelper is the child process of the crash tests; it does nothing in
// a normal test run.
func TestKillHelper(t *testing.T) {
	at := os.Getenv(killEnv)
	if at == "" {
		t.Skip("child process of the crash tests")
	}
	self, _ := os.FindProcess(os.Getpid())
	kill := func(sig os.Signal) {
		self.Signal(sig)
		// Note: the signal ends the process; waiting here keeps the run from
		// going on meanwhile (no assertion depends on time).
		time.Sleep(time.Minute)
	}
	kind, arg, _ := strings.Cut(at, ":")
	n := 0
	beforeWrite = func(p string) error {
		n++
		switch {
		case kind == "write" && arg == "last" && p == "manifest.json",
			kind == "write" && arg == strconv.Itoa(n):
			kill(os.Kill)
		case kind == "term" && arg == strconv.Itoa(n):
			kill(syscall.SIGTERM)
		case kind == "int" && arg == strconv.Itoa(n):
			kill(os.Interrupt)
		}
		return nil
	}
	swapHook = func(stage string) {
		if kind == "swap" && arg == stage {
			kill(os.Kill)
		}
	}
	args := strings.Split(os.Getenv(killEnv+"_ARGS"), "\x1f")
	os.Exit(exitCode(run(t.Context(), args, os.Stdout, os.Stderr)))
}

// runKilled runs `midreview args…` in a child process killed at point at and
// returns its exit status (-1 for a kill) and stderr.
func runKilled(t *testing.T, at string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
	cmd.Env = append(os.Environ(), killEnv+"="+at, killEnv+"_ARGS="+strings.Join(args, "\x1f"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// debris lists what runs left beside OUT in dir:
// .midreview-* files and folders, *.old-* folders.
func debris(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, name := range dirNames(t, dir) {
		if strings.HasPrefix(name, ".midreview-") || strings.Contains(name, ".old-") || strings.HasPrefix(name, "excelize-") {
			out = append(out, name)
		}
	}
	return out
}

// checkManifest checks that OUT holds exactly the files its manifest lists,
// with their SHA-256 and size.
func checkManifest(t *testing.T, out string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m render.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	delete(tree, "manifest.json")
	if len(tree) != len(m.Outputs) {
		t.Errorf("OUT holds %d files, its manifest lists %d", len(tree), len(m.Outputs))
	}
	for _, o := range m.Outputs {
		sum := sha256.Sum256(tree[o.Path])
		if hex.EncodeToString(sum[:]) != o.SHA256 || int64(len(tree[o.Path])) != o.Size {
			t.Errorf("%s does not match its manifest", o.Path)
		}
	}
}

// TestKilledRuns kills runs at several points (before the first, a middle
// and the last output, between the swap's renames, after the swap, and by
// SIGTERM and SIGINT), each into an OUT holding a good earlier run: after the
// kill OUT is whole or, killed between the renames, restored at the next
// start; one normal run then leaves no .midreview-*, *.old-* or excelize-*
// file and an OUT that matches its manifest.
func TestKilledRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	root := t.TempDir()
	out := filepath.Join(root, "out")
	tmp := filepath.Join(root, "tmp") // the children's system temp folder
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp)
	args := []string{"run", "-batch", e2eSmall, "-out", out, "-formats", "csv,xlsx"}
	e2eMustRun(t, 0, args...)
	good := readTree(t, out)

	for _, at := range []string{"write:1", "write:3", "write:8", "write:last", "swap:old", "swap:new", "term:2", "int:5"} {
		t.Run(at, func(t *testing.T) {
			code, stderr := runKilled(t, at, args...)
			switch {
			case strings.HasPrefix(at, "term") || strings.HasPrefix(at, "int"):
				// A signal is handled: the run cleans up and exits 2.
				if code != 2 || !strings.Contains(stderr, "中断しました") {
					t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
				}
				if d := debris(t, root); len(d) > 0 {
					t.Errorf("left after %s: %v", at, d)
				}
			case code != -1 && code != 137:
				t.Fatalf("exit %d, want a kill; stderr:\n%s", code, stderr)
			}
			if at == "swap:old" {
				if _, err := os.Lstat(out); err == nil {
					t.Fatal("OUT present after a kill between the renames: the test does not test that case")
				}
			} else if got := readTree(t, out); !equalTrees(got, good) {
				t.Errorf("OUT changed by the killed run")
			}
			var so, se bytes.Buffer
			if code := exitCode(run(t.Context(), args, &so, &se)); code != 0 {
				t.Fatalf("the next run: exit %d\n%s", code, se.String())
			}
			if at == "swap:old" && !strings.Contains(se.String(), "戻しました") {
				t.Errorf("the next run did not say it restored OUT:\n%s", se.String())
			}
			if d := debris(t, root); len(d) > 0 {
				t.Errorf("left after the next run: %v", d)
			}
			if names := dirNames(t, tmp); len(names) > 0 {
				t.Errorf("left in the system temp folder: %v", names)
			}
			checkManifest(t, out)
			if got := readTree(t, out); !equalTrees(got, good) {
				t.Errorf("the next run's OUT differs from the first run's")
			}
		})
	}
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// TestRecoverBetweenRenames builds the state a kill between the swap's two
// renames leaves (OUT missing, the previous OUT at OUT.old-midreview, the new
// one in the run's work folder) and checks that taking the lock restores the
// previous OUT byte for byte and removes the rest; so does a folder left by a
// version before the lock (OUT.old-DIGITS holding a manifest.json).
func TestRecoverBetweenRenames(t *testing.T) {
	for _, oldName := range []string{"out.old-midreview", "out.old-123456789"} {
		t.Run(oldName, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "out")
			prev := map[string]string{"manifest.json": "{}", "report.pdf": "%PDF previous", "data/a.csv": "a"}
			for p, data := range prev {
				full := filepath.Join(root, oldName, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			work := filepath.Join(root, ".midreview-out.work", "out")
			os.MkdirAll(work, 0o755)
			os.WriteFile(filepath.Join(work, "report.pdf"), []byte("%PDF new, half written"), 0o644)

			var stderr bytes.Buffer
			lk, err := acquireOut(out, &stderr)
			if err != nil {
				t.Fatal(err)
			}
			got := readTree(t, out)
			if len(got) != len(prev) {
				t.Errorf("restored OUT holds %v", outKeys(got))
			}
			for p, data := range prev {
				if string(got[p]) != data {
					t.Errorf("%s = %q, want %q", p, got[p], data)
				}
			}
			if !strings.Contains(stderr.String(), "戻しました") {
				t.Errorf("no message: %q", stderr.String())
			}
			lk.release()
			if d := debris(t, root); len(d) > 0 {
				t.Errorf("left: %v", d)
			}
		})
	}
}

// TestSecondRunRefused holds OUT's lock as a live run would and checks that a
// second run (and check) refuses with a message naming the holder's pid and
// host, without touching OUT, the holder's folder or its lock; once released,
// the run goes through.
func TestSecondRunRefused(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	lk, err := acquireOut(out, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if err := lk.prepare(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	code, stderr := runArgs(t, "run", "-batch", e2eSmall, "-out", out, "-formats", "csv")
	if code != 2 || !strings.Contains(stderr, fmt.Sprintf("pid %d", os.Getpid())) || !strings.Contains(stderr, host) {
		t.Errorf("second run: exit %d, want 2 naming pid %d and host %s; stderr:\n%s", code, os.Getpid(), host, stderr)
	}
	if _, err := os.Stat(lk.newOut()); err != nil {
		t.Errorf("the second run removed the live run's folder: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the second run wrote OUT")
	}
	if code, stderr := runArgs(t, "check", "-batch", e2eSmall, "-out", out); code != 0 || !strings.Contains(stderr, "使っています") {
		t.Errorf("check: exit %d; stderr:\n%s", code, stderr)
	}
	lk.release()
	if code, stderr := runArgs(t, "run", "-batch", e2eSmall, "-out", out, "-formats", "csv"); code != 0 {
		t.Fatalf("after release: exit %d\n%s", code, stderr)
	}
	names := dirNames(t, root)
	sort.Strings(names)
	if strings.Join(names, " ") != "out" {
		t.Errorf("beside OUT: %v", names)
	}
}

// TestProblemsFileRemoved checks that a successful run removes the
// OUT.problems.csv of an earlier stopped run, and a stopped run leaves OUT
// and its manifest byte-identical.
func TestProblemsFileRemoved(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", out, "-formats", "csv")
	good := readTree(t, out)
	e2eMustRun(t, 1, "run", "-batch", e2eMessy, "-out", out, "-formats", "csv")
	if got := readTree(t, out); !equalTrees(got, good) {
		t.Error("a stopped run changed OUT")
	}
	if _, err := os.Stat(out + ".problems.csv"); err != nil {
		t.Fatal(err)
	}
	e2eMustRun(t, 0, "run", "-batch", e2eSmall, "-out", out, "-formats", "csv")
	if _, err := os.Stat(out + ".problems.csv"); err == nil {
		t.Error("out.problems.csv left after a successful run")
	}
	checkManifest(t, out)
}
