package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render/pdf"
	"midreview/render/view"
)

// hardTestTexts are survey answers given to respondents of the cycle batch
// (testdata/batches/cycle) for the ハード分類 tests, by district: one with a
// name and a phone number to be masked, one from a district under 秘匿基準
// that must never be quoted, near-misses that must not be tagged.
var hardTestTexts = []struct{ district, text string }{
	{"北", "駅までの歩道に段差が多く、田中さんも転びそうになった。090-1234-5678"},
	{"北", "公園愛護会の活動に参加しています。"},
	{"中央", "空き店舗を地域の居場所にできないかと思います。"},
	{"中央", "駅前の段差解消済みの通路は歩きやすくなった。"},
	{"南", "バス路線が減り、通院が大変です。"},
}

// hardResults reads the cycle batch, adds the sample's ハード分類 and
// hardTestTexts, and analyzes it.
func hardResults(t *testing.T) *analyze.Results {
	t.Helper()
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "cycle")))
	if err != nil {
		t.Fatal(err)
	}
	b.HardCategories = batchgen.HardCategories()
	fa := -1
	for q := range b.Questions {
		if b.Questions[q].Type == ingest.FA && len(b.Questions[q].Cond) == 0 {
			fa = q
			break
		}
	}
	if fa < 0 {
		t.Fatal("cycle batch has no FA question")
	}
	used := map[int]bool{}
	for _, x := range hardTestTexts {
		for i := range b.Current.Respondents {
			r := &b.Current.Respondents[i]
			if used[i] || r.District < 0 || b.Districts[r.District].Name != x.district {
				continue
			}
			used[i] = true
			b.Current.Set(fa, i, ingest.Answer{Choices: b.Current.Answer(fa, i).Choices, Text: x.text})
			break
		}
	}
	return analyze.Run(b)
}

// TestHardGolden compares the chapter's data and text on the cycle batch with
// testdata/hard/: hard_counts.csv (the table), hard_issues.csv, and the text
// of linkage.pdf and of the chapter in report.pdf.
func TestHardGolden(t *testing.T) {
	res := hardResults(t)
	v := view.Build(res)
	for _, c := range hardCSVFiles(res) {
		var buf bytes.Buffer
		if err := c.Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		golden(t, "hard/"+filepath.Base(c.Path), buf.Bytes())
	}
	needTool(t, "pdftotext")
	var lk bytes.Buffer
	if err := pdf.LinkagePDF(&lk, v, pdf.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "hard/linkage.pdf.txt", pdfToolRun(t, lk.Bytes(), "pdftotext", "-layout", "{}", "-"))
	report := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	i := strings.LastIndex(report, "ソフトとハードの連携\n")
	if i < 0 {
		t.Fatal("report.pdf has no chapter ソフトとハードの連携")
	}
	j := strings.Index(report[i:], "地区別の結果") // the district pages follow the chapter
	if j < 0 {
		j = len(report) - i
	}
	golden(t, "hard/report_chapter.txt", []byte(report[i:i+j]))
}

// TestHardQuotesPrivate checks that no quote comes from a survey group under
// 秘匿基準 and none keeps a name, phone number or address (the masking cases
// of analyze/mask_test.go), in every writer's view.
func TestHardQuotesPrivate(t *testing.T) {
	res := hardResults(t)
	b := res.Batch
	base := map[string]int{}
	for _, r := range b.Current.Respondents {
		if r.District >= 0 {
			base[b.Districts[r.District].Name]++
		}
	}
	if len(res.Hard.Quotes) == 0 {
		t.Fatal("no quotes")
	}
	held := 0 // tagged survey texts of a district under 秘匿基準
	for _, is := range res.Hard.Issues {
		if is.Source == analyze.SourceSurvey && base[is.Groups[0]] < b.Settings.SuppressBelow {
			held++
			if is.Quotable {
				t.Errorf("text of %s (n=%d) marked quotable", is.Groups[0], base[is.Groups[0]])
			}
		}
	}
	if held == 0 {
		t.Error("the test batch has no tagged survey text from a district under 秘匿基準")
	}
	for _, q := range res.Hard.Quotes {
		is := res.Hard.Issues[q.Issue]
		if !is.Quotable {
			t.Errorf("quote of an unquotable text: %+v", is)
		}
		if is.Source == analyze.SourceSurvey {
			for _, g := range is.Groups {
				if base[g] < b.Settings.SuppressBelow {
					t.Errorf("quote from %s (n=%d, 秘匿基準 %d): %s", g, base[g], b.Settings.SuppressBelow, is.Masked)
				}
			}
		}
	}
	v := view.Build(res)
	var all []string
	for _, qs := range v.Hard.Quotes {
		for _, cq := range qs {
			for _, q := range cq {
				all = append(all, q.Text)
			}
		}
	}
	for _, s := range all {
		for _, bad := range []string{"田中", "090-1234-5678", "1234"} {
			if strings.Contains(s, bad) {
				t.Errorf("quote keeps %q: %s", bad, s)
			}
		}
	}
	var csv bytes.Buffer
	if err := HardIssuesCSV(&csv, res); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(csv.String(), "田中") || strings.Contains(csv.String(), "5678") {
		t.Errorf("hard_issues.csv keeps a name or a phone number:\n%s", csv.String())
	}
	// Near-misses are not tagged.
	for _, is := range res.Hard.Issues {
		if strings.Contains(is.Masked, "公園愛護会") || strings.Contains(is.Masked, "段差解消済み") {
			t.Errorf("near-miss tagged: %+v", is)
		}
	}
}
