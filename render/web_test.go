package render

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render/pdf"
	"midreview/render/view"
	"midreview/render/web"
)

// writeWeb writes v's web/ folder into dir, as cmd does, and returns its pages.
func writeWeb(t *testing.T, dir string, v *view.View) []string {
	t.Helper()
	var pages []string
	for _, o := range web.WebFiles(v, web.WebOptions{}) {
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatalf("%s: %v", o.Path, err)
		}
		p := filepath.Join(dir, filepath.FromSlash(o.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(o.Path, ".html") {
			pages = append(pages, o.Path)
		}
	}
	return pages
}

// demoView is the View of the demo batch (`midreview demo`: the sample with
// its default options), built as `run` builds it.
func demoView(t *testing.T) *view.View {
	t.Helper()
	return view.Build(demoResults(t))
}

// A namedView is a View a test of the public outputs walks.
type namedView struct {
	name string
	v    *view.View
}

// publicViews are the views the tests of web/ and opendata/ walk: the
// hand-built one (injected text, suppressed and 参考値 rows), the demo, the
// testdata batches (hard: the ハード分類 chapter with 南 and 地区不明 under
// 秘匿基準; progress and cycle: a year without a survey and one with
// history/; webform: two 分析軸) and the sample with several small districts.
func publicViews(t *testing.T) []namedView {
	t.Helper()
	out := []namedView{{"hand-built", xlsxTestView()}, {"demo", demoView(t)}}
	for _, name := range []string{"small", "hard", "progress", "cycle"} {
		b, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", name)))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, namedView{name, view.Build(analyze.Run(b))})
	}
	out = append(out, namedView{"webform", axisWebformView(t)}, namedView{"small-districts", smallDistrictsView(t)})
	return out
}

// smallDistrictsView is the sample with several districts under 秘匿基準
// (180 respondents over the sample's districts).
func smallDistrictsView(t *testing.T) *view.View {
	t.Helper()
	return view.Build(analyze.Run(smallDistrictsBatch(t)))
}

// smallDistrictsBatch is the 180-respondent sample (10 hearings, seed 7):
// districts small enough that many groups are suppressed.
func smallDistrictsBatch(t *testing.T) *ingest.Batch {
	t.Helper()
	fsys, err := batchgen.SampleFS(batchgen.Options{Respondents: 180, Hearings: 10, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWebGolden compares one web page (the first district of the hand-built
// view, as a run with every format publishes it: linking the open data and
// saying where the printed handout is seen) and one open-data CSV with their
// goldens.
func TestWebGolden(t *testing.T) {
	v := xlsxTestView()
	var page bytes.Buffer
	for _, o := range web.WebFiles(v, web.WebOptions{Handouts: true, Opendata: true}) {
		if o.Path == web.WebDistrictFile(0) {
			if err := o.Write(&page); err != nil {
				t.Fatal(err)
			}
		}
	}
	golden(t, "web_district.html", page.Bytes())
	for _, o := range OpendataFiles(v) {
		if o.Path == "crosstab.csv" {
			var buf bytes.Buffer
			if err := o.Write(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, "opendata_crosstab.csv", buf.Bytes())
		}
	}
}

var (
	webH2   = regexp.MustCompile(`<h2 id="s\d+">([^<]*)</h2>`)
	webLink = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
)

// TestWebOrder checks that every web page has the chapters of its PDF
// handout (the PDF's level-1 contents entries against the page's h2
// headings, numbers aside), so that a chapter added to the PDF fails here
// until the web version walks it too; the web orders them its own way
// (webWardChapters: findings first), numbered in that order, and prints 報告書の
// 見方 last (#methods). TestWebPhone checks the order in the browser.
func TestWebOrder(t *testing.T) {
	regular, bold, ok := pdf.EmbeddedFont()
	if !ok {
		t.Skip("no embedded font (run scripts/assets.sh)")
	}
	unnumbered := regexp.MustCompile(`^\d+　`)
	for _, pv := range publicViews(t) {
		name, v := pv.name, pv.v
		for _, district := range append([]string{""}, v.Districts...) {
			d, err := pdf.RenderPDF(v, district, pdf.PDFOptions{FontRegular: regular, FontBold: bold}, 1)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, e := range d.Toc {
				if e.Level == 1 {
					want = append(want, unnumbered.ReplaceAllString(e.Title, ""))
				}
			}
			var page bytes.Buffer
			if district == "" {
				err = web.WebReport(&page, v)
			} else {
				err = web.WebDistrict(&page, v, district)
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, m := range webH2.FindAllStringSubmatch(page.String(), -1) {
				title := unescapeHTML(m[1])
				if n := strconv.Itoa(i+1) + "　"; !strings.HasPrefix(title, n) {
					t.Errorf("%s %q: chapter %q is not numbered %s", name, district, title, n)
				}
				got = append(got, unnumbered.ReplaceAllString(title, ""))
			}
			if strings.Contains(page.String(), `<h2 id="`+web.WebMethodsID+`">報告書の見方</h2>`) {
				got = append(got, "報告書の見方")
			}
			slices.Sort(got)
			slices.Sort(want)
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("%s %q: web chapters\n %q\nPDF chapters\n %q", name, district, got, want)
			}
		}
	}
}

// TestWebChaptersPermute checks that the web's chapter lists hold the
// handouts' composers, each once, in the web's order.
func TestWebChaptersPermute(t *testing.T) {
	ptrs := func(fs []func(*view.Composer)) []uintptr {
		var out []uintptr
		for _, f := range fs {
			out = append(out, reflect.ValueOf(f).Pointer())
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(ptrs(view.WebWardChapters), ptrs(view.WardChapters)) {
		t.Error("webWardChapters and wardChapters hold different composers")
	}
	if !slices.Equal(ptrs(view.WebDistrictChapters), ptrs(view.DistrictChapters)) {
		t.Error("webDistrictChapters and districtChapters hold different composers")
	}
}

func unescapeHTML(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(s)
}

// TestWebSelfContained checks every page: lang="ja", a title, no script, no
// image file, and every link or source a relative path to a file of the
// folder (or an anchor of the page), or, published beside it, opendata/'s
// README. The PDF handouts, written beside web/, are never linked: they
// are the committees' and name organizations (reader review 5 item 15); the
// footer says where the printed ones are seen.
func TestWebSelfContained(t *testing.T) {
	dir := t.TempDir()
	v := xlsxTestView()
	v.PlanName = "計画" + injScript
	pages := writePublished(t, dir, v)
	out := dir
	dir = filepath.Join(dir, "web")
	if len(pages) != 1+len(v.Districts) {
		t.Fatalf("%d pages, want %d", len(pages), 1+len(v.Districts))
	}
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for _, want := range []string{`<html lang="ja">`, "<title>", "<main>", "<caption", `scope="col"`, `scope="row"`} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
		for _, bad := range []string{"<script", "<img", "<iframe", "@import", "url("} {
			if strings.Contains(strings.ToLower(s), bad) {
				t.Errorf("%s contains %s", p, bad)
			}
		}
		district := ""
		if p != web.WebIndex {
			district = v.Districts[slices.Index(pages, p)-1]
		}
		if want := "<p>" + html.EscapeString(web.HandoutWhere(v.Ward, district)) + "</p>\n"; strings.Count(s, want) != 1 {
			t.Errorf("%s does not say once where the printed handout is seen (%q)", p, want)
		}
		if n, m := strings.Count(s, "<svg "), len(regexp.MustCompile(`<svg (?:class="(?:wide|narrow)" )?role="img" aria-label="[^"]`).FindAllString(s, -1)); n != m {
			t.Errorf("%s: %d of %d svg charts lack role=img and a text alternative", p, n-m, n)
		}
		for _, m := range webLink.FindAllStringSubmatch(s, -1) {
			u := m[1]
			if strings.HasPrefix(u, "#") {
				if !strings.Contains(s, `id="`+u[1:]+`"`) {
					t.Errorf("%s: anchor %s has no target", p, u)
				}
				continue
			}
			if strings.Contains(u, ":") || strings.HasPrefix(u, "/") {
				t.Errorf("%s: link %q leaves the folder", p, u)
				continue
			}
			file, err := url.PathUnescape(u)
			if err != nil {
				t.Errorf("%s: link %q: %v", p, u, err)
				continue
			}
			file = filepath.Join(dir, filepath.Dir(filepath.FromSlash(p)), filepath.FromSlash(file))
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s: link %q: %v", p, u, err)
			}
			// Beside web/, only the open data's README.
			if rel, _ := filepath.Rel(out, file); !strings.HasPrefix(rel, "web"+string(filepath.Separator)) &&
				rel != filepath.Join("opendata", web.OpendataReadme) {
				t.Errorf("%s: link %q leaves the public files", p, u)
			}
		}
	}
	// Text from the input is text, never markup.
	data, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !strings.Contains(string(data), "計画&lt;script&gt;") {
		t.Error("the injected <script> plan name is not escaped as text")
	}
}

// axePath is where scripts/axe.sh puts axe-core (never committed, never in the binary).
var axePath = filepath.Join("..", ".cache", "axe-core", "axe.min.js")

// readAxe returns axe-core's script; without it, a test is skipped (failed in CI).
func readAxe(t *testing.T) []byte {
	t.Helper()
	axe, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is required in CI (bash scripts/axe.sh): %v", err)
		}
		t.Skipf("axe-core missing (run bash scripts/axe.sh): %v", err)
	}
	return axe
}

// An axeViolation is one axe-core rule that failed on a page.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// TestWebAccessibility runs axe-core in headless Chromium on every page of the
// demo's web/ and of the hand-built view's (injected text, suppressed and
// 参考値 rows): no violation of WCAG 2.1 A or AA is allowed, and nothing is
// requested from outside the folder. With -update it refreshes the
// screenshots docs/img/web-report.png and docs/img/web-district.png.
func TestWebAccessibility(t *testing.T) {
	needChromium(t)
	axe := readAxe(t)
	ctx := newBrowser(t)
	// A control page with known violations shows that the check can fail.
	control := filepath.Join(t.TempDir(), "control.html")
	if err := os.WriteFile(control, []byte(`<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png">`+
		`<p style="color:#aaa;background:#fff">薄い文字</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if ids := axeRun(t, ctx, axe, (&url.URL{Scheme: "file", Path: filepath.ToSlash(control)}).String()); !slices.Contains(ids, "image-alt") ||
		!slices.Contains(ids, "color-contrast") || !slices.Contains(ids, "html-has-lang") {
		t.Errorf("control page: violations %v, want image-alt, color-contrast and html-has-lang", ids)
	}
	for _, tc := range publicViews(t) {
		dir := t.TempDir()
		pages := writeWeb(t, dir, tc.v)
		base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
		for _, p := range pages {
			if _, err := chromedp.Run(ctx, chromedp.Navigate(base+p)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(axe)+";0")); err != nil {
				t.Fatalf("loading axe-core: %v", err)
			}
			js := `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
				.then(r => JSON.stringify({passes: r.passes.map(p => p.id), violations: r.violations.map(v => ({ID: v.id, Impact: v.impact, Help: v.help,
					Nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary)}))}))`
			out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s %s: axe: %v", tc.name, p, err)
			}
			var res struct {
				Passes     []string
				Violations []axeViolation
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Passes) == 0 {
				t.Errorf("%s %s: axe checked nothing", tc.name, p)
			}
			// The text's contrast (wcag2aa color-contrast) was checked and held;
			// the charts' graphics are TestWebChartContrast's.
			if !slices.Contains(res.Passes, "color-contrast") {
				t.Errorf("%s %s: axe's color-contrast did not pass", tc.name, p)
			}
			for _, v := range res.Violations {
				t.Errorf("%s %s: %s (%s): %s\n  %s", tc.name, p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
			// Requests: the page only asks for files of the folder.
			urls, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType('resource').map(e => e.name)`))
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range urls {
				if !strings.HasPrefix(u, base) {
					t.Errorf("%s %s: request outside the folder: %s", tc.name, p, u)
				}
			}
			if *update && tc.name == "demo" && (p == web.WebIndex || p == web.WebDistrictFile(0)) {
				webScreenshot(t, ctx, p)
			}
		}
	}
}

// webScreenshot saves the viewport of the page, scrolled to its first chart,
// as docs/img/web-report.png or web-district.png.
func webScreenshot(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	name := "web-report.png"
	if page != web.WebIndex {
		name = "web-district.png"
	}
	// The report: its themes chapter; a district: its profile (地区カルテ).
	target := `document.querySelectorAll('h2')[2]`
	if page != web.WebIndex {
		target = `document.querySelectorAll('h2')[0]`
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`(`+target+` || document.body).scrollIntoView(); window.scrollBy(0, -20); 0`)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "docs", "img", name), shot, 0o644); err != nil {
		t.Fatal(err)
	}
}

// axeRun loads a page, runs axe-core's WCAG 2.1 A and AA rules on it and returns
// the ids of the rules violated.
func axeRun(t *testing.T, ctx context.Context, axe []byte, u string) []string {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(axe)+";0")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
		.then(r => r.violations.map(v => v.id))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", u, err)
	}
	return ids
}

// TestPublicSentinel plants an impossible figure (98765.4, 987654) in every
// suppressed group of a batch with several small districts — crosstab cells,
// SC/NUM summaries, district pages' top answers, district indicators and trend
// rows — and checks that no page of web/ and no file of opendata/ prints it:
// whatever path a figure takes from analyze to a public file, a suppressed
// one never arrives.
func TestPublicSentinel(t *testing.T) {
	res := analyze.Run(smallDistrictsBatch(t))
	planted := plantSentinels(res)
	if planted < 10 {
		t.Fatalf("only %d suppressed groups: the batch tests little", planted)
	}
	v := view.Build(res)
	files := append(web.WebFiles(v, web.WebOptions{}), OpendataFiles(v)...)
	for _, o := range files {
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if s := sentinelIn(buf.String()); s != "" {
			t.Errorf("%s prints a suppressed figure: %s", o.Path, s)
		}
	}
	t.Logf("%d suppressed groups planted, %d public files checked", planted, len(files))
}

// TestPublicOrgNames checks 設定 団体名の公開: hearing organizations are named
// in web/ and opendata/ only when it is する, and always in the committee's
// groups (HearingView.Comments).
func TestPublicOrgNames(t *testing.T) {
	b := smallDistrictsBatch(t)
	for _, publish := range []bool{false, true} {
		b.Settings.PublishOrgs = publish
		v := view.Build(analyze.Run(b))
		var all strings.Builder
		for _, o := range append(web.WebFiles(v, web.WebOptions{}), OpendataFiles(v)...) {
			if err := o.Write(&all); err != nil {
				t.Fatal(err)
			}
		}
		named := 0
		for _, h := range b.Hearings {
			if strings.Contains(all.String(), h.Org) {
				named++
			}
		}
		if publish && named == 0 || !publish && named > 0 {
			t.Errorf("団体名の公開 %v: %d of %d organizations named in web/ and opendata/", publish, named, len(b.Hearings))
		}
		if len(v.Hearings.Comments) == 0 || !strings.Contains(strings.Join(v.Hearings.Comments[0].Items, ""), ": ") {
			t.Errorf("団体名の公開 %v: the committee's comments lost their organization", publish)
		}
	}
}

// TestPublicHard plants an impossible count (987654) in every count of the
// chapter ソフトとハードの連携 that web/ and opendata/ hide (the survey and
// all-source counts of a group under 秘匿基準 and of its complementary
// partner) and checks that no public file prints it; and that no text a
// handout may not quote (a resident's in a group under 秘匿基準) and no text
// of data/hard_issues.csv beyond the quotes reaches opendata/.
func TestPublicHard(t *testing.T) {
	hardBatch, err := ingest.Read(os.DirFS(filepath.Join("..", "testdata", "batches", "hard")))
	if err != nil {
		t.Fatal(err)
	}
	const count = sentinelCount
	planted := 0
	for _, tc := range []struct {
		name string
		b    *ingest.Batch
	}{{"hard", hardBatch}, {"small-districts", smallDistrictsBatch(t)}} {
		res := analyze.Run(tc.b)
		hr := res.Hard
		if hr == nil {
			t.Fatalf("%s: no ハード分類", tc.name)
		}
		hidden := map[string]bool{}
		for i, g := range hr.Groups {
			hidden[g] = hr.Suppressed[i]
		}
		hidden[analyze.GroupAll] = hr.WardSuppressed
		for i := range hr.Counts {
			c := &hr.Counts[i]
			if hidden[c.Group] && c.Year == 0 && (c.Source == analyze.SourceSurvey || c.Source == analyze.SourceAll) {
				c.Count = count
				planted++
			}
		}
		v := view.Build(res)
		var webOut, od strings.Builder
		for _, o := range web.WebFiles(v, web.WebOptions{}) {
			if err := o.Write(&webOut); err != nil {
				t.Fatal(err)
			}
		}
		for _, o := range OpendataFiles(v) {
			if strings.Contains(o.Path, "hard_issues") {
				t.Errorf("%s: opendata/%s publishes the list of texts", tc.name, o.Path)
			}
			if err := o.Write(&od); err != nil {
				t.Fatal(err)
			}
		}
		if !strings.Contains(od.String(), "物理的な対応") {
			t.Errorf("%s: opendata/ lacks hard_counts", tc.name)
		}
		for where, s := range map[string]string{"web/": webOut.String(), "opendata/": od.String()} {
			for _, n := range []string{"987654", "987,654"} {
				if i := strings.Index(s, n); i >= 0 {
					t.Errorf("%s: %s prints a hidden count: …%s…", tc.name, where, s[max(0, i-200):i+20])
				}
			}
		}
		quoted := map[string]bool{}
		for _, q := range hr.Quotes {
			quoted[hr.Issues[q.Issue].Masked] = true
		}
		for _, is := range hr.Issues {
			if !is.Quotable && strings.Contains(webOut.String(), web.Esc(is.Masked)) {
				t.Errorf("%s: web/ quotes a text of %v under 秘匿基準: %q", tc.name, is.Groups, is.Masked)
			}
			if !quoted[is.Masked] && strings.Contains(od.String(), is.Masked) {
				t.Errorf("%s: opendata/ holds a text no handout quotes: %q", tc.name, is.Masked)
			}
		}
	}
	if planted == 0 {
		t.Fatal("no hidden count planted: the batches test nothing")
	}
	t.Logf("%d hidden counts planted", planted)
}

// BenchmarkWeb writes every page of web/ (the ward's, the style sheet and
// every district's) for the demo and for the scale batch of issue 29
// (`midreview sample -respondents 3000 -questions 60 -freetext 7`): the web
// writer alone, the View built once.
func BenchmarkWeb(b *testing.B) {
	for _, tc := range benchViews(b) {
		v := tc.v
		b.Run(tc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				n = 0
				for _, o := range web.WebFiles(v, web.WebOptions{}) {
					var buf bytes.Buffer
					if err := o.Write(&buf); err != nil {
						b.Fatal(err)
					}
					n += buf.Len()
				}
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}
