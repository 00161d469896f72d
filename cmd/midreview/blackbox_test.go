package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"midreview/internal/xlsxbuild"
)

// Black-box acceptance test written from spec/inputs.md and spec/outputs.md
// alone (tester B1). The batch is built by hand below and exercises what the
// testdata batches exercise least: weighting, 評価方法 ポイント, 有意水準 0.01,
// low 秘匿基準/参考値基準, district aliases and towns (two districts sharing one
// reporting area), label answers, split MA columns with ●/✓, SC 点数 and 肯定,
// NUM values `1,200` and `３`, a two-clause 対象条件, a CP932 CSV, an xlsx with a
// title row, baseline/ data and a workbook with a form-style and a tabular
// hearing sheet. Every expected figure was computed by hand (python3, see the
// comments) from the rows below.

// bbResp is one current respondent as written into the response files.
// Q1 is written as a label, Q5 as split columns, Q4 as raw text.
type bbResp struct {
	id, f1         string
	f2, f3, q1, q2 int // 0: blank
	q3             int
	q4             string
	q5             []int
	q6             string
	q7             int
}

// bbCurrent: areas 北 (14: A01–A06, A12, B01–B07), 南 (7: A07, A08, B08–B12),
// 東西 (2: A09 東町, A10 西町; 西 shares the reporting area 東西), 地区不明 (1: A11).
var bbCurrent = []bbResp{
	// responses/a.csv (CP932, ● marks)
	{"A01", "北町1丁目", 1, 2, 1, 1, 1, "1,200", []int{1, 2}, "自治会の活動に参加したい", 1},
	{"A02", "北町2丁目", 2, 3, 2, 1, 2, "３", []int{2}, "", 1},
	{"A03", "北部", 1, 3, 1, 1, 1, "50", []int{1}, "", 2},
	{"A04", "北町１丁目", 2, 2, 3, 1, 2, "", nil, "", 1},
	{"A05", "北町1丁目", 2, 3, 2, 1, 3, "10", []int{1, 3}, "", 1},
	{"A06", "北町2丁目", 1, 3, 1, 1, 1, "20", []int{3}, "", 0},
	{"A07", "南町", 2, 2, 3, 2, 4, "5", []int{2, 3}, "", 0},
	{"A08", "南部", 1, 3, 3, 2, 5, "7", nil, "買い物が不便です", 2}, // Q7 outside 対象条件
	{"A09", "東町", 2, 1, 2, 2, 3, "", []int{1}, "", 0},
	{"A10", "西町", 1, 3, 1, 1, 2, "100", []int{2}, "", 1},
	{"A11", "", 2, 3, 2, 1, 2, "30", []int{1}, "", 2},
	{"A12", "北町1丁目", 1, 3, 1, 1, 1, "40", []int{1, 2, 3}, "", 1},
	// responses/b.xlsx (title row, question-text row, ✓ marks, one empty row after B06)
	{"B01", "北町2丁目", 2, 1, 2, 1, 2, "60", []int{1}, "", 0},
	{"B02", "北町1丁目", 1, 2, 1, 1, 1, "15", []int{2}, "", 1},
	{"B03", "北町2丁目", 2, 3, 1, 1, 2, "8", nil, "", 1},
	{"B04", "北町1丁目", 1, 2, 2, 1, 3, "12", []int{3}, "", 2},
	{"B05", "北町2丁目", 2, 3, 3, 2, 4, "", []int{1}, "", 0},
	{"B06", "北町1丁目", 0, 3, 1, 1, 1, "25", []int{1, 2}, "", 1},
	{"B07", "北町2丁目", 2, 0, 2, 2, 2, "9", []int{2}, "", 0},
	{"B08", "南町", 1, 2, 3, 2, 5, "3", []int{3}, "", 0},
	{"B09", "南町", 2, 3, 3, 2, 4, "6", []int{1}, "", 0},
	{"B10", "南町", 1, 2, 0, 2, 5, "2", []int{2}, "", 0},
	{"B11", "南町", 2, 2, 3, 2, 4, "4", []int{3}, "", 0}, // Q1 written as alias まったくない
	{"B12", "南町", 1, 2, 2, 1, 3, "11", []int{1}, "", 2},
}

// bbBaseline: baseline/s.xlsx, codes only, Q5 as one column; 北 10, 南 6, 東西 4.
var bbBaseline = [][]string{
	{"S01", "北", "1", "2", "1", "1", "2", "5", "1"},
	{"S02", "北", "2", "3", "2", "2", "3", "6", "2"},
	{"S03", "北", "1", "3", "1", "1", "2", "7", "1,2"},
	{"S04", "北", "2", "2", "3", "2", "4", "8", "3"},
	{"S05", "北", "1", "3", "2", "1", "3", "9", ""},
	{"S06", "北", "2", "3", "1", "2", "1", "10", "1"},
	{"S07", "北", "1", "2", "2", "1", "2", "11", "2"},
	{"S08", "北", "2", "3", "3", "2", "4", "12", "1"},
	{"S09", "北", "1", "2", "1", "1", "3", "13", "3"},
	{"S10", "北", "2", "3", "2", "2", "2", "14", "1"},
	{"S11", "南", "1", "2", "3", "2", "5", "15", "2"},
	{"S12", "南", "2", "3", "3", "2", "4", "16", "1"},
	{"S13", "南", "1", "2", "1", "1", "2", "17", "3"},
	{"S14", "南", "2", "3", "3", "2", "5", "18", "2"},
	{"S15", "南", "1", "2", "2", "2", "4", "19", "1"},
	{"S16", "南", "2", "3", "3", "1", "3", "20", "1"},
	{"S17", "東西", "1", "3", "1", "1", "2", "21", "2"},
	{"S18", "東西", "2", "2", "2", "2", "3", "22", "3"},
	{"S19", "東西", "1", "3", "3", "2", "4", "23", "1"},
	{"S20", "東西", "2", "3", "1", "1", "2", "24", "2"},
}

var bbQ1Labels = map[int]string{1: "よくある", 2: "ときどき", 3: "ない"}

// bbSave writes a workbook of sheets to dir/rel.
func bbSave(t *testing.T, dir, rel string, sheets ...xlsxbuild.Sheet) {
	t.Helper()
	data, err := xlsxbuild.Bytes(sheets...)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func bbDefinitions(t *testing.T, dir string) {
	bbSave(t, dir, "definitions.xlsx",
		xlsxbuild.Sheet{Name: "設定", Rows: [][]any{
			{"項目", "値"},
			{"計画名", "B1テストプラン（第4期）"},
			{"区名", "テスト区"},
			{"調査名", "中間振り返り 区民アンケート"},
			{"基準日", "2025-10-01"},
			{"配布数", 100},
			{"秘匿基準", 3},
			{"参考値基準", 8},
			{"重み付け", "する"},
			{"有意水準", 0.01},
			{"評価方法", "ポイント"},
			{"維持幅", 2},
			{"問い合わせ先", "テスト区 福祉保健課 事業企画係\n電話 000-000-0000"},
			{"公開ライセンス", "公共データ利用規約"},
		}},
		xlsxbuild.Sheet{Name: "地区", Rows: [][]any{
			{"地区コード", "地区名", "別名", "人口", "配布数"},
			{"01", "北", "北部、北地区", 5000, 40},
			{"02", "南", "南部,南地区", 4000, 30},
			{"03", "東西", "", 1000, 30},
		}},
		xlsxbuild.Sheet{Name: "町名", Rows: [][]any{
			{"町名", "地区"},
			{"北町1丁目", "北"},
			{"北町2丁目", "01"},
			{"南町", "南"},
			{"東町", "東西"},
			{"西町", "03"}, // 西 is reported together with 東 as 東西
		}},
		xlsxbuild.Sheet{Name: "テーマ", Rows: [][]any{
			{"テーマコード", "テーマ名", "キーワード"},
			{"T1", "つながり", "自治会、見守り"},
			{"T2", "生活", "買い物,交通"},
		}},
		xlsxbuild.Sheet{Name: "設問", Rows: [][]any{
			{"設問ID", "設問文", "形式", "選択肢", "テーマ", "属性", "対象条件"},
			{"F1", "お住まいの町名", "SA", "", "", "地区", ""},
			{"F2", "性別", "SA", "性別", "", "性別", ""},
			{"F3", "年代", "SA", "年代", "", "年代", ""},
			{"Q1", "近所の人と話すことがありますか", "SA", "頻度", "T1", "", ""},
			{"Q2", "地域活動に参加していますか", "SA", "有無", "T1", "", ""},
			{"Q3", "地域の暮らしに満足していますか", "SC", "満足", "T2", "", ""},
			{"Q4", "1か月の地域活動の時間（分）", "NUM", "", "", "", ""},
			{"Q5", "参加している活動（いくつでも）", "MA", "活動", "T1", "", ""},
			{"Q6", "ご意見", "FA", "", "T2", "", ""},
			{"Q7", "今後も続けたいですか", "SA", "有無", "T1", "", "Q2=1&F3=2,3"},
		}},
		xlsxbuild.Sheet{Name: "選択肢", Rows: [][]any{
			{"選択肢セット", "コード", "ラベル", "別名", "点数", "肯定"},
			{"性別", 1, "男性", "", "", ""},
			{"性別", 2, "女性", "", "", ""},
			{"年代", 1, "39歳以下", "", "", ""},
			{"年代", 2, "40〜64歳", "", "", ""},
			{"年代", 3, "65歳以上", "", "", ""},
			{"頻度", 1, "よくある", "", "", ""},
			{"頻度", 2, "ときどき", "", "", ""},
			{"頻度", 3, "ない", "まったくない", "", ""},
			{"有無", 1, "はい", "", "", ""},
			{"有無", 2, "いいえ", "", "", ""},
			{"満足", 1, "満足", "", 5, "○"},
			{"満足", 2, "やや満足", "", 4, "○"},
			{"満足", 3, "どちらともいえない", "", 3, ""},
			{"満足", 4, "やや不満", "", 2, ""},
			{"満足", 5, "不満", "", 1, ""},
			{"活動", 1, "自治会", "", "", ""},
			{"活動", 2, "ボランティア", "", "", ""},
			{"活動", 3, "趣味", "", "", ""},
			{"評価", 1, "十分", "", "", ""},
			{"評価", 2, "やや不足", "", "", ""},
			{"評価", 3, "不足", "", "", ""},
		}},
		xlsxbuild.Sheet{Name: "指標", Rows: [][]any{
			{"指標ID", "指標名", "テーマ", "設問ID", "該当コード", "策定時値", "策定時n", "目標値", "方向"},
			{"I1", "地域活動に参加している人の割合", "T1", "Q2", "1", 40, 50, 80, "増"},
			{"I2", "暮らしに不満な人の割合", "T2", "Q3", "4,5", 39, 40, 10, "減"},
			{"I3", "暮らしに満足している人の割合", "T2", "Q3", "1,2", "", "", 70, "増"},
			{"I4", "近所の人とよく話す人の割合", "T1", "Q1", "1", 27.5, 60, 50, "増"},
		}},
		xlsxbuild.Sheet{Name: "ヒアリング項目", Rows: [][]any{
			{"項目ID", "項目名", "種別", "セル", "見出し", "テーマ", "尺度"},
			{"H01", "団体名", "団体名", "C2", "団体名", "", ""},
			{"H02", "団体種別", "団体種別", "C3", "種別", "", ""},
			{"H03", "活動地区", "地区", "C4", "活動地区", "", ""},
			{"H04", "活動の評価", "評価", "C5", "活動の評価", "T1", "評価"},
			{"H05", "意見", "記述", "C6", "意見", "T1", ""},
		}},
	)
}

// bbRow is the response-file row of r: ID, F1–F4 columns, Q5-1..3 with mark.
func bbRow(r bbResp, mark string) []string {
	num := func(v int) string {
		if v == 0 {
			return ""
		}
		return strconv.Itoa(v)
	}
	q1 := bbQ1Labels[r.q1]
	if r.id == "B11" {
		q1 = "まったくない"
	}
	row := []string{r.id, r.f1, num(r.f2), num(r.f3), q1, num(r.q2), num(r.q3), r.q4}
	for c := 1; c <= 3; c++ {
		m := ""
		for _, x := range r.q5 {
			if x == c {
				m = mark
			}
		}
		row = append(row, m)
	}
	return append(row, r.q6, num(r.q7))
}

var bbHeader = []string{"回答者ID", "F1", "F2", "F3", "Q1", "Q2", "Q3", "Q4", "Q5-1", "Q5-2", "Q5-3", "Q6", "Q7"}

func bbResponses(t *testing.T, dir string) {
	// a.csv: CP932, CRLF, quoted as Excel does.
	var b strings.Builder
	line := func(fields []string) {
		for i, v := range fields {
			if i > 0 {
				b.WriteString(",")
			}
			if strings.ContainsAny(v, ",\"") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			b.WriteString(v)
		}
		b.WriteString("\r\n")
	}
	line(bbHeader)
	for _, r := range bbCurrent[:12] {
		line(bbRow(r, "●"))
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().String(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "responses"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "responses", "a.csv"), []byte(sjis), 0o644); err != nil {
		t.Fatal(err)
	}

	// b.xlsx: title row, header with 整理番号, a row repeating the question texts.
	hdr := append([]string{"整理番号"}, bbHeader[1:]...)
	texts := []string{"", "お住まいの町名", "性別", "年代", "近所の人と話すことがありますか",
		"地域活動に参加していますか", "地域の暮らしに満足していますか", "1か月の地域活動の時間（分）",
		"参加している活動（いくつでも）", "参加している活動（いくつでも）", "参加している活動（いくつでも）",
		"ご意見", "今後も続けたいですか"}
	rows := [][]any{{"令和7年度 区民アンケート 回答データ"}, bbAny(hdr), bbAny(texts)}
	for i, r := range bbCurrent[12:] {
		rows = append(rows, bbAny(bbRow(r, "✓")))
		if i == 5 {
			rows = append(rows, []any{}) // completely empty row after B06
		}
	}
	bbSave(t, dir, "responses/b.xlsx", xlsxbuild.Sheet{Name: "回答", Rows: rows})

	// baseline/s.xlsx
	rows = [][]any{bbAny([]string{"回答者ID", "F1", "F2", "F3", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"})}
	for _, r := range bbBaseline {
		rows = append(rows, bbAny(append(append([]string{}, r...), "", "")))
	}
	bbSave(t, dir, "baseline/s.xlsx", xlsxbuild.Sheet{Name: "回答", Rows: rows})
}

func bbAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func bbHearings(t *testing.T, dir string) {
	bbSave(t, dir, "hearings/h1.xlsx",
		// Form-style sheet, 団体名 in a merged cell.
		xlsxbuild.Sheet{Name: "北町自治会", Rows: [][]any{
			{"ヒアリングシート"},
			{"", "団体名", "北町自治会"},
			{"", "団体種別", "自治会"},
			{"", "活動地区", "北"},
			{"", "活動の評価", "十分"},
			{"", "意見", "担い手が不足している。連絡先 045-123-4567"},
		}, Merges: [][2]string{{"C2", "E2"}}},
		// Tabular sheet: two organizations, one active in two districts.
		xlsxbuild.Sheet{Name: "一覧", Rows: [][]any{
			{"団体名", "種別", "活動地区", "活動の評価", "意見"},
			{"南ボランティア会", "ボランティア", "南、東西", "2", "見守りの人手が足りない"},
			{"東西子ども食堂", "NPO", "03", "不足", ""},
		}},
	)
}

// bbNear reports whether got and want are equal, numerically within 1e-6
// when want is a number; a want starting with "=" must match exactly.
func bbNear(got, want string) bool {
	if exact, ok := strings.CutPrefix(want, "="); ok {
		return got == exact
	}
	if got == want {
		return true
	}
	w, err1 := strconv.ParseFloat(want, 64)
	g, err2 := strconv.ParseFloat(got, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	d := w - g
	return d < 1e-6 && d > -1e-6
}

func TestBlackBoxB1(t *testing.T) {
	batch := t.TempDir()
	bbDefinitions(t, batch)
	bbResponses(t, batch)
	bbHearings(t, batch)
	out := filepath.Join(t.TempDir(), "out")
	if d := os.Getenv("B1_OUT"); d != "" {
		out = d
	}

	var stdout, stderr bytes.Buffer
	code := exitCode(run(context.Background(), []string{"run", "-batch", batch, "-out", out}, &stdout, &stderr))
	probs, _ := os.ReadFile(filepath.Join(out, "problems.csv"))
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s\nproblems.csv:\n%s", code, stderr.String(), probs)
	}

	t.Run("files", func(t *testing.T) {
		for _, p := range []string{"report.pdf", "districts/01_北.pdf", "districts/02_南.pdf",
			"districts/03_東西.pdf", "tabulation.xlsx", "dashboard/index.html",
			"data/crosstab.csv", "data/summary.csv", "data/trend.csv", "data/indicators.csv",
			"data/hearings.csv", "data/freetext.csv", "data/keywords.csv", "problems.csv", "manifest.json"} {
			if st, err := os.Stat(filepath.Join(out, p)); err != nil || st.Size() == 0 {
				t.Errorf("%s missing or empty: %v", p, err)
			}
		}
	})

	// 設定 問い合わせ先 and 公開ライセンス reach what residents get: the web
	// pages' contact and links beside web/, and opendata/'s README.
	t.Run("published", func(t *testing.T) {
		read := func(p string) string {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
		for p, wants := range map[string][]string{
			"web/index.html": {"テスト区 福祉保健課 事業企画係<br>電話 000-000-0000", `href="../opendata/README.txt"`,
				"この報告書の印刷版（委員会の資料）は、テスト区役所とテスト区社会福祉協議会の窓口でご覧いただけます。", "利用条件：公共データ利用規約（第1.0版）"},
			"web/districts/01.html":     {"テスト区 福祉保健課 事業企画係", `href="../../opendata/README.txt"`, "この報告書の印刷版（北の地区別資料）は、"},
			"opendata/README.txt":       {"公共データ利用規約（第1.0版）", "問い合わせ先：テスト区 福祉保健課 事業企画係", "基準日：", "秘匿のルール："},
			"opendata/trend_README.txt": {"公共データ利用規約（第1.0版）"},
		} {
			page := read(p)
			for _, w := range wants {
				if !strings.Contains(page, w) {
					t.Errorf("%s lacks %q", p, w)
				}
			}
			// The committee's PDFs, written beside web/, are never linked.
			if strings.Contains(page, `.pdf"`) {
				t.Errorf("%s links a PDF handout", p)
			}
		}
	})

	t.Run("problems", func(t *testing.T) {
		// No errors; warnings: the empty row in b.xlsx (row 10: title, header,
		// texts, B01–B06 in rows 4–9), A08's Q7 answer (not asked: Q2=2) in
		// a.csv column M (13th), record 9 (header is record 1).
		recs := readCSVFile(t, filepath.Join(out, "problems.csv"))
		type pr struct{ sev, code, file, cell, row string }
		var got []pr
		for _, r := range recs[1:] {
			got = append(got, pr{r[0], r[1], r[2], r[4], r[5]})
			if r[0] == "エラー" {
				t.Errorf("error in problems.csv: %v", r)
			}
		}
		want := []pr{
			{"警告", "outside-condition", "responses/a.csv", "M9", ""},
			{"警告", "empty-row", "responses/b.xlsx", "", "10"},
		}
		for _, w := range want {
			found := false
			for _, g := range got {
				if g.code == w.code && g.file == w.file && (w.cell == "" || g.cell == w.cell) && (w.row == "" || g.row == w.row) {
					found = true
				}
			}
			if !found {
				t.Errorf("missing problem %+v; got %+v", w, got)
			}
		}
	})

	t.Run("manifest", func(t *testing.T) {
		m := e2eReadManifest(t, out)
		type rows struct{ read, included, empty int }
		want := map[string]rows{
			"responses/a.csv":  {12, 12, 0},
			"responses/b.xlsx": {13, 12, 1}, // 12 respondents + the empty row
			"baseline/s.xlsx":  {20, 20, 0},
		}
		seen := 0
		for _, in := range m.Inputs {
			w, ok := want[in.Path]
			if !ok {
				continue
			}
			seen++
			got := rows{in.Rows.Read, in.Rows.Included, in.Rows.Empty}
			if got != w || !in.Balance {
				t.Errorf("%s rows %+v balance %v, want %+v", in.Path, got, in.Balance, w)
			}
		}
		if seen != len(want) {
			t.Errorf("manifest lists %d of %d response inputs: %+v", seen, len(want), m.Inputs)
		}
	})

	type check struct {
		file  string
		where map[string]string
		cols  []string
		want  []string
	}
	ct := []string{"count", "base", "pct", "weighted_pct", "suppressed", "reference", "adj_residual", "mark"}
	cur := func(q, by, group, code string) map[string]string {
		return map[string]string{"survey": "current", "question_id": q, "by": by, "group": group, "code": code}
	}
	checks := map[string]check{
		// Weights (pop 5000/4000/1000 of 10000; known-district n 14/7/2 of 23):
		// 北 .5/(14/23)=0.821429, 南 .4/(7/23)=1.314286, 東西 .1/(2/23)=1.15,
		// 地区不明 1; Σw = 11.5+9.2+2.3+1 = 24.
		// Q2=1: 北 12, 南 1 (B12), 東西 1 (A10), 不明 1 (A11) = 15/24 = 62.5%;
		// weighted (12·0.821429+1.314286+1.15+1)/24 = 13.321429/24 = 55.505952%.
		"Q2 全体 1": {"data/crosstab.csv", cur("Q2", "全体", "全体", "1"), ct,
			[]string{"15", "24", "62.5", "55.50595238095238", "false", "false", "", ""}},
		// Q1 無回答: B10 only; weighted 1.314286/24 = 5.476190%.
		"Q1 全体 NA": {"data/crosstab.csv", cur("Q1", "全体", "全体", "NA"), ct,
			[]string{"1", "24", "4.166666666666667", "5.476190476190476", "false", "false", "", ""}},
		// Q1=ない: A04 A07 A08 B05 B09 B11(alias まったくない) B08 = 7;
		// weighted (2·0.821429+5·1.314286)/24 = 8.214286/24 = 34.226190%.
		"Q1 全体 3": {"data/crosstab.csv", cur("Q1", "全体", "全体", "3"), ct,
			[]string{"7", "24", "29.166666666666668", "34.226190476190474", "false", "false", "", ""}},
		// District × Q2 table (codes 1,2; 地区不明 out): 北 12/2, 南 1/6, 東西 1/1,
		// N=23, col totals 14/9. 北·1: E = 14·14/23 = 8.521739,
		// r = (12−8.521739)/√(8.521739·(1−14/23)·(1−14/23)) = 3.044972 ≥ 2.58 → ▲.
		"Q2 北 1": {"data/crosstab.csv", cur("Q2", "地区", "北", "1"), ct,
			[]string{"12", "14", "85.71428571428571", "", "false", "false", "3.044972", "▲"}},
		// 南·1: E = 7·14/23 = 4.260870, r = (1−4.260870)/√(4.260870·(16/23)·(9/23))
		// = −3.027826 ≤ −2.58 → ▼. base 7 < 参考値基準 8 → reference.
		"Q2 南 1": {"data/crosstab.csv", cur("Q2", "地区", "南", "1"), ct,
			[]string{"1", "7", "14.285714285714286", "", "false", "true", "-3.027826", "▼"}},
		// 東西 base 2 < 秘匿基準 3: primary; 地区不明 base 1: primary too, so two
		// primaries → no complementary suppression of 南.
		"Q2 東西 1": {"data/crosstab.csv", cur("Q2", "地区", "東西", "1"), []string{"count", "base", "pct", "suppressed", "reference", "mark"},
			[]string{"1", "2", "50", "true", "true", ""}},
		"Q2 地区不明 1": {"data/crosstab.csv", cur("Q2", "地区", "地区不明", "1"), []string{"count", "base", "pct", "suppressed", "reference", "adj_residual", "mark"},
			[]string{"1", "1", "100", "true", "true", "", ""}},
		// District × Q1 (codes 1–3): 北 7/5/2, 南 0/1/5, 東西 1/1/0; N=22
		// (B10 no answer left out), col totals 8/7/7.
		// 北·3: E = 14·7/22 = 4.454545, r = (2−4.454545)/√(4.454545·(8/22)·(15/22))
		// = −2.335616: ▼ at 0.05 but not at 0.01 → no mark.
		"Q1 北 3": {"data/crosstab.csv", cur("Q1", "地区", "北", "3"), []string{"count", "base", "adj_residual", "mark"},
			[]string{"2", "14", "-2.335616", ""}},
		// 南·3: E = 6·7/22 = 1.909091 (南 row total 6 without no-answer),
		// r = (5−1.909091)/√(1.909091·(16/22)·(15/22)) = 3.176801 → ▲.
		"Q1 南 3": {"data/crosstab.csv", cur("Q1", "地区", "南", "3"), []string{"count", "base", "pct", "adj_residual", "mark"},
			[]string{"5", "7", "71.42857142857143", "3.176801", "▲"}},
		// 年代: 39歳以下 base 2 (A09, B01) primary; 40〜64歳 base 9 and
		// 65歳以上 base 12 → 40〜64歳 (smallest other) complementary. B07 (年代 blank)
		// in no group. 40〜64歳·Q1=1: A01 B02 = 2/9.
		"Q1 年代 39": {"data/crosstab.csv", cur("Q1", "年代", "39歳以下", "2"), []string{"count", "base", "suppressed", "reference", "mark"},
			[]string{"2", "2", "true", "true", ""}},
		"Q1 年代 40": {"data/crosstab.csv", cur("Q1", "年代", "40〜64歳", "1"), []string{"count", "base", "pct", "suppressed", "reference", "mark"},
			[]string{"2", "9", "22.22222222222222", "true", "false", ""}},
		// 65歳以上 Q1=1: A03 A06 A10 A12 B03 B06 = 6/12, where
		// 65+ are A02 A03 A05 A06 A08 A10 A11 A12 B03 B05 B06 B09).
		"Q1 年代 65": {"data/crosstab.csv", cur("Q1", "年代", "65歳以上", "1"), []string{"count", "base", "pct", "suppressed", "reference"},
			[]string{"6", "12", "50", "false", "false"}},
		// MA Q5 (● in a.csv, ✓ in b.xlsx): 自治会 chosen by A01 A03 A05 A09 A11 A12
		// B01 B05 B06 B09 B12 = 11/24; no choice: A04 A08 B03 = 3. No residuals.
		"Q5 全体 1": {"data/crosstab.csv", cur("Q5", "全体", "全体", "1"), []string{"count", "base", "pct", "adj_residual", "mark"},
			[]string{"11", "24", "45.833333333333336", "", ""}},
		"Q5 全体 NA": {"data/crosstab.csv", cur("Q5", "全体", "全体", "NA"), []string{"count", "base"},
			[]string{"3", "24"}},
		"Q5 北 2": {"data/crosstab.csv", cur("Q5", "地区", "北", "2"), []string{"count", "base", "adj_residual", "mark"},
			// ボランティア in 北: A01 A02 A12 B02 B06 B07 = 6/14.
			[]string{"6", "14", "", ""}},
		// Q7 対象条件 Q2=1 & F3=2,3: asked A01–A06 A10 A11 A12 B02 B03 B04 B06 B12 = 14;
		// はい: A01 A02 A04 A05 A10 A12 B02 B03 B06 = 9; no answer: A06. A08
		// answered but was not asked (warning, not counted).
		"Q7 全体 1": {"data/crosstab.csv", cur("Q7", "全体", "全体", "1"), []string{"count", "base"},
			[]string{"9", "14"}},
		"Q7 全体 2": {"data/crosstab.csv", cur("Q7", "全体", "全体", "2"), []string{"count", "base"},
			[]string{"4", "14"}},
		"Q7 全体 NA": {"data/crosstab.csv", cur("Q7", "全体", "全体", "NA"), []string{"count", "base"},
			[]string{"1", "14"}},

		// Q3 scored by 点数 5,4,3,2,1 for codes 1–5: scores of the 24 answers
		// {5×6, 4×7, 3×5, 2×4, 1×2}: mean 81/24 = 3.375, sd (n−1) 1.377222,
		// QUARTILE.INC: sorted, h=(n−1)p: q1 at 5.75 → 2, median at 11.5 → 4,
		// q3 at 17.25 → 4.25; top box (codes 1,2 肯定) 13/24 = 54.1667%.
		"Q3 summary 全体": {"data/summary.csv", map[string]string{"survey": "current", "question_id": "Q3", "by": "全体", "group": "全体"},
			[]string{"n", "mean", "sd", "median", "q1", "q3", "min", "max", "top_box_pct"},
			[]string{"24", "3.375", "1.377222", "4", "2", "4.25", "1", "5", "54.166667"}},
		// 北: scores {5×6, 4×5, 3×2, 2×1}: mean 58/14 = 4.142857, sd 0.949262,
		// q1 at 3.25 → 4, q3 at 9.75 → 5, top box 11/14.
		"Q3 summary 北": {"data/summary.csv", map[string]string{"survey": "current", "question_id": "Q3", "by": "地区", "group": "北"},
			[]string{"n", "mean", "sd", "median", "q1", "q3", "min", "max", "top_box_pct"},
			[]string{"14", "4.142857", "0.949262", "4", "4", "5", "2", "5", "78.571429"}},
		// Q4: 21 answers incl. "1,200" → 1200 and "３" → 3; sum 1620, mean 77.142857,
		// sd 258.412129, sorted 2 3 3 4 5 6 7 8 9 10 11 12 15 20 25 30 40 50 60 100 1200:
		// q1 (h=5) 6, median (h=10) 11, q3 (h=15) 30.
		"Q4 summary 全体": {"data/summary.csv", map[string]string{"survey": "current", "question_id": "Q4", "by": "全体", "group": "全体"},
			[]string{"n", "mean", "sd", "median", "q1", "q3", "min", "max", "top_box_pct"},
			[]string{"21", "77.142857", "258.412129", "11", "6", "30", "2", "1200", ""}},

		// Trend (unweighted): Q2=1 baseline 9/20 = 45%, current 15/24 = 62.5%,
		// diff 17.5; pooled p̂ = 24/44, z = 0.175/√(p̂(1−p̂)(1/20+1/24)) = 1.1609, p = 0.245716.
		"trend Q2 全体 1": {"data/trend.csv", map[string]string{"question_id": "Q2", "by": "全体", "group": "全体", "code": "1"},
			[]string{"baseline_count", "baseline_base", "baseline_pct", "current_count", "current_base", "current_pct", "diff_pt", "p_value"},
			[]string{"9", "20", "45", "15", "24", "62.5", "17.5", "0.245716"}},
		// 北: 5/10 → 12/14 printed 50.0 → 85.7, diff 35.7 (the printed figures'),
		// pooled p̂ = 17/24, p = 0.057730 (from the counts).
		"trend Q2 北 1": {"data/trend.csv", map[string]string{"question_id": "Q2", "by": "地区", "group": "北", "code": "1"},
			[]string{"baseline_count", "baseline_base", "current_count", "current_base", "diff_pt", "p_value"},
			[]string{"5", "10", "12", "14", "35.7", "0.057730"}},
		// Q3=満足: 1/20 → 6/24, diff 20, p = 0.070912.
		"trend Q3 全体 1": {"data/trend.csv", map[string]string{"question_id": "Q3", "by": "全体", "group": "全体", "code": "1"},
			[]string{"baseline_count", "current_count", "diff_pt", "p_value"},
			[]string{"1", "6", "20", "0.070912"}},

		// Indicators, 全体 weighted (methods.md §8): Kish n_eff = 24²/Σw²
		// = 576/(14·0.821429²+7·1.314286²+2·1.15²+1) = 576/25.1829 = 22.872703.
		// Wilson uses z = 1.959964 (the exact 95% quantile; docs/methods.md says 1.96).
		// I1 Q2=1: 55.505952 (weighted, as crosstab); Wilson(p, n_eff) 35.852496–73.575912;
		// p vs 40.0/50 pooled with n_eff: 0.216806. ポイント: 55.5−40.0 = 15.5 > 2,
		// 増 → better, target 80 not reached → B.
		"I1 全体": {"data/indicators.csv", map[string]string{"indicator_id": "I1", "group": "全体"},
			[]string{"baseline", "baseline_n", "current", "current_n", "ci_low", "ci_high", "target", "direction", "p_value", "evaluation"},
			[]string{"40", "50", "55.505952", "24", "35.852496", "73.575912", "80", "増", "0.216806", "B"}},
		// I2 Q3=4,5 減: weighted (1·0.821429 [B05]+… ) = 8.707143/24 = 36.279762;
		// 36.3−39.0 = −2.7 < −2 and 減 → better; target 10 not reached → B.
		// p vs 39/40: 0.830724; Wilson 19.913693–56.591733.
		"I2 全体": {"data/indicators.csv", map[string]string{"indicator_id": "I2", "group": "全体"},
			[]string{"baseline", "baseline_n", "current", "ci_low", "ci_high", "direction", "p_value", "evaluation"},
			[]string{"39", "40", "36.279762", "19.913693", "56.591733", "減", "0.830724", "B"}},
		// I4 Q1=1: weighted 28.75 → 28.8−27.5 = 1.3 within ±2 → C; p 0.909647.
		"I4 全体": {"data/indicators.csv", map[string]string{"indicator_id": "I4", "group": "全体"},
			[]string{"baseline", "baseline_n", "current", "p_value", "evaluation"},
			[]string{"=27.5", "60", "28.75", "0.909647", "C"}}, // 27.5 exactly as written
		// I4 南: 0/7 → ci_low exactly 0 (was 2.8e-15 before the wilson fix).
		"I4 南 exact": {"data/indicators.csv", map[string]string{"indicator_id": "I4", "group": "南"},
			[]string{"current", "ci_low"}, []string{"=0", "=0"}},
		// I3 Q3=1,2 baseline from baseline/: S01 S03 S06 S07 S10 S13 S17 S20 = 8/20
		// = 40% unweighted; the baseline survey is post-stratified too (weights
		// 北 .5/(10/20)=1, 南 .4/(6/20)=1.333333, 東西 .1/(4/20)=.5):
		// (5·1+1·1.333333+2·.5)/20 = 36.666667; its Kish n_eff 20²/21.666667 = 18.461538;
		// p (n_eff both sides) 0.519975; current weighted 46.607143 → 46.6−36.7 = +9.9 → B.
		"I3 全体": {"data/indicators.csv", map[string]string{"indicator_id": "I3", "group": "全体"},
			[]string{"baseline", "baseline_n", "current", "p_value", "evaluation"},
			[]string{"36.666667", "20", "46.607143", "0.519975", "B"}},
		// I3 北 (unweighted within a district): 11/14 = 78.571429 ≥ 70 → A;
		// baseline 北 S01 S03 S06 S07 S10 = 5/10; Wilson(11/14, 14) 52.410769–92.428613;
		// p (pooled 16/24) 0.143235.
		"I3 北": {"data/indicators.csv", map[string]string{"indicator_id": "I3", "group": "北"},
			[]string{"baseline", "baseline_n", "current", "current_n", "ci_low", "ci_high", "p_value", "evaluation"},
			[]string{"50", "10", "78.571429", "14", "52.410769", "92.428613", "0.143235", "A"}},
		// I3 南: 0/7 vs 1/6 (S13) → −16.7 → D; Wilson exactly 0–35.433044; p 0.260916.
		"I3 南": {"data/indicators.csv", map[string]string{"indicator_id": "I3", "group": "南"},
			[]string{"baseline", "baseline_n", "current", "current_n", "ci_low", "ci_high", "p_value", "evaluation"},
			[]string{"16.666667", "6", "0", "7", "0", "35.433044", "0.260916", "D"}},
		// I3 東西: current base 2 < 秘匿基準 3 → no figures, evaluation －.
		"I3 東西": {"data/indicators.csv", map[string]string{"indicator_id": "I3", "group": "東西"},
			[]string{"current", "ci_low", "ci_high", "p_value", "evaluation"},
			[]string{"", "", "", "", "－"}},

		// Hearings: 北町自治会 (form sheet, 北, 十分), 南ボランティア会 (tabular, 南と東西,
		// code 2 やや不足), 東西子ども食堂 (tabular, 03 = 東西, 不足).
		"H04 全体 1": {"data/hearings.csv", map[string]string{"item_id": "H04", "by": "全体", "group": "全体", "code": "1"},
			[]string{"label", "count"}, []string{"十分", "1"}},
		"H04 全体 2": {"data/hearings.csv", map[string]string{"item_id": "H04", "by": "全体", "group": "全体", "code": "2"},
			[]string{"label", "count"}, []string{"やや不足", "1"}},
		"H04 東西 2": {"data/hearings.csv", map[string]string{"item_id": "H04", "by": "地区", "group": "東西", "code": "2"},
			[]string{"count"}, []string{"1"}},
		"H04 東西 3": {"data/hearings.csv", map[string]string{"item_id": "H04", "by": "地区", "group": "東西", "code": "3"},
			[]string{"count"}, []string{"1"}},
		"H04 南 2": {"data/hearings.csv", map[string]string{"item_id": "H04", "by": "地区", "group": "南", "code": "2"},
			[]string{"count"}, []string{"1"}},
		"H04 北 1": {"data/hearings.csv", map[string]string{"item_id": "H04", "by": "地区", "group": "北", "code": "1"},
			// theme is the テーマ名 (as in indicators.csv and freetext.csv).
			[]string{"theme", "count"}, []string{"つながり", "1"}},
		"H04 NPO 3": {"data/hearings.csv", map[string]string{"item_id": "H04", "by": "団体種別", "group": "NPO", "code": "3"},
			[]string{"count"}, []string{"1"}},
	}
	for name, c := range checks {
		t.Run(name, func(t *testing.T) {
			got := csvPick(t, filepath.Join(out, c.file), c.where, c.cols...)
			if len(got) != 1 {
				t.Fatalf("%d rows match %v, want 1", len(got), c.where)
			}
			for i, col := range c.cols {
				if !bbNear(got[0][i], c.want[i]) {
					t.Errorf("%s = %q, want %q", col, got[0][i], c.want[i])
				}
			}
		})
	}

	t.Run("input error keeps outputs", func(t *testing.T) {
		// An unknown town (A05 → 北町9丁目, a.csv column B, record 6) is an error:
		// exit 1, every output untouched (issue 30), the problems in out.problems.csv.
		before := treeHashes(t, out)
		bad := bbCurrent[4]
		bad.f1 = "北町9丁目"
		var b strings.Builder
		b.WriteString(strings.Join(bbHeader, ",") + "\r\n")
		for i, r := range bbCurrent[:12] {
			if i == 4 {
				r = bad
			}
			row := bbRow(r, "●")
			row[7] = strings.ReplaceAll(row[7], ",", "") // keep the CSV simple
			b.WriteString(strings.Join(row, ",") + "\r\n")
		}
		sjis, err := japanese.ShiftJIS.NewEncoder().String(b.String())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(batch, "responses", "a.csv"), []byte(sjis), 0o644); err != nil {
			t.Fatal(err)
		}
		var so, se bytes.Buffer
		if code := exitCode(run(context.Background(), []string{"check", "-batch", batch, "-out", filepath.Join(t.TempDir(), "out")}, &so, &se)); code != 1 {
			t.Errorf("check: exit %d, want 1", code)
		}
		if code := exitCode(run(context.Background(), []string{"run", "-batch", batch, "-out", out}, &so, &se)); code != 1 {
			t.Fatalf("run: exit %d, want 1", code)
		}
		after := treeHashes(t, out)
		for p, h := range before {
			if after[p] != h {
				t.Errorf("%s changed by a failed run", p)
			}
		}
		if len(after) != len(before) {
			t.Errorf("a failed run changed the files of OUT")
		}
		got := csvPick(t, out+".problems.csv", map[string]string{"severity": "エラー"}, "code", "file", "cell", "record_id")
		want := [][]string{{"unknown-district", "responses/a.csv", "B6", "A05"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("errors %v, want %v", got, want)
		}
	})

	t.Run("freetext", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(out, "data", "freetext.csv"))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if strings.Contains(s, "045-123-4567") {
			t.Error("phone number not masked in freetext.csv")
		}
		for _, w := range []string{"買い物が不便です", "自治会の活動に参加したい", "見守りの人手が足りない"} {
			if !strings.Contains(s, w) {
				t.Errorf("freetext.csv lacks %q", w)
			}
		}
	})
}
