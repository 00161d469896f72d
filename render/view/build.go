package view

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/wording"
)

// OtherTheme is the name of the theme group for questions without a テーマ.
const OtherTheme = "その他"

// maxKeywords is how many ward-wide keywords the free-text section lists.
const maxKeywords = 30

// breakdowns lists the crosstab breakdowns in publication order.
var breakdowns = []string{analyze.ByAll, analyze.ByDistrict, analyze.ByGender, analyze.ByAge}

// Build turns analysis results into the view that the PDF, XLSX and HTML writers
// walk. Every figure is formatted here through format.go, once. Build reads
// res.Batch for names and settings; it is deterministic (sheet order everywhere,
// no map iteration).
func Build(res *analyze.Results) *View { return build(res, true) }

// BuildLean is Build without the two lists that only the tabulation book (its
// 自由記述 sheet) and the dashboard (its explorer and drill-down) print:
// FreeText.Texts, every free-text answer and hearing comment, and
// FreeText.Matrix, the theme × district drill-down. A run that writes neither
// builds this View: at a million respondents the two are about 150 MB of the
// run's peak (docs/design.md, issue 29). Every other field is Build's.
func BuildLean(res *analyze.Results) *View { return build(res, false) }

func build(res *analyze.Results, rows bool) *View {
	b := res.Batch
	if b == nil {
		b = &ingest.Batch{DistrictQ: -1, GenderQ: -1, AgeQ: -1}
	}
	s := b.Settings
	v := &View{
		PlanName:    s.PlanName,
		Ward:        s.Ward,
		SurveyName:  s.SurveyName,
		Sample:      s.Sample,
		InputErrors: res.InputErrors,
	}
	if !s.Date.IsZero() {
		v.Date = dateText(s)
		v.DateISO = s.Date.Format("2006-01-02")
	}
	for _, d := range b.Districts {
		v.Districts = append(v.Districts, d.Name)
	}
	v.Settings = settingsKV(b)
	v.Contact, v.License = s.Contact, s.License
	if v.License == "" {
		v.License = ingest.LicenseCCBY
	}
	v.Overview = overviewView(res)
	v.Overview.Items = overviewItems(res)
	v.Surveys = surveyNames(b)
	v.ReadingNotes, v.WebReadingNotes = readingNotes(v.Surveys, Print), readingNotes(v.Surveys, Web)

	v.Axes = AxisViews(res)
	bx := newBuilder(res)
	bx.breakdowns = breakdownsOf(v.Axes)
	for qi, q := range b.Questions {
		if q.Type == ingest.FA {
			continue
		}
		qv := bx.question(qi)
		SetChartOrders(&qv)
		v.Questions = append(v.Questions, qv)
	}
	for _, qi := range []int{b.DistrictQ, b.GenderQ, b.AgeQ} {
		if qi < 0 || qi >= len(b.Questions) {
			continue
		}
		if t, ok := bx.table(analyze.Current, qi, analyze.ByAll); ok {
			qv := bx.questionHead(qi)
			qv.Tables = []TableView{t}
			SetChartOrders(&qv)
			v.Profile = append(v.Profile, qv)
		}
	}
	v.Themes = themeViews(b, v.Questions)
	v.Indicators = indicatorView(res, v.Districts)
	v.DistrictTops = districtTops(res)
	v.Hearings = hearingView(res, v.Districts)
	v.FreeText = freeTextView(res, rows)
	v.Passages = wording.Passages(res.Findings)
	v.TargetNames = targetNames(b)
	v.CommentaryProblems = ApplyCommentary(v, b)
	v.CommentaryProblems = append(v.CommentaryProblems, hardProblems(res)...)
	v.InputErrors += ingest.CountErrors(v.CommentaryProblems)
	v.Profiles = profileViews(res, v)
	for _, p := range b.WithProblems(v.CommentaryProblems...) {
		v.Problems = append(v.Problems, ProblemRowOf(p))
	}
	for _, c := range b.Corrections {
		v.Corrections = append(v.Corrections, CorrectionRowOf(c))
	}
	v.NoSurvey = res.Batch != nil && !b.HasSurvey()
	if v.NoSurvey {
		// Note: a year without a survey names none: the cover, the page
		// headers, the books' titles and the open data's credit would
		// otherwise name the 調査名 of a survey its guide says did not take
		// place (progress batch: 「取組の振り返り 報告書 ／ テスト調査」).
		// The settings list (SettingRows) still shows the setting as given.
		v.SurveyName = ""
	}
	v.Progress = progressView(res, v.Districts)
	v.IndicatorHistory = indicatorHistoryView(res)
	v.Hard = hardView(res)
	v.Map = mapView(res, v)
	return v
}

// settingsKV lists the settings as printed on the overview page.
func settingsKV(b *ingest.Batch) []KV {
	s := b.Settings
	onOff := "しない"
	if s.Weighting {
		onOff = "する"
	}
	method := "検定"
	if s.Evaluation == ingest.EvalPoints {
		method = "ポイント"
	}
	dist := ""
	if s.Distributed > 0 {
		dist = Thousands(s.Distributed)
	}
	name := func(item int) string { return ingest.SettingsSheet.Items[item].Name }
	kv := []KV{
		{name(ingest.SettingPlanName), s.PlanName},
		{name(ingest.SettingWard), s.Ward},
		{name(ingest.SettingSurvey), s.SurveyName},
		{name(ingest.SettingDate), dateText(s)},
		{name(ingest.SettingDistributed), dist},
		{name(ingest.SettingSuppress), "n<" + strconv.Itoa(s.SuppressBelow) + " は x"},
		{name(ingest.SettingReference), "n<" + strconv.Itoa(s.ReferenceBelow) + " は参考値"},
		{name(ingest.SettingWeighting), onOff},
		{name(ingest.SettingAlpha), strconv.FormatFloat(s.Alpha, 'f', -1, 64)},
		{name(ingest.SettingEvaluation), method},
	}
	if s.Evaluation == ingest.EvalPoints {
		kv = append(kv, KV{name(ingest.SettingMargin), "±" + OneDecimal(s.Margin) + "ポイント"})
	}
	// Note: settings left at their default that change nothing printed are
	// not listed, so that a batch without them prints as before.
	if len(s.NoAnswer) > 0 {
		codes := make([]string, len(s.NoAnswer))
		for i, c := range s.NoAnswer {
			codes[i] = strconv.Itoa(c)
		}
		kv = append(kv, KV{name(ingest.SettingNoAnswer), strings.Join(codes, ",") + " は無回答"})
	}
	if s.NoFindings {
		kv = append(kv, KV{name(ingest.SettingFindings), "文章にした所見を載せない"})
	}
	return kv
}

func dateText(s ingest.Settings) string {
	if s.Date.IsZero() {
		return ""
	}
	return DateText(s.Date)
}

// blank is a figure that is not applicable (printed empty, not as zero).
func blank() Fig { return Fig{Value: math.NaN()} }

// overviewView builds the survey overview: ward total, districts, 地区不明.
func overviewView(res *analyze.Results) OverviewView {
	o := res.Overview
	distributed := func(n int) Fig {
		if n <= 0 {
			return blank()
		}
		return NFig(n)
	}
	ov := OverviewView{}
	text := "有効回答数 " + Thousands(o.Valid) + "票"
	if o.Distributed > 0 {
		text = "配布数 " + Thousands(o.Distributed) + "票、" + text
		if !math.IsNaN(o.Rate) {
			text += "（回収率 " + OneDecimal(o.Rate) + "%）"
		}
	}
	ov.Summary = text
	ov.Rows = append(ov.Rows, OverviewRow{
		Name: analyze.GroupAll, Distributed: distributed(o.Distributed), Valid: NFig(o.Valid),
		Rate: FloatPctFig(o.Rate, false),
	})
	for _, d := range o.Districts {
		ov.Rows = append(ov.Rows, OverviewRow{
			Name: d.Name, Distributed: distributed(d.Distributed), Valid: NFig(d.Valid),
			Rate: FloatPctFig(d.Rate, false),
		})
	}
	return ov
}

// builder indexes the results by question for Build.
type builder struct {
	res      *analyze.Results
	b        *ingest.Batch
	ct       map[ctKey]int // → index into res.Crosstabs
	summary  map[int][]int // question → indices into res.Summaries (current; 全体, 地区)
	trend    map[int][]int // question → indices into res.Trends (全体)
	dtrend   map[int][]int // question → indices into res.Trends (地区); districtTrends
	weighted bool
	// breakdowns are the current survey's tables of a question, in order
	// (breakdownsOf).
	breakdowns []string
}

type ctKey struct {
	survey string
	q      int
	by     string
}

func newBuilder(res *analyze.Results) *builder {
	bx := &builder{res: res, b: res.Batch, ct: map[ctKey]int{}, summary: map[int][]int{}, trend: map[int][]int{}}
	if bx.b == nil {
		bx.b = &ingest.Batch{}
	}
	bx.weighted = bx.b.Settings.Weighting
	for i, c := range res.Crosstabs {
		k := ctKey{c.Survey, c.Question, c.By}
		if _, dup := bx.ct[k]; !dup {
			bx.ct[k] = i
		}
	}
	for i, s := range res.Summaries {
		if s.Survey == analyze.Current && (s.By == analyze.ByAll || s.By == analyze.ByDistrict) {
			bx.summary[s.Question] = append(bx.summary[s.Question], i)
		}
	}
	for i, t := range res.Trends {
		if t.By == analyze.ByAll {
			bx.trend[t.Question] = append(bx.trend[t.Question], i)
		}
	}
	return bx
}

// questionHead fills the descriptive fields of a question's view.
func (bx *builder) questionHead(qi int) QuestionView {
	q := bx.b.Questions[qi]
	return QuestionView{
		Index:     qi,
		ID:        q.ID,
		Text:      q.Text,
		Type:      q.Type.String(),
		Theme:     ThemeName(bx.b, q.Theme),
		Condition: conditionLabels(bx.b, q.Cond),
		// Note: the codes stay for the office (ConditionCodes); handouts print the labels.
		ConditionCodes: conditionText(bx.b, q.Cond),
		MA:             q.Type == ingest.MA,
		Unit:           q.Unit,
	}
}

// question builds everything published about question qi.
func (bx *builder) question(qi int) QuestionView {
	qv := bx.questionHead(qi)
	for _, by := range bx.breakdowns {
		if t, ok := bx.table(analyze.Current, qi, by); ok {
			qv.Tables = append(qv.Tables, t)
		}
	}
	if t, ok := bx.table(analyze.Baseline, qi, analyze.ByAll); ok {
		qv.Baseline = &t
	}
	for _, i := range bx.trend[qi] {
		qv.Trend = append(qv.Trend, bx.trendView(bx.res.Trends[i]))
	}
	qv.DistrictTrends = bx.districtTrends(qi)
	for _, i := range bx.summary[qi] {
		s := bx.res.Summaries[i]
		sup, ref := Shown(s.N, s.Suppressed, s.Reference)
		fig := func(v float64) Fig {
			if s.N == 0 {
				return Fig{Value: math.NaN(), Decimals: 1, Text: MarkZero, Zero: true} // no answers: －
			}
			return FloatPctFig(v, sup)
		}
		// Note: 中央値・最小・最大 are answers (or halfway between two):
		// printed as the answer, without a decimal when whole (AnswerFig).
		answer := func(v float64) Fig {
			if s.N == 0 {
				return fig(v)
			}
			return AnswerFig(v, sup)
		}
		qv.Summary = append(qv.Summary, SummaryRow{
			Group:      s.Group,
			N:          NFig(s.N),
			Mean:       fig(s.Mean),
			SD:         fig(s.SD),
			Median:     answer(s.Median),
			Min:        answer(s.Min),
			Max:        answer(s.Max),
			TopBox:     fig(s.TopBoxPct),
			Suppressed: sup,
			Reference:  ref,
		})
	}
	return qv
}

// table formats one crosstab, if the results hold it.
func (bx *builder) table(survey string, qi int, by string) (TableView, bool) {
	i, ok := bx.ct[ctKey{survey, qi, by}]
	if !ok {
		return TableView{}, false
	}
	c := &bx.res.Crosstabs[i]
	t := TableView{By: c.By}
	for _, h := range c.Choices {
		t.Heads = append(t.Heads, h.Label)
		t.Codes = append(t.Codes, h.Code)
	}
	weighted := bx.weighted && by == analyze.ByAll && survey == analyze.Current
	for _, g := range c.Groups {
		sup, ref := Shown(g.Base, g.Suppressed, g.Reference)
		r := RowView{Group: g.Name, N: NFig(g.Base), Suppressed: sup, Reference: ref}
		for j := range c.Choices {
			var cell analyze.Cell
			if j < len(g.Cells) {
				cell = g.Cells[j]
			}
			var f Fig
			if weighted && cell.Count > 0 {
				// Note: the 全体 row shows the population estimate when 重み付け する;
				// a zero count stays "－" through PctFig.
				f = FloatPctFig(cell.WeightedPct, sup)
			} else {
				f = PctFig(cell.Pct, sup)
			}
			if !sup {
				f.Mark = cell.Mark
			}
			count := CountFig(cell.Count, sup)
			if g.Base == 0 {
				// Nobody to count: － whatever the cell holds.
				f, count = PctFig(math.NaN(), false), CountFig(0, false)
			}
			r.Cells = append(r.Cells, f)
			r.Counts = append(r.Counts, count)
		}
		t.Rows = append(t.Rows, r)
	}
	if c.Chi != nil && !math.IsNaN(c.Chi.Stat) {
		t.Note = chiNote(*c.Chi)
	}
	if by == analyze.ByDistrict && survey == analyze.Current {
		for _, dc := range bx.res.DistrictChis {
			if dc.Question == qi && !math.IsNaN(dc.Chi.Stat) {
				if t.DistrictNotes == nil {
					t.DistrictNotes = map[string]string{}
				}
				t.DistrictNotes[dc.District] = dc.District + DistrictTestWord + "（カイ二乗検定）：" + chiNote(dc.Chi)
			}
			if dc.Question == qi && len(dc.Marks) == len(t.Heads) {
				if t.DistrictMarks == nil {
					t.DistrictMarks = map[string][]string{}
				}
				t.DistrictMarks[dc.District] = dc.Marks
			}
		}
	}
	return t, true
}

// DistrictTestWord names a district handout's test under its tables (the
// district against the rest of the ward), which also marks its rows.
const DistrictTestWord = "と" + RestName + "の回答の分布の比較"

// chiNote is a test's note: χ²(df)=stat, p, and a warning when expected
// counts are low.
func chiNote(chi analyze.ChiSquare) string {
	s := "χ²(" + strconv.Itoa(chi.DF) + ")=" + OneDecimal(chi.Stat) + ", " + PValueLabel(chi.P)
	if chi.LowExpected {
		s += "（期待度数5未満のセルが2割を超えるため、検定結果は目安です）"
	}
	return s
}

// SetChartOrders decides the order in which bar charts list a question's
// answers: RowView.Order for every row of its tables and QuestionView.TrendOrder.
// MA choices go by share, largest first, ties in choice order (a suppressed or
// empty share counts as 0); SA and SC keep the choice order; 無回答 is last.
func SetChartOrders(q *QuestionView) {
	value := func(f Fig) float64 {
		if f.Suppressed || math.IsNaN(f.Value) {
			return 0
		}
		return f.Value
	}
	byShare := func(idx []int, share func(i int) float64) {
		if q.MA {
			slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(share(b), share(a)) })
		}
	}
	order := func(t *TableView) {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			var choices, na []int
			for i := range t.Heads {
				if i < len(t.Codes) && t.Codes[i] == analyze.CodeNA {
					na = append(na, i)
				} else {
					choices = append(choices, i)
				}
			}
			byShare(choices, func(i int) float64 {
				if r.Suppressed || i >= len(r.Cells) {
					return 0
				}
				return value(r.Cells[i])
			})
			r.Order = append(choices, na...)
		}
	}
	for ti := range q.Tables {
		order(&q.Tables[ti])
	}
	if q.Baseline != nil {
		order(q.Baseline)
	}
	q.TrendOrder = nil
	for i := range q.Trend {
		q.TrendOrder = append(q.TrendOrder, i)
	}
	byShare(q.TrendOrder, func(i int) float64 { return value(q.Trend[i].Current) })
}

// districtTops formats the district pages' main results (analyze.DistrictTops).
func districtTops(res *analyze.Results) map[string][]TopRow {
	out := map[string][]TopRow{}
	for _, t := range res.DistrictTops {
		r := TopRow{Label: t.Label, N: NFig(t.N), AllN: NFig(t.AllN), Reference: t.Reference && !t.Suppressed, Lower: t.Lower,
			District: PctFig(t.Pct, t.Suppressed), All: PctFig(t.AllPct, t.AllSuppressed), Diff: blank()}
		if b := res.Batch; b != nil && t.Question >= 0 && t.Question < len(b.Questions) {
			r.QuestionID, r.QuestionText = b.Questions[t.Question].ID, b.Questions[t.Question].Text
		}
		if !t.Suppressed {
			r.District.Mark = t.Mark
		}
		hide := t.Suppressed || t.AllSuppressed
		// Note: a difference that a hidden side keeps from being shown is x,
		// as in the comparison with 策定時 (表10); 「－」 only when there is
		// nothing to compare (the rest of the ward has no respondent).
		r.Diff = PointsFig(t.DiffPt, hide)
		// Note: the rest's n is printed even when its share is hidden: it is
		// 全体's n less the district's, both printed, so x would hide nothing
		// (hard batch 図13 printed 「n=x」 beside 全体 20 and 南 4).
		r.Rest, r.RestN = PctFig(t.RestPct, hide), NFig(t.RestN)
		if b := res.Batch; b != nil && !hide && t.RestN > 0 {
			r.RestRef = t.RestN < b.Settings.ReferenceBelow
		}
		switch {
		case hide:
			r.RestDiff = SuppressedFig(1)
		case math.IsNaN(t.RestDiffPt):
			r.RestDiff = Fig{Value: math.NaN(), Decimals: 1, Text: MarkZero, Zero: true}
		default:
			r.RestDiff = PointsFig(t.RestDiffPt, false)
		}
		out[t.District] = append(out[t.District], r)
	}
	return out
}

// conditionText writes a 対象条件 back as in sheet 設問: `Q2=1,2`, clauses joined by " かつ ".
func conditionText(b *ingest.Batch, cond []ingest.Clause) string {
	var parts []string
	for _, c := range cond {
		if c.Q < 0 || c.Q >= len(b.Questions) {
			continue
		}
		q := b.Questions[c.Q]
		var codes []string
		if q.ChoiceSet >= 0 && q.ChoiceSet < len(b.ChoiceSets) {
			for i, ch := range b.ChoiceSets[q.ChoiceSet].Choices {
				if c.Choices.Has(i) {
					codes = append(codes, strconv.Itoa(ch.Code))
				}
			}
		}
		parts = append(parts, q.ID+"="+strings.Join(codes, ","))
	}
	return strings.Join(parts, " かつ ")
}

// themeViews groups the non-attribute questions by テーマ in sheet order, then
// the questions without a theme under その他. Themes without questions are left out.
func themeViews(b *ingest.Batch, qs []QuestionView) []ThemeView {
	byTheme := make([][]int, len(b.Themes)+1) // last: その他
	for i, qv := range qs {
		q := b.Questions[qv.Index]
		if q.Attr != ingest.AttrNone {
			continue
		}
		t := q.Theme
		if t < 0 || t >= len(b.Themes) {
			t = len(b.Themes)
		}
		byTheme[t] = append(byTheme[t], i)
	}
	var out []ThemeView
	for t, idx := range byTheme {
		if len(idx) == 0 {
			continue
		}
		tv := ThemeView{Name: OtherTheme, Questions: idx}
		if t < len(b.Themes) {
			tv.Code, tv.Name = b.Themes[t].Code, b.Themes[t].Name
		}
		out = append(out, tv)
	}
	return out
}

// evaluationLegend explains the indicator grades.
var evaluationLegend = []KV{
	{analyze.EvalA, "目標値に達した（策定時値がなくても判定）"},
	{analyze.EvalB, "目標値には達していないが、策定時より改善した"},
	{analyze.EvalC, "策定時から変化なし"},
	{analyze.EvalD, "策定時より悪化した"},
	// Note: A needs only the target (analyze.evaluate), so an indicator
	// without a baseline that reached its target is A, and － is one that
	// did not reach it without a baseline to compare with.
	{analyze.EvalNone, "評価できない（目標値に達しておらず策定時値がない、または基数が秘匿基準未満）"},
}

// webEvalNone is － of the legend in the web's plain words.
const webEvalNone = "評価できない（目標値に達しておらず策定時値がない、または回答者が少なく数値を伏せている）"

// indicatorView builds the indicator table: ward-wide rows and rows per district.
func indicatorView(res *analyze.Results, districts []string) IndicatorView {
	b := res.Batch
	iv := IndicatorView{ByDistrict: map[string][]IndicatorRow{}}
	iv.Legend, iv.WebLegend = evaluationLegendFor(ingest.Settings{}, Print, false), evaluationLegendFor(ingest.Settings{}, Web, false)
	if b != nil {
		iv.Legend, iv.WebLegend = evaluationLegendFor(b.Settings, Print, true), evaluationLegendFor(b.Settings, Web, true)
	}
	isDistrict := map[string]bool{}
	for _, d := range districts {
		isDistrict[d] = true
	}
	for _, r := range res.Indicators {
		var ind ingest.Indicator
		ind.Theme = -1
		if b != nil && r.Indicator >= 0 && r.Indicator < len(b.Indicators) {
			ind = b.Indicators[r.Indicator]
		}
		row := IndicatorRow{
			ID:          ind.ID,
			Name:        ind.Name,
			Theme:       ThemeName(b, ind.Theme),
			Baseline:    FloatPctFig(r.Baseline, r.BaselineSuppressed),
			BaselineN:   blank(),
			Current:     FloatPctFig(r.Current, r.Suppressed),
			CurrentN:    NFig(r.CurrentN),
			Target:      blank(),
			Direction:   DirectionText(ind.Direction),
			Evaluation:  r.Evaluation,
			P:           PValueFig(math.NaN()),
			Reference:   r.Reference && !r.Suppressed,
			BaselineRef: r.BaselineReference && !r.BaselineSuppressed && !math.IsNaN(r.Baseline),
		}
		if r.BaselineN > 0 {
			row.BaselineN = NFig(r.BaselineN)
		}
		if ind.HasTarget {
			row.Target = FloatPctFig(ind.Target, false)
		}
		row.CILow, row.CIHigh = Fig{Value: math.NaN()}, Fig{Value: math.NaN()}
		if !r.Suppressed {
			if !math.IsNaN(r.CILow) && !math.IsNaN(r.CIHigh) {
				row.Interval = "(" + OneDecimal(r.CILow) + "–" + OneDecimal(r.CIHigh) + ")"
				row.CILow, row.CIHigh = FloatPctFig(r.CILow, false), FloatPctFig(r.CIHigh, false)
			}
			row.P = PValueFig(r.P)
		}
		switch {
		case r.Group == analyze.GroupAll:
			iv.Rows = append(iv.Rows, row)
		case isDistrict[r.Group]:
			iv.ByDistrict[r.Group] = append(iv.ByDistrict[r.Group], row)
		}
	}
	return iv
}

// hearingView builds the organization hearing section.
func hearingView(res *analyze.Results, districts []string) HearingView {
	h := res.Hearings
	hv := HearingView{Orgs: h.Orgs}
	for _, g := range h.ByGroup {
		kv := CountRow{g.Group, NFig(g.Count)}
		switch g.By {
		case analyze.ByDistrict:
			hv.ByDistrict = append(hv.ByDistrict, kv)
		case analyze.ByOrgType:
			hv.ByType = append(hv.ByType, kv)
		}
	}
	b := res.Batch
	if b != nil {
		isDistrict := map[string]bool{}
		for _, d := range districts {
			isDistrict[d] = true
		}
		for ii, it := range b.HearingItems {
			if it.Kind != ingest.HRating || it.Scale < 0 || it.Scale >= len(b.ChoiceSets) {
				continue
			}
			choices := b.ChoiceSets[it.Scale].Choices
			rv := RatingView{ItemID: it.ID, Name: it.Name, Theme: ThemeName(b, it.Theme), ByDistrict: map[string]RatingRow{}}
			pos := map[int]int{}
			for i, c := range choices {
				rv.Labels = append(rv.Labels, c.Label)
				pos[c.Code] = i
			}
			// 無回答 (organizations that gave no rating) is the last column
			// when the item has its rows.
			rv.NA = slices.ContainsFunc(h.Ratings, func(r analyze.HearingCount) bool { return r.Item == ii && r.NA })
			if rv.NA {
				rv.Labels = append(rv.Labels, analyze.LabelNA)
			}
			rv.All = NewRatingRow(len(rv.Labels))
			for _, r := range h.Ratings {
				if r.Item != ii {
					continue
				}
				i, ok := pos[r.Code]
				if r.NA {
					i, ok = len(choices), true
				}
				if !ok {
					continue
				}
				switch {
				case r.By == analyze.ByAll:
					rv.All.Set(i, r)
				case r.By == analyze.ByDistrict && isDistrict[r.Group]:
					row, ok := rv.ByDistrict[r.Group]
					if !ok {
						row = NewRatingRow(len(rv.Labels))
					}
					row.Set(i, r)
					rv.ByDistrict[r.Group] = row
				}
			}
			hv.Ratings = append(hv.Ratings, rv)
		}
	}
	var notes []HearingNote
	for _, c := range h.Comments {
		n := HearingNote{Theme: OtherTheme, Districts: c.Districts, Org: c.Org, Text: c.Masked}
		if len(c.Themes) > 0 {
			n.Theme = c.Themes[0]
		}
		if b != nil && c.Item >= 0 && c.Item < len(b.HearingItems) {
			it := b.HearingItems[c.Item]
			n.Item = it.Name
			if it.Theme >= 0 && it.Theme < len(b.Themes) {
				n.Theme = b.Themes[it.Theme].Name
			}
		}
		notes = append(notes, n)
	}
	hv.Comments, hv.DistrictComments = CommentViews(notes, districts)
	hv.PublicComments, hv.PublicDistrictComments = hv.Comments, hv.DistrictComments
	hv.OrgsPublished = b != nil && b.Settings.PublishOrgs
	if !hv.OrgsPublished {
		anon := slices.Clone(notes)
		for i := range anon {
			anon[i].Anonymous = true
		}
		hv.PublicComments, hv.PublicDistrictComments = CommentViews(anon, districts)
	}
	return hv
}

// NewRatingRow is a group's ratings of an item with n choices before any
// count is set: every count zero and no base.
func NewRatingRow(n int) RatingRow {
	r := RatingRow{N: NFig(0), Total: CountFig(0, false)}
	for range n {
		r.Counts = append(r.Counts, CountFig(0, false))
		r.Shares = append(r.Shares, PctFig(math.NaN(), false))
	}
	return r
}

// Set formats choice i of the row from its hearing_ratings.csv row.
func (r *RatingRow) Set(i int, c analyze.HearingCount) {
	r.N, r.Total = NFig(c.Base), CountFig(c.Base, false)
	r.Counts[i] = CountFig(c.Count, false)
	r.Shares[i] = PctFig(c.Pct, false)
}

// A HearingNote is one masked hearing comment (成果, 課題 …), in analyze's order:
// by theme, then by first district.
type HearingNote struct {
	Item      string   // the hearing item's name (成果, 課題)
	Theme     string   // the item's theme, else the first coded one, else OtherTheme
	Districts []string // the organization's districts
	Org, Text string
	// Anonymous leaves the organization's name (and its districts) out: the
	// comments published to residents (web/, opendata/) unless 設定
	// 団体名の公開 is する.
	Anonymous bool
}

// CommentViews groups the hearing comments for the ward (commentGroups with
// district "") and for every district.
func CommentViews(notes []HearingNote, districts []string) ([]CommentGroup, map[string][]CommentGroup) {
	byDistrict := map[string][]CommentGroup{}
	for _, d := range districts {
		if g := CommentGroups(notes, d); len(g) > 0 {
			byDistrict[d] = g
		}
	}
	return CommentGroups(notes, ""), byDistrict
}

// CommentGroups is the one grouping of hearing comments that the handouts, the
// tabulation book and the dashboard print: with district "" all of them by
// theme, then by the organization's first district; else those of the
// organizations of that district, by theme. Groups keep the order of notes
// (analyze's: themes, then districts, in sheet order); within a group the
// comments go by item (成果 before 課題, as the items come), and each reads
// "【項目】団体名: comment", naming the organization's districts when it has
// several.
func CommentGroups(notes []HearingNote, district string) []CommentGroup {
	var items []string // item names, first seen first
	for _, n := range notes {
		if !slices.Contains(items, n.Item) {
			items = append(items, n.Item)
		}
	}
	type member struct {
		item int
		text string
	}
	var groups []CommentGroup
	var members [][]member
	idx := map[[2]string]int{}
	for _, n := range notes {
		k := [2]string{n.Theme, ""}
		if district == "" {
			if len(n.Districts) > 0 {
				k[1] = n.Districts[0]
			}
		} else if !slices.Contains(n.Districts, district) {
			continue
		}
		i, ok := idx[k]
		if !ok {
			i = len(groups)
			idx[k] = i
			groups = append(groups, CommentGroup{Theme: k[0], District: k[1]})
			members = append(members, nil)
		}
		t := n.Org
		if len(n.Districts) > 1 {
			t += "（" + strings.Join(n.Districts, "、") + "）"
		}
		t += ": " + n.Text
		if n.Anonymous {
			t = n.Text
		}
		if n.Item != "" {
			t = "【" + n.Item + "】" + t
		}
		members[i] = append(members[i], member{slices.Index(items, n.Item), t})
	}
	for i := range groups {
		slices.SortStableFunc(members[i], func(a, b member) int { return a.item - b.item })
		for _, m := range members[i] {
			groups[i].Items = append(groups[i].Items, m.text)
		}
	}
	return groups
}

// FreeTextViewOf builds the free-text section: ward-wide keywords of the survey's
// free text, representative quotes by theme and district, and the answer count.
func FreeTextViewOf(res *analyze.Results) FreeTextView { return freeTextView(res, true) }

// freeTextView is FreeTextViewOf, with the rows and the drill-down only when
// rows is set (BuildLean).
func freeTextView(res *analyze.Results, rows bool) FreeTextView {
	var fv FreeTextView
	for _, k := range res.Keywords {
		if k.Source == analyze.SourceSurvey && k.By == analyze.ByAll && len(fv.Keywords) < maxKeywords {
			fv.Keywords = append(fv.Keywords, KV{k.Word, Thousands(k.Count)})
		}
	}
	idx := map[[2]string]int{}
	for _, q := range res.Quotes {
		// Note: the free-text section quotes residents; organizations' comments
		// have their own place in the hearing section.
		if q.Source != analyze.SourceSurvey {
			continue
		}
		k := [2]string{q.By, q.Group}
		i, ok := idx[k]
		if !ok {
			i = len(fv.Quotes)
			idx[k] = i
			g := CommentGroup{}
			if q.By == analyze.ByDistrict {
				g.District = q.Group
			} else {
				g.Theme = q.Group
			}
			fv.Quotes = append(fv.Quotes, g)
		}
		fv.Quotes[i].Items = append(fv.Quotes[i].Items, q.Text)
	}
	fv.Count = NFig(0)
	for _, c := range res.TextCounts {
		if c.Source == analyze.SourceSurvey {
			fv.Count = NFig(c.Count)
		}
	}
	if !rows {
		return fv
	}
	held := analyze.HeldTexts(res.Batch, res.FreeText)
	if n := len(res.FreeText); n > 0 {
		fv.Texts = make([]FreeTextRow, 0, n) // a million rows: no copies while growing
	}
	for i, f := range res.FreeText {
		fv.Texts = append(fv.Texts, FreeTextRow{Source: f.Source, RecordID: f.RecordID, District: f.District,
			ItemID: f.ItemID, Themes: f.Themes, Text: f.Masked, Held: held[i]})
	}
	fv.Matrix = textMatrixView(res, held)
	return fv
}

// textMatrixView lays out analyze's theme × district cells (row by row) as
// the drill-down's rows and columns, each cell with its count and texts.
// Held texts are counted, not listed.
func textMatrixView(res *analyze.Results, held []bool) TextMatrixView {
	var m TextMatrixView
	for i, c := range res.TextMatrix {
		if i == 0 || c.Theme != res.TextMatrix[i-1].Theme {
			m.Themes = append(m.Themes, c.Theme)
			m.Cells = append(m.Cells, nil)
		}
		if len(m.Themes) == 1 {
			m.Districts = append(m.Districts, c.District)
		}
		cell := TextCellView{N: CountFig(len(c.Texts), false), Texts: []string{}}
		for _, j := range c.Texts {
			if j < 0 || j >= len(res.FreeText) {
				continue
			}
			if held[j] {
				cell.Held++
				continue
			}
			f := res.FreeText[j]
			text := f.Masked
			if f.Source == analyze.SourceHearing && f.RecordID != "" {
				text = f.RecordID + "：" + text
			}
			cell.Texts = append(cell.Texts, text)
		}
		last := len(m.Cells) - 1
		m.Cells[last] = append(m.Cells[last], cell)
	}
	return m
}

func ThemeName(b *ingest.Batch, t int) string {
	if b == nil || t < 0 || t >= len(b.Themes) {
		return ""
	}
	return b.Themes[t].Name
}

// DirectionText returns 方向 as written in sheet 指標.
func DirectionText(d ingest.Direction) string {
	if d == ingest.Down {
		return "減"
	}
	return "増"
}

// ProblemRowOf is a problem as listed in problems.csv and the 入力チェック sheet.
func ProblemRowOf(p ingest.Problem) ProblemRow {
	// Note: a problem at a cell is listed by its cell alone; the row column is
	// for problems about a whole row.
	row := ""
	if p.Row > 0 && p.Col == 0 {
		row = strconv.Itoa(p.Row)
	}
	return ProblemRow{
		Severity: p.Severity.String(), Code: string(p.Code), File: p.File, Sheet: p.Sheet,
		Cell: p.Cell(), Row: row, RecordID: p.RecordID, Item: p.Item, Value: p.Value, Message: p.Msg(),
	}
}

// CorrectionRowOf is an applied correction as listed in corrections.csv and 修正履歴.
func CorrectionRowOf(a ingest.AppliedCorrection) CorrectionRow {
	return CorrectionRow{
		Row: strconv.Itoa(a.Row), Target: a.Target, ID: a.ID, Item: a.Item, Before: a.Before,
		After: a.After, Reason: a.Reason, Person: a.Person, File: a.File, Cell: a.Cell,
	}
}
