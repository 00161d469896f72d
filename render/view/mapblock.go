package view

// MapFigure is a block of district maps (View.Map): one choropleth per
// measure, each numbered 図N with its caption (「図N　…の地区別の地図」).
// Highlight draws one district with a heavy outline (a district handout's
// カルテ). The PDF prints the maps two to a row when there are several; the
// web draws each with a text alternative and the table of its values.
type MapFigure struct {
	Map       *MapView
	Measures  []int    // indices into Map.Measures
	Captions  []string // parallel to Measures
	Highlight string
}

func (MapFigure) block() {}

// mapCaption is a measure's map caption.
func mapCaption(m MapMeasure) string {
	if m.ID == "rate" || m.Count {
		return m.Name + "の地区別の地図"
	}
	return m.ID + "　" + m.Name + "の地区別の地図"
}

// MapLegendNote is the legend's words after the classes.
const MapLegendNote = "色が濃いほど良い値（回収率は高いほど、指標は方向「増」なら高いほど、「減」なら低いほど良い）。斜線＝秘匿（x）、白＝値なし、灰色＝どの地区にも当たらない区域。数値は％。"

// MapCountNote is the legend's words after the classes of a count map.
const MapCountNote = "色が濃いほど件数が多い（良し悪しではなく件数の多さ）。白＝0件、灰色＝どの地区にも当たらない区域。数値は件。"

// MapCounts reports whether every map of f is of counts (MapMeasure.Count).
func MapCounts(f MapFigure) bool {
	for _, i := range f.Measures {
		if !f.Map.Measures[i].Count {
			return false
		}
	}
	return len(f.Measures) > 0
}
