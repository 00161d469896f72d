package ingest

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Severity says whether a problem stops a run (Error) or is only reported (Warning).
type Severity int

const (
	Error Severity = iota
	Warning
)

// String returns the Japanese label used in problems.csv: エラー or 警告.
func (s Severity) String() string {
	if s == Error {
		return "エラー"
	}
	return "警告"
}

// A Code identifies a kind of problem. Codes are stable: tests, problems.csv and
// the diff command key on them, never on the message text.
type Code string

// Problem codes (inputs.md section 6). Keep messages in the table below.
const (
	// Files.
	CodeFileUnreadable Code = "file-unreadable" // corrupt or unreadable file
	CodeFileEncoding   Code = "file-encoding"   // CSV neither UTF-8 nor CP932
	CodeMissingFile    Code = "missing-file"    // definitions.xlsx or responses/ missing
	CodeNoData         Code = "no-data"         // responses/ holds no usable file
	CodeFileIgnored    Code = "file-ignored"    // warning: a workbook in a format not read (.xls, .xlsm)

	// definitions.xlsx.
	CodeMissingSheet   Code = "missing-sheet"   // a required sheet is absent
	CodeMissingColumn  Code = "missing-column"  // a required header is absent
	CodeMissingSetting Code = "missing-setting" // a required 設定 item is absent
	CodeBadSetting     Code = "bad-setting"     // a 設定 value cannot be used
	CodeDuplicateDef   Code = "duplicate-definition"
	CodeUnknownSet     Code = "unknown-choice-set"
	CodeUnknownTheme   Code = "unknown-theme"
	CodeUnknownQ       Code = "unknown-question"
	CodeDistrictAttr   Code = "district-attribute" // not exactly one 属性 地区 question
	CodeMissingPop     Code = "missing-population" // 重み付け する but a district has no 人口
	// The rules a definition cell can break (Item names the column for
	// empty-cell; RecordID the defined record where there is one).
	CodeEmptyCell      Code = "empty-cell"         // a cell the row needs is blank
	CodeNotInteger     Code = "not-integer"        // コード, 人口, 配布数, 策定時n is not a whole number in range
	CodeUnknownKeyword Code = "unknown-keyword"    // 形式, 属性, 肯定, 方向, 種別 not in the column's list
	CodeMissingSetRef  Code = "missing-choice-set" // SA/MA/SC without 選択肢, 評価 without 尺度
	CodeTooManyChoices Code = "too-many-choices"   // a choice set with more than MaxChoices choices
	CodeAttrType       Code = "attribute-type"     // a 属性 question of the wrong 形式
	CodeBadCondition   Code = "bad-condition"      // a 対象条件 not of the form Q2=1,2 on another categorical question
	CodeNotCategorical Code = "not-categorical"    // an indicator on a question without a choice set
	CodeBadPercent     Code = "bad-percent"        // 策定時値, 目標値 not a percentage 0–100
	CodeItemKindCount  Code = "item-kind-count"    // not exactly one 団体名 item, or two 地区 items
	CodeBadCell        Code = "bad-cell"           // セル is not an A1 address
	CodeNoDistricts    Code = "no-districts"       // sheet 地区 lists no district

	// Response files.
	CodeNoHeader        Code = "no-header"           // header row (ID + a 設問ID) not found
	CodeMissingQColumn  Code = "missing-question"    // a 設問ID has no column (warning in baseline/)
	CodeUnknownColumn   Code = "unknown-column"      // warning: header is not a 設問ID
	CodeAmbiguousHeader Code = "ambiguous-header"    // a header matches two questions
	CodeUnansweredQ     Code = "unanswered-question" // warning: a baseline column with no answer at all
	CodeUnknownCode     Code = "unknown-code"        // not a code, label or alias
	CodeMultipleValues  Code = "multiple-values"     // several values in an SA/SC question
	CodeNotNumber       Code = "not-a-number"        // NUM value is not a number
	CodeUnknownDist     Code = "unknown-district"    // district/town matches nothing
	CodeDuplicateID     Code = "duplicate-id"        // respondent ID seen before with other answers
	CodeMissingID       Code = "missing-id"          // data row without an ID
	CodeOutsideCond     Code = "outside-condition"   // warning: answer from someone not asked
	CodeEmptyRow        Code = "empty-row"           // warning: completely empty row skipped
	CodeDuplicateRow    Code = "duplicate-row"       // warning: exact duplicate row skipped
	CodeNoRows          Code = "no-rows"             // warning: a header and no data row
	CodeCRLineEnds      Code = "cr-line-ends"        // warning: a CSV line ended by a lone CR, read as a line end
	CodeDuplicateFile   Code = "duplicate-file"      // warning: every row of a file repeats rows of earlier files
	CodeEmptySurvey     Code = "empty-survey"        // warning: responses/ has files but no respondent
	CodeWrongFolder     Code = "wrong-folder"        // a file in responses/ that looks like another input (hint: which)

	// Hearings.
	CodeSheetSkipped Code = "sheet-skipped" // warning: 記入例/説明 or unrecognized sheet
	CodeDuplicateOrg Code = "duplicate-organization"
	CodeMissingOrg   Code = "missing-organization" // tabular row without 団体名

	// corrections.xlsx.
	CodeStaleCorrection Code = "stale-correction"     // 修正前 differs from the raw value
	CodeUnknownTarget   Code = "correction-target"    // ID or item not found
	CodeBadCorrection   Code = "bad-correction"       // 対象 or 修正後 unusable
	CodeAmbiguousTarget Code = "ambiguous-correction" // ID in several files, no ファイル

	// progress/ and history/.
	CodeUnknownInit   Code = "unknown-initiative" // 取組ID or 取組名 not in sheet 取組
	CodeBadYear       Code = "bad-year"           // 年度 is not a fiscal year
	CodeDuplicateProg Code = "duplicate-progress" // two different records for one initiative and year
	CodeEditedHistory Code = "edited-history"     // a history/ copy whose indicators.csv does not match its manifest
	CodeBadHistory    Code = "bad-history"        // a history/ folder without a readable manifest or indicators.csv
	// commentary.xlsx.
	CodeStaleCommentary     Code = "stale-commentary"     // 根拠 differs from this run's figures (analyze)
	CodeCommentaryPlace     Code = "commentary-place"     // 場所, 対象ID or 地区 names no passage
	CodeDuplicateCommentary Code = "duplicate-commentary" // two rows for one place
	// linkage_responses.xlsx.
	CodeStaleLinkage     Code = "stale-linkage"      // a 課題ID that this run's issues no longer have (analyze)
	CodeDuplicateLinkage Code = "duplicate-linkage"  // two answered rows for one 課題ID
	CodeMissingLinkageID Code = "missing-linkage-id" // an answered row without 課題ID
	// map/ (mapread.go).
	CodeBadMap        Code = "bad-map"         // the boundary file cannot be read (a warning when map/ holds none)
	CodeMapUnmatched  Code = "map-unmatched"   // warning: a boundary that matches no town or district
	CodeMapNoBoundary Code = "map-no-boundary" // warning: a district that no boundary bounds
)

// messages holds the Japanese text for each code: what is wrong and what to fix.
// Note: one table so that wording is reviewed in one place; tests never match on it.
var messages = map[Code]string{
	CodeFileUnreadable:      "ファイルを読み込めません。Excelで開けるか、壊れていないか確認してください",
	CodeFileEncoding:        "文字コードを判別できません。UTF-8 または Shift_JIS で保存し直してください",
	CodeMissingFile:         "必要なファイルまたはフォルダがありません。-batch にバッチのフォルダ（definitions.xlsx と responses フォルダがある場所）を指定しているか、ファイル名・フォルダ名が正しいか確認してください",
	CodeNoData:              "回答データがありません。responses フォルダに .xlsx または .csv を置いてください",
	CodeFileIgnored:         "この形式のファイルは読み込みません。Excelで「Excel ブック (*.xlsx)」の形式で保存し直してください",
	CodeMissingSheet:        "必要なシートがありません。テンプレート（midreview template）のシート名に合わせてください",
	CodeMissingColumn:       "必要な見出しがありません。1行目に見出しを入力してください",
	CodeMissingSetting:      "必須の設定項目がありません。設定シートに入力してください",
	CodeBadSetting:          "設定値が正しくありません",
	CodeDuplicateDef:        "同じ定義が重複しています。どちらかを削除するか名前を変えてください",
	CodeUnknownSet:          "選択肢シートにない選択肢セットです。選択肢シートの「選択肢セット」列の名前と同じ書き方にしてください",
	CodeUnknownTheme:        "テーマシートにないテーマコードです。テーマシートのテーマコード（またはテーマ名）と同じ書き方にしてください",
	CodeUnknownQ:            "設問シートにない設問IDです。設問シートの設問IDと同じ書き方にしてください",
	CodeDistrictAttr:        "属性「地区」の設問はちょうど1つ必要です。設問シートの「属性」列で、地区をたずねる設問1つだけを「地区」にしてください",
	CodeMissingPop:          "重み付けをするには、すべての地区に人口が必要です。地区シートの「人口」列を入力するか、設定シートの重み付けを「しない」にしてください",
	CodeEmptyCell:           "必要な値が空欄です。入力してください",
	CodeNotInteger:          "整数で入力してください（人口・配布数は0以上、策定時nは1以上）",
	CodeUnknownKeyword:      "この列には使えない値です",
	CodeMissingSetRef:       "選択肢セットの指定がありません。SA・MA・SCの設問と種別「評価」の項目には、選択肢シートの選択肢セットを指定してください",
	CodeTooManyChoices:      "1つの選択肢セットの選択肢は64個までです",
	CodeAttrType:            "属性のある設問の形式が合いません。属性「地区」の設問は SA、「性別」「年代」の設問は選択肢セットのある SA か SC にしてください",
	CodeBadCondition:        "対象条件が正しくありません。「Q2=1,2」の形で、この設問以外の選択肢セットのある設問を指定してください",
	CodeNotCategorical:      "指標には選択肢セットのある設問（SA・MA・SC）を指定してください",
	CodeBadPercent:          "0から100までのパーセント値で入力してください",
	CodeItemKindCount:       "ヒアリング項目の種別「団体名」はちょうど1つ、「地区」は1つまでにしてください",
	CodeBadCell:             "セルは C4 のような番地で入力してください",
	CodeNoDistricts:         "地区が1つもありません。地区シートに地区を入力してください",
	CodeNoHeader:            "見出し行が見つかりません。回答者IDの列と設問IDの列の見出しを確認してください",
	CodeMissingQColumn:      "設問の列がありません。見出しが設問IDと一致しているか確認してください",
	CodeUnknownColumn:       "設問IDではない見出しの列です。この列は集計しません",
	CodeAmbiguousHeader:     "この見出しは2つの設問に一致します。どちらの設問か決まるよう、設問シートの「見出し」列に回答ファイルの見出しをそのまま入力してください",
	CodeUnansweredQ:         "策定時調査のこの設問の列には回答が1件もありません。策定時には聞いていない設問として扱い、前回との比較から外します",
	CodeUnknownCode:         "選択肢にないコードまたはラベルです。選択肢シートのコード・ラベル・別名と照合してください",
	CodeMultipleValues:      "単一回答の設問に複数の値があります。1つにするか、修正ファイル（corrections.xlsx）で直してください",
	CodeNotNumber:           "数値ではありません。数字だけを入力してください",
	CodeUnknownDist:         "地区（町名）が地区シート・町名シートのどれにも一致しません。別名を追加するか値を直してください",
	CodeDuplicateID:         "回答者IDが重複しています。重複した票を修正ファイル（corrections.xlsx）で削除するか、IDを直してください",
	CodeMissingID:           "回答者IDが空欄です。IDを入力してください（この行は集計しません）",
	CodeOutsideCond:         "対象条件に当てはまらない回答者の回答です。集計には含めません",
	CodeEmptyRow:            "空の行を読み飛ばしました",
	CodeDuplicateRow:        "前の行とまったく同じ行です。重複として読み飛ばしました",
	CodeNoRows:              "見出しの行はありますが、回答の行がありません。回答を入力したファイルか確認してください",
	CodeCRLineEnds:          "改行が CR だけの行があります（古い Mac の形式）。CR を改行として読みました。行の区切りが正しいか確認してください",
	CodeDuplicateFile:       "このファイルの行はすべて、先に読んだファイルの行とまったく同じです。同じデータのコピー（xlsx と csv など）として読み飛ばしました。どちらかをフォルダから外してください",
	CodeWrongFolder:         "区民アンケートの回答ファイルとして読めません（回答者IDと設問IDの見出し行がありません）",
	CodeEmptySurvey:         "区民アンケートの回答が1件もありません（有効回答 0 票）。回答ファイルに回答の行があるか確認してください。アンケートのない年は responses フォルダを空にしてください",
	CodeSheetSkipped:        "記入例・説明のシート、または様式に当てはまらないシートのため読み飛ばしました",
	CodeDuplicateOrg:        "同じ団体のヒアリングが2件あり、内容が異なります。どちらかを修正ファイル（corrections.xlsx）で削除してください",
	CodeMissingOrg:          "団体名が空欄です。団体名を入力してください（この行は集計しません）",
	CodeStaleCorrection:     "修正前の値が現在のデータと一致しません。元データが変わっていないか確認し、修正ファイル（corrections.xlsx）を直してください",
	CodeUnknownTarget:       "修正の対象（ID・項目）がデータに見つかりません。修正ファイル（corrections.xlsx）の対象・ID・項目（設問ID／項目ID）・ファイルがデータと合っているか確認してください",
	CodeBadCorrection:       "修正の指定が正しくありません",
	CodeAmbiguousTarget:     "同じIDが複数のファイルにあります。ファイル列で対象のファイルを指定してください",
	CodeUnknownInit:         "定義ファイルの取組シートにない取組です。取組IDまたは取組名を取組シートと同じ書き方にしてください",
	CodeBadYear:             "年度が読み取れません。2025・R7・令和7年度・2025年度 のように入力してください",
	CodeDuplicateProg:       "同じ取組・同じ年度の振り返りが2件あり、内容が異なります。どちらかを削除するか修正ファイル（corrections.xlsx）で削除してください",
	CodeEditedHistory:       "過去の出力フォルダの data/indicators.csv が manifest.json の記録と一致しません（編集されています）。出力フォルダをそのままコピーし直してください",
	CodeBadHistory:          "過去の出力フォルダとして読み込めません。midreview run の出力フォルダ（manifest.json と data/indicators.csv）をそのままコピーしてください",
	CodeStaleCommentary:     "根拠の数値が今回の集計と一致しません。所見を今回の数値に合わせて直し、根拠を今回の根拠（値の欄）に書き換えてください。所見を空欄にすると midreview が作った文に戻ります",
	CodeCommentaryPlace:     "所見の場所（場所・対象ID・地区）が正しくありません。commentary_draft.xlsx の行と同じ書き方にしてください",
	CodeDuplicateCommentary: "同じ場所（場所・対象ID・地区）の所見が2行あります。1行にまとめてください",
	CodeStaleLinkage:        "この課題IDの課題は今回の資料にありません（文が変わったか、ハード分類に当たらなくなりました）。回答は引き継がれません。linkage_draft.xlsx の新しい行に回答を写してください",
	CodeDuplicateLinkage:    "同じ課題IDの回答が2行あります。最初の行だけを使います。1行にまとめてください",
	CodeMissingLinkageID:    "課題IDが空欄の行に回答があります。linkage_draft.xlsx の課題IDを写してください（この行は使いません）",
	CodeBadMap:              "map フォルダの境界データを読み込めません。e-Stat の境界データ（シェープファイル）または GeoJSON をそのまま置いてください。地図は描きません",
	CodeMapUnmatched:        "境界データのこの町丁目・地区は、町名シート・地区シートのどれにも一致しません。地図では灰色で描きます。町名シートに町名を追加するか、地区の別名を追加してください",
	CodeMapNoBoundary:       "この地区の境界が境界データにありません。地図には描かず、地図の下に名前を挙げます。町名シートでこの地区の町名を確認してください",
}

// A Hint names a second sentence of a problem's message, shown in
// parentheses after it: the rule a value broke when one code covers several
// (bad-setting), or a situation the reader found. Its text may show values
// from the problem's Args (%s, in order). Hints are wording, not keys: tests
// and problems.csv key on the Code.
type Hint string

// Hints, with the Args each shows.
const (
	HintCause         Hint = "cause"          // the underlying error's text
	HintReadExts      Hint = "read-exts"      // the extensions read, joined by ・
	HintExampleSheet  Hint = "example-sheet"  // a 記入例 or 説明 sheet
	HintNoOrgItem     Hint = "no-org-item"    // definitions have no 団体名 item
	HintNoListHeader  Hint = "no-list-header" // no list header, no 団体名 cell
	HintNoOrgCell     Hint = "no-org-cell"    // no list header, 団体名 cell blank
	HintFirstRow      Hint = "first-row"      // the first row's place
	HintFirstRecord   Hint = "first-record"   // the first record's place
	HintScale         Hint = "scale"          // the 尺度's name
	HintTwoIDColumns  Hint = "two-id-columns"
	HintTwoQColumns   Hint = "two-question-columns"
	HintTwoChoiceCols Hint = "two-choice-columns"
	HintHeaderCode    Hint = "header-code" // Q3_9: 9 is not a code of Q3
	HintMarkValues    Hint = "mark-values" // a split MA column holds other than 1/○/0/blank
	HintOneOf         Hint = "one-of"      // the column's keywords, joined by ・
	HintNoThemeSheet  Hint = "no-theme-sheet"
	HintDistrictLabel Hint = "district-label" // a 地区 question's choice that names no district
	HintSameDistrict  Hint = "same-district"  // the other district's name
	HintTownDistrict  Hint = "town-district"  // the district whose name the town takes
	HintSameLabel     Hint = "same-label"
	HintSameAttr      Hint = "same-attribute"
	HintSameCell      Hint = "same-cell"
	HintSameHeader    Hint = "same-header"
	HintDate          Hint = "date"
	HintCount         Hint = "count"
	HintEither        Hint = "either" // the two words accepted
	HintAlpha         Hint = "alpha"
	HintPoints        Hint = "points"
	HintTargetKinds   Hint = "target-kinds" // the 対象 header, then its keywords each in 「」
	HintEmpty         Hint = "empty"        // the blank column's header
	HintEmptyItem     Hint = "empty-item"   // the 項目 header, then RemoveItem
	HintRemoveValue   Hint = "remove-value" // the 項目 header, RemoveItem, the 修正後 header, RemoveValue
	HintSameFix       Hint = "same-correction"
	HintNoItem        Hint = "no-item"
	HintNoRecord      Hint = "no-record"
	HintStale         Hint = "stale"          // 修正前, the current value, its file and cell
	HintFiles         Hint = "files"          // the two files
	HintCodes         Hint = "codes"          // 無回答コード is not a list of integers
	HintNoAnswerCode  Hint = "no-answer-code" // the choice set and label that use the 無回答コード
	HintHeaderBoth    Hint = "header-both"    // the two questions a header matches
	HintOtherText     Hint = "other-text"     // no その他 choice takes the left-over text
	HintValidCodes    Hint = "valid-codes"    // the choice set's name, then its codes and labels (validCodes)
	// commentary.xlsx.
	HintCommSummary   Hint = "commentary-summary"   // 概要 with an unknown テーマコード
	HintCommQuestion  Hint = "commentary-question"  // 設問 without a known 設問ID
	HintCommIndicator Hint = "commentary-indicator" // 指標 without a known 指標ID
	HintCommProfile   Hint = "commentary-profile"   // 地区 with a 対象ID or without a district
	HintCommDistrict  Hint = "commentary-district"  // 地区 names no district
	HintNoPassage     Hint = "no-passage"           // analyze: this run printed nothing at the place
	HintChanged       Hint = "changed"              // analyze: the changed figures, "old → new" joined by 、

	// Bounded reading (sheet.go): why a workbook or sheet was not read.
	HintUnzipLimit       Hint = "unzip-limit"          // the limit in MB
	HintZipRatio         Hint = "zip-ratio"            // the part, its packed and unpacked bytes
	HintCorrupt          Hint = "corrupt"              // a zip part that does not unpack as declared
	HintNoSheets         Hint = "no-sheets"            // a workbook without sheets
	HintMissingPart      Hint = "missing-part"         // the zip part
	HintNoSheetData      Hint = "no-sheet-data"        // a sheet without its worksheet part
	HintTooMuchWork      Hint = "too-much-work"        // rows, cells and merges beyond the work budget
	HintBrokenXML        Hint = "broken-xml"           // the XML error
	HintBadDimension     Hint = "bad-dimension"        // the dimension ref
	HintBadRowNumber     Hint = "bad-row-number"       // the row number, Excel's last row
	HintRowOrder         Hint = "row-order"            // the previous and the next row number
	HintBadCellRef       Hint = "bad-cell-ref"         // the reference, Excel's last column and row
	HintCellOutsideRow   Hint = "cell-outside-row"     // the reference, the row it is in
	HintCellOrder        Hint = "cell-order"           // the cell out of order
	HintTooManyCols      Hint = "too-many-columns"     // Excel's last column
	HintSharedString     Hint = "shared-string"        // the index, the number of shared strings
	HintCellType         Hint = "cell-type"            // the type attribute
	HintMergedRange      Hint = "merged-range"         // the merged range
	HintEmptyRun         Hint = "empty-run"            // first row, last row, count of a long run of empty rows
	HintCellTooLong      Hint = "cell-too-long"        // Excel's limit in characters
	HintLongSharedString Hint = "long-shared-string"   // the 0-based index of the shared string, Excel's limit
	HintManyStrings      Hint = "many-shared-strings"  // the most shared strings accepted
	HintCSVQuote         Hint = "csv-quote"            // the line in the file where the field began
	HintCSVBareQuote     Hint = "csv-bare-quote"       // the line in the file
	HintCSVTooManyCols   Hint = "csv-too-many-columns" // Excel's last column
	HintCSVFieldSize     Hint = "csv-field-size"       // the limit in bytes

	HintNoInitSheet Hint = "no-initiative-sheet" // progress/ without sheet 取組
	HintDidYouMean  Hint = "did-you-mean"        // the nearest known name (ingest.Nearest)
	HintSameRows    Hint = "same-rows"           // the earlier files, the number of rows
	// A file in responses/ that belongs elsewhere.
	HintLooksHearing     Hint = "looks-hearing"
	HintLooksProgress    Hint = "looks-progress"
	HintLooksDefinitions Hint = "looks-definitions"
	HintLooksResponses   Hint = "looks-responses"    // a survey file in hearings/
	HintSheetsFound      Hint = "sheets-found"       // the workbook's sheets, each in 「」
	HintSheetsNear       Hint = "sheets-near"        // the workbook's sheets, then the nearest to the missing one
	HintNoInitCell       Hint = "no-initiative-cell" // a sheet with neither a list header nor 取組ID/取組名

	// map/ (mapread.go, shapefile.go, geojson.go).
	HintMapNone          Hint = "map-none"           // map/ without a .shp or .geojson
	HintMapSeveral       Hint = "map-several"        // the files, joined by 、
	HintMapFileSize      Hint = "map-file-size"      // the limit in MB
	HintMapTooBig        Hint = "map-too-big"        // the feature and point limits
	HintMapNotShp        Hint = "map-not-shp"        // not a .shp file
	HintMapShapeType     Hint = "map-shape-type"     // the shape type number
	HintMapRecord        Hint = "map-record"         // the record or feature number
	HintMapNotLonLat     Hint = "map-not-lonlat"     // the record, x and y
	HintMapProjected     Hint = "map-projected"      // a .prj of a projected system
	HintMapNotDBF        Hint = "map-not-dbf"        // not a .dbf file
	HintMapDBFRecords    Hint = "map-dbf-records"    // the record count the header declares
	HintMapCounts        Hint = "map-counts"         // the .shp and .dbf record counts
	HintMapEncoding      Hint = "map-encoding"       // the encoding tried
	HintMapNotCollection Hint = "map-not-collection" // GeoJSON that is not a FeatureCollection
	HintMapNameAttr      Hint = "map-name-attribute" // the attribute(s) looked for, the file's attributes
	HintMapFeature       Hint = "map-feature"        // the record or feature number
)

// hints holds the text of each hint.
var hints = map[Hint]string{
	HintCause:         "%s",
	HintReadExts:      "読み込むのは %s のファイルです",
	HintExampleSheet:  "記入例・説明のシート",
	HintNoOrgItem:     "定義ファイルのヒアリング項目シートに種別「団体名」の項目がありません",
	HintNoListHeader:  "一覧表の見出し行がありません",
	HintNoOrgCell:     "団体名のセルが空欄で、一覧表の見出し行もありません",
	HintFirstRow:      "最初の行: %s",
	HintFirstRecord:   "最初の記録: %s",
	HintScale:         "尺度「%s」",
	HintValidCodes:    "definitions.xlsx の選択肢シートの選択肢セット「%s」: %s",
	HintTwoIDColumns:  "回答者IDの列が複数あります",
	HintTwoQColumns:   "同じ設問IDの列が複数あります",
	HintTwoChoiceCols: "同じ選択肢の列が複数あります",
	HintHeaderCode:    "見出しの選択肢コードが選択肢シートにありません",
	HintMarkValues:    "選択は 1・○、非選択は 0・空欄 で入力してください",
	HintOneOf:         "使えるのは %s です",
	HintNoThemeSheet:  "テーマシートがありません",
	HintDistrictLabel: "属性「地区」の設問の選択肢のラベルは地区名にしてください",
	HintSameDistrict:  "地区「%s」と重複しています",
	HintTownDistrict:  "地区「%s」の名前・別名と同じです",
	HintSameLabel:     "同じラベル・別名が同じ選択肢セットにあります",
	HintSameAttr:      "同じ属性の設問が2つあります",
	HintSameCell:      "同じセルの項目がほかにあります",
	HintSameHeader:    "同じ見出しの項目がほかにあります",
	HintDate:          "日付は 2025-03-31 の形で入力してください",
	HintCount:         "0以上の整数で入力してください",
	HintEither:        "「%s」または「%s」と入力してください",
	HintAlpha:         "0より大きく1より小さい値（例: 0.05）で入力してください",
	HintPoints:        "0以上のポイント数で入力してください",
	HintTargetKinds:   "%sは%sのいずれかです",
	HintEmpty:         "%sが空欄です",
	HintEmptyItem:     "%sが空欄です（記録ごと削除するときは %s ）",
	HintRemoveValue:   "%sが %s のときは、%sを「%s」にしてください",
	HintSameFix:       "同じ対象・ID・項目の修正がすでにあります",
	HintNoItem:        "項目がデータにありません",
	HintNoRecord:      "IDに一致する記録がありません",
	HintStale:         "修正前「%s」、現在「%s」（%s %s）",
	HintFiles:         "%s、%s",
	HintCodes:         "整数のコードを「,」区切りで入力してください（例：9,99）",
	HintNoAnswerCode:  "選択肢セット「%s」の「%s」と同じコードです",
	HintHeaderBoth:    "設問 %s と %s",
	HintOtherText:     "選択肢にない部分があり、この設問の選択肢には「その他」がありません",
	HintCommSummary:   "場所が概要のときは、対象IDにテーマシートのテーマコードを書くか、空欄にします",
	HintCommQuestion:  "場所が設問のときは、対象IDに設問シートの設問IDを書きます",
	HintCommIndicator: "場所が指標のときは、対象IDに指標シートの指標IDを書きます",
	HintCommProfile:   "場所が地区（地区カルテ）のときは、対象IDを空欄にし、地区に地区名を書きます",
	HintCommDistrict:  "地区シートの地区名・地区コード・別名のどれとも一致しません",
	HintNoPassage:     "今回の資料にはこの場所の文がありません",
	HintChanged:       "変わった数値: %s",

	HintUnzipLimit:       "展開後のサイズが上限（%s MB）を超えています",
	HintZipRatio:         "%s の圧縮率が異常です（%s バイトが %s バイトに展開されます）",
	HintCorrupt:          "ファイルが壊れています",
	HintNoSheets:         "シートがありません",
	HintMissingPart:      "%s がありません",
	HintNoSheetData:      "シートのデータが見つかりません",
	HintTooMuchWork:      "行・列・結合セルの数がファイルの大きさに比べて多すぎます。Excel の最終行・最終列付近に値や書式がないか確認してください",
	HintBrokenXML:        "シートのXMLが壊れています: %s",
	HintBadDimension:     "シートの範囲 %s が Excel の上限を超えているか、正しくありません",
	HintBadRowNumber:     "行番号 %s が Excel の上限（%s行）を超えているか、正しくありません",
	HintRowOrder:         "行の順序が正しくありません。%s行目の後に%s行目があります",
	HintBadCellRef:       "セル番地 %s が Excel の上限（%s列・%s行）を超えているか、正しくありません",
	HintCellOutsideRow:   "セル %s が %s行目の中にあります",
	HintCellOrder:        "セルの順序が正しくありません: %s",
	HintTooManyCols:      "%s列目を超えるセルがあります",
	HintSharedString:     "共有文字列の番号 %s が範囲外です（共有文字列は%s個）",
	HintCellType:         "セルの型 %s が正しくありません",
	HintMergedRange:      "結合セル %s が Excel の上限を超えているか、正しくありません",
	HintEmptyRun:         "%s行目から%s行目までの%s行",
	HintCellTooLong:      "セルの文字数が Excel の上限（%s文字）を超えています",
	HintLongSharedString: "共有文字列（sharedStrings.xml）の%s番目（0から数えて）の文字数が Excel の上限（%s文字）を超えています",
	HintManyStrings:      "共有文字列（sharedStrings.xml）の数がシートの大きさに比べて多すぎます（上限 %s 個）",
	HintCSVQuote:         "「\"」で始まる値が閉じられていません（ファイルの%s行目から）。Excel で開き、「CSV UTF-8（コンマ区切り）」で保存し直してください",
	HintCSVBareQuote:     "値の途中か閉じた「\"」の後に「\"」や文字があります（ファイルの%s行目）。Excel で開き、「CSV UTF-8（コンマ区切り）」で保存し直してください",
	HintCSVTooManyCols:   "1行の列数が Excel の上限（%s列）を超えています",
	HintCSVFieldSize:     "1つの値が上限（%s バイト）を超えています",

	HintNoInitSheet: "定義ファイルに取組シートがありません",
	HintDidYouMean:  "もしかして「%s」？",
	HintSameRows:    "同じ行のあるファイル: %s、%s行",

	HintLooksHearing:     "団体ヒアリングのシートのようです。hearings フォルダに移してください",
	HintLooksProgress:    "取組の振り返りシートのようです。progress フォルダに移してください",
	HintLooksResponses:   "区民アンケートの回答ファイルのようです。responses フォルダに移してください",
	HintLooksDefinitions: "定義ファイルのようです。definitions.xlsx という名前でバッチのフォルダ（responses の1つ上）に置いてください",
	HintSheetsFound:      "このファイルのシート: %s",
	HintSheetsNear:       "このファイルのシート: %s。もしかして「%s」？",
	HintNoInitCell:       "一覧表の見出し行（年度・取組ID・進ちょく など）も、取組ID・取組名の欄もありません",

	HintMapNone:          "map フォルダに .shp または .geojson のファイルがありません。e-Stat からダウンロードした zip は展開して、中のファイルをそのまま置いてください",
	HintMapSeveral:       "境界データは1つだけ置いてください: %s",
	HintMapFileSize:      "ファイルが大きすぎます（上限 %s MB）。区の範囲だけの境界データにしてください",
	HintMapTooBig:        "地物は%s個まで、座標は合わせて%s点までです。区の範囲だけの境界データにしてください",
	HintMapNotShp:        "シェープファイル（.shp）ではないか、壊れています",
	HintMapShapeType:     "面（ポリゴン）のデータではありません（図形の種類 %s）",
	HintMapRecord:        "%s番目の図形のデータが壊れています（長さ・部分・座標の数が合いません）",
	HintMapNotLonLat:     "%s番目の図形の座標（%s, %s）が経度・緯度ではありません。経度・緯度（JGD2011 など）の境界データを使ってください",
	HintMapProjected:     "座標系が経度・緯度ではありません（平面直角座標系など）。e-Stat の「世界測地系緯度経度」のデータを使ってください",
	HintMapNotDBF:        "属性ファイル（.dbf）ではないか、壊れています",
	HintMapDBFRecords:    "属性ファイルのレコード数 %s がファイルの大きさと合いません",
	HintMapCounts:        "図形が%s件、属性が%s件で、数が合いません",
	HintMapEncoding:      "属性を %s として読めません。.cpg ファイルの文字コードを確認してください",
	HintMapNotCollection: "GeoJSON の FeatureCollection ではありません",
	HintMapNameAttr:      "名前の属性 %s がありません（ファイルの属性: %s）。設定シートの「地図の名前列」に属性の名前を入力してください",
	HintMapFeature:       "%s番目の地物",
}

// quoted returns each word in 「」, concatenated: the way a message lists keywords.
func quoted(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString("「" + w + "」")
	}
	return b.String()
}

// Message returns the Japanese message for code c.
func Message(c Code) string {
	if m, ok := messages[c]; ok {
		return m
	}
	return string(c)
}

// A Problem is one thing wrong with the input, located as precisely as the input allows.
// Like csv.ParseError, it keeps its position as numbers; Cell builds the A1 text.
type Problem struct {
	Severity    Severity
	Code        Code   // stable; tests and problems.csv key on it
	File, Sheet string // File is the slash path in the batch; Sheet is "" for CSV
	// Row and Col are 1-based (0 = none): a cell when both are set, a whole
	// row when only Row is, the whole file or sheet when neither is. For a
	// CSV file Row is the record number as Excel shows it.
	Row, Col int
	RecordID string   // respondent ID, 団体名, or the defined record (設問ID, 指標ID, …)
	Item     string   // 設問ID, 項目ID, header or setting name
	Value    string   // the offending value
	Hint     Hint     // a second sentence of the message ("" = none)
	Args     []string // the values the hint shows, in order
}

// Cell returns the A1 name of the problem's cell ("D42"; for a CSV file the
// column letter and record number), or "" when it names no single cell.
func (p Problem) Cell() string { return CellName(p.Row, p.Col) }

// CellName returns the A1 name of 1-based row and col ("D42"), or "" when
// either is not positive.
func CellName(row, col int) string {
	if row <= 0 || col <= 0 {
		return ""
	}
	var letters []byte
	for ; col > 0; col = (col - 1) / 26 {
		letters = append(letters, byte('A'+(col-1)%26))
	}
	slices.Reverse(letters)
	return string(letters) + strconv.Itoa(row)
}

// Msg returns the Japanese message for the problem, with its hint.
func (p Problem) Msg() string {
	m := Message(p.Code)
	if p.Hint == "" {
		return m
	}
	return m + "（" + hintText(p.Hint, p.Args) + "）"
}

// hintText returns hint h's sentence with args in its places.
func hintText(h Hint, args []string) string {
	a := make([]any, len(args))
	for i, v := range args {
		a[i] = v
	}
	return fmt.Sprintf(hints[h], a...)
}

// Where returns the location as file:sheet!cell, as precisely as known.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(":")
		b.WriteString(p.Sheet)
	}
	switch cell := p.Cell(); {
	case cell != "":
		if p.Sheet != "" {
			b.WriteString("!")
		} else {
			b.WriteString(":")
		}
		b.WriteString(cell)
	case p.Row > 0:
		fmt.Fprintf(&b, ":%d行目", p.Row)
	}
	return b.String()
}

// place returns where a record is, for a hint that points at an earlier one:
// `responses/a.csv 11行目` for a row, `hearings/f.xlsx 団体A!C2` for a cell of
// a sheet, `hearings/f.xlsx 団体A` for a whole sheet.
func place(file, sheet string, row, col int) string {
	cell := CellName(row, col)
	switch {
	case sheet == "" && row > 0:
		return file + " " + strconv.Itoa(row) + "行目"
	case sheet == "":
		return file
	case cell != "":
		return file + " " + sheet + "!" + cell
	}
	return file + " " + sheet
}

// Error reads like `responses/a.xlsx:回答!D42: Q4: 選択肢にない…: "7"`.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Where())
	b.WriteString(": ")
	if p.Item != "" {
		b.WriteString(p.Item)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg())
	if p.Value != "" {
		fmt.Fprintf(&b, ": %q", p.Value)
	}
	return b.String()
}

// HasErrors reports whether any problem is an Error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// CountErrors returns the number of Error problems.
func CountErrors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// SortProblems orders problems by file, sheet, row, column, then code, keeping
// the reading order of problems at the same place (like go/scanner.ErrorList.Sort).
// fileOrder gives each file's reading position; files not in it sort by name after.
func SortProblems(ps []Problem, fileOrder map[string]int) {
	pos := func(f string) int {
		if i, ok := fileOrder[f]; ok {
			return i
		}
		return len(fileOrder)
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := &ps[i], &ps[j]
		if pa, pb := pos(a.File), pos(b.File); pa != pb {
			return pa < pb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Code < b.Code
	})
}

// validCodes lists a choice set's codes with their labels for a message
// (「1 よくある・2 ときどき・3 ない」), the first maxValidCodes of them and
// 「ほか N 個」 beyond, so that the message names what may be written.
func validCodes(cs ChoiceSet) string {
	const maxValidCodes = 12
	var b strings.Builder
	for i, c := range cs.Choices {
		if i == maxValidCodes {
			fmt.Fprintf(&b, "・ほか %d 個", len(cs.Choices)-maxValidCodes)
			break
		}
		if i > 0 {
			b.WriteString("・")
		}
		b.WriteString(strconv.Itoa(c.Code))
		b.WriteString(" ")
		b.WriteString(c.Label)
	}
	return b.String()
}
