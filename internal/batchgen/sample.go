package batchgen

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"midreview/ingest"
	"midreview/internal/xlsxbuild"
)

// Options sizes a synthetic batch written by Sample.
type Options struct {
	Respondents int   // current-survey respondents (default DefaultRespondents)
	Hearings    int   // organizations heard (default DefaultHearings; negative: none)
	Seed        int64 // random seed (default DefaultSeed); the same seed gives the same bytes
	// Questions and FreeText make the scale batch (samplescale.go): questions in
	// all, of them free text; more than the sample's 14 adds questions after Q11.
	Questions, FreeText int
}

// Defaults of Options (and of `midreview sample`).
const (
	DefaultRespondents = 2000
	DefaultHearings    = 40
	DefaultSeed        = 1
)

// withDefaults returns opt with its zero fields set to the defaults and a
// negative Hearings as zero.
func (opt Options) withDefaults() Options {
	if opt.Respondents <= 0 {
		opt.Respondents = DefaultRespondents
	}
	switch {
	case opt.Hearings == 0:
		opt.Hearings = DefaultHearings
	case opt.Hearings < 0:
		opt.Hearings = 0
	}
	if opt.Seed == 0 {
		opt.Seed = DefaultSeed
	}
	return opt
}

// Sample writes a synthetic review batch shaped like Kohoku ward's to dir:
// definitions.xlsx, responses/ (one large xlsx and a smaller CSV part), baseline/,
// and hearings/ (form-style sheets and one tabular sheet). Zero fields of opt take
// the defaults (a negative Hearings means none). Output depends only on opt: the
// same options give the same bytes. Existing files of the same names are replaced;
// other files in dir are left alone. The files are written one at a time, the
// large response workbooks through a StreamWriter, so big samples need little memory.
func Sample(dir string, opt Options) error {
	if err := writeFiles(dir, sampleDirs, sampleFiles(opt)); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	return nil
}

// SampleFS returns the batch that Sample writes, in memory (the same bytes),
// ready for ingest.Read.
func SampleFS(opt Options) (fstest.MapFS, error) {
	fsys, err := mapFiles(sampleDirs, sampleFiles(opt))
	if err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	return fsys, nil
}

// sampleDirs are the folders of a sample batch.
var sampleDirs = []string{"", "responses", "baseline", "hearings", "progress", historyDir + "/data", "map"}

// sampleFiles returns the sample's files in writing order.
func sampleFiles(opt Options) []file {
	opt = opt.withDefaults()
	g := newSampleGen(opt)
	nBase := max(1, opt.Respondents*6/10)
	nCSV := opt.Respondents / 10
	files := append([]file{{"definitions.xlsx", g.writeDefinitions}},
		g.xlsxParts("responses/2026_main", false, opt.Respondents-nCSV)...)
	if nCSV > 0 {
		files = append(files, file{"responses/2026_late.csv", func(w io.Writer) error {
			return g.writeResponsesCSV(w, opt.Respondents-nCSV+1, nCSV)
		}})
	}
	files = append(files, g.xlsxParts("baseline/2021_survey", true, nBase)...)
	return append(append(append(files,
		file{"hearings/2026_forms.xlsx", g.writeHearingForms},
		file{"hearings/2026_list.xlsx", g.writeHearingList},
	), g.progressFiles()...), append(g.historyFiles(), sampleMapFiles()...)...)
}

// The sample codebook. Note: the tables below are the single source for both the
// definitions workbook and the generated answers, so the two always agree.

// sampleDistrict is a row of sheet 地区 plus what drives its synthetic answers.
type sampleDistrict struct {
	Code, Name, Alias string
	Population        int
	Engage            float64 // community engagement shift of answers
	Youth             float64 // shift toward younger respondents
	Rate              float64 // response rate relative to the ward
}

// Kohoku ward's 13 districts with rounded, realistic populations.
var sampleDistricts = []sampleDistrict{
	{"01", "日吉", "日吉地区,日吉地区連合", 52000, -0.30, 0.8, 0.85},
	{"02", "綱島", "綱島地区", 41000, -0.20, 0.5, 0.90},
	{"03", "高田", "高田地区", 23000, 0.10, 0.0, 1.00},
	{"04", "新吉田", "新吉田地区", 26000, 0.20, -0.1, 1.05},
	{"05", "新吉田あすなろ", "あすなろ,新吉田あすなろ地区", 12000, 0.00, 0.2, 1.00},
	{"06", "新羽", "新羽地区", 22000, -0.10, 0.2, 0.95},
	{"07", "城郷", "城郷地区,小机", 25000, 0.30, -0.3, 1.10},
	{"08", "篠原", "篠原地区", 24000, 0.10, 0.0, 1.00},
	{"09", "菊名", "菊名地区", 31000, -0.10, 0.3, 0.95},
	{"10", "大倉山", "大倉山地区", 25000, 0.00, 0.1, 1.00},
	{"11", "大曽根", "大曽根地区", 15000, 0.40, -0.4, 1.15},
	{"12", "樽町", "樽町地区", 15000, 0.20, -0.2, 1.10},
	{"13", "師岡", "師岡地区", 20000, 0.30, -0.4, 1.10},
}

// sampleTowns maps a few 町名 to districts (index into sampleDistricts).
var sampleTowns = []struct {
	Name     string
	District int
}{
	{"日吉本町１丁目", 0}, {"日吉本町２丁目", 0}, {"箕輪町２丁目", 0},
	{"綱島西１丁目", 1}, {"綱島東３丁目", 1},
	{"高田町", 2}, {"高田東２丁目", 2},
	{"新吉田町", 3}, {"新吉田東５丁目", 4},
	{"新羽町", 5}, {"北新横浜１丁目", 5},
	{"小机町", 6}, {"鳥山町", 6},
	{"篠原町", 7}, {"篠原北１丁目", 7},
	{"菊名４丁目", 8}, {"錦が丘", 8},
	{"大倉山３丁目", 9},
	{"大曽根台", 10},
	{"樽町２丁目", 11},
	{"師岡町", 12},
}

var sampleThemes = [][3]string{
	{"T1", "つながり", "近所,あいさつ,交流,つながり,顔見知り,付き合い"},
	{"T2", "参加", "活動,参加,ボランティア,担い手,町内会,自治会,役員"},
	{"T3", "相談・支援", "相談,支援,窓口,ケアプラザ,民生委員,福祉,情報"},
	{"T4", "安心・防災", "防災,災害,避難,見守り,安全,防犯,訓練"},
	{"T5", "健康", "健康,運動,体操,介護予防,食事,ウォーキング"},
	{"T6", "居場所", "居場所,サロン,集い,子育て,サークル,集まれる"},
}

// sampleQuestion is a row of sheet 設問.
type sampleQuestion struct {
	ID, Text, Type, Set, Theme, Attr, Cond string
}

var sampleQuestions = []sampleQuestion{
	{"F1", "お住まいの地区（町名）をお答えください。", "SA", "", "", "地区", ""},
	{"F2", "あなたの性別をお答えください。", "SA", "性別", "", "性別", ""},
	{"F3", "あなたの年代をお答えください。", "SA", "年代", "", "年代", ""},
	{"Q1", "ふだん、近所の人とどの程度お付き合いをしていますか。", "SC", "付き合い", "T1", "", ""},
	{"Q2", "自治会・町内会やボランティアなど、地域の活動に参加していますか。", "SA", "参加状況", "T2", "", ""},
	{"Q3", "今後、参加してみたい地域の活動は何ですか。（あてはまるものすべて）", "MA", "活動", "T2", "", "Q2=1,2,3"},
	{"Q4", "困りごとがあるとき、誰（どこ）に相談しますか。（あてはまるものすべて）", "MA", "相談先", "T3", "", ""},
	{"Q5", "地域ケアプラザを知っていますか。", "SA", "認知", "T3", "", ""},
	{"Q6", "民生委員・児童委員を知っていますか。", "SA", "認知", "T3", "", ""},
	{"Q7", "災害が起きたとき、近所の人と助け合えると思いますか。", "SC", "5段階", "T4", "", ""},
	{"Q8", "身近に気軽に集える居場所がありますか。", "SA", "有無", "T6", "", ""},
	{"Q9", "地域で高齢者や子どもの見守りが行われていると感じますか。", "SC", "4段階", "T4", "", ""},
	{"Q10", "この1年間に地域の活動に参加した回数をお書きください。", "NUM", "", "T2", "", ""},
	{"Q11", "地域の福祉や暮らしについて、ご意見をご自由にお書きください。", "FA", "", "", "", ""},
}

// sampleUnits are the 単位 of the sample's NUM questions (sheet 設問).
var sampleUnits = map[string]string{"Q10": "回"}

// sampleChoice is a row of sheet 選択肢.
type sampleChoice struct {
	Set   string
	Code  int
	Label string
	Alias string
	Score any // nil = default (the code)
	Pos   bool
}

var sampleChoices = []sampleChoice{
	{"性別", 1, "男性", "男", nil, false},
	{"性別", 2, "女性", "女", nil, false},
	{"性別", 3, "その他・答えたくない", "", nil, false},
	{"年代", 1, "10・20歳代", "20歳代,10歳代", nil, false},
	{"年代", 2, "30歳代", "", nil, false},
	{"年代", 3, "40歳代", "", nil, false},
	{"年代", 4, "50歳代", "", nil, false},
	{"年代", 5, "60歳代", "", nil, false},
	{"年代", 6, "70歳代", "", nil, false},
	{"年代", 7, "80歳以上", "", nil, false},
	{"付き合い", 1, "困ったときに相談や助け合いをする", "", 4, true},
	{"付き合い", 2, "立ち話をする程度", "", 3, true},
	{"付き合い", 3, "あいさつをする程度", "", 2, false},
	{"付き合い", 4, "ほとんど付き合いはない", "", 1, false},
	{"参加状況", 1, "現在参加している", "", nil, false},
	{"参加状況", 2, "以前参加していたが今はしていない", "", nil, false},
	{"参加状況", 3, "参加したことはないが関心はある", "", nil, false},
	{"参加状況", 4, "参加したことはなく関心もない", "", nil, false},
	{"活動", 1, "自治会・町内会の活動", "", nil, false},
	{"活動", 2, "高齢者の見守り・支援", "", nil, false},
	{"活動", 3, "子育て支援", "", nil, false},
	{"活動", 4, "防災・防犯活動", "", nil, false},
	{"活動", 5, "健康づくり・スポーツ", "", nil, false},
	{"活動", 6, "環境美化・清掃", "", nil, false},
	{"活動", 7, "趣味・学習のサークル", "", nil, false},
	{"活動", 8, "その他", "", nil, false},
	{"相談先", 1, "家族・親族", "", nil, false},
	{"相談先", 2, "友人・知人", "", nil, false},
	{"相談先", 3, "近所の人", "", nil, false},
	{"相談先", 4, "区役所", "", nil, false},
	{"相談先", 5, "地域ケアプラザ", "ケアプラザ", nil, false},
	{"相談先", 6, "民生委員・児童委員", "民生委員", nil, false},
	{"相談先", 7, "社会福祉協議会", "社協", nil, false},
	{"相談先", 8, "相談先がない", "", nil, false},
	{"認知", 1, "知っていて利用（相談）したことがある", "", nil, false},
	{"認知", 2, "知っているが利用（相談）したことはない", "", nil, false},
	{"認知", 3, "名前は聞いたことがある", "", nil, false},
	{"認知", 4, "知らない", "", nil, false},
	{"5段階", 1, "そう思う", "", 5, true},
	{"5段階", 2, "ややそう思う", "", 4, true},
	{"5段階", 3, "どちらともいえない", "", 3, false},
	{"5段階", 4, "あまりそう思わない", "", 2, false},
	{"5段階", 5, "そう思わない", "", 1, false},
	{"有無", 1, "ある", "", nil, false},
	{"有無", 2, "ない", "", nil, false},
	{"有無", 3, "わからない", "", nil, false},
	{"4段階", 1, "感じる", "", 4, true},
	{"4段階", 2, "やや感じる", "", 3, true},
	{"4段階", 3, "あまり感じない", "", 2, false},
	{"4段階", 4, "感じない", "", 1, false},
	{"評価4", 1, "よくできている", "", 4, true},
	{"評価4", 2, "ある程度できている", "", 3, true},
	{"評価4", 3, "あまりできていない", "", 2, false},
	{"評価4", 4, "できていない", "", 1, false},
}

// labels returns the labels of choice set name, by code-1.
func sampleLabels(name string) []string {
	var out []string
	for _, c := range sampleChoices {
		if c.Set == name {
			out = append(out, c.Label)
		}
	}
	return out
}

// sampleIndicator is a row of sheet 指標. Baseline and BaselineN (策定時値,
// 策定時n) are given for Q6 and Q9, which the 2021 survey did not ask
// (baseline/ lacks those columns); the others come from baseline/.
type sampleIndicator struct {
	ID, Name, Theme, Question, Codes string
	Baseline, BaselineN              any // nil: from baseline/
	Target                           float64
	Direction                        string
}

var sampleIndicators = []sampleIndicator{
	{"I1", "近所で立ち話以上の付き合いがある人の割合", "T1", "Q1", "1,2", nil, nil, 50.0, "増"},
	{"I2", "地域の活動に参加している人の割合", "T2", "Q2", "1", nil, nil, 30.0, "増"},
	{"I3", "困りごとの相談先がない人の割合", "T3", "Q4", "8", nil, nil, 3.0, "減"},
	{"I4", "民生委員・児童委員を知っている人の割合", "T3", "Q6", "1,2", 38.2, 1180, 50.0, "増"},
	{"I5", "災害時に近所で助け合えると思う人の割合", "T4", "Q7", "1,2", nil, nil, 45.0, "増"},
	{"I6", "見守りが行われていると感じる人の割合", "T4", "Q9", "1,2", 41.5, 1180, 50.0, "増"},
	{"I7", "気軽に集える居場所がない人の割合", "T6", "Q8", "2", nil, nil, 35.0, "減"},
}

// sampleGen draws the synthetic answers. Each output file uses its own random
// stream, so changing the hearing count does not change the responses.
type sampleGen struct {
	opt     Options
	distW   []float64        // respondent district weights
	totDist int              // 配布数, ward total
	distDst []int            // 配布数 by district
	extra   []sampleQuestion // added after Q11 (Options.Questions)
}

func newSampleGen(opt Options) *sampleGen {
	g := &sampleGen{opt: opt, extra: opt.extraQuestions()}
	pop := 0
	for _, d := range sampleDistricts {
		pop += d.Population
		g.distW = append(g.distW, float64(d.Population)*d.Rate)
	}
	// Note: a 42% response rate, as in Kohoku's surveys; 配布数 by district is
	// proportional to population (largest remainder, so the parts sum to the total).
	g.totDist = int(math.Round(float64(opt.Respondents) / 0.42))
	g.distDst = make([]int, len(sampleDistricts))
	rem := make([]float64, len(sampleDistricts))
	sum := 0
	for i, d := range sampleDistricts {
		x := float64(g.totDist) * float64(d.Population) / float64(pop)
		g.distDst[i] = int(x)
		rem[i] = x - float64(int(x))
		sum += g.distDst[i]
	}
	for ; sum < g.totDist; sum++ {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		g.distDst[best]++
		rem[best] = -1
	}
	return g
}

// rng returns the random stream for one output file.
func (g *sampleGen) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.opt.Seed), 0x6d69647265766965^stream))
}

// writeDefinitions writes the sample definitions.xlsx.
func (g *sampleGen) writeDefinitions(w io.Writer) error {
	f, err := xlsxbuild.New(sheetNames(ingest.DefinitionsSchema.Sheets)...)
	if err != nil {
		return err
	}
	set := settingRows(map[int]string{
		ingest.SettingPlanName: "ひっとプラン港北（第4期）", ingest.SettingWard: "港北区",
		ingest.SettingSurvey: "中間振り返り 区民アンケート", ingest.SettingDate: "2026-11-01",
		ingest.SettingDistributed: strconv.Itoa(g.totDist), ingest.SettingSample: "はい",
		ingest.SettingTarget: "区内在住の18歳以上の方", ingest.SettingSampling: "住民基本台帳から無作為抽出",
		ingest.SettingPeriod: "2026-06-01～2026-06-30", ingest.SettingMethod: "郵送配布・郵送回収（Web回答併用）",
	}, false)
	var dist, towns, themes, qs, inds [][]any
	for i, d := range sampleDistricts {
		r := row(ingest.DistrictsSheet)
		r[ingest.ColDistrictCode], r[ingest.ColDistrictName], r[ingest.ColDistrictAliases] = d.Code, d.Name, d.Alias
		r[ingest.ColDistrictPopulation], r[ingest.ColDistrictDistributed] = d.Population, g.distDst[i]
		dist = append(dist, r)
	}
	for _, t := range sampleTowns {
		r := row(ingest.TownsSheet)
		r[ingest.ColTownName], r[ingest.ColTownDistrict] = t.Name, sampleDistricts[t.District].Name
		towns = append(towns, r)
	}
	for _, t := range sampleThemes {
		r := row(ingest.ThemesSheet)
		r[ingest.ColThemeCode], r[ingest.ColThemeName], r[ingest.ColThemeKeywords] = t[0], t[1], t[2]
		themes = append(themes, r)
	}
	for _, q := range g.questions() {
		r := row(ingest.QuestionsSheet)
		r[ingest.ColQuestionID], r[ingest.ColQuestionText], r[ingest.ColQuestionType] = q.ID, q.Text, q.Type
		r[ingest.ColQuestionChoiceSet], r[ingest.ColQuestionTheme] = q.Set, q.Theme
		r[ingest.ColQuestionAttr], r[ingest.ColQuestionCond] = q.Attr, q.Cond
		if u, ok := sampleUnits[q.ID]; ok {
			r[ingest.ColQuestionUnit] = u
		}
		qs = append(qs, r)
	}
	for _, in := range sampleIndicators {
		r := row(ingest.IndicatorsSheet)
		r[ingest.ColIndicatorID], r[ingest.ColIndicatorName], r[ingest.ColIndicatorTheme] = in.ID, in.Name, in.Theme
		r[ingest.ColIndicatorQuestion], r[ingest.ColIndicatorCodes] = in.Question, in.Codes
		r[ingest.ColIndicatorBaseline], r[ingest.ColIndicatorBaselineN] = in.Baseline, in.BaselineN
		r[ingest.ColIndicatorTarget], r[ingest.ColIndicatorDirection] = in.Target, in.Direction
		inds = append(inds, r)
	}
	if err := writeDefinitionSheets(f, map[*ingest.Sheet][][]any{
		ingest.SettingsSheet: set, ingest.DistrictsSheet: dist, ingest.TownsSheet: towns,
		ingest.ThemesSheet: themes, ingest.QuestionsSheet: qs, ingest.ChoicesSheet: choiceRows(sampleChoices),
		ingest.IndicatorsSheet: inds, ingest.HearingItemsSheet: hearingItemRows(true),
		ingest.InitiativesSheet: initiativeRows(sampleInitiatives()),
		ingest.HardSheet:        hardRows(),
	}, false); err != nil {
		f.Close()
		return err
	}
	return saveBook(f, w)
}

// sampleRespondent is one synthetic questionnaire, answers by sampleQuestions index.
type sampleRespondent struct {
	ID       string
	District string // as written: name, alias, town or ""
	Codes    [14][]int
	Num      int // Q10; -1 = no answer
	Text     string
	Extra    []any // answers to the added questions (extraAnswers)
}

// Question indices in sampleQuestions.
const (
	qF1 = iota
	qF2
	qF3
	qQ1
	qQ2
	qQ3
	qQ4
	qQ5
	qQ6
	qQ7
	qQ8
	qQ9
	qQ10
	qQ11
)

// pick returns an index drawn with probability proportional to w[i]·exp(e·s[i]).
func pick(r *rand.Rand, w, s []float64, e float64) int {
	var tot float64
	p := make([]float64, len(w))
	for i := range w {
		p[i] = w[i]
		if s != nil {
			p[i] *= math.Exp(e * s[i])
		}
		tot += p[i]
	}
	x := r.Float64() * tot
	for i := range p {
		if x < p[i] {
			return i
		}
		x -= p[i]
	}
	return len(p) - 1
}

// logistic is 1/(1+e^-x).
func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// respondent draws one questionnaire. baseline shifts answers toward the 2021
// survey's lower engagement, so that trends show.
func (g *sampleGen) respondent(r *rand.Rand, id string, baseline bool) sampleRespondent {
	p := sampleRespondent{ID: id, Num: -1}
	d := pick(r, g.distW, nil, 0)
	dist := sampleDistricts[d]
	// District as written: mostly the name, sometimes an alias, a town or blank.
	switch x := r.Float64(); {
	case x < 0.85:
		p.District = dist.Name
	case x < 0.90:
		p.District = strings.Split(dist.Alias, ",")[0]
	case x < 0.98:
		var towns []string
		for _, t := range sampleTowns {
			if t.District == d {
				towns = append(towns, t.Name)
			}
		}
		p.District = towns[r.IntN(len(towns))]
	}
	sex := pick(r, []float64{0.45, 0.53, 0.02}, nil, 0)
	age := pick(r, []float64{0.10, 0.13, 0.17, 0.17, 0.15, 0.17, 0.11},
		[]float64{1.0, 0.7, 0.3, 0, -0.3, -0.6, -0.8}, dist.Youth)
	ageEff := []float64{-0.5, -0.3, -0.1, 0, 0.2, 0.4, 0.3}[age]
	e := dist.Engage + ageEff + r.NormFloat64()*0.6
	if baseline {
		e -= 0.25
	}
	na := func() bool { return r.Float64() < 0.025 }
	sa := func(q int, w, s []float64) {
		if !na() {
			p.Codes[q] = []int{pick(r, w, s, e) + 1}
		}
	}
	if r.Float64() > 0.01 {
		p.Codes[qF2] = []int{sex + 1}
	}
	if r.Float64() > 0.01 {
		p.Codes[qF3] = []int{age + 1}
	}
	sa(qQ1, []float64{0.12, 0.30, 0.45, 0.13}, []float64{1.2, 0.5, -0.3, -1.2})
	sa(qQ2, []float64{0.22, 0.18, 0.30, 0.30}, []float64{1.2, 0.3, 0, -0.8})
	q2 := 0
	if len(p.Codes[qQ2]) > 0 {
		q2 = p.Codes[qQ2][0]
	}
	if q2 >= 1 && q2 <= 3 && !na() {
		base := []float64{-1.0, -1.2, -1.8, -1.0, -0.8, -1.3, -0.9, -3.5}
		slope := []float64{0.6, 0.5, 0.2, 0.5, 0.3, 0.4, 0.1, 0}
		for k := range base {
			x := base[k] + slope[k]*e
			if k == 2 && age <= 2 {
				x += 1.2 // 子育て支援: younger respondents
			}
			if r.Float64() < logistic(x) {
				p.Codes[qQ3] = append(p.Codes[qQ3], k+1)
			}
		}
		if len(p.Codes[qQ3]) == 0 {
			p.Codes[qQ3] = []int{1 + pick(r, []float64{3, 2, 1, 2, 2, 1, 2, 0.3}, nil, 0)}
		}
	}
	if !na() {
		if r.Float64() < logistic(-2.6-0.8*e) {
			p.Codes[qQ4] = []int{8}
		} else {
			base := []float64{1.0, -0.5, -2.2, -1.5, -2.0, -3.0, -3.2}
			slope := []float64{0, 0.2, 0.9, 0.2, 0.6, 0.7, 0.5}
			for k := range base {
				x := base[k] + slope[k]*e
				if k == 4 && age >= 5 {
					x += 0.8 // ケアプラザ: older respondents
				}
				if r.Float64() < logistic(x) {
					p.Codes[qQ4] = append(p.Codes[qQ4], k+1)
				}
			}
			if len(p.Codes[qQ4]) == 0 {
				p.Codes[qQ4] = []int{1}
			}
		}
	}
	sa(qQ5, []float64{0.20, 0.25, 0.25, 0.30}, []float64{1.0, 0.4, 0, -0.8})
	sa(qQ6, []float64{0.10, 0.25, 0.30, 0.35}, []float64{1.0, 0.5, 0, -0.8})
	sa(qQ7, []float64{0.15, 0.30, 0.30, 0.15, 0.10}, []float64{1.0, 0.5, 0, -0.5, -1.0})
	sa(qQ8, []float64{0.35, 0.45, 0.20}, []float64{0.8, -0.6, 0})
	sa(qQ9, []float64{0.10, 0.35, 0.40, 0.15}, []float64{1.0, 0.4, -0.3, -0.9})
	if !na() {
		switch q2 {
		case 1:
			p.Num = 1 + int(r.ExpFloat64()*5)
			p.Num = min(p.Num, 60)
		case 2:
			p.Num = r.IntN(2)
		default:
			p.Num = 0
		}
	}
	if r.Float64() < 0.18 {
		p.Text = sampleComment(r, d, e)
	}
	if len(g.extra) > 0 {
		p.Extra = g.extraAnswers(r, d, e)
	}
	return p
}

// Free-text comment bank, by theme; %s is a district name.
var commentBank = [][]string{
	{ // つながり
		"近所の人とあいさつをする機会が減ったと感じます。",
		"マンションが増えて、隣に誰が住んでいるのかわからなくなりました。",
		"%sに引っ越してきたばかりで、顔見知りがまだいません。",
		"子どもを通じて近所の方と交流できるようになりました。",
	},
	{ // 参加
		"町内会の役員のなり手がいなくて困っています。",
		"仕事があるので平日の活動には参加できません。週末の活動を増やしてほしいです。",
		"ボランティアに参加したいが、どこに問い合わせればよいのかわかりません。",
		"自治会の活動が高齢者だけの負担になっているように思います。",
	},
	{ // 相談・支援
		"介護のことを相談できる窓口をもっと知らせてほしいです。",
		"地域ケアプラザで相談にのってもらい、とても助かりました。",
		"民生委員の方がどなたなのか知りません。",
		"福祉の情報が必要な人に届いていないと思います。",
	},
	{ // 安心・防災
		"災害のときに一人暮らしの高齢者をどう避難させるのか心配です。",
		"防災訓練に参加する人が毎年同じ顔ぶれです。",
		"{町の}夜道が暗く、防犯の面で不安があります。",
		"見守り活動のおかげで安心して暮らせています。",
	},
	{ // 健康
		"ケアプラザの体操教室に通って元気に過ごしています。",
		"%sの公園でウォーキングをする仲間がほしいです。",
		"介護予防の教室を身近な場所で開いてほしいです。",
	},
	{ // 居場所
		"子育て中の親が気軽に集まれる場所がほしいです。",
		"高齢者のサロンが近くにあると助かります。",
		"%sには若い世代が集まれる居場所が少ないと思います。",
	},
}

var sampleSurnames = []string{"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村"}

// sampleComment returns one or two sentences from the bank, sometimes with a
// name or a phone number that the masking must catch.
func sampleComment(r *rand.Rand, d int, e float64) string {
	name := sampleDistricts[d].Name
	sentence := func() string {
		t := commentBank[r.IntN(len(commentBank))]
		s := t[r.IntN(len(t))]
		if strings.Contains(s, "%s") {
			s = fmt.Sprintf(s, name)
		}
		return placeText(s, d)
	}
	s := sentence()
	if r.Float64() < 0.35 {
		// Note: a second sentence equal to the first is left out (a comment
		// does not say the same thing twice); the draw stays, so that the
		// random stream and every other answer are unchanged.
		if t := sentence(); t != s {
			s += t
		}
	}
	switch x := r.Float64(); {
	case x < 0.04:
		s += fmt.Sprintf("詳しくは090-%04d-%04dまでご連絡ください。", r.IntN(10000), r.IntN(10000))
	case x < 0.08:
		s += fmt.Sprintf("近所の%sさんにいつも助けてもらっています。", sampleSurnames[r.IntN(len(sampleSurnames))])
	case x < 0.10 && e > 0:
		s += fmt.Sprintf("電話は045-%03d-%04dです。", 500+r.IntN(500), r.IntN(10000))
	}
	return s
}

// idHeader is the respondent-ID header of the response files written here: the
// schema's name for it (the reader also accepts its aliases).
var idHeader = ingest.ResponsesSheet.Header(ingest.ColResponseID)

// responseColumns returns the response-file headers: 回答者ID, then one column per
// question; Q4 is split into Q4_1..Q4_8 when splitQ4. The baseline lacks Q6 and
// Q9, which were added at the midpoint.
func responseColumns(splitQ4, baseline bool) []string {
	cols := []string{idHeader}
	for i, q := range sampleQuestions {
		if baseline && (i == qQ6 || i == qQ9) {
			continue
		}
		if i == qQ4 && splitQ4 {
			for k := range sampleLabels("相談先") {
				cols = append(cols, fmt.Sprintf("Q4_%d", k+1))
			}
			continue
		}
		cols = append(cols, q.ID)
	}
	return cols
}

// joinCodes joins codes with sep.
func joinCodes(cs []int, sep string) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = strconv.Itoa(c)
	}
	return strings.Join(s, sep)
}

// xlsxRow returns respondent p's cells for responseColumns(true, baseline).
func (p *sampleRespondent) xlsxRow(baseline bool) []any {
	row := []any{p.ID, p.District}
	if p.District == "" {
		row[1] = nil
	}
	for i := qF2; i <= qQ11; i++ {
		if baseline && (i == qQ6 || i == qQ9) {
			continue
		}
		switch {
		case i == qQ4:
			set := make([]any, len(sampleLabels("相談先")))
			for _, c := range p.Codes[i] {
				set[c-1] = 1
			}
			row = append(row, set...)
		case i == qQ3:
			if len(p.Codes[i]) == 0 {
				row = append(row, nil)
			} else {
				row = append(row, joinCodes(p.Codes[i], ","))
			}
		case i == qQ10:
			if p.Num < 0 {
				row = append(row, nil)
			} else {
				row = append(row, p.Num)
			}
		case i == qQ11:
			if p.Text == "" {
				row = append(row, nil)
			} else {
				row = append(row, p.Text)
			}
		default:
			if len(p.Codes[i]) == 0 {
				row = append(row, nil)
			} else {
				row = append(row, p.Codes[i][0])
			}
		}
	}
	return append(row, p.Extra...)
}

// writeResponsesXLSX writes respondents first..first+n-1 to an xlsx file with a
// title row above the header (current survey) or a plain header (baseline). The
// data rows go through one StreamWriter so that large samples need little memory.
func (g *sampleGen) writeResponsesXLSX(w io.Writer, baseline bool, first, n int) error {
	r := g.rng(1)
	prefix, title, top := "R", "中間振り返り 区民アンケート 回答データ（サンプルデータ）", 2
	if baseline {
		r = g.rng(2)
		prefix, title, top = "B", "", 1
	}
	for i := 1; i < first; i++ {
		g.respondent(r, "", baseline) // advance the stream past the parts before
	}
	f, err := xlsxbuild.New(ingest.ResponsesSheet.Name)
	if err != nil {
		return err
	}
	defer f.Close()
	hs, err := headerStyle(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(ingest.ResponsesSheet.Name)
	if err != nil {
		return err
	}
	cols := append(responseColumns(true, baseline), g.extraIDs()...)
	if err := sw.SetColWidth(1, 1, 11); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, 16); err != nil {
		return err
	}
	if err := sw.SetColWidth(len(cols), len(cols), 60); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: top,
		TopLeftCell: fmt.Sprintf("B%d", top+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if title != "" {
		if err := sw.SetRow("A1", []any{title}); err != nil {
			return err
		}
	}
	hdr := make([]any, len(cols))
	for i, c := range cols {
		hdr[i] = excelize.Cell{StyleID: hs, Value: c}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", top), hdr); err != nil {
		return err
	}
	for i := range n {
		p := g.respondent(r, fmt.Sprintf("%s%06d", prefix, first+i), baseline)
		cell := "A" + strconv.Itoa(top+1+i)
		if err := sw.SetRow(cell, p.xlsxRow(baseline)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return writeXLSX(f, w)
}

// writeResponsesCSV writes respondents first..first+n-1 as UTF-8 CSV with a BOM,
// the way a second data-entry person might: 性別 and 年代 as labels, MA joined with 、.
// It continues the current survey's random stream after the xlsx part.
func (g *sampleGen) writeResponsesCSV(w io.Writer, first, n int) error {
	r := g.rng(1)
	for i := 1; i < first; i++ {
		g.respondent(r, "", false) // advance the stream past the xlsx part
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	writeCSVRecord(bw, append(responseColumns(false, false), g.extraIDs()...))
	sexes, ages := sampleLabels("性別"), sampleLabels("年代")
	for i := range n {
		p := g.respondent(r, fmt.Sprintf("R%06d", first+i), false)
		cells := []string{p.ID, p.District}
		for q := qF2; q <= qQ11; q++ {
			c := p.Codes[q]
			switch {
			case q == qF2 && len(c) > 0:
				cells = append(cells, sexes[c[0]-1])
			case q == qF3 && len(c) > 0:
				cells = append(cells, ages[c[0]-1])
			case q == qQ10:
				if p.Num < 0 {
					cells = append(cells, "")
				} else {
					cells = append(cells, strconv.Itoa(p.Num))
				}
			case q == qQ11:
				cells = append(cells, p.Text)
			default:
				cells = append(cells, joinCodes(c, "、"))
			}
		}
		writeCSVRecord(bw, append(cells, extraCSV(p.Extra)...))
	}
	return bw.Flush()
}

// sampleHearing is one synthetic organization hearing.
type sampleHearing struct {
	Name, Type, Districts string
	Members               int
	Ratings               [5]int // codes of 評価4 by H05..H09; 0 = no answer
	Result, Issue         string
}

// Organization types with how their names are made from a district name.
var sampleOrgTypes = []struct {
	Type, Pattern string
	Members       int
	Engage        float64
}{
	{"地区社会福祉協議会", "%s地区社会福祉協議会", 40, 0.4},
	{"自治会町内会", "%s地区連合町内会", 200, 0.1},
	{"民生委員児童委員協議会", "%s地区民生委員児童委員協議会", 25, 0.5},
	{"老人クラブ", "%s老人クラブ連合会", 120, 0.0},
	{"子育て支援グループ", "%s子育てサロン", 15, 0.2},
	{"ボランティアグループ", "%sボランティアの会", 30, 0.1},
	{"NPO法人", "NPO法人%sまちづくりネット", 20, 0.0},
	{"地域ケアプラザ", "%s地域ケアプラザ", 12, 0.6},
}

var hearingResults = []string{
	"見守り訪問の対象者名簿を更新し、訪問の担い手を%d人増やした。",
	"サロンの開催を月1回から月2回に増やし、参加者が定着した。",
	"防災訓練に子育て世代の参加が増えた。",
	"ケアプラザと定例の情報交換会を始め、相談のつなぎ先が明確になった。",
	"地区の広報紙で活動を紹介し、問い合わせが増えた。",
	"体操教室を公園で開き、男性の参加者が増えた。",
	"子ども食堂と連携して、多世代の交流の場ができた。",
}

var hearingIssues = []string{
	"役員の高齢化が進み、次の担い手が見つからない。",
	"マンション住民との接点が少なく、活動の情報が届かない。",
	"個人情報の扱いが難しく、支援が必要な人を把握できない。",
	"活動場所の確保が難しい。",
	"若い世代の参加が少なく、参加者が固定化している。",
	"災害時の要援護者の避難支援の体制がまだ整っていない。",
	"関係機関との役割分担があいまいになっている。",
	"{町の}空き家が増えているが、サロンの会場に借りられるかどうか相談先がわからない。",
	"{駅への}バス路線が減り、活動に来られなくなった高齢者がいる。",
}

// hearings draws the sample's organizations (their own random stream).
func (g *sampleGen) hearings() []sampleHearing {
	r := g.rng(3)
	seen := map[string]int{}
	out := make([]sampleHearing, 0, g.opt.Hearings)
	for i := range g.opt.Hearings {
		d := i % len(sampleDistricts)
		t := sampleOrgTypes[(i/len(sampleDistricts)+i)%len(sampleOrgTypes)]
		name := fmt.Sprintf(t.Pattern, sampleDistricts[d].Name)
		seen[name]++
		if k := seen[name]; k > 1 {
			name += fmt.Sprintf("（第%d）", k)
		}
		h := sampleHearing{Name: name, Type: t.Type, Districts: sampleDistricts[d].Name}
		if t.Type == "ボランティアグループ" || t.Type == "NPO法人" {
			if r.Float64() < 0.5 {
				h.Districts += "、" + sampleDistricts[(d+1)%len(sampleDistricts)].Name
			}
		}
		h.Members = max(3, int(float64(t.Members)*(0.5+r.Float64())))
		e := sampleDistricts[d].Engage + t.Engage + r.NormFloat64()*0.5
		for k := range h.Ratings {
			if r.Float64() < 0.03 {
				continue
			}
			h.Ratings[k] = 1 + pick(r, []float64{0.2, 0.45, 0.28, 0.07}, []float64{1, 0.4, -0.4, -1}, e)
		}
		ri := r.IntN(len(hearingResults))
		h.Result = hearingResults[ri]
		if strings.Contains(h.Result, "%d") {
			h.Result = fmt.Sprintf(h.Result, 2+r.IntN(9))
		}
		if r.Float64() < 0.4 {
			h.Result += hearingResults[otherThan(r.IntN(len(hearingResults)), ri, len(hearingResults))]
			h.Result = strings.ReplaceAll(h.Result, "%d", "3")
		}
		ii := r.IntN(len(hearingIssues))
		h.Issue = placeText(hearingIssues[ii], d)
		if r.Float64() < 0.4 {
			h.Issue += placeText(hearingIssues[otherThan(r.IntN(len(hearingIssues)), ii, len(hearingIssues))], d)
		}
		out = append(out, h)
	}
	return out
}

// otherThan returns the draw j, or the next index after first when j would
// repeat it: an organization's second sentence is never its first again.
func otherThan(j, first, n int) int {
	if j == first {
		return (j + 1) % n
	}
	return j
}

// values returns h's values by hearingForm item; nil for no answer.
func (h *sampleHearing) values(labels bool) []any {
	scale := sampleLabels(hearingScale)
	v := []any{h.Name, h.Type, h.Districts, h.Members}
	for _, c := range h.Ratings {
		switch {
		case c == 0:
			v = append(v, nil)
		case labels:
			v = append(v, scale[c-1])
		default:
			v = append(v, c)
		}
	}
	return append(v, h.Result, h.Issue)
}

// formSplit returns how many of the sample's organizations are on form sheets;
// the rest are rows of the tabular sheet.
func (g *sampleGen) formSplit() int { return g.opt.Hearings - g.opt.Hearings/4 }

// writeHearingForms writes one form-style sheet per organization, after a 記入例
// (example) sheet that the reader skips.
func (g *sampleGen) writeHearingForms(w io.Writer) error {
	hs := g.hearings()[:g.formSplit()]
	names := []string{exampleSheet}
	for i := range hs {
		names = append(names, fmt.Sprintf(orgSheet, i+1))
	}
	f, err := xlsxbuild.New(names...)
	if err != nil {
		return err
	}
	ex := exampleHearing()
	if err := drawHearingForm(f, exampleSheet, ex.values(false), false); err != nil {
		return err
	}
	for i := range hs {
		if err := drawHearingForm(f, names[i+1], hs[i].values(false), false); err != nil {
			return err
		}
	}
	return saveBook(f, w)
}

// writeHearingList writes the remaining organizations as a tabular sheet 一覧,
// ratings as labels (the way a summary table is usually typed).
func (g *sampleGen) writeHearingList(w io.Writer) error {
	hs := g.hearings()[g.formSplit():]
	f, err := xlsxbuild.New(listSheet)
	if err != nil {
		return err
	}
	var hdr []string
	var widths []float64
	for _, it := range hearingForm {
		h := it.Header
		if h == "" {
			h = it.Name
		}
		hdr = append(hdr, h)
		w := 14.0
		if it.Kind == "記述" || it.Kind == "団体名" {
			w = 36
		}
		widths = append(widths, w)
	}
	var rows [][]any
	for i := range hs {
		rows = append(rows, hs[i].values(true))
	}
	if err := sheetTable(f, listSheet, hdr, widths, rows); err != nil {
		return err
	}
	return saveBook(f, w)
}
