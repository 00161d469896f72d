package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// cmdTemplate runs `midreview template [-out DIR]` and
// `midreview template -entry -batch DIR [-out FILE]`.
func cmdTemplate(args []string, stdout, stderr io.Writer) error {
	fset := newFlags("template", stdout)
	out := fset.String("out", "out", "書き出すフォルダ（-entry では入力用ブックのファイル名 .xlsx も可）")
	entry := fset.Bool("entry", false, "definitions.xlsx から入力用ブック（回答・ヒアリング）を作る")
	batch := fset.String("batch", ".", "-entry で読む definitions.xlsx のあるフォルダ")
	from := fset.String("from", "", "回答ファイル（.xlsx / .csv）から definitions.xlsx の下書きを作る")
	districts := fset.String("districts", "", "-from で地区の設問を見分ける地区リスト（1行に 地区名,別名,町名…）")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if *from != "" {
		if *entry {
			return fmt.Errorf("%w: -from と -entry は同時に指定できません", errUsage)
		}
		return templateFrom(*from, *districts, *out, stdout, stderr)
	}
	if *districts != "" {
		return fmt.Errorf("%w: -districts は -from と一緒に指定します", errUsage)
	}
	batchSet, outSet := false, false
	fset.Visit(func(f *flag.Flag) {
		batchSet = batchSet || f.Name == "batch"
		outSet = outSet || f.Name == "out"
	})
	if *entry {
		// Note: without -out the books go where the batch reads them.
		dest := ""
		if outSet {
			dest = *out
		}
		return templateEntry(*batch, dest, stdout, stderr)
	}
	if batchSet {
		return fmt.Errorf("%w: -batch は -entry と一緒に指定します", errUsage)
	}
	if err := batchgen.Template(*out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "入力テンプレートを作成しました: %s\n", *out)
	return nil
}

// templateEntry reads batch/definitions.xlsx and writes the entry workbooks to
// out: a folder, one .xlsx (the survey's book only), or "" for the batch's own
// responses/, hearings/ and progress/. Problems in the definitions are
// printed; errors refuse (exit 1).
func templateEntry(batch, out string, stdout, stderr io.Writer) error {
	if st, err := os.Stat(batch); err != nil || !st.IsDir() {
		return fmt.Errorf("%w: 入力バッチのフォルダが見つかりません: %s（-batch に definitions.xlsx のあるフォルダを指定してください）", errInput, batch)
	}
	b, err := ingest.ReadDefinitions(os.DirFS(batch))
	if err != nil {
		return fmt.Errorf("定義ファイルを読み込めません: %w", err)
	}
	printProblems(stderr, b.Problems)
	if ingest.HasErrors(b.Problems) {
		return errInput
	}
	books, err := batchgen.Entry(b)
	if err != nil {
		return err
	}
	var paths []string
	if out == "" {
		paths, err = batchgen.WriteEntryBatch(books, batch)
	} else {
		paths, err = batchgen.WriteEntry(books, out)
	}
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintf(stdout, "入力用ブックを作成しました: %s\n", p)
	}
	if len(paths) < len(books) {
		fmt.Fprintf(stdout, "-out にファイル名を指定したため、アンケートの入力用ブックだけを作りました（ほかの %d 冊は -out にフォルダを指定するか、-out を省くとバッチのフォルダに作ります）\n", len(books)-len(paths))
	}
	return nil
}
