package batchgen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// The webform/ test batch: one codebook (definitions.xlsx) and the same 20
// respondents five times, as a coded file (coded/), a Google Forms CSV
// (google/), a Microsoft Forms workbook (msforms/), a SurveyMonkey export
// (surveymonkey/) and a paper file keyed with 無回答コード 99 in CP932
// (paper/). Each folder is a batch's responses/; cmd/midreview's
// TestWebformCrosstab checks that all five give the coded file's crosstab.csv.

// webQuestions are the columns of the webform batch's questions, in 設問 order:
// small/'s, then the grid rows Q7 and Q8.
var webQuestions = []string{"F1", "F2", "F3", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"}

// webTitles are the headers a web form uses for each question (its 設問文 or
// 見出し): Q1's has a line break, Q2 and Q5 share the 設問文 地域活動について and
// are told apart by their 見出し, Q7 and Q8 are the rows of a grid.
var webTitles = map[string]string{
	"F1": "お住まいの地区", "F2": "性別", "F3": "年代", "Q1": "近所付き合いの\n程度",
	"Q2": "地域活動に参加していますか", "Q3": "参加したい活動", "Q4": "近所で助け合えると思うか",
	"Q5": "この1年間の参加回数", "Q6": "自由意見", "Q7": "地域の満足度 [買い物]", "Q8": "地域の満足度 [交通]",
}

// webOther is S12's その他 text in the web exports (coded as 4 elsewhere).
const webOther = "清掃活動の手伝い"

// webDefinitionSheets is small/'s codebook with 無回答コード 99, 見出し, a
// label that contains a comma and an その他 choice in 活動, the grid
// questions Q7 and Q8, and Q1 (近所付き合いの程度) marked 分析軸.
func webDefinitionSheets() [][][]any {
	sh := testDefinitionSheets()
	sh[0] = settingRows(map[int]string{
		ingest.SettingPlanName: "テスト計画（第1期）", ingest.SettingWard: "テスト区", ingest.SettingSurvey: "テスト調査",
		ingest.SettingDate: "2026-11-01", ingest.SettingDistributed: "50", ingest.SettingSuppress: "5",
		ingest.SettingReference: "10", ingest.SettingNoAnswer: "99",
	}, false)
	var qs [][]any
	for _, r := range sh[4] {
		r = append(slices.Clone(r), nil)
		switch r[0] {
		case "Q1":
			r[5] = "分析軸"
		case "Q2":
			r[1], r[7] = "地域活動について", "地域活動に参加していますか"
			r[5] = "分析軸"
		case "Q5":
			r[1], r[7] = "地域活動について", "この1年間の参加回数"
		}
		qs = append(qs, r)
	}
	qs = append(qs,
		[]any{"Q7", "地域の満足度 [買い物]", "SC", "満足", "T1", nil, nil, nil},
		[]any{"Q8", "地域の満足度 [交通]", "SC", "満足", "T1", nil, nil, nil})
	sh[4] = qs
	var cs [][]any
	for _, r := range sh[5] {
		if r[0] == "活動" && r[1] == 1 {
			r = slices.Clone(r)
			r[2] = "見守り, 声かけ"
		}
		cs = append(cs, r)
		if r[0] == "活動" && r[1] == 3 {
			cs = append(cs, []any{"活動", 4, "その他", nil, nil, nil})
		}
	}
	cs = append(cs, []any{"満足", 1, "満足", nil, nil, "○"}, []any{"満足", 2, "どちらともいえない", nil, nil, nil},
		[]any{"満足", 3, "不満", nil, nil, nil})
	sh[5] = cs
	return sh
}

// webLabels returns set → code → label of the webform codebook.
func webLabels() map[string]map[int]string {
	out := map[string]map[int]string{}
	for _, r := range webDefinitionSheets()[5] {
		set := r[0].(string)
		if out[set] == nil {
			out[set] = map[int]string{}
		}
		out[set][r[1].(int)] = r[2].(string)
	}
	return out
}

// webSets names each categorical question's choice set (F1 has none).
var webSets = map[string]string{"F2": "性別", "F3": "年代", "Q1": "付き合い", "Q2": "参加", "Q3": "活動",
	"Q4": "5段階", "Q7": "満足", "Q8": "満足"}

// A webAnswer is one respondent's answer to one question: codes (nil = no
// answer) or, for F1, Q5 and Q6, the text as written.
type webAnswer struct {
	codes []int
	text  string
}

// webRespondents returns small/'s 20 respondents with Q7 and Q8 added and
// S12's Q3 extended by その他, by question in webQuestions order.
func webRespondents() [][]webAnswer {
	var out [][]webAnswer
	for i, r := range smallRows {
		var row []webAnswer
		for j, v := range r[1:] {
			var a webAnswer
			switch v := v.(type) {
			case int:
				if webQuestions[j] == "Q5" {
					a.text = strconv.Itoa(v)
				} else {
					a.codes = []int{v}
				}
			case string:
				if webQuestions[j] == "Q3" {
					for _, c := range strings.Split(v, ",") {
						n, _ := strconv.Atoi(c)
						a.codes = append(a.codes, n)
					}
				} else {
					a.text = v
				}
			}
			row = append(row, a)
		}
		if r[0] == "S12" {
			row[5].codes = append(row[5].codes, 4)
		}
		q7, q8 := webAnswer{codes: []int{1 + i%3}}, webAnswer{codes: []int{1 + (i/3)%3}}
		if r[0] == "S05" {
			q8 = webAnswer{}
		}
		out = append(out, append(row, q7, q8))
	}
	return out
}

// webLabelText returns answer a of question q as a web form writes it:
// labels joined by sep (an MA's その他 as the typed text), or the text.
func webLabelText(q string, a webAnswer, sep string, trailing bool) string {
	set, ok := webSets[q]
	if !ok || len(a.codes) == 0 {
		return a.text
	}
	labels := webLabels()[set]
	var parts []string
	for _, c := range a.codes {
		if q == "Q3" && c == 4 {
			parts = append(parts, webOther)
			continue
		}
		parts = append(parts, labels[c])
	}
	s := strings.Join(parts, sep)
	if trailing {
		s += sep
	}
	return s
}

// webCodeText returns answer a as codes joined by commas, or noAnswer for a
// blank categorical answer (the paper file's 99).
func webCodeText(q string, a webAnswer, noAnswer string) string {
	if _, ok := webSets[q]; !ok {
		if q == "F1" && a.text == "" {
			return noAnswer
		}
		return a.text
	}
	if len(a.codes) == 0 {
		return noAnswer
	}
	var parts []string
	for _, c := range a.codes {
		parts = append(parts, strconv.Itoa(c))
	}
	return strings.Join(parts, ",")
}

// asked reports whether respondent r is asked Q3 (対象条件 Q2=1).
func webAsked(r []webAnswer, q int) bool {
	return webQuestions[q] != "Q3" || slices.Equal(r[4].codes, []int{1})
}

// addWebformBatch adds the webform/ files to out.
func addWebformBatch(out map[string][]byte) error {
	rs := webRespondents()
	ids := make([]string, len(rs))
	for i := range rs {
		ids[i] = fmt.Sprintf("S%02d", i+1)
	}
	books := map[string]func() (*excelize.File, error){
		"webform/definitions.xlsx": func() (*excelize.File, error) { return definitionsBook(webDefinitionSheets()) },
		"webform/coded/coded.xlsx": func() (*excelize.File, error) {
			rows := [][]any{append([]any{"回答者ID"}, anySlice(webQuestions)...)}
			for i, r := range rs {
				row := []any{ids[i]}
				for j, a := range r {
					row = append(row, webCodeText(webQuestions[j], a, ""))
				}
				rows = append(rows, row)
			}
			return xlsxbuild.Book(xlsxbuild.Sheet{Name: "回答", Rows: rows})
		},
		"webform/msforms/msforms.xlsx": func() (*excelize.File, error) {
			// Microsoft Forms: its own column order, MA joined by ";" with a trailing ";".
			order := []int{8, 6, 1, 0, 2, 3, 4, 5, 7, 9, 10}
			hdr := []any{"ID", "開始時刻", "完了時刻", "メール", "名前"}
			for _, q := range order {
				hdr = append(hdr, webTitles[webQuestions[q]])
			}
			rows := [][]any{hdr}
			for i, r := range rs {
				t := fmt.Sprintf("10/%d/26 10:%02d:00", 1+i/5, i)
				row := []any{i + 1, t, t, "anonymous", nil}
				for _, q := range order {
					row = append(row, webLabelText(webQuestions[q], r[q], ";", webQuestions[q] == "Q3"))
				}
				rows = append(rows, row)
			}
			return xlsxbuild.Book(xlsxbuild.Sheet{Name: "Sheet1", Rows: rows})
		},
	}
	if err := addBooks(out, books, ""); err != nil {
		return err
	}

	// Google Forms: タイムスタンプ and メールアドレス first, titles as headers,
	// labels joined by ", ", no IDs.
	g := [][]string{{"タイムスタンプ", "メールアドレス"}}
	for _, q := range webQuestions {
		g[0] = append(g[0], webTitles[q])
	}
	for i, r := range rs {
		row := []string{fmt.Sprintf("2026/10/%02d 9:%02d:00", 1+i/5, i), fmt.Sprintf("resident%02d@example.jp", i+1)}
		for j, a := range r {
			row = append(row, webLabelText(webQuestions[j], a, ", ", false))
		}
		g = append(g, row)
	}
	out["webform/google/google.csv"] = csvBytes(g, false)

	// SurveyMonkey: metadata, then one title per question; Q3 spans its
	// choices and the other-text column, the grid spans its rows; the second
	// header row names them.
	h1 := []string{"Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name"}
	h2 := make([]string, len(h1))
	for _, q := range webQuestions {
		switch q {
		case "Q3":
			h1 = append(h1, webTitles[q], "", "", "")
			h2 = append(h2, "見守り, 声かけ", "防災", "子育て", "その他（具体的に）")
		case "Q7":
			h1 = append(h1, "地域の満足度", "")
			h2 = append(h2, "買い物", "交通")
		case "Q8":
		default:
			h1 = append(h1, webTitles[q])
			h2 = append(h2, "Response")
		}
	}
	sm := [][]string{h1, h2}
	labels := webLabels()
	for i, r := range rs {
		row := []string{strconv.Itoa(11400001 + i), "4012345", "10/01/2026 09:00:00", "10/01/2026 09:05:00",
			fmt.Sprintf("192.0.2.%d", i+1), "", "", ""}
		for j, q := range webQuestions {
			a := r[j]
			switch q {
			case "Q3":
				cells := make([]string, 4)
				for _, c := range a.codes {
					if c == 4 {
						cells[3] = webOther
					} else {
						cells[c-1] = labels["活動"][c]
					}
				}
				row = append(row, cells...)
			default:
				row = append(row, webLabelText(q, a, "", false))
			}
		}
		sm = append(sm, row)
	}
	out["webform/surveymonkey/surveymonkey.csv"] = csvBytes(sm, true)

	// Paper: codes keyed by a contractor, 99 for every blank categorical
	// answer (Q3 only for those asked), written in CP932 as Excel in Japan does.
	p := [][]string{append([]string{"回答者ID"}, webQuestions...)}
	for i, r := range rs {
		row := []string{ids[i]}
		for j, a := range r {
			na := "99"
			if !webAsked(r, j) {
				na = ""
			}
			row = append(row, webCodeText(webQuestions[j], a, na))
		}
		p = append(p, row)
	}
	cp, err := japanese.ShiftJIS.NewEncoder().Bytes(csvBytes(p, false))
	if err != nil {
		return err
	}
	out["webform/paper/paper.csv"] = cp
	return nil
}

// anySlice returns s as []any.
func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
