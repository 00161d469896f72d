package render

import (
	"io"
	"strings"

	"midreview/analyze"
	"midreview/render/view"
)

// The CSVs of the chapter ソフトとハードの連携 (data/hard_*.csv), written from
// analyze.Results at full precision.

// HardResponsesCSV writes data/hard_responses.csv (outputs.md): one row per
// issue (per text: the same sentence at one place is listed once, under the
// 課題ID of listed_as, and voices counts them) with the answer of linkage_responses.xlsx carried over by its ID
// (status 未回答 and empty answer columns when there is none).
func HardResponsesCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, []string{"issue_id", "source", "record_id", "district", "category", "place", "years",
		"text_masked", "voices", "listed_as", "status", "department", "plan", "note"})
	if hr := res.Hard; hr != nil {
		cats := res.Batch.HardCategories
		for i := range hr.Issues {
			is := &hr.Issues[i]
			var names []string
			for _, k := range is.Categories {
				names = append(names, cats[k].Name)
			}
			// listed_as: the 課題ID of the row of the lists and the draft
			// that stands for the issue (itself when listed): the same
			// sentence at one place is one row (同じ声)
			listedAs := is.ID
			if !is.Listed() {
				listedAs = is.SameAs
			}
			var dep, plan, note string
			if r := is.Response; r != nil {
				dep, plan, note = r.Department, r.Plan, r.Note
			}
			c.row(csvText(is.ID), is.Source, csvText(is.RecordID), csvText(dataGroups(is.Groups)),
				csvText(strings.Join(names, "、")), csvText(is.Place), csvText(view.YearsList(is.Years)), csvText(is.Masked),
				csvInt(is.Voices), csvText(listedAs), csvText(analyze.IssueStatus(is)), csvText(dep), csvText(plan), csvText(note))
		}
	}
	return c.close()
}

// HardStatusCountsCSV writes data/hard_status_counts.csv: the issues of each
// district group (and 全体) by 対応状況, 未回答 for issues without an answer.
func HardStatusCountsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, []string{"district", "status", "count"})
	if hr := res.Hard; hr != nil {
		for _, st := range hr.Statuses {
			c.row(csvText(dataGroup(st.Group)), csvText(st.Status), csvInt(st.Count))
		}
	}
	return c.close()
}

// HardIssuesCSV writes data/hard_issues.csv (outputs.md): one row per issue
// and category, districts joined with 、 as in freetext.csv; a text repeated
// in several years is one issue with its years.
func HardIssuesCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, []string{"source", "record_id", "district", "category", "programs", "department", "text_masked",
		"place", "issue_id", "years"})
	if hr := res.Hard; hr != nil {
		cats := res.Batch.HardCategories
		for _, is := range hr.Issues {
			for _, k := range is.Categories {
				c.row(is.Source, csvText(is.RecordID), csvText(dataGroups(is.Groups)), csvText(cats[k].Name),
					csvText(strings.Join(cats[k].Programs, "、")), csvText(cats[k].Department), csvText(is.Masked),
					csvText(is.Place), csvText(is.ID), csvText(view.YearsList(is.Years)))
			}
		}
	}
	return c.close()
}

// HardCountsCSV writes data/hard_counts.csv: the texts of each source (all:
// together) tagged with each category (計: any) by district group and 全体;
// year is empty for every year, else a progress sheet's fiscal year.
func HardCountsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, []string{"source", "year", "district", "category", "count"})
	if hr := res.Hard; hr != nil {
		for _, n := range hr.Counts {
			y := ""
			if n.Year != 0 {
				y = csvInt(n.Year)
			}
			c.row(n.Source, y, csvText(dataGroup(n.Group)), csvText(n.Category), csvInt(n.Count))
		}
	}
	return c.close()
}

// hardCSVFiles are the CSVs of ソフトとハードの連携, written only when sheet
// ハード分類 is given (a batch without it writes the files it did before).
func hardCSVFiles(res *analyze.Results) []CSVFile {
	if res.Hard == nil {
		return nil
	}
	return []CSVFile{{"data/hard_issues.csv", HardIssuesCSV}, {"data/hard_counts.csv", HardCountsCSV},
		{"data/hard_responses.csv", HardResponsesCSV}, {"data/hard_status_counts.csv", HardStatusCountsCSV}}
}

// dataWardWide is the ward-wide plan's initiatives in data/*.csv: the word
// the input uses for them (取組.地区 区全体, inputs.md), since a machine
// reading data/ matches it with the input; what is printed says
// analyze.GroupWardWide (区全体の取組), which cannot be read as the whole ward.
const dataWardWide = "区全体"

// dataGroup is a group as data/*.csv write it.
func dataGroup(g string) string {
	if g == analyze.GroupWardWide {
		return dataWardWide
	}
	return g
}

// dataGroups joins an issue's groups as data/*.csv write them (with 、).
func dataGroups(gs []string) string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = dataGroup(g)
	}
	return strings.Join(out, "、")
}
