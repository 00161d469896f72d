package render

import (
	"math"
	"reflect"
	"testing"

	"midreview/render/view"
)

// TestBuildLean: the lean View is Build's but for the two free-text lists
// only the tabulation book and the dashboard print, and they are there in
// Build's (the demo has free text).
func TestBuildLean(t *testing.T) {
	res := demoResults(t)
	full, lean := view.Build(res), view.BuildLean(res)
	if len(full.FreeText.Texts) == 0 || len(full.FreeText.Matrix.Cells) == 0 {
		t.Fatalf("Build: %d free-text rows, %d matrix rows; the demo has free text",
			len(full.FreeText.Texts), len(full.FreeText.Matrix.Cells))
	}
	if lean.FreeText.Texts != nil || lean.FreeText.Matrix.Cells != nil {
		t.Errorf("BuildLean keeps %d rows and %d matrix rows, want none", len(lean.FreeText.Texts), len(lean.FreeText.Matrix.Cells))
	}
	full.FreeText.Texts, full.FreeText.Matrix = nil, view.TextMatrixView{}
	if path, ok := sameValue(reflect.ValueOf(full), reflect.ValueOf(lean), "View"); !ok {
		t.Errorf("BuildLean differs from Build at %s, beyond FreeText.Texts and FreeText.Matrix", path)
	}
}

// sameValue is reflect.DeepEqual for Views: NaN equals NaN (a figure that is
// not there) and functions are compared by being set. It returns the path
// of the first difference.
func sameValue(a, b reflect.Value, path string) (string, bool) {
	if a.Kind() != b.Kind() {
		return path, false
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		return path, x == y || math.IsNaN(x) && math.IsNaN(y)
	case reflect.String:
		return path, a.String() == b.String()
	case reflect.Bool:
		return path, a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return path, a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return path, a.Uint() == b.Uint()
	case reflect.Func:
		return path, a.IsNil() == b.IsNil()
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return path, a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := range a.NumField() {
			if p, ok := sameValue(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); !ok {
				return p, false
			}
		}
		return path, true
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() || a.Kind() == reflect.Slice && a.IsNil() != b.IsNil() {
			return path, false
		}
		for i := range a.Len() {
			if p, ok := sameValue(a.Index(i), b.Index(i), path+"[]"); !ok {
				return p, false
			}
		}
		return path, true
	case reflect.Map:
		if a.Len() != b.Len() {
			return path, false
		}
		for _, k := range a.MapKeys() {
			if p, ok := sameValue(a.MapIndex(k), b.MapIndex(k), path+"[key]"); !ok {
				return p, false
			}
		}
		return path, true
	}
	return path, a.CanInterface() && reflect.DeepEqual(a.Interface(), b.Interface())
}
