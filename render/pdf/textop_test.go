package pdf

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// TestTextAsFpdf: a document whose lines pdfDoc.text writes (runes handed
// to fpdf by markDrawn) has the bytes of the same document drawn with
// fpdf's Text: both faces, text colours equal to and other than the fill
// (gray and not), characters fpdf escapes in their UTF-16 form (「（」 is
// U+FF08, 「尨」 U+5C28: a '\\' and a '(' byte), strings it converts
// otherwise (invalid UTF-8; fpdf fails on a rune beyond the BMP), landscape pages and a
// page gone back to; and lines and rectangles (pdfDoc.line, pdfDoc.rect)
// against fpdf's Line and Rect.
func TestTextAsFpdf(t *testing.T) {
	reg, bold, ok := EmbeddedFont()
	if !ok {
		t.Skip("no embedded font")
	}
	lines := []string{
		"地域福祉保健計画 12.3%", "（そう思う）(計) \\ 尨 \r 丩", "", "ａｂｃ　ー〜",
		"bad \xff utf-8", "改行\nと\tタブ", "\x01 control",
	}
	write := func(fast bool) []byte {
		p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
		p.SetCompression(false)
		p.SetCatalogSort(true)
		date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		p.SetCreationDate(date)
		p.SetModificationDate(date)
		p.AddUTF8FontFromBytes(fontFamily, "", reg)
		p.AddUTF8FontFromBytes(fontFamily, "B", bold)
		p.SetFont(fontFamily, "", 10)
		d := &pdfDoc{p: p, real: p}
		draw := func(x, y float64, s string) {
			if !fast || !d.text(x, y, s) {
				p.Text(x, y, s)
			}
		}
		colors := [][3]int{{25, 25, 25}, {31, 56, 100}, {255, 255, 255}, {0, 0, 0}}
		for pg := range 3 {
			if pg == 1 {
				p.AddPageFormat("L", p.GetPageSizeStr("A4"))
			} else {
				p.AddPage()
			}
			for i, l := range lines {
				p.SetFont(fontFamily, []string{"", "B"}[i%2], float64(8+i))
				c := colors[(i+pg)%len(colors)]
				p.SetTextColor(c[0], c[1], c[2])
				f := colors[(i/2+pg)%len(colors)]
				p.SetFillColor(f[0], f[1], f[2])
				draw(20.123+float64(i), 30+float64(i)*7.77, l)
				x, y := 10.005+float64(i)*3.3333, 200.125-float64(i)*9.87
				for j, style := range []string{"F", "D", "FD", "DF"} {
					if fast {
						d.line(x, y, x+50.5, y+float64(j)*0.125)
						d.rect(x, y, 12.345, 6.789+float64(j), style)
					} else {
						p.Line(x, y, x+50.5, y+float64(j)*0.125)
						p.Rect(x, y, 12.345, 6.789+float64(j), style)
					}
				}
			}
		}
		p.SetPage(2)
		draw(10, 10, "戻ったページ")
		p.SetPage(3)
		if fast {
			d.markDrawn()
		}
		var buf bytes.Buffer
		if err := p.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	want, got := write(false), write(true)
	if !bytes.Equal(got, want) {
		t.Errorf("pdfDoc.text: %d bytes differ from fpdf's Text's %d", len(got), len(want))
	}
	if !strings.Contains(string(want), `\\(`) {
		t.Error("no escaped byte in the document: the test does not test escaping")
	}
}

// FuzzAppendF2: appendF2 formats as strconv does ("%.2f"), at halves too.
func FuzzAppendF2(f *testing.F) {
	for _, v := range []float64{0, -0.0, 0.125, 0.135, -0.005, 1.005, 2.675, 841.89, 595.28, -12.344999, 999999.995, 1e6, 1e300, math.NaN(), math.Inf(-1), 0.004999999, 70.866141732} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		want := strconv.AppendFloat(nil, v, 'f', 2, 64)
		if got := appendF2(nil, v); !bytes.Equal(got, want) {
			t.Errorf("appendF2(%v) = %s, want %s", v, got, want)
		}
	})
}

// TestAppendF2 compares appendF2 with strconv on coordinates as the
// handouts make them: millimetres in steps of 0.007 in points, and random values.
func TestAppendF2(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		want := strconv.AppendFloat(nil, v, 'f', 2, 64)
		if got := appendF2(nil, v); !bytes.Equal(got, want) {
			t.Fatalf("appendF2(%v) = %s, want %s", v, got, want)
		}
	}
	for i := -300000; i <= 300000; i += 7 {
		mm := float64(i) / 1000
		check(mm * kMM)
		check((PageH - mm) * kMM)
		check(mm)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		check((r.Float64() - 0.5) * 2e6)
		check(float64(r.IntN(2000000)-1000000) / 200) // halves and near halves
	}
}
