package wording

import (
	"testing"

	"midreview/analyze"
)

func TestIndicatorSentences(t *testing.T) {
	fig := func(m string, v float64) analyze.FindingFig {
		return analyze.FindingFig{Source: analyze.SrcInd, Item: "I1", Group: "全体", Measure: m, Value: v, Decimals: 1}
	}
	for _, tt := range []struct {
		eval string
		cur  float64
		want string
	}{
		{analyze.EvalA, 52.0, "「指標」は、策定時の 40.0% から今回 52.0% となり、目標値（50.0%）を達成しています。"},
		{analyze.EvalB, 45.3, "「指標」は、策定時の 40.0% から今回 45.3% へ改善していますが、目標値（50.0%）には届いておらず、目標の達成に向けて取組の強化が必要です。"},
		{analyze.EvalC, 41.0, "「指標」は、策定時の 40.0% に対し今回 41.0% で、大きな変化はみられず、目標値（50.0%）の達成が危ぶまれます。"},
		{analyze.EvalD, 35.0, "「指標」は、策定時の 40.0% から今回 35.0% へ悪化しており、目標値（50.0%）の達成が危ぶまれる状況です。"},
	} {
		f := analyze.Finding{Place: analyze.PlaceIndicator, Target: "I1", Rule: analyze.RuleIndicator, Subject: "指標", Eval: tt.eval,
			Figures: []analyze.FindingFig{fig(analyze.MeasureBaseline, 40), fig(analyze.MeasureCurrent, tt.cur), fig(analyze.MeasureTarget, 50)}}
		if got := SentenceText(f); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.eval, got, tt.want)
		}
	}
}

// TestStandoutAgainstRest: 概要's district sentence names the rest of the
// ward as its reference, as the カルテ does (reader review 4, item 7).
func TestStandoutAgainstRest(t *testing.T) {
	f := analyze.Finding{Place: analyze.PlaceSummary, Rule: analyze.RuleStandout, Subject: "近所付き合いの程度",
		Words: []string{analyze.KeyIndicator, "worse"}, Figures: []analyze.FindingFig{
			{Source: analyze.SrcTops, Item: "Q1", Group: "日吉", Label: "近所で立ち話以上の付き合いがある人の割合",
				Measure: analyze.MeasurePct, Value: 30.6, Decimals: 1, N: 271, Mark: "▼"},
			{Source: analyze.SrcTops, Item: "Q1", Group: "日吉", Label: "近所で立ち話以上の付き合いがある人の割合",
				Measure: analyze.MeasureRestPct, Value: 45.6, Decimals: 1, N: 1729}}}
	want := "「近所で立ち話以上の付き合いがある人の割合」は日吉で 30.6% と、区内の他の地区（45.6%）より低く、課題がみられます。"
	if got := SentenceText(f); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestMeanUnitNoSpace: a median with its unit ends the clause without a
// space before です (reader review round 3: 「中央値は 0回 です」).
func TestMeanUnitNoSpace(t *testing.T) {
	f := analyze.Finding{Rule: analyze.RuleMean, Words: []string{"回"}, Figures: []analyze.FindingFig{
		{Source: analyze.SrcSummary, Item: "Q10", Measure: analyze.MeasureMean, Value: 1.5, Decimals: 1},
		{Source: analyze.SrcSummary, Item: "Q10", Measure: analyze.MeasureMedian, Value: 0, Decimals: 0}}}
	if got, want := SentenceText(f), "平均は 1.5回、中央値は 0回です。"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
