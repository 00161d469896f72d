package ingest

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"midreview/internal/xlsxbuild"
)

// relabelZip copies the workbook zip data entry by entry, raw, declaring the
// uncompressed size of the entry named part as size (the data stay the same,
// so the entry no longer decompresses to its declared size).
func relabelZip(t *testing.T, data []byte, part string, size uint64) []byte {
	t.Helper()
	out, err := xlsxbuild.RelabelPart(data, part, size)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestZipPartTooLarge checks the guard run before excelize opens a workbook:
// excelize allocates a part's declared size in full, also for a worksheet whose
// streaming to a temporary file failed because it is corrupt (the failure that
// FuzzReadHearings found: testdata/fuzz/FuzzReadHearings/18c60ec44010f629
// declares 4 GB for sheet4.xml and stalled or killed the fuzzing process).
func TestZipPartTooLarge(t *testing.T) {
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "団体名"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	valid := buf.Bytes()
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"valid workbook", valid, false},
		{"not a zip", []byte("回答者ID,Q1\n"), false},
		// 0xFFFFFF80 bytes, as in the fuzz input: over maxUnzip (1 GiB).
		{"sheet declares 4 GB", relabelZip(t, valid, "xl/worksheets/sheet1.xml", 0xFFFFFF80), true},
		// 100 MiB from a few hundred bytes: refused by the compression ratio.
		// (excelize would be shown a stub anyway, see excelizeView; a corrupt
		// part under the ratio limit is found by the scanner, below.)
		{"corrupt sheet declares 100 MB", relabelZip(t, valid, "xl/worksheets/sheet1.xml", 100<<20), true},
		// 20 MiB: excelize's fallback would allocate at most maxZipPart; accepted.
		{"corrupt sheet declares 20 MB", relabelZip(t, valid, "xl/worksheets/sheet1.xml", 20<<20), false},
		{"styles declare 100 MB", relabelZip(t, valid, "xl/styles.xml", 100<<20), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := zipPartTooLarge(tt.data); got != tt.want {
				t.Errorf("zipPartTooLarge = %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("corrupt sheet read as unreadable", func(t *testing.T) {
		rd := &reader{b: &Batch{}}
		// 20 MiB: over stubFrom, under the compression-ratio check's 32 MiB.
		data := relabelZip(t, valid, "xl/worksheets/sheet1.xml", 20<<20)
		fi := rd.addFile("hearings/a.xlsx", KindHearings, data)
		wb, ok := rd.openBook(fi, data)
		if !ok {
			t.Fatalf("not opened: %v", rd.b.Problems)
		}
		defer wb.Close()
		if !wb.stubs {
			t.Error("excelize was shown the 20 MB sheet")
		}
		if _, err := wb.sheetRows("Sheet1"); err == nil {
			t.Error("corrupt sheet read without error")
		}
	})
	t.Run("opened as unreadable", func(t *testing.T) {
		rd := &reader{b: &Batch{}}
		data := relabelZip(t, valid, "xl/worksheets/sheet1.xml", 0xFFFFFF80)
		fi := rd.addFile("hearings/a.xlsx", KindHearings, data)
		if wb, ok := rd.openBook(fi, data); ok {
			wb.Close()
			t.Fatal("corrupt workbook opened")
		}
		want := []Problem{{Severity: Error, Code: CodeFileUnreadable, File: "hearings/a.xlsx"}}
		if len(rd.b.Problems) != 1 || rd.b.Problems[0].Code != want[0].Code || rd.b.Problems[0].File != want[0].File {
			t.Errorf("problems = %+v, want %v at %s", rd.b.Problems, want[0].Code, want[0].File)
		}
	})
}
