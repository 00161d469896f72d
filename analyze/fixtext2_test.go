package analyze

import (
	"testing"

	"midreview/ingest"
)

// freqBatch is a frequency question Q1 (SA よくある／ときどき／ない, no 肯定
// marks, as in the testdata batches) carrying indicator I1 on よくある＋ときどき:
// 100 respondents now answer 35/40/25 (I1 75.0), 100 at the baseline 30/40/30
// (I1 70.0). ときどき is the most common answer in both surveys.
func freqBatch() *ingest.Batch {
	freq := ingest.ChoiceSet{Name: "付き合い", Choices: []ingest.Choice{{Code: 1, Label: "よくある"},
		{Code: 2, Label: "ときどき"}, {Code: 3, Label: "ない"}}}
	b := &ingest.Batch{
		Settings:   ingest.Settings{SuppressBelow: 5, ReferenceBelow: 10, Alpha: 0.05},
		Districts:  []ingest.District{{Name: "北"}},
		Themes:     []ingest.Theme{{Code: "T1", Name: "つながり"}},
		ChoiceSets: []ingest.ChoiceSet{freq},
		Questions: []ingest.Question{
			{ID: "F1", Text: "地区", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict},
			{ID: "Q1", Text: "近所付き合いの程度", Type: ingest.SA, ChoiceSet: 0, Theme: 0},
		},
		DistrictQ: 0, GenderQ: -1, AgeQ: -1,
		Indicators: []ingest.Indicator{{ID: "I1", Name: "近所付き合いがある人の割合", Theme: 0, Question: 1,
			Choices: ingest.ChoiceBits(0b11), Target: 80, HasTarget: true}},
	}
	b.Baseline = &ingest.Survey{}
	add := func(s *ingest.Survey, counts [3]int) {
		for c, n := range counts {
			for range n {
				ans := make([]ingest.Answer, 2)
				ans[1].Choices = ingest.ChoiceBits(0).With(c)
				s.Add(ingest.Respondent{District: 0}, ans)
			}
		}
	}
	add(&b.Current, [3]int{35, 40, 25})
	add(b.Baseline, [3]int{30, 40, 30})
	return b
}

// TestFrequencyTrendByIndicator: a single-answer scale without 肯定 marks
// that carries an indicator of several answers is stated by that indicator
// (its combined share and its change since the baseline), never by its
// middle answer ときどき alone (reader review 4, item 6).
func TestFrequencyTrendByIndicator(t *testing.T) {
	r := Run(freqBatch())
	var rules []string
	for _, f := range r.Findings {
		if f.Place != PlaceQuestion || f.Target != "Q1" {
			continue
		}
		rules = append(rules, f.Rule)
		switch f.Rule {
		case RuleChange, RuleNoChange:
			t.Errorf("Q1 states its answers' change one by one: %+v", f)
		case RuleComposite:
			if len(f.Figures) != 1 || f.Figures[0].Value != 75.0 || f.Figures[0].Source != SrcInd ||
				len(f.Words) != 3 || f.Words[0] != "近所付き合いがある人の割合" || f.Words[1] != "よくある" || f.Words[2] != "ときどき" {
				t.Errorf("Q1 composite: %+v, want I1 75.0 of よくある＋ときどき", f)
			}
		case RuleBoxChange:
			// 70/100 against 75/100: p ≈ 0.43, no marked change.
			if len(f.Figures) != 2 || f.Figures[0].Value != 70.0 || f.Figures[1].Value != 75.0 ||
				len(f.Words) != 1 || f.Words[0] != "近所付き合いがある人の割合" {
				t.Errorf("Q1 box change: %+v, want I1 70.0 → 75.0, unchanged", f)
			}
		}
		for _, g := range f.Figures {
			if g.Label == "ときどき" && f.Rule != RuleLeading {
				t.Errorf("Q1 %s singles out the middle answer ときどき: %+v", f.Rule, f)
			}
		}
	}
	want := []string{RuleComposite, RuleLeading, RuleBoxChange}
	if len(rules) != len(want) {
		t.Fatalf("Q1 findings %v, want %v", rules, want)
	}
	for i := range want {
		if rules[i] != want[i] {
			t.Errorf("Q1 findings %v, want %v", rules, want)
		}
	}
}

// TestSummaryDistrictAgainstRest: 概要 compares a district with the rest of
// the ward, the reference of the カルテ's sentence and of the ▲▼ test, so
// one finding has one reference value (reader review 4, item 7). In
// rankBatch, 北 answers そう思う 20/100 on Q2 (indicator I1); the rest of the
// ward 100/200 = 50.0 (全体 120/300 = 40.0 is not the reference).
func TestSummaryDistrictAgainstRest(t *testing.T) {
	r := Run(rankBatch())
	var sum, karte *Finding
	for i := range r.Findings {
		f := &r.Findings[i]
		if len(f.Figures) < 2 || f.Figures[0].Item != "Q2" || f.Figures[0].Group != "北" {
			continue
		}
		switch {
		case f.Place == PlaceSummary && f.Rule == RuleStandout:
			sum = f
		case f.Place == PlaceDistrict && f.District == "北" && f.Figures[0].Source == SrcTops:
			karte = f
		}
	}
	if sum == nil || karte == nil {
		t.Fatalf("Q2 北: 概要 %+v, カルテ %+v", sum, karte)
	}
	if g := sum.Figures[1]; g.Measure != MeasureRestPct || g.Value != 50.0 || g.N != 200 {
		t.Errorf("概要 Q2 北 reference %+v, want rest_pct 50.0 n=200", g)
	}
	if sum.Figures[0].Value != 20.0 || sum.Figures[0].Mark != "▼" || len(sum.Words) < 2 || sum.Words[1] != "worse" {
		t.Errorf("概要 Q2 北 %+v, want 20.0 ▼ worse", sum)
	}
	if karte.Figures[1] != sum.Figures[1] {
		t.Errorf("概要 reference %+v, カルテ reference %+v: one finding, two references", sum.Figures[1], karte.Figures[1])
	}
}
