package pdf

import (
	"errors"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Note: fpdf parses a TrueType font each time a document adds it, and a run
// writes a handout per district with the same two faces: the faces are parsed
// once per process here and every handout adds the parse (issue 29;
// third_party/fpdf's AddParsedUTF8Font, a midreview addition, writes the same
// bytes as AddUTF8FontFromBytes).

// parsedFonts holds the parse of the latest few fonts, by the identity of
// their bytes (EmbeddedFont's are shared for the life of the process; a -font
// file is read once per run). An entry keeps its bytes alive, so no other
// font can come to lie at the same address meanwhile.
var parsedFonts struct {
	sync.Mutex
	list []parsedFont
}

type parsedFont struct {
	data *byte
	n    int
	p    *fpdf.ParsedUTF8Font
	err  error
}

// maxParsedFonts bounds parsedFonts: the embedded regular and bold faces and a
// -font face or two.
const maxParsedFonts = 4

// parseFontOnce returns the parse of data, parsing it on first use.
func parseFontOnce(data []byte) (*fpdf.ParsedUTF8Font, error) {
	if len(data) == 0 {
		return nil, errors.New("render: pdf font: no font data")
	}
	key := &data[0]
	parsedFonts.Lock()
	defer parsedFonts.Unlock()
	for _, f := range parsedFonts.list {
		if f.data == key && f.n == len(data) {
			return f.p, f.err
		}
	}
	p, err := fpdf.ParseUTF8Font(data)
	if len(parsedFonts.list) == maxParsedFonts {
		parsedFonts.list = parsedFonts.list[1:]
	}
	parsedFonts.list = append(parsedFonts.list, parsedFont{key, len(data), p, err})
	return p, err
}

// addFonts adds the regular and bold faces of o to p as fontFamily.
func addFonts(p *fpdf.Fpdf, o PDFOptions) {
	for _, f := range []struct {
		style string
		data  []byte
	}{{"", o.FontRegular}, {"B", o.FontBold}} {
		parsed, err := parseFontOnce(f.data)
		if err != nil {
			p.SetError(err)
			return
		}
		p.AddParsedUTF8Font(fontFamily, f.style, parsed)
	}
}
