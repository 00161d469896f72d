package render

import (
	"io"

	"midreview/analyze"
	"midreview/render/view"
)

// The CSVs of the plan's yearly cycle (data/progress*.csv,
// data/indicator_history.csv), written from analyze.Results at full precision.

// ProgressCSV writes data/progress.csv: one row per initiative and year
// (outputs.md), with the share of the target reached appended.
func ProgressCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, []string{"initiative_id", "name", "district", "theme", "year", "progress_code", "progress_label",
		"actual", "unit", "target", "next", "source", "reached_pct"})
	if pr := res.Progress; pr != nil {
		b := res.Batch
		for _, ip := range pr.Initiatives {
			in := &b.Initiatives[ip.Initiative]
			dist := dataWardWide
			if in.District >= 0 {
				dist = b.Districts[in.District].Name
			}
			target := ""
			if in.HasTarget {
				target = csvFloat(in.Target)
			}
			for _, r := range ip.Records {
				code := ""
				if r.Rating >= 0 {
					code = csvInt(r.Code)
				}
				c.row(csvText(in.ID), csvText(in.Name), csvText(dist), csvText(view.ThemeName(b, in.Theme)), csvInt(r.Year), code,
					r.Label, csvFloat(r.Actual), csvText(in.Unit), target, r.Next, csvText(r.Source), csvFloat(r.Reached))
			}
		}
	}
	return c.close()
}

// ProgressCountsCSV writes data/progress_counts.csv: the ratings by year for
// 全体, each district (and 区全体) and each theme; label 未記入 counts the
// records without a rating, 悪化 those rated worse than the year before, 計 all.
func ProgressCountsCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, []string{"by", "group", "year", "code", "label", "count"})
	if pr := res.Progress; pr != nil {
		scale := res.Batch.ProgressScale.Choices
		for _, n := range pr.Counts {
			for i, k := range n.Counts {
				c.row(n.By, csvText(dataGroup(n.Group)), csvInt(n.Year), csvInt(scale[i].Code), csvText(pr.Labels[i]), csvInt(k))
			}
			c.row(n.By, csvText(dataGroup(n.Group)), csvInt(n.Year), "", "未記入", csvInt(n.Unrated))
			c.row(n.By, csvText(dataGroup(n.Group)), csvInt(n.Year), "", "悪化", csvInt(n.Slipped))
			c.row(n.By, csvText(dataGroup(n.Group)), csvInt(n.Year), "", "計", csvInt(n.Total))
		}
	}
	return c.close()
}

// IndicatorHistoryCSV writes data/indicator_history.csv (outputs.md).
func IndicatorHistoryCSV(w io.Writer, res *analyze.Results) error {
	c := newCSV(w, []string{"indicator_id", "name", "group", "point", "date", "value", "n"})
	b := res.Batch
	for _, h := range res.IndicatorHistory {
		ind := &b.Indicators[h.Indicator]
		n := ""
		if h.N > 0 {
			n = csvInt(h.N)
		}
		c.row(csvText(ind.ID), csvText(ind.Name), csvText(h.Group), csvText(h.Point), h.Date, csvFloat(h.Value), n)
	}
	return c.close()
}

// cycleCSVFiles are the CSVs of the plan's yearly cycle, written only when
// their input is given (so that a batch without progress/ and history/ writes
// exactly the files it did before).
func cycleCSVFiles(res *analyze.Results) []CSVFile {
	var out []CSVFile
	if res.Progress != nil {
		out = append(out, CSVFile{"data/progress.csv", ProgressCSV}, CSVFile{"data/progress_counts.csv", ProgressCountsCSV})
	}
	if len(res.IndicatorHistory) > 0 {
		out = append(out, CSVFile{"data/indicator_history.csv", IndicatorHistoryCSV})
	}
	return out
}
