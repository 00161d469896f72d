package wording

import (
	"strings"

	"midreview/analyze"
)

// A Passage is the text printed at one place (commentary.xlsx 場所, 対象ID,
// 地区): the generated sentences of the findings there, and what is printed.
// Every writer prints Lines and nothing else, so staff wording (commentary)
// replaces a passage by setting Lines once (Apply), in the View.
type Passage struct {
	Place    string // analyze.PlaceSummary, PlaceQuestion, PlaceIndicator, PlaceDistrict
	Target   string // テーマコード, 設問ID, 指標ID; "" for a district profile
	District string // "" = the ward report
	// Sentences are the generated sentences in printed order, each with its basis.
	Sentences []Sentence
	// Lines are printed, one paragraph or bullet each: the generated
	// sentences, or the staff's text (Staff), or none when the passage was removed.
	Lines []string
	// WebLines are what the web pages print in place of Lines: the
	// sentences' WebText, or the staff's text as written (a writer never
	// rewrites words someone wrote), or none.
	WebLines []string
	Staff    bool // Lines are the secretariat's wording (commentary.xlsx)
}

// A Sentence is one generated sentence with the figures it rests on.
type Sentence struct {
	Rule string // analyze.Rule…
	Text string
	// WebText is the sentence as the web pages print it (SentenceWebText):
	// Text in plain words where Text names a statistical term, else Text.
	WebText string
	Basis   string // its figures as printed: "Q4 全体 そう思う 45.3% n=1,234; …"
	// Summed reports whether a figure adds up several answers (an
	// indicator's codes 1;2, a combined box 『そう思う（計）』): computed from
	// the counts, it may differ by 0.1 from the sum of the printed parts.
	Summed bool
}

// Text is the generated text of the passage: its sentences joined.
func (p *Passage) Text() string {
	var b strings.Builder
	for _, s := range p.Sentences {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Basis is the figures of every sentence of the passage, as printed, "; "-joined:
// what commentary.xlsx 根拠 compares run to run.
func (p *Passage) Basis() string {
	var parts []string
	for _, s := range p.Sentences {
		if s.Basis != "" {
			parts = append(parts, s.Basis)
		}
	}
	return strings.Join(parts, "; ")
}

// Passages groups findings into passages, in the order of their first finding,
// with the generated sentences as printed lines.
func Passages(fs []analyze.Finding) []Passage {
	var out []Passage
	idx := map[[3]string]int{}
	for _, f := range fs {
		k := [3]string{f.Place, f.Target, f.District}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Passage{Place: f.Place, Target: f.Target, District: f.District})
		}
		s := Sentence{Rule: f.Rule, Text: SentenceText(f), WebText: SentenceWebText(f), Basis: Basis(f), Summed: summed(f)}
		out[i].Sentences = append(out[i].Sentences, s)
		out[i].Lines = append(out[i].Lines, s.Text)
		out[i].WebLines = append(out[i].WebLines, s.WebText)
	}
	return out
}

// summed reports whether a finding states a figure that adds up several
// answers of its question (Sentence.Summed).
func summed(f analyze.Finding) bool {
	if f.Box != "" || f.Rule == analyze.RuleComposite || f.Rule == analyze.RuleBoxChange {
		return true
	}
	for _, g := range f.Figures {
		if strings.Contains(g.Code, ";") || g.Measure == analyze.MeasureTopBox || g.Measure == analyze.MeasureBaseTopBox {
			return true
		}
	}
	return false
}

// Summed reports whether the printed lines are generated and one of them
// states a summed figure (Sentence.Summed).
func (p *Passage) Summed() bool {
	if p == nil || p.Staff {
		return false
	}
	for _, s := range p.Sentences {
		if s.Summed {
			return true
		}
	}
	return false
}

// Basis formats a finding's figures as printed, "; "-joined, each as
// "<item> <group> <label> <measure> <value> n=<n>" with its empty parts left out:
// "Q4 全体 そう思う 45.3% n=1,234".
func Basis(f analyze.Finding) string {
	parts := make([]string, 0, len(f.Figures))
	for _, g := range f.Figures {
		var w []string
		for _, s := range []string{g.Item, g.Group, g.Label, basisMeasure[g.Measure], figText(g)} {
			if s != "" {
				w = append(w, s)
			}
		}
		if g.N > 0 && g.Measure != analyze.MeasureValid && g.Measure != analyze.MeasureCount && g.Measure != analyze.MeasureOrgBase {
			w = append(w, "n="+Thousands(g.N))
		}
		parts = append(parts, strings.Join(w, " "))
	}
	return strings.Join(parts, "; ")
}

// basisMeasure names a figure's measure in a basis (empty for a plain share).
var basisMeasure = map[string]string{
	analyze.MeasureWeightedPct: "補正後",
	analyze.MeasureTopBox:      "肯定計",
	analyze.MeasureMean:        "平均",
	analyze.MeasureMedian:      "中央値",
	analyze.MeasureBaselinePct: "策定時",
	analyze.MeasureCurrentPct:  "今回",
	analyze.MeasureDiff:        "差",
	analyze.MeasureRestPct:     "他地区",
	analyze.MeasureBaseline:    "策定時",
	analyze.MeasureCurrent:     "今回",
	analyze.MeasureTarget:      "目標",
	analyze.MeasureValid:       "回答者",
	analyze.MeasureRate:        "回収率",
	analyze.MeasureCount:       "件数",
	analyze.MeasureMargin:      "誤差",
	analyze.MeasureAllPct:      "全体",
	analyze.MeasureBaseTopBox:  "策定時肯定計",
	analyze.MeasureOrgs:        "団体数",
	analyze.MeasureOrgBase:     "ヒアリング団体数",
	analyze.MeasureCILow:       "下限",
	analyze.MeasureCIHigh:      "上限",
	analyze.MeasureRating:      "進ちょく",
}

// figText prints a finding's figure as the tables print it: one decimal with %
// for shares, signed points for a difference, ± points for a margin, n and
// counts with thousands separators.
func figText(g analyze.FindingFig) string {
	switch g.Measure {
	case analyze.MeasureDiff:
		return PointsText(g.Value) + "ポイント"
	case analyze.MeasureMargin:
		return "±" + OneDecimal(g.Value) + "ポイント"
	case analyze.MeasureMedian:
		// Note: a whole median is printed whole (「中央値は 0回」, not
		// 「0.0回」); one of counts is whole or a half (0.5). The summary
		// tables print it the same way (view.AnswerFig).
		return AnswerText(g.Value)
	case analyze.MeasureMean:
		return OneDecimal(g.Value)
	case analyze.MeasureValid:
		return Thousands(int(g.Value)) + "人"
	case analyze.MeasureCount:
		return Thousands(int(g.Value)) + "件"
	case analyze.MeasureOrgs, analyze.MeasureOrgBase:
		return Thousands(int(g.Value)) + "団体"
	}
	if g.Decimals == 0 {
		return Thousands(int(g.Value))
	}
	return OneDecimal(g.Value) + "%"
}
