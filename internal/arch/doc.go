// Package arch holds no code: its test keeps the module's imports pointing
// upstream only (ingest → analyze → render → cmd), as pprof's profile ← graph ←
// report ← driver do, and keeps analyze free of files and renderers.
package arch
