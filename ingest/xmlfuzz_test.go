package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// Mutations of FuzzReadMutatedXML, chosen by op.
const (
	mutRowNum    = iota // the k-th row's r becomes a
	mutCellRef          // the k-th cell's r becomes s, or column a row b when s is ""
	mutDimension        // the dimension ref becomes s, or A1:(column a)(row b)
	mutSharedIdx        // the k-th shared-string cell's index becomes a
	mutMerge            // a merged range s, or A1:(column a)(row b), is added
	mutCellType         // the k-th cell's t becomes s
	mutInsertRow        // a row numbered a with a cell in column b is added at the end
	mutCount
)

var (
	rowAttrRe  = regexp.MustCompile(`<row r="[^"]*"`)
	cellAttrRe = regexp.MustCompile(`<c r="[^"]*"`)
	sharedRe   = regexp.MustCompile(`t="s"><v>[^<]*</v>`)
	cellTypeRe = regexp.MustCompile(`<c r="[^"]*"( s="[^"]*")?( t="[^"]*")?`)
)

// replaceNth replaces the k-th match (mod the number of matches) of re in s.
func replaceNth(s string, re *regexp.Regexp, k int, repl func(string) string) string {
	m := re.FindAllStringIndex(s, -1)
	if len(m) == 0 {
		return s
	}
	i := m[((k%len(m))+len(m))%len(m)]
	return s[:i[0]] + repl(s[i[0]:i[1]]) + s[i[1]:]
}

// colName returns the column letters of column c, any size (0 or less gives "").
func colName(c int64) string {
	var b []byte
	for c > 0 && len(b) < 40 {
		c--
		b = append([]byte{byte('A' + c%26)}, b...)
		c /= 26
	}
	return string(b)
}

// mutateSheet applies mutation op to worksheet XML text.
func mutateSheet(text string, op uint8, k int, a, b int64, s string) string {
	ref := s
	if ref == "" {
		ref = fmt.Sprintf("%s%d", colName(a), b)
	}
	switch op % mutCount {
	case mutRowNum:
		return replaceNth(text, rowAttrRe, k, func(string) string { return fmt.Sprintf(`<row r="%d"`, a) })
	case mutCellRef:
		return replaceNth(text, cellAttrRe, k, func(string) string { return `<c r="` + xmlEscape(ref) + `"` })
	case mutDimension:
		if s == "" {
			ref = "A1:" + ref
		}
		return setDimension(xmlEscape(ref))(text)
	case mutSharedIdx:
		return replaceNth(text, sharedRe, k, func(string) string { return fmt.Sprintf(`t="s"><v>%d</v>`, a) })
	case mutMerge:
		if s == "" {
			ref = "A1:" + ref
		}
		m := `<mergeCell ref="` + xmlEscape(ref) + `"/>`
		if strings.Contains(text, "</mergeCells>") {
			return strings.Replace(text, "</mergeCells>", m+"</mergeCells>", 1)
		}
		return strings.Replace(text, "</sheetData>", "</sheetData><mergeCells>"+m+"</mergeCells>", 1)
	case mutCellType:
		return replaceNth(text, cellTypeRe, k, func(c string) string {
			c = regexp.MustCompile(` t="[^"]*"`).ReplaceAllString(c, "")
			return c + ` t="` + xmlEscape(s) + `"`
		})
	default:
		return appendRow(fmt.Sprintf(`<row r="%d"><c r="%s%d"><v>1</v></c></row>`, a, colName(b), a))(text)
	}
}

// xmlEscape escapes s for an attribute value.
func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// FuzzReadMutatedXML mutates the XML inside the real workbooks of
// testdata/batches/small (row and column numbers, the dimension, shared-string
// indexes, merged ranges, cell types), reads the batch, and checks that
// nothing panics, that every problem names its file, and that the work stays
// within the workbook's budget (the test would time out on a stall).
func FuzzReadMutatedXML(f *testing.F) {
	f.Add(uint8(0), uint8(mutRowNum), 3, int64(400000000000000), int64(0), "")
	f.Add(uint8(1), uint8(mutCellRef), 1, int64(10000), int64(2), "")
	f.Add(uint8(2), uint8(mutDimension), 0, int64(0), int64(0), "A1:XFD1048576")
	f.Add(uint8(3), uint8(mutSharedIdx), 2, int64(999999), int64(0), "")
	f.Add(uint8(4), uint8(mutMerge), 0, int64(16384), int64(1048576), "")
	f.Add(uint8(4), uint8(mutMerge), 0, int64(0), int64(0), "C3:B2")
	f.Add(uint8(2), uint8(mutCellType), 5, int64(0), int64(0), "inlineStr")
	f.Add(uint8(0), uint8(mutInsertRow), 0, int64(1048576), int64(16384), "")
	f.Add(uint8(3), uint8(mutRowNum), 1, int64(-1), int64(0), "")
	base := smallBatch(f)
	f.Fuzz(func(t *testing.T, file, op uint8, k int, a, b int64, s string) {
		name := xlsxInputs[int(file)%len(xlsxInputs)]
		fsys := fstest.MapFS{}
		for p, m := range base {
			fsys[p] = m
		}
		data := editZip(t, base[name].Data, "xl/worksheets/sheet1.xml", func(text string) string {
			return mutateSheet(text, op, k, a, b, s)
		})
		fsys[name] = &fstest.MapFile{Data: data}
		var bt *Batch
		work := workCounter(func() {
			var err error
			if bt, err = Read(fsys); err != nil {
				t.Fatal(err)
			}
		})
		// Each workbook's budget is at most max(minWork, its size); the batch
		// holds five workbooks and a CSV.
		if limit := int64(5*minWork) + int64(len(data))*64; work > limit {
			t.Fatalf("work %d > %d", work, limit)
		}
		for _, p := range bt.Problems {
			if p.File == "" {
				t.Fatalf("problem without file: %+v", p)
			}
		}
		// Whatever the scanner reads, excelize reads the same.
		if op%mutCount != mutRowNum && op%mutCount != mutInsertRow {
			compareWithExcelize(t, "fuzz "+name, data)
		}
	})
}
