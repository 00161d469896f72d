package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/render/dashboard"
	"midreview/render/view"
)

// dataRows is one data CSV of a run, as rows keyed by header.
type dataRows []map[string]string

// writeDataCSVs writes the data CSVs of res into dir/data, as cmd does, and
// reads them back by file name (crosstab.csv → rows).
func writeDataCSVs(t *testing.T, dir string, res *analyze.Results) map[string]dataRows {
	t.Helper()
	out := map[string]dataRows{}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range CSVFiles() {
		var buf bytes.Buffer
		if err := f.Write(&buf, res); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Path)), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(bom)))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		var tbl dataRows
		for _, r := range recs[1:] {
			m := map[string]string{}
			for i, h := range recs[0] {
				m[h] = r[i]
			}
			tbl = append(tbl, m)
		}
		out[filepath.Base(f.Path)] = tbl
	}
	return out
}

// where returns the rows whose columns have the given values (pairs of column, value).
func (c dataRows) where(kv ...string) dataRows {
	var out dataRows
next:
	for _, r := range c {
		for i := 0; i+1 < len(kv); i += 2 {
			if r[kv[i]] != kv[i+1] {
				continue next
			}
		}
		out = append(out, r)
	}
	return out
}

// csvNum parses a CSV number; ok false when empty.
func csvNum(t *testing.T, s string) (float64, bool) {
	t.Helper()
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("CSV number %q: %v", s, err)
	}
	return f, true
}

// oneDecimal is a CSV figure as the dashboard prints it: one decimal,
// rounded half away from zero (analyze.Round1).
func oneDecimal(t *testing.T, s string) string {
	t.Helper()
	f, ok := csvNum(t, s)
	if !ok {
		return ""
	}
	return strconv.FormatFloat(analyze.Round1(f), 'f', 1, 64)
}

// crosstabText is a crosstab.csv row as the figure tables print it: x when
// suppressed, － for no answers, else the share with ▲▼.
func crosstabText(t *testing.T, r map[string]string) string {
	switch {
	case r["suppressed"] == "true" && r["base"] == "0":
		return view.MarkZero // no respondent: nothing to hide (view.Shown)
	case r["suppressed"] == "true":
		return view.MarkSuppressed
	case r["count"] == "0":
		return view.MarkZero + r["mark"] // a zero can be significantly low: －▼
	}
	return oneDecimal(t, r["pct"]) + r["mark"]
}

// TestDashboardCSVBrowser checks the figures the dashboard shows after each
// switch against data/*.csv of the same run (demo, and the webform batch for
// 分析軸): for every group of the selector (districts, 性別, 年代, 分析軸) the
// figure table of every question (crosstab.csv; n from its base); for the
// districts also 策定時からの変化 (trend.csv), the district's indicators
// (indicators.csv) and 地区比較 (indicators.csv, district_tops.csv); and
// the explorer's counts under each theme, district and source filter
// (freetext.csv).
func TestDashboardCSVBrowser(t *testing.T) {
	needChromium(t)
	for _, tc := range []struct {
		name string
		res  *analyze.Results
	}{
		{"demo", demoResults(t)},
		{"webform", axisWebformResults(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := view.Build(tc.res)
			d := openDashboard(t, v)
			defer d.close()
			data := writeDataCSVs(t, d.dir, tc.res)
			checkFigureTables(t, d, v, data)
			checkDistrictViews(t, d, v, data)
			checkExplorer(t, d, data)
		})
	}
}

// axisWebformResults are the results of the webform batch (two 分析軸).
func axisWebformResults(t *testing.T) *analyze.Results {
	t.Helper()
	return analyze.Run(axisWebformBatch(t))
}

// checkFigureTables selects every group of the selector and compares every
// question's figure table (the selected group's column) with crosstab.csv.
func checkFigureTables(t *testing.T, d *dashTab, v *view.View, data map[string]dataRows) {
	t.Helper()
	p := dashboard.BuildDashboard(v)
	byName := map[string]string{analyze.ByGender: analyze.ByGender, analyze.ByAge: analyze.ByAge}
	for _, a := range v.Axes {
		byName[a.Name] = a.By
	}
	type option struct{ Group, Label, Value, Name string }
	var opts []option
	if err := json.Unmarshal([]byte(d.eval(`JSON.stringify(Array.from(document.querySelectorAll('#district option')).map(o => ({
		Group: o.parentNode.tagName === 'OPTGROUP' ? o.parentNode.label : '地区', Value: o.value, Name: o.textContent })))`)), &opts); err != nil {
		t.Fatal(err)
	}
	ct := data["crosstab.csv"].where("survey", "current")
	if len(ct) == 0 {
		ct = data["crosstab.csv"]
	}
	checked, groups := 0, map[string]bool{}
	for _, o := range opts {
		by := analyze.ByDistrict
		if o.Group != analyze.ByDistrict {
			by = byName[o.Group]
		}
		d.choose("district", o.Value)
		var tables map[string][][]string // chart ID → rows [head, district cell]
		if err := json.Unmarshal([]byte(d.eval(`JSON.stringify(Object.fromEntries(Array.from(document.querySelectorAll('table.fig')).map(t =>
			[t.id.replace(/_table$/, ''), Array.from(t.tBodies[0].rows).map(r => [r.cells[0].textContent, r.cells[2].textContent])])))`)), &tables); err != nil {
			t.Fatal(err)
		}
		for _, q := range p.Data.Questions {
			rows := tables[q.Chart]
			csvRows := ct.where("question_id", q.Q.ID, "by", by, "group", o.Name)
			if len(csvRows) == 0 || len(rows) < 2 {
				continue // no table by this group (NUM, the breakdown's own question)
			}
			if n := rows[0][1]; n != view.Thousands(atoi(t, csvRows[0]["base"])) {
				t.Errorf("%s %s: %s n %q, want %s (crosstab.csv base)", o.Group, o.Name, q.Q.ID, n, csvRows[0]["base"])
			}
			for _, r := range rows[1 : len(rows)-1] {
				c := csvRows.where("label", r[0])
				if len(c) != 1 {
					t.Errorf("%s %s: %s answer %q: %d crosstab.csv rows", o.Group, o.Name, q.Q.ID, r[0], len(c))
					continue
				}
				if want := crosstabText(t, c[0]); r[1] != want {
					t.Errorf("%s %s: %s %q = %q, want %q (crosstab.csv)", o.Group, o.Name, q.Q.ID, r[0], r[1], want)
				}
				checked++
			}
		}
		groups[o.Group] = true
	}
	if len(groups) < 3 || checked < 100 {
		t.Errorf("checked %d cells over the selector groups %v", checked, groups)
	}
	t.Logf("figure tables: %d cells over %d selector options (%d groups) checked against crosstab.csv", checked, len(opts), len(groups))
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("CSV count %q: %v", s, err)
	}
	return n
}

// checkDistrictViews selects districts and compares 策定時からの変化, the
// district's indicators and 地区比較 with trend.csv, indicators.csv and
// district_tops.csv.
func checkDistrictViews(t *testing.T, d *dashTab, v *view.View, data map[string]dataRows) {
	t.Helper()
	if len(v.Districts) == 0 {
		return
	}
	p := dashboard.BuildDashboard(v)
	trend, inds := data["trend.csv"], data["indicators.csv"]
	checked := 0
	for _, di := range []int{0, len(v.Districts) / 2, len(v.Districts) - 1} {
		name := v.Districts[di]
		d.choose("district", strconv.Itoa(di))
		// 策定時からの変化: baseline, current, diff of each answer.
		for k, c := range p.Views.Change {
			var rows [][]string
			if err := json.Unmarshal([]byte(d.eval(`JSON.stringify(Array.from(document.querySelector('table.change[data-i="`+strconv.Itoa(k)+`"]').tBodies[0].rows).map(r =>
				[r.cells[0].textContent, r.cells[5].textContent, r.cells[6].textContent, r.cells[7].textContent]))`)), &rows); err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				tr := trend.where("question_id", c.Q.ID, "by", analyze.ByDistrict, "group", name, "label", r[0])
				if len(tr) != 1 {
					if r[1]+r[2]+r[3] != "" {
						t.Errorf("change %s %s %q: %q without a trend.csv row", name, c.Q.ID, r[0], r[1:])
					}
					continue
				}
				want := trendTexts(t, tr[0])
				if got := r[1] + "|" + r[2] + "|" + strings.TrimSuffix(r[3], "＊"); got != want {
					t.Errorf("change %s %s %q: %s, want %s (trend.csv)", name, c.Q.ID, r[0], got, want)
				}
				checked++
			}
		}
		// The district's indicators (指標 tab) and 地区比較's indicator row.
		var indRows [][]string
		if err := json.Unmarshal([]byte(d.eval(`JSON.stringify(Array.from(document.querySelectorAll('#indicators_district tbody tr')).map(r =>
			[r.cells[0].textContent, r.cells[2].textContent]))`)), &indRows); err != nil {
			t.Fatal(err)
		}
		for _, r := range indRows {
			id, _, _ := strings.Cut(r[0], " ")
			want := indicatorText(t, inds.where("indicator_id", id, "group", name))
			if r[1] != want {
				t.Errorf("indicators %s %s: %q, want %q (indicators.csv)", name, id, r[1], want)
			}
			checked++
		}
		var cmp [][]string // per 地区比較 table: the district's row [name, cells…] and the column heads
		if err := json.Unmarshal([]byte(d.eval(`JSON.stringify(Array.from(document.querySelectorAll('table.compare')).flatMap(t => {
			const heads = Array.from(t.tHead.rows[0].cells).map(c => c.textContent);
			const row = Array.from(t.tBodies[0].rows).find(r => r.cells[0].getAttribute('data-v') === '`+strconv.Itoa(di)+`');
			return [heads, Array.from(row.cells).map(c => c.textContent)];
		}))`)), &cmp); err != nil {
			t.Fatal(err)
		}
		for k := 0; k+1 < len(cmp); k += 2 {
			heads, row := cmp[k], cmp[k+1]
			for j := 1; j < len(heads) && j < len(row); j++ {
				id, label, isQ := strings.Cut(heads[j], " ")
				var want string
				if isQ {
					tops := data["district_tops.csv"].where("district", name, "question_id", id, "label", label)
					if len(tops) != 1 {
						t.Errorf("地区比較 %s %s: %d district_tops.csv rows", name, heads[j], len(tops))
						continue
					}
					want = topText(t, tops[0])
				} else {
					want = indicatorText(t, inds.where("indicator_id", id, "group", name))
				}
				if got := strings.TrimSuffix(row[j], "※"); got != want {
					t.Errorf("地区比較 %s %s: %q, want %q", name, heads[j], got, want)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Error("no district cell checked")
	}
	t.Logf("change, indicators, 地区比較: %d cells over 3 districts checked against trend.csv, indicators.csv and district_tops.csv", checked)
}

// trendTexts is a trend.csv row as 策定時からの変化 prints it:
// baseline|current|diff. Note: trend.csv has no suppressed column; the
// districts sampled are over 秘匿基準 (TestDashboardSentinel covers hidden rows).
func trendTexts(t *testing.T, r map[string]string) string {
	pct := func(count, p string) string {
		if count == "0" {
			return view.MarkZero
		}
		return oneDecimal(t, p)
	}
	b, c := pct(r["baseline_count"], r["baseline_pct"]), pct(r["current_count"], r["current_pct"])
	diff := ""
	if f, ok := csvNum(t, r["diff_pt"]); ok {
		diff = view.PointsText(f)
	}
	return b + "|" + c + "|" + diff
}

// indicatorText is an indicators.csv group row's 今回値: x when its figures
// are empty (suppressed).
func indicatorText(t *testing.T, rows dataRows) string {
	if len(rows) != 1 {
		return "(" + strconv.Itoa(len(rows)) + " rows)"
	}
	if rows[0]["current"] == "" {
		return view.MarkSuppressed
	}
	return oneDecimal(t, rows[0]["current"])
}

// topText is a district_tops.csv row as 地区比較 prints it.
func topText(t *testing.T, r map[string]string) string {
	switch {
	case r["suppressed"] == "true" && r["base"] == "0":
		return view.MarkZero // no respondent: nothing to hide (view.Shown)
	case r["suppressed"] == "true":
		return view.MarkSuppressed
	case r["pct"] == "0":
		return view.MarkZero
	}
	return oneDecimal(t, r["pct"]) + r["mark"]
}

// checkExplorer compares the explorer's count under each theme, district and
// source filter with the rows of freetext.csv.
func checkExplorer(t *testing.T, d *dashTab, data map[string]dataRows) {
	t.Helper()
	if d.eval(`String(!!document.getElementById('x_theme'))`) != "true" {
		return
	}
	ft := data["freetext.csv"]
	count := func() string {
		s := d.eval(`document.getElementById('x_count').textContent`)
		n, _, _ := strings.Cut(strings.TrimPrefix(s, "該当 "), "件")
		return n
	}
	source := map[string]string{"調査": analyze.SourceSurvey, "ヒアリング": analyze.SourceHearing}
	checked := 0
	for _, f := range []struct{ id, col string }{{"x_theme", "themes"}, {"x_district", "district"}, {"x_source", "source"}} {
		var values []string
		if err := json.Unmarshal([]byte(d.eval(`JSON.stringify(Array.from(document.querySelectorAll('#`+f.id+` option')).map(o => o.value).filter(s => s))`)), &values); err != nil {
			t.Fatal(err)
		}
		for _, val := range values {
			d.choose(f.id, val)
			want := 0
			for _, r := range ft {
				cell := r[f.col]
				switch f.col {
				case "themes":
					if cell == "" {
						cell = analyze.GroupNoTheme
					}
					if containsField(strings.Split(cell, ";"), val) {
						want++
					}
				case "district":
					if containsField(strings.Split(cell, "、"), val) {
						want++
					}
				case "source":
					if cell == source[val] {
						want++
					}
				}
			}
			if got := count(); got != strconv.Itoa(want) {
				t.Errorf("explorer %s = %s: %s texts, want %d (freetext.csv)", f.id, val, got, want)
			}
			checked++
		}
		d.choose(f.id, "")
	}
	if got := d.eval(`document.getElementById('x_count').textContent`); !strings.Contains(got, "全 "+strconv.Itoa(len(ft))+"件") {
		t.Errorf("explorer total %q, want 全 %d件 (freetext.csv rows)", got, len(ft))
	}
	t.Logf("explorer: %d filter values checked against freetext.csv's %d rows", checked, len(ft))
}

func containsField(fields []string, s string) bool {
	for _, f := range fields {
		if f == s {
			return true
		}
	}
	return false
}
