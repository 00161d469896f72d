package dashboard

import (
	"html/template"

	"midreview/render/view"
)

// dashboardHardTemplate is the dashboard's tab ソフトとハード: the counts by
// district and category, the programs and their departments, and per district
// its quotes (masked). It is static HTML: no chart, no script.
// Note: a simple tab for now; the dashboard's redesign will place it anew.
var dashboardHardTemplate = template.Must(dashboardTemplate.New("hard").Parse(dashboardHardHTML))

const dashboardHardHTML = `<section class="panel" id="hard">
<h2>ソフトとハードの連携</h2>
<p>自由記述・団体の意見・振り返りシートの課題のうち、施設や道路など物理的な対応が必要なものの件数（一つの記述が複数の分類に入ることがあります）。記述は個人情報を〇〇に置き換えています。</p>
<table class="list">
<caption>地区別・分類別の件数</caption>
<thead><tr><th scope="col">地区</th>{{range .Categories}}<th scope="col">{{.Name}}</th>{{end}}<th scope="col">` + view.HardTotalHead + `</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><th scope="row">{{.Group}}</th>{{range .Counts}}<td>{{.Text}}</td>{{end}}<td>{{.Total.Text}}</td></tr>
{{- end}}
</tbody>
</table>
<table class="list">
<caption>分類と活用できる制度</caption>
<thead><tr><th scope="col">分類</th><th scope="col">活用できる制度</th><th scope="col">担当部署</th></tr></thead>
<tbody>
{{- range .Categories}}
<tr><th scope="row">{{.Name}}</th><td>{{.Programs}}</td><td>{{.Department}}</td></tr>
{{- end}}
</tbody>
</table>
{{- $h := .}}
{{- range $g := .Groups}}
{{- with index $h.Quotes $g}}
<details class="profile">
<summary>{{$g}}の声</summary>
{{- range $c, $qs := .}}
{{- with $qs}}
<h4>{{(index $h.Categories $c).Name}}</h4>
<ul class="quotes">
{{- range .}}
<li>{{.Text}}（{{.Source}}）{{with .Also}}［{{range $i, $a := .}}{{if $i}}、{{end}}{{$a}}{{end}}にも該当］{{end}}</li>
{{- end}}
</ul>
{{- end}}
{{- end}}
</details>
{{- end}}
{{- end}}
</section>`
