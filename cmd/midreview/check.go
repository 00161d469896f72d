package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/wording"
)

// cmdCheck implements `midreview check [-batch DIR] [-out DIR]`: it reads the
// batch, prints the problems and writes the full list to OUT.problems.csv
// beside OUT, as a run stopped by them would (none: an old list is removed);
// OUT itself is never touched. Input errors give exit status 1.
func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fset := newFlags("check", stdout)
	batch := fset.String("batch", ".", "入力バッチのフォルダ")
	out := fset.String("out", "out", "出力フォルダ（問題の一覧をその横の 出力フォルダ名.problems.csv に書き出します）")
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
	// view.Build applies too), so that a stale row is reported here too;
	// the View is not built.
	if b.Commentary != nil && !ingest.HasErrors(b.Problems) {
		b.AddProblems(wording.Check(b, analyze.Run(b).Findings)...)
	}
	file := problemsPath(*out)
	printProblemsTo(stderr, b.Problems, file)
	if err := checkProblemsFile(filepath.Clean(*out), b.Problems, stderr); err != nil {
		fmt.Fprintf(stderr, "警告: %v\n", err)
	} else if len(b.Problems) > 0 {
		fmt.Fprintf(stderr, "問題の一覧を %s に書き出しました。\n", file)
	}
	if ingest.HasErrors(b.Problems) {
		fmt.Fprintln(stderr, nextStep)
		return errInput
	}
	msg := fmt.Sprintf("入力エラーはありません（有効回答 %d 票、ヒアリング %d 団体）。", len(b.Current.Respondents), len(b.Hearings))
	if n := len(b.Problems); n > 0 {
		msg += fmt.Sprintf("警告が %d 件あります。上の一覧を確認してください。", n)
	}
	fmt.Fprintln(stdout, msg)
	return nil
}

// checkProblemsFile writes check's problems to OUT.problems.csv, or removes an
// old one when there are none; it takes OUT's lock for it, so that it never
// races a run of the same OUT.
func checkProblemsFile(out string, ps []ingest.Problem, stderr io.Writer) error {
	lk, err := acquireOut(out, stderr)
	if err != nil {
		return err
	}
	defer lk.release()
	if len(ps) == 0 {
		if err := os.Remove(lk.problems); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	return lk.writeProblems(ps)
}
