package batchgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// draftDistricts is the filled-in district list of the webform batch: 北 with
// its spelling 北部, 中央 (code 02), 南 with its town 南町１丁目.
const draftDistricts = "北,北部\n中央\n南、南町１丁目\n"

// draftSummary lists a draft's questions as "ID 形式 属性 set=labels|…".
func draftSummary(d *Draft) []string {
	sets := map[string][]string{}
	for _, s := range d.Sets {
		for _, c := range s.Choices {
			l := fmt.Sprintf("%d:%s", c.Code, c.Label)
			if c.Positive {
				l += "○"
			}
			sets[s.Name] = append(sets[s.Name], l)
		}
	}
	var out []string
	for _, q := range d.Questions {
		s := q.ID + " " + q.Type
		if q.Attr != "" {
			s += " " + q.Attr
		}
		s += " " + q.Text
		if q.Set != "" {
			s += " {" + strings.Join(sets[q.Set], " ") + "}"
		}
		out = append(out, s)
	}
	return out
}

// TestDraftFromWebform drafts definitions.xlsx from each response file of
// testdata/batches/webform with the district list, checks which questions,
// forms and choice sets it found, and that the drafted batch checks without
// an error.
func TestDraftFromWebform(t *testing.T) {
	dists, err := ParseDistrictList("districts.txt", []byte(draftDistricts))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "testdata", "batches", "webform")
	date := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	scale5 := "{1:そう思う○ 2:ややそう思う○ 3:どちらともいえない 4:あまりそう思わない 5:そう思わない}"
	sat := "{1:満足○ 2:どちらともいえない 3:不満}"
	labelled := []string{
		"Q1 SA 地区 お住まいの地区",
		"Q2 SA 性別 性別 {1:男性 2:女性}",
		"Q3 SA 年代 年代 {1:39歳以下 2:40〜64歳 3:65歳以上}",
		"Q4 SA 近所付き合いの程度 {1:よくある 2:ときどき 3:ない}",
		"Q5 SA 地域活動に参加していますか {1:参加している 2:参加していない}",
		"Q6 MA 参加したい活動 {1:見守り, 声かけ 2:防災 3:子育て 4:その他}",
		"Q7 SC 近所で助け合えると思うか " + scale5,
		"Q8 NUM この1年間の参加回数",
		"Q9 FA 自由意見",
		"Q10 SC 地域の満足度 [買い物] " + sat,
		"Q11 SC 地域の満足度 [交通] " + sat,
	}
	coded := []string{
		"F1 SA 地区 F1",
		"F2 SA F2 {1:コード1 2:コード2}",
		"F3 SA F3 {1:コード1 2:コード2 3:コード3}",
		"Q1 SA Q1 {1:コード1 2:コード2 3:コード3}",
		"Q2 SA Q2 {1:コード1 2:コード2}",
		"Q3 MA Q3 {1:コード1 2:コード2 3:コード3 4:コード4}",
		"Q4 SA Q4 {1:コード1 2:コード2 3:コード3 4:コード4 5:コード5}",
		"Q5 NUM Q5",
		"Q6 FA Q6",
		"Q7 SA Q7 {1:コード1 2:コード2 3:コード3}",
		"Q8 SA Q8 {1:コード1 2:コード2 3:コード3}",
	}
	// Microsoft Forms asks in another order and joins MA labels with ;.
	msforms := []string{
		"Q1 FA 自由意見",
		"Q2 SC 近所で助け合えると思うか " + scale5,
		"Q3 SA 性別 性別 {1:男性 2:女性}",
		"Q4 SA 地区 お住まいの地区",
		"Q5 SA 年代 年代 {1:39歳以下 2:40〜64歳 3:65歳以上}",
		"Q6 SA 近所付き合いの程度 {1:よくある 2:ときどき 3:ない}",
		"Q7 SA 地域活動に参加していますか {1:参加している 2:参加していない}",
		"Q8 MA 参加したい活動 {1:見守り, 声かけ 2:防災 3:子育て 4:その他}",
		"Q9 NUM この1年間の参加回数",
		"Q10 SC 地域の満足度 [買い物] " + sat,
		"Q11 SC 地域の満足度 [交通] " + sat,
	}
	for _, tc := range []struct {
		file     string
		noAnswer string
		want     []string
	}{
		{"coded/coded.xlsx", "", coded},
		{"paper/paper.csv", "99", coded},
		{"google/google.csv", "", labelled},
		{"msforms/msforms.xlsx", "", msforms},
		{"surveymonkey/surveymonkey.csv", "", labelled},
	} {
		t.Run(filepath.Dir(tc.file), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			d, probs := DraftFrom(filepath.Base(tc.file), data, DraftOptions{Districts: dists, Date: date})
			if d == nil {
				t.Fatalf("no draft: %v", probs)
			}
			got := draftSummary(d)
			if tc.want != nil && strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("draft:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if d.NoAnswer != tc.noAnswer {
				t.Errorf("無回答コード %q, want %q", d.NoAnswer, tc.noAnswer)
			}
			def, err := d.Definitions()
			if err != nil {
				t.Fatal(err)
			}
			b, err := ingest.Read(fstest.MapFS{
				"definitions.xlsx":                    {Data: def},
				"responses/" + filepath.Base(tc.file): {Data: data},
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range b.Problems {
				t.Errorf("check: %v", p)
			}
			if n := len(b.Current.Respondents); n != 20 {
				t.Errorf("%d respondents, want 20", n)
			}
		})
	}
}

// TestDraftMarks checks what a draft marks for staff to confirm: without a
// district list, the 地区 question is found by its header and the 地区 sheet
// is left to fill in (check then reports no district); guesses are in the
// 要確認 column.
func TestDraftMarks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "batches", "webform", "google", "google.csv"))
	if err != nil {
		t.Fatal(err)
	}
	d, probs := DraftFrom("google.csv", data, DraftOptions{Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if d == nil {
		t.Fatal(probs)
	}
	if q := d.Questions[0]; q.Attr != "地区" || !strings.Contains(q.Note, "見出しから") {
		t.Errorf("Q1 = %+v, want 属性 地区 from its header", q)
	}
	def, err := d.Definitions()
	if err != nil {
		t.Fatal(err)
	}
	dump, err := xlsxbuild.Dump(def)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"設問!J1\t要確認", "選択肢!G1\t要確認", "地区!F2\t地区を入力",
		"設問!J8\t評価尺度（そう思う…）; ラベルの回答", "設定!D5\t作成日", "選択肢!G12\t選択肢の順序; その他の記述: 清掃活動の手伝い"} {
		if !strings.Contains(dump, s) {
			t.Errorf("definitions.xlsx lacks %q", s)
		}
	}
	b, err := ingest.Read(fstest.MapFS{"definitions.xlsx": {Data: def}, "responses/google.csv": {Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	if !ingest.HasErrors(b.Problems) {
		t.Error("a draft without districts checks clean")
	}
}

// FuzzDraftFrom drafts from arbitrary CSV text: no panic, and every draft
// writes a workbook the reader opens.
func FuzzDraftFrom(f *testing.F) {
	f.Add("タイムスタンプ,性別,活動\n1,男性,\"a, b, c\"\n2,女性,a;b;\n")
	f.Add("回答者ID,Q1,Q1_1,Q1_2\nS1,99,1,\nS2,1,,1\n")
	f.Add("Respondent ID,表,\n,Response,行\n1,x,y\n")
	f.Fuzz(func(t *testing.T, text string) {
		d, _ := DraftFrom("f.csv", []byte(text), DraftOptions{Districts: []DraftDistrict{{Name: "北", Aliases: []string{"北部"}}}})
		if d == nil {
			return
		}
		def, err := d.Definitions()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.ReadDefinitions(fstest.MapFS{"definitions.xlsx": {Data: def}}); err != nil {
			t.Fatal(err)
		}
	})
}
