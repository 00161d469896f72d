package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"

	"midreview/analyze"
	"midreview/render/view"
)

// A Diff is what changed between two output folders (`midreview diff`, and
// the one-line summary after a run that replaced a previous one).
type Diff struct {
	Changes []Change // by kind as Compare finds them: inputs, counts, crosstabs, indicators
}

// A Change is one difference between two runs' outputs.
type Change struct {
	Kind   ChangeKind
	Item   string // file path, count name, question or indicator ID
	By     string
	Group  string
	Choice string
	Old    string
	New    string
	Points string // signed points for ChangeFigure
}

// A ChangeKind is what a Change is about; its value is the diff CSV's kind column.
type ChangeKind string

// Change kinds.
const (
	ChangeInput  ChangeKind = "入力" // an input file added, removed or changed (SHA-256)
	ChangeCount  ChangeKind = "件数" // a count of manifest.json
	ChangeFigure ChangeKind = "数値" // a published percentage or indicator value, as printed
	ChangeBase   ChangeKind = "基数" // a crosstab base n
	ChangeEval   ChangeKind = "評価" // an indicator's A–D evaluation
)

// Count returns the number of changes of the given kind.
func (d *Diff) Count(kind ChangeKind) int {
	n := 0
	for _, c := range d.Changes {
		if c.Kind == kind {
			n++
		}
	}
	return n
}

// comparedFiles are the files of an output folder that Compare reads.
var comparedFiles = []string{"manifest.json", "data/crosstab.csv", "data/indicators.csv"}

// ComparedFiles lists the files of an output folder that Compare reads, as
// slash paths; manifest.json, which Compare requires, comes first.
func ComparedFiles() []string { return append([]string(nil), comparedFiles...) }

// Compare compares two runs' output folders through their manifests and data
// CSVs. Missing data CSVs compare as empty; a missing manifest.json is an error.
func Compare(old, cur fs.FS) (*Diff, error) {
	d := &Diff{}
	om, err := readDiffManifest(old)
	if err != nil {
		return nil, fmt.Errorf("前回の出力: %w", err)
	}
	nm, err := readDiffManifest(cur)
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

// diffManifest is the part of manifest.json that Compare reads.
//
// Note: the inputs are read as the Manifest type writes them; the counts are
// read as JSON and every numeric leaf is compared by dotted path
// ("problems.unknown-code"), so a count added to ManifestCounts is compared
// without a change here, and so is a manifest whose counts are laid out
// differently (an older version's).
type diffManifest struct {
	Inputs []ManifestInput `json:"inputs"`
	Counts map[string]any  `json:"counts"`
}

func readDiffManifest(fsys fs.FS) (*diffManifest, error) {
	data, err := fs.ReadFile(fsys, "manifest.json")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New("manifest.json がありません（midreview run の出力フォルダを指定してください）")
		}
		return nil, err
	}
	var m diffManifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifest.json を読めません: %w", err)
	}
	return &m, nil
}

func diffInputs(om, nm *diffManifest) []Change {
	old := map[string]string{}
	for _, in := range om.Inputs {
		old[in.Path] = in.SHA256
	}
	var out []Change
	seen := map[string]bool{}
	for _, in := range nm.Inputs {
		seen[in.Path] = true
		h, ok := old[in.Path]
		switch {
		case !ok:
			out = append(out, Change{Kind: ChangeInput, Item: in.Path, Old: "", New: "追加"})
		case h != in.SHA256:
			out = append(out, Change{Kind: ChangeInput, Item: in.Path, Old: shortHash(h), New: shortHash(in.SHA256)})
		}
	}
	for _, in := range om.Inputs {
		if !seen[in.Path] {
			out = append(out, Change{Kind: ChangeInput, Item: in.Path, Old: "", New: "削除"})
		}
	}
	return out
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// diffCounts compares every numeric leaf under "counts", by dotted path.
func diffCounts(om, nm *diffManifest) []Change {
	o, n := map[string]float64{}, map[string]float64{}
	flattenCounts("", om.Counts, o)
	flattenCounts("", nm.Counts, n)
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
	var out []Change
	for _, k := range sorted {
		ov, ook := o[k]
		nv, nok := n[k]
		if ook && nok && ov == nv {
			continue
		}
		out = append(out, Change{Kind: ChangeCount, Item: k, Old: countText(ov, ook), New: countText(nv, nok)})
	}
	return out
}

func flattenCounts(prefix string, v any, out map[string]float64) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flattenCounts(p, x, out)
		}
	case float64:
		out[prefix] = t
	}
}

func countText(v float64, ok bool) string {
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

// readCSVTable reads a data CSV (UTF-8, BOM optional); a missing file is an
// empty table.
func readCSVTable(fsys fs.FS, name string) (*csvTable, error) {
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
// analyze.Round1 through OneDecimal) and its full-precision value.
func shownPct(t *csvTable, row []string) (text string, v float64) {
	if t.get(row, "suppressed") == "true" {
		return view.MarkSuppressed, math.NaN()
	}
	p := t.get(row, "weighted_pct")
	if p == "" {
		p = t.get(row, "pct")
	}
	f, err := strconv.ParseFloat(p, 64)
	if err != nil {
		return "", math.NaN()
	}
	return view.OneDecimal(f), f
}

type shownFigure struct {
	text, label, base string
	v                 float64
}

// diffCrosstabs lists every crosstab percentage whose printed value changed, and
// every base n that changed, in the new run's order (then rows that disappeared).
func diffCrosstabs(old, cur fs.FS) ([]Change, error) {
	ot, err := readCSVTable(old, "data/crosstab.csv")
	if err != nil {
		return nil, err
	}
	nt, err := readCSVTable(cur, "data/crosstab.csv")
	if err != nil {
		return nil, err
	}
	key := func(t *csvTable, r []string) string {
		return strings.Join([]string{t.get(r, "survey"), t.get(r, "question_id"), t.get(r, "by"),
			t.get(r, "group"), t.get(r, "code")}, "\x00")
	}
	prev := map[string]shownFigure{}
	for _, r := range ot.rows {
		s, v := shownPct(ot, r)
		prev[key(ot, r)] = shownFigure{text: s, v: v, label: ot.get(r, "label"), base: ot.get(r, "base")}
	}
	var out []Change
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
			out = append(out, Change{Kind: ChangeFigure, Item: item, By: nt.get(r, "by"), Group: nt.get(r, "group"),
				Choice: nt.get(r, "label"), Old: "", New: s})
			continue
		}
		gk := strings.Join([]string{nt.get(r, "survey"), item, nt.get(r, "by"), nt.get(r, "group")}, "\x00")
		if b := nt.get(r, "base"); b != p.base && !baseSeen[gk] {
			baseSeen[gk] = true
			out = append(out, Change{Kind: ChangeBase, Item: item, By: nt.get(r, "by"), Group: nt.get(r, "group"),
				Old: p.base, New: b})
		}
		if s == p.text {
			continue
		}
		c := Change{Kind: ChangeFigure, Item: item, By: nt.get(r, "by"), Group: nt.get(r, "group"),
			Choice: nt.get(r, "label"), Old: p.text, New: s}
		// Note: a change is the difference of the printed figures
		// (analyze.PointDiff), as everywhere else: 13.6 → 13.5 is -0.1.
		if !math.IsNaN(v) && !math.IsNaN(p.v) {
			c.Points = view.PointsText(analyze.PointDiff(p.v, v))
		}
		out = append(out, c)
	}
	for _, r := range ot.rows {
		if k := key(ot, r); !seen[k] {
			s, _ := shownPct(ot, r)
			out = append(out, Change{Kind: ChangeFigure, Item: ot.get(r, "question_id"), By: ot.get(r, "by"),
				Group: ot.get(r, "group"), Choice: ot.get(r, "label"), Old: s, New: ""})
		}
	}
	return out, nil
}

// diffIndicators lists indicator values whose printed value changed and
// evaluations that flipped.
func diffIndicators(old, cur fs.FS) ([]Change, error) {
	ot, err := readCSVTable(old, "data/indicators.csv")
	if err != nil {
		return nil, err
	}
	nt, err := readCSVTable(cur, "data/indicators.csv")
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
			c, v = view.OneDecimal(f), analyze.Round1(f)
		}
		return ind{cur: c, eval: t.get(r, "evaluation"), v: v}
	}
	prev := map[string]ind{}
	for _, r := range ot.rows {
		prev[ot.get(r, "indicator_id")+"\x00"+ot.get(r, "group")] = val(ot, r)
	}
	var out []Change
	for _, r := range nt.rows {
		id, g := nt.get(r, "indicator_id"), nt.get(r, "group")
		p, ok := prev[id+"\x00"+g]
		n := val(nt, r)
		if !ok {
			continue
		}
		if n.cur != p.cur {
			c := Change{Kind: ChangeFigure, Item: id, By: "指標", Group: g, Choice: nt.get(r, "name"), Old: p.cur, New: n.cur}
			if !math.IsNaN(p.v) && !math.IsNaN(n.v) {
				c.Points = view.PointsText(analyze.PointDiff(p.v, n.v))
			}
			out = append(out, c)
		}
		if n.eval != p.eval {
			out = append(out, Change{Kind: ChangeEval, Item: id, By: "指標", Group: g, Choice: nt.get(r, "name"),
				Old: p.eval, New: n.eval})
		}
	}
	return out, nil
}

// WriteText writes the comparison for people, in Japanese, grouped by kind.
func (d *Diff) WriteText(w io.Writer) error {
	if len(d.Changes) == 0 {
		_, err := fmt.Fprintln(w, "前回の出力との違いはありません。")
		return err
	}
	titles := []struct {
		kind  ChangeKind
		title string
	}{
		{ChangeInput, "入力ファイル"}, {ChangeCount, "件数"}, {ChangeBase, "集計の基数（n）"},
		{ChangeFigure, "公表する数値"}, {ChangeEval, "指標の評価"},
	}
	var b strings.Builder
	for _, t := range titles {
		n := d.Count(t.kind)
		if n == 0 {
			continue
		}
		fmt.Fprintf(&b, "■ %s（%d件）\n", t.title, n)
		for _, c := range d.Changes {
			if c.Kind != t.kind {
				continue
			}
			fmt.Fprintf(&b, "  %s\n", describeChange(c))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func describeChange(c Change) string {
	switch c.Kind {
	case ChangeInput:
		switch c.New {
		case "追加", "削除":
			return c.Item + ": " + c.New
		}
		return c.Item + ": 内容が変わりました"
	case ChangeCount:
		return countLabel(c.Item) + ": " + c.Old + " → " + c.New
	}
	where := c.Item
	for _, s := range []string{c.By, c.Group, c.Choice} {
		if s != "" {
			where += " " + s
		}
	}
	s := where + ": " + orNone(c.Old) + " → " + orNone(c.New)
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

func orNone(s string) string {
	if s == "" {
		return "（なし）"
	}
	return s
}

// WriteCSV writes the changes as CSV (UTF-8 with BOM, like every CSV output).
func (d *Diff) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"kind", "item", "by", "group", "choice", "old", "new", "diff_pt"})
	for _, c := range d.Changes {
		cw.Write([]string{string(c.Kind), c.Item, c.By, c.Group, c.Choice, c.Old, c.New, c.Points})
	}
	cw.Flush()
	return cw.Error()
}

// Summary is the one-line summary `midreview run` prints after replacing a
// previous run.
func (d *Diff) Summary() string {
	if len(d.Changes) == 0 {
		return "前回の出力から変化はありません。"
	}
	return fmt.Sprintf("前回の出力から: 入力ファイル %d件、件数 %d件、公表数値 %d件、基数 %d件、指標評価 %d件が変わりました（詳細: midreview diff）。",
		d.Count(ChangeInput), d.Count(ChangeCount), d.Count(ChangeFigure), d.Count(ChangeBase), d.Count(ChangeEval))
}
