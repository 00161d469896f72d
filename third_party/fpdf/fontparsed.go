package fpdf

// midreview: a UTF-8 font parsed once and added to many documents.

import (
	"errors"
	"sync"
)

// A ParsedUTF8Font is a TrueType font parsed by ParseUTF8Font, to be added to
// any number of documents (AddParsedUTF8Font), also concurrently. Each document
// adds it as AddUTF8FontFromBytes would with the same bytes; it writes the same
// PDF, without parsing the font again.
type ParsedUTF8Font struct {
	utf8File *utf8FontFile // the parse; never changed once made
	desc     FontDescType
	up, ut   int

	mu  sync.Mutex
	ids map[string]string // font key → font ID (generateFontID)

	cut cutCache
}

// cutCache is what GenerateCutFont derives from the font alone, whatever the
// runes used: the cmap, the widths at scale 1 and the glyph offsets. Made
// once (fill), then only read.
type cutCache struct {
	once           sync.Once
	ok             bool // the font has a Unicode cmap
	charSymbol     map[int]int
	widths         []int
	defaultWidth   float64
	symbolPosition []int
}

// fill runs GenerateCutFont's generateCMAP, parseHMTXTable and parseLOCATable
// on a copy of utf (its own reader; utf's tables are only read) and keeps
// their results.
func (c *cutCache) fill(utf *utf8FontFile, metricsCount, numSymbols, locaFormat int) {
	t := *utf
	t.fileReader = &fileReader{readerPosition: 0, array: utf.fileReader.array}
	symbolCharDictionary := t.generateCMAP()
	if symbolCharDictionary == nil {
		return
	}
	t.parseHMTXTable(metricsCount, numSymbols, symbolCharDictionary, 1.0)
	t.parseLOCATable(locaFormat, numSymbols)
	c.ok = true
	c.charSymbol, c.widths, c.defaultWidth, c.symbolPosition = t.charSymbolDictionary, t.CharWidths, t.DefaultWidth, t.symbolPosition
}

// ParseUTF8Font parses a TrueType font for AddParsedUTF8Font. The caller must
// not change utf8Bytes afterwards: documents read the font from them when
// they are output.
func ParseUTF8Font(utf8Bytes []byte) (*ParsedUTF8Font, error) {
	if utf8Bytes == nil {
		return nil, errors.New("fpdf: no font bytes")
	}
	u := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
	if err := u.parseFile(); err != nil {
		return nil, err
	}
	return &ParsedUTF8Font{
		utf8File: u,
		desc: FontDescType{
			Ascent:       int(u.Ascent),
			Descent:      int(u.Descent),
			CapHeight:    u.CapHeight,
			Flags:        u.Flags,
			FontBBox:     u.Bbox,
			ItalicAngle:  u.ItalicAngle,
			StemV:        u.StemV,
			MissingWidth: round(u.DefaultWidth),
		},
		up:  int(round(u.UnderlinePosition)),
		ut:  round(u.UnderlineThickness),
		ids: map[string]string{},
	}, nil
}

// AddParsedUTF8Font is AddUTF8FontFromBytes for a font parsed by ParseUTF8Font.
//
// Note: the document gets its own copy of the parse's state, which it changes
// when it subsets the font (GenerateCutFont replaces every map and slice of
// it before writing to them); the character widths (Cw) and what subsetting
// derives from the font alone (cutCache) are shared and only read.
func (f *Fpdf) AddParsedUTF8Font(familyStr, styleStr string, p *ParsedUTF8Font) {
	if f.err != nil {
		return
	}
	familyStr = fontFamilyEscape(familyStr)
	fontkey := getFontKey(familyStr, styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	u := *p.utf8File
	u.fileReader = &fileReader{readerPosition: 0, array: p.utf8File.fileReader.array}
	u.cut = &p.cut
	var sbarr map[int]int
	if f.aliasNbPagesStr == "" {
		sbarr = makeSubsetRange(57)
	} else {
		sbarr = makeSubsetRange(32)
	}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      p.desc,
		Up:        p.up,
		Ut:        p.ut,
		Cw:        u.CharWidths,
		utf8File:  &u,
		usedRunes: sbarr,
	}
	p.mu.Lock()
	id, ok := p.ids[fontkey]
	if !ok {
		id, _ = generateFontID(def)
		p.ids[fontkey] = id
	}
	p.mu.Unlock()
	def.i = id
	f.fonts[fontkey] = def
}
