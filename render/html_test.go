package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"midreview/render/dashboard"
	"midreview/render/view"
)

func renderDashboard(t *testing.T, v *view.View) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := dashboard.Dashboard(&buf, v, dashboard.DashboardOptions{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDashboardGolden(t *testing.T) {
	golden(t, "dashboard.html", renderDashboard(t, xlsxTestView()))
}

func TestDashboardDeterministic(t *testing.T) {
	a := renderDashboard(t, xlsxTestView())
	b := renderDashboard(t, xlsxTestView())
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same view differ")
	}
}

// TestDashboardEscaping checks that input text never becomes markup: in HTML it is
// entity-escaped, in the embedded JSON < and > are \u003c and \u003e.
func TestDashboardEscaping(t *testing.T) {
	v := xlsxTestView()
	v.PlanName = "計画" + injScript
	v.Questions[0].Tables[0].Heads[0] = `参加<img src=x onerror=alert(1)>`
	v.Districts = append(v.Districts, `"><script>alert(2)</script>`)
	page := string(renderDashboard(t, v))
	for _, bad := range []string{"<script>alert", "<img src=x", `"><script>`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains unescaped %q", bad)
		}
	}
	for _, want := range []string{
		"計画&lt;script&gt;alert(1)&lt;/script&gt;",       // title and heading
		`\u003cscript\u003ealert(1)\u003c/script\u003e`, // hearing comment in the JSON
		"参加&lt;img src=x onerror=alert(1)&gt;",          // choice label in the figure table
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks escaped %q", want)
		}
	}
	if n := strings.Count(page, "<script"); n != 3 {
		t.Errorf("%d <script elements, want 3 (data, echarts, dashboard)", n)
	}
}

// TestDashboardOffline checks that the page loads only relative assets and that
// chart IDs are fixed identifiers.
func TestDashboardOffline(t *testing.T) {
	page := string(renderDashboard(t, xlsxTestView()))
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "./") {
			t.Errorf("reference %q is not beside the page", m[1])
		}
	}
	ids := regexp.MustCompile(`<div class="chart" id="([^"]*)"`).FindAllStringSubmatch(page, -1)
	want := []string{"crosstab_q2", "crosstab_q3", "crosstab_q4", "crosstab_q5", "hearing_h3"}
	var got []string
	for _, m := range ids {
		got = append(got, m[1])
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("chart IDs %v, want %v", got, want)
	}
	for _, host := range []string{"https://cdn.example/", "//cdn.example/", "/abs/"} {
		if err := dashboard.Dashboard(&bytes.Buffer{}, xlsxTestView(), dashboard.DashboardOptions{AssetsHost: host}); err == nil {
			t.Errorf("AssetsHost %q accepted", host)
		}
	}
}

func TestChartID(t *testing.T) {
	used := map[string]bool{}
	for _, tt := range []struct {
		id   string
		i    int
		want string
	}{
		{"Q4", 0, "crosstab_q4"},
		{"問5", 1, "crosstab_2"},
		{"Q4", 2, "crosstab_3"},
		{"q-6", 3, "crosstab_4"},
		{"", 4, "crosstab_5"},
	} {
		if got := dashboard.ChartID("crosstab", tt.id, tt.i, used); got != tt.want {
			t.Errorf("chartID(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestDashboardAssets(t *testing.T) {
	a, err := dashboard.DashboardAssets()
	if err != nil {
		t.Skip(err) // assets not fetched on this machine
	}
	for _, name := range []string{dashboard.AssetEcharts, dashboard.AssetDashboardJS, dashboard.AssetDashboardCSS} {
		if len(a[name]) == 0 {
			t.Errorf("asset %s is empty", name)
		}
	}
}

// FuzzDashboardText checks that no input text, wherever it appears, adds markup:
// the page has as many '<' as with a plain text in its place.
func FuzzDashboardText(f *testing.F) {
	for _, s := range []string{injScript, `"><img src=x onerror=alert(1)>`, "</script><script>", "\u2028", "{{.}}", "日吉", ""} {
		f.Add(s)
	}
	render := func(t *testing.T, s string) string {
		v := xlsxTestView()
		v.PlanName = s
		v.Questions[0].Tables[0].Heads[0] = s
		v.Hearings.Comments[0].Items[0] = s
		v.FreeText.Texts[0].Text = s
		v.FreeText.Matrix.Cells[0][0].Texts[0] = s
		v.FreeText.Matrix.Themes[0] = s
		v.Districts[1] = s
		var buf bytes.Buffer
		if err := dashboard.Dashboard(&buf, v, dashboard.DashboardOptions{}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	f.Fuzz(func(t *testing.T, s string) {
		page, plain := render(t, s), render(t, "x")
		if got, want := strings.Count(page, "<"), strings.Count(plain, "<"); got != want {
			t.Errorf("text %q: %d '<' in the page, want %d", s, got, want)
		}
	})
}

// TestDashboardEmpty checks that a view with nothing in it still makes a page.
func TestDashboardEmpty(t *testing.T) {
	page := string(renderDashboard(t, &view.View{PlanName: "計画", DateISO: "2026-11-01"}))
	if !strings.Contains(page, `<script id="dashboard-data" type="application/json">{`) {
		t.Error("no data block")
	}
}
