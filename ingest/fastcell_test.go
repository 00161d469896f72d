package ingest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fastCellSeeds are worksheets with the cells the fast path recognises and
// the ones it leaves to the token scanner.
var fastCellSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x"><dimension ref="A1:C4"/><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" s="1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
		`<row r="2" spans="1:3"><c r="A2"><v>12</v></c><c r="B2" s="2"/><c r="C2"></c><c r="D2" t="inlineStr"><is><t xml:space="preserve"> a b </t></is></c></row>` +
		`<row r="3"><c r="A3" t="str"><f>A2*2</f><v>24</v></c><c r="B3" t="inlineStr"><is><r><t>x</t></r><r><t>y</t></r></is></c><c r='C3' t='n'><v>1&amp;2</v></c></row>` +
		`<row r="4"><x:c r="A4"><x:v>5</x:v></x:c><c r="B4" x:t="s"><v>1</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="inlineStr"><v>v</v></c></row>` +
		"<row r=\"5\">\n  <c r=\"A5\"><v>1\r\n2</v></c>\n  <c r=\"B5\" t=\"s\"><v> 1</v></c>\n</row>" +
		`<row r="6"><c r="A6" t="zz"/></row>` +
		`</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c><c r="A1" r="C1"><v>3</v></c></row><row r="2"/><row r="3"><c/></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><is><t>x</t></is></c></row></sheetData></worksheet>`,
}

// chunkReader returns its text n bytes per Read.
type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	k := min(len(p), r.n, len(r.s))
	copy(p, r.s[:k])
	r.s = r.s[k:]
	return k, nil
}

// scanSheetText reads worksheet XML doc with the sheet scanner, with or
// without the fast path, through a buffer of bufSize bytes (0: the usual
// one) fed chunk bytes per read, and returns what it read: each row, the
// error, the merged ranges and the work drawn.
func scanSheetText(doc string, slow bool, bufSize, chunk int) string {
	wb := &workbook{work: minWork, maxSST: minSharedStrings, sst: []string{"zero", "one"}, sstOK: true}
	x := newXMLScanner(&chunkReader{s: doc, n: chunk})
	if bufSize > 0 {
		x.buf = make([]byte, bufSize)
	}
	s := &sheetScanner{wb: wb, rc: io.NopCloser(nil), x: x, slow: slow}
	var b strings.Builder
	var rows [][]string
	batch := (&aheadFile{}).newRowBatch(rowBatch{})
	for s.Next() {
		fmt.Fprintf(&b, "%d %q\n", s.Num(), s.Row())
		rows = append(rows, slices.Clone(s.Row()))
		batch.add(&xlsxSource{sheetScanner: s})
	}
	// Note: the rows handed over as bytes (prefetch.go) must be the rows.
	if got := batchRows(batch); !slices.EqualFunc(got, rows, slices.Equal) {
		panic(fmt.Sprintf("rows through a batch %q, want %q", got, rows))
	}
	fmt.Fprintf(&b, "err %v\n", s.Err())
	m, err := s.Merges()
	fmt.Fprintf(&b, "merges %v %v\nwork %d\n", m, err, minWork-wb.work)
	return b.String()
}

// batchRows returns the rows of batch b as the reader takes them (aheadSource).
func batchRows(b rowBatch) [][]string {
	f := &aheadFile{rows: make(chan rowBatch, 1), spare: make(chan rowBatch, 1)}
	b.seal()
	f.rows <- b
	close(f.rows)
	src := &aheadSource{f: f, i: -1}
	var rows [][]string
	for src.Next() {
		rows = append(rows, slices.Clone(src.Row()))
	}
	return rows
}

// TestFastCellSeeds checks the fast path on the seeds, and that it reads the
// common cells.
func TestFastCellSeeds(t *testing.T) {
	for _, doc := range fastCellSeeds {
		want := scanSheetText(doc, true, 0, len(doc))
		for _, chunk := range []int{1, 3, 7, len(doc)} {
			if got := scanSheetText(doc, false, 0, chunk); got != want {
				t.Errorf("chunk %d: fast path\n%s\ntoken path\n%s", chunk, got, want)
			}
		}
	}
	var c fastCell
	for _, tc := range []struct {
		cell string
		n    int
	}{
		{`<c r="A1" s="1" t="s"><v>12</v></c>`, 35},
		{`<c r="V3" t="inlineStr"><is><t>text</t></is></c>`, 48},
		{`<c r="C3" s="2"/>`, 17},
		{`</row>`, 6},
		{`<c r="A1"><f>1</f></c>`, 0},
		{`<c r="A1"><v>1`, -1},
		{`<c r="A1"><v>1</v></c>`, 22},
		{`<c r="A1"><v>1</v></`, -1},
		{`<c r="A1"><v>1</x></c>`, 0},
		{`<c r="A1"><v>1&amp;</v></c>`, 0},
		{`<c r="B2" t="inlineStr"><is><t>ab</t></is></c>`, 46},
		{`<c r="B2" t="inlineStr"><is><t>ab</t></is>`, -1},
		{`<c r="B2" t="inlineStr"><is><t>ab</t><rPh>`, 0},
		{`<c r="BH90002" s="3"><v>12</v></c>`, 34},
		{`<c r="A01"><v>1</v></c>`, 23}, // matched; the name is read by cellCol
	} {
		if n, _ := matchCell([]byte(tc.cell), &c); n != tc.n {
			t.Errorf("matchCell(%s) = %d, want %d", tc.cell, n, tc.n)
		}
	}
	// The name, text and type are taken from the bytes (BH = 2×26+8).
	if n, _ := matchCell([]byte(`<c r="BH90002" s="3"><v>12</v></c>`), &c); n != 34 || c.col != 60 || c.row != 90002 ||
		string(c.r) != "BH90002" || string(c.v) != "12" || c.t != nil {
		t.Errorf("matchCell: %d, %+v", n, c)
	}
	if n, _ := matchCell([]byte(`<c r="B2" t="inlineStr"><is><t>ab</t></is></c>`), &c); n != 46 || c.col != 2 || c.row != 2 ||
		string(c.t) != "inlineStr" || string(c.is) != "ab" || !c.inlineStr {
		t.Errorf("matchCell: %d, %+v", n, c)
	}
	if n, _ := matchCell([]byte(`<c r="A01"><v>1</v></c>`), &c); n != 23 || c.col != 0 || string(c.r) != "A01" {
		t.Errorf("matchCell: %d, %+v", n, c)
	}
}

// TestRowSpans checks a row handed over as bytes (sheetScanner.Spans) and
// read back through a batch: the values back to back, a padding cell for
// the empty column, a shared string by its index (-(1+1) for "one").
func TestRowSpans(t *testing.T) {
	doc := `<worksheet><sheetData><row r="3"><c r="A3"><v>12</v></c><c r="C3" t="s"><v>1</v></c>` +
		`<c r="D3" t="inlineStr"><is><t>ab</t></is></c></row>` +
		`<row r="5"><c r="B5"><v>7</v></c></row></sheetData></worksheet>`
	wb := &workbook{work: minWork, maxSST: minSharedStrings, sst: []string{"zero", "one"}, sstOK: true}
	s := &sheetScanner{wb: wb, rc: io.NopCloser(nil), x: newXMLScanner(strings.NewReader(doc))}
	batch := (&aheadFile{}).newRowBatch(rowBatch{})
	if !s.Next() {
		t.Fatal(s.Err())
	}
	vals, spans, _ := s.Spans()
	if want := []cellSpan{{0, 2}, {2, 2}, {-2, 0}, {2, 4}}; string(vals) != "12ab" || !slices.Equal(spans, want) {
		t.Errorf("row 3: %q %v, want \"12ab\" %v", vals, spans, want)
	}
	batch.add(&xlsxSource{sheetScanner: s})
	if !s.Next() {
		t.Fatal(s.Err())
	}
	vals, spans, _ = s.Spans()
	if want := []cellSpan{{0, 0}, {0, 1}}; string(vals) != "7" || !slices.Equal(spans, want) {
		t.Errorf("row 5: %q %v, want \"7\" %v", vals, spans, want)
	}
	batch.add(&xlsxSource{sheetScanner: s})
	if string(batch.vals) != "12ab7" || !slices.Equal(batch.bases, []int32{0, 4}) || !slices.Equal(batch.nums, []int{3, 5}) {
		t.Errorf("batch %q, bases %v, nums %v", batch.vals, batch.bases, batch.nums)
	}
	want := [][]string{{"12", "", "one", "ab"}, {"", "7"}}
	if got := batchRows(batch); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// FuzzFastCell compares the sheet scanner with and without its fast path
// (fastcell.go): the same rows, errors, merged ranges and work on every
// document, read through the usual buffer and through a small one fed a few
// bytes per read, so that cells cross refills.
func FuzzFastCell(f *testing.F) {
	for _, s := range fastCellSeeds {
		f.Add(s, uint8(3))
	}
	f.Fuzz(func(t *testing.T, doc string, chunk uint8) {
		want := scanSheetText(doc, true, 0, len(doc)+1)
		if got := scanSheetText(doc, false, 0, len(doc)+1); got != want {
			t.Fatalf("fast path\n%s\ntoken path\n%s", got, want)
		}
		n := int(chunk%16) + 1
		if got := scanSheetText(doc, false, 48, n); got != scanSheetText(doc, true, 48, n) {
			t.Fatalf("small buffer, %d bytes per read: fast path\n%s\ntoken path\n%s", n, got, scanSheetText(doc, true, 48, n))
		}
	})
}

func TestFastCellSmallBuffers(t *testing.T) {
	for _, doc := range fastCellSeeds {
		for n := 1; n <= 16; n++ {
			if got, want := scanSheetText(doc, false, 48, n), scanSheetText(doc, true, 48, n); got != want {
				t.Errorf("%d: %s\n%s", n, got, want)
			}
		}
	}
}

// BenchmarkSheetScan reads every row of the response and baseline workbooks
// of MIDREVIEW_BENCH_BATCH (skipped without it) with the sheet scanner alone,
// one file after the other: inflating and scanning, no values parsed (a sheet
// over 4 MiB is inflated ahead on a goroutine of its own, as ingest does, so
// on two cores this is about the longer of the two). Beside BenchmarkInflate
// (in package ingest_test) it shows what the scanner adds.
func BenchmarkSheetScan(b *testing.B) {
	dir := os.Getenv("MIDREVIEW_BENCH_BATCH")
	if dir == "" {
		b.Skip("MIDREVIEW_BENCH_BATCH not set")
	}
	var paths []string
	for _, d := range []string{ResponsesDir, BaselineDir} {
		m, _ := filepath.Glob(filepath.Join(dir, d, "*.xlsx"))
		paths = append(paths, m...)
	}
	files := make([][]byte, len(paths))
	for i, p := range paths {
		var err error
		if files[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	for _, mode := range []string{"fast", "tokens"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i, data := range files {
					src, ok := openTableAt(paths[i], data, func(p Problem) { b.Fatal(p) })
					if !ok {
						b.Fatal(paths[i])
					}
					src.(*xlsxSource).slow = mode == "tokens"
					for src.Next() {
					}
					if err := src.Err(); err != nil {
						b.Fatal(err)
					}
					src.Close()
				}
			}
		})
	}
}

// parseCellRef is parseCell as it was before it read a plain name in one
// pass (issue 29): the $ signs taken out first. FuzzParseCell compares them.
func parseCellRef(s string) (col, row int, ok bool) {
	s = strings.ReplaceAll(s, "$", "")
	i := 0
	for i < len(s) && i < 4 {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == 0 || i > 3 || col > maxCols {
		return 0, 0, false
	}
	digits := s[i:]
	if len(digits) == 0 || len(digits) > 7 || digits[0] == '0' {
		return 0, 0, false
	}
	for j := 0; j < len(digits); j++ {
		if digits[j] < '0' || digits[j] > '9' {
			return 0, 0, false
		}
		row = row*10 + int(digits[j]-'0')
	}
	return col, row, row <= maxRows
}

func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"A1", "$A$1", "XFD1048576", "XFE1", "A0", "A01", "AAAA1", "A$1", "$$A1", "A1$", "a1", "A", "1", "", "A1048577", "ZZZ1", "A 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, r, ok := parseCell(s)
		wc, wr, wok := parseCellRef(s)
		if ok != wok || ok && (c != wc || r != wr) {
			t.Errorf("parseCell(%q) = %d, %d, %v; before %d, %d, %v", s, c, r, ok, wc, wr, wok)
		}
		bc, br, bok := parseCell([]byte(s))
		if bc != c || br != r || bok != ok {
			t.Errorf("parseCell([]byte(%q)) = %d, %d, %v; string %d, %d, %v", s, bc, br, bok, c, r, ok)
		}
		// matchRef reads a name followed by anything: it reads all of s
		// (the quote after it ends the name) just when parseCell accepts s
		// without a $ sign.
		mc, mr, n := matchRef([]byte(s + `"`))
		plain := ok && !strings.Contains(s, "$")
		if whole := n > 0 && n == len(s); whole != plain || whole && (mc != c || mr != r) {
			t.Errorf("matchRef(%q) = %d, %d, %d; parseCell %d, %d, %v", s+`"`, mc, mr, n, c, r, ok)
		}
	})
}

// TestMatchRef checks matchRef on names worked out by hand (BH is 2×26+8).
func TestMatchRef(t *testing.T) {
	for _, tc := range []struct {
		b           string
		col, row, n int
	}{
		{`A1"`, 1, 1, 2},
		{`BH90002" t="s"`, 60, 90002, 7},
		{`xfd1048576"`, 16384, 1048576, 10},
		{`ZZ10>`, 702, 10, 4},
		{`XFE1"`, 0, 0, 0},
		{`A0"`, 0, 0, 0},
		{`A01"`, 0, 0, 0},
		{`AAAA1"`, 0, 0, 0},
		{`A1048577"`, 0, 0, 0},
		{`A12345678"`, 0, 0, 0},
		{`$A$1"`, 0, 0, 0},
		{`A"`, 0, 0, 0},
		{`A`, 0, 0, 0},
		{``, 0, 0, 0},
	} {
		if c, r, n := matchRef([]byte(tc.b)); c != tc.col || r != tc.row || n != tc.n {
			t.Errorf("matchRef(%q) = %d, %d, %d, want %d, %d, %d", tc.b, c, r, n, tc.col, tc.row, tc.n)
		}
	}
}
