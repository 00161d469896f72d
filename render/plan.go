package render

import (
	"io"
	"sort"

	"midreview/analyze"
	"midreview/render/dashboard"
	"midreview/render/pdf"
	"midreview/render/view"
	"midreview/render/web"
	"midreview/render/xlsx"
)

// Output formats, as `midreview run -formats` names them.
const (
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
	FormatHTML = "html"
	FormatCSV  = "csv"
	// FormatWeb and FormatOpendata are what is published to residents
	// (outputs.md "What is published to residents"): web/ and opendata/.
	FormatWeb      = "web"
	FormatOpendata = "opendata"
)

// Formats lists every output format in the order Plan writes them.
func Formats() []string {
	return []string{FormatPDF, FormatXLSX, FormatHTML, FormatCSV, FormatWeb, FormatOpendata}
}

// Plan lists the outputs of the chosen formats (keys of Formats) in a fixed
// order: report.pdf and the district PDFs, tabulation.xlsx, the dashboard and
// its assets, the data CSVs, then commentary_draft.xlsx and problems.csv,
// which every run writes.
// manifest.json is not listed: it lists the others with their hashes.
func Plan(v *view.View, res *analyze.Results, formats map[string]bool, pdfOpt pdf.PDFOptions) []view.Output {
	var outs []view.Output
	file := func(p string, fn func(w io.Writer) error) {
		outs = append(outs, view.Output{Path: p, Write: fn})
	}
	if formats[FormatPDF] {
		file("report.pdf", func(w io.Writer) error { return pdf.PDF(w, v, pdfOpt) })
		for i, d := range v.Districts {
			file(view.DistrictFile(i, d), func(w io.Writer) error { return pdf.DistrictPDF(w, v, d, pdfOpt) })
		}
		if v.Hard != nil {
			file(pdf.LinkageFile, func(w io.Writer) error { return pdf.LinkagePDF(w, v, pdfOpt) })
		}
	}
	if formats[FormatXLSX] {
		file("tabulation.xlsx", func(w io.Writer) error { return xlsx.XLSX(w, v) })
	}
	if formats[FormatHTML] {
		file("dashboard/index.html", func(w io.Writer) error { return dashboard.Dashboard(w, v, dashboard.DashboardOptions{}) })
		assets, err := dashboard.DashboardAssets()
		if err != nil {
			file("dashboard/"+dashboard.AssetEcharts, func(io.Writer) error { return err })
		}
		names := make([]string, 0, len(assets))
		for name := range assets {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			data := assets[name]
			file("dashboard/"+name, func(w io.Writer) error { _, err := w.Write(data); return err })
		}
	}
	if formats[FormatCSV] {
		for _, c := range append(append(CSVFiles(), cycleCSVFiles(res)...), hardCSVFiles(res)...) {
			file(c.Path, func(w io.Writer) error { return c.Write(w, res) })
		}
		if res.Map != nil && len(res.Map.Shapes) > 0 {
			file(DistrictsGeoJSONFile, func(w io.Writer) error { return DistrictsGeoJSON(w, res) })
		}
	}
	if formats[FormatWeb] {
		for _, o := range web.WebFiles(v, web.WebOptions{Handouts: formats[FormatPDF], Opendata: formats[FormatOpendata]}) {
			file("web/"+o.Path, o.Write)
		}
	}
	if formats[FormatOpendata] {
		for _, o := range OpendataFiles(v) {
			file("opendata/"+o.Path, o.Write)
		}
	}
	// Note: the draft is written whatever the formats: it is the input of the
	// next run's commentary.xlsx, not a publication.
	file(CommentaryDraftFile, func(w io.Writer) error { return CommentaryDraft(w, v) })
	// Note: likewise the draft of linkage_responses.xlsx, with sheet ハード分類.
	if v.Hard != nil {
		file(LinkageDraftFile, func(w io.Writer) error { return LinkageDraft(w, v) })
	}
	file("problems.csv", func(w io.Writer) error { return ProblemsCSV(w, res.Batch.Problems) })
	return outs
}
