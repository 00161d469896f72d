package render

import (
	"io"
	"strings"

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

// A StaffedPassage is a passage printed in staff wording, or removed: a row
// of the audit trail of commentary.xlsx.
type StaffedPassage struct {
	Place, Target, District string // 場所, 対象ID, 地区 ("" = the ward report)
	Wording                 string // WordingStaff or WordingRemoved
	Text                    string // the staff text printed ("" when removed)
	Generated               string // the generated text it replaced
	Person                  string // 担当
	Row                     int    // the commentary.xlsx row
}

// applyCommentary decides the wording of every passage of v with the staff
// rows of b.Commentary (analyze.ApplyCommentary): a staff text becomes the
// passage's Lines (one per paragraph), a removal empties them, and both are
// listed in v.Staffed. It returns the problems of stale rows and of rows that
// name no passage. With 設定 所見 しない there are no passages, and
// commentary.xlsx is not applied.
func applyCommentary(v *View, b *ingest.Batch) []ingest.Problem {
	if b.Commentary == nil || b.Settings.NoFindings {
		return nil
	}
	district := make(map[string]int, len(b.Districts))
	for i, d := range b.Districts {
		district[d.Name] = i
	}
	ps := make([]analyze.Passage, len(v.Passages))
	for i := range v.Passages {
		p := &v.Passages[i]
		d := ingest.Ward
		if p.District != "" {
			if j, ok := district[p.District]; ok {
				d = j
			}
		}
		ps[i] = analyze.Passage{Place: ingest.Place(p.Place), Target: p.Target, District: d, Text: p.Text(), Basis: p.Basis()}
	}
	ws, probs := analyze.ApplyCommentary(b, ps)
	for i, w := range ws {
		p := &v.Passages[i]
		st := StaffedPassage{Place: p.Place, Target: p.Target, District: p.District,
			Generated: w.Text, Person: w.Person, Row: w.Row}
		switch w.Wording {
		case analyze.StaffWritten:
			p.Lines, p.Staff = paragraphs(w.Printed), true
			st.Wording, st.Text = WordingStaff, w.Printed
		case analyze.StaffRemoved:
			p.Lines, p.Staff = nil, true
			st.Wording = WordingRemoved
		default:
			continue
		}
		v.Staffed = append(v.Staffed, st)
	}
	return probs
}

// paragraphs splits a staff text at its line breaks into the lines a passage
// prints, dropping blank ones.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// draftText is a passage's generated text as the draft writes it: one
// sentence a line, so that staff's edit keeps its paragraphs (a line break
// is a printed line, paragraphs). It compares equal to Text after
// ingest.NormKey, so an unedited row is recognized.
func draftText(p *Passage) string {
	lines := make([]string, len(p.Sentences))
	for i, s := range p.Sentences {
		lines[i] = s.Text
	}
	return strings.Join(lines, "\n")
}

// CommentaryDraft writes commentary_draft.xlsx: sheet 所見 with the columns of
// commentary.xlsx (ingest.CommentarySheet) and one row per passage of v, its
// 所見 the generated text and its 根拠 the figures as printed, so that staff
// can copy it to BATCH/commentary.xlsx and edit it there. 担当 is left blank;
// the hidden 作成時の文 repeats the generated text.
//
// Note: 所見 is always the generated text, also where staff wording is
// printed, so that the draft shows what midreview would say with this run's
// figures; staff keep their own wording in commentary.xlsx.
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
	head, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	check(e)
	wrap, e := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	check(e)
	cell := func(col, row int) string {
		c, e := excelize.CoordinatesToCellName(col+1, row)
		check(e)
		return c
	}
	for c, fl := range s.Columns {
		check(f.SetCellStr(s.Name, cell(c, 1), fl.Name))
		if fl.Width > 0 {
			name, e := excelize.ColumnNumberToName(c + 1)
			check(e)
			check(f.SetColWidth(s.Name, name, name, fl.Width))
		}
	}
	check(f.SetCellStyle(s.Name, cell(0, 1), cell(len(s.Columns)-1, 1), head))
	for i := range v.Passages {
		p := &v.Passages[i]
		vals := make([]string, len(s.Columns))
		vals[ingest.ColCommPlace], vals[ingest.ColCommTarget], vals[ingest.ColCommDistrict] = p.Place, p.Target, p.District
		vals[ingest.ColCommText], vals[ingest.ColCommBasis], vals[ingest.ColCommDraft] = draftText(p), p.Basis(), draftText(p)
		for c, t := range vals {
			if t != "" {
				// Note: SetCellStr, so that a text beginning with = stays text.
				check(f.SetCellStr(s.Name, cell(c, i+2), t))
			}
		}
	}
	if n := len(v.Passages); n > 0 {
		check(f.SetCellStyle(s.Name, cell(0, 2), cell(len(s.Columns)-1, n+1), wrap))
	}
	// Note: 作成時の文 is hidden: staff edit 所見, and the copy tells an
	// unedited row apart (ingest.ColCommDraft).
	draftCol, e := excelize.ColumnNumberToName(ingest.ColCommDraft + 1)
	check(e)
	check(f.SetColVisible(s.Name, draftCol, false))
	check(f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	if err != nil {
		return err
	}
	f.Path = CommentaryDraftFile
	return f.Write(w)
}
