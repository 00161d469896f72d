package render

import (
	"slices"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
)

// fbatch is a small in-memory batch for the findings rules: districts 北, 南,
// 西; question 0 is 地区, 1 is 年代 (3 ages), 2 the question under test with
// choices A, B, C.
type fbatch struct {
	b *ingest.Batch
}

func newFBatch(qt ingest.QType, positive ...int) *fbatch {
	cs := ingest.ChoiceSet{Name: "abc"}
	for i, l := range []string{"A", "B", "C"} {
		cs.Choices = append(cs.Choices, ingest.Choice{Code: i + 1, Label: l, Score: float64(i + 1), Positive: slices.Contains(positive, i)})
	}
	ages := ingest.ChoiceSet{Name: "age", Choices: []ingest.Choice{{Code: 1, Label: "若年"}, {Code: 2, Label: "中年"}, {Code: 3, Label: "高齢"}}}
	b := &ingest.Batch{
		Settings:   ingest.Settings{SuppressBelow: 10, ReferenceBelow: 30, Alpha: 0.05},
		Districts:  []ingest.District{{Name: "北"}, {Name: "南"}, {Name: "西"}},
		ChoiceSets: []ingest.ChoiceSet{cs, ages},
		Questions: []ingest.Question{
			{ID: "Q0", Text: "地区", Type: ingest.SA, ChoiceSet: -1, Theme: -1, Attr: ingest.AttrDistrict},
			{ID: "Q1", Text: "年代", Type: ingest.SA, ChoiceSet: 1, Theme: -1, Attr: ingest.AttrAge},
			{ID: "Q2", Text: "設問です。", Type: qt, ChoiceSet: 0, Theme: -1},
		},
		DistrictQ: 0, GenderQ: -1, AgeQ: 1,
	}
	return &fbatch{b: b}
}

// add adds n respondents of district d and age a (−1 none) answering choices.
func (f *fbatch) add(s *ingest.Survey, n, d, a int, choices ...int) {
	for range n {
		ans := make([]ingest.Answer, 3)
		if a >= 0 {
			ans[1].Choices = 1 << a
		}
		for _, c := range choices {
			ans[2].Choices |= 1 << c
		}
		s.Add(ingest.Respondent{District: d}, ans)
	}
}

// sentences returns the generated sentences of the passage at place, target, district.
func (f *fbatch) sentences(place, target, district string) []string {
	v := view.Build(analyze.Run(f.b))
	var out []string
	if p := v.Passage(place, target, district); p != nil {
		for _, s := range p.Sentences {
			out = append(out, s.Text)
		}
	}
	return out
}

func TestFindingSentences(t *testing.T) {
	check := func(t *testing.T, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	t.Run("ties", func(t *testing.T) {
		f := newFBatch(ingest.SA)
		f.add(&f.b.Current, 40, 0, -1, 0)
		f.add(&f.b.Current, 40, 1, -1, 1)
		f.add(&f.b.Current, 20, 1, -1, 2)
		got := f.sentences(analyze.PlaceQuestion, "Q2", "")
		check(t, got[:1], "「A」と「B」がともに 40.0% で最も多く、次いで「C」（20.0%）となっています。")
	})
	t.Run("all-equal", func(t *testing.T) {
		f := newFBatch(ingest.SA)
		for d := range 2 {
			for c := range 3 {
				f.add(&f.b.Current, 20, d, -1, c)
			}
		}
		check(t, f.sentences(analyze.PlaceQuestion, "Q2", ""), "「A」「B」「C」がいずれも 33.3% となっています。")
	})
	t.Run("SC composite", func(t *testing.T) {
		f := newFBatch(ingest.SC, 0, 1)
		f.add(&f.b.Current, 30, 0, -1, 0)
		f.add(&f.b.Current, 25, 1, -1, 1)
		f.add(&f.b.Current, 25, 0, -1, 2)
		f.add(&f.b.Current, 20, 1, -1)
		// The combined box first; 地区 is compared on it (北 30/55 = 54.5%, 南
		// 25/45 = 55.6%: no significant difference), never on 「A」 alone.
		check(t, f.sentences(analyze.PlaceQuestion, "Q2", ""),
			"無回答を除くと、「A」と「B」を合わせた『A（計）』は 68.8% です。",
			"「A」が 30.0% で最も多く、次いで「B」（25.0%）、「C」（25.0%）となっています。")
	})
	t.Run("SC groups on the combined box", func(t *testing.T) {
		// 若年: 5 of 40 answer A or B (12.5%); 高齢: 35 of 40 (87.5%); 全体 50.0%.
		f := newFBatch(ingest.SC, 0, 1)
		f.add(&f.b.Current, 5, 0, 0, 0)
		f.add(&f.b.Current, 35, 0, 0, 2)
		f.add(&f.b.Current, 35, 1, 2, 1)
		f.add(&f.b.Current, 5, 1, 2, 2)
		got := f.sentences(analyze.PlaceQuestion, "Q2", "")
		want := "年代別にみると、『A（計）』の割合は高齢（87.5%）で高く、若年（12.5%）で低くなっています。"
		if !slices.Contains(got, want) {
			t.Errorf("got\n%s\nwant a sentence\n%s", strings.Join(got, "\n"), want)
		}
	})
	t.Run("MA", func(t *testing.T) {
		f := newFBatch(ingest.MA)
		f.add(&f.b.Current, 30, 0, -1, 0, 1)
		f.add(&f.b.Current, 30, 1, -1, 0)
		f.add(&f.b.Current, 40, 1, -1, 2)
		// The MA note is printed as a note under the table, not as a finding.
		check(t, f.sentences(analyze.PlaceQuestion, "Q2", ""),
			"「A」が 60.0% で最も多く、次いで「C」（40.0%）、「B」（30.0%）となっています。")
	})
	change := func(baseA int) []string {
		f := newFBatch(ingest.SA)
		f.add(&f.b.Current, 60, 0, -1, 0)
		f.add(&f.b.Current, 40, 1, -1, 1)
		f.b.Baseline = &ingest.Survey{}
		f.add(f.b.Baseline, baseA, 0, -1, 0)
		f.add(f.b.Baseline, 100-baseA, 1, -1, 1)
		return f.sentences(analyze.PlaceQuestion, "Q2", "")
	}
	t.Run("significant change", func(t *testing.T) {
		check(t, change(40)[1:2], "策定時調査と比べると、「A」が 40.0% から 60.0% へ 20.0 ポイント増加、「B」が 60.0% から 40.0% へ 20.0 ポイント減少しています。")
	})
	t.Run("no marked change", func(t *testing.T) {
		check(t, change(58)[1:2], "「A」は策定時の 58.0% に対し今回 60.0% で、策定時調査からの大きな変化はみられません。")
	})
	t.Run("suppressed and 参考値 districts", func(t *testing.T) {
		f := newFBatch(ingest.SA)
		f.add(&f.b.Current, 60, 0, -1, 0)
		f.add(&f.b.Current, 60, 0, -1, 1)
		f.add(&f.b.Current, 20, 1, -1, 1) // 南: 参考値, strongly different
		f.add(&f.b.Current, 5, 2, -1, 2)  // 西: suppressed
		for _, s := range f.sentences(analyze.PlaceQuestion, "Q2", "") {
			if strings.Contains(s, "南") || strings.Contains(s, "西") {
				t.Errorf("names a suppressed or 参考値 district: %s", s)
			}
		}
		check(t, f.sentences(analyze.PlaceDistrict, "", "西"), "西の回答者は 5 人です。", "西は回答者が秘匿基準に満たないため、この地区の割合は示していません。")
		check(t, f.sentences(analyze.PlaceDistrict, "", "南"), "南の回答者は 20 人です。", "南は回答者が少ないため、この地区の割合は参考値とし、特徴は文章にしていません。")
	})
	t.Run("monotone age trend", func(t *testing.T) {
		f := newFBatch(ingest.SA)
		for a, nA := range []int{10, 20, 30} {
			f.add(&f.b.Current, nA, a%2, a, 0)
			f.add(&f.b.Current, 40-nA, a%2, a, 1)
		}
		got := f.sentences(analyze.PlaceQuestion, "Q2", "")
		if !slices.Contains(got, "年代が高いほど「A」の割合が高く、若年の 25.0% に対し、高齢では 75.0% となっています。") {
			t.Errorf("no age trend in %q", got)
		}
	})
	t.Run("district vs the rest", func(t *testing.T) {
		f := newFBatch(ingest.SA)
		f.add(&f.b.Current, 60, 0, -1, 0)
		f.add(&f.b.Current, 40, 0, -1, 1)
		f.add(&f.b.Current, 30, 1, -1, 0)
		f.add(&f.b.Current, 70, 1, -1, 1)
		got := f.sentences(analyze.PlaceDistrict, "", "北")
		check(t, got[1:2], "「設問です」で「A」と答えた人は 60.0% と、区内の他の地区（30.0%）より 30.0 ポイント高くなっています。")
	})
}
