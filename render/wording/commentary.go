package wording

import (
	"strings"

	"midreview/analyze"
	"midreview/ingest"
)

// Wording labels of a passage in the audit trail (所見履歴, manifest.json).
const (
	WordingStaff   = "差し替え" // staff text printed instead of the generated one
	WordingRemoved = "削除"   // nothing printed there
)

// A StaffedPassage is a passage printed in staff wording, or removed: a row
// of the audit trail of commentary.xlsx.
type StaffedPassage struct {
	Place, Target, District string // 場所, 対象ID, 地区 ("" = the ward report)
	Wording                 string // WordingStaff or WordingRemoved
	Text                    string // the staff text printed ("" when removed)
	Generated               string // the generated text it replaced
	Person                  string // 担当
	Row                     int    // the commentary.xlsx row
}

// Check returns the problems of b.Commentary against the passages of
// findings fs, as a run reports them (Apply): stale rows and rows that name
// no passage. It writes no text and builds no View, so that `midreview
// check` validates commentary.xlsx without rendering anything.
func Check(b *ingest.Batch, fs []analyze.Finding) []ingest.Problem {
	if b.Commentary == nil || b.Settings.NoFindings {
		return nil
	}
	_, probs := Apply(b, Passages(fs))
	return probs
}

// Apply decides the wording of every passage of ps with the staff rows of
// b.Commentary (analyze.ApplyCommentary): a staff text becomes the passage's
// Lines (one per paragraph), a removal empties them, and both are returned
// as the audit trail, in the order of ps. It also returns the problems of
// stale rows and of rows that name no passage. With 設定 所見 しない there
// are no passages, and commentary.xlsx is not applied.
func Apply(b *ingest.Batch, ps []Passage) ([]StaffedPassage, []ingest.Problem) {
	if b.Commentary == nil || b.Settings.NoFindings {
		return nil, nil
	}
	district := make(map[string]int, len(b.Districts))
	for i, d := range b.Districts {
		district[d.Name] = i
	}
	aps := make([]analyze.Passage, len(ps))
	for i := range ps {
		p := &ps[i]
		d := ingest.Ward
		if p.District != "" {
			if j, ok := district[p.District]; ok {
				d = j
			}
		}
		aps[i] = analyze.Passage{Place: ingest.Place(p.Place), Target: p.Target, District: d, Text: p.Text(), Basis: p.Basis()}
	}
	var staffed []StaffedPassage
	ws, probs := analyze.ApplyCommentary(b, aps)
	for i, w := range ws {
		p := &ps[i]
		st := StaffedPassage{Place: p.Place, Target: p.Target, District: p.District,
			Generated: w.Text, Person: w.Person, Row: w.Row}
		switch w.Wording {
		case analyze.StaffWritten:
			p.Lines, p.Staff = paragraphs(w.Printed), true
			p.WebLines = p.Lines
			st.Wording, st.Text = WordingStaff, w.Printed
		case analyze.StaffRemoved:
			p.Lines, p.WebLines, p.Staff = nil, nil, true
			st.Wording = WordingRemoved
		default:
			continue
		}
		staffed = append(staffed, st)
	}
	return staffed, probs
}

// paragraphs splits a staff text at its line breaks into the lines a passage
// prints, dropping blank ones.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
