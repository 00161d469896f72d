package view

import (
	"regexp"
	"strconv"
	"time"

	"midreview/ingest"
)

// The one word for each survey (docs/methods.md §7): table heads print Word,
// text prints Name. 前回 is only ever the latest earlier survey of history/,
// never the baseline.
const (
	WordBaseline = "策定時"
	WordPrevious = "前回"
	WordCurrent  = "今回"
	NameBaseline = "策定時調査"
	NamePrevious = "前回調査"
	NameCurrent  = "今回調査"
)

// A SurveyName names one survey the way every table head, sentence, legend
// and evaluation note of a run names it.
type SurveyName struct {
	Word  string // as a table head or legend prints it: 策定時, 前回, 今回
	Name  string // in text: 策定時調査, 前回調査, 今回調査
	Label string // its own label from the settings: 調査名, a history run's 調査名 ("" when unknown)
	Year  string // its fiscal year, 和暦 with 西暦: 令和5年度（2023年度）; "" when unknown
	// Title is the survey named in full, for a chapter head or a note: the
	// label with its year in front unless the label already says a year
	// (令和5年度 区民意識調査); Name when there is no label.
	Title string
}

// SurveyNames are the surveys of a run: the baseline (baseline/, or the
// indicators' 策定時値), the latest earlier survey of history/ and the current one.
type SurveyNames struct {
	Baseline SurveyName
	Previous *SurveyName // nil without history/
	Current  SurveyName
}

// surveyNames names the run's surveys from the settings (調査名, 基準日) and
// the history/ runs' manifests (調査名, date): the latest history run (by
// date, then folder order) is 前回調査.
func surveyNames(b *ingest.Batch) SurveyNames {
	sn := SurveyNames{
		Baseline: SurveyName{Word: WordBaseline, Name: NameBaseline, Title: NameBaseline},
		Current:  SurveyName{Word: WordCurrent, Name: NameCurrent, Label: b.Settings.SurveyName},
	}
	if !b.Settings.Date.IsZero() {
		sn.Current.Year = FiscalYearText(b.Settings.Date)
	}
	sn.Current.Title = surveyTitle(sn.Current)
	var last *ingest.HistoryRun
	for i := range b.History {
		h := &b.History[i]
		if last == nil || h.Date >= last.Date {
			last = h
		}
	}
	if last != nil {
		p := SurveyName{Word: WordPrevious, Name: NamePrevious, Label: last.SurveyName}
		if d, err := time.Parse("2006-01-02", last.Date); err == nil {
			p.Year = FiscalYearText(d)
		}
		p.Title = surveyTitle(p)
		sn.Previous = &p
	}
	return sn
}

// saysYear matches a label that already names its year (令和5年度, 2023年度, R5).
var saysYear = regexp.MustCompile(`(明治|大正|昭和|平成|令和)[0-9０-９元]+年|[0-9０-９]{4}年|^[RH][0-9]+`)

func surveyTitle(s SurveyName) string {
	switch {
	case s.Label == "":
		return s.Name
	case s.Year == "" || saysYear.MatchString(s.Label):
		return s.Label
	}
	return s.Year + " " + s.Label
}

// era is a Japanese era and the day it began.
type era struct {
	name  string
	start time.Time
}

var eras = []era{
	{"令和", time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)},
	{"平成", time.Date(1989, 1, 8, 0, 0, 0, 0, time.UTC)},
	{"昭和", time.Date(1926, 12, 25, 0, 0, 0, 0, time.UTC)},
}

// eraYear writes year y of an era that began in year start: 元 for the first.
func eraYear(name string, y, start int) string {
	n := y - start + 1
	if n == 1 {
		return name + "元"
	}
	return name + strconv.Itoa(n)
}

// DateText writes a date in the one date style of the outputs: 和暦 with
// 西暦, 令和8年（2026年）11月1日. Before 昭和 it is 西暦 only.
func DateText(t time.Time) string {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	md := strconv.Itoa(int(m)) + "月" + strconv.Itoa(d) + "日"
	for _, e := range eras {
		if !day.Before(e.start) {
			return eraYear(e.name, y, e.start.Year()) + "年（" + strconv.Itoa(y) + "年）" + md
		}
	}
	return strconv.Itoa(y) + "年" + md
}

// FiscalYearText writes the fiscal year (4月〜3月) of a date in the same
// style: 令和8年度（2026年度）. A fiscal year is named by the era of its
// April (2019年度 is 令和元年度, as the government names it).
func FiscalYearText(t time.Time) string {
	y := t.Year()
	if t.Month() < time.April {
		y--
	}
	fy := strconv.Itoa(y)
	switch {
	case y >= 2019:
		return eraYear("令和", y, 2019) + "年度（" + fy + "年度）"
	case y >= 1989:
		return eraYear("平成", y, 1989) + "年度（" + fy + "年度）"
	case y >= 1926:
		return eraYear("昭和", y, 1926) + "年度（" + fy + "年度）"
	}
	return fy + "年度"
}

// isoDate matches a YYYY-MM-DD date inside a setting written by staff.
var isoDate = regexp.MustCompile(`\b([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\b`)

// periodText writes a period as staff typed it (設定 調査期間) in the one date
// style: every YYYY-MM-DD becomes 令和8年（2026年）6月1日, and a later date of
// the same year drops its year (令和8年（2026年）6月1日～6月30日). Anything
// else is kept as written.
func periodText(s string) string {
	year := -1
	return isoDate.ReplaceAllStringFunc(s, func(m string) string {
		p := isoDate.FindStringSubmatch(m)
		y, _ := strconv.Atoi(p[1])
		mo, _ := strconv.Atoi(p[2])
		d, _ := strconv.Atoi(p[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
			return m // not a date (2026-02-30): as written
		}
		if y == year {
			return strconv.Itoa(mo) + "月" + strconv.Itoa(d) + "日"
		}
		year = y
		return DateText(t)
	})
}

// readingNotes are the lines of 報告書の見方 that state the rule for
// differences (docs/methods.md §2) and name the surveys compared (§7), in
// the words of medium m (the web's say 判定 for 検定).
func readingNotes(sn SurveyNames, m Medium) []string {
	// Note: the current survey is named by its 調査名 exactly as the cover
	// and 調査の概要 print it (one name everywhere); its year, when the
	// name does not say one, follows in brackets.
	cur := sn.Current.Title
	if c := sn.Current; c.Label != "" {
		cur = c.Label
		if c.Year != "" && !saysYear.MatchString(c.Label) {
			cur += "（" + c.Year + "実施）"
		}
	}
	test := "統計的な検定"
	if m == Web {
		test = "統計的な判定"
	}
	notes := []string{
		"差（ポイント）は、表に示した2つの割合（小数第2位を四捨五入した値）の差です。表の数値を引き算した値と一致します。" + test + "は、丸める前の人数で行っています。",
		"「" + sn.Baseline.Word + "」は計画策定時の調査（" + sn.Baseline.Name + "）、「" + sn.Current.Word + "」は" + cur + "を指します。",
	}
	if p := sn.Previous; p != nil {
		notes = append(notes, "「"+p.Word+"」は"+p.Title+"（"+p.Name+"）を指し、"+sn.Baseline.Name+"の意味には使いません。")
	}
	return notes
}

// SurveyWords is v.Surveys with the baseline's and the current survey's words
// filled in when a View was built by hand (tests) without them, so that no
// head ever prints an empty name.
func (v *View) SurveyWords() SurveyNames {
	sn := v.Surveys
	if sn.Baseline.Word == "" {
		sn.Baseline = SurveyName{Word: WordBaseline, Name: NameBaseline, Title: NameBaseline}
	}
	if sn.Current.Word == "" {
		sn.Current = SurveyName{Word: WordCurrent, Name: NameCurrent, Title: NameCurrent}
	}
	return sn
}
