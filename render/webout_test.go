package render

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWebOut runs TestWebPhone's and TestWebAccessibility's checks on the
// web/ of a finished run: MIDREVIEW_WEB_OUT=DIR (the -out folder of `run`).
// Without it, it is skipped. It is how a batch that is not among the
// testdata (another seed, a ward's own) is read as the public pages are:
// at 390×844 no text under 11 px and no chart text under 12 px, no sideways
// scroll, findings before 調査の概要, 報告書の見方 and the contact last, a
// visible link to opendata/README.txt and, when the run's settings name
// 問い合わせ先, a contact; and no axe-core violation of WCAG 2.1 A or AA.
func TestWebOut(t *testing.T) {
	out := os.Getenv("MIDREVIEW_WEB_OUT")
	if out == "" {
		t.Skip("MIDREVIEW_WEB_OUT is not set")
	}
	needChromium(t)
	axe := readAxe(t)
	ctx := newBrowser(t)
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	webDir, err := filepath.Abs(filepath.Join(out, "web"))
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(webDir, "*.html"))
	more, _ := filepath.Glob(filepath.Join(webDir, "*", "*.html"))
	pages = append(pages, more...)
	if len(pages) == 0 {
		t.Fatalf("no page in %s", webDir)
	}
	for _, f := range pages {
		p, _ := filepath.Rel(webDir, f)
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(f)}).String()
		if _, err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
			t.Fatal(err)
		}
		js, err := chromedp.Run(ctx, chromedp.Evaluate[string](phoneJS))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var c phoneCheck
		if err := json.Unmarshal([]byte(js), &c); err != nil {
			t.Fatal(err)
		}
		c.check(t, p)
		checkWebOrder(t, p, c.H2, readH2Titles(t, f))
		t.Logf("%s: %d texts (%d in charts, the smallest %.1f px), contact %q", p, c.Texts, c.SVGTexts, c.MinSVG, c.Contact)
		// axe-core on the same page, at the phone's width.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(axe)+";0")); err != nil {
			t.Fatalf("loading axe-core: %v", err)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
			.then(r => JSON.stringify({passes: r.passes.map(p => p.id), violations: r.violations.map(v => ({ID: v.id, Impact: v.impact, Help: v.help,
				Nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary)}))}))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: axe: %v", p, err)
		}
		var r struct {
			Passes     []string
			Violations []axeViolation
		}
		if err := json.Unmarshal([]byte(res), &r); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(r.Passes, "color-contrast") {
			t.Errorf("%s: axe's color-contrast did not pass", p)
		}
		for _, v := range r.Violations {
			t.Errorf("%s: %s (%s): %s\n  %s", p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
		}
	}
}
