// Package ipadict loads kagome's IPA dictionary from a copy of the released
// file, its zip parts decoded side by side.
//
// ipa.dict in this folder is github.com/ikawaha/kagome-dict/ipa's own file, of
// the version go.mod names, copied from the module cache by scripts/assets.sh
// (run by `make`) and never committed (.gitignore), as render/assets' font and
// echarts are. The released package exposes only ipa.Dict(), which inflates and
// decodes the nine parts of its embedded zip one after another (about a
// second of CPU, the longest single step of a ward-size run); kagome-dict/dict
// exports the Dict struct and a reader per part, so the same bytes are decoded
// here with those readers, each part on its own goroutine. The index part
// (a double-array trie and a map, read four bytes at a time through
// encoding/binary by dict.ReadIndexTable) is decoded by readIndexTable from the
// inflated bytes; the morphs likewise (readMorphs). TestLoadEqualsIPA checks that
// the whole Dict is reflect.DeepEqual to ipa.Dict(), dictionary info included,
// so the tokens (and every output) cannot change; the tests are the only
// importers of kagome-dict/ipa, so the binary holds the dictionary once.
//
// Note: the folder is embedded with the pattern *, as render/assets is, so
// that a clone without the copied file still compiles (go vet and the tests of
// the packages that need no dictionary run anywhere); Load then fails with
// ErrNotEmbedded, and `midreview run` and `demo` refuse at once
// (analyze.IPADictEmbedded). The Go files and README.md are embedded too
// (about 20 KB).
package ipadict

import (
	"archive/zip"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/ikawaha/kagome-dict/dict"
)

// files holds this folder, ipa.dict among it when scripts/assets.sh copied it.
//
//go:embed *
var files embed.FS

// fileName is the dictionary's name in files.
const fileName = "ipa.dict"

// ErrNotEmbedded is Load's error for a binary built without ipa.dict.
var ErrNotEmbedded = errors.New("IPA dictionary: " + fileName + " was not embedded (run scripts/assets.sh, or make, before building)")

// Embedded reports whether the binary holds the dictionary.
func Embedded() bool {
	_, err := fs.Stat(files, fileName)
	return err == nil
}

// maxPart bounds a part's inflated size (the largest, content.dict, is 22 MB).
const maxPart = 256 << 20

// parts lists the dictionary's zip entries by name; Load fails on any other,
// as dict.Load does.
var parts = map[string]func(d *dict.Dict, b []byte) error{
	dict.MorphDictFileName: func(d *dict.Dict, b []byte) (err error) {
		d.Morphs, err = readMorphs(b)
		return err
	},
	dict.POSDictFileName: func(d *dict.Dict, b []byte) (err error) {
		d.POSTable, err = dict.ReadPOSTable(bytes.NewReader(b))
		return err
	},
	dict.ContentMetaFileName: func(d *dict.Dict, b []byte) (err error) {
		d.ContentsMeta, err = dict.ReadContentsMeta(bytes.NewReader(b))
		return err
	},
	// Note: dict.ReadContents is io.ReadAll and then NewContents; the part
	// is inflated already, so NewContents spares ReadAll's growing copies of
	// its 22 MB.
	dict.ContentDictFileName: func(d *dict.Dict, b []byte) error {
		d.Contents = dict.NewContents(b)
		return nil
	},
	dict.IndexDictFileName: func(d *dict.Dict, b []byte) (err error) {
		d.Index, err = readIndexTable(b)
		return err
	},
	dict.ConnectionDictFileName: func(d *dict.Dict, b []byte) (err error) {
		d.Connection, err = dict.ReadConnectionTable(bytes.NewReader(b))
		return err
	},
	dict.CharDefDictFileName: func(d *dict.Dict, b []byte) error {
		def, err := dict.ReadCharDef(bytes.NewReader(b))
		if err != nil {
			return err
		}
		d.CharClass, d.CharCategory, d.InvokeList, d.GroupList = def.CharClass, def.CharCategory, def.InvokeList, def.GroupList
		return nil
	},
	dict.UnkDictFileName: func(d *dict.Dict, b []byte) (err error) {
		d.UnkDict, err = dict.ReadUnkDic(bytes.NewReader(b))
		return err
	},
	dict.DictInfoFileName: func(d *dict.Dict, b []byte) error {
		d.SetInfo(dict.ReadDictInfo(bytes.NewReader(b)))
		return nil
	},
}

// costOrder lists the parts that take time to load, costliest first.
var costOrder = []string{
	dict.ContentDictFileName,
	dict.IndexDictFileName,
	dict.POSDictFileName,
	dict.ConnectionDictFileName,
	dict.MorphDictFileName,
}

// rank is a part's place in costOrder, or len(costOrder) for a part that
// takes no time.
func rank(name string) int {
	if i := slices.Index(costOrder, name); i >= 0 {
		return i
	}
	return len(costOrder)
}

// Load decodes the embedded dictionary: the same Dict as ipa.Dict() (contents
// included), each zip part inflated and decoded on its own goroutine, at most
// GOMAXPROCS at a time, the costliest parts first.
//
// A part that fails (or a reader that panics) makes Load return the error
// naming the part; there is no second, sequential attempt: the bytes are
// embedded and the readers deterministic, so it would fail the same way
// (TestLoadEqualsIPA shows that it does not fail).
func Load() (*dict.Dict, error) {
	f, err := files.Open(fileName)
	if err != nil {
		return nil, ErrNotEmbedded
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("IPA dictionary: %w", err)
	}
	// Note: embed's files are io.ReaderAt over the binary's read-only data,
	// so the zip is read where it lies, without fs.ReadFile's 11.7 MB copy.
	ra, ok := f.(io.ReaderAt)
	if !ok {
		return nil, errors.New("IPA dictionary: embedded file is not an io.ReaderAt")
	}
	return load(ra, st.Size(), runtime.GOMAXPROCS(0))
}

func load(r io.ReaderAt, size int64, workers int) (*dict.Dict, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("IPA dictionary: %w", err)
	}
	entries := append([]*zip.File(nil), zr.File...)
	seen := make(map[string]bool, len(entries))
	for _, f := range entries {
		if parts[f.Name] == nil {
			return nil, fmt.Errorf("IPA dictionary: %q: unknown file", f.Name)
		}
		// Note: two entries of one name would decode into the same fields
		// at once; dict.Load would keep the last, the released file has none.
		if seen[f.Name] {
			return nil, fmt.Errorf("IPA dictionary: %q: twice in the zip", f.Name)
		}
		seen[f.Name] = true
	}
	// Note: the costliest parts first (BenchmarkPart, CPU to inflate and
	// decode: the contents about 0.25 s, the part-of-speech table's gob
	// 0.17 s although it is small when zipped, the index 0.16 s, the
	// connection table 0.07 s, the morphs 0.03 s, the rest nothing), so that
	// on two cores the longest ones run side by side and the short ones fill
	// in after them.
	sort.SliceStable(entries, func(i, j int) bool {
		return rank(entries[i].Name) < rank(entries[j].Name)
	})
	workers = max(1, min(workers, len(entries)))
	// Note: each part's decoder writes only its own fields of d, so the
	// goroutines share no memory until wg.Wait.
	var (
		d    dict.Dict
		errs = make([]error, len(entries))
		next = make(chan int)
		wg   sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for i := range next {
				errs[i] = loadPart(entries[i], &d)
			}
		})
	}
	for i := range entries {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &d, nil
}

// loadPart inflates one part and decodes it into d; a panic in a reader
// becomes an error.
func loadPart(f *zip.File, d *dict.Dict) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("IPA dictionary: %q: panic: %v", f.Name, r)
		}
	}()
	b, err := inflate(f)
	if err == nil {
		err = parts[f.Name](d, b)
	}
	if err != nil {
		return fmt.Errorf("IPA dictionary: %q: %w", f.Name, err)
	}
	return nil
}

// inflate returns a zip part's bytes (checked against its CRC-32 by
// archive/zip), at most maxPart of them.
func inflate(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, fmt.Errorf("part of %d bytes, more than %d", f.UncompressedSize64, maxPart)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b := make([]byte, 0, f.UncompressedSize64+1)
	for {
		n, err := rc.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			return nil, errors.New("part longer than its zip header says")
		}
	}
}
