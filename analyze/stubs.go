package analyze

import "midreview/ingest"

// TEMPORARY stubs, replaced by their owners' files.

// analyzeHearings fills r.Hearings.
func analyzeHearings(b *ingest.Batch, r *Results) {}

// analyzeText fills r.FreeText, r.Keywords and r.Quotes (and masks hearing comments).
func analyzeText(b *ingest.Batch, r *Results) {}
