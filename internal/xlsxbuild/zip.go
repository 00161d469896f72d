package xlsxbuild

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// EditPart returns the workbook data with the zip part named part (such as
// "xl/worksheets/sheet1.xml") replaced by edit of its text. Every part is
// decompressed and written again, in order, with the other parts' text
// unchanged. It fails if data is not a zip or holds no part named part.
// Crafted-input tests use it to write what no workbook builder would.
func EditPart(data []byte, part string, edit func(string) string) ([]byte, error) {
	return rewrite(data, part, func(zw *zip.Writer, f *zip.File, match bool) error {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if match {
			b = []byte(edit(string(b)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
}

// RelabelPart returns the workbook data copied part by part, raw (still
// compressed, never decompressed), with the part named part declaring size as
// its uncompressed size. Its data stay the same, so unless size is its true
// size that part no longer decompresses to what it declares. It fails if data
// is not a zip or holds no part named part.
func RelabelPart(data []byte, part string, size uint64) ([]byte, error) {
	return rewrite(data, part, func(zw *zip.Writer, f *zip.File, match bool) error {
		h := f.FileHeader
		if match {
			h.UncompressedSize64 = size
		}
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, raw)
		return err
	})
}

// rewrite returns a zip holding what copyPart writes for each part of the zip
// data, in order; match reports whether the part is the one named part.
func rewrite(data []byte, part string, copyPart func(zw *zip.Writer, f *zip.File, match bool) error) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		found = found || f.Name == part
		if err := copyPart(zw, f, f.Name == part); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if !found {
		return nil, fmt.Errorf("no part %s in the zip", part)
	}
	return buf.Bytes(), nil
}
