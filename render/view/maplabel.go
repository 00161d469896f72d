package view

import (
	"math"
	"slices"
)

// Label placement on the district maps. A district's label is two lines,
// its name and the measure's value, in a box with a white ground. Each label
// is placed where it fits inside its district and clear of every other
// label: tried first at the district's pole of inaccessibility (the point
// inside it farthest from its boundary, polylabel), then at the centroid
// (labelPoint), then at points around the pole. A label that fits inside no
// candidate goes to the first candidate clear of the others, of the
// drawing's edge and of the other districts' poles, tied to the pole by a leader line when it does not cover
// it; one that fits nowhere becomes a number at its pole and a line of the
// key under the map. Districts are placed narrowest first (the smallest
// inscribed circle has the fewest places), ties in sheet order, so the
// result is the same on every run.

// A MapLabel is where one district's label goes, in the viewBox's pixels.
type MapLabel struct {
	X, Y float64 // the middle of the name line; the value line is one line below
	// AX, AY is the district's pole of inaccessibility: a leader line runs
	// from it to the label when Leader is set, and a key number (Key > 0)
	// is printed there.
	AX, AY float64
	Leader bool
	Key    int // > 0: the label is line Key of the key under the map
}

// LabelMetrics measures a label: the width of a line of text and the line
// height, in viewBox pixels.
type LabelMetrics struct {
	Width func(string) float64
	Line  float64
	Pad   float64 // white ground around the text
}

// webLabelMetrics are the web pages' labels (font-size 12 in a 480-pixel
// viewBox, lines 14 apart): a CJK character 12 pixels, others 7.
var webLabelMetrics = LabelMetrics{Width: func(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2000 {
			w += 7
		} else {
			w += 12
		}
	}
	return w
}, Line: 14, Pad: 2}

// labelBox returns the box (x0, y0, x1, y1) of a label of width w with its
// name line's middle at x, y.
func (lm LabelMetrics) box(x, y, w float64) [4]float64 {
	return [4]float64{x - w/2 - lm.Pad, y - lm.Line/2 - lm.Pad, x + w/2 + lm.Pad, y + 1.5*lm.Line + lm.Pad}
}

// PlaceLabels places the labels of mv's districts measured by lm, each as
// wide as the wider of its name and the widest of its values (vals[j] are
// district j's value texts).
func PlaceLabels(mv *MapView, lm LabelMetrics, vals [][]string) []MapLabel {
	n := len(mv.Districts)
	out := make([]MapLabel, n)
	widths := make([]float64, n)
	radius := make([]float64, n)
	for j, d := range mv.Districts {
		widths[j] = lm.Width(d.Name)
		if j < len(vals) {
			for _, v := range vals[j] {
				widths[j] = max(widths[j], lm.Width(v))
			}
		}
		out[j].AX, out[j].AY, radius[j] = d.PoleX, d.PoleY, d.PoleR
		if radius[j] == 0 { // not computed by mapView (a hand-made view)
			out[j].AX, out[j].AY, radius[j] = poleOfInaccessibility(d.Rings, 0.5)
		}
		if radius[j] < 0 { // no area: the label point of mapView
			out[j].AX, out[j].AY, radius[j] = d.LabelX, d.LabelY, 0
		}
	}
	order := make([]int, n)
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if radius[a] != radius[b] {
			if radius[a] < radius[b] {
				return -1
			}
			return 1
		}
		return a - b
	})
	var placed [][4]float64
	done := make([]bool, n)
	free := func(b [4]float64) bool {
		if b[0] < 0 || b[1] < 0 || b[2] > float64(mv.Width) || b[3] > float64(mv.Height) {
			return false
		}
		for _, p := range placed {
			if b[0] < p[2] && p[0] < b[2] && b[1] < p[3] && p[1] < b[3] {
				return false
			}
		}
		return true
	}
	// the name line's middle sits half a line above the box's centre
	at := func(j int, cx, cy float64) (float64, float64, [4]float64) {
		y := cy - lm.Line/2
		return cx, y, lm.box(cx, y, widths[j])
	}
	cands := func(j int) [][2]float64 {
		ax, ay := out[j].AX, out[j].AY
		c := [][2]float64{{ax, ay}, {mv.Districts[j].LabelX, mv.Districts[j].LabelY + lm.Line/2}}
		step := lm.Line
		for _, k := range []float64{0.5, 1, 1.5, 2, 3} {
			for _, dir := range [][2]float64{{0, -1}, {0, 1}, {-1, 0}, {1, 0}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
				c = append(c, [2]float64{ax + dir[0]*k*step, ay + dir[1]*k*step})
			}
		}
		return c
	}
	// inside: every candidate that fits in the district and is clear
	for _, j := range order {
		for _, c := range cands(j) {
			x, y, b := at(j, c[0], c[1])
			if free(b) && boxInside(mv.Districts[j].Rings, b) {
				out[j].X, out[j].Y = x, y
				placed = append(placed, b)
				done[j] = true
				break
			}
		}
	}
	// clear of the others, with a leader line when off the pole
	for _, j := range order {
		if done[j] {
			continue
		}
		for _, c := range cands(j) {
			x, y, b := at(j, c[0], c[1])
			if free(b) && !coversPole(out, j, b) {
				out[j].X, out[j].Y = x, y
				out[j].Leader = !(out[j].AX >= b[0] && out[j].AX <= b[2] && out[j].AY >= b[1] && out[j].AY <= b[3])
				placed = append(placed, b)
				done[j] = true
				break
			}
		}
	}
	// a number at the pole and a line of the key, numbered in sheet order
	key := 0
	for j := range out {
		if !done[j] {
			key++
			out[j].Key = key
			out[j].X, out[j].Y = out[j].AX, out[j].AY
		}
	}
	return out
}

// coversPole reports whether box b covers the pole of a district other than
// j, where its label, leader or key number starts.
func coversPole(ls []MapLabel, j int, b [4]float64) bool {
	for k, l := range ls {
		if k != j && l.AX >= b[0] && l.AX <= b[2] && l.AY >= b[1] && l.AY <= b[3] {
			return true
		}
	}
	return false
}

// boxInside reports whether box b lies inside the even-odd shape rings:
// its corners are inside, no edge of a ring crosses it and no ring has a
// point inside it (a hole or an island within the box).
func boxInside(rings [][]MapPoint, b [4]float64) bool {
	for _, p := range []MapPoint{{b[0], b[1]}, {b[2], b[1]}, {b[2], b[3]}, {b[0], b[3]}} {
		if !insideRings(rings, p.X, p.Y) {
			return false
		}
	}
	for _, r := range rings {
		for i, p := range r {
			if p.X > b[0] && p.X < b[2] && p.Y > b[1] && p.Y < b[3] {
				return false
			}
			q := r[(i+1)%len(r)]
			if segmentCrossesBox(p, q, b) {
				return false
			}
		}
	}
	return true
}

// segmentCrossesBox reports whether segment pq meets the inside of box b
// (Liang–Barsky clipping against the open box).
func segmentCrossesBox(p, q MapPoint, b [4]float64) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := q.X-p.X, q.Y-p.Y
	for _, e := range [][2]float64{{-dx, p.X - b[0]}, {dx, b[2] - p.X}, {-dy, p.Y - b[1]}, {dy, b[3] - p.Y}} {
		pp, qq := e[0], e[1]
		if pp == 0 {
			if qq <= 0 {
				return false
			}
			continue
		}
		t := qq / pp
		if pp < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

// insideRings reports whether x, y is inside rings by the even-odd rule.
func insideRings(rings [][]MapPoint, x, y float64) bool {
	in := false
	for _, r := range rings {
		for i := range r {
			p, q := r[i], r[(i+1)%len(r)]
			if (p.Y > y) != (q.Y > y) && x < p.X+(y-p.Y)/(q.Y-p.Y)*(q.X-p.X) {
				in = !in
			}
		}
	}
	return in
}

// ringDist is the signed distance from x, y to the boundary of rings:
// positive inside.
func ringDist(rings [][]MapPoint, x, y float64) float64 {
	d := math.Inf(1)
	for _, r := range rings {
		for i := range r {
			p, q := r[i], r[(i+1)%len(r)]
			dx, dy := q.X-p.X, q.Y-p.Y
			t := 0.0
			if l := dx*dx + dy*dy; l > 0 {
				t = max(0, min(1, ((x-p.X)*dx+(y-p.Y)*dy)/l))
			}
			d = min(d, math.Hypot(x-(p.X+t*dx), y-(p.Y+t*dy)))
		}
	}
	if !insideRings(rings, x, y) {
		return -d
	}
	return d
}

// poleOfInaccessibility returns the point inside rings farthest from their
// boundary, to within precision pixels, and that distance (polylabel: cells
// searched best potential first); -1 for a shape without area.
//
// Note: the search is bounded (at most 4096 cells examined) so a boundary
// of many small parts cannot make it slow; the best point found so far is
// returned.
func poleOfInaccessibility(rings [][]MapPoint, precision float64) (float64, float64, float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, r := range rings {
		for _, p := range r {
			minX, minY, maxX, maxY = min(minX, p.X), min(minY, p.Y), max(maxX, p.X), max(maxY, p.Y)
		}
	}
	w, h := maxX-minX, maxY-minY
	if !(w > 0 && h > 0) {
		return 0, 0, -1
	}
	type cell struct{ x, y, h, d, max float64 }
	mk := func(x, y, half float64) cell {
		d := ringDist(rings, x, y)
		return cell{x, y, half, d, d + half*math.Sqrt2}
	}
	size := min(w, h)
	var queue []cell
	for x := minX; x < maxX; x += size {
		for y := minY; y < maxY; y += size {
			queue = append(queue, mk(x+size/2, y+size/2, size/2))
		}
	}
	best := mk(minX+w/2, minY+h/2, 0)
	for _, c := range queue {
		if c.d > best.d {
			best = c
		}
	}
	for n := 0; len(queue) > 0 && n < 4096; n++ {
		k := 0
		for i, c := range queue {
			if c.max > queue[k].max {
				k = i
			}
		}
		c := queue[k]
		queue = slices.Delete(queue, k, k+1)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		hh := c.h / 2
		queue = append(queue, mk(c.x-hh, c.y-hh, hh), mk(c.x+hh, c.y-hh, hh), mk(c.x-hh, c.y+hh, hh), mk(c.x+hh, c.y+hh, hh))
	}
	if best.d <= 0 {
		return 0, 0, -1
	}
	return best.x, best.y, best.d
}
