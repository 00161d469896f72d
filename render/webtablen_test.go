package render

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/web"
)

var (
	webTableRe = regexp.MustCompile(`(?s)<caption id="t\d+">(.*?)</caption>\s*<thead><tr>(.*?)</tr></thead>\s*<tbody>\s*(.*?)</tbody>`)
	webThRe    = regexp.MustCompile(`<th scope="col">([^<]*)</th>`)
	webRowRe   = regexp.MustCompile(`<tr><th scope="row">([^<]*)</th>(.*?)</tr>`)
	webTdRe    = regexp.MustCompile(`<td[^>]*>([^<]*)</td>`)
)

// A pageTable is one table of a web page as printed: caption, column heads
// and rows (the row's head first).
type pageTable struct {
	caption string
	heads   []string
	rows    [][]string
}

// pageTables reads the tables of a web page.
func pageTables(page string) []pageTable {
	var out []pageTable
	for _, m := range webTableRe.FindAllStringSubmatch(page, -1) {
		t := pageTable{caption: unescapeHTML(m[1])}
		for _, h := range webThRe.FindAllStringSubmatch(m[2], -1) {
			t.heads = append(t.heads, unescapeHTML(h[1]))
		}
		for _, r := range webRowRe.FindAllStringSubmatch(m[3], -1) {
			row := []string{unescapeHTML(r[1])}
			for _, c := range webTdRe.FindAllStringSubmatch(r[2], -1) {
				row = append(row, unescapeHTML(c[1]))
			}
			t.rows = append(t.rows, row)
		}
		out = append(out, t)
	}
	return out
}

// isNHead reports whether a column head is an n: 「n（人）」, 「今回のn（人）」,
// 「n（団体）」, 「回答者数（人）」, 「有効回答数（票）」.
func isNHead(h string) bool {
	return strings.HasPrefix(h, "n（") || strings.Contains(h, "のn（") || strings.HasPrefix(h, view.MapTableN+"（") || strings.HasPrefix(h, "有効回答数（")
}

// TestWebTablesN: every table of every web page that prints percentages has
// a column of n, so that a resident can tell a district of 74 respondents
// from one of 271 (reader review 5 item 16: the tables under the maps, 表2–表8
// of the ward page and 表1 of every district page, printed 地区 and 割合
// only). The tables under the maps print each district's n: on the demo,
// 新吉田あすなろ's 74 respondents (its カルテ's 有効回答数) under 回収率 and
// under I1 (asked of everyone), no n beside an x, and 参考値 beside a value
// whose base is under 参考値基準.
//
// Known gap, not this test's: the 策定時との比較 tables (trendTable) print
// no n in any format, the PDF's included; they are listed, not failed.
func TestWebTablesN(t *testing.T) {
	views := publicViews(t)
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "map")))
	if err != nil {
		t.Fatal(err)
	}
	views = append(views, namedView{"map", view.Build(analyze.Run(b))})
	tables, mapTables, trendGap := 0, 0, 0
	var supp, ref int
	for _, tc := range views {
		for _, o := range webHTMLPages(t, tc.v) {
			for _, tb := range pageTables(o.HTML) {
				pct, n := false, -1
				for i, h := range tb.heads {
					pct = pct || strings.HasSuffix(h, "%）")
					if isNHead(h) && n < 0 {
						n = i
					}
				}
				if !pct {
					continue
				}
				tables++
				if strings.HasSuffix(tb.caption, "との比較（全体）") && n < 0 {
					trendGap++
					continue
				}
				if n < 0 {
					t.Errorf("%s %s: %q has no n column: %q", tc.name, o.Path, tb.caption, tb.heads)
					continue
				}
				if !strings.HasSuffix(tb.caption, "（地区別）") || len(tb.heads) != 3 {
					continue
				}
				// A map's table: 地区 | value | 回答者数（人）.
				mapTables++
				if tb.heads[2] != view.MapTableN+"（人）" {
					t.Errorf("%s %s: %q heads %q, want …, %s（人）", tc.name, o.Path, tb.caption, tb.heads, view.MapTableN)
				}
				for _, r := range tb.rows {
					if len(r) != 3 {
						t.Errorf("%s %s: %q row %q", tc.name, o.Path, tb.caption, r)
						continue
					}
					val, nn := r[1], r[2]
					switch {
					case val == view.MarkSuppressed || val == view.MarkZero:
						supp++
						if nn != "" {
							t.Errorf("%s %s: %q %s prints n %q beside %q", tc.name, o.Path, tb.caption, r[0], nn, val)
						}
					case !regexp.MustCompile(`^[0-9][0-9,]*$`).MatchString(nn):
						t.Errorf("%s %s: %q %s: n %q beside %q", tc.name, o.Path, tb.caption, r[0], nn, val)
					}
					if strings.Contains(val, view.MarkReference) {
						ref++
					}
				}
				if tc.name == "map" && o.Path == web.WebIndex && strings.HasPrefix(tb.caption, "近所付き合いがある人の割合") {
					// The small batch's districts: 北 8 respondents (6 of them, 75.0%),
					// 中央 7 (5, 71.4%), both under 参考値基準; 南 4, under 秘匿基準.
					want := [][]string{{"北", "75.0（参考値）", "8"}, {"中央", "71.4（参考値）", "7"}, {"南", "x", ""}}
					if fmt.Sprint(tb.rows) != fmt.Sprint(want) {
						t.Errorf("map %q rows %q, want %q", tb.caption, tb.rows, want)
					}
				}
				if tc.name == "demo" && (strings.HasPrefix(tb.caption, "回収率") || strings.HasPrefix(tb.caption, "近所で立ち話以上の付き合いがある人の割合")) {
					found := false
					for _, r := range tb.rows {
						if r[0] == "新吉田あすなろ" {
							found = true
							if r[2] != "74" {
								t.Errorf("demo %s: %q 新吉田あすなろ n = %q, want 74", o.Path, tb.caption, r[2])
							}
						}
					}
					if !found {
						t.Errorf("demo %s: %q has no row 新吉田あすなろ", o.Path, tb.caption)
					}
				}
			}
		}
	}
	if mapTables == 0 {
		t.Fatal("no map table on any page")
	}
	t.Logf("%d tables of percentages, %d of them under a map (%d values x or －, %d 参考値); %d 策定時との比較 tables without n (known gap)", tables, mapTables, supp, ref, trendGap)
}
