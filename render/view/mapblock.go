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

// MapTableN is the head of the n column of a map's table (MapTable).
const MapTableN = "回答者数"

// MapTable is the table the web prints under a map (Map.Measures[mi]):
// every district's value and, for a map of percentages, its n (MapMeasure.N)
// in a column of its own, as every table of the web has (reader review 5
// item 16). As in the indicator tables, a suppressed (x) or missing value
// prints no n, and a value whose base is under 参考値基準 is marked 参考値.
func MapTable(mv *MapView, mi int) Table {
	m := mv.Measures[mi]
	unit := "%"
	if m.Count {
		unit = "件"
	}
	t := Table{Caption: m.Name + "（地区別）", Cols: []Col{{Head: "地区", Role: RoleLabel}, {Head: m.Name, Unit: unit, Role: RoleFigure}}}
	withN := !m.Count && len(m.N) == len(mv.Districts)
	if withN {
		t.Cols = append(t.Cols, Col{Head: MapTableN, Unit: "人", Role: RoleN})
	}
	for j, dist := range mv.Districts {
		f := m.Values[j]
		val := f.Text
		if val == "" {
			val = MarkZero
		}
		row := []Cell{{Text: dist.Name}, {Text: val, Ref: j < len(m.Ref) && m.Ref[j] && !f.Suppressed && f.Text != ""}}
		if withN {
			n := ""
			if !f.Suppressed && f.Text != "" {
				n = m.N[j].Text
			}
			row = append(row, Cell{Text: n})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// MapCounts reports whether every map of f is of counts (MapMeasure.Count).
func MapCounts(f MapFigure) bool {
	for _, i := range f.Measures {
		if !f.Map.Measures[i].Count {
			return false
		}
	}
	return len(f.Measures) > 0
}
