package render

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"midreview/render/view"
	"midreview/render/web"
)

// writePublished writes what a ward uploads, as `run` writes it into OUT/:
// web/ (linking to its siblings), opendata/, and stand-ins for the PDF
// handouts (report.pdf, districts/NN_地区名.pdf). It returns web/'s pages.
func writePublished(t *testing.T, dir string, v *view.View) []string {
	t.Helper()
	put := func(p string, data []byte) {
		t.Helper()
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var pages []string
	write := func(prefix string, outs []view.Output) {
		for _, o := range outs {
			var buf bytes.Buffer
			if err := o.Write(&buf); err != nil {
				t.Fatalf("%s: %v", o.Path, err)
			}
			put(prefix+o.Path, buf.Bytes())
			if strings.HasSuffix(o.Path, ".html") {
				pages = append(pages, o.Path)
			}
		}
	}
	write("web/", web.WebFiles(v, web.WebOptions{Handouts: true, Opendata: true}))
	write("opendata/", OpendataFiles(v))
	put("report.pdf", []byte("%PDF-1.4\n"))
	for i, d := range v.Districts {
		put(view.DistrictFile(i, d), []byte("%PDF-1.4\n"))
	}
	return pages
}

// webShots, when set, is a folder where TestWebPhone saves screenshots of
// the demo's report and first district page at 390 and 1280 px: the top,
// the first bar chart, the first stacked band and the end (報告書の見方, contact) (for looking at, not compared).
var webShots = flag.String("webshots", "", "save screenshots of web/ at 390 and 1280 px into this folder")

// phoneCheck is what TestWebPhone measures on a page, in its browser.
type phoneCheck struct {
	Small    []string // texts rendered under 11 px: "size text"
	Texts    int      // rendered texts measured
	SVGTexts int      // of them in charts
	MinSVG   float64  // the smallest chart text (px)
	Scroll   float64  // page width beyond the viewport (px)
	Cut      []string // table captions whose text runs past their scrolling region or the viewport: "id text"
	H2       []string // ids of the h2 headings, in order
	Opendata bool     // a visible link to opendata/README.txt
	Contact  string   // the text after the 問い合わせ先 heading
}

// check reports what a phone reader would trip over on page where: a text
// under 11 px, chart text under 12 px, a page that scrolls sideways, a table
// caption cut off at the edge of its scrolling region, no link to the open
// data.
func (c phoneCheck) check(t *testing.T, where string) {
	t.Helper()
	if len(c.Small) > 0 {
		t.Errorf("%s: %d of %d texts under 11 px at 390 px, e.g. %q", where, len(c.Small), c.Texts, c.Small[:min(5, len(c.Small))])
	}
	if c.SVGTexts > 0 && c.MinSVG < 12-1e-6 {
		t.Errorf("%s: chart text at %.1f px at 390 px, want at least 12", where, c.MinSVG)
	}
	if c.Scroll > 0.5 {
		t.Errorf("%s: the page scrolls sideways by %.0f px at 390 px", where, c.Scroll)
	}
	if len(c.Cut) > 0 {
		t.Errorf("%s: %d table captions run past the edge of their region at 390 px, e.g. %q", where, len(c.Cut), c.Cut[:min(3, len(c.Cut))])
	}
	if !c.Opendata {
		t.Errorf("%s: no visible link to opendata/README.txt", where)
	}
}

// phoneJS measures a page: every rendered text node's size (its element's
// computed font size, times the scaling of the svg it is in: viewBox width
// against the drawn width), the page's horizontal overflow, the headings'
// order, the link to the open data and the contact, and every table
// caption whose text runs past the right edge of its scrolling region (or
// of the viewport): a caption is as wide as its table, so a table wider than
// the phone cut its caption off where the region clips it (reader review 5
// item 17). Closed <details> are opened first, so that their tables are
// measured too.
const phoneJS = `(() => {
	document.querySelectorAll('details').forEach(d => d.open = true);
	const out = {Small: [], Texts: 0, SVGTexts: 0, MinSVG: 1000};
	const seen = new Set();
	const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = w.nextNode(); n; n = w.nextNode()) {
		const el = n.parentElement;
		if (!n.textContent.trim() || seen.has(el)) continue;
		seen.add(el);
		if (el.getClientRects().length === 0) continue; // not rendered (display:none)
		let size = parseFloat(getComputedStyle(el).fontSize);
		const svg = el.closest('svg');
		if (svg) {
			const vb = svg.viewBox.baseVal;
			if (vb && vb.width > 0) size *= svg.getBoundingClientRect().width / vb.width;
			out.SVGTexts++;
			out.MinSVG = Math.min(out.MinSVG, size);
		}
		out.Texts++;
		if (size < 11 - 1e-6) out.Small.push(size.toFixed(2) + ' ' + n.textContent.trim().slice(0, 30));
	}
	out.Scroll = document.documentElement.scrollWidth - window.innerWidth;
	out.Cut = [];
	document.querySelectorAll('caption').forEach(c => {
		const region = c.closest('.scroll');
		const edge = Math.min(region ? region.getBoundingClientRect().right : Infinity, document.documentElement.clientWidth);
		const r = document.createRange();
		r.selectNodeContents(c);
		if ([...r.getClientRects()].some(q => q.right > edge + 0.5)) out.Cut.push(c.id + ' ' + c.textContent.trim().slice(0, 30));
	});
	out.H2 = [...document.querySelectorAll('h2')].map(h => h.id);
	out.Opendata = [...document.querySelectorAll('a')].some(a => a.getAttribute('href').endsWith('opendata/README.txt') && a.getClientRects().length > 0);
	const c = document.getElementById('contact');
	out.Contact = c && c.nextElementSibling ? c.nextElementSibling.textContent.trim() : '';
	return JSON.stringify(out);
})()`

// TestWebPhone opens every page of web/ (the ward's and every district's)
// of the public views at 390×844, as a phone shows them, and checks that no
// text renders under 11 px and no chart text under 12 px (charts are not
// scaled down: each has a layout drawn for that width), that the page does not scroll sideways, that the
// findings come before 調査の概要 and 報告書の見方 (which close the page),
// and that the page links to the open data and names a contact.
func TestWebPhone(t *testing.T) {
	needChromium(t)
	ctx := newBrowser(t)
	axe, _ := os.ReadFile(axePath) // optional here: TestWebAccessibility requires it
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	// A control page: a chart drawn 720 wide and scaled to the phone, and a
	// wide table with a long caption; the check must see its small text, the
	// sideways scroll and the caption running past the viewport.
	control := filepath.Join(t.TempDir(), "control.html")
	if err := os.WriteFile(control, []byte(`<!DOCTYPE html><html lang="ja"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>x</title></head><body>`+
		`<svg viewBox="0 0 720 40" width="720" height="40" style="max-width:100%;height:auto" font-size="13"><text x="0" y="20">縮んだ文字</text></svg>`+
		`<table><caption>`+strings.Repeat("長い表題", 20)+`</caption><tr><td style="white-space:nowrap">`+strings.Repeat("横に長い表", 20)+`</td></tr></table></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: filepath.ToSlash(control)}).String())); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](phoneJS))
	if err != nil {
		t.Fatal(err)
	}
	var ctl phoneCheck
	if err := json.Unmarshal([]byte(out), &ctl); err != nil || len(ctl.Small) != 1 || ctl.Scroll < 100 || len(ctl.Cut) != 1 {
		t.Errorf("control page: small %q, scroll %.0f, cut %q (%v); want the scaled chart text, a sideways scroll and the wide table's caption cut", ctl.Small, ctl.Scroll, ctl.Cut, err)
	}
	if axe != nil {
		// The control's wide table scrolls in a region the keyboard cannot reach.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`document.querySelector('table').outerHTML = '<div style="overflow-x:auto"><table><tr><td style="white-space:nowrap">'+'横に長い表'.repeat(20)+'</td></tr></table></div>'; 0`)); err != nil {
			t.Fatal(err)
		}
		if ids := axeRules(t, ctx, axe, "scrollable-region-focusable"); len(ids) != 1 {
			t.Errorf("control page: axe at 390 px found %v, want scrollable-region-focusable", ids)
		}
	}
	for _, tc := range publicViews(t) {
		dir := t.TempDir()
		tc.v.Contact = []string{"港北区福祉保健課 事業企画係", "電話 045-540-2362　メール kh-fukushi@example.jp"}
		pages := writePublished(t, dir, tc.v)
		base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "web")) + "/"}).String()
		for _, p := range pages {
			if _, err := chromedp.Run(ctx, chromedp.Navigate(base+p)); err != nil {
				t.Fatal(err)
			}
			out, err := chromedp.Run(ctx, chromedp.Evaluate[string](phoneJS))
			if err != nil {
				t.Fatalf("%s %s: %v", tc.name, p, err)
			}
			var c phoneCheck
			if err := json.Unmarshal([]byte(out), &c); err != nil {
				t.Fatal(err)
			}
			where := tc.name + " " + p
			if c.Texts < 20 {
				t.Errorf("%s: only %d texts measured", where, c.Texts)
			}
			c.check(t, where)
			if !strings.Contains(c.Contact, "福祉保健課") {
				t.Errorf("%s: contact %q", where, c.Contact)
			}
			checkWebOrder(t, where, c.H2, readH2Titles(t, filepath.Join(dir, "web", filepath.FromSlash(p))))
			// At this width tables scroll sideways: each scrolling region
			// must take the keyboard's focus (axe's rule, run here since
			// TestWebAccessibility's desktop width scrolls none).
			if axe != nil {
				if ids := axeRules(t, ctx, axe, "scrollable-region-focusable"); len(ids) > 0 {
					t.Errorf("%s: axe at 390 px: %v", where, ids)
				}
			}
			if tc.name == "demo" && (p == web.WebIndex || p == web.WebDistrictFile(0)) {
				t.Logf("%s: %d texts (%d in charts, the smallest %.1f px), none under 11 px", where, c.Texts, c.SVGTexts, c.MinSVG)
				if *webShots != "" {
					shootWeb(t, ctx, base+p, strings.TrimSuffix(strings.ReplaceAll(p, "/", "_"), ".html"))
				}
			}
		}
	}
}

// axeRules runs the named axe-core rules on the page loaded in ctx and
// returns the ids of those violated.
func axeRules(t *testing.T, ctx context.Context, axe []byte, rules ...string) []string {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(axe)+";0")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	list, _ := json.Marshal(rules)
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {runOnly: {type: 'rule', values: `+string(list)+`}, resultTypes: ['violations']})
		.then(r => r.violations.map(v => v.id))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	return ids
}

// readH2Titles maps the h2 ids of a page to their titles.
func readH2Titles(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`<h2 id="([^"]*)"[^>]*>([^<]*)</h2>`).FindAllStringSubmatch(string(data), -1) {
		out[m[1]] = unescapeHTML(m[2])
	}
	return out
}

// checkWebOrder checks a page's headings: 報告書の見方 (#methods) then the
// contact close it, and 調査の概要 and 回答者の属性 come after every
// chapter of findings.
func checkWebOrder(t *testing.T, where string, ids []string, titles map[string]string) {
	t.Helper()
	n := len(ids)
	if n < 2 || ids[n-2] != web.WebMethodsID || ids[n-1] != web.WebContactID {
		t.Errorf("%s: headings end %q, want …%s, %s", where, ids, web.WebMethodsID, web.WebContactID)
		return
	}
	closing := false
	for _, id := range ids[:n-2] {
		title := titles[id]
		survey := strings.HasSuffix(title, "調査の概要") || strings.HasSuffix(title, "回答者の属性")
		if closing && !survey {
			t.Errorf("%s: chapter %q after 調査の概要", where, title)
		}
		closing = closing || survey
	}
	if len(ids) > 2 && strings.HasSuffix(titles[ids[0]], "調査の概要") {
		t.Errorf("%s: the page opens with 調査の概要", where)
	}
}

// relLum is a colour's relative luminance (WCAG 2.1), from #rrggbb.
func relLum(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q", hex)
	}
	var c [3]float64
	for i := range c {
		n, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		s := float64(n) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := relLum(t, a), relLum(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

var (
	svgRectRe = regexp.MustCompile(`<rect [^>]*fill="(#[0-9a-f]{6})"([^>]*)/>`)
	svgTextRe = regexp.MustCompile(`<text [^>]*fill="(#[0-9a-f]{6})"[^>]*>`)
)

// TestWebChartContrast checks the charts' non-text contrast (WCAG 1.4.11)
// on every page of the public views: every bar and band segment is 3:1
// against the white background and the white separators between segments
// (a white segment, 無回答, has an outline of 3:1), the band palettes' white
// figures are 4.5:1 on their fills, and every chart text is dark on white
// or white on a fill of the palette.
func TestWebChartContrast(t *testing.T) {
	for k := 1; k <= 9; k++ {
		for _, na := range []bool{false, true} {
			for i, f := range web.WebBandFills(k, na) {
				if f == web.SvgNA {
					if na && i == k-1 && contrast(t, web.SvgNALine, "#ffffff") >= 3 {
						continue
					}
					t.Errorf("%d categories (na %v): #%d is white without an outline of 3:1", k, na, i)
				}
				if c := contrast(t, f, "#ffffff"); c < 4.5 {
					t.Errorf("%d categories: fill %s is %.2f:1 against white (white figures on it need 4.5:1)", k, f, c)
				}
			}
		}
	}
	for _, s := range web.SvgSeries {
		if c := contrast(t, s, "#ffffff"); c < 3 {
			t.Errorf("bar colour %s is %.2f:1 against white", s, c)
		}
	}
	rects, texts := 0, 0
	for _, tc := range publicViews(t) {
		for _, o := range web.WebFiles(tc.v, web.WebOptions{}) {
			var buf bytes.Buffer
			if err := o.Write(&buf); err != nil {
				t.Fatal(err)
			}
			for _, svg := range regexp.MustCompile(`(?s)<svg class="(?:wide|narrow)".*?</svg>`).FindAllString(buf.String(), -1) {
				for _, m := range svgRectRe.FindAllStringSubmatch(svg, -1) {
					rects++
					fill, rest := m[1], m[2]
					if fill == "#ffffff" {
						if !strings.Contains(rest, `stroke="`+web.SvgNALine+`"`) {
							t.Errorf("%s %s: a white rect without its outline: %s", tc.name, o.Path, m[0])
						}
						continue
					}
					if c := contrast(t, fill, "#ffffff"); c < 3 {
						t.Errorf("%s %s: %s is %.2f:1 against white", tc.name, o.Path, fill, c)
					}
				}
				for _, m := range svgTextRe.FindAllStringSubmatch(svg, -1) {
					texts++
					if f := m[1]; f != web.SvgText && f != "#ffffff" {
						t.Errorf("%s %s: chart text in %s", tc.name, o.Path, f)
					}
				}
			}
		}
	}
	if rects == 0 || texts == 0 {
		t.Fatal("no chart drawn")
	}
	t.Logf("%d rects and %d texts of charts checked", rects, texts)
}

// shootWeb saves viewport screenshots of a page at 1280 and 390 px wide:
// its top, its first bar chart, its first stacked band and its end (into -webshots).
func shootWeb(t *testing.T, ctx context.Context, u, name string) {
	t.Helper()
	for _, w := range []int64{1280, 390} {
		if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(w, 844)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
			t.Fatal(err)
		}
		for _, at := range []struct{ name, js string }{
			{"top", "null"},
			{"bars", "[...document.querySelectorAll('figure')].find(f => f.querySelector('svg.narrow') && !f.querySelector('details'))"},
			{"band", "[...document.querySelectorAll('figure')].find(f => f.querySelector('details.data'))"},
			{"end", "document.getElementById('" + web.WebMethodsID + "')"},
		} {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`(() => { const e = `+at.js+`; if (e) { e.scrollIntoView(); window.scrollBy(0, -10); } else window.scrollTo(0, 0); return 0; })()`)); err != nil {
				t.Fatal(err)
			}
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*webShots, name+"_"+at.name+"_"+strconv.FormatInt(w, 10)+".png"), shot, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
}

// TestSVGWrap checks that chart labels wrap whole, without cutting, at
// phrase ends when there are some, and into balanced lines.
func TestSVGWrap(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width float64
		want  []string
	}{
		{"全体", 100, []string{"全体"}},
		{"困ったときに相談や助け合いをする", 13 * 10, []string{"困ったときに相談", "や助け合いをする"}},
		{"I1　近所で立ち話以上の付き合いがある人の割合", 218, []string{"I1　近所で立ち話以上の", "付き合いがある人の割合"}},
		{"自治会・町内会やボランティアなど、地域の活動", 13 * 12, []string{"自治会・町内会やボラン", "ティアなど、地域の活動"}},
	} {
		got := web.SvgWrap(tc.s, tc.width, web.SvgFont)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("svgWrap(%q, %v) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
		if noSpace := strings.NewReplacer("　", "", " ", ""); noSpace.Replace(strings.Join(got, "")) != noSpace.Replace(tc.s) {
			t.Errorf("svgWrap(%q) lost text: %q", tc.s, got)
		}
		for _, l := range got {
			if w := web.SvgTextW(l, web.SvgFont); w > tc.width {
				t.Errorf("svgWrap(%q): line %q is %.0f wide, over %v", tc.s, l, w, tc.width)
			}
		}
	}
}

// TestWebPlainWords checks that the chapters of every page, up to 調査の概要
// (or 報告書の見方 when there is none), name no statistical test: no 検定 and
// no χ², that no page prints any term of web.PlainForbidden (調整済み標準化残差,
// 基数, 秘匿基準, 有意水準, p値, 95%信頼区間, χ², 検定: the reader found them all on
// web/index.html) outside the words of residents, organizations and staff
// (writtenWords: printed as written, TestWebQuotesAsWritten), and that no
// page repeats the PDF's claim that its charts survive a black-and-white copy.
func TestWebPlainWords(t *testing.T) {
	end := regexp.MustCompile(`<h2 id="s\d+">\d+　調査の概要</h2>|<h2 id="` + web.WebMethodsID + `">`)
	for _, tc := range publicViews(t) {
		// The written words that say a term, printed as written.
		written := slices.DeleteFunc(writtenWords(tc.v), func(q string) bool {
			return !slices.ContainsFunc(web.PlainForbidden, func(w string) bool { return strings.Contains(q, w) })
		})
		for _, o := range webHTMLPages(t, tc.v) {
			page := o.HTML
			for _, q := range written {
				page = strings.ReplaceAll(page, web.Esc(q), "")
			}
			loc := end.FindStringIndex(page)
			if loc == nil {
				t.Errorf("%s %s: no 調査の概要 or 報告書の見方", tc.name, o.Path)
				continue
			}
			for _, w := range []string{"検定", "χ²"} {
				if i := strings.Index(page[:loc[0]], w); i >= 0 {
					t.Errorf("%s %s: %q before 調査の概要: …%s…", tc.name, o.Path, w, page[max(0, i-120):i+20])
				}
			}
			// Residents' pages use plain words everywhere, the closing
			// notes included; the PDF handouts keep the terms.
			for _, w := range web.PlainForbidden {
				if i := strings.Index(page, w); i >= 0 {
					t.Errorf("%s %s: %q on a web page: …%s…", tc.name, o.Path, w, page[max(0, i-120):i+20])
				}
			}
			if strings.Contains(page, "白黒で複写") {
				t.Errorf("%s %s: says its charts survive a black-and-white copy", tc.name, o.Path)
			}
		}
	}
}

// writtenWords are the texts of v that someone wrote and the pages print
// as written: residents' answers and quotes, organizations' comments, the
// hard chapter's quotes and the secretariat's wording of a passage.
func writtenWords(v *view.View) []string {
	var out []string
	groups := func(gs []view.CommentGroup) {
		for _, g := range gs {
			out = append(out, g.Items...)
		}
	}
	for _, r := range v.FreeText.Texts {
		out = append(out, r.Text)
	}
	groups(v.FreeText.Quotes)
	groups(v.Hearings.Comments)
	groups(v.Hearings.PublicComments)
	for _, d := range v.Districts {
		groups(v.Hearings.DistrictComments[d])
		groups(v.Hearings.PublicDistrictComments[d])
	}
	for _, p := range v.Profiles {
		out = append(out, p.Quotes...)
	}
	if v.Hard != nil {
		for _, cats := range v.Hard.Quotes {
			for _, qs := range cats {
				for _, q := range qs {
					out = append(out, q.Text)
				}
			}
		}
	}
	for _, p := range v.Passages {
		if p.Staff {
			out = append(out, p.Lines...)
		}
	}
	return out
}

// TestWebQuotesAsWritten: the web writer rewrites no text, so a resident's
// quote, an organization's comment and the secretariat's wording that say
// 基数, 検定 or 95%信頼区間 are printed exactly as written, while the
// composers' own sentences beside them keep their plain words.
func TestWebQuotesAsWritten(t *testing.T) {
	v := demoView(t)
	quote := "アンケートの基数が少ないのでは？検定の結果を知りたい（秘匿基準とは）。"
	comment := "自治会Ａ：有意水準の基数と検定について説明がほしい。"
	staff := "「地域の活動に参加している人の割合」の今回値の95%信頼区間は事務局で確認中です。"
	if len(v.FreeText.Quotes) == 0 || len(v.Hearings.PublicComments) == 0 {
		t.Fatal("the demo has no quotes or public comments")
	}
	g := v.FreeText.Quotes[0]
	g.Items = append([]string{quote}, g.Items[1:]...)
	v.FreeText.Quotes = append([]view.CommentGroup{g}, v.FreeText.Quotes[1:]...)
	h := v.Hearings.PublicComments[0]
	h.Items = append([]string{comment}, h.Items[1:]...)
	v.Hearings.PublicComments = append([]view.CommentGroup{h}, v.Hearings.PublicComments[1:]...)
	staffed := ""
	for i := range v.Passages {
		p := &v.Passages[i]
		if p.Place == "指標" && len(p.Lines) > 0 {
			p.Lines, p.WebLines, p.Staff = []string{staff}, []string{staff}, true
			staffed = p.Target
			break
		}
	}
	if staffed == "" {
		t.Fatal("the demo has no indicator passage")
	}
	var buf bytes.Buffer
	if err := web.WebReport(&buf, v); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, s := range []string{quote, comment, staff} {
		if !strings.Contains(page, "<li>"+web.Esc(s)+"</li>") && !strings.Contains(page, "<p>"+web.Esc(s)+"</p>") {
			t.Errorf("the web page does not print %q as written", s)
		}
	}
	// The composers' sentences still say 分母 and 誤差を考えると.
	for _, want := range []string{"回答者だけを分母としています", "の今回値は、誤差を考えると"} {
		if !strings.Contains(page, want) {
			t.Errorf("the web page lacks the plain words %q", want)
		}
	}
	rest := page
	for _, s := range []string{quote, comment, staff} {
		rest = strings.ReplaceAll(rest, web.Esc(s), "")
	}
	for _, w := range web.PlainForbidden {
		if i := strings.Index(rest, w); i >= 0 {
			t.Errorf("%q outside the quotes: …%s…", w, rest[max(0, i-120):i+20])
		}
	}
}

// TestOpendataReadme checks opendata/README.txt, the folder's index: the
// licence of 設定 公開ライセンス (either value), the date, the suppression
// rule, every file with each of its columns, and 問い合わせ先 when given;
// and that every file's own README names the licence too.
func TestOpendataReadme(t *testing.T) {
	for _, tc := range []struct {
		license, want string
		contact       []string
	}{
		{"CC BY 4.0", "クリエイティブ・コモンズ 表示 4.0 国際", nil},
		{"公共データ利用規約（第1.0版）", "公共データ利用規約（第1.0版）", []string{"港北区福祉保健課", "電話 045-540-2362"}},
	} {
		v := demoView(t)
		v.License, v.Contact = tc.license, tc.contact
		files := OpendataFiles(v)
		if files[0].Path != web.OpendataReadme {
			t.Fatalf("first file %s, want %s", files[0].Path, web.OpendataReadme)
		}
		text := func(o view.Output) string {
			var buf bytes.Buffer
			if err := o.Write(&buf); err != nil {
				t.Fatal(err)
			}
			return buf.String()
		}
		index := text(files[0])
		for _, want := range []string{"\ufeff", "利用条件：", tc.want, "基準日：" + v.Date, "秘匿のルール：", "秘匿基準は「" + v.SettingValue("秘匿基準") + "」", "\r\n"} {
			if !strings.Contains(index, want) {
				t.Errorf("%s: README.txt lacks %q", tc.license, want)
			}
		}
		if got := strings.Contains(index, "問い合わせ先："); got != (tc.contact != nil) {
			t.Errorf("%s: README.txt names a contact: %v, want %v", tc.license, got, tc.contact != nil)
		}
		for _, l := range tc.contact {
			if !strings.Contains(index, l) {
				t.Errorf("README.txt lacks the contact line %q", l)
			}
		}
		for _, tab := range opendataTables(v) {
			if !strings.Contains(index, "■ "+tab.name+".csv：") {
				t.Errorf("README.txt does not list %s.csv", tab.name)
			}
			for _, c := range tab.cols {
				if !strings.Contains(index, "- "+c.head+"：") {
					t.Errorf("README.txt does not describe %s's column %s", tab.name, c.head)
				}
			}
		}
		for _, o := range files[1:] {
			if strings.HasSuffix(o.Path, "_README.txt") && !strings.Contains(text(o), tc.want) {
				t.Errorf("%s does not name the licence %s", o.Path, tc.want)
			}
		}
	}
}

// TestWebKarteTargets checks that every district page's カルテ chart marks
// each indicator's target with one ◆ in each layout (wide and narrow), with
// a legend entry 目標値, and that no other chart draws one.
func TestWebKarteTargets(t *testing.T) {
	figRe := regexp.MustCompile(`(?s)<figure>\n<figcaption>([^<]*)</figcaption>.*?</figure>`)
	svgRe := regexp.MustCompile(`(?s)<svg class="(wide|narrow)".*?</svg>`)
	checked := 0
	for _, tc := range []namedView{{"demo", demoView(t)}, {"hand-built", xlsxTestView()}} {
		pages := map[string]string{}
		for _, o := range web.WebFiles(tc.v, web.WebOptions{}) {
			var buf bytes.Buffer
			if err := o.Write(&buf); err != nil {
				t.Fatal(err)
			}
			pages[o.Path] = buf.String()
		}
		for i, p := range tc.v.Profiles {
			want := 0
			for _, in := range p.Indicators {
				if in.Target.Text != "" && !in.Target.Suppressed && !math.IsNaN(in.Target.Shown()) {
					want++
				}
			}
			page := pages[web.WebDistrictFile(slices.Index(tc.v.Districts, p.District))]
			if i >= len(tc.v.Districts) || page == "" {
				continue
			}
			karte := false
			for _, f := range figRe.FindAllStringSubmatch(page, -1) {
				isKarte := strings.HasSuffix(f[1], p.District+"の指標（"+p.District+"と全体）")
				karte = karte || isKarte
				for _, svg := range svgRe.FindAllStringSubmatch(f[0], -1) {
					got := strings.Count(svg[0], `class="target"`)
					if !isKarte {
						if got > 0 {
							t.Errorf("%s %s %q: %d ◆ on a chart that is not the カルテ", tc.name, p.District, f[1], got)
						}
						continue
					}
					if want > 0 {
						want1 := want + 1 // and the legend's
						if got != want1 || !strings.Contains(svg[0], ">目標値</text>") {
							t.Errorf("%s %s %s: %d ◆ (legend 目標値 %v), want %d for %d targets and the legend", tc.name, p.District, svg[1], got,
								strings.Contains(svg[0], ">目標値</text>"), want1, want)
						}
						checked++
					} else if got != 0 {
						t.Errorf("%s %s %s: %d ◆, no indicator has a target", tc.name, p.District, svg[1], got)
					}
				}
			}
			if len(p.Indicators) > 0 && !karte {
				t.Errorf("%s %s: no カルテ chart on the page", tc.name, p.District)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no カルテ with a target checked")
	}
}

// TestWebKarteTargetsClear: on every district page of the demo, no bar
// figure of the web カルテ chart (either layout) lies under a target mark ◆:
// a figure that would run into it is set past it.
func TestWebKarteTargetsClear(t *testing.T) {
	v := demoView(t)
	diamondRe := regexp.MustCompile(`<path class="target" d="M([0-9.]+) ([0-9.]+)L([0-9.]+) `)
	textRe := regexp.MustCompile(`<text x="([0-9.]+)" y="([0-9.]+)"[^>]*>([^<]*)</text>`)
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	checked := 0
	for _, o := range web.WebFiles(v, web.WebOptions{}) {
		if !strings.Contains(o.Path, "districts/") {
			continue
		}
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatal(err)
		}
		for _, svg := range regexp.MustCompile(`(?s)<svg class="(?:wide|narrow)".*?</svg>`).FindAllString(buf.String(), -1) {
			for _, dm := range diamondRe.FindAllStringSubmatch(svg, -1) {
				cx, top, right := num(dm[1]), num(dm[2]), num(dm[3])
				half, bottom := right-cx, top+2*(right-cx)/0.75
				for _, tx := range textRe.FindAllStringSubmatch(svg, -1) {
					x, y, s := num(tx[1]), num(tx[2]), tx[3]
					if _, err := strconv.ParseFloat(s, 64); err != nil {
						continue // labels, not bar figures
					}
					if y-web.SvgFont < bottom && y > top && x < cx+half && x+web.SvgTextW(s, web.SvgFont) > cx-half {
						t.Errorf("%s: figure %s at x %.1f–%.1f lies under the ◆ at %.1f±%.1f", o.Path, s, x, x+web.SvgTextW(s, web.SvgFont), cx, half)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no ◆ with a figure near it checked")
	}
}

// webPage is one HTML page of web/ as written: its path and its text.
type webPage struct{ Path, HTML string }

// webHTMLPages writes the HTML pages of v's web/ (not the style sheet), in
// web.WebFiles' order.
func webHTMLPages(t testing.TB, v *view.View) []webPage {
	t.Helper()
	var out []webPage
	for _, o := range web.WebFiles(v, web.WebOptions{}) {
		if !strings.HasSuffix(o.Path, ".html") {
			continue
		}
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatal(err)
		}
		out = append(out, webPage{o.Path, buf.String()})
	}
	return out
}
