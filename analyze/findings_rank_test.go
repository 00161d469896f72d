package analyze

import (
	"slices"
	"strings"
	"testing"

	"midreview/ingest"
)

// rankBatch is a constructed batch whose most salient statements are known:
// three districts of 100 respondents, a theme T1 with a gender question (an
// attribute, with a theme), an SC question Q2 on which indicator I1 (増)
// worsened from 60% to 40% (D) and where 北 is far below the rest, and an SA
// question Q3 with indicator I2 (減, unchanged at 30%: C); a theme T2 with two
// SC questions: Q4, where 北 is 28.3 points below the ward and 南 21.7 above,
// and Q5, where 北 is 20 below and 南 and 西 10 above. In every SC question
// どちらともいえない is the most common answer. Initiatives: あ is 遅れ in the
// latest year, い is 順調 with 次年度 見直し, う is 順調 and 継続.
func rankBatch() *ingest.Batch {
	scale := ingest.ChoiceSet{Name: "agree", Choices: []ingest.Choice{{Code: 1, Label: "そう思う", Positive: true},
		{Code: 2, Label: "ややそう思う", Positive: true}, {Code: 3, Label: "どちらともいえない"},
		{Code: 4, Label: "あまりそう思わない"}, {Code: 5, Label: "そう思わない"}}}
	yn := ingest.ChoiceSet{Name: "yn", Choices: []ingest.Choice{{Code: 1, Label: "ある"}, {Code: 2, Label: "ない"}}}
	sex := ingest.ChoiceSet{Name: "sex", Choices: []ingest.Choice{{Code: 1, Label: "男性"}, {Code: 2, Label: "女性"}}}
	prog := ingest.ChoiceSet{Name: "進ちょく", Choices: []ingest.Choice{{Code: 1, Label: "順調"}, {Code: 2, Label: "概ね順調"},
		{Code: 3, Label: "やや遅れ"}, {Code: 4, Label: "遅れ"}}}
	b := &ingest.Batch{
		Settings:   ingest.Settings{SuppressBelow: 10, ReferenceBelow: 30, Alpha: 0.05},
		Districts:  []ingest.District{{Name: "北"}, {Name: "南"}, {Name: "西"}},
		Themes:     []ingest.Theme{{Code: "T1", Name: "つながり"}, {Code: "T2", Name: "参加"}},
		ChoiceSets: []ingest.ChoiceSet{scale, yn, sex},
		Questions: []ingest.Question{
			{ID: "F1", Text: "地区", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict},
			{ID: "F2", Text: "性別", Type: ingest.SA, ChoiceSet: 2, Theme: 0, Attr: ingest.AttrGender},
			{ID: "Q2", Text: "助け合えると思いますか", Type: ingest.SC, ChoiceSet: 0, Theme: 0},
			{ID: "Q3", Text: "居場所がありますか", Type: ingest.SA, ChoiceSet: 1, Theme: 0},
			{ID: "Q4", Text: "参加したいと思いますか", Type: ingest.SC, ChoiceSet: 0, Theme: 1},
			{ID: "Q5", Text: "役に立ちたいと思いますか", Type: ingest.SC, ChoiceSet: 0, Theme: 1},
		},
		DistrictQ: 0, GenderQ: 1, AgeQ: -1,
		Indicators: []ingest.Indicator{
			{ID: "I1", Name: "助け合えると思う人の割合", Theme: 0, Question: 2, Choices: ingest.ChoiceBits(0b11), Target: 80, HasTarget: true},
			{ID: "I2", Name: "居場所がない人の割合", Theme: 0, Question: 3, Choices: ingest.ChoiceBits(0b10), Target: 10, HasTarget: true, Direction: ingest.Down},
		},
		Initiatives: []ingest.Initiative{{ID: "P1", Name: "あ", District: -1, Theme: 0}, {ID: "P2", Name: "い", District: 0, Theme: 1},
			{ID: "P3", Name: "う", District: 1, Theme: 1}},
		ProgressScale: prog,
		Progress: []ingest.Progress{{Initiative: 0, Year: 2024, Rating: 1}, {Initiative: 0, Year: 2025, Rating: 3, Next: ingest.NextContinue},
			{Initiative: 1, Year: 2025, Rating: 0, Next: ingest.NextRevise}, {Initiative: 2, Year: 2025, Rating: 0, Next: ingest.NextContinue}},
	}
	b.Baseline = &ingest.Survey{}
	// pos[d] respondents of district d answer そう思う, the rest どちらともいえない;
	// ない[d] answer ない to Q3.
	add := func(s *ingest.Survey, d int, q2, q4, q5, nai int) {
		for i := range 100 {
			ans := make([]ingest.Answer, 6)
			ans[1].Choices = ingest.ChoiceBits(0).With(i % 2)
			for q, pos := range map[int]int{2: q2, 4: q4, 5: q5} {
				c := 2
				if i < pos {
					c = 0
				}
				ans[q].Choices = ingest.ChoiceBits(0).With(c)
			}
			c := 0
			if i < nai {
				c = 1
			}
			ans[3].Choices = ingest.ChoiceBits(0).With(c)
			s.Add(ingest.Respondent{District: d}, ans)
		}
	}
	add(&b.Current, 0, 20, 10, 10, 30)
	add(&b.Current, 1, 50, 60, 40, 30)
	add(&b.Current, 2, 50, 45, 40, 30)
	for d := range 3 {
		add(b.Baseline, d, 60, 40, 30, 30)
	}
	return b
}

// TestSummaryRanking checks 調査結果の概要 of rankBatch statement by statement.
func TestSummaryRanking(t *testing.T) {
	b := rankBatch()
	r := Run(b)
	type st struct{ target, rule, subject, group string }
	var got []st
	for _, f := range r.Findings {
		if f.Place != PlaceSummary {
			continue
		}
		s := st{target: f.Target, rule: f.Rule, subject: f.Subject}
		if len(f.Figures) > 0 && f.Rule == RuleStandout {
			s.group = f.Figures[0].Group
		}
		if f.Rule == RuleDelayed {
			s.subject = strings.Join(f.Words, ",")
		}
		got = append(got, s)
	}
	want := []st{
		// T1: the indicator worsened (D) outranks the unchanged one (C), both
		// outrank the district deviation; Q2's change is the indicator's.
		{"T1", RuleIndicator, "助け合えると思う人の割合", ""},
		{"T1", RuleIndicator, "居場所がない人の割合", ""},
		{"T1", RuleStandout, "助け合えると思いますか", "北"},
		// T2: 北 was named in T1, so its larger deviation on Q4 (−28.3,
		// worse: (200+28.3+25)/2 = 126.7) gives way to 南's (+21.7: 221.7);
		// on Q5 南 and 西 are both 10 points above (sheet order would pick
		// 南, but 南 is named now: 210/2 = 105), so 西 (210) is named rather
		// than 北 (−20: (200+20+25)/2 = 122.5).
		{"T2", RuleStandout, "参加したいと思いますか", "南"},
		{"T2", RuleStandout, "役に立ちたいと思いますか", "西"},
		// Then every delayed initiative, then those under review.
		{"", RuleDelayed, "", ""},
		{"", RuleDelayed, "", ""},
	}
	want[5].subject, want[6].subject = "遅れ,あ", "見直し,い"
	if !slices.Equal(got, want) {
		t.Errorf("概要:\n got %v\nwant %v", got, want)
	}
	for _, f := range r.Findings {
		for _, g := range f.Figures {
			if WeakLabel(g.Label) {
				t.Errorf("%s %s %s singles out %q", f.Place, f.Target, f.Rule, g.Label)
			}
			if g.Item == "F1" || g.Item == "F2" || g.By == ByGender {
				t.Errorf("%s %s %s: a finding about the attribute %s", f.Place, f.Target, f.Rule, g.Item)
			}
		}
		if f.Target == "F2" || f.Subject == "性別" {
			t.Errorf("%s %s %s: a finding about the attribute 性別", f.Place, f.Target, f.Rule)
		}
	}
	// An SC question is compared across groups on its combined box only.
	for _, f := range r.Findings {
		if f.Place == PlaceQuestion && (f.Target == "Q2" || f.Target == "Q4" || f.Target == "Q5") && f.Rule == RuleGroups {
			for _, g := range f.Figures {
				if g.Source != SrcTops && g.Source != SrcSummary {
					t.Errorf("%s: groups compared on the single answer %q", f.Target, g.Label)
				}
			}
		}
		if f.Rule == RuleAgeTrend && (f.Target == "Q2" || f.Target == "Q4" || f.Target == "Q5") {
			t.Errorf("%s: an age trend of a single answer of an SC question", f.Target)
		}
	}
	// The district sentences use the key measure: 『そう思う（計）』 from district_tops.
	var q4 []Finding
	for _, f := range r.Findings {
		if f.Place == PlaceQuestion && f.Target == "Q4" {
			q4 = append(q4, f)
		}
	}
	if len(q4) == 0 || q4[0].Rule != RuleComposite {
		t.Fatalf("Q4: %+v, want the combined box first", q4)
	}
	found := false
	for _, f := range q4 {
		if f.Rule == RuleGroups && f.Figures[0].Source == SrcTops && f.Figures[0].Label == "そう思う（計）" {
			found = true
		}
		if f.Rule == RuleLeading {
			t.Errorf("Q4 states its leading answers, led by どちらともいえない: %+v", f)
		}
	}
	if !found {
		t.Errorf("Q4: no district comparison on そう思う（計）: %+v", q4)
	}
}

// TestDelayedScale checks which latest ratings are delayed.
func TestDelayedScale(t *testing.T) {
	labels := []string{"順調", "概ね順調", "やや遅れ", "遅れ"}
	for i, want := range []bool{false, false, true, true} {
		if got := delayedRating(labels, i, labels[i]); got != want {
			t.Errorf("%s: %v, want %v", labels[i], got, want)
		}
	}
	marks := []string{"◎", "○", "△", "×"}
	if !delayedRating(marks, 3, "×") || delayedRating(marks, 0, "◎") || delayedRating(marks, -1, "") {
		t.Errorf("◎○△×: × must be delayed, ◎ and no rating not")
	}
}

// TestDelayedChapterOrder: the delayed and the 見直し initiatives are named
// in the chapter's order (theme by theme in sheet order, no theme last,
// sheet order within a theme), never the worst rating first, so that the two
// sentences list their initiatives alike (reader review 5, item 7).
func TestDelayedChapterOrder(t *testing.T) {
	b := rankBatch()
	b.Initiatives = []ingest.Initiative{{ID: "P1", Name: "あ", District: -1, Theme: 0}, {ID: "P2", Name: "い", District: 0, Theme: 1},
		{ID: "P3", Name: "う", District: 1, Theme: -1}, {ID: "P4", Name: "え", District: 2, Theme: 0}}
	b.Progress = []ingest.Progress{
		{Initiative: 0, Year: 2025, Rating: 2, Next: ingest.NextContinue}, // やや遅れ
		{Initiative: 1, Year: 2025, Rating: 3, Next: ingest.NextRevise},   // 遅れ
		{Initiative: 2, Year: 2025, Rating: 3, Next: ingest.NextRevise},
		{Initiative: 3, Year: 2025, Rating: 3, Next: ingest.NextRevise}}
	var got []string
	for _, f := range Run(b).Findings {
		if f.Rule == RuleDelayed {
			got = append(got, strings.Join(f.Words, ","))
		}
	}
	if want := []string{"遅れ,あ,え,い,う", "見直し,え,い,う"}; !slices.Equal(got, want) {
		t.Errorf("delayed %q, want %q", got, want)
	}
	pr := Run(b).Progress
	var order []string
	for _, k := range InitiativeOrder(b, pr) {
		order = append(order, b.Initiatives[pr.Initiatives[k].Initiative].Name)
	}
	if want := []string{"あ", "え", "い", "う"}; !slices.Equal(order, want) {
		t.Errorf("InitiativeOrder %q, want %q", order, want)
	}
}

// TestQuestionOneNameForBox: Q2's indicator I1 counts exactly its box
// (そう思う＋ややそう思う), so the passage names the districts by the box, as
// its composite and its other breakdowns do, and the composite names the
// indicator once (reader review 5, item 8).
func TestQuestionOneNameForBox(t *testing.T) {
	b := rankBatch()
	var comp, groups *Finding
	r := Run(b)
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Place != PlaceQuestion || f.Target != "Q2" {
			continue
		}
		switch {
		case f.Rule == RuleComposite:
			comp = f
		case f.Rule == RuleGroups && len(f.Words) > 0 && f.Words[0] == ByDistrict:
			groups = f
		}
	}
	if comp == nil || groups == nil {
		t.Fatalf("Q2: composite %v, district groups %v", comp, groups)
	}
	if comp.Words[0] != "そう思う（計）" || comp.Indicator != "助け合えると思う人の割合" {
		t.Errorf("composite names %q with indicator %q", comp.Words[0], comp.Indicator)
	}
	if groups.Box != "そう思う（計）" || groups.Figures[0].Source != SrcTops {
		t.Errorf("district groups: box %q, source %s", groups.Box, groups.Figures[0].Source)
	}
	// An indicator of other answers than the box is a figure of its own,
	// named by itself.
	b = rankBatch()
	b.Indicators[0].Choices = ingest.ChoiceBits(0b1)
	for _, f := range Run(b).Findings {
		if f.Place == PlaceQuestion && f.Target == "Q2" && (f.Box != "" && f.Rule == RuleGroups && f.Words[0] == ByDistrict || f.Indicator != "") {
			t.Errorf("I1 of そう思う only: %s box %q indicator %q", f.Rule, f.Box, f.Indicator)
		}
	}
}
