package pdf

import (
	"math"
	"strconv"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// Text without fpdf's Text (issue 29).
//
// fpdf's Text formats each line with fmt.Sprintf, converts and escapes it
// through three strings and records its runes in a map, one entry per rune:
// a sixth of the PDF writer's time for the handouts of a 3,000-respondent
// batch. pdfDoc.text writes the same operators into the page itself
// (RawWriteStr) and records the runes in a set per face; before the document
// is written, markDrawn hands each face's set to fpdf once (through
// fpdf's Text in a template, which shares the document's fonts and writes
// into a page of its own), so that fpdf subsets the faces to the same runes.
// The document is byte for byte what fpdf's Text gives
// (TestTextAsFpdf).

// text writes s at (x, y) as fpdf's Text does, and reports whether it did:
// false for a string fpdf's Text converts otherwise (invalid UTF-8, a rune
// beyond the Basic Multilingual Plane) or a font style other than regular
// or bold, which fpdf's Text then writes.
func (d *pdfDoc) text(x, y float64, s string) bool {
	p := d.real
	face := 0
	switch p.GetFontStyle() {
	case "":
	case "B":
		face = 1
	default:
		return false
	}
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || n > 3 {
			return false
		}
		i += n
	}
	k := p.GetConversionRatio()
	_, h := p.GetPageSize()
	tr, tg, tb := p.GetTextColor()
	fr, fg, fb := p.GetFillColor()
	// Note: fpdf wraps the text in the text colour when that differs from
	// the fill colour (its colorFlag), comparing the colours' operators,
	// which are equal exactly when the components are.
	colored := tr != fr || tg != fg || tb != fb
	b := d.textBuf[:0]
	if colored {
		if c := [3]int{tr, tg, tb}; c != d.textColor || d.textColorOp == nil {
			d.textColor, d.textColorOp = c, appendColor(nil, tr, tg, tb)
		}
		b = append(b, "q "...)
		b = append(b, d.textColorOp...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = appendF2(b, float64(x*k))
	b = append(b, ' ')
	b = appendF2(b, float64((h-y)*k))
	b = append(b, " Td ("...)
	if d.drawn[face] == nil {
		d.drawn[face] = new(runeSet)
	}
	set := d.drawn[face]
	for _, r := range s {
		set.add(r)
		// UTF-16BE, escaped as a PDF string as fpdf escapes it.
		for _, c := range [2]byte{byte(r >> 8), byte(r)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	b = append(b, ") Tj ET"...)
	if colored {
		b = append(b, " Q"...)
	}
	p.RawWriteStr(string(b))
	d.textBuf = b
	return true
}

// appendColor appends fpdf's operator for the text (or fill) colour r, g, b:
// "0.098 g" for a gray, "0.122 0.220 0.392 rg" otherwise.
func appendColor(b []byte, r, g, bl int) []byte {
	c := func(v int) float64 { return float64(min(max(v, 0), 255)) / 255.0 }
	b = strconv.AppendFloat(b, c(r), 'f', 3, 64)
	if r == g && g == bl {
		return append(b, " g"...)
	}
	b = append(b, ' ')
	b = strconv.AppendFloat(b, c(g), 'f', 3, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, c(bl), 'f', 3, 64)
	return append(b, " rg"...)
}

// markDrawn records the runes d.text drew in fpdf's fonts, as its Text
// would have, through a template: it shares the document's fonts (and so
// their sets of used runes) and draws into a page of its own, which the
// document never uses.
func (d *pdfDoc) markDrawn() {
	if d.drawn[0] == nil && d.drawn[1] == nil {
		return
	}
	d.real.CreateTemplate(func(t *fpdf.Tpl) {
		for i, style := range [2]string{"", "B"} {
			if d.drawn[i] != nil {
				t.SetFont(fontFamily, style, 10)
				t.Text(0, 10, d.drawn[i].String())
			}
		}
	})
}

// appendF2 appends v as strconv.AppendFloat(b, v, 'f', 2, 64) does, the
// way fpdf formats coordinates ("%.2f"), without its general conversion:
// v×100 is rounded to the nearest integer, which is the exact decimal
// rounding unless v×100 lies within 1e-6 of a half (or v is large, NaN or
// infinite), where strconv formats it (FuzzAppendF2).
func appendF2(b []byte, v float64) []byte {
	a := math.Abs(v)
	if !(a < 1e6) {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	s := a * 100
	fl := math.Floor(s)
	fr := s - fl
	if fr > 0.5-1e-6 && fr < 0.5+1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := uint64(fl)
	if fr > 0.5 {
		n++
	}
	if math.Signbit(v) {
		b = append(b, '-')
	}
	b = strconv.AppendUint(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// line draws a line as fpdf's Line does (the dry canvas draws nothing), in
// appendLine's bytes.
func (d *pdfDoc) line(x1, y1, x2, y2 float64) {
	if d.p != canvas(d.real) || d.real.GetConversionRatio() != kMM {
		d.p.Line(x1, y1, x2, y2)
		return
	}
	_, h := d.real.GetPageSize()
	b := appendLine(d.textBuf[:0], x1, y1, x2, y2, h)
	d.real.RawWriteStr(string(b[:len(b)-1])) // RawWriteStr ends the line
	d.textBuf = b
}

// rect draws a rectangle as fpdf's Rect does, style "F", "D" or "FD".
func (d *pdfDoc) rect(x, y, w, hh float64, style string) {
	var op string
	switch style {
	case "F":
		op = "f"
	case "D":
		op = "S"
	case "FD":
		op = "B"
	}
	if d.p != canvas(d.real) || op == "" {
		d.p.Rect(x, y, w, hh, style)
		return
	}
	_, h := d.real.GetPageSize()
	k := d.real.GetConversionRatio()
	b := d.textBuf[:0]
	b = appendF2(b, float64(x*k))
	b = append(b, ' ')
	b = appendF2(b, float64((h-y)*k))
	b = append(b, ' ')
	b = appendF2(b, float64(w*k))
	b = append(b, ' ')
	b = appendF2(b, float64(-hh*k))
	b = append(b, " re "...)
	b = append(b, op...)
	d.real.RawWriteStr(string(b))
	d.textBuf = b
}
