package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// Standard names inside a batch folder (inputs.md section 1).
const (
	DefinitionsFile = "definitions.xlsx"
	CorrectionsFile = "corrections.xlsx"
	CommentaryFile  = "commentary.xlsx"
	// LinkageFile is linkage_responses.xlsx: the urban-development side's
	// answers to the issues of linkage_draft.xlsx (inputs.md section 11).
	LinkageFile  = "linkage_responses.xlsx"
	ResponsesDir = "responses"
	BaselineDir  = "baseline"
	HearingsDir  = "hearings"
)

// Read reads the batch in fsys (cmd passes os.DirFS(dir); tests pass fstest.MapFS)
// and returns it with every problem found. The error is only for failures that
// are not about the input (an unreadable folder); input problems are in Problems.
func Read(fsys fs.FS) (*Batch, error) {
	rd := &reader{fsys: fsys, b: &Batch{DistrictQ: -1, GenderQ: -1, AgeQ: -1}}
	if err := rd.read(); err != nil {
		return nil, err
	}
	ps := rd.b.Problems
	rd.b.Problems = nil
	rd.b.AddProblems(ps...)
	return rd.b, nil
}

// AddProblems adds problems found after Read (analyze.ApplyCommentary's stale
// rows) to b.Problems, keeping them sorted by position.
func (b *Batch) AddProblems(ps ...Problem) { b.Problems = b.WithProblems(ps...) }

// WithProblems returns b.Problems and ps in one list sorted by position;
// b.Problems itself is not changed (it is returned as it is when ps is empty).
func (b *Batch) WithProblems(ps ...Problem) []Problem {
	if len(ps) == 0 {
		return b.Problems
	}
	all := append(append(make([]Problem, 0, len(b.Problems)+len(ps)), b.Problems...), ps...)
	order := make(map[string]int, len(b.Files))
	for i, f := range b.Files {
		order[f.Path] = i
	}
	SortProblems(all, order)
	return all
}

// reader holds the state of one Read.
type reader struct {
	fsys fs.FS
	b    *Batch
	fix  *ledger // corrections to apply while reading records; nil-safe
	// ahead reads the response and baseline files ahead (prefetch.go); nil
	// when reading one file at a time.
	ahead *prefetcher
	// distSug suggests districts for the readers without an index of their
	// own (suggestDistrict); nil until the first suggestion.
	distSug *districtIndex
}

func (rd *reader) read() error {
	data, err := fs.ReadFile(rd.fsys, DefinitionsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		rd.add(Problem{Severity: Error, Code: CodeMissingFile, File: DefinitionsFile})
		return nil
	case err != nil:
		return fmt.Errorf("reading %s: %w", DefinitionsFile, err)
	}
	fi := rd.addFile(DefinitionsFile, KindDefinitions, data)
	if !rd.readDefinitions(fi, data) {
		return nil // definitions unusable: data cannot be interpreted
	}

	if data, err := fs.ReadFile(rd.fsys, CorrectionsFile); err == nil {
		fi := rd.addFile(CorrectionsFile, KindCorrections, data)
		rd.fix = rd.readCorrections(fi, data)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reading %s: %w", CorrectionsFile, err)
	}

	if data, err := fs.ReadFile(rd.fsys, CommentaryFile); err == nil {
		fi := rd.addFile(CommentaryFile, KindCommentary, data)
		rd.readCommentary(fi, data)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reading %s: %w", CommentaryFile, err)
	}

	if data, err := fs.ReadFile(rd.fsys, LinkageFile); err == nil {
		fi := rd.addFile(LinkageFile, KindLinkage, data)
		rd.readLinkage(fi, data)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reading %s: %w", LinkageFile, err)
	}

	files, err := rd.list(ResponsesDir, ".xlsx", ".csv")
	if err != nil {
		return err
	}
	hearingFiles, err := rd.list(HearingsDir, ".xlsx")
	if err != nil {
		return err
	}
	progressFiles, err := rd.list(ProgressDir, ".xlsx")
	if err != nil {
		return err
	}
	// Note: a year without a survey (progress sheets only) is a normal batch
	// (inputs.md section 1); so is one of hearings only.
	if len(files) == 0 && len(hearingFiles) == 0 && len(progressFiles) == 0 {
		rd.add(Problem{Severity: Error, Code: CodeNoData, File: ResponsesDir + "/"})
	}
	baseFiles, err := rd.list(BaselineDir, ".xlsx", ".csv")
	if err != nil {
		return err
	}
	rd.ahead = newPrefetcher(rd.fsys)
	defer rd.ahead.close()
	rd.ahead.start(append(slices.Clip(files), baseFiles...))
	rd.b.Current, err = rd.readSurvey(KindResponses, files)
	if err != nil {
		return err
	}

	if files = baseFiles; len(files) > 0 {
		s, err := rd.readSurvey(KindBaseline, files)
		if err != nil {
			return err
		}
		rd.b.Baseline = &s
	}

	if err := rd.readHearings(hearingFiles); err != nil {
		return err
	}
	if err := rd.readProgress(progressFiles); err != nil {
		return err
	}
	if err := rd.readHistory(); err != nil {
		return err
	}
	if err := rd.readMap(); err != nil {
		return err
	}

	rd.fix.finish(rd)
	rd.checkSettings()
	return nil
}

// spreadsheetExts are the extensions of files that hold tables midreview could
// be expected to read; one in a folder that does not take it is reported.
var spreadsheetExts = []string{".xlsx", ".csv", ".xls", ".xlsm", ".xlsb", ".ods"}

// list returns the slash paths of the files in dir with one of the extensions,
// in file-name order, skipping Excel lock files (~$) and hidden files. A missing
// folder is an empty list. A spreadsheet in another format (.xls, .xlsm, or a
// .csv among hearings) is skipped with a CodeFileIgnored warning.
// Note: silently skipping a workbook saved as .xls would drop its answers
// unnoticed; other files (desktop.ini, notes) are skipped without a word.
func (rd *reader) list(dir string, exts ...string) ([]string, error) {
	ents, err := fs.ReadDir(rd.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	var out []string
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
			continue
		}
		ext := strings.ToLower(path.Ext(name))
		switch {
		case slices.Contains(exts, ext):
			out = append(out, path.Join(dir, name))
		case slices.Contains(spreadsheetExts, ext):
			rd.add(Problem{Severity: Warning, Code: CodeFileIgnored, File: path.Join(dir, name), Value: name,
				Hint: HintReadExts, Args: []string{strings.Join(exts, "・")}})
		}
	}
	sort.Strings(out)
	return out, nil
}

// addFile records an input file with its hash and returns its index for Src.File.
func (rd *reader) addFile(p string, kind FileKind, data []byte) int32 {
	sum := sha256.Sum256(data)
	rd.b.Files = append(rd.b.Files, InputFile{
		Path: p, Kind: kind, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)),
	})
	return int32(len(rd.b.Files) - 1)
}

// add records a problem.
func (rd *reader) add(p Problem) { rd.b.Problems = append(rd.b.Problems, p) }

// counts returns the row counts of file fi for updating.
func (rd *reader) counts(fi int32) *RowCounts { return &rd.b.Files[fi].Counts }

// checkSettings reports settings problems that need the whole batch (weighting).
func (rd *reader) checkSettings() {
	b := rd.b
	if !b.Settings.Weighting {
		return
	}
	for _, d := range b.Districts {
		if d.Population <= 0 {
			rd.add(Problem{Severity: Error, Code: CodeMissingPop, File: DefinitionsFile,
				Sheet: DistrictsSheet.Name, Row: int(d.Src.Row), Item: DistrictsSheet.Header(ColDistrictPopulation), RecordID: d.Name})
		}
	}
}
