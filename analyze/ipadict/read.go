package ipadict

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/dict/trie"
)

// Note: readIndexTable and readMorphs decode exactly the formats that
// dict.ReadIndexTable and dict.ReadMorphs read (kagome-dict v1.1.7, little
// endian), from the inflated part instead of four or two bytes at a time
// through encoding/binary. TestLoadEqualsIPA checks the whole dictionary
// against ipa.Dict(), TestReadersAsLibrary each reader against the library's
// on the released part and on damaged copies of it, and FuzzReadIndexTable and
// FuzzReadMorphs that no input makes them panic or allocate beyond the input's
// size.

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
