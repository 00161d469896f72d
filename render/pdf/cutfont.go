package pdf

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"midreview/render/view"
)

// The font cut once per run (issue 29).
//
// fpdf reads a TrueType face whole for every document that adds it
// (AddUTF8FontFromBytes: the cmap of every character, the widths of every
// glyph) and reads it whole again when it writes the document's subset
// (GenerateCutFont); with the 4.7 MB faces of BIZ UDPGothic and a handout per
// district, that was a third of the PDF writer's time. So the writer cuts
// each face once per View (fpdf.UTF8CutFont) to the runes the View's handouts
// can print, and gives every handout the small face: fpdf then reads and
// subsets a face of a few thousand glyphs instead of the whole.
//
// The handouts do not change by a byte. fpdf's subset of the cut face is its
// subset of the full face (both keep the glyphs in the full face's order,
// every glyph with its metrics; cutFace gives the cut face the full face's
// checksum adjustment back), and the ID fpdf derives from a face (its /F name
// in the pages) is replaced by the full face's (restoreFontIDs). So the set
// the faces are cut to changes nothing in the output as long as it holds
// every rune drawn; the layout measures with the full faces' widths
// (widths.go) anyway, and cutFace checks that fpdf reads the same width from
// both faces for every rune of the set.
//
// The runes a handout can print (printable) are those of every string of the
// View (the handouts print the View's words and figures and the writers' own
// words), those of the string and rune literals of render/view and
// render/pdf (literals.go, kept up to date by TestLiteralRunes) and
// U+0001–U+00FF (fpdf writes the widths of those for every font; it measures
// U+0000 with a count of the face's characters, so U+0000 is left out). A
// handout that draws a rune outside the set (a rune the writer or view makes
// from no literal, say) is rendered again with the full faces (writePDF;
// textAt notes the rune), and so is the same.

// A runeSet is a set of runes of the Basic Multilingual Plane (fpdf's fonts
// cover no more; a rune beyond it is never in a set).
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r>>6] |= 1 << (r & 63)
	}
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0
}

func (s *runeSet) addString(str string) {
	for i := 0; i < len(str); i++ {
		if c := str[i]; c < utf8.RuneSelf {
			s[c>>6] |= 1 << (c & 63)
			continue
		}
		r, n := utf8.DecodeRuneInString(str[i:])
		s.add(r)
		i += n - 1
	}
}

// hasAll reports whether every rune of str is in s.
func (s *runeSet) hasAll(str string) bool {
	for i := 0; i < len(str); i++ {
		if c := str[i]; c < utf8.RuneSelf {
			if s[c>>6]&(1<<(c&63)) == 0 {
				return false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(str[i:])
		if !s.has(r) {
			return false
		}
		i += n - 1
	}
	return true
}

// String lists the runes of s in order: fpdf.UTF8CutFont's cut set.
func (s *runeSet) String() string {
	b := make([]byte, 0, 4096)
	for i, w := range s {
		for w != 0 {
			j := 0
			for w&(1<<j) == 0 {
				j++
			}
			w &^= 1 << j
			b = utf8.AppendRune(b, rune(i*64+j))
		}
	}
	return string(b)
}

// fallbacks counts the handouts rendered again with the full faces (tests).
var fallbacks atomic.Int64

// printable is the set of runes the handouts of v can print without falling
// back to the full faces (see above); nil: do not cut. It is a variable for
// the tests.
var printable = defaultPrintable

func defaultPrintable(v *view.View) *runeSet {
	s := new(runeSet)
	for r := rune(1); r < 0x100; r++ {
		s.add(r)
	}
	s.addString(literalRunes)
	addStrings(s, reflect.ValueOf(v), map[uintptr]bool{})
	return s
}

// addStrings adds the runes of every string reachable from x (fields,
// elements, map keys and values, through pointers and interfaces), skipping
// what holds no string. seen holds the pointers followed, against cycles.
func addStrings(s *runeSet, x reflect.Value, seen map[uintptr]bool) {
	switch x.Kind() {
	case reflect.String:
		s.addString(x.String())
	case reflect.Pointer:
		if x.IsNil() || seen[x.Pointer()] {
			return
		}
		seen[x.Pointer()] = true
		addStrings(s, x.Elem(), seen)
	case reflect.Interface:
		if !x.IsNil() {
			addStrings(s, x.Elem(), seen)
		}
	case reflect.Struct:
		for _, i := range textFields(x.Type()) {
			addStrings(s, x.Field(i), seen)
		}
	case reflect.Slice, reflect.Array:
		if !holdsText(x.Type().Elem()) {
			return
		}
		for i := range x.Len() {
			addStrings(s, x.Index(i), seen)
		}
	case reflect.Map:
		k, v := holdsText(x.Type().Key()), holdsText(x.Type().Elem())
		if !k && !v {
			return
		}
		it := x.MapRange()
		for it.Next() {
			if k {
				addStrings(s, it.Key(), seen)
			}
			if v {
				addStrings(s, it.Value(), seen)
			}
		}
	}
}

// textTypes caches holdsText and textFields by type.
var textTypes sync.Map // reflect.Type → []int (the fields of a struct) or bool

// holdsText reports whether a value of type t can hold a string (bytes and
// numbers are not text: the writers format numbers in ASCII).
func holdsText(t reflect.Type) bool {
	if c, ok := textTypes.Load(t); ok {
		if b, ok := c.(bool); ok {
			return b
		}
		return len(c.([]int)) > 0
	}
	var b bool
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		b = true
	case reflect.Pointer:
		// Note: a pointer type may refer to itself; it is assumed to hold
		// text rather than followed.
		b = true
	case reflect.Struct:
		return len(textFields(t)) > 0
	case reflect.Slice, reflect.Array:
		b = t.Elem().Kind() != reflect.Uint8 && holdsText(t.Elem())
	case reflect.Map:
		b = holdsText(t.Key()) || holdsText(t.Elem())
	}
	textTypes.Store(t, b)
	return b
}

// textFields are the indexes of the fields of struct type t that can hold
// a string.
func textFields(t reflect.Type) []int {
	if c, ok := textTypes.Load(t); ok {
		return c.([]int)
	}
	fs := []int{}
	for i := range t.NumField() {
		if holdsText(t.Field(i).Type) {
			fs = append(fs, i)
		}
	}
	textTypes.Store(t, fs)
	return fs
}

// docFaces are the fonts a document adds: the cut faces with their set, or
// the full faces (set nil). ids are the names fpdf gives the regular and bold
// face in the document's pages (/F and an ID that fpdf derives from the face,
// so another for a cut face), fullIDs those of the full faces.
type docFaces struct {
	regular, bold []byte
	set           *runeSet
	ids, fullIDs  [2]string
}

// cutKey identifies a pair of cut faces: the full faces (by their bytes, as
// faceKey) and the View whose printable runes they hold.
type cutKey struct {
	regular, bold faceKey
	v             *view.View
}

// cutEntry is a pair of cut faces, made once.
type cutEntry struct {
	key  cutKey
	once sync.Once
	f    docFaces
}

// The cut faces of the last few Views: a run has one View; tests render
// many, and an evicted pair is only cut again.
// Note: the entry is found by the View's address, and the View may have
// changed since (tests change Views between handouts). That changes no
// output: a cut face prints exactly as the full face does (restoreFontIDs),
// and a rune the stale set lacks makes the handout fall back to the full
// faces (writePDF).
const cutCacheSize = 4

var (
	cutMu    sync.Mutex
	cutCache []*cutEntry
)

// cutFaces returns o's faces cut to the runes v can print, cutting them on
// first use; the full faces when a face cannot be cut.
func cutFaces(v *view.View, o PDFOptions) docFaces {
	full := docFaces{regular: o.FontRegular, bold: o.FontBold}
	if len(o.FontRegular) == 0 || len(o.FontBold) == 0 {
		return full
	}
	k := cutKey{faceKey{&o.FontRegular[0], len(o.FontRegular)}, faceKey{&o.FontBold[0], len(o.FontBold)}, v}
	cutMu.Lock()
	i := slices.IndexFunc(cutCache, func(e *cutEntry) bool { return e.key == k })
	var e *cutEntry
	if i >= 0 {
		e = cutCache[i]
	} else {
		e = &cutEntry{key: k}
		if len(cutCache) == cutCacheSize {
			cutCache = cutCache[1:]
		}
		cutCache = append(cutCache, e)
	}
	cutMu.Unlock()
	e.once.Do(func() {
		e.f = full
		set := printable(v)
		if set == nil {
			return
		}
		var r, b cutResult
		var wg sync.WaitGroup
		wg.Go(func() { r = cutFace(o.FontRegular, "", set) })
		b = cutFace(o.FontBold, "B", set)
		wg.Wait()
		if r.cut != nil && b.cut != nil {
			e.f = docFaces{regular: r.cut, bold: b.cut, set: set,
				ids: [2]string{r.id, b.id}, fullIDs: [2]string{r.fullID, b.fullID}}
		}
	})
	return e.f
}

// A cutResult is a face cut, with the IDs fpdf gives it and the full face.
type cutResult struct {
	cut        []byte
	id, fullID string
}

// cutFace cuts font, added as style ("" or "B"), to the runes of set. Its cut
// is empty when fpdf cannot cut it or reads another width from the cut face
// for a rune of the set.
// Note: fpdf's subset of the cut face for a document is byte for byte its
// subset of the full face for the same runes (both keep the glyphs in the
// order of the full face) once the cut face's head table has the full face's
// checksum adjustment again, which cutFace restores.
func cutFace(font []byte, style string, set *runeSet) (res cutResult) {
	defer func() {
		if recover() != nil {
			res = cutResult{}
		}
	}()
	widths, err := faceWidths(font)
	if err != nil {
		return cutResult{}
	}
	cut := fpdf.UTF8CutFont(font, set.String())
	if len(cut) == 0 || !sameCheckSum(cut, font) {
		return cutResult{}
	}
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddUTF8FontFromBytes(fontFamily, style, cut)
	doc.SetFont(fontFamily, style, 10)
	if doc.Err() {
		return cutResult{}
	}
	for i, w := range set {
		for j := range 64 {
			if w&(1<<j) != 0 {
				if r := rune(i*64 + j); symbolWidth(doc, r) != widths.units(r) {
					return cutResult{}
				}
			}
		}
	}
	fullDoc := fpdf.New("P", "mm", "A4", "")
	fullDoc.AddUTF8FontFromBytes(fontFamily, style, font)
	res = cutResult{cut: cut, id: fontID(doc, style), fullID: fontID(fullDoc, style)}
	if res.id == "" || res.fullID == "" || res.id == res.fullID {
		return cutResult{}
	}
	return res
}

// sameCheckSum gives the cut face cut the head table's checksum adjustment
// of the full face; false when either has no head table.
func sameCheckSum(cut, full []byte) bool {
	head := func(font []byte) []byte {
		ts, err := fontTables(font, 0)
		if err != nil {
			return nil
		}
		i := slices.IndexFunc(ts, func(t fontTable) bool { return t.tag == "head" })
		if i < 0 || ts[i].size < 12 {
			return nil
		}
		return font[ts[i].off : ts[i].off+ts[i].size]
	}
	c, f := head(cut), head(full)
	if c == nil || f == nil {
		return false
	}
	copy(c[8:12], f[8:12])
	return true
}

// fontID returns the ID fpdf gives the face of style in doc: what follows
// /F where a page selects it.
func fontID(doc *fpdf.Fpdf, style string) string {
	tpl := doc.CreateTemplate(func(t *fpdf.Tpl) { t.SetFont(fontFamily, style, 10) })
	s := string(tpl.Bytes())
	i := strings.Index(s, "BT /F")
	if i < 0 {
		return ""
	}
	s = s[i+len("BT /F"):]
	j := strings.IndexByte(s, ' ')
	if j <= 0 {
		return ""
	}
	return s[:j]
}

// restoreFontIDs gives the cut faces of f in pdf (fpdf's output) the names
// of the full faces, and lists the fonts of the resources in the order of
// those names, as fpdf does: the handout is then byte for byte what the full
// faces give.
// Note: an ID is fpdf's hash of the face's description (widths included),
// always 40 hex digits, so no byte offset changes.
func restoreFontIDs(pdf []byte, f docFaces) []byte {
	for i := range f.ids {
		replaceInPlace(pdf, []byte("/F"+f.ids[i]+" "), []byte("/F"+f.fullIDs[i]+" "))
	}
	const open, end = "/Font <<\n", "\n>>"
	i := bytes.Index(pdf, []byte(open))
	if i < 0 {
		return pdf
	}
	i += len(open)
	j := bytes.Index(pdf[i:], []byte(end))
	if j < 0 {
		return pdf
	}
	lines := strings.Split(string(pdf[i:i+j]), "\n")
	slices.Sort(lines)
	copy(pdf[i:i+j], strings.Join(lines, "\n"))
	return pdf
}

// replaceInPlace replaces every old in b by new, of the same length.
func replaceInPlace(b, old, new []byte) {
	for i := 0; ; {
		j := bytes.Index(b[i:], old)
		if j < 0 {
			return
		}
		i += j
		copy(b[i:], new)
		i += len(new)
	}
}
