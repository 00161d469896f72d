// Package wording writes the findings in words: the one reviewed table of
// sentence templates, the passages they make at each place of the handouts,
// and the staff wording of commentary.xlsx that replaces them.
//
// It computes no figure and writes no file. The steps:
//
//  1. SentenceText fills a finding's template (templates.go) with its
//     figures printed as the tables print them (OneDecimal, PointsText,
//     Thousands: numbers.go, through analyze.Round1); Basis lists those
//     figures, which commentary.xlsx 根拠 compares run to run.
//     SentenceWebText fills the same with the web's templates where a
//     handout template names a statistical term (webTemplates: 95%信頼区間,
//     秘匿基準): Sentence.WebText and Passage.WebLines, which the web prints.
//  2. Passages groups the sentences by place (場所・対象ID・地区), in the
//     order of analyze.Results.Findings (passage.go).
//  3. Apply decides each passage's printed Lines from commentary.xlsx
//     (analyze.ApplyCommentary: the stale check) and returns the audit trail
//     (commentary.go). view.Build keeps the passages in View.Passages;
//     Check returns only the problems, so that `midreview check` validates
//     commentary.xlsx without building the View.
package wording
