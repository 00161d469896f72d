package dashboard

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"midreview/render/view"
)

// The dashboard's views across the districts (issue 15): 地区比較 (all
// districts × indicators and each theme's leading answers, shaded by the
// difference from the ward), 策定時からの変化 (per question and indicator,
// for the ward and the chosen district) and 自由記述を探す (the free-text
// explorer). Each appears only when its data exists. Like the cycle's parts
// (progress.go) they are templates of their own parsed into
// dashboardTemplate, and their script is a second function in dashboard.js.
//
// Every figure comes from the View: the comparison cells are the indicator
// rows' and the district pages' top answers (TopRow), the change rows the
// trend rows (trend.csv); shading uses only their difference's sign and size.
func init() {
	template.Must(dashboardTemplate.Funcs(template.FuncMap{
		"inc":  func(i int) int { return i + 1 },
		"diff": DiffText,
		"ref":  RefText,
	}).Parse(dashboardViewsHTML))
}

// dashViews are the cross-district views of the page.
type dashViews struct {
	Compare []dashCompare // 指標, then one table per theme with top answers
	Change  []dashChange  // questions with a baseline
	// IndChange are the indicators for the change view: the ward's row and the
	// first district's, by ID (shown with Change).
	IndChange []dashIndPair
	// Texts counts the explorer's texts; Held those counted but not listed.
	Texts, Held int
}

// dashViewData is the views' part of the page data (dashData.Views).
type dashViewData struct {
	// Change holds per question (as dashViews.Change) per district the rows
	// [baseline, current, diff, p] as printed, parallel to the ward's rows;
	// null where the district has none.
	Change [][][][4]string `json:"change"`
	// Texts are the explorer's texts; a held one has no text.
	Texts      []dashText `json:"texts"`
	TextThemes []string   `json:"textThemes"`
}

// A dashText is one masked text of the explorer.
type dashText struct {
	Source    string   `json:"s"` // 調査 or ヒアリング
	Districts []string `json:"d"`
	Themes    []string `json:"t"`
	Item      string   `json:"i"`
	Text      string   `json:"x,omitempty"`
	Held      bool     `json:"h,omitempty"`
}

// dashCompare is one table of 地区比較: districts down, columns across.
type dashCompare struct {
	ID, Name string
	Cols     []dashCol
	Ward     []dashCell
	Rows     []dashCompareRow
}

// A dashCol is a column of 地区比較: an indicator or a question's leading answer.
type dashCol struct {
	Head, Title string
	Go          string // the question's chart ID; "" for an indicator (opens the profile)
}

type dashCompareRow struct {
	Index    int // into Data.Districts
	District string
	Cells    []dashCell
}

// A dashCell is one shaded cell: its printed text, the shading class, a
// tooltip, and the value it sorts by ("" when hidden).
type dashCell struct {
	Text, Class, Title, Sort string
}

// dashChange is one question's change since the baseline.
type dashChange struct {
	ID    string
	Q     view.QuestionView
	Index int // into dashViews.Change and the data's change
	Rows  []dashTrendPair
}

// dashIndPair is one indicator for the ward and, as the page opens, the first
// district.
type dashIndPair struct {
	W, C view.IndicatorRow
	Has  bool
}

// dashTrendPair is one answer's trend row for the ward and, as the page opens,
// the first district (Has false when it has none).
type dashTrendPair struct {
	W, C view.TrendView
	Has  bool
}

// views fills p.Views and the page data's views from the View; questions
// are the page's (for chart IDs).
func (p *dashPage) views(questions []dashQuestion) {
	v := p.V
	chart := map[string]string{} // 設問ID → chart ID; lookups only
	for _, q := range questions {
		chart[q.Q.ID] = q.Chart
	}
	p.Data.Views = &dashViewData{Change: [][][][4]string{}, Texts: []dashText{}, TextThemes: []string{}}
	if !v.NoSurvey && len(v.Districts) > 0 {
		p.compareIndicators()
		for ti, t := range v.Themes {
			p.compareTheme("compare_t"+strconv.Itoa(ti+1), t.Name, t.Questions, chart)
		}
		p.changes(chart)
	}
	p.explorer()
}

// SortKey is the value a column sorts by: the shown figure, "" when hidden.
func SortKey(f view.Fig) string {
	if f.Suppressed || f.Blank() || f.Bound || math.IsNaN(f.Shown()) || math.IsInf(f.Shown(), 0) {
		return ""
	}
	return strconv.FormatFloat(f.Shown(), 'f', -1, 64)
}

// figCell is a district's cell: its figure (x when suppressed), ※ when 参考値,
// shaded by diff.
func figCell(f view.Fig, ref bool, diff float64, lower bool, title string) dashCell {
	c := dashCell{Text: f.Text + f.Mark, Sort: SortKey(f), Title: title}
	if c.Sort != "" {
		c.Class = view.Shade(diff, lower)
	}
	if ref {
		c.Text += "※"
	}
	return c
}

func (p *dashPage) compareIndicators() {
	v := p.V
	if len(v.Indicators.Rows) == 0 {
		return
	}
	t := dashCompare{ID: "compare_ind", Name: "指標（現状値）"}
	for _, r := range v.Indicators.Rows {
		t.Cols = append(t.Cols, dashCol{Head: r.ID, Title: r.Name})
		t.Ward = append(t.Ward, dashCell{Text: r.Current.Text, Title: r.Name})
	}
	for i, d := range v.Districts {
		row := dashCompareRow{Index: i, District: d}
		byID := map[string]view.IndicatorRow{} // lookups only
		for _, r := range v.Indicators.ByDistrict[d] {
			byID[r.ID] = r
		}
		for _, w := range v.Indicators.Rows {
			r, ok := byID[w.ID]
			if !ok {
				row.Cells = append(row.Cells, dashCell{})
				continue
			}
			diff := math.NaN()
			if SortKey(w.Current) != "" && SortKey(r.Current) != "" {
				diff = view.PointsApart(w.Current, r.Current)
			}
			row.Cells = append(row.Cells, figCell(r.Current, r.Reference, diff, w.Direction == "減", w.Name+"（全体 "+w.Current.Text+"）"))
		}
		t.Rows = append(t.Rows, row)
	}
	p.Views.Compare = append(p.Views.Compare, t)
}

// compareTheme adds a theme's table: per question its key measure
// (analyze.DistrictTops: an indicator's codes or 『そう思う（計）』) and each
// district's share of it.
func (p *dashPage) compareTheme(id, name string, qs []int, chart map[string]string) {
	v := p.V
	t := dashCompare{ID: id, Name: name}
	var cols []string
	for _, qi := range qs {
		if qi < 0 || qi >= len(v.Questions) {
			continue
		}
		q := v.Questions[qi]
		for _, d := range v.Districts {
			if r, ok := topRow(v, d, q.ID); ok {
				cols = append(cols, q.ID)
				t.Cols = append(t.Cols, dashCol{Head: q.ID + " " + r.Label, Title: q.Text + "：" + r.Label, Go: chart[q.ID]})
				t.Ward = append(t.Ward, dashCell{Text: r.All.Text + r.All.Mark, Title: r.Label})
				break
			}
		}
	}
	if len(cols) == 0 {
		return
	}
	for i, d := range v.Districts {
		row := dashCompareRow{Index: i, District: d}
		for _, qid := range cols {
			r, ok := topRow(v, d, qid)
			if !ok {
				row.Cells = append(row.Cells, dashCell{})
				continue
			}
			diff := math.NaN()
			title := r.Label
			if !r.Diff.Blank() && !r.Diff.Suppressed {
				diff = r.Diff.Shown()
				title += "：全体との差 " + r.Diff.Text + "ポイント"
			}
			row.Cells = append(row.Cells, figCell(r.District, r.Reference, diff, r.Lower, title))
		}
		t.Rows = append(t.Rows, row)
	}
	p.Views.Compare = append(p.Views.Compare, t)
}

func topRow(v *view.View, district, qid string) (view.TopRow, bool) {
	for _, r := range v.DistrictTops[district] {
		if r.QuestionID == qid {
			return r, true
		}
	}
	return view.TopRow{}, false
}

// changes lists the questions with a baseline, the ward's trend rows and
// each district's, aligned by answer.
func (p *dashPage) changes(chart map[string]string) {
	v := p.V
	for _, q := range v.Questions {
		if len(q.Trend) == 0 {
			continue
		}
		c := dashChange{ID: "change_" + strings.TrimPrefix(chart[q.ID], "crosstab_"), Q: q, Index: len(p.Views.Change)}
		var groups [][][4]string
		for i, d := range v.Districts {
			byLabel := map[string]view.TrendView{} // lookups only
			for _, t := range q.DistrictTrends[d] {
				byLabel[t.Label] = t
			}
			var rows [][4]string
			for _, w := range q.Trend {
				t, ok := byLabel[w.Label]
				if i == 0 {
					c.Rows = append(c.Rows, dashTrendPair{W: w, C: t, Has: ok})
				}
				if !ok {
					rows = append(rows, [4]string{})
					continue
				}
				rows = append(rows, [4]string{RefText(t.Baseline, t.BaselineRef), RefText(t.Current, t.CurrentRef), DiffText(t), t.P.Text})
			}
			if len(q.DistrictTrends[d]) == 0 {
				rows = nil
			}
			groups = append(groups, rows)
		}
		p.Views.Change = append(p.Views.Change, c)
		p.Data.Views.Change = append(p.Data.Views.Change, groups)
	}
	if len(p.Views.Change) == 0 {
		return
	}
	for _, w := range v.Indicators.Rows {
		pair := dashIndPair{W: w}
		for _, r := range v.Indicators.ByDistrict[v.Districts[0]] {
			if r.ID == w.ID {
				pair.C, pair.Has = r, true
			}
		}
		p.Views.IndChange = append(p.Views.IndChange, pair)
	}
}

// RefText is a printed figure with ※ when its base is under 参考値基準, as
// in 地区比較: the change tab marks each side by its own survey's base.
func RefText(f view.Fig, ref bool) string {
	if ref && f.Text != "" && !f.Suppressed {
		return f.Text + "※"
	}
	return f.Text
}

// DiffText is a trend row's difference with ＊ when significant.
func DiffText(t view.TrendView) string {
	if t.Significant {
		return t.Diff.Text + "＊"
	}
	return t.Diff.Text
}

// explorer fills the free-text explorer's data: every text, masked, with
// held ones (analyze.HeldTexts) carrying no text.
func (p *dashPage) explorer() {
	v := p.V
	p.Data.Views.TextThemes = append(p.Data.Views.TextThemes, v.FreeText.Matrix.Themes...)
	for _, f := range v.FreeText.Texts {
		t := dashText{Source: "調査", Districts: strings.Split(f.District, "、"), Themes: append([]string{}, f.Themes...), Item: f.ItemID}
		if f.Source == view.SourceHearing {
			t.Source = "ヒアリング"
		}
		if len(t.Themes) == 0 {
			t.Themes = []string{view.GroupNoTheme}
		}
		if f.Held {
			t.Held = true
			p.Views.Held++
		} else {
			t.Text = f.Text
			if f.Source == view.SourceHearing && f.RecordID != "" {
				t.Text = f.RecordID + "：" + f.Text
			}
		}
		p.Data.Views.Texts = append(p.Data.Views.Texts, t)
	}
	p.Views.Texts = len(v.FreeText.Texts)
}

const dashboardViewsHTML = `
{{- define "views-tabs"}}
{{- if .Views.Compare}}
<button type="button" role="tab" class="tab" data-panel="compare">地区比較</button>
{{- end}}
{{- if .Views.Change}}
<button type="button" role="tab" class="tab" data-panel="change">策定時からの変化</button>
{{- end}}
{{- if .Views.Texts}}
<button type="button" role="tab" class="tab" data-panel="explore">自由記述を探す</button>
{{- end}}
{{- end}}

{{- define "views-panels"}}
{{- with .Views.Compare}}
<section class="panel" id="compare">
<h2>地区比較（全地区 × 指標・設問）</h2>
<p class="legend">各地区の値（％）。設問は指標の該当回答、または肯定的な回答の合計（『そう思う（計）』など）の割合。色は良し悪しを表し、指標の方向（増・減）に従います（「減」の指標は低いほど良い）：青＝全体より良い、橙＝全体より悪い、濃い色ほど差が大きい（<span class="key up1">5ポイント以上良い</span> <span class="key up2">10ポイント以上良い</span> <span class="key dn1">5ポイント以上悪い</span> <span class="key dn2">10ポイント以上悪い</span>）。▲▼＝区内の他の地区（全体からその地区を除いた回答者）に比べ有意に高い／低い（2つの割合の差の検定、地区カルテと同じ）、x＝秘匿、※＝参考値（nが少ない）。列名のボタンで並べ替え、値を押すと（Enterキーでも）その地区の設問またはカルテを開きます。</p>
<label for="compare_pick">表示する表</label>
<select id="compare_pick">
{{- range $i, $t := .}}
<option value="{{$t.ID}}">{{$t.Name}}</option>
{{- end}}
</select>
{{- range $i, $t := .}}
<div class="cmpwrap{{if eq $i 0}} active{{end}}" id="{{$t.ID}}">
<table class="list compare">
<caption>{{$t.Name}}</caption>
<thead><tr><th scope="col"><button type="button" class="sort" data-col="0">地区</button></th>{{range $j, $c := $t.Cols}}<th scope="col" title="{{$c.Title}}"><button type="button" class="sort" data-col="{{inc $j}}">{{$c.Head}}</button></th>{{end}}</tr>
<tr class="ward"><th scope="row">全体</th>{{range $t.Ward}}<td title="{{.Title}}">{{.Text}}</td>{{end}}</tr></thead>
<tbody>
{{- range $t.Rows}}
{{- $d := .Index}}
<tr><th scope="row" data-v="{{.Index}}">{{.District}}</th>{{range $j, $c := .Cells}}{{$col := index $t.Cols $j}}<td tabindex="0" class="go {{$c.Class}}" data-v="{{$c.Sort}}" data-d="{{$d}}" data-go="{{$col.Go}}" title="{{$c.Title}}">{{$c.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
</section>
{{- end}}
{{- with .Views.Change}}
<section class="panel" id="change">
<h2>策定時からの変化</h2>
<p class="legend">策定時調査と今回の割合（％）、差（ポイント。表示した2つの割合の差）とp値。＊＝有意な差。x＝秘匿、※＝参考値（その調査の回答者が少ない）。右側は上の「比較する地区」で選んだ地区。</p>
{{- with $.Views.IndChange}}
<h3>指標</h3>
<table class="list" id="change_ind">
<thead><tr><th rowspan="2">指標</th><th colspan="3">全体</th><th colspan="3" class="dname">{{$.District}}</th></tr>
<tr><th>策定時</th><th>現状値</th><th>評価</th><th>策定時</th><th>現状値</th><th>評価</th></tr></thead>
<tbody>
{{- range .}}
<tr data-id="{{.W.ID}}"><th scope="row">{{.W.ID}} {{.W.Name}}</th><td>{{ref .W.Baseline .W.BaselineRef}}</td><td>{{ref .W.Current .W.Reference}}</td><td class="eval">{{.W.Evaluation}}</td>{{if .Has}}<td>{{ref .C.Baseline .C.BaselineRef}}</td><td>{{ref .C.Current .C.Reference}}</td><td class="eval">{{.C.Evaluation}}</td>{{else}}<td></td><td></td><td class="eval"></td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- range .}}
<div class="question">
<h3>{{.Q.ID}}　{{.Q.Text}}{{if .Q.MA}}（複数回答）{{end}}</h3>
<table class="list change" id="{{.ID}}" data-i="{{.Index}}">
<thead><tr><th rowspan="2">回答</th><th colspan="4">全体</th><th colspan="4" class="dname">{{$.District}}</th></tr>
<tr><th>策定時</th><th>今回</th><th>差</th><th>p値</th><th>策定時</th><th>今回</th><th>差</th><th>p値</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><th scope="row">{{.W.Label}}</th><td>{{ref .W.Baseline .W.BaselineRef}}</td><td>{{ref .W.Current .W.CurrentRef}}</td><td>{{diff .W}}</td><td>{{.W.P.Text}}</td>{{if .Has}}<td>{{ref .C.Baseline .C.BaselineRef}}</td><td>{{ref .C.Current .C.CurrentRef}}</td><td>{{diff .C}}</td><td>{{.C.P.Text}}</td>{{else}}<td></td><td></td><td></td><td></td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
</section>
{{- end}}
{{- if .Views.Texts}}
<section class="panel" id="explore">
<h2>自由記述を探す</h2>
<p class="legend">調査票の自由記述と団体ヒアリングの意見を、テーマ・地区・出典・語句で絞り込みます。個人情報は〇〇に置き換えています。{{if .Views.Held}}回答者が秘匿基準に満たない地区の調査票の記述は件数にのみ含め、本文は表示しません。{{end}}</p>
<div class="xfilters">
<label for="x_theme">テーマ</label>
<select id="x_theme"><option value="">すべて</option>{{range .Data.Views.TextThemes}}<option>{{.}}</option>{{end}}</select>
<label for="x_district">地区</label>
<select id="x_district"><option value="">すべて</option>{{range .V.Districts}}<option>{{.}}</option>{{end}}<option>地区不明</option></select>
<label for="x_source">出典</label>
<select id="x_source"><option value="">すべて</option><option>調査</option><option>ヒアリング</option></select>
<label for="x_word">語句</label>
<input type="search" id="x_word" size="16">
</div>
<p id="x_count" role="status" aria-live="polite"></p>
<ul id="x_list" class="xlist"></ul>
</section>
{{- end}}
{{- end}}
`

// DashboardViewsJS is the views' page script, appended to dashboard.js: tabs by
// keyboard, 地区比較's sorting and cells, the change tables on a district
// switch, the free-text explorer, and a performance mark when all is drawn.
// Input text is only ever set with textContent (the explorer's highlight
// splits it into text nodes and <mark> elements).
const DashboardViewsJS = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var views = data.views || {};
  function $(id) { return document.getElementById(id); }
  function setText(el, s) { if (el) { el.textContent = s == null ? '' : s; } }
  function each(sel, f, root) { Array.prototype.forEach.call((root || document).querySelectorAll(sel), f); }

  // Tabs: a tab list with arrow keys, Home and End.
  var tabs = Array.prototype.slice.call(document.querySelectorAll('.tab'));
  function markTabs() {
    tabs.forEach(function (t) {
      var on = t.classList.contains('active');
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.setAttribute('aria-controls', t.getAttribute('data-panel'));
      t.tabIndex = on ? 0 : -1;
    });
    if (tabs.length && !tabs.some(function (t) { return t.tabIndex === 0; })) { tabs[0].tabIndex = 0; }
  }
  tabs.forEach(function (t, i) {
    t.addEventListener('click', markTabs);
    t.addEventListener('keydown', function (e) {
      var j = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (j === undefined) { return; }
      e.preventDefault();
      j = (j + tabs.length) % tabs.length;
      tabs[j].click();
      tabs[j].focus();
    });
  });
  each('.panel', function (p) { p.setAttribute('role', 'tabpanel'); });
  markTabs();
  function openTab(id) {
    var b = document.querySelector('.tab[data-panel="' + id + '"]');
    if (b) { b.click(); }
  }

  // 地区比較: one table at a time, sorting by any column, a cell opens the district.
  var pick = $('compare_pick');
  if (pick) {
    pick.addEventListener('change', function () {
      each('.cmpwrap', function (w) { w.classList.toggle('active', w.id === pick.value); });
    });
  }
  function sortBy(tbl, col, th) {
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    each('th', function (h) { h.removeAttribute('aria-sort'); }, tbl.tHead.rows[0]);
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    var body = tbl.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute('data-v') || '', y = b.cells[col].getAttribute('data-v') || '';
      if (x === '' || y === '') { return (x === '') - (y === ''); } // hidden figures last
      var d = parseFloat(x) - parseFloat(y);
      return asc ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  each('table.compare', function (tbl) {
    each('button.sort', function (b) {
      b.addEventListener('click', function () { sortBy(tbl, parseInt(b.getAttribute('data-col'), 10), b.parentNode); });
    }, tbl);
  });
  function go(td) {
    var d = td.getAttribute('data-d'), q = td.getAttribute('data-go');
    var sel = $('district');
    if (sel) { sel.value = d; sel.dispatchEvent(new Event('change')); }
    var target = null;
    if (q && $(q)) {
      target = $(q).closest('.question');
    } else {
      target = $('profile_' + d);
      if (target) { target.open = true; }
    }
    if (!target) { return; }
    var panel = target.closest('.panel');
    if (panel) { openTab(panel.id); }
    target.tabIndex = -1;
    target.scrollIntoView();
    target.focus();
  }
  each('td.go', function (td) {
    td.addEventListener('click', function () { go(td); });
    td.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(td); }
    });
  });

  // 策定時からの変化: the chosen district's columns.
  function change(i) {
    (views.change || []).forEach(function (groups, k) {
      var tbl = document.querySelector('table.change[data-i="' + k + '"]');
      if (!tbl) { return; }
      var g = groups[i] || null;
      var rows = tbl.tBodies[0].rows;
      for (var r = 0; r < rows.length; r++) {
        var v = g && g[r] ? g[r] : ['', '', '', ''];
        for (var c = 0; c < 4; c++) { setText(rows[r].cells[5 + c], v[c]); }
      }
    });
    var body = document.querySelector('#change_ind tbody');
    if (body) {
      var byID = {};
      (data.indicators[i] || []).forEach(function (r) { byID[r.id] = r; });
      Array.prototype.forEach.call(body.rows, function (tr) {
        var r = byID[tr.getAttribute('data-id')] || {};
        [r.bref, r.cref, r.evaluation].forEach(function (s, c) { setText(tr.cells[4 + c], s); });
      });
    }
  }
  var sel = $('district');
  if (sel) { sel.addEventListener('change', function () { change(parseInt(sel.value, 10)); }); }

  // 自由記述を探す.
  var texts = views.texts || [];
  var fx = ['x_theme', 'x_district', 'x_source', 'x_word'].map($);
  function lower(s) { return s.replace(/[A-Z]/g, function (c) { return c.toLowerCase(); }); }
  function highlight(li, s, w) {
    var low = lower(s), lw = lower(w), i = 0, j;
    while (w && (j = low.indexOf(lw, i)) >= 0) {
      li.appendChild(document.createTextNode(s.slice(i, j)));
      var m = document.createElement('mark');
      m.textContent = s.slice(j, j + w.length);
      li.appendChild(m);
      i = j + w.length;
    }
    li.appendChild(document.createTextNode(s.slice(i)));
  }
  function explore() {
    if (!fx[0]) { return; }
    var th = fx[0].value, d = fx[1].value, src = fx[2].value, w = fx[3].value.trim();
    var list = $('x_list');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var n = 0, held = 0, frag = document.createDocumentFragment();
    texts.forEach(function (t) {
      if ((th && t.t.indexOf(th) < 0) || (d && t.d.indexOf(d) < 0) || (src && t.s !== src)) { return; }
      if (t.h) { if (!w) { held++; } return; }
      if (w && lower(t.x).indexOf(lower(w)) < 0) { return; }
      n++;
      var li = document.createElement('li');
      var tag = document.createElement('span');
      tag.className = 'src';
      tag.textContent = t.s + '・' + t.d.join('、') + '・' + t.i + '・' + t.t.join('、');
      li.appendChild(tag);
      highlight(li, t.x, w);
      frag.appendChild(li);
    });
    list.appendChild(frag);
    setText($('x_count'), '該当 ' + (n + held) + '件（全 ' + texts.length + '件）' +
      (held ? '。うち ' + held + '件は秘匿基準に満たない地区の記述のため本文を表示していません' : '') +
      (w && texts.some(function (t) { return t.h; }) ? '。語句で絞ると、本文を表示しない記述は数えません' : ''));
  }
  fx.forEach(function (el) {
    if (el) { el.addEventListener(el.tagName === 'INPUT' ? 'input' : 'change', explore); }
  });
  explore();

  // Printing shows every view, one per page, district profiles open.
  window.addEventListener('beforeprint', function () { each('details.profile', function (d) { d.open = true; }); });
  if (window.performance && performance.mark) { performance.mark('dashboard-ready'); }
})();
`

// dashboardViewsCSS styles the views, focus, and the print layout. Shading
// uses the Okabe–Ito blue (above the ward) and vermillion (below), lighter and
// darker, with a solid or dotted underline so that it reads in grayscale too.
const dashboardViewsCSS = `.tab:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible, td.go:focus-visible, .question:focus, details:focus { outline: 3px solid #E69F00; outline-offset: 1px; }
.cmpwrap { display: none; overflow-x: auto; }
.cmpwrap.active { display: block; }
table.compare td.go { cursor: pointer; }
table.compare button.sort { font: inherit; font-weight: bold; background: none; border: none; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button.sort::after { content: " ↑"; }
th[aria-sort="descending"] button.sort::after { content: " ↓"; }
tr.ward th, tr.ward td { background: #f0f0f0; font-weight: bold; }
.up1 { background: #d4e8f5; border-bottom: 3px solid #0072B2; }
.up2 { background: #7fb8e0; border-bottom: 3px solid #0072B2; }
.dn1 { background: #fbe0cc; border-bottom: 3px dotted #D55E00; }
.dn2 { background: #eda77a; border-bottom: 3px dotted #D55E00; }
.key { padding: 0 4px; white-space: nowrap; }
.xfilters { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.xfilters select, .xfilters input { font-size: 1em; }
.xlist li { margin: 6px 0; white-space: pre-wrap; }
.xlist .src { display: block; font-size: 0.8em; color: #555; }
mark { background: #F0E442; color: #000; }
@media print {
  .tabs, .controls select, .controls label, .xfilters, #compare_pick, label[for="compare_pick"], #noscript { display: none !important; }
  .panel { display: block !important; break-before: page; }
  main > .panel:first-child { break-before: auto; }
  .cmpwrap { display: block; overflow: visible; }
  .up1, .up2, .dn1, .dn2, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
}
`
