package render

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"

	"midreview/analyze"
	"midreview/ingest"
)

// DistrictsGeoJSONFile is the path of the district boundaries inside OUT.
const DistrictsGeoJSONFile = "data/districts.geojson"

// DistrictsGeoJSON writes data/districts.geojson (outputs.md): an RFC 7946
// FeatureCollection with one MultiPolygon feature per district that has a
// boundary, in sheet order, in longitude/latitude (the boundary file's
// JGD2011/JGD2000, which GIS treats as WGS84 within centimetres). The
// geometry is the exact dissolved boundary (not the simplified drawing), each
// ring closed, outer rings counterclockwise. Properties (in this order):
// 地区名, 地区コード, 配布数, 回答者数, 回収率 (as in data/overview.csv), then for
// each indicator ID: "ID_値", "ID_n", "ID_評価" (as in data/indicators.csv;
// 値 null when suppressed or not computed).
// Note: written by hand, one feature per line, so that the bytes are fixed
// (property order, number format: the CSVs' shortest round-trip decimals;
// coordinates at most 7 decimals, the 1e-7 degree grid they were read on).
func DistrictsGeoJSON(w io.Writer, res *analyze.Results) error {
	bw := bufio.NewWriter(w)
	m, b := res.Map, res.Batch
	bw.WriteString(`{"type":"FeatureCollection","name":"districts","features":[`)
	for i, s := range m.Shapes {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{\"type\":\"Feature\",\"properties\":{")
		d := b.Districts[s.District]
		prop := func(first bool, key, val string) {
			if !first {
				bw.WriteString(",")
			}
			bw.WriteString(jsonString(key))
			bw.WriteString(":")
			bw.WriteString(val)
		}
		prop(true, "地区名", jsonString(d.Name))
		prop(false, "地区コード", jsonString(d.Code))
		dist, valid, rate := "null", "null", "null"
		for _, o := range res.Overview.Districts {
			if o.Name == d.Name {
				if o.Distributed > 0 {
					dist = strconv.Itoa(o.Distributed)
				}
				valid, rate = strconv.Itoa(o.Valid), jsonNumber(o.Rate)
				break
			}
		}
		prop(false, "配布数", dist)
		prop(false, "回答者数", valid)
		prop(false, "回収率", rate)
		for _, r := range res.Indicators {
			if r.Group != d.Name || r.Indicator < 0 || r.Indicator >= len(b.Indicators) {
				continue
			}
			id := b.Indicators[r.Indicator].ID
			val := jsonNumber(r.Current)
			if r.Suppressed {
				val = "null"
			}
			prop(false, id+"_値", val)
			prop(false, id+"_n", strconv.Itoa(r.CurrentN))
			prop(false, id+"_評価", jsonString(r.Evaluation))
		}
		bw.WriteString(`},"geometry":{"type":"MultiPolygon","coordinates":[`)
		for j, p := range s.Polygons {
			if j > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("[")
			writeRing(bw, p.Outer)
			for _, h := range p.Holes {
				bw.WriteString(",")
				writeRing(bw, h)
			}
			bw.WriteString("]")
		}
		bw.WriteString("]}}")
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// writeRing writes r as a closed GeoJSON ring.
func writeRing(bw *bufio.Writer, r ingest.Ring) {
	bw.WriteString("[")
	for i := 0; i <= len(r); i++ {
		p := r[i%len(r)]
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("[")
		bw.WriteString(degrees(p.Lon))
		bw.WriteString(",")
		bw.WriteString(degrees(p.Lat))
		bw.WriteString("]")
	}
	bw.WriteString("]")
}

// degrees formats v LonLat units (1e-7 degree) as decimal degrees, exactly,
// without trailing zeros: 1396000000 → "139.6".
func degrees(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v/1e7, 10)
	if f := v % 1e7; f != 0 {
		frac := strconv.FormatInt(f+1e7, 10)[1:]
		for frac[len(frac)-1] == '0' {
			frac = frac[:len(frac)-1]
		}
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// jsonNumber is csvFloat as a JSON value: null for NaN.
func jsonNumber(v float64) string {
	if s := csvFloat(v); s != "" {
		return s
	}
	return "null"
}

func jsonString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}
