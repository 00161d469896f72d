package main

import (
	"flag"
	"fmt"
	"io"

	"midreview/ingest"
)

// cmdCheck implements `midreview check [-batch DIR]`: it reads the batch, prints
// every problem and writes nothing. Input errors give exit status 1.
func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(stderr)
	batch := fset.String("batch", ".", "入力バッチのフォルダ")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "使い方: midreview check [-batch DIR]")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("%w: 余分な引数があります: %q", errUsage, fset.Arg(0))
	}
	b, err := readBatch(*batch)
	if err != nil {
		return err
	}
	printProblems(stderr, b.Problems)
	if ingest.HasErrors(b.Problems) {
		return errInput
	}
	msg := fmt.Sprintf("入力エラーはありません（有効回答 %d 票、ヒアリング %d 団体）。", len(b.Current.Respondents), len(b.Hearings))
	if n := len(b.Problems); n > 0 {
		msg += fmt.Sprintf("警告が %d 件あります。上の一覧を確認してください。", n)
	}
	fmt.Fprintln(stdout, msg)
	return nil
}
