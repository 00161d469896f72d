package ipadict

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/dict/trie"
)

// Note: readIndexTable, readMorphs and readConnectionTable decode exactly the
// formats that dict.ReadIndexTable, dict.ReadMorphs and
// dict.ReadConnectionTable read (kagome-dict v1.1.7, little endian), from the
// inflated part instead of a few bytes at a time through encoding/binary;
// readPOSTable reads the released pos.dict's gob stream without
// encoding/gob. TestLoadEqualsIPA checks the whole dictionary against
// ipa.Dict(); TestReadersAsLibrary and TestPOSAndConnectionAsLibrary each
// reader against the library's on the released part and on damaged copies of
// it; FuzzReadIndexTable, FuzzReadMorphs, FuzzReadConnectionTable and
// FuzzReadPOSTable that no input makes them panic, allocate beyond the
// input's size or decode differently from the library.

// errShort is the error for a part that ends inside a record.
var errShort = errors.New("unexpected end of part")

// count reads the int64 element count at b[0:8] and checks that n elements of
// size bytes each fit in the rest of b, so that a damaged count cannot make
// an allocation larger than the part.
func count(b []byte, size int) (int, error) {
	if len(b) < 8 {
		return 0, errShort
	}
	n := int64(binary.LittleEndian.Uint64(b))
	if n < 0 || n > int64(len(b)-8)/int64(size) {
		return 0, fmt.Errorf("count %d does not fit in %d bytes: %w", n, len(b)-8, errShort)
	}
	return int(n), nil
}

// readIndexTable decodes index.dict: the trie (an int64 count, then each
// element's Base and Check as int32) followed by the duplicates map (an int64
// count, then int32 key and value pairs). Bytes after the map are ignored, as
// dict.ReadIndexTable ignores them.
func readIndexTable(b []byte) (dict.IndexTable, error) {
	var idx dict.IndexTable
	n, err := count(b, 8)
	if err != nil {
		return idx, err
	}
	b = b[8:]
	da := make(trie.DoubleArray, n)
	for i := range da {
		e := b[8*i : 8*i+8 : 8*i+8]
		da[i].Base = int32(binary.LittleEndian.Uint32(e))
		da[i].Check = int32(binary.LittleEndian.Uint32(e[4:]))
	}
	idx.Da = da
	b = b[8*n:]
	m, err := count(b, 8)
	if err != nil {
		return idx, err
	}
	b = b[8:]
	idx.Dup = make(map[int32]int32, m)
	for i := range m {
		e := b[8*i : 8*i+8 : 8*i+8]
		idx.Dup[int32(binary.LittleEndian.Uint32(e))] = int32(binary.LittleEndian.Uint32(e[4:]))
	}
	return idx, nil
}

// readMorphs decodes morph.dict: an int64 count, then each morph's LeftID,
// RightID and Weight as int16.
func readMorphs(b []byte) (dict.Morphs, error) {
	n, err := count(b, 6)
	if err != nil {
		return nil, err
	}
	b = b[8:]
	m := make(dict.Morphs, n)
	for i := range m {
		e := b[6*i : 6*i+6 : 6*i+6]
		m[i].LeftID = int16(binary.LittleEndian.Uint16(e))
		m[i].RightID = int16(binary.LittleEndian.Uint16(e[2:]))
		m[i].Weight = int16(binary.LittleEndian.Uint16(e[4:]))
	}
	return m, nil
}

// readConnectionTable decodes connection.dict: Row and Col as int64, then
// Row×Col int16 costs. Bytes after them are ignored, as
// dict.ReadConnectionTable ignores them.
func readConnectionTable(b []byte) (dict.ConnectionTable, error) {
	var t dict.ConnectionTable
	if len(b) < 16 {
		return t, errShort
	}
	t.Row = int64(binary.LittleEndian.Uint64(b))
	t.Col = int64(binary.LittleEndian.Uint64(b[8:]))
	b = b[16:]
	if t.Row < 0 || t.Col < 0 || t.Col > 0 && t.Row > int64(len(b))/2/t.Col {
		return t, fmt.Errorf("%d×%d costs do not fit in %d bytes: %w", t.Row, t.Col, len(b), errShort)
	}
	t.Vec = make([]int16, t.Row*t.Col)
	for i := range t.Vec {
		t.Vec[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	return t, nil
}

// The gob type definitions that open the released pos.dict's two values,
// the []dict.POS (type 65, a slice of type 64, dict.POS, a slice of uint)
// and the []string (type 66), as dict.POSTable.WriteTo's gob encoder wrote
// them.
var (
	posTypes = []byte{
		0x0d, 0xff, 0x81, 0x02, 0x01, 0x02, 0xff, 0x82, 0x00, 0x01, 0xff, 0x80, 0x00, 0x00,
		0x10, 0x7f, 0x02, 0x01, 0x01, 0x03, 'P', 'O', 'S', 0x01, 0xff, 0x80, 0x00, 0x01, 0x06, 0x00, 0x00,
	}
	nameTypes = []byte{0x0c, 0xff, 0x83, 0x02, 0x01, 0x02, 0xff, 0x84, 0x00, 0x01, 0x0c, 0x00, 0x00}
)

// Type IDs of the values, as gob writes them (ints: 65 and 66 shifted left).
const (
	posTypeID  = 65 << 1
	nameTypeID = 66 << 1
)

// readPOSTable decodes pos.dict: when it holds the released file's gob type
// definitions, by readPOSGob; otherwise, and if readPOSGob finds anything
// else than it expects, by dict.ReadPOSTable (encoding/gob), so that the
// result is always the library's.
//
// Note: encoding/gob decodes the 392,127 parts-of-speech vectors one
// allocation each, through reflection (130 ms of CPU, 1.2 M allocations);
// readPOSGob decodes them into one array, each vector a full slice
// expression of it.
func readPOSTable(b []byte) (dict.POSTable, error) {
	if t, ok := readPOSGob(b); ok {
		return t, nil
	}
	return dict.ReadPOSTable(bytes.NewReader(b))
}

// readPOSGob decodes the gob stream b of a POSTable as WriteTo wrote the
// released file, and reports whether b was exactly that: the type
// definitions posTypes, the vectors' message, nameTypes, the names' message.
// Bytes after it are ignored, as gob.Decoder leaves them unread.
func readPOSGob(b []byte) (dict.POSTable, bool) {
	var t dict.POSTable
	g := gobReader{b: b}
	if !g.prefix(posTypes) {
		return t, false
	}
	m, ok := g.message(posTypeID)
	if !ok {
		return t, false
	}
	n, ok := m.count()
	if !ok {
		return t, false
	}
	// Note: every count and ID takes at least one byte, so the message's
	// length bounds both allocations.
	// Note: gob leaves an empty slice nil, the table's and a vector's.
	ids := make([]dict.POSID, 0, len(m.b))
	if n > 0 {
		t.POSs = make([]dict.POS, n)
	}
	for i := range t.POSs {
		k, ok := m.count()
		if !ok {
			return t, false
		}
		if k == 0 {
			continue
		}
		from := len(ids)
		for range k {
			v, ok := m.uint()
			if !ok || v > math.MaxUint16 {
				return t, false
			}
			ids = append(ids, dict.POSID(v))
		}
		t.POSs[i] = ids[from:len(ids):len(ids)]
	}
	if len(m.b) != 0 || !g.prefix(nameTypes) {
		return t, false
	}
	if m, ok = g.message(nameTypeID); !ok {
		return t, false
	}
	if n, ok = m.count(); !ok {
		return t, false
	}
	if n > 0 {
		t.NameList = make([]string, n)
	}
	for i := range t.NameList {
		k, ok := m.count()
		if !ok || k > len(m.b) {
			return t, false
		}
		t.NameList[i] = string(m.b[:k])
		m.b = m.b[k:]
	}
	return t, len(m.b) == 0
}

// A gobReader reads the parts of a gob stream that readPOSGob needs.
type gobReader struct{ b []byte }

// prefix consumes p if b starts with it.
func (g *gobReader) prefix(p []byte) bool {
	if !bytes.HasPrefix(g.b, p) {
		return false
	}
	g.b = g.b[len(p):]
	return true
}

// uint reads a gob unsigned integer: one byte below 0x80, or the negated
// count of big-endian bytes that follow.
func (g *gobReader) uint() (uint64, bool) {
	if len(g.b) == 0 {
		return 0, false
	}
	c := g.b[0]
	if c < 0x80 {
		g.b = g.b[1:]
		return uint64(c), true
	}
	n := -int(int8(c))
	if n > 8 || n >= len(g.b) {
		return 0, false
	}
	var v uint64
	for _, x := range g.b[1 : n+1] {
		v = v<<8 | uint64(x)
	}
	g.b = g.b[n+1:]
	return v, true
}

// count reads a gob unsigned integer that counts elements, at most the bytes
// left (each element takes one at least).
func (g *gobReader) count() (int, bool) {
	v, ok := g.uint()
	if !ok || v > uint64(len(g.b)) {
		return 0, false
	}
	return int(v), true
}

// message consumes a gob message holding a value of type id (as gob writes
// it, shifted) that is not a struct (a singleton: the field delta 0 first),
// and returns a reader of the value.
func (g *gobReader) message(id uint64) (gobReader, bool) {
	n, ok := g.count()
	if !ok {
		return gobReader{}, false
	}
	m := gobReader{b: g.b[:n]}
	g.b = g.b[n:]
	if v, ok := m.uint(); !ok || v != id {
		return gobReader{}, false
	}
	if v, ok := m.uint(); !ok || v != 0 {
		return gobReader{}, false
	}
	return m, true
}
