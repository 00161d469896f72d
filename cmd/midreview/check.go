package main

import (
	"fmt"
	"io"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/wording"
)

// cmdCheck implements `midreview check [-batch DIR]`: it reads the batch, prints
// every problem and writes nothing. Input errors give exit status 1.
func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fset := newFlags("check", "使い方: midreview check [-batch DIR]", stderr)
	batch := fset.String("batch", ".", "入力バッチのフォルダ")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	setMemoryLimit(checkMemoryLimit)
	b, err := readBatch(*batch)
	if err != nil {
		return err
	}
	// Note: with commentary.xlsx and no other error, the batch is analyzed
	// and its findings worded as a run words them (wording.Check, the rules
	// render.Build applies too), so that a stale row is reported here too;
	// the View is not built.
	if b.Commentary != nil && !ingest.HasErrors(b.Problems) {
		b.AddProblems(wording.Check(b, analyze.Run(b).Findings)...)
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
