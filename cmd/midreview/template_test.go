package main

import (
	"bytes"
	"errors"
	"io"
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
