package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"midreview/analyze"
	"midreview/ingest"
)

// mapBatchFS returns testdata/batches/map as a MapFS, for swapping map/.
func mapBatchFS(t *testing.T) fstest.MapFS {
	t.Helper()
	root := filepath.Join("..", "testdata", "batches", "map")
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(root, p))
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func runMap(t *testing.T, fsys fs.FS) *analyze.Results {
	t.Helper()
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Problems {
		if p.Severity == ingest.Error {
			t.Fatalf("problem %v", p)
		}
	}
	res := analyze.Run(b)
	if res.Map == nil {
		t.Fatal("no map")
	}
	return res
}

func geoJSONBytes(t *testing.T, res *analyze.Results) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := DistrictsGeoJSON(&buf, res); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDistrictsGeoJSON checks the dissolved districts of testdata/batches/map
// against hand-computed areas and the ward outline, and that the Shapefile,
// a GeoJSON of the same towns and the written districts.geojson read back give
// the same districts.
func TestDistrictsGeoJSON(t *testing.T) {
	m := mapBatchFS(t)
	res := runMap(t, m)
	b, dm := res.Batch, res.Map
	// Areas: each district's area is the sum of its towns' (0.1%); by hand,
	// 北 3 cells, 中央 3, 南 3 (with the island), 港町 1, a cell 0.01°×0.01°×cos(35.515°).
	cell := 1e-4 * math.Cos(35.515*math.Pi/180)
	want := map[string]float64{"北": 3 * cell, "中央": 3 * cell, "南": 3 * cell}
	for _, s := range dm.Shapes {
		name := b.Districts[s.District].Name
		var towns float64
		for _, f := range b.Map.Features {
			if f.District == s.District {
				for _, r := range f.Rings {
					towns += dm.RingArea(r)
				}
			}
		}
		if math.Abs(s.Area-towns) > 0.001*towns || math.Abs(s.Area-want[name]) > 0.001*want[name] {
			t.Errorf("%s: area %v, towns %v, by hand %v", name, s.Area, towns, want[name])
		}
	}
	if dm.Unmatched == nil || math.Abs(dm.Unmatched.Area-cell) > 0.001*cell || len(dm.Missing) != 0 {
		t.Errorf("unmatched %v missing %v", dm.Unmatched, dm.Missing)
	}
	// No gaps: the districts (and the grey 港町) dissolve into the ward's
	// outline only: the 3×3 block and the island.
	var rings []ingest.Ring
	for _, s := range append(dm.Shapes, *dm.Unmatched) {
		for _, p := range s.Polygons {
			rings = append(append(rings, p.Outer), p.Holes...)
		}
	}
	ward := analyze.Dissolve(rings)
	if len(ward) != 2 || len(ward[0].Holes) != 0 || len(ward[1].Holes) != 0 ||
		math.Abs(dm.RingArea(ward[0].Outer)-9*cell) > 1e-3*cell || math.Abs(dm.RingArea(ward[1].Outer)-cell) > 1e-3*cell {
		t.Errorf("ward outline: %d polygons", len(ward))
	}

	gj := geoJSONBytes(t, res)
	if !json.Valid(gj) {
		t.Fatalf("invalid JSON:\n%s", gj)
	}
	if again := geoJSONBytes(t, runMap(t, m)); !bytes.Equal(gj, again) {
		t.Error("two runs differ")
	}
	if !strings.Contains(string(gj), `"地区名":"南","地区コード":"03","配布数":10,"回答者数":4,"回収率":40,"I1_値":null`) {
		t.Errorf("南's properties:\n%s", gj)
	}

	// The same districts from a GeoJSON of the towns, and from the districts
	// just written.
	towns := townsGeoJSON(b)
	for name, data := range map[string][]byte{"towns": towns, "districts": gj} {
		m2 := fstest.MapFS{}
		for p, f := range m {
			if !strings.HasPrefix(p, "map/") {
				m2[p] = f
			}
		}
		m2["map/b.geojson"] = &fstest.MapFile{Data: data}
		res2 := runMap(t, m2)
		if got, want := shapesText(res2.Map), shapesText(dm); got != want {
			t.Errorf("%s GeoJSON: districts\n%s\nwant\n%s", name, got, want)
		}
	}
}

func shapesText(m *analyze.DistrictMap) string {
	var b strings.Builder
	for _, s := range m.Shapes {
		fmt.Fprintf(&b, "%d %v\n", s.District, s.Polygons)
	}
	return b.String()
}

// townsGeoJSON writes the batch's map features as a GeoJSON of towns (S_NAME).
func townsGeoJSON(b *ingest.Batch) []byte {
	var s strings.Builder
	s.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range b.Map.Features {
		if i > 0 {
			s.WriteString(",")
		}
		fmt.Fprintf(&s, `{"type":"Feature","properties":{"S_NAME":%q},"geometry":{"type":"MultiPolygon","coordinates":[`, f.Name)
		for j, r := range f.Rings {
			if j > 0 {
				s.WriteString(",")
			}
			s.WriteString("[[")
			for k := 0; k <= len(r); k++ {
				p := r[k%len(r)]
				if k > 0 {
					s.WriteString(",")
				}
				fmt.Fprintf(&s, "[%s,%s]", degrees(p.Lon), degrees(p.Lat))
			}
			s.WriteString("]]")
		}
		s.WriteString("]}}")
	}
	s.WriteString("]}")
	return []byte(s.String())
}

func TestDegrees(t *testing.T) {
	for v, want := range map[int64]string{1396000000: "139.6", 355123456: "35.5123456", -1: "-0.0000001", 0: "0", -1800000000: "-180", 10: "0.000001"} {
		if got := degrees(v); got != want {
			t.Errorf("degrees(%d) = %q, want %q", v, got, want)
		}
	}
}
