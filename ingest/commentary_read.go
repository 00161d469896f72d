package ingest

// commentaryPlaces maps the 場所 keywords (after NormKey) to places.
var commentaryPlaces = map[string]Place{
	"概要": PlaceSummary, "調査結果の概要": PlaceSummary,
	"設問": PlaceQuestion,
	"指標": PlaceIndicator,
	"地区": PlaceDistrict, "地区カルテ": PlaceDistrict,
}

// A commentaryKey is a row's place: 場所, 対象ID, 地区. Two rows with one key
// are a duplicate.
type commentaryKey struct {
	place    Place
	target   string
	district int
}

// readCommentary reads commentary.xlsx (inputs.md section 7): sheet 所見, or
// else the first sheet, with columns 場所, 対象ID, 地区, 所見, 根拠, 担当 and
// 作成時の文. It
// resolves each row's place against the codebook (対象ID to the defined
// 設問ID, 指標ID or テーマコード; 地区 by name, code or alias) and reports
// rows that name no place, and a second row for one place. Whether the place
// holds a passage in this run, and whether 根拠 still matches its figures,
// is decided in analyze (analyze.ApplyCommentary).
func (rd *reader) readCommentary(fi int32, data []byte) {
	file := rd.b.Files[fi].Path
	s := rd.schemaBook(fi, data, CommentarySheet)
	if s == nil || !rd.columns(file, s) {
		return
	}
	cm := &Commentary{Sheet: s.name, TextCol: s.col(ColCommText) + 1, BasisCol: s.col(ColCommBasis) + 1}
	rd.b.Commentary = cm
	// bad reports row r (0-based) at column c.
	bad := func(code Code, r, c int, item, value string, hint Hint, args ...string) {
		rd.add(Problem{Severity: Error, Code: code, File: file, Sheet: s.name,
			Row: r + 1, Col: c + 1, Item: item, Value: value, Hint: hint, Args: args})
	}
	header := CommentarySheet.Header
	cplace, ctarget, cdist := s.col(ColCommPlace), s.col(ColCommTarget), s.col(ColCommDistrict)
	ctext, cbasis, cperson, cdraft := s.col(ColCommText), s.col(ColCommBasis), s.col(ColCommPerson), s.col(ColCommDraft)
	targets := newTargetIndex(rd.b)
	dists := newDistrictIndex(rd.b)
	first := map[commentaryKey]int{} // 0-based row of each key's first row
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		label := s.val(r, cplace)
		pl, ok := commentaryPlaces[NormKey(label)]
		if !ok {
			bad(CodeCommentaryPlace, r, cplace, header(ColCommPlace), label, HintTargetKinds,
				header(ColCommPlace), quoted(CommentarySheet.Columns[ColCommPlace].Values))
			continue
		}
		row := CommentaryRow{Place: pl, District: Ward,
			Text: s.text(r, ctext), Basis: s.text(r, cbasis), Person: s.text(r, cperson),
			Draft: s.text(r, cdraft), Src: Src{File: fi, Row: int32(r + 1)}}
		if v := s.val(r, cdist); v != "" {
			d, ok := dists.match(v)
			if !ok {
				bad(CodeCommentaryPlace, r, cdist, header(ColCommDistrict), v, HintCommDistrict)
				continue
			}
			row.District = d
		}
		tv := s.val(r, ctarget)
		row.Target, ok = targets.resolve(pl, tv)
		if ok && pl == PlaceDistrict && row.District == Ward {
			ok = false
		}
		if !ok {
			c := ctarget
			if pl == PlaceDistrict && tv == "" {
				c = cdist
			}
			bad(CodeCommentaryPlace, r, c, string(pl), tv, targetHints[pl])
			continue
		}
		k := commentaryKey{pl, row.Target, row.District}
		if f, dup := first[k]; dup {
			bad(CodeDuplicateCommentary, r, -1, row.Target, "", HintFirstRow, place(file, s.name, f+1, cplace+1))
			continue
		}
		first[k] = r
		cm.Rows = append(cm.Rows, row)
	}
}

// targetHints says, per place, what its 対象ID must be.
var targetHints = map[Place]Hint{
	PlaceSummary: HintCommSummary, PlaceQuestion: HintCommQuestion,
	PlaceIndicator: HintCommIndicator, PlaceDistrict: HintCommProfile,
}

// A targetIndex resolves a 対象ID to the ID as defined, by place.
type targetIndex struct {
	questions, indicators, themes map[string]string // textKey → the ID as defined
}

func newTargetIndex(b *Batch) *targetIndex {
	x := &targetIndex{questions: map[string]string{}, indicators: map[string]string{}, themes: map[string]string{}}
	put := func(m map[string]string, k, id string) {
		if k := textKey(k); k != "" {
			if _, dup := m[k]; !dup {
				m[k] = id
			}
		}
	}
	for _, q := range b.Questions {
		put(x.questions, q.ID, q.ID)
	}
	for _, in := range b.Indicators {
		put(x.indicators, in.ID, in.ID)
	}
	for _, t := range b.Themes {
		put(x.themes, t.Code, t.Code)
	}
	for _, t := range b.Themes {
		put(x.themes, t.Name, t.Code)
	}
	return x
}

// resolve returns the defined ID that 対象ID v names at place p, and reports
// whether it names one: a 設問ID for 設問, a 指標ID for 指標, a テーマコード
// (or テーマ名) or blank for 概要, blank for 地区.
func (x *targetIndex) resolve(p Place, v string) (string, bool) {
	var m map[string]string
	switch p {
	case PlaceQuestion:
		m = x.questions
	case PlaceIndicator:
		m = x.indicators
	case PlaceSummary:
		if v == "" {
			return "", true
		}
		m = x.themes
	case PlaceDistrict:
		return "", v == ""
	}
	id, ok := m[textKey(v)]
	return id, ok
}
