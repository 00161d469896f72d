// Package render turns analysis results into the published files: PDF handouts, the Excel tabulation book, the offline dashboard and tidy CSVs.
package render
