package render

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/internal/batchgen"
	"midreview/render/view"
)

// A dashTab is headless Chromium showing a dashboard written to a temporary
// folder, opened from file:// with the browser's own networking off. It
// records every request and every dialog; close checks that no request left
// the folder and no dialog opened.
type dashTab struct {
	t    *testing.T
	ctx  context.Context
	dir  string
	base string
	stub bool // alert, confirm and prompt are replaced by window.__calls

	mu       sync.Mutex
	requests []string
	dialogs  []string
}

// openDashboard writes v's dashboard into a new folder, opens it with the
// dialog functions replaced (browseDashboard) and waits until the page
// script has finished.
func openDashboard(t *testing.T, v *view.View) *dashTab {
	t.Helper()
	dir := t.TempDir()
	writeDashboard(t, dir, v)
	d := browseDashboard(t, dir, true)
	if _, err := chromedp.Run(d.ctx, chromedp.Poll[bool](`performance.getEntriesByName('dashboard-ready').length > 0`,
		chromedp.WithPollingTimeout(3*time.Minute))); err != nil {
		t.Fatalf("page script did not finish: %v", err)
	}
	return d
}

// browseDashboard starts headless Chromium (newBrowser), records every
// request and every dialog, and opens dir's index.html; it does not wait for
// the page's script. With stub, alert, confirm and prompt are replaced by a
// recorder (window.__calls) before the page runs, so that a script injected
// through input text is seen without blocking the page; the dialog listener
// is the second guard.
func browseDashboard(t *testing.T, dir string, stub bool) *dashTab {
	t.Helper()
	d := &dashTab{t: t, dir: dir, stub: stub}
	d.ctx = newBrowser(t)
	if err := chromedp.Do(d.ctx); err != nil { // start the browser and the tab
		t.Fatal(err)
	}
	if err := chromedp.Listen(d.ctx, func(ev any) {
		d.mu.Lock()
		defer d.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			d.requests = append(d.requests, e.Request.URL)
		case *page.EventJavascriptDialogOpening:
			d.dialogs = append(d.dialogs, e.Message)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if stub {
		if _, err := chromedp.Call(d.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.__calls = []; ['alert', 'confirm', 'prompt'].forEach(function (f) { window[f] = function (m) { window.__calls.push(f + ':' + m); }; });`,
		}); err != nil {
			t.Fatal(err)
		}
	}
	d.base = (&url.URL{Scheme: "file", Path: filepath.ToSlash(d.dir) + "/"}).String()
	if err := chromedp.Do(d.ctx, chromedp.Navigate(d.base+"index.html")); err != nil {
		t.Fatal(err)
	}
	return d
}

// eval evaluates js (an expression giving a string) in the page.
func (d *dashTab) eval(js string) string {
	d.t.Helper()
	s, err := chromedp.Run(d.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		d.t.Fatalf("%s: %v", js, err)
	}
	return s
}

// do runs js for its effect.
func (d *dashTab) do(js string) {
	d.t.Helper()
	d.eval(`(() => { ` + js + `; return ''; })()`)
}

// click clicks the first element matching sel.
func (d *dashTab) click(sel string) {
	d.t.Helper()
	d.do(`document.querySelector(` + jsString(sel) + `).click()`)
}

// choose sets a select (or input) to value and fires its change (input) event.
func (d *dashTab) choose(id, value string) {
	d.t.Helper()
	d.do(`const s = document.getElementById(` + jsString(id) + `); s.value = ` + jsString(value) +
		`; s.dispatchEvent(new Event(s.tagName === 'INPUT' ? 'input' : 'change'))`)
}

// tabs returns the panel IDs of the tab list, in order.
func (d *dashTab) tabs() []string {
	d.t.Helper()
	return strings.Split(d.eval(`Array.from(document.querySelectorAll('.tab')).map(b => b.getAttribute('data-panel')).join(',')`), ",")
}

// close checks that no dialog opened, no replaced dialog function was
// called and no request left the dashboard's folder.
func (d *dashTab) close() {
	d.t.Helper()
	if d.stub {
		if calls := d.eval(`window.__calls.join('\n')`); calls != "" {
			d.t.Errorf("dialog functions called: %q", calls)
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.dialogs) > 0 {
		d.t.Errorf("dialogs opened: %q", d.dialogs)
	}
	for _, u := range d.requests {
		if !strings.HasPrefix(u, d.base) {
			d.t.Errorf("request outside the dashboard folder: %s", u)
		}
	}
}

// jsString quotes s as a JavaScript string literal (a JSON string, with <
// escaped as json.Marshal does).
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '<':
			b.WriteString(`\u003c`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// demoBatch is the demo batch (`midreview demo`) as ingest reads it.
func demoBatch(t *testing.T) *ingest.Batch {
	t.Helper()
	fsys, err := batchgen.SampleFS(batchgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// demoResults analyzes the demo batch.
func demoResults(t *testing.T) *analyze.Results {
	t.Helper()
	return analyze.Run(demoBatch(t))
}
