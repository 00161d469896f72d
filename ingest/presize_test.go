package ingest

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRowsHint(t *testing.T) {
	for _, c := range []struct {
		name                string
		rows, num, dim      int
		taken               int64
		size                uint64
		rowCap, want        int
		compressed, uncompr uint64
	}{
		{name: "no rows, no dimension", want: 0, rowCap: 1000},
		{name: "no rows, dimension", dim: 500, rowCap: 1000, want: 500},
		{name: "no rows, dimension over the cap", dim: 1048576, rowCap: 1000, want: 1000},
		{name: "estimate", rows: 512, num: 513, taken: 512 * 100, size: 100 * 100000, rowCap: 1 << 20, want: 100000},
		{name: "estimate over the cap", rows: 512, num: 513, taken: 512 * 100, size: 100 * 100000, rowCap: 5000, want: 5000},
		{name: "dimension A1 (too small, excelize's stream writer)", rows: 512, num: 513, dim: 1, taken: 512 * 100, size: 100 * 1000, rowCap: 1 << 20, want: 1000},
		{name: "dimension below the rows read", rows: 512, num: 700, dim: 600, taken: 512 * 100, size: 100 * 1000, rowCap: 1 << 20, want: 1000},
		{name: "dimension right", rows: 512, num: 513, dim: 1200, taken: 512 * 100, size: 100 * 1000, rowCap: 1 << 20, want: 1200},
		{name: "dimension twice the estimate", rows: 512, num: 513, dim: 2000, taken: 512 * 100, size: 100 * 1000, rowCap: 1 << 20, want: 2000},
		{name: "dimension too big", rows: 512, num: 513, dim: 1048576, taken: 512 * 100, size: 100 * 1000, rowCap: 1 << 20, want: 1000},
		{name: "dimension too big, few bytes", rows: 2, num: 2, dim: 1048576, taken: 60, size: 60, rowCap: 2, want: 2},
		{name: "declared size huge", rows: 1, num: 1, taken: 1, size: 1 << 62, rowCap: 1 << 20, want: 1 << 20},
	} {
		if got := rowsHint(c.rows, c.num, c.dim, c.taken, c.size, c.rowCap); got != c.want {
			t.Errorf("%s: rowsHint = %d, want %d", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		compressed, uncompressed uint64
		want                     int
	}{
		{0, 0, 0},
		{100, 26 * 10, 10},
		{10, 26 * 1000, 5},
		{1 << 40, 1 << 40, maxRows},
	} {
		if got := rowCapOf(c.compressed, c.uncompressed); got != c.want {
			t.Errorf("rowCapOf(%d, %d) = %d, want %d", c.compressed, c.uncompressed, got, c.want)
		}
	}
}

// TestDimensionLies reads a response sheet and a baseline sheet of 600 more
// rows (enough to make room ahead, growAfter) under every kind of dimension:
// right, missing, too small, too large, unparsable. The survey, the problems
// and the baseline are those of the right dimension (an unparsable one is
// the bad-dimension error it was), and the room made stays within twice the
// rows there are.
func TestDimensionLies(t *testing.T) {
	const sheet1 = "xl/worksheets/sheet1.xml"
	const extra = 600
	var rows strings.Builder
	for r := 1000; r < 1000+extra; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Z%d</t></is></c><c r="C%d"><v>%d</v></c><c r="D%d"><v>%d</v></c><c r="E%d"><v>1</v></c></row>`,
			r, r, r, r, 1+r%2, r, 1+r%3, r)
	}
	more := appendRow(rows.String())
	dropDimension := func(s string) string { return dimensionRe.ReplaceAllLiteralString(s, "") }
	lies := map[string]func(string) string{
		"right":     setDimension(fmt.Sprintf("A1:J%d", 1000+extra-1)),
		"missing":   dropDimension,
		"too small": setDimension("A1"),
		"one row":   setDimension("A1:J1"),
		"too large": setDimension("A1:XFD1048576"),
		"garbage":   setDimension("A1:??"),
		"too wide":  setDimension("A1:J2000000"),
	}
	base := smallBatch(t)
	read := func(fsys fstest.MapFS) (string, []int, bool) {
		var grown []int
		growHook = func(n int) { grown = append(grown, n) }
		defer func() { growHook = nil }()
		b, err := Read(fsys)
		if err != nil {
			t.Fatal(err)
		}
		bad := false
		for _, p := range b.Problems {
			bad = bad || p.Hint == HintBadDimension
		}
		return fmt.Sprintf("%+v\n%+v\n%+v", b.Problems, b.Current, b.Baseline), grown, bad
	}
	for _, file := range []string{"responses/a.xlsx", "baseline/base.xlsx"} {
		edited := func(lie func(string) string) fstest.MapFS {
			fsys := smallBatch(t)
			fsys[file] = &fstest.MapFile{Data: editZip(t, base[file].Data, sheet1, func(s string) string { return lie(more(s)) })}
			return fsys
		}
		want, grown, _ := read(edited(lies["right"]))
		if len(grown) != 1 || grown[0] < extra/2 || grown[0] > extra {
			t.Errorf("%s, right dimension: room made %v, want one of about %d", file, grown, extra-growAfter)
		}
		for name, lie := range lies {
			got, grown, bad := read(edited(lie))
			for _, n := range grown {
				if n > 2*extra {
					t.Errorf("%s, dimension %s: room made for %d rows, over twice the %d there are", file, name, n, extra)
				}
			}
			switch name {
			case "garbage", "too wide":
				if !bad {
					t.Errorf("%s, dimension %s: no %s problem:\n%s", file, name, HintBadDimension, got)
				}
			default:
				if got != want {
					t.Errorf("%s, dimension %s:\n%s\nwant\n%s", file, name, got, want)
				}
			}
		}
	}
}
