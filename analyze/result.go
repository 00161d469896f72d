package analyze

import "midreview/ingest"

// Survey names as written in the CSVs' survey column.
const (
	Current  = "current"
	Baseline = "baseline"
)

// Breakdown names (the CSVs' by column) and fixed group names.
const (
	ByAll      = "全体"
	ByDistrict = "地区"
	ByGender   = "性別"
	ByAge      = "年代"
	ByTheme    = "テーマ"
	ByOrgType  = "団体種別"

	GroupAll        = "全体"
	GroupNoDistrict = "地区不明"
	CodeNA          = "NA"
	LabelNA         = "無回答"
)

// Free-text sources (freetext.csv and keywords.csv source column).
const (
	SourceSurvey  = "survey"  // FA answers of the current survey
	SourceHearing = "hearing" // hearing 記述 items
)

// Results is everything the renderers publish, in publication order.
type Results struct {
	Batch     *ingest.Batch
	Overview  Overview
	Crosstabs []Crosstab // current then baseline; by question order, then 全体, 地区, 性別, 年代, 分析軸
	Summaries []Summary  // SC and NUM, same order
	Trends    []TrendRow
	// DistrictTops are the district pages' top answers (district_tops.csv):
	// districts in sheet order, then questions.
	DistrictTops []DistrictTop
	Indicators   []IndicatorResult // per indicator: 全体, then districts in sheet order
	Hearings     HearingResults
	FreeText     []FreeText
	Keywords     []Keyword
	Quotes       []Quote
	// TextMatrix files the texts by theme × district (comment_matrix.csv):
	// every cell, row by row.
	TextMatrix []TextCell
	// TextCounts are the texts per source (freetext_counts.csv): survey, hearing.
	TextCounts []SourceCount
	// DistrictRest compares every district with the rest of the ward
	// (district_rest.csv); DistrictProfiles hold each district's n and margin
	// of error (district_profile.csv). Both feed the district profiles.
	DistrictRest     []DistrictRest
	DistrictProfiles []DistrictProfile
	// DistrictChis are each district's own tests against the rest of the
	// ward (district_chisq.csv), printed under a district handout's tables.
	DistrictChis []DistrictChi
	// Findings are the statements the text passages are written from, in
	// printed order (findings.go); empty when 設定 所見 is しない.
	Findings []Finding
	// Progress is the yearly review of the initiatives (progress/), nil without it.
	Progress *ProgressResults
	// Hard are the texts that call for a physical fix (sheet ハード分類), nil without it.
	Hard *HardResults
	// IndicatorHistory is each indicator over the plan's years (history/), nil without it.
	IndicatorHistory []IndicatorHistory
	// Axes are the 分析軸 breakdowns after 年代, in sheet order (axis.go).
	Axes []Axis
	// Map is the districts' boundaries from map/ (mapdissolve.go), nil without it.
	Map *DistrictMap
	// InputErrors is the number of input errors the results were built with (-allow-errors).
	InputErrors int

	drop bool // RunDropping: drop the batch's answers once used
}

// Overview is the survey overview: distributed, returned, valid, response rate.
type Overview struct {
	Distributed int     // 配布数 (0 unknown)
	Returned    int     // data rows read (non-empty), current survey
	Valid       int     // respondents included
	Removed     int     // removed by corrections
	Rate        float64 // 100·Valid/Distributed; NaN when Distributed is 0
	Districts   []DistrictOverview
	BaselineN   int // respondents in the baseline survey (0 when absent)
}

// DistrictOverview is one district's row of the overview (plus 地区不明 last).
type DistrictOverview struct {
	Name        string
	Distributed int
	Valid       int
	Rate        float64 // NaN when Distributed is 0
}

// A Crosstab is one question tabulated by one breakdown for one survey.
type Crosstab struct {
	Survey   string // Current or Baseline
	Question int    // index into Batch.Questions
	By       string // ByAll, ByDistrict, ByGender, ByAge, or a 分析軸's 設問ID
	Choices  []ChoiceHead
	Groups   []Group
	Chi      *ChiSquare // SA/SC breakdowns other than 全体; nil otherwise
}

// ChoiceHead is a column of a crosstab: a choice, or 無回答 last (Code CodeNA).
type ChoiceHead struct {
	Code  string
	Label string
}

// A Group is a row of a crosstab.
type Group struct {
	Name         string
	Base         int     // respondents asked (対象条件), no-answer included
	WeightedBase float64 // sum of weights; 0 unless weighting
	Suppressed   bool    // primary or complementary suppression
	Complement   bool    // suppressed only to protect another group
	Reference    bool    // base < 参考値基準
	Cells        []Cell  // parallel to Crosstab.Choices
}

// A Cell is one group × choice figure.
type Cell struct {
	Count       int
	Pct         float64 // 100·Count/Base; NaN when Base is 0
	WeightedPct float64 // NaN unless weighting
	AdjResidual float64 // NaN when not computed (全体, MA, 無回答, or degenerate)
	Mark        string  // "▲", "▼" or ""
}

// ChiSquare is a test of independence of a breakdown × answer table (no-answer excluded).
type ChiSquare struct {
	Stat        float64
	DF          int
	P           float64
	LowExpected bool // more than 20% of expected counts are under 5
}

// A Summary describes an SC or NUM question for one group (summary.csv).
type Summary struct {
	Survey     string
	Question   int
	By, Group  string
	N          int // answers, not no-answers
	Base       int // respondents asked, no-answer included (TopBoxPct's denominator)
	Mean, SD   float64
	Median     float64
	Q1, Q3     float64
	Min, Max   float64
	TopBoxPct  float64 // of Base (no-answer included); NaN unless SC with 肯定 choices
	Suppressed bool
	Reference  bool
}

// A TrendRow compares one choice between the baseline and current surveys (trend.csv).
type TrendRow struct {
	Question      int
	By, Group     string
	Code, Label   string
	BaselineCount int
	BaselineBase  int
	BaselinePct   float64
	CurrentCount  int
	CurrentBase   int
	CurrentPct    float64
	DiffPt        float64 // CurrentPct − BaselinePct as printed (PointDiff)
	P             float64 // NaN when not computable
	Suppressed    bool    // either side suppressed: no difference, no p
	// Each side's own flags, as its crosstab group has them: a side is
	// printed (as 参考値 when its base is under 参考値基準) unless it is
	// itself suppressed; only the difference needs both.
	CurrentSuppressed, BaselineSuppressed bool
	CurrentReference, BaselineReference   bool
}

// Evaluation grades (indicators.csv evaluation).
const (
	EvalA    = "A" // target reached
	EvalB    = "B" // not reached but better than baseline
	EvalC    = "C" // no change
	EvalD    = "D" // worse
	EvalNone = "－" // not evaluable (suppressed or no baseline)
)

// An IndicatorResult is one indicator for one group (indicators.csv).
type IndicatorResult struct {
	Indicator  int // index into Batch.Indicators
	Group      string
	Baseline   float64 // NaN when unknown
	BaselineN  int     // 0 when unknown
	Current    float64 // NaN when suppressed or base 0
	CurrentN   int
	CILow      float64 // 95% Wilson interval, NaN when not computed
	CIHigh     float64
	P          float64 // NaN when baseline n is unknown
	Evaluation string  // EvalA..EvalD or EvalNone
	Suppressed bool    // the current side is suppressed (秘匿)
	Reference  bool    // the current side's base is under 参考値基準
	// The baseline side's own flags, by the same rule as the current side's
	// (a baseline/ group's 秘匿/参考値 as its crosstab has them; 全体 from
	// sheet 指標 is 参考値 when its 策定時n is under 参考値基準).
	BaselineSuppressed, BaselineReference bool
	Weighted                              bool    // Current is a weighted estimate (全体 with 重み付け)
	EffectiveN                            float64 // Kish effective n when Weighted
}

// HearingResults are the organization hearing roll-ups.
type HearingResults struct {
	Orgs     int              // organizations included
	ByGroup  []OrgCount       // organizations by 地区 and 団体種別
	Ratings  []HearingCount   // hearings.csv rows
	Comments []HearingComment // 記述 items, grouped by theme then district
}

// OrgCount is the number of organizations in a group.
type OrgCount struct {
	By, Group string
	Count     int
}

// A HearingCount is one rating choice's count for one item and group
// (hearings.csv), or the group's organizations that gave the item no rating
// (NA, 無回答), with its share of the group's organizations heard
// (hearing_ratings.csv).
type HearingCount struct {
	Item      int    // index into Batch.HearingItems
	Theme     string // テーマ名 or ""
	By, Group string // ByAll, ByDistrict, ByOrgType
	Code      int    // the choice's code; 0 when NA
	NA        bool   // the 無回答 row: organizations of the group that did not rate the item
	Label     string
	Count     int
	Base      int     // organizations of the group heard (無回答 included): the sum of its rows
	Pct       float64 // 100·Count/Base; NaN when Base is 0
}

// A HearingComment is one organization's comment on one 記述 item, masked.
type HearingComment struct {
	Item      int
	Org       string
	Districts []string
	Themes    []string // テーマ名
	Masked    string
}

// A FreeText is one free-text answer or hearing comment (freetext.csv).
type FreeText struct {
	Source   string // SourceSurvey or SourceHearing
	RecordID string // respondent ID or 団体名
	District string // 地区名 ("地区不明"; hearings: 、-joined districts)
	ItemID   string // 設問ID or 項目ID
	Themes   []string
	Masked   string
}

// A Keyword is a word's frequency in one group's free text (keywords.csv).
type Keyword struct {
	Source    string
	By, Group string // ByAll, ByDistrict, ByTheme
	Word      string
	Count     int
	Docs      int
}

// A TextCell is the free-text answers and hearing comments filed under one
// theme and district (a row of comment_matrix.csv).
type TextCell struct {
	Theme    string // テーマ名, or GroupNoTheme
	District string // 地区名, or GroupNoDistrict
	Texts    []int  // indices into Results.FreeText, ascending; the count is len(Texts)
}

// A SourceCount is the number of texts of one source (freetext_counts.csv).
type SourceCount struct {
	Source string // SourceSurvey or SourceHearing
	Count  int
}

// A Quote is a representative masked comment for a theme or district.
type Quote struct {
	Source    string
	By, Group string // ByTheme or ByDistrict
	Text      string
}
