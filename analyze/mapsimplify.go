package analyze

import (
	"math"
	"slices"

	"midreview/ingest"
)

// Simplifying the district boundaries for drawing, topology-aware: the
// boundaries are cut into arcs at the nodes (vertices where other than two
// boundary edges meet: where three districts or the ward's outline meet), and
// each arc is simplified once (Douglas–Peucker) and used by both districts it
// separates, so that neighbours keep identical shared edges: no slivers, no
// gaps. A ring without a node (an island, or a district enclosed by another)
// is one closed arc from its least point.
// Note: every arc keeps at least its farthest interior point, so that a ring of
// two arcs stays a polygon however small it is.

// simplify fills Draw of every shape, Tolerance and the drawing's bounds.
func (m *DistrictMap) simplify() {
	shapes := make([]*DistrictShape, 0, len(m.Shapes)+1)
	for i := range m.Shapes {
		shapes = append(shapes, &m.Shapes[i])
	}
	if m.Unmatched != nil {
		shapes = append(shapes, m.Unmatched)
	}
	nb := map[ingest.LonLat][]ingest.LonLat{}
	// Note: only whether a vertex has exactly two neighbours matters, so at
	// most three are kept.
	link := func(a, b ingest.LonLat) {
		if len(nb[a]) < 3 && !slices.Contains(nb[a], b) {
			nb[a] = append(nb[a], b)
		}
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	forRings(shapes, func(r ingest.Ring) {
		for i, p := range r {
			q := r[(i+1)%len(r)]
			link(p, q)
			link(q, p)
			xy := m.Project(p)
			minX, minY, maxX, maxY = min(minX, xy.X), min(minY, xy.Y), max(maxX, xy.X), max(maxY, xy.Y)
		}
	})
	m.Tolerance = max(maxX-minX, maxY-minY) / 2000
	s := &simplifier{m: m, node: func(p ingest.LonLat) bool { return len(nb[p]) != 2 }, memo: map[[3]ingest.LonLat][]ingest.LonLat{}}
	m.MinX, m.MinY, m.MaxX, m.MaxY = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, sh := range shapes {
		sh.Draw = nil
		for _, p := range sh.Polygons {
			outer := s.ring(p.Outer)
			if len(outer) < 3 {
				continue
			}
			poly := [][]XY{outer}
			for _, h := range p.Holes {
				if r := s.ring(h); len(r) >= 3 {
					poly = append(poly, r)
				}
			}
			for _, r := range poly {
				for _, q := range r {
					m.MinX, m.MinY, m.MaxX, m.MaxY = min(m.MinX, q.X), min(m.MinY, q.Y), max(m.MaxX, q.X), max(m.MaxY, q.Y)
				}
			}
			sh.Draw = append(sh.Draw, poly)
		}
	}
}

func forRings(shapes []*DistrictShape, f func(ingest.Ring)) {
	for _, sh := range shapes {
		for _, p := range sh.Polygons {
			f(p.Outer)
			for _, h := range p.Holes {
				f(h)
			}
		}
	}
}

type simplifier struct {
	m    *DistrictMap
	node func(ingest.LonLat) bool
	memo map[[3]ingest.LonLat][]ingest.LonLat // arc key → simplified arc, canonical direction
}

// ring returns r simplified, projected to the drawing plane.
func (s *simplifier) ring(r ingest.Ring) []XY {
	k := slices.IndexFunc(r, s.node)
	if k < 0 {
		k = 0 // r starts at its least point (Dissolve)
		for i := range r {
			if lessLL(r[i], r[k]) < 0 {
				k = i
			}
		}
	}
	rot := append(slices.Clone(r[k:]), r[:k]...)
	rot = append(rot, rot[0])
	var out []XY
	for i := 0; i < len(rot)-1; {
		j := i + 1
		for j < len(rot)-1 && !s.node(rot[j]) {
			j++
		}
		for _, p := range s.arc(rot[i : j+1]) {
			out = append(out, s.m.Project(p))
		}
		out = out[:len(out)-1] // the next arc starts with it
		i = j
	}
	return out
}

// arc returns chain c simplified, in c's direction, from the memo when the
// arc was met before (in either direction).
func (s *simplifier) arc(c []ingest.LonLat) []ingest.LonLat {
	n := len(c)
	fwd := [3]ingest.LonLat{c[0], c[1], c[n-1]}
	rev := [3]ingest.LonLat{c[n-1], c[n-2], c[0]}
	reversed := lessLL(rev[0], fwd[0]) < 0 || (rev[0] == fwd[0] && lessLL(rev[1], fwd[1]) < 0)
	key := fwd
	if reversed {
		key = rev
	}
	res, ok := s.memo[key]
	if !ok {
		canon := c
		if reversed {
			canon = slices.Clone(c)
			slices.Reverse(canon)
		}
		res = s.douglasPeucker(canon)
		s.memo[key] = res
	}
	if reversed {
		res = slices.Clone(res)
		slices.Reverse(res)
	}
	return res
}

// douglasPeucker simplifies chain c (kept: both ends and the farthest
// interior point); a closed chain is split at the point farthest from its ends.
func (s *simplifier) douglasPeucker(c []ingest.LonLat) []ingest.LonLat {
	if len(c) <= 2 {
		return c
	}
	xy := make([]XY, len(c))
	for i, p := range c {
		xy[i] = s.m.Project(p)
	}
	keep := make([]bool, len(c))
	keep[0], keep[len(c)-1] = true, true
	far, _ := farthest(xy, 0, len(c)-1)
	keep[far] = true
	var rec func(i, j int)
	rec = func(i, j int) {
		if j-i < 2 {
			return
		}
		k, d := farthest(xy, i, j)
		if d > s.m.Tolerance {
			keep[k] = true
			rec(i, k)
			rec(k, j)
		}
	}
	rec(0, far)
	rec(far, len(c)-1)
	out := make([]ingest.LonLat, 0, 8)
	for i, p := range c {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// farthest returns the interior point of xy[i..j] farthest from the segment
// xy[i]–xy[j] (from xy[i] when the two are the same point), and its distance.
func farthest(xy []XY, i, j int) (int, float64) {
	a, b := xy[i], xy[j]
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	best, bd := i+1, -1.0
	for k := i + 1; k < j; k++ {
		p := xy[k]
		var d float64
		if l == 0 {
			d = math.Hypot(p.X-a.X, p.Y-a.Y)
		} else {
			d = math.Abs(dx*(p.Y-a.Y)-dy*(p.X-a.X)) / l
		}
		if d > bd {
			best, bd = k, d
		}
	}
	return best, bd
}
