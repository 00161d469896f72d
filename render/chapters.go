package render

// The handouts' chapters in order, each composed once (compose.go,
// composehard.go) as blocks that the PDF writer (pdfblocks.go) and the web
// writer (webblocks.go) draw. A new chapter is one composer function and
// one line here; it shows in report.pdf and web/index.html (or the
// district's PDF and web page) alike (TestWebOrder compares the two tables
// of contents, TestComposedChapter adds one).

// wardChapters are the ward report's chapters (report.pdf, web/index.html).
var wardChapters = []func(*composer){(*composer).overview, (*composer).summary, (*composer).profile,
	(*composer).indicators, (*composer).themes, (*composer).hearings, (*composer).freeText, (*composer).progress,
	(*composer).hard, (*composer).districtPages}

// districtChapters are a district handout's chapters (districts/NN_地区名.pdf,
// web/districts/NN.html).
var districtChapters = []func(*composer){(*composer).karte, (*composer).overview, (*composer).indicators,
	(*composer).themes, (*composer).hearings, (*composer).freeText, (*composer).progress, (*composer).hard}

// webWardChapters are the ward report's chapters as web/index.html orders
// them: the same composers as wardChapters, findings first (調査結果の概要
// opens the page) and the survey's description last (調査の概要 with 集計の
// 設定, then 回答者の属性), before the page's 報告書の見方. Residents read the
// results first; the committee's handout keeps the report's order
// (TestWebChaptersPermute checks that both lists hold the same composers).
var webWardChapters = []func(*composer){(*composer).summary, (*composer).indicators, (*composer).themes,
	(*composer).hearings, (*composer).freeText, (*composer).progress, (*composer).hard, (*composer).districtPages,
	(*composer).overview, (*composer).profile}

// webDistrictChapters are a district page's chapters (web/districts/NN.html):
// the 地区カルテ first, 調査の概要 last.
var webDistrictChapters = []func(*composer){(*composer).karte, (*composer).indicators, (*composer).themes,
	(*composer).hearings, (*composer).freeText, (*composer).progress, (*composer).hard, (*composer).overview}

// webReport is the chapters of a web page in the web's order: the ward's
// ("") or a district's. A year without a survey has no survey chapters to
// move and keeps cycleReport's order.
func webReport(v *View, district string) []Block {
	switch {
	case v.NoSurvey:
		return cycleReport(v, district)
	case district == "":
		return compose(v, "", webWardChapters...)
	}
	return compose(v, district, webDistrictChapters...)
}

// wardReport is the ward report's chapters.
func wardReport(v *View) []Block {
	if v.NoSurvey {
		return cycleReport(v, "")
	}
	return compose(v, "", wardChapters...)
}

// districtReport is a district handout's chapters.
func districtReport(v *View, district string) []Block {
	if v.NoSurvey {
		return cycleReport(v, district)
	}
	return compose(v, district, districtChapters...)
}

// cycleReport is the handout of a year without a survey: the initiatives'
// review, the indicators as far as earlier runs had them (history/), the
// hearings when there were any, and the soft/hard chapter; a district's
// handout shows the district's part of each.
func cycleReport(v *View, district string) []Block {
	fs := []func(*composer){(*composer).progress, (*composer).history}
	if district == "" {
		// 結果の概要: the delayed initiatives (and the hearings) first.
		fs = append([]func(*composer){(*composer).summary}, fs...)
	}
	if v.Hearings.Orgs > 0 {
		fs = append(fs, (*composer).hearings)
	}
	return compose(v, district, append(fs, (*composer).hard)...)
}
