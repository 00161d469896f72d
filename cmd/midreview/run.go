package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render"
)

// errInput marks a run stopped by input errors (exit status 1); the problems have
// already been printed and written to problems.csv.
var errInput = errors.New("input errors")

// errUsage marks a command-line usage error; main exits with status 2 for it.
var errUsage = errors.New("usage")

// usage is the overview printed by `midreview help`.
const usage = `midreview — 地域福祉保健計画 中間振り返りの集計・資料作成

使い方:
  midreview run      [-batch DIR] [-out DIR] [-allow-errors] [-font FILE] [-formats pdf,xlsx,html,csv,web,opendata]
  midreview check    [-batch DIR]       入力を検査して問題を表示します（何も書き出しません）
  midreview demo     [-out DIR]         サンプルバッチを DIR/batch に作り、DIR/out に出力します
  midreview sample   [-out DIR] [-respondents N] [-hearings N] [-seed S]
  midreview template [-out DIR]         空の入力フォルダ（定義・入力様式）を作ります
  midreview template -entry [-batch DIR] [-out FILE]  定義から入力用ブック（回答・ヒアリング）を作ります
  midreview diff     OLD_OUT NEW_OUT    2回の出力の違いを表示します
  midreview help                        この説明を表示します

終了コード: 0 完了（警告あり含む）、1 入力エラー、2 使い方の誤り・内部エラー
`

// run runs the subcommand in args and returns its error; exitCode maps it to the
// exit status. Errors other than input errors are printed here.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	err := dispatch(ctx, args, stdout, stderr)
	switch {
	case err == nil, err == errInput, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errInput):
		// Note: a bare errInput follows problems already printed; a wrapped one
		// (a missing batch folder) carries its own message, printed here.
		fmt.Fprintf(stderr, "エラー: %s\n", strings.TrimPrefix(err.Error(), errInput.Error()+": "))
	case errors.Is(err, errUsage):
		msg := flagMessage(strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
		fmt.Fprintf(stderr, "midreview: %s\n（使い方は midreview help を参照してください）\n", msg)
	default:
		fmt.Fprintf(stderr, "midreview: %v\n", err)
	}
	return err
}

// flagMessage puts the flag package's English errors into Japanese; other
// messages pass unchanged.
func flagMessage(msg string) string {
	if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "不明なオプションです: " + rest
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "オプションに値が指定されていません: " + rest
	}
	// invalid value "abc" for flag -n: parse error
	// invalid boolean value "x" for -allow-errors: parse error
	for _, p := range []string{"invalid value ", "invalid boolean value "} {
		rest, ok := strings.CutPrefix(msg, p)
		if !ok {
			continue
		}
		val, name, ok := strings.Cut(rest, " for ")
		if !ok {
			break
		}
		name, _, _ = strings.Cut(strings.TrimPrefix(name, "flag "), ":")
		return fmt.Sprintf("オプション %s の値が正しくありません: %s", name, val)
	}
	return msg
}

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: サブコマンドを指定してください", errUsage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "run":
		return cmdRun(ctx, rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "demo":
		return cmdDemo(ctx, rest, stdout, stderr)
	case "sample":
		return cmdSample(rest, stdout, stderr)
	case "template":
		return cmdTemplate(rest, stdout, stderr)
	case "diff":
		return cmdDiff(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("%w: 不明なサブコマンドです: %q", errUsage, cmd)
}

// newFlags returns the flag set of a subcommand; its usage prints synopsis
// ("使い方: midreview run [-batch DIR] …") and the flags.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() {
		fmt.Fprintln(stderr, synopsis)
		fset.PrintDefaults()
	}
	return fset
}

// parseFlags parses args into fset and refuses positional arguments; both
// failures are usage errors (exit 2).
func parseFlags(fset *flag.FlagSet, args []string) error {
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fset.NArg() > 0 {
		fset.Usage()
		return fmt.Errorf("%w: 余分な引数があります: %q", errUsage, fset.Arg(0))
	}
	return nil
}

// exitCode maps run's error to the exit status: 0 done, 1 input errors, 2 usage
// or internal failure.
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errInput):
		return 1
	}
	return 2
}

// runOptions are the settings of one `midreview run`.
type runOptions struct {
	Batch, Out  string
	AllowErrors bool
	Font        string          // -font FILE, "" for the default search
	Formats     map[string]bool // render.Formats to write; problems.csv and manifest.json always
}

// parseFormats parses -formats: a comma-separated subset of pdf,xlsx,html,csv,web,opendata.
func parseFormats(s string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		known := false
		for _, a := range render.Formats() {
			known = known || a == f
		}
		if !known {
			return nil, fmt.Errorf("%w: -formats に不明な形式があります: %q（pdf,xlsx,html,csv,web,opendata から選んでください）", errUsage, f)
		}
		out[f] = true
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: -formats が空です", errUsage)
	}
	return out, nil
}

// cmdRun implements `midreview run`.
func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := newFlags("run", "使い方: midreview run [-batch DIR] [-out DIR] [-allow-errors] [-font FILE] [-formats pdf,xlsx,html,csv,web,opendata]", stderr)
	batch := fset.String("batch", ".", "入力バッチのフォルダ")
	out := fset.String("out", "out", "出力フォルダ（まとめて置き換えます）")
	allow := fset.Bool("allow-errors", false, "入力エラーがあっても出力します（エラーの値は無回答として扱います）")
	font := fset.String("font", "", "PDFに使う日本語フォントファイル（.ttf/.ttc）")
	formats := fset.String("formats", strings.Join(render.Formats(), ","), "出力する形式")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	fm, err := parseFormats(*formats)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	return runBatch(ctx, runOptions{Batch: *batch, Out: *out, AllowErrors: *allow, Font: *font, Formats: fm}, stdout, stderr)
}

// defaultMemoryLimit is the soft memory limit of a run (runtime/debug.SetMemoryLimit).
const defaultMemoryLimit = 250 << 20

// preloadProcs is the fewest cores on which run loads the IPA dictionary while
// the inputs are read.
const preloadProcs = 4

// checkMemoryLimit is the soft memory limit of a check.
// Note: it is a safety net, not what keeps a check small: a check holds no
// dictionary and no results (measured in docs/design.md, "Soft memory limits").
const checkMemoryLimit = 1 << 30

// setMemoryLimit sets the soft memory limit (runtime/debug.SetMemoryLimit) to
// n bytes, unless GOMEMLIMIT in the environment sets one.
func setMemoryLimit(n int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(n)
	}
}

// fixedSteps counts the steps of a run besides the outputs: read, analyze, build, swap.
const fixedSteps = 4

// runBatch reads, analyzes and renders one batch into o.Out.
func runBatch(ctx context.Context, o runOptions, stdout, stderr io.Writer) error {
	// Note: a soft memory limit makes the collector work harder near it, which keeps
	// a 100k-respondent run under the 300 MB RSS goal (measured in docs/design.md,
	// "Soft memory limits"). GOMEMLIMIT in the environment overrides it.
	setMemoryLimit(defaultMemoryLimit)
	// Note: "out/" (or "out\" from tab completion on Windows) must name the same
	// folder as "out": the temporary folder goes beside OUT, never inside it.
	o.Out = filepath.Clean(o.Out)
	if err := checkOutBatch(o.Batch, o.Out); err != nil {
		return err
	}
	if err := checkOutReplaceable(o.Out); err != nil {
		return err
	}
	var pdfOpt render.PDFOptions
	if o.Formats[render.FormatPDF] {
		var err error
		if pdfOpt, err = resolveFont(o.Font); err != nil {
			return err
		}
	}

	// Note: with cores to spare, the IPA dictionary loads while the inputs are
	// read: almost every batch has free text, and analyze.Run waits for it
	// there. On two cores reading already keeps both busy (files are read
	// ahead), and the dictionary's heap makes every collection during the read
	// longer (measured in docs/design.md, "Not done: the IPA dictionary in the
	// background on 2 cores").
	if runtime.GOMAXPROCS(0) >= preloadProcs {
		go analyze.IPATokenizer()
	}
	prog := newProgress(stderr, fixedSteps)
	defer prog.finish()
	prog.describe("入力を読み込んでいます")
	b, err := readBatch(o.Batch)
	if err != nil {
		return err
	}
	prog.clear()
	printProblems(stderr, b.Problems)
	if ingest.HasErrors(b.Problems) && (!o.AllowErrors || unusable(b)) {
		if err := writeProblemsOnly(o.Out, b.Problems); err != nil {
			return err
		}
		if o.AllowErrors {
			fmt.Fprintln(stderr, "集計できる設問または回答がないため、-allow-errors でも資料は作れません。")
		}
		fmt.Fprintf(stderr, "入力エラーがあるため、%s だけを書き出しました。ほかの出力は前回のままです。\n",
			filepath.Join(o.Out, "problems.csv"))
		return errInput
	}
	prog.step("集計しています")
	res := analyze.Run(b)
	prog.step("資料を組み立てています")
	v := render.Build(res)
	// Note: a stale row of commentary.xlsx is found only once the passages
	// are worded; it stops the run like any input error, before anything is
	// written, so the last good handouts survive.
	if cp := v.CommentaryProblems; len(cp) > 0 {
		b.AddProblems(cp...)
		prog.clear()
		printProblems(stderr, cp)
		if ingest.HasErrors(cp) && !o.AllowErrors {
			if err := writeProblemsOnly(o.Out, b.Problems); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "%s の所見にエラーがあるため、%s だけを書き出しました。ほかの出力は前回のままです。\n",
				ingest.CommentaryFile, filepath.Join(o.Out, "problems.csv"))
			return errInput
		}
	}
	outs := render.Plan(v, res, o.Formats, pdfOpt)
	prog.addSteps(len(outs))
	prog.step("書き出しています")

	prev := snapshotForDiff(o.Out)
	if err := writeAll(ctx, o.Out, outs, res, v, prog); err != nil {
		return err
	}
	prog.finish()
	if prev != nil {
		if d, err := render.Compare(prev, os.DirFS(o.Out)); err == nil {
			fmt.Fprintln(stdout, d.Summary())
		}
	}
	msg := fmt.Sprintf("%s に出力しました（有効回答 %d 票", o.Out, len(b.Current.Respondents))
	if n := ingest.CountErrors(b.Problems); n > 0 {
		msg += fmt.Sprintf("、入力エラー %d 件を無回答として扱いました", n)
	}
	fmt.Fprintln(stdout, msg+"）")
	return nil
}

// checkOutBatch refuses an OUT that is the batch folder or holds it: a run
// replaces OUT as a whole, which would delete the input.
func checkOutBatch(batch, out string) error {
	ab, err1 := filepath.Abs(batch)
	ao, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return nil // the run reports the unusable path itself
	}
	// Note: through symbolic links where they exist, so that a link to the batch
	// is caught too.
	if p, err := filepath.EvalSymlinks(ab); err == nil {
		ab = p
	}
	if p, err := filepath.EvalSymlinks(ao); err == nil {
		ao = p
	}
	rel, err := filepath.Rel(ao, ab)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	return fmt.Errorf("%w: 出力フォルダ %s が入力バッチのフォルダ %s と同じか、それを含んでいます。出力は丸ごと置き換えるため、-out には別のフォルダを指定してください", errUsage, out, batch)
}

// checkOutReplaceable refuses an OUT that holds files but no previous midreview
// output (neither manifest.json nor problems.csv), because a run replaces OUT as a
// whole: `-out .` or `-out Documents` must never delete someone's files.
func checkOutReplaceable(out string) error {
	ents, err := os.ReadDir(out)
	if err != nil || len(ents) == 0 {
		return nil // absent or empty: nothing to lose (other errors surface later)
	}
	for _, name := range []string{"manifest.json", "problems.csv"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%w: 出力フォルダ %s には midreview の出力ではないファイルがあります。出力は丸ごと置き換えるため、空のフォルダか新しいフォルダを -out に指定してください", errUsage, out)
}

// unusable reports whether a batch with errors is a bad batch that -allow-errors
// cannot render around: no question could be defined (definitions.xlsx missing or
// unreadable) or no respondent was read.
//
// Note: -allow-errors counts invalid answers as no answer (inputs.md section 6);
// handouts with no questions or no respondents would replace the last good ones
// with empty pages, so such a run stops with exit 1 like one without the flag.
func unusable(b *ingest.Batch) bool {
	return len(b.Questions) == 0 || len(b.Current.Respondents) == 0
}

// readBatch reads the batch folder; a missing folder is a bad batch (exit 1).
func readBatch(dir string) (*ingest.Batch, error) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%w: 入力バッチのフォルダが見つかりません: %s（-batch に definitions.xlsx のあるフォルダを指定してください）", errInput, dir)
	}
	b, err := ingest.Read(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("入力を読み込めません: %w", err)
	}
	return b, nil
}

// resolveFont chooses the PDF font (see render.ResolveFont).
func resolveFont(file string) (render.PDFOptions, error) {
	var data []byte
	if file != "" {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return render.PDFOptions{}, fmt.Errorf("フォントファイルを読み込めません: %w", err)
		}
	}
	var dirs []fs.FS
	for _, d := range render.SystemFontDirs(runtime.GOOS, os.Getenv) {
		dirs = append(dirs, os.DirFS(d))
	}
	return render.ResolveFont(data, dirs)
}

// maxPrinted is how many problems are printed; problems.csv holds them all.
const maxPrinted = 50

// printProblems prints the problems in Japanese, at most maxPrinted, then totals.
func printProblems(w io.Writer, ps []ingest.Problem) {
	for i, p := range ps {
		if i == maxPrinted {
			fmt.Fprintf(w, "……ほか %d 件（すべての問題は problems.csv にあります）\n", len(ps)-maxPrinted)
			break
		}
		fmt.Fprintf(w, "%s: %s\n", p.Severity, p.Error())
	}
	if len(ps) > 0 {
		e := ingest.CountErrors(ps)
		fmt.Fprintf(w, "エラー %d 件、警告 %d 件\n", e, len(ps)-e)
	}
}

// beforeWrite is called before each output is written; tests make it fail.
var beforeWrite = func(path string) error { return nil }

// writeFile writes one output file below dir through a buffered writer.
func writeFile(dir, p string, fn func(w io.Writer) error) error {
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.Create(full)
	if err != nil {
		return err
	}
	bw := newBufWriter(f)
	if err := fn(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeAll writes every output into a temporary folder beside out, then
// manifest.json, then swaps the folder in for out. On any failure the temporary
// folder is removed and out is left as it was.
func writeAll(ctx context.Context, out string, outs []render.Output, res *analyze.Results, v *render.View, prog *progress) (err error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("出力先のフォルダを作れません: %w", err)
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return fmt.Errorf("出力先 %s はフォルダではありません", out)
	}
	tmp, err := os.MkdirTemp(parent, ".midreview-*")
	if err != nil {
		return fmt.Errorf("一時フォルダを作れません: %w", err)
	}
	// Note: MkdirTemp makes a 0700 folder; the outputs are shared with colleagues,
	// so the swapped-in folder gets the usual 0755.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("一時フォルダを作れません: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	for _, o := range outs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("中断しました: %w", err)
		}
		prog.step(o.Path)
		if err := beforeWrite(o.Path); err != nil {
			return fmt.Errorf("%s を書き出せません: %w", o.Path, err)
		}
		if err := writeFile(tmp, o.Path, o.Write); err != nil {
			return fmt.Errorf("%s を書き出せません: %w", o.Path, err)
		}
	}
	m := render.NewManifest(res, Version)
	m.SetCommentary(v)
	if m.Outputs, err = hashTree(tmp); err != nil {
		return err
	}
	prog.step("出力を置き換えています")
	if err := beforeWrite("manifest.json"); err != nil {
		return fmt.Errorf("manifest.json を書き出せません: %w", err)
	}
	if err := writeFile(tmp, "manifest.json", func(w io.Writer) error { return render.WriteManifest(w, m) }); err != nil {
		return fmt.Errorf("manifest.json を書き出せません: %w", err)
	}
	return swapIn(tmp, out)
}

// hashTree lists every file below dir with its SHA-256 and size, sorted by path.
func hashTree(dir string) ([]render.ManifestOutput, error) {
	var outs []render.ManifestOutput
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		sum, size, err := hashFile(p)
		if err != nil {
			return err
		}
		outs = append(outs, render.ManifestOutput{Path: filepath.ToSlash(rel), SHA256: sum, Size: size})
		return nil
	})
	sort.Slice(outs, func(i, j int) bool { return outs[i].Path < outs[j].Path })
	return outs, err
}

// swapIn replaces out with tmp: out is renamed aside, tmp renamed to out, and the
// old folder removed. If the second rename fails the old folder is put back.
func swapIn(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("出力フォルダ %s を作れません: %w", out, err)
		}
		return nil
	}
	old, err := os.MkdirTemp(filepath.Dir(out), filepath.Base(out)+".old-*")
	if err != nil {
		return fmt.Errorf("出力フォルダを置き換えられません: %w", err)
	}
	// Note: MkdirTemp only reserves a unique name; the rename needs it absent.
	if err := os.Remove(old); err != nil {
		return fmt.Errorf("出力フォルダを置き換えられません: %w", err)
	}
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("出力フォルダ %s を置き換えられません。中のファイル（PDF・Excel など）を開いていれば閉じてから、もう一度実行してください: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("出力フォルダを置き換えられません。前回の出力は %s にあります: %w", old, err)
		}
		return fmt.Errorf("出力フォルダ %s を置き換えられません: %w", out, err)
	}
	if err := os.RemoveAll(old); err != nil {
		// The new outputs are in place; only a leftover folder remains.
		fmt.Fprintf(os.Stderr, "警告: 前回の出力 %s を削除できませんでした: %v\n", old, err)
	}
	return nil
}

// writeProblemsOnly replaces out/problems.csv (temporary file, then rename) and
// touches nothing else in out.
func writeProblemsOnly(out string, ps []ingest.Problem) (err error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("出力フォルダを作れません: %w", err)
	}
	f, err := os.CreateTemp(out, ".problems-*.csv")
	if err != nil {
		return fmt.Errorf("problems.csv を書き出せません: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := newBufWriter(f)
	if err := render.ProblemsCSV(bw, ps); err != nil {
		return fmt.Errorf("problems.csv を書き出せません: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("problems.csv を書き出せません: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("problems.csv を書き出せません: %w", err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil { // CreateTemp makes 0600
		return fmt.Errorf("problems.csv を書き出せません: %w", err)
	}
	if err := os.Rename(f.Name(), filepath.Join(out, "problems.csv")); err != nil {
		return fmt.Errorf("problems.csv を置き換えられません。開いていれば閉じてください: %w", err)
	}
	return nil
}

// newBufWriter buffers writes to f; the renderers write many small pieces.
func newBufWriter(f *os.File) *bufio.Writer { return bufio.NewWriterSize(f, 64<<10) }

// hashFile returns the hex SHA-256 and size of the file at p.
func hashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
