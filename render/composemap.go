package render

// District maps in the handouts and the web pages (View.Map): the response
// rate in 調査の概要 (ward report), one map per indicator in 指標の状況 (ward
// report), and the ward's response-rate map with the district outlined at the
// head of a district's カルテ.

// mapBlock returns the maps of the measures keep chooses, or nil.
func (c *composer) mapBlock(keep func(MapMeasure) bool, highlight string) []Block {
	mv := c.v.Map
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
func (c *composer) rateMap() {
	if c.district == "" {
		c.add(c.mapBlock(isRate, "")...)
	}
}

// indicatorMaps are the ward report's maps of the indicators (指標の状況).
func (c *composer) indicatorMaps() {
	if c.district == "" {
		c.add(c.mapBlock(func(m MapMeasure) bool { return !isRate(m) }, "")...)
	}
}

// karteMap is a district's カルテ's ward map with the district outlined.
func (c *composer) karteMap() {
	if c.district != "" {
		c.add(c.mapBlock(isRate, c.district)...)
	}
}
