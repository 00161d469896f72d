package render

import (
	"bytes"
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
	saved := wardChapters
	wardChapters = append(append([]func(*composer){}, saved...), made)
	defer func() { wardChapters = saved }()

	v := testView()
	pdf := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	var web bytes.Buffer
	if err := WebReport(&web, v); err != nil {
		t.Fatal(err)
	}
	page := web.String()
	for _, want := range []string{"試しの章", "試しの段落です。", "試しの表", "(n=80)", "試しの図", "印刷だけの注です。"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, not := range []string{"ウェブだけの注です。", "試しの図の数値"} {
		if strings.Contains(pdf, not) {
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
