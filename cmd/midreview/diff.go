package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"

	"midreview/render"
)

// cmdDiff implements `midreview diff OLD_OUT NEW_OUT [-csv FILE]`; the
// comparison itself is render.Compare.
func cmdDiff(args []string, stdout, stderr io.Writer) error {
	fset := newFlags("diff", stdout)
	csvPath := fset.String("csv", "", "変更点をCSVにも書き出すファイル")
	// Note: flags may follow the folders (`diff old new -csv x.csv`), as staff type them.
	var pos []string
	for len(args) > 0 {
		if err := fset.Parse(args); err != nil {
			return flagError(fset, err)
		}
		args = fset.Args()
		if len(args) > 0 {
			pos = append(pos, args[0])
			args = args[1:]
		}
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: 比較する2つの出力フォルダを指定してください", errUsage)
	}
	d, err := render.Compare(os.DirFS(pos[0]), os.DirFS(pos[1]))
	if err != nil {
		return err
	}
	if err := d.WriteText(stdout); err != nil {
		return err
	}
	if *csvPath != "" {
		var buf bytes.Buffer
		if err := d.WriteCSV(&buf); err != nil {
			return err
		}
		if err := os.WriteFile(*csvPath, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("%s を書き込めません: %w", *csvPath, err)
		}
	}
	return nil
}

// snapshotForDiff keeps in memory what render.Compare needs of the run now in
// out, before the swap replaces it; nil when out holds no previous run.
func snapshotForDiff(out string) fs.FS {
	m := fstest.MapFS{}
	for _, name := range render.ComparedFiles() {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			if name == "manifest.json" {
				return nil
			}
			continue
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}
