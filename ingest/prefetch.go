package ingest

import (
	"fmt"
	"io/fs"
	"runtime"
	"sync"
)

// Reading ahead: the response and baseline files are opened and their rows
// scanned (unzipping, XML or CSV decoding) on other goroutines, at most
// GOMAXPROCS files at a time, while the reader parses and validates the rows
// of the files before them. The reader still takes the files and rows one by
// one in file-name order, so problems, respondents and duplicate checks are
// exactly those of a sequential read.
//
// Note: a file's rows wait in a bounded queue (aheadBatches × aheadRows rows),
// so memory does not grow with the size of the files read ahead.

const (
	aheadRows    = 512 // rows per batch handed to the reader
	aheadBatches = 8   // batches queued per file
)

// A prefetcher reads data files ahead of the reader.
type prefetcher struct {
	fsys  fs.FS
	files map[string]*aheadFile
	sem   chan struct{} // one token per file being read
	stop  chan struct{} // closed when the read ends
	wg    sync.WaitGroup
}

// An aheadFile is one file read ahead.
type aheadFile struct {
	path     string
	ready    chan struct{} // closed once data, err, problems and sheet are set
	data     []byte
	err      error     // from reading the file system
	problems []Problem // from opening the file
	src      rowSource // nil when the file could not be opened
	sheet    string
	rows     chan rowBatch // closed after the last batch (scanErr is set then)
	spare    chan rowBatch // batches the reader is done with, to be filled again
	done     chan struct{} // closed by the reader when it stops taking rows
	scanErr  error
	crRow    int // the source's CRRow, set with scanErr
	rowsHint int // the source's RowsHint, set before the first batch is sent
}

// A rowBatch holds consecutive rows: row i is cells[ends[i-1]:ends[i]],
// numbered nums[i]. The rows of a workbook (a spanSource) are held as bytes
// instead: row i is spans[ends[i-1]:ends[i]], whose offsets count from
// bases[i] in the batch's bytes: vals while the batch is filled, text once
// it is sent (one string for the batch, so that each value is a substring
// of it rather than a string of its own); its shared strings are sst.
type rowBatch struct {
	nums    []int
	ends    []int
	cells   []string
	spanned bool // the rows are spans, not cells
	spans   []cellSpan
	bases   []int32
	vals    []byte
	text    string
	sst     []string
}

// A spanSource is a rowSource that hands its rows over as bytes
// (sheetScanner.Spans).
type spanSource interface {
	Spans() (vals []byte, spans []cellSpan, sst []string)
}

// add appends the current row of src to the batch.
func (b *rowBatch) add(src rowSource) {
	b.nums = append(b.nums, src.Num())
	if ss, ok := src.(spanSource); ok {
		vals, spans, sst := ss.Spans()
		// Note: offsets stay within int32: the values of a batch are
		// never more bytes than the sheet XML they were read from, at
		// most maxUnzip.
		b.bases = append(b.bases, int32(len(b.vals)))
		b.vals = append(b.vals, vals...)
		b.spans = append(b.spans, spans...)
		b.spanned, b.sst = true, sst
		b.ends = append(b.ends, len(b.spans))
		return
	}
	b.cells = append(b.cells, src.Row()...)
	b.ends = append(b.ends, len(b.cells))
}

// seal makes the batch's text from its bytes, before it is sent.
func (b *rowBatch) seal() {
	if b.spanned {
		b.text = string(b.vals)
	}
}

func newPrefetcher(fsys fs.FS) *prefetcher {
	return &prefetcher{fsys: fsys, files: map[string]*aheadFile{},
		sem: make(chan struct{}, runtime.GOMAXPROCS(0)), stop: make(chan struct{})}
}

// start reads paths ahead in the order given, which must be the order the
// reader takes them in (it is called once per Read).
func (pf *prefetcher) start(paths []string) {
	files := make([]*aheadFile, len(paths))
	for i, p := range paths {
		files[i] = &aheadFile{path: p, ready: make(chan struct{}), rows: make(chan rowBatch, aheadBatches),
			spare: make(chan rowBatch, aheadBatches+1), done: make(chan struct{})}
		pf.files[p] = files[i]
	}
	pf.wg.Go(func() {
		for i, f := range files {
			select {
			case pf.sem <- struct{}{}:
			case <-pf.stop:
				return
			}
			files[i] = nil // the file's bytes go once its reader and read are done
			pf.wg.Go(func() { pf.read(f) })
		}
	})
}

// close stops the reading ahead still going on and waits for it to end, so
// that no goroutine outlives the Read.
func (pf *prefetcher) close() {
	close(pf.stop)
	pf.wg.Wait()
}

// read reads, opens and scans file f, then frees its token.
func (pf *prefetcher) read(f *aheadFile) {
	defer func() { <-pf.sem }()
	defer close(f.rows)
	f.data, f.err = fs.ReadFile(pf.fsys, f.path)
	if f.err == nil {
		f.src, _ = openTableAt(f.path, f.data, func(p Problem) { f.problems = append(f.problems, p) })
	}
	if f.src != nil {
		f.sheet = f.src.Sheet()
	}
	close(f.ready)
	if f.src == nil {
		return
	}
	defer f.src.Close()
	// Note: a panic while scanning ends this file as unreadable, as one while
	// opening does (openBookAt), instead of the whole process.
	defer func() {
		if r := recover(); r != nil {
			f.scanErr = fmt.Errorf("%v", r)
		}
	}()
	b := f.newRowBatch(rowBatch{})
	hinted := false
	hint := func() {
		// Note: once, before the first batch is sent (so that the reader,
		// which takes it after the batch, reads it without a race), from
		// the rows of that batch.
		if h, ok := f.src.(sizedSource); ok && !hinted {
			f.rowsHint = h.RowsHint()
		}
		hinted = true
	}
	for f.src.Next() {
		b.add(f.src)
		if len(b.nums) < aheadRows {
			continue
		}
		hint()
		if !pf.send(f, b) {
			return
		}
		b = f.newRowBatch(b)
	}
	f.scanErr, f.crRow = f.src.Err(), f.src.CRRow()
	if len(b.nums) > 0 {
		hint()
		pf.send(f, b)
	}
}

// newRowBatch returns an empty batch: one the reader is done with, or a new
// one with room for the cells and bytes of prev, the batch before (rows of
// one file are alike).
// Note: reusing the batches saves allocating and clearing about 250 MB per
// read of the 100k scale batch (a string header per cell).
func (f *aheadFile) newRowBatch(prev rowBatch) rowBatch {
	select {
	case b := <-f.spare:
		return rowBatch{nums: b.nums[:0], ends: b.ends[:0], cells: b.cells[:0], spans: b.spans[:0], bases: b.bases[:0], vals: b.vals[:0]}
	default:
	}
	// Note: an eighth more, as rows are as wide as their last value.
	more := func(n int) int { return n + n/8 }
	b := rowBatch{nums: make([]int, 0, aheadRows), ends: make([]int, 0, aheadRows)}
	if prev.spanned {
		b.spans, b.vals = make([]cellSpan, 0, more(len(prev.spans))), make([]byte, 0, more(len(prev.vals)))
		b.bases = make([]int32, 0, aheadRows)
	} else if len(prev.cells) > 0 {
		b.cells = make([]string, 0, more(len(prev.cells)))
	}
	return b
}

// send queues batch b of file f and reports whether the reader still wants rows.
func (pf *prefetcher) send(f *aheadFile, b rowBatch) bool {
	b.seal()
	select {
	case f.rows <- b:
		return true
	case <-f.done:
	case <-pf.stop:
	}
	return false
}

// open returns the file at p read and opened, waiting for it when it is read
// ahead, else reading it now: its bytes, the problems
// found opening it, its rows (nil when it could not be opened), and a
// file-system error.
func (rd *reader) open(p string) (data []byte, problems []Problem, src rowSource, err error) {
	if rd.ahead != nil {
		if f, ok := rd.ahead.files[p]; ok {
			// Note: the file is forgotten here, so that its bytes (a response
			// part is 50 MB) are collected once its rows are read, not kept
			// until the whole batch is.
			delete(rd.ahead.files, p)
			<-f.ready
			if f.src == nil {
				return f.data, f.problems, nil, f.err
			}
			return f.data, f.problems, &aheadSource{f: f, i: -1}, f.err
		}
	}
	data, err = fs.ReadFile(rd.fsys, p)
	if err != nil {
		return nil, nil, nil, err
	}
	src, _ = openTableAt(p, data, func(pr Problem) { problems = append(problems, pr) })
	return data, problems, src, nil
}

// An aheadSource is the rowSource of a file read ahead.
type aheadSource struct {
	f      *aheadFile
	b      rowBatch
	i      int
	row    []string
	rowBuf []string // backing store of row for a batch of spans
	num    int
	closed bool
}

func (s *aheadSource) Next() bool {
	for s.i+1 >= len(s.b.nums) {
		// Note: the rows of the batch taken are no longer valid (Row's
		// contract), so it is handed back to be filled again.
		if s.b.nums != nil {
			select {
			case s.f.spare <- s.b:
			default:
			}
			s.b = rowBatch{}
		}
		b, ok := <-s.f.rows
		if !ok {
			return false
		}
		s.b, s.i = b, -1
	}
	s.i++
	from := 0
	if s.i > 0 {
		from = s.b.ends[s.i-1]
	}
	to := s.b.ends[s.i]
	s.num = s.b.nums[s.i]
	if !s.b.spanned {
		s.row = s.b.cells[from:to:to]
		return true
	}
	// Note: the row's values are substrings of the batch's text (or shared
	// strings), so no value is a string of its own; a reader keeping one
	// beyond the row clones it (fileReader.row).
	s.row = s.rowBuf[:0]
	base := s.b.bases[s.i]
	for _, c := range s.b.spans[from:to] {
		if c.from < 0 {
			s.row = append(s.row, s.b.sst[-c.from-1])
		} else {
			s.row = append(s.row, s.b.text[base+c.from:base+c.to])
		}
	}
	s.rowBuf = s.row
	return true
}

func (s *aheadSource) Row() []string { return s.row }

// RowsHint returns the source's RowsHint (0 for a CSV) as it was when the
// first batch was sent (after aheadRows rows, or all of them); it is known
// once Next has returned a row.
func (s *aheadSource) RowsHint() int { return s.f.rowsHint }
func (s *aheadSource) Num() int      { return s.num }
func (s *aheadSource) Sheet() string { return s.f.sheet }

// Err returns the scanning error; it is known once Next has returned false.
func (s *aheadSource) Err() error { return s.f.scanErr }

// CRRow returns the source's CRRow; it is known once Next has returned false.
func (s *aheadSource) CRRow() int { return s.f.crRow }

// Close tells the file's reading ahead that no more rows are wanted.
func (s *aheadSource) Close() {
	if !s.closed {
		s.closed = true
		close(s.f.done)
	}
}
