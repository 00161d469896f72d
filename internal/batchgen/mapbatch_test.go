package batchgen

import (
	"github.com/xuri/excelize/v2"
)

// addMapBatch adds testdata/batches/map: small/ with sheet 町名 listing the
// towns of a synthetic e-Stat-style boundary file in map/ (TestMapTowns),
// their 丁目 numbers written in kanji, full width and ASCII.
func addMapBatch(out map[string][]byte) error {
	defs := func() (*excelize.File, error) {
		sheets := testDefinitionSheets()
		sheets[2] = [][]any{
			{"南町１丁目", "南"}, {"北町1丁目", "北"}, {"北町２丁目", "北"}, {"北町三丁目", "北"},
			{"中央一丁目", "中央"}, {"中央2丁目", "中央"}, {"南町二丁目", "南"}, {"南町3丁目", "南"},
		}
		return definitionsBook(sheets)
	}
	if err := addBooks(out, map[string]func() (*excelize.File, error){"definitions.xlsx": defs}, "map/"); err != nil {
		return err
	}
	for _, name := range []string{"responses/a.xlsx", "responses/a.xlsx.txt", "responses/b.csv",
		"baseline/base.xlsx", "baseline/base.xlsx.txt", "hearings/forms.xlsx", "hearings/forms.xlsx.txt"} {
		out["map/"+name] = out["small/"+name]
	}
	files, err := TownShapefile(TestMapGrid, TestMapTowns)
	if err != nil {
		return err
	}
	for ext, data := range files {
		out["map/map/r2ka14199"+ext] = data
	}
	return nil
}
