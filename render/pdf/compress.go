package pdf

import (
	"bytes"
	"cmp"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Page compression (issue 29).
//
// fpdf compresses each page's content stream with a zlib writer of its own
// (compress/flate allocates and clears some 600 kB for every writer), which
// for the handouts of a 3,000-respondent batch cost more CPU than the
// compression itself. The documents are therefore made with fpdf's
// compression off, and compressPages compresses the page streams
// afterwards with pooled writers, at fpdf's level (BestSpeed), rewriting
// each stream's dictionary as fpdf writes it when compressing and the
// cross-reference table: the bytes are those fpdf would write
// (TestCompressPagesAsFpdf). The font streams fpdf compresses whatever the
// setting, with writers of its own.

// zlibWriters pools BestSpeed zlib writers.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflate appends data compressed as fpdf compresses it to dst.
func deflate(dst *bytes.Buffer, data []byte) error {
	w := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(w)
	w.Reset(dst)
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}

var (
	contentsRef = regexp.MustCompile(`/Contents (\d+) 0 R>>`)
	errLayout   = errors.New("render: pdf: unexpected document layout")
)

// compressPages returns pdf, written by fpdf with compression off, with
// its page content streams compressed as fpdf compresses them.
func compressPages(pdf []byte) ([]byte, error) {
	// The cross-reference table: "xref\n0 N\n" and N entries of 20 bytes.
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, errLayout
	}
	rest := pdf[sx+len("\nstartxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, errLayout
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref < 0 || xref >= sx {
		return nil, errLayout
	}
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		return nil, errLayout
	}
	head := pdf[xref+len("xref\n0 "):]
	nl = bytes.IndexByte(head, '\n')
	if nl < 0 {
		return nil, errLayout
	}
	n, err := strconv.Atoi(string(head[:nl]))
	entries := xref + len("xref\n0 ") + nl + 1
	if err != nil || n < 1 || entries+20*n > len(pdf) {
		return nil, errLayout
	}
	offs := make([]int, n)
	for j := 1; j < n; j++ {
		e := pdf[entries+20*j : entries+20*j+20]
		if offs[j], err = strconv.Atoi(string(e[:10])); err != nil || offs[j] >= xref {
			return nil, errLayout
		}
	}
	// The page content objects, in the order of the file.
	isContents := make([]bool, n)
	for _, m := range contentsRef.FindAllSubmatch(pdf[:xref], -1) {
		k, err := strconv.Atoi(string(m[1]))
		if err != nil || k <= 0 || k >= n {
			return nil, errLayout
		}
		isContents[k] = true
	}
	var out bytes.Buffer
	out.Grow(len(pdf) / 2)
	newOffs := make([]int, n)
	last := 0 // pdf[:last] is copied (or replaced) to out
	// Note: fpdf writes the pages' root (object 1) after the pages, so the
	// objects are taken in the order of the file.
	order := make([]int, 0, n-1)
	for j := 1; j < n; j++ {
		order = append(order, j)
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(offs[a], offs[b]) })
	for _, j := range order {
		if offs[j] < last {
			return nil, errLayout
		}
		out.Write(pdf[last:offs[j]])
		last = offs[j]
		newOffs[j] = out.Len()
		if !isContents[j] {
			continue
		}
		obj := strconv.Itoa(j) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(pdf[last:], []byte(obj)) {
			return nil, errLayout
		}
		p := last + len(obj)
		e := bytes.IndexByte(pdf[p:], '>')
		if e < 0 {
			return nil, errLayout
		}
		length, err := strconv.Atoi(string(pdf[p : p+e]))
		p += e
		if err != nil || !bytes.HasPrefix(pdf[p:], []byte(">>\nstream\n")) {
			return nil, errLayout
		}
		p += len(">>\nstream\n")
		end := p + length
		if end > xref || !bytes.HasPrefix(pdf[end:], []byte("\nendstream\nendobj\n")) {
			return nil, errLayout
		}
		var z bytes.Buffer
		z.Grow(length/2 + 64)
		if err := deflate(&z, pdf[p:end]); err != nil {
			return nil, fmt.Errorf("render: pdf: %w", err)
		}
		out.WriteString(strconv.Itoa(j) + " 0 obj\n<</Filter /FlateDecode /Length " + strconv.Itoa(z.Len()) + ">>\nstream\n")
		out.Write(z.Bytes())
		last = end
	}
	out.Write(pdf[last:xref])
	newXref := out.Len()
	out.WriteString("xref\n0 " + strconv.Itoa(n) + "\n")
	out.Write(pdf[entries : entries+20])
	for j := 1; j < n; j++ {
		o := strconv.Itoa(newOffs[j])
		if len(o) > 10 {
			return nil, errLayout
		}
		out.WriteString(strings.Repeat("0", 10-len(o)) + o + " 00000 n \n")
	}
	tail := pdf[entries+20*n:]
	sx2 := bytes.LastIndex(tail, []byte("\nstartxref\n"))
	if sx2 < 0 {
		return nil, errLayout
	}
	out.Write(tail[:sx2+len("\nstartxref\n")])
	out.WriteString(strconv.Itoa(newXref))
	out.Write(tail[sx2+len("\nstartxref\n")+len(strconv.Itoa(xref)):])
	return out.Bytes(), nil
}
