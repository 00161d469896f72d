package render

import (
	"midreview/render/view"
	"midreview/render/web"

	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestProgressHardOnce: an initiative whose ハード text is its 課題 text
// (the demo's 13 physical issues, P17 「菊名集会所の段差が大きく…」) prints
// it once, on the 課題 line marked ハード面, in the PDF and on the web.
func TestProgressHardOnce(t *testing.T) {
	v := demoView(t)
	marked := 0
	for _, m := range []view.Medium{view.Print, view.Web} {
		for _, d := range append([]string{""}, v.Districts...) {
			bs := view.DistrictReport(v, d)
			if d == "" {
				bs = view.WardReport(v)
			}
			for _, b := range flatBlocks(bs, m) {
				r, ok := b.(view.Record)
				if !ok {
					continue
				}
				seen := map[string]bool{}
				for _, tx := range r.Texts {
					_, body, _ := strings.Cut(tx, "：")
					if seen[body] {
						t.Errorf("%s %q: %q printed twice", d, r.Title, body)
					}
					seen[body] = true
					if strings.HasPrefix(tx, "課題（") && strings.Contains(tx, "・ハード面）") {
						marked++
					}
				}
			}
		}
	}
	if marked == 0 {
		t.Error("no 課題 line marked ハード面 in the demo")
	}
}

// TestHearingDistrictSumNote: when organizations active in two districts
// make the district column sum past the organizations heard (demo: 45 vs
// 40), the table says why, in the PDF and on the web.
func TestHearingDistrictSumNote(t *testing.T) {
	v := demoView(t)
	for _, m := range []view.Medium{view.Print, view.Web} {
		found := false
		for _, b := range flatBlocks(view.WardReport(v), m) {
			tb, ok := b.(view.Table)
			if !ok || !strings.Contains(tb.Caption, "団体数") || tb.Cols[0].Head != "地区" {
				continue
			}
			found = true
			sum := 0
			for _, r := range tb.Rows {
				n, _ := strconv.Atoi(strings.ReplaceAll(r[1].Text, ",", ""))
				sum += n
			}
			if sum <= v.Hearings.Orgs {
				t.Fatalf("medium %d: the demo's districts sum to %d, organizations %d: no double count to test", m, sum, v.Hearings.Orgs)
			}
			if !strings.Contains(strings.Join(tb.Notes, ""), "それぞれの地区に数えています") {
				t.Errorf("medium %d %q: sums to %d of %d organizations without a note", m, tb.Caption, sum, v.Hearings.Orgs)
			}
		}
		if !found {
			t.Errorf("medium %d: no table of organizations by district", m)
		}
	}
}

// TestOpendataMaskingClaim: the open-data READMEs say what the masking
// does. Place names stay (the demo's quotes keep 「綱島西一丁目」), so no
// sentence may claim that 地名 are replaced by 〇〇.
func TestOpendataMaskingClaim(t *testing.T) {
	v := demoView(t)
	for _, o := range OpendataFiles(v) {
		if !strings.HasSuffix(o.Path, ".txt") {
			continue
		}
		var b strings.Builder
		if err := o.Write(&b); err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.Split(b.String(), "。") {
			if strings.Contains(s, "地名") && strings.Contains(s, "置き換え") && !strings.Contains(s, "そのまま") {
				t.Errorf("%s: %q", o.Path, s)
			}
		}
	}
}

// TestWebStatesInputErrors: a run built with input errors (-allow-errors)
// says so at the top of every web page and in the open-data READMEs, as
// the PDFs, the tabulation book and the dashboard do (inputs.md section 6).
func TestWebStatesInputErrors(t *testing.T) {
	v := demoView(t)
	v.InputErrors = 7
	const want = "入力エラー 7 件を残したまま作成した暫定版です"
	outs := append(web.WebFiles(v, web.WebOptions{}), OpendataFiles(v)...)
	pages := 0
	for _, o := range outs {
		if !strings.HasSuffix(o.Path, ".html") && !strings.HasSuffix(o.Path, ".txt") {
			continue
		}
		var b strings.Builder
		if err := o.Write(&b); err != nil {
			t.Fatal(err)
		}
		pages++
		s := b.String()
		if i := strings.Index(s, want); i < 0 {
			t.Errorf("%s does not state the input errors", o.Path)
		} else if strings.HasSuffix(o.Path, ".html") && i > strings.Index(s, "<ul class=\"links\">") {
			t.Errorf("%s states the input errors below the page's links, not at its top", o.Path)
		}
	}
	if pages < 3 {
		t.Errorf("only %d pages and READMEs", pages)
	}
}

// TestDistrictHandoutOnce: a district handout (PDF and web page) prints the
// district's indicator table once and each resident's quote once (the demo's
// 日吉 repeated 表1 as 表4 and its three 住民の声 as the whole of 自由記述).
// Without the カルテ, 指標の状況 prints the table.
func TestDistrictHandoutOnce(t *testing.T) {
	v := demoView(t)
	ids := map[string]bool{}
	for _, r := range v.Indicators.Rows {
		ids[r.ID] = true
	}
	for _, d := range v.Districts {
		for _, m := range []view.Medium{view.Print, view.Web} {
			bs := view.DistrictReport(v, d)
			if m == view.Web {
				bs = view.WebReport(v, d)
			}
			tables, quotes := 0, map[string]int{}
			section := ""
			var walk func(bs []view.Block)
			walk = func(bs []view.Block) {
				for _, b := range bs {
					switch b := b.(type) {
					case view.Section:
						section = b.Title
					case view.Table:
						if len(b.Rows) > 0 && ids[b.Rows[0][0].Text] {
							tables++
						}
					case view.Figure:
						if b.Data != nil {
							walk([]view.Block{*b.Data})
						}
					case view.Bullets:
						// Residents' quotes: the カルテ's 住民の声 and 自由記述
						// (the soft/hard chapter files one text under each of
						// its categories, and organizations may say the same).
						if strings.HasSuffix(section, "地区カルテ") || section == "自由記述" {
							for _, it := range b.Items {
								quotes[it]++
							}
						}
					case view.Comments:
						if strings.HasSuffix(section, "地区カルテ") || section == "自由記述" {
							for _, g := range b.Groups {
								for _, it := range g.Items {
									quotes[it]++
								}
							}
						}
					}
				}
			}
			walk(flatBlocks(bs, m))
			n := tables
			if n != 1 {
				t.Errorf("%s medium %d: %d tables of the indicators, want 1", d, m, n)
			}
			for q, n := range quotes {
				if n > 1 {
					t.Errorf("%s medium %d: quoted %d times: %s", d, m, n, q)
				}
			}
		}
	}
}

// TestWebNoTwinTables: no web page prints the same figures twice in a row
// (the demo's district pages followed 「数値の表（図3）」 with 表5 holding
// the same rows).
func TestWebNoTwinTables(t *testing.T) {
	v := demoView(t)
	tag := regexp.MustCompile(`<[^>]+>|\s+`)
	for _, o := range web.WebFiles(v, web.WebOptions{}) {
		var b strings.Builder
		if err := o.Write(&b); err != nil {
			t.Fatal(err)
		}
		var prev string
		for _, part := range strings.Split(b.String(), "<tbody>")[1:] {
			body := tag.ReplaceAllString(part[:strings.Index(part, "</tbody>")], "")
			if body == prev && len(body) > 20 {
				t.Errorf("%s: two tables in a row hold %.60s…", o.Path, body)
			}
			prev = body
		}
	}
}

// TestHardCountsAddUp: linkage.pdf's table by year says why it sums past
// the progress issues (an issue written in two years counts in each), and
// a district's list gives the same sentence at one place once, with 同じ声
// the issues it stands for (the demo's 城郷 listed 「小机町の夜道が暗く…」
// five times with 同じ声 5 on each row: reader review 4, item 3).
func TestHardCountsAddUp(t *testing.T) {
	v := demoView(t)
	lists := 0
	for _, m := range []view.Medium{view.Print, view.Web} {
		yearTable := false
		for _, b := range flatBlocks(view.Compose(v, "", (*view.Composer).Linkage), m) {
			tb, ok := b.(view.Table)
			if !ok {
				continue
			}
			if strings.HasPrefix(tb.Caption, "取組の振り返りシートの課題の数（年度別") {
				yearTable = true
				if !strings.Contains(strings.Join(tb.Notes, ""), "それぞれに数えています") {
					t.Errorf("medium %d: %q has no note on issues of several years", m, tb.Caption)
				}
			}
			if !strings.HasPrefix(tb.Caption, "課題の一覧（") {
				continue
			}
			lists++
			// the same sentences: 「…」 (a comment cut to its need) and
			// spaces aside (H-9ecdf2d5 and H-dfd2d6ea read 1 each)
			sentences := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "…", "")), "") }
			same := map[string]int{}
			for _, r := range tb.Rows {
				if strings.HasPrefix(r[3].Text, "（") {
					continue // not printed
				}
				k := r[2].Text + "\x00" + sentences(r[3].Text)
				if same[k]++; same[k] > 1 {
					t.Errorf("medium %d %s %s: %q at %q is listed twice", m, tb.Caption, r[0].Text, r[3].Text, r[2].Text)
				}
				n := 0
				for _, is := range v.Hard.Issues {
					if is.ID == r[0].Text || is.SameAs == r[0].Text {
						n++
					}
				}
				if got := r[5].Text; got != strconv.Itoa(n) {
					t.Errorf("medium %d %s %s: 同じ声 %s, it stands for %d issues", m, tb.Caption, r[0].Text, got, n)
				}
			}
		}
		if !yearTable {
			t.Errorf("medium %d: no table by year in the demo's linkage chapter", m)
		}
	}
	if lists == 0 {
		t.Error("no list of issues")
	}
}

// TestWebHistoryTarget: the web's indicator history charts draw the
// target as the PDF does (a dashed line, in both layouts) and name it in
// their text alternative (the demo's 図8–14 had neither).
func TestWebHistoryTarget(t *testing.T) {
	v := demoView(t)
	if len(v.IndicatorHistory) == 0 {
		t.Fatal("the demo has no indicator history")
	}
	var page strings.Builder
	if err := web.WebReport(&page, v); err != nil {
		t.Fatal(err)
	}
	s := page.String()
	for _, h := range v.IndicatorHistory {
		if h.Target.Blank() {
			continue
		}
		i := strings.Index(s, h.ID+"　"+h.Name+"（％、全体）")
		if i < 0 {
			t.Fatalf("%s: no history chart", h.ID)
		}
		fig := s[i : i+strings.Index(s[i:], "</figure>")]
		if n := strings.Count(fig, `<line class="target"`); n != 2*len(h.Points) && n != 1+len(h.Points) {
			t.Errorf("%s: %d target lines in the chart", h.ID, n)
		}
		if !strings.Contains(fig, "目標 "+h.Target.Text+"%") {
			t.Errorf("%s: the text alternative does not name the target %s", h.ID, h.Target.Text)
		}
	}
}

// TestWebIndicatorTablesPhone: on the web the indicator tables put the
// current value and its grade right after the indicator, so that a phone
// shows them before the table scrolls (the demo's 表1 showed 番号, 指標,
// 策定時 only); a district's own 策定時, which its grade compares with, comes
// just before its value (at 390 px it was 8th of 10 columns, off-screen).
// TestWebKarteIndicatorsPhone measures the columns in a browser.
func TestWebIndicatorTablesPhone(t *testing.T) {
	v := demoView(t)
	var page strings.Builder
	if err := web.WebDistrict(&page, v, v.Districts[0]); err != nil {
		t.Fatal(err)
	}
	var ward strings.Builder
	if err := web.WebReport(&ward, v); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{page.String(), ward.String()} {
		n := 0
		for _, part := range strings.Split(s, `<table class="narrow">`)[1:] {
			head := part[:strings.Index(part, "</tr>")]
			ths := strings.Split(head, "<th scope=\"col\">")[1:]
			grade := 3
			if len(ths) > 2 && strings.Contains(ths[2], "の策定時（%）") {
				grade = 4
			}
			if len(ths) <= grade || !strings.HasPrefix(ths[1], "指標") || !strings.Contains(ths[grade], "評価") {
				t.Errorf("indicator table heads %q: want 番号, 指標, the current value, its grade first", ths)
			}
			n++
		}
		if n == 0 {
			t.Error("no narrow indicator table")
		}
	}
}
