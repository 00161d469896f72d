package view

import (
	"strconv"

	"midreview/ingest"
)

// A View is the publishable content of one run, formatted once: the only source
// of what the PDF, XLSX and HTML writers publish. They only walk it (like
// pprof's TextItem) and compute no figure; CSVs are written from
// analyze.Results directly because they carry full precision, and every figure
// of the View is one of theirs.
type View struct {
	PlanName, Ward string
	// SurveyName is the survey's 調査名, "" in a year without a survey
	// (NoSurvey), whose outputs name no survey.
	SurveyName  string
	Date        string // 基準日 as 2026年11月1日
	DateISO     string // 2026-11-01
	Sample      bool   // サンプルデータ on every page
	InputErrors int    // errors the run was built with (-allow-errors)
	Districts   []string

	Settings []KV // 設定 as printed on the overview
	// Contact is 設定 問い合わせ先, one line each (nil: not given), and
	// License 公開ライセンス (ingest.LicenseCCBY or LicenseGovStd): printed
	// on the web pages and in opendata/'s README.
	Contact  []string
	License  string
	Overview OverviewView
	// Surveys names the surveys compared, one word each for every table
	// head, sentence, legend and evaluation note (surveys.go): 策定時調査 is
	// the baseline, 前回調査 only the latest earlier survey of history/.
	Surveys SurveyNames
	// ReadingNotes are the lines of 報告書の見方 about differences and the
	// surveys compared (readingNotes), printed once there by the chapters;
	// WebReadingNotes are the same in the web's plain words.
	ReadingNotes    []string
	WebReadingNotes []string
	Profile         []QuestionView // respondent attributes (属性 questions), ward-wide
	Themes          []ThemeView
	Questions       []QuestionView // every SA/MA/SC/NUM question in sheet order
	Indicators      IndicatorView
	// DistrictTops are the district pages' main results: district name → rows
	// (analyze.DistrictTops); read in Districts order only.
	DistrictTops map[string][]TopRow
	Hearings     HearingView
	FreeText     FreeTextView
	// Passages are the findings in words (調査結果の概要, under questions and
	// indicators, district profiles), one per place; writers print their
	// Lines through View.Passage. Empty when 設定 所見 is しない.
	Passages []Passage
	// Profiles are the district profiles (地区カルテ), in Districts order.
	Profiles    []ProfileView
	Problems    []ProblemRow
	Corrections []CorrectionRow

	// NoSurvey reports a year without a survey (progress sheets or hearings
	// only): the handouts leave every survey section out.
	NoSurvey bool
	// Progress is the 取組の振り返り chapter (progress/), nil without it.
	Progress *ProgressView
	// IndicatorHistory is each indicator over the plan's years (history/).
	IndicatorHistory []IndicatorHistoryView
	// Hard is the chapter ソフトとハードの連携 (sheet ハード分類), nil without it.
	Hard *HardView
	// CommentaryProblems are the rows of commentary.xlsx found stale or
	// naming no passage while the passages were worded (applyCommentary),
	// then the rows of linkage_responses.xlsx whose issue is gone (warnings,
	// hardProblems);
	// Problems already lists them, and the caller adds them to the batch
	// (ingest.Batch.AddProblems) before writing problems.csv.
	CommentaryProblems []ingest.Problem
	// Staffed are the passages printed in staff wording or removed, in
	// passage order: the audit trail of commentary.xlsx (所見履歴, manifest.json).
	Staffed []StaffedPassage
	// Axes are the 分析軸 breakdowns (axis.go), whose tables follow 年代 in
	// QuestionView.Tables.
	Axes []AxisView
	// Map is the map of the districts (map/; mapview.go), nil without it.
	Map *MapView
	// TargetNames are the names of the 対象IDs of passages, by place and
	// ID (TargetName).
	TargetNames map[[2]string]string
}

// A KV is a label and a value.
type KV struct{ Key, Value string }

// OverviewView is the survey overview table (配布数・回収数・有効回答数・回収率).
type OverviewView struct {
	Summary string        // 配布数 …票、有効回答数 …票（回収率 …%）
	Rows    []OverviewRow // ward total first, then districts, then 地区不明
	// Items are 調査の概要 as municipal reports print it, those given, in
	// order: 調査名, 調査対象, 抽出方法, 調査期間, 調査方法, 配布数,
	// 有効回答数, 回収率, 基準日 (viewtext.go overviewItems).
	Items []KV
}

// An OverviewRow is one line of the overview table.
type OverviewRow struct {
	Name        string
	Distributed Fig
	Valid       Fig
	Rate        Fig // percent, one decimal
}

// A ThemeView groups the questions and indicators of one テーマ.
type ThemeView struct {
	Code, Name string
	Questions  []int // indices into View.Questions
}

// A QuestionView is everything published about one question.
type QuestionView struct {
	Index    int // index into Batch.Questions
	ID, Text string
	Type     string // SA, MA, SC, NUM
	Theme    string // テーマ名 or ""
	// Condition is who was asked, in words, for the note 「対象：…」:
	// 「Q2で「はい」と答えた方」 (conditionLabels); "" when everyone is asked.
	Condition string
	// ConditionCodes is the 対象条件 as written in sheet 設問 (Q2=1,2), for
	// the office's own sheets; never printed in a handout.
	ConditionCodes string
	MA             bool // percentages may sum past 100
	// Unit is the unit of a NUM question's answers (設問 単位, e.g. 回), which
	// its summary figures (平均, 中央値, 最小, 最大, 標準偏差) are in; "" when
	// not given (SC summaries are scores, without a unit).
	Unit     string
	Tables   []TableView // current survey: 全体, 地区, 性別, 年代, 分析軸 (those that exist)
	Baseline *TableView  // baseline survey 全体, when present
	Trend    []TrendView // 全体 trend rows when a baseline exists
	// TrendOrder lists indices into Trend in the order the comparison chart
	// shows them: for MA by current share, largest first; else as Trend.
	TrendOrder []int
	Summary    []SummaryRow // SC/NUM summaries by 全体 and 地区
	// DistrictTrends are each district's trend rows (trend.csv by 地区), by
	// district name; read in Districts order only.
	DistrictTrends map[string][]TrendView
}

// A TableView is a crosstab as printed: 表頭 choices across, 表側 groups down.
type TableView struct {
	By    string   // 全体, 地区, 性別, 年代, or a 分析軸's 設問ID (View.Axis)
	Heads []string // choice labels, then 無回答
	Codes []string // choice codes, then NA
	Rows  []RowView
	Note  string // chi-square result and low-expected note, "" if none
	// DistrictNotes are, by district, the district's own test against the
	// rest of the ward (district_chisq.csv), in Note's form: the note under
	// a district handout's table (by 地区 only).
	DistrictNotes map[string]string
	// DistrictMarks are, by district, the ▲▼ of the district's row in a
	// district handout, parallel to Heads: the residuals of the same test
	// (district_rest.csv mark), all "" when it is not significant.
	DistrictMarks map[string][]string
}

// A RowView is one group of a printed crosstab.
type RowView struct {
	Group      string
	N          Fig   // base n, always shown
	Cells      []Fig // percentages parallel to TableView.Heads (weighted in 全体 when weighting)
	Counts     []Fig // counts parallel to Heads
	Suppressed bool
	Reference  bool
	// Order lists indices into TableView.Heads in the order a bar chart led by
	// this row shows them: for MA by this row's share, largest first (ties in
	// choice order); else in choice order; 無回答 last.
	Order []int
}

// A TrendView is one choice's baseline vs current comparison.
type TrendView struct {
	Label               string
	Baseline, Current   Fig
	BaselineN, CurrentN Fig
	Diff                Fig // points, signed
	P                   Fig // p-value, 3 decimals or "<0.001"
	Significant         bool
	// CurrentRef and BaselineRef mark a side whose base is under 参考値基準
	// (and is printed, not suppressed).
	CurrentRef, BaselineRef bool
}

// A SummaryRow is one group's SC/NUM summary as printed.
type SummaryRow struct {
	Group                      string
	N                          Fig
	Mean, SD, Median, Min, Max Fig
	TopBox                     Fig
	Suppressed, Reference      bool
}

// A TopRow is one question of a district page's main results: the
// question's key measure (an indicator's codes or 『そう思う（計）』), the
// district's share of it beside 全体's, and the difference.
type TopRow struct {
	QuestionID, QuestionText string
	Label                    string // the answer
	N, AllN                  Fig    // bases of the district and of 全体
	District, All            Fig    // shares (percent); District carries ▲▼
	Diff                     Fig    // points, signed; x when either share is hidden
	// The rest of the ward (全体 less the district), the カルテ's comparator:
	// hidden with the district (全体 less it would give the district away).
	Rest, RestN, RestDiff Fig
	// RestRef marks a shown rest whose base is under 参考値基準: each side of
	// the comparison carries its own 参考値, by the same rule.
	RestRef   bool
	Reference bool // the district's base is under 参考値基準
	Lower     bool // lower is better (指標 方向 減): colour follows it
}

// IndicatorView is the indicator table with its legend.
type IndicatorView struct {
	Rows       []IndicatorRow            // ward-wide rows, in sheet order
	ByDistrict map[string][]IndicatorRow // district name → rows; read in Districts order only
	Legend     []KV                      // A..D and － explained
	WebLegend  []KV                      // Legend in the web's plain words (without 有意水準)
}

// An IndicatorRow is one indicator for one group as printed.
type IndicatorRow struct {
	ID, Name, Theme string
	Baseline        Fig
	BaselineN       Fig
	Current         Fig
	CurrentN        Fig
	Interval        string // "±2.3" or "(45.1–52.0)"
	CILow, CIHigh   Fig    // the 95% interval's bounds (blank when none), for opendata's two columns
	Target          Fig
	Direction       string // 増 or 減
	Evaluation      string
	P               Fig
	Reference       bool // the current value's base is under 参考値基準
	// BaselineRef marks a printed 策定時 value whose base is under
	// 参考値基準: each side carries its own survey's flag.
	BaselineRef bool
}

// HearingView is the organization hearing section.
type HearingView struct {
	Orgs       int
	ByDistrict []CountRow // organizations per district
	ByType     []CountRow // organizations per 団体種別
	Ratings    []RatingView
	// Comments are the masked comments grouped by the one rule every writer
	// prints (commentGroups): by theme, then the organization's first district.
	Comments []CommentGroup
	// DistrictComments are, per district, its organizations' comments by theme
	// (District empty); read in Districts order only.
	DistrictComments map[string][]CommentGroup
	// PublicComments and PublicDistrictComments are the same groups as
	// published to residents (web/, opendata/): without the organizations'
	// names unless 設定 団体名の公開 is する.
	PublicComments         []CommentGroup
	PublicDistrictComments map[string][]CommentGroup
	OrgsPublished          bool // 設定 団体名の公開 = する
}

// A CountRow is a group and its count.
type CountRow struct {
	Name string
	N    Fig
}

// A RatingView is one 評価 item's distribution for 全体 (and per district).
type RatingView struct {
	ItemID, Name, Theme string
	Labels              []string // the scale's labels, then 無回答 when NA
	NA                  bool     // some organization gave no rating: the last column is 無回答
	All                 RatingRow
	ByDistrict          map[string]RatingRow // read in Districts order only
}

// A RatingRow is one group's ratings of an item (a group of
// hearing_ratings.csv): organizations per rating and their shares.
type RatingRow struct {
	N      Fig   // organizations of the group heard (base, 無回答 included), as n beside a rating band
	Total  Fig   // the same base as a count, for the 計 column of the book ("－" for none)
	Counts []Fig // organizations per rating, parallel to RatingView.Labels
	Shares []Fig // percent of N, parallel to Labels
}

// A CommentGroup is the masked comments of one theme (and district).
type CommentGroup struct {
	Theme, District string
	Items           []string // "団体名: comment"
}

// FreeTextView is the free-text section: top keywords and representative quotes,
// and every masked text for the 自由記述 sheet and the dashboard's drill-down.
type FreeTextView struct {
	Keywords []KV // word, count (全体)
	Quotes   []CommentGroup
	Count    Fig           // survey answers with free text (freetext_counts.csv)
	Texts    []FreeTextRow // every free-text answer and hearing comment, in freetext.csv order
	Matrix   TextMatrixView
}

// TextMatrixView is the dashboard's theme × district drill-down of every
// free-text answer and hearing comment (comment_matrix.csv).
type TextMatrixView struct {
	Themes    []string         // rows: themes with questions, then GroupNoTheme (その他)
	Districts []string         // columns: districts, then 地区不明
	Cells     [][]TextCellView // [theme][district]
}

// A TextCellView is the texts of one theme and district.
type TextCellView struct {
	N     Fig      // how many ("－" for none)
	Texts []string // masked; a hearing comment reads "団体名：comment"; never a held text
	Held  int      // texts counted in N but not listed (analyze.HeldTexts)
}

// A FreeTextRow is one masked free-text answer or hearing comment (a row of
// freetext.csv).
type FreeTextRow struct {
	Source   string // analyze.SourceSurvey or analyze.SourceHearing
	RecordID string // respondent ID or 団体名
	District string // 地区名; hearings: 、-joined districts
	ItemID   string // 設問ID or 項目ID
	Themes   []string
	Text     string // masked
	// Held reports a survey text of a district under 秘匿基準 (analyze.HeldTexts):
	// the dashboard counts it but never lists it; the XLSX lists it.
	Held bool
}

// A ProblemRow is a problem as listed in problems.csv and the 入力チェック sheet.
type ProblemRow struct {
	Severity, Code, File, Sheet, Cell, Row, RecordID, Item, Value, Message string
}

// A CorrectionRow is an applied correction (修正履歴).
type CorrectionRow struct {
	Row, Target, ID, Item, Before, After, Reason, Person, File, Cell string
}

// InputErrorsText is the statement every output of a run built with input
// errors (-allow-errors) carries: the web pages and the open data in these
// words, the PDFs' cover in its first sentence.
func (v *View) InputErrorsText() string {
	return "入力エラー " + strconv.Itoa(v.InputErrors) + " 件を残したまま作成した暫定版です（該当する回答は無回答として集計しています）。"
}
