package ingest

import (
	"path"
	"strconv"
	"strings"
)

// A headerIndex matches a response file's column headers to questions
// (inputs.md section 3): by 設問ID, else by a 見出し, else by 設問文, each after
// foldHeader. The first of these three tiers in which the header matches
// decides, so a title that two questions share (their 設問文) is resolved by
// the 見出し one of them lists. A header that matches two questions of the
// deciding tier is ambiguous.
type headerIndex struct {
	tiers [3]map[string][]int // fold → questions, by tier (ID, 見出し, 設問文)
}

// foldHeader is the key under which headers are compared: NFKC, spaces and
// line breaks removed, ASCII letters in lower case (textKey).
// Note: Google Forms writes a title's line breaks into its header, and staff
// retype titles with other spacing; neither changes what the header means.
func foldHeader(h string) string { return textKey(h) }

func newHeaderIndex(qs []Question) *headerIndex {
	x := &headerIndex{}
	for t := range x.tiers {
		x.tiers[t] = make(map[string][]int, len(qs))
	}
	add := func(t int, h string, q int) {
		k := foldHeader(h)
		if k == "" {
			return
		}
		for _, o := range x.tiers[t][k] {
			if o == q {
				return
			}
		}
		x.tiers[t][k] = append(x.tiers[t][k], q)
	}
	for i, q := range qs {
		add(0, q.ID, i)
		for _, h := range q.Headers {
			add(1, h, i)
		}
		add(2, q.Text, i)
	}
	return x
}

// match returns the question that header h means. When h matches two
// questions it returns q = -1 and both in pair; when it matches none, q = -1
// and pair is nil.
func (x *headerIndex) match(h string) (q int, pair []int) {
	k := foldHeader(h)
	if k == "" {
		return -1, nil
	}
	for _, m := range x.tiers {
		switch qs := m[k]; len(qs) {
		case 0:
			continue
		case 1:
			return qs[0], nil
		default:
			return -1, qs[:2]
		}
	}
	return -1, nil
}

// byID returns the question whose 設問ID is h (after foldHeader).
func (x *headerIndex) byID(h string) (int, bool) {
	qs := x.tiers[0][foldHeader(h)]
	if len(qs) != 1 {
		return -1, false
	}
	return qs[0], true
}

// metaHeaders are the export metadata columns of web forms and survey tools
// (timestamps, e-mail, names, scores, IP addresses), after foldHeader. They are
// ignored without a warning and never read, so nothing in them is published.
var metaHeaders = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range []string{
		// Google Forms
		"タイムスタンプ", "Timestamp", "メールアドレス", "Email Address", "スコア", "Score", "合計点", "Total score",
		// Microsoft Forms
		"開始時刻", "完了時刻", "メール", "名前", "最終変更時刻", "Start time", "Completion time", "Email", "Name",
		"Last modified time", "合計ポイント", "Total points", "クイズのフィードバック", "Quiz feedback",
		// SurveyMonkey
		"Collector ID", "コレクター ID", "Start Date", "End Date", "開始日", "終了日", "IP Address", "IP アドレス",
		"First Name", "Last Name", "名", "姓", "Custom Data 1", "カスタムデータ 1",
		// LimeSurvey
		"submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl",
		"送信日", "最終ページ", "開始言語", "シード", "開始日時", "日付スタンプ", "IPアドレス", "参照URL",
	} {
		m[foldHeader(h)] = true
	}
	return m
}()

// isMetaHeader reports whether h is an export metadata column.
func isMetaHeader(h string) bool { return metaHeaders[foldHeader(h)] }

// isTimestampHeader reports whether h is Google Forms' first column, which marks
// an export without a respondent-ID column.
func isTimestampHeader(h string) bool {
	k := foldHeader(h)
	return k == "タイムスタンプ" || k == "timestamp"
}

// rowID returns the ID of a respondent in a file without an ID column: the
// file's name and the row number as Excel shows it (`web.csv#12`).
func rowID(file string, row int) string {
	return path.Base(file) + "#" + strconv.Itoa(row)
}

// splitHeader splits a split-MA header into its question part and choice
// part: `Q3_1`, `Q3-1`, or LimeSurvey's `Q3[SQ001]` and `Q3[1]`. It reports
// false for other headers.
func splitHeader(h string) (qpart, choice string, ok bool) {
	if strings.HasSuffix(h, "]") {
		if i := strings.LastIndexByte(h, '['); i > 0 {
			c := strings.TrimSpace(h[i+1 : len(h)-1])
			// LimeSurvey numbers subquestions SQ001, SQ002, … in choice order.
			if u := strings.ToUpper(c); strings.HasPrefix(u, "SQ") {
				c = strings.TrimLeft(c[2:], "0")
				if c == "" {
					c = "0"
				}
			}
			if c != "" {
				return strings.TrimSpace(h[:i]), c, true
			}
		}
		return "", "", false
	}
	i := strings.LastIndexAny(h, "_-")
	if i <= 0 || i == len(h)-1 {
		return "", "", false
	}
	return h[:i], h[i+1:], true
}
