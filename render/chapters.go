package render

import "midreview/analyze"

// A chapterWriter writes the chapters of a handout in one format. The PDF
// (pdfDoc) and the web pages (webDoc) are two; the chapter list and its order
// live once, below, so a new chapter is added to both by one line here and one
// method per format (TestWebOrder compares the two tables of contents).
type chapterWriter interface {
	view() *View
	karte()            // 地区カルテ: opens a district handout
	overviewSection()  // 調査の概要
	summarySection()   // 調査結果の概要
	profileSection()   // 回答者の属性
	indicatorSection() // 指標の状況
	historySection()   // 指標の推移 (history/)
	themesSection()    // テーマ別の結果
	hearingSection()   // 団体ヒアリングの結果
	freeTextSection()  // 自由記述
	progressSection()  // 取組の振り返り (progress/)
	hardSection()      // ソフトとハードの連携 (ハード分類)
	districtPages()    // 地区別のまとめ
}

// writeWardReport writes the ward report's chapters in order.
func writeWardReport(w chapterWriter) {
	if w.view().NoSurvey {
		writeCycleReport(w)
		return
	}
	w.overviewSection()
	w.summarySection()
	w.profileSection()
	w.indicatorSection()
	w.themesSection()
	w.hearingSection()
	w.freeTextSection()
	w.progressSection()
	w.hardSection()
	w.districtPages()
}

// writeDistrictReport writes a district handout's chapters in order.
func writeDistrictReport(w chapterWriter) {
	if w.view().NoSurvey {
		writeCycleReport(w)
		return
	}
	w.karte()
	w.overviewSection()
	w.indicatorSection()
	w.themesSection()
	w.hearingSection()
	w.freeTextSection()
	w.progressSection()
	w.hardSection()
}

// writeCycleReport writes the handout of a year without a survey: the
// initiatives' review, the indicators as far as earlier runs had them
// (history/), the hearings when there were any, and the soft/hard chapter.
func writeCycleReport(w chapterWriter) {
	w.progressSection()
	w.historySection()
	if w.view().Hearings.Orgs > 0 {
		w.hearingSection()
	}
	w.hardSection()
}

// trendBars returns the legend and the bars of a question's 今回と前回の比較
// chart (全体), in the View's trend order: the one list the PDF and the web
// pages draw.
func trendBars(q *QuestionView) (legend []string, rows []barRow) {
	cur, base := q.Trend[0].CurrentN, q.Trend[0].BaselineN
	for _, i := range q.TrendOrder {
		t := q.Trend[i]
		rows = append(rows, barRow{label: t.Label, vals: []Fig{t.Current, t.Baseline}, ns: []Fig{cur, base}})
	}
	return []string{"今回（" + pdfN(cur) + "）", "前回（" + pdfN(base) + "）"}, rows
}

// scBands returns the band rows of an SC question's 地区別の回答の構成 chart:
// 全体 (bold), then every row of the district table dt (nil: none).
func scBands(all *RowView, dt *TableView) []bandRow {
	rows := []bandRow{pdfBand(all, analyze.GroupAll, true)}
	if dt != nil {
		for i := range dt.Rows {
			rows = append(rows, pdfBand(&dt.Rows[i], dt.Rows[i].Group, false))
		}
	}
	return rows
}
