package pdf

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// TestCompressPagesAsFpdf: a document written with fpdf's compression off
// and its pages compressed by compressPages has the bytes fpdf writes with
// its compression on.
func TestCompressPagesAsFpdf(t *testing.T) {
	reg, _, ok := EmbeddedFont()
	if !ok {
		t.Skip("no embedded font")
	}
	write := func(compress bool) []byte {
		p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
		p.SetCompression(compress)
		p.SetCatalogSort(true)
		date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		p.SetCreationDate(date)
		p.SetModificationDate(date)
		p.AddUTF8FontFromBytes(fontFamily, "", reg)
		p.SetFont(fontFamily, "", 10)
		p.SetTitle("題名", true)
		for pg := range 3 {
			if pg == 1 {
				p.AddPageFormat("L", p.GetPageSizeStr("A4"))
			} else {
				p.AddPage()
			}
			p.Bookmark("章"+strconv.Itoa(pg), 0, -1)
			for i := range 40 * (pg + 1) {
				p.Text(20, 20+float64(i%50)*5, "地域福祉保健計画 "+strconv.Itoa(i))
				p.Line(20, 21+float64(i%50)*5, 100, 21+float64(i%50)*5)
			}
		}
		var buf bytes.Buffer
		if err := p.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	want := write(true)
	got, err := compressPages(write(false))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("compressPages: %d bytes differ from fpdf's %d", len(got), len(want))
	}
	if _, err := compressPages([]byte("%PDF-1.3\nnot a document")); err == nil {
		t.Error("compressPages accepted a file without a cross-reference table")
	}
}
