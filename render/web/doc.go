// Package web writes the web version (OUT/web/): the accessible pages that
// residents read on the ward's web site, one for the ward and one per
// district (WebFiles). It draws the blocks that render/view composed, in the
// web's chapter order, and imports only render/view (internal/arch): no
// figure is computed or reformatted here.
//
// web.go holds the page frame, navigation and style sheet; blocks.go draws
// each block kind (tables with units in their heads and n in a column of its
// own, a chart's data table under it); svg.go draws the charts as inline SVG,
// twice, for a wide and a phone's width; map.go draws the district maps.
package web
