package ingest

import "strings"

// SheetCorrections is the sheet of corrections.xlsx read (else its first sheet).
const SheetCorrections = "修正"

// correctionTargets maps the 対象 keywords (after NormKey) to targets.
var correctionTargets = map[string]Target{
	"回答": TargetResponse, "回答者": TargetResponse,
	"策定時": TargetBaseline, "策定時調査": TargetBaseline,
	"ヒアリング": TargetHearing, "団体": TargetHearing,
}

// readCorrections reads corrections.xlsx (inputs.md section 5): sheet 修正, or
// else the first sheet, with columns 対象, ID, 項目, 修正前, 修正後, 理由, 担当,
// ファイル. Unusable rows are reported and left out; the result is never nil.
func (rd *reader) readCorrections(fi int32, data []byte) *ledger {
	l := &ledger{byKey: map[ledgerKey][]*correction{}, file: rd.b.Files[fi].Path}
	f, ok := rd.openWorkbook(fi, data)
	if !ok {
		return l
	}
	defer f.Close()
	sheet, ok := findSheet(f, SheetCorrections)
	if !ok {
		sheet = f.GetSheetList()[0]
	}
	l.sheet = sheet
	rows, err := rd.sheetRows(f, sheet)
	if err != nil {
		rd.add(Problem{Severity: Error, Code: CodeFileUnreadable, File: l.file, Sheet: sheet, Detail: err.Error()})
		return l
	}
	s := &defSheet{name: sheet, rows: rows}
	if len(rows) > 0 {
		s.h = newHeader(rows[0])
	}
	bad := func(r, c int, item, value, detail string) {
		p := Problem{Severity: Error, Code: CodeBadCorrection, File: l.file, Sheet: sheet,
			Item: item, Value: value, Detail: detail, Cell: cellName(c, r+1)}
		if c < 0 || p.Cell == "" {
			p.Cell, p.Row = "", r+1
		}
		rd.add(p)
	}
	cols := map[string]int{}
	missing := false
	for _, n := range []string{"対象", "ID", "項目", "修正前", "修正後"} {
		c, found := s.h.col(n)
		if n == "ID" && !found {
			c, found = s.h.col("回答者ID", "団体名")
		}
		if !found {
			rd.add(Problem{Severity: Error, Code: CodeMissingColumn, File: l.file, Sheet: sheet, Row: 1, Item: n})
			missing = true
		}
		cols[n] = c
	}
	if missing {
		return l
	}
	ct, cid, citem, cbefore, cafter := cols["対象"], cols["ID"], cols["項目"], cols["修正前"], cols["修正後"]
	creason, cperson, cfile := s.col("理由"), s.col("担当"), s.col("ファイル")

	type rowKey struct {
		t              Target
		id, item, file string
	}
	seen := map[rowKey]bool{}
	for r := 1; r < len(rows); r++ {
		if rowIsBlank(rows[r]) {
			continue
		}
		label := s.val(r, ct)
		t, ok := correctionTargets[NormKey(label)]
		if !ok {
			bad(r, ct, "対象", label, "対象は「回答」「策定時」「ヒアリング」のいずれかです")
			continue
		}
		c := &correction{
			row: r + 1, target: t, targetLabel: label,
			id:     s.val(r, cid),
			item:   strings.ReplaceAll(NormKey(rowCell(rows[r], citem)), "＊", RemoveItem),
			before: s.val(r, cbefore), after: s.val(r, cafter),
			reason: s.text(r, creason), person: s.text(r, cperson), // as written: audit trail
			// Note: a path typed on Windows uses backslashes; ledger.lookup
			// compares slash paths and base names.
			file: strings.ReplaceAll(s.val(r, cfile), `\`, "/"),
		}
		if c.id == "" {
			bad(r, cid, "ID", "", "IDが空欄です")
			continue
		}
		if c.item == "" {
			bad(r, citem, "項目", "", "項目が空欄です（記録ごと削除するときは * ）")
			continue
		}
		if c.item == RemoveItem && c.after != RemoveValue {
			bad(r, cafter, c.item, c.after, "項目が * のときは、修正後を「削除」にしてください")
			continue
		}
		k := rowKey{t, c.id, c.item, c.file}
		if seen[k] {
			bad(r, -1, c.item, c.id, "同じ対象・ID・項目の修正がすでにあります")
			continue
		}
		seen[k] = true
		lk := ledgerKey{t, c.id}
		l.byKey[lk] = append(l.byKey[lk], c)
		l.all = append(l.all, c)
	}
	return l
}
