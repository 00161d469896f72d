package batchgen

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// A file is one file of a generated batch: its slash path below the batch
// folder and the function that writes its bytes.
type file struct {
	name  string
	write func(io.Writer) error
}

// writeFiles creates the folders dirs below dir, then writes files there one at
// a time, replacing files of the same names.
func writeFiles(dir string, dirs []string, files []file) error {
	for _, sub := range dirs {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(f.name)), f.write); err != nil {
			return fmt.Errorf("writing %s: %w", f.name, err)
		}
	}
	return nil
}

// writeFile creates path and writes it with write.
func writeFile(path string, write func(io.Writer) error) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(fh); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// mapFiles returns files in memory, with the folders dirs (which may be empty).
func mapFiles(dirs []string, files []file) (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	for _, d := range dirs {
		if d != "" {
			fsys[d] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
		}
	}
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			return nil, fmt.Errorf("writing %s: %w", f.name, err)
		}
		fsys[f.name] = &fstest.MapFile{Data: buf.Bytes(), Mode: 0o644}
	}
	return fsys, nil
}

// A csvWriter is what writeCSVRecord writes to: a bufio.Writer or a
// bytes.Buffer, whose errors are checked when it is flushed or not at all.
type csvWriter interface {
	io.ByteWriter
	io.StringWriter
}

// writeCSVRecord writes cells as one CSV record ending in CRLF, as Excel writes
// it: a cell holding a comma, a double quote, CR or LF is quoted, its quotes
// doubled; other cells are written as they are.
func writeCSVRecord(w csvWriter, cells []string) {
	for i, c := range cells {
		if i > 0 {
			w.WriteByte(',')
		}
		if strings.ContainsAny(c, ",\"\r\n") {
			c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
		}
		w.WriteString(c)
	}
	w.WriteString("\r\n")
}
