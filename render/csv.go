package render

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/wording"
)

// Headers of the CSV files (outputs.md), exactly as written in row 1.
var (
	crosstabHeader        = []string{"survey", "question_id", "by", "group", "code", "label", "count", "base", "pct", "weighted_pct", "suppressed", "reference", "adj_residual", "mark"}
	summaryHeader         = []string{"survey", "question_id", "by", "group", "n", "mean", "sd", "median", "q1", "q3", "min", "max", "top_box_pct"}
	trendHeader           = []string{"question_id", "by", "group", "code", "label", "baseline_count", "baseline_base", "baseline_pct", "current_count", "current_base", "current_pct", "diff_pt", "p_value"}
	indicatorsHeader      = []string{"indicator_id", "name", "theme", "question_id", "group", "baseline", "baseline_n", "current", "current_n", "ci_low", "ci_high", "target", "direction", "p_value", "evaluation"}
	hearingsHeader        = []string{"item_id", "theme", "by", "group", "code", "label", "count"}
	freetextHeader        = []string{"source", "record_id", "district", "item_id", "themes", "text_masked"}
	keywordsHeader        = []string{"source", "by", "group", "word", "count", "docs"}
	districtTopsHeader    = []string{"district", "question_id", "measure", "code", "label", "direction", "count", "n", "pct", "all_n", "all_pct", "diff_pt", "p_value", "suppressed", "all_suppressed", "reference", "mark", "rest_n", "rest_pct", "rest_diff_pt"}
	chisqHeader           = []string{"survey", "question_id", "by", "chi2", "df", "p_value", "low_expected"}
	districtChisqHeader   = []string{"district", "question_id", "chi2", "df", "p_value", "low_expected"}
	overviewHeader        = []string{"by", "group", "distributed", "valid", "rate"}
	hearingOrgsHeader     = []string{"by", "group", "count"}
	hearingRatingsHeader  = []string{"item_id", "theme", "by", "group", "code", "label", "count", "base", "pct"}
	commentMatrixHeader   = []string{"theme", "district", "count"}
	freetextCountsHeader  = []string{"source", "count"}
	findingsHeader        = []string{"place", "target_id", "district", "order", "text", "basis"}
	districtRestHeader    = []string{"district", "question_id", "code", "label", "count", "base", "pct", "rest_count", "rest_base", "rest_pct", "diff_pt", "p_value", "suppressed", "reference", "adj_residual", "mark"}
	districtProfileHeader = []string{"district", "n", "margin_pt"}
	problemsHeader        = []string{"severity", "code", "file", "sheet", "cell", "row", "record_id", "item", "value", "message"}
	correctionsHeader     = []string{"row", "target", "id", "item", "before", "after", "reason", "person", "file", "cell"}
)

// bom is the UTF-8 byte order mark that makes Excel in Japan read a CSV as UTF-8.
const bom = "\uFEFF"

// csvWriter writes one CSV file: BOM, header, rows. It keeps the first error.
type csvWriter struct {
	w   *csv.Writer
	err error
}

func newCSV(w io.Writer, header []string) *csvWriter {
	c := &csvWriter{}
	if _, err := io.WriteString(w, bom); err != nil {
		c.err = err
		return c
	}
	c.w = csv.NewWriter(w)
	// Note: CRLF as in RFC 4180 and as Excel itself writes CSV on Windows.
	c.w.UseCRLF = true
	c.row(header...)
	return c
}

func (c *csvWriter) row(fields ...string) {
	if c.err != nil {
		return
	}
	c.err = c.w.Write(fields)
}

func (c *csvWriter) close() error {
	if c.err != nil {
		return c.err
	}
	c.w.Flush()
	return c.w.Error()
}

// csvText protects a text field taken from the input against formula injection:
// a field starting with = + - @ TAB or CR would be run as a formula when the CSV is
// opened in Excel, so it gets a leading apostrophe. A field starting with an
// apostrophe gets one too, so the escape is reversible: drop one leading ' when
// the next character is one of = + - @ TAB CR '.
//
// Note: only text from the input (labels, names, IDs, free text, problem values)
// is escaped; numbers written by midreview (e.g. -1.23) never are. See
// docs/outputs.md.
func csvText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

// csvFloat formats v at full precision; NaN and ±Inf are empty.
func csvFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func csvInt(n int) string { return strconv.Itoa(n) }

func csvBool(b bool) string { return strconv.FormatBool(b) }

func questionID(b *ingest.Batch, q int) string {
	if b == nil || q < 0 || q >= len(b.Questions) {
		return ""
	}
	return b.Questions[q].ID
}

// CrosstabCSV writes data/crosstab.csv: one row per survey × question × group × choice
// (plus 無回答), in the order of res.Crosstabs.
func CrosstabCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, crosstabHeader)
	weighting := res.Batch != nil && res.Batch.Settings.Weighting
	for _, ct := range res.Crosstabs {
		qid := csvText(questionID(res.Batch, ct.Question))
		for _, g := range ct.Groups {
			for i, ch := range ct.Choices {
				if i >= len(g.Cells) {
					break
				}
				cell := g.Cells[i]
				wp := ""
				if weighting {
					wp = csvFloat(cell.WeightedPct)
				}
				c.row(ct.Survey, qid, csvText(ct.By), csvText(g.Name), csvText(ch.Code), csvText(ch.Label),
					csvInt(cell.Count), csvInt(g.Base), csvFloat(cell.Pct), wp,
					csvBool(g.Suppressed), csvBool(g.Reference), csvFloat(cell.AdjResidual), cell.Mark)
			}
		}
	}
	return c.close()
}

// SummaryCSV writes data/summary.csv: SC and NUM summaries in the order of res.Summaries.
func SummaryCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, summaryHeader)
	for _, s := range res.Summaries {
		c.row(s.Survey, csvText(questionID(res.Batch, s.Question)), csvText(s.By), csvText(s.Group), csvInt(s.N),
			csvFloat(s.Mean), csvFloat(s.SD), csvFloat(s.Median), csvFloat(s.Q1), csvFloat(s.Q3),
			csvFloat(s.Min), csvFloat(s.Max), csvFloat(s.TopBoxPct))
	}
	return c.close()
}

// TrendCSV writes data/trend.csv: baseline vs current per choice, in the order of res.Trends.
func TrendCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, trendHeader)
	for _, t := range res.Trends {
		c.row(csvText(questionID(res.Batch, t.Question)), t.By, csvText(t.Group), csvText(t.Code), csvText(t.Label),
			csvInt(t.BaselineCount), csvInt(t.BaselineBase), csvFloat(t.BaselinePct),
			csvInt(t.CurrentCount), csvInt(t.CurrentBase), csvFloat(t.CurrentPct),
			csvFloat(t.DiffPt), csvFloat(t.P))
	}
	return c.close()
}

// IndicatorsCSV writes data/indicators.csv in the order of res.Indicators. Rows of
// suppressed groups have empty figures (current, interval, p-value); n stays.
func IndicatorsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, indicatorsHeader)
	b := res.Batch
	for _, r := range res.Indicators {
		var ind ingest.Indicator
		if b != nil && r.Indicator >= 0 && r.Indicator < len(b.Indicators) {
			ind = b.Indicators[r.Indicator]
		} else {
			ind.Question, ind.Theme = -1, -1
		}
		baseN := ""
		if r.BaselineN > 0 {
			baseN = csvInt(r.BaselineN)
		}
		target := ""
		if ind.HasTarget {
			target = csvFloat(ind.Target)
		}
		cur, lo, hi, p := csvFloat(r.Current), csvFloat(r.CILow), csvFloat(r.CIHigh), csvFloat(r.P)
		if r.Suppressed {
			cur, lo, hi, p = "", "", "", ""
		}
		c.row(csvText(ind.ID), csvText(ind.Name), csvText(view.ThemeName(b, ind.Theme)), csvText(questionID(b, ind.Question)),
			csvText(r.Group), csvFloat(r.Baseline), baseN, cur, csvInt(r.CurrentN), lo, hi, target,
			view.DirectionText(ind.Direction), p, r.Evaluation)
	}
	return c.close()
}

// HearingsCSV writes data/hearings.csv: rating counts in the order of res.Hearings.Ratings.
func HearingsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, hearingsHeader)
	for _, h := range res.Hearings.Ratings {
		c.row(csvText(hearingItemID(res.Batch, h.Item)), csvText(h.Theme), h.By, csvText(h.Group), hearingCode(h), csvText(h.Label), csvInt(h.Count))
	}
	return c.close()
}

// HearingRatingsCSV writes data/hearing_ratings.csv: hearings.csv's rating
// counts with their base (the organizations of the group heard, 無回答
// included) and share in percent, in the same order.
func HearingRatingsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, hearingRatingsHeader)
	for _, h := range res.Hearings.Ratings {
		c.row(csvText(hearingItemID(res.Batch, h.Item)), csvText(h.Theme), h.By, csvText(h.Group), hearingCode(h), csvText(h.Label),
			csvInt(h.Count), csvInt(h.Base), csvFloat(h.Pct))
	}
	return c.close()
}

// hearingCode is a rating row's code column: the choice's code, or CodeNA
// for the 無回答 row (as crosstab.csv's).
func hearingCode(h analyze.HearingCount) string {
	if h.NA {
		return analyze.CodeNA
	}
	return csvInt(h.Code)
}

func hearingItemID(b *ingest.Batch, it int) string {
	if b == nil || it < 0 || it >= len(b.HearingItems) {
		return ""
	}
	return b.HearingItems[it].ID
}

// FreeTextCSV writes data/freetext.csv: every masked free-text answer and hearing
// comment, themes joined by ";".
func FreeTextCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, freetextHeader)
	for _, f := range res.FreeText {
		c.row(f.Source, csvText(f.RecordID), csvText(f.District), csvText(f.ItemID),
			csvText(strings.Join(f.Themes, ";")), csvText(f.Masked))
	}
	return c.close()
}

// DistrictTopsCSV writes data/district_tops.csv: for every district and
// question with a key measure (an indicator's codes, or an SC question's
// combined favourable answers), the district's and 全体's shares, their
// difference in points and the district's test against the rest of the ward,
// in the order of res.DistrictTops. direction is 増 (higher is better) or 減.
func DistrictTopsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, districtTopsHeader)
	for _, t := range res.DistrictTops {
		dir := "増"
		if t.Lower {
			dir = "減"
		}
		c.row(csvText(t.District), csvText(questionID(res.Batch, t.Question)), t.Measure, csvText(t.Code), csvText(t.Label), dir,
			csvInt(t.Count), csvInt(t.N), csvFloat(t.Pct), csvInt(t.AllN), csvFloat(t.AllPct), csvFloat(t.DiffPt), csvFloat(t.P),
			csvBool(t.Suppressed), csvBool(t.AllSuppressed), csvBool(t.Reference), t.Mark,
			csvInt(t.RestN), csvFloat(t.RestPct), csvFloat(t.RestDiffPt))
	}
	return c.close()
}

// ChiSquareCSV writes data/chisq.csv: the chi-square test of independence of
// every crosstab that has one (SA/SC breakdowns other than 全体), in the order
// of res.Crosstabs. A test that could not be computed (fewer than two groups or
// answers with respondents) has empty chi2, df and p_value.
func ChiSquareCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, chisqHeader)
	for _, ct := range res.Crosstabs {
		if ct.Chi == nil {
			continue
		}
		df := ""
		if !math.IsNaN(ct.Chi.Stat) {
			df = csvInt(ct.Chi.DF)
		}
		c.row(ct.Survey, csvText(questionID(res.Batch, ct.Question)), csvText(ct.By), csvFloat(ct.Chi.Stat), df,
			csvFloat(ct.Chi.P), csvBool(ct.Chi.LowExpected))
	}
	return c.close()
}

// DistrictChiSquareCSV writes data/district_chisq.csv: each district's own
// test of every SA/SC question against the rest of the ward (res.DistrictChis:
// districts in sheet order, then questions), the test a district handout
// prints under its table. A test that could not be computed has empty chi2,
// df and p_value.
func DistrictChiSquareCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, districtChisqHeader)
	for _, dc := range res.DistrictChis {
		df := ""
		if !math.IsNaN(dc.Chi.Stat) {
			df = csvInt(dc.Chi.DF)
		}
		c.row(csvText(dc.District), csvText(questionID(res.Batch, dc.Question)), csvFloat(dc.Chi.Stat), df,
			csvFloat(dc.Chi.P), csvBool(dc.Chi.LowExpected))
	}
	return c.close()
}

// OverviewCSV writes data/overview.csv: 配布数, 有効回答数 and 回収率 of the
// ward (by 全体), then of every district in sheet order and 地区不明 (by 地区).
// An unknown 配布数 and a rate without it are empty.
func OverviewCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, overviewHeader)
	dist := func(n int) string {
		if n <= 0 {
			return ""
		}
		return csvInt(n)
	}
	o := res.Overview
	c.row(analyze.ByAll, analyze.GroupAll, dist(o.Distributed), csvInt(o.Valid), csvFloat(o.Rate))
	for _, d := range o.Districts {
		c.row(analyze.ByDistrict, csvText(d.Name), dist(d.Distributed), csvInt(d.Valid), csvFloat(d.Rate))
	}
	return c.close()
}

// HearingOrgsCSV writes data/hearing_orgs.csv: the organizations heard, by
// 全体, 地区 and 団体種別, in the order of res.Hearings.ByGroup.
func HearingOrgsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, hearingOrgsHeader)
	for _, g := range res.Hearings.ByGroup {
		c.row(g.By, csvText(g.Group), csvInt(g.Count))
	}
	return c.close()
}

// CommentMatrixCSV writes data/comment_matrix.csv: how many free-text answers
// and hearing comments are filed under each theme and district (the
// dashboard's drill-down), every cell, in the order of res.TextMatrix.
func CommentMatrixCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, commentMatrixHeader)
	for _, m := range res.TextMatrix {
		c.row(csvText(m.Theme), csvText(m.District), csvInt(len(m.Texts)))
	}
	return c.close()
}

// FreeTextCountsCSV writes data/freetext_counts.csv: the texts of each source
// (freetext.csv rows), survey then hearing.
func FreeTextCountsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, freetextCountsHeader)
	for _, n := range res.TextCounts {
		c.row(n.Source, csvInt(n.Count))
	}
	return c.close()
}

// FindingsCSV writes data/findings.csv: every generated sentence in printed
// order with its passage's place, target and district, its order within the
// passage (from 1) and its basis (the figures as printed).
func FindingsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, findingsHeader)
	for _, p := range wording.Passages(res.Findings) {
		for i, s := range p.Sentences {
			c.row(p.Place, csvText(p.Target), csvText(p.District), csvInt(i+1), csvText(s.Text), csvText(s.Basis))
		}
	}
	return c.close()
}

// DistrictRestCSV writes data/district_rest.csv: every district against the
// rest of the ward for every choice of every current question, in the order of
// res.DistrictRest.
//
// adj_residual and mark are the district handout's ▲▼ of that answer
// (analyze.DistrictChi): the residual in the district's 2 × answers table
// against the rest, and the mark only when that table's χ²
// (district_chisq.csv) is significant; both empty for a combined box, an MA
// question and 無回答.
func DistrictRestCSV(w io.Writer, res *analyze.Results) error {
	type key struct {
		district string
		question int
		code     string
	}
	type resid struct {
		r    float64
		mark string
	}
	tested := map[key]resid{}
	for _, dc := range res.DistrictChis {
		for j, code := range dc.Codes {
			if j < len(dc.Residuals) && j < len(dc.Marks) {
				tested[key{dc.District, dc.Question, code}] = resid{dc.Residuals[j], dc.Marks[j]}
			}
		}
	}
	c := newCSV(w, districtRestHeader)
	for _, d := range res.DistrictRest {
		r := resid{r: math.NaN()}
		if t, ok := tested[key{d.District, d.Question, d.Code}]; ok && !d.Box {
			r = t
		}
		c.row(csvText(d.District), csvText(questionID(res.Batch, d.Question)), csvText(d.Code), csvText(d.Label),
			csvInt(d.Count), csvInt(d.Base), csvFloat(d.Pct), csvInt(d.RestCount), csvInt(d.RestBase), csvFloat(d.RestPct),
			csvFloat(d.DiffPt), csvFloat(d.P), csvBool(d.Suppressed), csvBool(d.Reference), csvFloat(r.r), r.mark)
	}
	return c.close()
}

// DistrictProfileCSV writes data/district_profile.csv: each district's
// respondents and the 95% margin of error of a share at that n, in points.
func DistrictProfileCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, districtProfileHeader)
	for _, p := range res.DistrictProfiles {
		c.row(csvText(p.District), csvInt(p.N), csvFloat(p.MarginPt))
	}
	return c.close()
}

// KeywordsCSV writes data/keywords.csv in the order of res.Keywords.
func KeywordsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, keywordsHeader)
	for _, k := range res.Keywords {
		c.row(k.Source, k.By, csvText(k.Group), csvText(k.Word), csvInt(k.Count), csvInt(k.Docs))
	}
	if res.Progress != nil {
		// The words of the progress sheets' 課題 texts (source progress), as
		// the 取組の振り返り chapter prints them.
		for _, k := range res.Progress.Keywords {
			c.row(k.Source, k.By, csvText(k.Group), csvText(k.Word), csvInt(k.Count), csvInt(k.Docs))
		}
	}
	return c.close()
}

// ProblemsCSV writes problems.csv: every input problem in the given order (Read
// sorts them by position), message in Japanese.
func ProblemsCSV(w io.Writer, ps []ingest.Problem) error {
	c := newCSV(w, problemsHeader)
	for _, p := range ps {
		r := view.ProblemRowOf(p)
		c.row(r.Severity, r.Code, csvText(r.File), csvText(r.Sheet), r.Cell, r.Row,
			csvText(r.RecordID), csvText(r.Item), csvText(r.Value), csvText(r.Message))
	}
	return c.close()
}

// CorrectionsCSV writes data/corrections.csv, the audit trail of applied corrections.
func CorrectionsCSV(w io.Writer, cs []ingest.AppliedCorrection) error {
	c := newCSV(w, correctionsHeader)
	for _, a := range cs {
		r := view.CorrectionRowOf(a)
		c.row(r.Row, csvText(r.Target), csvText(r.ID), csvText(r.Item), csvText(r.Before), csvText(r.After),
			csvText(r.Reason), csvText(r.Person), csvText(r.File), r.Cell)
	}
	return c.close()
}

// A CSVFile is one CSV output: its slash path inside OUT and its writer.
type CSVFile struct {
	Path  string
	Write func(w io.Writer, res *analyze.Results) error
}

// CSVFiles lists the data CSVs of outputs.md with their paths inside OUT, in a
// fixed order. problems.csv is written separately (ProblemsCSV) because it is also
// written when a run stops on input errors.
func CSVFiles() []CSVFile {
	return []CSVFile{
		{"data/crosstab.csv", CrosstabCSV},
		{"data/summary.csv", SummaryCSV},
		{"data/trend.csv", TrendCSV},
		{"data/indicators.csv", IndicatorsCSV},
		{"data/hearings.csv", HearingsCSV},
		{"data/freetext.csv", FreeTextCSV},
		{"data/keywords.csv", KeywordsCSV},
		{"data/corrections.csv", func(w io.Writer, res *analyze.Results) error {
			if res.Batch == nil {
				return CorrectionsCSV(w, nil)
			}
			return CorrectionsCSV(w, res.Batch.Corrections)
		}},
		{"data/district_tops.csv", DistrictTopsCSV},
		{"data/chisq.csv", ChiSquareCSV},
		{"data/overview.csv", OverviewCSV},
		{"data/hearing_orgs.csv", HearingOrgsCSV},
		{"data/hearing_ratings.csv", HearingRatingsCSV},
		{"data/comment_matrix.csv", CommentMatrixCSV},
		{"data/freetext_counts.csv", FreeTextCountsCSV},
		{"data/findings.csv", FindingsCSV},
		{"data/district_rest.csv", DistrictRestCSV},
		{"data/district_profile.csv", DistrictProfileCSV},
		{"data/district_chisq.csv", DistrictChiSquareCSV},
	}
}
