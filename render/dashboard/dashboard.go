package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"midreview/render/assets"
	"midreview/render/view"
)

// DashboardOptions configures the offline dashboard.
type DashboardOptions struct {
	// AssetsHost is the relative URL of the folder holding DashboardAssets' files,
	// "" meaning "./" (beside index.html). It must not point to another host.
	AssetsHost string
}

// Dashboard asset file names, written beside index.html.
const (
	AssetEcharts      = "echarts.min.js"
	AssetDashboardJS  = "dashboard.js"
	AssetDashboardCSS = "dashboard.css"
)

// ErrNoEcharts reports that echarts.min.js was not embedded at build time.
var ErrNoEcharts = errors.New("render/assets/echarts.min.js is missing: run scripts/assets.sh and rebuild")

// DashboardAssets returns the files to place beside index.html, by file name:
// echarts' JavaScript (embedded from render/assets) and the dashboard's own
// script and style sheet. Callers should write them in sorted name order.
func DashboardAssets() (map[string][]byte, error) {
	js, err := assets.FS.ReadFile(AssetEcharts)
	if err != nil || len(js) == 0 {
		return nil, ErrNoEcharts
	}
	return map[string][]byte{
		AssetEcharts:      js,
		AssetDashboardJS:  []byte(DashboardJS + DashboardViewsJS),
		AssetDashboardCSS: []byte(dashboardCSS + dashboardViewsCSS),
	}, nil
}

// Dashboard writes the offline dashboard (dashboard/index.html) for v. It loads
// only the files of DashboardAssets, from o.AssetsHost; all figures are embedded
// in the page as JSON, and every text from the input is escaped.
func Dashboard(w io.Writer, v *view.View, o DashboardOptions) error {
	host := o.AssetsHost
	if host == "" {
		host = "./"
	}
	if strings.Contains(host, ":") || strings.HasPrefix(host, "//") || strings.HasPrefix(host, "/") {
		return fmt.Errorf("dashboard: assets host %q must be a relative path", host)
	}
	if !strings.HasSuffix(host, "/") {
		host += "/"
	}
	p := BuildDashboard(v)
	data, err := json.Marshal(p.Data)
	if err != nil {
		return fmt.Errorf("dashboard: %w", err)
	}
	p.Host = host
	// Note: json.Marshal escapes <, > and & as \u003c etc., so no input text can
	// close the data <script> element; the page script inserts it with textContent.
	p.JSON = template.JS(data)
	var buf bytes.Buffer
	if err := dashboardTemplate.Execute(&buf, p); err != nil {
		return fmt.Errorf("dashboard: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// dashPage is what the page template shows; Data is embedded as JSON for the script.
type dashPage struct {
	V            *view.View
	Host         string
	JSON         template.JS
	Data         dashData
	Panels       []dashPanel
	District     string // the district selected when the page opens
	IndDistrict  []view.IndicatorRow
	RatingGroups []dashRatingGroup
	Themes       []string              // drill-down rows
	Columns      []string              // drill-down columns
	Matrix       [][]view.TextCellView // comment counts [theme][column]
	// Choices are the selector's option groups when the batch has 分析軸
	// (地区, then each axis); nil otherwise (a plain list of districts).
	Choices []dashChoices
	// Shown tabs: a year without a survey (View.NoSurvey) leaves out the
	// survey's tabs, and the hearing and comment tabs when they are empty.
	Survey, ShowHearings, ShowComments bool
	// Views are the views across the districts (views.go).
	Views dashViews
}

// dashData is the JSON the page script reads.
type dashData struct {
	Districts  []string       `json:"districts"`
	Questions  []dashQuestion `json:"questions"`
	Indicators [][]dashIndRow `json:"indicators"` // per district
	Ratings    []dashRating   `json:"ratings"`
	Comments   [][][]string   `json:"comments"` // [theme][column] masked comments
	Columns    []string       `json:"columns"`
	Themes     []string       `json:"themes"`
	// Held counts, per drill-down cell, the texts counted but not listed.
	Held  [][]int       `json:"held"`
	Views *dashViewData `json:"views"`
}

type dashPanel struct {
	ID, Name  string
	Questions []dashQuestion
}

type dashQuestion struct {
	Chart  string         `json:"chart"`
	Option map[string]any `json:"option"`
	Heads  []string       `json:"heads"`
	All    dashRow        `json:"all"`
	Groups []*dashRow     `json:"groups"` // parallel to districts; null without a row
	Height int            `json:"height"`

	Q    view.QuestionView `json:"-"`
	Text []string          `json:"-"` // the findings under the question (View.Passage)
	Cur  *dashRow          `json:"-"` // the selected district's row when the page opens
	Rows []dashCells       `json:"-"` // the figure table as it opens
}

// HasNote reports whether the figure table opens with a 備考 to print (全体's
// or the selected district's); an empty 備考 row is hidden, and the script
// shows it again when a district with a note is selected (reader review 5,
// item 20).
func (q dashQuestion) HasNote() bool { return q.All.Note != "" || q.Cur != nil && q.Cur.Note != "" }

// dashCells is one line of a question's figure table: choice, 全体, selected district.
type dashCells struct{ Head, All, Cur string }

type dashRow struct {
	N      string   `json:"n"`
	Texts  []string `json:"texts"`  // as printed, with ▲▼
	Values []any    `json:"values"` // numbers, or "-" where nothing is plotted (x)
	Note   string   `json:"note"`
}

type dashIndRow struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Baseline string `json:"baseline"`
	Current  string `json:"current"`
	// MarkedBaseline and MarkedCurrent are the same with ※ on a side whose
	// base is under 参考値基準 (the 策定時からの変化 tab has no 備考 column).
	MarkedBaseline string `json:"bref"`
	MarkedCurrent  string `json:"cref"`
	N              string `json:"n"`
	Interval       string `json:"interval"`
	Target         string `json:"target"`
	Evaluation     string `json:"evaluation"`
	Note           string `json:"note"`
}

type dashRating struct {
	Chart  string         `json:"chart"`
	Option map[string]any `json:"option"`
	All    []int          `json:"all"`
	Groups [][]int        `json:"groups"` // parallel to districts; null without data
	Height int            `json:"height"`

	R view.RatingView `json:"-"`
}

type dashRatingGroup struct {
	Theme   string
	Ratings []dashRating
}

const (
	colorAll  = "#9e9e9e"
	colorDist = "#1f4e79"
)

// ratingColors are ordered shades that stay distinguishable in gray print.
var ratingColors = []string{"#1f4e79", "#2e75b6", "#9dc3e6", "#d9d9d9", "#7f7f7f", "#404040", "#bdd7ee"}

func BuildDashboard(v *view.View) *dashPage {
	p := &dashPage{V: v, Survey: !v.NoSurvey, ShowHearings: v.Hearings.Orgs > 0,
		ShowComments: !v.NoSurvey || len(v.FreeText.Texts) > 0}
	p.Data.Districts = append([]string{}, v.Districts...)
	if len(v.Districts) > 0 {
		p.District = v.Districts[0]
	}
	ids := map[string]bool{} // used chart IDs; lookups only
	questions := make([]dashQuestion, len(v.Questions))
	for i, q := range v.Questions {
		questions[i] = dashQuestionOf(v, q, ChartID("crosstab", q.ID, i, ids), p.District)
		questions[i].Text = v.PassageLines(view.PlaceQuestion, q.ID, "")
	}
	p.axisChoices(questions)
	p.Data.Questions = questions
	inTheme := make([]bool, len(v.Questions))
	for ti, t := range v.Themes {
		panel := dashPanel{ID: "theme_" + strconv.Itoa(ti+1), Name: t.Name}
		for _, qi := range t.Questions {
			if qi >= 0 && qi < len(questions) && !inTheme[qi] {
				inTheme[qi] = true
				panel.Questions = append(panel.Questions, questions[qi])
			}
		}
		if len(panel.Questions) > 0 {
			p.Panels = append(p.Panels, panel)
		}
	}
	other := dashPanel{ID: "theme_other", Name: "その他の設問"}
	for i, q := range questions {
		if !inTheme[i] {
			other.Questions = append(other.Questions, q)
		}
	}
	if len(other.Questions) > 0 {
		if len(p.Panels) == 0 {
			other.Name = "設問"
		}
		p.Panels = append(p.Panels, other)
	}
	if v.NoSurvey {
		p.Panels = nil
	}

	for _, d := range v.Districts {
		var rows []dashIndRow
		for _, r := range v.Indicators.ByDistrict[d] {
			rows = append(rows, dashIndRowOf(r))
		}
		p.Data.Indicators = append(p.Data.Indicators, rows)
	}
	if p.District != "" {
		p.IndDistrict = v.Indicators.ByDistrict[p.District]
	}

	for i, r := range v.Hearings.Ratings {
		dr := dashRatingOf(v, r, ChartID("hearing", r.ItemID, i, ids), p.District)
		p.Data.Ratings = append(p.Data.Ratings, dr)
		n := len(p.RatingGroups)
		theme := r.Theme
		if theme == "" {
			theme = view.GroupNoTheme // items of no theme, as the handouts head them
		}
		if n == 0 || p.RatingGroups[n-1].Theme != theme {
			p.RatingGroups = append(p.RatingGroups, dashRatingGroup{Theme: theme})
			n++
		}
		p.RatingGroups[n-1].Ratings = append(p.RatingGroups[n-1].Ratings, dr)
	}
	p.comments()
	p.views(questions)
	return p
}

// ChartID returns a fixed element ID of letters, digits and underscores:
// prefix_q4 from 設問ID Q4, or prefix_N (1-based position) when the ID has
// other characters or is taken.
func ChartID(prefix, id string, i int, used map[string]bool) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		} else {
			b.Reset()
			break
		}
	}
	s := prefix + "_" + b.String()
	if b.Len() == 0 || used[s] {
		s = prefix + "_" + strconv.Itoa(i+1)
	}
	for used[s] {
		s += "_"
	}
	used[s] = true
	return s
}

// DashValue is the plotted value of a figure: the printed number, or "-" (not
// plotted) when suppressed or empty. Each bar carries its printed text as its
// label (36.0, －, 57.1▲), since echarts would print 36.0 as 36.
func DashValue(f view.Fig) any {
	switch v := f.Shown(); {
	case f.Suppressed || f.Blank() || f.Bound:
		return "-"
	case f.Zero:
		return dashPoint{Value: 0, Label: dashLabel{Formatter: view.MarkZero}}
	case math.IsNaN(v) || math.IsInf(v, 0):
		// Note: JSON cannot hold NaN or infinity.
		return "-"
	default:
		return dashPoint{Value: v, Label: dashLabel{Formatter: f.Text + f.Mark}}
	}
}

// A dashPoint is a bar with its own label text (an echarts data item).
type dashPoint struct {
	Value float64   `json:"value"`
	Label dashLabel `json:"label"`
}

type dashLabel struct {
	Formatter string `json:"formatter"`
}

func dashRowOf(n view.Fig, figs []view.Fig, suppressed, reference bool) *dashRow {
	r := &dashRow{N: n.Text, Note: view.RowNote(suppressed, reference), Texts: []string{}, Values: []any{}}
	for _, f := range figs {
		r.Texts = append(r.Texts, f.Text+f.Mark)
		v := DashValue(f)
		if suppressed {
			v = "-"
		}
		r.Values = append(r.Values, v)
	}
	return r
}

func dashQuestionOf(v *view.View, q view.QuestionView, id, selected string) dashQuestion {
	dq := dashQuestion{Chart: id, Q: q, Heads: []string{}}
	var all *dashRow
	groups := map[string]*dashRow{} // lookups only
	numeric := false
	for _, t := range q.Tables {
		switch t.By {
		case view.ByAll:
			if len(t.Rows) > 0 {
				dq.Heads = t.Heads
				r := t.Rows[0]
				all = dashRowOf(r.N, r.Cells, r.Suppressed, r.Reference)
			}
		case view.ByDistrict:
			for _, r := range t.Rows {
				groups[r.Group] = dashRowOf(r.N, r.Cells, r.Suppressed, r.Reference)
			}
		}
	}
	if all == nil && len(q.Summary) > 0 {
		// NUM (and SC without tables): plot the mean and median.
		numeric = true
		dq.Heads = []string{"平均", "中央値"}
		if q.Unit != "" {
			// Note: the answers' unit (設問 単位), as the tables head it.
			dq.Heads = []string{"平均（" + q.Unit + "）", "中央値（" + q.Unit + "）"}
		}
		for _, s := range q.Summary {
			r := dashRowOf(s.N, []view.Fig{s.Mean, s.Median}, s.Suppressed, s.Reference)
			if s.Group == view.GroupAll {
				all = r
			} else {
				groups[s.Group] = r
			}
		}
	}
	if all == nil {
		all = &dashRow{Texts: []string{}, Values: []any{}}
	}
	dq.All = *all
	for _, d := range v.Districts {
		g := groups[d]
		dq.Groups = append(dq.Groups, g)
		if d == selected {
			dq.Cur = g
		}
	}
	if dq.Groups == nil {
		dq.Groups = []*dashRow{}
	}
	for k, h := range dq.Heads {
		c := dashCells{Head: h, All: at(all.Texts, k)}
		if dq.Cur != nil {
			c.Cur = at(dq.Cur.Texts, k)
		}
		dq.Rows = append(dq.Rows, c)
	}
	dq.Height = 70 + 44*max(len(dq.Heads), 1)
	dq.Option = barOption(id, dq.Heads, all, dq.Cur, selected, numeric)
	return dq
}

// barOption builds a question's echarts option with go-echarts: horizontal bars
// of 全体 beside the selected district.
//
// Note: echarts writes tooltips as HTML. Its default tooltip (used here, no
// formatter) escapes series and category names, which hold input text (district
// names, choice and rating labels); TestDashboardTooltipBrowser checks it. A
// custom tooltip formatter would have to escape them itself.
func barOption(id string, heads []string, all, cur *dashRow, district string, numeric bool) map[string]any {
	labels := make([]string, len(heads))
	for i, h := range heads {
		labels[i] = wrapLabel(h, 9)
	}
	bar := charts.NewBar()
	xAxis := opts.XAxis{Type: "value", Name: "％", Min: 0, Max: 100}
	if numeric {
		xAxis = opts.XAxis{Type: "value", Min: 0}
	}
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, AssetsHost: "./", Renderer: "svg"}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "48", Top: "32", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(xAxis),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Decal: &opts.AriaDecal{Show: opts.Bool(true)}}),
	)
	label := charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"})
	bar.SetXAxis(labels).
		AddSeries(view.GroupAll, barData(all), label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorAll})).
		AddSeries(district, barData(cur), label, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorDist})).
		XYReversal()
	bar.Validate()
	return bar.JSON()
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func barData(r *dashRow) []opts.BarData {
	var out []opts.BarData
	if r == nil {
		return out
	}
	for _, v := range r.Values {
		if p, ok := v.(dashPoint); ok {
			out = append(out, opts.BarData{Value: p.Value, Label: &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: p.Label.Formatter}})
			continue
		}
		out = append(out, opts.BarData{Value: v})
	}
	return out
}

// wrapLabel breaks a chart label into lines of at most n runes.
func wrapLabel(s string, n int) string {
	r := []rune(s)
	var b strings.Builder
	for i := 0; i < len(r); i += n {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(r[i:min(i+n, len(r))]))
	}
	return b.String()
}

func dashIndRowOf(r view.IndicatorRow) dashIndRow {
	note := r.Note()
	return dashIndRow{
		ID: r.ID, Name: r.Name, Baseline: r.Baseline.Text, Current: r.Current.Text, N: r.CurrentN.Text,
		MarkedBaseline: RefText(r.Baseline, r.BaselineRef), MarkedCurrent: RefText(r.Current, r.Reference),
		Interval: r.Interval, Target: r.Target.Text, Evaluation: r.Evaluation, Note: note,
	}
}

func dashRatingOf(v *view.View, r view.RatingView, id, selected string) dashRating {
	dr := dashRating{Chart: id, R: r, All: dashCounts(r.All.Counts)}
	var cur []int
	for _, d := range v.Districts {
		var g []int // null: no ratings from the district
		if row, ok := r.ByDistrict[d]; ok {
			g = dashCounts(row.Counts)
		}
		dr.Groups = append(dr.Groups, g)
		if d == selected {
			cur = g
		}
	}
	if dr.Groups == nil {
		dr.Groups = [][]int{}
	}
	dr.Height = 150
	dr.Option = ratingOption(id, r.Labels, dr.All, cur, selected)
	return dr
}

// dashCounts are the organizations per rating as the charts plot them.
func dashCounts(figs []view.Fig) []int {
	out := []int{}
	for _, f := range figs {
		out = append(out, int(f.Shown()))
	}
	return out
}

// ratingOption builds a hearing rating's stacked bars: 全体 and the selected
// district, organizations per rating.
func ratingOption(id string, labels []string, all, cur []int, district string) map[string]any {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, AssetsHost: "./", Renderer: "svg"}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "32", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, MinInterval: 1}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Decal: &opts.AriaDecal{Show: opts.Bool(true)}}),
	)
	bar.SetXAxis([]string{view.GroupAll, district})
	for i, l := range labels {
		data := []opts.BarData{{Value: countAt(all, i)}, {Value: countAt(cur, i)}}
		bar.AddSeries(l, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "total"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: ratingColors[i%len(ratingColors)]}))
	}
	bar.XYReversal()
	bar.Validate()
	return bar.JSON()
}

func countAt(c []int, i int) any {
	if i < len(c) {
		return c[i]
	}
	return "-"
}

// comments fills the theme × district drill-down (View.FreeText.Matrix):
// every masked free-text answer and hearing comment.
func (p *dashPage) comments() {
	m := p.V.FreeText.Matrix
	p.Themes, p.Columns = m.Themes, m.Districts
	p.Matrix = m.Cells
	p.Data.Comments, p.Data.Held = [][][]string{}, [][]int{}
	for _, row := range m.Cells {
		texts, held := [][]string{}, []int{}
		for _, c := range row {
			texts = append(texts, append([]string{}, c.Texts...)) // [] in the JSON, never null
			held = append(held, c.Held)
		}
		p.Data.Comments = append(p.Data.Comments, texts)
		p.Data.Held = append(p.Data.Held, held)
	}
	p.Data.Columns = append([]string{}, p.Columns...) // [] in the JSON, never null
	p.Data.Themes = append([]string{}, p.Themes...)
}

var dashboardTemplate = template.Must(template.New("index.html").Funcs(template.FuncMap{
	"px":     func(n int) template.CSS { return template.CSS(strconv.Itoa(n) + "px") },
	"svgNum": view.SvgNum,
}).Parse(dashboardHTML))

const dashboardHTML = `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.V.PlanName}}{{with .V.SurveyName}} {{.}}{{end}} ダッシュボード</title>
<link rel="stylesheet" href="{{.Host}}dashboard.css">
</head>
<body>
<header>
<h1>{{.V.PlanName}}</h1>
<p class="sub">{{.V.Ward}}{{with .V.SurveyName}}　{{.}}{{end}}　基準日 {{.V.Date}}</p>
{{- if .V.Sample}}
<p class="banner sample">サンプルデータ：合成データであり、実際の調査結果ではありません。</p>
{{- end}}
{{- if .V.InputErrors}}
<p class="banner errors">入力エラー{{.V.InputErrors}}件を含んだまま作成しています（該当する回答は無回答として集計）。</p>
{{- end}}
<p id="noscript" class="banner errors">グラフを表示するには、index.html と同じフォルダーに echarts.min.js と dashboard.js が必要です。</p>
{{- if .Survey}}
<div class="controls">
{{- if .Choices}}
<label for="district">比較する区分</label>
<select id="district">
{{- range .Choices}}
<optgroup label="{{.Label}}">
{{- range .Options}}
<option value="{{.Index}}">{{.Name}}</option>
{{- end}}
</optgroup>
{{- end}}
</select>
{{- else}}
<label for="district">比較する地区</label>
<select id="district">
{{- range $i, $d := .Data.Districts}}
<option value="{{$i}}">{{$d}}</option>
{{- end}}
</select>
{{- end}}
<span class="legend">数値は％（n＝集計対象者数、無回答を含む）。x＝秘匿、－＝0件、▲▼＝全体に比べ有意に高い／低い、参考値＝nが少ないため参考。</span>
</div>
{{- end}}
</header>
<nav class="tabs" role="tablist">
{{- range $i, $p := .Panels}}
<button type="button" role="tab" class="tab{{if eq $i 0}} active{{end}}" data-panel="{{$p.ID}}">{{$p.Name}}</button>
{{- end}}
{{- if .Survey}}
<button type="button" role="tab" class="tab" data-panel="indicators">指標</button>
{{- end}}
{{- if .ShowHearings}}
<button type="button" role="tab" class="tab" data-panel="hearings">ヒアリング</button>
{{- end}}
{{- if .ShowComments}}
<button type="button" role="tab" class="tab" data-panel="comments">自由記述・意見</button>
{{- end}}
{{- template "views-tabs" .}}
{{- template "progress-tab" .}}
{{- template "map-tab" .}}
{{- if and .Survey .V.Profiles}}
<button type="button" role="tab" class="tab" data-panel="profiles">地区カルテ</button>
{{- end}}
{{- if .V.Hard}}
<button type="button" role="tab" class="tab" data-panel="hard">ソフトとハード</button>
{{- end}}
</nav>
<main>
{{- range $i, $p := .Panels}}
<section class="panel{{if eq $i 0}} active{{end}}" id="{{$p.ID}}">
<h2>{{$p.Name}}</h2>
{{- range $p.Questions}}
<div class="question">
<h3>{{.Q.ID}}　{{.Q.Text}}{{if .Q.MA}}（複数回答）{{end}}</h3>
{{- if .Q.Condition}}
<p class="cond">対象：{{.Q.Condition}}</p>
{{- end}}
{{- with .Text}}
<div class="finding">
{{- range .}}
<p>{{.}}</p>
{{- end}}
</div>
{{- end}}
<div class="qbody">
<div class="chart" id="{{.Chart}}" style="width:{{px 560}};height:{{px .Height}}"></div>
<table class="fig" id="{{.Chart}}_table">
<thead><tr><th></th><th>全体</th><th class="dname">{{$.District}}</th></tr></thead>
<tbody>
<tr class="n"><th>n</th><td>{{.All.N}}</td><td>{{with .Cur}}{{.N}}{{end}}</td></tr>
{{- range .Rows}}
<tr><th>{{.Head}}</th><td>{{.All}}</td><td>{{.Cur}}</td></tr>
{{- end}}
<tr class="note"{{if not .HasNote}} hidden{{end}}><th>備考</th><td>{{.All.Note}}</td><td>{{with .Cur}}{{.Note}}{{end}}</td></tr>
</tbody>
</table>
</div>
</div>
{{- end}}
</section>
{{- end}}
{{- if .Survey}}
<section class="panel" id="indicators">
<h2>指標の達成状況</h2>
{{- with $.V.Passages}}
<div class="finding">
{{- range $.V.Indicators.Rows}}
{{- range $.V.PassageLines "指標" .ID ""}}
<p>{{.}}</p>
{{- end}}
{{- end}}
</div>
{{- end}}
<table class="list">
<thead><tr><th>指標</th><th>テーマ</th><th>策定時</th><th>今回値</th><th>n</th><th>95％信頼区間</th><th>目標値</th><th>方向</th><th>評価</th><th>備考</th></tr></thead>
<tbody>
{{- range .V.Indicators.Rows}}
<tr><th>{{.ID}} {{.Name}}</th><td>{{.Theme}}</td><td>{{.Baseline.Text}}</td><td>{{.Current.Text}}</td><td>{{.CurrentN.Text}}</td><td>{{.Interval}}</td><td>{{.Target.Text}}</td><td>{{.Direction}}</td><td class="eval">{{.Evaluation}}</td><td>{{.Note}}</td></tr>
{{- end}}
</tbody>
</table>
<h3>選択した地区：<span class="dname">{{.District}}</span></h3>
<table class="list" id="indicators_district">
<thead><tr><th>指標</th><th>策定時</th><th>今回値</th><th>n</th><th>95％信頼区間</th><th>目標値</th><th>評価</th><th>備考</th></tr></thead>
<tbody>
{{- range .IndDistrict}}
<tr><th>{{.ID}} {{.Name}}</th><td>{{.Baseline.Text}}</td><td>{{.Current.Text}}</td><td>{{.CurrentN.Text}}</td><td>{{.Interval}}</td><td>{{.Target.Text}}</td><td class="eval">{{.Evaluation}}</td><td>{{.Note}}</td></tr>
{{- end}}
</tbody>
</table>
{{- with .V.Indicators.Legend}}
<dl class="legend">
{{- range .}}
<dt>{{.Key}}</dt><dd>{{.Value}}</dd>
{{- end}}
</dl>
{{- end}}
{{- template "history" .}}
</section>
{{- end}}
{{- if and .Survey .V.Profiles}}
<section class="panel" id="profiles">
<h2>地区カルテ</h2>
<p>地区ごとに、全体と並べた指標、区内の他の地区と比べた特徴、意見のテーマを示します。</p>
{{- range $pi, $pr := .V.Profiles}}
{{- $d := .District}}
<details class="profile" id="profile_{{$pi}}">
<summary>{{$d}}（有効回答数 {{.N.Text}}）</summary>
<p>{{if .Rate.Text}}回収率 {{.Rate.Text}}%　{{end}}{{if $.V.Hearings.Orgs}}ヒアリング団体 {{.Orgs.Text}}{{end}}{{if .Margin.Text}}　誤差 最大±{{.Margin.Text}}ポイント{{end}}</p>
{{- with .Indicators}}
<table class="list">
<caption>{{$d}}の指標（全体と比較）</caption>
<thead><tr><th>指標</th><th>{{$d}}</th><th>全体</th><th>目標</th><th>評価</th></tr></thead>
<tbody>
{{- range .}}
<tr><th>{{.ID}} {{.Name}}</th><td class="{{.ToneClass}}">{{.District.Text}}{{if .Reference}}（参考値）{{end}}</td><td>{{.Ward.Text}}</td><td>{{.Target.Text}}{{if .Target.Text}}（{{.Direction}}）{{end}}</td><td class="eval">{{.Evaluation}}</td></tr>
{{- end}}
</tbody>
</table>
<p class="legend">{{$d}}の値の色は指標の方向（増・減）に従います：<span class="key up1">全体より5ポイント以上良い</span> <span class="key dn1">全体より5ポイント以上悪い</span>（濃い色は10ポイント以上）。</p>
{{- end}}
{{- with $.V.PassageLines "地区" "" $d}}
<div class="finding">
{{- range .}}
<p>{{.}}</p>
{{- end}}
</div>
{{- end}}
{{- with .Themes}}
<table class="list">
<caption>意見のテーマ（件数）</caption>
<tbody>
{{- range .}}
<tr><th scope="row">{{.Key}}</th><td>{{.Value}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- with .Quotes}}
<ul class="quotes">
{{- range .}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</details>
{{- end}}
</section>
{{- end}}
{{- if .ShowHearings}}
<section class="panel" id="hearings">
<h2>団体ヒアリング（ヒアリングを行った団体 {{.V.Hearings.Orgs}}）</h2>
{{- range .RatingGroups}}
<h3>{{.Theme}}</h3>
{{- range .Ratings}}
<div class="rating">
<h4>{{.R.ItemID}}　{{.R.Name}}（団体数）</h4>
<div class="chart" id="{{.Chart}}" style="width:{{px 560}};height:{{px .Height}}"></div>
</div>
{{- end}}
{{- else}}
<p>評価項目はありません。</p>
{{- end}}
</section>
{{- end}}
{{- if .ShowComments}}
<section class="panel" id="comments">
<h2>自由記述・団体の意見（テーマ × 地区）</h2>
<p>件数を押すと、その記述を下に表示します。個人情報は〇〇に置き換えています。</p>
<table class="list matrix">
<thead><tr><th>テーマ</th>{{range .Columns}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range $i, $t := .Themes}}
<tr><th>{{$t}}</th>{{range $j, $c := index $.Matrix $i}}<td>{{if $c.N.Zero}}{{$c.N.Text}}{{else}}<button type="button" class="drill" data-theme="{{$i}}" data-col="{{$j}}">{{$c.N.Text}}</button>{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
<h3 id="comments_title"></h3>
<p id="comments_held" class="legend"></p>
<ul id="comments_list"></ul>
</section>
{{- end}}
{{- template "views-panels" .}}
{{- template "progress-panel" .}}
{{- template "map-panel" .}}
{{- with .V.Hard}}
{{template "hard" .}}
{{- end}}
</main>
<footer>midreview で作成（{{.V.DateISO}}）。このページはインターネットに接続せずに表示できます。</footer>
<script id="dashboard-data" type="application/json">{{.JSON}}</script>
<script src="{{.Host}}echarts.min.js"></script>
<script src="{{.Host}}dashboard.js"></script>
</body>
</html>
`

// DashboardJS is the page script: it draws the charts from the embedded JSON and
// switches district, tab and drill-down. Input text is only ever set with
// textContent.
const DashboardJS = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var charts = {};
  var ok = typeof echarts !== 'undefined';
  if (ok) {
    document.getElementById('noscript').style.display = 'none';
  }
  function draw(id, option, height) {
    var el = document.getElementById(id);
    if (!ok || !el) { return; }
    // Fixed size: charts in hidden tabs are drawn too.
    var c = echarts.init(el, null, { renderer: 'svg', width: 560, height: height });
    c.setOption(option);
    charts[id] = c;
  }
  data.questions.forEach(function (q) { draw(q.chart, q.option, q.height); });
  (data.ratings || []).forEach(function (r) { draw(r.chart, r.option, r.height); });

  function setText(el, s) { if (el) { el.textContent = s == null ? '' : s; } }

  function selectDistrict(i) {
    var name = data.districts[i] || '';
    Array.prototype.forEach.call(document.querySelectorAll('.dname'), function (el) { setText(el, name); });
    data.questions.forEach(function (q) {
      var g = q.groups[i] || null;
      var t = document.getElementById(q.chart + '_table');
      if (t) {
        var rows = t.tBodies[0].rows;
        setText(rows[0].cells[2], g ? g.n : '');
        for (var k = 0; k < q.heads.length; k++) {
          setText(rows[k + 1].cells[2], g ? g.texts[k] : '');
        }
        setText(rows[rows.length - 1].cells[2], g ? g.note : '');
        rows[rows.length - 1].hidden = !(q.all.note || (g && g.note));
      }
      if (charts[q.chart]) {
        charts[q.chart].setOption({ series: [{}, { name: name, data: g ? g.values : [] }] });
      }
    });
    (data.ratings || []).forEach(function (r) {
      var c = charts[r.chart];
      if (!c) { return; }
      var g = r.groups[i] || [];
      var series = r.all.map(function (n, k) { return { data: [n, k < g.length ? g[k] : '-'] }; });
      c.setOption({ yAxis: [{ data: ['全体', name] }], series: series });
    });
    var body = document.querySelector('#indicators_district tbody');
    if (body) {
      while (body.firstChild) { body.removeChild(body.firstChild); }
      (data.indicators[i] || []).forEach(function (r) {
        var tr = document.createElement('tr');
        var th = document.createElement('th');
        setText(th, r.id + ' ' + r.name);
        tr.appendChild(th);
        [r.baseline, r.current, r.n, r.interval, r.target, r.evaluation, r.note].forEach(function (s, k) {
          var td = document.createElement('td');
          if (k === 5) { td.className = 'eval'; }
          setText(td, s);
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
  }

  var sel = document.getElementById('district');
  if (sel) {
    sel.addEventListener('change', function () { selectDistrict(parseInt(sel.value, 10)); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (b) {
    b.addEventListener('click', function () {
      Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (x) { x.classList.toggle('active', x === b); });
      Array.prototype.forEach.call(document.querySelectorAll('.panel'), function (p) {
        p.classList.toggle('active', p.id === b.getAttribute('data-panel'));
      });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('.drill'), function (b) {
    b.addEventListener('click', function () {
      var t = parseInt(b.getAttribute('data-theme'), 10);
      var c = parseInt(b.getAttribute('data-col'), 10);
      setText(document.getElementById('comments_title'), data.themes[t] + ' × ' + data.columns[c]);
      var list = document.getElementById('comments_list');
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var h = data.held && data.held[t] ? data.held[t][c] : 0;
      setText(document.getElementById('comments_held'), h ? '回答者が秘匿基準に満たない地区の調査票の記述は、件数にのみ含め、本文は表示していません。' : '');
      data.comments[t][c].forEach(function (s) {
        var li = document.createElement('li');
        setText(li, s);
        list.appendChild(li);
      });
    });
  });
})();
`

// dashboardCSS is the page style: plain, printable, readable in gray.
const dashboardCSS = `body { font-family: "BIZ UDPGothic", "Yu Gothic UI", "Meiryo", sans-serif; margin: 0; color: #222; background: #fff; }
header { padding: 12px 20px; border-bottom: 2px solid #1f4e79; }
h1 { font-size: 1.4em; margin: 0 0 4px; }
h2 { font-size: 1.2em; border-left: 6px solid #1f4e79; padding-left: 8px; }
h3 { font-size: 1em; margin: 16px 0 4px; }
.sub { margin: 0; color: #444; }
.banner { padding: 4px 8px; margin: 6px 0; font-weight: bold; }
.banner.sample { background: #fff2cc; border: 1px solid #bf9000; }
.banner.errors { background: #fbe5d6; border: 1px solid #c55a11; }
.controls { margin-top: 8px; }
.controls select { font-size: 1em; margin: 0 8px; }
.legend { font-size: 0.85em; color: #444; }
.tabs { display: flex; flex-wrap: wrap; gap: 4px; padding: 8px 20px 0; border-bottom: 1px solid #999; }
.tab { font-size: 0.95em; padding: 6px 12px; border: 1px solid #999; border-bottom: none; background: #eee; cursor: pointer; }
.tab.active { background: #fff; font-weight: bold; }
main { padding: 0 20px 20px; }
.panel { display: none; }
.panel.active { display: block; }
.question { border-bottom: 1px solid #ddd; padding-bottom: 8px; }
.cond { font-size: 0.85em; color: #555; margin: 0; }
.finding { border-left: 3px solid #404040; padding: 0.2em 0.8em; margin: 0.4em 0; background: #f4f4f4; }
.finding p { margin: 0.3em 0; }
details.profile { margin: 0.5em 0; }
details.profile summary { font-weight: bold; cursor: pointer; }
.qbody { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #aaa; padding: 3px 6px; }
thead th { background: #e7e6e6; }
.fig td { text-align: right; min-width: 4em; }
.list td { text-align: right; }
.eval { text-align: center; font-weight: bold; }
.matrix button { font-size: 1em; min-width: 3em; cursor: pointer; }
dl.legend { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; }
dl.legend dt { font-weight: bold; }
#comments_list li { margin: 4px 0; white-space: pre-wrap; }
footer { font-size: 0.8em; color: #666; padding: 8px 20px; border-top: 1px solid #ccc; }
@media print { .tabs, .controls select { display: none; } .panel { display: block; } }
`
