package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"midreview/ingest"
)

// errUsage marks a command-line usage error; main exits with status 2 for it.
var errUsage = errors.New("usage")

// A command is one subcommand: its synopsis lines (the flags in them are
// checked against its flag set by TestHelpMatchesFlags) and one line saying
// what it does. `midreview help` and `midreview COMMAND -h` print both, so the
// overview cannot drift from the commands.
type command struct {
	name     string
	synopsis []string // "[-batch DIR] [-out DIR]", after "midreview NAME "
	summary  string
}

// commands lists the subcommands in the order help prints them.
var commands = []command{
	{"run", []string{"[-batch DIR] [-out DIR] [-allow-errors] [-font FILE] [-formats pdf,xlsx,html,csv,web,opendata]"},
		"入力を検査し、集計して資料を書き出します"},
	{"check", []string{"[-batch DIR] [-out DIR]"}, "入力を検査して問題を表示し、一覧を OUT.problems.csv に書き出します（OUT には触れません）"},
	{"demo", []string{"[-out DIR]"}, "サンプルバッチを DIR/batch に作り、DIR/out に出力します"},
	{"sample", []string{"[-out DIR] [-respondents N] [-hearings N] [-seed S] [-questions N -freetext N]"},
		"サンプルバッチ（架空のデータ）を作ります"},
	{"template", []string{
		"[-out DIR]",
		"-entry [-batch DIR] [-out FILE|DIR]",
		"-from FILE [-districts FILE] [-out DIR]",
	}, "空の入力フォルダ・入力用ブック（-entry）・回答ファイルからの定義ファイルの下書き（-from）を作ります"},
	{"diff", []string{"[-csv FILE] OLD_OUT NEW_OUT"}, "2回の出力の違いを表示します"},
	{"version", []string{""}, "版・コミット・Go の版を表示します"},
	{"help", []string{"[COMMAND]"}, "使い方を表示します"},
}

// findCommand returns the command named name.
func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// synopsisLines returns c's synopsis as "midreview NAME …" lines.
func (c command) synopsisLines() []string {
	var out []string
	for _, s := range c.synopsis {
		out = append(out, strings.TrimRight("midreview "+c.name+" "+s, " "))
	}
	return out
}

// usageText is the overview printed by `midreview help`, built from commands.
func usageText() string {
	var b strings.Builder
	b.WriteString("midreview — 地域福祉保健計画 中間振り返りの集計・資料作成\n\n使い方:\n")
	for _, c := range commands {
		for _, l := range c.synopsisLines() {
			b.WriteString("  " + l + "\n")
		}
		b.WriteString("      " + c.summary + "\n")
	}
	b.WriteString("\nコマンドごとの説明: midreview help COMMAND（または midreview COMMAND -h）\n")
	b.WriteString("終了コード: 0 完了（警告あり含む）、1 入力エラー、2 使い方の誤り・内部エラー\n")
	return b.String()
}

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
		msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
		fmt.Fprintf(stderr, "midreview: %s\n（使い方は midreview help を参照してください）\n", msg)
	default:
		fmt.Fprintf(stderr, "midreview: %v\n", err)
	}
	return err
}

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
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
	case "version", "-version", "--version":
		return cmdVersion(rest, stdout)
	case "help", "-h", "-help", "--help":
		return cmdHelp(ctx, rest, stdout, stderr)
	}
	msg := fmt.Sprintf("不明なサブコマンドです: %q", cmd)
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	if near := ingest.Nearest(cmd, names); near != "" {
		msg += fmt.Sprintf("（もしかして %s ?）", near)
	}
	return fmt.Errorf("%w: %s", errUsage, msg)
}

// cmdHelp implements `midreview help [COMMAND]`: the overview, or the
// command's own help (the same text as `midreview COMMAND -h`).
func cmdHelp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, usageText())
		return nil
	case len(args) > 1:
		return fmt.Errorf("%w: help にはコマンド名を1つだけ指定してください", errUsage)
	}
	c, ok := findCommand(args[0])
	if !ok {
		return dispatch(ctx, args, stdout, stderr) // the unknown-command message
	}
	if c.name == "help" || c.name == "version" {
		printSynopsis(stdout, c)
		return nil
	}
	return dispatch(ctx, []string{c.name, "-h"}, stdout, stderr)
}

// printSynopsis prints c's synopsis lines and summary.
func printSynopsis(w io.Writer, c command) {
	for i, l := range c.synopsisLines() {
		if i == 0 {
			fmt.Fprintln(w, "使い方: "+l)
		} else {
			fmt.Fprintln(w, "        "+l)
		}
	}
	fmt.Fprintln(w, c.summary)
}

// A flagSet is a subcommand's flag set and the help its -h prints.
type flagSet struct {
	*flag.FlagSet
	cmd    command
	stdout io.Writer
}

// newFlags returns the flag set of subcommand name. Its help (-h) goes to
// stdout with exit status 0: the synopsis from commands, then each flag with
// its description and default. Errors are put in Japanese by parseFlags.
func newFlags(name string, stdout io.Writer) *flagSet {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	// Note: the flag package prints its own English messages and the usage on
	// every error; parseFlags words the errors and prints the help only for -h.
	fset.SetOutput(io.Discard)
	fset.Usage = func() {}
	c, _ := findCommand(name)
	return &flagSet{FlagSet: fset, cmd: c, stdout: stdout}
}

// help prints the command's help to stdout.
func (fs *flagSet) help() { printFlagHelp(fs.stdout, fs.cmd, fs.FlagSet) }

// printFlagHelp prints the help of command c with flag set fset.
func printFlagHelp(w io.Writer, c command, fset *flag.FlagSet) {
	printSynopsis(w, c)
	fmt.Fprintln(w, "\nオプション:")
	fset.VisitAll(func(f *flag.Flag) {
		line := "  -" + f.Name
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool {
			line += " " + argName(c, f.Name)
		}
		fmt.Fprintln(w, line)
		desc := "      " + f.Usage
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			desc += "（既定: " + f.DefValue + "）"
		}
		fmt.Fprintln(w, desc)
	})
}

// argName returns the word the synopsis puts after -name ("DIR"), or "値".
func argName(c command, name string) string {
	for _, s := range c.synopsis {
		f := strings.Fields(strings.NewReplacer("[", " ", "]", " ", "|", " ").Replace(s))
		for i := 0; i+1 < len(f); i++ {
			if f[i] == "-"+name && !strings.HasPrefix(f[i+1], "-") {
				return f[i+1]
			}
		}
	}
	return "値"
}

// parseFlags parses args into fset and refuses positional arguments; both
// failures are usage errors (exit 2), worded in Japanese. -h prints the
// command's help to stdout and returns flag.ErrHelp (exit 0).
func parseFlags(fset *flagSet, args []string) error {
	if err := fset.Parse(args); err != nil {
		return flagError(fset, err)
	}
	if fset.NArg() > 0 {
		return positionalError(fset, fset.Arg(0))
	}
	return nil
}

// flagError returns the usage error for err from fset.Parse (flag.ErrHelp as is:
// the help is printed).
func flagError(fset *flagSet, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		fset.help()
		return err
	}
	return fmt.Errorf("%w: %s", errUsage, flagMessage(fset.FlagSet, err.Error()))
}

// positionalError is the usage error for a word given without a flag: on a
// command that reads a batch it is most likely the batch folder.
func positionalError(fset *flagSet, arg string) error {
	names := []string{"batch", "out"}
	if fset.Name() == "template" {
		// Note: `template NEWBATCH` names the folder to write (-out); -batch is
		// only for -entry.
		names = []string{"out"}
	}
	for _, name := range names {
		if fset.Lookup(name) != nil {
			return fmt.Errorf("%w: 余分な引数があります: %q。フォルダを指定するときは -%s を付けてください（例: midreview %s -%s %s）",
				errUsage, arg, name, fset.Name(), name, arg)
		}
	}
	return fmt.Errorf("%w: 余分な引数があります: %q", errUsage, arg)
}

// flagMessage puts the flag package's English errors into Japanese, with the
// nearest flag of fset for an unknown one; other messages pass unchanged.
func flagMessage(fset *flag.FlagSet, msg string) string {
	if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		out := "不明なオプションです: " + rest
		var names []string
		fset.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if near := ingest.Nearest(strings.TrimLeft(rest, "-"), names); near != "" {
			out += "（もしかして -" + near + " ?）"
		}
		return out
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
