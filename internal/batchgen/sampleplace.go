package batchgen

import "strings"

// Places in the sample's texts. Residents, organizations and initiatives
// name where a physical problem is (a street of their 町, the station, their
// 集会所), so the demo's linkage list can show the 場所 that analyze finds
// (analyze/hardplace.go). A bank text marks a place by one of these, each
// with the particle it takes, filled for the text's district by placeText:
//
//	{町の}     a 町名 of sheet 町名 with its 丁目 in kanji, as residents write it: 日吉本町一丁目の
//	{駅からの} the district's station or bus stop: 日吉駅からの, 新吉田町のバス停からの
//	{駅への}   the same: 日吉駅への
//	{集会所}   the 集会所 named after the district's first town: 日吉本町集会所
//	{地区の}   the district's name: 日吉の
//
// A ward-wide initiative (no district) names no place: the marks are dropped
// and {集会所} is a bare 集会所.

// sampleStations are the districts' stations, or a bus stop where the
// district has none (parallel to sampleDistricts).
var sampleStations = []string{"日吉駅", "綱島駅", "高田駅", "新吉田町のバス停", "新吉田東のバス停", "新羽駅",
	"小机駅", "篠原町のバス停", "菊名駅", "大倉山駅", "大曽根台のバス停", "樽町のバス停", "師岡町のバス停"}

// placeText fills the place marks of s for district d (index into
// sampleDistricts; -1: none).
func placeText(s string, d int) string {
	if !strings.Contains(s, "{") {
		return s
	}
	town, base, station, name := "", "", "", ""
	if d >= 0 && d < len(sampleDistricts) {
		for _, t := range sampleTowns {
			if t.District == d {
				town = kanjiChome(t.Name)
				base = town
				if i := strings.Index(town, "丁目"); i > 0 {
					base = strings.TrimRight(town[:i], "〇一二三四五六七八九")
				}
				break
			}
		}
		station, name = sampleStations[d], sampleDistricts[d].Name
	}
	with := func(p, suffix string) string {
		if p == "" {
			return ""
		}
		return p + suffix
	}
	return strings.NewReplacer("{町の}", with(town, "の"), "{駅からの}", with(station, "からの"),
		"{駅への}", with(station, "への"), "{集会所}", base+"集会所", "{地区の}", with(name, "の")).Replace(s)
}

// kanjiChome writes a 丁目 number in full-width digits as a kanji numeral
// (日吉本町１丁目 → 日吉本町一丁目).
func kanjiChome(s string) string {
	digits := []string{"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"}
	kanji := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	for i := range digits {
		s = strings.ReplaceAll(s, digits[i]+"丁目", kanji[i]+"丁目")
	}
	return s
}

// districtIndex returns the index of the sample district named name, or -1.
func districtIndex(name string) int {
	for i, d := range sampleDistricts {
		if d.Name == name {
			return i
		}
	}
	return -1
}
