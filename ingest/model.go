package ingest

import (
	"iter"
	"math"
	"slices"
	"time"
)

// A Batch is everything read from one review batch folder (inputs.md section 1),
// after corrections, ready for analysis. Read always returns one, even when the
// input has errors; Problems says what was wrong.
type Batch struct {
	Settings     Settings
	Districts    []District    // sheet 地区, in sheet order
	Towns        []Town        // sheet 町名 (optional)
	Themes       []Theme       // sheet テーマ, in sheet order
	Questions    []Question    // sheet 設問, in sheet order
	ChoiceSets   []ChoiceSet   // sheet 選択肢, in first-seen order
	Indicators   []Indicator   // sheet 指標
	HearingItems []HearingItem // sheet ヒアリング項目

	// Attribute questions (設問.属性), as indices into Questions, or -1.
	DistrictQ, GenderQ, AgeQ int

	Current  Survey  // responses/
	Baseline *Survey // baseline/, nil when the folder is absent or empty

	Hearings    []Hearing           // hearings/, in file, sheet and row order
	Corrections []AppliedCorrection // corrections.xlsx rows that were applied
	// Commentary is commentary.xlsx, the secretariat's wording; nil when the
	// batch has none.
	Commentary *Commentary
	// Linkage is linkage_responses.xlsx, the answers to the issues of
	// ソフトとハードの連携; nil when the batch has none.
	Linkage *Linkage

	Initiatives []Initiative // sheet 取組 (optional), in sheet order
	// ProgressScale is the 進ちょく尺度: the choice set named by the setting, or
	// the built-in one. Its choices run from best to worst.
	ProgressScale ChoiceSet
	Progress      []Progress   // progress/, sorted by initiative then year
	History       []HistoryRun // history/, in folder-name order
	// HardCategories are sheet ハード分類 (optional), in sheet order.
	HardCategories []HardCategory
	// Map is map/, the boundary file (mapmodel.go); nil when the batch has none.
	Map *BoundaryMap

	Files    []InputFile // every input file read, in reading order; Src.File indexes it
	Problems []Problem   // sorted by position (SortProblems)
}

// Settings are the values of sheet 設定 (settings), with the contract's defaults filled in.
type Settings struct {
	PlanName    string    // 計画名
	Ward        string    // 区名
	SurveyName  string    // 調査名
	Date        time.Time // 基準日 (UTC midnight); the only date any output uses
	Distributed int       // 配布数, ward total; 0 when not given
	// 調査の概要 as written (all optional, "" when not given): 調査対象,
	// 抽出方法, 調査期間, 調査方法. Printed, never computed with.
	Target, Sampling, Period, Method string

	SuppressBelow  int        // 秘匿基準: bases under this are suppressed (default 10)
	ReferenceBelow int        // 参考値基準: bases under this are marked 参考値 (default 30)
	Weighting      bool       // 重み付け する
	Alpha          float64    // 有意水準 (default 0.05)
	Evaluation     EvalMethod // 評価方法 (default 検定)
	Margin         float64    // 維持幅 in points (default 3)
	// NoFindings turns the generated text off (設定 所見 = しない): tables only.
	NoFindings bool
	// NoAnswer lists the 無回答コード: codes that mean no answer in every
	// question (e.g. 9, 99), whatever the question's choice set.
	NoAnswer []int
	// ProgressScaleName is 進ちょく尺度 as written ("" = the built-in scale).
	ProgressScaleName string
	// PublishOrgs reports that hearing organizations may be named in what
	// is published to residents (設定 団体名の公開 = する; web/, opendata/).
	PublishOrgs bool
	// MapName is 地図の名前列: the boundary file's attribute that names each
	// feature ("" = the first of S_NAME, 地区名, name that the file has).
	MapName string
	// Contact is 問い合わせ先 as written, one line per line of the cell
	// (nil when not given): printed on the web pages and in opendata/'s README.
	Contact []string
	// License is 公開ライセンス, the terms of opendata/: LicenseCCBY (the
	// default) or LicenseGovStd.
	License string
	// Sample marks synthetic data (設定 サンプルデータ = はい, written by `midreview sample`);
	// every published page then says サンプルデータ.
	Sample bool
}

// EvalMethod is how an indicator's change is judged (設定.評価方法).
type EvalMethod int

const (
	EvalTest   EvalMethod = iota // 検定: two-proportion z-test at Alpha
	EvalPoints                   // ポイント: a change within ±Margin points is no change
)

// NoDistrict is Respondent.District for respondents without a valid district (地区不明).
const NoDistrict = -1

// A District is a 地区 from sheet 地区.
type District struct {
	Code        string
	Name        string
	Aliases     []string // 別名, normalized
	Population  int      // 人口; 0 when not given
	Distributed int      // 配布数; 0 when not given
	Src         Src
}

// A Town is a 町名 from sheet 町名, mapped to the district that the survey reports.
type Town struct {
	Name     string // normalized
	District int    // index into Batch.Districts
}

// A Theme is a テーマ from sheet テーマ.
type Theme struct {
	Code     string
	Name     string
	Keywords []string // キーワード, normalized
}

// QType is a question's 形式.
type QType int

const (
	SA  QType = iota // single answer
	MA               // multiple answer
	SC               // ordered scale (single answer)
	NUM              // number
	FA               // free text
)

// String returns the 形式 keyword ("SA", "MA", ...).
func (t QType) String() string {
	switch t {
	case SA:
		return "SA"
	case MA:
		return "MA"
	case SC:
		return "SC"
	case NUM:
		return "NUM"
	case FA:
		return "FA"
	}
	return "?"
}

// Categorical reports whether answers are codes of a choice set (SA, MA, SC).
func (t QType) Categorical() bool { return t == SA || t == MA || t == SC }

// Attr is a question's 属性: the respondent attribute it records, if any.
type Attr int

const (
	AttrNone Attr = iota
	AttrDistrict
	AttrGender
	AttrAge
)

// A Question is a 設問 from sheet 設問.
type Question struct {
	ID        string // 設問ID, the column header in response files
	Text      string // 設問文
	Type      QType
	ChoiceSet int // index into Batch.ChoiceSets, or -1
	Theme     int // index into Batch.Themes, or -1
	Attr      Attr
	// Axis reports 属性 分析軸: an SA/SC question used as a breakdown like
	// 性別 and 年代.
	Axis    bool
	Headers []string // 見出し: other column headers meaning this question, as written
	Unit    string   // 単位 of a NUM question's answers (回, 時間), as written; "" when not given
	Cond    []Clause // 対象条件, all must hold; nil = everyone is asked
	Src     Src
}

// A Clause of a 対象条件: the respondent answered one of Choices to question Q.
type Clause struct {
	Q       int        // index into Batch.Questions
	Choices ChoiceBits // choice indices in Q's choice set
}

// ChoiceBits is a set of choice indices (bit i = ChoiceSet.Choices[i]).
// A choice set therefore has at most 64 choices; definitions reject more.
type ChoiceBits uint64

// Has reports whether choice index i is in the set.
func (b ChoiceBits) Has(i int) bool { return i >= 0 && i < 64 && b&(1<<uint(i)) != 0 }

// With returns the set with choice index i added.
func (b ChoiceBits) With(i int) ChoiceBits { return b | 1<<uint(i) }

// Count returns the number of choices in the set.
func (b ChoiceBits) Count() int {
	n := 0
	for ; b != 0; b &= b - 1 {
		n++
	}
	return n
}

// MaxChoices is the most choices a choice set may have.
const MaxChoices = 64

// A ChoiceSet is a named list of choices from sheet 選択肢, in display order.
type ChoiceSet struct {
	Name    string
	Choices []Choice
}

// A Choice is one row of sheet 選択肢.
type Choice struct {
	Code     int
	Label    string
	Aliases  []string // 別名, normalized
	Score    float64  // 点数; the code when not given
	Positive bool     // 肯定 ○: counts toward top-box
}

// Direction is an indicator's 方向.
type Direction int

const (
	Up   Direction = iota // 増: higher is better
	Down                  // 減: lower is better
)

// An Indicator is a 指標 from sheet 指標: the percentage of those asked Question
// (no-answer included) whose answer is in Choices.
type Indicator struct {
	ID, Name    string
	Theme       int // index into Batch.Themes, or -1
	Question    int // index into Batch.Questions
	Choices     ChoiceBits
	Baseline    float64 // 策定時値 in percent; valid when HasBaseline
	BaselineN   int     // 策定時n; 0 when unknown
	HasBaseline bool
	Target      float64 // 目標値 in percent; valid when HasTarget
	HasTarget   bool
	Direction   Direction
	Src         Src
}

// HearingKind is a hearing item's 種別.
type HearingKind int

const (
	HOrg      HearingKind = iota // 団体名
	HOrgType                     // 団体種別
	HDistrict                    // 地区
	HRating                      // 評価
	HComment                     // 記述
	HNumber                      // 数値
	HText                        // テキスト
)

// A HearingItem is a row of sheet ヒアリング項目.
type HearingItem struct {
	ID, Name string
	Kind     HearingKind
	Cell     string // A1 address on a form-style sheet, normalized upper case; "" if none
	Header   string // 見出し on a tabular sheet (default Name), normalized
	Theme    int    // index into Batch.Themes, or -1
	Scale    int    // index into Batch.ChoiceSets for HRating, else -1
}

// A Survey is one questionnaire's respondents (current: responses/, baseline: baseline/).
type Survey struct {
	Respondents []Respondent
	// Answers holds the answers by question: Answers[q] has every respondent's
	// answer to question q, by respondent index. Read one with Answer.
	Answers []Column
	// Present marks the questions that had a column in at least one of the survey's
	// files (by question index); the baseline may lack questions added later.
	Present []bool
}

// A Column is every respondent's answer to one question, by respondent index.
//
// Note: answers are stored by column, not per respondent, because 100k
// respondents × 60 questions must fit the 300 MB memory goal and the garbage
// collector must not scan them. Choices are pointer-free, one byte per answer
// while the column allows: the answer's bits themselves while every answer
// fits in 8 bits (a choice set's first 8 choices: most questions), else an
// index into the column's table of its distinct answers while there are at
// most 256 of them (a number question: ages, counts, times; a longer choice
// set), else 8 bytes each. Texts are kept only for the respondents who wrote
// one (a free-text question is mostly blank). At 100k × 60 that is about
// 6 MB instead of 144 MB for 24-byte answers; at a million, the 7 number
// questions of the scale batch are 7 MB instead of 56 MB.
type Column struct {
	narrow []uint8      // choices, or indices into dict, while the column is one byte per answer
	dict   []ChoiceBits // when set, narrow[i] is an index into it; dict[0] is 0 (no answer)
	dictAt map[ChoiceBits]uint8
	wide   []ChoiceBits // choices (a number's bits for NUM), once one byte does not do
	textAt []int32      // the respondents with a text, ascending
	texts  []string     // their texts (an Answer's Text)
}

// dictSize is the most distinct answers a one-byte column's table holds.
const dictSize = 256

// Text returns answer i's text, or "".
func (c *Column) Text(i int) string {
	if k, ok := slices.BinarySearch(c.textAt, int32(i)); ok {
		return c.texts[k]
	}
	return ""
}

// Texts returns the answers with a text, by respondent index in order.
func (c *Column) Texts() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for k, i := range c.textAt {
			if !yield(int(i), c.texts[k]) {
				return
			}
		}
	}
}

// HasText reports whether some answer has a text.
func (c *Column) HasText() bool { return len(c.texts) > 0 }

// DropTexts removes every text from the column (the choices stay).
func (c *Column) DropTexts() { c.textAt, c.texts = nil, nil }

// setText sets answer i's text ("" removes it).
func (c *Column) setText(i int, text string) {
	k, ok := slices.BinarySearch(c.textAt, int32(i))
	switch {
	case ok && text != "":
		c.texts[k] = text
	case ok:
		c.textAt, c.texts = slices.Delete(c.textAt, k, k+1), slices.Delete(c.texts, k, k+1)
	case text != "":
		c.textAt, c.texts = slices.Insert(c.textAt, k, int32(i)), slices.Insert(c.texts, k, text)
	}
}

// NewColumn returns a column of n no-answers.
func NewColumn(n int) Column { return Column{narrow: make([]uint8, n)} }

// Len returns the number of answers in the column.
func (c *Column) Len() int {
	if c.wide != nil {
		return len(c.wide)
	}
	return len(c.narrow)
}

// Narrow returns every answer's choices as one byte each, by respondent
// index, or nil when some answer needs more than 8 bits (read those with
// At). The slice is the column's own: only read it.
func (c *Column) Narrow() []uint8 {
	if c.wide != nil || c.dict != nil {
		return nil
	}
	return c.narrow
}

// At returns answer i's choices (a number's bits for NUM).
func (c *Column) At(i int) ChoiceBits {
	switch {
	case c.wide != nil:
		return c.wide[i]
	case c.dict != nil:
		return c.dict[c.narrow[i]]
	}
	return ChoiceBits(c.narrow[i])
}

// code returns the byte that stands for v in a one-byte column, adding v to
// its table when needed; ok is false when v needs the column widened.
func (c *Column) code(v ChoiceBits) (uint8, bool) {
	if c.dict == nil {
		if v <= 0xff {
			return uint8(v), true
		}
		if !c.toDict() {
			return 0, false
		}
	}
	if k, ok := c.dictAt[v]; ok {
		return k, true
	}
	if c.dictAt == nil && v == 0 {
		return 0, true
	}
	if c.dictAt == nil {
		// Note: trim drops the lookup; rebuild it for a change made after the read.
		c.dictAt = make(map[ChoiceBits]uint8, len(c.dict))
		for k, d := range c.dict {
			c.dictAt[d] = uint8(k)
		}
		if k, ok := c.dictAt[v]; ok {
			return k, true
		}
	}
	if len(c.dict) == dictSize {
		return 0, false
	}
	k := uint8(len(c.dict))
	c.dict = append(c.dict, v)
	c.dictAt[v] = k
	return k, true
}

// toDict turns a column of one-byte choices into indices into a table of
// its distinct answers, or reports false when they do not leave room for
// one more.
func (c *Column) toDict() bool {
	var seen [256]bool
	seen[0] = true
	n := 1
	for _, v := range c.narrow {
		if !seen[v] {
			seen[v] = true
			n++
		}
	}
	if n >= dictSize {
		return false
	}
	c.dict = make([]ChoiceBits, 1, n+1)
	c.dictAt = map[ChoiceBits]uint8{0: 0}
	var idx [256]uint8
	for v := 1; v < 256; v++ {
		if seen[v] {
			idx[v] = uint8(len(c.dict))
			c.dictAt[ChoiceBits(v)] = idx[v]
			c.dict = append(c.dict, ChoiceBits(v))
		}
	}
	for i, v := range c.narrow {
		c.narrow[i] = idx[v]
	}
	return true
}

// widen moves the column to 8 bytes per answer, room for extra more.
func (c *Column) widen(extra int) {
	c.wide = make([]ChoiceBits, len(c.narrow), len(c.narrow)+extra)
	for i := range c.narrow {
		c.wide[i] = c.At(i)
	}
	c.narrow, c.dict, c.dictAt = nil, nil, nil
}

// grow makes room for n more answers.
func (c *Column) grow(n int) {
	if c.wide != nil {
		c.wide = slices.Grow(c.wide, n)
		return
	}
	c.narrow = slices.Grow(c.narrow, n)
}

func (c *Column) append(v ChoiceBits) {
	// Note: the commonest case, a one-byte column without a table taking a
	// one-byte answer, is code's first, here without its call.
	if c.wide == nil && c.dict == nil && v <= 0xff {
		c.narrow = append(c.narrow, uint8(v))
		return
	}
	if c.wide == nil {
		if k, ok := c.code(v); ok {
			c.narrow = append(c.narrow, k)
			return
		}
		c.widen(cap(c.narrow) - len(c.narrow) + 1)
	}
	c.wide = append(c.wide, v)
}

func (c *Column) set(i int, v ChoiceBits) {
	if c.wide == nil {
		if k, ok := c.code(v); ok {
			c.narrow[i] = k
			return
		}
		c.widen(0)
	}
	c.wide[i] = v
}

// Answer returns respondent i's answer to question q.
func (s *Survey) Answer(q, i int) Answer {
	c := &s.Answers[q]
	return Answer{Choices: c.At(i), Text: c.Text(i)}
}

// Add appends respondent r with answers by question index (missing ones are
// no answer); the survey's questions are counted on the first call.
func (s *Survey) Add(r Respondent, answers []Answer) {
	i := len(s.Respondents)
	s.Respondents = append(s.Respondents, r)
	if s.Answers == nil {
		s.Answers = make([]Column, len(answers))
	}
	for q := range s.Answers {
		var a Answer
		if q < len(answers) {
			a = answers[q]
		}
		c := &s.Answers[q]
		// Note: append's first case, here without its call: most answers.
		if c.wide == nil && c.dict == nil && a.Choices <= 0xff {
			c.narrow = append(c.narrow, uint8(a.Choices))
		} else {
			c.append(a.Choices)
		}
		if a.Text != "" {
			c.textAt, c.texts = append(c.textAt, int32(i)), append(c.texts, a.Text)
		}
	}
}

// Set replaces respondent i's answer to question q.
func (s *Survey) Set(q, i int, a Answer) {
	c := &s.Answers[q]
	c.set(i, a.Choices)
	c.setText(i, a.Text)
}

// DropAnswers removes the survey's respondents and their answers (Present
// stays): for an analysis that is done with them (analyze.RunDropping), so
// that they are not held while the rest is computed and written.
func (s *Survey) DropAnswers() { s.Respondents, s.Answers = nil, nil }

// DropChoices removes the choices (and numbers) of every answer of the
// survey, keeping the respondents and the texts: for an analysis that has
// computed every figure from them and goes on with the free text.
func (s *Survey) DropChoices() {
	for q := range s.Answers {
		c := &s.Answers[q]
		c.narrow, c.dict, c.dictAt, c.wide = nil, nil, nil, nil
	}
}

// grow makes room for n more respondents of questions questions; and in
// each column for texts in the proportion of the respondents so far.
func (s *Survey) grow(n, questions int) {
	had := len(s.Respondents)
	s.Respondents = slices.Grow(s.Respondents, n)
	if s.Answers == nil {
		s.Answers = make([]Column, questions)
	}
	for q := range s.Answers {
		c := &s.Answers[q]
		c.grow(n)
		if k := len(c.texts); k > 0 {
			t := int(int64(n) * int64(k) / int64(had))
			c.textAt, c.texts = slices.Grow(c.textAt, t), slices.Grow(c.texts, t)
		}
	}
}

// trim drops the spare capacity that appending (or growing for a sheet's
// announced rows) left in the columns.
func (s *Survey) trim() {
	for q := range s.Answers {
		c := &s.Answers[q]
		c.narrow = trimmed(c.narrow)
		c.wide = trimmed(c.wide)
		c.dictAt = nil
		c.textAt, c.texts = trimmed(c.textAt), trimmed(c.texts)
	}
	s.Respondents = trimmed(s.Respondents)
}

// trimmed returns xs in a slice of its own length when appending left more
// than an eighth of it spare.
func trimmed[T any](xs []T) []T {
	if xs == nil || cap(xs)-len(xs) <= len(xs)/8 {
		return xs
	}
	return append(make([]T, 0, len(xs)), xs...)
}

// A Respondent is one included questionnaire; its answers are in Survey.Answers
// at its index.
type Respondent struct {
	ID       string
	District int // index into Batch.Districts, or NoDistrict (地区不明)
	Src      Src
}

// An Answer is one respondent's answer to one question (or one hearing value).
// The zero Answer is no answer (無回答). Invalid values are stored as no answer.
//
// Note: a question is either categorical or numeric, so a number (NUM, hearing
// 数値) lives in the same 64 bits as the choices (a Column stores those bits
// alone); use NumberAnswer and Number, never Choices, for numbers.
type Answer struct {
	Choices ChoiceBits // SA/SC: one bit; MA: any number of bits; hearing 評価: one bit
	Text    string     // FA, hearing 記述/テキスト/団体種別/団体名: NFKC-normalized, trimmed
}

// numTag marks the bits of a number answer so that 0.0 is not the zero Answer:
// a NaN payload, which ParseNumber never returns.
const numTag = 0x7ff8_0000_0000_0001

// NumberAnswer returns the answer holding number v (v must not be NaN).
func NumberAnswer(v float64) Answer {
	return Answer{Choices: ChoiceBits(math.Float64bits(v) ^ numTag)}
}

// Number returns the number held by a NUM answer, and whether there is one.
func (a Answer) Number() (float64, bool) {
	if a.Choices == 0 {
		return 0, false
	}
	return math.Float64frombits(uint64(a.Choices) ^ numTag), true
}

// Empty reports whether the answer is no answer.
func (a Answer) Empty() bool { return a.Choices == 0 && a.Text == "" }

// Asked reports whether respondent i of survey s is in question q's base: it
// meets every clause of the question's 対象条件.
func (b *Batch) Asked(s *Survey, q, i int) bool {
	for _, c := range b.Questions[q].Cond {
		if c.Q >= len(s.Answers) || s.Answers[c.Q].At(i)&c.Choices == 0 {
			return false
		}
	}
	return true
}

// askedBy reports whether a respondent with answers (by question) is in
// question q's base.
func (b *Batch) askedBy(q int, answers []Answer) bool {
	for _, c := range b.Questions[q].Cond {
		if answers[c.Q].Choices&c.Choices == 0 {
			return false
		}
	}
	return true
}

// A Hearing is one organization's hearing record (one form sheet or one table row).
type Hearing struct {
	Org       string   // 団体名, normalized: the organization's ID
	OrgType   string   // 団体種別, "" when not given
	Districts []int    // 活動地区 indices; an organization counts in each
	Values    []Answer // by HearingItem index
	Sheet     string
	Src       Src // Row is 0 for form-style sheets
}

// An Initiative is a 取組 from sheet 取組.
type Initiative struct {
	ID, Name  string
	District  int    // index into Batch.Districts, or -1 for the ward-wide plan (区全体)
	Theme     int    // index into Batch.Themes, or -1
	Owner     string // 担当
	Measure   string // 活動指標, "" when none
	Unit      string // 単位
	Target    float64
	HasTarget bool // 目標 given
	Src       Src
}

// Next is a progress record's 次年度 (next year's direction).
type Next int

const (
	NextNone     Next = iota // not given
	NextContinue             // 継続
	NextExpand               // 拡充
	NextRevise               // 見直し
	NextEnd                  // 終了
	NextNew                  // 新規
)

// NextWords are the 次年度 keywords, indexed by Next (NextNone is "").
var NextWords = []string{"", "継続", "拡充", "見直し", "終了", "新規"}

// String returns the 次年度 keyword ("" for NextNone).
func (n Next) String() string {
	if n < 0 || int(n) >= len(NextWords) {
		return ""
	}
	return NextWords[n]
}

// A Progress is one initiative's 振り返り for one fiscal year (progress/).
type Progress struct {
	Initiative int     // index into Batch.Initiatives
	Year       int     // fiscal year, e.g. 2025 (令和7年度)
	Rating     int     // choice index in Batch.ProgressScale, -1 when not given
	Actual     float64 // 実績 of the initiative's 活動指標; valid when HasActual
	HasActual  bool
	Done       string // 実施内容
	Outcome    string // 成果
	Issues     string // 課題
	Hard       string // ハード: an issue that needs a physical fix
	Next       Next
	Sheet      string
	Src        Src // Row is 0 for a form-style sheet
	Cell       string
}

// A HistoryRun is an earlier run's output folder under history/: its survey
// and date from manifest.json and its indicator values from data/indicators.csv.
type HistoryRun struct {
	Dir        string // folder name under history/
	SurveyName string // 調査名 of that run
	Date       string // its 基準日, YYYY-MM-DD
	Values     []HistoryValue
}

// A HistoryValue is one indicator's value for one group in an earlier run.
type HistoryValue struct {
	IndicatorID, Group string
	Value              float64 // percent; NaN when the run published none (suppressed)
	N                  int
}

// A Src locates a record: Batch.Files[File], 1-based spreadsheet Row (0 = whole sheet).
// Cell addresses are built only when a problem is reported.
type Src struct {
	File int32
	Row  int32
}

// FileKind is the role of an input file.
type FileKind string

const (
	KindDefinitions FileKind = "definitions"
	KindResponses   FileKind = "responses"
	KindBaseline    FileKind = "baseline"
	KindHearings    FileKind = "hearings"
	KindCorrections FileKind = "corrections"
	KindProgress    FileKind = "progress"
	KindHistory     FileKind = "history"
	KindCommentary  FileKind = "commentary"
	KindLinkage     FileKind = "linkage"
)

// An InputFile is one file read, with its hash and how every row was accounted for.
type InputFile struct {
	Path   string // slash path relative to the batch folder, e.g. "responses/a.xlsx"
	Kind   FileKind
	SHA256 string // hex
	Size   int64
	Counts RowCounts
}

// RowCounts accounts for every data row of a response or hearing file:
// Read = Included + Empty + Duplicate + Invalid + Removed.
type RowCounts struct {
	Read      int `json:"read"`      // data rows below the header (records, for hearings)
	Included  int `json:"included"`  // in the analysis
	Empty     int `json:"empty"`     // completely empty rows, skipped
	Duplicate int `json:"duplicate"` // exact duplicates of an earlier row, skipped
	Invalid   int `json:"invalid"`   // skipped for an error (no ID, duplicate ID), see Problems
	Removed   int `json:"removed"`   // removed by a correction (項目 * → 削除)
}

// An AppliedCorrection is a row of corrections.xlsx that changed the data.
type AppliedCorrection struct {
	Row    int    // row in sheet 修正
	Target string // 対象: 回答, 策定時, ヒアリング
	ID     string // record ID
	Item   string // 設問ID / 項目ID / *
	Before string // 修正前
	After  string // 修正後 (削除 for removal)
	Reason string // 理由
	Person string // 担当
	File   string // the input file the record came from
	Cell   string // A1 cell of the changed value ("" for a removal)
}

// Place is where a passage of findings text is printed: commentary.xlsx's 場所,
// and the place column of data/findings.csv.
type Place string

const (
	PlaceSummary   Place = "概要" // 調査結果の概要; the target is a テーマコード, or "" for its opening
	PlaceQuestion  Place = "設問" // under a question; the target is its 設問ID
	PlaceIndicator Place = "指標" // under the indicator table; the target is its 指標ID
	PlaceDistrict  Place = "地区" // a district profile (地区カルテ); no target
)

// Ward is CommentaryRow.District (and a passage's district) for text that
// belongs to the ward report rather than a district handout.
const Ward = -1

// Commentary is commentary.xlsx: staff wording for the passages of findings
// text (inputs.md section 7).
type Commentary struct {
	Sheet string          // the sheet read (所見, or the first sheet), for problems
	Rows  []CommentaryRow // usable rows, in sheet order
	// TextCol and BasisCol are the 1-based columns of 所見 and 根拠, for
	// problems about a row.
	TextCol, BasisCol int
}

// A CommentaryRow is one row of sheet 所見: what staff want printed at one place.
type CommentaryRow struct {
	Place    Place
	Target   string // 設問ID, 指標ID or テーマコード as defined; "" when the place has none
	District int    // index into Batch.Districts, or Ward
	// Text is 所見 as written (trimmed, line breaks kept): "" keeps the
	// generated text, and a dash (Removes) prints nothing there.
	Text   string
	Basis  string // 根拠 as written (trimmed)
	Person string // 担当
	// Draft is 作成時の文: the generated text the draft wrote in the row ("" when
	// the column is absent). A 所見 equal to it was not edited.
	Draft string
	Src   Src
}

// Removes reports whether the row removes the passage at its place (所見 is a dash, －).
func (r *CommentaryRow) Removes() bool { return removeText[Norm(r.Text)] }

// removeText lists the dashes that mean "print nothing here" after Norm: what
// staff type for － (full-width hyphen-minus, minus sign, long vowel mark, dashes).
var removeText = map[string]bool{"-": true, "－": true, "−": true, "ー": true, "―": true, "‐": true, "—": true}

// Linkage is linkage_responses.xlsx (inputs.md section 11): the answers of
// the urban-development side to the issues of linkage_draft.xlsx, by 課題ID.
type Linkage struct {
	Sheet string            // the sheet read (対応, or the first sheet), for problems
	IDCol int               // 1-based column of 課題ID, for problems about a row
	Rows  []LinkageResponse // answered rows with a 課題ID, in sheet order, each ID once
}

// A LinkageResponse is one answered row of sheet 対応.
type LinkageResponse struct {
	IssueID    string // 課題ID as written (trimmed)
	Status     string // 対応状況 (NFKC, trimmed)
	Department string // 担当課, as written
	Plan       string // 対応予定, as written
	Note       string // 備考, as written
	Src        Src
}
