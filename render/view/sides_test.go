package view

import (
	"math"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
)

// TestIndicatorSidesOwnFlags: each side of a district's indicator row
// carries its own 参考値 and 秘匿 (hard batch 表19 printed 「策定時 50.0
// (n=6)｜北 75.0 (n=8) 参考値」 with 参考値 on the larger base only, and 表21
// left the complementary-suppressed 策定時 of 中央 blank instead of x).
func TestIndicatorSidesOwnFlags(t *testing.T) {
	b := &ingest.Batch{Settings: ingest.Settings{SuppressBelow: 5, ReferenceBelow: 10}}
	b.Districts = []ingest.District{{Name: "北"}, {Name: "中央"}}
	b.Indicators = []ingest.Indicator{{ID: "I1", Name: "近所付き合いがある人の割合", Theme: -1}}
	nan := math.NaN()
	res := &analyze.Results{Batch: b, Indicators: []analyze.IndicatorResult{
		{Indicator: 0, Group: analyze.GroupAll, Baseline: 60, BaselineN: 15, Current: 75, CurrentN: 20, CILow: nan, CIHigh: nan, P: nan, Evaluation: "C"},
		{Indicator: 0, Group: "北", Baseline: 50, BaselineN: 6, Current: 75, CurrentN: 8, CILow: nan, CIHigh: nan, P: nan, Evaluation: "C",
			Reference: true, BaselineReference: true},
		{Indicator: 0, Group: "中央", Baseline: nan, Current: 71.4, CurrentN: 7, CILow: nan, CIHigh: nan, P: nan, Evaluation: "－",
			Reference: true, BaselineSuppressed: true},
	}}
	iv := indicatorView(res, []string{"北", "中央"})
	north, centre := iv.ByDistrict["北"][0], iv.ByDistrict["中央"][0]
	if north.Baseline.Text != "50.0" || !north.BaselineRef || !north.Reference {
		t.Errorf("北: 策定時 %q ref %v, current ref %v; want 50.0 参考値 on both sides", north.Baseline.Text, north.BaselineRef, north.Reference)
	}
	if north.Note() != "策定時・今回値とも参考値" {
		t.Errorf("北 note %q", north.Note())
	}
	if centre.Baseline.Text != MarkSuppressed || centre.BaselineRef {
		t.Errorf("中央: 策定時 %q ref %v, want x without 参考値", centre.Baseline.Text, centre.BaselineRef)
	}
	v := &View{Indicators: iv}
	tb := districtIndicators(v, "北", "北の指標", 7.5)
	row := tb.Rows[0]
	if row[2].Text != "50.0" || !row[2].Ref || row[3].Text != "6" || !row[4].Ref {
		t.Errorf("表 北 row: 策定時 %+v n %+v 北 %+v; want 50.0 参考値 (n=6) beside 75.0 参考値", row[2], row[3], row[4])
	}
	tb = districtIndicators(v, "中央", "中央の指標", 7.5)
	if row := tb.Rows[0]; row[2].Text != MarkSuppressed || row[3].Text != "" {
		t.Errorf("表 中央 row: 策定時 %+v n %+v; want x and no n", row[2], row[3])
	}
}

// TestDistrictTopDiffHidden: a difference that a suppressed side keeps from
// being shown is x, as in the comparison with 策定時, never a blank cell
// (hard batch 表24: 南 n=4 printed 「x x」 and an empty 差（ポイント））; 「－」
// only when the rest of the ward has no respondent; and the rest carries its
// own 参考値 when its base is under 参考値基準.
func TestDistrictTopDiffHidden(t *testing.T) {
	b := &ingest.Batch{Settings: ingest.Settings{SuppressBelow: 5, ReferenceBelow: 10}}
	res := &analyze.Results{Batch: b, DistrictTops: []analyze.DistrictTop{
		{District: "南", Question: -1, N: 4, AllN: 20, Pct: 50, AllPct: 75, DiffPt: -25, Suppressed: true, Reference: true,
			RestN: 16, RestPct: 81.3, RestDiffPt: -31.3},
		{District: "北", Question: -1, N: 8, AllN: 8, Pct: 75, AllPct: 75, DiffPt: 0, Reference: true,
			RestN: 0, RestPct: math.NaN(), RestDiffPt: math.NaN()},
		{District: "中央", Question: -1, N: 12, AllN: 20, Pct: 50, AllPct: 60, DiffPt: -10,
			RestN: 8, RestPct: 75, RestDiffPt: -25},
	}}
	tops := districtTops(res)
	south := tops["南"][0]
	if south.District.Text != MarkSuppressed || south.Rest.Text != MarkSuppressed || south.RestDiff.Text != MarkSuppressed || south.Diff.Text != MarkSuppressed {
		t.Errorf("南: %q %q diff %q, 全体との差 %q; want x x x x", south.District.Text, south.Rest.Text, south.RestDiff.Text, south.Diff.Text)
	}
	if south.RestRef {
		t.Errorf("南: a hidden rest carries no 参考値")
	}
	north := tops["北"][0]
	if north.RestDiff.Text != MarkZero {
		t.Errorf("北 with no rest: diff %q, want －", north.RestDiff.Text)
	}
	centre := tops["中央"][0]
	if centre.RestDiff.Text != "-25.0" || !centre.RestRef || centre.Reference {
		t.Errorf("中央: diff %q rest ref %v own ref %v; want -25.0, the rest (n=8) 参考値, 中央 (n=12) not", centre.RestDiff.Text, centre.RestRef, centre.Reference)
	}
}
