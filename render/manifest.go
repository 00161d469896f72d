package render

import (
	"encoding/json"
	"io"
	"sort"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
)

// ToolName is the tool name written in manifest.json.
const ToolName = "midreview"

// A Manifest is manifest.json: what a run read, with which settings, what it
// counted and what it wrote, so that a run can be audited and compared (diff).
// Note: struct fields, not maps, fix the key order; the one map (problems by
// code) is sorted by encoding/json.
type Manifest struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	// Commit and GoVersion say which source and toolchain built the binary
	// (`midreview version` prints the same).
	Commit      string               `json:"commit,omitempty"`
	GoVersion   string               `json:"go_version,omitempty"`
	Date        string               `json:"date"` // 基準日 YYYY-MM-DD
	Settings    ManifestSettings     `json:"settings"`
	Inputs      []ManifestInput      `json:"inputs"`
	Counts      ManifestCounts       `json:"counts"`
	Corrections []ManifestCorrection `json:"corrections"`
	// Commentary lists the passages printed in staff wording from
	// commentary.xlsx, or removed (SetCommentary).
	Commentary []ManifestPassage `json:"commentary"`
	Outputs    []ManifestOutput  `json:"outputs"`
}

// ManifestSettings are the settings of sheet 設定 as used.
type ManifestSettings struct {
	PlanName       string  `json:"plan_name"`
	Ward           string  `json:"ward"`
	SurveyName     string  `json:"survey_name"`
	Distributed    int     `json:"distributed"`
	SuppressBelow  int     `json:"suppress_below"`
	ReferenceBelow int     `json:"reference_below"`
	Weighting      bool    `json:"weighting"`
	Alpha          float64 `json:"alpha"`
	Evaluation     string  `json:"evaluation"` // 検定 or ポイント
	Margin         float64 `json:"margin"`
	Sample         bool    `json:"sample"`
	// Set only when they differ from the default, so that older manifests
	// and batches without them read the same.
	NoAnswer   []int `json:"no_answer_codes,omitempty"` // 無回答コード
	NoFindings bool  `json:"no_findings,omitempty"`     // 所見 しない
}

// A ManifestInput is one input file with its hash and row accounting.
type ManifestInput struct {
	Path   string           `json:"path"`
	Kind   ingest.FileKind  `json:"kind"`
	SHA256 string           `json:"sha256"`
	Size   int64            `json:"size"`
	Rows   ingest.RowCounts `json:"rows"`
	// RowsBalance reports whether read = included + empty + duplicate + invalid + removed.
	RowsBalance bool `json:"rows_balance"`
}

// ManifestCounts are the run's totals.
type ManifestCounts struct {
	Respondents         int            `json:"respondents"`          // current survey, included
	BaselineRespondents int            `json:"baseline_respondents"` // 0 without baseline/
	Removed             int            `json:"removed"`              // records removed by corrections
	Hearings            int            `json:"hearings"`             // organizations included
	Corrections         int            `json:"corrections"`          // applied corrections
	StaffPassages       int            `json:"staff_passages"`       // passages in staff wording or removed
	Errors              int            `json:"errors"`
	Warnings            int            `json:"warnings"`
	Problems            map[string]int `json:"problems"` // by code
}

// A ManifestCorrection is an applied correction (corrections.xlsx row).
type ManifestCorrection struct {
	Row    int    `json:"row"`
	Target string `json:"target"`
	ID     string `json:"id"`
	Item   string `json:"item"`
	Before string `json:"before"`
	After  string `json:"after"`
	Reason string `json:"reason"`
	Person string `json:"person"`
	File   string `json:"file"`
	Cell   string `json:"cell"`
}

// A ManifestPassage is a passage printed in staff wording (差し替え) or
// removed (削除), with the commentary.xlsx row that decided it.
type ManifestPassage struct {
	Row      int    `json:"row"`
	Place    string `json:"place"`
	TargetID string `json:"target_id"`
	District string `json:"district"`
	Wording  string `json:"wording"`
	Person   string `json:"person"`
}

// A ManifestOutput is one written file: slash path inside OUT, hash and size.
type ManifestOutput struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// NewManifest describes a run of the given tool version on res. Outputs are
// added by the caller, which writes the files.
func NewManifest(res *analyze.Results, version string) *Manifest {
	m := &Manifest{Tool: ToolName, Version: version, Inputs: []ManifestInput{}, Corrections: []ManifestCorrection{}, Commentary: []ManifestPassage{}, Outputs: []ManifestOutput{}}
	b := res.Batch
	if b == nil {
		return m
	}
	s := b.Settings
	if !s.Date.IsZero() {
		m.Date = s.Date.Format("2006-01-02")
	}
	method := "検定"
	if s.Evaluation == ingest.EvalPoints {
		method = "ポイント"
	}
	m.Settings = ManifestSettings{
		PlanName: s.PlanName, Ward: s.Ward, SurveyName: s.SurveyName, Distributed: s.Distributed,
		SuppressBelow: s.SuppressBelow, ReferenceBelow: s.ReferenceBelow, Weighting: s.Weighting,
		Alpha: s.Alpha, Evaluation: method, Margin: s.Margin, Sample: s.Sample,
		NoAnswer: s.NoAnswer, NoFindings: s.NoFindings,
	}
	for _, f := range b.Files {
		c := f.Counts
		m.Inputs = append(m.Inputs, ManifestInput{
			Path: f.Path, Kind: f.Kind, SHA256: f.SHA256, Size: f.Size, Rows: c,
			RowsBalance: c.Read == c.Included+c.Empty+c.Duplicate+c.Invalid+c.Removed,
		})
		m.Counts.Removed += c.Removed
	}
	// Note: from the Overview, not the batch: a run drops the answers
	// before writing (cmd/midreview dropAnswers).
	m.Counts.Respondents, m.Counts.BaselineRespondents = res.Overview.Valid, res.Overview.BaselineN
	m.Counts.Hearings = len(b.Hearings)
	m.Counts.Corrections = len(b.Corrections)
	m.Counts.Problems = map[string]int{}
	for _, p := range b.Problems {
		if p.Severity == ingest.Error {
			m.Counts.Errors++
		} else {
			m.Counts.Warnings++
		}
		m.Counts.Problems[string(p.Code)]++
	}
	for _, c := range b.Corrections {
		m.Corrections = append(m.Corrections, ManifestCorrection{
			Row: c.Row, Target: c.Target, ID: c.ID, Item: c.Item, Before: c.Before, After: c.After,
			Reason: c.Reason, Person: c.Person, File: c.File, Cell: c.Cell,
		})
	}
	return m
}

// SetCommentary lists the passages of v printed in staff wording or removed.
func (m *Manifest) SetCommentary(v *view.View) {
	m.Commentary = []ManifestPassage{}
	for _, p := range v.Staffed {
		m.Commentary = append(m.Commentary, ManifestPassage{Row: p.Row, Place: p.Place, TargetID: p.Target,
			District: p.District, Wording: p.Wording, Person: p.Person})
	}
	m.Counts.StaffPassages = len(m.Commentary)
}

// WriteManifest writes m as indented JSON with outputs sorted by path.
func WriteManifest(w io.Writer, m *Manifest) error {
	c := *m
	c.Outputs = append([]ManifestOutput{}, m.Outputs...)
	if c.Commentary == nil {
		c.Commentary = []ManifestPassage{}
	}
	sort.Slice(c.Outputs, func(i, j int) bool { return c.Outputs[i].Path < c.Outputs[j].Path })
	if c.Counts.Problems == nil {
		c.Counts.Problems = map[string]int{}
	}
	data, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	_, err = w.Write(data)
	return err
}
