package main

import (
	"fmt"
	"io"

	"midreview/internal/batchgen"
)

// cmdTemplate runs `midreview template [-out DIR]`.
func cmdTemplate(args []string, stdout, stderr io.Writer) error {
	fset := newFlags("template", "使い方: midreview template [-out DIR]", stderr)
	out := fset.String("out", "out", "テンプレートを書き出すフォルダ")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if err := batchgen.Template(*out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "入力テンプレートを作成しました: %s\n", *out)
	return nil
}
