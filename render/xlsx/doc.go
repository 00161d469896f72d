// Package xlsx writes the tabulation book (集計表, tabulation.xlsx) from the
// View: every figure stored as a number with the number format of its printed
// form, the sheets in the order of view's sheet names (xlsx.go), with the
// yearly cycle's sheets (progress.go) and ソフトとハードの連携 (hard.go) when
// present. It imports only render/view (internal/arch).
//
// The drafts of the next run's input files (commentary_draft.xlsx,
// linkage_draft.xlsx) are not here: they follow ingest's column layout and
// are written by render whatever the formats.
package xlsx
