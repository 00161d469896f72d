package ingest

import (
	"io"
	"strconv"
	"strings"
)

// Bounds on reading a CSV file (docs/design.md, Bounded reading).
const (
	// maxCSVFields is the most fields of one CSV line: Excel's 16,384 columns.
	maxCSVFields = maxCols
	// maxCSVFieldBytes is the longest CSV field, in bytes after decoding: 1 MiB,
	// 32 times what Excel writes into one cell (32,767 characters) so that a
	// long free-text answer from a web form is never refused, yet a field of
	// 50 MB is an error found before it is copied.
	maxCSVFieldBytes = 1 << 20
)

// csvSource reads the records of a CSV file's text, as Excel opens it:
// comma-separated, a field in double quotes may hold commas, line breaks and
// doubled quotes, a line ends in CRLF, LF or a lone CR (old Mac exports). A
// blank line is an empty row, numbered as Excel numbers the rows; blank lines
// at the end are not rows.
//
// Quoting is strict: a quote that is never closed, text after a closing quote
// or a quote inside an unquoted field is an error naming the row where the
// field began, its column and its line in the file, never a silent merge of
// the rest of the file into one field (encoding/csv's LazyQuotes did that).
// A line over maxCSVFields fields or a field over maxCSVFieldBytes is an error
// found before the field is copied.
//
// Note: it replaced encoding/csv, which has no field or column limits (a
// header of 10 million commas took 1.9 GB) and, without LazyQuotes, reports
// the line where a quote error was found, not the row where the field began.
type csvSource struct {
	text  string
	pos   int // offset of the next unread byte
	line  int // 1-based line in the file at pos
	n     int // current row number
	blank int // blank lines still to return before held
	held  bool
	rec   []string // the record read ahead or current
	buf   []byte   // the record's decoded fields, back to back
	ends  []int    // end of each field in buf
	row   []string
	err   error
	crRow int // the first row ended by a lone CR (0 = none)
}

func newCSVSource(text string) *csvSource { return &csvSource{text: text, line: 1} }

func (s *csvSource) Next() bool {
	switch {
	case s.blank > 0:
		s.blank--
		s.row = nil
		s.n++
		return true
	case s.held:
		s.row, s.held = s.rec, false
		s.n++
		return true
	case s.err != nil:
		return false
	}
	k := 0 // blank lines before the record
	for {
		blank, err := s.read(s.n + k + 1)
		if err == io.EOF {
			return false // Note: blank lines at the end are not rows.
		}
		if err != nil {
			s.err = err
			return false
		}
		if !blank {
			break
		}
		k++
	}
	// Note: Excel shows each blank line as an empty row; counting them keeps
	// every reported cell where Excel shows it.
	s.n++
	if k > 0 {
		s.blank, s.held, s.row = k-1, true, nil
		return true
	}
	s.row = s.rec
	return true
}

// read reads the next line or record, which is row row, into s.rec and
// reports whether it was a blank line; io.EOF at the end of the text.
func (s *csvSource) read(row int) (blank bool, err error) {
	t := s.text
	if s.pos >= len(t) {
		return false, io.EOF
	}
	if s.lineEnd(row) {
		return true, nil
	}
	s.buf, s.ends = s.buf[:0], s.ends[:0]
	for field := 1; ; field++ {
		if field > maxCSVFields {
			return false, s.fail(row, field, HintCSVTooManyCols, strconv.Itoa(maxCSVFields))
		}
		from := len(s.buf)
		if s.pos < len(t) && t[s.pos] == '"' {
			if err := s.quoted(row, field, from); err != nil {
				return false, err
			}
		} else {
			i := s.pos
			for i < len(t) && t[i] != ',' && t[i] != '\n' && t[i] != '\r' && t[i] != '"' {
				i++
			}
			if i < len(t) && t[i] == '"' {
				return false, s.fail(row, field, HintCSVBareQuote, strconv.Itoa(s.line))
			}
			if i-s.pos > maxCSVFieldBytes {
				return false, s.fail(row, field, HintCSVFieldSize, strconv.Itoa(maxCSVFieldBytes))
			}
			s.buf = append(s.buf, t[s.pos:i]...)
			s.pos = i
		}
		s.ends = append(s.ends, len(s.buf))
		if s.pos < len(t) && t[s.pos] == ',' {
			s.pos++
			continue
		}
		s.lineEnd(row)
		break
	}
	// Note: one string per record, its fields slices of it, as encoding/csv
	// does: a kept answer holds its record, not the whole file.
	all := string(s.buf)
	s.rec = s.rec[:0]
	from := 0
	for _, e := range s.ends {
		s.rec = append(s.rec, all[from:e])
		from = e
	}
	return false, nil
}

// lineEnd consumes a line end (CRLF, LF or a lone CR) at s.pos and reports
// whether there was one.
func (s *csvSource) lineEnd(row int) bool {
	t := s.text
	switch {
	case s.pos >= len(t):
		return false
	case t[s.pos] == '\n':
		s.pos++
	case t[s.pos] == '\r':
		s.pos++
		if s.pos < len(t) && t[s.pos] == '\n' {
			s.pos++
		} else if s.crRow == 0 {
			s.crRow = row
		}
	default:
		return false
	}
	s.line++
	return true
}

// quoted reads the quoted field at s.pos (its opening quote) into s.buf, from
// offset from: doubled quotes are one quote and CRLF inside is LF, as
// encoding/csv reads them.
func (s *csvSource) quoted(row, field, from int) error {
	t := s.text
	line := s.line
	s.pos++
	for {
		i := strings.IndexByte(t[s.pos:], '"')
		if i < 0 {
			return s.fail(row, field, HintCSVQuote, strconv.Itoa(line))
		}
		chunk := t[s.pos : s.pos+i]
		if len(s.buf)-from+len(chunk) > maxCSVFieldBytes {
			return s.fail(row, field, HintCSVFieldSize, strconv.Itoa(maxCSVFieldBytes))
		}
		s.line += strings.Count(chunk, "\n") + strings.Count(chunk, "\r") - strings.Count(chunk, "\r\n")
		for {
			j := strings.Index(chunk, "\r\n")
			if j < 0 {
				break
			}
			s.buf = append(s.buf, chunk[:j]...)
			s.buf = append(s.buf, '\n')
			chunk = chunk[j+2:]
		}
		s.buf = append(s.buf, chunk...)
		s.pos += i + 1
		if s.pos < len(t) && t[s.pos] == '"' {
			s.buf = append(s.buf, '"')
			s.pos++
			continue
		}
		if s.pos < len(t) && t[s.pos] != ',' && t[s.pos] != '\n' && t[s.pos] != '\r' {
			return s.fail(row, field, HintCSVBareQuote, strconv.Itoa(s.line))
		}
		return nil
	}
}

// fail returns the error of row row's field field.
func (s *csvSource) fail(row, field int, h Hint, args ...string) error {
	e := newSheetError(row, h, args...)
	e.Col = field
	return e
}

func (s *csvSource) Row() []string { return s.row }
func (s *csvSource) Num() int      { return s.n }
func (s *csvSource) Sheet() string { return "" }
func (s *csvSource) Err() error    { return s.err }
func (s *csvSource) Close()        {}
func (s *csvSource) CRRow() int    { return s.crRow }
