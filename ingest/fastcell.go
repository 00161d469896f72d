package ingest

// The fast path of the sheet scanner (issue 29): the cells that Excel and
// the usual writers emit are recognised whole in the XML scanner's buffer,
// one pass over their bytes, and handed over as byte ranges of that buffer:
//
//	<c r="B3" s="1" t="s"><v>12</v></c>
//	<c r="V3" t="inlineStr"><is><t>text</t></is></c>
//	<c r="C3" s="2"/>   <c r="C3"></c>   </row>
//
// Anything else (a formula, rich text, phonetic runs, a reference such as
// &amp;, a carriage return, a comment, a namespace prefix, spaces other than
// one ' ' between attributes, a cell that does not fit in the buffer) is
// left unread and goes through the token scanner as before, so the values
// and errors are exactly those of the token path (FuzzFastCell compares the
// two on every document).

// Results of scanFast.
const (
	fastNone    = iota // not recognised: read by tokens
	fastRowEnd         // </row>
	fastOneCell        // one cell, in the fastCell
)

// A fastCell is one cell recognised by scanFast. Its slices point into the
// scanner's buffer and are valid until the scanner reads again.
type fastCell struct {
	r, t      []byte // the r and t attributes, nil when absent
	col, row  int    // r's column and row when read with it (matchRef), else 0
	v         []byte // the text of <v>
	is        []byte // the text of <is><t>
	inlineStr bool   // the cell has an <is> element
}

// scanFast recognises a cell or the end of the row at the scanner's position
// and takes its bytes, or takes nothing and reports fastNone.
func (s *sheetScanner) scanFast(c *fastCell) int {
	x := s.x
	if x.end || s.slow {
		return fastNone // an empty start tag's end is pending
	}
	for tries := 0; tries < 4; tries++ {
		n, kind := matchCell(x.buf[x.bpos:x.bend], c)
		if n > 0 {
			x.bpos += n
			return kind
		}
		// Note: more moves the buffered bytes, so the cell is matched again.
		if n == 0 || !x.more() {
			break
		}
	}
	return fastNone
}

// matchCell matches b's start against the shapes above. It returns the
// number of bytes matched and the kind; 0 when b does not start with one of
// them, -1 when b ends before it could tell.
func matchCell(b []byte, c *fastCell) (int, int) {
	if len(b) < 4 {
		return -1, fastNone
	}
	if b[0] != '<' {
		return 0, fastNone
	}
	if b[1] == '/' {
		if len(b) < 6 {
			return -1, fastNone
		}
		if string(b[:6]) == "</row>" {
			return 6, fastRowEnd
		}
		return 0, fastNone
	}
	if b[1] != 'c' {
		return 0, fastNone
	}
	*c = fastCell{}
	i := 2
	// Note: the commonest start, ` r="` and a plain cell name, is read here
	// with the name's column and row, so that the name is not read again
	// (cellCol); anything else is read by the loop below from the start.
	if len(b) > 7 && string(b[2:6]) == ` r="` {
		if col, row, k := matchRef(b[6:]); k > 0 && 6+k < len(b) && b[6+k] == '"' {
			c.r, c.col, c.row = b[6:6+k:6+k], col, row
			i = 6 + k + 1
		}
	}
	for {
		if i >= len(b) {
			return -1, fastNone
		}
		switch b[i] {
		case '>':
			i++
			return matchContent(b, i, c)
		case '/':
			if i+1 >= len(b) {
				return -1, fastNone
			}
			if b[i+1] != '>' {
				return 0, fastNone
			}
			return i + 2, fastOneCell
		case ' ':
			i++
		default:
			return 0, fastNone
		}
		// an attribute: name="value" or name='value'
		from, colon := i, -1 // colon: the name's first colon
		for i < len(b) && isFastNameByte(b[i]) {
			if b[i] == ':' && colon < 0 {
				colon = i - from
			}
			i++
		}
		if i >= len(b) {
			return -1, fastNone
		}
		if i == from || i-from > 64 || b[i] != '=' {
			return 0, fastNone
		}
		name := b[from:i]
		i++
		if i >= len(b) {
			return -1, fastNone
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return 0, fastNone
		}
		i++
		end := i
		for end < len(b) && b[end] != q {
			if c := b[end]; c == '&' || c == '<' || c == '\r' {
				return 0, fastNone
			}
			end++
		}
		if end == len(b) {
			return -1, fastNone
		}
		value := b[i:end:end]
		i = end + 1
		// Note: the local name, split at the first colon unless it starts or
		// ends the name, as the token scanner does; the first of two
		// attributes with one local name counts, as in its attr.
		local := name
		if k := colon; k >= 1 && k <= len(name)-2 {
			local = name[k+1:]
		}
		switch string(local) {
		case "r":
			if c.r == nil {
				c.r = value
			}
		case "t":
			if c.t == nil {
				c.t = value
			}
		}
	}
}

// matchRef reads a plain cell name at b's start, letters then digits, as
// parseCell reads one it accepts (at most 3 letters up to XFD, 1 to 7
// digits without a leading zero, a row up to Excel's last), and returns its
// column, row and length; n is 0 when b does not start with such a name.
// (What follows the name is the caller's to check.)
func matchRef(b []byte) (col, row, n int) {
	col, i := cellLetters(b)
	if i == 0 || i > 3 || col > maxCols || i == len(b) || b[i] == '0' {
		return 0, 0, 0
	}
	j := i
	for j < len(b) && j-i < 8 && b[j] >= '0' && b[j] <= '9' {
		row = row*10 + int(b[j]-'0')
		j++
	}
	if j == i || j-i > 7 || row > maxRows {
		return 0, 0, 0
	}
	return col, row, j
}

// isFastNameByte reports whether c may be part of an attribute name on the
// fast path (a subset of what the token scanner accepts).
func isFastNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_' || c == '-' || c == '.'
}

// The contents of a cell that matchContent recognises, each with the end that
// must follow its text ("" for none).
var fastContents = [...]struct {
	start, end string
	inline     bool
}{
	{"</c>", "", false},
	{"<v>", "</v></c>", false},
	{"<is><t>", "</t></is></c>", true},
	{`<is><t xml:space="preserve">`, "</t></is></c>", true},
}

// shortOf returns what matchCell returns for b, shorter than p: -1 when
// b is the start of p (more bytes may complete it), else 0.
func shortOf(b []byte, p string) int {
	if string(b) == p[:len(b)] {
		return -1
	}
	return 0
}

// hasPrefix reports whether b starts with p, and whether b is too short to
// tell (b is a proper prefix of p).
func hasPrefix(b []byte, p string) (yes, short bool) {
	if len(b) < len(p) {
		return false, string(b) == p[:len(b)]
	}
	return string(b[:len(p)]) == p, false
}

// matchContent matches what follows a cell's start tag at b[i:]: </c>, a
// <v> or an inline string, each followed by the cell's end.
func matchContent(b []byte, i int, c *fastCell) (int, int) {
	rest := b[i:]
	// Note: the two commonest contents are matched against constant
	// strings first (a few loads and compares each, where the table's
	// strings need a call per comparison); the table below matches the
	// same shapes and the rest.
	if len(rest) >= 3 && string(rest[:3]) == "<v>" {
		k := i + 3
		for k < len(b) && b[k] != '<' {
			if c := b[k]; c == '&' || c == '\r' {
				return 0, fastNone
			}
			k++
		}
		if end := b[k:]; len(end) < len("</v></c>") {
			return shortOf(end, "</v></c>"), fastNone
		}
		if string(b[k:k+8]) != "</v></c>" {
			return 0, fastNone
		}
		c.v = b[i+3 : k : k]
		return k + 8, fastOneCell
	}
	if len(rest) >= 7 && string(rest[:7]) == "<is><t>" {
		k := i + 7
		for k < len(b) && b[k] != '<' {
			if c := b[k]; c == '&' || c == '\r' {
				return 0, fastNone
			}
			k++
		}
		if end := b[k:]; len(end) < len("</t></is></c>") {
			return shortOf(end, "</t></is></c>"), fastNone
		}
		if string(b[k:k+13]) != "</t></is></c>" {
			return 0, fastNone
		}
		c.is, c.inlineStr = b[i+7:k:k], true
		return k + 13, fastOneCell
	}
	if len(rest) < 2 {
		return -1, fastNone
	}
	var fc int
	switch rest[1] {
	case '/':
		fc = 0
	case 'v':
		fc = 1
	case 'i':
		fc = 2
		if yes, short := hasPrefix(rest, fastContents[2].start); short {
			return -1, fastNone
		} else if !yes {
			fc = 3
		}
	default:
		return 0, fastNone
	}
	f := &fastContents[fc]
	if yes, short := hasPrefix(rest, f.start); short {
		return -1, fastNone
	} else if !yes {
		return 0, fastNone
	}
	i += len(f.start)
	if f.end == "" {
		return i, fastOneCell
	}
	// Note: one loop over the text rather than a search per byte value:
	// most texts are a few bytes.
	k := i
	for k < len(b) && b[k] != '<' {
		if c := b[k]; c == '&' || c == '\r' {
			return 0, fastNone
		}
		k++
	}
	if k == len(b) {
		return -1, fastNone
	}
	text := b[i:k:k]
	if yes, short := hasPrefix(b[k:], f.end); short {
		return -1, fastNone
	} else if !yes {
		return 0, fastNone
	}
	if f.inline {
		c.is, c.inlineStr = text, true
	} else {
		c.v = text
	}
	return k + len(f.end), fastOneCell
}
