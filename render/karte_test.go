package render

import (
	"slices"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/render/view"
)

// TestKarteSentenceMatchesTable: every カルテ sentence comparing a district
// with the rest of the ward (higher/lower) states, for a question with a row
// in the district's 主な結果 table, that row's measure, its printed district
// and rest figures and its printed difference, in the right direction; and a
// combined box (（計）) is only ever stated from such a row. (The demo's 綱島
// and 師岡 printed the unfavourable box of Q1 under the favourable box's
// name, the reverse of their own table.) Over every district × question of
// the demo and the testdata batches.
func TestKarteSentenceMatchesTable(t *testing.T) {
	checked := 0
	for _, nv := range publicViews(t) {
		v := nv.v
		for _, d := range v.Districts {
			p := v.Passage(analyze.PlaceDistrict, "", d)
			if p == nil {
				continue
			}
			for _, s := range p.Sentences {
				if s.Rule != analyze.RuleHigher && s.Rule != analyze.RuleLower {
					continue
				}
				qid, _, _ := strings.Cut(s.Basis, " ")
				var row *view.TopRow
				for i := range v.DistrictTops[d] {
					if r := &v.DistrictTops[d][i]; r.QuestionID == qid {
						row = r
					}
				}
				where := nv.name + " " + d + " " + qid + ": " + s.Text
				if row == nil {
					if strings.Contains(s.Text, "（計）") {
						t.Errorf("%s: a combined box with no row in the 主な結果 table", where)
					}
					// The demo's Q5 is an ordered list (利用したことがある …
					// 知らない): its middle answer is never compared alone;
					// Q3 was asked of a subset (Q2), which its sentence says.
					if nv.name == "demo" && strings.Contains(s.Text, "「名前は聞いたことがある」") {
						t.Errorf("%s: a middle answer compared alone", where)
					}
					if nv.name == "demo" && qid == "Q3" && !strings.Contains(s.Text, "対象となった人のうち") {
						t.Errorf("%s: the base of a subset question is not named", where)
					}
					continue
				}
				checked++
				label := "「" + row.Label + "」"
				if strings.HasSuffix(row.Label, "（計）") {
					label = "『" + row.Label + "』"
				}
				dir := "高く"
				if strings.HasPrefix(row.RestDiff.Text, "-") || strings.HasPrefix(row.RestDiff.Text, "−") {
					dir = "低く"
				}
				pt := strings.TrimLeft(row.RestDiff.Text, "+-−")
				for _, want := range []string{label, " " + row.District.Text + "% と", "（" + row.Rest.Text + "%）",
					" " + pt + " ポイント" + dir} {
					if !strings.Contains(s.Text, want) {
						t.Errorf("%s: want %q (table: %s %s%% against %s%%, %s)", where, want, row.Label,
							row.District.Text, row.Rest.Text, row.RestDiff.Text)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no カルテ sentence on a 主な結果 row checked")
	}
}

// TestSummedNoteUnderQuestion: a question whose sentences state a figure
// that adds up several answers (an indicator of codes 1;2 such as the demo's
// Q6, or a （計）) is explained by 報告書の見方, whose note names both (the
// demo's Q6 printed 42.6% for 城郷 beside 13.7 + 29.0 with no note), and the
// question does not repeat it: reader review 5 found the note under every
// such question, over charts and tables that print no (計).
func TestSummedNoteUnderQuestion(t *testing.T) {
	v := demoView(t)
	want := map[string]bool{}
	for _, q := range v.Questions {
		if v.Passage(analyze.PlaceQuestion, q.ID, "").Summed() {
			want[q.ID] = true
		}
	}
	if !want["Q6"] || !want["Q7"] || want["Q2"] {
		t.Errorf("summed passages %v, want Q6 and Q7 and not Q2", want)
	}
	cur := ""
	for _, m := range []view.Medium{view.Print, view.Web} {
		for _, b := range flatBlocks(view.WardReport(v), m) {
			switch b := b.(type) {
			case view.Heading:
				cur, _, _ = strings.Cut(b.Text, " ")
				cur, _, _ = strings.Cut(cur, "　")
			case view.Note:
				if strings.Contains(b.Text, view.ComputedBoxNote) {
					t.Errorf("medium %d: %s repeats 「%s」 under the question", m, cur, view.ComputedBoxNote)
				}
			}
		}
		if !slices.Contains(view.GuideItems(v, nil, m), view.ComputedBoxNote) {
			t.Errorf("medium %d: 報告書の見方 does not say %q", m, view.ComputedBoxNote)
		}
	}
	for _, w := range []string{"（計）", "複数の選択肢を合わせた指標"} {
		if !strings.Contains(view.ComputedBoxNote, w) {
			t.Errorf("%q does not explain %s", view.ComputedBoxNote, w)
		}
	}
}

// TestKarteFactsOnce: a page that states a district's n, response rate (and
// margin) in its header line does not repeat them as sentences below it (the
// demo's カルテ printed 「有効回答数 177人 回収率 39.7% … 誤差 最大±7.4ポイント」
// and then 「菊名の回答者は 177 人で、回収率は 39.7% です。」 and the margin
// sentence; 地区別のまとめ printed 配布数・有効回答数・回収率 and the same
// sentence).
func TestKarteFactsOnce(t *testing.T) {
	v := demoView(t)
	check := func(where string, bs []view.Block, m view.Medium) {
		header, lines := "", []string{}
		for _, b := range flatBlocks(bs, m) {
			switch b := b.(type) {
			case view.Para:
				if strings.Contains(b.Text, "有効回答数") {
					header += b.Text
				}
			case view.Finding:
				lines = append(lines, b.Lines...)
			}
		}
		if header == "" {
			t.Errorf("%s: no header line", where)
		}
		for _, l := range lines {
			if strings.Contains(header, "回収率") && strings.Contains(l, "の回答者は") {
				t.Errorf("%s: %q repeats the header %q", where, l, header)
			}
			if strings.Contains(header, "誤差") && strings.Contains(l, "割合の誤差は") {
				t.Errorf("%s: %q repeats the header %q", where, l, header)
			}
		}
	}
	for _, d := range v.Districts {
		for _, m := range []view.Medium{view.Print, view.Web} {
			bs := view.DistrictReport(v, d)
			if m == view.Web {
				bs = view.WebReport(v, d)
			}
			check(d, bs, m)
		}
	}
	check("ward report", view.WardReport(v), view.Print)
}

// TestWordingRound2: the reader's wording items. A whole median is printed
// whole (「中央値は 0回」, not 「0.0回」); a box whose answers are too long to
// name it is called by the indicator on exactly its answers (the demo's Q1:
// not 『肯定的な回答（計）』, which reads oddly for 近所付き合い); no sentence
// says 「（計）』の人は」; a heading counts 「0件」, never the tables' 「－」.
func TestWordingRound2(t *testing.T) {
	for _, nv := range publicViews(t) {
		v := nv.v
		for _, p := range v.Passages {
			for _, l := range p.Lines {
				if strings.Contains(l, "（計）』の人") || strings.Contains(l, ".0回") {
					t.Errorf("%s %s %s: %q", nv.name, p.Target, p.District, l)
				}
				if nv.name == "demo" && strings.Contains(l, "肯定的な回答（計）") {
					t.Errorf("demo %s %s: %q names the box 肯定的な回答", p.Target, p.District, l)
				}
			}
		}
		for _, b := range flatBlocks(view.WardReport(v), view.Print) {
			if h, ok := b.(view.Heading); ok && strings.Contains(h.Text, "（－件）") {
				t.Errorf("%s: heading %q", nv.name, h.Text)
			}
			if s, ok := b.(view.Subsection); ok && strings.Contains(s.Title, "（－件）") {
				t.Errorf("%s: heading %q", nv.name, s.Title)
			}
		}
	}
	v := demoView(t)
	lines := strings.Join(v.PassageLines(analyze.PlaceQuestion, "Q10", ""), "")
	if !strings.Contains(lines, "中央値は 0回") {
		t.Errorf("demo Q10: %q, want 中央値は 0回", lines)
	}
	lines = strings.Join(v.PassageLines(analyze.PlaceQuestion, "Q1", ""), "")
	if !strings.Contains(lines, "を合わせた「近所で立ち話以上の付き合いがある人の割合」は") {
		t.Errorf("demo Q1: %q, want the box named by its indicator", lines)
	}
}
