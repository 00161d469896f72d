package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
)

// xssPayloads are the hostile strings planted in input text; %d is the kind
// of text, so that each kind's string is told apart on the page.
var xssPayloads = []string{
	`<img src=x onerror=alert(%d)>`,
	`"><script>alert(%d)</script>`,
	`</script><script>alert(%d)</script>`,
	`{{.}}{{template "x"}}<b>%d</b>`,
	`javascript:alert(%d)`,
	`' onmouseover='alert(%d)' x='`,
	`<svg onload=alert(%d)>&lt;i&gt;%d`,
	`<a href="javascript:alert(%d)">link</a>`,
}

// An xssKind is one kind of input text with its planted string.
type xssKind struct {
	Name, Payload string
	// Hidden: the dashboard does not show this kind of text (by design);
	// the test checks only that it runs nothing.
	Hidden bool
}

// hostileBatch is the demo batch with a hostile string appended to every
// kind of input text that can reach the dashboard: names from 設定, 地区,
// 町名, テーマ, 設問, 選択肢, 指標, ヒアリング項目, 取組 and ハード分類,
// organization names and types, hearing comments, free-text answers,
// progress texts, and staff wording (commentary.xlsx rows at a question, an
// indicator, a district and the summary, built from a first run's passages).
func hostileBatch(t *testing.T) (*ingest.Batch, []xssKind) {
	t.Helper()
	b := demoBatch(t)
	var kinds []xssKind
	// kind adds a kind of text and returns its strings: the i-th text of the
	// kind gets the i-th payload after the kind's own (Payload, which the
	// test looks for), so that a kind with several texts carries every payload.
	kind := func(name string, hidden bool) func(i int) string {
		n := len(kinds) + 1
		p := func(i int) string {
			return strings.ReplaceAll(xssPayloads[(n-1+i)%len(xssPayloads)], "%d", fmt.Sprint(n))
		}
		kinds = append(kinds, xssKind{Name: name, Payload: p(0), Hidden: hidden})
		return p
	}
	s := &b.Settings
	s.PlanName += kind("計画名", false)(0)
	s.Ward += kind("区名", false)(0)
	s.SurveyName += kind("調査名", false)(0)
	p := kind("地区名", false)
	for i := range b.Districts {
		b.Districts[i].Name += p(i)
	}
	// Note: 町名 only assigns respondents to districts and guides masking.
	p = kind("町名", true)
	for i := range b.Towns {
		b.Towns[i].Name += p(i)
	}
	p = kind("テーマ名", false)
	for i := range b.Themes {
		b.Themes[i].Name += p(i)
	}
	p = kind("設問文", false)
	for i := range b.Questions {
		b.Questions[i].Text += p(i)
	}
	p = kind("選択肢", false)
	for i := range b.ChoiceSets {
		for j := range b.ChoiceSets[i].Choices {
			b.ChoiceSets[i].Choices[j].Label += p(i + j)
		}
	}
	p = kind("指標名", false)
	for i := range b.Indicators {
		b.Indicators[i].Name += p(i)
	}
	p = kind("ヒアリング項目名", false)
	for i := range b.HearingItems {
		b.HearingItems[i].Name += p(i)
	}
	org, typ, comment := kind("団体名", false), kind("団体種別", true), kind("ヒアリングの記述", false)
	for i := range b.Hearings {
		h := &b.Hearings[i]
		h.Org += org(i)
		if h.OrgType != "" {
			h.OrgType += typ(i)
		}
		for k := range h.Values {
			if k < len(b.HearingItems) && b.HearingItems[k].Kind == ingest.HComment && h.Values[k].Text != "" {
				h.Values[k].Text += comment(i)
			}
		}
	}
	p = kind("自由記述", false)
	for i := range b.Current.Respondents {
		for k := range b.Current.Answers {
			if a := b.Current.Answer(k, i); a.Text != "" {
				a.Text += p(i)
				b.Current.Set(k, i, a)
			}
		}
	}
	name, owner := kind("取組名", false), kind("担当・活動指標", false)
	for i := range b.Initiatives {
		in := &b.Initiatives[i]
		in.Name += name(i)
		in.Owner += owner(i)
		if in.Measure != "" {
			in.Measure += owner(i)
		}
	}
	p = kind("振り返りの記述", false)
	for i := range b.Progress {
		r := &b.Progress[i]
		for _, f := range []*string{&r.Done, &r.Outcome, &r.Issues, &r.Hard} {
			if *f != "" {
				*f += p(i)
			}
		}
	}
	cat, prog := kind("ハード分類", false), kind("関連制度・担当部署", false)
	for i := range b.HardCategories {
		c := &b.HardCategories[i]
		c.Name += cat(i)
		for j := range c.Programs {
			c.Programs[j] += prog(i + j)
		}
		c.Department += prog(i)
	}

	// Staff wording: one commentary row at each kind of place, keeping the
	// passage's basis so that the row applies.
	p = kind("所見（職員の文）", false)
	v := view.Build(analyze.Run(b))
	district := map[string]int{}
	for i, d := range b.Districts {
		district[d.Name] = i
	}
	cm := &ingest.Commentary{Sheet: "所見"}
	seen := map[string]bool{}
	for _, ps := range v.Passages {
		if seen[ps.Place] {
			continue
		}
		seen[ps.Place] = true
		d := ingest.Ward
		if ps.District != "" {
			d = district[ps.District]
		}
		cm.Rows = append(cm.Rows, ingest.CommentaryRow{Place: ingest.Place(ps.Place), Target: ps.Target, District: d,
			Text: "職員の所見" + p(0) + "\n二行目" + p(len(cm.Rows)+1), Basis: ps.Basis()})
	}
	if len(cm.Rows) < 3 {
		t.Fatalf("the demo has passages at %d places", len(cm.Rows))
	}
	b.Commentary = cm
	return b, kinds
}

// TestDashboardXSSBrowser renders the dashboard of hostileBatch, opens it from
// file:// with networking off, visits every view (every tab, every table of
// 地区比較, every district profile, a drill-down, the explorer, every
// selector group), and checks that no planted script ran (no dialog, no
// element, attribute or link that the page itself does not make) and that
// every kind of text the dashboard shows is visible, literally.
func TestDashboardXSSBrowser(t *testing.T) {
	needChromium(t)
	b, kinds := hostileBatch(t)
	v := view.Build(analyze.Run(b))
	if len(v.Staffed) == 0 {
		t.Fatalf("no staff wording applied: %v", v.CommentaryProblems)
	}
	d := openDashboard(t, v)
	defer d.close()

	html, err := os.ReadFile(filepath.Join(d.dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		if strings.Contains(k.Payload, "<") && strings.Contains(string(html), k.Payload) {
			t.Errorf("%s: index.html holds %q unescaped", k.Name, k.Payload)
		}
	}

	// Every view, as a reader sees it (innerText: rendered text only).
	var seen strings.Builder
	grab := func() { seen.WriteString(d.eval(`document.title + '\n' + document.body.innerText`) + "\n") }
	d.do(`document.querySelectorAll('details').forEach(x => x.open = true)`)
	sel := d.eval(`Array.from(document.querySelectorAll('#district option')).map(o => o.value).join(',')`)
	for _, id := range d.tabs() {
		d.click(`.tab[data-panel="` + id + `"]`)
		grab()
		switch id {
		case "compare":
			for _, c := range strings.Split(d.eval(`Array.from(document.querySelectorAll('#compare_pick option')).map(o => o.value).join(',')`), ",") {
				d.choose("compare_pick", c)
				grab()
			}
		case "comments":
			d.click(`.drill`)
			grab()
		}
	}
	// Every group of the selector (districts, 性別, 年代, 分析軸) on the
	// first view and the change view.
	for _, i := range strings.Split(sel, ",") {
		d.choose("district", i)
	}
	grab()

	text := seen.String()
	for _, k := range kinds {
		shown := strings.Contains(text, k.Payload)
		switch {
		case k.Hidden && shown:
			t.Logf("%s: shown as text (listed as not shown)", k.Name)
		case !k.Hidden && !shown:
			t.Errorf("%s: %q not visible as text", k.Name, k.Payload)
		}
	}

	// Nothing the page does not make itself: its 3 scripts, no img, iframe,
	// object or embed, no svg but the page's, no <b> or <i> from the
	// strings, no event-handler attribute, no javascript: link.
	got := d.eval(`(() => {
		const all = Array.from(document.querySelectorAll('*'));
		return [
			document.querySelectorAll('script').length,
			document.querySelectorAll('img, iframe, object, embed, b, i').length,
			document.querySelectorAll('a').length,
			all.filter(e => e.tagName.toLowerCase() === 'svg' && !e.closest('.chart')).length,
			all.filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
		].join(',');
	})()`)
	// Note: the indicator history charts are the page's own inline svg.
	if want := fmt.Sprintf("3,0,0,%d,0", strings.Count(string(html), "<svg")); got != want {
		t.Errorf("scripts, img/iframe/object/embed/b/i, links, svg outside the charts, on* attributes = %s, want %s", got, want)
	}
	t.Logf("%d kinds of input text planted; %d shown", len(kinds), countShown(kinds, text))
}

func countShown(kinds []xssKind, text string) int {
	n := 0
	for _, k := range kinds {
		if strings.Contains(text, k.Payload) {
			n++
		}
	}
	return n
}
