package ingest

// MapDir is the optional folder of boundaries (inputs.md section 10).
const MapDir = "map"

// KindMap is the role of a boundary file of map/.
const KindMap FileKind = "map"

// A LonLat is a position in longitude and latitude, in units of 1e-7 degree
// (about 1 cm on the ground).
// Note: the file's float coordinates are rounded to this grid once, when read,
// so that a vertex two neighbouring towns share is the same integer pair in
// both and dissolving towns into districts compares positions exactly.
type LonLat struct{ Lon, Lat int64 }

// LonLatUnit is the number of LonLat units in one degree.
const LonLatUnit = 1e7

// A Ring is a closed line of a boundary; the first point is not repeated at
// the end, and no two consecutive points are equal.
type Ring []LonLat

// A MapFeature is one feature of the boundary file: a 町丁目 or a 地区.
type MapFeature struct {
	Name   string // the name attribute (地図の名前列), as written
	Code   string // KEY_CODE or 地区コード, as written ("" = none)
	Record int    // 1-based record (Shapefile) or feature (GeoJSON) number
	// Rings are the feature's rings, oriented by what they are: outer rings
	// counterclockwise and holes clockwise (longitude east, latitude north),
	// whatever the file's own convention.
	Rings []Ring
	// Town is the index into Batch.Towns of the 町名 the feature is, or -1.
	Town int
	// District is the district the feature belongs to (as a town or as the
	// district itself), or NoDistrict when it matches nothing.
	District int
}

// A BoundaryMap is the boundary file of map/, read and matched.
type BoundaryMap struct {
	File     string // slash path of the .shp or .geojson file
	NameAttr string // the attribute that named the features
	Features []MapFeature
}
