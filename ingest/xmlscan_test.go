package ingest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// errDirective marks a document with a <! directive, which the scanner
// refuses and encoding/xml skips.
var errDirective = fmt.Errorf("directive")

// xmlTokens returns the start tags (with attributes), end tags and texts of
// doc as read by encoding/xml's RawToken (comments and processing
// instructions left out), and its first error (errDirective at a directive).
func xmlTokens(doc string) ([]string, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s := "<" + t.Name.Local
			for _, a := range t.Attr {
				s += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, s)
		case xml.EndElement:
			out = append(out, "</"+t.Name.Local)
		case xml.CharData:
			out = append(out, "text "+string(t))
		case xml.Directive:
			return out, errDirective
		}
	}
}

// scanTokens is xmlTokens with the xmlScanner. It also scans doc with an
// 8-byte buffer fed one byte per read, so that every token crosses a refill,
// and fails with errRefill when that gives other tokens or another error.
func scanTokens(doc string) ([]string, error) {
	out, err := scanTokensFrom(newXMLScanner(strings.NewReader(doc)))
	x := newXMLScanner(iotest.OneByteReader(strings.NewReader(doc)))
	x.buf = make([]byte, 8)
	small, serr := scanTokensFrom(x)
	if fmt.Sprint(serr) != fmt.Sprint(err) || !slices.Equal(small, out) {
		return out, fmt.Errorf("%w: %q, %v", errRefill, small, serr)
	}
	return out, err
}

// errRefill is scanTokens' error when a small buffer reads doc otherwise.
var errRefill = errors.New("refilling the buffer changed the tokens")

func scanTokensFrom(x *xmlScanner) ([]string, error) {
	var out []string
	for {
		tok, err := x.next()
		if err != nil {
			return out, err
		}
		switch tok {
		case xmlEOF:
			return out, nil
		case xmlStart:
			s := "<" + string(x.local)
			for _, a := range x.attrs {
				s += fmt.Sprintf(" %s=%q", a.local, a.value)
			}
			out = append(out, s)
		case xmlEnd:
			out = append(out, "</"+string(x.local))
		case xmlText:
			out = append(out, "text "+string(x.text))
		}
	}
}

var xmlScanSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/>` +
		`<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> a&amp;b&lt;&#x41;&#66; </t></is></c>` +
		`<c r='C1'><f>SUM(A1)</f><v>3</v></c></row><!-- note --><row r="2"><c r="A2"><v><![CDATA[x<y]]></v></c></row></sheetData>` +
		`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
	`<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="str"><x:v>a` + "\r\n" + `b` + "\r" + `c</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
	`<a b = "1"	c="&quot;&apos;"/>`,
}

// TestXMLScanner checks the scanner against encoding/xml on the seeds.
func TestXMLScanner(t *testing.T) {
	for _, doc := range xmlScanSeeds {
		want, err := xmlTokens(doc)
		if err != nil {
			t.Fatalf("encoding/xml: %v", err)
		}
		got, err := scanTokens(doc)
		if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("scanner: %v\ngot  %q\nwant %q", err, got, want)
		}
	}
}

// FuzzXMLScanner compares the scanner with encoding/xml: on every document
// that encoding/xml reads to the end without an error, the tokens are the same.
func FuzzXMLScanner(f *testing.F) {
	for _, s := range xmlScanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		want, err := xmlTokens(doc)
		if err != nil {
			if _, err := scanTokens(doc); errors.Is(err, errRefill) {
				t.Error(err)
			}
			return
		}
		got, err := scanTokens(doc)
		if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("scanner: %v\ngot  %q\nwant %q", err, got, want)
		}
	})
}

// sharedStringsXML is the shared strings reader before issue 30, on
// encoding/xml: the reference FuzzSharedStrings compares with.
func sharedStringsXML(doc string) ([]string, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var sst []string
	var sb strings.Builder
	depth, inT, phonetic := 0, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				depth++
				sb.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = depth > 0 && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if depth > 0 {
					depth--
					sst = append(sst, bstrUnmarshal(sb.String()))
				}
			case "rPh":
				phonetic = max(0, phonetic-1)
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				sb.Write(t)
			}
		}
	}
}

// FuzzSharedStrings checks the bounded shared strings reader against the
// encoding/xml one it replaced: where both read the part, the same strings.
func FuzzSharedStrings(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><sst xmlns="x"><si><t>a</t></si><si><r><t>b</t></r><r><t xml:space="preserve"> c</t></r></si><si/></sst>`,
		`<sst><si><t>x&amp;y_x000D_</t><rPh><t>ルビ</t></rPh></si><si><t><![CDATA[<z>]]></t></si></sst>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		wb := &workbook{work: minWork, maxSST: minSharedStrings}
		got, err := wb.readSharedStrings(newXMLScanner(strings.NewReader(doc)))
		want, werr := sharedStringsXML(doc)
		if err != nil || werr != nil {
			return // Note: encoding/xml skips DTDs and checks UTF-8; the scanner refuses DTDs.
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %q, encoding/xml %q", got, want)
		}
	})
}
