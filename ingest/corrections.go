package ingest

import "strings"

// Target is a correction's 対象.
type Target int

const (
	TargetResponse Target = iota // 回答
	TargetBaseline               // 策定時
	TargetHearing                // ヒアリング
	TargetProgress               // 取組: a progress record, ID 取組ID/年度
)

// RemoveItem and RemoveValue mark a correction that removes a whole record.
const (
	RemoveItem  = "*"
	RemoveValue = "削除"
)

// A correction is one row of corrections.xlsx sheet 修正.
type correction struct {
	row                  int // 1-based row in sheet 修正
	target               Target
	targetLabel          string // 対象 as written
	id, item             string // normalized; item is NormKey'd
	before, after        string // normalized
	reason, person, file string
	used                 bool
	usedIn               int32 // file index of the first record it applied to
	ambiguous            bool  // reported as ambiguous-correction
}

// removes reports whether the correction removes its whole record.
func (c *correction) removes() bool { return c.item == RemoveItem && c.after == RemoveValue }

// A ledger indexes the corrections by target and record ID.
type ledger struct {
	byKey map[ledgerKey][]*correction
	all   []*correction // in sheet order
	file  string        // corrections file path, for problems
	sheet string        // the sheet read (修正, or the first sheet), for problems
}

type ledgerKey struct {
	t  Target
	id string
}

// lookup returns the corrections for record id of target t read from file path
// (ファイル, when given, must match the file's path or base name). Nil-safe.
func (l *ledger) lookup(t Target, id, file string) []*correction {
	if l == nil {
		return nil
	}
	var out []*correction
	for _, c := range l.byKey[ledgerKey{t, id}] {
		if c.file == "" || c.file == file || c.file == baseName(file) {
			out = append(out, c)
		}
	}
	return out
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// A recordAccess lets applyFixes read and change one record's raw values by item
// (設問ID, split-MA column header or 項目ID, NormKey'd).
type recordAccess struct {
	get func(item string) (raw, cell string, ok bool) // raw value after Norm
	set func(item, value string)
}

// applyFixes applies the corrections for one record before its values are parsed:
// it reports whether the record is removed, checks 修正前 against the raw value
// (a mismatch is a stale-correction error naming the correction's row), replaces
// the value, and records every applied correction in the batch.
func (rd *reader) applyFixes(t Target, id string, fi int32, row int, acc recordAccess) (removed bool) {
	fixes := rd.fix.lookup(t, id, rd.b.Files[fi].Path)
	for _, c := range fixes {
		// Note: without ファイル, a correction whose ID is found in a second file
		// would change (or remove) both records; that is an error naming the
		// correction's row (inputs.md section 5: ファイル narrows the match).
		if c.used && c.file == "" && c.usedIn != fi {
			if !c.ambiguous {
				c.ambiguous = true
				rd.add(Problem{Severity: Error, Code: CodeAmbiguousTarget, File: rd.fix.file, Sheet: rd.fix.sheet,
					Row: c.row, RecordID: c.id, Item: c.item,
					Hint: HintFiles, Args: []string{rd.b.Files[c.usedIn].Path, rd.b.Files[fi].Path}})
			}
			continue
		}
		// Note: a removal row removes one record. A questionnaire entered twice under
		// the same ID in one file is removed once, and the other copy stays.
		if c.removes() && c.used {
			continue
		}
		c.used, c.usedIn = true, fi
		if c.removes() {
			removed = true
			rd.applied(c, fi, "")
			continue
		}
		raw, cell, ok := acc.get(c.item)
		if !ok {
			rd.add(Problem{Severity: Error, Code: CodeUnknownTarget, File: rd.fix.file, Sheet: rd.fix.sheet,
				Row: c.row, RecordID: c.id, Item: c.item, Hint: HintNoItem})
			continue
		}
		if raw != c.before {
			raw = strings.Clone(raw) // Note: not the row's batch (prefetch.go)
			rd.add(Problem{Severity: Error, Code: CodeStaleCorrection, File: rd.fix.file, Sheet: rd.fix.sheet,
				Row: c.row, RecordID: c.id, Item: c.item, Value: raw,
				Hint: HintStale, Args: []string{c.before, raw, rd.b.Files[fi].Path, cell}})
			continue
		}
		acc.set(c.item, c.after)
		rd.applied(c, fi, cell)
	}
	return removed
}

func (rd *reader) applied(c *correction, fi int32, cell string) {
	rd.b.Corrections = append(rd.b.Corrections, AppliedCorrection{
		Row: c.row, Target: c.targetLabel, ID: c.id, Item: c.item, Before: c.before, After: c.after,
		Reason: c.reason, Person: c.person, File: rd.b.Files[fi].Path, Cell: cell,
	})
}

// targetKind is the kind of file whose records a correction of target t changes.
var targetKind = map[Target]FileKind{
	TargetResponse: KindResponses, TargetBaseline: KindBaseline,
	TargetHearing: KindHearings, TargetProgress: KindProgress,
}

// finish reports corrections that matched no record. Nil-safe.
// Note: a file that could not be read (in full) has records nobody saw; a
// correction that may point into it is not reported as matching nothing,
// since the file's own error is the one to fix first (the next run checks it).
func (l *ledger) finish(rd *reader) {
	if l == nil {
		return
	}
	unread := map[string]bool{}
	for _, p := range rd.b.Problems {
		if p.Severity == Error && (p.Code == CodeFileUnreadable || p.Code == CodeFileEncoding) {
			unread[p.File] = true
		}
	}
	mayBeIn := func(c *correction) bool {
		for _, f := range rd.b.Files {
			if unread[f.Path] && f.Kind == targetKind[c.target] && (c.file == "" || c.file == f.Path || c.file == baseName(f.Path)) {
				return true
			}
		}
		return false
	}
	for _, c := range l.all {
		if !c.used && !mayBeIn(c) {
			rd.add(Problem{Severity: Error, Code: CodeUnknownTarget, File: l.file, Sheet: l.sheet,
				Row: c.row, RecordID: c.id, Item: c.item, Hint: HintNoRecord})
		}
	}
}
