package render

import "midreview/analyze"

// axisCrosstabs writes question q's crosstab by every 分析軸 (View.Axes, in
// order) after the 地区 one, as the PDF's report does (pdfaxis.go): 全体
// first, then the groups, with n, x, 参考値 and ▲▼. all is q's 全体 row, or nil.
func (d *webDoc) axisCrosstabs(q *QuestionView, all *RowView) {
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
