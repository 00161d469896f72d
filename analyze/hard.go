package analyze

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"
	"golang.org/x/text/unicode/norm"

	"midreview/ingest"
)

// Groups and sources of the ソフトとハードの連携 figures besides districts.
const (
	SourceAll     = "all" // survey, hearing and progress together (hard_counts.csv)
	GroupAnyHard  = "計"   // a text tagged with any category (hard_counts.csv category)
	hardQuoteMin  = 10    // shortest quote, in runes of masked text
	MaxHardQuotes = 3     // quotes per category, ward-wide and per district
)

// HardResults are the texts that call for a physical fix (ソフトとハードの連携):
// every tagged text, the counts by source × district × category (and by year
// for progress sheets), and the quotes the handouts print.
type HardResults struct {
	// Groups are the district groups of the counts: districts in sheet order,
	// then 区全体の取組 (initiatives of the ward-wide plan) and 地区不明 when a tagged
	// text has them.
	Groups []string
	Years  []int // fiscal years of tagged progress texts, ascending
	// Issues are the tagged texts: survey answers (question by question),
	// hearing comments, then progress records (by initiative and year).
	Issues []HardIssue
	// Counts (hard_counts.csv): for each source (survey, hearing, progress,
	// all) with year 0, then progress by year; within one, each group then
	// 全体, and within a group each category in sheet order then 計.
	Counts []HardCount
	// Quotes are the printed quotes: per category ward-wide (Group ""), then
	// per group and category; never a text of a survey group under 秘匿基準.
	Quotes []HardQuote
	// Suppressed, parallel to Groups, reports whether the group's counts that
	// include residents' texts (source survey, and all) are hidden in the
	// public outputs (web/, opendata/): see hardSuppress. WardSuppressed is
	// the same for 全体.
	Suppressed     []bool
	WardSuppressed bool
	// Statuses are the issues by 対応状況 of linkage_responses.xlsx
	// (hard_status_counts.csv): for each group of Groups then 全体, the
	// statuses of LinkageStatuses, then any other status as written in
	// first-seen order, then 未回答; empty without sheet ハード分類.
	Statuses []HardStatusCount
	// Problems are the rows of linkage_responses.xlsx whose 課題ID is no
	// issue of this run (warnings, CodeStaleLinkage), in sheet order.
	Problems []ingest.Problem
}

// StatusUnanswered is the 対応状況 of an issue without an answer.
const StatusUnanswered = "未回答"

// A HardStatusCount is the number of issues of one group with one 対応状況.
type HardStatusCount struct {
	Group, Status string
	Count         int
}

// A HardIssue is one issue: a text tagged with at least one ハード分類
// (hard_issues.csv), counted once however many years of one initiative (or
// items of one organization) repeat it.
type HardIssue struct {
	// ID identifies the issue from run to run (linkage_draft.xlsx,
	// linkage_responses.xlsx): a letter for the source (S, H, P) and eight
	// hex digits of a hash of the source, the record (回答者ID and 設問ID,
	// 団体名, 取組ID) and the masked text with spaces removed (hardIssueID).
	ID         string
	Source     string   // SourceSurvey, SourceHearing or SourceProgress
	RecordID   string   // 回答者ID, 団体名, or 取組ID
	ItemID     string   // 設問ID, 項目ID, or 取組名 for progress
	Groups     []string // district groups (an organization may be active in several)
	Years      []int    // fiscal years of a progress issue, ascending; nil for the others
	Categories []int    // indices into Batch.HardCategories, ascending
	Place      string   // the 町名 or facility the text names (hardplace.go), or ""
	Masked     string   // the text, masked
	// Excerpt is the masked text cut to the sentences that call for the
	// physical fix (those tagged on their own), with 「…」 where sentences
	// were left out; "" when every sentence (or none alone) is tagged.
	// The lists and quotes print it (Quoted); data/hard_issues.csv and the
	// issue's ID keep the whole text.
	Excerpt string
	// PlacedBy reports that the issue is filed under the district of the
	// 町名 its place names (sheet 町名), not the respondent's: the
	// respondent gave no district, or lives in another (From).
	PlacedBy bool
	// From is the respondent's group when PlacedBy: a district or 地区不明.
	From string
	// IssueHard reports, for a progress issue, that its 課題 cell calls for
	// a physical fix on its own (tagged alone, or entered word for word in
	// the ハード cell too); false when only the ハード cell is tagged, and
	// for survey and hearing issues.
	IssueHard bool
	// Quotable reports whether the text may be quoted in a handout: survey
	// texts only when their district (and the ward) has at least 秘匿基準
	// respondents, like every other quote.
	Quotable bool
	// Response is the answer of linkage_responses.xlsx with the issue's ID,
	// nil when none.
	Response *ingest.LinkageResponse
	// Voices is the number of issues (this one included) whose quoted
	// sentences (VoiceKey) are the same: residents who wrote the same
	// sentence, organizations and initiatives that raised it, whatever else
	// their comments say (hard_responses.csv voices) — of the same
	// district groups and place (ListKey): one issue of the lists.
	Voices int
	// SameAs is the 課題ID of the issue that lists this one, "" when the
	// issue is listed itself: issues with one ListKey (the same district
	// groups, place and quoted sentences) are one row of the lists,
	// linkage_draft.xlsx and the counts, the first in reading order
	// standing for the others (docs/methods.md §11, 同じ声).
	SameAs string
	// Same are, on a listed issue, the 課題IDs of the issues it stands
	// for (SameAs this one), in reading order.
	Same []string
}

// Listed reports whether the issue is a row of the lists and is counted:
// the first of the issues with its ListKey.
func (is *HardIssue) Listed() bool { return is.SameAs == "" }

// ListKey is what makes issues one row of the lists (同じ声): the same
// district groups, the same place and the same quoted sentences
// (VoiceKey). The same sentence in two districts, or at two places, is
// two issues.
func (is *HardIssue) ListKey() string {
	return strings.Join(is.Groups, "、") + "\x00" + is.Place + "\x00" + is.VoiceKey()
}

// Quoted is the text the lists and quotes print: the excerpt of the
// sentences that call for the fix, or the whole masked text.
func (is *HardIssue) Quoted() string {
	if is.Excerpt != "" {
		return is.Excerpt
	}
	return is.Masked
}

// VoiceKey is what makes two issues the same voice (Voices, the lists'
// 同じ声): the sentences the lists quote (Quoted), without 「…」 and
// white space. Two comments that call for the same fix in the same words
// are one voice even when one of them goes on about something else
// (H-9ecdf2d5 and H-dfd2d6ea of the demo read 1 each).
func (is *HardIssue) VoiceKey() string {
	return hardTextKey(strings.ReplaceAll(is.Quoted(), "…", ""))
}

// A HardCount is the number of texts of one source (and year) in one group
// tagged with one category (GroupAnyHard: with any).
type HardCount struct {
	Source   string
	Year     int // 0: every year (and survey, hearing texts)
	Group    string
	Category string
	Count    int
}

// A HardQuote is one quote printed under a category, or (Again) an issue
// of the category quoted under an earlier one of the same group.
type HardQuote struct {
	Category int    // index into Batch.HardCategories
	Group    string // "" for the ward-wide chapter, else a group of Groups
	Issue    int    // index into HardResults.Issues
	// Again reports that the issue is quoted under an earlier category of
	// the group (the quote of the same Group and Issue without Again): the
	// handouts refer to it there rather than print its text twice.
	Again bool
}

// A hardMatcher tags tokenized texts with ハード分類 categories.
//
// Note: matching is on tokens, never on substrings, as the issue and the
// test set (testdata/hard_labelled.tsv) ask. A keyword hits when it equals the
// surfaces of a run of whole tokens, or the base form of one token (暗く →
// 暗い). A noun keyword must also be the head of its compound noun: Japanese
// compounds are right-headed, so 公園愛護会, 交通安全教室 and バス旅行 are
// about an association, a class and a trip, not a park, traffic or a bus. The
// nouns after the keyword may only be words that keep it the topic
// (hardKeepWords: 段差解消, 空き家対策, 公園内), and none may mark it as dealt with
// (hardDoneWords: 段差解消済み). A keyword directly followed by 前 names a
// place (会館前 as a meeting point); the dictionary keeps some such names as
// one token (公園前, a bus stop), which never hit 公園 either.
type hardMatcher struct {
	cats  [][]string   // per category, its keywords (NFKC)
	words []anchorWord // keywords, built-in synonyms and part words, longest first
	// byRune indexes words by their first rune, keeping the order of words.
	byRune map[rune][]anchorWord
	// digitAnchor reports whether a word is all ASCII digits (textAnalyzer.latticeFree).
	digitAnchor bool
}

// hardKeepWords are nouns that may follow a keyword inside one compound and
// keep the keyword the topic: the issue itself (不足, 老朽化), what should be
// done about it (対策, 整備, 解消) or where (内, 周辺).
var hardKeepWords = map[string]bool{
	"対策": true, "問題": true, "活用": true, "利活用": true, "解消": true, "整備": true, "改修": true,
	"改善": true, "設置": true, "増設": true, "不足": true, "利用": true, "再生": true, "撤去": true,
	"補修": true, "修繕": true, "管理": true, "確保": true, "化": true, "等": true, "内": true,
	"周辺": true, "付近": true, "沿い": true, "周り": true, "老朽": true, "減少": true, "増加": true,
	"廃止": true, "減便": true, "縮小": true, "新設": true, "拡幅": true,
}

// hardDoneWords mark an issue as already dealt with when they end its compound.
var hardDoneWords = map[string]bool{"済み": true, "済": true, "完了": true}

// newHardMatcher returns the matcher of the categories: each category's
// キーワード, the built-in synonyms of the default categories it matches
// (hardSynonymGroups) and the part words.
func newHardMatcher(cats []ingest.HardCategory) *hardMatcher {
	m := &hardMatcher{cats: make([][]string, len(cats))}
	seen := map[anchorWord]bool{}
	add := func(w string, c int) {
		k := anchorGood
		switch {
		case c < 0:
			k = anchorPart
		case hardSoftWords[w]:
			k = anchorSoft
		case hardBadWords[w]:
			k = anchorBad
		case hardGenericWords[w]:
			k = anchorGeneric
		}
		a := anchorWord{word: w, cat: c, kind: k}
		if !seen[a] {
			seen[a] = true
			m.words = append(m.words, a)
		}
	}
	for i, c := range cats {
		for _, k := range c.Keywords {
			if k = norm.NFKC.String(strings.TrimSpace(k)); k != "" {
				m.cats[i] = append(m.cats[i], k)
				add(k, i)
			}
		}
	}
	for i := range cats {
		for _, g := range hardSynonymGroups {
			if slices.ContainsFunc(g.triggers, func(t string) bool { return slices.Contains(m.cats[i], t) }) {
				for _, w := range g.words {
					add(w, i)
				}
			}
		}
	}
	for _, w := range hardPartWords {
		add(w, -1)
	}
	slices.SortStableFunc(m.words, func(a, b anchorWord) int {
		return utf8.RuneCountInString(b.word) - utf8.RuneCountInString(a.word)
	})
	m.byRune = map[rune][]anchorWord{}
	for _, a := range m.words {
		m.digitAnchor = m.digitAnchor || allDigits(a.word)
		r, _ := utf8.DecodeRuneInString(a.word)
		m.byRune[r] = append(m.byRune[r], a)
	}
	return m
}

// match returns the categories of a text, ascending, from its tokens, their
// base forms and the masked spans (a masked token never hits): the
// categories of the words that are the subject or object of a problem or a
// wish (hardneed.go), and of the category words in the sentence of a part
// word that is.
func (m *hardMatcher) match(toks []tokenizer.Token, bases []string, sp []span) []int {
	return m.matchExcept(toks, bases, sp, nil)
}

// matchExcept is match without the mentions in the sentences of skip
// (sentence indices as hardSentenceEnd counts them).
func (m *hardMatcher) matchExcept(toks []tokenizer.Token, bases []string, sp []span, skip map[int]bool) []int {
	ms := m.mentions(toks, bases, sp)
	if len(skip) > 0 {
		kept := ms[:0:0]
		for _, h := range ms {
			if !skip[h.sent] {
				kept = append(kept, h)
			}
		}
		ms = kept
	}
	var out []int
	addCats := func(cs []int) {
		for _, c := range cs {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	for i, h := range ms {
		if h.kind == anchorSoft {
			others := false
			for j, o := range ms {
				others = others || j != i && o.sent == h.sent && o.kind != anchorSoft
			}
			if !others {
				continue
			}
		}
		hit := mentionHits(toks, bases, ms, i)
		if !hit && h.kind == anchorGeneric {
			// a wish for a generic space named as a category's place (活動拠点
			// となる建物がほしい): judged as that category's word
			for j, o := range ms {
				if j != i && o.sent == h.sent && o.kind != anchorGeneric && o.kind != anchorPart && slices.Equal(o.cats, h.cats) && o.start < h.start {
					g := ms[i]
					g.kind = anchorGood
					tmp := append(append([]hardMention(nil), ms...), g)
					hit = mentionHits(toks, bases, tmp, len(tmp)-1)
					break
				}
			}
		}
		if !hit {
			continue
		}
		if h.kind == anchorPart {
			for _, o := range ms {
				if o.sent == h.sent && containerOf(toks, o, h) {
					addCats(o.cats)
				}
			}
		}
		addCats(h.cats)
	}
	slices.Sort(out)
	return out
}

// hardVenueWords are the words (base forms of tokens) of a room or place to
// meet in, and hardBookingWords those of getting one (booking, renting,
// finding one free): a sentence with both is about a venue's availability
// (bookingSentences).
var (
	hardVenueWords = map[string]bool{"会場": true, "場所": true, "集会所": true, "集会": true, "集会場": true, "会議室": true, "室": true,
		"部屋": true, "施設": true, "拠点": true, "活動拠点": true, "会館": true, "センター": true, "ホール": true, "スペース": true}
	hardBookingWords = map[string]bool{"確保": true, "予約": true, "借りる": true, "借りれる": true, "取れる": true,
		"埋まる": true, "いっぱい": true}
	// hardVacantWords mark a sentence about using a vacant house or shop
	// (「空き店舗を借りて活動拠点にしたい」): a physical need (空き家の活用),
	// never a booking difficulty
	hardVacantWords = map[string]bool{"空き": true, "空く": true, "空き家": true, "空家": true, "店舗": true}
)

// bookingSentences returns the sentences (indices as in mentions) that are
// about getting a venue: a venue word and a booking word (「会場の確保が
// 難しい」「集会所の予約が取れない」「会議室は予約がいっぱい」).
//
// Note: such a sentence names no physical fix: the rooms exist and are
// taken, or the group cannot find one. With a place (「城郷地区センター
// の会議室が取れない」) the officer learns where meeting space is short and
// it stays a 集会所・活動拠点 issue; without one it is a booking difficulty
// nobody on the urban-development side can act on, and is not tagged
// (docs/methods.md §11 rule 9; reader review 4, item 4: 17 of the demo's 76
// listed issues were 「会場の確保が難しい。」 with no place).
func bookingSentences(toks []tokenizer.Token, bases []string) map[int]bool {
	var out map[int]bool
	sent, venue, booking, vacant := 0, false, false, false
	flush := func() {
		if venue && booking && !vacant {
			if out == nil {
				out = map[int]bool{}
			}
			out[sent] = true
		}
		venue, booking, vacant = false, false, false
	}
	for i := range toks {
		if hardSentenceEnd(toks[i]) {
			flush()
			sent++
			continue
		}
		venue = venue || hardVenueWords[bases[i]]
		booking = booking || hardBookingWords[bases[i]]
		vacant = vacant || hardVacantWords[bases[i]]
	}
	flush()
	return out
}

// headOf reports whether the noun ending just before token end heads its
// compound: every noun that follows it in the compound is a keep word and
// none is a done word.
func headOf(toks []tokenizer.Token, bases []string, end int) bool {
	for j := end; j < len(toks); j++ {
		if j == end && toks[j].Surface == "前" {
			return false // 会館前, 集会所前: a place named after it
		}
		role := compoundRole(toks[j].POS(), toks[j].Surface)
		if role != roleHead && role != roleSuffix {
			return true
		}
		if hardDoneWords[bases[j]] {
			return false
		}
		if !hardKeepWords[bases[j]] {
			return false
		}
	}
	return true
}

// A hardDoc is one text considered for tagging.
type hardDoc struct {
	issue HardIssue
	key   string // what makes two texts one issue (hardIssueKey)
	// groups as district indices: a district, len(Districts) for 区全体,
	// len(Districts)+1 for 地区不明.
	gi []int
}

// analyzeHard tags the survey and hearing texts (docs, already tokenized with
// their hard categories) and the progress records' 課題 and ハード texts, and
// counts them. ta analyzes the progress texts.
func analyzeHard(b *ingest.Batch, docs []textDoc, ta *textAnalyzer) *HardResults {
	nd := len(b.Districts)
	wardWide, noDist := nd, nd+1
	// Note: tagged texts repeat (a million respondents give far fewer
	// distinct texts), and an excerpt tokenizes each sentence again: it is
	// made once per text.
	excerpts := map[string]hardCut{}
	excerptOf := func(masked string) hardCut {
		e, ok := excerpts[masked]
		if !ok {
			e = hardExcerptPlace(ta, masked)
			excerpts[masked] = e
		}
		return e
	}
	base := make([]int, nd+2) // survey respondents by district, 地区不明 last
	for i := range b.Current.Respondents {
		d := b.Current.Respondents[i].District
		if d < 0 || d >= nd {
			d = noDist
		}
		base[d]++
	}
	minBase := b.Settings.SuppressBelow
	wardOK := len(b.Current.Respondents) >= minBase
	var hd []hardDoc
	for i := range docs {
		d := &docs[i]
		if len(d.hardCats()) == 0 {
			continue
		}
		// Note: the categories are copied: a doc shares its text's, and
		// mergeHardDocs appends to them.
		cut := excerptOf(d.masked)
		place := cut.placeOr(d.hardPlace())
		h := hardDoc{issue: HardIssue{Source: d.source, RecordID: d.recordID, ItemID: d.itemID,
			Categories: slices.Clone(d.hardCats()), Place: place, Masked: d.masked, Quotable: true, Excerpt: cut.excerpt}}
		h.key = hardIssueKey(d.source, d.recordID+"\x00"+d.itemID, d.masked)
		if d.source == SourceHearing {
			h.key = hardIssueKey(d.source, d.recordID, d.masked) // one organization's text once
		}
		for _, di := range d.districts {
			if di < 0 || di >= nd {
				di = noDist
			}
			if d.source == SourceSurvey {
				h.issue.Quotable = wardOK && base[di] >= minBase
				// Note: a respondent who names a town of sheet 町名 (or a
				// district) of another district as the place, or gives no
				// district: the issue is filed under the place's district,
				// where the fix would be (docs/linkage.md); whether it is
				// quoted still follows the respondent's own group.
				if pd := placeDistrict(b, place); pd >= 0 && pd != di && len(d.districts) == 1 {
					h.issue.From = GroupNoDistrict
					if di != noDist {
						h.issue.From = b.Districts[di].Name
					}
					di, h.issue.PlacedBy = pd, true
				}
			}
			h.gi = append(h.gi, di)
		}
		hd = append(hd, h)
	}
	for _, g := range b.Progress {
		in := &b.Initiatives[g.Initiative]
		issues, hard := strings.TrimSpace(g.Issues), strings.TrimSpace(g.Hard)
		text := issues
		if hard != "" && hard != issues {
			if text != "" {
				text += "　"
			}
			text += hard
		}
		if text == "" {
			continue
		}
		d := textDoc{docHead: &docHead{source: SourceProgress, fixed: -1}, text: text}
		ta.analyze(&d)
		if len(d.hardCats()) == 0 {
			continue
		}
		cut := excerptOf(d.masked)
		excerpt, place := cut.excerpt, cut.placeOr(d.hardPlace())
		// Note: the 課題 and ハード cells are two texts: the issue (its ID,
		// categories, hard_issues.csv) is both together, but whether the
		// 課題 calls for a physical fix is the 課題 cell's own tagging (the
		// progress chapter's 「・ハード面」 mark, ProgressIssueHard), and when
		// it does not, the lists quote the ハード cell alone (P-f777be23
		// quoted 「担い手が足りない 集会所に段差がある」).
		inIssues := issues != "" && (hard == "" || hard == issues)
		if issues != "" && !inIssues {
			di := textDoc{docHead: &docHead{source: SourceProgress, fixed: -1}, text: issues}
			ta.analyze(&di)
			inIssues = len(di.hardCats()) > 0
			dh := textDoc{docHead: &docHead{source: SourceProgress, fixed: -1}, text: hard}
			if !inIssues {
				ta.analyze(&dh)
			}
			if !inIssues && len(dh.hardCats()) > 0 {
				hc := excerptOf(dh.masked)
				if excerpt, place = hc.excerpt, hc.placeOr(dh.hardPlace()); excerpt == "" {
					excerpt = dh.masked
				}
			}
		}
		gi := wardWide
		if in.District >= 0 && in.District < nd {
			gi = in.District
		}
		hd = append(hd, hardDoc{gi: []int{gi}, key: hardIssueKey(SourceProgress, in.ID, d.masked),
			issue: HardIssue{Source: SourceProgress, RecordID: in.ID, ItemID: in.Name, Years: []int{g.Year},
				Categories: slices.Clone(d.hardCats()), Place: place, Masked: d.masked, Quotable: true, Excerpt: excerpt,
				IssueHard: inIssues}})
	}
	hd = mergeHardDocs(hd)
	hr := &HardResults{}
	name := func(gi int) string {
		switch gi {
		case wardWide:
			return GroupWardWide
		case noDist:
			return GroupNoDistrict
		}
		return b.Districts[gi].Name
	}
	used := make([]bool, nd+2)
	years := map[int]bool{}
	for i := range hd {
		for _, gi := range hd[i].gi {
			used[gi] = true
			hd[i].issue.Groups = append(hd[i].issue.Groups, name(gi))
		}
		for _, y := range hd[i].issue.Years {
			years[y] = true
		}
		hr.Issues = append(hr.Issues, hd[i].issue)
	}
	listed := sameVoices(hr.Issues)
	order := make([]int, 0, nd+2)
	for gi := range nd + 2 {
		if gi < nd || used[gi] {
			order = append(order, gi)
			hr.Groups = append(hr.Groups, name(gi))
		}
	}
	for y := range years {
		hr.Years = append(hr.Years, y)
	}
	slices.Sort(hr.Years)
	count := func(src string, year int) {
		for _, gi := range append(order, -1) {
			g := GroupAll
			if gi >= 0 {
				g = name(gi)
			}
			for c := range len(b.HardCategories) + 1 {
				n := 0
				for i := range hd {
					l := &listed[i]
					if !hr.Issues[i].Listed() {
						continue
					}
					if src != SourceAll && !slices.Contains(l.sources, src) || year != 0 && !slices.Contains(l.years, year) {
						continue
					}
					if gi >= 0 && !slices.Contains(hd[i].gi, gi) {
						continue
					}
					if c < len(b.HardCategories) && !slices.Contains(l.cats, c) {
						continue
					}
					n++
				}
				cat := GroupAnyHard
				if c < len(b.HardCategories) {
					cat = b.HardCategories[c].Name
				}
				hr.Counts = append(hr.Counts, HardCount{Source: src, Year: year, Group: g, Category: cat, Count: n})
			}
		}
	}
	for _, src := range []string{SourceSurvey, SourceHearing, SourceProgress, SourceAll} {
		count(src, 0)
	}
	for _, y := range hr.Years {
		count(SourceProgress, y)
	}
	hr.Suppressed, hr.WardSuppressed = hardSuppress(b, order, base)
	hr.Problems = applyLinkage(b, hr)
	hr.Statuses = hardStatuses(hr)
	hr.Quotes = hardQuotes(b, hr, "")
	for _, g := range hr.Groups {
		hr.Quotes = append(hr.Quotes, hardQuotes(b, hr, g)...)
	}
	return hr
}

// A listedIssue is what a listed issue (HardIssue Listed) counts under:
// the sources, years and categories of it and of the issues it stands for.
type listedIssue struct {
	sources []string
	years   []int
	cats    []int
}

// sameVoices groups the issues by ListKey: the first of each key (in
// reading order) is listed and stands for the others (SameAs, Same), and
// every issue's Voices is the size of its group. It returns, parallel to
// issues, what each listed issue counts under (zero for the others).
//
// Note: the lists gave one row per text before, so the same street written
// by five residents read as five issues with 同じ声 5 on each row (reader
// review 4, item 3); an officer answers the issue once, so it is one row,
// one 件 in the counts, with its voices given beside it.
func sameVoices(issues []HardIssue) []listedIssue {
	lead := map[string]int{}
	out := make([]listedIssue, len(issues))
	for i := range issues {
		is := &issues[i]
		k := is.ListKey()
		j, ok := lead[k]
		if !ok {
			lead[k] = i
			j = i
		} else {
			is.SameAs = issues[j].ID
			issues[j].Same = append(issues[j].Same, is.ID)
		}
		l := &out[j]
		if !slices.Contains(l.sources, is.Source) {
			l.sources = append(l.sources, is.Source)
		}
		for _, y := range is.Years {
			if !slices.Contains(l.years, y) {
				l.years = append(l.years, y)
			}
		}
		for _, c := range is.Categories {
			if !slices.Contains(l.cats, c) {
				l.cats = append(l.cats, c)
			}
		}
	}
	for i := range issues {
		j := lead[issues[i].ListKey()]
		issues[i].Voices = 1 + len(issues[j].Same)
	}
	return out
}

// ProgressIssueHard reports whether the 課題 of initiative id in fiscal
// year y calls for a physical fix (HardIssue.IssueHard): the progress
// chapter marks it 「・ハード面」 exactly when the linkage lists hold it as
// such. A nil hr (no sheet ハード分類) holds none.
func (hr *HardResults) ProgressIssueHard(id string, y int) bool {
	if hr == nil {
		return false
	}
	for i := range hr.Issues {
		is := &hr.Issues[i]
		if is.Source == SourceProgress && is.IssueHard && is.RecordID == id && slices.Contains(is.Years, y) {
			return true
		}
	}
	return false
}

// hardIssueKey returns what identifies an issue: its source, its record
// (回答者ID and 設問ID, 団体名 or 取組ID) and its masked text with white
// space removed.
func hardIssueKey(source, record, masked string) string {
	return source + "\x00" + record + "\x00" + hardTextKey(masked)
}

// hardTextKey is a masked text with white space removed, for telling equal
// texts apart from different ones.
func hardTextKey(masked string) string { return strings.Join(strings.Fields(masked), "") }

// mergeHardDocs merges the docs with one key into the first of them (in
// reading order): the years, groups and categories of the others are added,
// so that a 課題 repeated every year is one issue with its years. It then
// sets each issue's ID (hardIssueID).
func mergeHardDocs(hd []hardDoc) []hardDoc {
	first := map[string]int{}
	var out []hardDoc
	for _, h := range hd {
		i, ok := first[h.key]
		if !ok {
			first[h.key] = len(out)
			out = append(out, h)
			continue
		}
		o := &out[i]
		for _, y := range h.issue.Years {
			if !slices.Contains(o.issue.Years, y) {
				o.issue.Years = append(o.issue.Years, y)
			}
		}
		slices.Sort(o.issue.Years)
		for _, g := range h.gi {
			if !slices.Contains(o.gi, g) {
				o.gi = append(o.gi, g)
			}
		}
		for _, c := range h.issue.Categories {
			if !slices.Contains(o.issue.Categories, c) {
				o.issue.Categories = append(o.issue.Categories, c)
			}
		}
		slices.Sort(o.issue.Categories)
		o.issue.Quotable = o.issue.Quotable && h.issue.Quotable
		if o.issue.Place == "" {
			o.issue.Place = h.issue.Place
		}
	}
	used := map[string]bool{}
	for i := range out {
		out[i].issue.ID = hardIssueID(out[i].issue.Source, out[i].key, used)
	}
	return out
}

// hardIssueID returns the ID of the issue with key k: a letter for the
// source and eight hex digits of the key's FNV-1a hash; on a collision with
// an ID in used, "-2", "-3", … is added (in reading order, so reruns agree).
func hardIssueID(source, k string, used map[string]bool) string {
	letter := "S"
	switch source {
	case SourceHearing:
		letter = "H"
	case SourceProgress:
		letter = "P"
	}
	h := fnv.New32a()
	h.Write([]byte(k))
	id := fmt.Sprintf("%s-%08x", letter, h.Sum32())
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%08x-%d", letter, h.Sum32(), n)
	}
	used[id] = true
	return id
}

// hardSuppress applies the 秘匿 rule of the crosstabs (suppress) to the
// survey counts of the groups order (district indices, wardWide and noDist as
// in analyzeHard), whose survey bases are base: a group with fewer than
// 秘匿基準 respondents is hidden, and when exactly one is, the group with the
// fewest respondents besides it too, so that 全体 minus the rest does not give
// it away. 区全体 has no respondents and no survey texts: it takes no part.
//
// Note: unlike a crosstab cell, a group with no respondents at all is not
// hidden: its survey count is 0 by construction, so x would hide nothing
// (suppress's own note) and, in a year without a survey, would blank every
// district's counts of hearings and initiatives for nothing. 全体 is hidden
// only when the whole survey has fewer than 秘匿基準 respondents (and some).
func hardSuppress(b *ingest.Batch, order, base []int) (groups []bool, ward bool) {
	st := b.Settings
	wardWide := len(b.Districts)
	var bases []int
	var at []int // index into order of each base
	for i, gi := range order {
		if gi != wardWide {
			bases = append(bases, base[gi])
			at = append(at, i)
		}
	}
	groups = make([]bool, len(order))
	for k, f := range suppress(bases, st.SuppressBelow, st.ReferenceBelow, false) {
		groups[at[k]] = f.Suppressed && (bases[k] > 0 || f.Complement)
	}
	n := len(b.Current.Respondents)
	return groups, n > 0 && n < st.SuppressBelow
}

// hardQuotes picks up to MaxHardQuotes quotes per category among the quotable
// issues of group g ("" = all): between hardQuoteMin and QuoteMaxRunes runes,
// texts without a mask first, taking the sources in turn (survey, hearing,
// progress) so that residents, organizations and the initiatives all speak,
// each in reading order; a voice already quoted in the group (VoiceKey),
// under this category or an earlier one, is not quoted again. After a
// category's quotes come its issues quoted under an earlier category
// (Again), in the order they were quoted.
//
// Note: an issue of two categories was quoted under each, so that the
// page read as more issues than its count (reader review 5, item 11:
// 「綱島西一丁目の坂の途中のバス停にベンチがなく…」 under 道路・歩道・段差 and
// again under 交通・バス); it is quoted once per group, under the first
// category that takes it, and the later ones refer to it.
func hardQuotes(b *ingest.Batch, hr *HardResults, g string) []HardQuote {
	var out []HardQuote
	var seen []string // the voices quoted in the group
	var quoted []int  // the issues quoted in the group, in order
	for c := range b.HardCategories {
		var bySrc [3][]int
		for pass := range 2 { // unmasked texts, then masked ones
			for i := range hr.Issues {
				is := &hr.Issues[i]
				if !is.Listed() || !is.Quotable || !slices.Contains(is.Categories, c) || g != "" && !slices.Contains(is.Groups, g) {
					continue
				}
				if slices.Contains(quoted, i) {
					continue
				}
				if l := utf8.RuneCountInString(is.Quoted()); l < hardQuoteMin || l > QuoteMaxRunes {
					continue
				}
				if strings.Contains(is.Quoted(), MaskMark) != (pass == 1) {
					continue
				}
				s := 0
				switch is.Source {
				case SourceHearing:
					s = 1
				case SourceProgress:
					s = 2
				}
				bySrc[s] = append(bySrc[s], i)
			}
		}
		var again []HardQuote
		for _, i := range quoted {
			if slices.Contains(hr.Issues[i].Categories, c) {
				again = append(again, HardQuote{Category: c, Group: g, Issue: i, Again: true})
			}
		}
		for k, n := 0, 0; n < MaxHardQuotes; k++ {
			took := false
			for s := range bySrc {
				if n == MaxHardQuotes || k >= len(bySrc[s]) {
					continue
				}
				took = true
				i := bySrc[s][k]
				// the same voice (VoiceKey: the quoted sentences without
				// 「…」) is quoted once; 同じ声 counts the others
				if slices.Contains(seen, hr.Issues[i].VoiceKey()) {
					continue
				}
				seen = append(seen, hr.Issues[i].VoiceKey())
				quoted = append(quoted, i)
				out = append(out, HardQuote{Category: c, Group: g, Issue: i})
				n++
			}
			if !took {
				break
			}
		}
		out = append(out, again...)
	}
	return out
}

// applyLinkage attaches to each issue the row of linkage_responses.xlsx
// with its ID, and returns a warning for each row whose 課題ID is no issue
// of this run (its text changed, or it is no longer tagged): the answer is
// not carried over, and the warning names the row.
func applyLinkage(b *ingest.Batch, hr *HardResults) []ingest.Problem {
	lk := b.Linkage
	if lk == nil {
		return nil
	}
	at := make(map[string]int, len(hr.Issues))
	for i := range hr.Issues {
		at[hr.Issues[i].ID] = i
	}
	var probs []ingest.Problem
	for ri := range lk.Rows {
		r := &lk.Rows[ri]
		if i, ok := at[r.IssueID]; ok {
			hr.Issues[i].Response = r
			continue
		}
		var file string
		if int(r.Src.File) < len(b.Files) {
			file = b.Files[r.Src.File].Path
		}
		probs = append(probs, ingest.Problem{Severity: ingest.Warning, Code: ingest.CodeStaleLinkage, File: file,
			Sheet: lk.Sheet, Row: int(r.Src.Row), Col: lk.IDCol, Item: ingest.LinkageSheet.Header(ingest.ColLinkID),
			Value: r.IssueID})
	}
	// An answer is for the issue as listed (one row for the same voices):
	// the listed issue's own answer, else the first answered of those it
	// stands for (an answer given when they were rows of their own), goes to
	// each of them without an answer of its own.
	for i := range hr.Issues {
		lead := &hr.Issues[i]
		if !lead.Listed() || len(lead.Same) == 0 {
			continue
		}
		ans := lead.Response
		for _, id := range lead.Same {
			if ans == nil {
				ans = hr.Issues[at[id]].Response
			}
		}
		if ans == nil {
			continue
		}
		lead.Response = ans
		for _, id := range lead.Same {
			if o := &hr.Issues[at[id]]; o.Response == nil {
				o.Response = ans
			}
		}
	}
	return probs
}

// hardStatuses counts the listed issues (HardIssue Listed) by 対応状況, per
// group of hr.Groups and 全体.
func hardStatuses(hr *HardResults) []HardStatusCount {
	statuses := append([]string(nil), ingest.LinkageStatuses...)
	for _, is := range hr.Issues {
		if is.Response != nil && is.Response.Status != "" && !slices.Contains(statuses, is.Response.Status) {
			statuses = append(statuses, is.Response.Status)
		}
	}
	statuses = append(statuses, StatusUnanswered)
	var out []HardStatusCount
	for _, g := range append(append([]string(nil), hr.Groups...), GroupAll) {
		for _, st := range statuses {
			n := 0
			for _, is := range hr.Issues {
				if !is.Listed() || g != GroupAll && !slices.Contains(is.Groups, g) {
					continue
				}
				if IssueStatus(&is) == st {
					n++
				}
			}
			out = append(out, HardStatusCount{Group: g, Status: st, Count: n})
		}
	}
	return out
}

// IssueStatus returns the 対応状況 of an issue: its answer's, or 未回答
// when it has none (or an answer without 対応状況).
func IssueStatus(is *HardIssue) string {
	if is.Response == nil || is.Response.Status == "" {
		return StatusUnanswered
	}
	return is.Response.Status
}

// A hardCut is a text cut to the sentences that call for the physical fix
// (hardExcerptPlace): the excerpt and the place those sentences name.
type hardCut struct {
	excerpt string // HardIssue.Excerpt; "" when the whole text is quoted
	place   string // the place of the excerpt's sentences, "" when none (or no excerpt)
}

// placeOr returns the issue's place: the excerpt's, or whole, the place of
// the whole text when nothing was cut.
func (c hardCut) placeOr(whole string) string {
	if c.excerpt == "" {
		return whole
	}
	return c.place
}

// hardExcerpt returns the masked text cut to its sentences that are tagged
// with a ハード分類 on their own, joined with 「…」 where sentences were left
// out; "" when the text is one sentence, when every sentence is tagged, or
// when none is on its own (the need spans sentences: the whole text is
// quoted). A comment that goes on about other things (福祉の情報, 担い手)
// is thus quoted only for its physical need.
func hardExcerpt(ta *textAnalyzer, masked string) string {
	return hardExcerptPlace(ta, masked).excerpt
}

// hardExcerptPlace is hardExcerpt with the place its sentences name
// (placeFinder.find on the kept sentences together).
//
// Note: the place is taken from the quoted sentences only: 「綱島の公園で
// ウォーキングをする仲間がほしいです。綱島西一丁目の夜道が暗く…」 quotes the
// dark street, whose place is 綱島西1丁目, not 「綱島西1丁目・綱島の公園」
// (reader review 5, item 10: the park of a wish for companions made the
// same street-light issue a second row of 同じ声 1 beside its 18 voices).
func hardExcerptPlace(ta *textAnalyzer, masked string) hardCut {
	sents := splitSentences(masked)
	if len(sents) < 2 || ta.hard == nil {
		return hardCut{}
	}
	keep := make([]bool, len(sents))
	kept, place := 0, ""
	for i, s := range sents {
		if r := ta.analyzeNorm(norm.NFKC.String(s)); len(r.hard) > 0 {
			keep[i] = true
			kept++
			place = r.place
		}
	}
	if kept == 0 || kept == len(sents) {
		return hardCut{}
	}
	var b, joined strings.Builder
	for i, s := range sents {
		switch {
		case keep[i]:
			b.WriteString(strings.TrimSpace(s))
			joined.WriteString(strings.TrimSpace(s))
		case i == 0 || keep[i-1]:
			b.WriteString("…")
		}
	}
	if kept > 1 {
		// the place rule (the first facility, then the first town) over the
		// kept sentences together, as over a whole text
		place = ta.analyzeNorm(norm.NFKC.String(joined.String())).place
	}
	return hardCut{excerpt: b.String(), place: place}
}

// splitSentences splits s after each 。！？!? or line break, keeping the
// marks; blank pieces are dropped.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		switch r {
		case '。', '！', '？', '!', '?', '\n':
			if p := strings.TrimSpace(s[start : i+utf8.RuneLen(r)]); p != "" {
				out = append(out, p)
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		out = append(out, p)
	}
	return out
}

// placeDistrict returns the district of the place a text names (HardIssue
// Place): the district of the 町名 it begins with (sheet 町名, its 丁目
// read as digits; a town name without 丁目 when all its 丁目 lie in one
// district), or of a district name or alias it begins with; -1 when none
// or when the towns it may be lie in several districts.
func placeDistrict(b *ingest.Batch, place string) int {
	if place == "" {
		return -1
	}
	p := chomeDigits(norm.NFKC.String(place))
	found, best := -1, 0
	consider := func(name string, d int) {
		if d < 0 || d >= len(b.Districts) || name == "" || !strings.HasPrefix(p, name) || len(name) < best {
			return
		}
		if len(name) > best {
			best, found = len(name), d
			return
		}
		if found != d {
			found = -2 // the same name in two districts: ambiguous
		}
	}
	for _, t := range b.Towns {
		n := chomeDigits(norm.NFKC.String(strings.TrimSpace(t.Name)))
		consider(n, t.District)
		if strings.HasPrefix(p, n) {
			continue
		}
		// 大倉山 for the towns 大倉山1丁目…: only when the place gives no 丁目
		if bare := reTownChome.ReplaceAllString(n, ""); bare != n && !reTextChome.MatchString(strings.TrimPrefix(p, bare)) {
			consider(bare, t.District)
		}
	}
	for d := range b.Districts {
		consider(norm.NFKC.String(b.Districts[d].Name), d)
		for _, a := range b.Districts[d].Aliases {
			consider(norm.NFKC.String(a), d)
		}
	}
	return max(found, -1)
}
