package xlsx

import (
	"math"
	"strings"

	"midreview/render/view"
)

// SheetHard is the tabulation book's sheet of ソフトとハードの連携, present only
// when sheet ハード分類 is given.
const SheetHard = "ハード連携"

// hard writes sheet ハード連携 before 入力チェック: the counts by district and
// category, by source and by year, the programs and department of every
// category, and the quotes the handouts print (masked).
// Note: the sheet is added here, not in xlsxSheets, so that a book without
// ハード分類 keeps exactly the sheets it had.
func (b *book) hard() {
	hv := b.v.Hard
	if hv == nil {
		return
	}
	if _, err := b.f.NewSheet(SheetHard); err != nil {
		b.check(err)
		return
	}
	b.check(b.f.MoveSheet(SheetHard, view.SheetProblems))
	s := b.sheet(SheetHard)
	s.titleBlock("ソフトとハードの連携", "自由記述・ヒアリング・振り返りシートの課題のうち、物理的な対応が必要なものをハード分類のキーワードで数えた件数です（一つの記述が複数の分類に入ることがあります）。記述は伏せ字にしています。")
	heads := []string{"地区"}
	for _, c := range hv.Categories {
		heads = append(heads, c.Name)
	}
	heads = append(heads, view.HardTotalHead)
	s.head(heads...)
	top := s.row - 1
	row := func(label string, r view.HardRow) {
		s.str(1, label, "cell")
		for i, f := range r.Counts {
			s.fig(2+i, f)
		}
		s.fig(2+len(r.Counts), r.Total)
		s.next()
	}
	for _, r := range hv.Rows {
		row(r.Group, r)
	}
	s.next()
	heads[0] = "出どころ（全体）"
	s.head(heads...)
	_, bs := hv.RowOf("全体")
	for _, r := range bs {
		row(r.Group, r)
	}
	if len(hv.ByYear) > 0 {
		s.next()
		heads[0] = "取組の振り返り（年度）"
		s.head(heads...)
		for _, r := range hv.ByYear {
			row(r.Group, r)
		}
		if hv.YearNote != "" {
			s.strNoFit(1, "注）"+hv.YearNote, "note")
			s.next()
		}
	}
	// Note: the tables share columns, so the long texts (programs, quotes)
	// span merged cells over the count columns rather than widen one of them;
	// their rows are set tall enough for the wrapped text, which Excel and
	// LibreOffice do not do for merged cells.
	ncols := max(len(hv.Categories)+2, 8)
	split := 1 + ncols/2 // 活用できる制度 B..split, 担当部署 after
	s.next()
	s.head("分類")
	s.row--
	s.span(2, split, "活用できる制度", "head")
	s.span(split+1, ncols, "担当部署", "head")
	s.next()
	for _, c := range hv.Categories {
		s.str(1, c.Name, "cell")
		s.rowLines(max(s.span(2, split, c.Programs, "wrap"), s.span(split+1, ncols, c.Department, "wrap")))
		s.next()
	}
	s.next()
	s.head("地区", "分類")
	s.row--
	s.span(3, ncols-2, "記述", "head")
	s.span(ncols-1, ncols, "出どころ", "head")
	s.next()
	for _, g := range append([]string{""}, hv.Groups...) {
		qs := hv.Quotes[g]
		label := g
		if g == "" {
			label = "全体（抜粋）" // not 区全体の取組, the group of ward-wide initiatives
		}
		for c, cq := range qs {
			for _, q := range cq {
				s.str(1, label, "cell")
				cat := hv.Categories[c].Name
				if len(q.Also) > 0 {
					// quoted once, under its first category (view.HardQuoteView Also)
					cat += "（" + strings.Join(q.Also, "、") + "にも該当）"
				}
				s.str(2, cat, "cell")
				s.rowLines(max(s.span(3, ncols-2, q.Text, "wrap"), s.span(ncols-1, ncols, q.Source, "wrap")))
				s.next()
			}
		}
	}
	s.maxW = []float64{hardColW}
	for len(s.widths) < ncols {
		s.widths = append(s.widths, 0)
	}
	for i := range s.widths {
		s.widths[i] = hardColW // every column alike: the merged spans rely on it
		s.maxW = append(s.maxW, hardColW)
	}
	s.finish(top, 1)
}

// hardColW is the width of every column of sheet ハード連携: a category name
// of eight full-width characters fits its header on one line.
const hardColW = 18.0

// span writes text across columns from..to of the current row, merged, with
// a style kind on every cell of the span (borders), and returns how many
// lines it wraps to at hardColW per column.
func (s *sheet) span(from, to int, text, kind string) int {
	c1 := s.cell(from)
	c2 := s.cell(to)
	s.strNoFit(from, text, kind)
	if to > from {
		s.flushStyle()
		s.b.check(s.b.f.MergeCell(s.name, c1, c2))
		s.b.check(s.b.f.SetCellStyle(s.name, c1, c2, s.b.style(kind, "")))
	}
	w := float64(to-from+1)*hardColW - 2
	n := 0
	for _, l := range strings.Split(text, "\n") {
		n += max(1, int(math.Ceil(TextWidth(l)/w)))
	}
	return n
}

// rowLines sets the current row tall enough for n lines of text.
func (s *sheet) rowLines(n int) {
	if n > 1 {
		s.flushStyle()
		s.b.check(s.b.f.SetRowHeight(s.name, s.row, float64(n)*15+2))
	}
}
