package view

import (
	"midreview/ingest"
	"midreview/render/wording"
)

// Wording labels of a passage in the audit trail (所見履歴, manifest.json):
// wording.WordingStaff and wording.WordingRemoved.
const (
	WordingStaff   = wording.WordingStaff
	WordingRemoved = wording.WordingRemoved
)

// A StaffedPassage is a passage printed in staff wording, or removed
// (wording.StaffedPassage): a row of the audit trail of commentary.xlsx.
type StaffedPassage = wording.StaffedPassage

// ApplyCommentary decides the wording of every passage of v with the staff
// rows of b.Commentary (wording.Apply), lists the staff-worded ones in
// v.Staffed and returns the problems of stale rows and of rows that name no
// passage.
func ApplyCommentary(v *View, b *ingest.Batch) []ingest.Problem {
	staffed, probs := wording.Apply(b, v.Passages)
	v.Staffed = staffed
	return probs
}
