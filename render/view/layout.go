package view

import "strings"

// The layout layer: a chapter is composed once, from the View, as a list of
// format-neutral blocks (this file); the PDF writer (render/pdf/blocks.go) and the web
// writer (render/web/blocks.go) only draw blocks. A new chapter is one composer
// function (compose*.go) and shows in both formats.
//
// Like pprof's report (items computed once, printed by the text, dot and
// web writers) and benchstat's benchtab (one table model, printed as text
// and CSV): what a chapter says and in what order lives in its composer;
// how a heading, a table or a chart looks lives in the writers.
//
// Where the two formats differ on purpose, the difference is a property of
// a block that each writer interprets:
//   - a Figure carries Data, the table of its figures, that the web prints
//     under the chart (a chart must have its figures as text beside it) and
//     the PDF omits (the printed chart states every figure);
//   - a table column has a role: RoleN is the base of the figure column
//     before it, which the PDF folds into the figure's cell ("(n=…)") and
//     the web prints as its own column; Unit is added to the head on the
//     web, where a cell is read with its column head;
//   - Space, Need and the sizes (Para.Size, Table.Size, Col.W, Heading.MinBody)
//     are hints for the printed page that the web ignores;
//   - the web's words are plain where the handouts' are statistical terms
//     (基数, 秘匿基準, 有意水準, 95%信頼区間, 調整済み標準化残差, 検定): a block
//     that states such a term carries its web wording beside it
//     (Finding.WebLines, Bullets.WebItems, Table.WebNotes, Col.WebHead),
//     composed with it, and a column only the committee needs is NotWeb;
//     the web writer prints the web wording and rewrites no text;
//   - Only wraps blocks that one medium alone prints: print-only notes
//     about a drawing the web lacks, and the public selection of comments
//     and counts that the web publishes (the PDF is the committee's handout),
//     and a few wordings that still differ between the formats (each marked
//     in compose*.go; docs/design.md lists them).
//
// Furniture of one format stays in its writer: the PDF's cover, contents,
// running header and page numbers; the web's frame and navigation.

// A Block is one element of a composed chapter. walk hands a medium's
// blocks to its writer, whose block method switches on the concrete type.
type Block interface{ block() }

// Medium is where a block is drawn.
type Medium uint8

const (
	Print Medium = 1 << iota // the PDF handouts
	Web                      // the web pages (web/)
)

// Only holds blocks drawn by one medium only.
type Only struct {
	Medium Medium
	Blocks []Block
}

// Section starts a numbered chapter ("3　指標の状況"): a new page in the PDF,
// h2 on the web, an entry of the contents in both.
type Section struct{ Title string }

// Subsection is a numbered part of a section ("4.2　見守り"). MinBody is the
// room kept below it on the page (PDF); NewPage starts it on a new page.
type Subsection struct {
	Title   string
	MinBody float64
	NewPage bool
}

// Heading is a minor heading (a question). MinBody is the room kept below
// it on the page (PDF). Small is the heading of a legend (評価の見方): a
// bold line of the legend's size in the PDF.
type Heading struct {
	Text    string
	MinBody float64
	Small   bool
}

// Para is a paragraph. Bold prints it strong; Size (pt, 0: 9.5) and Muted are
// for the printed page.
type Para struct {
	Text  string
	Bold  bool
	Size  float64
	Muted bool
	// List is a list of items joined by 「、」 (the keyword list
	// 「世代（12）、少ない（12）」): print breaks lines only after 「、」, an
	// item and its count never split (reader report 5, item 6).
	List bool
}

// Finding is a passage's lines (View.PassageFinding): the findings in words,
// or the staff's wording that replaced them. WebLines are what the web
// prints in place of Lines (Passage.WebLines: the same sentences in plain
// words); nil prints Lines.
type Finding struct {
	Lines    []string
	WebLines []string
}

// Note is a small explanatory note under a figure or table.
type Note struct{ Text string }

// Bullets is a list. Size (pt) and Muted are for the printed page.
// WebItems, when not nil, are the items the web prints in place of Items:
// the same items in plain words (the grades' legend without 有意水準).
type Bullets struct {
	Items    []string
	WebItems []string
	Size     float64
	Muted    bool
}

// Space is vertical room on the printed page, in millimetres.
type Space struct{ MM float64 }

// Need starts a new printed page unless MM millimetres are left on this one.
type Need struct{ MM float64 }

// Comments are groups of comments or quotes. ByTheme prints each theme
// once with its districts' comments under it (hearings); otherwise each
// group has its theme and district in one title (free text).
type Comments struct {
	Groups  []CommentGroup
	ByTheme bool
}

// ColRole is what a table column holds.
type ColRole uint8

const (
	RoleText   ColRole = iota // text, left-aligned
	RoleLabel                 // the row's label: th scope=row on the web
	RoleFigure                // a figure, right-aligned
	RoleN                     // the n of the figure column before it: the PDF prints it in that cell
)

// A Col is one table column. Unit is added to the head on the web ("n" →
// "n（人）"); WebHead replaces the head there when the two differ (the web's
// heads are unique, and in plain words: 95%信頼区間 → 誤差を考えた範囲);
// NotWeb leaves the column out of the web's table (a figure for the
// committee that a resident does not need: 標準偏差, p値; data/*.csv and
// opendata/ keep it); W (mm) and Center are for the printed page, and so are
// BreakHead and BreakCells: break the head or the cells at phrases (after
// 、 and ・ and at spaces, phraseLines) before wrapping them.
type Col struct {
	Head       string
	Unit       string
	WebHead    string
	NotWeb     bool
	Role       ColRole
	W          float64
	Center     bool
	BreakHead  bool
	BreakCells bool
}

// A Cell is one table cell. Sub is a second part, on a line of its own in
// the PDF and run on the web; Ref marks a 参考値 (PDF: MarkReference on a
// line of its own; web: in brackets after the figure). Bold and Shade are for the printed page (全体's row).
type Cell struct {
	Text  string
	Sub   string
	Ref   bool
	Bold  bool
	Shade bool
	// Tone is a district's figure against the ward's by the measure's
	// direction (+1 better, −1 worse, 0 neither): the web's district
	// tables colour it (blue better, orange worse) with the words in its title.
	Tone int
}

// Table is a captioned table, numbered 表N in both formats. Notes follow it.
// Size (pt) is the PDF's type size. Wide tables (crosstabs) go on landscape
// pages or in column blocks when they do not fit the portrait width (PDF).
// After a page break the PDF repeats the caption (続き) and the heads.
// Halves prints a long narrow list in two halves side by side (PDF). The web
// leads every row with its RoleLabel column.
type Table struct {
	Caption string
	Cols    []Col
	Rows    [][]Cell
	Notes   []string
	Size    float64
	Wide    bool
	Halves  bool
	// Compact prints one line per row at equal column widths, the heads cut
	// to fit (PDF).
	Compact bool
	// WebNotes, when not nil, are the notes the web prints in place of
	// Notes: plain words for residents, without test statistics or the
	// names of tests (基数 is 分母 there, a 検定 偶然とは考えにくい差).
	WebNotes []string
	// WebOrder, when it lists every column, is the order the web draws
	// them in; Narrow tables keep their first columns narrow on a phone.
	// The indicator tables put the current value and its grade right after
	// the indicator (a phone shows them without scrolling sideways).
	WebOrder []int
	Narrow   bool
}

// FigureKind is the kind of chart.
type FigureKind uint8

const (
	FigBars  FigureKind = iota // horizontal bars, one per series in every row
	FigBands                   // 100% stacked bands
	// FigTrend is one value over the years (Bars, one value each) with its
	// Target: a line with the target dashed in the PDF, bars on the web
	// (whose Data table gives the target).
	FigTrend
	// FigIndex is a district's values against the ward's = 100 (Bars: the
	// district's and the ward's value each; Series[0] the district): the
	// PDF's bars of the index with both shares printed; the web draws both
	// shares as bars.
	FigIndex
)

// Figure is a chart, numbered 図N in both formats. Data is the table of its
// figures that the web prints under it and the PDF omits.
type Figure struct {
	Kind    FigureKind
	Caption string
	Series  []string // FigBars: the legend
	Bars    []BarRow
	// CountUnit draws counts (件) rather than percentages.
	CountUnit bool
	Heads     []string // FigBands: the categories
	NA        bool     // FigBands: the last head is 無回答 (pale)
	LabelW    float64  // FigBands: the label width in the PDF (mm)
	Bands     []BandRow
	Target    Fig // FigTrend
	Data      *Table
}

// Record is one initiative of 取組の振り返り: its title, a line of
// particulars, its ratings by year and its texts. The PDF draws the ratings
// as a grid of marks, shaded darker the worse the rating, each with a bar of
// the year's activity figure against the Target; the web prints Data, the
// table of the same ratings and figures.
type Record struct {
	Title, Meta string
	Years       []string       // the plan's years
	Cells       []ProgressCell // parallel to Years
	Levels      int            // how many ratings the scale has
	Target      Fig
	Texts       []string
	Data        Table
}

// DistrictLink is a link to a district's own page (web), the i-th of
// View.Districts; the PDF has none.
type DistrictLink struct {
	Index int
	Text  string
}

func (Only) block()         {}
func (Section) block()      {}
func (Subsection) block()   {}
func (Heading) block()      {}
func (Para) block()         {}
func (Finding) block()      {}
func (Note) block()         {}
func (Bullets) block()      {}
func (Space) block()        {}
func (Need) block()         {}
func (Comments) block()     {}
func (Table) block()        {}
func (Figure) block()       {}
func (DistrictLink) block() {}
func (Record) block()       {}

// Walk calls draw for every block that medium m draws, in order: the blocks
// of an Only for m in its place, those of an Only for another medium not at
// all.
func Walk(bs []Block, m Medium, draw func(Block)) {
	for _, b := range bs {
		if o, ok := b.(Only); ok {
			if o.Medium&m != 0 {
				Walk(o.Blocks, m, draw)
			}
			continue
		}
		draw(b)
	}
}

// PrintOnly and webOnly wrap blocks drawn by one medium.
func PrintOnly(b ...Block) Block { return Only{Medium: Print, Blocks: b} }
func WebOnly(b ...Block) Block   { return Only{Medium: Web, Blocks: b} }

// A Composer collects the blocks of a handout for one View and one place:
// the ward (district "") or a district.
type Composer struct {
	V        *View
	district string
	Out      []Block
	// karteIndicators: the 地区カルテ printed the district's indicator
	// table, so 指標の状況 does not print it again; karteQuotes are the
	// quotes it printed, left out of 自由記述.
	karteIndicators bool
	karteQuotes     []string
	// noted are the chapter notes (chapterNotes) a table of this chapter
	// printed, by medium.
	noted map[string]Medium
}

// chapterNotes are notes a table prints at most once per chapter: they say
// how to read a column (肯定的な回答（%）) that every summary table of the
// chapter has, so the first table says it and the others do not repeat it
// (報告書の見方 says it once for the handout: reader review 5, item 9).
var chapterNotes = map[string]bool{SummaryBaseNote: true, WebSummaryBaseNote: true, SummaryBoxNote: true}

// Add appends blocks to the handout. A chart every value of which is
// suppressed would be an empty frame on an axis (hard batch 図13: all x), so
// it is replaced by a line saying so; its table, if any, follows it as
// composed. A table's chapter notes already printed in the chapter are left
// out (chapterNotes).
func (c *Composer) Add(b ...Block) {
	for _, x := range b {
		if _, ok := x.(Section); ok {
			c.noted = nil
		}
		c.Out = append(c.Out, c.onceNotes(noEmptyChart(x), Print|Web))
	}
}

// onceNotes is b with the chapter notes of its tables (in b or in the blocks
// b wraps) that this chapter already printed, in medium m, left out.
func (c *Composer) onceNotes(b Block, m Medium) Block {
	keep := func(notes []string, m Medium) []string {
		if notes == nil || m == 0 {
			return notes
		}
		out := make([]string, 0, len(notes))
		for _, n := range notes {
			if chapterNotes[n] {
				if c.noted[n]&m == m {
					continue
				}
				if c.noted == nil {
					c.noted = map[string]Medium{}
				}
				c.noted[n] |= m
			}
			out = append(out, n)
		}
		return out
	}
	switch x := b.(type) {
	case Table:
		if x.WebNotes == nil {
			x.Notes = keep(x.Notes, m)
		} else {
			x.Notes = keep(x.Notes, m&Print)
			x.WebNotes = keep(x.WebNotes, m&Web)
		}
		return x
	case Only:
		bs := make([]Block, len(x.Blocks))
		for i, y := range x.Blocks {
			bs[i] = c.onceNotes(y, m&x.Medium)
		}
		x.Blocks = bs
		return x
	}
	return b
}

// noEmptyChart is b, or a Note in place of a chart (in b or in the blocks b
// wraps) all of whose values are x.
func noEmptyChart(b Block) Block {
	switch x := b.(type) {
	case Figure:
		if AllSuppressed(x) {
			return Note{Text: EmptyChartNote(x.Caption)}
		}
	case Only:
		bs := make([]Block, len(x.Blocks))
		for i, y := range x.Blocks {
			bs[i] = noEmptyChart(y)
		}
		x.Blocks = bs
		return x
	}
	return b
}

// AllSuppressed reports whether a bar chart has values and every one of them
// is x (秘匿).
func AllSuppressed(f Figure) bool {
	if f.Kind != FigBars && f.Kind != FigIndex {
		return false
	}
	n := 0
	for _, r := range f.Bars {
		for _, v := range r.Vals {
			if !v.Suppressed {
				return false
			}
			n++
		}
	}
	return n > 0
}

// EmptyChartNote is the line printed instead of a chart whose values are all
// suppressed.
func EmptyChartNote(caption string) string {
	if i := strings.Index(caption, "（"); i > 0 {
		caption = caption[:i]
	}
	return "注）" + caption + "の図は、回答者が少なくすべての値が秘匿（" + MarkSuppressed + "）となるため省略しています。"
}

// Cells turns strings into plain cells.
func Cells(ss ...string) []Cell {
	cs := make([]Cell, len(ss))
	for i, s := range ss {
		cs[i] = Cell{Text: s}
	}
	return cs
}

// The handouts' page (A4 portrait) in millimetres, as the composers size
// table columns (Col.W) and the PDF writer draws: the page width, its side
// margins and the width of text between them.
const (
	PageW    = 210.0
	MarginL  = 18.0
	MarginR  = 18.0
	ContentW = PageW - MarginL - MarginR
)

// Column widths of a crosstab, in millimetres: the group column and the n
// column.
const (
	XtGroupW = 30.0
	XtNW     = 14.0
)
