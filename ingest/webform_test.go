package ingest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// webBatch is surveyBatch with 見出し, a 設問文 shared by Q1 and Q3 that Q3's
// 見出し resolves, and 無回答コード 99.
func webBatch() *Batch {
	b := surveyBatch()
	b.Questions[tQ1].Text = "地域活動について"
	b.Questions[tQ3].Text = "地域活動について"
	b.Questions[tQ3].Headers = []string{"満足していますか"}
	b.Questions[tQ4].Headers = []string{"あなたの年齢", "年齢（歳）"}
	b.Settings.NoAnswer = []int{99}
	return b
}

func TestHeaderIndexMatch(t *testing.T) {
	x := newHeaderIndex(webBatch().Questions)
	for _, tt := range []struct {
		h    string
		q    int
		pair []int
	}{
		{"Q2", tQ2, nil},
		{"q2", tQ2, nil},
		{"よく行く\n場所", tQ2, nil},            // 設問文, line break folded
		{"よく行く 場所", tQ2, nil},             // spaces folded
		{"ＱＵＥＳＴ", -1, nil},                // nothing
		{"満足していますか", tQ3, nil},            // 見出し
		{"年齢（歳）", tQ4, nil},               // second 見出し
		{"年齢", tQ4, nil},                  // 設問文
		{"地域活動について", -1, []int{tQ1, tQ3}}, // shared 設問文: ambiguous
		{"", -1, nil},
	} {
		q, pair := x.match(tt.h)
		if q != tt.q || !slices.Equal(pair, tt.pair) {
			t.Errorf("match(%q) = %d, %v; want %d, %v", tt.h, q, pair, tt.q, tt.pair)
		}
	}
}

func TestSplitLabels(t *testing.T) {
	set := newChoiceIndex(&ChoiceSet{Choices: []Choice{{Code: 1, Label: "見守り, 声かけ"}, {Code: 2, Label: "防災"},
		{Code: 3, Label: "見守り"}, {Code: 4, Label: "その他"}, {Code: 5, Label: "A;B"}}})
	noAns := func(v string) bool { return IsNoAnswer(v) || v == "99" }
	for _, tt := range []struct {
		v    string
		bits ChoiceBits
		left []string
	}{
		{"見守り, 声かけ, 防災", bits(0, 1), nil},
		{"見守り, 防災", bits(2, 1), nil},
		{"防災;見守り, 声かけ;", bits(1, 0), nil},
		{"1,2", bits(0, 1), nil},
		{"防災, 清掃, ごみ拾い", bits(1), []string{"清掃, ごみ拾い"}},
		{"清掃, 防災, 7", bits(1), []string{"清掃", "7"}},
		{"A;B;防災", bits(4, 1), nil},
		{"99", 0, nil},
		{"防災、無回答", bits(1), nil},
		{"", 0, nil},
		{";;", 0, nil},
	} {
		m := splitLabels(Norm(tt.v), set.lookup, noAns)
		if m.Choices != tt.bits || !slices.Equal(m.Left, tt.left) {
			t.Errorf("splitLabels(%q) = %b, %q; want %b, %q", tt.v, m.Choices, m.Left, tt.bits, tt.left)
		}
	}
}

// TestReadResponsesGoogleForms reads an export without an ID column: IDs
// from the file name and row, metadata ignored, titles and 見出し as
// headers, その他 text, 無回答コード; problems name file, row ID and cell.
func TestReadResponsesGoogleForms(t *testing.T) {
	b := webBatch()
	b.ChoiceSets[1].Choices = append(b.ChoiceSets[1].Choices, Choice{Code: 5, Label: "その他"})
	csv := "タイムスタンプ,メールアドレス,\"よく行く\n場所\",満足していますか,あなたの年齢,ご意見,お住まいの地区,Q1\n" +
		"2026/10/01 9:00:00,a@example.jp,\"買い物, 見る、聞く, 図書館\",そう思う,70,,日吉,はい\n" +
		"2026/10/01 9:05:00,b@example.jp,散歩,99,x,,箕輪,99\n"
	rd, s := readSvy(t, b, KindResponses, map[string][]byte{"web.csv": []byte(csv)}, nil)
	checkProblems(t, rd, []pk{{Error, CodeNotNumber, "responses/web.csv", "E3", 0, "Q4"}})
	if p := rd.b.Problems[0]; p.RecordID != "web.csv#3" {
		t.Errorf("problem record %q, want web.csv#3", p.RecordID)
	}
	if len(s.Respondents) != 2 || s.Respondents[0].ID != "web.csv#2" {
		t.Fatalf("respondents %+v", s.Respondents)
	}
	if a := s.Answer(tQ2, 0); a.Choices != bits(0, 3, 4) || a.Text != "図書館" {
		t.Errorf("Q2 = %+v", a)
	}
	if a := answersOf(s, 1); !a[tQ3].Empty() || !a[tQ1].Empty() {
		t.Errorf("99 not read as no answer: %+v", a)
	}
	for i := range s.Respondents {
		for _, a := range answersOf(s, i) {
			if strings.Contains(a.Text, "@") || strings.Contains(a.Text, "2026") {
				t.Errorf("metadata in an answer: %+v", a)
			}
		}
	}
}

// TestReadResponsesAmbiguousHeader checks that a header matching two
// questions is an error naming both, and that left-over MA text without an
// その他 choice is an unknown-code error with the cell.
func TestReadResponsesAmbiguousHeader(t *testing.T) {
	csv := "Timestamp,地域活動について,よく行く場所\n2026/10/01,はい,\"買い物, 図書館\"\n"
	rd, _ := readSvy(t, webBatch(), KindResponses, map[string][]byte{"web.csv": []byte(csv)}, nil)
	var got []pk
	for _, p := range problemKeys(rd) {
		if p.Code != CodeMissingQColumn {
			got = append(got, p)
		}
	}
	want := []pk{{Error, CodeAmbiguousHeader, "responses/web.csv", "B1", 0, "地域活動について"},
		{Error, CodeUnknownCode, "responses/web.csv", "C2", 0, "Q2"}}
	if !slices.Equal(got, want) {
		t.Errorf("problems\ngot  %+v\nwant %+v", got, want)
	}
	for _, p := range rd.b.Problems {
		if p.Code == CodeAmbiguousHeader && !slices.Equal(p.Args, []string{"Q1", "Q3"}) {
			t.Errorf("ambiguous header names %v, want Q1 and Q3", p.Args)
		}
		if p.Code == CodeUnknownCode && (p.Value != "図書館" || p.RecordID != "web.csv#2") {
			t.Errorf("unknown code %q of %q", p.Value, p.RecordID)
		}
	}
}

// FuzzHeaderMatch checks that header matching never panics, is stable under
// the folding it promises (spaces, line breaks, full width) and never returns
// a question and a pair at once.
func FuzzHeaderMatch(f *testing.F) {
	for _, s := range []string{"Q1", "よく行く\n場所", "地域活動について", "満足 [買い物]", "ｑ１", "\x00", "Q3[SQ001]"} {
		f.Add(s)
	}
	x := newHeaderIndex(webBatch().Questions)
	f.Fuzz(func(t *testing.T, h string) {
		q, pair := x.match(h)
		if q >= 0 && pair != nil || pair != nil && len(pair) != 2 {
			t.Fatalf("match(%q) = %d, %v", h, q, pair)
		}
		if q2, _ := x.match(" " + strings.ReplaceAll(h, " ", "\n") + "\u3000"); utf8.ValidString(h) && q2 != q {
			t.Fatalf("match(%q) = %d, folded %d", h, q, q2)
		}
		splitHeader(h)
	})
}

// FuzzSplitLabels checks that MA splitting never panics and that every
// left-over run is text of the cell.
func FuzzSplitLabels(f *testing.F) {
	for _, s := range []string{"見守り, 声かけ, 防災", "A;B;", "1,2,,3", ",;、\n", "その他, x, 7"} {
		f.Add(s)
	}
	set := newChoiceIndex(&ChoiceSet{Choices: []Choice{{Code: 1, Label: "見守り, 声かけ"}, {Code: 2, Label: "防災"},
		{Code: 3, Label: "A;B"}, {Code: 4, Label: "その他"}}})
	f.Fuzz(func(t *testing.T, v string) {
		v = Norm(v)
		m := splitLabels(v, set.lookup, IsNoAnswer)
		if len(m.Left) != len(m.Codes) {
			t.Fatalf("splitLabels(%q): %d runs, %d code flags", v, len(m.Left), len(m.Codes))
		}
		for _, s := range m.Left {
			if s == "" || !strings.Contains(v, s) {
				t.Fatalf("splitLabels(%q): left-over %q is not text of the cell", v, s)
			}
		}
	})
}

// TestReadDefinitionsWebform reads 見出し, 分析軸 and 無回答コード, and
// reports a 無回答コード that is also a choice code (性別 3 その他).
func TestReadDefinitionsWebform(t *testing.T) {
	sh := validDefSheets()
	sh[SettingsSheet.Name] = append(sh[SettingsSheet.Name], []any{"3,99", "無回答コード"}) // row 9
	q := sh[QuestionsSheet.Name]
	q[0] = append(q[0], "", "見出し") // H, I
	q[4] = []any{"Q1", "SA", "近所づきあいがありますか", "有無", "T1", "分析軸", nil, nil, "近所づきあい\nありますか"}
	rd, _ := readDefsBytes(defsXLSX(t, sh, nil))
	b := rd.b
	if !slices.Equal(b.Settings.NoAnswer, []int{3, 99}) {
		t.Errorf("無回答コード = %v", b.Settings.NoAnswer)
	}
	q1 := b.Questions[3]
	if !q1.Axis || !slices.Equal(q1.Headers, []string{"近所づきあい", "ありますか"}) {
		t.Errorf("Q1 axis %v headers %q", q1.Axis, q1.Headers)
	}
	var conflict []string
	for _, p := range b.Problems {
		if p.Code == CodeBadSetting && p.Hint == HintNoAnswerCode {
			conflict = append(conflict, p.Value+" "+p.Cell())
		} else {
			t.Errorf("unexpected %v", p)
		}
	}
	// One error per choice set that has a code 3.
	if len(conflict) == 0 || slices.ContainsFunc(conflict, func(c string) bool { return c != "3 A9" }) {
		t.Errorf("無回答コード conflicts %v, want each 3 A9", conflict)
	}
}

// TestNoAnswerCodeCategoricalOnly checks that 無回答コード is no answer in
// categorical questions only: in NUM a 99 is a real number, in FA what was written.
func TestNoAnswerCodeCategoricalOnly(t *testing.T) {
	x := newValueIndex(webBatch())
	if a, code, _ := x.parseValue(tQ1, "99"); code != "" || !a.Empty() {
		t.Errorf("SA 99 = %+v %q, want no answer", a, code)
	}
	if a, code, _ := x.parseValue(tQ4, "99"); code != "" {
		t.Errorf("NUM 99: %q", code)
	} else if n, ok := a.Number(); !ok || n != 99 {
		t.Errorf("NUM 99 = %v %v, want 99", n, ok)
	}
	if a, _, _ := x.parseValue(tQ5, "99"); a.Text != "99" {
		t.Errorf("FA 99 = %+v, want the text 99", a)
	}
}
