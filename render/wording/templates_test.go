package wording

import (
	"regexp"
	"slices"
	"strings"
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

// TestShortTitle: a sentence names a question by its short title, never the
// questionnaire's whole text (reader review 5, item 5).
func TestShortTitle(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"「つながり」についてお答えください。（Q36）", "『つながり』についてお答えください"},
		{"今後、参加してみたい地域の活動は何ですか。（あてはまるものすべて）", "今後、参加してみたい地域の活動は何ですか"},
		{"「地域ケアプラザ」を知っていますか？", "『地域ケアプラザ』を知っていますか"},
		{"困ったときの相談先（○は1つ）", "困ったときの相談先"},
		{"1か月の外出回数（回）", "1か月の外出回数（回）"}, // a unit, not an instruction
		{"近所付き合いの程度", "近所付き合いの程度"},
		{"（あてはまるものすべて）", "（あてはまるものすべて）"}, // nothing left: kept whole
	} {
		if got := ShortTitle(tt.in); got != tt.want {
			t.Errorf("ShortTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSentencesQuoteShortTitle: the sentences of a question whose text
// quotes a word and ends in an instruction name it by its short title, with
// no 「 inside 「」, and print their figures as given (parsed back).
func TestSentencesQuoteShortTitle(t *testing.T) {
	const subj = "「健康」についてお答えください。（Q16）"
	fig := func(m string, v float64) analyze.FindingFig {
		return analyze.FindingFig{Source: analyze.SrcTrend, Item: "Q16", Group: "全体", Label: "「防災」の活動", Measure: m, Value: v, Decimals: 1}
	}
	rest := func(g string, v, r, d float64) []analyze.FindingFig {
		return []analyze.FindingFig{
			{Source: analyze.SrcRest, Item: "Q16", Group: g, Label: "ある", Measure: analyze.MeasurePct, Value: v, Decimals: 1},
			{Source: analyze.SrcRest, Item: "Q16", Group: g, Label: "ある", Measure: analyze.MeasureRestPct, Value: r, Decimals: 1},
			{Source: analyze.SrcRest, Item: "Q16", Group: g, Label: "ある", Measure: analyze.MeasureDiff, Value: d, Decimals: 1}}
	}
	for _, tt := range []struct {
		f    analyze.Finding
		want string
		figs []string
	}{
		{analyze.Finding{Place: analyze.PlaceSummary, Rule: analyze.RuleChange, Subject: subj, Figures: []analyze.FindingFig{
			fig(analyze.MeasureBaselinePct, 19.3), fig(analyze.MeasureCurrentPct, 24.2), fig(analyze.MeasureDiff, 4.9)}},
			"「『健康』についてお答えください」の「『防災』の活動」は、策定時調査の 19.3% から 24.2% へ 4.9 ポイント増加しています。",
			[]string{"19.3", "24.2", "4.9"}},
		{analyze.Finding{Place: analyze.PlaceDistrict, Rule: analyze.RuleHigher, Subject: subj, Figures: rest("綱島", 34.7, 24.3, 10.4)},
			"「『健康』についてお答えください」で「ある」と答えた人は 34.7% と、区内の他の地区（24.3%）より 10.4 ポイント高くなっています。",
			[]string{"34.7", "24.3", "10.4"}},
	} {
		got := SentenceText(tt.f)
		if got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
		if strings.Contains(got, "「「") || strings.Contains(got, "。」") {
			t.Errorf("%s: nested quote or 。 inside a quote", got)
		}
		if nums := numberRE.FindAllString(got, -1); !slices.Equal(nums, tt.figs) {
			t.Errorf("%s: numbers %q, want the figures %q", got, nums, tt.figs)
		}
	}
}

// numberRE finds the numbers of a sentence.
var numberRE = regexp.MustCompile(`[0-9][0-9,]*(\.[0-9])?`)

// TestOneNamePerFigure: a question's box named 『そう思う（計）』 names its
// indicator once, in the composite sentence, and its districts by the box
// too (reader review 5, item 8: 「…助け合えると思う人の割合」 and
// 『そう思う（計）』 alternated in one passage).
func TestOneNamePerFigure(t *testing.T) {
	const ind = "災害時に近所で助け合えると思う人の割合"
	comp := analyze.Finding{Place: analyze.PlaceQuestion, Target: "Q7", Rule: analyze.RuleComposite, Indicator: ind,
		Words: []string{"そう思う（計）", "そう思う", "ややそう思う"}, Figures: []analyze.FindingFig{
			{Source: analyze.SrcInd, Item: "I5", Group: "全体", Measure: analyze.MeasureCurrent, Value: 46.1, Decimals: 1}}}
	top := func(g string, v float64, mark string) analyze.FindingFig {
		return analyze.FindingFig{Source: analyze.SrcTops, Item: "Q7", Group: g, Label: ind, Measure: analyze.MeasurePct,
			Value: v, Decimals: 1, Mark: mark}
	}
	groups := analyze.Finding{Place: analyze.PlaceQuestion, Target: "Q7", Rule: analyze.RuleGroups, Box: "そう思う（計）",
		Words: []string{analyze.ByDistrict}, Figures: []analyze.FindingFig{top("城郷", 58.5, MarkHigh), top("日吉", 35.8, MarkLow)}}
	for _, tt := range []struct {
		f    analyze.Finding
		want string
		figs []string
	}{
		{comp, "「そう思う」と「ややそう思う」を合わせた『そう思う（計）』（指標「" + ind + "」）は 46.1% です。", []string{"46.1"}},
		{groups, "地区別にみると、『そう思う（計）』の割合は城郷（58.5%）で高く、日吉（35.8%）で低くなっています。", []string{"58.5", "35.8"}},
	} {
		got := SentenceText(tt.f)
		if got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
		if nums := numberRE.FindAllString(got, -1); !slices.Equal(nums, tt.figs) {
			t.Errorf("%s: numbers %q, want the figures %q", got, nums, tt.figs)
		}
	}
	// Without Box the districts are named by the indicator, as before.
	groups.Box = ""
	if got := SentenceText(groups); !strings.Contains(got, "「"+ind+"」は城郷") {
		t.Errorf("no box: %s", got)
	}
}
