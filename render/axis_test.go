package render

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
)

func TestAxisViews(t *testing.T) {
	long := strings.Repeat("長", 31)
	res := &analyze.Results{Axes: []analyze.Axis{
		{Question: -1, By: "Q9", Name: "世帯構成"},
		{Question: -1, By: "Q10", Name: "居住年数別"}, // already ends in 別
		{Question: -1, By: "Q11", Name: long},    // too long for a sheet
		{Question: -1, By: "Q12", Name: "年代"},    // 年代別 is taken
		{Question: -1, By: "Q[13]", Name: "a/b"}, // characters Excel refuses, twice
		{Question: -1, By: "Q9", Name: "世帯構成"},   // the same title again
		{Question: -1, By: "Q14", Name: "'引用'"},  // quotes around
		{Question: -1, By: "Q15", Name: "地区"},    // 地区別 is taken
		{Question: -1, By: "Q16", Name: "概要"},    // 概要別 is free
		{Question: -1, By: "Q17", Name: "q17別"},  // Q17別 only by case
		{Question: -1, By: "Q17", Name: "x:y"},   // and then Q17別 is taken
	}}
	var got [][2]string
	for _, a := range view.AxisViews(res) {
		got = append(got, [2]string{a.Title, a.Sheet})
	}
	want := [][2]string{
		{"世帯構成別", "世帯構成別"},
		{"居住年数別", "居住年数別"},
		{long + "別", "Q11別"},
		{"年代別", "Q12別"},
		{"a/b別", "Q_13_別"},
		{"世帯構成別", "Q9別"},
		{"'引用'別", "Q14別"},
		{"地区別", "Q15別"},
		{"概要別", "概要別"},
		{"q17別", "q17別"},
		{"x:y別", "Q17別(2)"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("titles and sheets\n got %q\nwant %q", got, want)
	}
	for _, a := range view.AxisViews(res) {
		if !view.SheetNameOK(a.Sheet) {
			t.Errorf("sheet %q is not a valid name", a.Sheet)
		}
	}
}

// axisWebformView builds the view of testdata/batches/webform with its coded
// responses (分析軸 Q1 近所付き合いの程度 and Q2 地域活動に参加していますか).
func axisWebformView(t *testing.T) *view.View {
	t.Helper()
	return view.Build(analyze.Run(axisWebformBatch(t)))
}

// axisWebformBatch is the batch of axisWebformView.
func axisWebformBatch(t *testing.T) *ingest.Batch {
	t.Helper()
	dir := filepath.Join("..", "testdata", "batches", "webform")
	fsys := fstest.MapFS{}
	for name, path := range map[string]string{
		"definitions.xlsx":     "definitions.xlsx",
		"responses/coded.xlsx": filepath.Join("coded", "coded.xlsx"),
	} {
		data, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestAxisOutputs checks that a 分析軸 reaches every publishable output: a
// sheet after 年代別 with its name as the 表側 header, x and ▲ as in the other
// sheets; a PDF crosstab after 地区別; the dashboard's selector; the sentence.
func TestAxisOutputs(t *testing.T) {
	v := axisWebformView(t)
	if len(v.Axes) != 2 || v.Axes[0].Sheet != "近所付き合いの程度別" || v.Axes[1].Sheet != "地域活動に参加していますか別" ||
		!slices.Equal(v.Axes[0].Groups, []string{"よくある", "ときどき", "ない"}) {
		t.Fatalf("Axes = %+v", v.Axes)
	}

	_, f := writeXLSX(t, v)
	sheets := f.GetSheetList()
	i := slices.Index(sheets, view.SheetByAge)
	if i < 0 || i+2 >= len(sheets) || sheets[i+1] != v.Axes[0].Sheet || sheets[i+2] != v.Axes[1].Sheet {
		t.Fatalf("sheets %q", sheets)
	}
	sh := v.Axes[1].Sheet
	col, row := xlsxFind(t, f, sh, "Q1　近所付き合いの程度")
	if head, _ := f.GetCellValue(sh, xlsxCell(col, row+1)); head != "地域活動に参加していますか" {
		t.Errorf("表側 header %q", head)
	}
	// The breakdown starts with 全体 (as the PDF's tables), then the groups.
	if got, _ := f.GetCellValue(sh, xlsxCell(col, row+2)); got != "全体" {
		t.Errorf("first row of the breakdown %q, want 全体", got)
	}
	// 参加していない: n 11, よくある 2 (18.2), ときどき 4 (36.4), ない 4 (36.4▲).
	if got, _ := f.GetCellValue(sh, xlsxCell(col+4, row+4)); got != "36.4▲" {
		t.Errorf("参加していない ない = %q, want 36.4▲", got)
	}
	// Q4 by Q1: よくある is hidden with ない (complementary).
	sh = v.Axes[0].Sheet
	_, r := xlsxFind(t, f, sh, "Q4　近所で助け合えると思うか")
	if got, _ := f.GetCellValue(sh, xlsxCell(3, r+3)); got != view.MarkSuppressed {
		t.Errorf("Q4 by Q1 よくある そう思う = %q, want x", got)
	}

	html := string(renderDashboard(t, v))
	// Note: 性別 and 年代 come before the axes in the selector (dashBreakdown).
	opt := regexp.MustCompile(`<option value="([0-9]+)">参加していない</option>`).FindStringSubmatch(html)
	if opt == nil || !strings.Contains(html, `"districts":[`) {
		t.Fatal("dashboard lacks the option 参加していない")
	}
	for _, s := range []string{`<optgroup label="地区">`, `<optgroup label="近所付き合いの程度">`, "比較する区分", `"地域活動に参加していますか：参加していない"`} {
		if !strings.Contains(html, s) {
			t.Errorf("dashboard lacks %s", s)
		}
	}

	found := false
	for _, p := range v.Passages {
		for _, l := range p.Lines {
			if strings.HasPrefix(l, "「地域活動に参加していますか」別にみると、「ない」の割合は「参加していない」（36.4%）で高く") {
				found = true
			}
		}
	}
	if !found {
		t.Error("no sentence names the 分析軸")
	}

	needTool(t, "pdftotext")
	// pdftotext gives the titles' 全角 space as a space.
	txt := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	a, b := strings.Index(txt, "Q4 地区別（%）"), strings.Index(txt, "Q4 近所付き合いの程度別（%）")
	if a < 0 || b < a || !strings.Contains(txt, "Q4 地域活動に参加していますか別（%）") {
		t.Errorf("report.pdf lacks the 分析軸 crosstabs after 地区別 (%d, %d)", a, b)
	}
	dist := string(pdfToolRun(t, renderPDFT(t, v, "北"), "pdftotext", "-layout", "{}", "-"))
	if strings.Contains(dist, "近所付き合いの程度別") {
		t.Error("a district handout holds a 分析軸 crosstab")
	}
}
