// Package pdf writes the PDF handouts: report.pdf (PDF), the district
// handouts (DistrictPDF) and linkage.pdf (LinkagePDF, hard.go). It draws the
// blocks that render/view composed and the View's formatted figures; it
// imports only render/view and render/assets (the embedded font), so it
// cannot compute a figure (internal/arch).
//
// pdf.go holds the document and its furniture (cover, contents, 報告書の見方,
// running header and page numbers); blocks.go draws each block kind, with
// table.go (tables, wide crosstabs on landscape pages or in column blocks),
// chart.go (bars and bands), findings.go (passages and the カルテ's index
// chart), progress.go (the yearly cycle's records and trend lines) and map.go
// (the district maps). text.go wraps text itself with 禁則処理 (fpdf's
// MultiCell drops characters at line breaks in Japanese), font.go chooses and
// checks the Japanese font (ResolveFont), widths.go measures text as fpdf does
// without selecting fonts in the document, paginate.go lays each chapter out
// dry before drawing it (docs/outputs.md, "Pages that read cleanly"), and
// compress.go compresses the finished document's pages (fpdf's bytes, with
// pooled zlib writers). cutfont.go cuts the Japanese font once per View to
// the runes its handouts can print (literals.go lists the writers' own), so
// that fpdf reads and subsets a small face for each handout; the handouts
// stay byte for byte those of the full font. textop.go writes the text,
// line and rectangle operators into the pages as fpdf writes them (without
// its formatting through fmt), and layoutcache.go shares the wrapped lines,
// table heads and crosstab widths between the passes and the handouts.
package pdf
