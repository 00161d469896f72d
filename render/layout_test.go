package render

import (
	"bytes"
	"strings"
	"testing"

	"midreview/render/pdf"
	"midreview/render/view"
	"midreview/render/web"
)

// TestComposedChapter adds a made-up chapter, one composer function, to the
// ward report and finds it in both formats: in the PDF's text (with the n
// folded into the figure's cell, the table numbered) and on the web page
// (the n in a column of its own, the chart's data table under it).
func TestComposedChapter(t *testing.T) {
	needTool(t, "pdftotext")
	if _, _, ok := pdf.EmbeddedFont(); !ok {
		t.Skip("no embedded font (run scripts/assets.sh)")
	}
	made := func(c *view.Composer) {
		data := view.Table{Caption: "試しの図の数値", Cols: []view.Col{{Head: "区分", Role: view.RoleLabel}, {Head: "割合", Unit: "%", Role: view.RoleFigure}},
			Rows: [][]view.Cell{view.Cells("試し地区", "12.5")}}
		c.Add(view.Section{Title: "試しの章"},
			view.Para{Text: "試しの段落です。"},
			view.Table{Caption: "試しの表", Cols: []view.Col{{Head: "区分", Role: view.RoleLabel, W: 40}, {Head: "割合（%）", Role: view.RoleFigure, W: 30},
				{Head: "n", WebHead: "割合のn", Unit: "人", Role: view.RoleN}}, Rows: [][]view.Cell{view.Cells("試し地区", "12.5", "80")}},
			view.Figure{Caption: "試しの図", Bars: []view.BarRow{{Label: "試し地区", Vals: []view.Fig{{Value: 12.5, Text: "12.5"}}}}, Data: &data},
			view.PrintOnly(view.Note{Text: "印刷だけの注です。"}),
			view.WebOnly(view.Note{Text: "ウェブだけの注です。"}))
	}
	saved, savedWeb := view.WardChapters, view.WebWardChapters
	view.WardChapters = append(append([]func(*view.Composer){}, saved...), made)
	view.WebWardChapters = append(append([]func(*view.Composer){}, savedWeb...), made)
	defer func() { view.WardChapters, view.WebWardChapters = saved, savedWeb }()

	v := testView()
	pdfText := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	var webOut bytes.Buffer
	if err := web.WebReport(&webOut, v); err != nil {
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
