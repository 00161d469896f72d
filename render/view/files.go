package view

import (
	"fmt"
	"io"
	"strings"
)

// The files of an output folder, and their names.

// An Output is one file of an output folder: its slash path inside OUT and the
// function that writes its bytes.
type Output struct {
	Path  string
	Write func(w io.Writer) error
}

// DistrictFile is the path of the i-th district's handout (0-based, sheet
// order): districts/NN_地区名.pdf, NN 1-based.
func DistrictFile(i int, name string) string {
	return fmt.Sprintf("districts/%02d_%s.pdf", i+1, SanitizeName(name))
}

// SanitizeName makes a district name safe as a file name on Windows, macOS and
// Linux: path separators, control characters and characters Windows reserves
// become _, and trailing dots and spaces (which Windows drops) are removed.
func SanitizeName(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 60 {
			break // Note: keeps paths well under Windows' 260-character limit.
		}
		switch {
		case r < 0x20, r == 0x7f, strings.ContainsRune(`/\:*?"<>|`, r):
			r = '_'
		}
		b.WriteRune(r)
		n++
	}
	out := strings.TrimRight(strings.TrimSpace(b.String()), ". ")
	if out == "" {
		return "地区"
	}
	return out
}
