package render

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const diffBOM = "\ufeff"

func outFS(manifest, crosstab, indicators string) fstest.MapFS {
	return fstest.MapFS{
		"manifest.json":       {Data: []byte(manifest)},
		"data/crosstab.csv":   {Data: []byte(diffBOM + crosstab)},
		"data/indicators.csv": {Data: []byte(diffBOM + indicators)},
	}
}

const xtHead = "survey,question_id,by,group,code,label,count,base,pct,weighted_pct,suppressed,reference,adj_residual,mark\n"
const indHead = "indicator_id,name,theme,question_id,group,baseline,baseline_n,current,current_n,ci_low,ci_high,target,direction,p_value,evaluation\n"

func TestCompare(t *testing.T) {
	old := outFS(
		`{"inputs":[{"path":"definitions.xlsx","sha256":"aaa"},{"path":"responses/a.xlsx","sha256":"bbb"}],
		  "counts":{"respondents":{"current":100},"removed":0,"problems":{"unknown-code":2}}}`,
		xtHead+
			"current,Q1,全体,全体,1,はい,45,100,45,,false,false,,\n"+
			"current,Q1,全体,全体,2,いいえ,55,100,55,,false,false,,\n"+
			"current,Q1,地区,日吉,1,はい,4,8,50,,true,true,,\n",
		indHead+"I1,参加率,参加,Q1,全体,40,500,45,100,35.6,54.7,50,増,0.34,C\n")
	cur := outFS(
		`{"inputs":[{"path":"definitions.xlsx","sha256":"aaa"},{"path":"responses/a.xlsx","sha256":"ccc"},{"path":"corrections.xlsx","sha256":"ddd"}],
		  "counts":{"respondents":{"current":99},"removed":1,"problems":{}}}`,
		xtHead+
			"current,Q1,全体,全体,1,はい,45,99,45.45454545,,false,false,,\n"+
			"current,Q1,全体,全体,2,いいえ,54,99,54.5454545,,false,false,,\n"+
			"current,Q1,地区,日吉,1,はい,4,7,57.1,,true,true,,\n",
		indHead+"I1,参加率,参加,Q1,全体,40,500,50.5,99,40,60,50,増,0.03,A\n")

	d, err := Compare(old, cur)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Kind: ChangeInput, Item: "responses/a.xlsx", Old: "bbb", New: "ccc"},
		{Kind: ChangeInput, Item: "corrections.xlsx", New: "追加"},
		{Kind: ChangeCount, Item: "problems.unknown-code", Old: "2", New: "0"},
		{Kind: ChangeCount, Item: "removed", Old: "0", New: "1"},
		{Kind: ChangeCount, Item: "respondents.current", Old: "100", New: "99"},
		{Kind: ChangeBase, Item: "Q1", By: "全体", Group: "全体", Old: "100", New: "99"},
		// 45 → 45.45…: printed 45.0 → 45.5, +0.5 points (45.5 − 45.0, as printed).
		{Kind: ChangeFigure, Item: "Q1", By: "全体", Group: "全体", Choice: "はい", Old: "45.0", New: "45.5", Points: "+0.5"},
		// 55 → 54.545…: printed 55.0 → 54.5, −0.5 points.
		{Kind: ChangeFigure, Item: "Q1", By: "全体", Group: "全体", Choice: "いいえ", Old: "55.0", New: "54.5", Points: "-0.5"},
		// 日吉 is suppressed in both runs: its base changed, its printed "x" did not.
		{Kind: ChangeBase, Item: "Q1", By: "地区", Group: "日吉", Old: "8", New: "7"},
		{Kind: ChangeFigure, Item: "I1", By: "指標", Group: "全体", Choice: "参加率", Old: "45.0", New: "50.5", Points: "+5.5"},
		{Kind: ChangeEval, Item: "I1", By: "指標", Group: "全体", Choice: "参加率", Old: "C", New: "A"},
	}
	if !reflect.DeepEqual(d.Changes, want) {
		t.Errorf("changes:\n got %+v\nwant %+v", d.Changes, want)
	}

	var out bytes.Buffer
	if err := d.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Q1 全体 全体 はい: 45.0 → 45.5（+0.5ポイント）", "I1 指標 全体 参加率: C → A",
		"修正で削除した記録: 0 → 1", "問題 unknown-code: 2 → 0"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("printout lacks %q:\n%s", s, out.String())
		}
	}
	var csvOut bytes.Buffer
	if err := d.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(csvOut.String(), diffBOM+"kind,item,by,group,choice,old,new,diff_pt\n") {
		t.Errorf("csv header: %q", csvOut.String()[:60])
	}
}

// TestComparePrintedPoints checks the rounding of `diff`: every change is the
// difference of the printed figures (analyze.PointDiff): 33.34 → 33.46 prints
// 33.3 → 33.5, +0.2 points; 2.675 prints 2.7 (四捨五入 on the decimal digits
// although binary 2.675 is 2.67499…), so 2.7 → 2.6 is -0.1.
func TestComparePrintedPoints(t *testing.T) {
	m := `{"inputs":[],"counts":{}}`
	old := outFS(m, xtHead+"current,Q1,全体,全体,1,はい,1,3,33.34,,false,false,,\n",
		indHead+"I1,参加率,参加,Q1,全体,40,500,2.675,100,,,50,増,,C\n")
	cur := outFS(m, xtHead+"current,Q1,全体,全体,1,はい,1,3,33.46,,false,false,,\n",
		indHead+"I1,参加率,参加,Q1,全体,40,500,2.64,100,,,50,増,,C\n")
	d, err := Compare(old, cur)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		// 33.34 → 33.46 prints 33.3 → 33.5: +0.2, the printed figures' difference
		// (the unrounded +0.12 would print +0.1, which a reader cannot check).
		{Kind: ChangeFigure, Item: "Q1", By: "全体", Group: "全体", Choice: "はい", Old: "33.3", New: "33.5", Points: "+0.2"},
		{Kind: ChangeFigure, Item: "I1", By: "指標", Group: "全体", Choice: "参加率", Old: "2.7", New: "2.6", Points: "-0.1"},
	}
	if !reflect.DeepEqual(d.Changes, want) {
		t.Errorf("changes:\n got %+v\nwant %+v", d.Changes, want)
	}
}

func TestCompareSame(t *testing.T) {
	m := `{"inputs":[{"path":"a","sha256":"x"}],"counts":{"n":1}}`
	a := outFS(m, xtHead+"current,Q1,全体,全体,1,はい,1,3,33.333333,,false,true,,\n", indHead)
	d, err := Compare(a, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Changes) != 0 {
		t.Errorf("changes %+v", d.Changes)
	}
	if d.Summary() != "前回の出力から変化はありません。" {
		t.Error(d.Summary())
	}
}

func TestCompareNoManifest(t *testing.T) {
	if _, err := Compare(fstest.MapFS{}, fstest.MapFS{}); err == nil {
		t.Error("no error without manifest.json")
	}
}

// TestCompareNeverZeroPoints: a printed change is never described as 0.0
// points (the issue's `13.6 → 13.5（0.0ポイント）`).
func TestCompareNeverZeroPoints(t *testing.T) {
	m := `{"inputs":[],"counts":{}}`
	old := outFS(m, xtHead+"current,Q1,全体,全体,1,はい,271,2000,13.55,,false,false,,\n", indHead)
	cur := outFS(m, xtHead+"current,Q1,全体,全体,1,はい,270,1995,13.54,,false,false,,\n", indHead)
	d, err := Compare(old, cur)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := d.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "13.6 → 13.5（-0.1ポイント）") {
		t.Errorf("text:\n%s\nwant 13.6 → 13.5（-0.1ポイント）", b.String())
	}
}
