package view

import (
	"strings"
	"testing"
	"time"

	"midreview/ingest"
	"midreview/render/wording"
)

func TestDateStyle(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		got, want string
	}{
		{DateText(day(2026, 11, 1)), "令和8年（2026年）11月1日"},
		{DateText(day(2019, 5, 1)), "令和元年（2019年）5月1日"},
		{DateText(day(2019, 4, 30)), "平成31年（2019年）4月30日"},
		{DateText(day(1989, 1, 8)), "平成元年（1989年）1月8日"},
		{DateText(day(1989, 1, 7)), "昭和64年（1989年）1月7日"},
		{DateText(day(1900, 1, 1)), "1900年1月1日"},
		// Fiscal years run from April; 2019年度 is 令和元年度.
		{FiscalYearText(day(2026, 11, 1)), "令和8年度（2026年度）"},
		{FiscalYearText(day(2027, 3, 31)), "令和8年度（2026年度）"},
		{FiscalYearText(day(2019, 4, 1)), "令和元年度（2019年度）"},
		{FiscalYearText(day(2018, 6, 1)), "平成30年度（2018年度）"},
		{periodText("2026-06-01～2026-06-30"), "令和8年（2026年）6月1日～6月30日"},
		{periodText("2026-12-20～2027-01-10"), "令和8年（2026年）12月20日～令和9年（2027年）1月10日"},
		{periodText("令和8年6月1日～6月30日"), "令和8年6月1日～6月30日"},
		{periodText("2026-02-30"), "2026-02-30"},
		{periodText(""), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestSurveyNames(t *testing.T) {
	b := &ingest.Batch{Settings: ingest.Settings{SurveyName: "中間振り返り 区民アンケート", Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		History: []ingest.HistoryRun{
			{Dir: "b", SurveyName: "令和5年度 区民意識調査", Date: "2023-11-01"},
			{Dir: "a", SurveyName: "区民アンケート", Date: "2021-07-01"},
		}}
	sn := surveyNames(b)
	if sn.Baseline.Word != "策定時" || sn.Baseline.Name != "策定時調査" || sn.Baseline.Title != "策定時調査" {
		t.Errorf("baseline %+v", sn.Baseline)
	}
	if sn.Current.Word != "今回" || sn.Current.Title != "令和8年度（2026年度） 中間振り返り 区民アンケート" {
		t.Errorf("current %+v", sn.Current)
	}
	// The latest history run by date is 前回; its label already says its year.
	if p := sn.Previous; p == nil || p.Word != "前回" || p.Name != "前回調査" || p.Title != "令和5年度 区民意識調査" || p.Year != "令和5年度（2023年度）" {
		t.Errorf("previous %+v", sn.Previous)
	}
	b.History = b.History[1:]
	if p := surveyNames(b).Previous; p == nil || p.Title != "令和3年度（2021年度） 区民アンケート" {
		t.Errorf("previous without a year in its label: %+v", p)
	}
	b.History = nil
	if p := surveyNames(b).Previous; p != nil {
		t.Errorf("previous without history/: %+v", p)
	}
}

func TestConditionLabels(t *testing.T) {
	b := &ingest.Batch{
		Questions: []ingest.Question{{ID: "Q2", ChoiceSet: 0}, {ID: "Q5", ChoiceSet: 1}},
		ChoiceSets: []ingest.ChoiceSet{
			{Choices: []ingest.Choice{{Code: 1, Label: "現在参加している"}, {Code: 2, Label: "以前参加していた"}, {Code: 3, Label: "参加していない"}}},
			{Choices: []ingest.Choice{{Code: 1, Label: "はい"}, {Code: 2, Label: "いいえ"}}},
		},
	}
	var two ingest.ChoiceBits
	two = two.With(0).With(1)
	var yes ingest.ChoiceBits
	yes = yes.With(0)
	for _, c := range []struct {
		cond []ingest.Clause
		want string
	}{
		{nil, ""},
		{[]ingest.Clause{{Q: 1, Choices: yes}}, "Q5で「はい」と答えた方"},
		{[]ingest.Clause{{Q: 0, Choices: two}}, "Q2で「現在参加している」「以前参加していた」と答えた方"},
		{[]ingest.Clause{{Q: 0, Choices: two}, {Q: 1, Choices: yes}}, "Q2で「現在参加している」「以前参加していた」と答え、かつQ5で「はい」と答えた方"},
		{[]ingest.Clause{{Q: 7, Choices: yes}}, ""},
	} {
		if got := conditionLabels(b, c.cond); got != c.want {
			t.Errorf("conditionLabels(%v) = %q, want %q", c.cond, got, c.want)
		}
	}
}

// TestOneWordForEachSurvey: the sentences and the evaluation legend name the
// baseline 策定時(調査) and never call it 前回 (docs/methods.md §7).
func TestOneWordForEachSurvey(t *testing.T) {
	for _, ts := range []map[string]string{wording.Templates(), wording.WebTemplates()} {
		for k, s := range ts {
			if strings.Contains(s, WordPrevious) {
				t.Errorf("template %s says %s: %q", k, WordPrevious, s)
			}
		}
	}
	for _, st := range []ingest.Settings{{Alpha: 0.05}, {Evaluation: ingest.EvalPoints, Margin: 3}} {
		for _, kv := range append(evaluationLegendFor(st, Print, true), evaluationLegendFor(st, Web, true)...) {
			if strings.Contains(kv.Value, WordPrevious) || strings.Contains(kv.Value, "現在") {
				t.Errorf("legend %s: %q", kv.Key, kv.Value)
			}
		}
	}
}

func TestReadingNotes(t *testing.T) {
	b := &ingest.Batch{Settings: ingest.Settings{SurveyName: "中間振り返り 区民アンケート", Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		History: []ingest.HistoryRun{{SurveyName: "令和5年度 区民意識調査", Date: "2023-11-01"}}}
	got := strings.Join(readingNotes(surveyNames(b), Print), "\n")
	for _, want := range []string{"表の数値を引き算した値と一致します",
		// The current survey by its 調査名 as the cover prints it (reader
		// item 15: not 「令和8年度（2026年度） 中間振り返り 区民アンケート」).
		"「策定時」は計画策定時の調査（策定時調査）、「今回」は中間振り返り 区民アンケート（令和8年度（2026年度）実施）を指します。",
		"「前回」は令和5年度 区民意識調査（前回調査）を指し、策定時調査の意味には使いません。"} {
		if !strings.Contains(got, want) {
			t.Errorf("reading notes lack %q:\n%s", want, got)
		}
	}
}

// FuzzPeriodText: 設定 調査期間 is staff's free text; rewriting its ISO dates
// never panics, keeps every character outside the dates, and leaves text
// without a date as written.
func FuzzPeriodText(f *testing.F) {
	for _, s := range []string{"2026-06-01～2026-06-30", "令和8年6月1日～6月30日", "2026-13-40", "0000-00-00", "9999-12-31～"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := periodText(s)
		if !isoDate.MatchString(s) && got != s {
			t.Errorf("periodText(%q) = %q, want it as written", s, got)
		}
	})
}
