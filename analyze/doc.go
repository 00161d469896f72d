// Package analyze turns a batch into tables, statistics, indicators and text summaries; it is pure computation with no file access.
//
// Run (run.go) takes an ingest.Batch and returns Results, every list in a
// fixed order (current then baseline survey; questions in sheet order;
// breakdowns 全体, 地区, 性別, 年代, then every 分析軸), so that identical
// batches give identical results. It reads no file and no clock, and imports no renderer
// (internal/arch), so every figure is testable from an in-memory batch.
//
// Where each published figure is computed (and the CSV that publishes it; the
// writers in render only format and walk these):
//
//	回収状況: 配布数, 有効回答数, 回収率            overview.go  overview, rate        data/overview.csv
//	crosstab counts, %, n, weighted %              crosstab.go  tabulate             data/crosstab.csv
//	  分析軸 breakdowns (by = 設問ID)             axis.go      Axes; run.go breakdowns
//	  weights (人口 post-stratification, Kish n)   weight.go    weights, kish
//	  秘匿 x and 参考値 (primary + complementary)  suppress.go  suppress
//	  adjusted residuals and ▲▼                    crosstab.go  residuals; stats.go markFor, zCrit
//	  chi-square, df, p, low-expected note         stats.go     independence         data/chisq.csv
//	SC/NUM mean, SD, quartiles, top box            summary.go   summarize; stats.go describe, quantileInc
//	                                                                                  data/summary.csv
//	baseline vs current, 差（ポイント）, p        trend.go     trends; stats.go twoProp  data/trend.csv
//	district page: top answer and its 差           districttop.go DistrictTops       data/district_tops.csv
//	indicators: value, Wilson interval, p, A–D     indicator.go indicators, evaluate; stats.go wilson
//	                                                                                  data/indicators.csv
//	hearing counts by item, district, type         hearing.go   analyzeHearings      data/hearings.csv,
//	                                                                                  data/hearing_orgs.csv
//	hearing rating base and shares                 hearing.go   RatingShares         data/hearing_ratings.csv
//	keywords, quotes, theme coding, masking        text.go      analyzeText; mask.go Masker
//	                                                                                  data/keywords.csv,
//	                                                                                  data/freetext.csv
//	comment matrix (theme × district), text counts textmatrix.go textMatrix, textCounts
//	                                                                                  data/comment_matrix.csv,
//	                                                                                  data/freetext_counts.csv
//	district vs the rest of the ward, p            findings.go  districtRest         data/district_rest.csv
//	district n and 95% margin of error             findings.go  districtProfiles     data/district_profile.csv
//	findings: statements with figures as printed   findings.go  findings (rules     data/findings.csv
//	                                                 documented in docs/methods.md §10; off with 設定 所見 しない)
//	ハード分類: physical needs, one issue per       hard.go      analyzeHard; hardneed.go
//	  repeated text, ID, place, years, voices        mentionHits; hardplace.go  data/hard_issues.csv
//	  the same sentence at one place: one listed     hard.go      sameVoices           data/hard_responses.csv
//	  issue, its voices and the others' IDs (同じ声)                       (voices, listed_as)
//	  quoted sentences (Excerpt) and their place,    hard.go      hardExcerptPlace,    the lists' 内容, 場所
//	  district of a survey issue's place (PlacedBy)               placeDistrict
//	  quotes, each issue once per group (Again)      hard.go      hardQuotes           the handouts' quotes
//	  counts by source × group × category (× year)  hard.go      analyzeHard          data/hard_counts.csv
//	  answers by 課題ID, counts by 対応状況          hard.go      applyLinkage,        data/hard_responses.csv,
//	                                                 hardStatuses                      data/hard_status_counts.csv
//	district boundaries (towns dissolved),         mapdissolve.go DissolveMap       data/districts.geojson
//	  simplified for drawing                       mapsimplify.go (DistrictMap.Draw) the dashboard's map
//
// The secretariat's wording (commentary.go, ApplyCommentary) decides, per
// passage of findings text, whether the generated text, staff's 所見 from
// commentary.xlsx or nothing is printed, and reports a staff row whose 根拠
// no longer matches the passage's figures (stale-commentary, each changed
// figure old → new); it computes no figure.
//
// The IPA dictionary of the text analysis (mask.go, IPATokenizer) comes from
// the subpackage ipadict: the released kagome-dict/ipa file, copied in by the
// build and embedded once, its zip parts decoded side by side (the larger
// parts by ipadict's own readers, checked against ipa.Dict() and fuzzed), its
// contents left unsplit: a token's features are read with featureAt, never
// Token.Features (TestFeatureAtOnly). It computes no figure.
//
// One rounding rule (round.go, Round1: one decimal, 四捨五入) serves every
// printed figure, the A–D evaluation (which compares figures as printed) and
// `midreview diff`; one rule for differences (round.go, PointDiff: the
// difference of the two figures as printed) gives every 差（ポイント） that
// trend.csv, district_tops.csv, district_rest.csv, the evaluation, the
// sentences and `midreview diff` publish. The tests (twoProp) keep the counts.
package analyze
