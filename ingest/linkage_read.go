package ingest

import "golang.org/x/text/unicode/norm"

// readLinkage reads linkage_responses.xlsx (inputs.md section 11): sheet 対応,
// or else the first sheet, with column 課題ID and the answer columns
// 対応状況, 担当課, 対応予定 and 備考. A row whose answer columns are all
// blank (a draft row nobody answered) is skipped; an answered row without
// 課題ID, and a second answered row for one 課題ID, are warnings and the
// row is left out. Whether each 課題ID is still an issue of this run is
// decided in analyze (a stale row is a warning there).
//
// Note: the issue columns (地区, 分類, 場所, 内容, 出どころ, 年度) are the
// draft's description for the reader; they are not read back, so staff may
// shorten or reorder them without effect.
func (rd *reader) readLinkage(fi int32, data []byte) {
	file := rd.b.Files[fi].Path
	s := rd.schemaBook(fi, data, LinkageSheet)
	if s == nil || !rd.columns(file, s) {
		return
	}
	cid := s.col(ColLinkID)
	lk := &Linkage{Sheet: s.name, IDCol: cid + 1}
	rd.b.Linkage = lk
	warn := func(code Code, r, c int, value string, hint Hint, args ...string) {
		rd.add(Problem{Severity: Warning, Code: code, File: file, Sheet: s.name,
			Row: r + 1, Col: c + 1, Item: LinkageSheet.Header(ColLinkID), Value: value, Hint: hint, Args: args})
	}
	first := map[string]int{} // 0-based row of each ID's first answered row
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		row := LinkageResponse{IssueID: s.val(r, cid),
			Status:     norm.NFKC.String(s.val(r, s.col(ColLinkStatus))),
			Department: s.text(r, s.col(ColLinkDepartment)), Plan: s.text(r, s.col(ColLinkPlan)),
			Note: s.text(r, s.col(ColLinkNote)), Src: Src{File: fi, Row: int32(r + 1)}}
		if row.Status == "" && row.Department == "" && row.Plan == "" && row.Note == "" {
			continue
		}
		if row.IssueID == "" {
			warn(CodeMissingLinkageID, r, cid, "", "")
			continue
		}
		if f, dup := first[row.IssueID]; dup {
			warn(CodeDuplicateLinkage, r, cid, row.IssueID, HintFirstRow, place(file, s.name, f+1, cid+1))
			continue
		}
		first[row.IssueID] = r
		lk.Rows = append(lk.Rows, row)
	}
}
