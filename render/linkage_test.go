package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/dashboard"
	"midreview/render/pdf"
	"midreview/render/view"
)

// hardTestView is the view of testdata/batches/hard; with map, the boundary
// file of testdata/batches/map (same districts, 北 中央 南) is given to it.
func hardTestView(t *testing.T, withMap bool) (*view.View, *analyze.Results) {
	t.Helper()
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "hard")))
	if err != nil {
		t.Fatal(err)
	}
	if withMap {
		mb, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "map")))
		if err != nil {
			t.Fatal(err)
		}
		b.Map = mb.Map
	}
	res := analyze.Run(b)
	return view.Build(res), res
}

func TestHardMore(t *testing.T) {
	for _, tt := range []struct {
		count  view.Fig
		quotes int
		want   int
	}{
		{view.CountFig(6, false), 3, 3},
		{view.CountFig(3, false), 3, 0},
		{view.CountFig(1, false), 0, 1},
		{view.CountFig(0, false), 0, 0},
		{view.CountFig(4, true), 2, 0}, // x: no count printed, no ほか
		{view.CountFig(2, false), 3, 0},
	} {
		if got := view.HardMore(tt.count, tt.quotes); got != tt.want {
			t.Errorf("hardMore(%q, %d) = %d, want %d", tt.count.Text, tt.quotes, got, tt.want)
		}
	}
}

// flatBlocks returns bs with the blocks of Only (of medium m) spliced in.
func flatBlocks(bs []view.Block, m view.Medium) []view.Block {
	var out []view.Block
	for _, b := range bs {
		if o, ok := b.(view.Only); ok {
			if o.Medium&m != 0 {
				out = append(out, flatBlocks(o.Blocks, m)...)
			}
			continue
		}
		out = append(out, b)
	}
	return out
}

var (
	reHardHead  = regexp.MustCompile(`^(.+)（([0-9]+)件(?:、声[0-9,]+件)?）$`)
	reHardAgain = regexp.MustCompile(`に載せた([0-9]+)件`)
)

// checkHardMore checks every category heading of bs with a count: its quotes,
// the issues it refers to under earlier categories (「道路・歩道・段差に載せた
// 1件も…」) and 「ほか○件」 under it make the count, and ほか appears only when
// the count exceeds the quotes and references; and no quote is printed twice
// in one section (a district, or the ward chapter). It returns how many
// headings had a ほか.
func checkHardMore(t *testing.T, name string, bs []view.Block, cats []view.HardCategoryView) int {
	t.Helper()
	isCat := func(s string) bool {
		for _, c := range cats {
			if c.Name == s {
				return true
			}
		}
		return false
	}
	mores := 0
	seen := map[string]bool{}
	for i, b := range bs {
		var title string
		switch h := b.(type) {
		case view.Section:
			clear(seen)
			continue
		case view.Bullets:
			for _, it := range h.Items {
				it, _, _ = strings.Cut(it, "［") // the quote without its other categories
				if seen[it] {
					t.Errorf("%s: quoted twice in one section: %s", name, it)
				}
				seen[it] = true
			}
			continue
		case view.Heading:
			title = h.Text
		case view.Subsection:
			title = h.Title
		default:
			continue
		}
		m := reHardHead.FindStringSubmatch(title)
		if m == nil || !isCat(m[1]) {
			continue
		}
		count, _ := strconv.Atoi(m[2])
		quotes, again, more := 0, 0, 0
		for _, nb := range bs[i+1:] {
			if _, ok := nb.(view.Heading); ok {
				break
			}
			if _, ok := nb.(view.Subsection); ok {
				break
			}
			if _, ok := nb.(view.Section); ok {
				break
			}
			switch x := nb.(type) {
			case view.Bullets:
				quotes += len(x.Items)
			case view.Para:
				for _, m := range reHardAgain.FindAllStringSubmatch(x.Text, -1) {
					n, _ := strconv.Atoi(m[1])
					again += n
				}
				if n, ok := strings.CutPrefix(x.Text, "ほか"); ok {
					more, _ = strconv.Atoi(strings.TrimSuffix(n, "件"))
					if more <= 0 {
						t.Errorf("%s: %q: %q", name, title, x.Text)
					}
					mores++
				}
			}
		}
		if quotes+again == 0 {
			continue // the note that no text can be printed stands in
		}
		if quotes+again+more != count {
			t.Errorf("%s: %q: %d quotes + %d quoted above + ほか%d件 ≠ %d", name, title, quotes, again, more, count)
		}
	}
	return mores
}

// TestHardMoreHeadings: in linkage.pdf, report.pdf, every district handout
// and the web pages, a category heading's count equals the quotes printed
// under it plus 「ほか○件」.
func TestHardMoreHeadings(t *testing.T) {
	v, _ := hardTestView(t, false)
	cats := v.Hard.Categories
	mores := checkHardMore(t, "linkage", flatBlocks(view.Compose(v, "", (*view.Composer).Linkage), view.Print), cats)
	mores += checkHardMore(t, "report", flatBlocks(view.Compose(v, "", (*view.Composer).Hard), view.Print), cats)
	mores += checkHardMore(t, "web", flatBlocks(view.Compose(v, "", (*view.Composer).Hard), view.Web), cats)
	for _, g := range v.Hard.Groups {
		mores += checkHardMore(t, g, flatBlocks(view.Compose(v, g, (*view.Composer).Hard), view.Print), cats)
	}
	if mores == 0 {
		t.Error("no heading of the hard batch has more issues than quotes: the test checks nothing")
	}
	// a hand-made chapter: 6 issues, 2 quotes → ほか4件
	hv := &view.HardView{Categories: []view.HardCategoryView{{Name: "公園・広場"}}, Groups: []string{"北"},
		Rows:     []view.HardRow{{Group: "北", Counts: []view.Fig{view.CountFig(6, false)}, Total: view.CountFig(6, false)}, {Group: analyze.GroupAll, Counts: []view.Fig{view.CountFig(6, false)}, Total: view.CountFig(6, false)}},
		BySource: [][]view.HardRow{nil, nil},
		Quotes:   map[string][][]view.HardQuoteView{"北": {{{Text: "公園の遊具が壊れている。", Source: "区民の自由記述（北）"}, {Text: "公園が暗い。", Source: "区民の自由記述（北）"}}}}}
	c := &view.Composer{V: &view.View{Hard: hv}}
	c.HardCategory(0, "北", false, false)
	var got []string
	for _, b := range c.Out {
		if p, ok := b.(view.Para); ok {
			got = append(got, p.Text)
		}
	}
	if strings.Join(got, "|") != "ほか4件" {
		t.Errorf("6 issues, 2 quotes: %q", got)
	}
}

// TestLinkageAnnex: linkage.pdf ends with every issue of hard_issues.csv,
// by its 課題ID, after the annex's heading.
func TestLinkageAnnex(t *testing.T) {
	v, res := hardTestView(t, false)
	var csvBuf bytes.Buffer
	if err := HardIssuesCSV(&csvBuf, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvBuf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "issue_id" {
			col = i
		}
	}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		ids[r[col]] = true
	}
	if len(ids) < 5 {
		t.Fatalf("only %d issues in the hard batch", len(ids))
	}
	needTool(t, "pdftotext")
	var pdfOut bytes.Buffer
	if err := pdf.LinkagePDF(&pdfOut, v, pdf.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	txt := string(pdfToolRun(t, pdfOut.Bytes(), "pdftotext", "-layout", "{}", "-"))
	at := strings.LastIndex(txt, "付録　すべての課題（課題ID順）")
	if at < 0 {
		at = strings.LastIndex(txt, "付録 すべての課題（課題ID順）")
	}
	if at < 0 {
		t.Fatalf("linkage.pdf has no annex:\n%s", txt)
	}
	annex := txt[at:]
	if !strings.Contains(annex, "すべての課題ID（課題ID順、"+strconv.Itoa(len(ids))+"件）") {
		t.Errorf("the annex's caption does not count %d issues", len(ids))
	}
	last := -1
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		i := strings.Index(annex, id)
		if i < 0 {
			t.Errorf("the annex lacks %s", id)
			continue
		}
		if i < last {
			t.Errorf("%s is out of ID order", id)
		}
		last = i
	}
}

func TestClassifyCount(t *testing.T) {
	counts := func(ns ...int) []view.Fig {
		var out []view.Fig
		for _, n := range ns {
			out = append(out, view.Fig{Value: float64(n), Text: strconv.Itoa(n)})
		}
		return out
	}
	for _, tt := range []struct {
		name                string
		vals                []view.Fig
		class, fill, legend string
	}{
		{"three counts and a zero", counts(2, 0, 5, 2), "[1 0 2 1]", "[#e6550d #ffffff #a63603 #e6550d]",
			"[{5件 #a63603} {2件 #e6550d} {0件 #ffffff}]"},
		{"no zero: no 0件 in the legend", counts(1, 1), "[1 1]", "[#a63603 #a63603]", "[{1件 #a63603}]"},
		// 3…9: width ⌈7/4⌉ = 2 → 3–4, 5–6, 7–8, 9
		{"six counts in four classes of two", counts(3, 5, 6, 7, 8, 9, 0), "[1 2 2 3 3 4 0]",
			"[#fdd0a2 #fd8d3c #fd8d3c #e6550d #e6550d #a63603 #ffffff]",
			"[{9件 #a63603} {7～8件 #e6550d} {5～6件 #fd8d3c} {3～4件 #fdd0a2} {0件 #ffffff}]"},
		// 1…20: width 5 → 1–5, 6–10, 11–15, 16–20; 6–10 holds none
		{"an empty class keeps its place", counts(1, 2, 3, 4, 20, 15), "[1 1 1 1 4 3]",
			"[#fdd0a2 #fdd0a2 #fdd0a2 #fdd0a2 #a63603 #e6550d]",
			"[{16～20件 #a63603} {11～15件 #e6550d} {6～10件 #fd8d3c} {1～5件 #fdd0a2}]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mm := view.MapMeasure{Count: true, Values: tt.vals}
			view.ClassifyCount(&mm)
			if got := fmt.Sprint(mm.Class); got != tt.class {
				t.Errorf("class %s, want %s", got, tt.class)
			}
			if got := fmt.Sprint(mm.Fill); got != tt.fill {
				t.Errorf("fill %s, want %s", got, tt.fill)
			}
			if got := fmt.Sprint(mm.Legend); got != tt.legend {
				t.Errorf("legend %s, want %s", got, tt.legend)
			}
		})
	}
}

// TestLinkageIssueMap: with map/, linkage.pdf's 区全体の状況 maps the number
// of physical issues per district, with its count legend (not the wording of
// better and worse) and each district's name and count; without map/, no
// map and no page without content.
func TestLinkageIssueMap(t *testing.T) {
	needTool(t, "pdftotext")
	v, _ := hardTestView(t, true)
	mm := v.Map.Issues
	if mm == nil {
		t.Fatal("no issue map")
	}
	var pdfOut bytes.Buffer
	if err := pdf.LinkagePDF(&pdfOut, v, pdf.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	txt := string(pdfToolRun(t, pdfOut.Bytes(), "pdftotext", "-layout", "{}", "-"))
	for _, want := range []string{"物理的な対応が必要な課題の数の地区別の地図", "（濃いほど多い）", "色が濃いほど件数が多い"} {
		if !strings.Contains(txt, want) {
			t.Errorf("linkage.pdf lacks %q", want)
		}
	}
	if strings.Contains(txt, "濃いほど良い") {
		t.Error("the count map says darker is better")
	}
	for _, l := range mm.Legend {
		if !strings.Contains(txt, l.Label) {
			t.Errorf("the legend lacks %q", l.Label)
		}
	}
	raw := string(pdfToolRun(t, pdfOut.Bytes(), "pdftotext", "{}", "-"))
	for j, d := range v.Map.Districts {
		r, _ := v.Hard.RowOf(d.Name)
		want := "0"
		if r != nil {
			want = strconv.Itoa(int(r.Total.Value))
		}
		if mm.Values[j].Text != want {
			t.Errorf("%s: %s on the map, %s in the table", d.Name, mm.Values[j].Text, want)
		}
		if !strings.Contains(raw, d.Name+"\n"+want+"\n") {
			t.Errorf("the map lacks the label %s %s", d.Name, want)
		}
	}
	// without map/
	v, _ = hardTestView(t, false)
	pdfOut.Reset()
	if err := pdf.LinkagePDF(&pdfOut, v, pdf.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	txt = string(pdfToolRun(t, pdfOut.Bytes(), "pdftotext", "-layout", "{}", "-"))
	if strings.Contains(txt, "地区別の地図") {
		t.Error("a map without map/")
	}
	for i, page := range strings.Split(strings.TrimSuffix(txt, "\f"), "\f") {
		lines := 0
		for _, l := range strings.Split(page, "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		if lines < 4 {
			t.Errorf("page %d is empty:\n%s", i+1, page)
		}
	}
}

// TestMapCaptionWraps: two maps to a row with long captions print each
// caption whole, wrapped within its column, never cut with …
func TestMapCaptionWraps(t *testing.T) {
	needTool(t, "pdftotext")
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "map")))
	if err != nil {
		t.Fatal(err)
	}
	long := []string{"近所で立ち話以上の付き合いがあると答えた人の割合（単身の高齢者を含む）", "災害のときに近所の人と助け合えないと思うと答えた人の割合"}
	for i := range b.Indicators {
		b.Indicators[i].Name = long[i%len(long)]
	}
	v := view.Build(analyze.Run(b))
	raw := string(pdfToolRun(t, renderPDFT(t, v, ""), "pdftotext", "-raw", "{}", "-"))
	if strings.Contains(raw, "…") {
		t.Error("a caption is cut with …")
	}
	flat := strings.NewReplacer("\n", "", " ", "").Replace(raw)
	for i, ind := range b.Indicators {
		if want := ind.ID + ind.Name + "の地区別の地図"; !strings.Contains(flat, want) {
			t.Errorf("indicator %d: caption %q not printed whole", i, want)
		}
	}
}

// TestHardQuotedOnce: in linkage.pdf's 中央 of the hard batch, each issue
// is quoted once, under its first category, with its other categories
// named after it, and the later category refers to it. By hand (表8 中央):
// S-93dbead1 and H-29e76903 are 空き家・空き店舗 and 集会所・活動拠点, quoted
// under 空き家・空き店舗 (2件); 集会所・活動拠点 (4件) quotes
// 「集まる場所がない。…」, refers to those 2 and leaves ほか1件.
func TestHardQuotedOnce(t *testing.T) {
	v, _ := hardTestView(t, false)
	bs := flatBlocks(view.Compose(v, "", (*view.Composer).Linkage), view.Print)
	in := false
	var got []string
	for _, b := range bs {
		switch x := b.(type) {
		case view.Section:
			in = x.Title == "中央"
		case view.Heading:
			if in {
				got = append(got, "# "+x.Text)
			}
		case view.Bullets:
			if in {
				got = append(got, x.Items...)
			}
		case view.Para:
			if in && strings.HasPrefix(x.Text, "ほか") || in && strings.Contains(x.Text, "に載せた") {
				got = append(got, x.Text)
			}
		}
	}
	want := []string{
		"# 空き家・空き店舗（2件）",
		"「空き店舗を地域の居場所にできないかと思います。」（区民の自由記述（中央））［集会所・活動拠点にも該当］",
		"「活動場所が足りない。商店街の空き店舗を借りられないか」（団体ヒアリング（中央、南））［集会所・活動拠点にも該当］",
		"# 道路・歩道・段差（1件）",
		"「坂道が多く、買い物に行くのが大変です。」（区民の自由記述（中央））",
		"# 公園・広場（1件）",
		"「子どもが遊べる広場がほしい。…」（区民の自由記述（中央））",
		"# 集会所・活動拠点（4件）",
		"「集まる場所がない。〇〇の自治会館は古くて使いにくい。」（区民の自由記述（中央））",
		"空き家・空き店舗に載せた2件も、この分類に該当します。",
		"ほか1件",
	}
	if !slices.Equal(got, want) {
		t.Errorf("中央:\n got %q\nwant %q", got, want)
	}
	if s := view.HardAgainText([]string{"空き家・空き店舗", "空き家・空き店舗", "道路・歩道・段差"}); s != "空き家・空き店舗に載せた2件、道路・歩道・段差に載せた1件も、この分類に該当します。" {
		t.Errorf("HardAgainText: %q", s)
	}
}

// TestHardTotalHeadOneName: the total column of the counts is 計（課題数）
// in the tabulation book, the dashboard and linkage.pdf alike (the sheet
// said 計（記述数） beside the PDFs' 計（課題数）, for the same figure).
func TestHardTotalHeadOneName(t *testing.T) {
	v, _ := hardTestView(t, false)
	_, f := writeXLSX(t, v)
	dump := string(xlsxDump(t, f))
	var page bytes.Buffer
	if err := dashboard.Dashboard(&page, v, dashboard.DashboardOptions{}); err != nil {
		t.Fatal(err)
	}
	heads := 0
	for _, l := range strings.Split(dump, "\n") {
		if strings.HasPrefix(l, "ハード連携!") && strings.Contains(l, "\t計（") {
			heads++
			if !strings.HasSuffix(l, "\t"+view.HardTotalHead) {
				t.Errorf("tabulation: %s, want %s", l, view.HardTotalHead)
			}
		}
	}
	// by hand: the tables by district, by source and by year (cells H3, H10, H15)
	if heads != 3 {
		t.Errorf("tabulation ハード連携: %d total heads, want 3", heads)
	}
	if !strings.Contains(page.String(), "<th scope=\"col\">"+view.HardTotalHead+"</th>") || strings.Contains(page.String(), "記述数") {
		t.Error("dashboard: the total column is not " + view.HardTotalHead)
	}
	pdfHeads := 0
	for _, b := range flatBlocks(view.Compose(v, "", (*view.Composer).Linkage), view.Print) {
		if tb, ok := b.(view.Table); ok {
			for _, c := range tb.Cols {
				if strings.HasPrefix(c.Head, "計（") {
					pdfHeads++
					if c.Head != view.HardTotalHead {
						t.Errorf("linkage %s: head %s", tb.Caption, c.Head)
					}
				}
			}
		}
	}
	if pdfHeads != 3 {
		t.Errorf("linkage: %d total heads, want 3 (by district, by source, by year)", pdfHeads)
	}
}
