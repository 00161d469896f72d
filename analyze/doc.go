// Package analyze turns a batch into tables, statistics, indicators and text summaries; it is pure computation with no file access.
package analyze
