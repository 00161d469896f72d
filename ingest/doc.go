// Package ingest reads a review batch and reports every problem with its file, sheet and cell.
package ingest
