package batchgen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// regen rewrites the committed test batches: go test ./internal/batchgen -run TestTestBatches -regen
var regen = flag.Bool("regen", false, "rewrite testdata/batches/{small,messy,webform,progress,cycle,hard,map} from testbatch_test.go")

// batchesDir is the folder of the committed test batches.
var batchesDir = filepath.Join("..", "..", "testdata", "batches")

// TestTestBatches rebuilds the test batches in memory and compares them with the
// committed files (and their .xlsx.txt dumps); with -regen it rewrites them.
// The README.md beside each batch is hand-written and not touched.
func TestTestBatches(t *testing.T) {
	files, err := buildTestBatches()
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(batchesDir, filepath.FromSlash(name))
		if *regen {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, files[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run with -regen)", name, err)
			continue
		}
		if !bytes.Equal(got, files[name]) {
			t.Errorf("%s differs from what testbatch_test.go generates (run with -regen and review the .txt diff)", name)
		}
	}
}

// buildTestBatches returns every generated file of testdata/batches by slash
// path: small/ and messy/, each xlsx with its NAME.xlsx.txt dump.
func buildTestBatches() (map[string][]byte, error) {
	out := map[string][]byte{}
	books := map[string]func() (*excelize.File, error){
		"small/definitions.xlsx":   testDefinitions,
		"small/responses/a.xlsx":   smallResponsesXLSX,
		"small/baseline/base.xlsx": smallBaseline,
		"small/hearings/forms.xlsx": func() (*excelize.File, error) {
			return testHearingForms(false)
		},
		"messy/definitions.xlsx": testDefinitions,
		"messy/responses/b.xlsx": messyResponsesXLSX,
		"messy/hearings/forms.xlsx": func() (*excelize.File, error) {
			return testHearingForms(true)
		},
		"messy/hearings/list.xlsx": messyHearingList,
	}
	if err := addBooks(out, books, ""); err != nil {
		return nil, err
	}
	out["small/responses/b.csv"] = csvBytes(smallCSV, true)
	cp, err := japanese.ShiftJIS.NewEncoder().Bytes(csvBytes(messyCSV, false))
	if err != nil {
		return nil, err
	}
	out["messy/responses/a.csv"] = cp
	if err := addWebformBatch(out); err != nil {
		return nil, err
	}
	if err := addCycleBatches(out); err != nil {
		return nil, err
	}
	if err := addHardBatch(out); err != nil {
		return nil, err
	}
	if err := addMapBatch(out); err != nil {
		return nil, err
	}
	return out, nil
}

// addBooks builds each workbook of books and adds it to out under each of
// prefixes (a batch folder such as "hard/", or "" when the names hold it),
// with its NAME.xlsx.txt dump beside it.
func addBooks(out map[string][]byte, books map[string]func() (*excelize.File, error), prefixes ...string) error {
	for name, build := range books {
		f, err := build()
		if err != nil {
			return err
		}
		buf, err := f.WriteToBuffer()
		f.Close()
		if err != nil {
			return err
		}
		data := bytes.Clone(buf.Bytes())
		dump, err := xlsxbuild.Dump(data)
		if err != nil {
			return err
		}
		for _, p := range prefixes {
			out[p+name], out[p+name+".txt"] = data, []byte(dump)
		}
	}
	return nil
}

// csvBytes joins rows as CRLF CSV (as Excel writes it), quoting where needed,
// with a UTF-8 BOM when bom.
func csvBytes(rows [][]string, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.WriteString("\ufeff")
	}
	for _, r := range rows {
		writeCSVRecord(&b, r)
	}
	return b.Bytes()
}

// testDefinitions is the codebook shared by small/ and messy/ (see small/README.md).
func testDefinitions() (*excelize.File, error) {
	return definitionsBook(testDefinitionSheets())
}

// definitionsBook writes the rows of every definitions sheet, in schema order.
func definitionsBook(sheets [][][]any) (*excelize.File, error) {
	f, err := xlsxbuild.New(sheetNames(baseSheets(ingest.DefinitionsSchema.Sheets))...)
	if err != nil {
		return nil, err
	}
	// Note: rows in the schema's sheet and column order; no widths, as when
	// the batches were first committed.
	for i, rows := range sheets {
		s := ingest.DefinitionsSchema.Sheets[i]
		n := leanColumns(s, rows)
		if err := sheetTable(f, s.Name, s.Headers()[:n], nil, trimRows(rows, n)); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// testDefinitionSheets returns the rows of small/'s definitions sheets.
func testDefinitionSheets() [][][]any {
	set := settingRows(map[int]string{
		ingest.SettingPlanName: "テスト計画（第1期）", ingest.SettingWard: "テスト区", ingest.SettingSurvey: "テスト調査",
		ingest.SettingDate: "2026-11-01", ingest.SettingDistributed: "50", ingest.SettingSuppress: "5",
		ingest.SettingReference: "10",
	}, false)
	sheets := [][][]any{
		set,
		{{"01", "北", "北部", 1000, 20}, {"02", "中央", nil, 1500, 20}, {"03", "南", nil, 500, 10}},
		{{"南町１丁目", "南"}},
		{{"T1", "つながり", "近所、あいさつ"}, {"T2", "参加", "活動、参加"}},
		{
			{"F1", "お住まいの地区", "SA", nil, nil, "地区", nil},
			{"F2", "性別", "SA", "性別", nil, "性別", nil},
			{"F3", "年代", "SA", "年代", nil, "年代", nil},
			{"Q1", "近所付き合いの程度", "SA", "付き合い", "T1", nil, nil},
			{"Q2", "地域活動への参加", "SA", "参加", "T2", nil, nil},
			{"Q3", "参加したい活動", "MA", "活動", "T2", nil, "Q2=1"},
			{"Q4", "近所で助け合えると思うか", "SC", "5段階", "T1", nil, nil},
			{"Q5", "この1年間の活動参加回数", "NUM", nil, "T2", nil, nil},
			{"Q6", "自由意見", "FA", nil, nil, nil, nil},
		},
		{
			{"性別", 1, "男性", nil, nil, nil}, {"性別", 2, "女性", nil, nil, nil},
			{"年代", 1, "39歳以下", nil, nil, nil}, {"年代", 2, "40〜64歳", nil, nil, nil}, {"年代", 3, "65歳以上", nil, nil, nil},
			{"付き合い", 1, "よくある", nil, nil, nil}, {"付き合い", 2, "ときどき", nil, nil, nil}, {"付き合い", 3, "ない", nil, nil, nil},
			{"参加", 1, "参加している", nil, nil, nil}, {"参加", 2, "参加していない", nil, nil, nil},
			{"活動", 1, "見守り", nil, nil, nil}, {"活動", 2, "防災", nil, nil, nil}, {"活動", 3, "子育て", nil, nil, nil},
			{"5段階", 1, "そう思う", nil, 5, "○"}, {"5段階", 2, "ややそう思う", nil, 4, "○"},
			{"5段階", 3, "どちらともいえない", nil, 3, nil}, {"5段階", 4, "あまりそう思わない", nil, 2, nil},
			{"5段階", 5, "そう思わない", nil, 1, nil},
			{"評価", 1, "できている", nil, nil, "○"}, {"評価", 2, "ややできている", nil, nil, "○"},
			{"評価", 3, "あまりできていない", nil, nil, nil}, {"評価", 4, "できていない", nil, nil, nil},
		},
		{
			{"I1", "近所付き合いがある人の割合", "T1", "Q1", "1,2", nil, nil, 80, "増"},
			{"I2", "助け合えないと思う人の割合", "T1", "Q4", "4,5", 25, 40, 10, "減"},
		},
		{
			{"H01", "団体名", "団体名", "C2", nil, nil, nil},
			{"H02", "団体種別", "団体種別", "C3", nil, nil, nil},
			{"H03", "活動地区", "地区", "C4", nil, nil, nil},
			{"H04", "連携", "評価", "C5", nil, "T1", "評価"},
			{"H05", "活動の広がり", "評価", "C6", nil, "T2", "評価"},
			{"H06", "会員数", "数値", "C7", nil, nil, nil},
			{"H07", "成果", "記述", "C8", nil, "T2", nil},
			{"H08", "課題", "記述", "C9", nil, nil, nil},
		},
	}
	return sheets
}

// Column order of the small batch's response files.
var smallHeader = []any{"回答者ID", "F1", "F2", "F3", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6"}

// smallRows are the 20 current respondents (S01-S14 in a.xlsx, S15-S20 in b.csv);
// nil is a blank cell. small/README.md computes its figures from this table.
var smallRows = [][]any{
	{"S01", "北", 1, 1, 1, 1, "1,2", 1, 5, "近所の人とあいさつをするようになった"},
	{"S02", "北", 2, 2, 1, 1, "2", 2, 3, nil},
	{"S03", "北", 1, 3, 1, 2, nil, 2, 0, nil},
	{"S04", "北", 2, 3, 2, 1, "1,3", 3, 2, "もっと活動に参加したい"},
	{"S05", "北", 2, 2, 2, 2, nil, 1, 0, nil},
	{"S06", "北", 1, 1, 3, 2, nil, 4, nil, nil},
	{"S07", "北部", 2, 3, 1, 1, "1", 2, 10, nil},
	{"S08", "北", 1, 2, nil, 2, nil, 3, 0, nil},
	{"S09", "中央", 2, 1, 2, 1, "3", 1, 4, "子育て中の親が集まれる場所がほしい"},
	{"S10", "中央", 1, 2, 2, 2, nil, 2, 0, nil},
	{"S11", "中央", 2, 3, 3, 2, nil, 5, 0, nil},
	{"S12", "中央", 2, 2, 1, 1, "1,2,3", 1, 8, nil},
	{"S13", "中央", 1, 1, 3, 2, nil, 4, 1, nil},
	{"S14", "02", 2, 3, 2, nil, nil, 3, nil, nil},
	{"S15", "中央", 1, 2, 2, 2, nil, nil, 0, nil},
	{"S16", "南", 2, 3, 1, 1, "2", 1, 6, "防災訓練に近所の人と参加した"},
	{"S17", "南町１丁目", 1, 3, 2, 2, nil, 2, 0, nil},
	{"S18", "南", 2, 2, 3, 2, nil, 5, 0, nil},
	{"S19", "南", 1, 1, 2, 1, "1", 2, 3, nil},
	{"S20", nil, 2, 2, 1, 2, nil, 3, 0, nil},
}

// smallCSV is b.csv: the header and S15-S20 as text.
var smallCSV = func() [][]string {
	rows := [][]string{anyStrings(smallHeader)}
	for _, r := range smallRows[14:] {
		rows = append(rows, anyStrings(r))
	}
	return rows
}()

// anyStrings formats cells as CSV text (nil = empty).
func anyStrings(r []any) []string {
	s := make([]string, len(r))
	for i, v := range r {
		switch v := v.(type) {
		case string:
			s[i] = v
		case int:
			s[i] = strconv.Itoa(v)
		}
	}
	return s
}

func smallResponsesXLSX() (*excelize.File, error) {
	return xlsxbuild.Book(xlsxbuild.Sheet{Name: "回答", Rows: append([][]any{smallHeader}, smallRows[:14]...)})
}

// smallBaseline is the plan-start survey: 15 respondents, no Q4 (added later).
func smallBaseline() (*excelize.File, error) {
	return xlsxbuild.Book(xlsxbuild.Sheet{Name: "回答", Rows: [][]any{
		{"回答者ID", "F1", "F2", "F3", "Q1", "Q2", "Q3", "Q5", "Q6"},
		{"B01", "北", 1, 1, 1, 1, "1", 2, nil},
		{"B02", "北", 2, 2, 2, 2, nil, 0, nil},
		{"B03", "北", 1, 3, 3, 2, nil, 0, nil},
		{"B04", "北", 2, 3, 1, 1, "2", 1, nil},
		{"B05", "北", 2, 2, 3, 2, nil, 0, nil},
		{"B06", "中央", 1, 1, 2, 1, "1,3", 4, nil},
		{"B07", "中央", 2, 2, 3, 2, nil, 0, nil},
		{"B08", "中央", 1, 3, 1, 2, nil, 0, nil},
		{"B09", "中央", 2, 2, 2, 2, nil, 0, nil},
		{"B10", "中央", 2, 3, 3, 2, nil, 0, nil},
		{"B11", "南", 1, 2, 1, 1, "2", 3, nil},
		{"B12", "南", 2, 3, 2, 2, nil, 0, nil},
		{"B13", "南", 2, 1, 3, 2, nil, 0, nil},
		{"B14", "南", 1, 2, 2, 2, nil, 0, nil},
		{"B15", "北", 2, 2, nil, 2, nil, 0, nil},
	}})
}

// testHearingForms writes form sheets with labels in column B and values in
// column C (cells C2..C9 of sheet ヒアリング項目). The messy variant adds a
// 記入例 sheet first and merges the 団体名, 成果 and 課題 cells.
func testHearingForms(messy bool) (*excelize.File, error) {
	labels := []string{"団体名", "団体種別", "活動地区", "連携", "活動の広がり", "会員数", "成果", "課題"}
	orgs := [][]any{
		{"北地区社会福祉協議会", "地区社協", "北", 1, 2, 25, "近所のあいさつ運動が広がった", "活動の担い手が不足している"},
		{"中央ボランティアの会", "ボランティア団体", "中央、南", "ややできている", 3, 12, "子育てサロンを始めた", "参加者が固定化している"},
	}
	sheets := []string{"団体A", "団体B"}
	if messy {
		sheets = []string{"記入例", "団体A"}
		orgs = [][]any{
			{"（記入例）〇〇地区社会福祉協議会", "地区社協", "〇〇", 2, 2, 30, "（記入例）見守り訪問を始めた", "（記入例）担い手が少ない"},
			orgs[0],
		}
	}
	var book []xlsxbuild.Sheet
	for s, sheet := range sheets {
		cells := map[string]any{"A1": "ヒアリングシート"}
		for i, l := range labels {
			row := strconv.Itoa(i + 2)
			cells["B"+row], cells["C"+row] = l, orgs[s][i]
		}
		var merges [][2]string
		if messy {
			merges = [][2]string{{"C2", "F2"}, {"C8", "F8"}, {"C9", "F9"}}
		}
		book = append(book, xlsxbuild.Sheet{Name: sheet, Cells: cells, Merges: merges})
	}
	return xlsxbuild.Book(book...)
}

// messyHearingList is a tabular sheet: one organization per row. Row 3 repeats
// 団体A of forms.xlsx with other values; row 4 has a rating that is not on the scale.
func messyHearingList() (*excelize.File, error) {
	return xlsxbuild.Book(xlsxbuild.Sheet{Name: "一覧", Rows: [][]any{
		{"団体名", "団体種別", "活動地区", "連携", "活動の広がり", "会員数", "成果", "課題"},
		{"中央ボランティアの会", "ボランティア団体", "中央、南", "ややできている", 3, 12, "子育てサロンを始めた", "参加者が固定化している"},
		{"北地区社会福祉協議会", "地区社協", "北", 2, 2, 30, "見守り訪問を始めた", "担い手が少ない"},
		{"南子ども会", "子ども会", "南", "普通", 1, 20, nil, nil},
	}})
}

// messyCSV is messy/responses/a.csv (written as CP932). Record numbers in the
// comments count the header as record 1, as Excel shows the rows.
var messyCSV = [][]string{
	{"回答者ID", "F1", "F2", "F3", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6"},      // 1
	{"M01", "北", "1", "1", "１", "1", "1、3", "2", "３", "近所の方にお世話になっています"}, // 2 full-width digits
	{"M02", "南町１丁目", "女性", "2", "2", "1", "2", "1", "0", ""},             // 3 town, label
	{"M03", "中央", "2", "3", "7", "2", "", "3", "1", ""},                  // 4 E4 unknown code
	{"M04", "北", "1", "2", "1,2", "1", "1", "2", "2", ""},                // 5 E5 two values in SA
	{"M05", "南", "2", "1", "ときどき", "2", "", "4", "たくさん", ""},             // 6 label; I6 not a number
	{"M06", "西", "1", "2", "1", "2", "", "2", "0", ""},                   // 7 B7 unknown district
	{"M07", "", "2", "3", "2", "2", "", "3", "0", ""},                    // 8 blank district: 地区不明
	{"M08", "中央", "1", "1", "3", "2", "2", "5", "0", ""},                 // 9 G9 outside 対象条件
	{"", "", "", "", "", "", "", "", "", ""},                             // 10 empty row
	{"M09", "北", "2", "2", "2", "1", "1、2", "1", "4", ""},                // 11
	{"M09", "北", "2", "2", "2", "1", "1、2", "1", "4", ""},                // 12 exact duplicate
	{"M10", "中央", "1", "3", "2", "2", "", "3", "0", ""},                  // 13
	{"M10", "中央", "1", "3", "3", "2", "", "3", "0", ""},                  // 14 A14 duplicate ID
}

// messyResponsesXLSX has two title rows, the header in row 3, the question texts
// in row 4, Q3 split into Q3_1..Q3_3 with ○/✓/●/1/TRUE marks and an unknown column.
func messyResponsesXLSX() (*excelize.File, error) {
	q := "参加したい活動"
	return xlsxbuild.Book(xlsxbuild.Sheet{Name: "回答", Rows: [][]any{
		{"テスト区 中間振り返り 回答データ"},
		{"入力：2026年10月　地域力推進担当"},
		{"回答者ID", "F1", "F2", "F3", "Q1", "Q2", "Q3_1", "Q3_2", "Q3_3", "Q4", "Q5", "Q6", "メモ"},
		{nil, "お住まいの地区", "性別", "年代", "近所付き合いの程度", "地域活動への参加", q, q, q, "近所で助け合えると思うか", "この1年間の活動参加回数", "自由意見"},
		{"M11", "北", 1, 1, 1, 1, "○", nil, "✓", 2, 4, nil, nil},
		{"M12", "中央", 2, 2, "2", 1, 1, 1, 0, 1, 2, "近所の公園で体操の会に参加しています", nil},
		{"M13", "南町１丁目", 1, 3, 3, 2, nil, nil, nil, 3, 0, nil, "郵送遅れ"},
		{"M14", "中央", 2, 1, "２", 1, nil, "●", nil, 4, "１２", nil, nil},
		{"M15", "北部", 2, 2, 1, 1, true, false, nil, 1, 3, nil, nil},
	}})
}
