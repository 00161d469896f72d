// Package ingest reads a review batch and reports every problem with its file, sheet and cell.
//
// It owns the input side of the contract (../shared/spec/inputs.md): the
// schema of every input workbook, the data model the other packages read, and
// the problem codes with their Japanese messages.
//
// Read takes the batch folder as an fs.FS and goes through it in a fixed order:
//
//  1. definitions.xlsx (definitions.go): 設定 and the codebook — 地区, 町名,
//     テーマ, 設問, 選択肢, 指標, ヒアリング項目 — with every cross-reference
//     checked. Sheets, headers, aliases, required columns and the 設定
//     defaults all come from one table, schema.go (Schema); the readers name a
//     column by a Col constant, never by its Japanese header, and
//     internal/batchgen writes the template and the sample from the same table.
//  2. corrections.xlsx (corrections_read.go): the 修正 rows, kept in a ledger
//     that the record readers apply while reading (corrections.go), so that
//     every correction is checked against the raw value (修正前) and audited.
//  3. commentary.xlsx (commentary_read.go): the secretariat's wording, each
//     row's place (場所, 対象ID, 地区) resolved against the codebook. Whether
//     a row is stale is decided after the passages are worded
//     (analyze.ApplyCommentary); its problems join the batch's through
//     Batch.AddProblems. linkage_responses.xlsx (linkage_read.go) is read
//     at the same step: the answers of the urban-development side by 課題ID
//     (sheet 対応); whether each ID is still an issue is decided in analyze
//     (applyLinkage, stale-linkage warnings).
//  4. responses/ and baseline/ (responses.go over table.go): .xlsx or .csv
//     (UTF-8 or CP932), the header row found under any title rows, answers
//     parsed into codes (values.go), districts resolved by name, code, alias or
//     town.
//  5. hearings/ (hearings.go): form sheets and list sheets in any mix.
//  6. progress/ and history/ (progress.go, history.go).
//  7. map/ (mapread.go): one boundary file, an e-Stat Shapefile (shapefile.go,
//     a bounded reader of .shp polygons and .dbf attributes) or a GeoJSON
//     FeatureCollection (geojson.go). Positions are rounded to 1e-7 degree
//     (LonLat); each feature is matched to a town of sheet 町名 (TownKey:
//     丁目 numbers in kanji, full width or ASCII as one) or a district.
//     Dissolving towns into districts is analyze's (analyze/mapdissolve.go).
//
// Every workbook is read by one bounded scanner (sheet.go, opened by
// openBook in xlsx.go; the common cells are matched whole in its buffer by
// fastcell.go, the rest token by token; a large sheet is inflated ahead on a
// goroutine of its own, inflate.go; a row is kept as its values back to back
// with a span per cell, and the rows read ahead reach the reader as one
// string per batch of rows, prefetch.go): the work of a read follows the data present, never a
// size the file declares, so a crafted file ends in a CodeFileUnreadable
// problem instead of a stall (docs/design.md, "Bounded reading"). Room for a
// large sheet's respondents is made once, from its dimension or an estimate
// from its first rows (sheetScanner.RowsHint), never beyond what the part's
// compressed and uncompressed sizes can hold (rowCapOf).
//
// Problems are data (problem.go): a stable Code naming the broken rule, the
// position as numbers (Row, Col; Cell builds "D42" for display), and a Hint
// with its Args; every Japanese sentence is in the two tables there.
//
// Figures computed here and published:
//   - row accounting per input file — read, included, empty, duplicate,
//     invalid, removed (RowCounts; counted by responses.go, hearings.go and
//     xlsx.go's emptyRows) → manifest.json "inputs";
//   - problem counts by code and severity → manifest.json, problems.csv and the
//     tabulation book's 入力チェック sheet (render walks Batch.Problems);
//   - the applied corrections (Batch.Corrections) → data/corrections.csv,
//     修正履歴 and manifest.json.
//
// Every other published figure is computed in analyze from the Batch.
package ingest
