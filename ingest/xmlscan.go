package ingest

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// An xmlScanner splits worksheet XML into start tags, end tags and text, as
// encoding/xml's RawToken does, without allocating per token: names and
// attribute values are byte slices into its own buffers, valid until the next
// call. It reads what a worksheet part holds (the XML declaration, elements
// with or without a namespace prefix, attributes in either quotes, text with
// the five predefined and numeric character references, CDATA sections,
// comments and processing instructions). An unknown entity is an error, as for
// encoding/xml in strict mode; so is a document type declaration (any other
// <! directive), which encoding/xml skips: Excel never writes one, and a DTD
// is where entity tricks live.
//
// Note: it replaced encoding/xml for sheet data because RawToken allocated a
// string per name and a copy per text for every cell: on the 100k scale batch
// (260 MB of sheet XML) 55 M allocations, most of ingest's time and garbage.
// TestSheetRowsMatchExcelize and FuzzReadMutatedXML compare the values read
// with excelize's.
type xmlScanner struct {
	// The input, buffered: buf[bpos:bend] is read and not yet taken; the
	// byte before bpos stays in buf, so that unreadByte can step back one.
	rd         io.Reader
	buf        []byte
	bpos, bend int
	rerr       error     // the error of the last read, returned once buf is empty
	local      []byte    // local name of the current start or end tag
	attrs      []xmlAttr // attributes of the current start tag
	text       []byte    // the current text, references resolved
	end        bool      // the start tag just returned was empty (<c/>): an end tag follows
	name       []byte    // scratch for a qualified name
	elem       []byte    // the current start tag's local name
	abuf       []byte    // backing store of the attribute values
	nread      int64     // bytes read from rd
}

// taken returns how many bytes of the input have been taken.
func (x *xmlScanner) taken() int64 { return x.nread - int64(x.bend-x.bpos) }

// An xmlAttr is one attribute: its local name and value.
type xmlAttr struct{ local, value []byte }

// Kinds of token.
const (
	xmlEOF = iota
	xmlStart
	xmlEnd
	xmlText
)

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{rd: r, buf: make([]byte, 64<<10)}
}

// Note: the scanner reads its input through its own buffer rather than a
// bufio.Reader: ReadByte and UnreadByte were a fifth of ingest's time on
// the 100k scale batch, as calls that cannot be inlined; readByte's fast
// path is. Errors are returned as bufio returns them: once, after the bytes
// read before them.

// readByte returns the next byte of the input.
func (x *xmlScanner) readByte() (byte, error) {
	if p := x.bpos; p < x.bend {
		x.bpos++
		return x.buf[p], nil
	}
	return x.readByteSlow()
}

func (x *xmlScanner) readByteSlow() (byte, error) {
	if err := x.fill(1); err != nil {
		return 0, err
	}
	c := x.buf[x.bpos]
	x.bpos++
	return c, nil
}

// unreadByte steps back over the byte readByte just returned.
func (x *xmlScanner) unreadByte() { x.bpos-- }

// fill reads until n bytes are buffered (n < len(buf)), returning the read
// error (once) when it ends the input first.
func (x *xmlScanner) fill(n int) error {
	if x.bpos > 1 {
		// keep the byte before bpos for unreadByte
		k := copy(x.buf, x.buf[x.bpos-1:x.bend])
		x.bpos, x.bend = 1, k
	}
	for empty := 0; x.bend-x.bpos < n; {
		if x.rerr != nil {
			err := x.rerr
			x.rerr = nil
			return err
		}
		m, err := x.rd.Read(x.buf[x.bend:])
		if m < 0 || m > len(x.buf)-x.bend {
			return errors.New("ingest: invalid Read count")
		}
		x.bend += m
		x.nread += int64(m)
		x.rerr = err
		if m == 0 && err == nil {
			if empty++; empty >= 100 {
				return io.ErrNoProgress
			}
		}
	}
	return nil
}

// more reads once more into the buffer, taking nothing, and reports whether
// bytes were added (the fast path of the sheet scanner, fastcell.go, calls it
// when a cell runs past the bytes buffered). A read error is kept for the
// token functions, which return it once the bytes before it are taken, as
// they would have read it.
func (x *xmlScanner) more() bool {
	if x.rerr != nil {
		return false
	}
	if x.bpos > 1 {
		// keep the byte before bpos for unreadByte
		k := copy(x.buf, x.buf[x.bpos-1:x.bend])
		x.bpos, x.bend = 1, k
	}
	if x.bend == len(x.buf) {
		return false
	}
	m, err := x.rd.Read(x.buf[x.bend:])
	if m < 0 || m > len(x.buf)-x.bend {
		x.rerr = errors.New("ingest: invalid Read count")
		return false
	}
	x.bend += m
	x.nread += int64(m)
	x.rerr = err
	return m > 0
}

// peek returns the next n bytes without taking them; fewer with the error
// that ended the input.
func (x *xmlScanner) peek(n int) ([]byte, error) {
	var err error
	if x.bend-x.bpos < n {
		err = x.fill(n)
	}
	return x.buf[x.bpos:min(x.bpos+n, x.bend)], err
}

// discard takes the next n bytes, which peek has returned.
func (x *xmlScanner) discard(n int) { x.bpos += n }

func xmlError(what string) error { return errors.New("XML syntax error: " + what) }

// Bounds on one token, so that a crafted part cannot make the scanner hold more
// than a cell's worth of text at a time (docs/design.md, Bounded reading).
const (
	// maxTextBytes is the longest text (references resolved) or CDATA section
	// read as one token: Excel's 32,767 characters per cell at 3 bytes each
	// (a character outside the BMP is 4 bytes but counts as 2 in Excel).
	maxTextBytes = 3 * maxCellChars
	// maxNameBytes is the longest element or attribute name.
	maxNameBytes = 1 << 10
	// maxAttrBytes is the most bytes of names and values in one start tag.
	maxAttrBytes = 64 << 10
)

// errTextTooLong is the error of a text or CDATA section over maxTextBytes;
// the sheet reader turns it into a cell that is too long.
var errTextTooLong = errors.New("XML syntax error: text longer than a cell can hold")

// next returns the kind of the next token; io.EOF at the end is xmlEOF with
// a nil error.
func (x *xmlScanner) next() (int, error) {
	if x.end {
		x.end = false
		return xmlEnd, nil
	}
	for {
		c, err := x.readByte()
		if err == io.EOF {
			return xmlEOF, nil
		}
		if err != nil {
			return 0, err
		}
		if c != '<' {
			x.unreadByte()
			return xmlText, x.readText()
		}
		c, err = x.readByte()
		if err != nil {
			return 0, x.eof(err)
		}
		switch c {
		case '/':
			if err := x.readName(); err != nil {
				return 0, err
			}
			if err := x.skipSpace(); err != nil {
				return 0, err
			}
			if c, err := x.readByte(); err != nil || c != '>' {
				return 0, x.eof(err, "invalid characters between </"+string(x.name)+" and >")
			}
			return xmlEnd, nil
		case '?':
			if err := x.skipPast("?>"); err != nil {
				return 0, err
			}
		case '!':
			ok, err := x.bang()
			if err != nil {
				return 0, err
			}
			if ok {
				return xmlText, nil
			}
		default:
			x.unreadByte()
			return xmlStart, x.readStart()
		}
	}
}

// eof turns an unexpected end of input into a syntax error.
func (x *xmlScanner) eof(err error, what ...string) error {
	if err == nil || err == io.EOF {
		if len(what) > 0 {
			return xmlError(what[0])
		}
		return xmlError("unexpected EOF")
	}
	return err
}

// bang reads what follows "<!": a comment (skipped) or a CDATA section
// (returned as text, reporting true).
func (x *xmlScanner) bang() (bool, error) {
	p, err := x.peek(2)
	if err == nil && string(p) == "--" {
		x.discard(2)
		return false, x.skipPast("-->")
	}
	p, err = x.peek(7)
	if err != nil || string(p) != "[CDATA[" {
		return false, xmlError("unsupported <! declaration")
	}
	x.discard(7)
	x.text = x.text[:0]
	for {
		c, err := x.readByte()
		if err != nil {
			return false, x.eof(err, "unexpected EOF in CDATA section")
		}
		x.text = append(x.text, c)
		if len(x.text) > maxTextBytes+3 {
			return false, errTextTooLong
		}
		if c == '>' && bytes.HasSuffix(x.text, []byte("]]>")) {
			x.text = normNewlines(x.text[:len(x.text)-3])
			return true, nil
		}
	}
}

// skipPast skips input up to and including end.
func (x *xmlScanner) skipPast(end string) error {
	n := 0
	for {
		c, err := x.readByte()
		if err != nil {
			return x.eof(err)
		}
		switch {
		case c == end[n]:
			n++
			if n == len(end) {
				return nil
			}
		case c == end[0]:
			n = 1
		default:
			n = 0
		}
	}
}

func (x *xmlScanner) skipSpace() error {
	for {
		for ; x.bpos < x.bend; x.bpos++ {
			if !isXMLSpace(x.buf[x.bpos]) {
				return nil
			}
		}
		if err := x.fill(1); err != nil {
			return x.eof(err)
		}
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// readName reads a qualified name into x.name and its local part into x.local.
func (x *xmlScanner) readName() error {
	x.name = x.name[:0]
	colon := -1 // the first colon in the name
	// Note: the loops on x.buf here and below are readByte inlined by hand
	// (a function that calls another is never inlined); a byte that ends the
	// loop is left unread.
scan:
	for {
		for ; x.bpos < x.bend; x.bpos++ {
			c := x.buf[x.bpos]
			if isXMLSpace(c) || c == '>' || c == '/' || c == '=' {
				break scan
			}
			if c == '<' || c == '"' || c == '\'' {
				return xmlError("invalid character in name")
			}
			if len(x.name) == maxNameBytes {
				return xmlError("name too long")
			}
			if c == ':' && colon < 0 {
				colon = len(x.name)
			}
			x.name = append(x.name, c)
		}
		if err := x.fill(1); err != nil {
			return x.eof(err)
		}
	}
	if len(x.name) == 0 {
		return xmlError("expected element name after <")
	}
	// Note: split at the first colon unless it starts or ends the name, as
	// encoding/xml does.
	x.local = x.name
	if i := colon; i >= 1 && i <= len(x.name)-2 {
		x.local = x.name[i+1:]
	}
	return nil
}

// readStart reads a start tag after "<": its name and attributes.
func (x *xmlScanner) readStart() error {
	if err := x.readName(); err != nil {
		return err
	}
	x.elem = append(x.elem[:0], x.local...)
	x.attrs, x.abuf = x.attrs[:0], x.abuf[:0]
	var ends [16]int // per attribute: end of its name, end of its value in abuf
	offs := ends[:0]
	for {
		if err := x.skipSpace(); err != nil {
			return err
		}
		c, err := x.readByte()
		if err != nil {
			return x.eof(err)
		}
		if c == '>' {
			break
		}
		if c == '/' {
			if c, err := x.readByte(); err != nil || c != '>' {
				return x.eof(err, "expected /> in element")
			}
			x.end = true
			break
		}
		x.unreadByte()
		if err := x.readName(); err != nil {
			return err
		}
		if len(x.abuf) > maxAttrBytes {
			return xmlError("attributes too long")
		}
		x.abuf = append(x.abuf, x.local...)
		offs = append(offs, len(x.abuf))
		if err := x.skipSpace(); err != nil {
			return err
		}
		if c, err := x.readByte(); err != nil || c != '=' {
			return x.eof(err, "attribute name without = in element")
		}
		if err := x.skipSpace(); err != nil {
			return err
		}
		q, err := x.readByte()
		if err != nil || (q != '"' && q != '\'') {
			return x.eof(err, "unquoted or missing attribute value in element")
		}
		from, cr := len(x.abuf), false // cr: a \r may need normNewlines
	value:
		for {
			for x.bpos < x.bend {
				c := x.buf[x.bpos]
				x.bpos++
				if c == q {
					break value
				}
				if c == '<' {
					return xmlError("unescaped < inside quoted string")
				}
				if len(x.abuf) > maxAttrBytes {
					return xmlError("attributes too long")
				}
				if c == '&' {
					if x.abuf, err = x.appendRef(x.abuf); err != nil {
						return err
					}
					cr = true // &#13;
					continue
				}
				cr = cr || c == '\r'
				x.abuf = append(x.abuf, c)
			}
			if err := x.fill(1); err != nil {
				return x.eof(err)
			}
		}
		if cr {
			x.abuf = normNewlinesFrom(x.abuf, from)
		}
		offs = append(offs, len(x.abuf))
	}
	x.local = x.elem
	for i := 0; i+1 < len(offs); i += 2 {
		a := 0
		if i > 0 {
			a = offs[i-1]
		}
		b, c := offs[i], offs[i+1]
		x.attrs = append(x.attrs, xmlAttr{local: x.abuf[a:b:b], value: x.abuf[b:c:c]})
	}
	return nil
}

// readText reads text up to the next "<", resolving references.
func (x *xmlScanner) readText() error {
	x.text = x.text[:0]
	cr := false // a \r may need normNewlines
scan:
	for {
		for x.bpos < x.bend {
			c := x.buf[x.bpos]
			if c == '<' {
				break scan
			}
			x.bpos++
			if len(x.text) > maxTextBytes {
				return errTextTooLong
			}
			if c == '&' {
				var err error
				if x.text, err = x.appendRef(x.text); err != nil {
					return err
				}
				cr = true // &#13;
				continue
			}
			cr = cr || c == '\r'
			x.text = append(x.text, c)
		}
		if err := x.fill(1); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
	}
	if cr {
		x.text = normNewlines(x.text)
	}
	return nil
}

// appendRef reads a reference after "&" and appends its character to b.
func (x *xmlScanner) appendRef(b []byte) ([]byte, error) {
	var name [16]byte
	n := 0
	for {
		c, err := x.readByte()
		if err != nil {
			return b, x.eof(err)
		}
		if c == ';' {
			break
		}
		if n == len(name) {
			return b, xmlError("invalid character entity &" + string(name[:n]))
		}
		name[n] = c
		n++
	}
	s := string(name[:n])
	switch s {
	case "lt":
		return append(b, '<'), nil
	case "gt":
		return append(b, '>'), nil
	case "amp":
		return append(b, '&'), nil
	case "apos":
		return append(b, '\''), nil
	case "quot":
		return append(b, '"'), nil
	}
	if len(s) > 1 && s[0] == '#' {
		var v uint64
		var err error
		if s[1] == 'x' {
			v, err = strconv.ParseUint(s[2:], 16, 32)
		} else {
			v, err = strconv.ParseUint(s[1:], 10, 32)
		}
		if err == nil && isXMLChar(rune(v)) {
			return utf8.AppendRune(b, rune(v)), nil
		}
	}
	return b, xmlError("invalid character entity &" + s + ";")
}

// isXMLChar reports whether r may appear in an XML document (XML 1.0 Char).
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// normNewlines turns "\r\n" and a lone "\r" into "\n", as XML requires.
func normNewlines(b []byte) []byte { return normNewlinesFrom(b, 0) }

// normNewlinesFrom is normNewlines on b[from:].
func normNewlinesFrom(b []byte, from int) []byte {
	if bytes.IndexByte(b[from:], '\r') < 0 {
		return b
	}
	w := from
	for i := from; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		b[w] = c
		w++
	}
	return b[:w]
}

// attr returns the value of the current start tag's attribute local, or nil.
func (x *xmlScanner) attr(local string) []byte {
	for _, a := range x.attrs {
		if string(a.local) == local {
			return a.value
		}
	}
	return nil
}
