package batchgen

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// `midreview template -from FILE` drafts definitions.xlsx from a response file
// (draft.go): questions from its headers, choice sets from its values. Every
// guess is written in a 要確認 column for staff to confirm.

// draftMaxRows bounds how many rows of the response file a draft reads: the
// distinct values of a sample are enough to draft choice sets.
const draftMaxRows = 20000

// DraftOptions are the inputs of a draft besides the response file.
type DraftOptions struct {
	// Districts is the town/district list (DraftDistrict per line of the
	// -districts file); empty when none was given.
	Districts []DraftDistrict
	// Date is written as 基準日 (to confirm); cmd passes today's date.
	Date time.Time
}

// A DraftDistrict is one line of a district list: the district's name and the
// other spellings and towns (町名) that mean it.
type DraftDistrict struct {
	Name    string
	Aliases []string
}

// ParseDistrictList reads a district list: UTF-8 or CP932 text, one district
// per line, `地区名` followed by its other spellings and towns separated by `,`
// or `、` (e.g. `北,北部,北町１丁目`). Blank lines and lines starting with # are
// skipped. Districts get the codes 01, 02, … in line order.
func ParseDistrictList(name string, data []byte) ([]DraftDistrict, error) {
	t, probs := ingest.ReadRawTable(strings.TrimSuffix(name, path.Ext(name))+".csv", data, 10000)
	if len(probs) > 0 {
		return nil, errors.New(probs[0].Error())
	}
	var out []DraftDistrict
	for _, r := range t.Rows {
		var parts []string
		for _, c := range r {
			parts = append(parts, ingest.SplitList(c)...)
		}
		if len(parts) == 0 || strings.HasPrefix(parts[0], "#") {
			continue
		}
		out = append(out, DraftDistrict{Name: parts[0], Aliases: parts[1:]})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: 地区がありません", name)
	}
	return out, nil
}

// A Draft is a codebook drafted from a response file.
type Draft struct {
	File      string // the response file's name
	Questions []DraftQuestion
	Sets      []DraftSet
	NoAnswer  string // 無回答コード found ("99"), or ""
	Districts []DraftDistrict
	Date      time.Time
}

// A DraftQuestion is one drafted row of sheet 設問.
type DraftQuestion struct {
	ID, Text, Type, Set, Attr string
	Headers                   []string // 見出し (other headers meaning it)
	Note                      string   // 要確認: what was guessed
	set                       int      // index into Draft.Sets while drafting (-1: none)
}

// A DraftSet is one drafted choice set.
type DraftSet struct {
	Name    string
	Choices []DraftChoice
	Note    string // 要確認, on its first row
}

// A DraftChoice is one drafted row of sheet 選択肢.
type DraftChoice struct {
	Code     int
	Label    string
	Positive bool
}

// draftColumn is one question's columns of the file, as found in the headers.
type draftColumn struct {
	title string   // the header (SurveyMonkey: the question's title)
	cols  []int    // the file's columns
	subs  []string // SurveyMonkey's second header row under cols (nil otherwise)
	codes []int    // split MA by code (`Q3_1`): the code of each column
}

var (
	idLike     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]{0,7}$`)
	splitLike  = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]{0,7})[_-](\d{1,2})$`)
	codeList   = regexp.MustCompile(`^\d{1,3}([,、;；]\s*\d{1,3})+;?$`)
	codeOrList = regexp.MustCompile(`^\d{1,3}([,、;；]\s*\d{1,3})*;?$`)
)

// DraftFrom drafts a codebook from response file name (its bytes are data).
// The problems are those of reading the file (an unreadable file, a file
// without a header row).
func DraftFrom(name string, data []byte, opt DraftOptions) (*Draft, []ingest.Problem) {
	t, probs := ingest.ReadRawTable(name, data, draftMaxRows)
	if len(probs) > 0 {
		return nil, probs
	}
	if len(t.Rows) == 0 {
		return nil, []ingest.Problem{{Severity: ingest.Error, Code: ingest.CodeNoHeader, File: name, Sheet: t.Sheet}}
	}
	d := &Draft{File: path.Base(name), Districts: opt.Districts, Date: opt.Date}
	h := headerRow(t.Rows)
	hdr := t.Rows[h]
	data0 := h + 1
	var subs []string
	if idCol := slices.IndexFunc(hdr, ingest.IsIDHeader); idCol >= 0 && h+1 < len(t.Rows) && t.Nums[h+1] == t.Nums[h]+1 {
		next := t.Rows[h+1]
		if rawCell(next, idCol) == "" && slices.ContainsFunc(next, ingest.IsSubHeaderWord) {
			subs, data0 = next, h+2 // SurveyMonkey's second header row
		}
	}
	rows := t.Rows[data0:]
	cols := draftColumns(hdr, subs)
	noAnswer := findNoAnswerCode(cols, rows)
	d.NoAnswer = noAnswer
	used := map[string]bool{}
	for _, c := range cols {
		if idLike.MatchString(c.title) && len(c.codes) == 0 && c.subs == nil {
			used[strings.ToUpper(c.title)] = true
		}
	}
	next := 0
	newID := func() string {
		for {
			next++
			id := "Q" + strconv.Itoa(next)
			if !used[strings.ToUpper(id)] {
				used[strings.ToUpper(id)] = true
				return id
			}
		}
	}
	sets := map[string]bool{}
	for _, c := range cols {
		for _, q := range d.question(c, rows, noAnswer) {
			switch {
			case c.codes != nil:
				q.ID = c.title
			case idLike.MatchString(q.Text) && c.subs == nil:
				q.ID = q.Text
				q.Note = join(q.Note, "設問文を入力")
			default:
				q.ID = newID()
			}
			if q.Set != "" {
				q.Set = uniqueName(q.ID, sets)
				d.Sets[q.set].Name = q.Set
			}
			d.Questions = append(d.Questions, q)
		}
	}
	d.markDistrict()
	return d, nil
}

// headerRow returns the index of the header row: the first row with a
// respondent-ID header or starting with Google Forms' タイムスタンプ, else the
// first row.
func headerRow(rows [][]string) int {
	for i, r := range rows {
		if slices.ContainsFunc(r, ingest.IsIDHeader) {
			return i
		}
		for _, c := range r {
			if ingest.Norm(c) != "" {
				if ingest.IsTimestampHeader(c) {
					return i
				}
				break
			}
		}
	}
	return 0
}

func rawCell(r []string, i int) string {
	if i < len(r) {
		return ingest.Norm(r[i])
	}
	return ""
}

// draftColumns groups the header's columns into questions: ID and export
// metadata columns are left out; `Q3_1`, `Q3_2` … are one MA by code; under
// SurveyMonkey's second row, a title and the blank-headed columns after it
// are one group.
func draftColumns(hdr, subs []string) []draftColumn {
	var out []draftColumn
	split := map[string]int{} // split MA prefix → index into out
	n := max(len(hdr), len(subs))
	for j := 0; j < n; j++ {
		h := strings.ReplaceAll(strings.ReplaceAll(rawCell(hdr, j), "\r", ""), "\n", "")
		if subs != nil && h == "" && len(out) > 0 && out[len(out)-1].subs != nil && rawCell(subs, j) != "" {
			last := &out[len(out)-1]
			last.cols, last.subs = append(last.cols, j), append(last.subs, rawCell(subs, j))
			continue
		}
		if h == "" || ingest.IsIDHeader(h) || ingest.IsMetaHeader(h) || ingest.IsTimestampHeader(h) {
			continue
		}
		if m := splitLike.FindStringSubmatch(h); m != nil {
			code, _ := strconv.Atoi(m[2])
			if i, ok := split[m[1]]; ok {
				out[i].cols, out[i].codes = append(out[i].cols, j), append(out[i].codes, code)
				continue
			}
			split[m[1]] = len(out)
			out = append(out, draftColumn{title: m[1], cols: []int{j}, codes: []int{code}})
			continue
		}
		c := draftColumn{title: h, cols: []int{j}}
		if subs != nil {
			if s := rawCell(subs, j); s != "" && !ingest.IsSubHeaderWord(s) {
				c.subs = []string{s}
			} else if s != "" {
				c.subs = nil
			}
		}
		out = append(out, c)
	}
	return out
}

// findNoAnswerCode returns "99" (or "999") when it is used like a
// no-answer code: in some column of small codes (all others under 20), as a
// paper file keyed with 無回答コード does.
func findNoAnswerCode(cols []draftColumn, rows [][]string) string {
	for _, nc := range []int{99, 999} {
		for _, c := range cols {
			if len(c.cols) != 1 {
				continue
			}
			seen, small := false, true
			for _, r := range rows {
				v := rawCell(r, c.cols[0])
				if v == "" || ingest.IsNoAnswer(v) {
					continue
				}
				code, ok := ingest.ParseCode(v)
				switch {
				case !ok:
					small = false
				case code == nc:
					seen = true
				case code < 1 || code >= 20:
					small = false
				}
			}
			if seen && small {
				return strconv.Itoa(nc)
			}
		}
	}
	return ""
}

// question drafts the question(s) of column group c.
func (d *Draft) question(c draftColumn, rows [][]string, noAnswer string) []DraftQuestion {
	values := func(col int) []string {
		var vs []string
		for _, r := range rows {
			v := rawCell(r, col)
			if v == "" || ingest.IsNoAnswer(v) || v == noAnswer {
				continue
			}
			vs = append(vs, v)
		}
		return vs
	}
	switch {
	case c.codes != nil:
		// Split MA by code: labels unknown.
		set := DraftSet{Note: "ラベルを入力（列の見出しのコードから）"}
		codes := slices.Clone(c.codes)
		slices.Sort(codes)
		for _, code := range slices.Compact(codes) {
			set.Choices = append(set.Choices, DraftChoice{Code: code, Label: "選択肢" + strconv.Itoa(code)})
		}
		d.Sets = append(d.Sets, set)
		return []DraftQuestion{{Text: c.title, Type: "MA", Set: "-", set: len(d.Sets) - 1, Note: "複数回答（列 " + c.title + "_コード）; 設問文を入力"}}
	case len(c.subs) > 1:
		return d.subColumns(c, values)
	}
	return []DraftQuestion{d.single(c.title, values(c.cols[0]))}
}

// subColumns drafts a title spanning several columns under SurveyMonkey's
// second header row: an MA whose cells hold the choice's label (the column's
// sub header) when chosen, and an "other, please specify" column; or else a
// grid, one question per row `title [row]`.
func (d *Draft) subColumns(c draftColumn, values func(int) []string) []DraftQuestion {
	ma := true
	other := -1
	for k, col := range c.cols {
		if strings.Contains(c.subs[k], otherLabel) {
			other = k
			continue
		}
		for _, v := range values(col) {
			ma = ma && v == c.subs[k]
		}
	}
	if ma {
		set := DraftSet{Note: "複数回答（選択肢ごとの列）"}
		for k, s := range c.subs {
			if k == other {
				s = otherLabel
			}
			set.Choices = append(set.Choices, DraftChoice{Code: k + 1, Label: s})
		}
		d.Sets = append(d.Sets, set)
		return []DraftQuestion{{Text: c.title, Type: "MA", Set: "-", set: len(d.Sets) - 1, Note: "複数回答（選択肢ごとの列）"}}
	}
	var out []DraftQuestion
	for k, col := range c.cols {
		q := d.single(c.title+" ["+c.subs[k]+"]", values(col))
		q.Note = join("表の行（"+c.title+"）", q.Note)
		out = append(out, q)
	}
	return out
}

// otherLabel is the label of the choice that takes left-over MA text.
const otherLabel = "その他"

// single drafts a question answered in one column, from its values.
func (d *Draft) single(title string, vs []string) DraftQuestion {
	q := DraftQuestion{Text: title, set: -1}
	if len(vs) == 0 {
		q.Type, q.Note = "FA", "回答がないため形式を推定できません"
		return q
	}
	distinct := distinctValues(vs)
	if allMatch(distinct, codeList) || allMatch(distinct, codeOrList) && slices.ContainsFunc(distinct, codeList.MatchString) {
		q.Type, q.Set, q.Note = "MA", "-", "複数回答（コードの区切り）; ラベルを入力"
		var cs []int
		for _, v := range distinct {
			for _, p := range ingest.SplitList(strings.TrimSuffix(v, ";")) {
				if c, ok := ingest.ParseCode(p); ok {
					cs = append(cs, c)
				}
			}
		}
		slices.Sort(cs)
		set := DraftSet{}
		for _, c := range slices.Compact(cs) {
			set.Choices = append(set.Choices, DraftChoice{Code: c, Label: "コード" + strconv.Itoa(c)})
		}
		d.Sets = append(d.Sets, set)
		q.set = len(d.Sets) - 1
		return q
	}
	numbers, codes := true, true
	var maxCode int
	for _, v := range distinct {
		if _, ok := ingest.ParseNumber(v); !ok {
			numbers = false
		}
		c, ok := ingest.ParseCode(v)
		codes = codes && ok && c >= 1
		maxCode = max(maxCode, c)
	}
	switch {
	case numbers && codes && len(distinct) <= 12 && maxCode <= 20:
		q.Type, q.Set, q.Note = "SA", "-", "コードの回答（ラベルを入力）"
		var cs []int
		for _, v := range distinct {
			c, _ := ingest.ParseCode(v)
			cs = append(cs, c)
		}
		slices.Sort(cs)
		set := DraftSet{}
		for _, c := range slices.Compact(cs) {
			set.Choices = append(set.Choices, DraftChoice{Code: c, Label: "コード" + strconv.Itoa(c)})
		}
		d.Sets = append(d.Sets, set)
		q.set = len(d.Sets) - 1
		return q
	case numbers:
		q.Type, q.Note = "NUM", "数値の回答"
		return q
	}
	if d.districtValues(distinct) {
		q.Type, q.Attr, q.Note = "SA", "地区", "地区（地区リストと一致）"
		return q
	}
	if freeText(vs, distinct) {
		q.Type, q.Note = "FA", "自由記述（長く、ほとんど重複しない回答）"
		return q
	}
	labels, ma, other := splitLabels(vs)
	if len(labels) > 64 {
		q.Type, q.Note = "FA", "自由記述（回答の種類が64を超える）"
		return q
	}
	q.Type, q.Set = "SA", "-"
	set := DraftSet{}
	if ma {
		q.Type, q.Note = "MA", "複数回答（区切り文字）"
	}
	if scale, pos, ok := knownScale(labels); ok && !ma {
		q.Type, q.Note = "SC", "評価尺度（"+scale[0]+"…）"
		labels = scale
		for i, l := range labels {
			set.Choices = append(set.Choices, DraftChoice{Code: i + 1, Label: l, Positive: i < pos})
		}
	} else {
		orderLabels(labels)
		for i, l := range labels {
			set.Choices = append(set.Choices, DraftChoice{Code: i + 1, Label: l})
		}
		set.Note = "選択肢の順序"
	}
	if len(other) > 0 {
		set.Choices = append(set.Choices, DraftChoice{Code: len(set.Choices) + 1, Label: otherLabel})
		set.Note = join(set.Note, "その他の記述: "+strings.Join(other, "、"))
	}
	d.Sets = append(d.Sets, set)
	q.set = len(d.Sets) - 1
	q.Note = join(q.Note, "ラベルの回答")
	return q
}

// distinctValues returns the distinct values of vs in first-seen order.
func distinctValues(vs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func allMatch(vs []string, re *regexp.Regexp) bool {
	for _, v := range vs {
		if !re.MatchString(v) {
			return false
		}
	}
	return len(vs) > 0
}

// freeText reports whether answers vs look like free text: long on average
// (20 characters or more), or mostly distinct (at least 3 answers, all
// but a fifth distinct) and 10 characters or more.
func freeText(vs, distinct []string) bool {
	n := 0
	for _, v := range vs {
		n += utf8.RuneCountInString(v)
	}
	avg := float64(n) / float64(len(vs))
	return avg >= 20 || len(vs) >= 3 && float64(len(distinct)) >= 0.8*float64(len(vs)) && avg >= 10
}

// splitLabels returns the labels of label answers vs, whether they are
// multiple answers, and the pieces left for その他. A value holding `;` is
// split at `;` (Microsoft Forms, trailing `;`); else at `, ` (Google Forms).
// Two pieces that always come together, one right after the other, are one
// label that holds the separator (`見守り, 声かけ`). With eight answers or
// more, a piece that occurs once beside labels that occur more often is text
// typed into その他.
func splitLabels(vs []string) (labels []string, ma bool, other []string) {
	sep := ""
	for _, v := range vs {
		if strings.Contains(v, ";") {
			sep = ";"
			break
		}
		if strings.Contains(v, ", ") {
			sep = ", "
		}
	}
	var answers [][]string
	for _, v := range vs {
		if sep == "" {
			answers = append(answers, []string{v})
			continue
		}
		var ps []string
		for _, p := range strings.Split(v, sep) {
			if p = strings.TrimSpace(p); p != "" {
				ps = append(ps, p)
			}
		}
		answers = append(answers, ps)
	}
	if sep == ", " {
		answers = mergePairs(answers, sep)
	}
	count := map[string]int{}
	for _, a := range answers {
		ma = ma || len(a) > 1
		for _, p := range a {
			if count[p] == 0 {
				labels = append(labels, p)
			}
			count[p]++
		}
	}
	ma = ma || sep == ";"
	if ma && len(vs) >= 8 {
		often := 0
		for _, l := range labels {
			if count[l] > 1 {
				often++
			}
		}
		if often >= 2 {
			var keep []string
			for _, l := range labels {
				if count[l] == 1 {
					other = append(other, l)
				} else {
					keep = append(keep, l)
				}
			}
			labels = keep
		}
	}
	return labels, ma, other
}

// mergePairs joins pieces a and b of every answer when b always follows a and
// a is always followed by b, until no such pair is left.
func mergePairs(answers [][]string, sep string) [][]string {
	for {
		next := map[string]string{} // piece → the piece always after it ("" when not always the same)
		prev := map[string]string{}
		seen := map[string]bool{}
		for _, a := range answers {
			for i, p := range a {
				after, before := "", ""
				if i+1 < len(a) {
					after = a[i+1]
				}
				if i > 0 {
					before = a[i-1]
				}
				if !seen[p] {
					seen[p], next[p], prev[p] = true, after, before
					continue
				}
				if next[p] != after {
					next[p] = ""
				}
				if prev[p] != before {
					prev[p] = ""
				}
			}
		}
		var pa, pb string
		for _, a := range answers {
			for _, p := range a {
				if n := next[p]; pa == "" && n != "" && prev[n] == p {
					pa, pb = p, n
				}
			}
		}
		if pa == "" {
			return answers
		}
		for i, a := range answers {
			var out []string
			for j := 0; j < len(a); j++ {
				if a[j] == pa && j+1 < len(a) && a[j+1] == pb {
					out = append(out, pa+sep+pb)
					j++
					continue
				}
				out = append(out, a[j])
			}
			answers[i] = out
		}
	}
}

// knownScales are the ordered scales of Japanese questionnaires, favourable
// end first, with how many choices count as favourable (肯定).
var knownScales = []struct {
	labels []string
	pos    int
}{
	{[]string{"そう思う", "ややそう思う", "どちらともいえない", "あまりそう思わない", "そう思わない"}, 2},
	{[]string{"そう思う", "どちらかといえばそう思う", "どちらともいえない", "どちらかといえばそう思わない", "そう思わない"}, 2},
	{[]string{"そう思う", "ややそう思う", "あまりそう思わない", "そう思わない"}, 2},
	{[]string{"そう思う", "どちらかといえばそう思う", "どちらかといえばそう思わない", "そう思わない"}, 2},
	{[]string{"満足", "やや満足", "どちらともいえない", "やや不満", "不満"}, 2},
	{[]string{"満足", "どちらかといえば満足", "どちらかといえば不満", "不満"}, 2},
	{[]string{"満足", "どちらともいえない", "不満"}, 1},
	{[]string{"できている", "ややできている", "あまりできていない", "できていない"}, 2},
	{[]string{"とても良い", "良い", "ふつう", "悪い", "とても悪い"}, 2},
	{[]string{"良い", "やや良い", "どちらともいえない", "やや悪い", "悪い"}, 2},
	{[]string{"非常に重要", "重要", "あまり重要でない", "重要でない"}, 2},
	{[]string{"よく知っている", "少し知っている", "知らない"}, 2},
	{[]string{"はい", "いいえ"}, 1},
}

// knownScale returns the shortest known scale that holds every label (two at
// least), with its favourable count; はい/いいえ is a single answer, not a scale.
func knownScale(labels []string) ([]string, int, bool) {
	if len(labels) < 2 {
		return nil, 0, false
	}
	best := -1
	for i, s := range knownScales {
		if len(s.labels) == 2 {
			continue
		}
		ok := true
		for _, l := range labels {
			ok = ok && slices.Contains(s.labels, l)
		}
		// Note: the tightest scale wins (満足・どちらともいえない・不満 is not
		// the five-point 満足 scale with two choices unused).
		if ok && (best < 0 || len(s.labels) < len(knownScales[best].labels)) {
			best = i
		}
	}
	if best < 0 {
		return nil, 0, false
	}
	return knownScales[best].labels, knownScales[best].pos, true
}

var leadingNumber = regexp.MustCompile(`^(\d+)`)

// orderLabels sorts labels that start with a number (年代: 39歳以下, 40〜64歳)
// by that number; others keep their first-seen order.
func orderLabels(labels []string) {
	for _, l := range labels {
		if !leadingNumber.MatchString(l) {
			return
		}
	}
	num := func(l string) int {
		n, _ := strconv.Atoi(leadingNumber.FindString(l))
		return n
	}
	slices.SortStableFunc(labels, func(a, b string) int { return cmp.Compare(num(a), num(b)) })
}

// districtValues reports whether most distinct values (four in five) are
// names, spellings or towns of the district list.
func (d *Draft) districtValues(distinct []string) bool {
	if len(d.Districts) == 0 {
		return false
	}
	known := map[string]bool{}
	for i, dd := range d.Districts {
		known[ingest.NormKey(dd.Name)] = true
		known[districtCode(i)] = true
		for _, a := range dd.Aliases {
			known[ingest.NormKey(a)] = true
		}
	}
	n := 0
	for _, v := range distinct {
		if known[ingest.NormKey(v)] {
			n++
		}
	}
	return 5*n >= 4*len(distinct)
}

func districtCode(i int) string { return fmt.Sprintf("%02d", i+1) }

// markDistrict sets the attributes the headers name: without a district list,
// a question headed 地区 or お住まい is the 地区 question; 性別 and 年代/年齢
// mark those attributes (single answers only). Only one question gets each.
func (d *Draft) markDistrict() {
	has := map[string]bool{}
	for _, q := range d.Questions {
		has[q.Attr] = has[q.Attr] || q.Attr != ""
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		if q.Attr != "" {
			continue
		}
		attr := ""
		switch {
		case strings.Contains(q.Text, "地区") || strings.Contains(q.Text, "お住まい"):
			attr = "地区"
		case strings.Contains(q.Text, "性別"):
			attr = "性別"
		case strings.Contains(q.Text, "年代") || strings.Contains(q.Text, "年齢"):
			attr = "年代"
		}
		if attr == "" || has[attr] || q.Type != "SA" && !(attr == "地区" && q.Type == "FA") {
			continue
		}
		has[attr] = true
		q.Attr = attr
		q.Note = join(q.Note, "属性 "+attr+"（見出しから）")
		if attr == "地区" {
			d.dropSet(q.Set)
			q.Type, q.Set = "SA", ""
			q.Note = join(q.Note, "地区シートに地区を入力")
		}
	}
}

// dropSet removes the choice set of question id.
func (d *Draft) dropSet(id string) {
	d.Sets = slices.DeleteFunc(d.Sets, func(s DraftSet) bool { return s.Name == id })
}

// uniqueName returns the choice-set name of question id, unique among used.
func uniqueName(id string, used map[string]bool) string {
	name := id
	for i := 2; used[name]; i++ {
		name = id + "_" + strconv.Itoa(i)
	}
	used[name] = true
	return name
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// NoteHeader is the header of the column in which a drafted definitions.xlsx
// lists what was guessed (sheets 設定, 地区, 設問, 選択肢). The reader ignores
// it like any unknown column.
const NoteHeader = "要確認"

// Definitions returns the drafted definitions.xlsx.
func (d *Draft) Definitions() ([]byte, error) {
	f, err := xlsxbuild.New(sheetNames(baseSheets(ingest.DefinitionsSchema.Sheets))...)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	settings := settingRows(map[int]string{
		ingest.SettingPlanName: "（計画名を入力）", ingest.SettingWard: "（区名を入力）",
		ingest.SettingSurvey: strings.TrimSuffix(d.File, path.Ext(d.File)), ingest.SettingDate: d.Date.Format("2006-01-02"),
		ingest.SettingNoAnswer: d.NoAnswer,
	}, true)
	item := func(i int) string { return ingest.SettingsSheet.Items[i].Name }
	settingNotes := map[string]string{
		item(ingest.SettingPlanName): "計画名を入力", item(ingest.SettingWard): "区名を入力",
		item(ingest.SettingSurvey): "ファイル名から", item(ingest.SettingDate): "作成日（振り返りの基準日に直す）",
	}
	if d.NoAnswer != "" {
		settingNotes[item(ingest.SettingNoAnswer)] = "コード " + d.NoAnswer + " が無回答として使われているとみて設定"
	}
	var setNotes []string
	for _, r := range settings {
		setNotes = append(setNotes, settingNotes[fmt.Sprint(r[ingest.ColSettingItem])])
	}
	var distRows [][]any
	var distNotes []string
	for i, dd := range d.Districts {
		r := row(ingest.DistrictsSheet)
		r[ingest.ColDistrictCode], r[ingest.ColDistrictName] = districtCode(i), dd.Name
		if len(dd.Aliases) > 0 {
			r[ingest.ColDistrictAliases] = strings.Join(dd.Aliases, ",")
		}
		distRows = append(distRows, r)
		distNotes = append(distNotes, "地区リストから（人口・配布数を入力）")
	}
	var qRows [][]any
	var qNotes []string
	for _, q := range d.Questions {
		r := row(ingest.QuestionsSheet)
		r[ingest.ColQuestionID], r[ingest.ColQuestionText], r[ingest.ColQuestionType] = q.ID, q.Text, q.Type
		r[ingest.ColQuestionChoiceSet], r[ingest.ColQuestionAttr] = q.Set, q.Attr
		if len(q.Headers) > 0 {
			r[ingest.ColQuestionHeaders] = strings.Join(q.Headers, "\n")
		}
		qRows = append(qRows, r)
		qNotes = append(qNotes, q.Note)
	}
	var cRows [][]any
	var cNotes []string
	for _, s := range d.Sets {
		for i, c := range s.Choices {
			r := row(ingest.ChoicesSheet)
			r[ingest.ColChoiceSet], r[ingest.ColChoiceCode], r[ingest.ColChoiceLabel] = s.Name, c.Code, c.Label
			if c.Positive {
				r[ingest.ColChoicePositive] = "○"
			}
			cRows = append(cRows, r)
			note := ""
			if i == 0 {
				note = s.Note
			}
			cNotes = append(cNotes, note)
		}
	}
	// Note: like the empty template, the draft holds the hearing items of the
	// standard form (hearings/hearing_form.xlsx) and their 評価 scale, so that
	// the batch checks without hearings and a filled-in form reads as is.
	for _, c := range sampleChoices {
		if c.Set == hearingScale {
			cRows = append(cRows, choiceRows([]sampleChoice{c})...)
			cNotes = append(cNotes, "")
		}
	}
	if err := writeDefinitionSheets(f, map[*ingest.Sheet][][]any{
		ingest.SettingsSheet:     settings,
		ingest.DistrictsSheet:    distRows,
		ingest.QuestionsSheet:    qRows,
		ingest.ChoicesSheet:      cRows,
		ingest.HearingItemsSheet: hearingItemRows(false),
	}, true); err != nil {
		return nil, err
	}
	dn := distNotes
	if len(d.Districts) == 0 {
		dn = []string{"地区を入力（地区コード、地区名、別名）"}
	}
	for _, n := range []struct {
		s     *ingest.Sheet
		notes []string
	}{{ingest.SettingsSheet, setNotes}, {ingest.DistrictsSheet, dn}, {ingest.QuestionsSheet, qNotes}, {ingest.ChoicesSheet, cNotes}} {
		if err := noteColumn(f, n.s, n.notes); err != nil {
			return nil, err
		}
	}
	for _, s := range baseSheets(ingest.DefinitionsSchema.Sheets) {
		if err := dropLists(f, s, templateRows); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := writeXLSX(f, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// noteColumn writes the 要確認 column right of sheet s's columns: its header
// and, highlighted, each row's note.
func noteColumn(f *excelize.File, s *ingest.Sheet, notes []string) error {
	col := len(s.Columns) + 1
	name, _ := excelize.ColumnNumberToName(col)
	hs, err := headerStyle(f)
	if err != nil {
		return err
	}
	ns, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}})
	if err != nil {
		return err
	}
	if err := f.SetCellValue(s.Name, name+"1", NoteHeader); err != nil {
		return err
	}
	if err := f.SetCellStyle(s.Name, name+"1", name+"1", hs); err != nil {
		return err
	}
	if err := f.SetColWidth(s.Name, name, name, 40); err != nil {
		return err
	}
	for i, n := range notes {
		if n == "" {
			continue
		}
		c := name + strconv.Itoa(i+2)
		if err := f.SetCellValue(s.Name, c, n); err != nil {
			return err
		}
		if err := f.SetCellStyle(s.Name, c, c, ns); err != nil {
			return err
		}
	}
	return nil
}

// WriteDraft writes the drafted definitions.xlsx into folder out and returns
// its path; like Template, it refuses to overwrite (fs.ErrExist).
func WriteDraft(d *Draft, out string) (string, error) {
	p := filepath.Join(out, ingest.DefinitionsFile)
	if _, err := os.Stat(p); err == nil {
		return "", existsError{p}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("template: %w", err)
	}
	data, err := d.Definitions()
	if err != nil {
		return "", fmt.Errorf("template: %w", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", fmt.Errorf("template: %w", err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return "", fmt.Errorf("template: %w", err)
	}
	return p, nil
}
