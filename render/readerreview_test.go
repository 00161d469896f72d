package render

import (
	"bytes"
	"encoding/csv"
	"github.com/xuri/excelize/v2"
	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/web"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSuppressedDistrictInEveryFigure: a district handout's bar chart of an
// SA/MA question keeps the district's series when its row is suppressed,
// every bar x and the district's name with its n and ※ (参考値), so the
// chart is never read as the district's own figures (reader item 14: the
// small batch's 南 showed 全体's 35.0/40.0/20.0/5.0 alone, no legend).
func TestSuppressedDistrictInEveryFigure(t *testing.T) {
	v := testView()
	d := v.Districts[2]
	q := &v.Questions[3] // Q4 MA
	for i := range q.Tables {
		for j := range q.Tables[i].Rows {
			if r := &q.Tables[i].Rows[j]; r.Group == d {
				*r = pdfRowT(d, 4, []int{2, 1, 1, 0, 0, 0, 0}, nil, true, true)
			}
		}
	}
	view.SetChartOrders(q)
	for _, m := range []view.Medium{view.Print, view.Web} {
		var figs []view.Figure
		view.Walk(view.DistrictReport(v, d), m, func(b view.Block) {
			if f, ok := b.(view.Figure); ok && strings.HasPrefix(f.Caption, q.ID+"　") {
				figs = append(figs, f)
			}
		})
		if len(figs) != 1 {
			t.Fatalf("medium %d: %d figures, want 1", m, len(figs))
		}
		f := figs[0]
		if len(f.Series) != 2 || f.Series[0] != d+"※（n=4）" || !strings.HasPrefix(f.Series[1], "全体") {
			t.Errorf("medium %d: series %q, want %q then 全体", m, f.Series, d+"※（n=4）")
		}
		for _, b := range f.Bars {
			if len(b.Vals) != 2 || !b.Vals[0].Suppressed || b.Vals[0].Text != view.MarkSuppressed {
				t.Errorf("medium %d: %s: bars %+v, want the district's x first", m, b.Label, b.Vals)
			}
		}
	}
}

// TestComputedBoxNote: a question's text that prints a combined box
// (『そう思う（計）』, computed from the counts) beside the chart of its parts
// may differ from the sum of the printed parts (reader item 1: Q7
// 『そう思う（計）』 46.1% over 18.0 + 28.2 = 46.2); 報告書の見方 says so once,
// and no question repeats it (reader review 5, item 9: the note stood under
// every such question, and over charts with no (計)).
func TestComputedBoxNote(t *testing.T) {
	v := testView()
	q := &v.Questions[4] // Q5 SC
	v.Passages = append(v.Passages, view.Passage{Place: "設問", Target: q.ID,
		Lines: []string{"「満足」と「やや満足」を合わせた『満足（計）』は 55.0% です。"}})
	notes := func(q *view.QuestionView) (out []string) {
		inQ := false
		view.Walk(view.WardReport(v), view.Print, func(b view.Block) {
			switch x := b.(type) {
			case view.Heading:
				inQ = strings.HasPrefix(x.Text, q.ID+" ") || strings.HasPrefix(x.Text, q.ID+"　")
			case view.Note:
				if inQ {
					out = append(out, x.Text)
				}
			}
		})
		return out
	}
	if got := notes(q); slices.Contains(got, "注）"+view.ComputedBoxNote) {
		t.Errorf("Q5 notes %q repeat 「%s」 of 報告書の見方", got, view.ComputedBoxNote)
	}
	if got := notes(&v.Questions[2]); slices.Contains(got, "注）"+view.ComputedBoxNote) {
		t.Errorf("Q3 (no box) notes %q carry the box note", got)
	}
	if !slices.Contains(view.GuideItems(v, nil, view.Print), view.ComputedBoxNote) {
		t.Errorf("報告書の見方 does not say %q", view.ComputedBoxNote)
	}
}

// TestGradeLegendWithoutBaseline: an indicator without a baseline that
// reached its target is graded A (analyze: A needs only the target), so the
// legend must not say that no baseline means 「－」 (reader item 9: 大曽根 I6
// A with 策定時 empty, under 「－：評価できない（策定時値なし…）」).
func TestGradeLegendWithoutBaseline(t *testing.T) {
	for _, st := range []ingest.Settings{{Alpha: 0.05}, {Evaluation: ingest.EvalPoints, Margin: 2}} {
		res := buildTestResults()
		res.Batch.Settings = st
		legend := view.Build(res).Indicators.Legend
		a, none := legend[0], legend[len(legend)-1]
		if a.Key != analyze.EvalA || !strings.Contains(a.Value, "値がなくても判定") {
			t.Errorf("A: %q does not say it needs no baseline", a.Value)
		}
		if none.Key != analyze.EvalNone || !strings.Contains(none.Value, "目標値に達しておらず") {
			t.Errorf("－: %q reads as if no baseline always meant －", none.Value)
		}
	}
	if g := view.GuideItems(testView(), nil, view.Print); !slices.ContainsFunc(g, func(s string) bool {
		return strings.Contains(s, "A：目標を達成（策定時値がなくても判定）")
	}) {
		t.Errorf("報告書の見方 does not say A needs no baseline")
	}
}

// TestXLSXSettingsAsNumbers: the 概要 sheet's settings that are numbers
// (配布数 4,762, 有意水準 0.05) are number cells in the format printed, the
// others text (reader item 15: both were text).
func TestXLSXSettingsAsNumbers(t *testing.T) {
	v := testView()
	v.Settings = append(v.Settings, view.KV{Key: "配布数", Value: "4,762"})
	_, f := writeXLSX(t, v)
	for _, c := range []struct {
		key, raw string
		num      bool
	}{{"配布数", "4762", true}, {"有意水準", "0.05", true}, {"秘匿基準", "10人未満", false}} {
		col, row := xlsxFind(t, f, view.SheetOverview, c.key)
		cell := xlsxCell(col+1, row)
		typ, err := f.GetCellType(view.SheetOverview, cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue(view.SheetOverview, cell, excelize.Options{RawCellValue: true})
		isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
		if c.num == isText || (c.num && raw != c.raw) {
			t.Errorf("%s: %s %q (type %v), want number %v", c.key, cell, raw, typ, c.num)
		}
		if shown, _ := f.GetCellValue(view.SheetOverview, cell); c.num && shown != map[bool]string{true: "4,762", false: "0.05"}[c.key == "配布数"] {
			t.Errorf("%s: shown as %q", c.key, shown)
		}
	}
}

// TestOpendataIndicatorInterval: opendata/indicators.csv gives the 95%
// interval as two numeric columns (下限, 上限), not the text 「(2.2–47.1)」
// (reader item 15); a suppressed row leaves both empty.
func TestOpendataIndicatorInterval(t *testing.T) {
	v := view.Build(buildTestResults())
	var rows [][]string
	for _, o := range OpendataFiles(v) {
		if o.Path != "indicators.csv" {
			continue
		}
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
		var err error
		if rows, err = r.ReadAll(); err != nil {
			t.Fatal(err)
		}
	}
	if len(rows) < 3 {
		t.Fatalf("indicators.csv: %d rows", len(rows))
	}
	lo, hi := slices.Index(rows[0], "95%信頼区間の下限（%）"), slices.Index(rows[0], "95%信頼区間の上限（%）")
	if lo < 0 || hi < 0 || slices.Contains(rows[0], "95%信頼区間") {
		t.Fatalf("heads %q: want the interval's two bounds", rows[0])
	}
	if rows[1][lo] != "2.2" || rows[1][hi] != "47.1" {
		t.Errorf("全体: interval %q–%q, want 2.2–47.1", rows[1][lo], rows[1][hi])
	}
	for _, r := range rows[2:] {
		if r[slices.Index(rows[0], "秘匿")] == "1" && (r[lo] != "" || r[hi] != "") {
			t.Errorf("suppressed row %q prints an interval", r)
		}
	}
}

var bandTextRe = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// TestNarrowMarkedSegments: a stacked band's segment marked ▲▼ keeps its
// mark however narrow (reader item 11: Q7 新吉田 4.7▼ printed nothing), in
// the PDF and in both web layouts.
func TestNarrowMarkedSegments(t *testing.T) {
	v := testView()
	q := &v.Questions[4] // Q5 SC
	for i := range q.Tables {
		for j := range q.Tables[i].Rows {
			r := &q.Tables[i].Rows[j]
			switch r.Group {
			case v.Districts[0]: // 不満 3/90 = 3.3▲
				*r = pdfRowT(r.Group, 90, []int{22, 34, 20, 9, 3, 2}, map[int]string{4: view.MarkHigh}, false, false)
			case v.Districts[1]: // 不満 5/84 = 6.0▼
				*r = pdfRowT(r.Group, 84, []int{14, 28, 24, 12, 5, 1}, map[int]string{4: view.MarkLow}, false, false)
			}
		}
	}
	var page bytes.Buffer
	if err := web.WebReport(&page, v); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	at := strings.Index(html, q.ID+"　地区別の回答の構成")
	if at < 0 {
		t.Fatal("no band chart of Q5 on the web page")
	}
	html = html[at:]
	html = html[:strings.Index(html, "</figure>")]
	for _, layout := range strings.SplitAfter(html, "</svg>") {
		if !strings.Contains(layout, "<svg") {
			continue
		}
		var drawn []string
		for _, m := range bandTextRe.FindAllStringSubmatch(layout, -1) {
			drawn = append(drawn, m[1])
		}
		for _, m := range []string{view.MarkHigh, view.MarkLow} {
			if !slices.ContainsFunc(drawn, func(s string) bool { return strings.HasSuffix(s, m) }) {
				t.Errorf("web band chart: no %s drawn among %q", m, drawn)
			}
			if slices.Contains(drawn, m) {
				t.Errorf("web band chart: %s drawn without its figure among %q", m, drawn)
			}
		}
	}
	needTool(t, "pdftotext")
	txt := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	// Note: the figure and its mark, whole (never the mark alone, reader
	// report 5 item 4), inside the segment or just above the band.
	lines := strings.Split(txt, "\n")
	in := false
	chart := ""
	for _, l := range lines {
		switch {
		case strings.Contains(l, "Q5") && strings.Contains(l, "地区別の回答の構成"):
			in = true
		case in && strings.HasPrefix(strings.TrimSpace(l), "表"):
			in = false
		case in:
			chart += l + "\n"
		}
	}
	for _, want := range []string{"3.3" + view.MarkHigh, "6.0" + view.MarkLow} {
		if !strings.Contains(chart, want) {
			t.Errorf("PDF band chart: no %q among\n%s", want, chart)
		}
	}
	if loneMarkRe.MatchString(chart) {
		t.Errorf("PDF band chart: a mark without its figure:\n%s", chart)
	}
}

// TestKarteOneComparator: a district's カルテ compares a scale question on
// its combined box, never one answer of the scale, against the rest of the
// ward, and its 主な結果 table prints the same comparator, figures and mark
// (reader items 3 and 10: 「ややそう思う」-like single answers in the
// sentences, 全体 in the table under a note about the rest of the ward).
// 北 100: A 10, B 60, C 30; 南 100: A 10, B 20, C 70; 肯定 A and B.
// 『A（計）』 北 70/100 = 70.0%, the rest 30/100 = 30.0%, +40.0 (「B」 alone
// 60.0 vs 20.0 is never stated).
func TestKarteOneComparator(t *testing.T) {
	f := newFBatch(ingest.SC, 0, 1)
	f.add(&f.b.Current, 10, 0, -1, 0)
	f.add(&f.b.Current, 60, 0, -1, 1)
	f.add(&f.b.Current, 30, 0, -1, 2)
	f.add(&f.b.Current, 10, 1, -1, 0)
	f.add(&f.b.Current, 20, 1, -1, 1)
	f.add(&f.b.Current, 70, 1, -1, 2)
	got := f.sentences(analyze.PlaceDistrict, "", "北")
	want := "「設問です」では、『A（計）』が 70.0% と、区内の他の地区（30.0%）より 40.0 ポイント高くなっています。"
	if !slices.Contains(got, want) {
		t.Errorf("北's sentences %q\nlack %q", got, want)
	}
	for _, s := range got {
		if strings.Contains(s, "「B」") {
			t.Errorf("a single answer of the scale is stated: %q", s)
		}
	}
	v := view.Build(analyze.Run(f.b))
	tops := v.DistrictTops["北"]
	if len(tops) != 1 {
		t.Fatalf("北's tops: %+v", tops)
	}
	r := tops[0]
	if r.District.Text != "70.0" || r.District.Mark != view.MarkHigh || r.Rest.Text != "30.0" || r.RestDiff.Text != "+40.0" || r.RestN.Text != "100" {
		t.Errorf("北 主な結果: %s%s against %s (n=%s), %s; want 70.0▲ against 30.0 (n=100), +40.0",
			r.District.Text, r.District.Mark, r.Rest.Text, r.RestN.Text, r.RestDiff.Text)
	}
	var heads []string
	view.Walk(view.WardReport(v), view.Print, func(b view.Block) {
		if tb, ok := b.(view.Table); ok && strings.HasPrefix(tb.Caption, "北の主な結果") {
			for _, c := range tb.Cols {
				heads = append(heads, c.Head)
			}
			if len(tb.Rows) != 1 || tb.Rows[0][4].Text != "30.0" || tb.Rows[0][6].Text != "+40.0" {
				t.Errorf("主な結果 rows %+v", tb.Rows)
			}
		}
	})
	if !slices.Contains(heads, view.RestName+"（%）") || slices.Contains(heads, "全体（%）") {
		t.Errorf("主な結果 heads %q: want %s, not 全体", heads, view.RestName)
	}
}

// TestSummaryNotesOncePerChapter: the notes on 肯定的な回答（%） are printed
// under a table that has the column, at most once per chapter, in the ward
// report, every district handout and their web pages (reader review 5, item
// 9: every district handout printed them three times).
func TestSummaryNotesOncePerChapter(t *testing.T) {
	v := demoView(t)
	once := []string{view.SummaryBaseNote, view.WebSummaryBaseNote, view.SummaryBoxNote}
	check := func(where string, bs []view.Block, m view.Medium) int {
		seen, chapter, printed := map[string]bool{}, "", 0
		view.Walk(bs, m, func(b view.Block) {
			switch x := b.(type) {
			case view.Section:
				seen, chapter = map[string]bool{}, x.Title
			case view.Note:
				if slices.Contains(once, x.Text) {
					t.Errorf("%s medium %d %s: %q as a note of no table", where, m, chapter, x.Text)
				}
			case view.Table:
				notes := x.Notes
				if m == view.Web && x.WebNotes != nil {
					notes = x.WebNotes
				}
				for _, n := range notes {
					if !slices.Contains(once, n) {
						continue
					}
					printed++
					if seen[n] {
						t.Errorf("%s medium %d %s: %q printed twice in the chapter", where, m, chapter, n)
					}
					seen[n] = true
					if !slices.ContainsFunc(x.Cols, func(c view.Col) bool { return strings.HasPrefix(c.Head, "肯定的な回答") }) {
						t.Errorf("%s medium %d %s: %q under %q, which has no 肯定的な回答 column", where, m, chapter, n, x.Caption)
					}
				}
			}
		})
		return printed
	}
	total := check("report", view.WardReport(v), view.Print) + check("web", view.WebReport(v, ""), view.Web)
	for _, d := range v.Districts {
		total += check(d, view.DistrictReport(v, d), view.Print) + check(d+" web", view.WebReport(v, d), view.Web)
	}
	if total == 0 {
		t.Error("no summary note printed anywhere: the demo has SC summary tables")
	}
}
