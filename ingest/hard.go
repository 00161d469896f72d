package ingest

import "strings"

// A HardCategory is a row of sheet ハード分類: a kind of local issue that needs
// a physical fix (空き家・空き店舗, 道路・歩道・段差, …), the words that tag a
// text with it, the programs that can help and the department that runs them.
type HardCategory struct {
	Name       string   // 分類, as written
	Keywords   []string // キーワード, normalized (NFKC, trimmed)
	Programs   []string // 関連制度, as written, in order
	Department string   // 担当部署, as written
	Src        Src
}

// readHardCategories fills HardCategories from sheet ハード分類 (optional).
// A row without 分類 or without キーワード is an empty-cell error (a category
// that tags nothing would print an empty section); a repeated 分類 is a
// duplicate-definition error.
func (d *defs) readHardCategories(s *defSheet) {
	if s == nil {
		return
	}
	ck, cp, cd := s.col(ColHardKeywords), s.col(ColHardPrograms), s.col(ColHardDepartment)
	names := map[string]bool{}
	b := d.rd.b
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		name, ok := d.rowID(s, r, ColHardCategory, names)
		if !ok {
			continue
		}
		kws := SplitList(rowCell(s.rows[r], ck))
		if len(kws) == 0 {
			d.rule(CodeEmptyCell, s, r, ColHardKeywords, name, "", "")
			continue
		}
		b.HardCategories = append(b.HardCategories, HardCategory{
			Name: displayOr(s.text(r, s.col(ColHardCategory)), name), Keywords: kws,
			Programs: splitDisplay(s.text(r, cp)), Department: s.text(r, cd), Src: d.src(r)})
	}
}

// splitDisplay splits a list cell (separated by 、 , ， or line breaks) into its
// items as written, trimmed; nil for a blank cell.
func splitDisplay(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == '\n' || r == '\r' || r == '､'
	}) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
