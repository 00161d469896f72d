package ingest

import (
	"hash/maphash"
	"strings"
	"unique"
)

// textKey is the key under which labels, aliases, district names and towns are
// compared: NormKey (NFKC, no spaces) with ASCII letters folded to lower case.
func textKey(v string) string { return strings.ToLower(NormKey(v)) }

// A choiceIndex finds a choice of one choice set by code, label or alias.
type choiceIndex struct {
	byCode map[int]int    // コード → choice index
	byText map[string]int // textKey(ラベル or 別名) → choice index
	other  int            // the choice labelled その他, or -1
	// commaKey: a label or alias holds a comma (see parseCodeList)
	commaKey bool
	// small is byCode for codes below smallCodes, as index+1 (0: none):
	// every categorical value is looked up, and an array is faster than a map.
	small [smallCodes]int32
}

// smallCodes bounds the codes looked up in an array rather than a map.
const smallCodes = 64

// otherLabel is the label of the choice that takes left-over MA text.
const otherLabel = "その他"

func newChoiceIndex(cs *ChoiceSet) choiceIndex {
	x := choiceIndex{byCode: make(map[int]int, len(cs.Choices)), byText: make(map[string]int, 2*len(cs.Choices)), other: -1}
	for i, c := range cs.Choices {
		if _, dup := x.byCode[c.Code]; !dup {
			x.byCode[c.Code] = i
			if c.Code >= 0 && c.Code < smallCodes {
				x.small[c.Code] = int32(i) + 1
			}
		}
	}
	// Note: labels first, then aliases, so that an alias never shadows a label.
	for i, c := range cs.Choices {
		if x.other < 0 && textKey(c.Label) == otherLabel {
			x.other = i
		}
		if k := textKey(c.Label); k != "" {
			if _, dup := x.byText[k]; !dup {
				x.byText[k] = i
			}
		}
	}
	for i, c := range cs.Choices {
		for _, a := range c.Aliases {
			if k := textKey(a); k != "" {
				if _, dup := x.byText[k]; !dup {
					x.byText[k] = i
				}
			}
		}
	}
	for k := range x.byText {
		x.commaKey = x.commaKey || strings.IndexByte(k, ',') >= 0
	}
	return x
}

// lookup returns the choice index of the normalized value v: a code (`1`, `1.0`,
// `01`) or a label or alias.
func (x *choiceIndex) lookup(v string) (int, bool) {
	c, ok := ParseCode(v)
	return x.lookupCode(c, ok, v)
}

// lookupCode is lookup for a value v already parsed: ParseCode(v) is c, isCode.
func (x *choiceIndex) lookupCode(c int, isCode bool, v string) (int, bool) {
	if isCode {
		if c >= 0 && c < smallCodes {
			if i := x.small[c]; i > 0 {
				return int(i - 1), true
			}
		} else if i, ok := x.byCode[c]; ok {
			return i, true
		}
	}
	i, ok := x.byText[textKey(v)]
	return i, ok
}

// A districtIndex matches survey and hearing values to districts.
type districtIndex struct {
	byText map[string]int // textKey(地区名, 地区コード, 別名, 町名) → district
	byCode map[int]int    // numeric 地区コード, so `01` and `1` match
	// names lists 地区名, 別名 and 町名 as written, in the order above: the
	// candidates of a suggestion (suggest).
	names []string
	sug   *suggester // built on the first suggestion
}

// newDistrictIndex indexes the districts and towns of b. When two districts
// claim the same spelling, names win over codes, codes over aliases, aliases
// over towns, and otherwise the first in sheet order.
func newDistrictIndex(b *Batch) *districtIndex {
	x := &districtIndex{byText: make(map[string]int), byCode: make(map[int]int)}
	put := func(s string, d int) {
		if k := textKey(s); k != "" {
			if _, dup := x.byText[k]; !dup {
				x.byText[k] = d
			}
		}
	}
	for i, d := range b.Districts {
		put(d.Name, i)
		x.names = append(x.names, d.Name)
	}
	for i, d := range b.Districts {
		put(d.Code, i)
		if c, ok := ParseCode(Norm(d.Code)); ok {
			if _, dup := x.byCode[c]; !dup {
				x.byCode[c] = i
			}
		}
	}
	for i, d := range b.Districts {
		for _, a := range d.Aliases {
			put(a, i)
			x.names = append(x.names, a)
		}
	}
	for _, t := range b.Towns {
		if t.District >= 0 && t.District < len(b.Districts) {
			put(t.Name, t.District)
			x.names = append(x.names, t.Name)
		}
	}
	return x
}

// suggest returns the hint for a district value v that matched nothing: the
// nearest 地区名, 別名 or 町名 (variant characters such as 曾/曽 folded, then
// edit distance), or no hint.
func (x *districtIndex) suggest(v string) (Hint, []string) {
	if x.sug == nil {
		x.sug = newSuggester(x.names)
	}
	if near := x.sug.nearest(v); near != "" {
		return HintDidYouMean, []string{near}
	}
	return "", nil
}

// suggestDistrict is suggest for a reader without an index at hand (hearings,
// sheet 取組). The index is built once: the districts are read by then.
func (rd *reader) suggestDistrict(v string) (Hint, []string) {
	if rd.distSug == nil {
		rd.distSug = newDistrictIndex(rd.b)
	}
	return rd.distSug.suggest(v)
}

// match returns the district of value v (any spelling; it is normalized here).
func (x *districtIndex) match(v string) (int, bool) {
	if d, ok := x.byText[textKey(v)]; ok {
		return d, true
	}
	if c, ok := ParseCode(Norm(v)); ok {
		d, ok := x.byCode[c]
		return d, ok
	}
	return NoDistrict, false
}

// matchDistrict returns the district whose 地区名, 地区コード, 別名 or 町名 (a
// town maps to its district) equals v after normalization, and reports whether
// one does. The hearings reader calls it for 活動地区.
// Note: it indexes the districts on every call (a few hundred strings), which is
// cheap for hearings; the survey reader keeps one index for all its rows.
func (rd *reader) matchDistrict(v string) (int, bool) {
	return newDistrictIndex(rd.b).match(v)
}

// A valueIndex parses cell values against one batch's definitions. It is built
// once per survey read.
type valueIndex struct {
	b          *Batch
	sets       []choiceIndex // by choice set
	dist       *districtIndex
	distQ      int               // the 地区 question, or -1
	distC      []int             // district of each choice of the 地区 question's choice set, or -1
	noAns      map[int]bool      // 無回答コード
	noAnsSmall [smallCodes]bool  // noAns below smallCodes
	slowMA     bool              // no parseCodeList: set by tests
	texts      [1 << 15]string   // interned texts by hash (normText)
	interned   map[string]string // every text interned (normText)
	dists      [256]distMatch    // districts matched, by hash (matchDist)
	digits     [][10]parsed      // parseValue of each question's one-digit values, once parsed
}

// A parsed is the result of parseValue, kept for a value parsed again.
type parsed struct {
	a    Answer
	code Code
	bad  string
	set  bool
}

// A distMatch is a value of the 地区 question and its district.
type distMatch struct {
	v   string
	d   int
	ok  bool
	set bool // v was matched (v "" is a value too)
}

// matchDist is x.dist.match(v) through a cache of the values matched last.
// Note: matching normalizes v again (textKey), a tenth of the reader's time
// on the 100k scale batch; a file spells its districts a few ways.
func (x *valueIndex) matchDist(v string) (int, bool) {
	e := &x.dists[maphash.String(textSeed, v)%uint64(len(x.dists))]
	if e.set && e.v == v {
		return e.d, e.ok
	}
	d, ok := x.dist.match(v)
	// Note: v may be a substring of a whole batch of rows (prefetch.go).
	*e = distMatch{v: strings.Clone(v), d: d, ok: ok, set: true}
	return d, ok
}

func newValueIndex(b *Batch) *valueIndex {
	x := &valueIndex{b: b, sets: make([]choiceIndex, len(b.ChoiceSets)), dist: newDistrictIndex(b), distQ: -1,
		noAns: make(map[int]bool, len(b.Settings.NoAnswer)), digits: make([][10]parsed, len(b.Questions)),
		interned: map[string]string{}}
	for _, c := range b.Settings.NoAnswer {
		x.noAns[c] = true
		if c >= 0 && c < smallCodes {
			x.noAnsSmall[c] = true
		}
	}
	for i := range b.ChoiceSets {
		x.sets[i] = newChoiceIndex(&b.ChoiceSets[i])
	}
	if q := b.DistrictQ; q >= 0 && q < len(b.Questions) {
		x.distQ = q
		if cs := b.Questions[q].ChoiceSet; cs >= 0 && cs < len(b.ChoiceSets) {
			for _, c := range b.ChoiceSets[cs].Choices {
				d, ok := x.dist.match(c.Label)
				for j := 0; !ok && j < len(c.Aliases); j++ {
					d, ok = x.dist.match(c.Aliases[j])
				}
				if !ok {
					d = NoDistrict
				}
				x.distC = append(x.distC, d)
			}
		}
	}
	return x
}

// isNoAnswer reports whether the normalized value v of a categorical question
// means no answer: a spelling of 無回答 or a 無回答コード.
func (x *valueIndex) isNoAnswer(v string) bool {
	if IsNoAnswer(v) {
		return true
	}
	c, ok := ParseCode(v)
	if !ok {
		return false
	}
	if c >= 0 && c < smallCodes {
		return x.noAnsSmall[c]
	}
	return x.noAns[c]
}

// set returns the choice index of question q, or nil when q has no choice set.
func (x *valueIndex) set(q int) *choiceIndex {
	cs := x.b.Questions[q].ChoiceSet
	if cs < 0 || cs >= len(x.sets) {
		return nil
	}
	return &x.sets[cs]
}

// parseValue parses the normalized value v of question q's column (not the 地区
// question: see parseDistrict). A problem is returned as its code with the
// offending value; the answer is then no answer.
//
// Note: a categorical value is parsed as a code once (ParseCode), for the
// 無回答コード and the choice alike, rather than by isNoAnswer and lookup
// each; FuzzParseValue compares it with parseValueRef in values_test.go.
// A value of one digit (most answers of a survey are a code) is parsed once
// per question and then taken from a table (x.digits): what parseValue
// returns depends only on the question and the value.
func (x *valueIndex) parseValue(q int, v string) (a Answer, code Code, bad string) {
	if len(v) == 1 && v[0]-'0' < 10 && q < len(x.digits) {
		p := &x.digits[q][v[0]-'0']
		if !p.set {
			p.a, p.code, p.bad = x.parseValueOf(q, v)
			p.set = true
		}
		return p.a, p.code, p.bad
	}
	return x.parseValueOf(q, v)
}

// parseValueOf is parseValue without the table of one-digit values.
func (x *valueIndex) parseValueOf(q int, v string) (a Answer, code Code, bad string) {
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
		return Answer{Text: x.normText(v)}, "", ""
	case SA, SC, MA:
		c, isCode := ParseCode(v)
		if isCode {
			if c >= 0 && c < smallCodes {
				if x.noAnsSmall[c] {
					return Answer{}, "", ""
				}
			} else if x.noAns[c] {
				return Answer{}, "", ""
			}
		}
		set := x.set(q)
		if set == nil {
			// Note: a categorical question without a usable choice set is a
			// definitions error, reported there; its answers cannot be read.
			return Answer{}, "", ""
		}
		// Note: the whole value is tried first so that a label containing a
		// delimiter (`はい、よく知っている`) is not split. A value with a
		// comma (`1,4,7`) is neither a code nor, when no label or alias
		// holds one (commaKey), a label: it is not looked up.
		if set.commaKey || strings.IndexByte(v, ',') < 0 {
			if i, ok := set.lookupCode(c, isCode, v); ok {
				return Answer{Choices: ChoiceBits(0).With(i)}, "", ""
			}
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

// parseMA parses the normalized value v of an MA column: codes, labels or
// aliases joined by separators (splitLabels). Left-over text counts as the
// choice その他 and is kept as the answer's Text when the set has that choice;
// otherwise, and always for a left-over code, it is CodeUnknownCode.
func (x *valueIndex) parseMA(set *choiceIndex, v string) (a Answer, code Code, bad string) {
	if !set.commaKey && !x.slowMA {
		if a, code, bad, ok := x.parseCodeList(set, v); ok {
			return a, code, bad
		}
	}
	m := splitLabels(v, set.lookup, x.isNoAnswer)
	var other []string
	for i, s := range m.Left {
		if m.Codes[i] || set.other < 0 {
			return Answer{}, CodeUnknownCode, s
		}
		other = append(other, s)
	}
	a.Choices = m.Choices
	if len(other) > 0 {
		a.Choices = a.Choices.With(set.other)
		a.Text = x.normText(strings.Join(other, "、"))
	}
	return a, "", ""
}

// parseCodeList is parseMA for a value of codes of up to 9 digits joined by
// commas (`1,4,7`, the commonest MA cell), without splitLabels' search for
// the longest label: it reports false for any other value. The result is
// splitLabels' whenever no label or alias of the set holds a comma
// (set.commaKey; TestParseCodeList): then no run of two or more pieces can be
// a code, a label or an alias, so each piece is read alone, and a piece that
// matches nothing is a code, which parseMA refuses.
func (x *valueIndex) parseCodeList(set *choiceIndex, v string) (a Answer, code Code, bad string, ok bool) {
	if v == "" {
		return Answer{}, "", "", false
	}
	n := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			if n++; n > 9 {
				return Answer{}, "", "", false
			}
		case c == ',':
			n = 0
		default:
			return Answer{}, "", "", false
		}
	}
	for start := 0; start < len(v); {
		end := start
		for end < len(v) && v[end] != ',' {
			end++
		}
		if p := v[start:end]; p != "" && !x.isNoAnswer(p) {
			c, found := set.lookup(p)
			if !found {
				return Answer{}, CodeUnknownCode, p, true
			}
			a.Choices = a.Choices.With(c)
		}
		start = end + 1
	}
	return a, "", "", true
}

// parseDistrict parses the normalized value v of the 地区 question: a district
// name, code, alias or town, or (when the question has a choice set) a choice
// whose label is a district. Blank is 地区不明 without a problem; a value that
// matches nothing is CodeUnknownDist. The answer holds the choice (with a
// choice set) or the district's name.
func (x *valueIndex) parseDistrict(v string) (d int, a Answer, code Code) {
	if x.isNoAnswer(v) {
		return NoDistrict, Answer{}, ""
	}
	if set := x.set(x.distQ); set != nil {
		i, ok := set.lookup(v)
		if !ok {
			// A district spelled out instead of its code: find its choice.
			if d, found := x.matchDist(v); found {
				for j, dj := range x.distC {
					if dj == d {
						i, ok = j, true
						break
					}
				}
			}
		}
		if !ok || x.distC[i] == NoDistrict {
			return NoDistrict, Answer{}, CodeUnknownDist
		}
		return x.distC[i], Answer{Choices: ChoiceBits(0).With(i)}, ""
	}
	d, ok := x.matchDist(v)
	if !ok {
		return NoDistrict, Answer{}, CodeUnknownDist
	}
	return d, Answer{Text: x.b.Districts[d].Name}, ""
}

// parseMark parses the normalized value of a split MA column (`Q3_1`): it
// reports whether the choice is marked, and false ok for an unknown mark.
func parseMark(v string) (chosen, ok bool) {
	switch v {
	case "1", "○", "〇", "◯", "●", "✓", "✔":
		return true, true
	case "0", "N", "n":
		return false, true
	case "Y", "y":
		// LimeSurvey marks a chosen subquestion Y.
		return true, true
	}
	if IsNoAnswer(v) {
		return false, true
	}
	switch strings.ToLower(v) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	if c, isCode := ParseCode(v); isCode && (c == 0 || c == 1) {
		return c == 1, true
	}
	return false, false
}

// normText returns a normalized free-text answer with its inner line breaks
// kept as "\n".
//
// Note: the text is interned (package unique): identical answers (なし,
// 特になし, a form's stock phrase) then share one string, which a million
// respondents' free text needs to stay within the memory goal.
func normText(v string) string {
	if strings.IndexByte(v, '\r') >= 0 {
		v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
	}
	return unique.Make(v).Value()
}

// normText is normText through a cache of the texts this index interned last.
// Note: unique.Make was a quarter of the reader's time on the free text of
// the 100k scale batch; a survey's texts repeat (stock phrases, なし), and a
// hash and a comparison find most of them here. Behind the cache, a text
// is interned in the index's own map (x.interned) rather than by
// unique.Make: each new text cost unique.Make a weak pointer, whose
// registration walks the span's specials (17,000 texts, about 0.1 s per
// read of the 100k scale batch). Identical texts of one survey still share
// one string; what it returns equals what normText would.
func (x *valueIndex) normText(v string) string {
	if strings.IndexByte(v, '\r') >= 0 {
		return normText(v)
	}
	e := &x.texts[maphash.String(textSeed, v)%uint64(len(x.texts))]
	if *e == v {
		return *e
	}
	t, ok := x.interned[v]
	if !ok {
		// Note: a copy, not v: v may be a substring of a whole batch of
		// rows (prefetch.go).
		t = strings.Clone(v)
		x.interned[t] = t
	}
	*e = t
	return t
}

// textSeed is the seed of valueIndex.normText's cache.
var textSeed = maphash.MakeSeed()
