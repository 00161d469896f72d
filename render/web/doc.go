// Package web writes the web version (OUT/web/): the accessible pages that
// residents read on the ward's web site, one for the ward and one per
// district (WebFiles). It draws the blocks that render/view composed, in the
// web's chapter order, and imports only render/view (internal/arch): no
// figure is computed or reformatted here, and no text is rewritten: where the
// handouts' words are statistical terms, the composers give the web's plain
// words beside them (Finding.WebLines, Bullets.WebItems, Table.WebNotes,
// Col.WebHead) and mark the columns a resident does not need (Col.NotWeb:
// 標準偏差, p値), and this writer prints those (words.go, PlainForbidden).
//
// web.go holds the page frame, navigation and style sheet; blocks.go draws
// each block kind (tables with units in their heads and n in a column of its
// own, a chart's data table under it); svg.go draws the charts as inline SVG,
// twice, for a wide and a phone's width; map.go draws the district maps.
package web
