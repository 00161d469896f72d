package render

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
	b.check(b.f.MoveSheet(SheetHard, SheetProblems))
	s := b.sheet(SheetHard)
	s.titleBlock("ソフトとハードの連携", "自由記述・ヒアリング・振り返りシートの課題のうち、物理的な対応が必要なものをハード分類のキーワードで数えた件数です（一つの記述が複数の分類に入ることがあります）。記述は伏せ字にしています。")
	heads := []string{"地区"}
	for _, c := range hv.Categories {
		heads = append(heads, c.Name)
	}
	heads = append(heads, "計（記述数）")
	s.head(heads...)
	top := s.row - 1
	row := func(label string, r HardRow) {
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
	heads[0] = "出どころ（区全体）"
	s.head(heads...)
	_, bs := hv.rowOf("全体")
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
	}
	s.next()
	s.head("分類", "活用できる制度", "担当部署")
	for _, c := range hv.Categories {
		s.texts(c.Name, c.Programs, c.Department)
	}
	s.next()
	s.head("地区", "分類", "記述", "出どころ")
	for _, g := range append([]string{""}, hv.Groups...) {
		qs := hv.Quotes[g]
		label := g
		if g == "" {
			label = "全体（抜粋）" // not 区全体, the group of ward-wide initiatives
		}
		for c, cq := range qs {
			for _, q := range cq {
				s.str(1, label, "cell")
				s.str(2, hv.Categories[c].Name, "cell")
				s.str(3, q.Text, "wrap")
				s.str(4, q.Source, "wrap")
				s.next()
			}
		}
	}
	s.maxW = []float64{18, 16, 60, 30, 14, 14, 14, 14}
	s.finish(top, 1)
}
