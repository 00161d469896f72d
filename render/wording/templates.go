package wording

import (
	"maps"
	"math"
	"strings"
	"unicode/utf8"

	"midreview/analyze"
)

// sentenceTemplates is every sentence the findings are written in: one
// reviewed table, です・ます style, as Japanese review reports write them
// (../shared/domain.md "How review reports are written"). A {name} is filled
// by SentenceText: answer labels in 「」, figures printed by figText (one
// decimal, %, ポイント), lists joined by 、.
var sentenceTemplates = map[string]string{
	// Under a question (and in 概要, after 「設問」では、).
	"leading":          "{first}が {pct} で最も多く、次いで{next}となっています。",
	"leading-only":     "{first}が {pct} で最も多くなっています。",
	"leading-tie":      "{first}がともに {pct} で最も多く、次いで{next}となっています。",
	"leading-tie-only": "{first}がともに {pct} で最も多くなっています。",
	"all-equal":        "{all}がいずれも {pct} となっています。",
	// The composite is on the tables' base (無回答 included): the
	// indicator's own value, or summary.csv top_box_pct on the same base.
	// {box} is the box's name in 『』 (『そう思う（計）』), or the indicator
	// it is, in 「」 (boxRef).
	"composite": "{labels}を合わせた{box}は {pct} です。",
	// The box is an indicator's value: the indicator is named once, here;
	// the passage's later sentences name the box only.
	"composite-ind": "{labels}を合わせた{box}（指標「{ind}」）は {pct} です。",
	"composite-one": "肯定的な回答（{labels}）は {pct} です。",
	"ma-note":       "複数回答のため、割合の合計は100%を超えます。",
	"mean":          "平均は {mean}、中央値は {median} です。",
	// With a unit (設問 単位) the number and its unit end the clause: 「0回です」.
	"mean-unit":       "平均は {mean}、中央値は {median}です。",
	"change":          "策定時調査と比べると、{changes}しています。",
	"change-item":     "{label}が {base} から {cur} へ {pt} ポイント{dir}",
	"change-up":       "増加",
	"change-down":     "減少",
	"no-change":       "策定時調査と比べて、大きな変化はみられません。",
	"box-change-up":   "策定時調査と比べると、{box}は {base} から {cur} へ増加しています。",
	"box-change-down": "策定時調査と比べると、{box}は {base} から {cur} へ減少しています。",
	"box-no-change":   "{box}は策定時の {base} に対し今回 {cur} で、策定時調査からの大きな変化はみられません。",
	"no-change-lead":  "{label}は策定時の {base} に対し今回 {cur} で、策定時調査からの大きな変化はみられません。",
	"groups":          "{by}にみると、{label}の割合は{high}で高く、{low}で低くなっています。",
	"groups-high":     "{by}にみると、{label}の割合は{high}で高くなっています。",
	"groups-low":      "{by}にみると、{label}の割合は{low}で低くなっています。",
	// By 地区 on the question's key measure: an indicator is named as itself.
	"groups-ind":      "{by}にみると、{label}は{high}で高く、{low}で低くなっています。",
	"groups-ind-high": "{by}にみると、{label}は{high}で高くなっています。",
	"groups-ind-low":  "{by}にみると、{label}は{low}で低くなっています。",
	"group-item":      "{group}（{pct}）",
	"age-up":          "年代が高いほど{label}の割合が高く、{first}の {fv} に対し、{last}では {lv} となっています。",
	"age-down":        "年代が高いほど{label}の割合が低く、{first}の {fv} に対し、{last}では {lv} となっています。",
	"subject":         "「{subject}」では、",
	// 概要's own wording of a change, so that the question's sentence is not repeated.
	"summary-change":     "「{subject}」の{label}は、策定時調査の {base} から {cur} へ {pt} ポイント{dir}しています。",
	"summary-box-change": "「{subject}」の{box}は、策定時の {base} から今回 {cur} へ{dir}しています。",
	"summary-leading":    "「{subject}」で最も多い回答は{first}（{pct}）です。",
	"summary-composite":  "「{subject}」の{box}は {pct} です。",
	// 概要 only.
	"standout-high":          "「{subject}」では、{label}の割合が{group}で {pct} と、区内の他の地区（{rest}）より高くなっています。",
	"standout-low":           "「{subject}」では、{label}の割合が{group}で {pct} と、区内の他の地区（{rest}）より低くなっています。",
	"standout-ind-high-good": "{label}は{group}で {pct} と、区内の他の地区（{rest}）より高く、良い状態です。",
	"standout-ind-high-bad":  "{label}は{group}で {pct} と、区内の他の地区（{rest}）より高く、課題がみられます。",
	"standout-ind-low-good":  "{label}は{group}で {pct} と、区内の他の地区（{rest}）より低く、良い状態です。",
	"standout-ind-low-bad":   "{label}は{group}で {pct} と、区内の他の地区（{rest}）より低く、課題がみられます。",
	// 概要, ward-wide: the hearings as counts of organizations, and the
	// initiatives delayed or under review in the latest year.
	"hearings":       "団体ヒアリング（{orgs}団体）では、{items}と回答しています。",
	"hearings-only":  "団体ヒアリングでは、{orgs}団体から活動の状況や課題をうかがいました。",
	"hearing-item":   "「{item}」について{base}団体中{n}団体が{label}",
	"delayed":        "最新年度の取組の振り返りで進ちょくが遅れている取組は、{names}です。",
	"delayed-revise": "最新年度の振り返りで次年度の方向性を「見直し」とした取組は、{names}です。",
	"theme-comments": "このテーマに関する自由記述と団体の意見は、{d}からのものが {n} 件と最も多くなっています。",
	"hard":           "ソフトとハードの連携では、物理的な対応が必要な課題は{top}に関するものが {n} 件と最も多く、次いで{next}となっています。",
	"hard-only":      "ソフトとハードの連携では、物理的な対応が必要な課題は{top}に関するものが {n} 件です。",
	"on-track":       "最新年度の取組の振り返りでは、遅れや見直しとなっている取組はありません。",
	// Under the indicator table (and in 概要). A midpoint miss is at risk, not failed.
	"indicator-A":      "{name}は、策定時の {base} から今回 {cur} となり、目標値（{target}）を達成しています。",
	"indicator-A-now":  "{name}は今回 {cur} で、目標値（{target}）を達成しています。",
	"indicator-B":      "{name}は、策定時の {base} から今回 {cur} へ改善していますが、目標値（{target}）には届いておらず、目標の達成に向けて取組の強化が必要です。",
	"indicator-B-open": "{name}は、策定時の {base} から今回 {cur} へ改善しています。",
	"indicator-C":      "{name}は、策定時の {base} に対し今回 {cur} で、大きな変化はみられず、目標値（{target}）の達成が危ぶまれます。",
	"indicator-C-open": "{name}は、策定時の {base} に対し今回 {cur} で、大きな変化はみられません。",
	"indicator-D":      "{name}は、策定時の {base} から今回 {cur} へ悪化しており、目標値（{target}）の達成が危ぶまれる状況です。",
	"indicator-D-open": "{name}は、策定時の {base} から今回 {cur} へ悪化しています。",
	"indicator-none":   "{name}は今回 {cur} です（策定時との比較による評価はできません）。",
	// The indicator chapter adds to 概要's evaluation: the interval and the districts.
	"indicator-detail":      "{name}の今回値の95%信頼区間は {lo}～{hi} で、地区別では{high}（{hv}）が最も高く、{low}（{lv}）が最も低くなっています。",
	"indicator-detail-ward": "{name}の今回値の95%信頼区間は {lo}～{hi} です。",
	// District profile (地区カルテ).
	// District profile sentences name the district, so that no two
	// districts print the same sentence in the ward report's 地区別のまとめ.
	"respondents":      "{d}の回答者は {n} 人で、回収率は {rate} です。",
	"respondents-only": "{d}の回答者は {n} 人です。",
	"too-few":          "{d}は回答者が秘匿基準に満たないため、この地区の割合は示していません。",
	"reference":        "{d}は回答者が少ないため、この地区の割合は参考値とし、特徴は文章にしていません。",
	// {sub} says when the question was asked of a subset (対象条件, the
	// question's note 「対象：…」), so that no one reads the share as of all.
	"higher": "「{subject}」で{label}と答えた人は{sub} {pct} と、区内の他の地区（{rest}）より {pt} ポイント高くなっています。",
	"lower":  "「{subject}」で{label}と答えた人は{sub} {pct} と、区内の他の地区（{rest}）より {pt} ポイント低くなっています。",
	// A scale question's combined box (『感じる（計）』) against the rest:
	// the box as the カルテ's 主な結果 table prints it.
	"higher-box": "「{subject}」では、『{label}』が{sub} {pct} と、区内の他の地区（{rest}）より {pt} ポイント高くなっています。",
	"lower-box":  "「{subject}」では、『{label}』が{sub} {pct} と、区内の他の地区（{rest}）より {pt} ポイント低くなっています。",
	// An indicator, named as itself (the 主な結果 table's 比べる値).
	"higher-ind":        "{label}は{sub} {pct} と、区内の他の地区（{rest}）より {pt} ポイント高くなっています。",
	"lower-ind":         "{label}は{sub} {pct} と、区内の他の地区（{rest}）より {pt} ポイント低くなっています。",
	"subset":            "、この設問の対象となった人のうち",
	"no-diff":           "{d}では、区内の他の地区と比べて統計的に意味のある差がみられる項目はありません。",
	"org-ratings":       "{d}の団体ヒアリングでは、{items}と回答しています。",
	"org-item":          "「{item}」について{base}団体中{n}団体が{label}（全体 {wbase}団体中{wn}団体）",
	"comments":          "{d}の自由記述と団体の意見では、{top}に関するものが {n} 件と最も多く、次いで{next}となっています。",
	"comments-tie":      "{d}の自由記述と団体の意見では、{top}に関するものがともに {n} 件と最も多く、次いで{next}となっています。",
	"comments-only":     "{d}の自由記述と団体の意見では、{top}に関するものが {n} 件です。",
	"comments-tie-only": "{d}の自由記述と団体の意見では、{top}に関するものがともに {n} 件です。",
	"comment-item":      "{theme}（{n}件）",
	"margin":            "{d}の回答者数（n={n}）からみた割合の誤差は、最大で±{m}ポイント程度です（信頼度95%）。",
}

// Templates returns a copy of the sentence templates by key, for checks of
// the wording of every sentence (render's TestOneWordForEachSurvey).
func Templates() map[string]string { return maps.Clone(sentenceTemplates) }

// webTemplates are the templates the web pages print in place of the
// handouts' (SentenceWebText): residents read the same facts in plain
// words, without 95%信頼区間 or 秘匿基準 (render's TestWebPlainWords).
var webTemplates = map[string]string{
	"indicator-detail":      "{name}の今回値は、誤差を考えると {lo}～{hi} で、地区別では{high}（{hv}）が最も高く、{low}（{lv}）が最も低くなっています。",
	"indicator-detail-ward": "{name}の今回値は、誤差を考えると {lo}～{hi} です。",
	"too-few":               "{d}は回答者が数値を伏せる人数に満たないため、この地区の割合は示していません。",
}

// WebTemplates returns a copy of the web's templates by key (webTemplates).
func WebTemplates() map[string]string { return maps.Clone(webTemplates) }

// byWords names a breakdown in a sentence: 地区別にみると, 性別にみると.
var byWords = map[string]string{
	analyze.ByDistrict: "地区別",
	analyze.ByGender:   "性別",
	analyze.ByAge:      "年代別",
}

// byName names the breakdown of a RuleGroups finding (its Words) in a
// sentence, and reports whether it is a 分析軸: 「世帯構成」別, whose groups the
// sentence then quotes as it quotes answer labels.
func byName(words []string) (string, bool) {
	if len(words) == 0 {
		return "", false
	}
	if w, ok := byWords[words[0]]; ok {
		return w, false
	}
	name := words[0]
	if len(words) > 1 {
		name = words[1]
	}
	return quote(name) + "別", true
}

// fill replaces each {name} of template key by its value.
func (w words) fill(key string, kv ...string) string {
	s := w.template(key)
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}

// quote puts a label in 「」, its own 「」 turned into 『』 (InQuote).
func quote(s string) string { return "「" + InQuote(s) + "」" }

// InQuote is s as a sentence quotes it inside 「」: its own 「」 become 『』
// (「『健康』についてお答えください」), so that no bracket is nested in one
// of its kind.
func InQuote(s string) string { return inQuote.Replace(s) }

var inQuote = strings.NewReplacer("「", "『", "」", "』")

// ShortTitle is how a sentence refers to a question or an indicator by its
// title (Finding.Subject): the title without what only the questionnaire
// needs, as InQuote quotes it. It drops a trailing parenthesis that follows a
// finished sentence or gives the answering instruction (「。（あてはまるものすべて）」,
// 「（○は1つ）」, a number 「。（Q36）」), then the closing 「。」「？」:
// 「今後、参加してみたい地域の活動は何ですか。（あてはまるものすべて）」 →
// 「今後、参加してみたい地域の活動は何ですか」. Definitions have no short
// label column (../shared/spec/inputs.md 設問), so the title is shortened.
func ShortTitle(s string) string {
	t := strings.TrimSpace(s)
	for {
		head, inner, ok := trailingParen(t)
		if !ok || head == "" {
			break
		}
		if !strings.ContainsAny(lastRune(head), "。．？?！!") && !instruction(inner) {
			break
		}
		t = head
	}
	t = strings.TrimRight(t, "。．？?！! 　")
	if t == "" {
		t = strings.TrimSpace(s)
	}
	return InQuote(t)
}

// trailingParen splits t ending in a parenthesis (（…） or (…)) into the
// text before it (trimmed) and the parenthesis' content.
func trailingParen(t string) (head, inner string, ok bool) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(t, p[1]) {
			continue
		}
		i := strings.LastIndex(t, p[0])
		if i < 0 {
			return "", "", false
		}
		return strings.TrimSpace(t[:i]), t[i+len(p[0]) : len(t)-len(p[1])], true
	}
	return "", "", false
}

// lastRune is the last character of s ("" for "").
func lastRune(s string) string {
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return ""
	}
	return string(r)
}

// instruction reports whether a parenthesis tells how to answer
// (あてはまるものすべて, ○は1つ, いくつでも, 複数回答).
func instruction(s string) bool {
	for _, w := range []string{"あてはまる", "当てはまる", "いくつでも", "すべて選", "複数回答", "単一回答", "○は", "〇は", "◯は", "ひとつ", "１つ", "1つ", "一つ", "選んで", "お選び"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// num prints a figure inside a sentence: like figText, but a difference in
// points as its magnitude (the sentence says 増加/減少 or 高く/低く).
func num(g analyze.FindingFig) string {
	switch g.Measure {
	case analyze.MeasureDiff, analyze.MeasureMargin:
		return OneDecimal(math.Abs(g.Value))
	case analyze.MeasureValid, analyze.MeasureCount, analyze.MeasureOrgs, analyze.MeasureOrgBase:
		return Thousands(int(g.Value)) // the template says 人, 件 or 団体
	}
	return figText(g)
}

// SentenceText writes a finding as one Japanese sentence from its template.
// Every number in it is one of the finding's figures as printed.
func SentenceText(f analyze.Finding) string { return printWords.sentence(f) }

// SentenceWebText writes a finding as the web pages print it: the same
// sentence in plain words where its template names a statistical term
// (webTemplates); every other sentence is SentenceText's.
func SentenceWebText(f analyze.Finding) string { return webWords.sentence(f) }

// words is the table of templates a sentence is written from: the
// handouts' (sentenceTemplates), or the web's, which replaces the templates
// of webTemplates.
type words struct{ web bool }

var printWords, webWords = words{}, words{web: true}

// template is the template of key in this table.
func (w words) template(key string) string {
	if w.web {
		if s, ok := webTemplates[key]; ok {
			return s
		}
	}
	return sentenceTemplates[key]
}

func (w words) sentence(f analyze.Finding) string {
	// Note: a question is named by its short title (ShortTitle), never
	// quoted whole: 「「健康」についてお答えください。（Q16）」 nests 「」 and
	// ends the quote with 。 (reader review 5, item 5).
	f.Subject = ShortTitle(f.Subject)
	if f.Place == analyze.PlaceSummary && f.Subject != "" {
		fg := f.Figures
		switch {
		case f.Rule == analyze.RuleChange && len(fg) == 3:
			dir := w.template("change-up")
			if fg[2].Value < 0 {
				dir = w.template("change-down")
			}
			return w.fill("summary-change", "subject", f.Subject, "label", quote(fg[0].Label), "base", num(fg[0]),
				"cur", num(fg[1]), "pt", num(fg[2]), "dir", dir)
		case f.Rule == analyze.RuleLeading && len(fg) > 0:
			var first []string
			for _, g := range fg {
				if g.Value == fg[0].Value {
					first = append(first, quote(g.Label))
				}
			}
			return w.fill("summary-leading", "subject", f.Subject, "first", strings.Join(first, "と"), "pct", num(fg[0]))
		case f.Rule == analyze.RuleComposite && len(fg) == 1 && len(f.Words) > 2:
			return w.fill("summary-composite", "subject", f.Subject, "box", boxRef(f.Words[0]), "pct", num(fg[0]))
		case f.Rule == analyze.RuleBoxChange && len(fg) == 2 && len(f.Words) > 1:
			dir := w.template("change-up")
			if fg[1].Value < fg[0].Value {
				dir = w.template("change-down")
			}
			return w.fill("summary-box-change", "subject", f.Subject, "box", boxRef(f.Words[0]), "base", num(fg[0]),
				"cur", num(fg[1]), "dir", dir)
		}
	}
	s := w.sentenceBody(f)
	if f.Place == analyze.PlaceSummary && f.Subject != "" {
		switch f.Rule {
		case analyze.RuleLeading, analyze.RuleAllEqual, analyze.RuleComposite, analyze.RuleChange, analyze.RuleBoxChange,
			analyze.RuleNoChange, analyze.RuleMean, analyze.RuleGroups, analyze.RuleAgeTrend:
			s = w.fill("subject", "subject", f.Subject) + s
		}
	}
	return s
}

func (w words) sentenceBody(f analyze.Finding) string {
	fg := f.Figures
	switch f.Rule {
	case analyze.RuleLeading:
		lead := 1
		for lead < len(fg) && fg[lead].Value == fg[0].Value {
			lead++
		}
		var first []string
		for _, g := range fg[:lead] {
			first = append(first, quote(g.Label))
		}
		key := "leading"
		if lead > 1 {
			key = "leading-tie"
		}
		if lead == len(fg) {
			key += "-only"
		}
		var next []string
		for _, g := range fg[lead:] {
			next = append(next, quote(g.Label)+"（"+num(g)+"）")
		}
		return w.fill(key, "first", strings.Join(first, "と"), "pct", num(fg[0]), "next", strings.Join(next, "、"))
	case analyze.RuleAllEqual:
		var all []string
		for _, g := range fg {
			all = append(all, quote(g.Label))
		}
		return w.fill("all-equal", "all", strings.Join(all, ""), "pct", num(fg[0]))
	case analyze.RuleComposite:
		var ls []string
		for _, l := range f.Words {
			ls = append(ls, quote(l))
		}
		box := ""
		if len(ls) > 1 {
			box, ls = boxRef(f.Words[0]), ls[1:]
		}
		key := "composite"
		switch {
		case len(ls) == 1:
			key += "-one"
		case f.Indicator != "":
			key += "-ind"
		}
		return w.fill(key, "labels", strings.Join(ls, "と"), "box", box, "ind", InQuote(f.Indicator), "pct", num(fg[0]))
	case analyze.RuleTooFew, analyze.RuleReference, analyze.RuleNoDiff:
		d := "この地区"
		if len(f.Words) > 0 {
			d = f.Words[0]
		}
		return w.fill(f.Rule, "d", d)
	case analyze.RuleNoChange:
		if len(fg) > 1 && fg[0].Measure == analyze.MeasureBaselinePct {
			return w.fill("no-change-lead", "label", quote(fg[0].Label), "base", num(fg[0]), "cur", num(fg[1]))
		}
		return w.template(f.Rule)
	case analyze.RuleBoxChange:
		key := "box-no-change"
		if len(f.Words) > 1 {
			key = "box-change-up"
			if fg[1].Value < fg[0].Value {
				key = "box-change-down"
			}
		}
		return w.fill(key, "box", boxRef(f.Words[0]), "base", num(fg[0]), "cur", num(fg[1]))
	case analyze.RuleHard:
		var next []string
		for _, g := range fg[1:] {
			next = append(next, w.fill("comment-item", "theme", quote(g.Label), "n", num(g)))
		}
		key := "hard"
		if len(next) == 0 {
			key = "hard-only"
		}
		return w.fill(key, "top", quote(fg[0].Label), "n", num(fg[0]), "next", strings.Join(next, "、"))
	case analyze.RuleThemeTalk:
		return w.fill("theme-comments", "d", fg[0].Group, "n", num(fg[0]))
	case analyze.RuleMANote, analyze.RuleOnTrack:
		return w.template(f.Rule)
	case analyze.RuleHearings:
		if len(fg) < 3 {
			return w.fill("hearings-only", "orgs", num(fg[0]))
		}
		var items []string
		for i := 1; i+1 < len(fg); i += 2 {
			items = append(items, w.fill("hearing-item", "item", InQuote(f.Words[(i-1)/2]), "base", num(fg[i]),
				"n", num(fg[i+1]), "label", quote(fg[i+1].Label)))
		}
		return w.fill("hearings", "orgs", num(fg[0]), "items", strings.Join(items, "、"))
	case analyze.RuleDelayed:
		if len(f.Words) < 2 {
			return ""
		}
		var names []string
		for _, n := range f.Words[1:] {
			names = append(names, quote(n))
		}
		if f.Words[0] == "見直し" {
			return w.fill("delayed-revise", "names", strings.Join(names, "、"))
		}
		return w.fill("delayed", "names", strings.Join(names, "、"))
	case analyze.RuleIndDetail:
		name := quote(f.Subject)
		if len(fg) >= 4 {
			return w.fill("indicator-detail", "name", name, "lo", num(fg[0]), "hi", num(fg[1]),
				"high", fg[2].Group, "hv", num(fg[2]), "low", fg[3].Group, "lv", num(fg[3]))
		}
		return w.fill("indicator-detail-ward", "name", name, "lo", num(fg[0]), "hi", num(fg[1]))
	case analyze.RuleMean:
		unit := ""
		if len(f.Words) > 0 {
			unit = f.Words[0]
		}
		key := "mean"
		if unit != "" {
			key = "mean-unit"
		}
		return w.fill(key, "mean", num(fg[0])+unit, "median", num(fg[1])+unit)
	case analyze.RuleChange:
		var items []string
		for i := 0; i+2 < len(fg); i += 3 {
			dir := w.template("change-up")
			if fg[i+2].Value < 0 {
				dir = w.template("change-down")
			}
			items = append(items, w.fill("change-item", "label", quote(fg[i].Label), "base", num(fg[i]),
				"cur", num(fg[i+1]), "pt", num(fg[i+2]), "dir", dir))
		}
		return w.fill("change", "changes", strings.Join(items, "、"))
	case analyze.RuleGroups:
		by, axis := byName(f.Words)
		var hi, lo []string
		for _, g := range fg {
			group := g.Group
			if axis {
				group = quote(group)
			}
			item := w.fill("group-item", "group", group, "pct", num(g))
			if g.Mark == MarkHigh {
				hi = append(hi, item)
			} else {
				lo = append(lo, item)
			}
		}
		key, label := "groups", quote(fg[0].Label)
		if f.Box != "" {
			label = "『" + f.Box + "』"
		}
		if fg[0].Source == analyze.SrcTops && f.Box == "" {
			label = keyLabel(fg[0])
			if !isBox(fg[0].Label) {
				key = "groups-ind"
			}
		}
		switch {
		case len(lo) == 0:
			key += "-high"
		case len(hi) == 0:
			key += "-low"
		}
		return w.fill(key, "by", by, "label", label,
			"high", strings.Join(hi, "、"), "low", strings.Join(lo, "、"))
	case analyze.RuleAgeTrend:
		key := "age-up"
		if fg[0].Mark == MarkLow {
			key = "age-down"
		}
		return w.fill(key, "label", quote(fg[0].Label), "first", fg[0].Group, "fv", num(fg[0]),
			"last", fg[1].Group, "lv", num(fg[1]))
	case analyze.RuleStandout:
		key := "standout-"
		if fg[0].Source == analyze.SrcTops && !isBox(fg[0].Label) {
			key += "ind-"
		}
		if fg[0].Mark == MarkLow {
			key += "low"
		} else {
			key += "high"
		}
		if strings.HasSuffix(key, "ind-high") || strings.HasSuffix(key, "ind-low") {
			// Words[1]: whether the district is better or worse by the indicator's 方向.
			if len(f.Words) > 1 && f.Words[1] == "worse" {
				key += "-bad"
			} else {
				key += "-good"
			}
		}
		rest := ""
		if len(fg) > 1 {
			rest = num(fg[1])
		}
		label := quote(fg[0].Label)
		if fg[0].Source == analyze.SrcTops {
			label = keyLabel(fg[0])
		}
		return w.fill(key, "subject", f.Subject, "label", label, "group", fg[0].Group,
			"pct", num(fg[0]), "rest", rest)
	case analyze.RuleIndicator:
		return w.indicatorSentence(f)
	case analyze.RuleRespond:
		if len(fg) > 1 {
			return w.fill("respondents", "d", fg[0].Group, "n", num(fg[0]), "rate", num(fg[1]))
		}
		return w.fill("respondents-only", "d", fg[0].Group, "n", num(fg[0]))
	case analyze.RuleHigher, analyze.RuleLower:
		sub := ""
		if len(f.Words) > 0 {
			sub = w.fill("subset")
		}
		key, label := f.Rule, quote(fg[0].Label)
		switch {
		case isBox(fg[0].Label):
			key, label = f.Rule+"-box", fg[0].Label
		case fg[0].Source == analyze.SrcTops:
			key = f.Rule + "-ind"
		}
		return w.fill(key, "subject", f.Subject, "label", label, "sub", sub, "pct", num(fg[0]),
			"rest", num(fg[1]), "pt", num(fg[2]))
	case analyze.RuleOrgRatings:
		var items []string
		for i := 0; i+3 < len(fg); i += 4 {
			items = append(items, w.fill("org-item", "item", InQuote(f.Words[i/4]), "label", quote(fg[i+1].Label),
				"base", num(fg[i]), "n", num(fg[i+1]), "wbase", num(fg[i+2]), "wn", num(fg[i+3])))
		}
		return w.fill("org-ratings", "d", fg[0].Group, "items", strings.Join(items, "、"))
	case analyze.RuleComments:
		lead := 1
		for lead < len(fg) && fg[lead].Value == fg[0].Value {
			lead++
		}
		var top, next []string
		for _, g := range fg[:lead] {
			top = append(top, quote(g.Label))
		}
		for _, g := range fg[lead:] {
			next = append(next, w.fill("comment-item", "theme", quote(g.Label), "n", num(g)))
		}
		key := "comments"
		if lead > 1 {
			key = "comments-tie"
		}
		if len(next) == 0 {
			key += "-only"
		}
		return w.fill(key, "d", fg[0].Group, "top", strings.Join(top, "と"), "n", num(fg[0]), "next", strings.Join(next, "、"))
	case analyze.RuleMargin:
		return w.fill("margin", "d", fg[0].Group, "n", Thousands(int(fg[0].Value)), "m", num(fg[1]))
	}
	return ""
}

// indicatorSentence writes an indicator's evaluation: A reached; B better but
// not reached (at risk, worded as a call to strengthen, not as a failure); C no
// change; D worse; － no comparison. Without a target the sentence ends at
// the change ("-open"); without a baseline it states the current value.
func (w words) indicatorSentence(f analyze.Finding) string {
	var base, cur, target string
	for _, g := range f.Figures {
		switch g.Measure {
		case analyze.MeasureBaseline:
			base = num(g)
		case analyze.MeasureCurrent:
			cur = num(g)
		case analyze.MeasureTarget:
			target = num(g)
		}
	}
	name := quote(f.Subject)
	key := "indicator-none"
	switch f.Eval {
	case analyze.EvalA:
		key = "indicator-A"
		if base == "" {
			key = "indicator-A-now"
		}
	case analyze.EvalB, analyze.EvalC, analyze.EvalD:
		key = "indicator-" + f.Eval
		if target == "" {
			key += "-open"
		}
		if base == "" {
			key = "indicator-none"
		}
	}
	return w.fill(key, "name", name, "base", base, "cur", cur, "target", target)
}

// isBox reports whether a key measure's name is a combined box (そう思う（計）)
// rather than an indicator's name.
func isBox(label string) bool { return strings.HasSuffix(label, "（計）") }

// boxRef quotes a combined box's name: 『そう思う（計）』, or an indicator's
// name standing for the box (analyze's fallback for long answers) as 「…」.
func boxRef(name string) string {
	if isBox(name) {
		return "『" + name + "』"
	}
	return quote(name)
}

// keyLabel names a key measure (district_tops.csv) in a sentence: a
// combined box as 『そう思う（計）』の割合 is worded by the template, an
// indicator as 「its name」.
func keyLabel(g analyze.FindingFig) string {
	if isBox(g.Label) {
		return "『" + g.Label + "』"
	}
	return quote(g.Label)
}
