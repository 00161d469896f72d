package render

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/render/view"
)

var districtPRe = regexp.MustCompile(`p(<|=)(0\.\d+)`)

// TestDistrictMarksFollowOwnTest: a district handout marks its district's
// row (table and band chart, print and web) by the test it prints under the
// table, the district against the rest of the ward, and only when that test
// is significant; data/district_rest.csv publishes the same marks (reader
// report 5, item 1: demo 新吉田あすなろ Q1 printed 52.7▲, the ward table's
// residual, over 「χ²(3)=5.1, p=0.163」).
func TestDistrictMarksFollowOwnTest(t *testing.T) {
	res := demoResults(t)
	v := view.Build(res)
	var buf bytes.Buffer
	if err := DistrictRestCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// published[district+question_id+label] is the CSV's mark.
	published := map[string]string{}
	if h := recs[0]; h[len(h)-2] != "adj_residual" || h[len(h)-1] != "mark" {
		t.Fatalf("district_rest.csv header %q: want adj_residual,mark last", h)
	}
	for _, r := range recs[1:] {
		published[r[0]+"|"+r[1]+"|"+r[3]] = r[len(r)-1]
	}
	marked, unmarkedWard := 0, 0
	for _, d := range v.Districts {
		for m, medium := range []view.Medium{view.Print, view.Web} {
			var qid string
			view.Walk(view.DistrictReport(v, d), medium, func(b view.Block) {
				switch b := b.(type) {
				case view.Heading:
					if i := strings.Index(b.Text, "　"); i > 0 {
						qid = b.Text[:i]
					}
				case view.Table:
					if !strings.HasSuffix(b.Caption, d+"と全体（%）") {
						return
					}
					qid = strings.Fields(strings.ReplaceAll(b.Caption, "　", " "))[0]
					sig := false
					for _, n := range b.Notes {
						if strings.Contains(n, view.DistrictTestWord) {
							mm := districtPRe.FindStringSubmatch(n)
							if mm == nil {
								t.Fatalf("%s %s: no p in %q", d, qid, n)
							}
							p, _ := strconv.ParseFloat(mm[2], 64)
							sig = mm[1] == "<" || p < 0.05
						}
					}
					for _, row := range b.Rows {
						if row[0].Text != d {
							continue
						}
						for j, c := range row[2:] {
							head := b.Cols[j+2].Head
							mark := ""
							if strings.HasSuffix(c.Text, view.MarkHigh) || strings.HasSuffix(c.Text, view.MarkLow) {
								mark = string([]rune(c.Text)[len([]rune(c.Text))-1])
							}
							if mark != "" && !sig {
								t.Errorf("%s %s %s: %s printed over a test that is not significant", d, qid, head, c.Text)
							}
							if want, ok := published[d+"|"+qid+"|"+head]; ok && want != mark && m == 0 {
								t.Errorf("%s %s %s: printed %q, district_rest.csv mark %q", d, qid, head, mark, want)
							}
							if mark != "" && m == 0 {
								marked++
							}
						}
					}
				case view.Figure:
					for _, br := range b.Bands {
						if br.Label != d {
							continue
						}
						tab := view.TableBy(questionByID(v, qid), analyze.ByDistrict)
						want := tab.DistrictMarks[d]
						for j, c := range br.Cells {
							w := ""
							if j < len(want) {
								w = want[j]
							}
							if c.Mark != w {
								t.Errorf("%s %s band %d: mark %q, want the district's own %q", d, qid, j, c.Mark, w)
							}
						}
					}
				}
			})
		}
		// The defect's cell: the ward table marks it, the handout does not.
		if d == "新吉田あすなろ" {
			tab := view.TableBy(questionByID(v, "Q1"), analyze.ByDistrict)
			r := view.GroupRow(tab, d)
			if r == nil || r.Cells[2].Text+r.Cells[2].Mark != "52.7▲" {
				t.Fatalf("fixture: the ward table's 新吉田あすなろ Q1 あいさつ is not 52.7▲")
			}
			if m := tab.DistrictMarks[d]; len(m) == 0 || strings.Join(m, "") != "" {
				t.Errorf("新吉田あすなろ Q1 handout marks %q, want none (p=0.163)", m)
			}
			unmarkedWard++
		}
	}
	if marked == 0 || unmarkedWard == 0 {
		t.Errorf("demo: %d marked district cells, %d checked defects; want both", marked, unmarkedWard)
	}
}

// questionByID is the question view of ID id, or nil.
func questionByID(v *view.View, id string) *view.QuestionView {
	for i := range v.Questions {
		if v.Questions[i].ID == id {
			return &v.Questions[i]
		}
	}
	return nil
}

// TestDistrictToneFollowsChart: a district page's indicator table colours a
// district's value (web classes good/bad) only where the カルテ's chart above
// it colours the bar, a significant difference from the rest of the ward,
// and in the same direction; every other value is plain (reader report 5,
// item 14: demo 菊名 I3 7.3 against 全体 7.2 shaded 「全体より悪い」).
func TestDistrictToneFollowsChart(t *testing.T) {
	v := demoView(t)
	toned, plain := 0, 0
	for _, d := range v.Districts {
		view.Walk(view.DistrictReport(v, d), view.Web, func(b view.Block) {
			f, ok := b.(view.Figure)
			if !ok || f.Kind != view.FigIndex || f.Data == nil {
				return
			}
			if len(f.Data.Rows) != len(f.Bars) {
				t.Fatalf("%s: %d indicator rows, %d bars", d, len(f.Data.Rows), len(f.Bars))
			}
			for i, row := range f.Data.Rows {
				tone := row[4].Tone
				if tone != f.Bars[i].Better {
					t.Errorf("%s %s: table tone %d, chart colour %d (neutral %v)", d, row[0].Text, tone, f.Bars[i].Better, f.Bars[i].Neutral)
				}
				if tone != 0 {
					toned++
				} else {
					plain++
				}
			}
		})
	}
	if toned == 0 || plain == 0 {
		t.Errorf("demo: %d toned and %d plain indicator values; want both", toned, plain)
	}
	// The web page: 菊名's I3 (7.3 against 7.2) is printed plain.
	for _, p := range v.Profiles {
		if p.District != "菊名" {
			continue
		}
		for _, in := range p.Indicators {
			if in.ID == "I3" && (in.District.Text != "7.3" || in.Mark != "") {
				t.Fatalf("fixture: 菊名 I3 is %s%s", in.District.Text, in.Mark)
			}
		}
	}
}
