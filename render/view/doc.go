// Package view is what the publications print, decided once: the View, the
// block model and the chapter composers. It computes no figure of its own and
// writes no file format (internal/arch bans os, excelize, fpdf and echarts
// here); the writers (render/pdf, render/web, render/xlsx, render/dashboard)
// import this package and nothing of analyze or ingest.
//
//  1. Build (build.go) turns analyze.Results into a View (view.go): every
//     figure formatted once as a Fig (format.go: value, decimals, printed
//     text, 秘匿 x, zero －; one decimal through analyze.Round1; a share is
//     analyze's own value, Cell.Pct or TrendRow.CurrentPct, never a count
//     divided again here: PctFig), the order of every list and chart decided
//     (RowView.Order, QuestionView.TrendOrder), and the hearing comments
//     grouped by one rule for every format (commentGroups). The words of the
//     handouts are decided here too (surveys.go: the one name of each survey,
//     View.Surveys, and the one date style, 令和8年（2026年）11月1日;
//     viewtext.go: 調査の概要, 対象条件 in labels, the symmetric A–D legend;
//     axis.go: the 分析軸 and the tabulation book's sheet names).
//     The findings become passages (findings.go, View.Passages, one per
//     場所・対象ID・地区) whose sentences come from the one table of
//     templates, worded by staff where commentary.xlsx says so
//     (commentary.go over package render/wording, which check uses without
//     building a View); writers print a passage's Lines only. The yearly
//     cycle (progress.go), the chapter ソフトとハードの連携 (hard.go), the
//     district maps (mapview.go, label placement in maplabel.go), the
//     dashboard's trends by district (trend.go) and the カルテ's shading
//     (tone.go) are parts of the View as well.
//  2. The handouts' and the web pages' chapters are composed once from the
//     View as format-neutral blocks (layout.go: sections, headings, passages,
//     tables with column roles, figures with their data tables
//     (chartrows.go), maps (mapblock.go), print hints; compose.go,
//     composehard.go, composemap.go, one function per chapter, in the orders
//     of chapters.go). A writer draws blocks with Walk and keeps only its
//     furniture. The web's plain words are composed here too: a block that
//     states a statistical term carries the web's wording beside it
//     (Finding.WebLines from the passages' WebLines, Bullets.WebItems from
//     IndicatorView.WebLegend, Table.WebNotes, Col.WebHead; GuideItems and
//     View.WebReadingNotes by medium), and Col.NotWeb marks the committee's
//     columns (標準偏差, p値) that the web leaves out.
//
// files.go names the files of an output folder (Output, DistrictFile), which
// render's Plan lists and the web pages link to.
package view
