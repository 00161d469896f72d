// Package shpbuild writes small ESRI Shapefiles (.shp, .shx, .dbf, .prj, and
// optionally .cpg) of polygons with text attributes, in e-Stat's layout, for
// test batches and tests: synthetic boundaries, never downloaded ones.
package shpbuild

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"

	"golang.org/x/text/encoding/japanese"
)

// A Point is a longitude (X) and latitude (Y).
type Point struct{ X, Y float64 }

// A Feature is one record: its rings, each closed or not (the writer closes
// them), and its attribute values in the order of File.Fields.
// Note: as in the format, outer rings run clockwise and holes counterclockwise;
// Square and Rect return clockwise rings.
type Feature struct {
	Rings  [][]Point
	Values []string
}

// A File is a Shapefile to write.
type File struct {
	Fields   []string // character attributes, e.g. KEY_CODE, S_NAME
	Width    int      // bytes per attribute (default 60)
	Features []Feature
	// UTF8 writes the attributes in UTF-8 with a .cpg saying so; otherwise
	// they are Shift_JIS without a .cpg, as e-Stat distributes them.
	UTF8 bool
}

// PRJ is the .prj text of JGD2011 longitude/latitude, as e-Stat's files carry.
const PRJ = `GEOGCS["JGD2011",DATUM["Japanese_Geodetic_Datum_2011",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`

// Rect returns the clockwise ring of the rectangle [x0,x1]×[y0,y1].
func Rect(x0, y0, x1, y1 float64) []Point {
	return []Point{{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}}
}

// Files returns the file contents by extension (".shp", ".shx", ".dbf", ".prj", ".cpg").
func (f *File) Files() (map[string][]byte, error) {
	shp, shx := f.shp()
	dbf, err := f.dbf()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{".shp": shp, ".shx": shx, ".dbf": dbf, ".prj": []byte(PRJ)}
	if f.UTF8 {
		out[".cpg"] = []byte("UTF-8")
	}
	return out, nil
}

func closed(r []Point) []Point {
	if len(r) > 0 && r[0] != r[len(r)-1] {
		r = append(append([]Point(nil), r...), r[0])
	}
	return r
}

func (f *File) shp() (shp, shx []byte) {
	le, be := binary.LittleEndian, binary.BigEndian
	var body, index bytes.Buffer
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	off := 50 // words
	for i, ft := range f.Features {
		var pts []Point
		var parts []int32
		for _, r := range ft.Rings {
			parts = append(parts, int32(len(pts)))
			pts = append(pts, closed(r)...)
		}
		bx0, by0, bx1, by1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range pts {
			bx0, by0, bx1, by1 = math.Min(bx0, p.X), math.Min(by0, p.Y), math.Max(bx1, p.X), math.Max(by1, p.Y)
		}
		minX, minY, maxX, maxY = math.Min(minX, bx0), math.Min(minY, by0), math.Max(maxX, bx1), math.Max(maxY, by1)
		var c bytes.Buffer
		w := func(v any) { _ = binary.Write(&c, le, v) }
		w(int32(5))
		w([4]float64{bx0, by0, bx1, by1})
		w(int32(len(parts)))
		w(int32(len(pts)))
		w(parts)
		for _, p := range pts {
			w([2]float64{p.X, p.Y})
		}
		words := c.Len() / 2
		_ = binary.Write(&body, be, [2]int32{int32(i + 1), int32(words)})
		body.Write(c.Bytes())
		_ = binary.Write(&index, be, [2]int32{int32(off), int32(words)})
		off += 4 + words
	}
	header := func(lenWords int) []byte {
		var h bytes.Buffer
		_ = binary.Write(&h, be, [7]int32{9994, 0, 0, 0, 0, 0, int32(lenWords)})
		_ = binary.Write(&h, le, [2]int32{1000, 5})
		_ = binary.Write(&h, le, [8]float64{minX, minY, maxX, maxY})
		return h.Bytes()
	}
	shp = append(header(50+body.Len()/2), body.Bytes()...)
	shx = append(header(50+index.Len()/2), index.Bytes()...)
	return shp, shx
}

func (f *File) dbf() ([]byte, error) {
	width := f.Width
	if width == 0 {
		width = 60
	}
	le := binary.LittleEndian
	var b bytes.Buffer
	hdrLen := 32 + 32*len(f.Fields) + 1
	recLen := 1 + width*len(f.Fields)
	b.WriteByte(3)
	b.Write([]byte{126, 1, 1}) // last update 2026-01-01
	_ = binary.Write(&b, le, uint32(len(f.Features)))
	_ = binary.Write(&b, le, uint16(hdrLen))
	_ = binary.Write(&b, le, uint16(recLen))
	b.Write(make([]byte, 20))
	for _, name := range f.Fields {
		d := make([]byte, 32)
		copy(d, name)
		d[11] = 'C'
		d[16] = byte(width)
		b.Write(d)
	}
	b.WriteByte(0x0d)
	enc := japanese.ShiftJIS.NewEncoder()
	for _, ft := range f.Features {
		b.WriteByte(' ')
		for j := range f.Fields {
			v := ""
			if j < len(ft.Values) {
				v = ft.Values[j]
			}
			raw := []byte(v)
			if !f.UTF8 {
				var err error
				if raw, err = enc.Bytes(raw); err != nil {
					return nil, fmt.Errorf("shpbuild: %q in Shift_JIS: %w", v, err)
				}
			}
			if len(raw) > width {
				return nil, fmt.Errorf("shpbuild: %q is longer than %d bytes", v, width)
			}
			b.Write(raw)
			b.Write(bytes.Repeat([]byte{' '}, width-len(raw)))
		}
	}
	b.WriteByte(0x1a)
	return b.Bytes(), nil
}
