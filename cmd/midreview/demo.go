package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"midreview/internal/batchgen"
	"midreview/render"
)

// cmdDemo implements `midreview demo [-out DIR]`: a sample batch in DIR/batch,
// run into DIR/out.
func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := newFlags("demo", stdout)
	dir := fset.String("out", "out", "サンプルバッチ（batch）と出力（out）を置くフォルダ")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	return demo(ctx, *dir, batchgen.Options{}, stdout, stderr)
}

// demo writes a sample batch of the given size (zero fields: sample defaults)
// to dir/batch and runs it into dir/out with every format.
func demo(ctx context.Context, dir string, opt batchgen.Options, stdout, stderr io.Writer) error {
	formats := map[string]bool{}
	for _, f := range render.Formats() {
		formats[f] = true
	}
	if err := checkAssets(formats); err != nil {
		return err
	}
	batch := filepath.Join(dir, "batch")
	if err := batchgen.Sample(batch, opt); err != nil {
		return fmt.Errorf("サンプルバッチを作れません: %w", err)
	}
	fmt.Fprintf(stdout, "サンプルバッチを作成しました: %s\n", batch)
	return runBatch(ctx, runOptions{Batch: batch, Out: filepath.Join(dir, "out"), Formats: formats}, stdout, stderr)
}
