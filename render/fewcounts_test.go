package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/web"
)

// pctLike matches a figure printed as a percentage: a one-decimal share, a
// % sign or a percentage scale's unit.
var pctLike = regexp.MustCompile(`\d+\.\d|[%％]`)

// TestFewOrgsCounted checks, on testdata/batches/small (2 organizations
// heard, 1 per district), that no percentage is printed over fewer than 10
// organizations: the tabulation book's ヒアリング sheet has counts only,
// the ward report's and every district handout's hearing charts print
// 「1団体」 and no percentage scale, 結果の概要's hearing sentence counts
// (「2団体中1団体」), and the web's hearing tables head no column with %.
func TestFewOrgsCounted(t *testing.T) {
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "small")))
	if err != nil {
		t.Fatal(err)
	}
	v := view.Build(analyze.Run(b))
	if v.Hearings.Orgs == 0 || v.Hearings.Orgs >= view.MinPctBase || len(v.Hearings.Ratings) == 0 {
		t.Fatalf("small has %d organizations and %d rated items; want 1–9 and some", v.Hearings.Orgs, len(v.Hearings.Ratings))
	}

	// The book: every cell of the ヒアリング sheet up to the comments.
	_, f := writeXLSX(t, v)
	rows, err := f.GetRows(view.SheetHearings)
	if err != nil {
		t.Fatal(err)
	}
	cells := 0
	for i, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "意見") {
			break
		}
		for j, c := range r {
			if i < 2 {
				continue // the title and its note
			}
			cells++
			if pctLike.MatchString(c) {
				t.Errorf("tabulation.xlsx %s %s: %q, a percentage over fewer than 10 organizations", view.SheetHearings, xlsxCell(j+1, i+1), c)
			}
		}
	}
	if cells < 10 {
		t.Fatalf("only %d cells on the %s sheet", cells, view.SheetHearings)
	}

	// The handouts: the hearing charts (and 結果の概要's hearing sentence).
	needTool(t, "pdftotext")
	charts := 0
	for _, d := range append([]string{""}, v.Districts...) {
		txt := string(pdfToolRun(t, renderPDFT(t, v, d), "pdftotext", "-layout", "{}", "-"))
		lines := strings.Split(txt, "\n")
		for i, l := range lines {
			if strings.Contains(l, "ヒアリングの評価") {
				charts++
				for _, m := range lines[i+1 : min(i+8, len(lines))] {
					if strings.HasPrefix(strings.TrimSpace(m), "図") || strings.Contains(m, "団体からの意見") {
						break
					}
					if pctLike.MatchString(m) {
						t.Errorf("%q PDF %q: %q, a percentage over fewer than 10 organizations", d, strings.TrimSpace(l), strings.TrimSpace(m))
					}
				}
			}
			if strings.Contains(l, "団体ヒアリング（") && pctLike.MatchString(l) {
				t.Errorf("%q PDF: %q", d, strings.TrimSpace(l))
			}
		}
	}
	if charts == 0 {
		t.Fatal("no hearing chart in the handouts")
	}

	// The web: the hearing tables' heads and cells.
	for _, tb := range webHearingTables(t, v) {
		text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(tb.html, " ")
		if pctLike.MatchString(text) {
			t.Errorf("web %s: hearing table %q prints a percentage", tb.path, strings.Join(strings.Fields(text), " "))
		}
	}
}

// A webTable is one table of a web page as written.
type webTable struct{ path, html string }

// webHearingTables are the hearing-rating tables (caption ヒアリングの評価…)
// of every web page of v, as written; it fails when there is none.
func webHearingTables(t *testing.T, v *view.View) []webTable {
	t.Helper()
	re := regexp.MustCompile(`(?s)<table[^>]*>\s*<caption[^>]*>[^<]*ヒアリングの評価.*?</table>`)
	var out []webTable
	for _, o := range web.WebFiles(v, web.WebOptions{}) {
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatal(err)
		}
		for _, tb := range re.FindAllString(buf.String(), -1) {
			out = append(out, webTable{o.Path, tb})
		}
	}
	if len(out) == 0 {
		t.Fatal("no hearing table on the web pages")
	}
	return out
}
