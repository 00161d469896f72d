package web

import (
	"strings"
	"testing"

	"midreview/render/view"
)

// TestWebTable checks the web's reading of the same kind of table: units in
// the heads, WebHead, n in a column of its own, Sub run on, （※）, the label
// column first, and figures right-aligned.
func TestWebTable(t *testing.T) {
	d := &WebDoc{v: &view.View{}}
	d.DrawTable(view.Table{Caption: "表題", Cols: []view.Col{{Head: "順位", Role: view.RoleFigure}, {Head: "言葉", Role: view.RoleLabel},
		{Head: "今回", Unit: "%", Role: view.RoleFigure}, {Head: "n", WebHead: "今回のn", Unit: "人", Role: view.RoleN}, {Head: "目標"}},
		Rows:  [][]view.Cell{{{Text: "1"}, {Text: "見守り"}, {Text: "48.2", Ref: true}, {Text: "312"}, {Text: "50.0", Sub: "（増）"}}},
		Notes: []string{"注）試し"}})
	got := d.Body.String()
	for _, want := range []string{
		"<caption id=\"t1\">表1　表題</caption>",
		"<th scope=\"col\">言葉</th><th scope=\"col\">順位</th><th scope=\"col\">今回（%）</th><th scope=\"col\">今回のn（人）</th><th scope=\"col\">目標</th>",
		"<th scope=\"row\">見守り</th><td class=\"num\">1</td><td class=\"num\">48.2（" + view.MarkReference + "）</td><td class=\"num\">312</td><td>50.0（増）</td>",
		"<p class=\"note\">注）試し</p>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("web table lacks\n %s\nin\n %s", want, got)
		}
	}
}
