package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/dashboard"
	"midreview/render/view"
	"midreview/render/web"
)

// TestNoSurveyNamesNoSurvey: a year without a survey names none (progress
// batch: the cover read 「取組の振り返り 報告書 ／ テスト調査」 while p.3 said
// 「この年度はアンケート調査を行っていません」); the web pages, the open data
// and the dashboard leave out the configured 調査名, and the cover prints the
// year instead.
func TestNoSurveyNamesNoSurvey(t *testing.T) {
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "progress")))
	if err != nil {
		t.Fatal(err)
	}
	name := b.Settings.SurveyName
	if name == "" {
		t.Fatal("the progress batch sets no 調査名: nothing to test")
	}
	v := view.Build(analyze.Run(b))
	if !v.NoSurvey || v.SurveyName != "" {
		t.Fatalf("NoSurvey %v, SurveyName %q", v.NoSurvey, v.SurveyName)
	}
	if v.Surveys.Current.Year == "" {
		t.Error("no year for the cover")
	}
	outs := append(web.WebFiles(v, web.WebOptions{}), OpendataFiles(v)...)
	for _, o := range outs {
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), name) {
			t.Errorf("%s names the survey %q", o.Path, name)
		}
	}
	var buf bytes.Buffer
	if err := dashboard.Dashboard(&buf, v, dashboard.DashboardOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), name) || strings.Contains(buf.String(), "　　基準日") {
		t.Errorf("dashboard names the survey %q or leaves its gap", name)
	}
}
