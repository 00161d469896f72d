package analyze

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"midreview/ingest"
)

// sq returns the counterclockwise square of side s with its lower-left corner
// at (x, y), in LonLat units.
func sq(x, y, s int64) ingest.Ring {
	return ingest.Ring{{Lon: x, Lat: y}, {Lon: x + s, Lat: y}, {Lon: x + s, Lat: y + s}, {Lon: x, Lat: y + s}}
}

func ringText(r ingest.Ring) string {
	s := ""
	for _, p := range r {
		s += fmt.Sprintf("(%d,%d)", p.Lon, p.Lat)
	}
	return s
}

func polysText(ps []Polygon) []string {
	var out []string
	for _, p := range ps {
		t := ringText(p.Outer)
		for _, h := range p.Holes {
			t += " hole " + ringText(h)
		}
		out = append(out, t)
	}
	return out
}

func TestDissolve(t *testing.T) {
	rev := func(r ingest.Ring) ingest.Ring {
		out := make(ingest.Ring, len(r))
		for i := range r {
			out[i] = r[len(r)-1-i]
		}
		return out
	}
	ring3x3 := []ingest.Ring{}
	for x := int64(0); x < 3; x++ {
		for y := int64(0); y < 3; y++ {
			if x != 1 || y != 1 {
				ring3x3 = append(ring3x3, sq(x*10, y*10, 10))
			}
		}
	}
	for _, tt := range []struct {
		name  string
		rings []ingest.Ring
		want  []string
		area  float64 // twice the area, LonLat units²
	}{
		{"one square", []ingest.Ring{sq(0, 0, 10)}, []string{"(0,0)(10,0)(10,10)(0,10)"}, 200},
		{"two squares side by side", []ingest.Ring{sq(0, 0, 10), sq(10, 0, 10)},
			[]string{"(0,0)(10,0)(20,0)(20,10)(10,10)(0,10)"}, 400},
		{"L of three squares", []ingest.Ring{sq(0, 0, 10), sq(10, 0, 10), sq(0, 10, 10)},
			[]string{"(0,0)(10,0)(20,0)(20,10)(10,10)(10,20)(0,20)(0,10)"}, 600},
		{"ring of eight squares keeps its hole", ring3x3,
			[]string{"(0,0)(10,0)(20,0)(30,0)(30,10)(30,20)(30,30)(20,30)(10,30)(0,30)(0,20)(0,10) hole (10,10)(10,20)(20,20)(20,10)"}, 1600},
		{"an island apart", []ingest.Ring{sq(0, 0, 10), sq(50, 0, 10)},
			[]string{"(0,0)(10,0)(10,10)(0,10)", "(50,0)(60,0)(60,10)(50,10)"}, 400},
		{"squares touching at a corner stay two", []ingest.Ring{sq(0, 0, 10), sq(10, 10, 10)},
			[]string{"(0,0)(10,0)(10,10)(0,10)", "(10,10)(20,10)(20,20)(10,20)"}, 400},
		{"a town with its own hole", []ingest.Ring{sq(0, 0, 30), rev(sq(10, 10, 10))},
			[]string{"(0,0)(30,0)(30,30)(0,30) hole (10,10)(10,20)(20,20)(20,10)"}, 1600},
		{"hole filled by another town", []ingest.Ring{sq(0, 0, 30), rev(sq(10, 10, 10)), sq(10, 10, 10)},
			[]string{"(0,0)(30,0)(30,30)(0,30)"}, 1800},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ps := Dissolve(tt.rings)
			if got := polysText(ps); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			var a float64
			for _, p := range ps {
				a += ingest.RingArea(p.Outer)
				for _, h := range p.Holes {
					a += ingest.RingArea(h)
				}
			}
			if a != tt.area {
				t.Errorf("area %v, want %v", a, tt.area)
			}
		})
	}
}

// mapBatch returns a batch of districts named by names whose map features are
// the rings of each feature, with the district each belongs to.
func mapBatch(names []string, feats map[int][]ingest.Ring, order []int) *ingest.Batch {
	b := &ingest.Batch{Map: &ingest.BoundaryMap{File: "map/m.shp"}}
	for _, n := range names {
		b.Districts = append(b.Districts, ingest.District{Name: n})
	}
	for i, d := range order {
		b.Map.Features = append(b.Map.Features, ingest.MapFeature{Name: fmt.Sprint(i), District: d, Rings: feats[i]})
	}
	return b
}

// lat35 is a corner at longitude 139.6, latitude 35.5, in LonLat units.
const lon0, lat0 = 1_396_000_000, 355_000_000

func TestDissolveMapTJunction(t *testing.T) {
	// District 0: a 2×1 rectangle (four corners) on top of district 1's
	// two unit squares; the squares' shared corner lies on the rectangle's side.
	u := int64(100_000) // 0.01°
	rect := ingest.Ring{{Lon: lon0, Lat: lat0 + u}, {Lon: lon0 + 2*u, Lat: lat0 + u}, {Lon: lon0 + 2*u, Lat: lat0 + 2*u}, {Lon: lon0, Lat: lat0 + 2*u}}
	b := mapBatch([]string{"上", "下", "空"}, map[int][]ingest.Ring{
		0: {rect}, 1: {sq(lon0, lat0, u)}, 2: {sq(lon0+u, lat0, u)},
	}, []int{0, 1, 1})
	m := DissolveMap(b)
	if len(m.Shapes) != 2 || fmt.Sprint(m.Missing) != "[2]" || m.Unmatched != nil {
		t.Fatalf("shapes %d, missing %v", len(m.Shapes), m.Missing)
	}
	// The union of both districts is the 2×2 square: every other edge cancels.
	var rings []ingest.Ring
	for _, s := range m.Shapes {
		for _, p := range s.Polygons {
			rings = append(rings, p.Outer)
		}
	}
	whole := Dissolve(rings)
	if len(whole) != 1 || len(whole[0].Holes) != 0 || ingest.RingArea(whole[0].Outer) != float64(2*(2*u)*(2*u)) {
		t.Errorf("union %q", polysText(whole))
	}
	// Areas in the drawing plane: 0.01° × 0.01° × cos(35.51°) per square.
	c := math.Cos(m.Lat0 * math.Pi / 180)
	for i, s := range m.Shapes {
		if want := 2 * 0.01 * 0.01 * c; math.Abs(s.Area-want) > 1e-12 {
			t.Errorf("district %d area %v, want %v", i, s.Area, want)
		}
	}
	if m.Lat0 != 35.51 || m.Lon0 != 139.61 {
		t.Errorf("centre %v %v", m.Lon0, m.Lat0)
	}
}

// TestDissolveMapSimplify draws two districts separated by a wiggly line of
// 200 points: the simplified drawing keeps fewer points, and every edge not on
// the ward's outline is drawn by both districts (reversed), so no gap or
// sliver opens between them.
func TestDissolveMapSimplify(t *testing.T) {
	u := int64(1_000_000)      // 0.1°
	var wiggle []ingest.LonLat // from top to bottom at x ≈ lon0+u
	for i := int64(0); i <= 200; i++ {
		wiggle = append(wiggle, ingest.LonLat{Lon: lon0 + u + (i%7-3)*300, Lat: lat0 + u - i*u/200})
	}
	left := ingest.Ring{{Lon: lon0, Lat: lat0}}
	left = append(left, wiggle[len(wiggle)-1])
	for i := len(wiggle) - 2; i >= 0; i-- {
		left = append(left, wiggle[i])
	}
	left = append(left, ingest.LonLat{Lon: lon0, Lat: lat0 + u})
	right := ingest.Ring{{Lon: lon0 + 2*u, Lat: lat0}, {Lon: lon0 + 2*u, Lat: lat0 + u}}
	right = append(right, wiggle...)
	// left runs (0,0) → bottom of the wiggle → up it → (0,1): counterclockwise.
	b := mapBatch([]string{"西", "東"}, map[int][]ingest.Ring{0: {left}, 1: {right}}, []int{0, 1})
	m := DissolveMap(b)
	if len(m.Shapes) != 2 {
		t.Fatalf("%d shapes", len(m.Shapes))
	}
	type seg struct{ a, b XY }
	count := map[seg]int{}
	points := 0
	for _, s := range m.Shapes {
		for _, poly := range s.Draw {
			for _, r := range poly {
				points += len(r)
				for i := range r {
					count[seg{r[i], r[(i+1)%len(r)]}]++
				}
			}
		}
	}
	if points >= 2*len(wiggle) || points < 8 {
		t.Errorf("%d points drawn for %d", points, 2*len(wiggle)+4)
	}
	for e := range count {
		if count[seg{e.b, e.a}] > 0 {
			continue
		}
		// an outline edge: on the ward's bounding box
		onBox := func(p XY) bool {
			return p.X == m.MinX || p.X == m.MaxX || p.Y == m.MinY || p.Y == m.MaxY
		}
		if !onBox(e.a) || !onBox(e.b) || (e.a.X != e.b.X && e.a.Y != e.b.Y) {
			t.Errorf("edge %v is drawn by one district only and is not on the outline", e)
		}
	}
	if m.Tolerance <= 0 || m.Tolerance > 0.2/2000*1.0001 {
		t.Errorf("tolerance %v", m.Tolerance)
	}
}

func TestDissolveMapEnclosed(t *testing.T) {
	u := int64(100_000)
	var outer []ingest.Ring
	for x := int64(0); x < 3; x++ {
		for y := int64(0); y < 3; y++ {
			if x != 1 || y != 1 {
				outer = append(outer, sq(lon0+x*u, lat0+y*u, u))
			}
		}
	}
	feats := map[int][]ingest.Ring{0: outer, 1: {sq(lon0+u, lat0+u, u)}, 2: {sq(lon0+5*u, lat0, u)}}
	b := mapBatch([]string{"外", "内"}, feats, []int{0, 1, ingest.NoDistrict})
	m := DissolveMap(b)
	if len(m.Shapes) != 2 || m.Unmatched == nil || len(m.Missing) != 0 {
		t.Fatalf("shapes %d unmatched %v missing %v", len(m.Shapes), m.Unmatched, m.Missing)
	}
	o, in := m.Shapes[0], m.Shapes[1]
	if len(o.Polygons) != 1 || len(o.Polygons[0].Holes) != 1 || len(in.Polygons) != 1 {
		t.Fatalf("outer %q inner %q", polysText(o.Polygons), polysText(in.Polygons))
	}
	// The drawn hole is the drawn inner district, point for point, reversed.
	hole, inner := o.Draw[0][1], in.Draw[0][0]
	if len(hole) != len(inner) {
		t.Fatalf("hole %v inner %v", hole, inner)
	}
	for i := range hole {
		if hole[i] != inner[(len(inner)-i)%len(inner)] {
			t.Fatalf("hole %v inner %v", hole, inner)
		}
	}
	c := math.Cos(m.Lat0 * math.Pi / 180)
	if want := 8 * 1e-4 * c; math.Abs(o.Area-want) > 1e-12 {
		t.Errorf("area %v, want %v", o.Area, want)
	}
}

// gridMap returns a batch of n×n towns, each a square whose sides are cut
// into k segments (4k points a ring), in d×d blocks of districts.
func gridMap(n, k, d int) *ingest.Batch {
	u := int64(10_000 * k)
	b := &ingest.Batch{Map: &ingest.BoundaryMap{File: "map/m.shp"}}
	for i := range d * d {
		b.Districts = append(b.Districts, ingest.District{Name: fmt.Sprint(i)})
	}
	for x := range n {
		for y := range n {
			x0, y0 := lon0+int64(x)*u, lat0+int64(y)*u
			var r ingest.Ring
			step := u / int64(k)
			for i := range int64(k) {
				r = append(r, ingest.LonLat{Lon: x0 + i*step, Lat: y0})
			}
			for i := range int64(k) {
				r = append(r, ingest.LonLat{Lon: x0 + u, Lat: y0 + i*step})
			}
			for i := range int64(k) {
				r = append(r, ingest.LonLat{Lon: x0 + u - i*step, Lat: y0 + u})
			}
			for i := range int64(k) {
				r = append(r, ingest.LonLat{Lon: x0, Lat: y0 + u - i*step})
			}
			dist := (x*d/n)*d + y*d/n
			b.Map.Features = append(b.Map.Features, ingest.MapFeature{District: dist, Rings: []ingest.Ring{r}})
		}
	}
	return b
}

func TestDissolveMapGrid(t *testing.T) {
	m := DissolveMap(gridMap(12, 5, 3))
	if len(m.Shapes) != 9 {
		t.Fatalf("%d shapes", len(m.Shapes))
	}
	for _, s := range m.Shapes {
		// 4×4 towns dissolve into one square: no holes, one part
		if len(s.Polygons) != 1 || len(s.Polygons[0].Holes) != 0 || len(s.Polygons[0].Outer) != 4*4*5 {
			t.Errorf("district %d: %d polygons, outer of %d points", s.District, len(s.Polygons), len(s.Polygons[0].Outer))
		}
	}
}

// BenchmarkDissolveMap: 100×100 towns of 100 points (a million points, about
// a whole prefecture's e-Stat file) in 100 districts.
func BenchmarkDissolveMap(b *testing.B) {
	batch := gridMap(100, 25, 10)
	b.ResetTimer()
	for range b.N {
		DissolveMap(batch)
	}
}

// crafted returns n overlapping triangles fanned round one shared vertex, and
// n tiny squares with a hole each: what a hostile boundary file may hold
// within the reader's limits.
func crafted(n int) []ingest.Ring {
	var rings []ingest.Ring
	c := ingest.LonLat{Lon: lon0, Lat: lat0}
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		p := ingest.LonLat{Lon: lon0 + int64(1e6*math.Cos(a)), Lat: lat0 + int64(1e6*math.Sin(a))}
		q := ingest.LonLat{Lon: lon0 + int64(1e6*math.Cos(a+1)), Lat: lat0 + int64(1e6*math.Sin(a+1))}
		rings = append(rings, ingest.Ring{c, p, q})
		x := lon0 + 2_000_000 + int64(i%300)*100
		y := lat0 + int64(i/300)*100
		hole := sq(x+10, y+10, 10)
		slices.Reverse(hole)
		rings = append(rings, sq(x, y, 50), hole)
	}
	return rings
}

// TestDissolveCrafted: overlapping rings through one vertex and many holes
// end (the result of overlapping input is not defined, only that it ends).
func TestDissolveCrafted(t *testing.T) {
	ps := Dissolve(crafted(3000))
	holes := 0
	for _, p := range ps {
		holes += len(p.Holes)
	}
	if len(ps) < 3000 || holes != 3000 {
		t.Errorf("%d polygons, %d holes", len(ps), holes)
	}
}

// BenchmarkDissolveCrafted: 100,000 fanned triangles and 100,000 holed squares
// (1.1 million points).
func BenchmarkDissolveCrafted(b *testing.B) {
	rings := crafted(craftedN)
	b.ResetTimer()
	for range b.N {
		Dissolve(rings)
	}
}

var craftedN = 100_000 // BenchmarkDissolveCrafted
