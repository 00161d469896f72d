package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestComposedChapter adds a made-up chapter, one composer function, to the
// ward report and finds it in both formats: in the PDF's text (with the n
// folded into the figure's cell, the table numbered) and on the web page
// (the n in a column of its own, the chart's data table under it).
func TestComposedChapter(t *testing.T) {
	needTool(t, "pdftotext")
	if _, _, ok := EmbeddedFont(); !ok {
		t.Skip("no embedded font (run scripts/assets.sh)")
	}
	made := func(c *composer) {
		data := Table{Caption: "試しの図の数値", Cols: []Col{{Head: "区分", Role: RoleLabel}, {Head: "割合", Unit: "%", Role: RoleFigure}},
			Rows: [][]Cell{cells("試し地区", "12.5")}}
		c.add(Section{"試しの章"},
			Para{Text: "試しの段落です。"},
			Table{Caption: "試しの表", Cols: []Col{{Head: "区分", Role: RoleLabel, W: 40}, {Head: "割合（%）", Role: RoleFigure, W: 30},
				{Head: "n", WebHead: "割合のn", Unit: "人", Role: RoleN}}, Rows: [][]Cell{cells("試し地区", "12.5", "80")}},
			Figure{Caption: "試しの図", Bars: []barRow{{label: "試し地区", vals: []Fig{{Value: 12.5, Text: "12.5"}}}}, Data: &data},
			printOnly(Note{"印刷だけの注です。"}),
			webOnly(Note{"ウェブだけの注です。"}))
	}
	saved, savedWeb := wardChapters, webWardChapters
	wardChapters = append(append([]func(*composer){}, saved...), made)
	webWardChapters = append(append([]func(*composer){}, savedWeb...), made)
	defer func() { wardChapters, webWardChapters = saved, savedWeb }()

	v := testView()
	pdfText := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	var webOut bytes.Buffer
	if err := WebReport(&webOut, v); err != nil {
		t.Fatal(err)
	}
	page := webOut.String()
	for _, want := range []string{"試しの章", "試しの段落です。", "試しの表", "(n=80)", "試しの図", "印刷だけの注です。"} {
		if !strings.Contains(pdfText, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, not := range []string{"ウェブだけの注です。", "試しの図の数値"} {
		if strings.Contains(pdfText, not) {
			t.Errorf("PDF prints the web's %q", not)
		}
	}
	for _, want := range []string{"　試しの章</h2>", "<p>試しの段落です。</p>", "試しの表</caption>", "<th scope=\"col\">割合のn（人）</th>",
		"<td class=\"num\">80</td>", "試しの図</figcaption>", "試しの図の数値</caption>", "<th scope=\"col\">割合（%）</th>", "ウェブだけの注です。"} {
		if !strings.Contains(page, want) {
			t.Errorf("web page lacks %q", want)
		}
	}
	if strings.Contains(page, "印刷だけの注です。") {
		t.Error("web page prints the PDF's note")
	}
}

// TestWalk checks that walk draws the blocks of an Only for the medium in
// their place and skips the other medium's.
func TestWalk(t *testing.T) {
	bs := []Block{Para{Text: "a"}, printOnly(Para{Text: "p"}, webOnly(Para{Text: "never"})), webOnly(Para{Text: "w"}), Para{Text: "z"}}
	for _, tc := range []struct {
		m    Medium
		want string
	}{{Print, "apz"}, {Web, "awz"}} {
		var got string
		walk(bs, tc.m, func(b Block) { got += b.(Para).Text })
		if got != tc.want {
			t.Errorf("walk(%d) = %q, want %q", tc.m, got, tc.want)
		}
	}
}

// TestPDFColumns checks how the PDF prints a table's columns: a RoleN
// column folds into the figure before it (only when it has a text), Sub goes
// on a line of its own, a 参考値 gets ※ last, and alignment follows the role.
func TestPDFColumns(t *testing.T) {
	tb := Table{Cols: []Col{{Head: "番号", Role: RoleLabel, W: 10}, {Head: "今回（%）", Role: RoleFigure, W: 20},
		{Head: "n", Unit: "人", Role: RoleN}, {Head: "評価", W: 12, Center: true}, {Head: "目標（%）", Role: RoleFigure, W: 15}},
		Rows: [][]Cell{
			{{Text: "1"}, {Text: "48.2", Ref: true}, {Text: "312"}, {Text: "A", Bold: true}, {Text: "50.0", Sub: "（増）"}},
			{{Text: "2"}, {Text: "x"}, {Text: ""}, {Text: "－"}, {Text: ""}},
		}}
	cols, rows := pdfColumns(tb)
	wantCols := []tcol{{"番号", 10, 'L'}, {"今回（%）", 20, 'R'}, {"評価", 12, 'C'}, {"目標（%）", 15, 'R'}}
	if fmt.Sprint(cols) != fmt.Sprint(wantCols) {
		t.Errorf("cols = %v, want %v", cols, wantCols)
	}
	want := [][]tcell{
		{{text: "1"}, {text: "48.2\n(n=312)\n" + MarkReference}, {text: "A", bold: true}, {text: "50.0\n（増）"}},
		{{text: "2"}, {text: "x"}, {text: "－"}, {text: ""}},
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("rows = %+v, want %+v", rows, want)
	}
}

// TestWebTable checks the web's reading of the same kind of table: units in
// the heads, WebHead, n in a column of its own, Sub run on, （※）, the label
// column first, and figures right-aligned.
func TestWebTable(t *testing.T) {
	d := &webDoc{v: &View{}}
	d.drawTable(Table{Caption: "表題", Cols: []Col{{Head: "順位", Role: RoleFigure}, {Head: "言葉", Role: RoleLabel},
		{Head: "今回", Unit: "%", Role: RoleFigure}, {Head: "n", WebHead: "今回のn", Unit: "人", Role: RoleN}, {Head: "目標"}},
		Rows:  [][]Cell{{{Text: "1"}, {Text: "見守り"}, {Text: "48.2", Ref: true}, {Text: "312"}, {Text: "50.0", Sub: "（増）"}}},
		Notes: []string{"注）試し"}})
	got := d.body.String()
	for _, want := range []string{
		"<caption id=\"t1\">表1　表題</caption>",
		"<th scope=\"col\">言葉</th><th scope=\"col\">順位</th><th scope=\"col\">今回（%）</th><th scope=\"col\">今回のn（人）</th><th scope=\"col\">目標</th>",
		"<th scope=\"row\">見守り</th><td class=\"num\">1</td><td class=\"num\">48.2（" + MarkReference + "）</td><td class=\"num\">312</td><td>50.0（増）</td>",
		"<p class=\"note\">注）試し</p>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("web table lacks\n %s\nin\n %s", want, got)
		}
	}
}
