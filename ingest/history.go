package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
)

// History folder layout (inputs.md section 9): history/NAME/ is a copy of an
// earlier run's OUT; only these two files of it are read.
const (
	HistoryDir        = "history"
	HistoryManifest   = "manifest.json"
	HistoryIndicators = "data/indicators.csv"
)

// historyManifest is the part of an earlier run's manifest.json that is read.
type historyManifest struct {
	Date     string `json:"date"`
	Settings struct {
		SurveyName string `json:"survey_name"`
	} `json:"settings"`
	Outputs []struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
	} `json:"outputs"`
}

// readHistory reads every sub-folder of history/ (folder-name order) into
// Batch.History. A folder whose data/indicators.csv does not hash to what its
// manifest.json lists is an edited copy (edited-history); one without a
// readable manifest or indicators.csv is bad-history. Either is left out.
func (rd *reader) readHistory() error {
	ents, err := fs.ReadDir(rd.fsys, HistoryDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("listing %s: %w", HistoryDir, err)
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		dir := path.Join(HistoryDir, name)
		mp, ip := path.Join(dir, HistoryManifest), path.Join(dir, HistoryIndicators)
		mdata, err := fs.ReadFile(rd.fsys, mp)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("reading %s: %w", mp, err)
		}
		if err != nil {
			rd.add(Problem{Severity: Error, Code: CodeBadHistory, File: mp})
			continue
		}
		rd.addFile(mp, KindHistory, mdata)
		var m historyManifest
		if err := json.Unmarshal(mdata, &m); err != nil {
			rd.add(Problem{Severity: Error, Code: CodeBadHistory, File: mp, Hint: HintCause, Args: []string{err.Error()}})
			continue
		}
		idata, err := fs.ReadFile(rd.fsys, ip)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("reading %s: %w", ip, err)
		}
		if err != nil {
			rd.add(Problem{Severity: Error, Code: CodeBadHistory, File: ip})
			continue
		}
		rd.addFile(ip, KindHistory, idata)
		want := ""
		for _, o := range m.Outputs {
			if o.Path == HistoryIndicators {
				want = o.SHA256
			}
		}
		sum := sha256.Sum256(idata)
		if got := hex.EncodeToString(sum[:]); want != got {
			rd.add(Problem{Severity: Error, Code: CodeEditedHistory, File: ip, Value: got})
			continue
		}
		run, err := parseHistoryIndicators(idata)
		if err != nil {
			rd.add(Problem{Severity: Error, Code: CodeBadHistory, File: ip, Hint: HintCause, Args: []string{err.Error()}})
			continue
		}
		run.Dir, run.SurveyName, run.Date = name, m.Settings.SurveyName, m.Date
		rd.b.History = append(rd.b.History, run)
	}
	return nil
}

// parseHistoryIndicators reads an earlier run's data/indicators.csv (UTF-8 with
// BOM): indicator_id, group, current and current_n of every row.
func parseHistoryIndicators(data []byte) (HistoryRun, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return HistoryRun{}, err
	}
	if len(recs) == 0 {
		return HistoryRun{}, errors.New("empty file")
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, h := range []string{"indicator_id", "group", "current", "current_n"} {
		if _, ok := col[h]; !ok {
			return HistoryRun{}, fmt.Errorf("no column %s", h)
		}
	}
	var run HistoryRun
	for _, rec := range recs[1:] {
		get := func(h string) string {
			if i := col[h]; i < len(rec) {
				return rec[i]
			}
			return ""
		}
		v := HistoryValue{IndicatorID: get("indicator_id"), Group: get("group"), Value: math.NaN()}
		if x, err := strconv.ParseFloat(get("current"), 64); err == nil {
			v.Value = x
		}
		v.N, _ = strconv.Atoi(get("current_n"))
		run.Values = append(run.Values, v)
	}
	return run, nil
}
