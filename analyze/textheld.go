package analyze

import "midreview/ingest"

// HeldTexts reports, parallel to texts (Results.FreeText), which texts are
// held back from every list of texts: a survey answer whose district (or
// 地区不明), or the whole survey, has fewer respondents than 秘匿基準 — the
// rule the handouts' quotes follow (textGroups). Such texts are counted in
// the drill-down and the explorer but never listed. Hearing comments are
// published per organization and never held.
//
// Note: the tabulation book's 自由記述 sheet, the office's own book, lists
// every masked text regardless (docs/design.md).
func HeldTexts(b *ingest.Batch, texts []FreeText) []bool {
	held := make([]bool, len(texts))
	if b == nil {
		return held
	}
	minBase := b.Settings.SuppressBelow
	base := map[string]int{} // district name → respondents
	for i := range b.Current.Respondents {
		base[districtName(b, b.Current.Respondents[i].District)]++
	}
	ward := len(b.Current.Respondents) >= minBase
	for i, f := range texts {
		held[i] = f.Source == SourceSurvey && (!ward || base[f.District] < minBase)
	}
	return held
}
