// Package dashboard writes the offline dashboard (dashboard/index.html with
// its script, style sheet and echarts, embedded by render/assets) from the
// View. It imports only render/view and render/assets (internal/arch): the
// figures, their order and their marks come formatted; what it adds is their
// arrangement as tabs, charts and tables.
//
// dashboard.go holds the page, its data and the echarts charts; axis.go the
// breakdown selector (性別, 年代, each 分析軸); views.go the views across the
// districts (地区比較, 策定時からの変化, the text explorer; shading by
// view.Shade of view.PointsApart); map.go the 地図 tab; progress.go the
// yearly cycle's tab; hard.go the tab ソフトとハードの連携.
package dashboard
