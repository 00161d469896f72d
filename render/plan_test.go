package render

import (
	"strings"
	"testing"

	"midreview/render/dashboard"
	"midreview/render/pdf"
	"midreview/render/view"
	"midreview/render/web"
)

func TestPlan(t *testing.T) {
	res := buildTestResults()
	v := view.Build(res)
	var csvPaths []string
	for _, c := range CSVFiles() {
		csvPaths = append(csvPaths, c.Path)
	}
	dashPaths := []string{"dashboard/index.html", "dashboard/dashboard.css", "dashboard/dashboard.js", "dashboard/echarts.min.js"}
	if _, err := dashboard.DashboardAssets(); err != nil {
		// Note: without the embedded echarts the plan still lists the file,
		// whose writer returns the error (the run stops before the swap).
		dashPaths = []string{"dashboard/index.html", "dashboard/echarts.min.js"}
	}
	check := func(formats string, want ...string) {
		t.Helper()
		fm := map[string]bool{}
		for _, f := range strings.Split(formats, ",") {
			fm[f] = f != ""
		}
		var got []string
		for _, o := range Plan(v, res, fm, pdf.PDFOptions{}) {
			got = append(got, o.Path)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Plan(%s):\n got %v\nwant %v", formats, got, want)
		}
	}
	always := []string{CommentaryDraftFile, "problems.csv"}
	check("", always...)
	check("pdf", append([]string{"report.pdf", "districts/01_日吉.pdf", "districts/02_=綱島.pdf"}, always...)...)
	check("xlsx", append([]string{"tabulation.xlsx"}, always...)...)
	check("html", append(dashPaths, always...)...)
	check("csv", append(csvPaths, always...)...)
	webPaths := []string{"web/index.html", "web/style.css", "web/districts/01.html", "web/districts/02.html"}
	check("web", append(webPaths, always...)...)
	var opendata []string
	for _, o := range OpendataFiles(v) {
		opendata = append(opendata, "opendata/"+o.Path)
	}
	if len(opendata) < 3 || opendata[0] != "opendata/"+web.OpendataReadme || opendata[1] != "opendata/overview.csv" || opendata[2] != "opendata/overview_README.txt" {
		t.Errorf("opendata files %v, want README.txt, then overview.csv and its README first", opendata)
	}
	check("opendata", append(opendata, always...)...)
	all := []string{"report.pdf", "districts/01_日吉.pdf", "districts/02_=綱島.pdf", "tabulation.xlsx"}
	all = append(append(append(append(append(all, dashPaths...), csvPaths...), webPaths...), opendata...), always...)
	check(strings.Join(Formats(), ","), all...)
}

func TestSanitizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"日吉", "日吉"},
		{"新吉田あすなろ", "新吉田あすなろ"},
		{"a/b\\c", "a_b_c"},
		{`x:*?"<>|y`, "x_______y"},
		{"改\n行\t", "改_行_"},
		{"末尾. ", "末尾"},
		{"..", "地区"},
		{"", "地区"},
		{"  前後  ", "前後"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := view.SanitizeName(tt.in); got != tt.want {
				t.Errorf("sanitizeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := view.DistrictFile(0, "日吉"); got != "districts/01_日吉.pdf" {
		t.Errorf("districtFile(0, 日吉) = %q", got)
	}
	if got := view.DistrictFile(12, "師岡"); got != "districts/13_師岡.pdf" {
		t.Errorf("districtFile(12, 師岡) = %q", got)
	}
}

func FuzzSanitizeName(f *testing.F) {
	for _, s := range []string{"日吉", "a/b", "..", "x\x00y", "末尾. ", `C:\x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := view.SanitizeName(s)
		if got == "" || strings.ContainsAny(got, "/\\:*?\"<>|\x7f") || strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") {
			t.Errorf("sanitizeName(%q) = %q", s, got)
		}
		for _, r := range got {
			if r < 0x20 {
				t.Errorf("sanitizeName(%q) = %q: control character", s, got)
			}
		}
	})
}
