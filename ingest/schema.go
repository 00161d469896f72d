package ingest

// The input schema: every sheet of definitions.xlsx and corrections.xlsx with
// its columns (or, for 設定, its items), in template order. The readers find
// sheets, headers and items only through this table, and the template writer
// and the sample generator walk it, so renaming a header is a one-line change
// here that every user follows.
//
// Readers name a column by its index constant (ColQuestionType indexes
// QuestionsSheet.Columns), never by its Japanese header. A new sheet, column or
// setting is a new row of the table plus, where it is read, a new constant.

// A Workbook is one input workbook: its file name in the batch folder and its
// sheets in template order.
type Workbook struct {
	File   string
	Sheets []*Sheet
}

// A Sheet is one sheet of an input workbook.
type Sheet struct {
	Name     string // as in the template; matched after NormKey
	Required bool   // the workbook must have it (missing-sheet)
	// OrFirst reports whether the workbook's first sheet is read when no
	// sheet has Name (corrections.xlsx: staff rename the sheet).
	OrFirst bool
	// Columns is the header row (row 1), in template order. Readers index it
	// with the sheet's Col constants.
	Columns []Field
	// WhenGiven reports an optional sheet that generated workbooks hold only
	// when they have rows for it or ask for it (取組: a batch without the plan's
	// initiatives keeps the layout it had).
	WhenGiven bool
	// Items lists the 項目 rows of a key-value sheet (設定), in template order;
	// readers index it with the Setting constants. Nil for a table sheet.
	Items []Field
}

// A Field is one column of a sheet, or one item (row) of a key-value sheet.
type Field struct {
	Name    string   // header or 項目, as written in the template
	Aliases []string // other accepted spellings (matched after NormKey)
	// Required reports, for a column, that the header must be present
	// (missing-column); for an item, that its value must be filled in
	// (missing-setting).
	Required bool
	// Default is the value used when the cell is blank, as staff would type
	// it ("" = none). The readers parse it like a typed value.
	Default string
	// Values are the keywords a drop-down offers (the reader accepts more
	// spellings); nil for free input.
	Values []string
	Help   string  // one line for staff: the template's drop-down prompt or 説明
	Width  float64 // template column width in characters (0 = Excel's default)
	// Sample reports an item that only `midreview sample` (or a generated
	// batch that sets it) writes; the blank template leaves it out.
	Sample bool
	// Extra reports a column or item that the blank template lists but the
	// generated batches (the sample, the committed test batches) leave out
	// unless they fill it. Extra columns come last in their sheet.
	// Note: they were added after those batches were committed; leaving them
	// out keeps the batches' files, and the goldens built from them,
	// byte-identical.
	Extra bool
}

// Schema lists every workbook whose sheets the table describes.
var Schema = []*Workbook{DefinitionsSchema, CorrectionsSchema, ProgressSchema, CommentarySchema, LinkageSchema}

// DefinitionsSchema is definitions.xlsx (inputs.md section 2).
var DefinitionsSchema = &Workbook{File: DefinitionsFile, Sheets: []*Sheet{
	SettingsSheet, DistrictsSheet, TownsSheet, ThemesSheet, QuestionsSheet, ChoicesSheet,
	IndicatorsSheet, HearingItemsSheet, InitiativesSheet, HardSheet,
}}

// CorrectionsSchema is corrections.xlsx (inputs.md section 5).
var CorrectionsSchema = &Workbook{File: CorrectionsFile, Sheets: []*Sheet{CorrectionsSheet}}

// Columns of sheet 設定.
const (
	ColSettingItem = iota
	ColSettingValue
	ColSettingNote // 説明: notes for staff, not read
)

// Items of sheet 設定.
const (
	SettingPlanName = iota
	SettingWard
	SettingSurvey
	SettingDate
	SettingDistributed
	SettingTarget   // 調査対象
	SettingSampling // 抽出方法
	SettingPeriod   // 調査期間
	SettingMethod   // 調査方法
	SettingSuppress
	SettingReference
	SettingWeighting
	SettingAlpha
	SettingEvaluation
	SettingMargin
	SettingFindings
	SettingNoAnswer
	SettingSample
	SettingProgressScale
	SettingPublishOrgs
	SettingMapName
	SettingContact // 問い合わせ先
	SettingLicense // 公開ライセンス
)

// Values of 設定 公開ライセンス, as opendata/'s README names them.
const (
	LicenseCCBY   = "CC BY 4.0"
	LicenseGovStd = "公共データ利用規約（第1.0版）"
)

// SettingsSheet is sheet 設定: one row per item, its value in column 値.
var SettingsSheet = &Sheet{Name: "設定", Required: true,
	Columns: []Field{
		ColSettingItem:  {Name: "項目", Required: true, Width: 14},
		ColSettingValue: {Name: "値", Required: true, Width: 30},
		ColSettingNote:  {Name: "説明", Width: 60},
	},
	Items: []Field{
		SettingPlanName:    {Name: "計画名", Required: true, Help: "計画の名前（全ページに印刷）。例：ひっとプラン港北（第4期）"},
		SettingWard:        {Name: "区名", Required: true, Help: "区の名前"},
		SettingSurvey:      {Name: "調査名", Required: true, Help: "例：中間振り返り 区民アンケート"},
		SettingDate:        {Name: "基準日", Required: true, Help: "振り返りの基準日 YYYY-MM-DD（報告書の日付）"},
		SettingDistributed: {Name: "配布数", Help: "区全体の配布数（回収率の計算用、省略可）"},
		// Note: the four items of 調査の概要 are Extra, so that the committed
		// batches, which leave them out, keep their files and goldens.
		SettingTarget:     {Name: "調査対象", Extra: true, Help: "調査の対象（調査の概要に印刷、省略可）。例：区内在住の18歳以上の方"},
		SettingSampling:   {Name: "抽出方法", Extra: true, Help: "対象者の選び方（省略可）。例：住民基本台帳から無作為抽出"},
		SettingPeriod:     {Name: "調査期間", Extra: true, Help: "調査の期間（省略可）。例：2026-06-01～2026-06-30（和暦で印刷）"},
		SettingMethod:     {Name: "調査方法", Extra: true, Help: "配布・回収の方法（省略可）。例：郵送配布・郵送回収（Web回答併用）"},
		SettingSuppress:   {Name: "秘匿基準", Default: "10", Help: "集計の母数がこれ未満のときは数値を x で伏せる"},
		SettingReference:  {Name: "参考値基準", Default: "30", Help: "母数がこれ未満のときは「参考値」と表示"},
		SettingWeighting:  {Name: "重み付け", Default: "しない", Values: []string{"する", "しない"}, Help: "する／しない（地区の人口で補正）"},
		SettingAlpha:      {Name: "有意水準", Default: "0.05", Help: "検定の有意水準"},
		SettingEvaluation: {Name: "評価方法", Default: "検定", Values: []string{"検定", "ポイント"}, Help: "検定／ポイント（指標の変化の判定方法）"},
		SettingMargin:     {Name: "維持幅", Default: "3", Help: "評価方法がポイントのとき、変化なしとみなす幅（ポイント）"},
		SettingFindings:   {Name: "所見", Default: "する", Values: []string{"する", "しない"}, Help: "する／しない（集計結果を文章にした所見を載せる）"},
		SettingNoAnswer:   {Name: "無回答コード", Extra: true, Help: "すべての設問で無回答を表すコード（例：9,99）。選択肢のコードと重ならないこと"},
		SettingSample: {Name: "サンプルデータ", Default: "いいえ", Values: []string{"はい", "いいえ"}, Sample: true,
			Help: "はい：架空のデータ（全ページに「サンプルデータ」と表示）"},
		SettingProgressScale: {Name: "進ちょく尺度", Sample: true, Help: "取組の進ちょくを評価する選択肢セット（省略時：1 順調／2 概ね順調／3 やや遅れ／4 遅れ）"},
		SettingPublishOrgs: {Name: "団体名の公開", Default: "しない", Values: []string{"する", "しない"}, Extra: true,
			Help: "する／しない（区民向けのウェブ版・オープンデータにヒアリング団体名を載せる）"},
		SettingMapName: {Name: "地図の名前列", Extra: true,
			Help: "地図を描くときは、e-Stat の境界データ（統計GIS→境界データダウンロード→小地域→町丁・字等別、世界測地系緯度経度・Shape形式）をバッチの map フォルダに置きます。ここには町丁目名・地区名の属性の名前を入力（省略時：S_NAME、地区名、name の順に探す）"},
		SettingContact: {Name: "問い合わせ先", Extra: true,
			Help: "ウェブ版とオープンデータに載せる問い合わせ先（担当の課・係、電話、メール。セル内の改行はそのまま行になります。省略可）"},
		SettingLicense: {Name: "公開ライセンス", Default: LicenseCCBY, Values: []string{LicenseCCBY, LicenseGovStd}, Extra: true,
			Help: "オープンデータの利用条件：CC BY 4.0（省略時）または 公共データ利用規約（第1.0版）"},
	},
}

// Columns of sheet 地区.
const (
	ColDistrictCode = iota
	ColDistrictName
	ColDistrictAliases
	ColDistrictPopulation
	ColDistrictDistributed
)

// DistrictsSheet is sheet 地区: one row per district.
var DistrictsSheet = &Sheet{Name: "地区", Required: true, Columns: []Field{
	ColDistrictCode:        {Name: "地区コード", Required: true, Width: 11},
	ColDistrictName:        {Name: "地区名", Required: true, Width: 16},
	ColDistrictAliases:     {Name: "別名", Width: 30, Help: "ほかの書き方（「、」区切り）"},
	ColDistrictPopulation:  {Name: "人口", Width: 10, Help: "重み付けをするときに必要"},
	ColDistrictDistributed: {Name: "配布数", Width: 10, Help: "地区別の回収率の計算用（省略可）"},
}}

// Columns of sheet 町名.
const (
	ColTownName = iota
	ColTownDistrict
)

// TownsSheet is sheet 町名 (optional): each town and its district.
var TownsSheet = &Sheet{Name: "町名", Columns: []Field{
	ColTownName:     {Name: "町名", Required: true, Width: 20},
	ColTownDistrict: {Name: "地区", Required: true, Width: 16, Help: "地区名・地区コード・別名"},
}}

// Columns of sheet テーマ.
const (
	ColThemeCode = iota
	ColThemeName
	ColThemeKeywords
)

// ThemesSheet is sheet テーマ (optional until a question, indicator or
// hearing item names a theme).
var ThemesSheet = &Sheet{Name: "テーマ", Columns: []Field{
	ColThemeCode:     {Name: "テーマコード", Required: true, Width: 13},
	ColThemeName:     {Name: "テーマ名", Required: true, Width: 16},
	ColThemeKeywords: {Name: "キーワード", Width: 60, Help: "自由記述をこのテーマに分類する語（「、」区切り）"},
}}

// Columns of sheet 設問.
const (
	ColQuestionID = iota
	ColQuestionText
	ColQuestionType
	ColQuestionChoiceSet
	ColQuestionTheme
	ColQuestionAttr
	ColQuestionCond
	ColQuestionHeaders
	ColQuestionUnit
)

// QuestionsSheet is sheet 設問: one row per question.
var QuestionsSheet = &Sheet{Name: "設問", Required: true, Columns: []Field{
	ColQuestionID:   {Name: "設問ID", Required: true, Width: 9, Help: "回答ファイルの列見出し（例：Q4）"},
	ColQuestionText: {Name: "設問文", Width: 70},
	ColQuestionType: {Name: "形式", Required: true, Width: 7, Values: []string{"SA", "MA", "SC", "NUM", "FA"},
		Help: "SA 単一回答／MA 複数回答／SC 段階評価／NUM 数値／FA 自由記述"},
	ColQuestionChoiceSet: {Name: "選択肢", Aliases: []string{"選択肢セット"}, Width: 12, Help: "選択肢シートの選択肢セット（SA・MA・SCで必要）"},
	ColQuestionTheme:     {Name: "テーマ", Aliases: []string{"テーマコード"}, Width: 8, Help: "テーマコード（省略可）"},
	ColQuestionAttr: {Name: "属性", Width: 7, Values: []string{"地区", "性別", "年代", "分析軸"},
		Help: "回答者の属性を表す設問だけ選びます（地区はちょうど1問）。分析軸：ほかのSA・SCの設問でクロス集計するとき"},
	ColQuestionCond: {Name: "対象条件", Width: 12, Help: "この設問に答える人（例：Q2=1,2）"},
	ColQuestionHeaders: {Name: "見出し", Extra: true, Width: 30,
		Help: "回答ファイルでこの設問を表すほかの列見出し（Webフォームの設問タイトルなど。改行区切り、省略可）"},
	ColQuestionUnit: {Name: "単位", Extra: true, Width: 8,
		Help: "数値（NUM）の設問の単位（例：回、時間、人）。平均・中央値などに添えて印刷します（省略可）"},
}}

// Columns of sheet 選択肢.
const (
	ColChoiceSet = iota
	ColChoiceCode
	ColChoiceLabel
	ColChoiceAliases
	ColChoiceScore
	ColChoicePositive
)

// ChoicesSheet is sheet 選択肢: one row per choice, in display order.
var ChoicesSheet = &Sheet{Name: "選択肢", Required: true, Columns: []Field{
	ColChoiceSet:      {Name: "選択肢セット", Required: true, Width: 13, Help: "空欄なら上の行と同じセット"},
	ColChoiceCode:     {Name: "コード", Required: true, Width: 7, Help: "整数"},
	ColChoiceLabel:    {Name: "ラベル", Required: true, Width: 40},
	ColChoiceAliases:  {Name: "別名", Width: 20, Help: "ほかの書き方（「、」区切り）"},
	ColChoiceScore:    {Name: "点数", Width: 7, Help: "SCの平均に使う点数（省略時はコード）"},
	ColChoicePositive: {Name: "肯定", Width: 7, Values: []string{"○"}, Help: "肯定的な回答（上位の選択肢）に○"},
}}

// Columns of sheet 指標.
const (
	ColIndicatorID = iota
	ColIndicatorName
	ColIndicatorTheme
	ColIndicatorQuestion
	ColIndicatorCodes
	ColIndicatorBaseline
	ColIndicatorBaselineN
	ColIndicatorTarget
	ColIndicatorDirection
)

// IndicatorsSheet is sheet 指標 (optional): one row per indicator.
var IndicatorsSheet = &Sheet{Name: "指標", Columns: []Field{
	ColIndicatorID:        {Name: "指標ID", Required: true, Width: 8},
	ColIndicatorName:      {Name: "指標名", Required: true, Width: 44},
	ColIndicatorTheme:     {Name: "テーマ", Aliases: []string{"テーマコード"}, Width: 8, Help: "テーマコード（省略可）"},
	ColIndicatorQuestion:  {Name: "設問ID", Required: true, Width: 8},
	ColIndicatorCodes:     {Name: "該当コード", Required: true, Width: 11, Help: "数える選択肢のコード（例：1,2）"},
	ColIndicatorBaseline:  {Name: "策定時値", Width: 10, Help: "策定時の値（％）"},
	ColIndicatorBaselineN: {Name: "策定時n", Width: 9, Help: "策定時値の母数"},
	ColIndicatorTarget:    {Name: "目標値", Width: 9, Help: "目標値（％）"},
	ColIndicatorDirection: {Name: "方向", Default: "増", Width: 7, Values: []string{"増", "減"},
		Help: "増：高いほどよい／減：低いほどよい"},
}}

// Columns of sheet ヒアリング項目.
const (
	ColItemID = iota
	ColItemName
	ColItemKind
	ColItemCell
	ColItemHeader
	ColItemTheme
	ColItemScale
)

// HearingItemsSheet is sheet ヒアリング項目 (optional): one row per item of the
// hearing form or list.
var HearingItemsSheet = &Sheet{Name: "ヒアリング項目", Columns: []Field{
	ColItemID:   {Name: "項目ID", Required: true, Width: 8},
	ColItemName: {Name: "項目名", Required: true, Width: 26},
	ColItemKind: {Name: "種別", Required: true, Width: 9,
		Values: []string{"団体名", "団体種別", "地区", "評価", "記述", "数値", "テキスト"}},
	ColItemCell:   {Name: "セル", Width: 7, Help: "様式のシートでの番地（例：C4）"},
	ColItemHeader: {Name: "見出し", Width: 14, Help: "一覧表の列見出し（省略時は項目名）"},
	ColItemTheme:  {Name: "テーマ", Aliases: []string{"テーマコード"}, Width: 8, Help: "テーマコード（省略可）"},
	ColItemScale:  {Name: "尺度", Width: 8, Help: "種別「評価」の選択肢セット"},
}}

// Columns of sheet 修正.
const (
	ColCorrTarget = iota
	ColCorrID
	ColCorrItem
	ColCorrBefore
	ColCorrAfter
	ColCorrReason
	ColCorrPerson
	ColCorrFile
)

// CorrectionsSheet is sheet 修正 of corrections.xlsx: one row per correction.
var CorrectionsSheet = &Sheet{Name: "修正", OrFirst: true, Columns: []Field{
	ColCorrTarget: {Name: "対象", Required: true, Width: 10, Values: []string{"回答", "策定時", "ヒアリング", "取組"},
		Help: "回答：今回の回答者／策定時：策定時調査の回答者／ヒアリング：団体／取組：振り返りシートの記録"},
	ColCorrID:     {Name: "ID", Aliases: []string{"回答者ID", "団体名"}, Required: true, Width: 14, Help: "回答者ID・団体名・取組ID/年度（例：T03/2025）"},
	ColCorrItem:   {Name: "項目", Required: true, Width: 8, Help: "設問ID・項目ID（記録ごと削除するときは *）"},
	ColCorrBefore: {Name: "修正前", Required: true, Width: 14},
	ColCorrAfter:  {Name: "修正後", Required: true, Width: 14},
	ColCorrReason: {Name: "理由", Width: 30},
	ColCorrPerson: {Name: "担当", Width: 10},
	ColCorrFile:   {Name: "ファイル", Width: 24, Help: "同じIDが複数のファイルにあるとき、対象のファイル"},
}}

// Columns of sheet 取組.
const (
	ColInitID = iota
	ColInitName
	ColInitDistrict
	ColInitTheme
	ColInitOwner
	ColInitMeasure
	ColInitUnit
	ColInitTarget
)

// InitiativesSheet is sheet 取組 (optional): the plan's initiatives, one per
// row, reviewed every year in progress/ (inputs.md sections 2 and 8).
var InitiativesSheet = &Sheet{Name: "取組", WhenGiven: true, Columns: []Field{
	ColInitID:       {Name: "取組ID", Required: true, Width: 8},
	ColInitName:     {Name: "取組名", Required: true, Width: 34},
	ColInitDistrict: {Name: "地区", Width: 12, Help: "地区名・地区コード（区全体の計画は空欄または「区全体」）"},
	ColInitTheme:    {Name: "テーマ", Aliases: []string{"テーマコード"}, Width: 8, Help: "テーマコード（省略可）"},
	ColInitOwner:    {Name: "担当", Width: 16, Help: "担当の課・団体"},
	ColInitMeasure:  {Name: "活動指標", Width: 14, Help: "毎年報告する活動の数値（例：参加者数）"},
	ColInitUnit:     {Name: "単位", Width: 6, Help: "活動指標の単位（例：人）"},
	ColInitTarget:   {Name: "目標", Width: 8, Help: "活動指標の計画最終年度の目標"},
}}

// Columns of sheet ハード分類.
const (
	ColHardCategory = iota
	ColHardKeywords
	ColHardPrograms
	ColHardDepartment
)

// HardSheet is sheet ハード分類 (optional): the categories of issues that need
// a physical fix, their keywords, the programs that can help and who runs
// them (inputs.md section 2).
var HardSheet = &Sheet{Name: "ハード分類", WhenGiven: true, Columns: []Field{
	ColHardCategory: {Name: "分類", Required: true, Width: 18},
	ColHardKeywords: {Name: "キーワード", Required: true, Width: 50,
		Help: "自由記述・ヒアリング・振り返りシートの課題をこの分類にする語（「、」区切り。語として一致したときだけ）"},
	ColHardPrograms:   {Name: "関連制度", Width: 44, Help: "活用できる制度（「、」区切り）"},
	ColHardDepartment: {Name: "担当部署", Width: 20, Help: "制度を所管する部署"},
}}

// WardWide is the 地区 of an initiative of the ward-wide plan (区全体計画).
const WardWide = "区全体"

// ProgressSchema is a progress workbook of progress/ (振り返りシート, inputs.md
// section 8). Its sheet names are free: each sheet is a table headed by these
// items or a form with each item's label beside (or above) its value.
var ProgressSchema = &Workbook{Sheets: []*Sheet{ProgressSheet}}

// Items of a progress record (columns of a tabular progress sheet, labels of a
// form-style one).
const (
	ColProgYear = iota
	ColProgID
	ColProgName
	ColProgRating
	ColProgActual
	ColProgDone
	ColProgOutcome
	ColProgIssues
	ColProgNext
	ColProgHard
)

// ProgressSheet is one sheet of a progress workbook: a record per row (tabular)
// or per sheet (form-style). 取組ID or 取組名 identifies the initiative.
var ProgressSheet = &Sheet{Name: "振り返り", Columns: []Field{
	ColProgYear: {Name: "年度", Required: true, Width: 11, Help: "2025・R7・令和7年度", Values: progressYearValues()},
	ColProgID:   {Name: "取組ID", Width: 8},
	ColProgName: {Name: "取組名", Width: 30},
	ColProgRating: {Name: "進ちょく", Aliases: []string{"進捗", "進捗状況", "進ちょく状況"}, Width: 10, Help: "進ちょく尺度の選択肢",
		Values: choiceLabels(BuiltinProgressScale())},
	ColProgActual:  {Name: "実績", Aliases: []string{"活動実績"}, Width: 8, Help: "活動指標の数値"},
	ColProgDone:    {Name: "実施内容", Width: 36},
	ColProgOutcome: {Name: "成果", Width: 30},
	ColProgIssues:  {Name: "課題", Width: 30},
	ColProgNext: {Name: "次年度", Aliases: []string{"次年度の方向性", "今後の方向性"}, Width: 9,
		Values: []string{"継続", "拡充", "見直し", "終了", "新規"}},
	ColProgHard: {Name: "ハード", Aliases: []string{"ハード面の課題"}, Width: 24, Help: "施設・道路など物理的な対応が要る課題（省略可）"},
}}

// CommentarySchema is commentary.xlsx (inputs.md section 7): the
// secretariat's wording, a copy of OUT/commentary_draft.xlsx edited by staff.
var CommentarySchema = &Workbook{File: CommentaryFile, Sheets: []*Sheet{CommentarySheet}}

// Columns of sheet 所見.
const (
	ColCommPlace = iota
	ColCommTarget
	ColCommDistrict
	ColCommText
	ColCommBasis
	ColCommPerson
	ColCommDraft
)

// CommentarySheet is sheet 所見 of commentary.xlsx (and of the draft every run
// writes): one row per passage of findings text.
var CommentarySheet = &Sheet{Name: "所見", OrFirst: true, Columns: []Field{
	ColCommPlace: {Name: "場所", Required: true, Width: 8,
		Values: []string{string(PlaceSummary), string(PlaceQuestion), string(PlaceIndicator), string(PlaceDistrict)},
		Help:   "概要：調査結果の概要／設問：設問の下の文／指標：指標の文／地区：地区カルテ"},
	ColCommTarget:   {Name: "対象ID", Width: 10, Help: "設問ID・指標ID・テーマコード（地区カルテと概要の冒頭は空欄）"},
	ColCommDistrict: {Name: "地区", Width: 12, Help: "地区別の資料の文なら地区名（空欄は区全体の報告書）"},
	ColCommText: {Name: "所見", Required: true, Width: 80,
		Help: "印刷する文。－ でその文を削除、空欄なら midreview が作った文"},
	ColCommBasis: {Name: "根拠", Required: true, Width: 60,
		Help: "文の元になる数値。commentary_draft.xlsx から写し、書き換えないでください"},
	ColCommPerson: {Name: "担当", Width: 10},
	// Note: not in inputs.md section 7. The draft writes the generated text
	// here too (a hidden column), so that a row copied from the draft and
	// left unedited is told apart from staff wording when its figures move.
	ColCommDraft: {Name: "作成時の文", Width: 40,
		Help: "commentary_draft.xlsx を作ったときの文（所見と同じなら書き換えていない行として扱います）"},
}}

// LinkageSchema is linkage_responses.xlsx (inputs.md section 11): a copy of
// OUT/linkage_draft.xlsx whose answer columns the urban-development side
// filled in.
var LinkageSchema = &Workbook{File: LinkageFile, Sheets: []*Sheet{LinkageSheet}}

// Columns of sheet 対応 (inputs.md section 11): the issue as the draft
// describes it (read back only for 課題ID), then the answer, then two
// columns the contract does not list (出どころ, 年度) that the draft adds
// for the reader.
const (
	ColLinkID = iota
	ColLinkCategory
	ColLinkDistrict
	ColLinkPlace
	ColLinkText
	ColLinkStatus
	ColLinkDepartment
	ColLinkPlan
	ColLinkNote
	ColLinkSource
	ColLinkYears
	ColLinkVoices
	ColLinkSameIDs
)

// LinkageStatuses are the 対応状況 of inputs.md section 11, the drop-down of
// the draft (any other text is accepted and counted as written).
var LinkageStatuses = []string{"未対応", "検討中", "対応予定", "対応済", "対応困難"}

// LinkageSheet is sheet 対応 of linkage_responses.xlsx (and of the
// linkage_draft.xlsx every run writes): one row per issue.
var LinkageSheet = &Sheet{Name: "対応", OrFirst: true, Columns: []Field{
	ColLinkID: {Name: "課題ID", Required: true, Width: 14,
		Help: "midreview が付けた課題の番号。書き換えないでください"},
	ColLinkCategory: {Name: "分類", Width: 16},
	ColLinkDistrict: {Name: "地区", Width: 12},
	ColLinkPlace:    {Name: "場所", Width: 14},
	ColLinkText:     {Name: "内容", Width: 60},
	ColLinkStatus: {Name: "対応状況", Width: 10, Values: LinkageStatuses,
		Help: "未対応・検討中・対応予定・対応済・対応困難"},
	ColLinkDepartment: {Name: "担当課", Width: 16},
	ColLinkPlan:       {Name: "対応予定", Width: 24, Help: "時期や内容（例：2027年度に防犯灯を2基設置）"},
	ColLinkNote:       {Name: "備考", Width: 24},
	ColLinkSource:     {Name: "出どころ", Width: 18, Extra: true},
	ColLinkYears:      {Name: "年度", Width: 12, Extra: true},
	// the draft's one row for the same sentence at one place (同じ声):
	// how many wrote it and the 課題IDs of the others; not read back
	ColLinkVoices:  {Name: "件数（同じ声）", Width: 10, Extra: true},
	ColLinkSameIDs: {Name: "同じ声の課題ID", Width: 24, Extra: true},
}}

// ResponsesSchema is a response workbook of responses/ or baseline/ (inputs.md
// section 3). Only its ID column is fixed: the other headers are 設問IDs.
var ResponsesSchema = &Workbook{Sheets: []*Sheet{ResponsesSheet}}

// Columns of sheet 回答 that do not come from the codebook.
const (
	ColResponseID = iota
)

// ResponsesSheet is sheet 回答 of a response workbook (else its first sheet):
// the respondent-ID column, then one column per 設問ID. The ID header is
// found by Name or Aliases, preferred in that order when several match.
var ResponsesSheet = &Sheet{Name: "回答", OrFirst: true, Columns: []Field{
	ColResponseID: {Name: "回答者ID", Aliases: []string{"ID", "No", "No.", "整理番号", "回答番号", "サンプル番号", "Respondent ID"},
		Required: true, Width: 12},
}}

// ExampleSheets are the words that mark a sheet of a hearing workbook as an
// example or an explanation rather than a hearing (inputs.md section 4); the
// template's example sheet is named by the first.
var ExampleSheets = []string{"記入例", "入力例", "記載例", "回答例", "作成例", "説明", "見本"}

// Names returns the field's name followed by its aliases.
func (f Field) Names() []string {
	return append([]string{f.Name}, f.Aliases...)
}

// Header returns the header of column c (one of the sheet's Col constants).
func (s *Sheet) Header(c int) string { return s.Columns[c].Name }

// Headers returns the headers of s's columns in template order.
func (s *Sheet) Headers() []string {
	h := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		h[i] = c.Name
	}
	return h
}

// EntryListsSheet is the hidden sheet of a generated entry workbook (`midreview
// template -entry`) that holds drop-down lists too long to type into a
// validation rule (Excel's limit is 255 characters). No reader looks at it:
// answers are read from sheet 回答, found by name.
var EntryListsSheet = &Sheet{Name: "リスト"}
