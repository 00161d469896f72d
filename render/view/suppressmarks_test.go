package view

import (
	"math"
	"strings"
	"testing"

	"midreview/analyze"
)

// TestShownMarks: a suppressed group is x only (small batch printed 「x」
// with 「参考値」 under it and 「南（参考値） x」), and a group with no
// respondents prints －, not x (cycle 表11 「地区不明（参考値） 0 x」).
func TestShownMarks(t *testing.T) {
	for _, tc := range []struct {
		base             int
		sup, ref         bool
		wantSup, wantRef bool
	}{
		{4, true, true, true, false},     // primary: x only
		{12, true, true, true, false},    // complementary under 参考値基準: x only
		{40, true, false, true, false},   // complementary
		{8, false, true, false, true},    // 参考値
		{40, false, false, false, false}, // plain
		{0, true, true, false, false},    // nobody: －
	} {
		sup, ref := Shown(tc.base, tc.sup, tc.ref)
		if sup != tc.wantSup || ref != tc.wantRef {
			t.Errorf("Shown(%d, %v, %v) = %v, %v; want %v, %v", tc.base, tc.sup, tc.ref, sup, ref, tc.wantSup, tc.wantRef)
		}
	}
}

// TestBuildRowMarks: the built crosstab rows, summaries, trends and district
// tops follow Shown.
func TestBuildRowMarks(t *testing.T) {
	res := &analyze.Results{
		Crosstabs: []analyze.Crosstab{{Survey: analyze.Current, Question: 0, By: analyze.ByDistrict,
			Choices: []analyze.ChoiceHead{{Code: "1", Label: "はい"}},
			Groups: []analyze.Group{
				{Name: "北", Base: 8, Reference: true, Cells: []analyze.Cell{{Count: 4, Pct: 50}}},
				{Name: "南", Base: 4, Suppressed: true, Reference: true, Cells: []analyze.Cell{{Count: 1, Pct: 25}}},
				{Name: "地区不明", Base: 0, Suppressed: true, Reference: true, Cells: []analyze.Cell{{Pct: math.NaN()}}},
			}}},
		DistrictTops: []analyze.DistrictTop{{District: "南", N: 4, AllN: 20, RestN: 16, Pct: 25, AllPct: 50, RestPct: 56.25,
			Suppressed: true, Reference: true, DiffPt: math.NaN(), RestDiffPt: math.NaN()}},
	}
	bx := &builder{res: res, ct: map[ctKey]int{{analyze.Current, 0, analyze.ByDistrict}: 0}}
	tv, ok := bx.table(analyze.Current, 0, analyze.ByDistrict)
	if !ok {
		t.Fatal("no table")
	}
	want := []struct {
		text     string
		sup, ref bool
	}{{"50.0", false, true}, {MarkSuppressed, true, false}, {MarkZero, false, false}}
	for i, w := range want {
		r := tv.Rows[i]
		if r.Cells[0].Text != w.text || r.Suppressed != w.sup || r.Reference != w.ref {
			t.Errorf("%s: %q sup %v ref %v; want %q %v %v", r.Group, r.Cells[0].Text, r.Suppressed, r.Reference, w.text, w.sup, w.ref)
		}
	}
	top := districtTops(res)["南"][0]
	if top.Reference || top.District.Text != MarkSuppressed || top.Rest.Text != MarkSuppressed {
		t.Errorf("南 top: ref %v district %q rest %q; want x only", top.Reference, top.District.Text, top.Rest.Text)
	}
	// The rest's n is 全体 less 南, both printed: hiding it hides nothing.
	if top.RestN.Text != "16" {
		t.Errorf("rest n %q, want 16 (20 − 4)", top.RestN.Text)
	}
}

// TestNoAllSuppressedChart: a chart whose every value is x is not drawn; a
// line says why (hard batch 図13 was an empty frame on a 0–10% axis).
func TestNoAllSuppressedChart(t *testing.T) {
	x := SuppressedFig(1)
	empty := Figure{Caption: "南と区内の他の地区の比較（指標・肯定的な回答の合計の割合）", Bars: []BarRow{{Label: "Q1", Vals: []Fig{x, x}}, {Label: "Q4", Vals: []Fig{x, x}}}}
	some := Figure{Caption: "Q3　今回と策定時の比較（全体）", Bars: []BarRow{{Label: "見守り", Vals: []Fig{PctFig(62.5, false), x}}}}
	var c Composer
	c.Add(empty, some, WebOnly(empty))
	if n, ok := c.Out[0].(Note); !ok || !strings.Contains(n.Text, "南と区内の他の地区の比較の図は") {
		t.Errorf("all-x chart composed as %#v", c.Out[0])
	}
	if _, ok := c.Out[1].(Figure); !ok {
		t.Errorf("a chart with a value was dropped: %#v", c.Out[1])
	}
	if o, ok := c.Out[2].(Only); !ok || len(o.Blocks) != 1 {
		t.Fatalf("%#v", c.Out[2])
	} else if _, ok := o.Blocks[0].(Note); !ok {
		t.Errorf("all-x chart inside WebOnly composed as %#v", o.Blocks[0])
	}
}
