package render

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
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

// quoteSentenceKeys splits a quote after 。！？ and at line breaks, without
// white space and the closing mark (analyze's rule, written out again).
func quoteSentenceKeys(q string) []string {
	var out []string
	for _, s := range regexp.MustCompile(`[^。！？!?\n]*[。！？!?\n]?`).FindAllString(q, -1) {
		s = strings.TrimRight(strings.Join(strings.Fields(s), ""), "。！？!?")
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TestFreeTextSentencesOnce: a 自由記述 list prints no sentence twice, and no
// quote is made only of sentences an earlier list printed, in the ward
// report (PDF and web) and each district handout's カルテ 住民の声 and 自由記述
// (the demo's 綱島 printed 「高齢者のサロンが近くにあると助かります。」 in
// all three bullets, and §7 printed it 14 times).
func TestFreeTextSentencesOnce(t *testing.T) {
	v := demoView(t)
	check := func(where string, lists [][]string) int {
		printed, n := map[string]bool{}, 0
		for _, l := range lists {
			list := map[string]bool{}
			for _, q := range l {
				n++
				fresh := false
				for _, k := range quoteSentenceKeys(q) {
					if list[k] {
						t.Errorf("%s: sentence %q twice in a list (%q)", where, k, l)
					}
					list[k] = true
					fresh = fresh || !printed[k]
				}
				if !fresh {
					t.Errorf("%s: %q holds only sentences printed before", where, q)
				}
			}
			for k := range list {
				printed[k] = true
			}
		}
		return n
	}
	var lists [][]string
	byDistrict := map[string][]string{}
	for _, g := range v.FreeText.Quotes {
		lists = append(lists, g.Items)
		if g.District != "" {
			byDistrict[g.District] = g.Items
		}
	}
	if n := check("view", lists); n < 40 {
		t.Fatalf("demo has %d quotes in %d lists, want the 自由記述 lists", n, len(lists))
	}
	for _, m := range []view.Medium{view.Print, view.Web} {
		var printed [][]string
		section := ""
		for _, b := range flatBlocks(view.WardReport(v), m) {
			switch b := b.(type) {
			case view.Section:
				section = b.Title
			case view.Comments:
				if section == "自由記述" {
					for _, g := range b.Groups {
						printed = append(printed, g.Items)
					}
				}
			}
		}
		if !reflect.DeepEqual(printed, lists) {
			t.Errorf("medium %v: ward report lists %q, want %q", m, printed, lists)
		}
		for _, d := range v.Districts {
			bs := view.DistrictReport(v, d)
			if m == view.Web {
				bs = view.WebReport(v, d)
			}
			section := ""
			var got []string
			for _, b := range flatBlocks(bs, m) {
				switch b := b.(type) {
				case view.Section:
					section = b.Title
				case view.Bullets:
					if strings.HasSuffix(section, "地区カルテ") || section == "自由記述" {
						got = append(got, b.Items...)
					}
				case view.Comments:
					if section == "自由記述" {
						for _, g := range b.Groups {
							got = append(got, g.Items...)
						}
					}
				}
			}
			// The handout's residents' quotes are the district's list.
			var want []string
			for _, q := range byDistrict[d] {
				if slices.Contains(got, q) {
					want = append(want, q)
				}
			}
			if len(want) != len(byDistrict[d]) {
				t.Errorf("medium %v %s: handout quotes %q, want the list %q", m, d, got, byDistrict[d])
			}
			check(fmt.Sprintf("medium %v %s", m, d), [][]string{want})
		}
	}
}
