package ingest

import (
	"fmt"
	"io"
)

// Inflating ahead (issue 29): a large worksheet part is inflated on a
// goroutine of its own into a few buffers while the sheet scanner reads the
// buffers inflated before, so that on two cores inflating and scanning one
// sheet overlap instead of taking turns. The bytes and the error the scanner
// sees are those of the part's reader, in the same order; only the sizes of
// the reads differ, which the scanner does not depend on (FuzzFastCell and
// FuzzXMLScanner read every document in pieces of 1–16 bytes).

// inflateAheadFrom is the uncompressed size from which a worksheet is
// inflated ahead: a small sheet is read before a goroutine pays off. (A
// variable so that tests can inflate every sheet ahead.)
var inflateAheadFrom uint64 = 4 << 20

const (
	// aheadChunk is the size of one buffer, aheadChunks how many there are
	// (one being scanned, the others being filled or waiting).
	aheadChunk  = 256 << 10
	aheadChunks = 4
)

// An inflateAhead reads an io.ReadCloser on its own goroutine into
// aheadChunks buffers of aheadChunk bytes.
type inflateAhead struct {
	rc   io.ReadCloser
	full chan aheadChunkRead // buffers read, in order
	free chan []byte         // buffers taken, to be read into again
	stop chan struct{}       // closed by Close
	done chan struct{}       // closed when the goroutine ends
	cur  []byte              // the unread bytes of the buffer being taken
	buf  []byte              // that buffer, returned to free once taken
	err  error               // the error after cur, once the reader ended
	shut bool
}

// An aheadChunkRead is one buffer read, and the error that ended the reader
// after it (nil while there is more).
type aheadChunkRead struct {
	b   []byte
	err error
}

// newInflateAhead starts reading rc ahead.
func newInflateAhead(rc io.ReadCloser) *inflateAhead {
	a := &inflateAhead{rc: rc, full: make(chan aheadChunkRead, aheadChunks), free: make(chan []byte, aheadChunks),
		stop: make(chan struct{}), done: make(chan struct{})}
	for range aheadChunks {
		a.free <- make([]byte, aheadChunk)
	}
	go a.run()
	return a
}

// run fills the free buffers in turn until the reader ends or Close is called.
func (a *inflateAhead) run() {
	defer close(a.done)
	for {
		var b []byte
		select {
		case b = <-a.free:
		case <-a.stop:
			return
		}
		n, err := a.fill(b)
		select {
		case a.full <- aheadChunkRead{b: b[:n], err: err}:
		case <-a.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

// fill reads into b until it is full or the reader returns an error; a
// panic in the reader is an error, as it is while scanning (prefetch.go).
func (a *inflateAhead) fill(b []byte) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	for empty := 0; n < len(b); {
		m, err := a.rc.Read(b[n:])
		if m < 0 || m > len(b)-n {
			return n, io.ErrShortBuffer
		}
		n += m
		if err != nil {
			return n, err
		}
		if m == 0 {
			if empty++; empty >= 100 {
				return n, io.ErrNoProgress
			}
		}
	}
	return n, nil
}

// Read copies the next bytes read ahead into p; after the last of them it
// returns the reader's error.
func (a *inflateAhead) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.buf != nil {
			a.free <- a.buf[:cap(a.buf)]
			a.buf = nil
		}
		if a.err != nil {
			return 0, a.err
		}
		c := <-a.full
		a.cur, a.buf, a.err = c.b, c.b, c.err
		if len(p) == 0 {
			return 0, nil
		}
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// Close stops the reading ahead, waits for its goroutine and closes the reader.
func (a *inflateAhead) Close() error {
	if a.shut {
		return nil
	}
	a.shut = true
	close(a.stop)
	<-a.done
	return a.rc.Close()
}
