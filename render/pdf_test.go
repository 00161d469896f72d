package render

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"midreview/analyze"
	"midreview/render/pdf"
	"midreview/render/view"
)

// pdfRowT builds a crosstab row from counts (choices then 無回答) over base,
// with marks by head index.
func pdfRowT(group string, base int, counts []int, marks map[int]string, supp, ref bool) view.RowView {
	r := view.RowView{Group: group, N: view.NFig(base), Suppressed: supp, Reference: ref}
	for i, c := range counts {
		f := view.PctFig(sharePct(c, base), supp)
		f.Mark = marks[i]
		r.Cells = append(r.Cells, f)
		r.Counts = append(r.Counts, view.CountFig(c, supp))
	}
	return r
}

func pdfHeads(labels ...string) (heads, codes []string) {
	for i, l := range labels {
		heads = append(heads, l)
		codes = append(codes, strconv.Itoa(i+1))
	}
	return append(heads, "無回答"), append(codes, "NA")
}

func pdfSummaryT(group string, n int, mean, sd, median, lo, hi, top float64, supp, ref bool) view.SummaryRow {
	f := func(v float64) view.Fig {
		if supp {
			return view.Fig{Value: math.NaN(), Text: view.MarkSuppressed, Suppressed: true}
		}
		return view.Fig{Value: v, Text: strconv.FormatFloat(v, 'f', 2, 64)}
	}
	return view.SummaryRow{Group: group, N: view.NFig(n), Mean: f(mean), SD: f(sd), Median: f(median), Min: f(lo), Max: f(hi),
		TopBox: view.FloatPctFig(top, supp), Suppressed: supp, Reference: ref}
}

// testView is a small hand-built view: three districts (and 地区不明), two
// profile questions, an SA with a baseline, an MA, an SC, a NUM and a wide MA
// (14 choices), two indicators, hearings and free text. Percentages come from
// PctFig on the counts written here, e.g. Q3 全体 する 85/200 = 42.5.
func testView() *view.View {
	d := []string{"大倉山地区", "日吉地区", "綱島地区"}
	v := &view.View{
		PlanName: "港北区地域福祉保健計画（第4期）", Ward: "港北区", SurveyName: "地域福祉に関する区民意識調査（中間評価）",
		Date: "2026年11月1日", DateISO: "2026-11-01", Sample: true, Districts: d,
		Settings: []view.KV{{Key: "秘匿基準", Value: "10人未満"}, {Key: "参考値基準", Value: "30人未満"}, {Key: "有意水準", Value: "0.05"}},
	}
	v.Overview.Rows = []view.OverviewRow{
		{Name: "全体", Distributed: view.NFig(400), Valid: view.NFig(200), Rate: view.FloatPctFig(50, false)},
		{Name: d[0], Distributed: view.NFig(150), Valid: view.NFig(90), Rate: view.FloatPctFig(60, false)},
		{Name: d[1], Distributed: view.NFig(150), Valid: view.NFig(84), Rate: view.FloatPctFig(56, false)},
		{Name: d[2], Distributed: view.NFig(100), Valid: view.NFig(20), Rate: view.FloatPctFig(20, false)},
		{Name: "地区不明", Distributed: view.Fig{Value: math.NaN()}, Valid: view.NFig(6), Rate: view.Fig{Value: math.NaN()}},
	}
	sexH, sexC := pdfHeads("男性", "女性", "その他")
	ageH, ageC := pdfHeads("10・20代", "30代", "40代", "50代", "60代", "70歳以上")
	v.Profile = []view.QuestionView{
		{Index: 0, ID: "F1", Text: "あなたの性別をお答えください。", Type: "SA",
			Tables: []view.TableView{{By: "全体", Heads: sexH, Codes: sexC, Rows: []view.RowView{pdfRowT("全体", 200, []int{88, 105, 2, 5}, nil, false, false)}}}},
		{Index: 1, ID: "F2", Text: "あなたの年齢をお答えください。", Type: "SA",
			Tables: []view.TableView{{By: "全体", Heads: ageH, Codes: ageC, Rows: []view.RowView{pdfRowT("全体", 200, []int{14, 22, 35, 38, 41, 50, 0}, nil, false, false)}}}},
	}
	q3H, q3C := pdfHeads("手助けをする", "ときどき手助けをする", "手助けはしない", "わからない")
	q4H, q4C := pdfHeads("担い手が足りない", "活動の情報が届かない", "若い世代が参加しない", "活動場所がない", "資金が足りない", "特にない")
	q5H, q5C := pdfHeads("満足", "やや満足", "どちらともいえない", "やや不満", "不満")
	wide := []string{"自治会・町内会", "老人クラブ", "子ども会", "PTA", "地区社会福祉協議会", "民生委員・児童委員", "ボランティア団体", "NPO法人", "趣味のサークル", "スポーツ団体", "防災組織", "商店会", "学校の行事", "その他"}
	q7H, q7C := pdfHeads(wide...)
	base3 := view.TableView{By: "全体", Heads: q3H, Codes: q3C, Rows: []view.RowView{pdfRowT("全体", 950, []int{361, 304, 190, 76, 19}, nil, false, false)}}
	v.Questions = []view.QuestionView{
		v.Profile[0], v.Profile[1],
		{Index: 2, ID: "Q3", Text: "近所で困っている人がいたら、手助けをしますか。", Type: "SA", Theme: "支え合い",
			Tables: []view.TableView{
				{By: "全体", Heads: q3H, Codes: q3C, Rows: []view.RowView{pdfRowT("全体", 200, []int{85, 60, 30, 20, 5}, nil, false, false)}},
				{By: "地区", Heads: q3H, Codes: q3C, Note: "χ²=18.20（自由度8）、p=0.020", Rows: []view.RowView{
					pdfRowT(d[0], 90, []int{50, 20, 10, 8, 2}, map[int]string{0: view.MarkHigh}, false, false),
					pdfRowT(d[1], 84, []int{25, 32, 15, 10, 2}, map[int]string{0: view.MarkLow}, false, false),
					pdfRowT(d[2], 20, []int{8, 6, 4, 1, 1}, nil, false, true),
					pdfRowT("地区不明", 6, []int{2, 2, 1, 1, 0}, nil, true, false),
				}},
			},
			Baseline: &base3,
			Trend: []view.TrendView{
				{Label: "手助けをする", Baseline: view.PctFig(sharePct(361, 950), false), Current: view.PctFig(sharePct(85, 200), false), BaselineN: view.NFig(950), CurrentN: view.NFig(200), Diff: view.PointsFig(4.5, false), P: view.PValueFig(0.240)},
				{Label: "ときどき手助けをする", Baseline: view.PctFig(sharePct(304, 950), false), Current: view.PctFig(sharePct(60, 200), false), BaselineN: view.NFig(950), CurrentN: view.NFig(200), Diff: view.PointsFig(-2.0, false), P: view.PValueFig(0.580)},
				{Label: "手助けはしない", Baseline: view.PctFig(sharePct(190, 950), false), Current: view.PctFig(sharePct(30, 200), false), BaselineN: view.NFig(950), CurrentN: view.NFig(200), Diff: view.PointsFig(-5.0, false), P: view.PValueFig(0.048), Significant: true},
				{Label: "わからない", Baseline: view.PctFig(sharePct(76, 950), false), Current: view.PctFig(sharePct(20, 200), false), BaselineN: view.NFig(950), CurrentN: view.NFig(200), Diff: view.PointsFig(2.0, false), P: view.PValueFig(0.360)},
				{Label: "無回答", Baseline: view.PctFig(sharePct(19, 950), false), Current: view.PctFig(sharePct(5, 200), false), BaselineN: view.NFig(950), CurrentN: view.NFig(200), Diff: view.PointsFig(0.5, false), P: view.PValueFig(0.700)},
			}},
		{Index: 3, ID: "Q4", Text: "地域の活動で困っていることは何ですか。（あてはまるものすべて）", Type: "MA", MA: true, Theme: "支え合い",
			Tables: []view.TableView{
				{By: "全体", Heads: q4H, Codes: q4C, Rows: []view.RowView{pdfRowT("全体", 200, []int{96, 71, 120, 33, 0, 30, 8}, nil, false, false)}},
				{By: "地区", Heads: q4H, Codes: q4C, Rows: []view.RowView{
					pdfRowT(d[0], 90, []int{45, 30, 55, 15, 0, 12, 3}, nil, false, false),
					pdfRowT(d[1], 84, []int{40, 31, 50, 14, 0, 14, 4}, nil, false, false),
					pdfRowT(d[2], 20, []int{9, 8, 12, 3, 0, 3, 1}, nil, false, true),
					pdfRowT("地区不明", 6, []int{2, 2, 3, 1, 0, 1, 0}, nil, true, false),
				}},
			}},
		{Index: 4, ID: "Q5", Text: "お住まいの地域の住みやすさに満足していますか。", Type: "SC", Theme: "健康・暮らし",
			Tables: []view.TableView{
				{By: "全体", Heads: q5H, Codes: q5C, Rows: []view.RowView{pdfRowT("全体", 200, []int{40, 70, 50, 25, 10, 5}, nil, false, false)}},
				{By: "地区", Heads: q5H, Codes: q5C, Rows: []view.RowView{
					pdfRowT(d[0], 90, []int{22, 34, 20, 9, 3, 2}, nil, false, false),
					pdfRowT(d[1], 84, []int{14, 28, 24, 12, 5, 1}, nil, false, false),
					pdfRowT(d[2], 20, []int{3, 6, 5, 3, 2, 1}, map[int]string{4: view.MarkHigh}, false, true),
					pdfRowT("地区不明", 6, []int{1, 2, 1, 1, 0, 1}, nil, true, false),
				}},
			},
			Summary: []view.SummaryRow{
				pdfSummaryT("全体", 195, 3.56, 1.10, 4, 1, 5, 56.4, false, false),
				pdfSummaryT(d[0], 88, 3.73, 1.02, 4, 1, 5, 63.6, false, false),
				pdfSummaryT(d[1], 83, 3.43, 1.12, 4, 1, 5, 50.6, false, false),
				pdfSummaryT(d[2], 19, 3.26, 1.24, 3, 1, 5, 47.4, false, true),
				pdfSummaryT("地区不明", 5, 0, 0, 0, 0, 0, 0, true, false),
			}},
		{Index: 5, ID: "Q6", Text: "1週間に外出する日数は何日ですか。", Type: "NUM", Theme: "健康・暮らし",
			Summary: []view.SummaryRow{
				pdfSummaryT("全体", 190, 4.82, 1.95, 5, 0, 7, 0, false, false),
				pdfSummaryT(d[0], 86, 5.01, 1.80, 5, 0, 7, 0, false, false),
			}},
		{Index: 6, ID: "Q7", Text: "参加している地域の団体や活動をすべて選んでください。", Type: "MA", MA: true, Theme: "支え合い",
			Tables: []view.TableView{
				{By: "全体", Heads: q7H, Codes: q7C, Rows: []view.RowView{pdfRowT("全体", 200, []int{92, 20, 15, 12, 9, 4, 18, 3, 40, 22, 11, 2, 25, 6, 30}, nil, false, false)}},
				{By: "地区", Heads: q7H, Codes: q7C, Rows: []view.RowView{
					pdfRowT(d[0], 90, []int{45, 10, 8, 6, 5, 2, 9, 1, 18, 10, 6, 1, 12, 3, 12}, nil, false, false),
					pdfRowT(d[1], 84, []int{38, 8, 6, 5, 3, 2, 7, 2, 17, 9, 4, 1, 10, 2, 14}, nil, false, false),
					pdfRowT(d[2], 20, []int{8, 2, 1, 1, 1, 0, 2, 0, 4, 3, 1, 0, 2, 1, 3}, nil, false, true),
				}},
			}},
	}
	v.Themes = []view.ThemeView{{Code: "T1", Name: "支え合い", Questions: []int{2, 3, 6}}, {Code: "T2", Name: "健康・暮らし", Questions: []int{4, 5}}}
	ind := func(id, name string, base, cur, target float64, n int, iv, ev string, ref bool) view.IndicatorRow {
		return view.IndicatorRow{ID: id, Name: name, Theme: "支え合い", Baseline: view.FloatPctFig(base, false), BaselineN: view.NFig(950),
			Current: view.FloatPctFig(cur, false), CurrentN: view.NFig(n), Interval: iv, Target: view.FloatPctFig(target, false),
			Direction: "増", Evaluation: ev, P: view.PValueFig(0.240), Reference: ref}
	}
	v.Indicators = view.IndicatorView{
		Rows: []view.IndicatorRow{
			ind("I1", "近所で困っている人の手助けをする人の割合", 38.0, 42.5, 50.0, 200, "(35.9–49.4)", "B", false),
			ind("I2", "地域の住みやすさに満足している人の割合", 58.2, 55.0, 60.0, 200, "(48.1–61.7)", "C", false),
		},
		ByDistrict: map[string][]view.IndicatorRow{
			d[0]: {ind("I1", "近所で困っている人の手助けをする人の割合", math.NaN(), 55.6, 50.0, 90, "(45.3–65.4)", "A", false)},
			d[1]: {ind("I1", "近所で困っている人の手助けをする人の割合", math.NaN(), 29.8, 50.0, 84, "(21.0–40.3)", "D", false)},
			d[2]: {ind("I1", "近所で困っている人の手助けをする人の割合", math.NaN(), 40.0, 50.0, 20, "(21.9–61.3)", "－", true)},
		},
		Legend: []view.KV{{Key: "A", Value: "目標を達成"}, {Key: "B", Value: "目標は未達成だが前回より改善"}, {Key: "C", Value: "前回から変化なし"}, {Key: "D", Value: "前回より悪化"}, {Key: "－", Value: "評価できない（前回値なし・回答者が少ない）"}},
	}
	v.Hearings = view.HearingView{
		Orgs:       5,
		ByDistrict: []view.CountRow{{Name: d[0], N: view.NFig(2)}, {Name: d[1], N: view.NFig(2)}, {Name: d[2], N: view.NFig(1)}},
		ByType:     []view.CountRow{{Name: "自治会・町内会", N: view.NFig(3)}, {Name: "民生委員・児童委員協議会", N: view.NFig(2)}},
		Ratings: []view.RatingView{
			{ItemID: "H1", Name: "見守り活動の担い手は足りているか", Theme: "支え合い", Labels: []string{"十分", "やや十分", "やや不足", "不足"},
				All: ratingRowOf(0, 1, 2, 2), ByDistrict: map[string]view.RatingRow{d[0]: ratingRowOf(0, 1, 1, 0), d[1]: ratingRowOf(0, 0, 1, 1), d[2]: ratingRowOf(0, 0, 0, 1)}},
			{ItemID: "H2", Name: "関係機関との連携", Theme: "支え合い", Labels: []string{"十分", "やや十分", "やや不足", "不足"},
				All: ratingRowOf(1, 2, 1, 1), ByDistrict: map[string]view.RatingRow{d[0]: ratingRowOf(1, 1, 0, 0), d[1]: ratingRowOf(0, 1, 1, 0), d[2]: ratingRowOf(0, 0, 0, 1)}},
		},
	}
	v.Hearings.Comments, v.Hearings.DistrictComments = view.CommentViews([]view.HearingNote{
		{Item: "課題", Theme: "支え合い", Districts: []string{d[0]}, Org: "大倉山第一自治会", Text: "見守りの担い手が高齢化しており、若い世代への声かけが課題です。"},
		{Item: "成果", Theme: "支え合い", Districts: []string{d[0]}, Org: "大倉山民生委員協議会", Text: "〇〇さんの協力で、サロンの参加者が増えました。"},
		{Item: "課題", Theme: "支え合い", Districts: []string{d[1]}, Org: "日吉東町内会", Text: "集合住宅の住民と接点を持ちにくい。"},
		{Item: "成果", Theme: "健康・暮らし", Districts: []string{d[0], d[1]}, Org: "港北ボランティア連絡会", Text: "体操教室の参加者が増えた。"},
	}, d)
	v.DistrictTops = testDistrictTops(v)
	v.FreeText = view.FreeTextView{
		Count:    view.NFig(45),
		Keywords: []view.KV{{Key: "地域", Value: "18"}, {Key: "参加", Value: "12"}, {Key: "高齢者", Value: "11"}, {Key: "子ども", Value: "9"}, {Key: "情報", Value: "8"}, {Key: "交流", Value: "6"}, {Key: "不安", Value: "5"}},
		Quotes: []view.CommentGroup{
			{Theme: "支え合い", Items: []string{"近所づきあいが少なくなり、災害のときが不安です。（「いざという時」に頼れる人がいない。）", "自治会の活動を知る機会がもっとあればよいと思います。"}},
			{District: d[1], Items: []string{"駅の周りに気軽に集まれる場所がほしい。"}},
		},
	}
	return v
}

// renderPDFT renders the ward report, or a district handout when district is set.
func renderPDFT(t testing.TB, v *view.View, district string) []byte {
	t.Helper()
	// Hand-built views get the chart orders that Build would set.
	for _, qs := range [][]view.QuestionView{v.Questions, v.Profile} {
		for i := range qs {
			view.SetChartOrders(&qs[i])
		}
	}
	var b bytes.Buffer
	var err error
	if district == "" {
		err = pdf.PDF(&b, v, pdf.PDFOptions{})
	} else {
		err = pdf.DistrictPDF(&b, v, district, pdf.PDFOptions{})
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// needTool skips the test when a poppler tool is missing, except in CI.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
}

// pdfToolRun writes pdf to a temp file and runs tool with args, {} standing for the file.
func pdfToolRun(t *testing.T, pdf []byte, tool string, args ...string) []byte {
	t.Helper()
	f := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		if a == "{}" {
			args[i] = f
		}
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return out
}

func TestPDFGolden(t *testing.T) {
	needTool(t, "pdftotext")
	v := testView()
	if dir := os.Getenv("MIDREVIEW_PDF_DUMP"); dir != "" {
		os.WriteFile(filepath.Join(dir, "big.pdf"), renderPDFT(t, bigView(), ""), 0o644)
		os.WriteFile(filepath.Join(dir, "big-district.pdf"), renderPDFT(t, bigView(), "第3地区"), 0o644)
	}
	for _, c := range []struct{ name, district string }{{"report.pdf.txt", ""}, {"district.pdf.txt", "日吉地区"}} {
		t.Run(c.name, func(t *testing.T) {
			pdf := renderPDFT(t, v, c.district)
			// Note: MIDREVIEW_PDF_DUMP=DIR keeps the PDFs for looking at them.
			if dir := os.Getenv("MIDREVIEW_PDF_DUMP"); dir != "" {
				os.WriteFile(filepath.Join(dir, strings.TrimSuffix(c.name, ".txt")), pdf, 0o644)
			}
			txt := pdfToolRun(t, pdf, "pdftotext", "-layout", "{}", "-")
			golden(t, c.name, txt)
		})
	}
}

// TestPDFContent checks facts of the rendered text that the golden could hide
// in a large diff: figures, marks, page furniture and the sample mark on every page.
func TestPDFContent(t *testing.T) {
	needTool(t, "pdftotext")
	v := testView()
	ward := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	dist := string(pdfToolRun(t, renderPDFT(t, v, "日吉地区"), "pdftotext", "-layout", "{}", "-"))
	pages := strings.Split(strings.TrimSuffix(ward, "\f"), "\f")
	for i, p := range pages {
		if !strings.Contains(p, "サンプルデータ") {
			t.Errorf("page %d has no サンプルデータ mark", i+1)
		}
		if i > 0 && !regexp.MustCompile(`\b`+strconv.Itoa(i+1)+` / `+strconv.Itoa(len(pages))+`\b`).MatchString(p) {
			t.Errorf("page %d lacks its footer %d / %d", i+1, i+1, len(pages))
		}
	}
	for _, c := range []struct {
		name, text, want string
	}{
		{"Q3 全体 85/200", ward, "42.5"},
		{"Q3 大倉山 50/90 = 55.56 with ▲", ward, "55.6▲"},
		{"Q3 日吉 25/84 = 29.76 with ▼", ward, "29.8▼"},
		{"Q4 資金 0 count is －", ward, "－"},
		{"地区不明 suppressed", ward, "x"},
		{"参考値 mark", ward, "綱島地区（参考値）"},
		{"baseline 361/950 = 38.0", ward, "38.0"},
		{"wide table of few rows split in blocks", dist, "［2/2］"},
		{"contents", ward, "目次"},
		{"guide", ward, "報告書の見方"},
		{"indicator legend", ward, "目標は未達成だが前回より改善"},
		{"district summary section", ward, "地区別のまとめ"},
		{"trend in points", ward, "差（ポイント）"},
		{"hearing comment", ward, "若い世代への声かけ"},
		{"keyword", ward, "高齢者"},
		{"district cover", dist, "日吉地区"},
		{"district bars: 日吉 n", dist, "日吉地区（n=84）"},
		{"district indicator D", dist, "29.8"},
		{"district quote", dist, "気軽に集まれる場所"},
		{"district hearing: organization of two districts", dist, "港北ボランティア連絡会（大倉山地区、日吉地区）"},
		{"district hearing: item", dist, "【課題】日吉東町内会"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(c.text, c.want) {
				t.Errorf("text lacks %q", c.want)
			}
		})
	}
	// The district-vs-全体 bars print both n on every row, not only in the legend.
	if n := strings.Count(dist, "n=200"); n < 10 {
		t.Errorf("district handout prints 全体's n=200 %d times, want it on every bar row", n)
	}
	if strings.Contains(dist, "大倉山第一自治会") {
		t.Error("district handout shows another district's hearing comment")
	}
}

func TestPDFFontsEmbedded(t *testing.T) {
	needTool(t, "pdffonts")
	for _, district := range []string{"", "綱島地区"} {
		out := string(pdfToolRun(t, renderPDFT(t, testView(), district), "pdffonts", "{}"))
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 4 { // header, rule, regular, bold
			t.Fatalf("pdffonts lists %d lines, want 2 fonts:\n%s", len(lines), out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type type encoding emb sub uni object ID
			if !strings.Contains(f[0], "+BIZUDPGothic-") || f[4] != "yes" || f[5] != "yes" || f[6] != "yes" {
				t.Errorf("font not embedded as a subset with a Unicode map: %s", l)
			}
		}
	}
}

func TestPDFPagesRender(t *testing.T) {
	needTool(t, "pdftoppm")
	needTool(t, "pdfinfo")
	pdf := renderPDFT(t, testView(), "")
	info := string(pdfToolRun(t, pdf, "pdfinfo", "{}"))
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo: no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(m[1])
	if !strings.Contains(info, "A4") {
		t.Errorf("pages are not A4:\n%s", info)
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "a.pdf")
	os.WriteFile(f, pdf, 0o644)
	cmd := exec.Command("pdftoppm", "-r", "12", "-png", f, filepath.Join(dir, "p"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftoppm: %v %s", err, stderr.String())
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pngs) != pages {
		t.Errorf("pdftoppm rendered %d pages, pdfinfo says %d", len(pngs), pages)
	}
}

func TestPDFValidate(t *testing.T) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	for _, district := range []string{"", "大倉山地区"} {
		t.Run("district="+district, func(t *testing.T) {
			if err := api.Validate(bytes.NewReader(renderPDFT(t, testView(), district)), conf); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestPDFDeterministic(t *testing.T) {
	for _, district := range []string{"", "日吉地区"} {
		a, b := renderPDFT(t, testView(), district), renderPDFT(t, testView(), district)
		if !bytes.Equal(a, b) {
			t.Errorf("district %q: two renders differ", district)
		}
		if !bytes.Contains(a, []byte("/CreationDate (D:20261101")) {
			t.Errorf("district %q: creation date is not 基準日", district)
		}
	}
}

func TestPDFErrors(t *testing.T) {
	var b bytes.Buffer
	if err := pdf.DistrictPDF(&b, testView(), "存在しない地区", pdf.PDFOptions{}); err == nil {
		t.Error("DistrictPDF accepted an unknown district")
	}
	if err := pdf.PDF(&b, testView(), pdf.PDFOptions{FontRegular: []byte("not a font")}); err == nil {
		t.Error("PDF accepted a bad font")
	}
	// An empty view still renders (cover, contents, guide).
	if err := pdf.PDF(&b, &view.View{PlanName: "計画", DateISO: "bad"}, pdf.PDFOptions{}); err != nil {
		t.Errorf("empty view: %v", err)
	}
}

// bigView scales testView to 13 districts for the benchmark.
func bigView() *view.View {
	v := testView()
	var ds []string
	for i := range 13 {
		ds = append(ds, fmt.Sprintf("第%d地区", i+1))
	}
	v.Districts = ds
	v.Indicators.ByDistrict = map[string][]view.IndicatorRow{}
	for qi := range v.Questions {
		q := &v.Questions[qi]
		if t := view.TableBy(q, "地区"); t != nil {
			proto := t.Rows[0]
			t.Rows = nil
			for _, d := range ds {
				r := proto
				r.Group = d
				t.Rows = append(t.Rows, r)
			}
		}
	}
	for _, d := range ds {
		v.Indicators.ByDistrict[d] = v.Indicators.Rows
	}
	// Four times the themes, as a real plan has.
	th := v.Themes
	for i := range 3 {
		for _, t := range th {
			t.Name += strconv.Itoa(i + 2)
			v.Themes = append(v.Themes, t)
		}
	}
	return v
}

func BenchmarkPDF(b *testing.B) {
	v := bigView()
	var n int
	for b.Loop() {
		n = len(renderPDFT(b, v, ""))
		for _, d := range v.Districts {
			n += len(renderPDFT(b, v, d))
		}
	}
	b.ReportMetric(float64(n), "bytes")
}

// TestPDFStaysInMargins renders long charts and tables (an MA with 45 choices,
// 25 hearing items in a district handout) and checks with pdftotext -bbox that
// nothing but the page number is printed below the content area.
func TestPDFStaysInMargins(t *testing.T) {
	needTool(t, "pdftotext")
	v := testView()
	var labels []string
	var counts []int
	for i := range 45 {
		labels = append(labels, fmt.Sprintf("選択肢その%d（長めの説明が付いた選択肢です）", i+1))
		counts = append(counts, i%7)
	}
	h, c := pdfHeads(labels...)
	q := view.QuestionView{Index: 7, ID: "Q8", Text: "長い設問", Type: "MA", MA: true, Theme: "支え合い",
		Tables: []view.TableView{{By: "全体", Heads: h, Codes: c, Rows: []view.RowView{pdfRowT("全体", 200, append(counts, 3), nil, false, false)}}}}
	v.Questions = append(v.Questions, q)
	v.Themes[0].Questions = append(v.Themes[0].Questions, len(v.Questions)-1)
	for i := range 25 {
		v.Hearings.Ratings = append(v.Hearings.Ratings, view.RatingView{ItemID: "X", Name: fmt.Sprintf("評価項目%d", i), Theme: "支え合い",
			Labels: []string{"十分", "やや十分", "やや不足", "不足"}, All: ratingRowOf(1, 2, 3, 4), ByDistrict: map[string]view.RatingRow{"日吉地区": ratingRowOf(0, 1, 1, 0)}})
	}
	word := regexp.MustCompile(`<page width="[\d.]+" height="([\d.]+)">|<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	for _, district := range []string{"", "日吉地区"} {
		out := pdfToolRun(t, renderPDFT(t, v, district), "pdftotext", "-bbox", "{}", "-")
		if !bytes.Contains(out, []byte("（続き）")) {
			t.Errorf("district %q: no chart continued on a next page", district)
		}
		bottom := 0.0 // content bottom of the current page in points
		for _, m := range word.FindAllStringSubmatch(string(out), -1) {
			if m[1] != "" {
				h, _ := strconv.ParseFloat(m[1], 64)
				bottom = h - (pdf.PageH-pdf.ContentB)/pdf.PtMM
				continue
			}
			m = m[1:]
			yMax, _ := strconv.ParseFloat(m[2], 64)
			footer := regexp.MustCompile(`^[\d/]+$`).MatchString(m[3]) && yMax > bottom+15
			if yMax > bottom+1 && !footer {
				t.Errorf("district %q: %q printed below the content area (yMax %.1fpt > %.1fpt)", district, m[3], yMax, bottom)
			}
		}
	}
}

// TestPDFLandscape checks that a crosstab too wide for portrait goes on
// landscape pages with its header repeated after the page break, that what
// follows returns to portrait, and that the contents and the page numbers,
// printed at the end, are right on every page.
func TestPDFLandscape(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	v := testView()
	q := &v.Questions[6] // Q7, 15 columns: too wide for portrait, fits landscape
	dt := view.TableBy(q, "地区")
	proto := dt.Rows[0]
	dt.Rows = nil
	for i := range 40 {
		r := proto
		r.Group = fmt.Sprintf("第%d地区", i+1)
		dt.Rows = append(dt.Rows, r)
	}
	pdf := renderPDFT(t, v, "")
	info := string(pdfToolRun(t, pdf, "pdfinfo", "-f", "1", "-l", "999", "{}"))
	var land []bool
	for _, m := range regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)`).FindAllStringSubmatch(info, -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		land = append(land, w > h)
	}
	txt := string(pdfToolRun(t, pdf, "pdftotext", "-layout", "{}", "-"))
	pages := strings.Split(strings.TrimSuffix(txt, "\f"), "\f")
	if len(pages) != len(land) {
		t.Fatalf("pdftotext gives %d pages, pdfinfo %d", len(pages), len(land))
	}
	var lp []int // landscape pages, 0-based
	for i, l := range land {
		if l {
			lp = append(lp, i)
		}
	}
	if len(lp) != 2 || lp[1] != lp[0]+1 {
		t.Fatalf("landscape pages %v, want two in a row (41 rows of Q7 地区別)", lp)
	}
	first, second := pages[lp[0]], pages[lp[1]]
	for _, c := range []struct {
		name, page, want string
	}{
		{"caption", first, "Q7 地区別（%）"},
		{"all 15 columns on one page", first, "無回答"},
		{"caption repeated", second, "Q7 地区別（%）（続き）"},
		{"header repeated", second, "区分"},
		{"last row", second, "第40地区"},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: landscape page lacks %q", c.name, c.want)
		}
	}
	if strings.Contains(first+second, "［1/") {
		t.Error("a table that fits landscape is split into column blocks")
	}
	if lp[1]+1 < len(land) && !strings.Contains(pages[lp[1]+1], "Q5") {
		t.Errorf("page after the landscape table does not continue with Q5:\n%s", pages[lp[1]+1])
	}
	for i, p := range pages[1:] {
		if !regexp.MustCompile(`\b` + strconv.Itoa(i+2) + ` / ` + strconv.Itoa(len(pages)) + `\b`).MatchString(p) {
			t.Errorf("page %d lacks its footer", i+2)
		}
	}
	checkContents(t, pages, 1)
}

// checkContents checks that the contents on pages[1:1+n] list entries and that
// every entry names the page its heading is printed on.
func checkContents(t *testing.T, pages []string, n int) {
	t.Helper()
	entry := regexp.MustCompile(`(?m)^\s*(\d+(?:\.\d+)?[ 　][^\s/]\S*)\s+(\d+)\s*$`)
	for _, toc := range pages[1 : 1+n] {
		entries := entry.FindAllStringSubmatch(toc, -1)
		if len(entries) < 5 {
			t.Fatalf("contents page has %d entries:\n%s", len(entries), toc)
		}
		for _, e := range entries {
			p, _ := strconv.Atoi(e[2])
			if p < 1 || p > len(pages) || !strings.Contains(pages[p-1], e[1]) {
				t.Errorf("contents: %q on page %d, not found there", e[1], p)
			}
		}
	}
}

// TestPDFContentsPages renders a handout whose contents need two pages (so it
// is rendered again with two reserved) and checks both.
func TestPDFContentsPages(t *testing.T) {
	needTool(t, "pdftotext")
	v := testView()
	th := v.Themes
	for i := range 20 {
		for _, t := range th {
			t.Name += strconv.Itoa(i + 2)
			v.Themes = append(v.Themes, t)
		}
	}
	txt := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-layout", "{}", "-"))
	pages := strings.Split(strings.TrimSuffix(txt, "\f"), "\f")
	checkContents(t, pages, 2)
}

func TestCommentGroups(t *testing.T) {
	notes := []view.HearingNote{
		{Item: "成果", Theme: "つながり", Districts: []string{"日吉"}, Org: "A会", Text: "a1"},
		{Item: "課題", Theme: "つながり", Districts: []string{"日吉"}, Org: "A会", Text: "a2"},
		{Item: "成果", Theme: "つながり", Districts: []string{"日吉"}, Org: "B会", Text: "b1"},
		{Item: "課題", Theme: "つながり", Districts: []string{"綱島", "日吉"}, Org: "C会", Text: "c2"},
		{Item: "", Theme: "その他", Districts: []string{"綱島"}, Org: "D会", Text: "d"},
	}
	for _, c := range []struct {
		name, district string
		want           []view.CommentGroup
	}{
		// Ward: by theme, then first district; 成果 (first item seen) before 課題.
		{"ward", "", []view.CommentGroup{
			{Theme: "つながり", District: "日吉", Items: []string{"【成果】A会: a1", "【成果】B会: b1", "【課題】A会: a2"}},
			{Theme: "つながり", District: "綱島", Items: []string{"【課題】C会（綱島、日吉）: c2"}},
			{Theme: "その他", District: "綱島", Items: []string{"D会: d"}},
		}},
		// District: every organization of the district, also when it is not its first.
		{"日吉", "日吉", []view.CommentGroup{
			{Theme: "つながり", Items: []string{"【成果】A会: a1", "【成果】B会: b1", "【課題】A会: a2", "【課題】C会（綱島、日吉）: c2"}},
		}},
		{"none", "師岡", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := view.CommentGroups(notes, c.district)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v\nwant %#v", got, c.want)
			}
		})
	}
}

// testDistrictTops derives the district pages' main results of a hand-built
// view from its tables, as analyze.DistrictTops does from the crosstabs: 全体's
// top answer (no-answer excluded, the first on ties, 0 for a hidden share), the
// district's share and the difference.
func testDistrictTops(v *view.View) map[string][]view.TopRow {
	out := map[string][]view.TopRow{}
	for _, name := range v.Districts {
		for qi := range v.Questions {
			q := &v.Questions[qi]
			at, all := view.AllRow(q)
			dr := view.GroupRow(view.TableBy(q, analyze.ByDistrict), name)
			if all == nil || dr == nil || q.Type == "NUM" {
				continue
			}
			top := -1
			for i := range at.Heads {
				if i < len(at.Codes) && at.Codes[i] == analyze.CodeNA {
					continue
				}
				if top < 0 || pdf.PdfValue(view.ShareOf(all, i)) > pdf.PdfValue(view.ShareOf(all, top)) {
					top = i
				}
			}
			if top < 0 {
				continue
			}
			dv, av := view.ShareOf(dr, top), view.ShareOf(all, top)
			diff := view.Fig{Value: math.NaN()}
			if !dv.Suppressed && !math.IsNaN(dv.Value) && !math.IsNaN(av.Value) {
				diff = view.PointsFig(dv.Value-av.Value, false)
			}
			out[name] = append(out[name], view.TopRow{QuestionID: q.ID, QuestionText: q.Text, Label: at.Heads[top],
				N: dr.N, AllN: all.N, District: dv, All: av, Diff: diff, Reference: dr.Reference})
		}
	}
	return out
}
