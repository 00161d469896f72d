package ingest

import (
	"reflect"
	"testing"
	"testing/fstest"

	"midreview/internal/xlsxbuild"
)

// Hearing item indices of hearingBatch.
const (
	hOrg = iota
	hType
	hDist
	hRate
	hNum
	hComment
	hNote
)

// hearingBatch returns the definitions the hearing tests use:
//
//	H01 団体名   C3   見出し 団体名
//	H02 団体種別 C4   見出し 団体種別
//	H03 地区     C5   見出し 活動地区
//	H04 評価     C7   見出し 見守り評価, 尺度 評価4: 1 できている, 2 まあできている (別名 まあまあ),
//	                  3 あまりできていない, 4 できていない
//	H05 数値     C8   見出し 会員数
//	H06 記述     C10  見出し 課題
//	H07 テキスト C9   見出し 備考
//
// Districts 01 日吉, 02 綱島, 03 菊名; town 日吉本町 → 日吉.
func hearingBatch() *Batch {
	return &Batch{
		Districts: []District{{Code: "01", Name: "日吉"}, {Code: "02", Name: "綱島"}, {Code: "03", Name: "菊名"}},
		Towns:     []Town{{Name: "日吉本町", District: 0}},
		Themes:    []Theme{{Code: "T1", Name: "見守り"}},
		ChoiceSets: []ChoiceSet{{Name: "評価4", Choices: []Choice{
			{Code: 1, Label: "できている"}, {Code: 2, Label: "まあできている", Aliases: []string{"まあまあ"}},
			{Code: 3, Label: "あまりできていない"}, {Code: 4, Label: "できていない"}}}},
		HearingItems: []HearingItem{
			{ID: "H01", Name: "団体名", Kind: HOrg, Cell: "C3", Header: "団体名", Theme: -1, Scale: -1},
			{ID: "H02", Name: "団体種別", Kind: HOrgType, Cell: "C4", Header: "団体種別", Theme: -1, Scale: -1},
			{ID: "H03", Name: "地区", Kind: HDistrict, Cell: "C5", Header: "活動地区", Theme: -1, Scale: -1},
			{ID: "H04", Name: "見守り評価", Kind: HRating, Cell: "C7", Header: "見守り評価", Theme: 0, Scale: 0},
			{ID: "H05", Name: "会員数", Kind: HNumber, Cell: "C8", Header: "会員数", Theme: -1, Scale: -1},
			{ID: "H06", Name: "課題", Kind: HComment, Cell: "C10", Header: "課題", Theme: 0, Scale: -1},
			{ID: "H07", Name: "備考", Kind: HText, Cell: "C9", Header: "備考", Theme: -1, Scale: -1},
		},
		DistrictQ: -1, GenderQ: -1, AgeQ: -1,
	}
}

const formComment = "見守りの担い手が不足しています。\n若い世代の参加が課題です。"

// hearingWorkbook builds one workbook holding every layout:
//
//	記入例       a filled example form: skipped without a warning
//	日吉自治会   a form; 団体名 in merged C3:E3, the comment in merged B10:F12 (item cell C10)
//	一覧         a table whose header is in row 2 (row 1 blank); rows 3–10 below
//	Sheet3       blank: neither layout, skipped
func hearingWorkbook(t testing.TB) []byte {
	t.Helper()
	form := func(vals map[string]any) map[string]any {
		cells := map[string]any{"A1": "地域福祉保健計画 中間振り返り ヒアリングシート", "B3": "団体名"}
		for cell, v := range vals {
			cells[cell] = v
		}
		return cells
	}
	rows := [][]any{
		nil, // 1
		{"団体名", "団体種別", "活動地区", "見守り評価", "会員数", "課題", "メモ"},       // 2
		{"綱島老人クラブ", "老人クラブ", "綱島", "できている", 45, "閉じこもりがちな高齢者が多い"}, // 3
		{}, // 4 empty
		{"菊名子ども会", "子ども会", "菊名、大豆戸", "とても良い", "約30", ""}, // 5 bad district, rating, number
		{nil, "自治会", "日吉"},              // 6 no 団体名
		{"日吉自治会", "自治会", "日吉", "できている"}, // 7 same org, other values
		{"綱島老人クラブ", "老人クラブ", "綱島", "できている", 45, "閉じこもりがちな高齢者が多い"}, // 8 identical to row 3
		{"大倉山友の会", "", "日吉本町", "3", "1,200", "無回答"},               // 9 corrected 3 → 4
		{"削除される会", "その他", "綱島", "1"},                              // 10 removed by correction
	}
	data, err := xlsxbuild.Bytes(
		xlsxbuild.Sheet{Name: "記入例", Cells: form(map[string]any{"C3": "〇〇町内会", "C4": "自治会", "C5": "日吉", "C7": 1})},
		xlsxbuild.Sheet{Name: "日吉自治会", Cells: form(map[string]any{"C3": "日吉自治会", "C4": "自治会", "C5": "日吉、綱島", "C7": "まあまあ",
			"C8": 120, "B10": formComment}), Merges: [][2]string{{"C3", "E3"}, {"B10", "F12"}}},
		xlsxbuild.Sheet{Name: "一覧", Rows: rows},
		xlsxbuild.Sheet{Name: "Sheet3"},
	)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// hearingLedger returns corrections: 大倉山友の会 H04 3 → 4 (row 2) and
// 削除される会 removed (row 3).
func hearingLedger() *ledger {
	l := &ledger{byKey: map[ledgerKey][]*correction{}, file: CorrectionsFile}
	for _, c := range []*correction{
		{row: 2, target: TargetHearing, targetLabel: "ヒアリング", id: "大倉山友の会", item: "H04", before: "3", after: "4"},
		{row: 3, target: TargetHearing, targetLabel: "ヒアリング", id: "削除される会", item: RemoveItem, after: RemoveValue},
	} {
		k := ledgerKey{c.target, c.id}
		l.byKey[k] = append(l.byKey[k], c)
		l.all = append(l.all, c)
	}
	return l
}

// readHear reads hearing files (base name → bytes) with batch b and ledger fix.
func readHear(t testing.TB, b *Batch, fix *ledger, files ...[]byte) *reader {
	t.Helper()
	fsys := fstest.MapFS{}
	var names []string
	for i, data := range files {
		name := HearingsDir + "/" + string(rune('a'+i)) + ".xlsx"
		fsys[name] = &fstest.MapFile{Data: data}
		names = append(names, name)
	}
	rd := &reader{fsys: fsys, b: b, fix: fix}
	if err := rd.readHearings(names); err != nil {
		t.Fatal(err)
	}
	order := map[string]int{}
	for i, f := range rd.b.Files {
		order[f.Path] = i
	}
	SortProblems(rd.b.Problems, order)
	return rd
}

// hp is the part of a Problem the hearing tests compare.
type hp struct {
	Sev         Severity
	Code        Code
	Sheet, Cell string
	Row         int
	RecordID    string
	Item, Value string
}

func hearingProblems(rd *reader) []hp {
	var out []hp
	for _, p := range rd.b.Problems {
		out = append(out, hp{p.Severity, p.Code, p.Sheet, p.Cell(), rowOnly(p), p.RecordID, p.Item, p.Value})
	}
	return out
}

func TestReadHearings(t *testing.T) {
	rd := readHear(t, hearingBatch(), hearingLedger(), hearingWorkbook(t))
	b := rd.b
	one := func(i int) ChoiceBits { return ChoiceBits(0).With(i) }
	vals := func(m map[int]Answer) []Answer {
		a := make([]Answer, 7)
		for i, v := range m {
			a[i] = v
		}
		return a
	}
	want := []Hearing{
		{Org: "日吉自治会", OrgType: "自治会", Districts: []int{0, 1}, Sheet: "日吉自治会", Src: Src{File: 0, Row: 0},
			Values: vals(map[int]Answer{hOrg: {Text: "日吉自治会"}, hType: {Text: "自治会"}, hDist: {Text: "日吉、綱島"},
				hRate: {Choices: one(1)}, // まあまあ is an alias of code 2
				hNum:  NumberAnswer(120), hComment: {Text: formComment}})},
		{Org: "綱島老人クラブ", OrgType: "老人クラブ", Districts: []int{1}, Sheet: "一覧", Src: Src{File: 0, Row: 3},
			Values: vals(map[int]Answer{hOrg: {Text: "綱島老人クラブ"}, hType: {Text: "老人クラブ"}, hDist: {Text: "綱島"},
				hRate: {Choices: one(0)}, hNum: NumberAnswer(45), hComment: {Text: "閉じこもりがちな高齢者が多い"}})},
		// 大豆戸 is unknown (菊名 kept); とても良い and 約30 are invalid and stored as no answer.
		{Org: "菊名子ども会", OrgType: "子ども会", Districts: []int{2}, Sheet: "一覧", Src: Src{File: 0, Row: 5},
			Values: vals(map[int]Answer{hOrg: {Text: "菊名子ども会"}, hType: {Text: "子ども会"}, hDist: {Text: "菊名、大豆戸"}})},
		// The town 日吉本町 maps to 日吉; the correction made the rating code 4; 無回答 is no comment.
		{Org: "大倉山友の会", Districts: []int{0}, Sheet: "一覧", Src: Src{File: 0, Row: 9},
			Values: vals(map[int]Answer{hOrg: {Text: "大倉山友の会"}, hDist: {Text: "日吉本町"},
				hRate: {Choices: one(3)}, hNum: NumberAnswer(1200)})},
	}
	if !reflect.DeepEqual(b.Hearings, want) {
		t.Errorf("hearings:\n got %+v\nwant %+v", b.Hearings, want)
	}

	const f = "hearings/a.xlsx"
	wantP := []hp{
		{Warning, CodeSheetSkipped, "Sheet3", "", 0, "", "H01", ""},
		{Warning, CodeEmptyRow, "一覧", "", 4, "", "", ""},
		{Error, CodeUnknownDist, "一覧", "C5", 0, "菊名子ども会", "H03", "大豆戸"},
		{Error, CodeUnknownCode, "一覧", "D5", 0, "菊名子ども会", "H04", "とても良い"},
		{Error, CodeNotNumber, "一覧", "E5", 0, "菊名子ども会", "H05", "約30"},
		{Error, CodeMissingOrg, "一覧", "A6", 0, "", "H01", "自治会"},
		{Error, CodeDuplicateOrg, "一覧", "A7", 0, "日吉自治会", "H01", "日吉自治会"},
		{Warning, CodeDuplicateRow, "一覧", "A8", 0, "綱島老人クラブ", "H01", "綱島老人クラブ"},
	}
	if got := hearingProblems(rd); !reflect.DeepEqual(got, wantP) {
		t.Errorf("problems:\n got %+v\nwant %+v", got, wantP)
		for _, p := range b.Problems {
			t.Logf("  %s", p.Error())
		}
	}
	for _, p := range b.Problems {
		if p.File != f {
			t.Errorf("problem file %q, want %q", p.File, f)
		}
	}

	// 9 records read: the form, then table rows 3–10 (row 4 empty).
	wantC := RowCounts{Read: 9, Included: 4, Empty: 1, Duplicate: 1, Invalid: 2, Removed: 1}
	if len(b.Files) != 1 || b.Files[0].Counts != wantC || b.Files[0].Kind != KindHearings {
		t.Errorf("files %+v, want one hearings file with counts %+v", b.Files, wantC)
	}

	wantFix := []AppliedCorrection{
		{Row: 2, Target: "ヒアリング", ID: "大倉山友の会", Item: "H04", Before: "3", After: "4", File: f, Cell: "D9"},
		{Row: 3, Target: "ヒアリング", ID: "削除される会", Item: RemoveItem, After: RemoveValue, File: f},
	}
	if !reflect.DeepEqual(b.Corrections, wantFix) {
		t.Errorf("corrections:\n got %+v\nwant %+v", b.Corrections, wantFix)
	}
}

func TestReadHearingsMergedCell(t *testing.T) {
	// The item cell C10 lies inside B10:F12, whose value sits in B10: problems name B10.
	b := hearingBatch()
	data, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: "A",
		Cells:  map[string]any{"C3": "港北の会", "B10": "a", "C8": "たくさん"},
		Merges: [][2]string{{"C8", "D8"}, {"F12", "B10"}}, // the second given bottom-right first
	})
	if err != nil {
		t.Fatal(err)
	}
	rd := readHear(t, b, nil, data)
	if len(rd.b.Hearings) != 1 || rd.b.Hearings[0].Values[hComment].Text != "a" {
		t.Fatalf("hearings = %+v", rd.b.Hearings)
	}
	want := []hp{{Error, CodeNotNumber, "A", "C8", 0, "港北の会", "H05", "たくさん"}}
	if got := hearingProblems(rd); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadHearingsAcrossFiles(t *testing.T) {
	// The same organization in two files: identical → warning, different → error.
	form := func(rating any) []byte {
		data, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: "Sheet1",
			Cells: map[string]any{"C3": "綱島 地区社協", "C5": "02", "C7": rating}})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	tests := []struct {
		name      string
		second    any
		want      hp
		wantCount RowCounts
	}{
		{"identical", "1", hp{Warning, CodeDuplicateRow, "Sheet1", "C3", 0, "綱島 地区社協", "H01", "綱島 地区社協"},
			RowCounts{Read: 1, Duplicate: 1}},
		{"identical after NFKC", "１", hp{Warning, CodeDuplicateRow, "Sheet1", "C3", 0, "綱島 地区社協", "H01", "綱島 地区社協"},
			RowCounts{Read: 1, Duplicate: 1}},
		{"different", "4", hp{Error, CodeDuplicateOrg, "Sheet1", "C3", 0, "綱島 地区社協", "H01", "綱島 地区社協"},
			RowCounts{Read: 1, Invalid: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := readHear(t, hearingBatch(), nil, form("1"), form(tt.second))
			if got := hearingProblems(rd); !reflect.DeepEqual(got, []hp{tt.want}) {
				t.Errorf("problems = %+v, want %+v", got, tt.want)
			}
			if p := rd.b.Problems[0]; p.File != "hearings/b.xlsx" {
				t.Errorf("problem in %s, want hearings/b.xlsx", p.File)
			}
			if c := rd.b.Files[1].Counts; c != tt.wantCount {
				t.Errorf("second file counts %+v, want %+v", c, tt.wantCount)
			}
			if len(rd.b.Hearings) != 1 || rd.b.Hearings[0].Districts[0] != 1 {
				t.Errorf("hearings = %+v", rd.b.Hearings)
			}
		})
	}
}

func TestSkippedSheet(t *testing.T) {
	for name, want := range map[string]bool{
		"記入例": true, "記入例 (2)": true, "説明": true, "入力の説明": true, "例": true,
		"例 (2)": true, "例1": true, "入力例": true, "記入例（日吉）": true,
		"日吉自治会": false, "一覧": false, "Sheet1": false,
		// An organization whose name merely contains 例 is a hearing.
		"定例サロン日吉": false, "日吉例会の会": false,
	} {
		if got := skippedSheet(name); got != want {
			t.Errorf("skippedSheet(%q) = %v, want %v", name, got, want)
		}
	}
}

// checkHearingFuzz checks that every problem names its file and a cell or row;
// only whole-file and whole-sheet problems may lack both.
func checkHearingFuzz(t *testing.T, rd *reader) {
	t.Helper()
	for _, p := range rd.b.Problems {
		if p.File == "" {
			t.Fatalf("problem without file: %+v", p)
		}
		whole := p.Code == CodeFileUnreadable || p.Code == CodeSheetSkipped
		if p.Row == 0 && !whole {
			t.Fatalf("problem without cell or row: %+v", p)
		}
		if whole && p.Code == CodeSheetSkipped && p.Sheet == "" {
			t.Fatalf("skipped sheet without sheet name: %+v", p)
		}
	}
	for _, f := range rd.b.Files {
		c := f.Counts
		if c.Read != c.Included+c.Empty+c.Duplicate+c.Invalid+c.Removed {
			t.Fatalf("%s: counts %+v do not add up", f.Path, c)
		}
	}
}

func FuzzReadHearings(f *testing.F) {
	f.Add(hearingWorkbook(f))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := &reader{fsys: fstest.MapFS{"hearings/a.xlsx": {Data: data}}, b: hearingBatch(), fix: hearingLedger()}
		if err := rd.readHearings([]string{"hearings/a.xlsx"}); err != nil {
			t.Fatal(err)
		}
		checkHearingFuzz(t, rd)
	})
}

func TestReadHearingsNoItems(t *testing.T) {
	// Without ヒアリング項目 every sheet is skipped with a warning, never silently.
	b := hearingBatch()
	b.HearingItems = nil
	rd := readHear(t, b, nil, hearingWorkbook(t))
	var sheets []string
	for _, p := range rd.b.Problems {
		if p.Code != CodeSheetSkipped {
			t.Errorf("unexpected problem %+v", p)
		}
		sheets = append(sheets, p.Sheet)
	}
	if want := []string{"Sheet3", "一覧", "日吉自治会"}; !reflect.DeepEqual(sheets, want) {
		t.Errorf("skipped sheets %v, want %v", sheets, want)
	}
	if len(rd.b.Hearings) != 0 {
		t.Errorf("hearings = %+v", rd.b.Hearings)
	}
}

// TestReadHearingsTitleRows checks that a list with title rows above its header
// is read as a table, not skipped (its organizations would be lost).
func TestReadHearingsTitleRows(t *testing.T) {
	rows := [][]any{
		{"令和8年度 団体ヒアリング 一覧"}, // title
		{"港北区社会福祉協議会"},       // subtitle
		{},
		{"団体名", "団体種別", "活動地区", "見守り評価"}, // header in row 4
		{"日吉見守りの会", "ボランティア", "日吉", "できている"},
		{"菊名子ども食堂", "NPO", "菊名", "3"},
	}
	data, err := xlsxbuild.Bytes(xlsxbuild.Sheet{Name: "Sheet1", Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	rd := readHear(t, hearingBatch(), nil, data)
	if got := hearingProblems(rd); len(got) != 0 {
		t.Errorf("problems = %+v", got)
	}
	if len(rd.b.Hearings) != 2 || rd.b.Hearings[0].Org != "日吉見守りの会" || rd.b.Hearings[1].Src.Row != 6 {
		t.Fatalf("hearings = %+v", rd.b.Hearings)
	}
	if c := rd.b.Files[0].Counts; c != (RowCounts{Read: 2, Included: 2}) {
		t.Errorf("counts = %+v", c)
	}
}
