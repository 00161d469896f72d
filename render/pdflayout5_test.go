package render

import (
	"regexp"
	"strings"
	"testing"
)

var spaceRe = regexp.MustCompile(`\s+`)

// TestKarteChartKeepsItsNote: the カルテ's indicator chart and the note
// under it (its legend) are printed on one page, the note whole (reader
// report 5, item 2: demo 01_日吉 p.4 ended 「◆は目」 and p.5 began
// 「標値（全体＝100に換算）」).
func TestKarteChartKeepsItsNote(t *testing.T) {
	needTool(t, "pdftotext")
	v := demoView(t)
	for _, d := range []string{"日吉", "新吉田あすなろ"} {
		txt := string(pdfToolRun(t, renderPDFT(t, v, d), "pdftotext", "-layout", "{}", "-"))
		found := false
		for i, page := range strings.Split(txt, "\f") {
			flat := spaceRe.ReplaceAllString(page, "")
			at := strings.Index(flat, "注）棒の長さは全体の値を100としたときの")
			if at < 0 {
				continue
			}
			found = true
			if !strings.Contains(flat[at:], "◆は目標値（全体＝100に換算）。※：参考値。x：秘匿。") {
				t.Errorf("%s p.%d: the chart's note does not end on its page: %q", d, i+1, flat[at:])
			}
			if !strings.Contains(flat[:at], d+"の指標（全体＝100）") {
				t.Errorf("%s p.%d: the note is not on its chart's page", d, i+1)
			}
		}
		if !found {
			t.Errorf("%s: no カルテ chart note", d)
		}
	}
}

var loneMarkRe = regexp.MustCompile(`(^|\s)[▲▼](\s|$)`)

// TestReportMarksAndListLines: in the demo report no chart prints a ▲▼
// without its figure (reader report 5, item 4: 図25 Q7 新吉田 and 師岡 showed
// a lone 「▼」 for 4.7▼ and 5.2▼), and the 課題 keyword list breaks its lines
// only after 「、」 (item 6: 「…車いす（15）、世代」 / 「（12）、少ない（12）…」).
func TestReportMarksAndListLines(t *testing.T) {
	needTool(t, "pdftotext")
	txt := string(pdfToolRun(t, renderPDFT(t, demoView(t), ""), "pdftotext", "-layout", "{}", "-"))
	for _, l := range strings.Split(txt, "\n") {
		if loneMarkRe.MatchString(l) {
			t.Errorf("a mark without its figure: %q", l)
		}
	}
	for _, want := range []string{"4.7▼", "5.2▼"} {
		if !strings.Contains(txt, want) {
			t.Errorf("Q7 chart or table: no %q", want)
		}
	}
	at := strings.Index(txt, "課題に多く出てくる言葉\n")
	if at < 0 {
		t.Fatal("no keyword list")
	}
	var lines []string
	for _, l := range strings.Split(txt[at:], "\n")[1:] {
		if strings.TrimSpace(l) == "" {
			break
		}
		lines = append(lines, strings.TrimSpace(l))
	}
	if len(lines) < 2 {
		t.Fatalf("keyword list on %d line(s): %q; the test wants a wrapped list", len(lines), lines)
	}
	for i, l := range lines {
		if i < len(lines)-1 && !strings.HasSuffix(l, "、") {
			t.Errorf("keyword line %d %q does not end after 「、」", i+1, l)
		}
		if strings.HasPrefix(l, "（") {
			t.Errorf("keyword line %d %q starts with a count", i+1, l)
		}
	}
}
