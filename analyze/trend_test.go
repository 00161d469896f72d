package analyze

import (
	"math"
	"testing"
)

func TestTrends(t *testing.T) {
	b := indicatorBatch()
	// The baseline lacks Q2 (MA): no baseline crosstab, no trend rows for it.
	b.Baseline.Present[qMA] = false
	r := Run(b)
	find := func(q int, by, group, code string) *TrendRow {
		t.Helper()
		for i := range r.Trends {
			tr := &r.Trends[i]
			if tr.Question == q && tr.By == by && tr.Group == group && tr.Code == code {
				return tr
			}
		}
		return nil
	}
	for _, tr := range r.Trends {
		if tr.Question == qMA || tr.Code == CodeNA || (tr.By != ByAll && tr.By != ByDistrict) {
			t.Errorf("unexpected trend row %+v", tr)
		}
	}
	t.Run("全体", func(t *testing.T) {
		tr := find(qYes, ByAll, GroupAll, "1")
		if tr == nil {
			t.Fatal("no Q1 全体 はい row")
		}
		// 80/220 → 100/215: printed 36.4 → 46.5, diff 10.1 points (the
		// unrounded 10.147992 would print 10.1 too, but the rule is the
		// printed figures'); prop.test(c(100,80),c(215,220),correct=FALSE)
		// p = 0.031668720, from the counts.
		if tr.BaselineCount != 80 || tr.BaselineBase != 220 || tr.CurrentCount != 100 || tr.CurrentBase != 215 || tr.Suppressed {
			t.Errorf("row = %+v", tr)
		}
		checkF(t, "diff", tr.DiffPt, 10.1)
		checkF(t, "p", tr.P, 0.03166871968891905)
	})
	t.Run("地区", func(t *testing.T) {
		// 日吉 いいえ: 70/100 → 50/100, −20 points, p = 0.003892417.
		tr := find(qYes, ByDistrict, "日吉", "2")
		if tr == nil || tr.Suppressed {
			t.Fatalf("日吉 row = %+v", tr)
		}
		checkF(t, "diff", tr.DiffPt, -20)
		checkF(t, "p", tr.P, 0.0038924171227786427)
		// 箕輪 is suppressed in the current survey (primary), 高田 by complement.
		for _, g := range []string{"箕輪", "高田"} {
			if tr := find(qYes, ByDistrict, g, "1"); tr == nil || !tr.Suppressed {
				t.Errorf("%s row = %+v, want suppressed", g, tr)
			}
		}
	})
	t.Run("each side flagged as its crosstab", func(t *testing.T) {
		// One rule: a side is hidden (or 参考値) exactly where its survey's
		// crosstab hides the group; Suppressed (no difference) is either side.
		for _, tr := range r.Trends {
			for _, side := range []struct {
				s        string
				sup, ref bool
			}{{Current, tr.CurrentSuppressed, tr.CurrentReference}, {Baseline, tr.BaselineSuppressed, tr.BaselineReference}} {
				for _, ct := range r.Crosstabs {
					if ct.Survey != side.s || ct.Question != tr.Question || ct.By != tr.By {
						continue
					}
					if g := findGroup(&ct, tr.Group); g != nil && (g.Suppressed != side.sup || g.Reference != side.ref) {
						t.Errorf("%v %s %s: trend flags %v/%v, crosstab %v/%v", side.s, tr.By, tr.Group, side.sup, side.ref, g.Suppressed, g.Reference)
					}
				}
			}
			if tr.Suppressed != (tr.CurrentSuppressed || tr.BaselineSuppressed) {
				t.Errorf("%s: Suppressed %v, sides %v %v", tr.Group, tr.Suppressed, tr.CurrentSuppressed, tr.BaselineSuppressed)
			}
		}
	})
	t.Run("group in one survey only", func(t *testing.T) {
		b := indicatorBatch()
		add(b.Baseline, 3, -1, sa(qYes, 0))
		r := Run(b)
		var tr *TrendRow
		for i := range r.Trends {
			if r.Trends[i].Question == qYes && r.Trends[i].Group == GroupNoDistrict && r.Trends[i].Code == "1" {
				tr = &r.Trends[i]
			}
		}
		// 地区不明 only in the baseline: current base 0 → NaN diff and p.
		if tr == nil || tr.CurrentBase != 0 || tr.BaselineBase != 3 || !math.IsNaN(tr.DiffPt) || !math.IsNaN(tr.P) || !tr.Suppressed {
			t.Errorf("地区不明 row = %+v", tr)
		}
	})
	t.Run("no baseline", func(t *testing.T) {
		b := indicatorBatch()
		b.Baseline = nil
		if tr := Run(b).Trends; len(tr) != 0 {
			t.Errorf("%d trend rows without a baseline", len(tr))
		}
	})
}
