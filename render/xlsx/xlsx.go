package xlsx

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"midreview/render/view"
)

// Number formats of the tabulation book. Figures are stored as numbers.
const (
	NumFmtPct     = "0.0"
	NumFmtPctHigh = `0.0"▲"`
	NumFmtPctLow  = `0.0"▼"`
	NumFmtZero    = `0;-0;"－"` // a zero count or percentage prints as －
	NumFmtInt     = "#,##0"
	numFmtPoints  = "+0.0;-0.0;0.0"
	numFmtP       = "0.000"
)

// XLSX writes the Excel tabulation book (集計表, tabulation.xlsx) for v.
//
// Note: a percentage is stored as the number it prints as: Fig.Text (rounded half
// up to one decimal in format.go) parsed back, not the raw Fig.Value. Japanese
// 集計表 practice is that what a reader adds up in Excel equals what the printed
// handout shows; the full-precision value is in data/crosstab.csv. A zero count
// is stored as 0 with a number format that shows －, suppressed figures as the
// string x, and ▲▼ live in the number format (0.0"▲") so the cell stays a number.
func XLSX(w io.Writer, v *view.View) error {
	b, err := newBook(v)
	if err != nil {
		return err
	}
	defer b.f.Close()
	b.overview()
	if !v.NoSurvey {
		b.findings()
		for _, by := range []struct{ sheet, by string }{
			{view.SheetSimple, view.ByAll},
			{view.SheetByDistrict, view.ByDistrict},
			{view.SheetByGender, view.ByGender},
			{view.SheetByAge, view.ByAge},
		} {
			b.crosstabs(by.sheet, by.by)
		}
		for _, a := range v.Axes {
			b.crosstabs(a.Sheet, a.By)
		}
		b.indicators()
		b.trend()
	}
	if b.has(view.SheetHearings) {
		b.hearings()
	}
	if b.has(view.SheetFreeText) {
		b.freeText()
	}
	b.progress()
	b.hard()
	b.problems()
	b.corrections()
	b.commentary()
	if b.styled != nil {
		b.styled.flushStyle()
	}
	if b.err != nil {
		return fmt.Errorf("tabulation book: %w", b.err)
	}
	if _, err := b.f.WriteTo(w); err != nil {
		return fmt.Errorf("tabulation book: %w", err)
	}
	return nil
}

// A book is the tabulation workbook being written.
type book struct {
	v      *view.View
	f      *excelize.File
	err    error
	styles map[string]int // style key → excelize style ID; lookups only, never ranged over
	sheets []string       // the book's sheets in order (bookSheets)
	styled *sheet         // the sheet whose styleRun is pending, if any
}

func newBook(v *view.View) (*book, error) {
	f := excelize.NewFile()
	b := &book{v: v, f: f, styles: map[string]int{}, sheets: bookSheets(v)}
	if err := f.SetSheetName("Sheet1", b.sheets[0]); err != nil {
		f.Close()
		return nil, err
	}
	for _, name := range b.sheets[1:] {
		if _, err := f.NewSheet(name); err != nil {
			f.Close()
			return nil, err
		}
	}
	// Note: the creation date is 基準日, never the clock, so reruns are byte-identical.
	date := v.DateISO + "T00:00:00Z"
	if v.DateISO == "" {
		date = "2000-01-01T00:00:00Z"
	}
	b.check(f.SetDocProps(&excelize.DocProperties{
		Title:    v.PlanName + " 集計表",
		Subject:  v.SurveyName,
		Creator:  "midreview",
		Created:  date,
		Modified: date,
		Language: "ja-JP",
	}))
	return b, b.err
}

func (b *book) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// style returns the ID of a style: kind is "text", "title", "head", "wrap",
// "note" or "num" (with numFmt).
func (b *book) style(kind, numFmt string) int {
	key := kind + "|" + numFmt
	if id, ok := b.styles[key]; ok {
		return id
	}
	thin := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	var s excelize.Style
	switch kind {
	case "title":
		s.Font = &excelize.Font{Bold: true, Size: 12}
	case "head":
		s.Font = &excelize.Font{Bold: true}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}
		s.Border = thin
		s.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case "cell":
		s.Border = thin
		s.Alignment = &excelize.Alignment{Vertical: "top"}
	case "wrap":
		s.Border = thin
		s.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	case "center":
		s.Border = thin
		s.Alignment = &excelize.Alignment{Horizontal: "center"}
	case "mark":
		s.Border = thin
		s.Alignment = &excelize.Alignment{Horizontal: "right"}
	case "num":
		f := numFmt
		s.CustomNumFmt = &f
		s.Border = thin
	case "note":
		s.Font = &excelize.Font{Size: 9, Color: "404040"}
	}
	id, err := b.f.NewStyle(&s)
	b.check(err)
	b.styles[key] = id
	return id
}

// A sheet writes one worksheet row by row and keeps the column widths it needs.
type sheet struct {
	b      *book
	name   string
	row    int       // the row being written (1-based)
	widths []float64 // estimated display width per column (index 0 = column A)
	maxW   []float64 // cap per column (0 = default cap)
	run    styleRun  // cells written but not yet styled
}

// A styleRun is cells from..to of one row that take one style. The cells of
// a row are mostly written left to right in a few styles, and excelize looks
// the sheet up by name (case-insensitively, through every sheet) in each
// call, so a run of cells is styled in one SetCellStyle call: the book is the
// same as with a call per cell (every cell of the run is written before it
// is styled, and SetCellStyle sets each cell's style alone).
type styleRun struct{ row, from, to, id int }

// styleRuns turns the runs off (a SetCellStyle call per cell) for a test.
var styleRuns = true

// setStyle styles cell col of the current row with style id, adding it to
// the pending run when it continues it.
func (s *sheet) setStyle(col, id int) {
	if !styleRuns {
		c := s.cell(col)
		s.b.check(s.b.f.SetCellStyle(s.name, c, c, id))
		return
	}
	r := &s.run
	if r.to > 0 && r.row == s.row && r.to+1 == col && r.id == id {
		r.to = col
		return
	}
	s.flushStyle()
	if s.b.styled != nil && s.b.styled != s {
		s.b.styled.flushStyle()
	}
	s.run = styleRun{row: s.row, from: col, to: col, id: id}
	s.b.styled = s
}

// flushStyle styles the pending run's cells.
func (s *sheet) flushStyle() {
	r := s.run
	if r.to == 0 {
		return
	}
	s.run = styleRun{}
	c1, err := excelize.CoordinatesToCellName(r.from, r.row)
	s.b.check(err)
	c2 := c1
	if r.to > r.from {
		c2, err = excelize.CoordinatesToCellName(r.to, r.row)
		s.b.check(err)
	}
	s.b.check(s.b.f.SetCellStyle(s.name, c1, c2, r.id))
}

func (b *book) sheet(name string) *sheet { return &sheet{b: b, name: name, row: 1} }

func (s *sheet) cell(col int) string {
	c, err := excelize.CoordinatesToCellName(col, s.row)
	s.b.check(err)
	return c
}

func (s *sheet) fit(col int, text string) {
	for len(s.widths) < col {
		s.widths = append(s.widths, 0)
	}
	w := TextWidth(text) + 2
	if w > s.widths[col-1] {
		s.widths[col-1] = w
	}
}

// str writes text as a string (never a formula) with a style kind, fitting its column.
func (s *sheet) str(col int, text, kind string) {
	s.strNoFit(col, text, kind)
	if kind != "title" && kind != "note" {
		s.fit(col, text)
	}
}

// strNoFit writes text as a string without widening its column (titles, long notes).
func (s *sheet) strNoFit(col int, text, kind string) {
	c := s.cell(col)
	// Note: SetCellStr, never SetCellValue: input text such as =HYPERLINK(...)
	// must stay a string, not become a formula.
	s.b.check(s.b.f.SetCellStr(s.name, c, text))
	if kind != "" {
		s.setStyle(col, s.b.style(kind, ""))
	}
}

// num writes a number with a number format.
func (s *sheet) num(col int, v float64, numFmt, shown string) {
	c := s.cell(col)
	s.b.check(s.b.f.SetCellFloat(s.name, c, v, -1, 64))
	s.setStyle(col, s.b.style("num", numFmt))
	s.fit(col, shown)
}

// settingNumber is a setting's value that is a number as printed: 4,762,
// 0.05 (not 「n<10 は x」 nor a date).
var settingNumber = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$`)

// setting writes a setting's value: a number (配布数 4,762, 有意水準 0.05) as
// a number in the format it is printed in, anything else as text.
func (s *sheet) setting(col int, text string) {
	m := settingNumber.FindStringSubmatch(text)
	if m == nil {
		s.str(col, text, "cell")
		return
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
	if err != nil {
		s.str(col, text, "cell")
		return
	}
	numFmt := NumFmtInt
	if m[1] != "" {
		numFmt = "0." + strings.Repeat("0", len(m[1]))
	}
	s.num(col, v, numFmt, text)
}

// fig writes a published figure: the number it prints as (Fig.Shown) with a
// number format of its decimals, x as a string, or an empty bordered cell.
func (s *sheet) fig(col int, f view.Fig) {
	v := f.Shown()
	switch {
	case f.Suppressed:
		s.str(col, view.MarkSuppressed, "mark")
		return
	case f.Zero:
		s.num(col, 0, NumFmtZero, view.MarkZero)
		return
	case f.Blank():
		s.str(col, "", "cell")
		return
	case f.Bound || math.IsNaN(v) || math.IsInf(v, 0):
		// Note: a bound ("<0.001") is not a number, and no cell (nor the
		// dashboard's JSON) can hold NaN or infinity.
		s.str(col, f.Text, "mark")
		return
	}
	numFmt := NumFmtInt
	switch {
	case f.Signed && f.Decimals == 1:
		numFmt = numFmtPoints
	case f.Decimals > 0:
		numFmt = "0." + strings.Repeat("0", f.Decimals)
	}
	text := f.Text
	switch f.Mark {
	case view.MarkHigh:
		numFmt = NumFmtPctHigh
		text += view.MarkHigh
	case view.MarkLow:
		numFmt = NumFmtPctLow
		text += view.MarkLow
	}
	s.num(col, v, numFmt, text)
}

func (s *sheet) next() { s.row++ }

// head writes a header row.
func (s *sheet) head(labels ...string) {
	for i, l := range labels {
		s.strNoFit(i+1, l, "head")
		s.fit(i+1, shortHead(l))
	}
	s.next()
}

// shortHead is the part of a header that decides the column width; longer
// headers wrap.
func shortHead(l string) string {
	if TextWidth(l) > 12 {
		return string([]rune(l)[:5])
	}
	return l
}

// texts writes a row of bordered text cells.
func (s *sheet) texts(vals ...string) {
	for i, t := range vals {
		s.str(i+1, t, "cell")
	}
	s.next()
}

// finish sets column widths, frozen panes and the print setup of the sheet:
// titleRows rows are frozen and repeated on every printed page, freezeCols
// columns are frozen.
func (s *sheet) finish(titleRows, freezeCols int) {
	s.flushStyle()
	f, b := s.b.f, s.b
	for i, w := range s.widths {
		limit := 40.0
		if i < len(s.maxW) && s.maxW[i] > 0 {
			limit = s.maxW[i]
		}
		w = min(max(w, 6), limit)
		col, err := excelize.ColumnNumberToName(i + 1)
		b.check(err)
		b.check(f.SetColWidth(s.name, col, col, w))
	}
	if titleRows > 0 || freezeCols > 0 {
		tl, err := excelize.CoordinatesToCellName(freezeCols+1, titleRows+1)
		b.check(err)
		b.check(f.SetPanes(s.name, &excelize.Panes{
			Freeze: true, XSplit: freezeCols, YSplit: titleRows, TopLeftCell: tl, ActivePane: activePane(titleRows, freezeCols),
		}))
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	b.check(f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}))
	fitToPage := true
	b.check(f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fitToPage}))
	b.check(f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + headerText(b.v.PlanName, 100) + "&R" + headerText(s.name, 40),
		OddFooter: "&L" + headerText(b.v.Date, 40) + "&C&P / &N" + "&R" + headerText(sampleMark(b.v), 40),
	}))
	if titleRows > 0 {
		b.check(f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(s.name, "'", "''"), titleRows),
			Scope:    s.name,
		}))
	}
}

func activePane(rows, cols int) string {
	switch {
	case rows > 0 && cols > 0:
		return "bottomRight"
	case rows > 0:
		return "bottomLeft"
	}
	return "topRight"
}

// headerText escapes & for an Excel header/footer section and caps its length.
func headerText(s string, maxRunes int) string {
	if utf8.RuneCountInString(s) > maxRunes {
		s = string([]rune(s)[:maxRunes])
	}
	return strings.ReplaceAll(s, "&", "&&")
}

func sampleMark(v *view.View) string {
	if v.Sample {
		return "サンプルデータ"
	}
	return ""
}

// TextWidth estimates a text's display width in Excel column units: two per
// East Asian wide or ambiguous rune, one otherwise; the longest line counts.
func TextWidth(s string) float64 {
	var best, w float64
	for _, r := range s {
		if r == '\n' {
			best, w = max(best, w), 0
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			w += 2
		default:
			w++
		}
	}
	return max(best, w)
}

// titleBlock writes the sheet's title row, then a notice of input errors when
// the run had any, then one short row per note.
//
// Note: notes are kept short, one per row, because a long overflowing line widens
// the printed area and fit-to-width would shrink the tables with it.
func (s *sheet) titleBlock(title string, notes ...string) {
	v := s.b.v
	t := title + "　" + v.PlanName
	if v.SurveyName != "" {
		t += "　" + v.SurveyName
	}
	if v.Sample {
		t += "　【サンプルデータ】"
	}
	s.strNoFit(1, t, "title")
	s.next()
	if v.InputErrors > 0 {
		s.strNoFit(1, fmt.Sprintf("※入力エラー%d件を含んだまま作成（該当する回答は無回答として集計）。", v.InputErrors), "note")
		s.next()
	}
	for _, n := range notes {
		s.strNoFit(1, n, "note")
		s.next()
	}
}

// crosstabNotes explain the marks of the crosstab sheets.
var crosstabNotes = []string{
	"数値は％（小数第2位を四捨五入。合計が100.0にならないことがある）。",
	"n＝集計対象者数（無回答を含む）。－＝0件。",
	"x＝秘匿（nが秘匿基準未満、または逆算を防ぐため）。",
	"▲▼＝全体に比べ有意に高い／低い（調整済み残差）。",
	"参考値＝nが参考値基準未満のため参考扱い。",
}

func (b *book) overview() {
	v := b.v
	s := b.sheet(view.SheetOverview)
	s.titleBlock("集計表")
	s.next()
	rows := []view.KV{{Key: "計画名", Value: v.PlanName}, {Key: "区名", Value: v.Ward}}
	if v.SurveyName != "" {
		rows = append(rows, view.KV{Key: "調査名", Value: v.SurveyName})
	}
	for _, kv := range v.Overview.Items {
		// Note: the settings of 調査の概要 given (調査対象, 抽出方法, 調査期間,
		// 調査方法); 配布数, 有効回答数 and 回収率 are in the table 回収状況 below.
		switch kv.Key {
		case "調査名", "配布数", "有効回答数", "回収率", "基準日":
			continue
		}
		rows = append(rows, kv)
	}
	rows = append(rows, view.KV{Key: "基準日", Value: v.Date})
	if v.Sample {
		rows = append(rows, view.KV{Key: "データ", Value: "サンプルデータ（合成データであり、実際の調査結果ではありません）"})
	}
	errs, warns := 0, 0
	for _, p := range v.Problems {
		if p.Severity == "エラー" {
			errs++
		} else {
			warns++
		}
	}
	rows = append(rows, view.KV{Key: "入力チェック", Value: fmt.Sprintf("エラー %d件、警告 %d件（シート「%s」）", errs, warns, view.SheetProblems)})
	if v.InputErrors > 0 {
		rows = append(rows, view.KV{Key: "入力エラー", Value: fmt.Sprintf("%d件のエラーを含んだまま作成（-allow-errors）", v.InputErrors)})
	}
	rows = append(rows, view.KV{Key: "適用した修正", Value: fmt.Sprintf("%d件（シート「%s」）", len(v.Corrections), view.SheetCorrections)})
	rows = append(rows, view.KV{Key: "事務局の所見", Value: fmt.Sprintf("%d件（シート「%s」）", len(v.Staffed), view.SheetCommentary)})
	s.head("項目", "内容")
	for _, kv := range rows {
		s.texts(kv.Key, kv.Value)
	}
	if len(v.Settings) > 0 {
		s.next()
		s.strNoFit(1, "集計の設定", "title")
		s.next()
		s.head("設定", "値")
		for _, kv := range v.Settings {
			s.str(1, kv.Key, "cell")
			s.setting(2, kv.Value)
			s.next()
		}
	}
	if !v.NoSurvey {
		s.next()
		s.strNoFit(1, "回収状況", "title")
		s.next()
		s.head("地区", "配布数", "有効回答数", "回収率（％）")
		for _, r := range v.Overview.Rows {
			s.str(1, r.Name, "cell")
			s.fig(2, r.Distributed)
			s.fig(3, r.Valid)
			s.fig(4, r.Rate)
			s.next()
		}
		if t := v.Overview.Summary; t != "" {
			s.strNoFit(1, t, "note")
			s.next()
		}
	}
	s.maxW = []float64{24, 70}
	s.finish(1, 0)
}

// byLabel is the 表側 header of a breakdown: a 分析軸 is headed by its name.
func byLabel(v *view.View, by string) string {
	if by == view.ByAll {
		return "区分"
	}
	if a, ok := v.Axis(by); ok {
		return a.Name
	}
	return by
}

func (b *book) crosstabs(name, by string) {
	s := b.sheet(name)
	title := name + "集計表"
	if by == view.ByAll {
		title = "単純集計表（全体）"
	} else if a, ok := b.v.Axis(by); ok {
		title = a.Title + "集計表"
	}
	s.titleBlock(title, crosstabNotes...)
	s.next()
	found := false
	for _, q := range b.v.Questions {
		var t *view.TableView
		for i := range q.Tables {
			if q.Tables[i].By == by {
				t = &q.Tables[i]
				break
			}
		}
		summary := summaryRows(q.Summary, by)
		if t == nil && len(summary) == 0 {
			continue
		}
		found = true
		s.strNoFit(1, questionTitle(q), "title")
		s.next()
		if q.Condition != "" {
			s.strNoFit(1, "対象："+q.Condition, "note")
			s.next()
		}
		if t != nil {
			// Note: every breakdown starts with 全体, its reference (▲▼ are
			// 「全体に比べ」), as the PDF's tables do.
			rows := t.Rows
			if by != view.ByAll && view.GroupRow(t, view.GroupAll) == nil {
				if _, all := view.AllRow(&q); all != nil {
					rows = append([]view.RowView{*all}, t.Rows...)
				}
			}
			s.table(t, rows, by == view.ByAll)
		}
		if len(summary) > 0 {
			if t != nil {
				s.next()
			}
			s.summary(q, summary)
		}
		s.next()
	}
	if !found {
		s.strNoFit(1, "この区分の集計表はありません。", "note")
	}
	s.maxW = []float64{24}
	s.finish(1, 1)
}

func questionTitle(q view.QuestionView) string {
	t := q.ID + "　" + q.Text
	if q.MA {
		t += "（複数回答）"
	}
	return t
}

// summaryRows are the number summaries of a sheet: 全体 on 単純集計, 全体
// then every district on 地区別 (q.Summary holds no other breakdown).
func summaryRows(rows []view.SummaryRow, by string) []view.SummaryRow {
	var out []view.SummaryRow
	for _, r := range rows {
		if by == view.ByDistrict || by == view.ByAll && r.Group == view.GroupAll {
			out = append(out, r)
		}
	}
	// Note: 全体 first, as in the PDF's table.
	slices.SortStableFunc(out, func(a, b view.SummaryRow) int {
		return cmp.Compare(b2i(a.Group != view.GroupAll), b2i(b.Group != view.GroupAll))
	})
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// table writes one crosstab: header, then one row per group of rows (t's
// rows, after 全体 in a breakdown). counts adds a 件数 row above each
// percentage row (単純集計).
func (s *sheet) table(t *view.TableView, rows []view.RowView, counts bool) {
	heads := append([]string{byLabel(s.b.v, t.By), "n"}, t.Heads...)
	s.head(append(heads, "備考")...)
	last := len(t.Heads) + 3
	for _, r := range rows {
		note := view.RowNote(r.Suppressed, r.Reference)
		if counts {
			s.str(1, r.Group+"（件数）", "cell")
			s.fig(2, r.N)
			for i, c := range r.Counts {
				s.fig(3+i, c)
			}
			s.str(last, note, "cell")
			s.next()
			s.str(1, r.Group+"（％）", "cell")
		} else {
			s.str(1, r.Group, "cell")
		}
		s.fig(2, r.N)
		for i, c := range r.Cells {
			s.fig(3+i, c)
		}
		s.str(last, note, "cell")
		s.next()
	}
	if t.Note != "" {
		s.strNoFit(1, t.Note, "note")
		s.next()
	}
}

func (s *sheet) summary(q view.QuestionView, rows []view.SummaryRow) {
	heads := []string{"区分", "n", "平均", "標準偏差", "中央値", "最小", "最大"}
	if q.Unit != "" {
		// Note: the figures are in the answers' unit (設問 単位).
		for i := 2; i < len(heads); i++ {
			heads[i] += "（" + q.Unit + "）"
		}
	}
	top := q.Type == "SC"
	if top {
		heads = append(heads, "肯定的回答（％）")
	}
	s.head(append(heads, "備考")...)
	for _, r := range rows {
		s.str(1, r.Group, "cell")
		s.fig(2, r.N)
		for i, f := range []view.Fig{r.Mean, r.SD, r.Median, r.Min, r.Max} {
			s.fig(3+i, f)
		}
		col := 8
		if top {
			s.fig(col, r.TopBox)
			col++
		}
		s.str(col, view.RowNote(r.Suppressed, r.Reference), "cell")
		s.next()
	}
	if top {
		s.strNoFit(1, view.SummaryBaseNote, "note")
		s.next()
		s.strNoFit(1, view.SummaryBoxNote, "note")
		s.next()
	}
}

func (b *book) indicators() {
	v := b.v
	s := b.sheet(view.SheetIndicators)
	s.titleBlock("指標の達成状況", "値は％。評価の基準は表の下。地区の行はその地区の回答者による値。")
	s.head("指標ID", "指標名", "テーマ", "区分", "策定時値", "策定時n", "今回値", "今回n", "95％信頼区間", "目標値", "方向", "p値", "評価", "備考")
	top := s.row - 1
	write := func(group string, rows []view.IndicatorRow) {
		for _, r := range rows {
			s.str(1, r.ID, "cell")
			s.str(2, r.Name, "wrap")
			s.str(3, r.Theme, "cell")
			s.str(4, group, "cell")
			s.fig(5, r.Baseline)
			s.fig(6, r.BaselineN)
			s.fig(7, r.Current)
			s.fig(8, r.CurrentN)
			s.str(9, r.Interval, "cell")
			s.fig(10, r.Target)
			s.str(11, r.Direction, "cell")
			s.pValue(12, r.P)
			s.str(13, r.Evaluation, "center")
			s.str(14, r.Note(), "cell")
			s.next()
		}
	}
	write(view.GroupAll, v.Indicators.Rows)
	for _, d := range v.Districts {
		write(d, v.Indicators.ByDistrict[d])
	}
	if len(v.Indicators.Legend) > 0 {
		s.next()
		s.strNoFit(1, "評価の基準", "title")
		s.next()
		for _, kv := range v.Indicators.Legend {
			s.str(1, kv.Key, "cell")
			s.strNoFit(2, kv.Value, "cell")
			s.next()
		}
	}
	s.indicatorHistory(v.IndicatorHistory)
	s.maxW = []float64{12, 30, 16}
	s.finish(top, 2)
}

// pValue writes a p-value as a number when it is one ("0.012") and as text
// otherwise ("<0.001", "").
func (s *sheet) pValue(col int, p view.Fig) {
	if v := p.Shown(); !p.Bound && !math.IsNaN(v) && !math.IsInf(v, 0) {
		s.num(col, v, numFmtP, p.Text)
		return
	}
	s.str(col, p.Text, "mark")
}

func (b *book) trend() {
	s := b.sheet(view.SheetTrend)
	// Note: one word for each survey (surveys.go): 策定時 and 今回, never 現在 or 前回,
	// as the column heads say them; the title block names the survey itself
	// by its 調査名 (never 今回調査, a second name: reader review 5, item 18).
	sn := b.v.SurveyWords()
	s.titleBlock("経年比較（"+sn.Baseline.Word+"と"+sn.Current.Word+"）", "値は％、差はポイント（表示した2つの割合の差）。p値は2つの比率の差のz検定。＊＝有意。")
	s.head("設問ID", "設問文", "選択肢", view.WordBaseline, view.WordBaseline+"n", view.WordCurrent, view.WordCurrent+"n", "差（ポイント）", "p値", "有意差")
	top := s.row - 1
	found := false
	for _, q := range b.v.Questions {
		for _, t := range q.Trend {
			found = true
			s.str(1, q.ID, "cell")
			s.str(2, q.Text, "wrap")
			s.str(3, t.Label, "cell")
			s.fig(4, t.Baseline)
			s.fig(5, t.BaselineN)
			s.fig(6, t.Current)
			s.fig(7, t.CurrentN)
			s.fig(8, t.Diff)
			s.pValue(9, t.P)
			sig := ""
			if t.Significant {
				sig = "＊"
			}
			s.str(10, sig, "cell")
			s.next()
		}
	}
	if !found {
		s.strNoFit(1, view.NameBaseline+"のデータがないため、経年比較はありません。", "note")
	}
	s.maxW = []float64{10, 40, 24}
	s.finish(top, 1)
}

func (b *book) hearings() {
	v, h := b.v, b.v.Hearings
	s := b.sheet(view.SheetHearings)
	s.titleBlock("団体ヒアリング", "評価は団体数。複数の地区で活動する団体はそれぞれの地区に数える。")
	s.head("区分", "団体数")
	s.str(1, "ヒアリング団体数", "cell")
	s.num(2, float64(h.Orgs), NumFmtInt, strconv.Itoa(h.Orgs))
	s.next()
	for _, c := range h.ByDistrict {
		s.countRow("地区："+c.Name, c.N)
	}
	for _, c := range h.ByType {
		s.countRow("団体種別："+c.Name, c.N)
	}
	for _, r := range h.Ratings {
		s.next()
		title := r.ItemID + "　" + r.Name
		if r.Theme != "" {
			title += "（" + r.Theme + "）"
		}
		s.strNoFit(1, title, "title")
		s.next()
		s.head(append([]string{"区分", "計"}, r.Labels...)...)
		s.ratingRow(view.GroupAll, r.All)
		for _, d := range v.Districts {
			if row, ok := r.ByDistrict[d]; ok {
				s.ratingRow(d, row)
			}
		}
	}
	if len(h.Comments) > 0 {
		// Note: grouped as the handouts print them (Build's commentGroups).
		s.next()
		s.strNoFit(1, "意見（個人情報はマスク済み）", "title")
		s.next()
		s.head("テーマ", "地区", "意見")
		for _, g := range h.Comments {
			for _, it := range g.Items {
				s.str(1, g.Theme, "cell")
				s.str(2, g.District, "cell")
				s.str(3, it, "wrap")
				s.next()
			}
		}
	}
	s.maxW = []float64{30, 20, 80}
	s.finish(1, 1)
}

func (s *sheet) countRow(label string, n view.Fig) {
	s.str(1, label, "cell")
	s.num(2, n.Shown(), NumFmtInt, n.Text)
	s.next()
}

func (s *sheet) ratingRow(group string, r view.RatingRow) {
	s.str(1, group, "cell")
	for i, n := range r.Counts {
		s.fig(3+i, n)
	}
	s.fig(2, r.Total)
	s.next()
}

func (b *book) freeText() {
	v := b.v
	s := b.sheet(view.SheetFreeText)
	s.titleBlock("自由記述", "氏名・電話番号・メールアドレス・住所は〇〇に置き換えています。")
	s.head("種別", "ID", "地区", "設問・項目", "テーマ", "記述")
	top := s.row - 1
	for _, ft := range v.FreeText.Texts {
		kind := "アンケート"
		if ft.Source == view.SourceHearing {
			kind = "ヒアリング"
		}
		s.str(1, kind, "cell")
		s.str(2, ft.RecordID, "cell")
		s.str(3, ft.District, "cell")
		s.str(4, ft.ItemID, "cell")
		s.str(5, strings.Join(ft.Themes, "、"), "wrap")
		s.str(6, ft.Text, "wrap")
		s.next()
	}
	if len(v.FreeText.Texts) == 0 {
		s.strNoFit(1, "自由記述はありません。", "note")
	}
	s.maxW = []float64{12, 14, 16, 12, 24, 80}
	s.finish(top, 0)
}

// findings writes sheet 結果の概要: every passage's printed lines, in the
// order of View.Passages (概要 by theme, questions, indicators, districts).
func (b *book) findings() {
	s := b.sheet(view.SheetFindings)
	s.titleBlock("結果の概要", "集計結果から定型の文で作成した所見（数値は集計表と同じ丸め）。")
	// Note: 対象名 names the ID beside it (T1 → its theme), so that staff
	// need not look the ID up (reader review 5, item 20).
	s.head("場所", "対象", "対象名", "地区", "所見")
	top := s.row - 1
	n, box := 0, false
	for _, p := range b.v.Passages {
		box = box || view.PrintsBox(p.Lines) || p.Summed()
		for _, l := range p.Lines {
			s.str(1, p.Place, "cell")
			s.str(2, p.Target, "cell")
			s.str(3, b.v.TargetName(p.Place, p.Target), "wrap")
			s.str(4, p.District, "cell")
			s.str(5, l, "wrap")
			s.next()
			n++
		}
	}
	if n == 0 {
		s.strNoFit(1, "所見はありません（設定「所見」が「しない」、または文章にできる結果がありません）。", "note")
	}
	if box {
		s.strNoFit(1, "注）"+view.ComputedBoxNote, "note")
		s.next()
	}
	s.maxW = []float64{8, 10, 24, 14, 100}
	s.finish(top, 0)
}

func (b *book) problems() {
	s := b.sheet(view.SheetProblems)
	s.titleBlock("入力チェック", "入力データの問題の一覧。エラーは修正が必要です。")
	s.head("重大度", "コード", "ファイル", "シート", "セル", "行", "ID", "設問・項目", "値", "内容")
	top := s.row - 1
	for _, p := range b.v.Problems {
		for i, t := range []string{p.Severity, p.Code, p.File, p.Sheet, p.Cell, p.Row, p.RecordID, p.Item, p.Value} {
			s.str(i+1, t, "cell")
		}
		s.str(10, p.Message, "wrap")
		s.next()
	}
	if len(b.v.Problems) == 0 {
		s.strNoFit(1, "入力の問題はありません。", "note")
	}
	s.maxW = []float64{8, 20, 24, 12, 8, 6, 14, 12, 20, 60}
	s.finish(top, 0)
}

func (b *book) corrections() {
	s := b.sheet(view.SheetCorrections)
	s.titleBlock("修正履歴", "corrections.xlsx から適用した修正。")
	s.head("行", "対象", "ID", "項目", "修正前", "修正後", "理由", "担当", "ファイル", "セル")
	top := s.row - 1
	for _, c := range b.v.Corrections {
		s.texts(c.Row, c.Target, c.ID, c.Item, c.Before, c.After, c.Reason, c.Person, c.File, c.Cell)
	}
	if len(b.v.Corrections) == 0 {
		s.strNoFit(1, "適用した修正はありません。", "note")
	}
	s.finish(top, 0)
}

// commentary writes sheet 所見履歴: the passages printed in the secretariat's
// wording from commentary.xlsx, or removed, with the generated text each replaced.
func (b *book) commentary() {
	s := b.sheet(view.SheetCommentary)
	s.titleBlock("所見履歴", "commentary.xlsx の事務局の文に差し替えた所見、削除した所見。")
	s.head("行", "場所", "対象ID", "地区", "扱い", "印刷した所見", "担当", "生成した文")
	top := s.row - 1
	for _, p := range b.v.Staffed {
		for i, t := range []string{strconv.Itoa(p.Row), p.Place, p.Target, p.District, p.Wording} {
			s.str(i+1, t, "cell")
		}
		s.str(6, p.Text, "wrap")
		s.str(7, p.Person, "cell")
		s.str(8, p.Generated, "wrap")
		s.next()
	}
	if len(b.v.Staffed) == 0 {
		s.strNoFit(1, "事務局の文に差し替えた所見はありません。", "note")
	}
	s.maxW = []float64{6, 8, 10, 14, 10, 60, 10, 60}
	s.finish(top, 0)
}
