package analyze

import (
	"strings"

	"midreview/ingest"
)

// An Axis is a 分析軸: an SA/SC question marked 属性 分析軸, used as a breakdown
// like 性別 and 年代 (crosstab.csv and summary.csv `by` = its 設問ID).
type Axis struct {
	Question int    // index into Batch.Questions
	By       string // the CSVs' by: the question's 設問ID
	Name     string // what headings and sentences call it (axisName)
}

// Axes returns the batch's 分析軸 breakdowns in sheet order, after 全体, 地区,
// 性別 and 年代.
//
// Note: a question marked 分析軸 whose choice set is missing or whose 形式 is
// not SA/SC has been reported by ingest (attribute-type) and left unmarked; an
// attribute question (地区, 性別, 年代) is never an axis (属性 holds one value).
func Axes(b *ingest.Batch) []Axis {
	if b == nil {
		return nil
	}
	var out []Axis
	for q, qu := range b.Questions {
		if !qu.Axis || qu.Attr != ingest.AttrNone || qu.ChoiceSet < 0 || qu.ChoiceSet >= len(b.ChoiceSets) {
			continue
		}
		if qu.Type != ingest.SA && qu.Type != ingest.SC {
			continue
		}
		out = append(out, Axis{Question: q, By: qu.ID, Name: axisName(b, q)})
	}
	return out
}

// axisName is what headings and sentences call question q as a 分析軸: its
// 設問文 without a closing 。, or, when another question has the same 設問文
// (two questions under one heading, told apart by 見出し), its first 見出し,
// else its 設問ID.
func axisName(b *ingest.Batch, q int) string {
	clean := func(s string) string { return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "。．")) }
	qu := &b.Questions[q]
	name := clean(qu.Text)
	shared := false
	for i := range b.Questions {
		shared = shared || i != q && clean(b.Questions[i].Text) == name
	}
	if name != "" && !shared {
		return name
	}
	for _, h := range qu.Headers {
		if h := clean(h); h != "" {
			return h
		}
	}
	return qu.ID
}
