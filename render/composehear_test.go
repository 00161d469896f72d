package render

import (
	"slices"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render/dashboard"
	"midreview/render/view"
)

// TestNoHearingsChapter: a batch with ヒアリング項目 defined but no
// organization heard (`sample -hearings 0`: forms without a row) has no
// 団体ヒアリングの結果 chapter (its table of zeros and n=0 charts) and no
// 「ヒアリング団体 0 団体」 line, in the ward's and every district's
// handout and web page; the same batch with organizations keeps them, and
// a district where none was heard reads 「ヒアリング団体 0団体」 (not 「－団体」).
// The dashboard likewise has no ヒアリング tab and no 「ヒアリング団体」 line
// in its カルテ when no organization was heard.
func TestNoHearingsChapter(t *testing.T) {
	for _, tc := range []struct {
		hearings int
		want     bool
	}{{-1, false}, {6, true}} {
		fsys, err := batchgen.SampleFS(batchgen.Options{Respondents: 60, Hearings: tc.hearings, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		b, err := ingest.Read(fsys)
		if err != nil {
			t.Fatal(err)
		}
		b.Settings.SurveyName = "区民意識調査"
		v := view.Build(analyze.Run(b))
		if got := v.Hearings.Orgs > 0; got != tc.want {
			t.Fatalf("hearings %d: %d organizations", tc.hearings, v.Hearings.Orgs)
		}
		// ソフトとハードの連携 counts by source: no 団体ヒアリング row of －
		// without hearings, and the survey by its one name (not 区民アンケート).
		if v.Hard == nil {
			t.Fatal("the sample has no ハード分類")
		}
		if got := slices.Contains(v.Hard.Sources, "団体ヒアリング"); got != tc.want {
			t.Errorf("hearings %d: hard sources %v", tc.hearings, v.Hard.Sources)
		}
		var page strings.Builder
		if err := dashboard.Dashboard(&page, v, dashboard.DashboardOptions{}); err != nil {
			t.Fatal(err)
		}
		tab := strings.Contains(page.String(), `data-panel="hearings"`)
		line := strings.Contains(page.String(), "ヒアリング団体 ")
		if tab != tc.want || line != tc.want {
			t.Errorf("hearings %d, dashboard: hearings tab %v, カルテ line %v; want %v", tc.hearings, tab, line, tc.want)
		}
		docs := map[string][]view.Block{"report": view.WardReport(v), "web": view.WebReport(v, "")}
		for _, d := range v.Districts {
			docs[d] = view.DistrictReport(v, d)
			docs["web "+d] = view.WebReport(v, d)
		}
		for name, bs := range docs {
			chapter, line := false, false
			for _, bl := range flatBlocks(bs, view.Print|view.Web) {
				switch x := bl.(type) {
				case view.Section:
					chapter = chapter || x.Title == "団体ヒアリングの結果"
				case view.Para:
					if strings.Contains(x.Text, "区民アンケート") {
						t.Errorf("hearings %d, %s: the survey 区民意識調査 called 区民アンケート: %q", tc.hearings, name, x.Text)
					}
					if strings.HasSuffix(x.Text, "載せていません。") && strings.Contains(x.Text, "物理的な対応") && !strings.HasPrefix(x.Text, v.Surveys.Current.Title+"の自由記述") {
						t.Errorf("hearings %d, %s: the ハード introduction does not name the survey %q: %q", tc.hearings, name, v.Surveys.Current.Title, x.Text)
					}
					line = line || strings.Contains(x.Text, "ヒアリング団体") || strings.Contains(x.Text, "ヒアリングを行った団体")
					if strings.Contains(x.Text, "－団体") || strings.Contains(x.Text, "－ 団体") {
						t.Errorf("hearings %d, %s: a count in words printed as the tables' zero: %q", tc.hearings, name, x.Text)
					}
				}
			}
			if chapter != tc.want || line != tc.want {
				t.Errorf("hearings %d, %s: chapter %v, count line %v; want %v", tc.hearings, name, chapter, line, tc.want)
			}
		}
	}
}
