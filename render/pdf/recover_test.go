package pdf

import (
	"strings"
	"testing"
)

// TestPDFPanicKeepsStack checks that a panic inside the PDF writer comes back
// as an error that still holds the stack of the bug (a pdfDoc without its
// fpdf document panics in finish).
func TestPDFPanicKeepsStack(t *testing.T) {
	err := (&pdfDoc{}).finish()
	if err == nil {
		t.Fatal("finish on an empty pdfDoc: no error")
	}
	if s := err.Error(); !strings.HasPrefix(s, "render: pdf: ") || !strings.Contains(s, "(*pdfDoc).finish") {
		t.Errorf("error without the panic's stack:\n%s", s)
	}
}
