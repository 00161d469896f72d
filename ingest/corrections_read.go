package ingest

import (
	"strconv"
	"strings"
)

// correctionTargets maps the 対象 keywords (after NormKey) to targets.
var correctionTargets = map[string]Target{
	"回答": TargetResponse, "回答者": TargetResponse,
	"策定時": TargetBaseline, "策定時調査": TargetBaseline,
	"ヒアリング": TargetHearing, "団体": TargetHearing,
	"取組": TargetProgress, "振り返り": TargetProgress,
}

// readCorrections reads corrections.xlsx (inputs.md section 5): sheet 修正, or
// else the first sheet, with columns 対象, ID, 項目, 修正前, 修正後, 理由, 担当,
// ファイル. Unusable rows are reported and left out; the result is never nil.
func (rd *reader) readCorrections(fi int32, data []byte) *ledger {
	l := &ledger{byKey: map[ledgerKey][]*correction{}, file: rd.b.Files[fi].Path}
	s := rd.schemaBook(fi, data, CorrectionsSheet)
	if s == nil {
		return l
	}
	l.sheet = s.name
	if !rd.columns(l.file, s) {
		return l
	}
	sheet, rows := s.name, s.rows
	// bad reports row r (0-based) at column c (-1: the whole row).
	bad := func(r, c int, item, value string, hint Hint, args ...string) {
		rd.add(Problem{Severity: Error, Code: CodeBadCorrection, File: l.file, Sheet: sheet,
			Row: r + 1, Col: c + 1, Item: item, Value: value, Hint: hint, Args: args})
	}
	header := CorrectionsSheet.Header
	ct, cid, citem, cbefore, cafter := s.col(ColCorrTarget), s.col(ColCorrID), s.col(ColCorrItem), s.col(ColCorrBefore), s.col(ColCorrAfter)
	creason, cperson, cfile := s.col(ColCorrReason), s.col(ColCorrPerson), s.col(ColCorrFile)

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
			bad(r, ct, header(ColCorrTarget), label, HintTargetKinds, header(ColCorrTarget), quoted(CorrectionsSheet.Columns[ColCorrTarget].Values))
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
		if t == TargetProgress {
			// Note: the year part may be written as staff write years (T03/R7).
			if i := strings.LastIndex(c.id, "/"); i >= 0 {
				if y, ok := ParseYear(c.id[i+1:]); ok {
					c.id = c.id[:i] + "/" + strconv.Itoa(y)
				}
			}
		}
		if c.id == "" {
			bad(r, cid, header(ColCorrID), "", HintEmpty, header(ColCorrID))
			continue
		}
		if c.item == "" {
			bad(r, citem, header(ColCorrItem), "", HintEmptyItem, header(ColCorrItem), RemoveItem)
			continue
		}
		if c.item == RemoveItem && c.after != RemoveValue {
			bad(r, cafter, c.item, c.after, HintRemoveValue, header(ColCorrItem), RemoveItem, header(ColCorrAfter), RemoveValue)
			continue
		}
		k := rowKey{t, c.id, c.item, c.file}
		if seen[k] {
			bad(r, -1, c.item, c.id, HintSameFix)
			continue
		}
		seen[k] = true
		lk := ledgerKey{t, c.id}
		l.byKey[lk] = append(l.byKey[lk], c)
		l.all = append(l.all, c)
	}
	return l
}
