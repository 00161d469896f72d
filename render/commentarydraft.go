package render

import (
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/render/view"
)

// The draft of commentary.xlsx (commentary_draft.xlsx), which every run
// writes from the View's passages: the input of the next run's wording.

// CommentaryDraftFile is the draft of commentary.xlsx that every run writes.
const CommentaryDraftFile = "commentary_draft.xlsx"

// draftText is a passage's generated text as the draft writes it: one
// sentence a line, so that staff's edit keeps its paragraphs (a line break
// is a printed line, paragraphs). It compares equal to Text after
// ingest.NormKey, so an unedited row is recognized.
func draftText(p *view.Passage) string {
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
func CommentaryDraft(w io.Writer, v *view.View) error {
	s := draftCommentarySheet()
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if err == nil {
			err = e
		}
	}
	wrap, cell := draftSheet(f, v, s, v.PlanName+" 所見の下書き", check)
	for i := range v.Passages {
		p := &v.Passages[i]
		vals := make([]string, len(ingest.CommentarySheet.Columns))
		vals[ingest.ColCommPlace], vals[ingest.ColCommTarget], vals[ingest.ColCommDistrict] = p.Place, p.Target, p.District
		vals[ingest.ColCommText], vals[ingest.ColCommBasis], vals[ingest.ColCommDraft] = draftText(p), p.Basis(), draftText(p)
		vals = slices.Insert(vals, draftNameCol, v.TargetName(p.Place, p.Target))
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

// draftNameCol is the draft's column 対象名, after every column of
// commentary.xlsx: the contract's columns keep their places (場所, 対象ID, 地区,
// 所見, 根拠, 担当), so that a copy read by position reads the same.
var draftNameCol = len(ingest.CommentarySheet.Columns)

// draftCommentarySheet is sheet 所見 as the draft writes it: the columns of
// commentary.xlsx (ingest.CommentarySheet) with 対象名 last, the
// name of the ID (View.TargetName: テーマ名, 設問文, 指標名), so that staff read
// 「T1」 as its theme (reader review 5, item 20). A copy of the draft is
// read by its headers, so commentary.xlsx may keep or drop the column.
func draftCommentarySheet() *ingest.Sheet {
	s := *ingest.CommentarySheet
	s.Columns = slices.Insert(slices.Clone(s.Columns), draftNameCol,
		ingest.Field{Name: "対象名", Width: 24, Help: "対象IDの名前（読むための欄で、読み込みでは使いません）"})
	return &s
}

// draftSheet lays out the one sheet of a draft workbook for staff
// (commentary_draft.xlsx, linkage_draft.xlsx): sheet s's name, its header row
// in bold on grey with the column widths, and document properties titled
// title. It returns the wrap-text style for the body and the A1 name of a
// 0-based column and a row; errors go to check.
// Note: the creation date is 基準日, never the clock, so reruns are byte-identical.
func draftSheet(f *excelize.File, v *view.View, s *ingest.Sheet, title string, check func(error)) (wrap int, cell func(col, row int) string) {
	check(f.SetSheetName("Sheet1", s.Name))
	date := v.DateISO + "T00:00:00Z"
	if v.DateISO == "" {
		date = "2000-01-01T00:00:00Z"
	}
	check(f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "midreview", Created: date, Modified: date,
		Language: "ja-JP"}))
	head, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	check(e)
	wrap, e = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	check(e)
	cell = func(col, row int) string {
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
	return wrap, cell
}
