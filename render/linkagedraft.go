package render

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/render/view"
)

// LinkageDraftFile is the draft of linkage_responses.xlsx that every run
// with sheet ハード分類 writes.
const LinkageDraftFile = "linkage_draft.xlsx"

// LinkageDraft writes linkage_draft.xlsx: sheet 対応 with the columns of
// linkage_responses.xlsx (ingest.LinkageSheet) and one row per issue of
// v.Hard (its 課題ID, district, categories, place, masked text, source,
// years, 件数（同じ声） and 同じ声の課題ID), the answer columns 対応状況, 担当課, 対応予定 and 備考 empty for
// the urban-development side to fill. Every cell but the count is a string.
//
// Note: an issue already answered in linkage_responses.xlsx gets its answer
// in the draft, so that the draft can replace that file next year without
// losing an answer; a new issue's answer columns are empty.
func LinkageDraft(w io.Writer, v *view.View) error {
	s := ingest.LinkageSheet
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if err == nil {
			err = e
		}
	}
	wrap, cell := draftSheet(f, v, s, v.PlanName+" ソフトとハードの連携 対応の下書き", check)
	// Note: one row per listed issue: the same sentence at one place is
	// one row, answered once, with its count of voices and the 課題IDs of
	// the others (analyze applies the answer to each of them).
	var issues []view.HardIssueView
	if v.Hard != nil {
		for _, is := range v.Hard.Issues {
			if is.Listed {
				issues = append(issues, is)
			}
		}
	}
	for i := range issues {
		is := &issues[i]
		vals := make([]string, len(s.Columns))
		vals[ingest.ColLinkID], vals[ingest.ColLinkDistrict], vals[ingest.ColLinkCategory] = is.ID, is.Groups, is.Category
		vals[ingest.ColLinkPlace], vals[ingest.ColLinkText], vals[ingest.ColLinkSource] = is.Place, is.Text, is.Source
		vals[ingest.ColLinkYears] = is.Years
		vals[ingest.ColLinkSameIDs] = strings.Join(is.Same, "、")
		if is.Answered {
			if is.Answer.Status != view.StatusUnanswered {
				vals[ingest.ColLinkStatus] = is.Answer.Status
			}
			vals[ingest.ColLinkDepartment], vals[ingest.ColLinkPlan], vals[ingest.ColLinkNote] = is.Answer.Department, is.Answer.Plan, is.Answer.Note
		}
		check(f.SetCellInt(s.Name, cell(ingest.ColLinkVoices, i+2), int64(is.Voices.Value)))
		for c, t := range vals {
			if t != "" {
				// Note: SetCellStr, so that a text beginning with = stays text
				// and an ID of digits stays a string.
				check(f.SetCellStr(s.Name, cell(c, i+2), t))
			}
		}
	}
	if n := len(issues); n > 0 {
		check(f.SetCellStyle(s.Name, cell(0, 2), cell(len(s.Columns)-1, n+1), wrap))
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cell(ingest.ColLinkStatus, 2) + ":" + cell(ingest.ColLinkStatus, n+1)
		check(dv.SetDropList(ingest.LinkageStatuses))
		// Note: a warning, not a stop: another status is accepted and counted as written.
		dv.SetError(excelize.DataValidationErrorStyleWarning, "対応状況", "一覧にない対応状況です。このまま入力すると、書いたとおりに数えます")
		check(f.AddDataValidation(s.Name, dv))
	}
	check(f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	if err != nil {
		return err
	}
	f.Path = LinkageDraftFile
	return f.Write(w)
}
