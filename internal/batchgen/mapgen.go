package batchgen

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"midreview/internal/shpbuild"
)

// A MapTown is one synthetic 町丁目 of a boundary file: its name and the
// rectangles (in grid cells) it covers; rectangles of one town that touch
// are separate rings of its record, as are islands.
type MapTown struct {
	Name  string
	Cells [][4]int // x0, y0, x1, y1 in cells, x east, y north
}

// MapGrid places the cells of a synthetic ward: the south-west corner of cell
// (0, 0) at Lon, Lat, each cell Size degrees a side.
type MapGrid struct {
	Lon, Lat, Size float64
	Pref, City     string // PREF_NAME, CITY_NAME
	CityCode       string // five digits, the start of KEY_CODE
}

// TownShapefile returns the files of an e-Stat-style 小地域 Shapefile of
// towns (by extension: .shp, .shx, .dbf, .prj): attributes KEY_CODE,
// PREF_NAME, CITY_NAME, S_NAME, HCODE, AREA in Shift_JIS, rings clockwise, as
// e-Stat writes them. Synthetic: never real boundaries.
func TownShapefile(g MapGrid, towns []MapTown) (map[string][]byte, error) {
	f := &shpbuild.File{Fields: []string{"KEY_CODE", "PREF_NAME", "CITY_NAME", "S_NAME", "HCODE", "AREA"}, Width: 40}
	for i, t := range towns {
		var rings [][]shpbuild.Point
		area := 0.0
		for _, c := range t.Cells {
			x0, y0 := g.Lon+float64(c[0])*g.Size, g.Lat+float64(c[1])*g.Size
			x1, y1 := g.Lon+float64(c[2])*g.Size, g.Lat+float64(c[3])*g.Size
			rings = append(rings, shpbuild.Rect(x0, y0, x1, y1))
			// about 91 km per degree of longitude and 111 km per degree of latitude at 35.5°N
			area += (x1 - x0) * 90_800 * (y1 - y0) * 110_950
		}
		f.Features = append(f.Features, shpbuild.Feature{Rings: rings, Values: []string{
			g.CityCode + fmt.Sprintf("%04d00", (i+1)*10), g.Pref, g.City, t.Name, "8101", strconv.FormatFloat(area, 'f', 1, 64),
		}})
	}
	return f.Files()
}

// TestMapGrid and TestMapTowns are the synthetic ward of testdata/batches/map:
// nine cells in three rows (北 in the north, 中央, 南 in the south), 中央一丁目
// two cells wide (so that the 北 towns' corners lie on its side), an island of
// 南 apart to the east, and 港町, a town that sheet 町名 does not list.
var (
	TestMapGrid  = MapGrid{Lon: 139.6, Lat: 35.5, Size: 0.01, Pref: "神奈川県", City: "横浜市テスト区", CityCode: "14199"}
	TestMapTowns = []MapTown{
		{"北町一丁目", [][4]int{{0, 2, 1, 3}}},
		{"北町二丁目", [][4]int{{1, 2, 2, 3}}},
		{"北町三丁目", [][4]int{{2, 2, 3, 3}}},
		{"中央一丁目", [][4]int{{0, 1, 2, 2}}},
		{"中央二丁目", [][4]int{{2, 1, 3, 2}}},
		{"南町一丁目", [][4]int{{0, 0, 1, 1}}},
		{"南町二丁目", [][4]int{{1, 0, 2, 1}}},
		{"港町", [][4]int{{2, 0, 3, 1}}},
		{"南町三丁目", [][4]int{{4, 0, 5, 1}}},
	}
)

// sampleMapGrid is the demo ward's grid: cells 0.004° a side from 139.595 E,
// 35.495 N (Kohoku ward's neighbourhood; the outline is synthetic).
var sampleMapGrid = MapGrid{Lon: 139.595, Lat: 35.495, Size: 0.004, Pref: "神奈川県", City: "横浜市港北区", CityCode: "14109"}

// sampleSeeds place the 13 sample districts on the 18×14 grid, roughly as
// they lie in the ward (日吉 in the south-west, 師岡 in the south-east).
var sampleSeeds = [][2]float64{
	{3, 2}, {8, 4}, {2, 8}, {5, 11}, {8.5, 12.5}, {11, 11}, {15, 12}, {14, 8},
	{11, 7}, {11, 3.5}, {5.5, 6.5}, {8, 8.5}, {15, 3},
}

// SampleMapTowns returns the demo's synthetic 町丁目: the cells of an
// ellipse-shaped ward on an 18×14 grid, each given to the nearest district seed
// (a Voronoi tessellation on the grid), one feature per cell. A district's
// first cells take its sample towns' names (sheet 町名); the others its alias
// 「…地区」, so every cell matches. Synthetic: never real boundaries.
func SampleMapTowns() []MapTown {
	const w, h = 18, 14
	used := map[int]int{}
	var towns []MapTown
	for y := h - 1; y >= 0; y-- {
		for x := range w {
			cx, cy := float64(x)+0.5, float64(y)+0.5
			if ex, ey := (cx-w/2)/(w/2), (cy-h/2)/(h/2); ex*ex+ey*ey > 1.05 {
				continue // outside the ward
			}
			best, bd := 0, math.Inf(1)
			for i, s := range sampleSeeds {
				if d := math.Hypot(cx-s[0], cy-s[1]); d < bd {
					best, bd = i, d
				}
			}
			name := sampleDistricts[best].Name + "地区"
			k := 0
			for _, t := range sampleTowns {
				if t.District == best {
					if k == used[best] {
						name = t.Name
					}
					k++
				}
			}
			used[best]++
			towns = append(towns, MapTown{Name: name, Cells: [][4]int{{x, y, x + 1, y + 1}}})
		}
	}
	return towns
}

// sampleMapFiles are the demo's map/ files: an e-Stat-style Shapefile of SampleMapTowns.
func sampleMapFiles() []file {
	var out []file
	for _, ext := range []string{".dbf", ".prj", ".shp", ".shx"} {
		out = append(out, file{"map/r2ka14109" + ext, func(w io.Writer) error {
			files, err := TownShapefile(sampleMapGrid, SampleMapTowns())
			if err != nil {
				return err
			}
			_, err = w.Write(files[ext])
			return err
		}})
	}
	return out
}
