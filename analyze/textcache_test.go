package analyze

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// cacheBatches returns the batches whose texts TestAnalyzeAllDistinct
// analyzes: the scale-shaped sample (60 questions, 7 free text, hearings,
// ハード分類) and the hard test batch.
func cacheBatches(t *testing.T) map[string]*ingest.Batch {
	t.Helper()
	out := map[string]*ingest.Batch{}
	fsys, err := batchgen.SampleFS(batchgen.Options{Respondents: 1500, Questions: 60, FreeText: 7, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if out["sample"], err = ingest.Read(fsys); err != nil {
		t.Fatal(err)
	}
	if out["hard"], err = ingest.Read(os.DirFS("../testdata/batches/hard")); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAnalyzeAllDistinct checks that analyzing each distinct text once and
// sharing the result (analyzeAll) gives every doc what analyzing it alone
// gives, on the batches' texts plus variants equal after NFKC, texts of
// digits only, and hearing achievement docs (noHard) sharing a tagged text.
func TestAnalyzeAllDistinct(t *testing.T) {
	for name, b := range cacheBatches(t) {
		t.Run(name, func(t *testing.T) {
			ta := newTextAnalyzer(b, IPATokenizer())
			docs := collectTexts(b)
			if len(docs) < 10 {
				t.Fatalf("%d docs", len(docs))
			}
			n := len(docs)
			for i := range min(n, 200) {
				d := docs[i]
				// full-width letters and digits, half-width katakana: equal after NFKC
				d.text = strings.NewReplacer("0", "０", "9", "９", "ア", "ｱ", "a", "ａ").Replace(d.text) + "１２"
				docs = append(docs, d)
				d = docs[i]
				h := *d.docHead
				h.noHard = !h.noHard
				h.fixed = (h.fixed + 2) % (len(b.Themes) + 1)
				d.docHead = &h
				docs = append(docs, d)
			}
			for _, s := range []string{"12", "１２", "0451234567", "０４５１２３４５６７", "2024", "なし", "特になし", "特になし"} {
				docs = append(docs, textDoc{docHead: &docHead{source: SourceSurvey, item: docs[0].item, districts: []int{0}, fixed: -1}, text: s})
			}
			cached := append([]textDoc(nil), docs...)
			ta.analyzeAll(cached)
			tagged := 0
			for i := range docs {
				want := docs[i]
				ta.analyze(&want)
				if !reflect.DeepEqual(cached[i], want) {
					t.Fatalf("doc %d %q:\ncached %+v\nalone  %+v", i, docs[i].text, cached[i], want)
				}
				if !slices.Equal(cached[i].hardCats(), want.hardCats()) || cached[i].hardPlace() != want.hardPlace() {
					t.Fatalf("doc %d %q: ハード分類 %v %q, alone %v %q", i, docs[i].text,
						cached[i].hardCats(), cached[i].hardPlace(), want.hardCats(), want.hardPlace())
				}
				if len(want.hardCats()) > 0 {
					tagged++
				}
			}
			if tagged == 0 && name == "hard" {
				t.Error("no tagged text: the test does not cover ハード分類")
			}
		})
	}
}

// TestLatticeFreeIdentical checks the texts analyzeNorm does not tokenize
// (latticeFree): every string of one to four ASCII digits and random longer
// ones give the same result tokenized as not, with the sample's themes and
// ハード分類 and with the hard batch's.
func TestLatticeFreeIdentical(t *testing.T) {
	var texts []string
	for n, lim := 1, 10; n <= 4; n, lim = n+1, lim*10 {
		for v := range lim {
			texts = append(texts, fmt.Sprintf("%0*d", n, v))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var sb strings.Builder
		for range 5 + r.IntN(20) {
			sb.WriteByte(byte('0' + r.IntN(10)))
		}
		texts = append(texts, sb.String())
	}
	texts = append(texts, "", "0451234567", "09012345678", "2220035", "20240315")
	for name, b := range cacheBatches(t) {
		ta := newTextAnalyzer(b, IPATokenizer())
		full := *ta
		full.alwaysTokenize = true
		for _, s := range texts {
			if !ta.latticeFree(s) {
				t.Fatalf("%s: %q is not lattice-free", name, s)
			}
			got, want := ta.analyzeNorm(s), full.analyzeNorm(s)
			// The base forms only code themes, and each is a substring of s,
			// which codeThemes looks for anyway.
			for _, base := range want.bases {
				if !strings.Contains(s, base) {
					t.Fatalf("%s: %q: base form %q is not in the text", name, s, base)
				}
			}
			for fixed := -1; fixed < len(b.Themes); fixed++ {
				if g, w := codeThemes(b.Themes, s, got.bases, got.words, fixed), codeThemes(b.Themes, s, want.bases, want.words, fixed); !reflect.DeepEqual(g, w) {
					t.Fatalf("%s: %q: themes %v, tokenized %v", name, s, g, w)
				}
			}
			got.bases, want.bases = nil, nil
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %q:\nskipped   %+v\ntokenized %+v", name, s, got, want)
			}
		}
	}
}

func TestAllDigits(t *testing.T) {
	for s, want := range map[string]bool{"": true, "0": true, "0123456789": true, "12a": false, "１２": false, " 1": false, "1-2": false} {
		if got := allDigits(s); got != want {
			t.Errorf("allDigits(%q) = %v", s, got)
		}
	}
}

// BenchmarkTextDocs analyzes the free texts of the benchmark batch (the folder
// MIDREVIEW_BENCH_BATCH names, else a 20,000-respondent scale-shaped sample)
// two ways in one run: "distinct" (analyzeAll: each distinct text once) and
// "each" (every doc tokenized by itself, over GOMAXPROCS workers: the
// analysis before issue 29).
func BenchmarkTextDocs(b *testing.B) {
	var bt *ingest.Batch
	var err error
	if dir := os.Getenv("MIDREVIEW_BENCH_BATCH"); dir != "" {
		bt, err = ingest.Read(os.DirFS(dir))
	} else {
		fsys, ferr := batchgen.SampleFS(batchgen.Options{Respondents: 20000, Questions: 60, FreeText: 7, Seed: 1})
		if ferr != nil {
			b.Fatal(ferr)
		}
		bt, err = ingest.Read(fsys)
	}
	if err != nil {
		b.Fatal(err)
	}
	ta := newTextAnalyzer(bt, IPATokenizer())
	docs := collectTexts(bt)
	run := func(b *testing.B, f func([]textDoc)) {
		work := make([]textDoc, len(docs))
		b.ReportAllocs()
		for b.Loop() {
			copy(work, docs)
			f(work)
		}
		b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "texts/s")
	}
	b.Run("distinct", func(b *testing.B) { run(b, ta.analyzeAll) })
	b.Run("each", func(b *testing.B) {
		run(b, func(ds []textDoc) {
			var next atomic.Int64
			var wg sync.WaitGroup
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for i := int(next.Add(1)) - 1; i < len(ds); i = int(next.Add(1)) - 1 {
						ta.analyze(&ds[i])
					}
				})
			}
			wg.Wait()
		})
	})
}
