package batchgen

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
)

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestSampleDeterministic generates each sample twice and compares every
// file byte for byte; a different seed must change the data.
func TestSampleDeterministic(t *testing.T) {
	for _, opt := range []Options{
		{Respondents: 300, Hearings: 9, Seed: 7},
		{Respondents: 25, Hearings: -1, Seed: 1},
	} {
		t.Run(strconv.Itoa(opt.Respondents), func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			if err := Sample(a, opt); err != nil {
				t.Fatal(err)
			}
			if err := Sample(b, opt); err != nil {
				t.Fatal(err)
			}
			fa, fb := readTree(t, a), readTree(t, b)
			if len(fa) != len(fb) || len(fa) < 5 {
				t.Fatalf("file sets differ or too few: %d vs %d", len(fa), len(fb))
			}
			for name, data := range fa {
				if !bytes.Equal(data, fb[name]) {
					t.Errorf("%s differs between two generations with the same seed", name)
				}
			}
			opt.Seed++
			c := t.TempDir()
			if err := Sample(c, opt); err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(fa["responses/2026_main.xlsx"], readTree(t, c)["responses/2026_main.xlsx"]) {
				t.Errorf("seed %d and %d gave the same responses", opt.Seed-1, opt.Seed)
			}
		})
	}
}

// sheetRowsOf returns the raw rows of sheet in the xlsx at path.
func sheetRowsOf(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// sheetsOf returns the sheet names of the xlsx at path.
func sheetsOf(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.GetSheetList()
}

// cell returns rows[r][c] or "".
func cell(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return ""
}

// TestSampleSheets writes the default sample and reads it back with
// excelize: sheets, headers, sizes, and that every answer is valid under the
// codebook (the sample must read without errors).
func TestSampleSheets(t *testing.T) {
	dir := t.TempDir()
	start := time.Now()
	if err := Sample(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("default sample written in %v", time.Since(start))
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }

	t.Run("definitions", func(t *testing.T) {
		defSheets := sheetNames(ingest.DefinitionsSchema.Sheets)
		if got := sheetsOf(t, p("definitions.xlsx")); !slices.Equal(got, defSheets) {
			t.Fatalf("sheets %v, want %v", got, defSheets)
		}
		for _, s := range []struct {
			sheet *ingest.Sheet
			rows  int
		}{
			{ingest.SettingsSheet, 17}, {ingest.DistrictsSheet, 13}, {ingest.TownsSheet, len(sampleTowns)},
			{ingest.ThemesSheet, 6}, {ingest.QuestionsSheet, 14}, {ingest.ChoicesSheet, len(sampleChoices)},
			{ingest.IndicatorsSheet, 7}, {ingest.HearingItemsSheet, 11},
		} {
			// The sample fills no Extra column but 設問 単位 (after 見出し), so the
			// lean header is a prefix of what it writes.
			name, hdr := s.sheet.Name, s.sheet.Headers()[:leanColumns(s.sheet, nil)]
			rows := sheetRowsOf(t, p("definitions.xlsx"), name)
			if len(rows) == 0 || !slices.Equal(rows[0][:len(hdr)], hdr) {
				t.Errorf("%s header %v, want %v", name, rows[0], hdr)
			}
			if len(rows)-1 != s.rows {
				t.Errorf("%s has %d rows, want %d", name, len(rows)-1, s.rows)
			}
		}
		set := map[string]string{}
		for _, r := range sheetRowsOf(t, p("definitions.xlsx"), "設定")[1:] {
			set[r[0]] = cell([][]string{r}, 0, 1)
		}
		want := map[string]string{"区名": "港北区", "基準日": "2026-11-01", "サンプルデータ": "はい",
			"配布数": "4762", "秘匿基準": "10", "調査名": "中間振り返り 区民アンケート"}
		for k, v := range want {
			if set[k] != v {
				t.Errorf("設定 %s = %q, want %q", k, set[k], v)
			}
		}
		// 配布数 by district sums to the ward total (round(2000/0.42) = 4762).
		sum := 0
		for _, r := range sheetRowsOf(t, p("definitions.xlsx"), "地区")[1:] {
			n, _ := strconv.Atoi(r[4])
			sum += n
		}
		if sum != 4762 {
			t.Errorf("地区 配布数 sums to %d, want 4762", sum)
		}
	})

	t.Run("responses", func(t *testing.T) {
		rows := sheetRowsOf(t, p("responses/2026_main.xlsx"), "回答")
		hdr := responseColumns(true, false)
		if !slices.Equal(rows[1], hdr) {
			t.Fatalf("header row 2 = %v, want %v", rows[1], hdr)
		}
		if !strings.Contains(rows[0][0], "サンプル") {
			t.Errorf("title row = %q", rows[0][0])
		}
		if !slices.Contains(hdr, "Q4_8") || slices.Contains(hdr, "Q4") {
			t.Errorf("Q4 is not split into Q4_1..Q4_8: %v", hdr)
		}
		if got := len(rows) - 2; got != 1800 {
			t.Errorf("%d xlsx respondents, want 1800", got)
		}
		checkAnswers(t, hdr, rows[2:], false)

		data, err := os.ReadFile(p("responses/2026_late.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("\ufeff")) {
			t.Error("CSV has no BOM")
		}
		recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 201 || recs[0][0] != "回答者ID" || recs[1][0] != "R001801" {
			t.Errorf("CSV: %d records, first %v", len(recs), recs[1][:2])
		}
		checkAnswers(t, recs[0], recs[1:], false)

		base := sheetRowsOf(t, p("baseline/2021_survey.xlsx"), "回答")
		if !slices.Equal(base[0], responseColumns(true, true)) || slices.Contains(base[0], "Q6") {
			t.Errorf("baseline header = %v", base[0])
		}
		if len(base)-1 != 1200 {
			t.Errorf("%d baseline respondents, want 1200", len(base)-1)
		}
		checkAnswers(t, base[0], base[1:], true)
	})

	t.Run("hearings", func(t *testing.T) {
		sheets := sheetsOf(t, p("hearings/2026_forms.xlsx"))
		if len(sheets) != 31 || sheets[0] != "記入例" || sheets[1] != "団体01" {
			t.Fatalf("form sheets = %v (want 記入例 + 30)", sheets)
		}
		f, err := excelize.OpenFile(p("hearings/2026_forms.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		orgs := map[string]bool{}
		for _, s := range sheets[1:] {
			for _, it := range hearingForm {
				v, _ := f.GetCellValue(s, it.Cell, excelize.Options{RawCellValue: true})
				switch it.Kind {
				case "団体名":
					if v == "" || orgs[v] {
						t.Errorf("%s!%s: 団体名 %q empty or repeated", s, it.Cell, v)
					}
					orgs[v] = true
				case "評価":
					if n, err := strconv.Atoi(v); v != "" && (err != nil || n < 1 || n > 4) {
						t.Errorf("%s!%s: rating %q", s, it.Cell, v)
					}
				case "記述", "地区":
					if v == "" {
						t.Errorf("%s!%s: %s empty", s, it.Cell, it.Name)
					}
				}
			}
		}
		merged, err := f.GetMergeCells("団体01")
		if err != nil || len(merged) < 5 {
			t.Errorf("団体01 has %d merged ranges (%v)", len(merged), err)
		}
		list := sheetRowsOf(t, p("hearings/2026_list.xlsx"), "一覧")
		if len(list) != 11 || list[0][0] != "団体名" || list[0][3] != "会員数（人）" {
			t.Errorf("一覧: %d rows, header %v", len(list), list[0])
		}
		for _, r := range list[1:] {
			if orgs[r[0]] {
				t.Errorf("一覧 repeats organization %q", r[0])
			}
			orgs[r[0]] = true
		}
	})
}

// checkAnswers fails on any value that the codebook would reject: district
// values must be names, aliases or towns; codes must be in their choice set;
// Q3 only from respondents with Q2 = 1..3; Q10 a whole number.
func checkAnswers(t *testing.T, hdr []string, rows [][]string, baseline bool) {
	t.Helper()
	districts := map[string]bool{}
	for _, d := range sampleDistricts {
		districts[d.Name] = true
		for _, a := range strings.Split(d.Alias, ",") {
			districts[a] = true
		}
	}
	for _, tw := range sampleTowns {
		districts[tw.Name] = true
	}
	setOf := map[string]string{}
	for _, q := range sampleQuestions {
		setOf[q.ID] = q.Set
	}
	valid := func(set, v string) bool {
		for _, c := range sampleChoices {
			if c.Set == set && (strconv.Itoa(c.Code) == v || c.Label == v) {
				return true
			}
		}
		return false
	}
	col := map[string]int{}
	for i, h := range hdr {
		col[h] = i
	}
	ids := map[string]bool{}
	bad := 0
	fail := func(r int, format string, args ...any) {
		if bad++; bad <= 10 {
			t.Errorf("row %d: "+format, append([]any{r}, args...)...)
		}
	}
	for r, row := range rows {
		get := func(h string) string { return cell([][]string{row}, 0, col[h]) }
		if id := get("回答者ID"); id == "" || ids[id] {
			fail(r, "ID %q empty or repeated", id)
		} else {
			ids[id] = true
		}
		if v := get("F1"); v != "" && !districts[v] {
			fail(r, "unknown district %q", v)
		}
		for _, h := range hdr[2:] {
			v := get(h)
			id, _, split := strings.Cut(h, "_")
			switch {
			case v == "" || id == "Q11":
			case split:
				if v != "1" {
					fail(r, "%s = %q", h, v)
				}
			case id == "Q10":
				if _, err := strconv.Atoi(v); err != nil {
					fail(r, "Q10 = %q", v)
				}
			default:
				for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '、' }) {
					if !valid(setOf[id], part) {
						fail(r, "%s = %q not in %s", h, v, setOf[id])
					}
				}
			}
		}
		if q2 := get("Q2"); get("Q3") != "" && (q2 == "" || q2 == "4") {
			fail(r, "Q3 answered with Q2 = %q (outside 対象条件)", q2)
		}
	}
	if baseline != !slices.Contains(hdr, "Q9") {
		t.Errorf("baseline %v but header %v", baseline, hdr)
	}
}

// TestSampleFS checks that SampleFS holds the very files that Sample writes.
func TestSampleFS(t *testing.T) {
	opt := Options{Respondents: 120, Hearings: 5, Seed: 3}
	dir := t.TempDir()
	if err := Sample(dir, opt); err != nil {
		t.Fatal(err)
	}
	fsys, err := SampleFS(opt)
	if err != nil {
		t.Fatal(err)
	}
	onDisk := readTree(t, dir)
	n := 0
	for name, f := range fsys {
		if f.Mode.IsDir() {
			continue
		}
		n++
		if !bytes.Equal(f.Data, onDisk[name]) {
			t.Errorf("%s: SampleFS and Sample differ", name)
		}
	}
	if n != len(onDisk) {
		t.Errorf("SampleFS has %d files, Sample wrote %d", n, len(onDisk))
	}
}

// TestSampleReads reads a small sample with ingest: the definitions written
// from the schema table are found (every sheet, column and setting), and no
// problem is an error.
func TestSampleReads(t *testing.T) {
	fsys, err := SampleFS(Options{Respondents: 200, Hearings: 8, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Problems {
		if p.Severity == ingest.Error {
			t.Errorf("error problem: %v", p)
		}
	}
	if len(b.Districts) != len(sampleDistricts) || len(b.Questions) != len(sampleQuestions) ||
		len(b.Indicators) != len(sampleIndicators) || len(b.Current.Respondents) != 200 || len(b.Hearings) != 8 {
		t.Errorf("read %d districts, %d questions, %d indicators, %d respondents, %d hearings",
			len(b.Districts), len(b.Questions), len(b.Indicators), len(b.Current.Respondents), len(b.Hearings))
	}
}

// TestPlaceText fills the place marks of the sample's texts for a district
// and drops them for a ward-wide initiative.
func TestPlaceText(t *testing.T) {
	for _, c := range []struct {
		text string
		d    int
		want string
	}{
		{"{町の}夜道が暗い。", 0, "日吉本町一丁目の夜道が暗い。"},
		{"{町の}夜道が暗い。", 2, "高田町の夜道が暗い。"},
		{"{駅からの}夜道が暗い。", 1, "綱島駅からの夜道が暗い。"},
		{"{駅への}バスが減った。", 3, "新吉田町のバス停へのバスが減った。"},
		{"{集会所}の段差が大きい。", 4, "新吉田東集会所の段差が大きい。"},
		{"{地区の}商店街の空き店舗。", 7, "篠原の商店街の空き店舗。"},
		{"{町の}{駅からの}夜道。{集会所}の段差。", -1, "夜道。集会所の段差。"},
		{"会場の確保が難しい。", 0, "会場の確保が難しい。"},
	} {
		if got := placeText(c.text, c.d); got != c.want {
			t.Errorf("placeText(%q, %d) = %q, want %q", c.text, c.d, got, c.want)
		}
	}
}

// TestSampleNoRepeatedSentence: no synthetic free-text answer or hearing
// comment says the same sentence twice (the demo's 綱島地域ケアプラザ once
// read 「子ども食堂と連携して、…できた。」 twice in one bullet).
func TestSampleNoRepeatedSentence(t *testing.T) {
	check := func(what, s string) {
		t.Helper()
		seen := map[string]bool{}
		for _, x := range strings.SplitAfter(s, "。") {
			if x == "" {
				continue
			}
			if seen[x] {
				t.Errorf("%s repeats %q: %s", what, x, s)
				return
			}
			seen[x] = true
		}
	}
	for _, seed := range []int64{1, 2, 3} {
		g := newSampleGen(Options{Respondents: 2000, Hearings: 40, Seed: seed})
		r := g.rng(99)
		for i := range 3000 {
			check("comment", sampleComment(r, i%len(sampleDistricts), r.NormFloat64()))
		}
		for _, h := range g.hearings() {
			check(h.Name+" result", h.Result)
			check(h.Name+" issue", h.Issue)
		}
	}
}
