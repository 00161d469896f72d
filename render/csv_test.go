package render

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"midreview/analyze"
	"midreview/ingest"
)

var tNaN = math.NaN()

// csvTestResults is a small hand-built result: one SA question Q1 (はい/いいえ),
// 全体 and two districts, one with a formula-like name.
func csvTestResults() *analyze.Results {
	b := &ingest.Batch{
		Settings: ingest.Settings{PlanName: "計画", Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
			SuppressBelow: 10, ReferenceBelow: 30, Alpha: 0.05},
		Themes:     []ingest.Theme{{Code: "T1", Name: "つながり"}},
		Questions:  []ingest.Question{{ID: "Q1", Text: "近所付き合い", Type: ingest.SA, ChoiceSet: 0, Theme: 0}},
		ChoiceSets: []ingest.ChoiceSet{{Name: "yn", Choices: []ingest.Choice{{Code: 1, Label: "はい"}, {Code: 2, Label: "いいえ"}}}},
		Indicators: []ingest.Indicator{{ID: "I1", Name: "付き合いがある人", Theme: 0, Question: 0, Target: 60, HasTarget: true, Direction: ingest.Up}},
		HearingItems: []ingest.HearingItem{
			{ID: "H1", Name: "団体名", Kind: ingest.HOrg, Theme: -1, Scale: -1},
			{ID: "H2", Name: "連携", Kind: ingest.HRating, Theme: 0, Scale: 0},
		},
		Corrections: []ingest.AppliedCorrection{{Row: 2, Target: "回答", ID: "101", Item: "Q1", Before: "3", After: "1", Reason: "誤記", Person: "山田", File: "responses/a.xlsx", Cell: "C5"}},
	}
	choices := []analyze.ChoiceHead{{Code: "1", Label: "はい"}, {Code: "2", Label: "いいえ"}, {Code: analyze.CodeNA, Label: analyze.LabelNA}}
	return &analyze.Results{
		Batch: b,
		Crosstabs: []analyze.Crosstab{{
			Survey: analyze.Current, Question: 0, By: analyze.ByAll, Choices: choices,
			Groups: []analyze.Group{{Name: "全体", Base: 8, Cells: []analyze.Cell{
				{Count: 1, Pct: 12.5, WeightedPct: tNaN, AdjResidual: tNaN},
				{Count: 6, Pct: 75, WeightedPct: tNaN, AdjResidual: tNaN},
				{Count: 1, Pct: 12.5, WeightedPct: tNaN, AdjResidual: tNaN},
			}}},
		}, {
			Survey: analyze.Current, Question: 0, By: analyze.ByDistrict, Choices: choices,
			Chi: &analyze.ChiSquare{Stat: 3.2000000000000006, DF: 1, P: 0.0736, LowExpected: true},
			Groups: []analyze.Group{
				{Name: "日吉", Base: 3, Suppressed: true, Reference: true, Cells: []analyze.Cell{
					{Count: 1, Pct: 100.0 / 3, WeightedPct: tNaN, AdjResidual: 2.5, Mark: "▲"},
					{Count: 2, Pct: 200.0 / 3, WeightedPct: tNaN, AdjResidual: -2.5, Mark: "▼"},
					{Count: 0, Pct: 0, WeightedPct: tNaN, AdjResidual: tNaN},
				}},
				{Name: "=綱島", Base: 0, Cells: []analyze.Cell{
					{Pct: tNaN, WeightedPct: tNaN, AdjResidual: tNaN},
					{Pct: tNaN, WeightedPct: tNaN, AdjResidual: tNaN},
					{Pct: tNaN, WeightedPct: tNaN, AdjResidual: tNaN},
				}},
			},
		}},
		Summaries: []analyze.Summary{{Survey: analyze.Current, Question: 0, By: analyze.ByAll, Group: "全体",
			N: 4, Mean: 1.5, SD: 0.5773502691896257, Median: 1.5, Q1: 1, Q3: 2, Min: 1, Max: 2, TopBoxPct: tNaN}},
		Trends: []analyze.TrendRow{{Question: 0, By: analyze.ByAll, Group: "全体", Code: "1", Label: "はい",
			BaselineCount: 2, BaselineBase: 4, BaselinePct: 50, CurrentCount: 1, CurrentBase: 8, CurrentPct: 12.5,
			DiffPt: -37.5, P: tNaN}},
		Indicators: []analyze.IndicatorResult{
			{Indicator: 0, Group: "全体", Baseline: 50, BaselineN: 4, Current: 12.5, CurrentN: 8,
				CILow: 2.2, CIHigh: 47.1, P: 0.25, Evaluation: analyze.EvalD},
			{Indicator: 0, Group: "日吉", Baseline: tNaN, Current: tNaN, CurrentN: 3, CILow: 1, CIHigh: 2, P: 0.5,
				Evaluation: analyze.EvalNone, Suppressed: true},
		},
		Overview: analyze.Overview{Distributed: 30, Valid: 8, Rate: 100.0 * 8 / 30, Districts: []analyze.DistrictOverview{
			{Name: "日吉", Distributed: 9, Valid: 3, Rate: 100.0 / 3},
			{Name: "=綱島", Valid: 0, Rate: tNaN},
			{Name: analyze.GroupNoDistrict, Valid: 5, Rate: tNaN},
		}},
		Hearings: analyze.HearingResults{Orgs: 3, ByGroup: []analyze.OrgCount{
			{By: analyze.ByAll, Group: analyze.GroupAll, Count: 3},
			{By: analyze.ByDistrict, Group: "日吉", Count: 2},
			{By: analyze.ByDistrict, Group: "=綱島", Count: 0},
			{By: analyze.ByOrgType, Group: "自治会", Count: 3},
		}, Ratings: []analyze.HearingCount{
			{Item: 1, Theme: "つながり", By: analyze.ByAll, Group: "全体", Code: 1, Label: "はい", Count: 2, Base: 3, Pct: 200.0 / 3},
			{Item: 1, Theme: "つながり", By: analyze.ByAll, Group: "全体", NA: true, Label: analyze.LabelNA, Count: 1, Base: 3, Pct: 100.0 / 3},
		}},
		FreeText: []analyze.FreeText{
			{Source: analyze.SourceSurvey, RecordID: "-5", District: "日吉", ItemID: "Q11", Themes: []string{"つながり", "参加"}, Masked: "=HYPERLINK(\"http://x\")"},
			{Source: analyze.SourceSurvey, RecordID: "7", District: "地区不明", ItemID: "Q11", Masked: "改行\nあり, \"引用\""},
		},
		TextMatrix: []analyze.TextCell{
			{Theme: "つながり", District: "日吉", Texts: []int{0}},
			{Theme: "つながり", District: analyze.GroupNoDistrict},
			{Theme: analyze.GroupNoTheme, District: "日吉"},
			{Theme: analyze.GroupNoTheme, District: analyze.GroupNoDistrict, Texts: []int{1}},
		},
		TextCounts: []analyze.SourceCount{{Source: analyze.SourceSurvey, Count: 2}, {Source: analyze.SourceHearing}},
		Keywords:   []analyze.Keyword{{Source: analyze.SourceSurvey, By: analyze.ByAll, Group: "全体", Word: "@居場所", Count: 3, Docs: 2}},
	}
}

func TestCSVWriters(t *testing.T) {
	res := csvTestResults()
	tests := []struct {
		name  string
		write func(io.Writer, *analyze.Results) error
		want  []string // lines after the BOM, without CRLF
	}{
		{"crosstab", CrosstabCSV, []string{
			"survey,question_id,by,group,code,label,count,base,pct,weighted_pct,suppressed,reference,adj_residual,mark",
			// 1/8 = 12.5%, 6/8 = 75%; NaN residuals are empty; weighting off → weighted_pct empty.
			"current,Q1,全体,全体,1,はい,1,8,12.5,,false,false,,",
			"current,Q1,全体,全体,2,いいえ,6,8,75,,false,false,,",
			"current,Q1,全体,全体,NA,無回答,1,8,12.5,,false,false,,",
			// 100/3 in float64 is 33.333333333333336 (shortest round-trip form); CSVs keep
			// full precision even for suppressed groups.
			"current,Q1,地区,日吉,1,はい,1,3,33.333333333333336,,true,true,2.5,▲",
			"current,Q1,地区,日吉,2,いいえ,2,3,66.66666666666667,,true,true,-2.5,▼",
			"current,Q1,地区,日吉,NA,無回答,0,3,0,,true,true,,",
			// base 0: pct NaN → empty; the formula-like group name gets an apostrophe.
			"current,Q1,地区,'=綱島,1,はい,0,0,,,false,false,,",
			"current,Q1,地区,'=綱島,2,いいえ,0,0,,,false,false,,",
			"current,Q1,地区,'=綱島,NA,無回答,0,0,,,false,false,,",
		}},
		{"summary", SummaryCSV, []string{
			"survey,question_id,by,group,n,mean,sd,median,q1,q3,min,max,top_box_pct",
			"current,Q1,全体,全体,4,1.5,0.5773502691896257,1.5,1,2,1,2,",
		}},
		{"trend", TrendCSV, []string{
			"question_id,by,group,code,label,baseline_count,baseline_base,baseline_pct,current_count,current_base,current_pct,diff_pt,p_value",
			// diff 12.5 − 50 = −37.5 points: a number, not escaped.
			"Q1,全体,全体,1,はい,2,4,50,1,8,12.5,-37.5,",
		}},
		{"indicators", IndicatorsCSV, []string{
			"indicator_id,name,theme,question_id,group,baseline,baseline_n,current,current_n,ci_low,ci_high,target,direction,p_value,evaluation",
			"I1,付き合いがある人,つながり,Q1,全体,50,4,12.5,8,2.2,47.1,60,増,0.25,D",
			// suppressed district: figures empty (even though the result holds some), n kept.
			"I1,付き合いがある人,つながり,Q1,日吉,,,,3,,,60,増,,－",
		}},
		{"hearings", HearingsCSV, []string{
			"item_id,theme,by,group,code,label,count",
			"H2,つながり,全体,全体,1,はい,2",
			"H2,つながり,全体,全体,NA,無回答,1", // code NA, as crosstab.csv's 無回答
		}},
		{"freetext", FreeTextCSV, []string{
			"source,record_id,district,item_id,themes,text_masked",
			`survey,'-5,日吉,Q11,つながり;参加,"'=HYPERLINK(""http://x"")"`,
			"survey,7,地区不明,Q11,,\"改行\r\nあり, \"\"引用\"\"\"",
		}},
		{"keywords", KeywordsCSV, []string{
			"source,by,group,word,count,docs",
			"survey,全体,全体,'@居場所,3,2",
		}},
		{"chisq", ChiSquareCSV, []string{
			"survey,question_id,by,chi2,df,p_value,low_expected",
			// only the 地区 crosstab has a test; full precision as in crosstab.csv.
			"current,Q1,地区,3.2000000000000006,1,0.0736,true",
		}},
		{"hearing_ratings", HearingRatingsCSV, []string{
			"item_id,theme,by,group,code,label,count,base,pct",
			// base: the 3 organizations heard, 無回答 included.
			"H2,つながり,全体,全体,1,はい,2,3,66.66666666666667",
			"H2,つながり,全体,全体,NA,無回答,1,3,33.333333333333336",
		}},
		{"comment_matrix", CommentMatrixCSV, []string{
			"theme,district,count",
			"つながり,日吉,1",
			"つながり,地区不明,0",
			"その他,日吉,0",
			"その他,地区不明,1",
		}},
		{"freetext_counts", FreeTextCountsCSV, []string{
			"source,count",
			"survey,2",
			"hearing,0",
		}},
		{"overview", OverviewCSV, []string{
			"by,group,distributed,valid,rate",
			// 8/30 and 3/9 at full precision; no 配布数 → distributed and rate empty.
			"全体,全体,30,8,26.666666666666668",
			"地区,日吉,9,3,33.333333333333336",
			"地区,'=綱島,,0,",
			"地区,地区不明,,5,",
		}},
		{"hearing_orgs", HearingOrgsCSV, []string{
			"by,group,count",
			"全体,全体,3",
			"地区,日吉,2",
			"地区,'=綱島,0",
			"団体種別,自治会,3",
		}},
		{"corrections", CSVFiles()[7].Write, []string{
			"row,target,id,item,before,after,reason,person,file,cell",
			"2,回答,101,Q1,3,1,誤記,山田,responses/a.xlsx,C5",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, res); err != nil {
				t.Fatal(err)
			}
			want := "\uFEFF" + strings.Join(tt.want, "\r\n") + "\r\n"
			if got := buf.String(); got != want {
				t.Errorf("got\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestCSVFilesPaths(t *testing.T) {
	want := []string{"data/crosstab.csv", "data/summary.csv", "data/trend.csv", "data/indicators.csv",
		"data/hearings.csv", "data/freetext.csv", "data/keywords.csv", "data/corrections.csv", "data/district_tops.csv",
		"data/chisq.csv", "data/overview.csv", "data/hearing_orgs.csv",
		"data/hearing_ratings.csv", "data/comment_matrix.csv", "data/freetext_counts.csv",
		"data/findings.csv", "data/district_rest.csv", "data/district_profile.csv", "data/district_chisq.csv"}
	files := CSVFiles()
	if len(files) != len(want) {
		t.Fatalf("got %d files, want %d", len(files), len(want))
	}
	for i, f := range files {
		if f.Path != want[i] {
			t.Errorf("file %d: got %s, want %s", i, f.Path, want[i])
		}
	}
}

func TestProblemsCSV(t *testing.T) {
	ps := []ingest.Problem{
		{Severity: ingest.Error, Code: ingest.CodeUnknownCode, File: "responses/a.xlsx", Sheet: "回答", Row: 42, Col: 4, RecordID: "101", Item: "Q4", Value: "7"},
		{Severity: ingest.Warning, Code: ingest.CodeEmptyRow, File: "responses/b.csv", Row: 12},
		{Severity: ingest.Error, Code: ingest.CodeNotNumber, File: "responses/b.csv", Row: 3, Col: 5, Item: "Q10", Value: "=1+1", Hint: ingest.HintCause, Args: []string{"補足"}},
	}
	var buf bytes.Buffer
	if err := ProblemsCSV(&buf, ps); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Fatal("no BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"severity", "code", "file", "sheet", "cell", "row", "record_id", "item", "value", "message"},
		{"エラー", "unknown-code", "responses/a.xlsx", "回答", "D42", "", "101", "Q4", "7", ingest.Message(ingest.CodeUnknownCode)},
		{"警告", "empty-row", "responses/b.csv", "", "", "12", "", "", "", ingest.Message(ingest.CodeEmptyRow)},
		{"エラー", "not-a-number", "responses/b.csv", "", "E3", "", "", "Q10", "'=1+1", ps[2].Msg()},
	}
	if len(recs) != len(want) {
		t.Fatalf("got %d records, want %d", len(recs), len(want))
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d:\ngot  %q\nwant %q", i, recs[i], want[i])
		}
	}
}

func TestCSVText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"普通の文", "普通の文"},
		{"=SUM(A1)", "'=SUM(A1)"},
		{"+81", "'+81"},
		{"-2", "'-2"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'quoted", "''quoted"}, // escaped too, so that unescaping is unambiguous
		{"a=b", "a=b"},
		{"＝全角", "＝全角"}, // full-width signs are not formulas in Excel
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := csvText(tt.in)
			if got != tt.want {
				t.Errorf("csvText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			// Reversible: drop one leading ' when followed by a trigger character.
			back := got
			if len(back) > 1 && back[0] == '\'' && strings.ContainsRune("=+-@\t\r'", rune(back[1])) {
				back = back[1:]
			}
			if back != tt.in {
				t.Errorf("unescape(%q) = %q, want %q", got, back, tt.in)
			}
		})
	}
}

func TestCSVFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{tNaN, ""},
		{math.Inf(1), ""},
		{math.Inf(-1), ""},
		{0, "0"},
		{12.5, "12.5"},
		{-37.5, "-37.5"},
		{100.0 / 3, "33.333333333333336"},
		{1e-7, "0.0000001"},
	}
	for _, tt := range tests {
		if got := csvFloat(tt.in); got != tt.want {
			t.Errorf("csvFloat(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
