package render

import (
	"strconv"
	"strings"
	"testing"

	"midreview/render/view"
)

// TestFreeTextQuotedOnce: 自由記述 quotes each answer once across the theme
// and district lists (the demo printed R000136 under 相談・支援, 健康 and
// 綱島), in the PDF and on the web.
func TestFreeTextQuotedOnce(t *testing.T) {
	v := demoView(t)
	quotes := map[string]bool{}
	for _, g := range v.FreeText.Quotes {
		for _, it := range g.Items {
			quotes[it] = true
		}
	}
	if len(quotes) < 20 {
		t.Fatalf("demo has %d quotes, want the 自由記述 lists", len(quotes))
	}
	for _, m := range []view.Medium{view.Print, view.Web} {
		seen := map[string]int{}
		for _, b := range flatBlocks(view.WardReport(v), m) {
			var items []string
			switch b := b.(type) {
			case view.Bullets:
				items = b.Items
			case view.Comments:
				for _, g := range b.Groups {
					items = append(items, g.Items...)
				}
			}
			for _, it := range items {
				if quotes[it] {
					seen[it]++
				}
			}
		}
		if len(seen) < len(quotes) {
			t.Errorf("medium %v: %d of %d quotes printed", m, len(seen), len(quotes))
		}
		for q, n := range seen {
			if n > 1 {
				t.Errorf("medium %v: %q quoted %d times", m, q, n)
			}
		}
	}
}

// TestProgressCountsAddUp: the progress count table's marks and 未記入 add
// up to 計, and 悪化 (a subset of 計) comes after it as 再掲, in the ward
// report and every district handout, PDF and web. The demo's 2024年度 row
// was 12, 12, 5, －, －, 13, 29 (12+12+5+13 = 42 ≠ 29).
func TestProgressCountsAddUp(t *testing.T) {
	v := demoView(t)
	num := func(s string) int {
		if s == "" || s == view.MarkZero {
			return 0
		}
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		if err != nil {
			t.Fatalf("cell %q: %v", s, err)
		}
		return n
	}
	tables, rows2024 := 0, 0
	for _, m := range []view.Medium{view.Print, view.Web} {
		for _, d := range append([]string{""}, v.Districts...) {
			bs := view.WardReport(v)
			if d != "" {
				bs = view.DistrictReport(v, d)
			}
			for _, b := range flatBlocks(bs, m) {
				tb, ok := b.(view.Table)
				if !ok || tb.Caption != "進ちょく別の取組数（年度別）" {
					continue
				}
				tables++
				k := len(tb.Cols)
				if tb.Cols[k-2].Head != "計" || !strings.HasPrefix(tb.Cols[k-1].Head, "（再掲）") ||
					!strings.HasPrefix(tb.Cols[k-1].WebHead, "（再掲）前年度より悪化") {
					t.Errorf("%s: columns end %q, %q; want 計, then （再掲）前年度より悪化", d, tb.Cols[k-2].Head, tb.Cols[k-1].Head)
				}
				if len(tb.Notes) == 0 || !strings.Contains(tb.Notes[0], "再掲") {
					t.Errorf("%s: no note on 再掲: %q", d, tb.Notes)
				}
				for _, r := range tb.Rows {
					sum := 0
					for _, c := range r[1 : k-2] {
						sum += num(c.Text)
					}
					if total := num(r[k-2].Text); sum != total {
						t.Errorf("%s %s: columns sum to %d, 計 %d", d, r[0].Text, sum, total)
					}
					if num(r[k-1].Text) > num(r[k-2].Text) {
						t.Errorf("%s %s: 再掲 %s above 計 %s", d, r[0].Text, r[k-1].Text, r[k-2].Text)
					}
					if d == "" && strings.HasPrefix(r[0].Text, "2024") {
						rows2024++
						var got []string
						for _, c := range r[1:] {
							got = append(got, c.Text)
						}
						if want := "12,12,5,－,－,29,13"; strings.Join(got, ",") != want {
							t.Errorf("ward 2024: %s, want %s", strings.Join(got, ","), want)
						}
					}
				}
			}
		}
	}
	if tables == 0 || rows2024 != 2 {
		t.Errorf("%d count tables, %d ward 2024 rows; want the demo's (2 ward 2024 rows)", tables, rows2024)
	}
}
