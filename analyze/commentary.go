package analyze

import (
	"regexp"
	"strings"

	"midreview/ingest"
)

// A Passage is one generated text at one place of the handouts: a row of
// OUT/commentary_draft.xlsx, and the unit that staff wording in
// commentary.xlsx replaces (inputs.md section 7).
type Passage struct {
	Place    ingest.Place
	Target   string // 設問ID, 指標ID or テーマコード as defined; "" when the place has none
	District int    // index into Batch.Districts, or ingest.Ward (the ward report)
	Text     string // the generated text
	Basis    string // the figures it rests on, as printed (wording.Basis)
}

// Wording says whose text is printed at a passage's place.
type Wording int

const (
	Generated    Wording = iota // midreview's text
	StaffWritten                // 所見 from commentary.xlsx
	StaffRemoved                // 所見 －: nothing is printed there
)

// A WordedPassage is what is printed at one place: the generated passage and
// the wording chosen for it.
type WordedPassage struct {
	Passage
	Wording Wording
	Printed string // the text printed: Text, the staff text, or "" when removed
	Person  string // 担当 of the staff row ("" for Generated)
	Row     int    // the commentary.xlsx row that decided it (0 for Generated)
}

// SplitBasis returns the figures of basis s (wording.Basis joins them with
// "; "): split at ; ； and line breaks, each normalized (ingest.Norm) with
// its spaces collapsed, empty ones dropped. Staff may have re-typed or
// re-wrapped the cell; the figures compare the same.
func SplitBasis(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ';', '；', '\n', '\r':
			return true
		}
		return false
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.Join(strings.Fields(ingest.Norm(p)), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// A FigureChange is one figure of a basis that differs between the staff row
// and this run: Old is the figure as the row has it, New as this run prints
// it; "" when the figure is on one side only.
type FigureChange struct{ Old, New string }

// String returns the change as staff read it: the figure's label once and
// its values old → new (`Q1 全体 よくある 45.2% n=120 → 47.0% n=121`) when
// the label is the same, `old → new` otherwise, with － for a figure on one
// side only.
func (c FigureChange) String() string {
	if l := basisLabel(c.Old); l != "" && l == basisLabel(c.New) {
		return l + " " + basisValues(c.Old) + " → " + basisValues(c.New)
	}
	dash := func(s string) string {
		if s == "" {
			return "－"
		}
		return s
	}
	return dash(c.Old) + " → " + dash(c.New)
}

// BasisChanges returns the figures that differ between basis old (a staff
// row's 根拠) and new (this run's), nil when every figure is the same. Equal
// figures pair first, then figures with the same label (basisLabel: a
// leading answer that moved down the list is still the same answer), then
// the rest by position; what is left over is a figure on one side only.
func BasisChanges(old, new string) []FigureChange {
	of, nf := SplitBasis(old), SplitBasis(new)
	oUsed, nUsed := make([]bool, len(of)), make([]bool, len(nf))
	pair := func(match func(a, b string) bool) []FigureChange {
		var out []FigureChange
		for i, o := range of {
			if oUsed[i] {
				continue
			}
			for j, n := range nf {
				if !nUsed[j] && match(o, n) {
					oUsed[i], nUsed[j] = true, true
					if o != n {
						out = append(out, FigureChange{o, n})
					}
					break
				}
			}
		}
		return out
	}
	pair(func(a, b string) bool { return a == b })
	out := pair(func(a, b string) bool {
		la := basisLabel(a)
		return la != "" && la == basisLabel(b)
	})
	out = append(out, pair(func(string, string) bool { return true })...)
	for i, o := range of {
		if !oUsed[i] {
			out = append(out, FigureChange{Old: o})
		}
	}
	for j, n := range nf {
		if !nUsed[j] {
			out = append(out, FigureChange{New: n})
		}
	}
	return out
}

// basisValue matches a value word of a figure as printed: a number with its
// unit (45.2%, +3.1ポイント, ±4.0ポイント, 1,234人, 12件), a base (n=1,234),
// or the table marks for zero (－) and suppressed (x).
var basisValue = regexp.MustCompile(`^(?:[nN]=)?[+\-±]?[0-9][0-9,]*(?:\.[0-9]+)?(?:%|ポイント|人|件|点)?$|^[－x]$`)

// basisLabel returns a figure's label: its words that are not values
// (`Q1 全体 よくある` of `Q1 全体 よくある 45.2% n=120`), or "" when it has
// no value word (then it pairs only with an equal figure or by position).
func basisLabel(fig string) string {
	var label []string
	values := false
	for _, w := range strings.Fields(fig) {
		if basisValue.MatchString(w) {
			values = true
		} else {
			label = append(label, w)
		}
	}
	if !values {
		return ""
	}
	return strings.Join(label, " ")
}

// basisValues returns a figure's value words, space-joined.
func basisValues(fig string) string {
	var vals []string
	for _, w := range strings.Fields(fig) {
		if basisValue.MatchString(w) {
			vals = append(vals, w)
		}
	}
	return strings.Join(vals, " ")
}

// passageKey is a passage's place.
type passageKey struct {
	place    ingest.Place
	target   string
	district int
}

// ApplyCommentary decides what is printed at each passage of this run, given
// the staff rows of b.Commentary, and returns the passages in their order
// with the problems of the rows in sheet order:
//
//   - no row for the place, or a row whose 所見 is blank, equal to this
//     run's text or equal to its 作成時の文 (a draft row left unedited):
//     the generated text (Generated);
//   - a row whose 所見 is a dash (－): nothing (StaffRemoved);
//   - any other 所見: that text (StaffWritten).
//
// A row of the last two kinds whose 根拠 differs from the passage's basis is
// stale: a CodeStaleCommentary error at its 根拠 cell naming every figure that
// changed (old → new), its Value this run's basis to copy (the run stops
// before the new draft is written), and the generated text stays, so that a published
// comment never contradicts its table even under -allow-errors. A row with a
// 所見 at a place where this run has no passage is a CodeCommentaryPlace
// error.
//
// Note: a row copied from the draft and left as it was holds last run's
// generated text; its 作成時の文 (a hidden column of the draft) says so, and
// this run's text is printed without a stale check. Without that column,
// such a row is checked like staff wording.
func ApplyCommentary(b *ingest.Batch, ps []Passage) ([]WordedPassage, []ingest.Problem) {
	out := make([]WordedPassage, len(ps))
	at := make(map[passageKey]int, len(ps))
	for i, p := range ps {
		out[i] = WordedPassage{Passage: p, Printed: p.Text}
		at[passageKey{p.Place, p.Target, p.District}] = i
	}
	cm := b.Commentary
	if cm == nil {
		return out, nil
	}
	var probs []ingest.Problem
	for ri := range cm.Rows {
		r := &cm.Rows[ri]
		if ingest.Norm(r.Text) == "" {
			continue
		}
		problem := func(code ingest.Code, col int, value string, hint ingest.Hint, args ...string) {
			item := r.Target
			if item == "" {
				item = string(r.Place)
			}
			var district string
			if r.District >= 0 && r.District < len(b.Districts) {
				district = b.Districts[r.District].Name
			}
			var file string
			if int(r.Src.File) < len(b.Files) {
				file = b.Files[r.Src.File].Path
			}
			probs = append(probs, ingest.Problem{Severity: ingest.Error, Code: code, File: file, Sheet: cm.Sheet,
				Row: int(r.Src.Row), Col: col, RecordID: district, Item: item, Value: value, Hint: hint, Args: args})
		}
		i, ok := at[passageKey{r.Place, r.Target, r.District}]
		if !ok {
			problem(ingest.CodeCommentaryPlace, 0, "", ingest.HintNoPassage)
			continue
		}
		wp := &out[i]
		if t := ingest.NormKey(r.Text); !r.Removes() && (t == ingest.NormKey(wp.Text) || t == ingest.NormKey(r.Draft)) {
			continue // the draft's text, unedited: this run's text is printed
		}
		if ch := BasisChanges(r.Basis, wp.Basis); len(ch) > 0 {
			s := make([]string, len(ch))
			for k, c := range ch {
				s[k] = c.String()
			}
			problem(ingest.CodeStaleCommentary, cm.BasisCol, wp.Basis, ingest.HintChanged, strings.Join(s, "、"))
			continue
		}
		wp.Wording, wp.Printed, wp.Person, wp.Row = StaffWritten, r.Text, r.Person, int(r.Src.Row)
		if r.Removes() {
			wp.Wording, wp.Printed = StaffRemoved, ""
		}
	}
	return out, probs
}
