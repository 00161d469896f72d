package render

import "embed"

// assets holds the third-party files fetched by scripts/assets.sh: the Japanese
// font and echarts' JavaScript. A build without them still compiles; the PDF
// writer then looks for a system font and the dashboard reports the missing asset.
//
//go:embed assets
var assets embed.FS

// AssetFontFile names the embedded font in MissingAssets.
const AssetFontFile = "BIZUDPGothic-Regular.ttf"

// MissingAssets lists the embedded files the binary was built without
// (AssetEcharts, AssetFontFile), empty for a binary built with `make build`.
// cmd refuses a run that needs one before it reads anything.
func MissingAssets() []string {
	var out []string
	if _, err := assets.ReadFile("assets/" + AssetEcharts); err != nil {
		out = append(out, AssetEcharts)
	}
	if _, _, ok := readEmbeddedFont(); !ok {
		out = append(out, AssetFontFile)
	}
	return out
}
