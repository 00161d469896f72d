package render

import "midreview/analyze"

// axisCrosstabs prints question q's crosstab by every 分析軸 of the ward report
// (View.Axes, in order), after the 地区 one: 全体 first, then the groups, with
// n, x, 参考値 and ▲▼ as in every crosstab. all is q's 全体 row, or nil.
//
// Note: 性別 and 年代 have no table of their own in the report (the tabulation
// book holds them); a 分析軸 is printed because staff mark one precisely to
// read the results by it.
func (d *pdfDoc) axisCrosstabs(q *QuestionView, all *RowView) {
	if q.Type == "NUM" {
		return
	}
	for _, a := range d.v.Axes {
		t := pdfTable(q, a.By)
		if t == nil || len(t.Rows) == 0 {
			continue
		}
		var rows []RowView
		if all != nil && pdfRow(t, analyze.GroupAll) == nil {
			rows = append(rows, *all)
		}
		rows = append(rows, t.Rows...)
		d.crosstab(q.ID+"　"+a.Title, t, rows)
	}
}
