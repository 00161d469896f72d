package batchgen

import (
	"strings"

	"midreview/ingest"
)

// sampleHard are the ハード分類 rows of the sample and the template: the
// categories of inputs.md section 2 with keywords, the city programs that can
// help and who runs them (../shared/domain.md, "Soft and hard").
// Note: keywords are words as residents write them; matching is by whole
// words and compound heads (analyze/hard.go), so a short word such as 坂 or
// バス does not hit 坂本 or バスケットボール, and 公園 does not hit 公園愛護会.
var sampleHard = []struct{ Name, Keywords, Programs, Department string }{
	{"空き家・空き店舗", "空き家、空家、空き店舗、空き地、空き部屋、空き室、シャッター、古民家",
		"空き家の活用相談、地域まちづくり支援制度、まち普請事業", "建築局 住宅政策課"},
	{"道路・歩道・段差", "段差、歩道、道路、道幅、坂、坂道、階段、手すり、ベンチ、点字ブロック、横断歩道、ガードレール、舗装、路面、通学路",
		"まち普請事業、道路の維持補修要望、バリアフリー整備", "土木事務所"},
	{"交通・バス", "バス、バス停、バス路線、バス便、路線バス、コミュニティバス、交通手段、移動手段、乗り合い、乗り合いタクシー、送迎、交通の便",
		"地域交通サポート事業", "都市整備局 地域交通課"},
	{"公園・広場", "公園、広場、遊具、緑地、児童遊園、プレイパーク",
		"公園の再整備相談、公園愛護会への支援、まち普請事業", "土木事務所 公園担当"},
	{"防犯・街灯", "街灯、防犯灯、防犯カメラ、夜道、暗がり、見通し",
		"防犯灯の設置補助、防犯カメラ設置補助", "区 地域振興課"},
	{"集会所・活動拠点", "集会所、自治会館、町内会館、会館、集会室、活動拠点、拠点、活動場所、集まる場所、居場所",
		"地域まちづくり支援制度、まち普請事業、空き家の活用相談", "都市整備局 地域まちづくり課"},
}

// HardCategories returns the sample's ハード分類 as ingest reads them, for
// tests that tag texts without a workbook.
func HardCategories() []ingest.HardCategory {
	out := make([]ingest.HardCategory, len(sampleHard))
	for i, h := range sampleHard {
		out[i] = ingest.HardCategory{Name: h.Name, Keywords: ingest.SplitList(h.Keywords),
			Programs: strings.Split(h.Programs, "、"), Department: h.Department}
	}
	return out
}

// hardRows returns the ハード分類 rows.
func hardRows() [][]any {
	var rows [][]any
	for _, h := range sampleHard {
		r := row(ingest.HardSheet)
		r[ingest.ColHardCategory], r[ingest.ColHardKeywords] = h.Name, h.Keywords
		r[ingest.ColHardPrograms], r[ingest.ColHardDepartment] = h.Programs, h.Department
		rows = append(rows, r)
	}
	return rows
}
