package render

import (
	"io"
	"math"
	"strconv"
	"strings"

	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/web"
)

// Open data (OUT/opendata/): the published tables in the layout the Japanese
// government recommends for machine-readable statistics (one header row, no
// merged cells, one table per file, units in the headers, numbers without
// separators or marks, UTF-8 with BOM), each with a README.
//
// Note: the tables are written from the View, not from analyze.Results, so
// that they hold exactly the figures the handouts print: a suppressed cell and
// its complementary partner are already x there (RowView.Suppressed) and have
// no number to leak, free text is only the masked quotes and comments of the
// handout, and organizations are named only when 設定 団体名の公開 is する
// (HearingView.PublicComments). Figures are as printed (one decimal for
// percentages, by analyze.Round1).

// An odTable is one open-data file: its columns with their meanings, and rows.
type odTable struct {
	name, title string
	cols        []odCol
	rows        [][]string
	note        string // a paragraph of its own for the README, after the 秘匿 rule
	rule        odRule // which publication rule its README states
}

// An odRule says which publication rule applies to a table's figures, so
// that its README states that rule and names only columns the file has.
type odRule int

const (
	odRuleNone    odRule = iota // counts of the survey's fieldwork or of initiatives, words: nothing hidden
	odRuleSurvey                // respondents' figures: 秘匿基準 and 参考値基準
	odRuleOrgs                  // organizations: counts, no shares under MinPctBase
	odRuleText                  // masked free text
	odRuleOwnNote               // the table's note states its own rule
)

// has reports whether the table has a column headed head.
func (t *odTable) has(head string) bool {
	for _, c := range t.cols {
		if c.head == head {
			return true
		}
	}
	return false
}

// An odCol is a column: its header (with the unit) and what it means.
type odCol struct{ head, about string }

// Flag values of the 秘匿 and 参考値 columns.
const (
	odYes = "1"
	odNo  = "0"
)

func odFlag(b bool) string {
	if b {
		return odYes
	}
	return odNo
}

// odFig is a figure as a bare number, as printed (Shown), empty when it is
// suppressed, not applicable or has no base.
func odFig(f view.Fig) string {
	if f.Suppressed || f.Blank() || (f.Zero && math.IsNaN(f.Value)) {
		return ""
	}
	v := f.Shown()
	if math.IsNaN(v) {
		return ""
	}
	if f.Bound {
		return "" // a bound ("<0.001") is not a number
	}
	return strconv.FormatFloat(v, 'f', f.Decimals, 64)
}

// odMark is a ▲▼ mark in words.
func odMark(m string) string {
	switch m {
	case view.MarkHigh:
		return "高い"
	case view.MarkLow:
		return "低い"
	}
	return ""
}

// OpendataFiles lists the files of opendata/ in a fixed order: README.txt
// (the index: terms of use, date, suppression rule and every file's
// columns), then per table its CSV and its README (NAME_README.txt).
func OpendataFiles(v *view.View) []view.Output {
	tables := opendataTables(v)
	outs := []view.Output{{Path: web.OpendataReadme, Write: func(w io.Writer) error {
		_, err := io.WriteString(w, bom+strings.ReplaceAll(opendataIndex(v, tables), "\n", "\r\n"))
		return err
	}}}
	for _, t := range tables {
		outs = append(outs,
			view.Output{Path: t.name + ".csv", Write: func(w io.Writer) error {
				c := newCSV(w, t.heads())
				for _, r := range t.rows {
					c.row(r...)
				}
				return c.close()
			}},
			view.Output{Path: t.name + "_README.txt", Write: func(w io.Writer) error {
				_, err := io.WriteString(w, bom+strings.ReplaceAll(t.readme(v), "\n", "\r\n"))
				return err
			}})
	}
	return outs
}

func (t *odTable) heads() []string {
	hs := make([]string, len(t.cols))
	for i, c := range t.cols {
		hs[i] = c.head
	}
	return hs
}

// odTerms is the READMEs' paragraph on the terms of use (公開ライセンス),
// with a credit line to copy.
func odTerms(v *view.View) string {
	name := v.PlanName
	if v.SurveyName != "" {
		name += " " + v.SurveyName
	}
	credit := v.Ward + "「" + name + "」オープンデータ（" + v.Date + "）"
	if v.License == ingest.LicenseGovStd {
		return "利用条件：このデータは「公共データ利用規約（第1.0版）」（デジタル庁、https://www.digital.go.jp/resources/open_data/public_data_license_v1.0）に従い、出典を記載して自由に利用できます（複製、改変、再配布、商用利用を含みます）。\n出典の記載例：" + credit + "\n"
	}
	return "利用条件：このデータは クリエイティブ・コモンズ 表示 4.0 国際 ライセンス（CC BY 4.0、https://creativecommons.org/licenses/by/4.0/deed.ja）で提供します。出典を記載すれば、複製、改変、再配布、商用利用を含めて自由に利用できます。\n出典の記載例：" + credit + "\n"
}

// odHead is the READMEs' opening lines: the plan, the ward, the survey and
// its date.
func odHead(v *view.View) string {
	s := "計画：" + v.PlanName + "\n区：" + v.Ward + "\n"
	if v.SurveyName != "" {
		s += "調査：" + v.SurveyName + "\n"
	}
	s += "基準日：" + v.Date + "（" + v.DateISO + "）\n"
	if v.Sample {
		s += "注意：サンプルデータ（架空のデータ）です。\n"
	}
	if v.InputErrors > 0 {
		s += "注意：" + v.InputErrorsText() + "\n"
	}
	return s
}

// odFormat is the READMEs' paragraph on the files' layout.
const odFormat = "形式：CSV（UTF-8、BOM付き、改行CRLF）。1行目が見出し、1行が1件。セルの結合はありません。数値は桁区切りなしの半角数字で、単位は見出しの（）内に示します。割合は小数第2位を四捨五入した小数第1位までの値です。\n"

// odSuppression is the index README's publication rules: the 秘匿 and 参考値
// rule of the survey's figures, the organizations' counts, and masked free
// text.
func odSuppression(v *view.View) string {
	return "秘匿のルール：秘匿基準は「" + v.SettingValue("秘匿基準") + "」です。回答者数（n）が秘匿基準に満たない区分は、個人の特定を避けるため回答数と割合などの数値を空欄にし、「秘匿」列のある表ではその列を 1 にしています。" +
		odComplement + "参考値基準は「" + v.SettingValue("参考値基準") + "」です。これに当たる区分は、「参考値」列のある表ではその列を 1 にしています。回答者が少ないため、結果の扱いに注意してください。\n" +
		odOrgsRule + odOrgsShares + "\n" + odTextRule
}

// odComplement is the READMEs' sentence on complementary suppression.
const odComplement = "ある集計区分で秘匿する区分が1つだけのときは、全体から逆算できないよう、回答者の最も少ない別の区分もあわせて秘匿しています（補完秘匿）。"

// odOrgsRule and odOrgsShares are the READMEs' rule for organizations'
// counts (MinPctBase): the handouts print 「4団体中3団体」 for fewer than 10
// organizations, so the CSV gives no percentage there either.
const odOrgsRule = "団体ヒアリングの数は団体の数で、個人の回答を含まないため秘匿していません。"

var odOrgsShares = "ヒアリング団体数が" + strconv.Itoa(view.MinPctBase) + "団体未満の区分は、割合が実際より大きく読めるため割合（%）を空欄にし、団体数だけを示しています（報告書の「4団体中3団体」と同じ）。"

// odTextRule is the READMEs' sentence on masked free text.
const odTextRule = "自由記述は、報告書に掲載した意見だけを載せています。氏名・電話番号・メールアドレス・郵便番号・番地までの住所など、個人が特定される語は「〇〇」に置き換えています。町名・駅名・施設名などの地名は、意見や課題の場所がわかるよう、そのまま載せています。\n"

// ruleText is a table's README paragraph on what is hidden or left out,
// naming only the columns the table has ("" for a table of plain counts).
func (t *odTable) ruleText(v *view.View) string {
	switch t.rule {
	case odRuleSurvey:
		s := "秘匿のルール：秘匿基準は「" + v.SettingValue("秘匿基準") + "」です。回答者数（n）が秘匿基準に満たない区分は、個人の特定を避けるため回答数と割合などの数値を空欄に"
		if t.has("秘匿") {
			s += "し、「秘匿」列を 1 にしています。"
		} else {
			s += "しています。"
		}
		s += odComplement + "参考値基準は「" + v.SettingValue("参考値基準") + "」です。"
		if t.has("参考値") {
			s += "これに当たる区分は「参考値」列を 1 にしています。"
		} else {
			s += "これに当たる値も示しています。"
		}
		return s + "回答者が少ないため、結果の扱いに注意してください。\n"
	case odRuleOrgs:
		if t.has("割合（%）") {
			return "公表のルール：" + odOrgsRule + odOrgsShares + "\n"
		}
		return "公表のルール：" + odOrgsRule + "\n"
	case odRuleText:
		return "公表のルール：" + odTextRule
	case odRuleOwnNote:
		return "秘匿のルール：秘匿基準は「" + v.SettingValue("秘匿基準") + "」です。\n"
	}
	return ""
}

// odContact is the READMEs' 問い合わせ先 (設定), "" when not given.
func odContact(v *view.View) string {
	if len(v.Contact) == 0 {
		return ""
	}
	return "問い合わせ先：" + strings.Join(v.Contact, "\n　") + "\n"
}

// readme is the file's README: what it is, the survey and its date, the
// terms of use, every column, and the suppression rule.
func (t *odTable) readme(v *view.View) string {
	var b strings.Builder
	b.WriteString(t.title + "（" + t.name + ".csv）\n\n")
	b.WriteString(odHead(v))
	b.WriteString("\n" + odTerms(v) + "\n" + odFormat + "\n")
	b.WriteString("列の説明：\n")
	for _, c := range t.cols {
		b.WriteString("- " + c.head + "：" + c.about + "\n")
	}
	if r := t.ruleText(v); r != "" || t.note != "" {
		b.WriteString("\n" + r)
	}
	if t.note != "" {
		b.WriteString(t.note + "\n")
	}
	if c := odContact(v); c != "" {
		b.WriteString("\n" + c)
	}
	b.WriteString("\n作成：midreview（" + v.Ward + " " + v.PlanName + "）\n")
	return b.String()
}

// opendataIndex is opendata/README.txt: what the folder is, its terms of
// use, the date, the suppression rule, every file with its columns, and how
// the folder is published beside the web report.
func opendataIndex(v *view.View, tables []*odTable) string {
	var b strings.Builder
	b.WriteString(v.PlanName + " 中間振り返り オープンデータ（" + v.Ward + "）\n\n")
	b.WriteString(odHead(v))
	b.WriteString("\nこのフォルダは、ウェブ版の報告書（web/）に載せた数値を、機械で読める表（CSV）にしたものです。数値はウェブ版・報告書と同じです。\n\n")
	b.WriteString(odTerms(v) + "\n" + odFormat + "\n" + odSuppression(v))
	for _, t := range tables {
		if t.note != "" {
			b.WriteString(t.note + "\n")
		}
	}
	b.WriteString("\nファイルの一覧：\n")
	for _, t := range tables {
		b.WriteString("\n■ " + t.name + ".csv：" + t.title + "（" + strconv.Itoa(len(t.rows)) + "行。説明は " + t.name + "_README.txt）\n")
		for _, c := range t.cols {
			b.WriteString("- " + c.head + "：" + c.about + "\n")
		}
	}
	b.WriteString("\n公開のしかた：出力フォルダの web/（ウェブ版）と opendata/（このフォルダ）を、同じ階層のまま同じ場所に置くと、ウェブ版からこのフォルダへのリンクがそのまま使えます。印刷用の報告書（report.pdf と districts/）は委員会の資料で、公開用のファイルでは伏せている団体名などを含むため、一緒には置きません。\n")
	if c := odContact(v); c != "" {
		b.WriteString("\n" + c)
	}
	b.WriteString("\n作成：midreview（" + v.Ward + " " + v.PlanName + "）\n")
	return b.String()
}

// opendataTables builds every open-data table from the View.
func opendataTables(v *view.View) []*odTable {
	var out []*odTable
	add := func(t *odTable) {
		if len(t.rows) > 0 {
			out = append(out, t)
		}
	}

	// Note: a year without a survey publishes what its handout prints (the
	// PDF's writeCycleReport): no survey overview of zeros, and the hearings only
	// when there were any.
	survey := !v.NoSurvey
	hearings := survey || v.Hearings.Orgs > 0

	ov := &odTable{name: "overview", title: "調査の回収状況", cols: []odCol{
		{"区分", "全体または地区名"},
		{"配布数（票）", "配布した調査票の数（不明のときは空欄）"},
		{"有効回答数（票）", "集計に用いた回答の数"},
		{"回収率（%）", "有効回答数÷配布数×100"},
	}, rule: odRuleNone}
	for _, r := range v.Overview.Rows {
		ov.rows = append(ov.rows, []string{csvText(r.Name), odFig(r.Distributed), odFig(r.Valid), odFig(r.Rate)})
	}
	if survey {
		add(ov)
	}

	ct := &odTable{name: "crosstab", title: "設問別の集計結果（クロス集計）", cols: []odCol{
		{"設問ID", "設問の番号"},
		{"設問", "設問文"},
		{"回答形式", "SA：単一回答、MA：複数回答、SC：評定尺度"},
		{"集計区分", "全体、地区、性別、年代"},
		{"区分", "集計区分の中の区分（地区名など）"},
		{"選択肢コード", "選択肢の番号（NA は無回答）"},
		{"選択肢", "選択肢の文言"},
		{"回答者数（人）", "その区分の回答者数（割合の基数 n）"},
		{"回答数（人）", "その選択肢を選んだ人数（秘匿のときは空欄）"},
		{"割合（%）", "回答数÷回答者数×100（重み付けをしたときは全体の値は重み付け後の割合。秘匿のときは空欄）"},
		{"全体との比較", "全体と比べて統計的に有意に「高い」「低い」（調整済み標準化残差による検定）。空欄は有意差なし"},
		{"秘匿", "1：回答者が少ないため秘匿、0：公表"},
		{"参考値", "1：回答者が少ないため参考値、0：通常"},
	}, rule: odRuleSurvey}
	for _, q := range v.Questions {
		if q.Type == "NUM" {
			continue
		}
		for _, t := range q.Tables {
			for _, r := range t.Rows {
				for i, h := range t.Heads {
					code := ""
					if i < len(t.Codes) {
						code = t.Codes[i]
					}
					var count, pct, mark string
					if !r.Suppressed {
						if i < len(r.Counts) {
							count = odFig(r.Counts[i])
						}
						if i < len(r.Cells) {
							pct, mark = odFig(r.Cells[i]), odMark(r.Cells[i].Mark)
						}
					}
					ct.rows = append(ct.rows, []string{csvText(q.ID), csvText(q.Text), q.Type, t.By, csvText(r.Group), csvText(code), csvText(h),
						odFig(r.N), count, pct, mark, odFlag(r.Suppressed), odFlag(r.Reference)})
				}
			}
		}
	}
	add(ct)

	sm := &odTable{name: "summary", title: "評定尺度・数値の設問の要約", cols: []odCol{
		{"設問ID", "設問の番号"},
		{"設問", "設問文"},
		{"区分", "全体または地区名"},
		{"回答者数（人）", "集計した回答者数"},
		{"平均", "平均値（評定尺度は点数、数値の設問はその単位）"},
		{"標準偏差", "標準偏差"},
		{"中央値", "中央値"},
		{"最小", "最小値"},
		{"最大", "最大値"},
		{"肯定的な回答（%）", "評定尺度で肯定的な選択肢を選んだ人の割合。分母は無回答を含む回答者数（数値の設問は空欄）"},
		{"秘匿", "1：回答者が少ないため秘匿（数値は空欄）、0：公表"},
		{"参考値", "1：回答者が少ないため参考値、0：通常"},
	}, rule: odRuleSurvey}
	for _, q := range v.Questions {
		for _, s := range q.Summary {
			row := []string{csvText(q.ID), csvText(q.Text), csvText(s.Group), odFig(s.N)}
			for _, f := range []view.Fig{s.Mean, s.SD, s.Median, s.Min, s.Max, s.TopBox} {
				if s.Suppressed {
					f = view.SuppressedFig(f.Decimals)
				}
				row = append(row, odFig(f))
			}
			sm.rows = append(sm.rows, append(row, odFlag(s.Suppressed), odFlag(s.Reference)))
		}
	}
	add(sm)

	// Note: the trend compares the baseline survey (策定時調査), never 前回
	// (the latest survey of history/): one word for each survey (surveys.go).
	tr := &odTable{name: "trend", title: view.NameBaseline + "との比較（全体）", cols: []odCol{
		{"設問ID", "設問の番号"},
		{"設問", "設問文"},
		{"選択肢", "選択肢の文言"},
		{view.WordBaseline + "の回答者数（人）", view.NameBaseline + "の回答者数"},
		{view.WordBaseline + "（%）", view.NameBaseline + "の割合"},
		{"今回の回答者数（人）", "今回調査の回答者数"},
		{"今回（%）", "今回調査の割合"},
		{"差（ポイント）", "今回（%）−" + view.WordBaseline + "（%）：表示した2つの割合の差"},
		{"p値", "2つの割合の差の検定の p 値（0.001 未満は空欄で「有意差」列を参照）"},
		{"有意差", "1：有意水準で有意な差、0：有意な差なし"},
	}, rule: odRuleSurvey}
	tr.note = "差（ポイント）とp値は、" + view.WordBaseline + "と今回の両方の割合を示せるときだけ示し、どちらかが空欄（秘匿）のときは空欄にしています。"

	for _, q := range v.Questions {
		for _, t := range q.Trend {
			tr.rows = append(tr.rows, []string{csvText(q.ID), csvText(q.Text), csvText(t.Label), odFig(t.BaselineN), odFig(t.Baseline),
				odFig(t.CurrentN), odFig(t.Current), odFig(t.Diff), odFig(t.P), odFlag(t.Significant)})
		}
	}
	add(tr)

	in := &odTable{name: "indicators", title: "計画の指標（" + view.WordBaseline + "値・今回値・目標・評価）", cols: []odCol{
		{"指標ID", "指標の番号"},
		{"指標", "指標の名前"},
		{"テーマ", "計画のテーマ"},
		{"区分", "全体または地区名"},
		{view.WordBaseline + "値（%）", view.NameBaseline + "の値"},
		{view.WordBaseline + "の回答者数（人）", view.WordBaseline + "値の基数"},
		{"今回値（%）", "今回の値（秘匿のときは空欄）"},
		{"今回の回答者数（人）", "今回値の基数（秘匿のときは空欄）"},
		{"95%信頼区間の下限（%）", "今回値の95%信頼区間（Wilson法）の下限（秘匿のときは空欄）"},
		{"95%信頼区間の上限（%）", "今回値の95%信頼区間（Wilson法）の上限（秘匿のときは空欄）"},
		{"目標値（%）", "計画の目標値"},
		{"目標の方向", "増：増やす目標、減：減らす目標"},
		{"評価", "A：目標を達成（策定時値がなくても判定）、B：改善、C：変化なし、D：悪化、－：評価できない（目標に届かず策定時値がない、または秘匿）"},
		{"秘匿", "1：回答者が少ないため秘匿、0：公表"},
		{"参考値", "1：回答者が少ないため参考値、0：通常"},
		{view.WordBaseline + "値の参考値", "1：" + view.WordBaseline + "の回答者が少ないため参考値、0：通常（秘匿・不明のときは0）"},
	}, rule: odRuleSurvey}
	addInd := func(group string, r view.IndicatorRow) {
		curN := odFig(r.CurrentN)
		if r.Current.Suppressed {
			curN = ""
		}
		in.rows = append(in.rows, []string{csvText(r.ID), csvText(r.Name), csvText(r.Theme), csvText(group), odFig(r.Baseline), odFig(r.BaselineN),
			odFig(r.Current), curN, odFig(r.CILow), odFig(r.CIHigh), odFig(r.Target), r.Direction, r.Evaluation, odFlag(r.Current.Suppressed), odFlag(r.Reference), odFlag(r.BaselineRef)})
	}
	for _, r := range v.Indicators.Rows {
		addInd(view.GroupAll, r)
	}
	for _, d := range v.Districts {
		for _, r := range v.Indicators.ByDistrict[d] {
			addInd(d, r)
		}
	}
	add(in)

	ho := &odTable{name: "hearing_orgs", title: "団体ヒアリングを行った団体の数", cols: []odCol{
		{"集計区分", "地区または団体種別"},
		{"区分", "地区名または団体種別"},
		{"団体数（団体）", "ヒアリングを行った団体の数"},
	}, rule: odRuleOrgs}
	for _, c := range v.Hearings.ByDistrict {
		ho.rows = append(ho.rows, []string{view.ByDistrict, csvText(c.Name), odFig(c.N)})
	}
	for _, c := range v.Hearings.ByType {
		ho.rows = append(ho.rows, []string{view.ByOrgType, csvText(c.Name), odFig(c.N)})
	}
	if hearings {
		add(ho)
	}

	hr := &odTable{name: "hearing_ratings", title: "団体ヒアリングの評価", cols: []odCol{
		{"項目ID", "ヒアリング項目の番号"},
		{"項目", "ヒアリング項目"},
		{"テーマ", "計画のテーマ"},
		{"区分", "全体または地区名"},
		{"評価", "評価の選択肢。その項目を評価しなかった団体は「無回答」（評価しなかった団体がある項目だけ）"},
		{"ヒアリング団体数（団体）", "その区分でヒアリングを行った団体の数（割合の基数。無回答を含む）"},
		{"団体数（団体）", "その評価を選んだ団体の数"},
		{"割合（%）", "団体数÷ヒアリング団体数×100（ヒアリング団体数が" + strconv.Itoa(view.MinPctBase) + "団体未満のときは空欄）"},
	}, rule: odRuleOrgs}
	for _, r := range v.Hearings.Ratings {
		rowsOf := func(group string, rr view.RatingRow) {
			for i, l := range r.Labels {
				var c, s view.Fig
				if i < len(rr.Counts) {
					c, s = rr.Counts[i], rr.Shares[i]
				}
				if view.FewOrgs(rr) {
					s = view.Fig{Value: math.NaN()} // counts only, as the handouts print them
				}
				hr.rows = append(hr.rows, []string{csvText(r.ItemID), csvText(r.Name), csvText(r.Theme), csvText(group), csvText(l), odFig(rr.N), odFig(c), odFig(s)})
			}
		}
		rowsOf(view.GroupAll, r.All)
		for _, d := range v.Districts {
			if rr, ok := r.ByDistrict[d]; ok {
				rowsOf(d, rr)
			}
		}
	}
	if hearings {
		add(hr)
	}

	// Note: the masker keeps place names (towns, stations, facilities:
	// analyze.NewMasker protects the 町名 sheet), so the READMEs say so.
	about := "団体からの意見（個人が特定される語は「〇〇」に置き換え済み、地名はそのまま。団体名は載せていません）"
	if v.Hearings.OrgsPublished {
		about = "団体からの意見（「団体名: 意見」の形。意見の中の個人が特定される語は「〇〇」に置き換え済み、地名はそのまま）"
	}
	hc := &odTable{name: "hearing_comments", title: "団体ヒアリングでの意見", cols: []odCol{
		{"テーマ", "意見のテーマ"},
		{"地区", "団体の地区"},
		{"意見", about},
	}, rule: odRuleText}
	for _, g := range v.Hearings.PublicComments {
		for _, it := range g.Items {
			hc.rows = append(hc.rows, []string{csvText(g.Theme), csvText(g.District), csvText(it)})
		}
	}
	if hearings {
		add(hc)
	}

	qt := &odTable{name: "quotes", title: "自由記述の主な意見（報告書に掲載したもの）", cols: []odCol{
		{"テーマ", "意見のテーマ（地区別の抜粋では空欄）"},
		{"地区", "地区別の抜粋の地区（テーマ別の抜粋では空欄）"},
		{"意見", "区民の意見（個人が特定される語は「〇〇」に置き換え済み）"},
	}, rule: odRuleText}
	for _, g := range v.FreeText.Quotes {
		for _, it := range g.Items {
			qt.rows = append(qt.rows, []string{csvText(g.Theme), csvText(g.District), csvText(it)})
		}
	}
	add(qt)

	kw := &odTable{name: "keywords", title: "自由記述でよく使われた言葉（全体）", cols: []odCol{
		{"順位", "回数の多い順"},
		{"言葉", "名詞・動詞・形容詞の基本形（打ち消しは「足りない」のように打ち消しの形）"},
		{"回数（回）", "自由記述に出てきた回数"},
	}, rule: odRuleNone}
	for i, k := range v.FreeText.Keywords {
		kw.rows = append(kw.rows, []string{strconv.Itoa(i + 1), csvText(k.Key), strings.ReplaceAll(k.Value, ",", "")})
	}
	add(kw)

	if pv := v.Progress; pv != nil {
		pc := &odTable{name: "progress_counts", title: "取組の進ちょく別の数（年度別）", cols: []odCol{
			{"区分", "全体または地区名"},
			{"年度", "報告の年度"},
			{"進ちょく", "進ちょくの評価（未評価は評価のない報告）"},
			{"取組数（件）", "その評価の取組の数"},
		}}
		addCounts := func(rows []view.ProgressCountRow) {
			for _, r := range rows {
				for i, l := range pv.Labels {
					if i < len(r.Counts) {
						pc.rows = append(pc.rows, []string{csvText(r.Group), r.Year, csvText(l), odFig(r.Counts[i])})
					}
				}
				pc.rows = append(pc.rows, []string{csvText(r.Group), r.Year, "未評価", odFig(r.Unrated)})
			}
		}
		addCounts(pv.Ward)
		for _, d := range v.Districts {
			addCounts(pv.DistrictCounts[d])
		}
		add(pc)
	}
	if hv := v.Hard; hv != nil {
		add(hardCountsTable(hv))
	}
	return out
}

// hardCountsTable is opendata/hard_counts.csv: the counts of the chapter
// ソフトとハードの連携 as web/ prints them, by source, group and category, with
// the public 秘匿 (HardRow.Public). The list of texts (data/hard_issues.csv)
// is never published; its quotes are in the handouts only.
func hardCountsTable(hv *view.HardView) *odTable {
	t := &odTable{name: "hard_counts", title: "物理的な対応（ハード）が必要な課題の数", cols: []odCol{
		{"出どころ", "区民の自由記述（調査の自由記述）、団体ヒアリング（意見）、取組の振り返り（振り返りシートの課題）、計（すべての出どころ）"},
		{"年度", "取組の振り返りシートの年度（空欄はすべての年度と、年度のない区民の自由記述・団体ヒアリング）"},
		{"区分", "地区名、区全体の取組（地区を限らない区全体の計画の取組）、地区不明、全体"},
		{"分類", "ハード分類（計：いずれかの分類に入る記述）"},
		{"件数（件）", "その分類に入る記述の数（一つの記述が複数の分類に入ることがあるため、分類の合計は計と一致しません。秘匿のときは空欄）"},
		{"秘匿", "1：回答者が少ない地区の区民の記述を含むため秘匿、0：公表"},
	}, rule: odRuleOwnNote}
	t.note = "ハードの課題の数の秘匿：調査の回答者数が秘匿基準に満たない地区（地区不明を含む）は、区民の記述の数（出どころが区民の自由記述と計の行）を空欄にし、「秘匿」列を 1 にしています。" +
		"秘匿する地区が1つだけのときは、全体から逆算できないよう、回答者の最も少ない別の地区もあわせて秘匿しています（補完秘匿）。団体ヒアリングと取組の振り返りの数は、区民の記述を含まないため秘匿していません。回答者が1人もいない地区は、区民の記述の数が0と決まっているため秘匿していません。" +
		"掲載した課題の記述そのものは報告書とウェブ版にだけ載せています（個人が特定される語は「〇〇」に置き換え、回答者の少ない地区の区民の記述は載せていません）。"
	add := func(source, year string, r view.HardRow) {
		p := r.Public()
		for c, cat := range hv.Categories {
			t.rows = append(t.rows, []string{csvText(source), year, csvText(r.Group), csvText(cat.Name), odFig(p.Counts[c]), odFlag(p.Suppressed)})
		}
		t.rows = append(t.rows, []string{csvText(source), year, csvText(r.Group), view.GroupAnyHard, odFig(p.Total), odFlag(p.Suppressed)})
	}
	for s, src := range hv.Sources {
		for i, r := range hv.Rows {
			b := hv.BySource[i][s]
			b.Group = r.Group
			add(src, "", b)
		}
	}
	for _, r := range hv.Rows {
		add("計", "", r)
	}
	for i, y := range hv.Years {
		r := hv.ByYear[i]
		r.Group = view.GroupAll
		add(view.HardSourceLabels[2].Label, y, r) // 取組の振り返り
	}
	return t
}
