package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"midreview/render/dashboard"
	"midreview/render/pdf"
	"midreview/render/view"
	"midreview/render/xlsx"
)

// hostileView is testView with the text and sizes that break layouts: names and
// labels of 120 unbroken characters (Latin and Japanese), a 1,000-character
// comment, empty strings, 40 districts, a question with 60 choices and one with
// 0 respondents.
func hostileView() *view.View {
	v := testView()
	longJ := strings.Repeat("長", 120)
	longL := strings.Repeat("W", 120)
	v.PlanName = longL
	v.SurveyName = longJ
	v.Ward = ""
	// 40 districts, the first with a long unbroken name.
	var ds []string
	for i := range 40 {
		ds = append(ds, fmt.Sprintf("第%d地区", i+1))
	}
	ds[0] = "地区" + longL
	old := v.Districts
	v.Districts = ds
	rename := map[string]string{old[0]: ds[0], old[1]: ds[1], old[2]: ds[2]}
	for qi := range v.Questions {
		q := &v.Questions[qi]
		for ti := range q.Tables {
			for ri := range q.Tables[ti].Rows {
				if n, ok := rename[q.Tables[ti].Rows[ri].Group]; ok {
					q.Tables[ti].Rows[ri].Group = n
				}
			}
		}
		for si := range q.Summary {
			if n, ok := rename[q.Summary[si].Group]; ok {
				q.Summary[si].Group = n
			}
		}
	}
	ind := v.Indicators.ByDistrict
	v.Indicators.ByDistrict = map[string][]view.IndicatorRow{}
	for o, n := range rename {
		v.Indicators.ByDistrict[n] = ind[o]
	}
	for i := range v.Overview.Rows {
		if n, ok := rename[v.Overview.Rows[i].Name]; ok {
			v.Overview.Rows[i].Name = n
		}
	}
	v.Overview.Rows = append(v.Overview.Rows, view.OverviewRow{Name: ""})
	// Long theme names; the first theme's name is unbroken Latin.
	v.Themes[0].Name = "T" + longL
	v.Themes[1].Name = longJ
	// Q3: long choice labels (legend and bars); Q5 (SC): long labels in the band legend.
	q3 := &v.Questions[2]
	for ti := range q3.Tables {
		q3.Tables[ti].Heads[0] = longL
	}
	q3.Trend[0].Label = longL
	q5 := &v.Questions[4]
	for ti := range q5.Tables {
		q5.Tables[ti].Heads[1] = longL
	}
	// Q9: 60 choices; Q10: 0 respondents.
	var labels []string
	counts := make([]int, 61)
	for i := range 60 {
		labels = append(labels, fmt.Sprintf("選択肢%d", i+1))
		counts[i] = i % 5
	}
	h, c := pdfHeads(labels...)
	rows := []view.RowView{}
	for _, d := range ds {
		rows = append(rows, pdfRowT(d, 100, counts, nil, false, false))
	}
	zero := make([]int, 61)
	var zrows []view.RowView
	for _, d := range ds {
		zrows = append(zrows, pdfRowT(d, 0, zero[:4], nil, false, false))
	}
	hz, cz := pdfHeads("はい", "いいえ", "")
	v.Questions = append(v.Questions,
		view.QuestionView{Index: 8, ID: "Q9", Text: "選択肢の多い設問", Type: "SA", Theme: v.Themes[0].Name,
			Tables: []view.TableView{
				{By: "全体", Heads: h, Codes: c, Rows: []view.RowView{pdfRowT("全体", 4000, counts, nil, false, false)}},
				{By: "地区", Heads: h, Codes: c, Rows: rows},
			}},
		view.QuestionView{Index: 9, ID: "", Text: "", Type: "SC", Theme: v.Themes[0].Name,
			Tables: []view.TableView{
				{By: "全体", Heads: hz, Codes: cz, Rows: []view.RowView{pdfRowT("全体", 0, zero[:4], nil, false, false)}},
				{By: "地区", Heads: hz, Codes: cz, Rows: zrows},
			}},
	)
	v.Themes[0].Questions = append(v.Themes[0].Questions, len(v.Questions)-2, len(v.Questions)-1)
	// Indicators with long names and IDs.
	v.Indicators.Rows[0].ID = longL[:40]
	v.Indicators.Rows[0].Name = longJ
	// A cell taller than a page: an indicator name of 1,650 characters.
	v.Indicators.Rows[1].Name = strings.Repeat("とても長い指標名です。", 150)
	// Hearings: long organization, district and rating names; a 1,000-character comment.
	v.Hearings.ByDistrict = append(v.Hearings.ByDistrict, view.CountRow{Name: ds[0], N: view.NFig(1)})
	v.Hearings.ByType = append(v.Hearings.ByType, view.CountRow{Name: longL, N: view.NFig(1)})
	v.Hearings.Ratings[0].Name = longL
	v.Hearings.Ratings[0].Labels = []string{longL, "", "やや不足", "不足"}
	v.Hearings.Ratings[1].Labels = v.Hearings.Ratings[0].Labels
	v.Hearings.Ratings[0].ByDistrict[ds[0]] = ratingRowOf(1, 0, 0, 0)
	thousand := strings.Repeat("とても長い意見です。", 100)
	v.Hearings.Comments, v.Hearings.DistrictComments = view.CommentViews([]view.HearingNote{
		{Item: longL, Theme: longJ, Districts: []string{ds[0]}, Org: longL, Text: thousand},
		{Item: "", Theme: "", Districts: nil, Org: "", Text: ""},
	}, ds)
	v.Hearings.Comments = append(v.Hearings.Comments, view.CommentGroup{Theme: longJ, District: ds[0], Items: []string{longL + ": " + thousand}})
	v.FreeText.Keywords = append(v.FreeText.Keywords, view.KV{Key: longL, Value: "3"}, view.KV{Key: "", Value: ""})
	v.FreeText.Quotes = append(v.FreeText.Quotes,
		view.CommentGroup{Theme: longJ, Items: []string{thousand, longL, ""}},
		view.CommentGroup{District: ds[0], Items: []string{thousand}})
	v.Settings = append(v.Settings, view.KV{Key: longL, Value: longL})
	return v
}

// TestPDFHostileText renders hostileView (ward report and the handout of the
// long-named district) and checks with pdftotext -bbox that every word lies
// within the page's left and right margins and above its bottom margin (the
// page number excepted).
func TestPDFHostileText(t *testing.T) {
	needTool(t, "pdftotext")
	v := hostileView()
	page := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	const tol = 1.0 // points
	for _, district := range []string{"", v.Districts[0]} {
		t.Run("district="+district[:min(len(district), 12)], func(t *testing.T) {
			out := string(pdfToolRun(t, renderPDFT(t, v, district), "pdftotext", "-bbox", "{}", "-"))
			pages := page.FindAllStringSubmatchIndex(out, -1)
			bad := 0
			for pi, p := range pages {
				end := len(out)
				if pi+1 < len(pages) {
					end = pages[pi+1][0]
				}
				w, _ := strconv.ParseFloat(out[p[2]:p[3]], 64)
				h, _ := strconv.ParseFloat(out[p[4]:p[5]], 64)
				left, right, bottom := pdf.MarginL/pdf.PtMM, w-pdf.MarginR/pdf.PtMM, h-(pdf.PageH-pdf.ContentB)/pdf.PtMM
				for _, m := range word.FindAllStringSubmatch(out[p[1]:end], -1) {
					x0, _ := strconv.ParseFloat(m[1], 64)
					x1, _ := strconv.ParseFloat(m[2], 64)
					y1, _ := strconv.ParseFloat(m[3], 64)
					footer := regexp.MustCompile(`^[\d/]+$`).MatchString(m[4]) && y1 > bottom+15
					if (x0 < left-tol || x1 > right+tol || y1 > bottom+tol) && !footer && bad < 20 {
						bad++
						t.Errorf("page %d: %.40q outside the margins (x %.0f–%.0f of %.0f–%.0f, y %.0f > %.0f)",
							pi+1, m[4], x0, x1, left, right, y1, bottom)
					}
				}
			}
		})
	}
}

// TestFormatNonFinite checks that NaN, ±Inf and figures beyond int64 tenths
// never print as garbage: non-finite values are empty, huge ones exact.
func TestFormatNonFinite(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	for _, tt := range []struct {
		name, got, want string
	}{
		{"OneDecimal(NaN)", view.OneDecimal(nan), ""},
		{"OneDecimal(+Inf)", view.OneDecimal(inf), ""},
		{"OneDecimal(-Inf)", view.OneDecimal(-inf), ""},
		// 1e20 is beyond int64 tenths (9.2e17): printed as is, one decimal.
		{"OneDecimal(1e20)", view.OneDecimal(1e20), "100000000000000000000.0"},
		{"OneDecimal(-1e20)", view.OneDecimal(-1e20), "-100000000000000000000.0"},
		// 1e17 still fits: 1e18 tenths.
		{"OneDecimal(1e17)", view.OneDecimal(1e17), "100000000000000000.0"},
		{"FloatPctFig(+Inf)", view.FloatPctFig(inf, false).Text, ""},
		{"PointsText(+Inf)", view.PointsText(inf), ""},
		{"PointsText(-Inf)", view.PointsText(-inf), ""},
		{"PValueText(+Inf)", view.PValueText(inf), ""},
		{"PValueText(NaN)", view.PValueText(nan), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// renameDistrict renames district old to name everywhere in v.
func renameDistrict(v *view.View, old, name string) {
	for i, d := range v.Districts {
		if d == old {
			v.Districts[i] = name
		}
	}
	for qi := range v.Questions {
		q := &v.Questions[qi]
		for ti := range q.Tables {
			for ri := range q.Tables[ti].Rows {
				if q.Tables[ti].Rows[ri].Group == old {
					q.Tables[ti].Rows[ri].Group = name
				}
			}
		}
		for si := range q.Summary {
			if q.Summary[si].Group == old {
				q.Summary[si].Group = name
			}
		}
	}
	if r, ok := v.Indicators.ByDistrict[old]; ok {
		delete(v.Indicators.ByDistrict, old)
		v.Indicators.ByDistrict[name] = r
	}
	for i := range v.Hearings.Ratings {
		m := v.Hearings.Ratings[i].ByDistrict
		if r, ok := m[old]; ok {
			delete(m, old)
			m[name] = r
		}
	}
}

// TestDashboardTooltipBrowser shows every chart's tooltip in headless Chromium
// with markup in a choice label (category axis), a district name (series name)
// and a hearing rating label (series name of the stacked bars): echarts writes
// tooltips as HTML, so the markup must appear as text, create no element and
// run no script.
func TestDashboardTooltipBrowser(t *testing.T) {
	needChromium(t)
	const (
		label    = `<img src=x1 onerror=alert(1)>`
		district = `<img src=x2 onerror=alert(2)>`
		rating   = `<img src=x3 onerror=alert(3)>`
	)
	v := xlsxTestView()
	for ti := range v.Questions[0].Tables {
		v.Questions[0].Tables[ti].Heads[0] = label
	}
	renameDistrict(v, "日吉", district)
	v.Hearings.Ratings[0].Labels[0] = rating
	dir := t.TempDir()
	writeDashboard(t, dir, v)

	d := browseDashboard(t, dir, false)
	ctx := d.ctx
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('.chart').length > 0 &&
		Array.from(document.querySelectorAll('.chart')).every(el => el.querySelector('svg, canvas'))`,
		chromedp.WithPollingTimeout(3*time.Minute))); err != nil {
		t.Fatalf("charts not drawn: %v", err)
	}
	eval := d.eval
	for _, tt := range []struct{ chart, tab, want string }{
		{"crosstab_q2", "theme_1", label},  // category (choice label) and series (district)
		{"hearing_h3", "hearings", rating}, // series (rating label)
	} {
		t.Run(tt.chart, func(t *testing.T) {
			eval(`(() => { document.querySelector('.tab[data-panel="` + tt.tab + `"]').click(); return ''; })()`)
			tip := eval(`(() => {
				const c = echarts.getInstanceByDom(document.getElementById('` + tt.chart + `'));
				c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
				const el = document.getElementById('` + tt.chart + `');
				return Array.from(el.querySelectorAll('div')).map(d => d.textContent).join('|');
			})()`)
			if !strings.Contains(tip, tt.want) {
				t.Errorf("tooltip %q lacks the literal %q", tip, tt.want)
			}
			if tt.chart == "crosstab_q2" && !strings.Contains(tip, district) {
				t.Errorf("tooltip %q lacks the literal district %q", tip, district)
			}
			if n := eval(`String(document.querySelectorAll('img').length)`); n != "0" {
				t.Errorf("%s img elements in the page after the tooltip", n)
			}
		})
	}
	time.Sleep(300 * time.Millisecond) // a failed image load fires onerror asynchronously
	d.close()
}

// TestHostileViewWriters checks that the XLSX and dashboard writers accept
// hostileView and the longest header texts Excel allows (255 UTF-16 units per
// header: a plan name of non-BMP kanji or of ampersands, which double).
func TestHostileViewWriters(t *testing.T) {
	for _, name := range []string{strings.Repeat("𠮷", 300), strings.Repeat("&", 300), ""} {
		v := hostileView()
		v.PlanName = name
		v.Date = strings.Repeat("&", 100)
		t.Run(name[:min(len(name), 8)], func(t *testing.T) {
			if err := xlsx.XLSX(io.Discard, v); err != nil {
				t.Errorf("XLSX: %v", err)
			}
			if err := dashboard.Dashboard(io.Discard, v, dashboard.DashboardOptions{}); err != nil {
				t.Errorf("Dashboard: %v", err)
			}
		})
	}
}

// TestPDFValidateHostile checks with pdfcpu that input text with PDF string
// delimiters (parentheses, backslashes, CR) in the document info and the
// bookmarks (theme and district names) leaves a valid PDF.
func TestPDFValidateHostile(t *testing.T) {
	v := testView()
	tricky := `計画\) (x\\ (y)` + "\r" + `\`
	v.PlanName = tricky
	v.SurveyName = tricky
	v.Ward = tricky
	v.Themes[0].Name = tricky
	renameDistrict(v, "日吉地区", "日吉"+tricky)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	for _, district := range []string{"", v.Districts[1]} {
		t.Run("district="+district[:min(len(district), 6)], func(t *testing.T) {
			if err := api.Validate(bytes.NewReader(renderPDFT(t, v, district)), conf); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestFigNonFinite checks that figures whose value is not finite are not
// numbers: XLSX keeps them as text and the dashboard, whose JSON cannot hold
// NaN, does not plot them.
func TestFigNonFinite(t *testing.T) {
	for _, f := range []view.Fig{
		{Value: math.Inf(1), Decimals: 1, Text: "Inf"},
		{Value: math.Inf(-1), Decimals: 1, Text: "-Inf"},
		{Value: math.NaN(), Decimals: 1, Text: "NaN"},
		{Value: math.Inf(1), Text: "1e400"},
	} {
		t.Run(f.Text, func(t *testing.T) {
			if v := dashboard.DashValue(f); v != "-" {
				t.Errorf("dashValue(%q) = %v, want not plotted", f.Text, v)
			}
			v := xlsxTestView()
			v.Questions[0].Tables[0].Rows[0].Cells[0] = f
			if err := dashboard.Dashboard(io.Discard, v, dashboard.DashboardOptions{}); err != nil {
				t.Errorf("Dashboard: %v", err)
			}
			if err := xlsx.XLSX(io.Discard, v); err != nil {
				t.Errorf("XLSX: %v", err)
			}
		})
	}
}
