package dashboard

import "html/template"

// The dashboard's map tab (地図): parsed into dashboardTemplate; it prints
// nothing for a batch without map/, so that page stays byte-identical.
func init() {
	template.Must(dashboardTemplate.Parse(dashboardMapHTML))
}

const dashboardMapHTML = `
{{- define "map-tab"}}
{{- if .V.Map}}
<button type="button" role="tab" class="tab" data-panel="map">地図</button>
{{- end}}
{{- end}}

{{- define "map-panel"}}
{{- with .V.Map}}
{{- $mv := .}}
<section class="panel" id="map">
<h2>地区別の地図</h2>
<style>.mapsel { margin-left: 0.8em; } .mapfig { display: none; margin: 0.5em 0; } .mapfig svg { max-width: 100%; height: auto; } .maplab { font-size: 12px; paint-order: stroke; stroke: #fff; stroke-width: 3px; fill: #000; } .mapkey { display: inline-block; width: 1.2em; height: 0.9em; border: 1px solid #333; vertical-align: middle; margin-right: 0.3em; }
{{- range $i, $m := .Measures}} #map_sel_{{$i}}:checked ~ .maps #map_fig_{{$i}} { display: block; }{{end}}
@media print { .mapfig { display: block; } .mapsel, .mapsel + label { display: none; } }</style>
<p class="legend">表示する数値を選んでください。色が濃いほど良い値です（回収率は高いほど、指標は方向「増」なら高いほど、「減」なら低いほど良い）。斜線＝秘匿（x）、白＝値なし、灰色＝どの地区にも当たらない区域。地区名の下の数値は％です。</p>
{{- range $i, $m := .Measures}}
<input type="radio" name="map_measure" class="mapsel" id="map_sel_{{$i}}"{{if eq $i 0}} checked{{end}}><label for="map_sel_{{$i}}">{{if eq $m.ID "rate"}}{{$m.Name}}{{else}}{{$m.ID}} {{$m.Name}}{{end}}</label>
{{- end}}
<div class="maps">
{{- range $i, $m := .Measures}}
<figure class="mapfig" id="map_fig_{{$i}}">
<figcaption>{{$m.Name}}の地区別の地図</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{$mv.Width}} {{$mv.Height}}" width="{{$mv.Width}}" height="{{$mv.Height}}" role="img" aria-labelledby="map_title_{{$i}}">
<title id="map_title_{{$i}}">{{$m.Name}}の地区別の地図（値は下の表）</title>
<defs><pattern id="map_hatch_{{$i}}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2"/></pattern></defs>
{{- if $mv.Grey}}
<path d="{{$mv.Grey}}" fill="#bbbbbb" stroke="#666" stroke-width="0.8" fill-rule="evenodd"><title>どの地区にも当たらない区域</title></path>
{{- end}}
{{- range $j, $d := $mv.Districts}}
{{- $f := index $m.Values $j}}
<path d="{{$d.Path}}" fill="{{if $f.Suppressed}}url(#map_hatch_{{$i}}){{else}}{{index $m.Fill $j}}{{end}}" stroke="#333" stroke-width="1" fill-rule="evenodd"><title>{{$d.Name}} {{if $f.Text}}{{$f.Text}}{{else}}－{{end}}</title></path>
{{- end}}
{{- range $j, $d := $mv.Districts}}
{{- $f := index $m.Values $j}}
<text class="maplab" x="{{svgNum $d.LabelX}}" y="{{svgNum $d.LabelY}}" text-anchor="middle">{{$d.Name}}</text>
<text class="maplab" x="{{svgNum $d.LabelX}}" y="{{svgNum $d.LabelY}}" dy="14" text-anchor="middle">{{if $f.Text}}{{$f.Text}}{{else}}－{{end}}</text>
{{- end}}
</svg>
<p class="legend">{{range $m.Legend}}<span class="mapkey" style="background: {{.Color}}"></span>{{.Label}}　{{end}}（濃いほど良い）</p>
<table class="list">
<caption>{{$m.Name}}（地区別、％）</caption>
<thead><tr><th scope="col">地区</th><th scope="col">{{$m.Name}}</th></tr></thead>
<tbody>
{{- range $j, $d := $mv.Districts}}
{{- $f := index $m.Values $j}}
<tr><th scope="row">{{$d.Name}}</th><td>{{if $f.Text}}{{$f.Text}}{{else}}－{{end}}</td></tr>
{{- end}}
</tbody>
</table>
</figure>
{{- end}}
</div>
{{- with .Missing}}
<p>境界データに境界がない地区（地図には描いていません）：{{range $k, $n := .}}{{if $k}}、{{end}}{{$n}}{{end}}</p>
{{- end}}
</section>
{{- end}}
{{- end}}
`
