package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"midreview/analyze"
	"midreview/render"
)

// cmdVersion implements `midreview version`: the version, the commit and the
// Go version the binary was built with (the same three are in manifest.json).
func cmdVersion(args []string, stdout io.Writer) error {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		c, _ := findCommand("version")
		printSynopsis(stdout, c)
		return nil
	}
	if len(args) > 0 {
		return fmt.Errorf("%w: version には引数を付けません: %q", errUsage, args[0])
	}
	fmt.Fprintf(stdout, "midreview %s（コミット %s、%s）\n", Version, buildCommit(), goVersion)
	missing := render.MissingAssets()
	if !analyze.IPADictEmbedded() {
		missing = append(missing, ipaDictName)
	}
	if len(missing) > 0 {
		fmt.Fprintf(stdout, "埋め込みファイルがありません: %s。%s\n", strings.Join(missing, "、"), rebuildHint)
	}
	return nil
}

// Commit is the commit the binary was built from, set by make with
// -ldflags "-X main.Commit=…" ("" when built otherwise).
var Commit = ""

// buildCommit returns the commit the binary was built from: Commit, else as
// `go build` records it in a git checkout (with "+変更あり" for uncommitted changes), or
// "不明" (a build outside a checkout, or a test binary).
func buildCommit() string {
	if Commit != "" {
		return Commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "不明"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "不明"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified == "true" {
		rev += "+変更あり"
	}
	return rev
}

// goVersion is the Go version the binary was built with; the tests fix it so
// that the manifest goldens do not depend on the toolchain.
var goVersion = runtime.Version()

// newManifest returns the run's manifest with the tool's version, commit and
// Go version.
func newManifest(res *analyze.Results) *render.Manifest {
	m := render.NewManifest(res, Version)
	m.Commit, m.GoVersion = buildCommit(), goVersion
	return m
}

// rebuildHint says how to build a binary with its embedded files.
const rebuildHint = "make build で作り直してください（フォントと echarts を render/assets に、IPA 辞書を analyze/ipadict に取得してからビルドします）"

// ipaDictName names the IPA dictionary in messages about a binary built
// without it.
const ipaDictName = "IPA 辞書 (analyze/ipadict/ipa.dict)"

// checkAssets refuses, before anything is read, a run that would need an
// embedded file the binary was built without (a plain `go build` on a clone
// without render/assets): the dashboard needs echarts, and every run the IPA
// dictionary (free text is analyzed whatever the formats, and almost every
// batch has some; the batch is not read yet). A missing embedded font
// is not refused here: the PDF writer then uses -font or a system font, and
// resolveFont reports when there is none.
func checkAssets(formats map[string]bool) error {
	if !analyze.IPADictEmbedded() {
		return fmt.Errorf("このバイナリには形態素解析の %s が入っていません。%s", ipaDictName, rebuildHint)
	}
	if !formats[render.FormatHTML] {
		return nil
	}
	for _, a := range render.MissingAssets() {
		if a == render.AssetEcharts {
			return fmt.Errorf("このバイナリにはダッシュボード用の %s が入っていません。%s", a, rebuildHint)
		}
	}
	return nil
}
