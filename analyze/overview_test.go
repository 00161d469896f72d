package analyze

import (
	"math"
	"testing"

	"midreview/ingest"
)

func TestOverview(t *testing.T) {
	b := testBatch()
	b.Files = []ingest.InputFile{
		{Path: "definitions.xlsx", Kind: ingest.KindDefinitions},
		{Path: "responses/a.xlsx", Kind: ingest.KindResponses, Counts: ingest.RowCounts{Read: 12, Included: 8, Empty: 2, Removed: 1, Duplicate: 1}},
		{Path: "responses/b.csv", Kind: ingest.KindResponses, Counts: ingest.RowCounts{Read: 3, Included: 3}},
		{Path: "baseline/a.xlsx", Kind: ingest.KindBaseline, Counts: ingest.RowCounts{Read: 50, Included: 50}},
	}
	add(&b.Current, 6, 0)
	add(&b.Current, 4, 1)
	add(&b.Current, 1, ingest.NoDistrict)
	b.Baseline = &ingest.Survey{}
	add(b.Baseline, 7, 2)

	t.Run("配布数 from 設定", func(t *testing.T) {
		b.Settings.Distributed = 200
		o := overview(b)
		// Returned = (12−2) + (3−0) = 13; Valid 11; Removed 1; Rate 100·11/200 = 5.5.
		if o.Distributed != 200 || o.Returned != 13 || o.Valid != 11 || o.Removed != 1 || o.BaselineN != 7 {
			t.Errorf("overview = %+v", o)
		}
		checkF(t, "rate", o.Rate, 5.5)
		want := []DistrictOverview{
			{Name: "日吉", Distributed: 100, Valid: 6, Rate: 6},
			{Name: "箕輪", Distributed: 80, Valid: 4, Rate: 5},
			{Name: "高田", Distributed: 0, Valid: 0, Rate: math.NaN()},
			{Name: GroupNoDistrict, Valid: 1, Rate: math.NaN()},
		}
		if len(o.Districts) != len(want) {
			t.Fatalf("districts = %+v", o.Districts)
		}
		for i, w := range want {
			g := o.Districts[i]
			if g.Name != w.Name || g.Distributed != w.Distributed || g.Valid != w.Valid {
				t.Errorf("district %d = %+v, want %+v", i, g, w)
			}
			checkF(t, w.Name+" rate", g.Rate, w.Rate)
		}
	})
	t.Run("配布数 unknown", func(t *testing.T) {
		b.Settings.Distributed = 0
		// 高田 has no 配布数, so the districts cannot be summed.
		o := overview(b)
		if o.Distributed != 0 || !math.IsNaN(o.Rate) {
			t.Errorf("overview = %+v", o)
		}
		b.Districts[2].Distributed = 20
		// Sum of 地区.配布数: 100 + 80 + 20 = 200.
		if o := overview(b); o.Distributed != 200 {
			t.Errorf("distributed = %d, want 200", o.Distributed)
		}
	})
}
