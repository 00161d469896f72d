package pdf

import (
	"fmt"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Text widths without fpdf (issue 29).
//
// fpdf measures a string in the current font only, so measuring meant
// selecting the font in the document, and every SetFont writes a font
// selection into the current page, formats it and, in the dry pass of a
// chapter (paginate.go), wrote selections the real pass does not need. The
// layout measures instead with runeWidths: each rune's width in glyph units,
// read once per process and face from fpdf itself (GetStringSymbolWidth of
// the rune alone), and the sum scaled exactly as fpdf scales it
// (GetStringWidth: units × (size / k) / 1000), so that every width, and so
// every line break, is the one fpdf would give.

// kMM is fpdf's scale factor for the unit "mm" (points per millimetre).
const kMM = 72.0 / 25.4

// runeWidths holds one face's rune widths in glyph units.
// Note: fpdf's width table covers the BMP (utf8fontfile.go: 256*256
// entries); a rune beyond it gets the face's missing width, and the first
// rune beyond it makes fpdf panic (it tests len >= rune, not >), which
// width repeats.
type runeWidths struct {
	bmp  [0x10000]int32
	edge int32 // U+10000; -1: fpdf panics
	far  int32 // beyond U+10000
}

// units returns the width of r in glyph units, as fpdf's GetStringSymbolWidth.
func (w *runeWidths) units(r rune) int32 {
	switch {
	case r >= 0 && r < 0x10000:
		return w.bmp[r]
	case r == 0x10000:
		return w.edge
	}
	return w.far
}

// symbolWidth asks doc for the width of r alone; -1 when fpdf panics.
func symbolWidth(doc *fpdf.Fpdf, r rune) (u int32) {
	defer func() {
		if recover() != nil {
			u = -1
		}
	}()
	return int32(doc.GetStringSymbolWidth(string(r)))
}

// width is the width of s in mm at size points, as fpdf's GetStringWidth.
func (w *runeWidths) width(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		u := w.units(r)
		if u < 0 {
			panic(fmt.Sprintf("pdf: the font cannot measure %U", r))
		}
		n += int(u)
	}
	return float64(n) * (size / kMM) / 1000
}

// faceKey identifies a face by its bytes (fonts are shared, not copied,
// between the handouts of a run).
type faceKey struct {
	p *byte
	n int
}

var (
	facesMu sync.Mutex
	faces   = map[faceKey]*runeWidths{}
)

// faceWidths returns the rune widths of the TrueType face font, reading
// them on first use.
func faceWidths(font []byte) (*runeWidths, error) {
	if len(font) == 0 {
		return nil, fmt.Errorf("pdf: empty font")
	}
	k := faceKey{&font[0], len(font)}
	facesMu.Lock()
	defer facesMu.Unlock()
	if w, ok := faces[k]; ok {
		return w, nil
	}
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddUTF8FontFromBytes(fontFamily, "", font)
	doc.SetFont(fontFamily, "", 10)
	if doc.Err() {
		return nil, doc.Error()
	}
	w := &runeWidths{edge: symbolWidth(doc, 0x10000), far: symbolWidth(doc, 0x10FFFF)}
	for r := range w.bmp {
		w.bmp[r] = symbolWidth(doc, rune(r))
	}
	faces[k] = w
	return w, nil
}
