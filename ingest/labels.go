package ingest

// isListSep reports whether r separates the values of an MA cell: `,` `、`
// `;` `；` `，` `､` or a line break (inputs.md section 3).
func isListSep(r rune) bool {
	switch r {
	case ',', '、', '，', ';', '；', '\n', '\r', '､':
		return true
	}
	return false
}

// A piece is one separator-delimited part of an MA cell, as byte offsets of
// the cell's text (separators and surrounding spaces excluded).
type piece struct{ start, end int }

// pieces splits v at the MA separators, dropping empty parts.
func pieces(v string) []piece {
	var out []piece
	start := 0
	flush := func(end int) {
		s, e := start, end
		for s < e && v[s] == ' ' {
			s++
		}
		for e > s && v[e-1] == ' ' {
			e--
		}
		if s < e {
			out = append(out, piece{s, e})
		}
	}
	for i, r := range v {
		if isListSep(r) {
			flush(i)
			start = i + len(string(r))
		}
	}
	flush(len(v))
	return out
}

// maxLabelPieces is the most separator-delimited pieces one label may span.
// Note: it bounds the work per cell to a constant per piece, whatever a
// crafted cell holds.
const maxLabelPieces = 8

// A labelMatch is the result of splitLabels.
type labelMatch struct {
	Choices ChoiceBits
	// Left holds the runs of text that match no choice, in cell order; Codes
	// reports which of them look like codes (a number), which never count as
	// その他 text.
	Left  []string
	Codes []bool
}

// splitLabels reads the normalized MA cell v as choices joined by separators.
// At each position the longest run of pieces that is one code, label or alias
// of the set wins, so a label that itself contains a separator (`見守り, 声かけ`)
// is read whole. Pieces that mean no answer (無回答, a 無回答コード) are
// skipped; the rest is returned as left-over runs.
// Note: Google Forms joins checkbox answers with ", " without escaping, so
// the cell alone cannot tell a label's comma from a separator; trying the
// longest known label first is the only reading that never splits a label.
func splitLabels(v string, lookup func(string) (int, bool), noAnswer func(string) bool) labelMatch {
	var m labelMatch
	ps := pieces(v)
	leftStart, leftEnd := -1, -1
	flushLeft := func() {
		if leftStart < 0 {
			return
		}
		s := v[leftStart:leftEnd]
		_, isCode := ParseCode(s)
		m.Left = append(m.Left, s)
		m.Codes = append(m.Codes, isCode)
		leftStart = -1
	}
	for i := 0; i < len(ps); {
		found := false
		for j := min(len(ps), i+maxLabelPieces) - 1; j >= i; j-- {
			s := v[ps[i].start:ps[j].end]
			if j == i && noAnswer(s) {
				flushLeft()
				found, i = true, i+1
				break
			}
			if c, ok := lookup(s); ok {
				flushLeft()
				m.Choices = m.Choices.With(c)
				found, i = true, j+1
				break
			}
		}
		if found {
			continue
		}
		// Note: a code among left-over text stands alone, so that "1,7"
		// reports "7", not "1,7".
		_, isCode := ParseCode(v[ps[i].start:ps[i].end])
		if isCode {
			flushLeft()
		}
		if leftStart < 0 {
			leftStart = ps[i].start
		}
		leftEnd = ps[i].end
		if isCode {
			flushLeft()
		}
		i++
	}
	flushLeft()
	return m
}
