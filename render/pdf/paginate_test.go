package pdf

import (
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"midreview/render/view"
)

// TestHeadLines: table heads break between words, measured one unit a rune.
func TestHeadLines(t *testing.T) {
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	for _, c := range []struct {
		head  string
		width float64
		want  []string
	}{
		{"無回答", 4, []string{"無回答"}},
		// punctuation first
		{"自治会・町内会の活動", 6, []string{"自治会・", "町内会の活動"}},
		// then the end of a kana run
		{"自治会・町内会の活動", 4, []string{"自治会・", "町内会の", "活動"}},
		// then the start of a long kana run
		{"健康づくり・スポーツ", 4, []string{"健康", "づくり・", "スポーツ"}},
		{"参加したことはないが関心はある", 10, []string{"参加したことはないが", "関心はある"}},
		// okurigana of one or two kana stay with their kanji
		{"高齢者の見守り・支援", 4, []string{"高齢者の", "見守り・", "支援"}},
		// katakana and kanji meet
		{"ボランティア団体", 6, []string{"ボランティア", "団体"}},
		// before an opening bracket
		{"回収率（%）", 4, []string{"回収率", "（%）"}},
		// a word wider than the column is broken inside (wrapText)
		{"地区社会福祉協議会", 4, []string{"地区社会", "福祉協議", "会"}},
		// explicit lines are kept
		{"策定時\n（%）", 10, []string{"策定時", "（%）"}},
	} {
		if got := headLines(c.head, c.width, measure); !slices.Equal(got, c.want) {
			t.Errorf("headLines(%q, %v) = %q, want %q", c.head, c.width, got, c.want)
		}
	}
}

// TestChapters: a chapter starts at every forced page break.
func TestChapters(t *testing.T) {
	bs := []view.Block{view.Para{Text: "a"}, view.Section{Title: "1"}, view.Para{Text: "b"}, view.Subsection{Title: "1.1"}, view.Para{Text: "c"},
		view.Subsection{Title: "1.2", NewPage: true}, view.WebOnly(view.Section{Title: "web"}), view.Para{Text: "d"}}
	got := chapters(bs)
	if len(got) != 3 || len(got[0]) != 1 || len(got[1]) != 4 || len(got[2]) != 2 {
		t.Errorf("chapters: %d chapters %v", len(got), got)
	}
}

// TestChapterNoShortTail: a chapter of one-line paragraphs that would leave
// a line or two alone on its last page ends the page before earlier, so that
// the last page holds tailMinMM; the chapter keeps its page count.
func TestChapterNoShortTail(t *testing.T) {
	reg, bold, ok := EmbeddedFont()
	if !ok {
		t.Skip("no embedded font")
	}
	newDoc := func() *pdfDoc {
		p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
		p.AddUTF8FontFromBytes(fontFamily, "", reg)
		p.AddUTF8FontFromBytes(fontFamily, "B", bold)
		p.SetMargins(MarginL, contentT, MarginR)
		p.SetAutoPageBreak(false, 0)
		p.SetFont(fontFamily, "", 10)
		d, err := newDoc(p, PDFOptions{FontRegular: reg, FontBold: bold})
		if err != nil {
			t.Fatal(err)
		}
		d.v = &view.View{PlanName: "計画"}
		p.SetHeaderFunc(d.header)
		d.newPage()
		return d
	}
	found := false
	for n := 30; n < 90 && !found; n++ {
		bs := []view.Block{view.Section{Title: "章"}}
		for i := range n {
			bs = append(bs, view.Para{Text: "段落" + strconv.Itoa(i)})
		}
		d := newDoc()
		pages := d.dry(bs)[1:]
		if len(pages) < 2 || pages[len(pages)-1].used >= tailMinMM || pages[len(pages)-1].lines > 2 {
			continue
		}
		found = true
		d.chapter(bs)
		if got, want := d.real.PageNo(), 1+len(pages); got != want {
			t.Errorf("%d paragraphs: %d pages, want %d", n, got, want)
		}
		if used := d.y() - contentT; used < tailMinMM {
			t.Errorf("%d paragraphs: the last page holds %.1f mm, want at least %.0f", n, used, tailMinMM)
		}
		if len(d.cut) != 1 {
			t.Errorf("%d paragraphs: pages cut %v, want one", n, d.cut)
		}
	}
	if !found {
		t.Fatal("no chapter with a short tail to test")
	}
}

// TestTableBreak: a table breaks at the first row that does not fit, the
// last row needing its notes below it too, and never continues on the next
// page with fewer than tableTailRows rows.
func TestTableBreak(t *testing.T) {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	p.SetAutoPageBreak(false, 0)
	p.AddPage()
	d := &pdfDoc{p: p, real: p, cut: map[int]float64{}}
	heights := slices.Repeat([]float64{8}, 10)
	for _, c := range []struct {
		room, keepAfter float64
		from, want      int
	}{
		{50, 0, 0, 6},   // rows 0–5 fit (48 mm)
		{200, 0, 0, 10}, // all fit
		{85, 0, 0, 10},  // 80 mm fit
		{85, 10, 0, 7},  // the last row with its notes does not: 9, then 3 rows go on
		{75, 0, 0, 7},   // rows 0–8 fit: 9, then 3 rows go on
		{5, 0, 0, 1},    // at least one row
		{20, 0, 8, 10},  // from row 8: both fit
	} {
		d.setY(ContentB - c.room)
		if got := d.tableBreak(heights, c.from, c.keepAfter); got != c.want {
			t.Errorf("room %.0f, notes %.0f, from %d: break before %d, want %d", c.room, c.keepAfter, c.from, got, c.want)
		}
	}
}

// TestTocCount: the contents entries counted from the chapters before
// rendering (writePDF reserves the contents pages by it) are those the
// rendering makes.
func TestTocCount(t *testing.T) {
	reg, bold, ok := EmbeddedFont()
	if !ok {
		t.Skip("no embedded font")
	}
	v := &view.View{PlanName: "計画"}
	var bs []view.Block
	for i := range 30 {
		bs = append(bs, view.Section{Title: "章" + strconv.Itoa(i)}, view.Para{Text: "本文"},
			view.Subsection{Title: "節", NewPage: i%2 == 0}, view.PrintOnly(view.Subsection{Title: "印刷の節"}),
			view.WebOnly(view.Section{Title: "ウェブの章"}))
	}
	for _, linkage := range []bool{false, true} {
		d, err := renderPDF(v, "", PDFOptions{FontRegular: reg, FontBold: bold, linkage: linkage}, docFaces{regular: reg, bold: bold}, 3, bs)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := tocCount(bs, linkage), len(d.Toc); got != want {
			t.Errorf("linkage %v: tocCount %d, rendered %d entries", linkage, got, want)
		}
	}
}
