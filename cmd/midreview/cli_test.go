package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
)

// runOut runs args and returns the exit status, stdout and stderr.
func runOut(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := exitCode(run(context.Background(), args, &stdout, &stderr))
	return code, stdout.String(), stderr.String()
}

// TestHelpEveryCommand checks that -h on every subcommand prints its help to
// stdout with exit status 0, and that `help COMMAND` prints the same text.
func TestHelpEveryCommand(t *testing.T) {
	for _, c := range commands {
		if c.name == "help" || c.name == "version" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runOut(t, c.name, "-h")
			if code != 0 || errOut != "" {
				t.Fatalf("%s -h: exit %d, stderr %q; want 0 and nothing", c.name, code, errOut)
			}
			if !strings.HasPrefix(out, "使い方: midreview "+c.name) || !strings.Contains(out, "オプション:") {
				t.Errorf("%s -h printed\n%s", c.name, out)
			}
			code, help, _ := runOut(t, "help", c.name)
			if code != 0 || help != out {
				t.Errorf("help %s: exit %d\n%s\nwant the -h text\n%s", c.name, code, help, out)
			}
		})
	}
}

// TestHelpMatchesFlags checks that each command's synopsis (which the overview
// prints) names exactly the flags its flag set defines, so that `midreview
// help` cannot omit a flag such as template -from or diff -csv.
func TestHelpMatchesFlags(t *testing.T) {
	flagLine := regexp.MustCompile(`(?m)^  -([a-z-]+)`)
	synFlag := regexp.MustCompile(`-([a-z][a-z-]*)`)
	_, overview, _ := runOut(t, "help")
	for _, c := range commands {
		if c.name == "help" || c.name == "version" {
			continue
		}
		_, out, _ := runOut(t, c.name, "-h")
		defined := map[string]bool{}
		for _, m := range flagLine.FindAllStringSubmatch(out, -1) {
			defined[m[1]] = true
		}
		named := map[string]bool{}
		for _, l := range c.synopsisLines() {
			if !strings.Contains(overview, l) {
				t.Errorf("the overview lacks %q", l)
			}
			for _, m := range synFlag.FindAllStringSubmatch(strings.TrimPrefix(l, "midreview "+c.name), -1) {
				named[m[1]] = true
			}
		}
		for f := range defined {
			if !named[f] {
				t.Errorf("%s: flag -%s is not in the synopsis %q", c.name, f, c.synopsis)
			}
		}
		for f := range named {
			if !defined[f] {
				t.Errorf("%s: the synopsis names -%s, which the command does not define", c.name, f)
			}
		}
	}
	for _, want := range []string{"template -from FILE", "diff [-csv FILE]", "midreview version"} {
		if !strings.Contains(overview, want) {
			t.Errorf("the overview lacks %q", want)
		}
	}
}

// TestUsageSuggestions checks the messages that suggest the fix: the nearest
// flag for a mistyped one, -batch for a folder given without it, the nearest
// subcommand.
func TestUsageSuggestions(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "-bach", "x"}, "不明なオプションです: -bach（もしかして -batch ?）"},
		{[]string{"check", "-batchh", "x"}, "（もしかして -batch ?）"},
		{[]string{"template", "-entyr"}, "（もしかして -entry ?）"},
		{[]string{"run", "base"}, "-batch を付けてください（例: midreview run -batch base）"},
		{[]string{"check", "base"}, "-batch を付けてください（例: midreview check -batch base）"},
		{[]string{"demo", "d"}, "-out を付けてください"},
		{[]string{"template", "new"}, "-out を付けてください（例: midreview template -out new）"},
		{[]string{"chek"}, "不明なサブコマンドです: \"chek\"（もしかして check ?）"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runOut(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr\n%s\nlacks %q", errOut, tt.want)
			}
			if strings.Contains(errOut, "flag provided") || out != "" {
				t.Errorf("English flag text or stdout output: stdout %q stderr %q", out, errOut)
			}
		})
	}
}

// TestVersion checks that `midreview version` prints the version and the Go
// version, and that version -h and help -h print their help with exit 0.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version", "-h"}, {"help", "-h"}, {"help", "version"}} {
		if code, out, errOut := runOut(t, args...); code != 0 || !strings.Contains(out, "使い方") || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	code, out, _ := runOut(t, "version")
	if code != 0 || !strings.HasPrefix(out, "midreview "+Version+"（コミット ") || !strings.Contains(out, goVersion) {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

// Note: manifest.json records the Go version; the goldens hold this one.
func init() { goVersion = "go-test" }
