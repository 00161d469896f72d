package render

import (
	"strings"
	"testing"

	"midreview/render/view"
)

// TestHearingBaseAndSmallGroups checks the demo's hearing ratings as the
// reader does with a calculator: every band's n is the organizations heard
// (40), 無回答 included (H05 printed 31.6 of 38 rated; 12 of 40 is 30.0),
// and a group under view.MinPctBase organizations (綱島's 4) is never a
// band: it is a table of counts (「2団体」, n 4) whose heads carry no （%）,
// in the handouts and on the web.
func TestHearingBaseAndSmallGroups(t *testing.T) {
	v := demoView(t)
	docs := map[string][]view.Block{"report": view.WardReport(v), "web": view.WebReport(v, "")}
	for _, d := range v.Districts {
		docs[d] = view.DistrictReport(v, d)
		docs["web "+d] = view.WebReport(v, d)
	}
	h05 := false
	for name, bs := range docs {
		district := name != "report" && name != "web"
		counted := 0
		for _, bl := range flatBlocks(bs, view.Print|view.Web) {
			switch x := bl.(type) {
			case view.Figure:
				if !strings.HasPrefix(x.Caption, "ヒアリングの評価") {
					continue
				}
				for _, b := range x.Bands {
					if b.N.Value < view.MinPctBase {
						t.Errorf("%s %s: %q drawn as a band of %s organizations", name, x.Caption, b.Label, b.N.Text)
					}
					if b.N.Text != "40" {
						t.Errorf("%s %s: %q n=%s, want the 40 organizations heard", name, x.Caption, b.Label, b.N.Text)
					}
					if strings.HasPrefix(b.Label, "住民同士のつながりづくり") {
						h05 = true
						var got []string
						for _, c := range b.Cells {
							got = append(got, c.Text)
						}
						// 12, 21, 4, 1 and 2 unrated of 40.
						if want := "30.0 52.5 10.0 2.5 5.0"; strings.Join(got, " ") != want || x.Heads[len(x.Heads)-1] != "無回答" {
							t.Errorf("%s H05: %q under %q, want %q with 無回答 last", name, got, x.Heads, want)
						}
					}
				}
			case view.Table:
				if !strings.HasPrefix(x.Caption, "ヒアリングの評価") {
					continue
				}
				pct := false
				for _, c := range x.Cols {
					pct = pct || c.Unit == "%"
				}
				for _, r := range x.Rows {
					for _, c := range r {
						if pct && strings.HasSuffix(c.Text, "団体") {
							t.Errorf("%s %s: a count %q under a （%%） head", name, x.Caption, c.Text)
						}
					}
				}
				if !pct {
					counted += len(x.Rows)
				}
			}
		}
		if district && counted == 0 {
			t.Errorf("%s: no table of the district's counts", name)
		}
	}
	if !h05 {
		t.Fatal("no band of H05 住民同士のつながりづくり")
	}

	// The web pages as printed: no （%） head over a cell of 「N団体」.
	for _, tb := range webHearingTables(t, v) {
		if strings.Contains(tb.html, "（%）") && strings.Contains(tb.html, "団体</td>") {
			t.Errorf("web %s: a hearing table heads （%%） over counts of organizations", tb.path)
		}
	}
}
