package analyze

import (
	"slices"

	"midreview/ingest"
)

// GroupNoTheme is the theme group of texts coded to no theme that has
// questions (comment_matrix.csv), and of hearing items of no theme: その他,
// as a review report heads what falls under no theme (never テーマなし,
// which reads as a data error: reader review 5, item 3).
const GroupNoTheme = "その他"

// textMatrix files every text (a freetext.csv row) under its themes and
// districts: comment_matrix.csv and the dashboard's theme × district
// drill-down.
//
// Rows are the themes that have a tabulated question (not free text, not an
// attribute: the dashboard's theme tabs) in sheet order, then GroupNoTheme for
// texts coded to none of them. Columns are the districts in sheet order, then
// GroupNoDistrict. A text coded to several themes, or from an organization
// active in several districts, is in each of those cells, once. Every cell is
// listed, empty ones too, row by row; a cell's texts keep freetext.csv order.
func textMatrix(b *ingest.Batch, docs []textDoc) []TextCell {
	row := make([]int, len(b.Themes)) // theme → row, -1 when it has no question
	var themes []string
	for t := range b.Themes {
		row[t] = -1
		if themeHasQuestion(b, t) {
			row[t] = len(themes)
			themes = append(themes, b.Themes[t].Name)
		}
	}
	themes = append(themes, GroupNoTheme)
	nd := len(b.Districts)
	cells := make([]TextCell, len(themes)*(nd+1))
	for i := range cells {
		t, d := i/(nd+1), i%(nd+1)
		cells[i] = TextCell{Theme: themes[t], District: districtName(b, d)}
		if d == nd {
			cells[i].District = GroupNoDistrict
		}
	}
	for i := range docs {
		var rs, cs []int
		for _, t := range docs[i].themes {
			if t >= 0 && t < len(row) && row[t] >= 0 && !slices.Contains(rs, row[t]) {
				rs = append(rs, row[t])
			}
		}
		if len(rs) == 0 {
			rs = append(rs, len(themes)-1)
		}
		for _, d := range docs[i].districts {
			if d < 0 || d >= nd {
				d = nd
			}
			if !slices.Contains(cs, d) {
				cs = append(cs, d)
			}
		}
		if len(cs) == 0 {
			cs = append(cs, nd)
		}
		for _, r := range rs {
			for _, c := range cs {
				cell := &cells[r*(nd+1)+c]
				cell.Texts = append(cell.Texts, i)
			}
		}
	}
	return cells
}

// themeHasQuestion reports whether theme t has a question that is tabulated
// or summarized: neither free text nor a respondent attribute.
func themeHasQuestion(b *ingest.Batch, t int) bool {
	for _, q := range b.Questions {
		if q.Theme == t && q.Type != ingest.FA && q.Attr == ingest.AttrNone {
			return true
		}
	}
	return false
}

// textCounts returns the number of texts of each source: the survey's free-text
// answers, then the hearing comments (freetext_counts.csv).
func textCounts(docs []textDoc) []SourceCount {
	out := []SourceCount{{Source: SourceSurvey}, {Source: SourceHearing}}
	for i := range docs {
		switch docs[i].source {
		case SourceSurvey:
			out[0].Count++
		case SourceHearing:
			out[1].Count++
		}
	}
	return out
}
