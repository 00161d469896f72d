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
// here, each part on its own goroutine: with the library's readers where they
// cost nothing, with readers of our own for exactly the released format where
// the library's decode a few bytes at a time (the index trie, the morphs and
// the connection table through encoding/binary, the part-of-speech table
// through encoding/gob; read.go). The contents (content.dict: each morph's
// 活用型, 活用形, 基本形, 読み and 発音) are not split into the Dict's Contents,
// which kagome's tokenizer never reads: they stay one string, read by
// Dict.FeatureAt (see Dict).
//
// TestLoadEqualsIPA checks that the Dict is reflect.DeepEqual to ipa.Dict()
// but for its Contents (dictionary info included), and that FeatureAt gives
// every feature of every morph as ipa.Dict()'s Contents hold it; so the tokens
// (and every output) cannot change. The tests are the only importers of
// kagome-dict/ipa, so the binary holds the dictionary once.
//
// Note: the folder is embedded with the pattern *, as render/assets is, so
// that a clone without the copied file still compiles (go vet and the tests of
// the packages that need no dictionary run anywhere); Load then fails with
// ErrNotEmbedded, and `midreview run` and `demo` refuse at once
// (analyze.IPADictEmbedded). The Go files and README.md are embedded too
// (about 30 KB).
package ipadict

import (
	"archive/zip"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
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

// A Dict is kagome's IPA dictionary as Load decodes it: the released
// ipa.Dict() in every field but Contents, which is nil (as in kagome-dict's
// dict.LoadShrink), and the contents' features kept in Contents instead.
//
// Note: kagome's tokenizer never reads Dict.Contents (only Token.Features,
// Token.FeatureAt and the methods built on them do), and splitting the 22 MB
// part into 392,127 rows of five strings took 90 ms of CPU and 47 MB more
// heap, 41 MB of it pointers for every garbage collection to mark; a run
// reads two features of the few thousand distinct morphs it meets. So a
// token's features are read through FeatureAt by its ID, and Token.Features
// and Token.FeatureAt of a known token give its parts of speech only.
type Dict struct {
	*dict.Dict
	Contents *Contents
}

// FeatureAt returns the i-th feature of the known morph id, as kagome's
// Token.FeatureAt returns it for a known token of the full dictionary: its
// parts of speech (POSTable), then its contents.
func (d *Dict) FeatureAt(id, i int) (string, bool) {
	if i < 0 || id < 0 || id >= len(d.POSTable.POSs) {
		return "", false
	}
	pos := d.POSTable.POSs[id]
	if i < len(pos) {
		if int(pos[i]) >= len(d.POSTable.NameList) {
			return "", false
		}
		return d.POSTable.NameList[pos[i]], true
	}
	return d.Contents.At(id, i-len(pos))
}

// Contents is the part content.dict as released: one row per morph, rows
// separated by "\n", a row's features by "\a" (dict.NewContents splits it
// into the same rows and features).
type Contents struct {
	text string
	// starts[i] is where row i begins in text; starts[Len()] is one past
	// text's end, as if a separator followed the last row.
	starts []int32
}

// newContents indexes the rows of text.
func newContents(text string) (*Contents, error) {
	if len(text) >= math.MaxInt32 {
		return nil, fmt.Errorf("contents of %d bytes", len(text))
	}
	starts := make([]int32, 1, strings.Count(text, "\n")+2)
	for i := 0; ; {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		starts = append(starts, int32(i))
	}
	return &Contents{text: text, starts: append(starts, int32(len(text)+1))}, nil
}

// Len is the number of rows (dict.NewContents's len).
func (c *Contents) Len() int { return len(c.starts) - 1 }

// At returns feature j of row id (dict.NewContents's [id][j]), and whether
// the row has one.
func (c *Contents) At(id, j int) (string, bool) {
	if c == nil || id < 0 || id >= c.Len() || j < 0 {
		return "", false
	}
	row := c.text[c.starts[id] : c.starts[id+1]-1]
	for ; j > 0; j-- {
		k := strings.IndexByte(row, '\a')
		if k < 0 {
			return "", false
		}
		row = row[k+1:]
	}
	if k := strings.IndexByte(row, '\a'); k >= 0 {
		row = row[:k]
	}
	return row, true
}

// parts lists the dictionary's zip entries by name, each with its decoder;
// Load fails on any other, as dict.Load does.
var parts = map[string]func(d *Dict, f *zip.File) error{
	dict.MorphDictFileName: func(d *Dict, f *zip.File) (err error) {
		b, err := inflate(f)
		if err == nil {
			d.Morphs, err = readMorphs(b)
		}
		return err
	},
	dict.POSDictFileName: func(d *Dict, f *zip.File) (err error) {
		b, err := inflate(f)
		if err == nil {
			d.POSTable, err = readPOSTable(b)
		}
		return err
	},
	dict.ContentMetaFileName: func(d *Dict, f *zip.File) (err error) {
		b, err := inflate(f)
		if err == nil {
			d.ContentsMeta, err = dict.ReadContentsMeta(bytes.NewReader(b))
		}
		return err
	},
	// Note: inflated into a string, which the features are cut from
	// (Contents.At), as dict.NewContents cuts its rows from one string.
	dict.ContentDictFileName: func(d *Dict, f *zip.File) error {
		s, err := inflateString(f)
		if err == nil {
			d.Contents, err = newContents(s)
		}
		return err
	},
	dict.IndexDictFileName: func(d *Dict, f *zip.File) (err error) {
		b, err := inflate(f)
		if err == nil {
			d.Index, err = readIndexTable(b)
		}
		return err
	},
	dict.ConnectionDictFileName: func(d *Dict, f *zip.File) (err error) {
		b, err := inflate(f)
		if err == nil {
			d.Connection, err = readConnectionTable(b)
		}
		return err
	},
	dict.CharDefDictFileName: func(d *Dict, f *zip.File) error {
		b, err := inflate(f)
		if err != nil {
			return err
		}
		def, err := dict.ReadCharDef(bytes.NewReader(b))
		if err != nil {
			return err
		}
		d.CharClass, d.CharCategory, d.InvokeList, d.GroupList = def.CharClass, def.CharCategory, def.InvokeList, def.GroupList
		return nil
	},
	dict.UnkDictFileName: func(d *Dict, f *zip.File) (err error) {
		b, err := inflate(f)
		if err == nil {
			d.UnkDict, err = dict.ReadUnkDic(bytes.NewReader(b))
		}
		return err
	},
	dict.DictInfoFileName: func(d *Dict, f *zip.File) error {
		b, err := inflate(f)
		if err == nil {
			d.SetInfo(dict.ReadDictInfo(bytes.NewReader(b)))
		}
		return err
	},
}

// costOrder lists the parts that take time to load, costliest first.
var costOrder = []string{
	dict.IndexDictFileName,
	dict.ContentDictFileName,
	dict.ConnectionDictFileName,
	dict.POSDictFileName,
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

// Load decodes the embedded dictionary: the same Dict as ipa.Dict() but for
// its contents, kept in Dict.Contents (see Dict), each zip part inflated and
// decoded on its own goroutine, at most GOMAXPROCS at a time, the costliest
// parts first.
//
// A part that fails (or a reader that panics) makes Load return the error
// naming the part; there is no second, sequential attempt: the bytes are
// embedded and the readers deterministic, so it would fail the same way
// (TestLoadEqualsIPA shows that it does not fail).
func Load() (*Dict, error) {
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

func load(r io.ReaderAt, size int64, workers int) (*Dict, error) {
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
	// decode, almost all of it inflating: the index about 0.14 s, the
	// contents 0.09 s, the connection table 0.04 s, the part-of-speech table
	// 0.03 s, the morphs 0.015 s, the rest nothing), so that on two cores the
	// two longest run side by side and the short ones fill in after them.
	sort.SliceStable(entries, func(i, j int) bool {
		return rank(entries[i].Name) < rank(entries[j].Name)
	})
	workers = max(1, min(workers, len(entries)))
	// Note: each part's decoder writes only its own fields of d, so the
	// goroutines share no memory until wg.Wait.
	var (
		d    = Dict{Dict: new(dict.Dict)}
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
func loadPart(f *zip.File, d *Dict) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("IPA dictionary: %q: panic: %v", f.Name, r)
		}
	}()
	if err := parts[f.Name](d, f); err != nil {
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

// inflateString is inflate into a string.
func inflateString(f *zip.File) (string, error) {
	if f.UncompressedSize64 > maxPart {
		return "", fmt.Errorf("part of %d bytes, more than %d", f.UncompressedSize64, maxPart)
	}
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	var sb strings.Builder
	sb.Grow(int(f.UncompressedSize64))
	if _, err := io.Copy(&sb, io.LimitReader(rc, int64(f.UncompressedSize64)+1)); err != nil {
		return "", err
	}
	if uint64(sb.Len()) > f.UncompressedSize64 {
		return "", errors.New("part longer than its zip header says")
	}
	return sb.String(), nil
}
