package dashboard

import (
	"fmt"
	"html/template"
	"strings"

	"midreview/render/view"
)

// The dashboard's parts for the plan's yearly cycle: a tab 取組の振り返り
// (progress/) and each indicator over the years (history/). They are
// templates of their own, parsed into dashboardTemplate, that print nothing
// for a batch without those inputs, so its page stays byte-identical.
//
// Note: the indicator lines are drawn as inline SVG, not with echarts: the
// page script (dashboard.js, the same file for every batch) need not change,
// and the chart prints and reads in grayscale without a script.
func init() {
	template.Must(dashboardTemplate.Funcs(template.FuncMap{"historySVG": historySVG}).Parse(dashboardCycleHTML))
}

const dashboardCycleHTML = `
{{- define "progress-tab"}}
{{- if .V.Progress}}
<button type="button" role="tab" class="tab{{if not .Panels}} active{{end}}" data-panel="progress">取組の振り返り</button>
{{- end}}
{{- end}}

{{- define "progress-panel"}}
{{- with .V.Progress}}
{{- $pv := .}}
<section class="panel{{if not $.Panels}} active{{end}}" id="progress">
<h2>取組の振り返り</h2>
<style>.progress td.t { text-align: left; } .progress td.mark { text-align: center; white-space: nowrap; } .progress .lab { display: block; font-size: 0.8em; color: #444; } figure.history { margin: 0.5em 0 1em; } .progress thead th { white-space: nowrap; }</style>
<p class="legend">進ちょく：{{range $i, $l := .Labels}}{{index $pv.Marks $i}}{{$l}}　{{end}}空欄＝報告なし、↓＝前年度より悪化（表の「（再掲）前年度より悪化」は計のうちの数で、左の欄の合計には含みません）。実績の（　）は計画最終年度の目標に対する達成率（％）。記述は個人情報を〇〇に置き換えています。</p>
<table class="list">
<caption>進ちょく別の取組数（全体、年度別）</caption>
<thead><tr><th>年度</th>{{range $i, $l := .Labels}}<th>{{index $pv.Marks $i}}{{$l}}</th>{{end}}<th>未記入</th><th>計</th><th>（再掲）前年度より悪化</th></tr></thead>
<tbody>
{{- range .Ward}}
<tr><th scope="row">{{.Year}}</th>{{range .Counts}}<td>{{.Text}}</td>{{end}}<td>{{.Unrated.Text}}</td><td>{{.Total.Text}}</td><td>{{.Slipped.Text}}</td></tr>
{{- end}}
</tbody>
</table>
{{- range .Themes}}
<h3>{{.Theme}}</h3>
<table class="list progress">
<thead><tr><th>取組</th><th>地区</th><th>担当</th>{{range $pv.Years}}<th>{{.}}</th>{{end}}<th>目標</th><th>次年度</th><th>課題（最新年度）</th></tr></thead>
<tbody>
{{- range .Initiatives}}
<tr><th scope="row">{{.ID}} {{.Name}}{{with .Measure}}<br><span class="cond">{{.}}{{end}}{{with .Unit}}（{{.}}）{{end}}{{if .Measure}}</span>{{end}}</th><td class="t">{{.District}}</td><td class="t">{{.Owner}}</td>
{{- range .Years}}<td class="mark">{{if .Has}}{{if .Mark}}{{.Mark}}{{else}}－{{end}}{{if .Slipped}}↓{{end}}{{with .Label}}<span class="lab">{{.}}</span>{{end}}{{if not .Actual.Blank}}<br>{{.Actual.Text}}{{if not .Reached.Blank}}（{{.Reached.Text}}）{{end}}{{end}}{{end}}</td>{{end}}
<td>{{.Target.Text}}</td><td class="t">{{.Next}}</td><td class="t">{{if .IssueHard}}（ハード面）{{end}}{{.Issues}}{{with .Hard}}<br>ハード面：{{.}}{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if not $.Survey}}
{{- template "history" $}}
{{- end}}
</section>
{{- end}}
{{- end}}

{{- define "history"}}
{{- with .V.IndicatorHistory}}
<h3>指標の推移（全体）</h3>
{{- range .}}
<figure class="history">
{{historySVG .}}
<figcaption>{{.ID}} {{.Name}}（％）：{{range $i, $p := .Points}}{{if $i}}→{{end}}{{$p.Label}} {{$p.Value.Text}}{{end}}{{with .Target.Text}}。目標 {{.}}{{end}}</figcaption>
</figure>
{{- end}}
{{- end}}
{{- end}}
`

// historySVG draws one indicator over the plan's years: a dark line with
// labelled points and the target as a dashed line, 560 × 180 pixels.
func historySVG(h view.IndicatorHistoryView) template.HTML {
	const w, ht, left, right, top, bottom = 560.0, 180.0, 40.0, 70.0, 20.0, 36.0
	hi := 0.0
	for _, p := range h.Points {
		if !p.Value.Blank() && !p.Value.Suppressed {
			hi = max(hi, p.Value.Shown())
		}
	}
	if !h.Target.Blank() {
		hi = max(hi, h.Target.Shown())
	}
	hi = max(10, hi*1.15)
	plotW, plotH := w-left-right, ht-top-bottom
	y := func(v float64) float64 { return top + plotH - plotH*v/hi }
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg role="img" aria-label="%s" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" xmlns="http://www.w3.org/2000/svg" font-size="12">`,
		esc(h.ID+" "+h.Name+"の推移"), w, ht, w, ht)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#999"/>`, left, top+plotH, left+plotW, top+plotH)
	if !h.Target.Blank() {
		ty := y(h.Target.Shown())
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#404040" stroke-dasharray="5 4"/>`, left, ty, left+plotW, ty)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#404040">目標 %s</text>`, left+plotW+4, ty+4, esc(h.Target.Text))
	}
	n := len(h.Points)
	step := plotW / float64(max(n, 1))
	var path []string
	for i, p := range h.Points {
		x := left + step*(float64(i)+0.5)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#222">%s</text>`, x, top+plotH+16, esc(p.Label))
		if p.Value.Blank() || p.Value.Suppressed {
			if len(path) > 1 {
				fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#1f4e79" stroke-width="2"/>`, strings.Join(path, " "))
			}
			path = nil
			continue
		}
		py := y(p.Value.Shown())
		path = append(path, fmt.Sprintf("%.1f,%.1f", x, py))
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" fill="#1f4e79"/>`, x, py)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-weight="bold" fill="#222">%s</text>`, x, py-8, esc(p.Value.Text))
	}
	if len(path) > 1 {
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#1f4e79" stroke-width="2"/>`, strings.Join(path, " "))
	}
	b.WriteString(`</svg>`)
	// Every text above went through esc; the numbers are formatted here.
	return template.HTML(b.String())
}
