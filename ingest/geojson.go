package ingest

import (
	"encoding/json"
	"strconv"
)

// GeoJSON boundaries (RFC 7946): a FeatureCollection whose features are
// Polygons or MultiPolygons (or GeometryCollections of them).
// Note: encoding/json keeps each geometry's coordinates as raw bytes, and
// parseCoords walks them counting points against maxMapPoints, so a file of
// ten million coordinates ends at the limit instead of building ten million
// []any values.

type gjCollection struct {
	Type     string      `json:"type"`
	Features []gjFeature `json:"features"`
}

type gjFeature struct {
	Type       string                     `json:"type"`
	Properties map[string]json.RawMessage `json:"properties"`
	Geometry   *gjGeometry                `json:"geometry"`
}

type gjGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
	Geometries  []gjGeometry    `json:"geometries"`
}

// A rawFeature is one feature of a GeoJSON file: its properties as text and its rings.
type rawFeature struct {
	props map[string]string
	rings []Ring
}

// readGeoJSON reads the features of a GeoJSON FeatureCollection.
func readGeoJSON(file string, data []byte, budget *mapBudget) ([]rawFeature, *mapError) {
	bad := func(h Hint, args ...string) *mapError {
		return &mapError{file: file, code: CodeBadMap, hint: h, args: args}
	}
	var fc gjCollection
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, bad(HintCause, err.Error())
	}
	if fc.Type != "FeatureCollection" {
		return nil, bad(HintMapNotCollection)
	}
	if len(fc.Features) > maxMapFeatures {
		return nil, bad(HintMapTooBig, strconv.Itoa(maxMapFeatures), strconv.Itoa(maxMapPoints))
	}
	out := make([]rawFeature, 0, len(fc.Features))
	for i, f := range fc.Features {
		rf := rawFeature{props: map[string]string{}}
		for k, v := range f.Properties {
			rf.props[k] = jsonText(v)
		}
		if f.Geometry != nil {
			if err := addGeometry(&rf, f.Geometry, budget, 0); err != nil {
				err.file = file
				if err.hint == HintMapRecord || err.hint == HintMapNotLonLat {
					err.args[0] = strconv.Itoa(i + 1)
				}
				return nil, err
			}
		}
		orientFeature(rf.rings)
		out = append(out, rf)
	}
	return out, nil
}

// jsonText returns a property value as text: a string unquoted, a number as
// written, anything else (null, objects) as "".
func jsonText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(v, &n) == nil {
		return n.String()
	}
	return ""
}

// addGeometry adds the rings of g to f: the first ring of each polygon is its
// outer ring (turned counterclockwise), the others its holes (clockwise).
func addGeometry(f *rawFeature, g *gjGeometry, budget *mapBudget, depth int) *mapError {
	var polys [][][][2]float64
	switch g.Type {
	case "Polygon":
		var p [][][2]float64
		if err := parseCoords(g.Coordinates, 3, budget, func(rings [][][2]float64) { p = rings }); err != nil {
			return err
		}
		polys = [][][][2]float64{p}
	case "MultiPolygon":
		if err := parseCoords(g.Coordinates, 4, budget, func(rings [][][2]float64) { polys = append(polys, rings) }); err != nil {
			return err
		}
	case "GeometryCollection":
		if depth > 0 {
			return &mapError{code: CodeBadMap, hint: HintMapRecord, args: []string{""}}
		}
		for i := range g.Geometries {
			if err := addGeometry(f, &g.Geometries[i], budget, depth+1); err != nil {
				return err
			}
		}
		return nil
	default:
		return nil // points and lines bound nothing
	}
	for _, p := range polys {
		for j, coords := range p {
			ring := make([]LonLat, 0, len(coords))
			for _, c := range coords {
				q, ok := toLonLat(c[0], c[1])
				if !ok {
					return &mapError{code: CodeBadMap, hint: HintMapNotLonLat, args: []string{"", fmtCoord(c[0]), fmtCoord(c[1])}}
				}
				ring = append(ring, q)
			}
			r := cleanRing(ring)
			if r == nil {
				continue
			}
			if outer := j == 0; outer != (RingArea(r) > 0) {
				reverseRing(r)
			}
			f.rings = append(f.rings, r)
		}
	}
	return nil
}

// parseCoords walks a coordinates array nested depth deep (3: a Polygon, 4: a
// MultiPolygon) and calls poly with each polygon's rings of positions.
// Positions take their first two numbers (a third, the height, is ignored).
// The points are counted against budget as they are read.
func parseCoords(raw []byte, depth int, budget *mapBudget, poly func([][][2]float64)) *mapError {
	p := &coordParser{s: raw, budget: budget}
	bad := &mapError{code: CodeBadMap, hint: HintMapRecord, args: []string{""}}
	p.ws()
	if depth == 4 {
		if !p.list(func() bool {
			rings, ok := p.polygon()
			if ok {
				poly(rings)
			}
			return ok
		}) {
			return p.fail(bad)
		}
	} else {
		rings, ok := p.polygon()
		if !ok {
			return p.fail(bad)
		}
		poly(rings)
	}
	p.ws()
	if p.i != len(p.s) {
		return bad
	}
	return nil
}

// A coordParser reads nested JSON arrays of numbers.
type coordParser struct {
	s      []byte
	i      int
	budget *mapBudget
	over   bool // the point budget ran out
}

func (p *coordParser) fail(bad *mapError) *mapError {
	if p.over {
		return &mapError{code: CodeBadMap, hint: HintMapTooBig, args: []string{strconv.Itoa(maxMapFeatures), strconv.Itoa(maxMapPoints)}}
	}
	return bad
}

func (p *coordParser) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\n' || p.s[p.i] == '\r' || p.s[p.i] == '\t') {
		p.i++
	}
}

// list reads [item, item, ...] calling item for each; it reports success.
func (p *coordParser) list(item func() bool) bool {
	p.ws()
	if p.i >= len(p.s) || p.s[p.i] != '[' {
		return false
	}
	p.i++
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return true
	}
	for {
		if !item() {
			return false
		}
		p.ws()
		if p.i >= len(p.s) {
			return false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return true
		default:
			return false
		}
	}
}

func (p *coordParser) polygon() ([][][2]float64, bool) {
	var rings [][][2]float64
	ok := p.list(func() bool {
		var ring [][2]float64
		ok := p.list(func() bool {
			if !p.budget.take(1) {
				p.over = true
				return false
			}
			var pos [2]float64
			n := 0
			ok := p.list(func() bool {
				p.ws()
				j := p.i
				for j < len(p.s) && (p.s[j] == '-' || p.s[j] == '+' || p.s[j] == '.' || p.s[j] == 'e' || p.s[j] == 'E' || (p.s[j] >= '0' && p.s[j] <= '9')) {
					j++
				}
				v, err := strconv.ParseFloat(string(p.s[p.i:j]), 64)
				if err != nil || j-p.i > 40 {
					return false
				}
				p.i = j
				if n < 2 {
					pos[n] = v
				}
				n++
				return n <= 4
			})
			if !ok || n < 2 {
				return false
			}
			ring = append(ring, pos)
			return true
		})
		rings = append(rings, ring)
		return ok
	})
	return rings, ok
}
