package batchgen

import (
	"slices"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// The ソフトとハードの連携 test batch (testdata/batches/hard): cycle/'s codebook
// with the sample's sheet ハード分類, cycle/'s progress/, small/'s baseline,
// and small/'s respondents whose Q6 answers and hearing 課題 are replaced by
// texts that call for a physical fix (hardQ6), near-misses that must not be
// tagged, and strings of analyze/mask_test.go that must never be published.
// The end-to-end golden is cmd/midreview/hard_e2e_test.go.

// hardQ6 are the Q6 answers of the hard batch by respondent (others blank).
// 北 8, 中央 7, 南 4 and 地区不明 1 respondents: 南 and 地区不明 are under
// 秘匿基準 5, so their texts are counted but never quoted.
var hardQ6 = map[string]string{
	"S01": "近所の人とあいさつをするようになった",
	"S02": "駅までの歩道に段差が多く、田中太郎さんも転びそうになった。連絡先は090-1234-5678です。",
	"S03": "公園愛護会の活動に参加しています。",
	"S04": "夜道が暗いので街灯を増やしてほしい。山田さんの家の前は特に暗い。",
	"S05": "バス停にベンチがなく、待つのがつらい。",
	"S07": "空き家が増えている。南町１丁目2番3号の空き家は草が伸び放題です。",
	"S08": "公園の遊具が古くなっている。メールはtaro.yamada@example.co.jpへ",
	"S09": "空き店舗を地域の居場所にできないかと思います。",
	"S10": "駅前の段差解消済みの通路は歩きやすくなった。",
	"S11": "集まる場所がない。〒223-0061の自治会館は古くて使いにくい。",
	"S12": "バス旅行が楽しかった。",
	"S13": "子どもが遊べる広場がほしい。民生委員の鈴木様にも相談した。",
	"S14": "交通安全教室に参加した。",
	"S15": "坂道が多く、買い物に行くのが大変です。",
	"S16": "バス路線が減り、通院が大変です。",
	"S17": "近くの空き家で小林一郎さんが困っている。",
	"S19": "公園が暗くて夜は怖い。",
	"S20": "家の前の街灯が切れたままです。",
}

// hardRespondents returns smallRows[from:to] with Q6 from hardQ6.
func hardRespondents(from, to int) [][]any {
	var rows [][]any
	for _, r := range smallRows[from:to] {
		r = slices.Clone(r)
		r[len(r)-1] = nil
		if s, ok := hardQ6[r[0].(string)]; ok {
			r[len(r)-1] = s
		}
		rows = append(rows, r)
	}
	return rows
}

// hardDefinitions is cycleDefinitions plus the sample's sheet ハード分類.
func hardDefinitions() (*excelize.File, error) {
	f, err := cycleDefinitions()
	if err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(ingest.HardSheet.Name); err != nil {
		return nil, err
	}
	if err := sheetTable(f, ingest.HardSheet.Name, ingest.HardSheet.Headers(), nil, hardRows()); err != nil {
		return nil, err
	}
	return f, nil
}

// hardHearingForms are small/'s two hearing forms with 課題 that call for a
// physical fix (one with a name to be masked), and a third organization of 南.
func hardHearingForms() (*excelize.File, error) {
	labels := []string{"団体名", "団体種別", "活動地区", "連携", "活動の広がり", "会員数", "成果", "課題"}
	orgs := [][]any{
		{"北地区社会福祉協議会", "地区社協", "北", 1, 2, 25, "近所のあいさつ運動が広がった",
			"サロン会場の集会所に段差があり、車いすの佐藤花子さんが入れない"},
		{"中央ボランティアの会", "ボランティア団体", "中央、南", "ややできている", 3, 12, "子育てサロンを始めた",
			"活動場所が足りない。商店街の空き店舗を借りられないか"},
		{"南地区自治会連合会", "自治会・町内会", "南", 2, 2, 40, "防災訓練の参加者が増えた",
			"バスの本数が減り、高齢者が会合に来られない"},
	}
	var book []xlsxbuild.Sheet
	for s, sheet := range []string{"団体A", "団体B", "団体C"} {
		cells := map[string]any{"A1": "ヒアリングシート"}
		for i, l := range labels {
			row := string(rune('2' + i))
			cells["B"+row], cells["C"+row] = l, orgs[s][i]
		}
		book = append(book, xlsxbuild.Sheet{Name: sheet, Cells: cells})
	}
	return xlsxbuild.Book(book...)
}

// addHardBatch adds hard/ to the generated test batches (after small/ and cycle/).
func addHardBatch(out map[string][]byte) error {
	books := map[string]func() (*excelize.File, error){
		"definitions.xlsx": hardDefinitions,
		"responses/a.xlsx": func() (*excelize.File, error) {
			return xlsxbuild.Book(xlsxbuild.Sheet{Name: "回答", Rows: append([][]any{smallHeader}, hardRespondents(0, 14)...)})
		},
		"hearings/forms.xlsx": hardHearingForms,
	}
	if err := addBooks(out, books, "hard/"); err != nil {
		return err
	}
	csvRows := [][]string{anyStrings(smallHeader)}
	for _, r := range hardRespondents(14, len(smallRows)) {
		csvRows = append(csvRows, anyStrings(r))
	}
	out["hard/responses/b.csv"] = csvBytes(csvRows, true)
	for _, name := range []string{"baseline/base.xlsx", "baseline/base.xlsx.txt", "progress/list.xlsx",
		"progress/list.xlsx.txt", "progress/minami.xlsx", "progress/minami.xlsx.txt"} {
		src := "small/" + name
		if _, ok := out[src]; !ok {
			src = "cycle/" + name
		}
		out["hard/"+name] = out[src]
	}
	return nil
}
