package render

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"midreview/render/dashboard"
	"midreview/render/view"
)

const chromiumPath = "/usr/bin/chromium"

// writeDashboard writes index.html and its assets into dir, as cmd does.
func writeDashboard(t *testing.T, dir string, v *view.View) {
	t.Helper()
	var buf bytes.Buffer
	if err := dashboard.Dashboard(&buf, v, dashboard.DashboardOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := dashboard.DashboardAssets()
	if err != nil {
		t.Skip(err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDashboardBrowser opens the dashboard from file:// in headless Chromium: every
// chart is drawn, the district selector changes the figures, the injected
// <script> comment shows as text, and nothing outside the folder is requested.
// With -update it refreshes docs/img/dashboard.png.
func TestDashboardBrowser(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	writeDashboard(t, dir, xlsxTestView())

	d := browseDashboard(t, dir, false)
	ctx, eval := d.ctx, d.eval

	// Every chart container holds an svg or canvas, hidden tabs included.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('.chart').length > 0 &&
		Array.from(document.querySelectorAll('.chart')).every(el => el.querySelector('svg, canvas'))`,
		chromedp.WithPollingTimeout(3*time.Minute))); err != nil {
		t.Fatalf("charts not drawn: %v; empty: %s", err,
			eval(`Array.from(document.querySelectorAll('.chart')).filter(el => !el.querySelector('svg, canvas')).map(el => el.id).join(',')`))
	}

	// Switching district updates the figure table and the chart's series.
	cell := `document.querySelector('#crosstab_q2_table tbody').rows[1].cells[2].textContent`
	series := `echarts.getInstanceByDom(document.getElementById('crosstab_q2')).getOption().series[1]`
	selectDistrict := func(i string) {
		eval(`(() => { const s = document.getElementById('district'); s.value = '` + i + `'; s.dispatchEvent(new Event('change')); return ''; })()`)
	}
	for _, tt := range []struct{ index, cell, series, value string }{
		{"0", "57.1▲", "日吉", "57.1"}, // 40/70
		{"1", "36.0", "綱島", "36"},    // 9/25
		{"2", "x", "高田", "-"},        // suppressed: shown as x, not plotted
	} {
		selectDistrict(tt.index)
		if got := eval(cell); got != tt.cell {
			t.Errorf("district %s: Q2 cell %q, want %q", tt.index, got, tt.cell)
		}
		if got := eval(series + `.name`); got != tt.series {
			t.Errorf("district %s: series %q, want %q", tt.index, got, tt.series)
		}
		if got := eval(`String(` + series + `.data[0].value ?? ` + series + `.data[0])`); got != tt.value {
			t.Errorf("district %s: plotted %q, want %q", tt.index, got, tt.value)
		}
	}

	// The drill-down shows the hearing comment with <script> as text.
	eval(`(() => { document.querySelector('.tab[data-panel="comments"]').click(); return ''; })()`)
	eval(`(() => { document.querySelector('.drill[data-theme="1"][data-col="0"]').click(); return ''; })()`)
	if got := eval(`document.getElementById('comments_list').textContent`); !strings.Contains(got, injScript) {
		t.Errorf("comments %q lack the literal %q", got, injScript)
	}
	if n := eval(`String(document.querySelectorAll('#comments_list *:not(li)').length)`); n != "0" {
		t.Errorf("%s elements injected into the comment list", n)
	}
	if n := eval(`String(document.querySelectorAll('script').length)`); n != "3" {
		t.Errorf("%s script elements, want the page's 3", n)
	}

	if *update {
		selectDistrict("0")
		eval(`(() => { document.querySelector('.tab').click(); window.scrollTo(0, 0); return ''; })()`)
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if len(shot) > 300<<10 {
			t.Logf("full screenshot is %d KB; keeping the viewport only", len(shot)>>10)
			if shot, err = chromedp.Run(ctx, chromedp.CaptureScreenshot()); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join("..", "docs", "img", "dashboard.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	d.close()
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.requests) == 0 {
		t.Error("no requests seen")
	}
}

// needChromium skips a browser test in -short mode or without Debian's chromium,
// except in CI, where chromium is required.
func needChromium(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required in CI: %v", err)
		}
		t.Skip("chromium not installed")
	}
}

// newBrowser starts headless Chromium for a test, offline (no background
// networking, no component updates, no sync, no QUIC) with a fresh profile, and
// returns a tab context that ends with the test (or after 60 s).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute) // Note: a hang guard, not a timing assertion: generous for a loaded CI machine
	t.Cleanup(func() { cancelT(); cancel(); cancelAlloc() })
	return ctx
}
