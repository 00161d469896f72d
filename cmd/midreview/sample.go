package main

import (
	"fmt"
	"io"

	"midreview/internal/batchgen"
)

// cmdSample runs `midreview sample [-out DIR] [-respondents N] [-hearings N] [-seed S] [-questions N -freetext N]`.
func cmdSample(args []string, stdout, stderr io.Writer) error {
	fset := newFlags("sample", stdout)
	out := fset.String("out", "out", "サンプルバッチを書き出すフォルダ")
	n := fset.Int("respondents", batchgen.DefaultRespondents, "回答者数")
	h := fset.Int("hearings", batchgen.DefaultHearings, "ヒアリング団体数")
	seed := fset.Int64("seed", batchgen.DefaultSeed, "乱数の種（同じ種なら同じファイル）")
	nq := fset.Int("questions", 0, "設問数（既定 14。大きくすると Q11 の後に設問を足す。性能測定用）")
	nfa := fset.Int("freetext", 0, "そのうち自由記述の設問数（-questions と使う）")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if *n < 1 || *n > 10_000_000 {
		return fmt.Errorf("%w: -respondents は 1〜10000000 で指定してください: %d", errUsage, *n)
	}
	if *h < 0 || *h > 10_000 {
		return fmt.Errorf("%w: -hearings は 0〜10000 で指定してください: %d", errUsage, *h)
	}
	if *nq < 0 || *nq > 1000 || *nfa < 0 || *nfa > *nq {
		return fmt.Errorf("%w: -questions は 0〜1000、-freetext は 0〜設問数で指定してください: %d, %d", errUsage, *nq, *nfa)
	}
	opt := batchgen.Options{Respondents: *n, Hearings: *h, Seed: *seed, Questions: *nq, FreeText: *nfa}
	if *h == 0 {
		opt.Hearings = -1 // none; zero would mean the default
	}
	if err := batchgen.Sample(*out, opt); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "サンプルバッチを作成しました: %s（回答者 %d人、ヒアリング %d団体、乱数の種 %d）\n",
		*out, *n, *h, *seed)
	return nil
}
