package render

import (
	"io"

	"github.com/xuri/excelize/v2"

	"midreview/analyze"
	"midreview/ingest"
)

// CommentaryDraftFile is the draft of commentary.xlsx that every run writes.
const CommentaryDraftFile = "commentary_draft.xlsx"

// Wording labels of a passage in the audit trail (所見履歴, manifest.json).
const (
	WordingStaff   = "差し替え" // staff text printed instead of the generated one
	WordingRemoved = "削除"   // nothing printed there
)

// A PassageRow is one passage of findings text as the draft and the audit
// trail list it.
type PassageRow struct {
	Place, Target, District string // 場所, 対象ID, 地区 ("" = the ward report)
	Generated               string // the generated text: the draft's 所見
	Basis                   string // 根拠
	Wording                 string // "" (generated), WordingStaff or WordingRemoved
	Printed                 string // the text printed at the place ("" when removed)
	Person                  string // 担当 of the staff row
	Row                     int    // the commentary.xlsx row of staff wording, else 0
}

// passageRows returns the worded passages as the draft and the audit trail
// list them, in order.
func passageRows(b *ingest.Batch, ws []analyze.WordedPassage) []PassageRow {
	out := make([]PassageRow, 0, len(ws))
	for _, w := range ws {
		r := PassageRow{Place: string(w.Place), Target: w.Target, Generated: w.Text, Basis: w.Basis,
			Printed: w.Printed, Person: w.Person, Row: w.Row}
		if w.District >= 0 && w.District < len(b.Districts) {
			r.District = b.Districts[w.District].Name
		}
		switch w.Wording {
		case analyze.StaffWritten:
			r.Wording = WordingStaff
		case analyze.StaffRemoved:
			r.Wording = WordingRemoved
		}
		out = append(out, r)
	}
	return out
}

// StaffPassages returns the passages printed in staff wording (or removed),
// in order: the audit trail of commentary.xlsx.
func (v *View) StaffPassages() []PassageRow {
	var out []PassageRow
	for _, p := range v.Passages {
		if p.Wording != "" {
			out = append(out, p)
		}
	}
	return out
}

// CommentaryDraft writes commentary_draft.xlsx: sheet 所見 with the columns of
// commentary.xlsx (ingest.CommentarySheet) and one row per passage of v, its
// 所見 the generated text and its 根拠 the figures as printed, so that staff
// can copy it to BATCH/commentary.xlsx and edit it there. 担当 is left blank.
func CommentaryDraft(w io.Writer, v *View) error {
	s := ingest.CommentarySheet
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if err == nil {
			err = e
		}
	}
	check(f.SetSheetName("Sheet1", s.Name))
	// Note: the creation date is 基準日, never the clock, so reruns are byte-identical.
	date := v.DateISO + "T00:00:00Z"
	if v.DateISO == "" {
		date = "2000-01-01T00:00:00Z"
	}
	check(f.SetDocProps(&excelize.DocProperties{Title: v.PlanName + " 所見の下書き", Creator: "midreview",
		Created: date, Modified: date, Language: "ja-JP"}))
	head, err2 := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	check(err2)
	wrap, err2 := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	check(err2)
	cell := func(col, row int) string {
		c, e := excelize.CoordinatesToCellName(col+1, row)
		check(e)
		return c
	}
	for c, fl := range s.Columns {
		check(f.SetCellStr(s.Name, cell(c, 1), fl.Name))
		name, e := excelize.ColumnNumberToName(c + 1)
		check(e)
		if fl.Width > 0 {
			check(f.SetColWidth(s.Name, name, name, fl.Width))
		}
	}
	check(f.SetCellStyle(s.Name, cell(0, 1), cell(len(s.Columns)-1, 1), head))
	for i, p := range v.Passages {
		r := i + 2
		vals := map[int]string{
			ingest.ColCommPlace: p.Place, ingest.ColCommTarget: p.Target, ingest.ColCommDistrict: p.District,
			ingest.ColCommText: p.Generated, ingest.ColCommBasis: p.Basis,
		}
		for c := range s.Columns {
			if t := vals[c]; t != "" {
				// Note: SetCellStr, so that a text beginning with = stays text.
				check(f.SetCellStr(s.Name, cell(c, r), t))
			}
		}
	}
	if n := len(v.Passages); n > 0 {
		check(f.SetCellStyle(s.Name, cell(0, 2), cell(len(s.Columns)-1, n+1), wrap))
	}
	check(f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	if err != nil {
		return err
	}
	f.Path = CommentaryDraftFile
	return f.Write(w)
}
