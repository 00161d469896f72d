// Package render turns analysis results into the published files: PDF handouts, the Excel tabulation book, the offline dashboard and tidy CSVs.
//
// It computes no figure. The steps, like pprof's report walking its TextItems:
//
//  1. Build (build.go) turns analyze.Results into a View (view.go): every
//     figure formatted once as a Fig (format.go: value, decimals, printed
//     text, 秘匿 x, zero －; one decimal through analyze.Round1; a share is
//     analyze's own value, Cell.Pct or TrendRow.CurrentPct, never a count
//     divided again here: PctFig), the order of
//     every list and chart decided (RowView.Order, QuestionView.TrendOrder), and
//     the hearing comments grouped by one rule for every format
//     (commentGroups).
//     The findings become passages (View.Passages, one per 場所・対象ID・地区)
//     whose sentences come from the one table of templates, worded by staff
//     where commentary.xlsx says so (package render/wording, which check
//     uses without building a View); writers print a passage's Lines only.
//  2. The writers only walk the View: PDF (pdf.go with pdftable.go,
//     pdfchart.go, pdftext.go for wrapping with 禁則処理, pdffont.go for the
//     embedded font), XLSX (xlsx.go), the dashboard (html.go, with echarts
//     embedded by assets.go), and what is published to residents: the
//     accessible web pages (web.go, websvg.go: the PDF's chapters in its
//     order) and the open-data tables with their READMEs (opendata.go).
//  3. The CSVs (csv.go, CSVFiles) are written from analyze.Results at full
//     precision: every number a writer prints is in one of them
//     (cmd/midreview's published_test.go checks this on the test batch), and
//     manifest.go lists inputs, settings, counts and every output with its
//     SHA-256.
//  4. Plan (plan.go) lists the files of an output folder for the chosen
//     formats, each with its writer and its path (districts/NN_地区名.pdf with
//     a name safe on every system); cmd/midreview writes them into a
//     temporary folder, hashes them into the manifest and swaps the folder in.
//  5. Compare (diff.go) reads two output folders back (manifest.json,
//     data/crosstab.csv, data/indicators.csv) and lists what changed as
//     printed, with the rounding of OneDecimal and PointsText; Diff writes it
//     as Japanese text, as CSV and as the one-line summary after a run. Its
//     points are new − old of figures already published.
//
// To find where a printed figure is computed, look up its CSV in analyze's
// package doc.
package render
