package ingest

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// A small bounded reader of ESRI Shapefiles (.shp polygons and their .dbf
// attributes), as e-Stat distributes its 小地域（町丁・字等）境界データ.
// Note: github.com/jonas-p/go-shp, the Go library for the format, allocates
// its slices from the counts a record declares (make([]Point, NumPoints)) and
// ignores read errors, so a crafted record asks for gigabytes or panics on a
// negative count. Polygons are 60 lines of binary layout, so the reader is
// written here: every count is checked against the bytes actually present
// before anything is allocated (docs/design.md, 地図).

// Limits of the boundary files. A ward's e-Stat file holds a few hundred
// towns and some 10⁴–10⁵ points.
const (
	maxMapFileBytes = 128 << 20 // per file of map/
	maxMapPoints    = 1_000_000 // points of all features
	maxMapFeatures  = 100_000
)

// A mapError is why a boundary file could not be read: the file and the
// problem's code and hint.
type mapError struct {
	file string
	code Code
	hint Hint
	args []string
}

func (e *mapError) Error() string { return e.file + ": " + string(e.code) + " " + string(e.hint) }

// A rawShape is one record of a .shp file.
type rawShape struct {
	rings []Ring
}

// mapBudget counts the points read against maxMapPoints.
type mapBudget struct{ points int }

func (b *mapBudget) take(n int) bool {
	if n < 0 || n > maxMapPoints-b.points {
		return false
	}
	b.points += n
	return true
}

// Shapefile shape types read: polygons, with or without Z and M values
// (which follow the points and are not read); 0 is a null shape.
const (
	shpNull     = 0
	shpPolygon  = 5
	shpPolygonZ = 15
	shpPolygonM = 25
)

// readShp reads the polygons of a .shp file. Records are read in file order
// and checked against the bytes present: a count that does not fit its record
// is an error, never an allocation.
func readShp(file string, data []byte, budget *mapBudget) ([]rawShape, *mapError) {
	bad := func(h Hint, args ...string) *mapError {
		return &mapError{file: file, code: CodeBadMap, hint: h, args: args}
	}
	if len(data) < 100 || binary.BigEndian.Uint32(data[0:]) != 9994 {
		return nil, bad(HintMapNotShp)
	}
	switch t := int32(binary.LittleEndian.Uint32(data[32:])); t {
	case shpNull, shpPolygon, shpPolygonZ, shpPolygonM:
	default:
		return nil, bad(HintMapShapeType, strconv.Itoa(int(t)))
	}
	var out []rawShape
	off := 100
	for off < len(data) {
		rec := len(out) + 1
		if len(data)-off < 12 {
			return nil, bad(HintMapRecord, strconv.Itoa(rec))
		}
		words := int64(int32(binary.BigEndian.Uint32(data[off+4:])))
		if words < 2 || words*2 > int64(len(data)-off-8) {
			return nil, bad(HintMapRecord, strconv.Itoa(rec))
		}
		body := data[off+8 : off+8+int(words*2)]
		off += 8 + int(words*2)
		if len(out) >= maxMapFeatures {
			return nil, bad(HintMapTooBig, strconv.Itoa(maxMapFeatures), strconv.Itoa(maxMapPoints))
		}
		t := int32(binary.LittleEndian.Uint32(body))
		if t == shpNull {
			out = append(out, rawShape{})
			continue
		}
		if t != shpPolygon && t != shpPolygonZ && t != shpPolygonM {
			return nil, bad(HintMapShapeType, strconv.Itoa(int(t)))
		}
		if len(body) < 44 {
			return nil, bad(HintMapRecord, strconv.Itoa(rec))
		}
		nParts := int64(int32(binary.LittleEndian.Uint32(body[36:])))
		nPoints := int64(int32(binary.LittleEndian.Uint32(body[40:])))
		if nParts < 0 || nPoints < 0 || 44+4*nParts+16*nPoints > int64(len(body)) || nParts > nPoints ||
			(nParts == 0) != (nPoints == 0) {
			return nil, bad(HintMapRecord, strconv.Itoa(rec))
		}
		if !budget.take(int(nPoints)) {
			return nil, bad(HintMapTooBig, strconv.Itoa(maxMapFeatures), strconv.Itoa(maxMapPoints))
		}
		parts := body[44 : 44+4*nParts]
		pts := body[44+4*nParts:]
		var s rawShape
		for i := int64(0); i < nParts; i++ {
			from := int64(int32(binary.LittleEndian.Uint32(parts[4*i:])))
			to := nPoints
			if i+1 < nParts {
				to = int64(int32(binary.LittleEndian.Uint32(parts[4*i+4:])))
			}
			if from < 0 || to > nPoints || from >= to || (i == 0 && from != 0) {
				return nil, bad(HintMapRecord, strconv.Itoa(rec))
			}
			ring := make([]LonLat, 0, to-from)
			for k := from; k < to; k++ {
				x := math.Float64frombits(binary.LittleEndian.Uint64(pts[16*k:]))
				y := math.Float64frombits(binary.LittleEndian.Uint64(pts[16*k+8:]))
				p, ok := toLonLat(x, y)
				if !ok {
					return nil, bad(HintMapNotLonLat, strconv.Itoa(rec), fmtCoord(x), fmtCoord(y))
				}
				ring = append(ring, p)
			}
			if r := cleanRing(ring); r != nil {
				// Note: a Shapefile's outer rings run clockwise and its holes
				// counterclockwise; a MapFeature's the other way round.
				reverseRing(r)
				s.rings = append(s.rings, r)
			}
		}
		orientFeature(s.rings)
		out = append(out, s)
	}
	return out, nil
}

func fmtCoord(v float64) string { return strconv.FormatFloat(v, 'g', 10, 64) }

// toLonLat rounds a longitude and latitude to LonLat units, and reports
// whether they are a longitude and latitude at all (finite, within ±180 and ±90).
func toLonLat(x, y float64) (LonLat, bool) {
	if math.IsNaN(x) || math.IsNaN(y) || x < -180 || x > 180 || y < -90 || y > 90 {
		return LonLat{}, false
	}
	return LonLat{int64(math.Round(x * LonLatUnit)), int64(math.Round(y * LonLatUnit))}, true
}

// cleanRing drops the closing point and repeated points of ring, in place,
// and returns it, or nil when fewer than three points remain.
func cleanRing(ring []LonLat) Ring {
	out := ring[:0]
	for _, p := range ring {
		if len(out) > 0 && out[len(out)-1] == p {
			continue
		}
		out = append(out, p)
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	if len(out) < 3 {
		return nil
	}
	return Ring(out)
}

func reverseRing(r Ring) {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
}

// RingArea returns twice the signed area of r in LonLat units squared
// (longitude as x, latitude as y): positive when r runs counterclockwise.
func RingArea(r Ring) float64 {
	if len(r) < 3 {
		return 0
	}
	o := r[0]
	var a float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		a += float64(p.Lon-o.Lon)*float64(q.Lat-o.Lat) - float64(q.Lon-o.Lon)*float64(p.Lat-o.Lat)
	}
	return a
}

// orientFeature turns all of a feature's rings round when they enclose a
// negative area: a file that wrote its rings the other way round.
func orientFeature(rings []Ring) {
	var total float64
	for _, r := range rings {
		total += RingArea(r)
	}
	if total < 0 {
		for _, r := range rings {
			reverseRing(r)
		}
	}
}

// A dbfTable is the attribute table of a .dbf file: field names and one row
// of text values per record.
type dbfTable struct {
	names []string
	rows  [][]string
}

// Encodings a .cpg file may name.
const (
	encAuto = iota // UTF-8 when valid, else Shift_JIS (no .cpg)
	encUTF8
	encSJIS
)

// cpgEncoding returns the encoding a .cpg file names; an unknown name is encAuto.
func cpgEncoding(data []byte) int {
	switch strings.ToUpper(NormKey(string(data))) {
	case "UTF-8", "UTF8", "65001":
		return encUTF8
	case "SJIS", "SHIFT_JIS", "SHIFT-JIS", "CP932", "932", "WINDOWS-31J", "MS932", "MS_KANJI":
		return encSJIS
	}
	return encAuto
}

// readDBF reads a dBASE table: header, field descriptors, then fixed-length
// records, each checked against the bytes present.
func readDBF(file string, data []byte, enc int) (*dbfTable, *mapError) {
	bad := func(h Hint, args ...string) *mapError {
		return &mapError{file: file, code: CodeBadMap, hint: h, args: args}
	}
	if len(data) < 33 {
		return nil, bad(HintMapNotDBF)
	}
	nRec := int64(binary.LittleEndian.Uint32(data[4:]))
	hdrLen := int(binary.LittleEndian.Uint16(data[8:]))
	recLen := int(binary.LittleEndian.Uint16(data[10:]))
	if hdrLen < 33 || hdrLen > len(data) || recLen < 1 {
		return nil, bad(HintMapNotDBF)
	}
	type field struct{ off, n int }
	var t dbfTable
	var fields []field
	pos := 1 // after the deletion flag
	for d := 32; d+32 <= hdrLen && data[d] != 0x0d; d += 32 {
		name := string(bytes.TrimRight(bytes.SplitN(data[d:d+11], []byte{0}, 2)[0], " "))
		n := int(data[d+16])
		if data[d+11] == 'C' {
			n += int(data[d+17]) << 8 // long character fields keep the high byte in the decimal count
		}
		if pos+n > recLen {
			return nil, bad(HintMapNotDBF)
		}
		fields = append(fields, field{pos, n})
		t.names = append(t.names, name)
		pos += n
	}
	if nRec > int64(len(data)-hdrLen)/int64(recLen) || nRec > maxMapFeatures {
		return nil, bad(HintMapDBFRecords, strconv.FormatInt(nRec, 10))
	}
	dec := japanese.ShiftJIS.NewDecoder()
	for i := int64(0); i < nRec; i++ {
		rec := data[hdrLen+int(i)*recLen : hdrLen+int(i+1)*recLen]
		row := make([]string, len(fields))
		for j, f := range fields {
			raw := bytes.TrimRight(bytes.TrimSpace(rec[f.off:f.off+f.n]), "\x00")
			if len(raw) == 0 {
				continue
			}
			var s string
			switch {
			case (enc == encUTF8 || enc == encAuto) && utf8.Valid(raw):
				s = string(raw)
			case enc == encUTF8:
				return nil, &mapError{file: file, code: CodeFileEncoding, hint: HintMapEncoding, args: []string{"UTF-8"}}
			default:
				b, err := dec.Bytes(raw)
				if err != nil || bytes.ContainsRune(b, utf8.RuneError) {
					return nil, &mapError{file: file, code: CodeFileEncoding, hint: HintMapEncoding, args: []string{"Shift_JIS"}}
				}
				s = string(b)
			}
			if strings.IndexByte(s, 0) >= 0 {
				return nil, &mapError{file: file, code: CodeFileEncoding}
			}
			row[j] = strings.TrimSpace(s)
		}
		t.rows = append(t.rows, row)
	}
	return &t, nil
}
