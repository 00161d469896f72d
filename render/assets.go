package render

import "embed"

// assets holds the third-party files fetched by scripts/assets.sh: the Japanese
// font and echarts' JavaScript. A build without them still compiles; the PDF
// writer then looks for a system font and the dashboard reports the missing asset.
//
//go:embed assets
var assets embed.FS
