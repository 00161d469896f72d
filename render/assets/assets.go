// Package assets holds the third-party files that the binary embeds, fetched
// by scripts/assets.sh and never committed (README.md): the Japanese font,
// which the PDF writer (render/pdf) uses, and echarts' JavaScript, which the
// dashboard (render/dashboard) writes beside index.html. A clone without them
// still compiles: FS then holds only this package's own files, the PDF writer
// looks for a system font and the dashboard reports the missing asset.
package assets

import "embed"

// FS holds the files of this folder by their base names
// (BIZUDPGothic-Regular.ttf, echarts.min.js, …).
//
// Note: the pattern is *, not the names, so that a build without the fetched
// files compiles; it embeds this source file and README.md too.
//
//go:embed *
var FS embed.FS
