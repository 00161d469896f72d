package xlsx

import (
	"strings"

	"midreview/render/view"
)

// Sheet names of the yearly cycle in the tabulation book (outputs.md).
const SheetProgress = "取組の振り返り"

// surveySheets are the sheets that hold the survey's tables; a year without a
// survey (View.NoSurvey) leaves them out rather than printing them empty.
var surveySheets = map[string]bool{
	view.SheetFindings: true, view.SheetSimple: true, view.SheetByDistrict: true, view.SheetByGender: true, view.SheetByAge: true,
	view.SheetIndicators: true, view.SheetTrend: true,
}

// bookSheets is the tabulation book's sheet order for v: xlsxSheets, with
// 取組の振り返り after 自由記述 when progress/ is given; without a survey the
// survey sheets are left out, and ヒアリング and 自由記述 when there is
// nothing to list. A batch without progress/ and with a survey gets exactly
// xlsxSheets.
func bookSheets(v *view.View) []string {
	var out []string
	for _, name := range view.XlsxSheets {
		if v.NoSurvey {
			switch {
			case surveySheets[name]:
				continue
			case name == view.SheetHearings && v.Hearings.Orgs == 0:
				continue
			case name == view.SheetFreeText && len(v.FreeText.Texts) == 0:
				continue
			}
		}
		out = append(out, name)
		if name == view.SheetByAge {
			for _, a := range v.Axes {
				out = append(out, a.Sheet)
			}
		}
		if name == view.SheetFreeText || (v.NoSurvey && name == view.SheetOverview) {
			if v.Progress != nil && !containsString(out, SheetProgress) {
				// Note: in a year without a survey the review is the book's
				// content, so it follows 概要 directly.
				out = append(out, SheetProgress)
			}
		}
	}
	return out
}

func containsString(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// has reports whether the book has sheet name (bookSheets).
func (b *book) has(name string) bool { return containsString(b.sheets, name) }

// progress writes sheet 取組の振り返り: the ratings by year (全体, each
// district and 区全体), then one row per initiative and year with its
// rating, activity figure, share of the target, direction and texts (masked).
// The same figures are in data/progress.csv and data/progress_counts.csv.
func (b *book) progress() {
	pv := b.v.Progress
	if pv == nil || !b.has(SheetProgress) {
		return
	}
	s := b.sheet(SheetProgress)
	legend := make([]string, len(pv.Labels))
	for i, l := range pv.Labels {
		legend[i] = pv.Marks[i] + l
	}
	s.titleBlock("取組の振り返り", "進ちょく："+strings.Join(legend, "　")+"。（再掲）前年度より悪化＝計のうち前年度より進ちょくが下がった取組（再掲のため、左の欄の合計には含みません）。",
		"達成率＝実績÷計画最終年度の目標（％）。記述は個人情報を〇〇に置き換えています。")
	// Note: the sheet stacks three tables with different heads, so, as
	// 地区別 does, it freezes (and prints on every page) the title block,
	// whose legend of the marks serves all three, and column A (区分,
	// 取組ID), rather than the first table's head over the others' rows.
	top := s.row - 1
	s.strNoFit(1, "進ちょく別の取組数（年度別）", "title")
	s.next()
	heads := append(append([]string{"区分", "年度"}, pv.Labels...), "未記入", "計", view.ProgressSlippedWebHead)
	s.head(heads...)
	counts := func(group string, rows []view.ProgressCountRow) {
		for _, r := range rows {
			s.str(1, group, "cell")
			s.str(2, r.Year, "cell")
			for i, c := range r.Counts {
				s.fig(3+i, c)
			}
			n := 3 + len(r.Counts)
			s.fig(n, r.Unrated)
			s.fig(n+1, r.Total)
			s.fig(n+2, r.Slipped)
			s.next()
		}
	}
	counts("全体", pv.Ward)
	for _, d := range append(append([]string{}, b.v.Districts...), pv.WardWideGroup) {
		counts(d, pv.DistrictCounts[d])
	}
	s.next()
	s.strNoFit(1, "取組ごとの進ちょく（年度別）", "title")
	s.next()
	s.head("取組ID", "取組名", "地区", "テーマ", "担当", "年度", "進ちょく", "悪化", "活動指標", "実績", "単位", "目標", "達成率（％）", "次年度")
	for _, t := range pv.Themes {
		for _, in := range t.Initiatives {
			for j, c := range in.Years {
				if !c.Has {
					continue
				}
				s.str(1, in.ID, "cell")
				s.str(2, in.Name, "wrap")
				s.str(3, in.District, "cell")
				s.str(4, t.Theme, "cell")
				s.str(5, in.Owner, "cell")
				s.str(6, pv.Years[j], "cell")
				label := c.Label
				if c.Mark != "" {
					label = c.Mark + c.Label
				}
				s.str(7, label, "cell")
				slipped := ""
				if c.Slipped {
					slipped = "↓"
				}
				s.str(8, slipped, "center")
				s.str(9, in.Measure, "cell")
				s.fig(10, c.Actual)
				s.str(11, in.Unit, "cell")
				s.fig(12, in.Target)
				s.fig(13, c.Reached)
				s.str(14, c.Next, "cell")
				s.next()
			}
		}
	}
	s.next()
	s.strNoFit(1, "最新年度の実施内容・成果・課題", "title")
	s.next()
	s.head("取組ID", "取組名", "年度", "実施内容", "成果", "課題", "ハード面", "次年度")
	for _, t := range pv.Themes {
		for _, in := range t.Initiatives {
			if in.LatestYear == "" {
				continue
			}
			s.str(1, in.ID, "cell")
			s.str(2, in.Name, "wrap")
			s.str(3, in.LatestYear, "cell")
			s.str(4, in.Done, "wrap")
			s.str(5, in.Outcome, "wrap")
			s.str(6, in.Issues, "wrap")
			// Note: a column of its own, so the 課題 that is the physical
			// issue stands in it too (the handouts print it once, marked).
			hard := in.Hard
			if in.IssueHard && hard == "" {
				hard = in.Issues
			}
			s.str(7, hard, "wrap")
			s.str(8, in.Next, "cell")
			s.next()
		}
	}
	if b.v.NoSurvey {
		// Without a survey there is no sheet 指標; the indicators' history
		// (history/) goes here.
		s.indicatorHistory(b.v.IndicatorHistory)
	}
	s.maxW = []float64{12, 24, 12, 14, 16, 40, 40, 40, 24, 12, 8, 10, 12, 10}
	s.finish(top, 1)
}

// indicatorHistory appends 指標の推移 (history/) to sheet 指標: one row per
// indicator with 全体's value at each point of the plan.
func (s *sheet) indicatorHistory(hs []view.IndicatorHistoryView) {
	if len(hs) == 0 {
		return
	}
	s.next()
	s.strNoFit(1, "指標の推移（全体、％）", "title")
	s.next()
	s.head("指標ID", "指標名", "時点", "基準日", "値", "n", "目標値", "方向")
	for _, h := range hs {
		for _, p := range h.Points {
			s.str(1, h.ID, "cell")
			s.str(2, h.Name, "wrap")
			s.str(3, p.Label, "cell")
			s.str(4, p.Date, "cell")
			s.fig(5, p.Value)
			s.fig(6, p.N)
			s.fig(7, h.Target)
			s.str(8, h.Direction, "cell")
			s.next()
		}
	}
}
