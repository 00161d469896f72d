package pdf

import (
	"bytes"
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
// page gone back to.
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
