package ingest

import "slices"

// A RawTable is the cells of one response file as written, before any
// codebook interprets them: what `midreview template -from` drafts a codebook
// from (internal/batchgen).
type RawTable struct {
	File  string     // the file's name
	Sheet string     // the sheet read ("" for CSV)
	Rows  [][]string // rows holding a value, in order (a CSV's blank lines left out)
	Nums  []int      // each row's 1-based number in the file (parallel to Rows)
}

// ReadRawTable reads response file name (its bytes are data) the way response
// files are read — .xlsx: sheet 回答 or else the first visible sheet, within
// the bounds of Bounded reading; .csv: UTF-8 or CP932 — and returns at most
// maxRows of its rows that hold a value. When the file cannot be read, the
// table is empty and the problem names the file.
func ReadRawTable(name string, data []byte, maxRows int) (RawTable, []Problem) {
	rd := &reader{b: &Batch{Files: []InputFile{{Path: name, Kind: KindResponses}}}}
	t := RawTable{File: name}
	src, ok := rd.openTable(0, data)
	if !ok {
		return t, rd.b.Problems
	}
	defer src.Close()
	t.Sheet = src.Sheet()
	for len(t.Rows) < maxRows && src.Next() {
		if rowIsBlank(src.Row()) {
			continue
		}
		t.Rows = append(t.Rows, slices.Clone(src.Row()))
		t.Nums = append(t.Nums, src.Num())
	}
	if err := src.Err(); err != nil {
		p := sheetProblem(name, t.Sheet, err)
		if p.Row == 0 {
			p.Row = src.Num() + 1
		}
		rd.add(p)
	}
	return t, rd.b.Problems
}

// IsIDHeader reports whether h is a respondent-ID header (回答者ID or an alias,
// Microsoft Forms' ID, SurveyMonkey's Respondent ID).
func IsIDHeader(h string) bool { return idRank0(NormKey(h)) >= 0 }

// IsMetaHeader reports whether h is an export metadata column (timestamps,
// e-mail, names, scores, IP addresses), which the reader ignores.
func IsMetaHeader(h string) bool { return isMetaHeader(NormKey(h)) }

// IsTimestampHeader reports whether h is Google Forms' first column
// (タイムスタンプ, Timestamp).
func IsTimestampHeader(h string) bool { return isTimestampHeader(NormKey(h)) }

// IsSubHeaderWord reports whether v is what SurveyMonkey writes in its second
// header row under a question answered in one column (Response, 回答).
func IsSubHeaderWord(v string) bool { return subHeaderWords[foldHeader(Norm(v))] }
