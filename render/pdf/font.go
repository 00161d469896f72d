package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf16"

	"midreview/render/assets"
)

// PDFOptions holds what the PDF writers need besides the view: the Japanese font.
// Both faces are plain TrueType files (a face of a .ttc collection is extracted by
// FontFromFile). With both nil the embedded BIZ UDPGothic is used.
type PDFOptions struct {
	FontRegular, FontBold []byte
	linkage               bool // linkage.pdf (LinkagePDF) rather than a handout
}

// NoFontError reports that no usable Japanese font was found. Its message is
// Japanese because it is shown to ward-office staff as it is.
type NoFontError struct {
	Tried []string // font files looked at and why they were refused
}

func (e *NoFontError) Error() string {
	msg := "日本語フォントが見つかりません。BIZ UDPゴシック（Windows 10 以降は標準搭載。無い場合は「BIZ UDPGothic」を入手してインストール）を入れるか、" +
		"-font でフォントファイル（.ttf または .ttc、TrueType 形式）を指定してください"
	if len(e.Tried) > 0 {
		msg += "（確認したファイル: " + strings.Join(e.Tried, "、") + "）"
	}
	return msg
}

// EmbeddedFont returns the BIZ UDPGothic (or IPAex Gothic) faces embedded from
// render/assets, and false when the build was made without them. The slices are
// shared between calls: callers must not modify them.
func EmbeddedFont() (regular, bold []byte, ok bool) {
	f := embeddedFont()
	return f.regular, f.bold, f.ok
}

// Note: embed.FS.ReadFile copies the file, 9 MB for the two faces; reading them
// once per process instead of once per handout saves that copy for each of the
// many handouts of a run.
var embeddedFont = sync.OnceValue(func() (f struct {
	regular, bold []byte
	ok            bool
}) {
	f.regular, f.bold, f.ok = readEmbeddedFont()
	return f
})

// readEmbeddedFont reads the embedded faces; see EmbeddedFont.
func readEmbeddedFont() (regular, bold []byte, ok bool) {
	for _, c := range [][2]string{
		{"BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"},
		{"ipaexg.ttf", ""},
	} {
		r, err := assets.FS.ReadFile(c[0])
		if err != nil || checkTrueType(r) != nil {
			continue
		}
		b, err := assets.FS.ReadFile(c[1])
		if c[1] == "" || err != nil || checkTrueType(b) != nil {
			b = r
		}
		return r, b, true
	}
	return nil, nil, false
}

// ResolveFont chooses the PDF font: fontFile first (the bytes of -font FILE, nil
// when not given: the user's explicit choice wins), else the embedded font, else
// the first known Japanese font found under dirs (see SystemFontDirs; cmd passes
// os.DirFS of each). With none usable it returns a *NoFontError.
func ResolveFont(fontFile []byte, dirs []fs.FS) (PDFOptions, error) {
	if fontFile != nil {
		r, err := FontFromFile(fontFile, "")
		if err != nil {
			return PDFOptions{}, err
		}
		return PDFOptions{FontRegular: r, FontBold: r}, nil
	}
	if r, b, ok := EmbeddedFont(); ok {
		return PDFOptions{FontRegular: r, FontBold: b}, nil
	}
	r, b, err := FindFont(dirs)
	if err != nil {
		return PDFOptions{}, err
	}
	return PDFOptions{FontRegular: r, FontBold: b}, nil
}

// SystemFontDirs returns the folders where goos keeps fonts, most likely first.
// getenv reads the environment (os.Getenv in cmd).
func SystemFontDirs(goos string, getenv func(string) string) []string {
	home := getenv("HOME")
	switch goos {
	case "windows":
		win := getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs := []string{win + `\Fonts`}
		if l := getenv("LOCALAPPDATA"); l != "" {
			dirs = append(dirs, l+`\Microsoft\Windows\Fonts`)
		}
		return dirs
	case "darwin":
		dirs := []string{"/Library/Fonts", "/System/Library/Fonts"}
		if home != "" {
			dirs = append(dirs, home+"/Library/Fonts")
		}
		return dirs
	}
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home != "" {
		dirs = append(dirs, home+"/.local/share/fonts", home+"/.fonts")
	}
	return dirs
}

// A fontCandidate is a known Japanese font, by file name, best first.
type fontCandidate struct {
	regular, bold string // file names, compared case-insensitively
	face          string // face name inside a .ttc collection
}

// Note: only TrueType-outline fonts work with fpdf, so Noto CJK (.ttc with CFF
// outlines) and Hiragino are not listed; checkTrueType refuses them anyway.
var fontCandidates = []fontCandidate{
	{"BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf", ""},
	{"BIZ-UDGothicR.ttc", "BIZ-UDGothicB.ttc", "BIZ UDPGothic"},
	{"BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf", ""},
	{"ipaexg.ttf", "", ""},
	{"YuGothR.ttc", "YuGothB.ttc", "Yu Gothic"},
	{"meiryo.ttc", "meiryob.ttc", "Meiryo"},
	{"msgothic.ttc", "", "MS PGothic"},
	{"ipag.ttf", "", ""},
	{"NotoSansJP-Regular.ttf", "NotoSansJP-Bold.ttf", ""},
}

// FindFont looks through dirs (walked recursively, in order) for the best known
// Japanese font and returns its regular and bold faces as plain TrueType; bold is
// the regular face when the font has no bold file.
func FindFont(dirs []fs.FS) (regular, bold []byte, err error) {
	type found struct {
		fsys fs.FS
		name string
	}
	files := map[string]found{} // lower-case base name → first file seen
	for _, d := range dirs {
		if d == nil {
			continue
		}
		_ = fs.WalkDir(d, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if e != nil && e.IsDir() && p != "." {
					return fs.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				return nil
			}
			k := strings.ToLower(path.Base(p))
			if _, ok := files[k]; !ok {
				files[k] = found{d, p}
			}
			return nil
		})
	}
	var tried []string
	load := func(name, face string) []byte {
		f, ok := files[strings.ToLower(name)]
		if name == "" || !ok {
			return nil
		}
		data, err := fs.ReadFile(f.fsys, f.name)
		if err == nil {
			data, err = FontFromFile(data, face)
		}
		if err != nil {
			tried = append(tried, path.Base(f.name)+": "+err.Error())
			return nil
		}
		return data
	}
	for _, c := range fontCandidates {
		r := load(c.regular, c.face)
		if r == nil {
			continue
		}
		b := load(c.bold, c.face)
		if b == nil {
			b = r
		}
		return r, b, nil
	}
	return nil, nil, &NoFontError{Tried: tried}
}

// FontFromFile returns a plain TrueType font from the bytes of a .ttf or .ttc
// file. From a collection it extracts the face whose family or full name is face
// (case and spaces ignored), else the first face with TrueType outlines.
func FontFromFile(data []byte, face string) ([]byte, error) {
	if len(data) >= 4 && string(data[:4]) == "ttcf" {
		return extractFace(data, face)
	}
	if err := checkTrueType(data); err != nil {
		return nil, err
	}
	return data, nil
}

var errFontFormat = errors.New("TrueType 形式のフォントではありません")

// fontTable is one entry of an sfnt table directory.
type fontTable struct {
	tag            string
	sum, off, size uint32
}

// fontTables reads the table directory at off (0 for a .ttf, a face offset in a .ttc).
func fontTables(data []byte, off uint32) ([]fontTable, error) {
	if uint64(off)+12 > uint64(len(data)) {
		return nil, errFontFormat
	}
	switch binary.BigEndian.Uint32(data[off:]) {
	case 0x00010000, 0x74727565: // TrueType, 'true'
	case 0x4F54544F: // 'OTTO'
		return nil, errors.New("CFF 形式（OpenType）のフォントは使えません。TrueType 形式のフォントを指定してください")
	default:
		return nil, errFontFormat
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	if uint64(off)+12+16*uint64(n) > uint64(len(data)) {
		return nil, errFontFormat
	}
	ts := make([]fontTable, n)
	for i := range ts {
		r := data[int(off)+12+16*i:]
		ts[i] = fontTable{string(r[:4]), binary.BigEndian.Uint32(r[4:]), binary.BigEndian.Uint32(r[8:]), binary.BigEndian.Uint32(r[12:])}
		if uint64(ts[i].off)+uint64(ts[i].size) > uint64(len(data)) {
			return nil, errFontFormat
		}
	}
	return ts, nil
}

// requiredTables are the tables fpdf's TrueType parser reads.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"}

func checkTables(ts []fontTable) error {
	for _, r := range requiredTables {
		if !slices.ContainsFunc(ts, func(t fontTable) bool { return t.tag == r }) {
			if r == "glyf" {
				return errors.New("TrueType のアウトラインを持たないフォントは使えません")
			}
			return fmt.Errorf("%s: %s テーブルがありません", errFontFormat.Error(), r)
		}
	}
	return nil
}

// checkTrueType reports why data is not a TrueType font fpdf can embed, or nil.
func checkTrueType(data []byte) error {
	ts, err := fontTables(data, 0)
	if err != nil {
		return err
	}
	return checkTables(ts)
}

// extractFace builds a standalone .ttf from one face of a .ttc collection: the
// face whose full name is face, else whose family name is, else the first usable.
func extractFace(data []byte, face string) ([]byte, error) {
	if len(data) < 12 {
		return nil, errFontFormat
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || 12+4*uint64(n) > uint64(len(data)) {
		return nil, errFontFormat
	}
	var faces [][]fontTable
	var firstErr error
	for i := range n {
		off := binary.BigEndian.Uint32(data[12+4*i:])
		ts, err := fontTables(data, off)
		if err == nil {
			err = checkTables(ts)
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		faces = append(faces, ts)
	}
	if len(faces) == 0 {
		return nil, firstErr
	}
	if want := fontNameKey(face); want != "" {
		for _, ids := range [][]uint16{{4}, {1, 16}} {
			for _, ts := range faces {
				for _, name := range fontNames(data, ts, ids...) {
					if fontNameKey(name) == want {
						return buildFont(data, ts), nil
					}
				}
			}
		}
	}
	return buildFont(data, faces[0]), nil
}

// buildFont writes tables ts of data as a standalone sfnt file.
func buildFont(data []byte, ts []fontTable) []byte {
	n := len(ts)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	head := 12 + 16*n
	size := head
	for _, t := range ts {
		size += (int(t.size) + 3) &^ 3
	}
	out := make([]byte, head, size)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(sr*16))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-sr*16))
	for i, t := range ts {
		r := out[12+16*i:]
		copy(r, t.tag)
		binary.BigEndian.PutUint32(r[4:], t.sum)
		binary.BigEndian.PutUint32(r[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(r[12:], t.size)
		out = append(out, data[t.off:t.off+t.size]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// fontNames returns the names with the given name IDs in every language.
func fontNames(data []byte, ts []fontTable, ids ...uint16) []string {
	i := slices.IndexFunc(ts, func(t fontTable) bool { return t.tag == "name" })
	if i < 0 || ts[i].size < 6 {
		return nil
	}
	tb := data[ts[i].off : ts[i].off+ts[i].size]
	count := int(binary.BigEndian.Uint16(tb[2:]))
	strOff := int(binary.BigEndian.Uint16(tb[4:]))
	var names []string
	for r := 0; r < count && 6+12*r+12 <= len(tb); r++ {
		rec := tb[6+12*r:]
		platform := binary.BigEndian.Uint16(rec[0:])
		id := binary.BigEndian.Uint16(rec[6:])
		length := int(binary.BigEndian.Uint16(rec[8:]))
		off := strOff + int(binary.BigEndian.Uint16(rec[10:]))
		if !slices.Contains(ids, id) || off+length > len(tb) {
			continue
		}
		raw := tb[off : off+length]
		var s string
		switch platform {
		case 0, 3: // Unicode, Windows: UTF-16BE
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		case 1: // Macintosh: names of interest are ASCII
			s = string(raw)
		default:
			continue
		}
		names = append(names, s)
	}
	return names
}

// fontNameKey normalizes a face name for comparison: lower case, no spaces.
func fontNameKey(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}
