package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"midreview/internal/shpbuild"
)

// mapSquares is a row of unit squares (0.01° a side) along longitude 139.6,
// latitude 35.5: one feature each, named by names.
func mapSquares(names ...string) *shpbuild.File {
	f := &shpbuild.File{Fields: []string{"KEY_CODE", "S_NAME"}}
	for i, n := range names {
		x := 139.6 + 0.01*float64(i)
		f.Features = append(f.Features, shpbuild.Feature{
			Rings: [][]shpbuild.Point{shpbuild.Rect(x, 35.5, x+0.01, 35.51)}, Values: []string{fmt.Sprintf("1410900%02d", i+1), n}})
	}
	return f
}

// withMap returns the small batch with files added under map/ as base.EXT.
func withMap(t *testing.T, base string, files map[string][]byte) fstest.MapFS {
	t.Helper()
	m := BatchFS(t, "small")
	for ext, data := range files {
		m["map/"+base+ext] = &fstest.MapFile{Data: data}
	}
	return m
}

func shpFiles(t *testing.T, f *shpbuild.File) map[string][]byte {
	t.Helper()
	files, err := f.Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// mapProblems returns the problems of a read whose code starts with map- or
// is bad-map or file-encoding, as code@file:value.
func mapProblems(t *testing.T, fsys fstest.MapFS) (*Batch, []string) {
	t.Helper()
	b, err := Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range b.Problems {
		if strings.HasPrefix(string(p.Code), "map-") || p.Code == CodeBadMap || strings.HasPrefix(p.File, "map/") {
			got = append(got, fmt.Sprintf("%s@%s:%s", p.Code, p.File, p.Value))
		}
	}
	return b, got
}

func TestReadMapShapefile(t *testing.T) {
	for _, utf8 := range []bool{false, true} {
		f := mapSquares("南町一丁目", "中央", "北部", "港町")
		f.UTF8 = utf8
		b, got := mapProblems(t, withMap(t, "r2ka14109", shpFiles(t, f)))
		want := []string{"map-unmatched@map/r2ka14109.shp:港町"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("utf8=%v: problems %q, want %q", utf8, got, want)
		}
		if b.Map == nil {
			t.Fatal("no map")
		}
		var dists []int
		for _, ft := range b.Map.Features {
			dists = append(dists, ft.District)
		}
		// 南町一丁目 is the town 南町１丁目 (南); 中央 a district name; 北部 an alias of 北.
		if want := []int{2, 1, 0, NoDistrict}; fmt.Sprint(dists) != fmt.Sprint(want) {
			t.Errorf("districts %v, want %v", dists, want)
		}
		if b.Map.Features[0].Town != 0 || b.Map.Features[1].Town != -1 {
			t.Errorf("towns %d %d", b.Map.Features[0].Town, b.Map.Features[1].Town)
		}
		r := b.Map.Features[0].Rings
		if len(r) != 1 || len(r[0]) != 4 || RingArea(r[0]) <= 0 {
			t.Errorf("rings %v: want one counterclockwise square", r)
		}
		if r[0][3] != (LonLat{1396000000, 355000000}) {
			t.Errorf("last point %v", r[0][3])
		}
		if b.Map.Features[0].Code != "141090001" || b.Map.NameAttr != "S_NAME" {
			t.Errorf("code %q attr %q", b.Map.Features[0].Code, b.Map.NameAttr)
		}
	}
}

func TestReadMapGeoJSON(t *testing.T) {
	gj := `{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"地区名":"北","地区コード":"01"},"geometry":{"type":"Polygon","coordinates":[[[139.6,35.5],[139.61,35.5],[139.61,35.51],[139.6,35.51],[139.6,35.5]],[[139.602,35.502],[139.602,35.504],[139.604,35.504],[139.604,35.502],[139.602,35.502]]]}},
 {"type":"Feature","properties":{"地区名":"名前違い","地区コード":"02"},"geometry":{"type":"MultiPolygon","coordinates":[[[[139.61,35.5],[139.62,35.5],[139.62,35.51],[139.61,35.5]]],[[[139.7,35.5],[139.71,35.5],[139.71,35.51],[139.7,35.5]]]]}},
 {"type":"Feature","properties":{"地区名":"港","地区コード":99},"geometry":null}
]}`
	b, got := mapProblems(t, withMap(t, "districts", map[string][]byte{".geojson": []byte(gj)}))
	want := []string{"map-no-boundary@map/districts.geojson:南", "map-unmatched@map/districts.geojson:港"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	fs := b.Map.Features
	if fs[0].District != 0 || fs[1].District != 1 || len(fs[0].Rings) != 2 || len(fs[1].Rings) != 2 {
		t.Fatalf("features %+v", fs)
	}
	if RingArea(fs[0].Rings[0]) <= 0 || RingArea(fs[0].Rings[1]) >= 0 {
		t.Errorf("outer ring must run counterclockwise, the hole clockwise")
	}
}

func TestReadMapSetting(t *testing.T) {
	f := mapSquares("x", "y")
	f.Fields = []string{"CODE", "町丁名"}
	f.Features[0].Values = []string{"01", "南町1丁目"}
	f.Features[1].Values = []string{"02", "中央"}
	m := withMap(t, "towns", shpFiles(t, f))
	_, got := mapProblems(t, m)
	if want := "[bad-map@map/towns.shp:]"; fmt.Sprint(got) != want {
		t.Errorf("without 地図の名前列: %q, want %s", got, want)
	}
}

// crafted returns bytes of a .shp with one polygon record that declares
// nPoints points while holding have.
func craftedShp(nParts, nPoints int32, have int) []byte {
	var c bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&c, le, int32(5))
	_ = binary.Write(&c, le, [4]float64{139, 35, 140, 36})
	_ = binary.Write(&c, le, [2]int32{nParts, nPoints})
	_ = binary.Write(&c, le, make([]int32, max(nParts, 0)))
	for i := 0; i < have; i++ {
		_ = binary.Write(&c, le, [2]float64{139.5 + float64(i%2)*0.01, 35.5 + float64(i/2%2)*0.01})
	}
	var h bytes.Buffer
	_ = binary.Write(&h, binary.BigEndian, [7]int32{9994, 0, 0, 0, 0, 0, int32(50 + 4 + c.Len()/2)})
	_ = binary.Write(&h, le, [2]int32{1000, 5})
	_ = binary.Write(&h, le, [8]float64{})
	_ = binary.Write(&h, binary.BigEndian, [2]int32{1, int32(c.Len() / 2)})
	return append(h.Bytes(), c.Bytes()...)
}

func TestReadMapBad(t *testing.T) {
	good := shpFiles(t, mapSquares("南町一丁目", "中央"))
	with := func(ext string, data []byte) map[string][]byte {
		m := map[string][]byte{}
		for k, v := range good {
			m[k] = v
		}
		if data == nil {
			delete(m, ext)
		} else {
			m[ext] = data
		}
		return m
	}
	sjisAsUTF8 := with(".cpg", []byte("UTF-8"))
	truncated := with(".shp", good[".shp"][:len(good[".shp"])-10])
	huge := with(".shp", craftedShp(1, 10_000_000, 4))
	negative := with(".shp", craftedShp(-1, -5, 0))
	many := with(".shp", craftedShp(3_000_000, 3_000_000, 0))
	dbfLie := with(".dbf", append(bytes.Clone(good[".dbf"][:4]), append([]byte{0xff, 0xff, 0xff, 0x0f}, good[".dbf"][8:]...)...))
	proj := with(".prj", []byte(`PROJCS["JGD2011 / Japan Plane Rectangular CS IX",GEOGCS["JGD2011"]]`))
	noDBF := with(".dbf", nil)
	for _, tt := range []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"cpg says UTF-8, attributes in Shift_JIS", sjisAsUTF8, "[file-encoding@map/m.dbf:]"},
		{"truncated record", truncated, "[bad-map@map/m.shp:]"},
		{"ten million points declared", huge, "[bad-map@map/m.shp:]"},
		{"negative counts", negative, "[bad-map@map/m.shp:]"},
		{"three million parts declared", many, "[bad-map@map/m.shp:]"},
		{"dbf record count past the end", dbfLie, "[bad-map@map/m.dbf:]"},
		{"projected coordinates", proj, "[bad-map@map/m.prj:]"},
		{"no .dbf", noDBF, "[bad-map@map/m.shp:]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, got := mapProblems(t, withMap(t, "m", tt.files))
			if fmt.Sprint(got) != tt.want {
				t.Errorf("problems %q, want %s", got, tt.want)
			}
			if b.Map != nil {
				t.Errorf("a map from a bad file")
			}
			for _, p := range b.Problems {
				if p.Code == CodeBadMap || p.Code == CodeFileEncoding {
					if p.Severity != Error || p.File == "" {
						t.Errorf("%+v: want an error naming the file", p)
					}
				}
			}
		})
	}
	t.Run("a zip not unpacked", func(t *testing.T) {
		m := BatchFS(t, "small")
		m["map/A002005212020DDSWC14109.zip"] = &fstest.MapFile{Data: []byte("PK")}
		b, got := mapProblems(t, m)
		if fmt.Sprint(got) != "[bad-map@map/:]" || b.Map != nil || b.Problems[len(b.Problems)-1].Severity != Warning {
			t.Errorf("problems %q", got)
		}
	})
	t.Run("two boundary files", func(t *testing.T) {
		m := withMap(t, "m", good)
		m["map/b.geojson"] = &fstest.MapFile{Data: []byte(`{}`)}
		if _, got := mapProblems(t, m); fmt.Sprint(got) != "[bad-map@map/:]" {
			t.Errorf("problems %q", got)
		}
	})
}

func TestReadMapGeoJSONBad(t *testing.T) {
	var big strings.Builder
	big.WriteString(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"北"},"geometry":{"type":"Polygon","coordinates":[[`)
	for i := 0; i < 3_000_000; i++ {
		big.WriteString("[0,0],")
	}
	big.WriteString(`[0,0]]]}}]}`)
	for _, tt := range []struct{ name, gj, want string }{
		{"three million coordinates", big.String(), "[bad-map@map/m.geojson:]"},
		{"not JSON", `{"type":`, "[bad-map@map/m.geojson:]"},
		{"a Feature, not a collection", `{"type":"Feature"}`, "[bad-map@map/m.geojson:]"},
		{"projected", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"北"},"geometry":{"type":"Polygon","coordinates":[[[-25000,12000],[-24000,12000],[-24000,13000],[-25000,12000]]]}}]}`, "[bad-map@map/m.geojson:]"},
		{"broken coordinates", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"北"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3]]]}}]}`, "[bad-map@map/m.geojson:]"},
		{"nested too deep", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"北"},"geometry":{"type":"Polygon","coordinates":[[[[1,2]]]]}}]}`, "[bad-map@map/m.geojson:]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, got := mapProblems(t, withMap(t, "m", map[string][]byte{".geojson": []byte(tt.gj)}))
			if fmt.Sprint(got) != tt.want || b.Map != nil {
				t.Errorf("problems %q, want %s", got, tt.want)
			}
		})
	}
}

// FuzzReadShapefile feeds byte-level variations of a valid .shp and .dbf to
// the readers: nothing panics, and what is read is within the limits.
func FuzzReadShapefile(f *testing.F) {
	files, err := mapSquares("南町一丁目", "中央", "北").Files()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(files[".shp"], files[".dbf"])
	f.Add(craftedShp(1, 10_000_000, 4), files[".dbf"])
	f.Add(craftedShp(2, 5, 5), files[".dbf"][:40])
	f.Fuzz(func(t *testing.T, shp, dbf []byte) {
		shapes, err := readShp("m.shp", shp, &mapBudget{})
		if err == nil {
			n := 0
			for _, s := range shapes {
				for _, r := range s.rings {
					if len(r) < 3 {
						t.Fatalf("ring of %d points", len(r))
					}
					n += len(r)
				}
			}
			if n > maxMapPoints || len(shapes) > maxMapFeatures {
				t.Fatalf("%d points, %d shapes past the limits", n, len(shapes))
			}
		} else if err.file == "" || err.code == "" {
			t.Fatalf("error without file or code: %+v", err)
		}
		for _, enc := range []int{encAuto, encUTF8, encSJIS} {
			if tb, err := readDBF("m.dbf", dbf, enc); err == nil {
				for _, r := range tb.rows {
					if len(r) != len(tb.names) {
						t.Fatalf("row of %d values for %d fields", len(r), len(tb.names))
					}
				}
			}
		}
	})
}

// FuzzReadGeoJSON feeds byte-level variations of GeoJSON to the reader.
func FuzzReadGeoJSON(f *testing.F) {
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"北","n":1},"geometry":{"type":"MultiPolygon","coordinates":[[[[139.6,35.5],[139.61,35.5],[139.61,35.51],[139.6,35.5]]]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[1,2,3],[2,2],[2,3],[1,2]],[]]}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feats, err := readGeoJSON("m.geojson", data, &mapBudget{})
		if err != nil {
			if err.file == "" || err.code == "" {
				t.Fatalf("error without file or code: %+v", err)
			}
			return
		}
		for _, ft := range feats {
			for _, r := range ft.rings {
				if len(r) < 3 {
					t.Fatalf("ring of %d points", len(r))
				}
			}
		}
	})
}

func TestReadMapNameSetting(t *testing.T) {
	f := mapSquares("x", "y")
	f.Fields = []string{"CODE", "町丁名"}
	f.Features[0].Values = []string{"01", "南町1丁目"}
	f.Features[1].Values = []string{"02", "中央"}
	m := withMap(t, "towns", shpFiles(t, f))
	b, err := Read(m)
	if err != nil {
		t.Fatal(err)
	}
	b.Map, b.Problems = nil, nil
	b.Settings.MapName = " 町丁名 "
	rd := &reader{fsys: m, b: b}
	if err := rd.readMap(); err != nil {
		t.Fatal(err)
	}
	var codes []Code
	for _, p := range b.Problems {
		codes = append(codes, p.Code)
	}
	if b.Map == nil || b.Map.NameAttr != "町丁名" || fmt.Sprint(codes) != "[map-no-boundary]" {
		t.Fatalf("map %+v, problems %v", b.Map, codes)
	}
}
