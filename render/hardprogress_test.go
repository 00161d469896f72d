package render

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/render/pdf"
	"midreview/render/view"
)

// TestProgressHardMark: the progress chapter marks a 課題 「・ハード面」
// exactly when the linkage lists hold the initiative's 課題 of that year as
// a physical need (one classification). In the demo, P08, P09, P12 and P15
// (「会場の確保が難しい。」) were once listed under 集会所・活動拠点 yet printed
// as plain 課題; a venue's availability without a place is no physical need
// (docs/methods.md §11 rule 9, reader review 4 item 4), so now neither.
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
			if slices.Contains([]string{"P08", "P09", "P12", "P15"}, in.ID) && in.IssueHard {
				t.Errorf("%s 課題 %q (a venue's availability, no place) is marked ハード面", in.ID, in.Issues)
			}
		}
	}
	if marked == 0 {
		t.Error("no 課題 marked ハード面 in the demo")
	}
}

// TestWardWideWording: 「区全体」 alone never labels a figure in linkage.pdf
// or the report: the group of ward-wide initiatives is 「区全体の取組」 and
// the whole ward's total is 「全体」 (linkage.pdf had a row 区全体 = 3 issues
// and a table 「（区全体、件）」 of all 76).
func TestWardWideWording(t *testing.T) {
	needTool(t, "pdftotext")
	v := demoView(t)
	var lk bytes.Buffer
	if err := pdf.LinkagePDF(&lk, v, pdf.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string][]byte{"linkage.pdf": lk.Bytes(), "report.pdf": renderPDFT(t, v, "")} {
		text := string(pdfToolRun(t, doc, "pdftotext", "{}", "-"))
		text = strings.Join(strings.Fields(text), "") // a label may wrap
		if !strings.Contains(text, analyze.GroupWardWide) {
			t.Errorf("%s: no group %s", name, analyze.GroupWardWide)
		}
		if i := strings.Index(strings.ReplaceAll(text, analyze.GroupWardWide, ""), "区全体"); i >= 0 {
			rest := strings.ReplaceAll(text, analyze.GroupWardWide, "")
			t.Errorf("%s: 「区全体」 alone: …%s…", name, rest[max(0, i-30):min(len(rest), i+30)])
		}
	}
	if analyze.GroupWardWide != "区全体の取組" {
		t.Errorf("GroupWardWide = %q", analyze.GroupWardWide)
	}
}

// TestDataWardWide: data/*.csv write the ward-wide plan's initiatives with
// the input's word 区全体 (取組.地区), never the printed 区全体の取組, so that a
// machine matches them with the inputs.
func TestDataWardWide(t *testing.T) {
	res := demoResults(t)
	for _, f := range append(hardCSVFiles(res), CSVFile{"data/progress.csv", ProgressCSV}, CSVFile{"data/progress_counts.csv", ProgressCountsCSV}) {
		var b bytes.Buffer
		if err := f.Write(&b, res); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), analyze.GroupWardWide) {
			t.Errorf("%s writes %s", f.Path, analyze.GroupWardWide)
		}
		if f.Path != "data/hard_responses.csv" && f.Path != "data/hard_issues.csv" && !strings.Contains(b.String(), ","+dataWardWide+",") && !strings.Contains(b.String(), "\n"+dataWardWide+",") {
			t.Errorf("%s has no group %s", f.Path, dataWardWide)
		}
	}
}
