package render

import (
	"slices"
	"strconv"
	"testing"

	"midreview/analyze"
	"midreview/render/view"
)

// TestProgressHardMark: the progress chapter marks a 課題 「・ハード面」
// exactly when the linkage lists hold the initiative's 課題 of that year as
// a physical need (one classification). In the demo, P08, P09, P12 and P15
// (「会場の確保が難しい。」, listed under 集会所・活動拠点) were printed as
// plain 課題.
func TestProgressHardMark(t *testing.T) {
	res := demoResults(t)
	v := view.Build(res)
	if v.Progress == nil || res.Hard == nil {
		t.Fatal("demo has no progress chapter or no ハード分類")
	}
	listed := map[string]bool{} // 取組ID and year of the 課題 cells the lists hold
	for _, is := range res.Hard.Issues {
		if is.Source == analyze.SourceProgress && is.IssueHard {
			for _, y := range is.Years {
				listed[is.RecordID+"\x00"+strconv.Itoa(y)+"年度"] = true
			}
		}
	}
	marked := 0
	for _, th := range v.Progress.Themes {
		for _, in := range th.Initiatives {
			if in.Issues == "" {
				continue
			}
			want := listed[in.ID+"\x00"+in.LatestYear]
			if in.Hard == "" && in.IssueHard != want {
				t.Errorf("%s %s 課題 %q: marked ハード面 %v, listed as physical %v", in.ID, in.LatestYear, in.Issues, in.IssueHard, want)
			}
			if in.IssueHard {
				marked++
			}
			if slices.Contains([]string{"P08", "P09", "P12", "P15"}, in.ID) && !in.IssueHard {
				t.Errorf("%s 課題 %q is not marked ハード面", in.ID, in.Issues)
			}
		}
	}
	if marked == 0 {
		t.Error("no 課題 marked ハード面 in the demo")
	}
}
