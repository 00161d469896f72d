package web

// The web pages are read by residents, the PDF handouts by the committee:
// the handouts keep the statistical terms (基数, 秘匿基準, 有意水準, p値, 95%信頼区間,
// 調整済み標準化残差, χ², 検定), the web says the same in plain words. The
// composers (render/view) give each such sentence, note, legend and column
// head its web wording beside the handouts' (Finding.WebLines,
// Bullets.WebItems, Table.WebNotes, Col.WebHead; the sentence templates'
// web variants in render/wording) and leave the web the columns only the
// committee needs (Col.NotWeb: 標準偏差, p値). This writer prints the web
// wording as composed and rewrites no text: a resident's quote or the
// secretariat's wording is printed as written.

// PlainForbidden are the terms no web page prints outside the words of
// residents and staff (TestWebPlainWords).
var PlainForbidden = []string{"調整済み標準化残差", "基数", "秘匿基準", "有意水準", "p値", "信頼区間", "χ²", "カイ二乗", "検定"}
