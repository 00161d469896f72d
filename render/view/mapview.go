package view

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"midreview/analyze"
	"midreview/ingest"
)

// The district map (map/): one choropleth per measure — 回収率, then each
// indicator's current value — drawn as inline SVG from the simplified
// boundaries (analyze.DistrictMap.Draw).
//
// Note: inline SVG rather than echarts' registerMap: the page works from
// file:// without a script (a radio group shows one map at a time through CSS),
// prints in grayscale with every value written on its district, and
// dashboard.js stays the same file for every batch.

// A MapView is the map of the districts, as drawn.
type MapView struct {
	Width, Height int           // the SVG's viewBox
	Districts     []MapDistrict // districts with a boundary, in sheet order
	Grey          string        // SVG path of the features matching no district ("" = none)
	GreyRings     [][]MapPoint  // the same, for the PDF
	Missing       []string      // districts without a boundary, in sheet order
	Measures      []MapMeasure  // 回収率 (when 配布数 is known), then the indicators
	// Issues is the number of physical issues per district (linkage.pdf;
	// HardView.Rows' 計), nil without ハード分類 or without an issue in any
	// district. It is not one of Measures, so the report, the dashboard and
	// the web pages keep their measures.
	Issues *MapMeasure
	// Labels are where the web pages' labels go (placeLabels with
	// webLabelMetrics), per district; MapDistrict.LabelX and LabelY are
	// their X and Y. The PDF places its own, measured in its font.
	Labels []MapLabel
}

// A MapDistrict is one district's outline and where its label goes.
type MapDistrict struct {
	Name           string
	Path           string       // SVG path data, holes included (even-odd)
	Rings          [][]MapPoint // the same rings, for the PDF (even-odd)
	LabelX, LabelY float64
	// PoleX, PoleY is the point inside the district farthest from its
	// boundary and PoleR that distance (poleOfInaccessibility), where
	// labels are tried first; PoleR 0 when not computed.
	PoleX, PoleY, PoleR float64
}

// A MapPoint is a point of the drawing, in the viewBox's pixels (y down).
type MapPoint struct{ X, Y float64 }

// A MapMeasure is one choropleth: a figure per district, classed.
type MapMeasure struct {
	ID, Name string // "rate" and 回収率, or the indicator's ID and name
	// Higher reports whether a higher value is better (回収率, 方向 増);
	// the darkest class is the best either way.
	Higher bool
	// Count reports whether the values are counts (件): neither better nor
	// worse, the darker the more (mapCountPalette), 0 a class of its own
	// (white), Higher unused.
	Count  bool
	Values []Fig // per MapView.Districts
	// N is each value's n (per MapView.Districts; the web prints it in the
	// table under the map, MapTable): the district's 有効回答数 for 回収率,
	// the indicator's base (IndicatorRow.CurrentN) for an indicator; nil
	// for a count map. Ref marks a value whose base is under 参考値基準.
	N   []Fig
	Ref []bool
	// Class is each district's class (0 = the lightest of the classes
	// used), or -1 without a value; Fill its colour: the class's, white
	// without a value, a hatch when suppressed (秘匿).
	Class  []int
	Fill   []string
	Legend []MapClass // the classes used, darkest (best) first
}

// A MapClass is one legend entry: the range of printed values it holds and its colour.
type MapClass struct {
	Label, Color string
}

// mapPalette are the classes' fills, lightest first (ColorBrewer Blues, 4
// classes): distinguishable in grayscale, and the darkest reads best.
var mapPalette = []string{"#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"}

// mapWidth is the drawing's width in pixels; the height follows the ward.
const mapWidth = 480

// mapView builds the map from res.Map and the figures already in v; nil
// without a map or when no district has a boundary.
func mapView(res *analyze.Results, v *View) *MapView {
	m := res.Map
	if m == nil || len(m.Shapes) == 0 {
		return nil
	}
	b := res.Batch
	pad := 8.0
	w, h := m.MaxX-m.MinX, m.MaxY-m.MinY
	if w <= 0 || h <= 0 {
		return nil
	}
	scale := (mapWidth - 2*pad) / w
	height := int(math.Ceil(h*scale + 2*pad))
	if height > 2*mapWidth { // a tall ward: fit the height instead
		scale = (2*mapWidth - 2*pad) / h
		height = 2 * mapWidth
	}
	pt := func(p analyze.XY) (float64, float64) {
		return pad + (p.X-m.MinX)*scale, pad + (m.MaxY-p.Y)*scale
	}
	path := func(polys [][][]analyze.XY) string {
		var s strings.Builder
		for _, poly := range polys {
			for _, r := range poly {
				for i, p := range r {
					x, y := pt(p)
					if i == 0 {
						s.WriteString("M")
					} else {
						s.WriteString("L")
					}
					s.WriteString(SvgNum(x) + " " + SvgNum(y))
				}
				s.WriteString("Z")
			}
		}
		return s.String()
	}
	rings := func(polys [][][]analyze.XY) [][]MapPoint {
		var out [][]MapPoint
		for _, poly := range polys {
			for _, r := range poly {
				ring := make([]MapPoint, len(r))
				for i, p := range r {
					ring[i].X, ring[i].Y = pt(p)
				}
				out = append(out, ring)
			}
		}
		return out
	}
	mv := &MapView{Width: mapWidth, Height: height}
	for _, s := range m.Shapes {
		d := MapDistrict{Name: b.Districts[s.District].Name, Path: path(s.Draw), Rings: rings(s.Draw)}
		lx, ly := LabelPoint(s.Draw)
		d.LabelX, d.LabelY = pt(analyze.XY{X: lx, Y: ly})
		d.PoleX, d.PoleY, d.PoleR = poleOfInaccessibility(d.Rings, 0.5)
		mv.Districts = append(mv.Districts, d)
	}
	if m.Unmatched != nil {
		mv.Grey, mv.GreyRings = path(m.Unmatched.Draw), rings(m.Unmatched.Draw)
	}
	for _, i := range m.Missing {
		mv.Missing = append(mv.Missing, b.Districts[i].Name)
	}
	// 回収率, from the overview rows.
	rate := MapMeasure{ID: "rate", Name: "回収率", Higher: true}
	any := false
	for _, d := range mv.Districts {
		f, n := blank(), blank()
		for _, r := range v.Overview.Rows[1:] {
			if r.Name == d.Name {
				f, n = r.Rate, r.Valid
			}
		}
		any = any || !math.IsNaN(f.Value)
		rate.Values = append(rate.Values, f)
		rate.N = append(rate.N, n)
		rate.Ref = append(rate.Ref, false)
	}
	if any {
		mv.Measures = append(mv.Measures, rate)
	}
	for _, ind := range b.Indicators {
		mm := MapMeasure{ID: ind.ID, Name: ind.Name, Higher: ind.Direction != ingest.Down}
		for _, d := range mv.Districts {
			f, n, ref := blank(), blank(), false
			for _, r := range v.Indicators.ByDistrict[d.Name] {
				if r.ID == ind.ID {
					f, n, ref = r.Current, r.CurrentN, r.Reference
				}
			}
			mm.Values = append(mm.Values, f)
			mm.N = append(mm.N, n)
			mm.Ref = append(mm.Ref, ref)
		}
		mv.Measures = append(mv.Measures, mm)
	}
	for i := range mv.Measures {
		Classify(&mv.Measures[i])
	}
	mv.Issues = issueMeasure(mv, v.Hard)
	// the web's labels, placed clear of each other (maplabel.go)
	vals := make([][]string, len(mv.Districts))
	for j := range vals {
		for _, m := range mv.Measures {
			vals[j] = append(vals[j], m.Values[j].Text)
		}
	}
	mv.Labels = PlaceLabels(mv, webLabelMetrics, vals)
	for j, l := range mv.Labels {
		mv.Districts[j].LabelX, mv.Districts[j].LabelY = l.X, l.Y
	}
	return mv
}

// issueMeasure is the map of the number of physical issues per district
// (each district's 計 of HardView.Rows, every source), or nil without
// ハード分類 or when no district has an issue.
func issueMeasure(mv *MapView, hv *HardView) *MapMeasure {
	if hv == nil {
		return nil
	}
	mm := &MapMeasure{ID: "issues", Name: "物理的な対応が必要な課題の数", Count: true}
	sum := 0
	for _, d := range mv.Districts {
		n := 0
		if r, _ := hv.RowOf(d.Name); r != nil {
			n = int(r.Total.Value)
		}
		sum += n
		mm.Values = append(mm.Values, Fig{Value: float64(n), Text: strconv.Itoa(n)})
	}
	if sum == 0 {
		return nil
	}
	ClassifyCount(mm)
	return mm
}

// mapCountPalette are the fills of a count map's classes above 0, lightest
// first (ColorBrewer Oranges): one hue, apart from the Blues of the maps of
// better and worse, and distinguishable in grayscale from each other and
// from the white of 0.
var mapCountPalette = []string{"#fdd0a2", "#fd8d3c", "#e6550d", "#a63603"}

// ClassifyCount classes the counts of mm: 0 a class of its own (white);
// up to four distinct counts above 0 a class each, more in four classes of
// equal integer width from the smallest to the largest. The legend lists
// the classes in 件, the most first, 0 last.
func ClassifyCount(mm *MapMeasure) {
	var distinct []int
	for _, f := range mm.Values {
		if n := int(f.Value); n > 0 && !slices.Contains(distinct, n) {
			distinct = append(distinct, n)
		}
	}
	slices.Sort(distinct)
	// bounds[k] is the smallest count of class k+1 (class 0 is 0)
	var bounds []int
	if len(distinct) <= len(mapCountPalette) {
		bounds = distinct
	} else {
		lo, hi := distinct[0], distinct[len(distinct)-1]
		w := (hi - lo + len(mapCountPalette)) / len(mapCountPalette) // ⌈(hi-lo+1)/4⌉
		for b := lo; b <= hi; b += w {
			bounds = append(bounds, b)
		}
	}
	n := len(bounds)
	colour := func(k int) string { return mapCountPalette[len(mapCountPalette)-n+k-1] }
	mm.Class = make([]int, len(mm.Values))
	mm.Fill = make([]string, len(mm.Values))
	for i, f := range mm.Values {
		v := int(f.Value)
		k := 0
		for j, b := range bounds {
			if v >= b {
				k = j + 1
			}
		}
		mm.Class[i] = k
		mm.Fill[i] = "#ffffff"
		if k > 0 {
			mm.Fill[i] = colour(k)
		}
	}
	for k := n; k >= 1; k-- {
		lo, hi := bounds[k-1], distinct[len(distinct)-1]
		switch {
		case len(distinct) <= len(mapCountPalette):
			hi = lo // a class per count
		case k < n:
			hi = bounds[k] - 1
		}
		label := strconv.Itoa(lo) + "件"
		if hi > lo {
			label = strconv.Itoa(lo) + "～" + strconv.Itoa(hi) + "件"
		}
		mm.Legend = append(mm.Legend, MapClass{Label: label, Color: colour(k)})
	}
	if slices.Contains(mm.Class, 0) {
		mm.Legend = append(mm.Legend, MapClass{Label: "0件", Color: "#ffffff"})
	}
}

// Classify puts each value of mm into up to four equal-width classes of the
// printed (one-decimal) values, the darkest holding the best values.
func Classify(mm *MapMeasure) {
	lo, hi := math.Inf(1), math.Inf(-1)
	vals := make([]float64, len(mm.Values))
	for i, f := range mm.Values {
		vals[i] = math.NaN()
		if f.Suppressed || math.IsNaN(f.Value) {
			continue
		}
		vals[i] = analyze.Round1(f.Value)
		lo, hi = math.Min(lo, vals[i]), math.Max(hi, vals[i])
	}
	mm.Class = make([]int, len(vals))
	if math.IsInf(lo, 0) {
		for i := range mm.Class {
			mm.Class[i] = -1
		}
		return
	}
	// Note: up to four distinct printed values get a class each (labelled
	// with the value); more are put in four equal-width classes.
	var distinct []float64
	for _, v := range vals {
		if !math.IsNaN(v) && !slices.Contains(distinct, v) {
			distinct = append(distinct, v)
		}
	}
	slices.Sort(distinct)
	n := min(len(distinct), len(mapPalette))
	step := (hi - lo) / float64(n)
	for i, v := range vals {
		if math.IsNaN(v) {
			mm.Class[i] = -1
			continue
		}
		k := min(int((v-lo)/step), n-1)
		if len(distinct) <= len(mapPalette) {
			k = slices.Index(distinct, v)
		}
		if !mm.Higher {
			k = n - 1 - k
		}
		mm.Class[i] = k
	}
	for k := n - 1; k >= 0; k-- {
		// class k's values: j counts up from the lowest
		j := k
		if !mm.Higher {
			j = n - 1 - k
		}
		label := OneDecimal(lo+step*float64(j)) + "～" + OneDecimal(lo+step*float64(j+1))
		if len(distinct) <= len(mapPalette) {
			label = OneDecimal(distinct[j])
		}
		mm.Legend = append(mm.Legend, MapClass{Label: label, Color: mapPalette[k+len(mapPalette)-n]})
	}
	mm.Fill = make([]string, len(vals))
	for i, k := range mm.Class {
		switch {
		case mm.Values[i].Suppressed:
			mm.Fill[i] = "url(#map_hatch)"
		case k < 0:
			mm.Fill[i] = "#ffffff"
		default:
			mm.Fill[i] = mapPalette[k+len(mapPalette)-n]
		}
	}
}

// LabelPoint returns where a district's name goes: the centroid of its
// largest part when that lies inside it, else the middle of the widest span
// of the part on the centroid's latitude.
func LabelPoint(polys [][][]analyze.XY) (float64, float64) {
	best, bestA := -1, 0.0
	for i, p := range polys {
		if a := math.Abs(xyArea(p[0])); best < 0 || a > bestA {
			best, bestA = i, a
		}
	}
	if best < 0 {
		return 0, 0
	}
	r := polys[best][0]
	var cx, cy, a float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		c := p.X*q.Y - q.X*p.Y
		a += c
		cx += (p.X + q.X) * c
		cy += (p.Y + q.Y) * c
	}
	if a == 0 {
		return r[0].X, r[0].Y
	}
	cx, cy = cx/(3*a), cy/(3*a)
	// the spans of the part on latitude cy
	var xs []float64
	for _, ring := range polys[best] {
		for i := range ring {
			p, q := ring[i], ring[(i+1)%len(ring)]
			if (p.Y > cy) != (q.Y > cy) {
				xs = append(xs, p.X+(cy-p.Y)/(q.Y-p.Y)*(q.X-p.X))
			}
		}
	}
	slices.Sort(xs)
	wide, mid := -1.0, cx
	for i := 0; i+1 < len(xs); i += 2 {
		if cx >= xs[i] && cx <= xs[i+1] {
			return cx, cy
		}
		if xs[i+1]-xs[i] > wide {
			wide, mid = xs[i+1]-xs[i], (xs[i]+xs[i+1])/2
		}
	}
	return mid, cy
}

func xyArea(r []analyze.XY) float64 {
	var a float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a / 2
}

// SvgNum formats a drawing coordinate with one decimal (a tenth of a pixel).
func SvgNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
