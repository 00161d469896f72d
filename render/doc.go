// Package render is the output folder: which files a run writes, with which
// writer (Plan), the tidy CSVs written from analyze.Results at full
// precision, the manifest and the comparison of two output folders. It
// computes no figure.
//
// The packages under it, in the order a figure travels:
//
//   - render/view: Build turns analyze.Results into the View, every figure
//     formatted once; the composers build each chapter of the handouts and
//     web pages once as blocks (see its doc).
//   - render/pdf, render/web, render/xlsx, render/dashboard: the writers.
//     Each imports only render/view (and render/assets for the embedded font
//     and echarts), never analyze or ingest (internal/arch), so a writer can
//     print a figure but cannot compute one.
//   - render/wording: the findings in words and the commentary.xlsx rules,
//     which check uses without building a View.
//
// The files of this package:
//
//  1. Plan (plan.go) lists the files of an output folder for the chosen
//     formats, each with its writer and its path (view.DistrictFile:
//     districts/NN_地区名.pdf with a name safe on every system); cmd/midreview
//     writes them into a temporary folder, hashes them into the manifest and
//     swaps the folder in.
//  2. The CSVs (csv.go, CSVFiles; csvcycle.go for the yearly cycle,
//     csvhard.go for ソフトとハードの連携) and data/districts.geojson
//     (geojson.go) are written from analyze.Results at full precision: every
//     number a writer prints is in one of them (cmd/midreview's
//     published_test.go checks this on the test batch). The open-data tables
//     with their READMEs (opendata.go) are written from the View, with the
//     CSVs' quoting.
//  3. The drafts of the next run's inputs, written whatever the formats:
//     commentary_draft.xlsx (commentarydraft.go) and linkage_draft.xlsx
//     (linkagedraft.go), in ingest's column layout.
//  4. manifest.go lists inputs, settings, counts and every output with its
//     SHA-256; assets.go says which embedded files a build lacks.
//  5. Compare (diff.go) reads two output folders back (manifest.json,
//     data/crosstab.csv, data/indicators.csv) and lists what changed as
//     printed, with the rounding of view.OneDecimal and view.PointsText;
//     Diff writes it as Japanese text, as CSV and as the one-line summary
//     after a run. Its points are new − old of the figures as printed
//     (analyze.PointDiff, the one rule for every difference).
//
// To find where a printed figure is computed, look up its CSV in analyze's
// package doc.
package render
