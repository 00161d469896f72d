package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"midreview/render/web"
)

// TestWebMapLegendEntries: on every web page of the demo, each entry of a
// map's legend (its swatch and its range, 「■ 40.1～48.4」) is one unbroken
// span, so that a phone wraps the legend between entries, never inside one
// (at 390 px a long district name made 「40.1」 and 「～48.4」 two lines).
func TestWebMapLegendEntries(t *testing.T) {
	legend := regexp.MustCompile(`<p>([^\n]*)（濃いほど良い。各地区の数値は下の表にあります）</p>`)
	entry := regexp.MustCompile(`<span style="white-space:nowrap"><span style="display:inline-block;[^"]*background:#[0-9a-fA-F]{6}"></span> [^<]+</span>`)
	maps := 0
	for _, o := range web.WebFiles(demoView(t), web.WebOptions{}) {
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			t.Fatal(err)
		}
		for _, m := range legend.FindAllStringSubmatch(buf.String(), -1) {
			maps++
			swatches := strings.Count(m[1], "display:inline-block")
			if got := len(entry.FindAllString(m[1], -1)); swatches == 0 || got != swatches {
				t.Errorf("%s: %d of %d legend entries unbroken: %s", o.Path, got, swatches, m[1])
			}
		}
	}
	if maps == 0 {
		t.Fatal("no map legend on the demo's pages")
	}
	t.Logf("%d map legends", maps)
}
