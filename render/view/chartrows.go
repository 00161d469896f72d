package view

// Rows of the charts, as the composers set them and the writers draw them,
// and the axis rules of charts of counts.

// A BarRow is one choice of a bar chart with one value per series.
type BarRow struct {
	Label string
	Vals  []Fig
	Ns    []Fig // the base n of each bar, printed at the row's end; nil for none
	Ref   bool  // 参考値 (FigIndex prints ※)
	// FigIndex (the カルテ): better is the district against the ward by the
	// indicator's direction (+1 better, −1 worse, 0 neither; the bar's
	// colour), target the indicator's 目標値 (blank when none; marked ◆).
	Better int
	Target Fig
	// Neutral (FigIndex): the district's bar is drawn in the neutral
	// colour: no significant difference from the rest of the ward.
	Neutral bool
}

// A BandRow is one group of a 100% stacked band chart.
type BandRow struct {
	Label      string
	N          Fig
	Cells      []Fig // percentages parallel to the chart's heads
	Suppressed bool
	Reference  bool
	Bold       bool
}

func TickStep(max float64) float64 {
	switch {
	case max <= 10:
		return 2
	case max <= 25:
		return 5
	case max <= 60:
		return 10
	}
	return 20
}

// CountMax is the axis end of a chart of counts (countUnit): the smallest of
// 2, 4, 6, 8, 10, then 20, 25, 40, 50, 60, 80, 100 times a power of ten, at or
// above m.
// Note: niceMax is for percentages and stops at 100, so a ward with more than
// 100 tagged texts in a category drew bars past the axis, and 3 texts drew
// bars a third of the width.
func CountMax(m float64) float64 {
	for _, s := range []float64{2, 4, 6, 8, 10} {
		if m <= s {
			return s
		}
	}
	for p := 1.0; ; p *= 10 {
		for _, s := range []float64{20, 25, 40, 50, 60, 80, 100} {
			if m <= s*p {
				return s * p
			}
		}
	}
}

// CountStep is the grid step of a count axis ending at scale (countMax).
func CountStep(scale float64) float64 {
	if scale <= 4 {
		return 1
	}
	p := 1.0
	for scale/p > 100 {
		p *= 10
	}
	return TickStep(scale/p) * p
}
