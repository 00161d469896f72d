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
//     (commentGroups). The words of the handouts are decided there too
//     (surveys.go: the one name of each survey, View.Surveys, and the one
//     date style, 令和8年（2026年）11月1日; viewtext.go: 調査の概要,
//     対象条件 in labels, the symmetric A–D legend).
//     The findings become passages (View.Passages, one per 場所・対象ID・地区)
//     whose sentences come from the one table of templates, worded by staff
//     where commentary.xlsx says so (package render/wording, which check
//     uses without building a View); writers print a passage's Lines only.
//  2. The handouts' chapters are composed once from the View as
//     format-neutral blocks (layout.go: sections, headings, passages,
//     tables with column roles, figures with their data tables, print
//     hints; compose.go and composehard.go, one function per chapter, in
//     the order of chapters.go). The PDF writer (pdfblocks.go drawing with
//     pdf.go, pdftable.go, pdfchart.go, pdftext.go for wrapping with
//     禁則処理, pdffont.go for the embedded font) and the accessible web
//     pages (webblocks.go drawing with web.go, websvg.go) only draw blocks,
//     with their own furniture (cover and contents; the page frame).
//     The other writers walk the View: XLSX (xlsx.go), the dashboard
//     (html.go, with echarts embedded by assets.go) and the open-data
//     tables with their READMEs (opendata.go). The district maps (map/):
//     mapview.go builds View.Map from analyze.DistrictMap and the View's
//     figures; the dashboard's 地図 tab (maphtml.go) and the MapFigure block
//     (mapblock.go, composemap.go; pdfmap.go, webmap.go) draw it, and
//     geojson.go writes data/districts.geojson from analyze.Results.
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
//     points are new − old of the figures as printed (analyze.PointDiff, the
//     one rule for every difference).
//
// To find where a printed figure is computed, look up its CSV in analyze's
// package doc.
package render
