package analyze

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"midreview/ingest"
)

// Key measures of a question (DistrictTop.Measure, district_tops.csv measure).
const (
	KeyIndicator = "indicator" // the codes of the first indicator defined on the question
	KeyPositive  = "positive"  // an SC question's favourable half: 肯定, or the scale's first half
)

// A KeyMeasure is what a question is compared on across districts: the share
// of an indicator's codes (named by the indicator), or an SC question's
// combined favourable answers (『そう思う（計）』). Never a single answer
// chosen because it is the most common, and never for an attribute question.
type KeyMeasure struct {
	Kind      string // KeyIndicator or KeyPositive
	Indicator int    // index into Batch.Indicators; -1 for KeyPositive
	Choices   ingest.ChoiceBits
	Label     string // the indicator's name, or the combined box's name (そう思う（計）)
	Lower     bool   // lower is better (指標 方向 減)
}

// keyMeasure returns question q's key measure: the first indicator defined on
// it (sheet order), else for an SC question its favourable half (scaleBoxes).
// SA and MA questions without an indicator, NUM and FA questions and
// attribute questions have none.
func keyMeasure(b *ingest.Batch, q int) (KeyMeasure, bool) {
	if b == nil || q < 0 || q >= len(b.Questions) {
		return KeyMeasure{}, false
	}
	qu := &b.Questions[q]
	if qu.Attr != ingest.AttrNone {
		return KeyMeasure{}, false
	}
	for i := range b.Indicators {
		ind := &b.Indicators[i]
		if ind.Question == q && ind.Choices != 0 {
			return KeyMeasure{Kind: KeyIndicator, Indicator: i, Choices: ind.Choices, Label: ind.Name,
				Lower: ind.Direction == ingest.Down}, true
		}
	}
	if qu.Type != ingest.SC {
		return KeyMeasure{}, false
	}
	bx, ok := scaleBoxes(b, q)
	if !ok {
		return KeyMeasure{}, false
	}
	return KeyMeasure{Kind: KeyPositive, Indicator: -1, Choices: bx.Pos, Label: bx.PosName}, true
}

// Boxes are an SC question's combined answers: the favourable half (肯定 ○,
// or the first half of the scale when none is marked) and the unfavourable
// half mirroring it from the other end, each with the name review reports
// give it: そう思う（計） for そう思う + ややそう思う.
type Boxes struct {
	Pos, Neg         ingest.ChoiceBits
	PosName, NegName string
}

// scaleBoxes returns the boxes of SC question q, false when it has no scale
// of at least two choices.
func scaleBoxes(b *ingest.Batch, q int) (Boxes, bool) {
	qu := &b.Questions[q]
	if qu.Type != ingest.SC || qu.ChoiceSet < 0 || qu.ChoiceSet >= len(b.ChoiceSets) {
		return Boxes{}, false
	}
	cs := b.ChoiceSets[qu.ChoiceSet].Choices
	k := len(cs)
	if k < 2 || k > 64 {
		return Boxes{}, false
	}
	var bx Boxes
	first, last, n := -1, -1, 0
	for i, c := range cs {
		if c.Positive {
			bx.Pos = bx.Pos.With(i)
			if first < 0 {
				first = i
			}
			last = i
			n++
		}
	}
	if n == 0 {
		n = k / 2
		first, last = 0, n-1
		for i := 0; i < n; i++ {
			bx.Pos = bx.Pos.With(i)
		}
	}
	// Note: the unfavourable half is as wide as the favourable one, taken
	// from the far end of the scale, so that a middle answer belongs to neither.
	lo, hi := k-n, k-1
	if first > k-1-last {
		lo, hi = 0, n-1
	}
	for i := lo; i <= hi; i++ {
		if !bx.Pos.Has(i) {
			bx.Neg = bx.Neg.With(i)
		}
	}
	var pl, nl []string
	for i, c := range cs {
		if bx.Pos.Has(i) {
			pl = append(pl, c.Label)
		}
		if bx.Neg.Has(i) {
			nl = append(nl, c.Label)
		}
	}
	bx.PosName, bx.NegName = boxName(pl, "肯定的な回答"), boxName(nl, "否定的な回答")
	return bx, bx.Pos != 0
}

// boxName names a combined box by its strongest answer: the first label that
// is not a weak one (やや…, まあ…), else the first, with （計）; a box whose
// answer is too long to name it is called by what it is (long: 肯定的な回答
// for the favourable box, 否定的な回答 for the unfavourable one).
func boxName(labels []string, long string) string {
	if len(labels) == 0 {
		return ""
	}
	name := labels[0]
	for _, l := range labels {
		if !WeakLabel(l) {
			name = l
			break
		}
	}
	// Note: a long answer makes a poor name; such a box is named as what it is.
	if utf8.RuneCountInString(name) > 8 {
		name = long
	}
	return name + "（計）"
}

// weakWords mark a weak or middle answer: やや…, あまり…, どちらともいえない.
var weakWords = []string{"やや", "あまり", "まあ", "どちらとも", "どちらでもない", "どちらかといえば", "ふつう", "普通", "わからない", "分からない"}

// WeakLabel reports whether an answer label is a weak or middle answer
// (やや…, あまり…, どちらともいえない, わからない) or 無回答: such an answer
// is never singled out in a finding.
func WeakLabel(label string) bool {
	l := ingest.Norm(label)
	if l == LabelNA || l == "不明" {
		return true
	}
	for _, w := range weakWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// A DistrictTop is, for one district and one question, the question's key
// measure (KeyMeasure) with the district's share beside 全体's and the
// difference in points (district_tops.csv): the "主な結果" table and chart of
// the ward report's district pages and the dashboard's 地区比較.
type DistrictTop struct {
	District      string
	Question      int     // index into Batch.Questions
	Measure       string  // KeyIndicator or KeyPositive
	Code, Label   string  // the codes counted, ";"-joined, and the measure's name
	Lower         bool    // lower is better (指標 方向 減)
	Count         int     // the district's respondents in the measure
	N, AllN       int     // bases of the district and of 全体 (no-answer included)
	Pct           float64 // the district's share; NaN when its base is 0
	AllPct        float64 // 全体's share, the weighted estimate when 重み付け; NaN when its base is 0
	DiffPt        float64 // Pct − AllPct as printed (PointDiff); NaN when either is NaN
	P             float64 // the district against the rest of the ward (pooled z-test); NaN when not computable
	Suppressed    bool    // the district's row is suppressed (秘匿)
	AllSuppressed bool    // the 全体 row is suppressed
	Reference     bool    // the district's base is under 参考値基準
	Mark          string  // ▲ / ▼: significantly higher / lower than the rest at 有意水準
	// The rest of the ward (全体 less the district, unweighted counts), the
	// カルテ's one comparator: its base and share, and Pct − RestPct as
	// printed; NaN when the rest has no respondents.
	RestN      int
	RestPct    float64
	RestDiffPt float64
}

// Better reports whether the district's share is better than the ward's by
// the measure's direction: +1 better, −1 worse, 0 equal or unknown.
func (t DistrictTop) Better() int { return Better(t.DiffPt, t.Lower) }

// Better returns +1 when a difference from the ward is better by the
// direction (lower is better when lower), −1 when worse, 0 when none or NaN.
func Better(diff float64, lower bool) int {
	if math.IsNaN(diff) || diff == 0 {
		return 0
	}
	if (diff > 0) != lower {
		return 1
	}
	return -1
}

// DistrictTops returns, for every district in sheet order and every question
// with a key measure and current 全体 and 地区 crosstabs, in crosstab order,
// the district's share of the measure beside 全体's (the tables' base, no
// answer included, as the indicators count), the difference, and a mark when
// the district differs significantly from the rest of the ward. Districts
// without a row in the question's 地区 crosstab are left out.
func DistrictTops(b *ingest.Batch, crosstabs []Crosstab) []DistrictTop {
	if b == nil {
		return nil
	}
	weighted := b.Settings.Weighting
	alpha := b.Settings.Alpha
	if !(alpha > 0 && alpha < 1) {
		alpha = 0.05
	}
	type pair struct{ all, dist *Crosstab }
	var qs []pair
	idx := map[int]int{} // question → index into qs
	for i := range crosstabs {
		c := &crosstabs[i]
		if c.Survey != Current || (c.By != ByAll && c.By != ByDistrict) {
			continue
		}
		j, ok := idx[c.Question]
		if !ok {
			j = len(qs)
			idx[c.Question] = j
			qs = append(qs, pair{})
		}
		if c.By == ByAll && qs[j].all == nil {
			qs[j].all = c
		} else if c.By == ByDistrict && qs[j].dist == nil {
			qs[j].dist = c
		}
	}
	var out []DistrictTop
	for _, d := range b.Districts {
		for _, q := range qs {
			if q.all == nil || q.dist == nil || len(q.all.Groups) == 0 {
				continue
			}
			km, ok := keyMeasure(b, q.all.Question)
			if !ok {
				continue
			}
			all := &q.all.Groups[0]
			var dist *Group
			for gi := range q.dist.Groups {
				if q.dist.Groups[gi].Name == d.Name {
					dist = &q.dist.Groups[gi]
					break
				}
			}
			if dist == nil {
				continue
			}
			var cs []ingest.Choice
			if set := b.Questions[q.all.Question].ChoiceSet; set >= 0 && set < len(b.ChoiceSets) {
				cs = b.ChoiceSets[set].Choices
			}
			var codes []string
			in := map[string]bool{}
			for i, ch := range cs {
				if km.Choices.Has(i) {
					code := strconv.Itoa(ch.Code)
					codes = append(codes, code)
					in[code] = true
				}
			}
			sum := func(g *Group) (n int, w float64) {
				for j, h := range q.all.Choices {
					if in[h.Code] && j < len(g.Cells) {
						n += g.Cells[j].Count
						if !math.IsNaN(g.Cells[j].WeightedPct) {
							w += g.Cells[j].WeightedPct
						}
					}
				}
				return n, w
			}
			dn, _ := sum(dist)
			an, aw := sum(all)
			t := DistrictTop{District: d.Name, Question: q.all.Question, Measure: km.Kind,
				Code: strings.Join(codes, ";"), Label: km.Label, Lower: km.Lower, Count: dn,
				N: dist.Base, AllN: all.Base, Pct: pct(dn, dist.Base), AllPct: pct(an, all.Base), P: math.NaN(),
				Suppressed: dist.Suppressed, AllSuppressed: all.Suppressed, Reference: dist.Reference}
			if weighted && an > 0 {
				t.AllPct = aw
			}
			t.DiffPt = PointDiff(t.AllPct, t.Pct)
			t.RestN, t.RestPct, t.RestDiffPt = all.Base-dist.Base, math.NaN(), math.NaN()
			if t.RestN > 0 {
				t.RestPct = pct(an-dn, t.RestN)
				t.RestDiffPt = PointDiff(t.RestPct, t.Pct)
			}
			if rn := all.Base - dist.Base; rn > 0 && dist.Base > 0 && !dist.Suppressed {
				t.P = twoProp(float64(dn)/float64(dist.Base), float64(dist.Base),
					float64(an-dn)/float64(rn), float64(rn))
				if !math.IsNaN(t.P) && t.P < alpha && !math.IsNaN(t.DiffPt) {
					rest := pct(an-dn, rn)
					switch {
					case t.Pct > rest:
						t.Mark = "▲"
					case t.Pct < rest:
						t.Mark = "▼"
					}
				}
			}
			out = append(out, t)
		}
	}
	return out
}
