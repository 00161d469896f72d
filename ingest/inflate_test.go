package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
)

// A chunkyReader returns data in reads of 0 to 3000 bytes, then err.
type chunkyReader struct {
	data   []byte
	err    error
	rnd    *rand.Rand
	closed bool
}

func (r *chunkyReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := min(len(p), len(r.data), r.rnd.IntN(3000))
	copy(p, r.data[:n])
	r.data = r.data[n:]
	return n, nil
}

func (r *chunkyReader) Close() error { r.closed = true; return nil }

// TestInflateAhead checks that reading through an inflateAhead gives the
// reader's bytes and then its error, whatever the sizes of the reads, and
// that Close ends its goroutine at any point.
func TestInflateAhead(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	bad := errors.New("bad")
	for _, size := range []int{0, 1, aheadChunk - 1, aheadChunk, aheadChunk + 1, 3*aheadChunk + 7, 9 * aheadChunk} {
		data := make([]byte, size)
		for i := range data {
			data[i] = byte(rnd.IntN(256))
		}
		for _, end := range []error{io.EOF, bad} {
			src := &chunkyReader{data: data, err: end, rnd: rand.New(rand.NewPCG(uint64(size), 3))}
			a := newInflateAhead(src)
			var got []byte
			var err error
			buf := make([]byte, 70000)
			for err == nil {
				var n int
				n, err = a.Read(buf[:rnd.IntN(len(buf))+1])
				got = append(got, buf[:n]...)
			}
			if !bytes.Equal(got, data) || err != end {
				t.Errorf("size %d, end %v: read %d bytes (equal %v), error %v", size, end, len(got), bytes.Equal(got, data), err)
			}
			if _, err := a.Read(buf); err != end {
				t.Errorf("size %d: read after the end: %v, want %v", size, err, end)
			}
			a.Close()
			if !src.closed {
				t.Errorf("size %d: reader not closed", size)
			}
		}
		// Closed after a few reads, or none: the goroutine ends (Close waits for it).
		for reads := range 3 {
			src := &chunkyReader{data: data, err: io.EOF, rnd: rand.New(rand.NewPCG(uint64(size), 4))}
			a := newInflateAhead(src)
			for range reads {
				a.Read(make([]byte, 100))
			}
			a.Close()
			a.Close()
		}
	}
}

// A panicReader panics on its first read.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom") }
func (panicReader) Close() error             { return nil }

// TestInflateAheadPanic checks that a panic while reading ahead is an error
// of the read, not of the process.
func TestInflateAheadPanic(t *testing.T) {
	a := newInflateAhead(panicReader{})
	defer a.Close()
	if n, err := a.Read(make([]byte, 10)); n != 0 || err == nil {
		t.Errorf("read %d, %v; want an error", n, err)
	}
}

// TestInflateAheadRead reads the small batch, as it is and with crafted
// response and baseline sheets, with every sheet inflated ahead and with
// none, and compares the problems and surveys read.
func TestInflateAheadRead(t *testing.T) {
	const sheet1 = "xl/worksheets/sheet1.xml"
	edits := map[string]func(string) string{
		"as is":        func(s string) string { return s },
		"rows":         appendRow(`<row r="1048000"><c r="A1048000" t="inlineStr"><is><t>Z9</t></is></c><c r="B1048000"><v>1</v></c></row>`),
		"broken":       appendRow(`<row r="1048000"><c r="A1048000"><v>1</v></row>`),
		"out of order": appendRow(`<row r="1"><c r="A1"><v>1</v></c></row>`),
		"long cell":    appendRow(longCellRow(`<is><t>` + strings.Repeat("あ", maxCellChars+1) + `</t></is>`)),
	}
	base := smallBatch(t)
	read := func(fsys fstest.MapFS, from uint64) string {
		defer func(v uint64) { inflateAheadFrom = v }(inflateAheadFrom)
		inflateAheadFrom = from
		b, err := Read(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%+v\n%+v\n%+v", b.Problems, b.Current, b.Baseline)
	}
	for name, edit := range edits {
		for _, file := range []string{"responses/a.xlsx", "baseline/base.xlsx"} {
			fsys := smallBatch(t)
			fsys[file] = &fstest.MapFile{Data: editZip(t, base[file].Data, sheet1, edit)}
			if got, want := read(fsys, 0), read(fsys, 1<<62); got != want {
				t.Errorf("%s %s: inflated ahead\n%s\nnot\n%s", name, file, got, want)
			}
		}
	}
}
