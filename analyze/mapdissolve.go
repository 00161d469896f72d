package analyze

import (
	"cmp"
	"math"
	"slices"

	"midreview/ingest"
)

// District boundaries from map/ (inputs.md section 10): the towns of each
// district dissolved into the district's boundary, exact for
// data/districts.geojson, and simplified and projected for drawing.
//
// Note: dissolving is done on the shared edges, not by general polygon
// clipping. e-Stat's town boundaries tessellate the ward (neighbours share
// their vertices), so the union of a district's towns is what remains of their
// edges after each edge met in both directions (shared by two towns) is
// removed; the remaining edges chain into the outer rings and holes. A vertex
// of one town lying on the edge of another (a T-junction) is first inserted
// into that edge (node), so that partly shared edges cancel too. Integer
// positions (ingest.LonLat) make both steps exact. The same cancellation over
// all districts gives the ward's outline, which is how the tests check that
// districts leave no gaps. No geometry library was needed: gonum has no
// polygon operations, and the Go ports of GEOS/JTS (go-geos needs cgo;
// go.geo/orb have no topology-preserving simplification) would bring more than
// these two hundred lines.

// A DistrictMap is the map of the districts.
type DistrictMap struct {
	File string // the boundary file, as read
	// Shapes are the dissolved boundaries of the districts that have one, in
	// sheet order; Unmatched (District NoDistrict) holds the features that
	// matched no district, dissolved together, or is nil.
	Shapes    []DistrictShape
	Unmatched *DistrictShape
	// Missing are the districts without a boundary, in sheet order.
	Missing []int
	// Lat0 and Lon0 are the latitude and longitude of the map's centre, the
	// origin of the drawing plane (Project).
	Lat0, Lon0 float64
	// Tolerance is the simplification tolerance in the drawing plane (degrees
	// of latitude): the map's larger extent / 2000, half a pixel on a
	// 1000-pixel map.
	Tolerance float64
	// MinX, MinY, MaxX, MaxY bound the drawing (Draw of every shape).
	MinX, MinY, MaxX, MaxY float64
}

// A DistrictShape is one district's boundary.
type DistrictShape struct {
	District int // index into Batch.Districts, or ingest.NoDistrict
	// Polygons are the dissolved boundary in longitude/latitude: each an outer
	// ring (counterclockwise) and its holes (clockwise), every ring starting at
	// its least point; polygons ordered by their outer ring's first point.
	Polygons []Polygon
	// Draw is Polygons simplified for drawing, in the drawing plane (Project):
	// neighbours share identical simplified edges.
	Draw [][][]XY
	// Area is the area in the drawing plane (square degrees of latitude).
	Area float64
}

// A Polygon is an outer ring and its holes.
type Polygon struct {
	Outer ingest.Ring
	Holes []ingest.Ring
}

// An XY is a point in the drawing plane: x east, y north, in degrees of latitude.
type XY struct{ X, Y float64 }

// Project returns p in the map's drawing plane: x = (lon − Lon0)·cos(Lat0),
// y = lat − Lat0 (an equirectangular projection, enough at ward scale).
func (m *DistrictMap) Project(p ingest.LonLat) XY {
	return XY{(float64(p.Lon)/ingest.LonLatUnit - m.Lon0) * math.Cos(m.Lat0*math.Pi/180), float64(p.Lat)/ingest.LonLatUnit - m.Lat0}
}

// RingArea returns the signed area of r in the drawing plane (positive
// counterclockwise).
func (m *DistrictMap) RingArea(r ingest.Ring) float64 {
	return ingest.RingArea(r) / 2 / ingest.LonLatUnit / ingest.LonLatUnit * math.Cos(m.Lat0*math.Pi/180)
}

// DissolveMap dissolves the boundary file's features into districts; nil
// when the batch has no map.
func DissolveMap(b *ingest.Batch) *DistrictMap {
	if b.Map == nil {
		return nil
	}
	nd := len(b.Districts)
	groups := make([][]ingest.Ring, nd+1) // the last: features matching no district
	var all []ingest.Ring
	for _, f := range b.Map.Features {
		g := nd
		if f.District >= 0 && f.District < nd {
			g = f.District
		}
		groups[g] = append(groups[g], f.Rings...)
		all = append(all, f.Rings...)
	}
	m := &DistrictMap{File: b.Map.File}
	if len(all) == 0 {
		for i := range nd {
			m.Missing = append(m.Missing, i)
		}
		return m
	}
	m.Lon0, m.Lat0 = centre(all)
	node := newNoder(all)
	for g, rings := range groups {
		if len(rings) == 0 {
			if g < nd {
				m.Missing = append(m.Missing, g)
			}
			continue
		}
		s := DistrictShape{District: g, Polygons: Dissolve(node.apply(rings))}
		if g == nd {
			s.District = ingest.NoDistrict
		}
		for _, p := range s.Polygons {
			s.Area += m.RingArea(p.Outer)
			for _, h := range p.Holes {
				s.Area += m.RingArea(h)
			}
		}
		if len(s.Polygons) == 0 {
			if g < nd {
				m.Missing = append(m.Missing, g)
			}
			continue
		}
		if g == nd {
			m.Unmatched = &s
		} else {
			m.Shapes = append(m.Shapes, s)
		}
	}
	m.simplify()
	return m
}

// centre returns the middle of the bounding box of rings, in degrees.
func centre(rings []ingest.Ring) (lon, lat float64) {
	lo, hi := rings[0][0], rings[0][0]
	for _, r := range rings {
		for _, p := range r {
			lo.Lon, lo.Lat = min(lo.Lon, p.Lon), min(lo.Lat, p.Lat)
			hi.Lon, hi.Lat = max(hi.Lon, p.Lon), max(hi.Lat, p.Lat)
		}
	}
	return float64(lo.Lon+hi.Lon) / 2 / ingest.LonLatUnit, float64(lo.Lat+hi.Lat) / 2 / ingest.LonLatUnit
}

type edge struct{ a, b ingest.LonLat }

func lessLL(p, q ingest.LonLat) int {
	if c := cmp.Compare(p.Lon, q.Lon); c != 0 {
		return c
	}
	return cmp.Compare(p.Lat, q.Lat)
}

// Dissolve returns the union of rings (outer rings counterclockwise, holes
// clockwise, not overlapping, their shared vertices identical) as polygons:
// edges met in both directions cancel, the rest chain into rings, and each
// hole joins the smallest outer ring around it.
func Dissolve(rings []ingest.Ring) []Polygon {
	count := map[edge]int{}
	var order []edge // first-seen order, for a deterministic walk
	for _, r := range rings {
		for i := range r {
			e := edge{r[i], r[(i+1)%len(r)]}
			if e.a == e.b {
				continue
			}
			if back := (edge{e.b, e.a}); count[back] > 0 {
				count[back]--
				continue
			}
			if count[e] == 0 {
				order = append(order, e)
			}
			count[e]++
		}
	}
	g := &edgeGraph{left: count, out: map[ingest.LonLat][]ingest.LonLat{}, next: map[ingest.LonLat]int{}}
	for _, e := range order {
		if count[e] > 0 {
			g.out[e.a] = append(g.out[e.a], e.b)
		}
	}
	slices.SortFunc(order, func(x, y edge) int {
		if c := lessLL(x.a, y.a); c != 0 {
			return c
		}
		return lessLL(x.b, y.b)
	})
	var outers, holes []ingest.Ring
	for _, e := range order {
		for g.left[e] > 0 {
			r := g.walkRing(e)
			switch a := ingest.RingArea(r); {
			case a > 0:
				outers = append(outers, startAtLeast(r))
			case a < 0:
				holes = append(holes, startAtLeast(r))
			}
		}
	}
	polys := make([]Polygon, len(outers))
	area := make([]float64, len(outers))
	for i, r := range outers {
		polys[i].Outer, area[i] = r, ingest.RingArea(r)
	}
	x := newRingIndex(outers)
	for _, h := range holes {
		if best := x.smallestAround(holeProbe(h), area); best >= 0 {
			polys[best].Holes = append(polys[best].Holes, h)
		}
	}
	for i := range polys {
		slices.SortFunc(polys[i].Holes, func(x, y ingest.Ring) int { return lessLL(x[0], y[0]) })
	}
	slices.SortFunc(polys, func(x, y Polygon) int { return lessLL(x.Outer[0], y.Outer[0]) })
	return polys
}

// An edgeGraph holds the edges left after cancelling, for walking rings.
type edgeGraph struct {
	left map[edge]int                      // edges not yet walked, by count
	out  map[ingest.LonLat][]ingest.LonLat // each vertex's edge ends, in first-seen order
	next map[ingest.LonLat]int             // a busy vertex's first end that may be unwalked
}

// busyDegree is the number of edges from one vertex past which the walk
// takes the next unwalked edge in order instead of the leftmost turn: real
// boundaries meet by threes and fours; a crafted file may send thousands of
// edges through one vertex, and choosing among them at every pass would take
// their number squared.
const busyDegree = 16

// walkRing follows unwalked edges from e back to e's start, taking at each
// vertex the leftmost turn (which keeps rings that touch at a point apart),
// and marks the edges it used as walked.
func (g *edgeGraph) walkRing(e edge) ingest.Ring {
	r := ingest.Ring{e.a}
	g.left[e]--
	prev, cur := e.a, e.b
	for cur != e.a {
		r = append(r, cur)
		ends := g.out[cur]
		best, found := ingest.LonLat{}, false
		if len(ends) > busyDegree {
			for i := g.next[cur]; i < len(ends); i++ {
				if g.left[edge{cur, ends[i]}] > 0 {
					best, found = ends[i], true
					g.next[cur] = i
					break
				}
			}
		} else {
			bestAng := math.Inf(-1)
			dx, dy := float64(cur.Lon-prev.Lon), float64(cur.Lat-prev.Lat)
			for _, n := range ends {
				if g.left[edge{cur, n}] == 0 {
					continue
				}
				ex, ey := float64(n.Lon-cur.Lon), float64(n.Lat-cur.Lat)
				ang := math.Atan2(dx*ey-dy*ex, dx*ex+dy*ey)
				if !found || ang > bestAng || (ang == bestAng && lessLL(n, best) < 0) {
					best, bestAng, found = n, ang, true
				}
			}
		}
		if !found {
			break // an open chain: overlapping input
		}
		g.left[edge{cur, best}]--
		prev, cur = cur, best
	}
	return r
}

// startAtLeast returns r rotated to start at its least point.
func startAtLeast(r ingest.Ring) ingest.Ring {
	k := 0
	for i := range r {
		if lessLL(r[i], r[k]) < 0 {
			k = i
		}
	}
	return append(slices.Clone(r[k:]), r[:k]...)
}

// holeProbe returns a point just inside the land beside hole h (to the left
// of its first edge, which runs clockwise round the hole), in LonLat units.
func holeProbe(h ingest.Ring) [2]float64 {
	a, b := h[0], h[1%len(h)]
	dx, dy := float64(b.Lon-a.Lon), float64(b.Lat-a.Lat)
	l := math.Hypot(dx, dy)
	return [2]float64{float64(a.Lon) + dx/2 - dy/l*0.25, float64(a.Lat) + dy/2 + dx/l*0.25}
}

// inside reports whether point p is inside ring r (even-odd rule).
func inside(p [2]float64, r ingest.Ring) bool {
	in := false
	for i := range r {
		a, b := r[i], r[(i+1)%len(r)]
		ay, by := float64(a.Lat), float64(b.Lat)
		if (ay > p[1]) != (by > p[1]) {
			ax, bx := float64(a.Lon), float64(b.Lon)
			if x := ax + (p[1]-ay)/(by-ay)*(bx-ax); p[0] < x {
				in = !in
			}
		}
	}
	return in
}

// A ringIndex finds the outer rings around a point through a grid of their
// bounding boxes, on a budget of vertex checks.
// Note: a ward's districts have a few holes each; a crafted file may have
// hundreds of thousands of rings and holes, whose pairs would stall a run.
// Holes still unplaced when the budget runs out are left out.
type ringIndex struct {
	rings  []ingest.Ring
	boxes  [][4]int64 // min lon, min lat, max lon, max lat
	grid   map[[2]int64][]int
	big    []int // rings over more than 64 cells
	lo     ingest.LonLat
	cell   float64
	budget int
}

// ringIndexBudget bounds the vertex and box checks of placing the holes of one district.
const ringIndexBudget = 20_000_000

func newRingIndex(rings []ingest.Ring) *ringIndex {
	x := &ringIndex{rings: rings, grid: map[[2]int64][]int{}, budget: ringIndexBudget}
	if len(rings) == 0 {
		return x
	}
	all := [4]int64{math.MaxInt64, math.MaxInt64, math.MinInt64, math.MinInt64}
	for _, r := range rings {
		b := [4]int64{r[0].Lon, r[0].Lat, r[0].Lon, r[0].Lat}
		for _, p := range r {
			b = [4]int64{min(b[0], p.Lon), min(b[1], p.Lat), max(b[2], p.Lon), max(b[3], p.Lat)}
		}
		x.boxes = append(x.boxes, b)
		all = [4]int64{min(all[0], b[0]), min(all[1], b[1]), max(all[2], b[2]), max(all[3], b[3])}
	}
	x.lo = ingest.LonLat{Lon: all[0], Lat: all[1]}
	x.cell = max(1, math.Sqrt(float64(all[2]-all[0]+1)*float64(all[3]-all[1]+1)/float64(len(rings))))
	for i, b := range x.boxes {
		k0, k1 := x.key(float64(b[0]), float64(b[1])), x.key(float64(b[2]), float64(b[3]))
		if (k1[0]-k0[0]+1)*(k1[1]-k0[1]+1) > 64 {
			x.big = append(x.big, i)
			continue
		}
		for cx := k0[0]; cx <= k1[0]; cx++ {
			for cy := k0[1]; cy <= k1[1]; cy++ {
				x.grid[[2]int64{cx, cy}] = append(x.grid[[2]int64{cx, cy}], i)
			}
		}
	}
	return x
}

func (x *ringIndex) key(px, py float64) [2]int64 {
	return [2]int64{int64(math.Floor((px - float64(x.lo.Lon)) / x.cell)), int64(math.Floor((py - float64(x.lo.Lat)) / x.cell))}
}

// smallestAround returns the ring of least area (area[i]) around p, or -1.
func (x *ringIndex) smallestAround(p [2]float64, area []float64) int {
	best := -1
	try := func(i int) {
		b := x.boxes[i]
		x.budget--
		if p[0] < float64(b[0]) || p[0] > float64(b[2]) || p[1] < float64(b[1]) || p[1] > float64(b[3]) {
			return
		}
		if best >= 0 && area[i] >= area[best] {
			return
		}
		x.budget -= len(x.rings[i])
		if inside(p, x.rings[i]) {
			best = i
		}
	}
	for _, l := range [][]int{x.grid[x.key(p[0], p[1])], x.big} {
		for _, i := range l {
			if x.budget <= 0 {
				return best
			}
			try(i)
		}
	}
	return best
}
