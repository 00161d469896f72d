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
// with one worker and with several: every field but Contents equal to
// ipa.Dict()'s (the dictionary info through Info), Contents nil, and every
// feature of every known morph (its parts of speech, then its contents)
// equal through FeatureAt.
func TestLoadEqualsIPA(t *testing.T) {
	zipped := embedded(t)
	full := ipa.Dict()
	shrunk := *full
	shrunk.Contents = nil
	for _, workers := range []int{1, 4} {
		got, err := load(bytes.NewReader(zipped), int64(len(zipped)), workers)
		if err != nil {
			t.Fatalf("load(%d workers): %v", workers, err)
		}
		if !reflect.DeepEqual(got.Dict, &shrunk) {
			t.Errorf("load(%d workers) differs from ipa.Dict() without its Contents", workers)
		}
		if !reflect.DeepEqual(got.Info(), full.Info()) || got.Info() == nil {
			t.Errorf("load(%d workers).Info() = %+v, ipa.Dict().Info() = %+v", workers, got.Info(), full.Info())
		}
		if got.Contents.Len() != len(full.Contents) {
			t.Fatalf("load(%d workers): %d rows of contents, ipa.Dict() %d", workers, got.Contents.Len(), len(full.Contents))
		}
		for id, row := range full.Contents {
			var want []string
			for _, p := range full.POSTable.POSs[id] {
				want = append(want, full.POSTable.NameList[p])
			}
			want = append(want, row...)
			for i := -1; i <= len(want); i++ {
				f, ok := got.FeatureAt(id, i)
				if wok := i >= 0 && i < len(want); ok != wok || wok && f != want[i] {
					t.Fatalf("load(%d workers).FeatureAt(%d, %d) = %q, %v; ipa.Dict() has %q", workers, id, i, f, ok, want)
				}
			}
		}
		for _, id := range []int{-1, len(full.Contents)} {
			if f, ok := got.FeatureAt(id, 0); ok {
				t.Errorf("FeatureAt(%d, 0) = %q, true; want false", id, f)
			}
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

// BenchmarkPart times each part's inflate alone and its load (inflate and
// decode), and the decoders of ipadict's own against the library's; cpu-ms/op is the process's CPU
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
		b.Run(f.Name+"/load", func(b *testing.B) {
			bench(b, func() error {
				d := Dict{Dict: new(dict.Dict)}
				return parts[f.Name](&d, f)
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
	for _, r := range []struct {
		name string
		lib  func(p []byte) error
		own  func(p []byte) error
	}{
		{dict.POSDictFileName,
			func(p []byte) error { _, err := dict.ReadPOSTable(bytes.NewReader(p)); return err },
			func(p []byte) error { _, err := readPOSTable(p); return err }},
		{dict.ConnectionDictFileName,
			func(p []byte) error { _, err := dict.ReadConnectionTable(bytes.NewReader(p)); return err },
			func(p []byte) error { _, err := readConnectionTable(p); return err }},
		{dict.ContentDictFileName,
			func(p []byte) error { dict.NewContents(p); return nil },
			func(p []byte) error { _, err := newContents(string(p)); return err }},
	} {
		p := part(b, r.name)
		b.Run(r.name+"/decode-library", func(b *testing.B) { bench(b, func() error { return r.lib(p) }) })
		b.Run(r.name+"/decode", func(b *testing.B) { bench(b, func() error { return r.own(p) }) })
	}
}

// gobPOS encodes a POSTable as the released pos.dict is laid out (posTypes,
// the vectors, nameTypes, the names), for the tests of readPOSGob.
func gobPOS(poss [][]uint64, names []string) []byte {
	uint := func(b []byte, v uint64) []byte {
		if v < 0x80 {
			return append(b, byte(v))
		}
		var be [8]byte
		binary.BigEndian.PutUint64(be[:], v)
		n := 8
		for be[8-n] == 0 {
			n--
		}
		return append(append(b, byte(-int8(n))), be[8-n:]...)
	}
	msg := func(b []byte, id uint64, body []byte) []byte {
		m := append(uint(nil, id), 0)
		m = append(m, body...)
		return append(uint(b, uint64(len(m))), m...)
	}
	var body []byte
	body = uint(body, uint64(len(poss)))
	for _, p := range poss {
		body = uint(body, uint64(len(p)))
		for _, v := range p {
			body = uint(body, v)
		}
	}
	b := msg(append([]byte(nil), posTypes...), posTypeID, body)
	body = uint(nil, uint64(len(names)))
	for _, s := range names {
		body = append(uint(body, uint64(len(s))), s...)
	}
	return msg(append(b, nameTypes...), nameTypeID, body)
}

// checkPOS compares readPOSTable with dict.ReadPOSTable on b: both fail or
// both give the same table.
func checkPOS(t *testing.T, b []byte) {
	t.Helper()
	got, err := readPOSTable(b)
	want, werr := dict.ReadPOSTable(bytes.NewReader(b))
	if (err == nil) != (werr == nil) {
		t.Fatalf("readPOSTable error %v, dict.ReadPOSTable error %v", err, werr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("readPOSTable = %v, dict.ReadPOSTable = %v", got, want)
	}
}

// checkConnection compares readConnectionTable with dict.ReadConnectionTable
// on b, where the library's allocation fits in b.
func checkConnection(t *testing.T, b []byte) {
	t.Helper()
	got, err := readConnectionTable(b)
	if len(b) >= 16 {
		r, c := int64(binary.LittleEndian.Uint64(b)), int64(binary.LittleEndian.Uint64(b[8:]))
		if r < 0 || c < 0 || c > 0 && r > int64(len(b)-16)/2/c {
			if err == nil {
				t.Fatalf("readConnectionTable accepted %d×%d in %d bytes", r, c, len(b))
			}
			return
		}
	}
	want, werr := dict.ReadConnectionTable(bytes.NewReader(b))
	if (err == nil) != (werr == nil) {
		t.Fatalf("readConnectionTable error %v, dict.ReadConnectionTable error %v", err, werr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("readConnectionTable differs from dict.ReadConnectionTable")
	}
}

// checkContents compares Contents with dict.NewContents on s, every feature
// of every row and one past each row's last.
func checkContents(t *testing.T, s string) {
	t.Helper()
	c, err := newContents(s)
	if err != nil {
		t.Fatal(err)
	}
	want := dict.NewContents([]byte(s))
	if c.Len() != len(want) {
		t.Fatalf("newContents(%q).Len() = %d, dict.NewContents has %d rows", s, c.Len(), len(want))
	}
	for id, row := range want {
		for j := -1; j <= len(row); j++ {
			f, ok := c.At(id, j)
			if wok := j >= 0 && j < len(row); ok != wok || wok && f != row[j] {
				t.Fatalf("newContents(%q).At(%d, %d) = %q, %v; dict.NewContents: %q", s, id, j, f, ok, row)
			}
		}
	}
	if _, ok := c.At(c.Len(), 0); ok {
		t.Fatalf("newContents(%q).At(%d, 0): a row past the last", s, c.Len())
	}
}

// TestPOSAndConnectionAsLibrary checks readPOSTable and readConnectionTable
// against the library's readers on the released parts, copies cut short or
// with a byte changed, and small tables laid out as the released file.
func TestPOSAndConnectionAsLibrary(t *testing.T) {
	pos := part(t, dict.POSDictFileName)
	if _, ok := readPOSGob(pos); !ok {
		t.Fatal("readPOSGob does not read the released pos.dict: it would fall back to encoding/gob")
	}
	checkPOS(t, pos)
	conn := part(t, dict.ConnectionDictFileName)
	checkConnection(t, conn)
	for _, n := range []int{0, 1, 14, 31, 40, len(pos) - 700, len(pos) - 1} {
		checkPOS(t, pos[:n])
	}
	for _, i := range []int{0, 2, 14, 31, 35, 38, len(pos) - 650, len(pos) - 1} {
		b := bytes.Clone(pos)
		b[i] ^= 0x41
		checkPOS(t, b)
	}
	for _, n := range []int{0, 8, 15, 16, 17, len(conn) / 2, len(conn) - 1} {
		checkConnection(t, conn[:n])
	}
	for _, c := range []struct {
		poss  [][]uint64
		names []string
	}{
		{nil, nil},
		{[][]uint64{{}, {1, 2}, {}, {0x7f, 0x80, 0xffff}}, []string{"", "名詞", "一般"}},
		{[][]uint64{{0x10000}}, []string{"x"}}, // out of POSID's range: gob fails
		{[][]uint64{{1 << 40}}, nil},
	} {
		b := gobPOS(c.poss, c.names)
		checkPOS(t, b)
		checkPOS(t, append(b, 1, 2, 3))
		checkPOS(t, b[:len(b)-1])
	}
}

// TestContentsAsLibrary checks Contents against dict.NewContents on the
// released part's first rows and on small texts.
func TestContentsAsLibrary(t *testing.T) {
	content := part(t, dict.ContentDictFileName)
	k := bytes.IndexByte(content[4096:], '\n') + 4096
	for _, s := range []string{"", "\n", "\a", "a", "a\ab\n", "\n\n", "a\a\ab\nc", string(content[:k]), string(content[:k+1])} {
		checkContents(t, s)
	}
}

func FuzzReadPOSTable(f *testing.F) {
	f.Add(gobPOS([][]uint64{{}, {1, 2}, {0x7f, 0x80, 0xffff}}, []string{"", "名詞"}))
	f.Add(part(f, dict.POSDictFileName)[:4096])
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		checkPOS(t, b)
	})
}

func FuzzReadConnectionTable(f *testing.F) {
	f.Add(part(f, dict.ConnectionDictFileName)[:4096])
	f.Add([]byte{2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 255, 255})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		checkConnection(t, b)
	})
}

func FuzzContents(f *testing.F) {
	f.Add("a\ab\n\nc\a")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkContents(t, s)
	})
}
