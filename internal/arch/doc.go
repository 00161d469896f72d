// Package arch holds no code: its test keeps the module's imports pointing
// upstream only (ingest → analyze → render → cmd), as pprof's profile ← graph ←
// report ← driver do, keeps analyze free of files and renderers, and keeps
// render's PDF and web writers from reading analyze (they draw composed
// blocks only).
package arch
