package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// mapNameDefaults are the attributes tried, in order, when 地図の名前列 is blank.
var mapNameDefaults = []string{"S_NAME", "地区名", "name"}

// mapCodeAttrs are the attributes that may hold a feature's code: e-Stat's
// KEY_CODE for a town, 地区コード for a district.
var mapCodeAttrs = []string{"地区コード", "KEY_CODE", "code"}

// readMap reads map/ (inputs.md section 10): one Shapefile or GeoJSON file
// of towns or districts, matched to sheets 町名 and 地区. A file that cannot
// be read is a bad-map error; features matching nothing and districts left
// without a boundary are warnings.
func (rd *reader) readMap() error {
	ents, err := fs.ReadDir(rd.fsys, MapDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("listing %s: %w", MapDir, err)
	}
	byExt := map[string][]string{} // lower-case extension → names
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
			continue
		}
		ext := strings.ToLower(path.Ext(name))
		byExt[ext] = append(byExt[ext], name)
	}
	var mains []string
	for _, ext := range []string{".shp", ".geojson", ".json"} {
		mains = append(mains, byExt[ext]...)
	}
	sort.Strings(mains)
	switch len(mains) {
	case 0:
		rd.add(Problem{Severity: Warning, Code: CodeBadMap, File: MapDir + "/", Hint: HintMapNone})
		return nil
	case 1:
	default:
		rd.add(Problem{Severity: Error, Code: CodeBadMap, File: MapDir + "/", Hint: HintMapSeveral,
			Args: []string{strings.Join(mains, "、")}})
		return nil
	}
	main := path.Join(MapDir, mains[0])
	m := &BoundaryMap{File: main}
	var feats []rawFeature
	var merr *mapError
	if strings.EqualFold(path.Ext(main), ".shp") {
		feats, merr, err = rd.readShapefile(main, byExt)
	} else {
		var data []byte
		if data, merr, err = rd.readMapFile(main); err == nil && merr == nil {
			feats, merr = readGeoJSON(main, data, &mapBudget{})
		}
	}
	if err != nil {
		return err
	}
	if merr != nil {
		rd.add(Problem{Severity: Error, Code: merr.code, File: merr.file, Hint: merr.hint, Args: merr.args})
		return nil
	}
	nameAttr, ok := pickAttr(feats, rd.b.Settings.MapName, mapNameDefaults)
	if !ok {
		want := rd.b.Settings.MapName
		if want == "" {
			want = strings.Join(mapNameDefaults, "・")
		}
		rd.add(Problem{Severity: Error, Code: CodeBadMap, File: main, Item: SettingsSheet.Items[SettingMapName].Name,
			Hint: HintMapNameAttr, Args: []string{want, strings.Join(attrNames(feats), "・")}})
		return nil
	}
	codeAttr, _ := pickAttr(feats, "", mapCodeAttrs)
	m.NameAttr = nameAttr
	rd.matchMap(m, feats, nameAttr, codeAttr)
	rd.b.Map = m
	return nil
}

// readMapFile reads one file of map/, refusing one over maxMapFileBytes
// before reading it.
func (rd *reader) readMapFile(p string) ([]byte, *mapError, error) {
	if fi, err := fs.Stat(rd.fsys, p); err == nil && fi.Size() > maxMapFileBytes {
		return nil, &mapError{file: p, code: CodeBadMap, hint: HintMapFileSize, args: []string{strconv.Itoa(maxMapFileBytes >> 20)}}, nil
	}
	data, err := fs.ReadFile(rd.fsys, p)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", p, err)
	}
	if len(data) > maxMapFileBytes {
		return nil, &mapError{file: p, code: CodeBadMap, hint: HintMapFileSize, args: []string{strconv.Itoa(maxMapFileBytes >> 20)}}, nil
	}
	rd.addFile(p, KindMap, data)
	return data, nil, nil
}

// readShapefile reads a .shp with its .dbf (required), .prj and .cpg
// (optional) of the same base name.
func (rd *reader) readShapefile(shp string, byExt map[string][]string) ([]rawFeature, *mapError, error) {
	base := strings.TrimSuffix(path.Base(shp), path.Ext(shp))
	part := func(ext string) string {
		for _, n := range byExt[ext] {
			if strings.TrimSuffix(n, path.Ext(n)) == base {
				return path.Join(MapDir, n)
			}
		}
		return ""
	}
	dbf := part(".dbf")
	if dbf == "" {
		return nil, &mapError{file: shp, code: CodeBadMap, hint: HintMissingPart, args: []string{base + ".dbf"}}, nil
	}
	data, merr, err := rd.readMapFile(shp)
	if err != nil || merr != nil {
		return nil, merr, err
	}
	shapes, merr := readShp(shp, data, &mapBudget{})
	if merr != nil {
		return nil, merr, nil
	}
	if prj := part(".prj"); prj != "" {
		pd, merr, err := rd.readMapFile(prj)
		if err != nil || merr != nil {
			return nil, merr, err
		}
		// Note: a projected system (平面直角座標系, UTM) names PROJCS; e-Stat's
		// files are GEOGCS (JGD2000/JGD2011 longitude and latitude).
		if strings.Contains(strings.ToUpper(string(pd)), "PROJCS") {
			return nil, &mapError{file: prj, code: CodeBadMap, hint: HintMapProjected}, nil
		}
	}
	enc := encAuto
	if cpg := part(".cpg"); cpg != "" {
		cd, merr, err := rd.readMapFile(cpg)
		if err != nil || merr != nil {
			return nil, merr, err
		}
		enc = cpgEncoding(cd)
	}
	dd, merr, err := rd.readMapFile(dbf)
	if err != nil || merr != nil {
		return nil, merr, err
	}
	t, merr := readDBF(dbf, dd, enc)
	if merr != nil {
		return nil, merr, nil
	}
	if len(t.rows) != len(shapes) {
		return nil, &mapError{file: dbf, code: CodeBadMap, hint: HintMapCounts,
			args: []string{strconv.Itoa(len(shapes)), strconv.Itoa(len(t.rows))}}, nil
	}
	feats := make([]rawFeature, len(shapes))
	for i, s := range shapes {
		props := make(map[string]string, len(t.names))
		for j, n := range t.names {
			if _, dup := props[n]; !dup {
				props[n] = t.rows[i][j]
			}
		}
		feats[i] = rawFeature{props: props, rings: s.rings}
	}
	return feats, nil, nil
}

// attrNames returns the attribute names of the features, sorted.
func attrNames(feats []rawFeature) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range feats {
		for k := range f.props {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// pickAttr returns the attribute of the features named want (or, when want is
// blank, the first of defaults that any feature has), matched after NormKey
// and ignoring case, as the features spell it.
func pickAttr(feats []rawFeature, want string, defaults []string) (string, bool) {
	names := attrNames(feats)
	cands := defaults
	if w := NormKey(want); w != "" {
		cands = []string{w}
	}
	for _, c := range cands {
		for _, n := range names {
			if strings.EqualFold(NormKey(n), NormKey(c)) {
				return n, true
			}
		}
	}
	return "", false
}

// matchMap names each feature and matches it to a town of sheet 町名 or a
// district of sheet 地区, then reports the features that match nothing and
// the districts that no feature bounds.
func (rd *reader) matchMap(m *BoundaryMap, feats []rawFeature, nameAttr, codeAttr string) {
	b := rd.b
	towns := make(map[string]int, len(b.Towns))
	for i, t := range b.Towns {
		if k := TownKey(t.Name); k != "" {
			if _, dup := towns[k]; !dup {
				towns[k] = i
			}
		}
	}
	x := newDistrictIndex(b)
	has := make([]bool, len(b.Districts))
	for i, f := range feats {
		mf := MapFeature{Name: f.props[nameAttr], Record: i + 1, Rings: f.rings, Town: -1, District: NoDistrict}
		if codeAttr != "" {
			mf.Code = f.props[codeAttr]
		}
		key := TownKey(mf.Name)
		t, ok := towns[key]
		if !ok {
			// Note: a sheet 町名 that lists a town without its 丁目 (日吉本町)
			// takes the file's 日吉本町一丁目, 二丁目, ….
			if base, cut := townBase(key); cut {
				t, ok = towns[base]
			}
		}
		switch {
		case key == "":
		case ok:
			mf.Town, mf.District = t, b.Towns[t].District
		default:
			if d, ok := x.match(mf.Name); ok {
				mf.District = d
			} else if mf.Code != "" && codeAttr != "KEY_CODE" {
				if d, ok := x.match(mf.Code); ok {
					mf.District = d
				}
			}
		}
		if mf.District >= 0 && mf.District < len(b.Districts) {
			if len(mf.Rings) > 0 {
				has[mf.District] = true
			}
		} else {
			mf.District = NoDistrict
			rd.add(Problem{Severity: Warning, Code: CodeMapUnmatched, File: m.File, RecordID: mf.Code, Value: mf.Name,
				Hint: HintMapFeature, Args: []string{strconv.Itoa(mf.Record)}})
		}
		m.Features = append(m.Features, mf)
	}
	for i, d := range b.Districts {
		if !has[i] {
			rd.add(Problem{Severity: Warning, Code: CodeMapNoBoundary, File: m.File, RecordID: d.Code, Value: d.Name})
		}
	}
}
