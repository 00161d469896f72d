package batchgen

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// The scale batch: Options.Questions and Options.FreeText add questions after
// Q11 so that a sample has the shape of a city-wide survey (the performance
// issue's batch: 60 questions, 7 of them free text). With both at zero the
// sample is the 14-question one, byte for byte.

// extraKinds are the shapes of the added categorical and numeric questions, in
// turn: type, choice set (sampleChoices), number of choices.
var extraKinds = []struct {
	Type, Set string
	N         int
}{
	{"SC", "5段階", 5}, {"SA", "認知", 4}, {"SC", "4段階", 4}, {"SA", "有無", 3}, {"MA", "活動", 8}, {"NUM", "", 0},
}

// extraQuestions returns the questions added after Q11: Questions in all
// (at least the 14 of the sample), FreeText of them free text (Q11 included),
// the added free-text ones spread evenly among the others.
func (opt Options) extraQuestions() []sampleQuestion {
	n := opt.Questions - len(sampleQuestions)
	fa := min(max(opt.FreeText-1, 0), max(n, 0))
	if n <= 0 {
		return nil
	}
	// Note: added free-text question j of fa sits at position (j+1)·n/(fa+1).
	isFA := make([]bool, n)
	for j := range fa {
		isFA[(j+1)*n/(fa+1)] = true
	}
	qs := make([]sampleQuestion, n)
	k := 0 // free-text questions so far
	for i := range qs {
		id := "Q" + strconv.Itoa(12+i)
		th := sampleThemes[i%len(sampleThemes)]
		if isFA[i] {
			qs[i] = sampleQuestion{ID: id, Text: fmt.Sprintf("「%s」について、ご意見をご自由にお書きください。（%s）", th[1], id),
				Type: "FA", Theme: th[0]}
			k++
			continue
		}
		kind := extraKinds[(i-k)%len(extraKinds)]
		qs[i] = sampleQuestion{ID: id, Text: fmt.Sprintf("「%s」についてお答えください。（%s）", th[1], id),
			Type: kind.Type, Set: kind.Set, Theme: th[0]}
	}
	return qs
}

// questions returns the sample's questions, the added ones last.
func (g *sampleGen) questions() []sampleQuestion {
	return append(sampleQuestions[:len(sampleQuestions):len(sampleQuestions)], g.extra...)
}

// extraIDs returns the added questions' column headers.
func (g *sampleGen) extraIDs() []string {
	ids := make([]string, len(g.extra))
	for i, q := range g.extra {
		ids[i] = q.ID
	}
	return ids
}

// extraAnswers draws respondent answers to the added questions (nil = no
// answer; an int code or count, or a string for MA code lists and free text).
// d is the district, e the respondent's engagement.
func (g *sampleGen) extraAnswers(r *rand.Rand, d int, e float64) []any {
	out := make([]any, len(g.extra))
	for i, q := range g.extra {
		if r.Float64() < 0.03 {
			continue
		}
		switch q.Type {
		case "FA":
			if r.Float64() < 0.15 {
				out[i] = sampleComment(r, d, e)
			}
		case "NUM":
			out[i] = int(r.ExpFloat64() * 3)
		case "MA":
			var cs []int
			for c := 1; c <= 8; c++ {
				if r.Float64() < logistic(-1.2+0.4*e) {
					cs = append(cs, c)
				}
			}
			if len(cs) > 0 {
				out[i] = joinCodes(cs, ",")
			}
		default:
			n := 0
			for _, k := range extraKinds {
				if k.Set == q.Set {
					n = k.N
				}
			}
			w, s := make([]float64, n), make([]float64, n)
			for c := range w {
				w[c], s[c] = 1, 1-float64(2*c)/float64(n-1)
			}
			out[i] = pick(r, w, s, e) + 1
		}
	}
	return out
}

// extraCSV returns the added answers as CSV cells.
func extraCSV(xs []any) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		if x != nil {
			out[i] = fmt.Sprint(x)
		}
	}
	return out
}

// maxPartRespondents is the most respondents the sample writes into one
// response workbook; a larger survey is written in parts (_02, _03 …).
// Note: 900,000 rows of 60 questions are 1.6 GB of sheet XML, over the
// reader's 1 GiB bound on a workbook; a city's data come in several files.
const maxPartRespondents = 250_000

// xlsxParts returns the files of n respondents (the current survey, or the
// baseline) named base.xlsx, base_02.xlsx …, at most maxPartRespondents each.
func (g *sampleGen) xlsxParts(base string, baseline bool, n int) []file {
	var files []file
	for first := 1; first == 1 || first <= n; first += maxPartRespondents {
		name := base + ".xlsx"
		if first > 1 {
			name = fmt.Sprintf("%s_%02d.xlsx", base, 1+first/maxPartRespondents)
		}
		k := min(maxPartRespondents, n-first+1)
		files = append(files, file{name, func(w io.Writer) error {
			return g.writeResponsesXLSX(w, baseline, first, k)
		}})
	}
	return files
}
