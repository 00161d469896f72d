package ingest

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"
)

func bigBatch() *Batch {
	b := surveyBatch()
	b.Questions = b.Questions[:0]
	b.Questions = append(b.Questions, Question{ID: "F1", Type: SA, ChoiceSet: -1, Theme: -1, Attr: AttrDistrict})
	b.DistrictQ = 0
	for i := 1; i < 60; i++ {
		b.Questions = append(b.Questions, Question{ID: "Q" + strconv.Itoa(i), Type: SC, ChoiceSet: 2, Theme: -1})
	}
	return b
}

func report(t *testing.T, name string, start time.Time, s Survey) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("%s: %d respondents in %v; heap in use %d MB, sys %d MB, total alloc %d MB", name, len(s.Respondents), time.Since(start), m.HeapInuse>>20, m.Sys>>20, m.TotalAlloc>>20)
}

func TestH2MemCSV(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString("回答者ID,F1")
	for i := 1; i < 60; i++ {
		fmt.Fprintf(&buf, ",Q%d", i)
	}
	buf.WriteString("\n")
	for r := 0; r < 100000; r++ {
		fmt.Fprintf(&buf, "R%d,日吉", r)
		for i := 1; i < 60; i++ {
			fmt.Fprintf(&buf, ",%d", (r+i)%5+1)
		}
		buf.WriteString("\n")
	}
	data := buf.Bytes()
	buf = bytes.Buffer{}
	start := time.Now()
	rd := &reader{fsys: fstest.MapFS{"responses/a.csv": {Data: data}}, b: bigBatch()}
	s, _ := rd.readSurvey(KindResponses, []string{"responses/a.csv"})
	data = nil
	report(t, "csv", start, s)
	t.Log(rd.b.Files[0].Counts, len(rd.b.Problems))
}

func TestH2MemXLSX(t *testing.T) {
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	h := []any{"回答者ID", "F1"}
	for i := 1; i < 60; i++ {
		h = append(h, "Q"+strconv.Itoa(i))
	}
	sw.SetRow("A1", h)
	for r := 0; r < 100000; r++ {
		row := []any{"R" + strconv.Itoa(r), "日吉"}
		for i := 1; i < 60; i++ {
			row = append(row, (r+i)%5+1)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		sw.SetRow(cell, row)
	}
	sw.Flush()
	b, _ := f.WriteToBuffer()
	f.Close()
	data := b.Bytes()
	t.Logf("xlsx %d MB", len(data)>>20)
	start := time.Now()
	rd := &reader{fsys: fstest.MapFS{"responses/a.xlsx": {Data: data}}, b: bigBatch()}
	s, _ := rd.readSurvey(KindResponses, []string{"responses/a.xlsx"})
	report(t, "xlsx", start, s)
	t.Log(rd.b.Files[0].Counts, len(rd.b.Problems))
}
