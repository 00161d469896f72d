package ingest

import (
	"fmt"
	"sort"
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
	CodeBadDefinition  Code = "bad-definition"     // an invalid 形式, 種別, code, cell, condition...
	CodeDistrictAttr   Code = "district-attribute" // not exactly one 属性 地区 question
	CodeMissingPop     Code = "missing-population" // 重み付け する but a district has no 人口

	// Response files.
	CodeNoHeader       Code = "no-header"           // header row (ID + a 設問ID) not found
	CodeMissingQColumn Code = "missing-question"    // a 設問ID has no column (warning in baseline/)
	CodeUnknownColumn  Code = "unknown-column"      // warning: header is not a 設問ID
	CodeUnansweredQ    Code = "unanswered-question" // warning: a baseline column with no answer at all
	CodeUnknownCode    Code = "unknown-code"        // not a code, label or alias
	CodeMultipleValues Code = "multiple-values"     // several values in an SA/SC question
	CodeNotNumber      Code = "not-a-number"        // NUM value is not a number
	CodeUnknownDist    Code = "unknown-district"    // district/town matches nothing
	CodeDuplicateID    Code = "duplicate-id"        // respondent ID seen before with other answers
	CodeMissingID      Code = "missing-id"          // data row without an ID
	CodeOutsideCond    Code = "outside-condition"   // warning: answer from someone not asked
	CodeEmptyRow       Code = "empty-row"           // warning: completely empty row skipped
	CodeDuplicateRow   Code = "duplicate-row"       // warning: exact duplicate row skipped

	// Hearings.
	CodeSheetSkipped Code = "sheet-skipped" // warning: 記入例/説明 or unrecognized sheet
	CodeDuplicateOrg Code = "duplicate-organization"
	CodeMissingOrg   Code = "missing-organization" // tabular row without 団体名

	// corrections.xlsx.
	CodeStaleCorrection Code = "stale-correction"     // 修正前 differs from the raw value
	CodeUnknownTarget   Code = "correction-target"    // ID or item not found
	CodeBadCorrection   Code = "bad-correction"       // 対象 or 修正後 unusable
	CodeAmbiguousTarget Code = "ambiguous-correction" // ID in several files, no ファイル
)

// messages holds the Japanese text for each code: what is wrong and what to fix.
// Note: one table so that wording is reviewed in one place; tests never match on it.
var messages = map[Code]string{
	CodeFileUnreadable:  "ファイルを読み込めません。Excelで開けるか、壊れていないか確認してください",
	CodeFileEncoding:    "文字コードを判別できません。UTF-8 または Shift_JIS で保存し直してください",
	CodeMissingFile:     "必要なファイルまたはフォルダがありません。-batch にバッチのフォルダ（definitions.xlsx と responses フォルダがある場所）を指定しているか、ファイル名・フォルダ名が正しいか確認してください",
	CodeNoData:          "回答データがありません。responses フォルダに .xlsx または .csv を置いてください",
	CodeFileIgnored:     "この形式のファイルは読み込みません。Excelで「Excel ブック (*.xlsx)」の形式で保存し直してください",
	CodeMissingSheet:    "必要なシートがありません。テンプレート（midreview template）のシート名に合わせてください",
	CodeMissingColumn:   "必要な見出しがありません。1行目に見出しを入力してください",
	CodeMissingSetting:  "必須の設定項目がありません。設定シートに入力してください",
	CodeBadSetting:      "設定値が正しくありません",
	CodeDuplicateDef:    "同じ定義が重複しています。どちらかを削除するか名前を変えてください",
	CodeUnknownSet:      "選択肢シートにない選択肢セットです。選択肢シートの「選択肢セット」列の名前と同じ書き方にしてください",
	CodeUnknownTheme:    "テーマシートにないテーマコードです。テーマシートのテーマコード（またはテーマ名）と同じ書き方にしてください",
	CodeUnknownQ:        "設問シートにない設問IDです。設問シートの設問IDと同じ書き方にしてください",
	CodeBadDefinition:   "定義の値が正しくありません",
	CodeDistrictAttr:    "属性「地区」の設問はちょうど1つ必要です。設問シートの「属性」列で、地区をたずねる設問1つだけを「地区」にしてください",
	CodeMissingPop:      "重み付けをするには、すべての地区に人口が必要です。地区シートの「人口」列を入力するか、設定シートの重み付けを「しない」にしてください",
	CodeNoHeader:        "見出し行が見つかりません。回答者IDの列と設問IDの列の見出しを確認してください",
	CodeMissingQColumn:  "設問の列がありません。見出しが設問IDと一致しているか確認してください",
	CodeUnknownColumn:   "設問IDではない見出しの列です。この列は集計しません",
	CodeUnansweredQ:     "策定時調査のこの設問の列には回答が1件もありません。策定時には聞いていない設問として扱い、前回との比較から外します",
	CodeUnknownCode:     "選択肢にないコードまたはラベルです。選択肢シートのコード・ラベル・別名と照合してください",
	CodeMultipleValues:  "単一回答の設問に複数の値があります。1つにするか、修正ファイルで直してください",
	CodeNotNumber:       "数値ではありません。数字だけを入力してください",
	CodeUnknownDist:     "地区（町名）が地区シート・町名シートのどれにも一致しません。別名を追加するか値を直してください",
	CodeDuplicateID:     "回答者IDが重複しています。重複した票を修正ファイルで削除するか、IDを直してください",
	CodeMissingID:       "回答者IDが空欄です。IDを入力してください（この行は集計しません）",
	CodeOutsideCond:     "対象条件に当てはまらない回答者の回答です。集計には含めません",
	CodeEmptyRow:        "空の行を読み飛ばしました",
	CodeDuplicateRow:    "前の行とまったく同じ行です。重複として読み飛ばしました",
	CodeSheetSkipped:    "記入例・説明のシート、または様式に当てはまらないシートのため読み飛ばしました",
	CodeDuplicateOrg:    "同じ団体のヒアリングが2件あり、内容が異なります。どちらかを修正ファイルで削除してください",
	CodeMissingOrg:      "団体名が空欄です。団体名を入力してください（この行は集計しません）",
	CodeStaleCorrection: "修正前の値が現在のデータと一致しません。元データが変わっていないか確認し、修正ファイルを直してください",
	CodeUnknownTarget:   "修正の対象（ID・項目）がデータに見つかりません。修正ファイルの対象・ID・項目（設問ID／項目ID）・ファイルがデータと合っているか確認してください",
	CodeBadCorrection:   "修正の指定が正しくありません",
	CodeAmbiguousTarget: "同じIDが複数のファイルにあります。ファイル列で対象のファイルを指定してください",
}

// Message returns the Japanese message for code c.
func Message(c Code) string {
	if m, ok := messages[c]; ok {
		return m
	}
	return string(c)
}

// A Problem is one thing wrong with the input, located as precisely as the input allows.
type Problem struct {
	Severity    Severity
	Code        Code   // stable; tests and problems.csv key on it
	File, Sheet string // File is the slash path in the batch; Sheet is "" for CSV
	Cell        string // A1 ("D42"); for CSV: column letter + record number
	Row         int    // 1-based row when no single cell applies (0 = whole file/sheet)
	RecordID    string // respondent ID or 団体名
	Item        string // 設問ID, 項目ID, header or setting name
	Value       string // the offending value
	Detail      string // optional extra Japanese text appended to the message
}

// Msg returns the Japanese message for the problem, with its detail.
func (p Problem) Msg() string {
	m := Message(p.Code)
	if p.Detail != "" {
		m += "（" + p.Detail + "）"
	}
	return m
}

// Where returns the location as file:sheet!cell, as precisely as known.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(":")
		b.WriteString(p.Sheet)
	}
	switch {
	case p.Cell != "":
		if p.Sheet != "" {
			b.WriteString("!")
		} else {
			b.WriteString(":")
		}
		b.WriteString(p.Cell)
	case p.Row > 0:
		fmt.Fprintf(&b, ":%d行目", p.Row)
	}
	return b.String()
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
		ra, ca := cellPos(a)
		rb, cb := cellPos(b)
		if ra != rb {
			return ra < rb
		}
		if ca != cb {
			return ca < cb
		}
		return a.Code < b.Code
	})
}

// cellPos returns the row and column of a problem's cell, or its Row and 0.
func cellPos(p *Problem) (row, col int) {
	if p.Cell == "" {
		return p.Row, 0
	}
	i := 0
	for i < len(p.Cell) && p.Cell[i] >= 'A' && p.Cell[i] <= 'Z' {
		col = col*26 + int(p.Cell[i]-'A'+1)
		i++
	}
	for ; i < len(p.Cell); i++ {
		if c := p.Cell[i]; c >= '0' && c <= '9' {
			row = row*10 + int(c-'0')
		}
	}
	return row, col
}
