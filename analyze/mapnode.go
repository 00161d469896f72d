package analyze

import (
	"math"
	"slices"

	"midreview/ingest"
)

// A noder inserts into each edge the vertices of other rings that lie on it
// (T-junctions: a town's corner on its neighbour's straight side), so that
// partly shared edges cancel when dissolving. Vertices are found through a
// grid of about one vertex per cell.
type noder struct {
	grid   map[[2]int64][]ingest.LonLat
	cell   float64 // LonLat units
	lo     ingest.LonLat
	budget int // candidate checks left; noding stops when it runs out
}

// nodeBudget bounds the candidate checks of one map: some 50 per vertex of a
// large ward, far past what a tessellation needs.
const nodeBudget = 50_000_000

// nodeTolerance is how far (in LonLat units, 1e-7 degree) a vertex may lie
// from an edge and still be on it.
const nodeTolerance = 1.0

func newNoder(rings []ingest.Ring) *noder {
	seen := map[ingest.LonLat]bool{}
	lo, hi := rings[0][0], rings[0][0]
	for _, r := range rings {
		for _, p := range r {
			seen[p] = true
			lo.Lon, lo.Lat = min(lo.Lon, p.Lon), min(lo.Lat, p.Lat)
			hi.Lon, hi.Lat = max(hi.Lon, p.Lon), max(hi.Lat, p.Lat)
		}
	}
	w, h := float64(hi.Lon-lo.Lon)+1, float64(hi.Lat-lo.Lat)+1
	n := &noder{grid: map[[2]int64][]ingest.LonLat{}, lo: lo, budget: nodeBudget}
	n.cell = max(1, math.Sqrt(w*h/float64(len(seen))))
	pts := make([]ingest.LonLat, 0, len(seen))
	for p := range seen {
		pts = append(pts, p)
	}
	slices.SortFunc(pts, lessLL)
	for _, p := range pts {
		k := n.key(float64(p.Lon), float64(p.Lat))
		n.grid[k] = append(n.grid[k], p)
	}
	return n
}

func (n *noder) key(x, y float64) [2]int64 {
	return [2]int64{int64(math.Floor((x - float64(n.lo.Lon)) / n.cell)), int64(math.Floor((y - float64(n.lo.Lat)) / n.cell))}
}

// apply returns rings with the vertices lying on their edges inserted.
func (n *noder) apply(rings []ingest.Ring) []ingest.Ring {
	out := make([]ingest.Ring, len(rings))
	for i, r := range rings {
		var nr ingest.Ring
		for j := range r {
			a, b := r[j], r[(j+1)%len(r)]
			nr = append(nr, a)
			nr = append(nr, n.onEdge(a, b)...)
		}
		out[i] = nr
	}
	return out
}

// onEdge returns the vertices strictly inside edge a→b, in order from a.
func (n *noder) onEdge(a, b ingest.LonLat) []ingest.LonLat {
	if n.budget <= 0 {
		return nil
	}
	dx, dy := float64(b.Lon-a.Lon), float64(b.Lat-a.Lat)
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return nil
	}
	type hit struct {
		t float64
		p ingest.LonLat
	}
	var hits []hit
	check := func(k [2]int64) {
		for _, p := range n.grid[k] {
			n.budget--
			if p == a || p == b {
				continue
			}
			wx, wy := float64(p.Lon-a.Lon), float64(p.Lat-a.Lat)
			t := (wx*dx + wy*dy) / l2
			if t <= 0 || t >= 1 {
				continue
			}
			if c := dx*wy - dy*wx; c*c <= nodeTolerance*nodeTolerance*l2 {
				hits = append(hits, hit{t, p})
			}
		}
	}
	k0 := n.key(float64(min(a.Lon, b.Lon))-nodeTolerance, float64(min(a.Lat, b.Lat))-nodeTolerance)
	k1 := n.key(float64(max(a.Lon, b.Lon))+nodeTolerance, float64(max(a.Lat, b.Lat))+nodeTolerance)
	if cells := (k1[0] - k0[0] + 1) * (k1[1] - k0[1] + 1); cells <= 64 {
		for x := k0[0]; x <= k1[0]; x++ {
			for y := k0[1]; y <= k1[1]; y++ {
				check([2]int64{x, y})
			}
		}
	} else {
		// A long diagonal edge: the cells along it and their neighbours.
		seen := map[[2]int64]bool{}
		steps := int(math.Ceil(math.Sqrt(l2) / (n.cell / 2)))
		for s := 0; s <= steps && n.budget > 0; s++ {
			f := float64(s) / float64(steps)
			k := n.key(float64(a.Lon)+f*dx, float64(a.Lat)+f*dy)
			for ox := int64(-1); ox <= 1; ox++ {
				for oy := int64(-1); oy <= 1; oy++ {
					c := [2]int64{k[0] + ox, k[1] + oy}
					if !seen[c] {
						seen[c] = true
						check(c)
					}
				}
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	slices.SortFunc(hits, func(x, y hit) int {
		if x.t != y.t {
			if x.t < y.t {
				return -1
			}
			return 1
		}
		return lessLL(x.p, y.p)
	})
	out := make([]ingest.LonLat, 0, len(hits))
	for _, h := range hits {
		if len(out) == 0 || out[len(out)-1] != h.p {
			out = append(out, h.p)
		}
	}
	return out
}
