package render_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render"
	"midreview/render/view"
	"midreview/render/wording"
)

// TestFindingsProperty checks data/findings.csv against the other CSVs of the
// same run, as issue 11 asks, over seeded sample batches of several sizes
// (small districts give suppression and 参考値; one is weighted), the webform
// batch (a 分析軸) and the small and cycle batches. Every CSV is written into
// memory and parsed back; for every sentence of findings.csv:
//   - its basis names, figure by figure, the CSV row each of its figures
//     names (FindingFig.Source, Item, By, Group, Code): the row's ID, group and
//     label, the measure, the value printed and n=;
//   - each printed value equals that CSV cell rounded by analyze.Round1
//     (percentages and points one decimal, signed differences), and n and
//     counts equal it exactly;
//   - every number in the text is one of those printed figures, in the order
//     of the figures (labels, group names and the 100 of 100%, the 95 of 95%
//     aside);
//   - a sentence with a % names no group whose crosstab.csv row is suppressed,
//     neither as a figure nor anywhere in its text; no figure is a crosstab.csv
//     or district_rest.csv row under 参考値基準.
//
// Note: the row a figure names comes from the analyze Finding (its
// FindingFig), found by the findings.csv row's place, target, district and
// order; everything printed is read from findings.csv and compared with the
// CSV row, never with the analyze results.
func TestFindingsProperty(t *testing.T) {
	cov := map[string]int{}
	for _, pb := range propBatches(t) {
		t.Run(pb.name, func(t *testing.T) {
			res := analyze.Run(pb.b)
			checkFindingsCSV(t, res, writeCSVs(t, res), cov)
		})
	}
	// The batches must reach what the property is about.
	for _, k := range []string{
		analyze.SrcCrosstab, analyze.SrcSummary, analyze.SrcTrend, analyze.SrcInd, analyze.SrcRest,
		analyze.SrcProfile, analyze.SrcOverview, analyze.SrcRatings, analyze.SrcMatrix,
		analyze.MeasureWeightedPct, "axis", "suppressed-in-question", analyze.RuleTooFew, analyze.RuleReference,
		analyze.SrcTops, analyze.SrcOrgs, analyze.SrcProgress, analyze.SrcHard, analyze.RuleHard, analyze.RuleDelayed, analyze.RuleIndDetail, analyze.RuleHearings, analyze.RuleStandout,
	} {
		if cov[k] == 0 {
			t.Errorf("no batch reaches %s", k)
		}
	}
	t.Logf("coverage %v", cov)
}

type propBatch struct {
	name string
	b    *ingest.Batch
}

// propBatches returns the seeded sample batches, the webform batch with its
// 分析軸, and the small and cycle batches of the goldens.
func propBatches(t *testing.T) []propBatch {
	t.Helper()
	var out []propBatch
	for _, o := range []struct {
		seed         int64
		resp, hear   int
		weighted     bool
		suppressLow  int // 秘匿基準 when not 0
		referenceLow int // 参考値基準 when not 0
	}{
		{seed: 2, resp: 90, hear: 4},
		{seed: 3, resp: 270, hear: 6},
		{seed: 5, resp: 510, hear: 8, weighted: true},
		{seed: 11, resp: 700, hear: 6, suppressLow: 40, referenceLow: 60},
	} {
		fsys, err := batchgen.SampleFS(batchgen.Options{Respondents: o.resp, Hearings: o.hear, Seed: o.seed})
		if err != nil {
			t.Fatal(err)
		}
		b, err := ingest.Read(fsys)
		if err != nil {
			t.Fatal(err)
		}
		b.Settings.Weighting = o.weighted
		if o.suppressLow > 0 {
			b.Settings.SuppressBelow, b.Settings.ReferenceBelow = o.suppressLow, o.referenceLow
		}
		out = append(out, propBatch{"seed" + strconv.FormatInt(o.seed, 10), b})
	}
	dir := filepath.Join("..", "testdata", "batches", "webform")
	fsys := fstest.MapFS{}
	for name, path := range map[string]string{
		"definitions.xlsx":     "definitions.xlsx",
		"responses/coded.xlsx": filepath.Join("coded", "coded.xlsx"),
	} {
		data, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, propBatch{"webform", b})
	for _, name := range []string{"small", "cycle"} {
		b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", name)))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, propBatch{name, b})
	}
	return out
}

// A csvTable is one CSV output parsed back: its columns and rows, text fields
// with the formula escape undone.
type csvTable struct {
	col  map[string]int
	rows [][]string
}

func (tb *csvTable) get(row []string, name string) string {
	i, ok := tb.col[name]
	if !ok {
		panic("no column " + name)
	}
	return row[i]
}

// writeCSVs writes every CSV of the run into memory and parses it back.
func writeCSVs(t *testing.T, res *analyze.Results) map[string]*csvTable {
	t.Helper()
	out := map[string]*csvTable{}
	files := render.CSVFiles()
	if res.Progress != nil {
		files = append(files, render.CSVFile{Path: "data/progress.csv", Write: render.ProgressCSV})
	}
	if res.Hard != nil {
		files = append(files, render.CSVFile{Path: "data/hard_counts.csv", Write: render.HardCountsCSV})
	}
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.Write(&buf, res); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		s, ok := strings.CutPrefix(buf.String(), "\uFEFF")
		if !ok {
			t.Fatalf("%s: no BOM", f.Path)
		}
		recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		tb := &csvTable{col: map[string]int{}}
		for i, h := range recs[0] {
			tb.col[h] = i
		}
		for _, r := range recs[1:] {
			for i := range r {
				r[i] = unescapeCSV(r[i])
			}
			tb.rows = append(tb.rows, r)
		}
		out[f.Path] = tb
	}
	return out
}

// unescapeCSV undoes the formula escape of docs/outputs.md: one leading '
// before = + - @ TAB CR or '.
func unescapeCSV(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte("=+-@\t\r'", s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// A figSource is how a FindingFig's Source is published: the file, the
// columns that name a row (matched in order with figKey), and the columns
// whose values the basis prints before the measure (ID, group, label).
type figSource struct {
	file               string
	key                []string
	item, group, label string
}

var figSources = map[string]figSource{
	analyze.SrcCrosstab: {"data/crosstab.csv", []string{"survey", "question_id", "by", "group", "code"}, "question_id", "group", "label"},
	analyze.SrcSummary:  {"data/summary.csv", []string{"survey", "question_id", "by", "group"}, "question_id", "group", ""},
	analyze.SrcTrend:    {"data/trend.csv", []string{"question_id", "by", "group", "code"}, "question_id", "group", "label"},
	analyze.SrcInd:      {"data/indicators.csv", []string{"indicator_id", "group"}, "indicator_id", "group", ""},
	analyze.SrcRest:     {"data/district_rest.csv", []string{"district", "question_id", "code"}, "question_id", "district", "label"},
	analyze.SrcProfile:  {"data/district_profile.csv", []string{"district"}, "", "district", ""},
	analyze.SrcOverview: {"data/overview.csv", []string{"by", "group"}, "", "group", ""},
	analyze.SrcRatings:  {"data/hearing_ratings.csv", []string{"item_id", "by", "group", "code"}, "item_id", "group", "label"},
	analyze.SrcMatrix:   {"data/comment_matrix.csv", []string{"theme", "district"}, "", "district", "theme"},
	analyze.SrcTops:     {"data/district_tops.csv", []string{"district", "question_id"}, "question_id", "district", "label"},
	analyze.SrcOrgs:     {"data/hearing_orgs.csv", []string{"by", "group"}, "", "group", ""},
	analyze.SrcProgress: {"data/progress.csv", []string{"initiative_id", "year"}, "initiative_id", "year", ""},
	analyze.SrcHard:     {"data/hard_counts.csv", []string{"source", "year", "district", "category"}, "", "district", "category"},
}

// figKey is the values of figSources[g.Source].key that g names.
func figKey(g analyze.FindingFig) []string {
	switch g.Source {
	case analyze.SrcCrosstab:
		return []string{analyze.Current, g.Item, g.By, g.Group, g.Code}
	case analyze.SrcSummary:
		if g.Measure == analyze.MeasureBaseTopBox {
			return []string{analyze.Baseline, g.Item, g.By, g.Group}
		}
		return []string{analyze.Current, g.Item, g.By, g.Group}
	case analyze.SrcTops:
		return []string{g.Group, g.Item}
	case analyze.SrcOrgs:
		return []string{g.By, g.Group}
	case analyze.SrcProgress:
		return []string{g.Item, g.Group}
	case analyze.SrcHard:
		return []string{"all", "", g.Group, g.Label}
	case analyze.SrcTrend, analyze.SrcRatings:
		return []string{g.Item, g.By, g.Group, g.Code}
	case analyze.SrcInd:
		return []string{g.Item, g.Group}
	case analyze.SrcRest:
		return []string{g.Group, g.Item, g.Code}
	case analyze.SrcProfile:
		return []string{g.Group}
	case analyze.SrcOverview:
		return []string{g.By, g.Group}
	case analyze.SrcMatrix:
		return []string{g.Label, g.Group}
	}
	return nil
}

// A figColumn is the CSV column that publishes a measure of a source, the
// column of its n ("" when the basis prints none) and the word the basis
// names the measure by.
type figColumn struct{ value, n, word string }

var figColumns = map[[2]string]figColumn{
	{analyze.SrcCrosstab, analyze.MeasurePct}:         {"pct", "base", ""},
	{analyze.SrcCrosstab, analyze.MeasureWeightedPct}: {"weighted_pct", "base", "補正後"},
	{analyze.SrcSummary, analyze.MeasureTopBox}:       {"top_box_pct", "n", "肯定計"},
	{analyze.SrcSummary, analyze.MeasureMean}:         {"mean", "n", "平均"},
	{analyze.SrcSummary, analyze.MeasureMedian}:       {"median", "n", "中央値"},
	{analyze.SrcTrend, analyze.MeasureBaselinePct}:    {"baseline_pct", "baseline_base", "策定時"},
	{analyze.SrcTrend, analyze.MeasureCurrentPct}:     {"current_pct", "current_base", "今回"},
	{analyze.SrcTrend, analyze.MeasureDiff}:           {"diff_pt", "current_base", "差"},
	{analyze.SrcInd, analyze.MeasureBaseline}:         {"baseline", "baseline_n", "策定時"},
	{analyze.SrcInd, analyze.MeasureCurrent}:          {"current", "current_n", "今回"},
	{analyze.SrcInd, analyze.MeasureTarget}:           {"target", "", "目標"},
	{analyze.SrcRest, analyze.MeasurePct}:             {"pct", "base", ""},
	{analyze.SrcRest, analyze.MeasureRestPct}:         {"rest_pct", "rest_base", "他地区"},
	{analyze.SrcRest, analyze.MeasureDiff}:            {"diff_pt", "base", "差"},
	{analyze.SrcProfile, analyze.MeasureValid}:        {"n", "", "回答者"},
	{analyze.SrcProfile, analyze.MeasureMargin}:       {"margin_pt", "n", "誤差"},
	{analyze.SrcOverview, analyze.MeasureValid}:       {"valid", "", "回答者"},
	{analyze.SrcOverview, analyze.MeasureRate}:        {"rate", "distributed", "回収率"},
	{analyze.SrcRatings, analyze.MeasurePct}:          {"pct", "base", ""},
	{analyze.SrcMatrix, analyze.MeasureCount}:         {"count", "", "件数"},
	{analyze.SrcSummary, analyze.MeasureBaseTopBox}:   {"top_box_pct", "n", "策定時肯定計"},
	{analyze.SrcInd, analyze.MeasureCILow}:            {"ci_low", "current_n", "下限"},
	{analyze.SrcInd, analyze.MeasureCIHigh}:           {"ci_high", "current_n", "上限"},
	{analyze.SrcTops, analyze.MeasurePct}:             {"pct", "n", ""},
	{analyze.SrcTops, analyze.MeasureAllPct}:          {"all_pct", "all_n", "全体"},
	// The カルテ's comparison with the rest of the ward on the key measure.
	{analyze.SrcTops, analyze.MeasureRestPct}:    {"rest_pct", "rest_n", "他地区"},
	{analyze.SrcTops, analyze.MeasureDiff}:       {"rest_diff_pt", "n", "差"},
	{analyze.SrcOrgs, analyze.MeasureOrgs}:       {"count", "", "団体数"},
	{analyze.SrcRatings, analyze.MeasureOrgs}:    {"count", "base", "団体数"},
	{analyze.SrcRatings, analyze.MeasureOrgBase}: {"base", "", "ヒアリング団体数"},
	{analyze.SrcProgress, analyze.MeasureRating}: {"progress_code", "", "進ちょく"},
	{analyze.SrcHard, analyze.MeasureCount}:      {"count", "", "件数"},
}

// figShapes is how a measure's value is printed in a basis (shapePct when
// not listed); submatch 1 is the number (signed for a difference).
var (
	shapePct  = regexp.MustCompile(`^(-?[0-9]+\.[0-9])%$`)
	figShapes = map[string]*regexp.Regexp{
		analyze.MeasureDiff:    regexp.MustCompile(`^([+-]?[0-9]+\.[0-9])ポイント$`),
		analyze.MeasureMargin:  regexp.MustCompile(`^±([0-9]+\.[0-9])ポイント$`),
		analyze.MeasureMean:    regexp.MustCompile(`^(-?[0-9]+\.[0-9])$`),
		analyze.MeasureMedian:  regexp.MustCompile(`^(-?[0-9]+(?:\.[0-9])?)$`), // whole when whole
		analyze.MeasureValid:   regexp.MustCompile(`^([0-9]{1,3}(?:,[0-9]{3})*)人$`),
		analyze.MeasureCount:   regexp.MustCompile(`^([0-9]{1,3}(?:,[0-9]{3})*)件$`),
		analyze.MeasureOrgs:    regexp.MustCompile(`^([0-9]{1,3}(?:,[0-9]{3})*)団体$`),
		analyze.MeasureOrgBase: regexp.MustCompile(`^([0-9]{1,3}(?:,[0-9]{3})*)団体$`),
		analyze.MeasureRating:  regexp.MustCompile(`^([0-9]+)$`),
	}
	propThousands = regexp.MustCompile(`^[0-9]{1,3}(?:,[0-9]{3})*$`)
	propNumber    = regexp.MustCompile(`[0-9][0-9,]*(?:\.[0-9]+)?`)
)

// ruleConstants are the numbers a template itself prints: the 100 of
// 100% (MA note), the 95 of 信頼度95% (margin).
var ruleConstants = map[string]string{analyze.RuleMANote: "100", analyze.RuleMargin: "95", analyze.RuleIndDetail: "95"}

// csvIndex finds CSV rows by the key columns of a source: the first row with
// those values, as analyze takes the first crosstab of a question and breakdown.
type csvIndex map[string][]string

func buildIndex(data map[string]*csvTable) map[string]csvIndex {
	out := map[string]csvIndex{}
	for src, s := range figSources {
		tb := data[s.file]
		ix := csvIndex{}
		if tb == nil {
			continue // progress.csv only with progress/
		}
		for _, r := range tb.rows {
			var k []string
			for _, c := range s.key {
				k = append(k, tb.get(r, c))
			}
			ks := strings.Join(k, "\x00")
			if ix[ks] == nil {
				ix[ks] = r
			}
		}
		out[src] = ix
	}
	return out
}

// checkFindingsCSV checks data/findings.csv against the CSVs it cites and
// counts what it met in cov.
func checkFindingsCSV(t *testing.T, res *analyze.Results, data map[string]*csvTable, cov map[string]int) {
	t.Helper()
	ix := buildIndex(data)
	ct := data["data/crosstab.csv"]
	// suppressed[question][group] over the current crosstabs by a breakdown.
	suppressed := map[string]map[string]bool{}
	for _, r := range ct.rows {
		if ct.get(r, "survey") != analyze.Current || ct.get(r, "by") == analyze.ByAll || ct.get(r, "suppressed") != "true" {
			continue
		}
		q := ct.get(r, "question_id")
		if suppressed[q] == nil {
			suppressed[q] = map[string]bool{}
		}
		suppressed[q][ct.get(r, "group")] = true
	}
	axes := map[string]string{}
	for _, a := range res.Axes {
		axes[a.By] = a.Name
	}

	// The findings of each passage in order: findings.csv's order picks one.
	byPlace := map[[3]string][]analyze.Finding{}
	for _, f := range res.Findings {
		k := [3]string{f.Place, f.Target, f.District}
		byPlace[k] = append(byPlace[k], f)
	}
	fc := data["data/findings.csv"]
	if len(fc.rows) != len(res.Findings) || len(fc.rows) < 10 {
		t.Fatalf("findings.csv has %d rows for %d findings", len(fc.rows), len(res.Findings))
	}
	for i, r := range fc.rows {
		k := [3]string{fc.get(r, "place"), fc.get(r, "target_id"), fc.get(r, "district")}
		order, err := strconv.Atoi(fc.get(r, "order"))
		if err != nil || order < 1 || order > len(byPlace[k]) {
			t.Fatalf("findings.csv row %d: order %q of %q", i+2, fc.get(r, "order"), k)
		}
		f := byPlace[k][order-1]
		text, basis := fc.get(r, "text"), fc.get(r, "basis")
		where := "findings.csv row " + strconv.Itoa(i+2) + " " + strconv.Quote(text)
		cov[f.Rule]++

		// The basis, figure by figure, against the CSV rows.
		var rows [][]string // the CSV row of each figure
		var printed []string
		rest, bad := basis, false
		for j, g := range f.Figures {
			cov[g.Source]++
			if g.Measure == analyze.MeasureWeightedPct {
				cov[g.Measure]++
			}
			if _, ok := axes[g.By]; ok && g.Source == analyze.SrcCrosstab {
				cov["axis"]++
			}
			src, ok1 := figSources[g.Source]
			col, ok2 := figColumns[[2]string{g.Source, g.Measure}]
			if !ok1 || !ok2 {
				t.Fatalf("%s: figure %+v: no CSV known for %s %s", where, g, g.Source, g.Measure)
			}
			row := ix[g.Source][strings.Join(figKey(g), "\x00")]
			if row == nil {
				t.Errorf("%s: figure %+v: no row in %s", where, g, src.file)
				return
			}
			rows = append(rows, row)
			tb := data[src.file]
			// Note: analyze names no group under 参考値基準 (nor one suppressed).
			if (g.Source == analyze.SrcCrosstab || g.Source == analyze.SrcRest) && tb.get(row, "reference") != "false" {
				t.Errorf("%s: figure %d names a 参考値 row of %s", where, j+1, src.file)
			}
			var words []string
			for _, c := range []string{src.item, src.group, src.label} {
				if c != "" && tb.get(row, c) != "" {
					words = append(words, tb.get(row, c))
				}
			}
			if col.word != "" {
				words = append(words, col.word)
			}
			if j > 0 {
				var ok bool
				if rest, ok = strings.CutPrefix(rest, "; "); !ok {
					t.Errorf("%s: basis %q: no '; ' before figure %d", where, basis, j+1)
					bad = true
					break
				}
			}
			prefix := strings.Join(words, " ") + " "
			if len(words) == 0 {
				prefix = ""
			}
			if !strings.HasPrefix(rest, prefix) {
				t.Errorf("%s: basis %q: figure %d should start %q (%s)", where, basis, j+1, prefix, src.file)
				bad = true
				break
			}
			rest = rest[len(prefix):]
			end := strings.IndexAny(rest, " ;")
			if end < 0 {
				end = len(rest)
			}
			tok := rest[:end]
			rest = rest[end:]
			digits, ok := checkPrinted(tok, g.Measure, tb.get(row, col.value))
			if !ok {
				t.Errorf("%s: basis %q: figure %d prints %q, %s %s is %q", where, basis, j+1, tok, src.file, col.value, tb.get(row, col.value))
			}
			printed = append(printed, digits)
			// n= as the CSV's n: exactly, and only where the basis prints one.
			wantN := ""
			if col.n != "" {
				if n, err := strconv.Atoi(tb.get(row, col.n)); err == nil && n > 0 {
					wantN = " n=" + view.Thousands(n)
				}
			}
			if strings.HasPrefix(rest, " n=") || wantN != "" {
				if !strings.HasPrefix(rest, wantN) || strings.HasPrefix(rest[len(wantN):], "0") ||
					strings.HasPrefix(rest[len(wantN):], ",") {
					t.Errorf("%s: basis %q: figure %d n should be %q (%s %s)", where, basis, j+1, wantN, src.file, col.n)
				}
				rest = rest[len(wantN):]
			}
		}
		if rest != "" && !bad {
			t.Errorf("%s: basis %q: %q left after %d figures", where, basis, rest, len(f.Figures))
		}

		// Every number in the text: one of the figures as printed, in order.
		plain := text
		for _, s := range quotedIn(f, rows, data, axes) {
			plain = strings.ReplaceAll(plain, "「"+s+"」", "「」")
			plain = strings.ReplaceAll(plain, "『"+s+"』", "『』")
		}
		named := map[string]bool{}
		for _, g := range f.Figures {
			// Note: a district profile says この地区, never the district's name.
			if g.Group != "" && g.Source != analyze.SrcMatrix && g.Source != analyze.SrcProfile && g.Source != analyze.SrcOverview {
				named[g.Group] = true
			}
		}
		for g := range named {
			plain = strings.ReplaceAll(plain, g, "")
		}
		next := 0
		for _, n := range propNumber.FindAllString(plain, -1) {
			k := next
			for k < len(printed) && printed[k] != n {
				k++
			}
			switch {
			case k < len(printed):
				next = k + 1
			case ruleConstants[f.Rule] == n:
			default:
				t.Errorf("%s: %q is none of the figures %q that follow", where, n, printed[next:])
			}
		}

		// A sentence with a % names no suppressed group.
		if !strings.Contains(text, "%") {
			continue
		}
		qs := map[string]bool{}
		if f.Place == analyze.PlaceQuestion {
			qs[f.Target] = true
		}
		for j, g := range f.Figures {
			var q, by string
			switch g.Source {
			case analyze.SrcCrosstab, analyze.SrcSummary, analyze.SrcTrend:
				q, by = g.Item, g.By
			case analyze.SrcRest:
				q, by = g.Item, analyze.ByDistrict
				if rows[j] != nil && data["data/district_rest.csv"].get(rows[j], "suppressed") != "false" {
					t.Errorf("%s: figure %d is a suppressed district_rest.csv row", where, j+1)
				}
			default:
				continue
			}
			qs[q] = true
			if by == analyze.ByAll {
				continue
			}
			if suppressed[q][g.Group] {
				t.Errorf("%s: names %s %s, suppressed in crosstab.csv for %s", where, by, g.Group, q)
			}
		}
		// Nor in its words: what is left after the quoted labels and the
		// groups it names with figures holds no suppressed group of its questions.
		for q := range qs {
			if len(suppressed[q]) > 0 {
				cov["suppressed-in-question"]++
			}
			for g := range suppressed[q] {
				if named[g] {
					continue // reported above when suppressed
				}
				if strings.Contains(plain, g) {
					t.Errorf("%s: names %q, suppressed in crosstab.csv for %s", where, g, q)
				}
			}
		}
	}
}

// checkPrinted reports whether tok prints the CSV value v as the measure is
// printed (Round1 for one decimal, exact for counts), and returns the digits a
// sentence prints for it (no sign, unit or ±).
func checkPrinted(tok, measure, v string) (string, bool) {
	re := figShapes[measure]
	if re == nil {
		re = shapePct
	}
	m := re.FindStringSubmatch(tok)
	if m == nil || v == "" {
		return tok, false
	}
	digits := strings.TrimLeft(m[1], "+-")
	if measure == analyze.MeasureValid || measure == analyze.MeasureCount || measure == analyze.MeasureOrgs || measure == analyze.MeasureOrgBase || measure == analyze.MeasureRating {
		got, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
		return digits, err == nil && propThousands.MatchString(m[1]) && strconv.Itoa(got) == v
	}
	got, err1 := strconv.ParseFloat(m[1], 64)
	want, err2 := strconv.ParseFloat(v, 64)
	if err1 != nil || err2 != nil || got != analyze.Round1(want) {
		return digits, false
	}
	// A difference is signed: + above zero, none at 0.0.
	if measure == analyze.MeasureDiff && (got > 0) != strings.HasPrefix(m[1], "+") {
		return digits, false
	}
	return digits, true
}

// quotedIn returns what a finding's sentence may quote in 「」: its subject,
// words, the 分析軸 it is broken down by, and each figure's label and
// 分析軸 group as its CSV row has them.
func quotedIn(f analyze.Finding, rows [][]string, data map[string]*csvTable, axes map[string]string) []string {
	// Note: a sentence names its subject by its short title, and quotes
	// every label with its own 「」 as 『』 (wording.ShortTitle, InQuote).
	out := []string{wording.ShortTitle(f.Subject)}
	out = append(out, f.Words...)
	if f.Indicator != "" {
		out = append(out, f.Indicator)
	}
	for j, g := range f.Figures {
		if j >= len(rows) {
			break
		}
		src := figSources[g.Source]
		if src.label != "" {
			out = append(out, data[src.file].get(rows[j], src.label))
		}
		if name, ok := axes[g.By]; ok {
			out = append(out, name, data[src.file].get(rows[j], src.group))
		}
	}
	for _, s := range out[1:] {
		if q := wording.InQuote(s); q != s {
			out = append(out, q)
		}
	}
	return out
}
