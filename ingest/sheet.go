package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Bounds on the work of reading one workbook (docs/design.md, Bounded reading).
// Every xlsx path (definitions, corrections, responses, baseline, hearings)
// reads sheets through a workbook and a sheetScanner, so these hold for all.
const (
	// maxRows and maxCols are Excel's own limits (1,048,576 rows × 16,384 columns, XFD).
	maxRows = excelize.TotalRows
	maxCols = excelize.MaxColumns

	// maxUnzip is the largest total uncompressed size of a workbook's parts:
	// about 20 times the 100,000-respondent sample's 44 MB response sheet.
	maxUnzip = 1 << 30

	// maxRatio is the largest compression ratio accepted for a part larger
	// than ratioFrom. Real sheets compress 5–20 times (the 100k sample: 8.5);
	// a zip bomb of repeated bytes compresses about 1,000 times.
	maxRatio  = 100
	ratioFrom = 32 << 20

	// minWork and workPerByte size a workbook's work budget: rows visited
	// (present, padded or covered by a merged range) plus cells materialised,
	// at most minWork or workPerByte per uncompressed byte, whichever is more.
	// minWork lets a definitions sheet be padded to Excel's last row a few times
	// over; a real sheet needs far less than one unit per byte (a cell takes at
	// least 14 bytes of XML: <c><v>1</v></c>).
	minWork     = 4 * maxRows
	workPerByte = 1

	// maxCellChars is Excel's limit on the characters of one cell (counted
	// in UTF-16 units, as Excel counts them). A longer value, inline, shared
	// or in a CSV field, was not written by Excel: it is an error naming the
	// cell, found after reading at most maxTextBytes of it.
	maxCellChars = 32767

	// minSharedStrings and bytesPerSharedString bound the number of shared
	// strings: a string is worth keeping only if a cell refers to it, and the
	// shortest such cell (<c t="s"><v>0</v></c>) takes 20 bytes of the other
	// parts; minSharedStrings leaves room for the unused strings some writers
	// keep. 300 MB of empty <si/> would otherwise be 60 million strings.
	minSharedStrings     = 1 << 16
	bytesPerSharedString = 20
)

// A sheetError is a worksheet that cannot be read within the bounds above, or
// that is not well-formed. Row is the 1-based row where it was found, 0 when
// unknown; Hint and Args say why, as a Problem's do (problem.go's table).
type sheetError struct {
	Row, Col int // Col is 1-based, 0 when the error concerns no single cell
	Hint     Hint
	Args     []string
}

// withRow returns err located at row when it is a sheetError without a row.
func withRow(err error, row int) error {
	var se *sheetError
	if errors.As(err, &se) && se.Row == 0 {
		c := *se
		c.Row = row
		return &c
	}
	return err
}

func newSheetError(row int, h Hint, args ...string) *sheetError {
	return &sheetError{Row: row, Hint: h, Args: args}
}

func (e *sheetError) Error() string {
	if e.Col > 0 && e.Row > 0 {
		return fmt.Sprintf("%s: %s", CellName(e.Row, e.Col), hintText(e.Hint, e.Args))
	}
	if e.Row > 0 {
		return fmt.Sprintf("row %d: %s", e.Row, hintText(e.Hint, e.Args))
	}
	return hintText(e.Hint, e.Args)
}

// sheetProblem returns the error problem for a sheet that could not be read:
// CodeFileUnreadable at the row where reading stopped, when known.
func sheetProblem(file, sheet string, err error) Problem {
	p := Problem{Severity: Error, Code: CodeFileUnreadable, File: file, Sheet: sheet, Hint: HintCause, Args: []string{err.Error()}}
	var se *sheetError
	if errors.As(err, &se) {
		p.Row, p.Col, p.Hint, p.Args = se.Row, se.Col, se.Hint, se.Args
	}
	return p
}

// errCellTooLong is the error of the cell at 1-based col and row (col 0 when
// unknown) whose value is longer than maxCellChars.
func errCellTooLong(row, col int) *sheetError {
	e := newSheetError(row, HintCellTooLong, strconv.Itoa(maxCellChars))
	e.Col = col
	return e
}

// cellChars returns the length of s as Excel counts it: UTF-16 units.
func cellChars[T string | []byte](s T) int {
	if len(s) <= maxCellChars {
		return len(s) // Note: never more units than bytes.
	}
	n := 0
	for _, r := range string(s) {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// A workbook is an opened xlsx: excelize's view of its structure (sheet list,
// visibility) and the zip parts, from which sheets are scanned with bounded work.
type workbook struct {
	*excelize.File
	parts  map[string]*zip.File // by slash path, lower case
	sheets map[string]string    // sheet name → worksheet part path, lower case
	size   int64                // total uncompressed bytes of the parts
	stubs  bool                 // excelize was shown stubs of the largest parts (excelizeView)
	work   int64                // work left (see minWork)
	maxSST int                  // most shared strings accepted (see minSharedStrings)
	sst    []string             // shared strings, read on first use
	sstErr error
	sstOK  bool
}

// checkZip reports why the xlsx bytes cannot be opened within the bounds, or
// nil when they can (or are not a zip at all: excelize then reports that).
// Note: excelize sizes its buffers from the zip header, so a corrupt header
// claiming gigabytes would stall the run (found by FuzzReadWorkbook); a part
// excelize reads may declare at most maxZipPart. Worksheets and shared strings
// over stubFrom never reach excelize (excelizeView), so they may be larger:
// only the scanner reads them, through archive/zip, which stops at the
// declared size and checks the CRC at the end.
func checkZip(data []byte) *sheetError {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > maxUnzip {
			return newSheetError(0, HintUnzipLimit, strconv.Itoa(maxUnzip>>20))
		}
		if f.UncompressedSize64 > ratioFrom && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
			return newSheetError(0, HintZipRatio, f.Name, strconv.FormatUint(f.CompressedSize64, 10), strconv.FormatUint(f.UncompressedSize64, 10))
		}
		if f.UncompressedSize64 > maxZipPart && !stubbed(f) {
			return newSheetError(0, HintCorrupt)
		}
	}
	return nil
}

// zipPartTooLarge reports whether the xlsx bytes declare more than can be read
// within the bounds (see checkZip).
func zipPartTooLarge(data []byte) bool { return checkZip(data) != nil }

// maxZipPart is the largest declared size accepted for a workbook part that
// excelize reads.
const maxZipPart = 64 << 20

// stubFrom is the size over which a worksheet or the shared strings are not
// shown to excelize (excelizeView): 16 MiB, where excelize would start
// unpacking them to a temporary file (its StreamChunkSize).
const stubFrom = excelize.StreamChunkSize

// stubbed reports whether zip entry f is a worksheet or the shared strings
// over stubFrom, which excelize is shown as an empty stub.
func stubbed(f *zip.File) bool {
	name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
	big := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
	return big && f.UncompressedSize64 > stubFrom
}

// Stubs of a worksheet and of the shared strings, shown to excelize instead
// of the real parts over stubFrom.
const (
	stubSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`
	stubSST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>`
)

// excelizeView returns the xlsx bytes excelize opens: data itself, or, when a
// worksheet or the shared strings are over stubFrom, a copy with those parts
// replaced by stubs (the other parts copied compressed as they are). It
// reports whether any part was replaced.
// Note: ingest reads cell values with its own scanner from the real parts;
// excelize is needed for the sheet list, visibility and, in definitions, a
// percent format. Unpacking a 300 MB sheet to a temporary file took excelize
// 20 s on the build machine (issue 30) and left the file behind when the run
// was killed; with the stub it never sees it.
func excelizeView(data []byte) ([]byte, bool, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return data, false, nil // not a zip: excelize reports it
	}
	some := false
	for _, f := range zr.File {
		some = some || stubbed(f)
	}
	if !some {
		return data, false, nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if !stubbed(f) {
			if err := zw.Copy(f); err != nil {
				return nil, false, err
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, false, err
		}
		stub := stubSheet
		if !strings.HasPrefix(strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/")), "xl/worksheets/") {
			stub = stubSST
		}
		if _, err := io.WriteString(w, stub); err != nil {
			return nil, false, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

// newWorkbook indexes the parts of the opened workbook f (its bytes are data)
// and maps each sheet name to its worksheet part.
func newWorkbook(f *excelize.File, data []byte) (*workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	wb := &workbook{File: f, parts: make(map[string]*zip.File, len(zr.File)), sheets: map[string]string{}}
	for _, zf := range zr.File {
		wb.parts[strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))] = zf
		wb.size += int64(zf.UncompressedSize64)
	}
	wb.work = max(minWork, workPerByte*wb.size)
	other := wb.size
	if zf, ok := wb.parts["xl/sharedstrings.xml"]; ok {
		other -= int64(zf.UncompressedSize64)
	}
	wb.maxSST = minSharedStrings + int(min(other/bytesPerSharedString, maxUnzip))
	// Note: excelize keeps the sheet → part map private, so it is rebuilt here
	// from the same three parts excelize reads: the package relationships name
	// the workbook, whose relationships name each sheet's part.
	book := "xl/workbook.xml"
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := wb.decodePart("_rels/.rels", &rels); err == nil {
		for _, r := range rels.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				book = partPath("", r.Target)
			}
		}
	}
	var wbx struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := wb.decodePart(book, &wbx); err != nil {
		return nil, err
	}
	dir, base := path.Split(book)
	rels.Rel = nil
	if err := wb.decodePart(dir+"_rels/"+base+".rels", &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rel {
		target[r.ID] = partPath(dir, r.Target)
	}
	for _, s := range wbx.Sheets {
		for _, a := range s.Attr {
			if a.Name.Local == "id" {
				wb.sheets[s.Name] = target[a.Value]
			}
		}
	}
	return wb, nil
}

// partPath resolves a relationship target against dir, the folder of the part
// that holds the relationship, as a lower-case slash path without leading slash.
func partPath(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if !strings.HasPrefix(target, "/") {
		target = dir + target
	}
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+target), "/"))
}

// decodePart decodes the small XML part name into v.
// Note: only the workbook and relationship parts go through here; excelize has
// already read them into memory, so their size is bounded by maxZipPart.
func (wb *workbook) decodePart(name string, v any) error {
	zf, ok := wb.parts[name]
	if !ok {
		return newSheetError(0, HintMissingPart, name)
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, maxZipPart)).Decode(v)
}

// spend takes n units from the work budget and reports whether it held.
func (wb *workbook) spend(n int64) bool {
	if workHook != nil {
		workHook(n)
	}
	wb.work -= n
	return wb.work >= 0
}

// workHook, when set by a test, is told of all work drawn.
var workHook func(n int64)

// errBudget is the error when a workbook needs more work than its size allows.
func errBudget(row int) error {
	return newSheetError(row, HintTooMuchWork)
}

// sharedStrings returns the workbook's shared strings, reading them once.
// Each string and each rich-text run draws on the work budget; there are at
// most maxSST strings and each holds at most maxCellChars characters, which
// is found after reading at most maxTextBytes of it.
func (wb *workbook) sharedStrings() ([]string, error) {
	if wb.sstOK {
		return wb.sst, wb.sstErr
	}
	wb.sstOK = true
	zf, ok := wb.parts["xl/sharedstrings.xml"]
	if !ok {
		return nil, nil
	}
	rc, err := zf.Open()
	if err != nil {
		wb.sstErr = err
		return nil, err
	}
	defer rc.Close()
	wb.sst, wb.sstErr = wb.readSharedStrings(newXMLScanner(rc))
	return wb.sst, wb.sstErr
}

// readSharedStrings reads the <si> elements of sharedStrings.xml from x: the
// text of their <t> elements, phonetic runs (<rPh>) left out.
func (wb *workbook) readSharedStrings(x *xmlScanner) ([]string, error) {
	var sst []string
	var sb []byte
	depth, inT, phonetic := 0, false, 0
	for {
		tok, err := x.next()
		if err == errTextTooLong {
			return nil, newSheetError(0, HintLongSharedString, strconv.Itoa(len(sst)), strconv.Itoa(maxCellChars))
		}
		if err != nil {
			return nil, newSheetError(0, HintBrokenXML, "sharedStrings.xml: "+err.Error())
		}
		switch tok {
		case xmlEOF:
			return sst, nil
		case xmlStart:
			switch string(x.local) {
			case "si":
				if len(sst) >= wb.maxSST {
					return nil, newSheetError(0, HintManyStrings, strconv.Itoa(wb.maxSST))
				}
				if !wb.spend(1) {
					return nil, errBudget(0)
				}
				depth++
				sb = sb[:0]
			case "r":
				if !wb.spend(1) {
					return nil, errBudget(0)
				}
			case "rPh":
				phonetic++
			case "t":
				inT = depth > 0 && phonetic == 0
			}
		case xmlEnd:
			switch string(x.local) {
			case "si":
				if depth > 0 {
					depth--
					v := bstrUnmarshal(string(sb))
					if cellChars(v) > maxCellChars {
						return nil, newSheetError(0, HintLongSharedString, strconv.Itoa(len(sst)), strconv.Itoa(maxCellChars))
					}
					sst = append(sst, v)
				}
			case "rPh":
				phonetic = max(0, phonetic-1)
			case "t":
				inT = false
			}
		case xmlText:
			if inT {
				if len(sb)+len(x.text) > maxTextBytes {
					return nil, newSheetError(0, HintLongSharedString, strconv.Itoa(len(sst)), strconv.Itoa(maxCellChars))
				}
				sb = append(sb, x.text...)
			}
		}
	}
}

// bstrExp matches an escaped character (_x000D_) in shared and inline strings.
var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal decodes the _xHHHH_ escapes of an Office string as excelize
// does (its function of the same name), so that values equal excelize's.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	cursor := 0
	for _, m := range bstrExp.FindAllStringIndex(s, -1) {
		b.WriteString(s[cursor:m[0]])
		cursor = m[1]
		if s[m[0]:m[1]] == "_x005F_" {
			b.WriteString("_")
			continue
		}
		v, _ := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`)
		b.WriteString(v)
	}
	b.WriteString(s[cursor:])
	return b.String()
}

// A sheetScanner reads one worksheet in a single pass over its XML, yielding
// only the rows that hold a value, each with its row number.
//
// Note: this replaces excelize's Rows and GetRows for reading cell values,
// because excelize bounds its work by the sizes the file declares: Rows.Next
// steps through every row number up to the next row element (a row numbered
// 400000000000000 in a 54 KB file made the hearings reader spin for minutes;
// excelize's own row limit is skipped once Columns has read that row ahead),
// GetRows then pads to it, GetMergeCells allocates every row up to the last one,
// and an out-of-range shared string index silently reads as "". Here the cost
// follows the bytes present: a gap between rows is a number, not a loop; row and
// column numbers beyond Excel's limits, cells out of order, unknown cell types
// and bad shared string indexes are errors; the rows and cells materialised draw
// on the workbook's work budget. Values are what excelize's Rows returns with
// RawCellValue (TestSheetScannerMatchesExcelize and FuzzSheetScanner check it),
// and reading is about twice as fast, since tokens are read raw.
type sheetScanner struct {
	wb  *workbook
	rc  io.ReadCloser
	x   *xmlScanner
	num int // current row number
	// The current row: its values back to back in vals, each column's cell
	// in spans (padding included); Row builds row from them on demand.
	vals   []byte
	spans  []cellSpan
	row    []string
	rowOK  bool // row is built
	err    error
	done   bool // </sheetData> reached
	slow   bool // no fast path (fastcell.go): set by tests
	merges [][4]int
	// size is the part's uncompressed size, rowCap the most rows it can
	// hold (rowCapOf); dim is the last row of the sheet's dimension (0 if
	// none) and rows the rows returned so far, for RowsHint.
	size              uint64
	rowCap, dim, rows int
	// cell state while scanning a row
	text   bytes.Buffer
	inline bytes.Buffer // an inline string's runs
}

// openSheet starts scanning sheet (a name from GetSheetList).
func (wb *workbook) openSheet(sheet string) (*sheetScanner, error) {
	p, ok := wb.sheets[sheet]
	if !ok {
		// Note: excelize matches sheet names without regard to case.
		for name, q := range wb.sheets {
			if strings.EqualFold(name, sheet) {
				p, ok = q, true
				break
			}
		}
	}
	zf := wb.parts[p]
	if !ok || zf == nil {
		return nil, newSheetError(0, HintNoSheetData)
	}
	var rc io.ReadCloser
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	if zf.UncompressedSize64 >= inflateAheadFrom {
		rc = newInflateAhead(rc)
	}
	s := &sheetScanner{wb: wb, rc: rc, x: newXMLScanner(rc),
		size: zf.UncompressedSize64, rowCap: rowCapOf(zf.CompressedSize64, zf.UncompressedSize64)}
	return s, nil
}

// Bounds of the rows a worksheet part can hold, for presizing only: the
// shortest row that holds a value, `<row><c><v>0</v></c></row>`, is 26
// bytes of XML, and a row is taken to need at least 2 bytes of the
// compressed part (real rows need 10 to 200; a part of repeated rows
// compresses to a thousandth at most, so this bounds a lying size, not a
// possible one).
const (
	minRowXML        = 26
	minRowCompressed = 2
)

// rowCapOf returns how many rows a worksheet part of the given compressed
// and uncompressed sizes (as its zip header declares them: archive/zip
// stops reading at the declared size) is allowed to announce.
func rowCapOf(compressed, uncompressed uint64) int {
	return int(min(uint64(maxRows), uncompressed/minRowXML, compressed/minRowCompressed))
}

// RowsHint returns about how many rows the sheet has, from what has been
// read so far: the last row of its <dimension ref> when the rows read do
// not contradict it and it is at most twice the estimate from the part's
// size, else the estimate: the rows read times the part's size over the
// bytes they took. (It is high rather than low: the cell names of later
// rows are longer, `BH90002` against `BH2`; at 100k rows about 10% high,
// which Survey.trim leaves as it is.) Never more than the part can hold
// (rowCapOf). It says how much room to make, never how many rows there
// are: a dimension can be wrong (too small, too large, missing: excelize's
// stream writer leaves "A1") without the sheet being wrong, and an
// estimate from a sheet's first rows is one.
func (s *sheetScanner) RowsHint() int {
	return rowsHint(s.rows, s.num, s.dim, s.x.taken(), s.size, s.rowCap)
}

// rowsHint is RowsHint for rows returned, the last of them numbered num,
// taking taken bytes of a part of size bytes that holds at most rowCap rows,
// and dimension dim.
func rowsHint(rows, num, dim int, taken int64, size uint64, rowCap int) int {
	est := 0
	if rows > 0 && taken > 0 {
		est = int(min(uint64(rowCap), min(size, 1<<40)*uint64(rows)/uint64(taken)))
	}
	h := est
	if dim >= num && dim > 0 && (dim <= 2*est || rows == 0) {
		h = dim
	}
	return min(h, rowCap)
}

// Close releases the sheet.
func (s *sheetScanner) Close() { s.rc.Close() }

// Err returns the error that stopped Next, if any.
func (s *sheetScanner) Err() error { return s.err }

// Num returns the current row's 1-based number.
func (s *sheetScanner) Num() int { return s.num }

// Row returns the current row's values, as wide as its last cell with a value
// or a formula; valid until the next call to Next.
func (s *sheetScanner) Row() []string {
	if !s.rowOK {
		s.rowOK = true
		s.row = s.row[:0]
		for _, c := range s.spans {
			if c.from < 0 {
				s.row = append(s.row, s.wb.sst[-c.from-1])
			} else {
				s.row = append(s.row, string(s.vals[c.from:c.to]))
			}
		}
	}
	return s.row
}

// A cellSpan is one cell of a row handed over as bytes (sheetScanner.Spans,
// prefetch.go): the bytes from:to of the row's values, or, when from is
// negative, the workbook's shared string -from-1, which is not copied (a
// shared string may be referred to by many cells). Offsets are int32: a
// buffer of values never holds more than the sheet XML it was read from,
// which is at most maxUnzip bytes.
type cellSpan struct{ from, to int32 }

// Spans returns the current row as its values back to back and each
// column's cell (what Row returns as strings, without a string per cell),
// and the shared strings the cells may refer to; valid until the next call
// to Next.
func (s *sheetScanner) Spans() (vals []byte, spans []cellSpan, sst []string) {
	return s.vals, s.spans, s.wb.sst
}

func (s *sheetScanner) fail(row int, h Hint, args ...string) bool {
	s.err = newSheetError(row, h, args...)
	return false
}

// Next advances to the next row that holds a value (or a formula) and reports
// whether there is one. Rows without values are skipped without being
// materialised, however far apart their numbers are.
func (s *sheetScanner) Next() bool {
	for s.err == nil && !s.done {
		tok, err := s.x.next()
		if err != nil {
			return s.fail(s.num+1, HintBrokenXML, err.Error())
		}
		switch tok {
		case xmlEOF:
			s.done = true
			return false
		case xmlStart:
			switch string(s.x.local) {
			case "dimension":
				if ref := string(s.x.attr("ref")); ref != "" {
					r, err := parseRange(ref)
					if err != nil {
						return s.fail(0, HintBadDimension, strconv.Quote(clip(ref)))
					}
					s.dim = r[3]
				}
			case "row":
				n := s.num + 1
				// Note: attribute values are converted to strings only for a
				// message, so that reading a row or a cell allocates nothing.
				if rb := s.x.attr("r"); len(rb) > 0 {
					v, err := strconv.Atoi(string(rb))
					if err != nil || v < 1 || v > maxRows {
						return s.fail(s.num+1, HintBadRowNumber, strconv.Quote(clip(string(rb))), strconv.Itoa(maxRows))
					}
					n = v
				}
				if n <= s.num {
					return s.fail(n, HintRowOrder, strconv.Itoa(s.num), strconv.Itoa(n))
				}
				s.num = n
				if !s.wb.spend(1) {
					s.err = errBudget(n)
					return false
				}
				if s.readRow() {
					s.rows++
					return true
				}
			}
		case xmlEnd:
			if string(s.x.local) == "sheetData" {
				s.done = true
			}
		}
	}
	return false
}

// readRow reads the cells of the row element just started and reports whether
// the row holds a value.
func (s *sheetScanner) readRow() bool {
	s.vals, s.spans, s.rowOK = s.vals[:0], s.spans[:0], false
	col := 0
	var fc fastCell
	for {
		// Note: the commonest cells are recognised whole in the scanner's
		// buffer (scanFast); anything else is read token by token below.
		switch s.scanFast(&fc) {
		case fastRowEnd:
			return len(s.spans) > 0
		case fastOneCell:
			var c int
			if fc.col > 0 {
				c = s.cellColAt(fc.col, fc.row, fc.r, col)
			} else {
				c = s.cellCol(fc.r, col)
			}
			if c == 0 {
				return false
			}
			col = c
			if !s.putValue(cellTypeOf(fc.t), fc.v, fc.is, fc.inlineStr, false, c) {
				return false
			}
			continue
		}
		tok, err := s.x.next()
		if err == nil && tok == xmlEOF {
			err = io.EOF // as encoding/xml's RawToken reported it
		}
		if err != nil {
			return s.fail(s.num, HintBrokenXML, err.Error())
		}
		switch tok {
		case xmlStart:
			if string(s.x.local) != "c" {
				continue
			}
			c := s.cellCol(s.x.attr("r"), col)
			if c == 0 {
				return false
			}
			col = c
			if !s.readCell(c) {
				return false
			}
		case xmlEnd:
			if string(s.x.local) == "row" {
				return len(s.spans) > 0
			}
		}
	}
}

// cellCol returns the 1-based column of a cell of the current row whose r
// attribute is rb (nil when absent), after column col; 0 with s.err set when
// the reference is bad or out of order.
func (s *sheetScanner) cellCol(rb []byte, col int) int {
	if len(rb) == 0 {
		return s.nextCol(col+1, col)
	}
	cc, rr, ok := parseCell(rb)
	if !ok {
		s.fail(s.num, HintBadCellRef, strconv.Quote(clip(string(rb))), strconv.Itoa(maxCols), strconv.Itoa(maxRows))
		return 0
	}
	return s.cellColAt(cc, rr, rb, col)
}

// cellColAt is cellCol for an r attribute rb already parsed as column cc
// and row rr.
func (s *sheetScanner) cellColAt(cc, rr int, rb []byte, col int) int {
	if rr != s.num {
		s.fail(s.num, HintCellOutsideRow, string(rb), strconv.Itoa(s.num))
		return 0
	}
	return s.nextCol(cc, col)
}

// nextCol checks that 1-based column c of the current row comes after
// column col and within Excel's columns, and returns it; 0 with s.err set
// when it does not.
func (s *sheetScanner) nextCol(c, col int) int {
	if c <= col {
		s.fail(s.num, HintCellOrder, cellName(c-1, s.num))
		return 0
	}
	if c > maxCols {
		s.fail(s.num, HintTooManyCols, strconv.Itoa(maxCols))
		return 0
	}
	return c
}

// put adds value v of 1-based column c to the row when keep, reporting false
// with s.err set when the work budget is spent. A shared string (sst >= 0,
// v empty) is kept by its index.
func (s *sheetScanner) put(c int, v []byte, sst int, keep bool) bool {
	if !keep {
		return true
	}
	// Note: a row is as wide as its last cell with a value, as in
	// excelize; the padding draws on the work budget.
	if !s.wb.spend(int64(c - len(s.spans))) {
		s.err = errBudget(s.num)
		return false
	}
	end := int32(len(s.vals))
	for len(s.spans) < c-1 {
		s.spans = append(s.spans, cellSpan{end, end})
	}
	if sst >= 0 {
		s.spans = append(s.spans, cellSpan{int32(-sst - 1), 0})
		return true
	}
	if len(v) == 1 {
		s.vals = append(s.vals, v[0]) // Note: most values (a code), without a copy call
	} else {
		s.vals = append(s.vals, v...)
	}
	s.spans = append(s.spans, cellSpan{end, int32(len(s.vals))})
	return true
}

// readCell reads the cell element just started, in 1-based column col, and
// adds its raw value to the row when it counts as present (a value or a
// formula), as excelize's Rows does; it reports false with s.err set on an
// error. A value longer than maxCellChars is an error naming the cell, found
// after at most maxTextBytes of it.
func (s *sheetScanner) readCell(col int) bool {
	if err := s.readCellErr(col); err != nil {
		s.err = err
		return false
	}
	return s.err == nil
}

func (s *sheetScanner) readCellErr(col int) error {
	typ := s.cellType()
	s.text.Reset()
	s.inline.Reset()
	inline := &s.inline
	formula, inlineStr := false, false
	in := "" // the child being read: v, is-t
	phonetic := 0
	for {
		tok, err := s.x.next()
		if err == nil && tok == xmlEOF {
			err = io.EOF // as encoding/xml's RawToken reported it
		}
		if err == errTextTooLong {
			return errCellTooLong(s.num, col)
		}
		if err != nil {
			return newSheetError(s.num, HintBrokenXML, err.Error())
		}
		switch tok {
		case xmlStart:
			switch string(s.x.local) {
			case "v":
				in = "v"
			case "f":
				formula = true
			case "is":
				inlineStr = true
			case "r":
				// Note: a rich-text run draws on the budget like a cell.
				if inlineStr && !s.wb.spend(1) {
					return errBudget(s.num)
				}
			case "rPh":
				phonetic++
			case "t":
				if inlineStr && phonetic == 0 {
					in = "t"
				}
			}
		case xmlEnd:
			switch string(s.x.local) {
			case "c":
				s.putValue(typ, s.text.Bytes(), inline.Bytes(), inlineStr, formula, col)
				return nil
			case "v", "t":
				in = ""
			case "rPh":
				phonetic = max(0, phonetic-1)
			}
		case xmlText:
			switch in {
			case "v":
				if s.text.Len()+len(s.x.text) > maxTextBytes {
					return errCellTooLong(s.num, col)
				}
				s.text.Write(s.x.text)
			case "t":
				// Note: rich text is one run per <r>, each a <t>; the
				// runs of a cell together are bounded like one text.
				if inline.Len()+len(s.x.text) > maxTextBytes {
					return errCellTooLong(s.num, col)
				}
				inline.Write(s.x.text)
			}
		}
	}
}

// putValue adds the raw value of a cell of type typ in 1-based column col,
// whose <v> text is text and whose inline string (when it has an <is>
// element: inlineStr) is inline, to the row when it counts as present (a
// value or a formula); it reports false with s.err set on an error.
// Note: the value is copied into the row's bytes as it is, with no string
// per cell; a shared string is kept by its index (put).
func (s *sheetScanner) putValue(typ string, text, inline []byte, inlineStr, formula bool, col int) bool {
	v := text
	switch typ {
	case "s":
		if len(text) == 0 {
			break
		}
		sst, err := s.wb.sharedStrings()
		if err != nil {
			s.err = withRow(err, s.num)
			return false
		}
		// Note: the index is read from the bytes (a string only for a
		// message or an unusual spelling that Atoi reads: spaces, a sign).
		i, ok := sharedIndex(text)
		if !ok || i >= len(sst) {
			raw := string(text)
			i, err = strconv.Atoi(strings.TrimSpace(raw))
			if err != nil || i < 0 || i >= len(sst) {
				s.err = newSheetError(s.num, HintSharedString, strconv.Quote(clip(raw)), strconv.Itoa(len(sst)))
				return false
			}
		}
		if cellChars(sst[i]) > maxCellChars {
			s.err = errCellTooLong(s.num, col)
			return false
		}
		return s.put(col, nil, i, sst[i] != "" || formula)
	case "inlineStr":
		if inlineStr {
			v = inline
			if bytes.Contains(inline, []byte("_x")) {
				v = []byte(bstrUnmarshal(string(inline)))
			}
		}
	case "", "n", "str", "b", "d", "e":
	default:
		s.err = newSheetError(s.num, HintCellType, strconv.Quote(clip(typ)))
		return false
	}
	if cellChars(v) > maxCellChars {
		s.err = errCellTooLong(s.num, col)
		return false
	}
	return s.put(col, v, -1, len(v) > 0 || formula)
}

// sharedIndex parses a shared-string index written as plain digits (as Excel
// writes it), reporting false for anything else (up to 9 digits).
func sharedIndex(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Merges reads the rest of the sheet and returns its merged ranges as 1-based
// [col1, row1, col2, row2]. Each range's rows draw on the work budget, since a
// reader visits the rows a merged range covers.
func (s *sheetScanner) Merges() ([][4]int, error) {
	for s.err == nil {
		tok, err := s.x.next()
		if err != nil {
			return nil, newSheetError(0, HintBrokenXML, err.Error())
		}
		if tok == xmlEOF {
			break
		}
		if tok != xmlStart || string(s.x.local) != "mergeCell" {
			continue
		}
		ref := string(s.x.attr("ref"))
		m, err := parseRange(ref)
		if err != nil {
			return nil, newSheetError(0, HintMergedRange, strconv.Quote(clip(ref)))
		}
		if !s.wb.spend(int64(m[3] - m[1] + 1)) {
			return nil, errBudget(m[1])
		}
		s.merges = append(s.merges, m)
	}
	return s.merges, s.err
}

// parseCell parses an A1 cell name (optionally with $ signs) within Excel's
// limits, without looking further than Excel's longest name (XFD1048576).
func parseCell[T string | []byte](s T) (col, row int, ok bool) {
	// Note: a name with a $ is read again without them; it is looked for
	// only when the name is not plain letters and digits, so a plain name
	// is read in one pass.
	col, i := cellLetters(s)
	if i == 0 || i > 3 || col > maxCols {
		return parseCellDollar(s)
	}
	digits := s[i:]
	if len(digits) == 0 || len(digits) > 7 || digits[0] == '0' {
		return parseCellDollar(s)
	}
	for j := 0; j < len(digits); j++ {
		if digits[j] < '0' || digits[j] > '9' {
			return parseCellDollar(s)
		}
		row = row*10 + int(digits[j]-'0')
	}
	return col, row, row <= maxRows
}

// cellLetters reads a cell name's column letters at s's start (either case),
// at most four so that a caller can tell more than Excel's three, and returns
// the column number and how many letters it read; parseCell and matchRef
// check the limits.
func cellLetters[T string | []byte](s T) (col, i int) {
	for i < len(s) && i < 4 {
		c := s[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	return col, i
}

// parseCellDollar is parseCell for a name that is not plain letters and
// digits: without its $ signs when it has any, else not a name.
func parseCellDollar[T string | []byte](s T) (col, row int, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '$' {
			return parseCell(strings.ReplaceAll(string(s), "$", ""))
		}
	}
	return 0, 0, false
}

// parseRange parses "A1:C3" or "A1" into [col1, row1, col2, row2], ordered.
func parseRange(ref string) ([4]int, error) {
	a, b, found := strings.Cut(ref, ":")
	if !found {
		b = a
	}
	c1, r1, ok1 := parseCell(a)
	c2, r2, ok2 := parseCell(b)
	if !ok1 || !ok2 {
		return [4]int{}, errors.New("bad range")
	}
	return [4]int{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, nil
}

// clip shortens a value quoted in a message to about 20 bytes.
func clip(s string) string {
	if len(s) > 20 {
		return strings.ToValidUTF8(s[:20], "") + "…"
	}
	return s
}

// cellTypes are the values of a cell's t attribute that Excel writes.
var cellTypes = []string{"s", "n", "str", "b", "d", "e", "inlineStr"}

// cellType returns the current cell's t attribute ("" when absent).
func (s *sheetScanner) cellType() string { return cellTypeOf(s.x.attr("t")) }

// cellTypeOf returns the cell type t ("" when nil) as a string, one of
// cellTypes without allocating.
func cellTypeOf(t []byte) string {
	switch len(t) {
	case 0:
		return ""
	case 1:
		switch t[0] {
		case 's':
			return "s"
		case 'n':
			return "n"
		}
	}
	for _, c := range cellTypes {
		if string(t) == c {
			return c
		}
	}
	return string(t)
}
