package batchgen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// The sample plan's initiatives (取組) and their yearly progress sheets: two
// per district and three of the ward-wide plan, reviewed in fiscal years
// 2023–2025. Even-numbered districts and the ward report on one list per year
// (progress/2023.xlsx …); odd-numbered districts fill in one form per
// initiative and year (progress/district_NN.xlsx), as committees do.

// sampleYears are the fiscal years of the sample's progress sheets.
var sampleYears = []int{2023, 2024, 2025}

// initiativeBank holds per theme (sampleThemes order) an initiative name, its
// 活動指標, 単位 and a plan-end target for one district.
var initiativeBank = [][4]string{
	{"あいさつ運動と顔の見える交流会", "交流会の参加者数", "人", "300"},
	{"地域活動の担い手養成講座", "講座の修了者数", "人", "40"},
	{"身近な相談窓口の周知", "相談会の開催回数", "回", "24"},
	{"災害時要援護者の見守り訓練", "訓練の参加者数", "人", "200"},
	{"ウォーキングと健康体操の会", "延べ参加者数", "人", "600"},
	{"多世代が集えるサロンの運営", "サロンの開催回数", "回", "48"},
}

// wardInitiatives are the ward-wide plan's initiatives: name, theme, 担当,
// 活動指標, 単位, 目標.
var wardInitiatives = [][6]string{
	{"地区計画推進委員会の支援", "T2", "区役所福祉保健課", "支援した会議の回数", "回", "60"},
	{"福祉保健の情報誌の発行", "T3", "区社会福祉協議会", "発行部数", "部", "30000"},
	{"防災と見守りのネットワークづくり", "T4", "区役所総務課", "協定を結んだ団体数", "団体", "40"},
}

// sampleInitiative is one row of sheet 取組.
type sampleInitiative struct {
	ID, Name, District, Theme, Owner, Measure, Unit string
	Target                                          float64
	form                                            bool // reported on form sheets
}

// sampleInitiatives returns the sample's initiatives in sheet order.
func sampleInitiatives() []sampleInitiative {
	var out []sampleInitiative
	for i, d := range sampleDistricts {
		for k, t := range []int{i % len(sampleThemes), (i + 3) % len(sampleThemes)} {
			b := initiativeBank[t]
			tg, _ := strconv.ParseFloat(b[3], 64)
			out = append(out, sampleInitiative{ID: fmt.Sprintf("P%02d", len(out)+1), Name: d.Name + "の" + b[0],
				District: d.Name, Theme: sampleThemes[t][0], Owner: d.Name + "地区計画推進委員会", Measure: b[1], Unit: b[2],
				Target: tg, form: i%2 == 1})
			_ = k
		}
	}
	for _, w := range wardInitiatives {
		tg, _ := strconv.ParseFloat(w[5], 64)
		out = append(out, sampleInitiative{ID: fmt.Sprintf("P%02d", len(out)+1), Name: w[0], Theme: w[1], Owner: w[2],
			Measure: w[3], Unit: w[4], Target: tg})
	}
	return out
}

// initiativeRows returns the 取組 rows.
func initiativeRows(ins []sampleInitiative) [][]any {
	var rows [][]any
	for _, in := range ins {
		r := row(ingest.InitiativesSheet)
		r[ingest.ColInitID], r[ingest.ColInitName], r[ingest.ColInitDistrict] = in.ID, in.Name, in.District
		r[ingest.ColInitTheme], r[ingest.ColInitOwner], r[ingest.ColInitMeasure] = in.Theme, in.Owner, in.Measure
		r[ingest.ColInitUnit], r[ingest.ColInitTarget] = in.Unit, in.Target
		rows = append(rows, r)
	}
	return rows
}

// sampleRecord is one initiative's synthetic progress for one year.
type sampleRecord struct {
	in                     sampleInitiative
	year                   int
	rating                 string
	actual                 float64
	done, outcome, issues  string
	next, hard             string
	ratingCode, yearFormat int
}

var (
	ratingLabels  = []string{"順調", "概ね順調", "やや遅れ", "遅れ"}
	progressDone  = []string{"年間の計画どおりに実施した。", "回数を増やして実施した。", "会場を変えて実施した。", "オンラインを併用して実施した。"}
	progressGood  = []string{"新しい参加者が増えた。", "自治会との連携が深まった。", "若い世代の参加があった。", "関係機関との顔の見える関係ができた。"}
	progressIssue = []string{"担い手が高齢化し、次の担い手が見つからない。", "周知が届かず参加者が固定している。",
		"会場の確保が難しい。", "若い世代の参加が少ない。", "{集会所}の段差が大きく、車いすの人が参加しにくい。", "{駅からの}夜道が暗く、帰りが不安という声がある。",
		"{地区の}商店街の空き店舗を活動拠点に使いたいが、改修の費用が出せない。", "{町の}坂の途中のバス停にベンチがなく、参加者の行き来が大変。"}
	progressNext = []string{"継続", "継続", "拡充", "見直し"}
)

// sampleRecords draws every initiative's records for sampleYears.
func (g *sampleGen) sampleRecords() [][]sampleRecord {
	r := g.rng(7)
	ins := sampleInitiatives()
	out := make([][]sampleRecord, len(ins))
	for i, in := range ins {
		level := r.IntN(2) // 0 順調 or 1 概ね順調 at the start
		for k, y := range sampleYears {
			if k > 0 {
				switch x := r.Float64(); {
				case x < 0.2 && level < 3:
					level++ // slipped
				case x < 0.45 && level > 0:
					level--
				}
			}
			share := (0.3 + 0.25*float64(k)) * (1.1 - 0.15*float64(level)) * (0.9 + 0.2*r.Float64())
			rec := sampleRecord{in: in, year: y, rating: ratingLabels[level], ratingCode: level + 1,
				actual:     math.Round(in.Target * share),
				done:       progressDone[r.IntN(len(progressDone))],
				outcome:    progressGood[r.IntN(len(progressGood))],
				issues:     progressIssue[r.IntN(len(progressIssue))],
				next:       progressNext[min(level, 3)],
				yearFormat: (i + k) % 3}
			if slices.Index(progressIssue, rec.issues) >= 4 { // the issues that need a physical fix
				rec.hard = rec.issues
			}
			rec.issues, rec.hard = placeText(rec.issues, districtIndex(in.District)), placeText(rec.hard, districtIndex(in.District))
			out[i] = append(out[i], rec)
		}
	}
	return out
}

// yearText writes a fiscal year as staff do: 2025, R7 or 令和7年度.
func yearText(y, format int) string {
	switch format {
	case 1:
		return "R" + strconv.Itoa(y-2018)
	case 2:
		return "令和" + strconv.Itoa(y-2018) + "年度"
	}
	return strconv.Itoa(y)
}

// progressFiles returns the sample's progress workbooks: one list per year
// and one form workbook per odd-numbered district.
func (g *sampleGen) progressFiles() []file {
	var files []file
	for k, y := range sampleYears {
		files = append(files, file{fmt.Sprintf("progress/%d.xlsx", y), func(w io.Writer) error {
			return g.writeProgressList(w, k)
		}})
	}
	for i, d := range sampleDistricts {
		if i%2 == 1 {
			files = append(files, file{"progress/district_" + d.Code + ".xlsx", func(w io.Writer) error {
				return g.writeProgressForms(w, d.Name)
			}})
		}
	}
	return files
}

// writeProgressList writes the list of year index k: every initiative not on forms.
func (g *sampleGen) writeProgressList(w io.Writer, k int) error {
	f, err := xlsxbuild.New(ingest.ProgressSheet.Name)
	if err != nil {
		return err
	}
	cols := ingest.ProgressSheet.Columns
	var hdr []string
	var widths []float64
	for _, c := range cols {
		hdr = append(hdr, c.Name)
		widths = append(widths, c.Width)
	}
	var rows [][]any
	for _, recs := range g.sampleRecords() {
		rc := recs[k]
		if rc.in.form {
			continue
		}
		r := make([]any, len(cols))
		r[ingest.ColProgYear], r[ingest.ColProgID], r[ingest.ColProgName] = yearText(rc.year, rc.yearFormat), rc.in.ID, rc.in.Name
		r[ingest.ColProgRating], r[ingest.ColProgActual], r[ingest.ColProgDone] = rc.rating, rc.actual, rc.done
		r[ingest.ColProgOutcome], r[ingest.ColProgIssues], r[ingest.ColProgNext], r[ingest.ColProgHard] = rc.outcome, rc.issues, rc.next, rc.hard
		rows = append(rows, r)
	}
	if err := sheetTable(f, ingest.ProgressSheet.Name, hdr, widths, rows); err != nil {
		return err
	}
	return saveBook(f, w)
}

// writeProgressForms writes one form sheet per initiative and year of district.
func (g *sampleGen) writeProgressForms(w io.Writer, district string) error {
	var recs []sampleRecord
	for _, rs := range g.sampleRecords() {
		if rs[0].in.District == district {
			recs = append(recs, rs...)
		}
	}
	var names []string
	for _, rc := range recs {
		names = append(names, fmt.Sprintf("%s_%d", rc.in.ID, rc.year))
	}
	f, err := xlsxbuild.New(names...)
	if err != nil {
		return err
	}
	for i, rc := range recs {
		if err := drawProgressForm(f, names[i], rc); err != nil {
			return err
		}
	}
	return saveBook(f, w)
}

// drawProgressForm draws the 振り返りシート: a title, labels in column B and
// values in column C (texts below their labels in merged blocks).
func drawProgressForm(f *excelize.File, sheet string, rc sampleRecord) error {
	set := func(cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			panic(err)
		}
	}
	h := ingest.ProgressSheet.Header
	set("B1", "地区計画 振り返りシート")
	set("B3", h(ingest.ColProgYear))
	set("C3", yearText(rc.year, 2))
	set("B4", h(ingest.ColProgID))
	set("C4", rc.in.ID)
	set("B5", h(ingest.ColProgName))
	set("C5", rc.in.Name)
	set("B6", h(ingest.ColProgRating))
	set("C6", rc.rating)
	set("B7", h(ingest.ColProgActual))
	set("C7", rc.actual)
	set("D7", rc.in.Unit)
	set("B9", h(ingest.ColProgDone))
	set("B10", rc.done)
	set("B12", h(ingest.ColProgOutcome))
	set("B13", rc.outcome)
	set("B15", h(ingest.ColProgIssues))
	set("B16", rc.issues)
	set("B18", h(ingest.ColProgNext))
	set("C18", rc.next)
	if rc.hard != "" {
		set("B19", h(ingest.ColProgHard))
		set("C19", rc.hard)
	}
	for _, r := range []int{10, 13, 16} {
		if err := f.MergeCell(sheet, fmt.Sprintf("B%d", r), fmt.Sprintf("F%d", r)); err != nil {
			return err
		}
	}
	return f.SetColWidth(sheet, "B", "B", 14)
}

// historyDir is the sample's copy of an earlier run (history/).
const historyDir = "history/2023_ishiki"

// historyFiles returns the sample's history/ copy: an earlier run's
// manifest.json and data/indicators.csv, the manifest holding the CSV's hash.
func (g *sampleGen) historyFiles() []file {
	csvData := g.historyIndicators()
	sum := sha256.Sum256(csvData)
	manifest := fmt.Sprintf(`{
  "tool": "midreview",
  "date": "2023-11-01",
  "settings": {
    "plan_name": "ひっとプラン港北（第4期）",
    "survey_name": "令和5年度 区民意識調査"
  },
  "outputs": [
    {
      "path": "data/indicators.csv",
      "sha256": "%s",
      "size": %d
    }
  ]
}
`, hex.EncodeToString(sum[:]), len(csvData))
	return []file{
		{historyDir + "/manifest.json", func(w io.Writer) error { _, err := io.WriteString(w, manifest); return err }},
		{historyDir + "/data/indicators.csv", func(w io.Writer) error { _, err := w.Write(csvData); return err }},
	}
}

// historyLevels are the sample's 2023 levels (全体, %) by 指標ID: on the way
// from the plan-start survey to this one, short of the target in the
// indicator's own direction (a 減 indicator such as I3 or I7 is above its
// target, not below it).
// Note: the values were read off the demo's 策定時 and 今回 (2,000
// respondents); a drawn share of the target put the 減 indicators below
// their targets in 2023, which no plan's middle year looks like.
var historyLevels = map[string]float64{
	"I1": 38.5, "I2": 21.5, "I3": 8.1, "I4": 36.8, "I5": 41.5, "I6": 42.6, "I7": 46.2,
}

// historyIndicators is the earlier run's indicators.csv: 全体 only, each
// value its historyLevels level with up to ±1 point of noise.
func (g *sampleGen) historyIndicators() []byte {
	r := g.rng(8)
	var b bytes.Buffer
	b.WriteString("\ufeffindicator_id,name,theme,question_id,group,baseline,baseline_n,current,current_n,ci_low,ci_high,target,direction,p_value,evaluation\r\n")
	for _, in := range sampleIndicators {
		v, ok := historyLevels[in.ID]
		if !ok {
			v = in.Target * 0.8
			if in.Direction == "減" {
				v = in.Target * 1.25
			}
		}
		v = math.Max(0, v+2*r.Float64()-1)
		fmt.Fprintf(&b, "%s,%s,%s,%s,全体,,,%.4f,%d,,,%.1f,%s,,\r\n", in.ID, in.Name, in.Theme, in.Question, v, 1100+r.IntN(200), in.Target, in.Direction)
	}
	return b.Bytes()
}
