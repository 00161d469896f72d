package batchgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// The yearly-cycle test batches (testdata/batches/progress and cycle): the
// small codebook plus sheet 取組 with five initiatives; progress/ with a list
// (three years written 2023, R6, 令和7年度) and a form workbook; cycle/ adds
// small/'s survey and hearings and history/ holding the small golden run.
// Hand-computed expectations are in ingest/progress_test.go and
// cmd/midreview/cycle_test.go.

// cycleDefinitions is testDefinitions plus sheet 取組.
func cycleDefinitions() (*excelize.File, error) {
	f, err := testDefinitions()
	if err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(ingest.InitiativesSheet.Name); err != nil {
		return nil, err
	}
	rows := [][]any{
		{"A1", "見守り訪問", "北", "T1", "北地区推進委員会", "訪問件数", "件", 100},
		{"A2", "子育てサロン", "中央", "T2", "中央地区推進委員会", "参加者数", "人", 200},
		{"A3", "防災訓練", "南", "T1", "南地区推進委員会", nil, nil, nil},
		{"A4", "情報誌の発行", nil, "T2", "区社会福祉協議会", "発行部数", "部", 5000},
		{"A5", "健康づくり講座", "区全体", nil, "福祉保健課", "開催回数", "回", 12},
	}
	if err := sheetTable(f, ingest.InitiativesSheet.Name, ingest.InitiativesSheet.Headers(), nil, rows); err != nil {
		return nil, err
	}
	return f, nil
}

// cycleProgressList is progress/list.xlsx: one row per initiative and year.
func cycleProgressList() (*excelize.File, error) {
	return xlsxbuild.Book(xlsxbuild.Sheet{Name: "一覧", Rows: [][]any{
		{"令和7年度 地区計画の振り返り"},
		{},
		{"年度", "取組ID", "取組名", "進ちょく", "実績", "実施内容", "成果", "課題", "次年度", "ハード"},
		{2023, "A1", "見守り訪問", "順調", 40, "訪問を始めた", "顔見知りが増えた", "担い手が足りない", "継続", nil},
		{"R6", "A1", nil, "概ね順調", 70, "訪問を続けた", nil, "担い手が高齢化している", "継続", nil},
		{"令和7年度", "A1", nil, "やや遅れ", 80, "訪問を続けた", nil, "担い手が足りない", "見直し", "集会所に段差がある"},
		{2024, nil, "子育てサロン", 1, 120, "月1回開催", nil, nil, "拡充", nil},
		{2025, "A2", nil, 2, 150, "月2回開催", nil, "会場が狭い", "継続", nil},
		{2025, "A4", nil, "遅れ", 1500, "年2回発行", nil, "配布先が少ない", "見直し", nil},
		{2025, "A5", nil, "順調", "12回", "講座を開いた", nil, nil, "終了", nil},
	}})
}

// cycleProgressForm is progress/minami.xlsx: a 記入例 and two form sheets of
// 防災訓練 (A3), years from the cell and from the sheet name.
func cycleProgressForm() (*excelize.File, error) {
	return xlsxbuild.Book(
		xlsxbuild.Sheet{Name: "記入例", Rows: [][]any{{"取組ID", "A9"}}},
		xlsxbuild.Sheet{Name: "2024", Rows: [][]any{
			{"振り返りシート"},
			{"取組ID", "A3"},
			{"進ちょく", "概ね順調"},
			{"課題"},
			{"参加者が固定している"},
			{"次年度", "継続"},
		}},
		xlsxbuild.Sheet{Name: "R7", Rows: [][]any{
			{"振り返りシート"},
			{"年度", "2025年度", nil, "取組名", "防災訓練"},
			{"進ちょく", "遅れ"},
			{"課題", "雨で中止になった"},
			{"次年度", "見直し"},
		}},
	)
}

// addCycleBatches adds progress/ and cycle/ to the generated test batches.
func addCycleBatches(out map[string][]byte) error {
	books := map[string]func() (*excelize.File, error){
		"definitions.xlsx":     cycleDefinitions,
		"progress/list.xlsx":   cycleProgressList,
		"progress/minami.xlsx": cycleProgressForm,
	}
	if err := addBooks(out, books, "progress/", "cycle/"); err != nil {
		return err
	}
	for _, name := range []string{"responses/a.xlsx", "responses/a.xlsx.txt", "responses/b.csv", "baseline/base.xlsx",
		"baseline/base.xlsx.txt", "hearings/forms.xlsx", "hearings/forms.xlsx.txt"} {
		if data, ok := out["small/"+name]; ok {
			out["cycle/"+name] = data
		}
	}
	golden := filepath.Join("..", "..", "testdata", "golden", "small")
	for _, name := range []string{"manifest.json", "data/indicators.csv"} {
		data, err := os.ReadFile(filepath.Join(golden, filepath.FromSlash(name)))
		if err != nil {
			return fmt.Errorf("history copy: %w", err)
		}
		if name == "manifest.json" {
			// The history run is an earlier survey (2025年度): its manifest
			// dates it a year before the current run (2026-11-01), so that
			// 前回 is named with an earlier year than 今回.
			dated := bytes.Replace(data, []byte(`"date": "2026-11-01"`), []byte(`"date": "2025-11-01"`), 1)
			if bytes.Equal(dated, data) {
				return fmt.Errorf("history copy: %s has no date 2026-11-01", name)
			}
			data = dated
		}
		out["cycle/history/2025_small/"+name] = data
	}
	return nil
}
