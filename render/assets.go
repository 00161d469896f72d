package render

import (
	"midreview/render/assets"
	"midreview/render/dashboard"
	"midreview/render/pdf"
)

// AssetFontFile and AssetEcharts name the embedded font and echarts in
// MissingAssets.
const (
	AssetFontFile = "BIZUDPGothic-Regular.ttf"
	AssetEcharts  = dashboard.AssetEcharts
)

// MissingAssets lists the embedded files the binary was built without
// (AssetEcharts, AssetFontFile), empty for a binary built with `make build`.
// cmd refuses a run that needs one before it reads anything.
func MissingAssets() []string {
	var out []string
	if _, err := assets.FS.ReadFile(AssetEcharts); err != nil {
		out = append(out, AssetEcharts)
	}
	if _, _, ok := pdf.EmbeddedFont(); !ok {
		out = append(out, AssetFontFile)
	}
	return out
}
