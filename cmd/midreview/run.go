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
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync/atomic"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render"
	"midreview/render/pdf"
	"midreview/render/view"
)

// errInput marks a run stopped by input errors (exit status 1); the problems have
// already been printed and written to OUT.problems.csv.
var errInput = errors.New("input errors")

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
	fset := newFlags("run", stdout)
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
	return runBatch(ctx, runOptions{Batch: *batch, Out: *out, AllowErrors: *allow, Font: *font, Formats: fm}, stdout, stderr)
}

// defaultMemoryLimit is the soft memory limit of a run (runtime/debug.SetMemoryLimit)
// unless its survey is large (runMemoryLimit).
const defaultMemoryLimit = 250 << 20

// runMemoryLimit returns the soft memory limit of a run of the batch in dir:
// defaultMemoryLimit, or surveyHeapPerByte times the bytes of its survey
// files (responses/ and baseline/) when that is more.
//
// Note: a limit below what a run must hold makes the collector run back to
// back (at most half the CPU, by the runtime's limiter) without freeing
// anything; above it, the heap grows to twice the live heap (GOGC 100)
// until the limit stops it, so the limit is the run's peak RSS (about 45 MiB
// more). A survey's answers take about 0.85 bytes of heap per byte of its
// files after the read; the analysis drops them as it goes
// (analyze.RunDropping), and the live heap stays under 1.9 bytes per byte:
// the free-text analysis and then linkage_draft.xlsx, which excelize builds
// in memory, are its peaks (measured at a million respondents, docs/design.md
// "A million respondents"). So a batch over about 100 MB of survey files
// gets room in proportion (a million respondents, 342 MB: 815 MiB), and a
// batch of 100,000 (34 MB) keeps 250 MB.
func runMemoryLimit(dir string) int64 {
	var n int64
	for _, sub := range []string{ingest.ResponsesDir, ingest.BaselineDir} {
		m, _ := filesSize(filepath.Join(dir, sub))
		n += m
	}
	return max(defaultMemoryLimit, n*surveyHeapPerByte/100)
}

// surveyHeapPerByte is runMemoryLimit's bytes of limit per 100 bytes of survey files.
const surveyHeapPerByte = 250

// preloadProcs is the fewest cores on which run loads the IPA dictionary while
// the inputs are read.
const preloadProcs = 4

// preloadBytes is the largest size of the batch's responses/ files for which
// run loads the IPA dictionary while the inputs are read on fewer than
// preloadProcs cores: about 20,000 respondents of the scale batches' shape
// (3,000 are 0.65 MB, 100,000 are 21 MB).
const preloadBytes = 4 << 20

// responsesSize is the total size of the files in the batch's responses/
// folder, or -1 when it cannot be read (the read reports why).
func responsesSize(batch string) int64 {
	n, err := filesSize(filepath.Join(batch, ingest.ResponsesDir))
	if err != nil {
		return -1
	}
	return n
}

// filesSize is the total size of the regular files in dir (not its
// subfolders).
func filesSize(dir string) (int64, error) {
	ents, err := os.ReadDir(dir)
	var n int64
	for _, e := range ents {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
	}
	return n, err
}

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

// wardMemoryLimit and wardGCPercent are the collector's settings for a
// ward-size batch (wardSize).
const (
	wardMemoryLimit = 400 << 20
	wardGCPercent   = 400
)

// wardSize reports whether a batch whose responses/ files hold n bytes
// (responsesSize) is ward-size: at most preloadBytes.
func wardSize(n int64) bool { return n >= 0 && n <= preloadBytes }

// tuneGC sets the collector for a run over a batch whose responses/ files
// hold n bytes, limit being its soft memory limit (runMemoryLimit). GOMEMLIMIT
// and GOGC in the environment override it.
//
// Note: a soft memory limit makes the collector work harder near it, which
// keeps a 100k-respondent run under the 300 MB RSS goal (measured in
// docs/design.md, "Soft memory limits"). A ward-size batch's live heap is
// mostly the IPA dictionary (120 MB) and the handouts being written, and
// those allocate about a gigabyte in short-lived buffers: under 250 MiB the
// collector would mark the dictionary again every 80 MB allocated. It gets
// 400 MiB and GOGC 400 instead, a few collections for the whole run (issue
// 29, measured in docs/design.md).
func tuneGC(n, limit int64) {
	percent := 100
	if wardSize(n) {
		limit, percent = max(limit, wardMemoryLimit), wardGCPercent
	}
	setMemoryLimit(limit)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}

// fixedSteps counts the steps of a run besides the outputs: read, analyze, build, swap.
const fixedSteps = 4

// runBatch reads, analyzes and renders one batch into o.Out.
func runBatch(ctx context.Context, o runOptions, stdout, stderr io.Writer) error {
	respBytes := responsesSize(o.Batch)
	tuneGC(respBytes, runMemoryLimit(o.Batch))
	// Note: with cores to spare, or a ward-size batch, the IPA dictionary loads
	// while the inputs are read: almost every batch has free text, and
	// analyze.Run waits for it there. On two cores a large batch's reading
	// already keeps both busy (files are read ahead), and the dictionary's heap
	// makes every collection during the read longer (measured in
	// docs/design.md, "Not done: the IPA dictionary in the background on 2
	// cores"); a small batch is read in a fraction of the load's second
	// (issue 29: 3,000 respondents). It starts before anything else of the
	// run: the load is the longest single step of a ward-size run.
	// A binary without the dictionary is refused below (checkAssets).
	if analyze.IPADictEmbedded() && (runtime.GOMAXPROCS(0) >= preloadProcs || wardSize(respBytes)) {
		go analyze.IPATokenizer()
	}
	// Note: "out/" (or "out\" from tab completion on Windows) must name the same
	// folder as "out": the temporary folder goes beside OUT, never inside it.
	o.Out = filepath.Clean(o.Out)
	if err := checkOutBatch(o.Batch, o.Out); err != nil {
		return err
	}
	if err := checkOutReplaceable(o.Out); err != nil {
		return err
	}
	if err := checkAssets(o.Formats); err != nil {
		return err
	}
	lk, err := acquireOut(o.Out, stderr)
	if err != nil {
		return err
	}
	defer lk.release()
	defer onSignal(lk, stderr)()
	if err := lk.prepare(); err != nil {
		return fmt.Errorf("一時フォルダを作れません: %w", err)
	}
	// Note: excelize unpacks a part over 16 MB to a temporary file; in the
	// run's own folder, a killed run's files go with it (issue 30).
	ingest.SetTempDir(lk.tmpDir())
	defer ingest.SetTempDir("")
	var pdfOpt pdf.PDFOptions
	if o.Formats[render.FormatPDF] {
		var err error
		if pdfOpt, err = resolveFont(o.Font); err != nil {
			return err
		}
	}

	prog := newProgress(stderr, fixedSteps)
	defer prog.finish()
	prog.describe("入力を読み込んでいます")
	b, err := readBatch(o.Batch)
	if err != nil {
		return err
	}
	prog.clear()
	stop := ingest.HasErrors(b.Problems) && (!o.AllowErrors || unusable(b))
	if stop {
		printProblemsTo(stderr, b.Problems, lk.problems)
	} else {
		printProblemsTo(stderr, b.Problems, filepath.Join(o.Out, "problems.csv"))
	}
	if stop {
		if err := lk.writeProblems(b.Problems); err != nil {
			return err
		}
		if o.AllowErrors {
			fmt.Fprintln(stderr, "集計できる設問または回答がないため、-allow-errors でも資料は作れません。")
		}
		fmt.Fprintf(stderr, "入力エラーがあるため、資料は書き出していません。問題の一覧を %s に書き出しました。%s は前回のままです。\n%s\n",
			lk.problems, o.Out, nextStep)
		return errInput
	}
	prog.step("集計しています")
	// Note: nothing after the analysis reads the answers (the manifest's
	// and the message's counts are the Overview's), so it drops them as it
	// goes (issue 29: a million respondents in 1.0 GB).
	res := analyze.RunDropping(b)
	prog.step("資料を組み立てています")
	v := buildView(res, o.Formats)
	// Note: a stale row of commentary.xlsx is found only once the passages
	// are worded; it stops the run like any input error, before anything is
	// written, so the last good handouts survive.
	if cp := v.CommentaryProblems; len(cp) > 0 {
		b.AddProblems(cp...)
		prog.clear()
		stop := ingest.HasErrors(cp) && !o.AllowErrors
		if stop {
			printProblemsTo(stderr, cp, lk.problems)
		} else {
			printProblemsTo(stderr, cp, filepath.Join(o.Out, "problems.csv"))
		}
		if stop {
			if err := lk.writeProblems(b.Problems); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "%s の所見にエラーがあるため、資料は書き出していません。問題の一覧を %s に書き出しました。%s は前回のままです。\n%s\n",
				ingest.CommentaryFile, lk.problems, o.Out, nextStep)
			return errInput
		}
	}
	outs := render.Plan(v, res, o.Formats, pdfOpt)
	prog.addSteps(len(outs))
	prog.step("書き出しています")

	prev := snapshotForDiff(o.Out)
	if err := writeAll(ctx, lk, outs, res, v, writers(respBytes), prog); err != nil {
		return err
	}
	// Note: the problems of an earlier stopped run are now out of date.
	if err := os.Remove(lk.problems); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "警告: 前回の問題一覧 %s を削除できませんでした: %v\n", lk.problems, err)
	}
	prog.finish()
	if prev != nil {
		if d, err := render.Compare(prev, os.DirFS(o.Out)); err == nil {
			fmt.Fprintln(stdout, d.Summary())
		}
	}
	msg := fmt.Sprintf("%s に出力しました（有効回答 %d 票", o.Out, res.Overview.Valid)
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
func resolveFont(file string) (pdf.PDFOptions, error) {
	var data []byte
	if file != "" {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return pdf.PDFOptions{}, fmt.Errorf("フォントファイルを読み込めません: %w", err)
		}
	}
	var dirs []fs.FS
	for _, d := range pdf.SystemFontDirs(runtime.GOOS, os.Getenv) {
		dirs = append(dirs, os.DirFS(d))
	}
	return pdf.ResolveFont(data, dirs)
}

// maxPrinted is how many problems are printed; problems.csv holds them all.
const maxPrinted = 50

// printProblems prints the problems in Japanese, at most maxPrinted, then totals.
func printProblems(w io.Writer, ps []ingest.Problem) { printProblemsTo(w, ps, "problems.csv") }

// printProblemsTo is printProblems for problems written in full to file.
func printProblemsTo(w io.Writer, ps []ingest.Problem, file string) {
	for i, p := range ps {
		if i == maxPrinted {
			fmt.Fprintf(w, "……ほか %d 件（すべての問題は %s にあります）\n", len(ps)-maxPrinted, file)
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

// writeAll writes every output into the run's folder beside OUT (lk.newOut),
// then manifest.json, then swaps the folder in for OUT. On any failure OUT is
// left as it was; the run's folder goes when the lock is released.
//
// Note: the outputs are written on up to workers goroutines (writers,
// writeOutputs): each writer renders its own file from the read-only view and
// results, so the bytes do not depend on the order (TestRunParallelDeterministic
// compares GOMAXPROCS 1 and 4; run it with -race after changing a writer).
func writeAll(ctx context.Context, lk *outLock, outs []view.Output, res *analyze.Results, v *view.View, workers int, prog *progress) (err error) {
	out, tmp := lk.out, lk.newOut()
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return fmt.Errorf("出力先 %s はフォルダではありません", out)
	}
	if err := writeOutputs(ctx, lk, tmp, outs, workers, prog); err != nil {
		return err
	}
	m := newManifest(res)
	m.SetCommentary(v)
	if m.Outputs, err = hashTree(tmp); err != nil {
		return err
	}
	prog.step("出力を置き換えています")
	if err := beforeWrite("manifest.json"); err != nil {
		return fmt.Errorf("manifest.json を書き出せません: %w", err)
	}
	if err := lk.locked(func() error {
		return writeFile(tmp, "manifest.json", func(w io.Writer) error { return render.WriteManifest(w, m) })
	}); err != nil {
		return fmt.Errorf("manifest.json を書き出せません: %w", err)
	}
	return lk.swapIn(tmp)
}

// writers is how many outputs a run over a batch whose responses/ files hold
// n bytes writes side by side: GOMAXPROCS for a ward-size batch, else one.
//
// Note: a large batch's live heap is at or above the soft memory limit
// (tuneGC) while its outputs are written, and the issue-29 goals for it are
// on -formats csv, where writing is a small part of the run: writers side by
// side would add their buffers to the peak for little gain (not measured at a
// million).
func writers(n int64) int {
	if wardSize(n) {
		return runtime.GOMAXPROCS(0)
	}
	return 1
}

// writeOutputs writes outs below tmp on up to workers goroutines. It returns
// the error of the first output, in plan order, that failed; once one fails,
// no further output is started.
//
// Note: beforeWrite and the progress steps run on the calling goroutine only,
// in plan order for beforeWrite (the crash tests count its calls); a writer
// holds the lock shared (lk.sharedLocked), so that abort waits for every file
// being written.
func writeOutputs(ctx context.Context, lk *outLock, tmp string, outs []view.Output, workers int, prog *progress) error {
	workers = max(1, min(workers, len(outs)))
	errs := make([]error, len(outs))
	jobs := make(chan int)
	done := make(chan int, len(outs))
	var failed atomic.Bool
	for range workers {
		go func() {
			for i := range jobs {
				o := outs[i]
				if !failed.Load() {
					if err := lk.sharedLocked(func() error { return writeFile(tmp, o.Path, o.Write) }); err != nil {
						errs[i] = fmt.Errorf("%s を書き出せません: %w", o.Path, err)
						failed.Store(true)
					}
				}
				done <- i
			}
		}()
	}
	sent, finished := 0, 0
	for i, o := range outs {
		err := ctx.Err()
		if err != nil {
			err = fmt.Errorf("中断しました: %w", err)
		} else if err = beforeWrite(o.Path); err != nil {
			err = fmt.Errorf("%s を書き出せません: %w", o.Path, err)
		}
		if err != nil {
			errs[i] = err
			failed.Store(true)
		}
		if failed.Load() {
			break
		}
	feed:
		for {
			select {
			case jobs <- i:
				sent++
				break feed
			case j := <-done:
				finished++
				prog.step(outs[j].Path)
			}
		}
	}
	close(jobs)
	for ; finished < sent; finished++ {
		prog.step(outs[<-done].Path)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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

// writeProblems writes the problems of a stopped run to OUT.problems.csv
// beside OUT (through the run's folder, then a rename), touching nothing in OUT.
func (l *outLock) writeProblems(ps []ingest.Problem) error {
	return l.locked(func() error { return l.writeProblemsLocked(ps) })
}

func (l *outLock) writeProblemsLocked(ps []ingest.Problem) error {
	if err := os.MkdirAll(l.work, 0o755); err != nil {
		return fmt.Errorf("%s を書き出せません: %w", l.problems, err)
	}
	tmp := filepath.Join(l.work, "problems.csv")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("%s を書き出せません: %w", l.problems, err)
	}
	bw := newBufWriter(f)
	err = render.ProblemsCSV(bw, ps)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s を書き出せません: %w", l.problems, err)
	}
	if err := os.Rename(tmp, l.problems); err != nil {
		return fmt.Errorf("%s を置き換えられません。開いていれば閉じてください: %w", l.problems, err)
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

// buildView builds the run's View; without the tabulation book and the
// dashboard, the only writers that list every free-text row, it leaves those
// rows out (view.BuildLean): a million respondents' `-formats csv` run then
// does not hold them beside the analysis's own.
func buildView(res *analyze.Results, formats map[string]bool) *view.View {
	if formats[render.FormatXLSX] || formats[render.FormatHTML] {
		return view.Build(res)
	}
	return view.BuildLean(res)
}

// nextStep is the line after a run stopped on input errors: what staff do
// next (docs/troubleshooting in the user reference says the same).
const nextStep = "次の手順: 問題の一覧（Excelで開けます）の「message」欄のとおり、file・sheet・cell の場所の入力を直して、もう一度実行してください。エラーを残したまま暫定版の資料を作るときは -allow-errors を付けます（資料にエラーの件数が表示されます）。"
