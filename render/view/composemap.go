package view

import (
	"slices"
	"strings"

	"midreview/analyze"
)

// District maps in the handouts and the web pages (View.Map): the response
// rate in 調査の概要 (ward report), one map per indicator in 指標の状況 (ward
// report), and the ward's response-rate map with the district outlined at the
// head of a district's カルテ.

// mapBlock returns the maps of the measures keep chooses, or nil.
func (c *Composer) mapBlock(keep func(MapMeasure) bool, highlight string) []Block {
	mv := c.V.Map
	if mv == nil {
		return nil
	}
	f := MapFigure{Map: mv, Highlight: highlight}
	for i, m := range mv.Measures {
		if keep(m) {
			caption := mapCaption(m)
			if highlight != "" {
				caption += "（" + highlight + "を太線で囲む）"
			}
			f.Measures = append(f.Measures, i)
			f.Captions = append(f.Captions, caption)
		}
	}
	if len(f.Measures) == 0 {
		return nil
	}
	return []Block{Space{2}, f}
}

func isRate(m MapMeasure) bool { return m.ID == "rate" }

// rateMap is the ward report's map of response rates (調査の概要).
func (c *Composer) rateMap() {
	if c.district == "" {
		c.Add(c.mapBlock(isRate, "")...)
	}
}

// indicatorMaps are the ward report's maps of the indicators (指標の状況).
func (c *Composer) indicatorMaps() {
	if c.district == "" {
		c.Add(c.mapBlock(func(m MapMeasure) bool { return !isRate(m) }, "")...)
	}
}

// karteMap is a district's カルテ's ward map with the district outlined.
func (c *Composer) karteMap() {
	if c.district != "" {
		c.Add(c.mapBlock(isRate, c.district)...)
	}
}

// issueMap is linkage.pdf's map of the number of physical issues per
// district (MapView.Issues), in 全体の状況; nothing without map/ or
// without an issue in a district.
func (c *Composer) issueMap() {
	mv := c.V.Map
	if mv == nil || mv.Issues == nil {
		return
	}
	m := *mv
	m.Measures = []MapMeasure{*mv.Issues}
	c.Add(Space{2}, MapFigure{Map: &m, Measures: []int{0}, Captions: []string{mapCaption(*mv.Issues)}})
	// the groups that are no district on the map (区全体の取組, 地区不明, districts
	// without a boundary) and their issues
	var off []string
	for _, r := range c.V.Hard.Rows {
		if r.Group == analyze.GroupAll || r.Total.Value == 0 || slices.ContainsFunc(mv.Districts, func(d MapDistrict) bool { return d.Name == r.Group }) {
			continue
		}
		off = append(off, r.Group+" "+r.Total.Text+"件")
	}
	if len(off) > 0 {
		c.Add(Note{"地図に含まない課題：" + strings.Join(off, "、") + "。複数の地区で活動する団体の意見は、それぞれの地区に数えています。"})
	}
}
