package render

import (
	"bytes"
	"fmt"
	"math"
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

func TestClassify(t *testing.T) {
	figs := func(vs ...float64) []view.Fig {
		var out []view.Fig
		for _, v := range vs {
			switch {
			case math.IsInf(v, 1):
				out = append(out, view.Fig{Value: math.NaN(), Text: "x", Suppressed: true})
			default:
				out = append(out, view.Fig{Value: v, Text: view.OneDecimal(v)})
			}
		}
		return out
	}
	x, na := math.Inf(1), math.NaN()
	for _, tt := range []struct {
		name   string
		higher bool
		vals   []view.Fig
		class  string
		fill   string
		legend string
	}{
		{"two values, higher is better", true, figs(35, 40, 40), "[0 1 1]",
			"[#6baed6 #2171b5 #2171b5]", "[{40.0 #2171b5} {35.0 #6baed6}]"},
		{"two values, lower is better", false, figs(35, 40, 40), "[1 0 0]",
			"[#2171b5 #6baed6 #6baed6]", "[{35.0 #2171b5} {40.0 #6baed6}]"},
		{"six values in four equal classes of 12.5", true, figs(0, 10, 20, 30, 40, 50), "[0 0 1 2 3 3]",
			"[#eff3ff #eff3ff #bdd7e7 #6baed6 #2171b5 #2171b5]",
			"[{37.5～50.0 #2171b5} {25.0～37.5 #6baed6} {12.5～25.0 #bdd7e7} {0.0～12.5 #eff3ff}]"},
		{"suppressed and missing", true, figs(x, 20, na), "[-1 0 -1]",
			"[url(#map_hatch) #2171b5 #ffffff]", "[{20.0 #2171b5}]"},
		{"nothing to show", true, figs(x, na), "[-1 -1]", "[]", "[]"},
		{"values that print alike share a class", true, figs(10.04, 10.01, 12), "[0 0 1]",
			"[#6baed6 #6baed6 #2171b5]", "[{12.0 #2171b5} {10.0 #6baed6}]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mm := view.MapMeasure{Higher: tt.higher, Values: tt.vals}
			view.Classify(&mm)
			if got := fmt.Sprint(mm.Class); got != tt.class {
				t.Errorf("class %s, want %s", got, tt.class)
			}
			if got := fmt.Sprint(mm.Fill); got != tt.fill && !(tt.fill == "[]" && len(mm.Fill) == 0) {
				t.Errorf("fill %s, want %s", got, tt.fill)
			}
			if got := fmt.Sprint(mm.Legend); got != tt.legend {
				t.Errorf("legend %s, want %s", got, tt.legend)
			}
		})
	}
}

func TestLabelPoint(t *testing.T) {
	sq := [][]analyze.XY{{{X: 0, Y: 0}, {X: 2, Y: 0}, {X: 2, Y: 2}, {X: 0, Y: 2}}}
	if x, y := view.LabelPoint([][][]analyze.XY{sq}); x != 1 || y != 1 {
		t.Errorf("square: %v %v", x, y)
	}
	// a U whose centroid (2, 1.1…) falls in its notch: the label moves to the
	// middle of the widest span on that line.
	u := [][]analyze.XY{{{X: 0, Y: 0}, {X: 4, Y: 0}, {X: 4, Y: 3}, {X: 3, Y: 3}, {X: 3, Y: 1}, {X: 1, Y: 1}, {X: 1, Y: 3}, {X: 0, Y: 3}}}
	x, y := view.LabelPoint([][][]analyze.XY{u})
	if !(x == 0.5 || x == 3.5) || y <= 1 {
		t.Errorf("U: %v %v", x, y)
	}
}

// TestDashboardMap renders the dashboard of testdata/batches/map: a map tab
// with one figure per measure, the unmatched town grey, and no change to a
// batch without map/.
func TestDashboardMap(t *testing.T) {
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "map")))
	if err != nil {
		t.Fatal(err)
	}
	v := view.Build(analyze.Run(b))
	if v.Map == nil || len(v.Map.Districts) != 3 || len(v.Map.Measures) != 3 || v.Map.Grey == "" {
		t.Fatalf("map view %+v", v.Map)
	}
	var buf bytes.Buffer
	if err := dashboard.Dashboard(&buf, v, dashboard.DashboardOptions{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{`data-panel="map">地図</button>`, `<figcaption>回収率の地区別の地図</figcaption>`,
		`<figcaption>近所付き合いがある人の割合の地区別の地図</figcaption>`, `fill="#bbbbbb"`, `url(#map_hatch_1)`,
		`<tr><th scope="row">南</th><td>x</td></tr>`, `#map_sel_2:checked ~ .maps #map_fig_2`} {
		if !strings.Contains(page, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	if strings.Contains(page, "境界データに境界がない地区") {
		t.Error("every district has a boundary")
	}
	// a district without a boundary is listed under the map
	b.Map.Features = b.Map.Features[:5] // 北 and 中央 only
	v = view.Build(analyze.Run(b))
	buf.Reset()
	if err := dashboard.Dashboard(&buf, v, dashboard.DashboardOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "境界データに境界がない地区（地図には描いていません）：南") {
		t.Error("南 is not listed as without a boundary")
	}
}

// TestMapFigures: the map batch's report prints the response-rate map in
// 調査の概要 and a map per indicator, a district handout opens its カルテ
// with the ward map outlining the district, and the web pages draw the same
// maps with their text alternative; a batch without map/ prints none.
func TestMapFigures(t *testing.T) {
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "map")))
	if err != nil {
		t.Fatal(err)
	}
	v := view.Build(analyze.Run(b))
	needTool(t, "pdftotext")
	txt := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	for _, want := range []string{"図1 回収率の地区別の地図", "I1 近所付き合いがある人の割合の地区別の地図", "I2 助け合えないと思う人の割合の地区別の地図", "斜線＝秘匿"} {
		if !strings.Contains(txt, want) {
			t.Errorf("report.pdf lacks %q", want)
		}
	}
	dist := string(pdfToolRun(t, renderPDFT(t, v, "南"), "pdftotext", "-layout", "{}", "-"))
	if !strings.Contains(dist, "回収率の地区別の地図（南を太線で囲む）") {
		t.Errorf("南's handout lacks its map:\n%s", dist)
	}
	var index string
	for _, o := range web.WebFiles(v, web.WebOptions{}) {
		if o.Path == "index.html" {
			var buf bytes.Buffer
			if err := o.Write(&buf); err != nil {
				t.Fatal(err)
			}
			index = buf.String()
		}
	}
	for _, want := range []string{`　回収率の地区別の地図。北：40.0%。中央：35.0%。南：40.0%"`, `fill="#bbbbbb"`, "（地区別）"} {
		if !strings.Contains(index, want) {
			t.Errorf("web/index.html lacks %q", want)
		}
	}
	small, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "small")))
	if err != nil {
		t.Fatal(err)
	}
	if sv := view.Build(analyze.Run(small)); sv.Map != nil {
		t.Error("a map without map/")
	}
}
