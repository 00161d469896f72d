package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"

	"midreview/analyze"
	"midreview/render"
)

// A change is one difference between two runs' outputs.
type change struct {
	Kind   string // 入力, 件数, 数値, 基数, 評価
	Item   string // file path, count name, question or indicator ID
	By     string
	Group  string
	Choice string
	Old    string
	New    string
	Points string // signed points for 数値
}

// outputDiff is what changed between two output folders.
type outputDiff struct {
	Changes []change
}

func (d *outputDiff) count(kind string) int {
	n := 0
	for _, c := range d.Changes {
		if c.Kind == kind {
			n++
		}
	}
	return n
}

// Change kinds, in the order they are printed.
const (
	kindInput  = "入力"
	kindCount  = "件数"
	kindFigure = "数値"
	kindBase   = "基数"
	kindEval   = "評価"
)

// cmdDiff implements `midreview diff OLD_OUT NEW_OUT [-csv FILE]`.
func cmdDiff(args []string, stdout, stderr io.Writer) error {
	fset := newFlags("diff", "使い方: midreview diff [-csv FILE] OLD_OUT NEW_OUT", stderr)
	csvPath := fset.String("csv", "", "変更点をCSVにも書き出すファイル")
	// Note: flags may follow the folders (`diff old new -csv x.csv`), as staff type them.
	var pos []string
	for len(args) > 0 {
		if err := fset.Parse(args); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fset.Args()
		if len(args) > 0 {
			pos = append(pos, args[0])
			args = args[1:]
		}
	}
	if len(pos) != 2 {
		fset.Usage()
		return fmt.Errorf("%w: 比較する2つの出力フォルダを指定してください", errUsage)
	}
	d, err := compareOutputs(os.DirFS(pos[0]), os.DirFS(pos[1]))
	if err != nil {
		return err
	}
	printDiff(stdout, d)
	if *csvPath != "" {
		var buf bytes.Buffer
		if err := writeDiffCSV(&buf, d); err != nil {
			return err
		}
		if err := os.WriteFile(*csvPath, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("%s を書き込めません: %w", *csvPath, err)
		}
	}
	return nil
}

// compareOutputs compares two runs through their manifests and data CSVs.
func compareOutputs(old, cur fs.FS) (*outputDiff, error) {
	d := &outputDiff{}
	om, err := readManifestFS(old)
	if err != nil {
		return nil, fmt.Errorf("前回の出力: %w", err)
	}
	nm, err := readManifestFS(cur)
	if err != nil {
		return nil, fmt.Errorf("今回の出力: %w", err)
	}
	d.Changes = append(d.Changes, diffInputs(om, nm)...)
	d.Changes = append(d.Changes, diffCounts(om, nm)...)
	figs, err := diffCrosstabs(old, cur)
	if err != nil {
		return nil, err
	}
	d.Changes = append(d.Changes, figs...)
	inds, err := diffIndicators(old, cur)
	if err != nil {
		return nil, err
	}
	d.Changes = append(d.Changes, inds...)
	return d, nil
}

// manifestDoc is the part of manifest.json that diff reads; everything numeric
// under "counts" is compared, whatever its layout.
type manifestDoc struct {
	Inputs []struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
	} `json:"inputs"`
	Counts map[string]any `json:"counts"`
}

func readManifestFS(fsys fs.FS) (*manifestDoc, error) {
	data, err := fs.ReadFile(fsys, "manifest.json")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New("manifest.json がありません（midreview run の出力フォルダを指定してください）")
		}
		return nil, err
	}
	var m manifestDoc
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifest.json を読めません: %w", err)
	}
	return &m, nil
}

func diffInputs(om, nm *manifestDoc) []change {
	old := map[string]string{}
	for _, in := range om.Inputs {
		old[in.Path] = in.SHA256
	}
	var out []change
	seen := map[string]bool{}
	for _, in := range nm.Inputs {
		seen[in.Path] = true
		h, ok := old[in.Path]
		switch {
		case !ok:
			out = append(out, change{Kind: kindInput, Item: in.Path, Old: "", New: "追加"})
		case h != in.SHA256:
			out = append(out, change{Kind: kindInput, Item: in.Path, Old: short(h), New: short(in.SHA256)})
		}
	}
	for _, in := range om.Inputs {
		if !seen[in.Path] {
			out = append(out, change{Kind: kindInput, Item: in.Path, Old: "", New: "削除"})
		}
	}
	return out
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// diffCounts compares every numeric leaf under "counts", by dotted path.
func diffCounts(om, nm *manifestDoc) []change {
	o, n := map[string]float64{}, map[string]float64{}
	flatten("", om.Counts, o)
	flatten("", nm.Counts, n)
	keys := map[string]bool{}
	for k := range o {
		keys[k] = true
	}
	for k := range n {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var out []change
	for _, k := range sorted {
		ov, ook := o[k]
		nv, nok := n[k]
		if ook && nok && ov == nv {
			continue
		}
		out = append(out, change{Kind: kindCount, Item: k, Old: numText(ov, ook), New: numText(nv, nok)})
	}
	return out
}

func flatten(prefix string, v any, out map[string]float64) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(p, x, out)
		}
	case float64:
		out[prefix] = t
	}
}

func numText(v float64, ok bool) string {
	if !ok {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// csvTable is a data CSV read by header name.
type csvTable struct {
	col  map[string]int
	rows [][]string
}

func (t *csvTable) get(row []string, name string) string {
	if i, ok := t.col[name]; ok && i < len(row) {
		return row[i]
	}
	return ""
}

func readCSVFS(fsys fs.FS, name string) (*csvTable, error) {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return &csvTable{col: map[string]int{}}, nil
	}
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s を読めません: %w", name, err)
	}
	t := &csvTable{col: map[string]int{}}
	if len(recs) == 0 {
		return t, nil
	}
	for i, h := range recs[0] {
		t.col[h] = i
	}
	t.rows = recs[1:]
	return t, nil
}

// shownPct is a crosstab percentage as the handouts print it (rounded by
// analyze.Round1 through render.OneDecimal) and its full-precision value.
func shownPct(t *csvTable, row []string) (text string, v float64) {
	if t.get(row, "suppressed") == "true" {
		return render.MarkSuppressed, math.NaN()
	}
	p := t.get(row, "weighted_pct")
	if p == "" {
		p = t.get(row, "pct")
	}
	f, err := strconv.ParseFloat(p, 64)
	if err != nil {
		return "", math.NaN()
	}
	return render.OneDecimal(f), f
}

type figure struct {
	text, label, base string
	v                 float64
}

// diffCrosstabs lists every crosstab percentage whose printed value changed, and
// every base n that changed, in the new run's order (then rows that disappeared).
func diffCrosstabs(old, cur fs.FS) ([]change, error) {
	ot, err := readCSVFS(old, "data/crosstab.csv")
	if err != nil {
		return nil, err
	}
	nt, err := readCSVFS(cur, "data/crosstab.csv")
	if err != nil {
		return nil, err
	}
	key := func(t *csvTable, r []string) string {
		return strings.Join([]string{t.get(r, "survey"), t.get(r, "question_id"), t.get(r, "by"),
			t.get(r, "group"), t.get(r, "code")}, "\x00")
	}
	prev := map[string]figure{}
	for _, r := range ot.rows {
		s, v := shownPct(ot, r)
		prev[key(ot, r)] = figure{text: s, v: v, label: ot.get(r, "label"), base: ot.get(r, "base")}
	}
	var out []change
	seen := map[string]bool{}
	baseSeen := map[string]bool{}
	for _, r := range nt.rows {
		k := key(nt, r)
		seen[k] = true
		s, v := shownPct(nt, r)
		item := nt.get(r, "question_id")
		if sv := nt.get(r, "survey"); sv != "" && sv != "current" {
			item += "（策定時）"
		}
		p, ok := prev[k]
		if !ok {
			out = append(out, change{Kind: kindFigure, Item: item, By: nt.get(r, "by"), Group: nt.get(r, "group"),
				Choice: nt.get(r, "label"), Old: "", New: s})
			continue
		}
		gk := strings.Join([]string{nt.get(r, "survey"), item, nt.get(r, "by"), nt.get(r, "group")}, "\x00")
		if b := nt.get(r, "base"); b != p.base && !baseSeen[gk] {
			baseSeen[gk] = true
			out = append(out, change{Kind: kindBase, Item: item, By: nt.get(r, "by"), Group: nt.get(r, "group"),
				Old: p.base, New: b})
		}
		if s == p.text {
			continue
		}
		c := change{Kind: kindFigure, Item: item, By: nt.get(r, "by"), Group: nt.get(r, "group"),
			Choice: nt.get(r, "label"), Old: p.text, New: s}
		// Note: a crosstab change is the full-precision difference, rounded
		// (45.45 → 54.55 is +9.1 although the printed figures differ by 9.0);
		// an indicator change below is the difference of the printed figures,
		// as the A–D evaluation compares them.
		if !math.IsNaN(v) && !math.IsNaN(p.v) {
			c.Points = render.PointsText(v - p.v)
		}
		out = append(out, c)
	}
	for _, r := range ot.rows {
		if k := key(ot, r); !seen[k] {
			s, _ := shownPct(ot, r)
			out = append(out, change{Kind: kindFigure, Item: ot.get(r, "question_id"), By: ot.get(r, "by"),
				Group: ot.get(r, "group"), Choice: ot.get(r, "label"), Old: s, New: ""})
		}
	}
	return out, nil
}

// diffIndicators lists indicator values whose printed value changed and
// evaluations that flipped.
func diffIndicators(old, cur fs.FS) ([]change, error) {
	ot, err := readCSVFS(old, "data/indicators.csv")
	if err != nil {
		return nil, err
	}
	nt, err := readCSVFS(cur, "data/indicators.csv")
	if err != nil {
		return nil, err
	}
	type ind struct {
		cur, eval string
		v         float64 // cur as printed (analyze.Round1); NaN when not a number
	}
	val := func(t *csvTable, r []string) ind {
		c := t.get(r, "current")
		v := math.NaN()
		if f, err := strconv.ParseFloat(c, 64); err == nil {
			c, v = render.OneDecimal(f), analyze.Round1(f)
		}
		return ind{cur: c, eval: t.get(r, "evaluation"), v: v}
	}
	prev := map[string]ind{}
	for _, r := range ot.rows {
		prev[ot.get(r, "indicator_id")+"\x00"+ot.get(r, "group")] = val(ot, r)
	}
	var out []change
	for _, r := range nt.rows {
		id, g := nt.get(r, "indicator_id"), nt.get(r, "group")
		p, ok := prev[id+"\x00"+g]
		n := val(nt, r)
		if !ok {
			continue
		}
		if n.cur != p.cur {
			c := change{Kind: kindFigure, Item: id, By: "指標", Group: g, Choice: nt.get(r, "name"), Old: p.cur, New: n.cur}
			if !math.IsNaN(p.v) && !math.IsNaN(n.v) {
				c.Points = render.PointsText(n.v - p.v)
			}
			out = append(out, c)
		}
		if n.eval != p.eval {
			out = append(out, change{Kind: kindEval, Item: id, By: "指標", Group: g, Choice: nt.get(r, "name"),
				Old: p.eval, New: n.eval})
		}
	}
	return out, nil
}

// printDiff writes the comparison for people, in Japanese.
func printDiff(w io.Writer, d *outputDiff) {
	if len(d.Changes) == 0 {
		fmt.Fprintln(w, "前回の出力との違いはありません。")
		return
	}
	titles := []struct{ kind, title string }{
		{kindInput, "入力ファイル"}, {kindCount, "件数"}, {kindBase, "集計の基数（n）"},
		{kindFigure, "公表する数値"}, {kindEval, "指標の評価"},
	}
	for _, t := range titles {
		n := d.count(t.kind)
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "■ %s（%d件）\n", t.title, n)
		for _, c := range d.Changes {
			if c.Kind != t.kind {
				continue
			}
			fmt.Fprintf(w, "  %s\n", describe(c))
		}
	}
}

func describe(c change) string {
	switch c.Kind {
	case kindInput:
		switch c.New {
		case "追加", "削除":
			return c.Item + ": " + c.New
		}
		return c.Item + ": 内容が変わりました"
	case kindCount:
		return countLabel(c.Item) + ": " + c.Old + " → " + c.New
	}
	where := c.Item
	for _, s := range []string{c.By, c.Group, c.Choice} {
		if s != "" {
			where += " " + s
		}
	}
	s := where + ": " + orDash(c.Old) + " → " + orDash(c.New)
	if c.Points != "" {
		s += "（" + c.Points + "ポイント）"
	}
	return s
}

// countLabels names manifest.json's counts for people.
var countLabels = map[string]string{
	"respondents":          "有効回答数",
	"baseline_respondents": "策定時調査の回答数",
	"removed":              "修正で削除した記録",
	"hearings":             "ヒアリング団体数",
	"corrections":          "適用した修正",
	"errors":               "入力エラー",
	"warnings":             "警告",
}

// countLabel returns the Japanese name of a counts key; problems by code read
// "問題 unknown-code" (the code is what problems.csv lists).
func countLabel(key string) string {
	if l, ok := countLabels[key]; ok {
		return l
	}
	if code, ok := strings.CutPrefix(key, "problems."); ok {
		return "問題 " + code
	}
	return key
}

func orDash(s string) string {
	if s == "" {
		return "（なし）"
	}
	return s
}

// writeDiffCSV writes the changes as CSV (UTF-8 with BOM, like every CSV output).
func writeDiffCSV(w io.Writer, d *outputDiff) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"kind", "item", "by", "group", "choice", "old", "new", "diff_pt"})
	for _, c := range d.Changes {
		cw.Write([]string{c.Kind, c.Item, c.By, c.Group, c.Choice, c.Old, c.New, c.Points})
	}
	cw.Flush()
	return cw.Error()
}

// diffSummary is the one-line summary `run` prints after replacing a previous run.
func diffSummary(d *outputDiff) string {
	if len(d.Changes) == 0 {
		return "前回の出力から変化はありません。"
	}
	return fmt.Sprintf("前回の出力から: 入力ファイル %d件、件数 %d件、公表数値 %d件、基数 %d件、指標評価 %d件が変わりました（詳細: midreview diff）。",
		d.count(kindInput), d.count(kindCount), d.count(kindFigure), d.count(kindBase), d.count(kindEval))
}

// diffFiles are the files of an output folder that the comparison reads.
var diffFiles = []string{"manifest.json", "data/crosstab.csv", "data/indicators.csv"}

// snapshotForDiff keeps in memory what compareOutputs needs of the run now in
// out, before the swap replaces it; nil when out holds no previous run.
func snapshotForDiff(out string) fs.FS {
	m := fstest.MapFS{}
	for _, name := range diffFiles {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			if name == "manifest.json" {
				return nil
			}
			continue
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}
