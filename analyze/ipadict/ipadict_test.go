package ipadict

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
)

// TestLoadEqualsIPA checks that Load gives the released package's dictionary,
// every field (the dictionary info through Info) equal, with one worker and
// with several.
func TestLoadEqualsIPA(t *testing.T) {
	zipped := embedded(t)
	want := ipa.Dict()
	for _, workers := range []int{1, 4} {
		got, err := load(bytes.NewReader(zipped), int64(len(zipped)), workers)
		if err != nil {
			t.Fatalf("load(%d workers): %v", workers, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("load(%d workers) differs from ipa.Dict()", workers)
		}
		if !reflect.DeepEqual(got.Info(), want.Info()) || got.Info() == nil {
			t.Errorf("load(%d workers).Info() = %+v, ipa.Dict().Info() = %+v", workers, got.Info(), want.Info())
		}
	}
}

// embedded returns the embedded zip; the tests fail without it.
func embedded(t testing.TB) []byte {
	t.Helper()
	b, err := files.ReadFile(fileName)
	if err != nil {
		t.Fatalf("%v: %v", ErrNotEmbedded, err)
	}
	return b
}

// part returns the inflated bytes of one part of the embedded dictionary.
func part(t testing.TB, name string) []byte {
	t.Helper()
	zipped := embedded(t)
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			b, err := inflate(f)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no part %q", name)
	return nil
}

// libSafe reports whether the library's reader can be given b without
// allocating more than b's size: its counts are trusted as they are.
func libSafe(b []byte, size int) bool {
	_, err := count(b, size)
	return err == nil
}

// checkIndex compares readIndexTable with dict.ReadIndexTable on b: both fail
// or both give the same table.
func checkIndex(t *testing.T, b []byte) {
	t.Helper()
	got, err := readIndexTable(b)
	if !libSafe(b, 8) || (len(b) >= 8 && !libSafe(b[8+8*int(binary.LittleEndian.Uint64(b)):], 8)) {
		if err == nil {
			t.Fatalf("readIndexTable accepted a count that does not fit")
		}
		return
	}
	want, werr := dict.ReadIndexTable(bytes.NewReader(b))
	if (err == nil) != (werr == nil) {
		t.Fatalf("readIndexTable error %v, dict.ReadIndexTable error %v", err, werr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("readIndexTable differs from dict.ReadIndexTable")
	}
}

// checkMorphs compares readMorphs with dict.ReadMorphs on b.
func checkMorphs(t *testing.T, b []byte) {
	t.Helper()
	got, err := readMorphs(b)
	if !libSafe(b, 6) {
		if err == nil {
			t.Fatalf("readMorphs accepted a count that does not fit")
		}
		return
	}
	want, werr := dict.ReadMorphs(bytes.NewReader(b))
	if (err == nil) != (werr == nil) {
		t.Fatalf("readMorphs error %v, dict.ReadMorphs error %v", err, werr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("readMorphs differs from dict.ReadMorphs")
	}
}

// TestReadersAsLibrary checks the two readers against the library's on the
// released parts and on copies cut short or with a count changed.
func TestReadersAsLibrary(t *testing.T) {
	idx := part(t, dict.IndexDictFileName)
	morphs := part(t, dict.MorphDictFileName)
	checkIndex(t, idx)
	checkMorphs(t, morphs)
	for _, n := range []int{0, 3, 8, 12, 16, len(idx) / 2, len(idx) - 9, len(idx) - 8, len(idx) - 1} {
		checkIndex(t, idx[:n])
	}
	for _, n := range []int{0, 7, 8, 10, 14, len(morphs) / 2, len(morphs) - 1} {
		checkMorphs(t, morphs[:n])
	}
	for _, c := range []uint64{0, 1, 1 << 62, 1 << 63, ^uint64(0)} {
		b := bytes.Clone(morphs)
		binary.LittleEndian.PutUint64(b, c)
		checkMorphs(t, b)
		b = bytes.Clone(idx)
		binary.LittleEndian.PutUint64(b, c)
		if c < 1<<20 {
			checkIndex(t, b)
		} else if _, err := readIndexTable(b); err == nil {
			t.Errorf("readIndexTable accepted a trie count of %d", c)
		}
	}
}

// TestLoadDamaged checks that a damaged dictionary is an error, never a panic.
func TestLoadDamaged(t *testing.T) {
	zipped := embedded(t)
	if _, err := load(bytes.NewReader(zipped[:len(zipped)/2]), int64(len(zipped)/2), 2); err == nil {
		t.Error("load of half the zip: no error")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create(dict.IndexDictFileName)
	w.Write([]byte{1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3})
	w, _ = zw.Create(dict.POSDictFileName)
	w.Write([]byte("not gob"))
	zw.Close()
	if _, err := load(bytes.NewReader(buf.Bytes()), int64(buf.Len()), 2); err == nil {
		t.Error("load of damaged parts: no error")
	}
	buf.Reset()
	zw = zip.NewWriter(&buf)
	zw.Create(dict.DictInfoFileName)
	zw.Create(dict.DictInfoFileName)
	zw.Close()
	if _, err := load(bytes.NewReader(buf.Bytes()), int64(buf.Len()), 2); err == nil {
		t.Error("load of a part twice: no error")
	}
	buf.Reset()
	zw = zip.NewWriter(&buf)
	zw.Create("extra.dict")
	zw.Close()
	if _, err := load(bytes.NewReader(buf.Bytes()), int64(buf.Len()), 2); err == nil {
		t.Error("load of an unknown part: no error")
	}
}

func FuzzReadIndexTable(f *testing.F) {
	idx := part(f, dict.IndexDictFileName)
	f.Add(idx[:4096])
	f.Add([]byte{2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		checkIndex(t, b)
	})
}

func FuzzReadMorphs(f *testing.F) {
	morphs := part(f, dict.MorphDictFileName)
	f.Add(morphs[:4096])
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 255, 255})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		checkMorphs(t, b)
	})
}

// BenchmarkDictLoad compares the released package's load (dict.Load on the
// same zip, part after part, as ipa.Dict() does on its first call; ipa.Dict
// itself caches) with Load. Besides wall time it reports the process's CPU
// time per load (cpu-ms/op, garbage collection included), which a shared
// machine's load changes far less.
func BenchmarkDictLoad(b *testing.B) {
	zipped := embedded(b)
	bench := func(b *testing.B, load func() error) {
		b.ReportAllocs()
		runtime.GC()
		start := cpuTime()
		for b.Loop() {
			if err := load(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
	b.Run("ipa.Dict-sequential", func(b *testing.B) {
		bench(b, func() error {
			zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
			if err == nil {
				_, err = dict.Load(zr, true)
			}
			return err
		})
	})
	b.Run("ipadict.Load", func(b *testing.B) {
		bench(b, func() error {
			_, err := Load()
			return err
		})
	})
}

// BenchmarkPart times each part's inflate and decode alone, the index and
// the morphs also with the library's readers; cpu-ms/op is the process's CPU
// time per op, garbage collection included.
func BenchmarkPart(b *testing.B) {
	zipped := embedded(b)
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		b.Fatal(err)
	}
	bench := func(b *testing.B, op func() error) {
		runtime.GC()
		start := cpuTime()
		for b.Loop() {
			if err := op(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
	for _, f := range zr.File {
		b.Run(f.Name+"/inflate", func(b *testing.B) {
			bench(b, func() error {
				_, err := inflate(f)
				return err
			})
		})
		p, err := inflate(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f.Name+"/decode", func(b *testing.B) {
			bench(b, func() error {
				var d dict.Dict
				return parts[f.Name](&d, p)
			})
		})
	}
	b.Run("index.dict/decode-library", func(b *testing.B) {
		p := part(b, dict.IndexDictFileName)
		bench(b, func() error {
			_, err := dict.ReadIndexTable(bytes.NewReader(p))
			return err
		})
	})
	b.Run("morph.dict/decode-library", func(b *testing.B) {
		p := part(b, dict.MorphDictFileName)
		bench(b, func() error {
			_, err := dict.ReadMorphs(bytes.NewReader(p))
			return err
		})
	})
}
