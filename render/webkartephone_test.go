package render

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"midreview/render/web"
)

// TestWebKarteIndicatorsPhone: at 390 px the district page's indicator table
// (地区の指標) shows, without scrolling sideways, the three columns that make
// its grade checkable: the district's 策定時 value, its value now and the
// 評価 (the 策定時 was 8th of 10 columns, off-screen beside a visible 「評価 C」).
func TestWebKarteIndicatorsPhone(t *testing.T) {
	needChromium(t)
	ctx := newBrowser(t)
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	v := demoView(t)
	dir := t.TempDir()
	writePublished(t, dir, v)
	d := v.Districts[1]
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "web", filepath.FromSlash(web.WebDistrictFile(1))))}).String()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const t = document.querySelector('table.narrow');
		if (!t) return '{}';
		const out = {};
		for (const th of t.querySelectorAll('thead th')) out[th.textContent.trim()] = th.getBoundingClientRect().right;
		out._w = window.innerWidth;
		return JSON.stringify(out);
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	var right map[string]float64
	if err := json.Unmarshal([]byte(out), &right); err != nil {
		t.Fatal(err)
	}
	w := right["_w"]
	for _, head := range []string{d + "の策定時（%）", d + "（%）", "評価"} {
		r, ok := right[head]
		if !ok {
			t.Errorf("no column %q in %v", head, right)
		} else if r > w {
			t.Errorf("column %q ends at %.0f px, off a %.0f px screen", head, r, w)
		}
	}
}
