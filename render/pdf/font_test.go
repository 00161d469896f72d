package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"midreview/render/view"
)

// makeTTC packs plain TrueType fonts into a .ttc collection, each face with its
// own copy of its tables.
func makeTTC(t testing.TB, fonts ...[]byte) []byte {
	t.Helper()
	head := 12 + 4*len(fonts)
	var dirs, data []byte
	dirSize := 0
	for _, f := range fonts {
		ts, err := fontTables(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		dirSize += 12 + 16*len(ts)
	}
	out := make([]byte, head)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		ts, _ := fontTables(f, 0)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(head+len(dirs)))
		dir := make([]byte, 12+16*len(ts))
		copy(dir, f[:12])
		for j, tb := range ts {
			r := dir[12+16*j:]
			copy(r, tb.tag)
			binary.BigEndian.PutUint32(r[4:], tb.sum)
			binary.BigEndian.PutUint32(r[8:], uint32(head+dirSize+len(data)))
			binary.BigEndian.PutUint32(r[12:], tb.size)
			data = append(data, f[tb.off:tb.off+tb.size]...)
			for len(data)%4 != 0 {
				data = append(data, 0)
			}
		}
		dirs = append(dirs, dir...)
	}
	return append(append(out, dirs...), data...)
}

func embedded(t testing.TB) (regular, bold []byte) {
	t.Helper()
	r, b, ok := EmbeddedFont()
	if !ok {
		t.Skip("render/assets has no font (run scripts/assets.sh)")
	}
	return r, b
}

func TestFontFromFile(t *testing.T) {
	reg, bold := embedded(t)
	ttc := makeTTC(t, bold, reg)
	for _, c := range []struct {
		name   string
		data   []byte
		face   string
		wantPS string // PostScript name of the face returned, "" for an error
	}{
		{"ttf as is", reg, "", "BIZUDPGothic-Regular"},
		{"ttc by full name", ttc, "BIZ UDPGothic", "BIZUDPGothic-Regular"},
		{"ttc by full name, case and spaces ignored", ttc, "bizudpgothic bold", "BIZUDPGothic-Bold"},
		{"ttc unknown name: first face", ttc, "Meiryo", "BIZUDPGothic-Bold"},
		{"not a font", []byte("hello, world"), "", ""},
		{"cff opentype", append([]byte("OTTO"), make([]byte, 40)...), "", ""},
		{"truncated directory", reg[:100], "", ""},
		{"empty ttc", []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"), "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := FontFromFile(c.data, c.face)
			if c.wantPS == "" {
				if err == nil {
					t.Error("accepted a bad font")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ps := postScriptName(got); ps != c.wantPS {
				t.Errorf("face %q, want %q", ps, c.wantPS)
			}
			if err := checkTrueType(got); err != nil {
				t.Error(err)
			}
		})
	}
	// The extracted face renders a PDF.
	face, _ := FontFromFile(ttc, "BIZ UDPGothic")
	var b bytes.Buffer
	if err := PDF(&b, &view.View{PlanName: "計画", Sample: true}, PDFOptions{FontRegular: face}); err != nil {
		t.Errorf("PDF with an extracted face: %v", err)
	}
}

func TestFindFont(t *testing.T) {
	reg, bold := embedded(t)
	ttcR, ttcB := makeTTC(t, reg), makeTTC(t, bold)
	junk := []byte("junk")
	for _, c := range []struct {
		name     string
		dirs     []fs.FS
		wantR    string // PostScript names, "" when no font is found
		wantB    string
		wantTry  int // files refused, reported in NoFontError
		wantNone bool
	}{
		{"linux package font", []fs.FS{fstest.MapFS{
			"truetype/fonts-morisawa-bizud-gothic/BIZUDPGothic-Regular.ttf": {Data: reg},
			"truetype/fonts-morisawa-bizud-gothic/BIZUDPGothic-Bold.ttf":    {Data: bold},
			"opentype/noto/NotoSansCJK-Regular.ttc":                         {Data: junk},
		}}, "BIZUDPGothic-Regular", "BIZUDPGothic-Bold", 0, false},
		{"windows collection, case-insensitive names", []fs.FS{fstest.MapFS{
			"biz-udgothicr.ttc": {Data: ttcR},
			"BIZ-UDGothicB.TTC": {Data: ttcB},
		}}, "BIZUDPGothic-Regular", "BIZUDPGothic-Bold", 0, false},
		{"regular only: bold falls back", []fs.FS{nil, fstest.MapFS{"ipaexg.ttf": {Data: reg}}},
			"BIZUDPGothic-Regular", "BIZUDPGothic-Regular", 0, false},
		{"better font in a later folder wins", []fs.FS{fstest.MapFS{"ipag.ttf": {Data: reg}}, fstest.MapFS{"BIZUDPGothic-Bold.ttf": {Data: bold}, "BIZUDPGothic-Regular.ttf": {Data: bold}}},
			"BIZUDPGothic-Bold", "BIZUDPGothic-Bold", 0, false},
		{"broken file is skipped and reported", []fs.FS{fstest.MapFS{"BIZUDPGothic-Regular.ttf": {Data: junk}, "meiryo.ttc": {Data: ttcR}}},
			"BIZUDPGothic-Regular", "BIZUDPGothic-Regular", 0, false},
		{"nothing usable", []fs.FS{fstest.MapFS{"BIZUDPGothic-Regular.ttf": {Data: junk}, "readme.txt": {Data: junk}}}, "", "", 1, true},
		{"no folders", nil, "", "", 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, b, err := FindFont(c.dirs)
			if c.wantNone {
				var nf *NoFontError
				if !errors.As(err, &nf) {
					t.Fatalf("err = %v, want *NoFontError", err)
				}
				if len(nf.Tried) != c.wantTry {
					t.Errorf("tried %q, want %d files", nf.Tried, c.wantTry)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := postScriptName(r); got != c.wantR {
				t.Errorf("regular %q, want %q", got, c.wantR)
			}
			if got := postScriptName(b); got != c.wantB {
				t.Errorf("bold %q, want %q", got, c.wantB)
			}
		})
	}
}

func TestResolveFont(t *testing.T) {
	reg, bold := embedded(t)
	o, err := ResolveFont(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(o.FontRegular, reg) || !bytes.Equal(o.FontBold, bold) {
		t.Error("without -font, ResolveFont did not take the embedded font")
	}
	// -font wins over the embedded font: here the embedded bold face stands in
	// for a user's file, so regular and bold are both that file.
	o, err = ResolveFont(bold, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(o.FontRegular, bold) || !bytes.Equal(o.FontBold, bold) {
		t.Error("ResolveFont did not prefer -font")
	}
	if _, err := ResolveFont([]byte("not a font"), nil); err == nil {
		t.Error("a broken -font file was accepted")
	}
}

func TestSystemFontDirs(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		goos string
		env  map[string]string
		want []string
	}{
		{"windows", nil, []string{`C:\Windows\Fonts`}},
		{"windows", map[string]string{"WINDIR": `D:\WIN`, "LOCALAPPDATA": `C:\Users\a\AppData\Local`},
			[]string{`D:\WIN\Fonts`, `C:\Users\a\AppData\Local\Microsoft\Windows\Fonts`}},
		{"darwin", map[string]string{"HOME": "/Users/a"}, []string{"/Library/Fonts", "/System/Library/Fonts", "/Users/a/Library/Fonts"}},
		{"linux", map[string]string{"HOME": "/home/a"}, []string{"/usr/share/fonts", "/usr/local/share/fonts", "/home/a/.local/share/fonts", "/home/a/.fonts"}},
		{"linux", nil, []string{"/usr/share/fonts", "/usr/local/share/fonts"}},
	} {
		t.Run(c.goos, func(t *testing.T) {
			if got := SystemFontDirs(c.goos, env(c.env)); !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzFontFromFile feeds arbitrary bytes as a -font file: no panic, and
// anything accepted passes checkTrueType.
func FuzzFontFromFile(f *testing.F) {
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), "")
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00name\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x06"), "x")
	f.Fuzz(func(t *testing.T, data []byte, face string) {
		got, err := FontFromFile(data, face)
		if err == nil {
			if cerr := checkTrueType(got); cerr != nil {
				t.Errorf("accepted font fails checkTrueType: %v", cerr)
			}
			postScriptName(got)
		}
	})
}
