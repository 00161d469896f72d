package pdf

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Layout shared between the handouts (issue 29).
//
// The ward report and every district handout wrap the same texts (question
// texts, choice labels, notes) and break the same table heads, and each
// chapter is laid out twice (dry, then drawn: paginate.go). What that
// layout computes depends on the text, the width, the font and the faces'
// widths alone, so it is computed once per process and pair of faces and
// shared: the lines of wrapped texts (pdfDoc.wrap), of table heads
// (pdfDoc.headLines) and a crosstab's choice widths (pdfDoc.choiceWidths).
// The handouts of a run are rendered side by side, hence the sync.Maps; a
// document looks in its own map first (d.wraps), without locking.

// A lineKey identifies the lines of a text in a font: wrapped (wrapText)
// or a table head (headLines).
type lineKey struct {
	wrapKey
	head bool
}

// sharedLayout holds the layout of one pair of faces.
type sharedLayout struct {
	lines  sync.Map // lineKey → []string
	widths sync.Map // choiceKey → []float64
	n      atomic.Int64
}

// maxShared bounds the entries of a sharedLayout: a process that renders
// many Views (the tests) stops adding beyond it rather than growing.
const maxShared = 1 << 18

var (
	layoutsMu sync.Mutex
	layouts   = map[[2]*runeWidths]*sharedLayout{}
)

// shareLayout turns the sharing off (nil layouts) for a test.
var shareLayout = true

// layoutOf returns the shared layout of the faces regular and bold.
func layoutOf(regular, bold *runeWidths) *sharedLayout {
	if !shareLayout {
		return nil
	}
	layoutsMu.Lock()
	defer layoutsMu.Unlock()
	k := [2]*runeWidths{regular, bold}
	l := layouts[k]
	if l == nil {
		l = &sharedLayout{}
		layouts[k] = l
	}
	return l
}

// linesOf returns the lines of k, computing them with make on first use.
// The lines are shared: callers must not modify them.
func (l *sharedLayout) linesOf(k lineKey, make func() []string) []string {
	if l == nil {
		return make()
	}
	if ls, ok := l.lines.Load(k); ok {
		return ls.([]string)
	}
	ls := make()
	if l.n.Load() < maxShared {
		l.n.Add(1)
		l.lines.Store(k, ls)
	}
	return ls
}

// headLines is headLines in the current font, shared (see above).
func (d *pdfDoc) headLines(s string, width float64) []string {
	k := lineKey{wrapKey{s, width, d.style, d.size}, true}
	return d.shared.linesOf(k, func() []string { return headLines(s, width, d.width) })
}

// A choiceKey identifies a crosstab block's choice widths: its heads
// (choiceKeyOf), the width shared among them and the font size.
type choiceKey struct {
	heads       string
	avail, size float64
}

// choiceKeyOf is the key of the choice widths of cols.
// Note: the heads are joined with their lengths, so that no two lists of
// heads give one key.
func choiceKeyOf(cols []tcol, avail, size float64) choiceKey {
	var b strings.Builder
	for _, c := range cols {
		b.WriteString(strconv.Itoa(len(c.head)))
		b.WriteByte(':')
		b.WriteString(c.head)
	}
	return choiceKey{b.String(), avail, size}
}
