package analyze

import (
	"fmt"
	"math"
	"testing"

	"midreview/ingest"
)

// Question indices of the test codebook (testBatch).
const (
	qDistrict = iota // F1 地区, answers are districts (no choice set)
	qGender          // F2 性別 SA: 男性, 女性
	qYes             // Q1 SA: はい, いいえ
	qMA              // Q2 MA: A, B, C
	qScale           // Q3 SC: そう思う(4,肯定) ややそう思う(3,肯定) あまり(2) 思わない(1)
	qNum             // Q4 NUM
	qCond            // Q5 SA はい/いいえ, asked only when Q1 = はい
	nQuestions
)

// testBatch returns a codebook with districts 日吉, 箕輪, 高田 and the questions
// above, default settings and no respondents.
func testBatch() *ingest.Batch {
	return &ingest.Batch{
		Settings: ingest.Settings{SuppressBelow: 10, ReferenceBelow: 30, Alpha: 0.05, Margin: 3},
		Districts: []ingest.District{
			{Code: "01", Name: "日吉", Population: 6000, Distributed: 100},
			{Code: "02", Name: "箕輪", Population: 3000, Distributed: 80},
			{Code: "03", Name: "高田", Population: 3000},
		},
		ChoiceSets: []ingest.ChoiceSet{
			{Name: "性別", Choices: []ingest.Choice{{Code: 1, Label: "男性"}, {Code: 2, Label: "女性"}}},
			{Name: "はい", Choices: []ingest.Choice{{Code: 1, Label: "はい"}, {Code: 2, Label: "いいえ"}}},
			{Name: "ABC", Choices: []ingest.Choice{{Code: 1, Label: "A"}, {Code: 2, Label: "B"}, {Code: 3, Label: "C"}}},
			{Name: "4件法", Choices: []ingest.Choice{
				{Code: 1, Label: "そう思う", Score: 4, Positive: true},
				{Code: 2, Label: "ややそう思う", Score: 3, Positive: true},
				{Code: 3, Label: "あまりそう思わない", Score: 2},
				{Code: 4, Label: "そう思わない", Score: 1}}},
		},
		Questions: []ingest.Question{
			{ID: "F1", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict},
			{ID: "F2", Type: ingest.SA, ChoiceSet: 0, Theme: -1, Attr: ingest.AttrGender},
			{ID: "Q1", Type: ingest.SA, ChoiceSet: 1, Theme: -1},
			{ID: "Q2", Type: ingest.MA, ChoiceSet: 2, Theme: -1},
			{ID: "Q3", Type: ingest.SC, ChoiceSet: 3, Theme: -1},
			{ID: "Q4", Type: ingest.NUM, ChoiceSet: -1, Theme: -1},
			{ID: "Q5", Type: ingest.SA, ChoiceSet: 1, Theme: -1,
				Cond: []ingest.Clause{{Q: qYes, Choices: ingest.ChoiceBits(0).With(0)}}},
		},
		DistrictQ: qDistrict, GenderQ: qGender, AgeQ: -1,
	}
}

// qa is one answer given to question q.
type qa struct {
	q int
	a ingest.Answer
}

// sa is a single answer: choice index i.
func sa(q, i int) qa { return qa{q, ingest.Answer{Choices: ingest.ChoiceBits(0).With(i)}} }

// ma is a multiple answer of the choice indices is.
func ma(q int, is ...int) qa {
	var c ingest.ChoiceBits
	for _, i := range is {
		c = c.With(i)
	}
	return qa{q, ingest.Answer{Choices: c}}
}

// num is a NUM answer.
func num(q int, v float64) qa { return qa{q, ingest.NumberAnswer(v)} }

// add appends n respondents in district d (ingest.NoDistrict for 地区不明) with
// the given answers (every other question unanswered).
func add(s *ingest.Survey, n, d int, answers ...qa) {
	for range n {
		a := make([]ingest.Answer, nQuestions)
		for _, x := range answers {
			a[x.q] = x.a
		}
		s.Add(ingest.Respondent{ID: fmt.Sprintf("R%04d", len(s.Respondents)+1), District: d}, a)
	}
}

// near reports whether got is want within 1e-6 (both NaN counts as equal).
func near(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= 1e-6*math.Max(1, math.Abs(want))
}

// checkF fails when got is not near want.
func checkF(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %.10g, want %.10g", what, got, want)
	}
}

// mainBatch is the crosstab fixture. Q1 by district (はい, いいえ, 無回答):
//
//	日吉    30 10 2  (all 男性)   base 42
//	箕輪    15 25 0  (all 女性)   base 40; one of the いいえ answered Q5 anyway
//	高田    20 20 0  (no 性別)    base 40
//	地区不明  3  0 1  (男性)       base 4
//
// 日吉's 30 はい answered Q5 = はい; 日吉: 10 chose Q2 {A,B}, 5 chose {A}.
func mainBatch() *ingest.Batch {
	b := testBatch()
	s := &b.Current
	add(s, 10, 0, sa(qGender, 0), sa(qYes, 0), sa(qCond, 0), ma(qMA, 0, 1))
	add(s, 5, 0, sa(qGender, 0), sa(qYes, 0), sa(qCond, 0), ma(qMA, 0))
	add(s, 15, 0, sa(qGender, 0), sa(qYes, 0), sa(qCond, 0))
	add(s, 10, 0, sa(qGender, 0), sa(qYes, 1))
	add(s, 2, 0, sa(qGender, 0))
	add(s, 15, 1, sa(qGender, 1), sa(qYes, 0))
	add(s, 24, 1, sa(qGender, 1), sa(qYes, 1))
	add(s, 1, 1, sa(qGender, 1), sa(qYes, 1), sa(qCond, 1)) // outside 対象条件
	add(s, 20, 2, sa(qYes, 0))
	add(s, 20, 2, sa(qYes, 1))
	add(s, 3, ingest.NoDistrict, sa(qGender, 0), sa(qYes, 0))
	add(s, 1, ingest.NoDistrict, sa(qGender, 0))
	return b
}

// findCT returns the crosstab of question q by `by` in survey sv, or fails.
func findCT(t *testing.T, r *Results, sv string, q int, by string) *Crosstab {
	t.Helper()
	for i := range r.Crosstabs {
		c := &r.Crosstabs[i]
		if c.Survey == sv && c.Question == q && c.By == by {
			return c
		}
	}
	t.Fatalf("no crosstab %s %d %s", sv, q, by)
	return nil
}

func TestRunOrder(t *testing.T) {
	b := mainBatch()
	b.Baseline = &ingest.Survey{Present: []bool{true, true, true, false, true, true, true}}
	add(b.Baseline, 12, 0, sa(qYes, 0))
	b.Problems = []ingest.Problem{{Severity: ingest.Error}, {Severity: ingest.Warning}, {Severity: ingest.Error}}
	r := Run(b)
	var got []string
	for _, c := range r.Crosstabs {
		got = append(got, fmt.Sprintf("%s %s %s", c.Survey, b.Questions[c.Question].ID, c.By))
	}
	// F1 (地区) by 全体 only; F2 (性別) not by itself; NUM has no crosstab; the
	// baseline lacks Q2; no 年代 question.
	want := []string{
		"current F1 全体",
		"current F2 全体", "current F2 地区",
		"current Q1 全体", "current Q1 地区", "current Q1 性別",
		"current Q2 全体", "current Q2 地区", "current Q2 性別",
		"current Q3 全体", "current Q3 地区", "current Q3 性別",
		"current Q5 全体", "current Q5 地区", "current Q5 性別",
		"baseline F1 全体",
		"baseline F2 全体", "baseline F2 地区",
		"baseline Q1 全体", "baseline Q1 地区", "baseline Q1 性別",
		"baseline Q3 全体", "baseline Q3 地区", "baseline Q3 性別",
		"baseline Q5 全体", "baseline Q5 地区", "baseline Q5 性別",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("crosstab order\n got %q\nwant %q", got, want)
	}
	var sums []string
	for _, s := range r.Summaries {
		sums = append(sums, fmt.Sprintf("%s %s %s %s", s.Survey, b.Questions[s.Question].ID, s.By, s.Group))
	}
	wantS := []string{
		"current Q3 全体 全体", "current Q3 地区 日吉", "current Q3 地区 箕輪", "current Q3 地区 高田", "current Q3 地区 地区不明",
		"current Q3 性別 男性", "current Q3 性別 女性",
		"current Q4 全体 全体", "current Q4 地区 日吉", "current Q4 地区 箕輪", "current Q4 地区 高田", "current Q4 地区 地区不明",
		"current Q4 性別 男性", "current Q4 性別 女性",
		// The baseline has no 地区不明 respondents, so no 地区不明 group.
		"baseline Q3 全体 全体", "baseline Q3 地区 日吉", "baseline Q3 地区 箕輪", "baseline Q3 地区 高田",
		"baseline Q3 性別 男性", "baseline Q3 性別 女性",
		"baseline Q4 全体 全体", "baseline Q4 地区 日吉", "baseline Q4 地区 箕輪", "baseline Q4 地区 高田",
		"baseline Q4 性別 男性", "baseline Q4 性別 女性",
	}
	if fmt.Sprint(sums) != fmt.Sprint(wantS) {
		t.Errorf("summary order\n got %q\nwant %q", sums, wantS)
	}
	if r.InputErrors != 2 {
		t.Errorf("InputErrors = %d, want 2", r.InputErrors)
	}
	if r.Batch != b {
		t.Error("Results.Batch is not the batch")
	}
	// Determinism: a second run gives the same results.
	if a, c := dump(Run(b)), dump(r); a != c {
		t.Error("two runs differ")
	}
}

// dump prints results with pointers followed, for comparing two runs.
func dump(r *Results) string {
	s := fmt.Sprintf("%v %v %v %v %v", r.Overview, r.Summaries, r.Trends, r.Indicators, r.InputErrors)
	for _, c := range r.Crosstabs {
		s += fmt.Sprintf("%v %v %v %v", c.Survey, c.Question, c.By, c.Groups)
		if c.Chi != nil {
			s += fmt.Sprintf("%v", *c.Chi)
		}
	}
	return s
}
