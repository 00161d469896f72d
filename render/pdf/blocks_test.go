package pdf

import (
	"fmt"
	"testing"

	"midreview/render/view"
)

// TestPDFColumns checks how the PDF prints a table's columns: a RoleN
// column folds into the figure before it (only when it has a text), Sub goes
// on a line of its own, a 参考値 gets ※ last, and alignment follows the role.
func TestPDFColumns(t *testing.T) {
	tb := view.Table{Cols: []view.Col{{Head: "番号", Role: view.RoleLabel, W: 10}, {Head: "今回（%）", Role: view.RoleFigure, W: 20},
		{Head: "n", Unit: "人", Role: view.RoleN}, {Head: "評価", W: 12, Center: true}, {Head: "目標（%）", Role: view.RoleFigure, W: 15}},
		Rows: [][]view.Cell{
			{{Text: "1"}, {Text: "48.2", Ref: true}, {Text: "312"}, {Text: "A", Bold: true}, {Text: "50.0", Sub: "（増）"}},
			{{Text: "2"}, {Text: "x"}, {Text: ""}, {Text: "－"}, {Text: ""}},
		}}
	cols, rows := pdfColumns(tb)
	wantCols := []tcol{{"番号", 10, 'L'}, {"今回（%）", 20, 'R'}, {"評価", 12, 'C'}, {"目標（%）", 15, 'R'}}
	if fmt.Sprint(cols) != fmt.Sprint(wantCols) {
		t.Errorf("cols = %v, want %v", cols, wantCols)
	}
	want := [][]tcell{
		{{text: "1"}, {text: "48.2\n(n=312)\n" + view.MarkReference}, {text: "A", bold: true}, {text: "50.0\n（増）"}},
		{{text: "2"}, {text: "x"}, {text: "－"}, {text: ""}},
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("rows = %+v, want %+v", rows, want)
	}
}
