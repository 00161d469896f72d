package analyze

import (
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// TestRunDroppingSame checks that RunDropping gives Run's results, leaves
// the batch without answers or baseline respondents (the current survey's
// stay, for HeldTexts), and that the texts held back are the same, on the scale-shaped
// sample (baseline, free text, ハード分類) and every test batch.
func TestRunDroppingSame(t *testing.T) {
	read := map[string]func() (*ingest.Batch, error){
		"sample": func() (*ingest.Batch, error) {
			fsys, err := batchgen.SampleFS(batchgen.Options{Respondents: 1500, Questions: 60, FreeText: 7, Seed: 3})
			if err != nil {
				return nil, err
			}
			return ingest.Read(fsys)
		},
	}
	for _, name := range []string{"small", "messy", "hard", "cycle", "progress", "map", "webform"} {
		read[name] = func() (*ingest.Batch, error) { return ingest.Read(os.DirFS("../testdata/batches/" + name)) }
	}
	for name, rd := range read {
		t.Run(name, func(t *testing.T) {
			b1, err := rd()
			if err != nil {
				t.Fatal(err)
			}
			b2, err := rd()
			if err != nil {
				t.Fatal(err)
			}
			n := len(b1.Current.Respondents)
			want, got := Run(b1), RunDropping(b2)
			if len(b1.Current.Respondents) != n || n > 0 && b1.Current.Answers == nil {
				t.Fatalf("Run dropped the answers")
			}
			if len(b2.Current.Respondents) != n || b2.Current.Answers != nil ||
				b2.Baseline != nil && (b2.Baseline.Respondents != nil || b2.Baseline.Answers != nil) {
				t.Errorf("RunDropping kept answers")
			}
			if !slices.Equal(HeldTexts(b1, want.FreeText), HeldTexts(b2, got.FreeText)) {
				t.Errorf("HeldTexts differ after RunDropping")
			}
			want.Batch, got.Batch, got.drop = nil, nil, false
			if d := diffValues(reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem(), "Results"); d != "" {
				t.Errorf("RunDropping differs from Run: %s", d)
			}
		})
	}
}

// diffValues returns where a and b first differ ("" when equal), floats
// compared bit for bit so that NaN equals NaN.
func diffValues(a, b reflect.Value, path string) string {
	if a.Kind() != b.Kind() {
		return path + ": kinds differ"
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		if math.Float64bits(a.Float()) != math.Float64bits(b.Float()) {
			return fmt.Sprintf("%s: %v and %v", path, a.Float(), b.Float())
		}
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil and not nil"
			}
			return ""
		}
		return diffValues(a.Elem(), b.Elem(), path)
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: lengths %d and %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diffValues(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if d := diffValues(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			return path + ": map sizes differ"
		}
		for _, k := range a.MapKeys() {
			if d := diffValues(a.MapIndex(k), b.MapIndex(k), fmt.Sprintf("%s[%v]", path, k)); d != "" {
				return d
			}
		}
	case reflect.Func:
		if !a.IsNil() || !b.IsNil() {
			return path + ": a func"
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return fmt.Sprintf("%s: %v and %v", path, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return fmt.Sprintf("%s: %d and %d", path, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if a.Uint() != b.Uint() {
			return fmt.Sprintf("%s: %d and %d", path, a.Uint(), b.Uint())
		}
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Sprintf("%s: %q and %q", path, a.String(), b.String())
		}
	default:
		return path + ": kind " + a.Kind().String() + " not compared"
	}
	return ""
}
