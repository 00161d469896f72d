package ingest

import (
	"reflect"
	"strconv"
	"testing"
)

// Question indices of surveyBatch.
const (
	tQ1 = iota // SA yn
	tQ2        // MA shop
	tQ3        // SC agree, asked when Q1=1
	tQ4        // NUM
	tQ5        // FA
	tF1        // 地区, no choice set
)

// surveyBatch returns a batch with the definitions the survey tests use:
//
//	Q1 SA  yn     1 はい (別名 有), 2 いいえ
//	Q2 MA  shop   1 買い物, 2 通院, 3 散歩 (別名 さんぽ), 4 見る、聞く
//	Q3 SC  agree  1..5 そう思う..そう思わない; 対象条件 Q1=1
//	Q4 NUM
//	Q5 FA
//	F1 地区 (no choice set): 01 日吉 (別名 日吉地区連合), 02 箕輪; town 日吉本町1丁目 → 日吉
func surveyBatch() *Batch {
	return &Batch{
		ChoiceSets: []ChoiceSet{
			{Name: "yn", Choices: []Choice{{Code: 1, Label: "はい", Aliases: []string{"有"}}, {Code: 2, Label: "いいえ"}}},
			{Name: "shop", Choices: []Choice{{Code: 1, Label: "買い物"}, {Code: 2, Label: "通院"},
				{Code: 3, Label: "散歩", Aliases: []string{"さんぽ"}}, {Code: 4, Label: "見る、聞く"}}},
			{Name: "agree", Choices: []Choice{{Code: 1, Label: "そう思う"}, {Code: 2, Label: "ややそう思う"},
				{Code: 3, Label: "どちらともいえない"}, {Code: 4, Label: "あまりそう思わない"}, {Code: 5, Label: "そう思わない"}}},
		},
		Questions: []Question{
			{ID: "Q1", Text: "地域活動に参加していますか", Type: SA, ChoiceSet: 0, Theme: -1},
			{ID: "Q2", Text: "よく行く場所", Type: MA, ChoiceSet: 1, Theme: -1},
			{ID: "Q3", Text: "満足していますか", Type: SC, ChoiceSet: 2, Theme: -1,
				Cond: []Clause{{Q: tQ1, Choices: ChoiceBits(0).With(0)}}},
			{ID: "Q4", Text: "年齢", Type: NUM, ChoiceSet: -1, Theme: -1},
			{ID: "Q5", Text: "ご意見", Type: FA, ChoiceSet: -1, Theme: -1},
			{ID: "F1", Text: "お住まいの地区", Type: SA, ChoiceSet: -1, Theme: -1, Attr: AttrDistrict},
		},
		Districts: []District{
			{Code: "01", Name: "日吉", Aliases: []string{"日吉地区連合"}},
			{Code: "02", Name: "箕輪"},
		},
		Towns:     []Town{{Name: "日吉本町1丁目", District: 0}},
		DistrictQ: tF1, GenderQ: -1, AgeQ: -1,
	}
}

func bits(idx ...int) ChoiceBits {
	var b ChoiceBits
	for _, i := range idx {
		b = b.With(i)
	}
	return b
}

func TestParseValue(t *testing.T) {
	x := newValueIndex(surveyBatch())
	tests := []struct {
		name string
		q    int
		v    string // raw cell value; Norm'd before parsing as the reader does
		want Answer
		code Code
	}{
		{"SA code", tQ1, "1", Answer{Choices: bits(0)}, ""},
		{"SA full-width code", tQ1, "１", Answer{Choices: bits(0)}, ""},
		{"SA float code", tQ1, "2.0", Answer{Choices: bits(1)}, ""},
		{"SA zero-padded code", tQ1, "02", Answer{Choices: bits(1)}, ""},
		{"SA label", tQ1, "いいえ", Answer{Choices: bits(1)}, ""},
		{"SA label with spaces", tQ1, " い いえ ", Answer{Choices: bits(1)}, ""},
		{"SA alias", tQ1, "有", Answer{Choices: bits(0)}, ""},
		{"SA unknown code", tQ1, "3", Answer{}, CodeUnknownCode},
		{"SA unknown label", tQ1, "たぶん", Answer{}, CodeUnknownCode},
		{"SA fraction", tQ1, "1.5", Answer{}, CodeUnknownCode},
		{"SA two codes", tQ1, "1,2", Answer{}, CodeMultipleValues},
		{"SA two labels", tQ1, "はい、いいえ", Answer{}, CodeMultipleValues},
		{"SA two codes newline", tQ1, "1\n2", Answer{}, CodeMultipleValues},
		{"SC code", tQ3, "5", Answer{Choices: bits(4)}, ""},
		{"SC label", tQ3, "どちらともいえない", Answer{Choices: bits(2)}, ""},
		{"MA one", tQ2, "2", Answer{Choices: bits(1)}, ""},
		{"MA comma", tQ2, "1,3", Answer{Choices: bits(0, 2)}, ""},
		{"MA ideographic comma", tQ2, "1、2", Answer{Choices: bits(0, 1)}, ""},
		{"MA semicolon", tQ2, "1;2", Answer{Choices: bits(0, 1)}, ""},
		{"MA full-width semicolon", tQ2, "1；3", Answer{Choices: bits(0, 2)}, ""},
		{"MA full-width comma", tQ2, "2，3", Answer{Choices: bits(1, 2)}, ""},
		{"MA line break", tQ2, "1\n2\r\n3", Answer{Choices: bits(0, 1, 2)}, ""},
		{"MA labels and alias", tQ2, "買い物、さんぽ", Answer{Choices: bits(0, 2)}, ""},
		{"MA label containing delimiter", tQ2, "見る、聞く", Answer{Choices: bits(3)}, ""},
		{"MA repeated code", tQ2, "1,1", Answer{Choices: bits(0)}, ""},
		{"MA unknown part", tQ2, "1,9", Answer{}, CodeUnknownCode},
		{"NUM", tQ4, "42", NumberAnswer(42), ""},
		{"NUM full-width", tQ4, "４２", NumberAnswer(42), ""},
		{"NUM thousands", tQ4, "1,234.5", NumberAnswer(1234.5), ""},
		{"NUM text", tQ4, "42歳", Answer{}, CodeNotNumber},
		{"FA keeps inner line breaks", tQ5, "  公園が\r\n欲しい ", Answer{Text: "公園が\n欲しい"}, ""},
		{"FA NFKC", tQ5, "ＡＢＣ", Answer{Text: "ABC"}, ""},
	}
	for _, v := range []string{"", " ", "無回答", "NA", "N/A", "na", "n/a", "-", "－", "ー", "不明", "　"} {
		for _, q := range []int{tQ1, tQ2, tQ3, tQ4, tQ5} {
			tests = append(tests, struct {
				name string
				q    int
				v    string
				want Answer
				code Code
			}{"no answer " + v, q, v, Answer{}, ""})
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code, _ := x.parseValue(tt.q, Norm(tt.v))
			if got != tt.want || code != tt.code {
				t.Errorf("parseValue(%s, %q) = %+v, %q; want %+v, %q", x.b.Questions[tt.q].ID, tt.v, got, code, tt.want, tt.code)
			}
		})
	}
}

// TestParseValueDigits checks one-digit values, which parseValue keeps in
// a table once parsed: each is parsed twice (the second time from the
// table), against values worked out from surveyBatch and against
// parseValueRef for every question and digit.
func TestParseValueDigits(t *testing.T) {
	b := surveyBatch()
	b.Settings.NoAnswer = []int{9}
	x := newValueIndex(b)
	for _, tt := range []struct {
		q    int
		v    string
		want Answer
		code Code
	}{
		{tQ1, "1", Answer{Choices: bits(0)}, ""},
		{tQ1, "2", Answer{Choices: bits(1)}, ""},
		{tQ1, "3", Answer{}, CodeUnknownCode},
		{tQ1, "9", Answer{}, ""}, // 無回答コード
		{tQ2, "4", Answer{Choices: bits(3)}, ""},
		{tQ2, "0", Answer{}, CodeUnknownCode},
		{tQ3, "5", Answer{Choices: bits(4)}, ""},
		{tQ4, "7", NumberAnswer(7), ""},
		{tQ4, "0", NumberAnswer(0), ""},
		{tQ5, "7", Answer{Text: "7"}, ""},
	} {
		for range 2 {
			if got, code, _ := x.parseValue(tt.q, tt.v); got != tt.want || code != tt.code {
				t.Errorf("parseValue(%s, %q) = %+v, %q; want %+v, %q", b.Questions[tt.q].ID, tt.v, got, code, tt.want, tt.code)
			}
		}
	}
	for q := range b.Questions {
		if q == x.distQ {
			continue
		}
		for d := range 10 {
			v := strconv.Itoa(d)
			for range 2 {
				a, code, bad := x.parseValue(q, v)
				wa, wcode, wbad := x.parseValueRef(q, v)
				if !reflect.DeepEqual(a, wa) || code != wcode || bad != wbad {
					t.Errorf("parseValue(%d, %q) = %+v %s %q; parseValueRef %+v %s %q", q, v, a, code, bad, wa, wcode, wbad)
				}
			}
		}
	}
}

func TestParseMark(t *testing.T) {
	tests := []struct {
		v          string
		chosen, ok bool
	}{
		{"1", true, true}, {"１", true, true}, {"1.0", true, true}, {"○", true, true}, {"〇", true, true},
		{"●", true, true}, {"✓", true, true}, {"✔", true, true}, {"TRUE", true, true}, {"true", true, true},
		{"0", false, true}, {"", false, true}, {"FALSE", false, true}, {"false", false, true},
		{"無回答", false, true}, {"-", false, true}, {"NA", false, true},
		{"2", false, false}, {"×", false, false}, {"はい", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.v, func(t *testing.T) {
			chosen, ok := parseMark(Norm(tt.v))
			if chosen != tt.chosen || ok != tt.ok {
				t.Errorf("parseMark(%q) = %v, %v; want %v, %v", tt.v, chosen, ok, tt.chosen, tt.ok)
			}
		})
	}
}

func TestParseDistrict(t *testing.T) {
	plain := newValueIndex(surveyBatch())
	// With a choice set: F1 codes 1 日吉, 2 箕輪 (labels are district names).
	b := surveyBatch()
	b.ChoiceSets = append(b.ChoiceSets, ChoiceSet{Name: "area", Choices: []Choice{{Code: 1, Label: "日吉"}, {Code: 2, Label: "箕輪"}}})
	b.Questions[tF1].ChoiceSet = len(b.ChoiceSets) - 1
	coded := newValueIndex(b)

	tests := []struct {
		name string
		x    *valueIndex
		v    string
		d    int
		a    Answer
		code Code
	}{
		{"name", plain, "日吉", 0, Answer{Text: "日吉"}, ""},
		{"code", plain, "02", 1, Answer{Text: "箕輪"}, ""},
		{"code without zero", plain, "2", 1, Answer{Text: "箕輪"}, ""},
		{"alias", plain, "日吉地区連合", 0, Answer{Text: "日吉"}, ""},
		{"town full-width digit", plain, "日吉本町１丁目", 0, Answer{Text: "日吉"}, ""},
		{"spaces", plain, " 箕 輪 ", 1, Answer{Text: "箕輪"}, ""},
		{"blank", plain, "", NoDistrict, Answer{}, ""},
		{"no answer", plain, "無回答", NoDistrict, Answer{}, ""},
		{"unknown", plain, "綱島", NoDistrict, Answer{}, CodeUnknownDist},
		{"choice code", coded, "2", 1, Answer{Choices: bits(1)}, ""},
		{"choice label", coded, "日吉", 0, Answer{Choices: bits(0)}, ""},
		{"alias of choice label", coded, "日吉地区連合", 0, Answer{Choices: bits(0)}, ""},
		{"unknown choice", coded, "9", NoDistrict, Answer{}, CodeUnknownDist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, a, code := tt.x.parseDistrict(Norm(tt.v))
			if d != tt.d || a != tt.a || code != tt.code {
				t.Errorf("parseDistrict(%q) = %d, %+v, %q; want %d, %+v, %q", tt.v, d, a, code, tt.d, tt.a, tt.code)
			}
		})
	}
}

func TestMatchDistrict(t *testing.T) {
	rd := &reader{b: surveyBatch()}
	for v, want := range map[string]int{"日吉": 0, "箕輪": 1, "01": 0, "日吉本町1丁目": 0} {
		if d, ok := rd.matchDistrict(v); !ok || d != want {
			t.Errorf("matchDistrict(%q) = %d, %v; want %d", v, d, ok, want)
		}
	}
	if _, ok := rd.matchDistrict("綱島"); ok {
		t.Errorf("matchDistrict(綱島) matched")
	}
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"1", "１", "1.0", "はい", "1,2", "買い物、さんぽ", "42", "無回答", "日吉本町１丁目", "1e308", "\xff"} {
		f.Add(s)
	}
	x := newValueIndex(surveyBatch())
	slow := newValueIndex(surveyBatch())
	slow.slowMA = true
	// comma: Q2's set with a label holding a comma (commaKey), compared
	// with parseValueRef alone.
	cb := surveyBatch()
	cb.ChoiceSets[1].Choices = append(cb.ChoiceSets[1].Choices, Choice{Code: 9, Label: "1,2"}, Choice{Code: 10, Label: "その他"})
	comma := newValueIndex(cb)
	f.Fuzz(func(t *testing.T, v string) {
		v = Norm(v)
		for q := range comma.b.Questions {
			if q != comma.distQ {
				a, code, bad := comma.parseValue(q, v)
				wa, wcode, wbad := comma.parseValueRef(q, v)
				if !reflect.DeepEqual(a, wa) || code != wcode || bad != wbad {
					t.Fatalf("comma set: parseValue(%d, %q) = %+v %s %q; parseValueRef %+v %s %q", q, v, a, code, bad, wa, wcode, wbad)
				}
			}
		}
		for q := range x.b.Questions {
			if q != x.distQ {
				a, code, bad := x.parseValue(q, v)
				wa, wcode, wbad := slow.parseValue(q, v)
				if !reflect.DeepEqual(a, wa) || code != wcode || bad != wbad {
					t.Fatalf("parseValue(%d, %q) = %+v %s %q; without parseCodeList %+v %s %q", q, v, a, code, bad, wa, wcode, wbad)
				}
				wa, wcode, wbad = slow.parseValueRef(q, v)
				if !reflect.DeepEqual(a, wa) || code != wcode || bad != wbad {
					t.Fatalf("parseValue(%d, %q) = %+v %s %q; parseValueRef %+v %s %q", q, v, a, code, bad, wa, wcode, wbad)
				}
			}
			if q == x.distQ {
				d, a, code := x.parseDistrict(v)
				if code != "" && (d != NoDistrict || !a.Empty()) {
					t.Fatalf("parseDistrict(%q) = %d, %+v with %s", v, d, a, code)
				}
				continue
			}
			a, code, _ := x.parseValue(q, v)
			if code != "" && !a.Empty() {
				t.Fatalf("parseValue(%d, %q) = %+v with %s", q, v, a, code)
			}
		}
		parseMark(v)
		for _, w := range []string{v, "日吉", v} {
			d, ok := x.matchDist(w)
			wd, wok := x.dist.match(w)
			if d != wd || ok != wok {
				t.Fatalf("matchDist(%q) = %d, %v; match %d, %v", w, d, ok, wd, wok)
			}
		}
	})
}

// TestParseCodeList compares parseMA with and without parseCodeList on code
// lists of the MA questions of the survey batch, and on a set whose label
// holds a comma (where parseCodeList must not be used).
func TestParseCodeList(t *testing.T) {
	b := surveyBatch()
	b.ChoiceSets = append(b.ChoiceSets, ChoiceSet{Name: "comma", Choices: []Choice{{Code: 1, Label: "1,2"}, {Code: 2, Label: "b"}, {Code: 3, Label: "その他"}}})
	x, slow := newValueIndex(b), newValueIndex(b)
	slow.slowMA = true
	if !x.sets[len(b.ChoiceSets)-1].commaKey {
		t.Fatal("commaKey not set")
	}
	vals := []string{"", ",", "1", "1,2", "2,1", "1,,3", ",1,", "0", "00", "01,02", "99", "1,99,2", "1234567890", "123456789", "1,2,3,4,5,6,7,8,9,10", "9,1"}
	for i := range 300 {
		v := ""
		for j := range i%6 + 1 {
			if j > 0 {
				v += ","
			}
			v += strconv.Itoa((i*7 + j*13) % 15)
		}
		vals = append(vals, v)
	}
	for cs := range x.sets {
		for _, v := range vals {
			a, code, bad := x.parseMA(&x.sets[cs], v)
			wa, wcode, wbad := slow.parseMA(&slow.sets[cs], v)
			if !reflect.DeepEqual(a, wa) || code != wcode || bad != wbad {
				t.Errorf("set %d, %q: %+v %s %q; without parseCodeList %+v %s %q", cs, v, a, code, bad, wa, wcode, wbad)
			}
		}
	}
}

// parseValueRef is parseValue as it was before a value was parsed as a code
// once (issue 29): no answer and the choice found by isNoAnswer and lookup,
// free text interned without the cache. FuzzParseValue compares the two.
func (x *valueIndex) parseValueRef(q int, v string) (a Answer, code Code, bad string) {
	if IsNoAnswer(v) {
		return Answer{}, "", ""
	}
	switch t := x.b.Questions[q].Type; t {
	case NUM:
		f, ok := ParseNumber(v)
		if !ok {
			return Answer{}, CodeNotNumber, v
		}
		return NumberAnswer(f), "", ""
	case FA:
		return Answer{Text: normText(v)}, "", ""
	case SA, SC, MA:
		if x.isNoAnswer(v) {
			return Answer{}, "", ""
		}
		set := x.set(q)
		if set == nil {
			return Answer{}, "", ""
		}
		if i, ok := set.lookup(v); ok {
			return Answer{Choices: ChoiceBits(0).With(i)}, "", ""
		}
		if t != MA {
			if len(SplitList(v)) > 1 {
				return Answer{}, CodeMultipleValues, v
			}
			return Answer{}, CodeUnknownCode, v
		}
		return x.parseMA(set, v)
	}
	return Answer{}, "", ""
}

// TestNormTextCache checks that the cache of valueIndex.normText returns
// what normText does, on texts that share slots.
func TestNormTextCache(t *testing.T) {
	x := newValueIndex(surveyBatch())
	for i := range 20000 {
		v := strconv.Itoa(i % 3001)
		if i%7 == 0 {
			v += "\r\nline"
		}
		if got, want := x.normText(v), normText(v); got != want {
			t.Fatalf("normText(%q) = %q, want %q", v, got, want)
		}
	}
	if got := x.normText(""); got != "" {
		t.Errorf("normText(\"\") = %q", got)
	}
}
