package render

import (
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"midreview/render/view"
)

// TestOpendataRulesMatchFiles: every open-data README names only columns its
// CSV has (hearing_ratings_README.txt described 「秘匿」「参考値」 columns the
// file lacks), and hearing_ratings.csv gives no percentage for fewer than
// view.MinPctBase organizations (the handouts print 「2団体中1団体」).
func TestOpendataRulesMatchFiles(t *testing.T) {
	v := demoView(t)
	files := map[string]string{}
	for _, o := range OpendataFiles(v) {
		var b strings.Builder
		if err := o.Write(&b); err != nil {
			t.Fatal(err)
		}
		files[o.Path] = strings.TrimPrefix(b.String(), "\ufeff")
	}
	colRef := regexp.MustCompile(`「([^「」]+)」列`)
	for path, text := range files {
		if !strings.HasSuffix(path, "_README.txt") {
			continue
		}
		name := strings.TrimSuffix(path, "_README.txt")
		body, ok := files[name+".csv"]
		if !ok {
			t.Errorf("%s without %s.csv", path, name)
			continue
		}
		heads, err := csv.NewReader(strings.NewReader(body)).Read()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range colRef.FindAllStringSubmatch(text, -1) {
			found := false
			for _, h := range heads {
				found = found || h == m[1]
			}
			if !found {
				t.Errorf("%s names the column 「%s」, which %s.csv lacks (%q)", path, m[1], name, heads)
			}
		}
	}
	rows, err := csv.NewReader(strings.NewReader(files["hearing_ratings.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Every item's rows of a 区分 sum to its base, the organizations heard:
	// those that gave no rating are the 無回答 row (H05 全体 summed to 38 of 40).
	sums, bases := map[string]int{}, map[string]int{}
	for _, r := range rows[1:] {
		k := r[0] + "/" + r[3]
		n, _ := strconv.Atoi(r[6])
		sums[k] += n
		bases[k], _ = strconv.Atoi(r[5])
	}
	for k, n := range sums {
		if n != bases[k] {
			t.Errorf("hearing_ratings %s: the rows sum to %d organizations, the base is %d", k, n, bases[k])
		}
	}
	if bases["H05/全体"] != 40 || !strings.Contains(files["hearing_ratings.csv"], "H05,住民同士のつながりづくり,つながり,全体,無回答,40,2,5.0") {
		t.Errorf("H05 全体: want base 40 with 無回答 2 (5.0%%)")
	}
	few, many := 0, 0
	for _, r := range rows[1:] {
		// ヒアリング団体数（団体）, 団体数（団体）, 割合（%）
		base, _ := strconv.Atoi(r[5])
		switch {
		case base < view.MinPctBase && r[7] != "":
			t.Errorf("hearing_ratings %q: %s%% of %d organizations", r, r[7], base)
		case base < view.MinPctBase:
			few++
		case r[7] == "" && r[6] != "":
			t.Errorf("hearing_ratings %q: no percentage for %d organizations", r, base)
		default:
			many++
		}
	}
	if few == 0 || many == 0 {
		t.Errorf("demo: %d rows under %d organizations, %d at or above: the test needs both", few, view.MinPctBase, many)
	}
}
