package ingest

import (
	"errors"
	"fmt"
	"io/fs"
)

// ReadDefinitions reads only the codebook, fsys's definitions.xlsx, and returns
// a Batch holding its settings and sheets with the problems found in them; no
// data folder is read and none is required. It is what a tool working from
// the codebook alone (`midreview template -entry`) needs. Like Read, the error
// is only for failures that are not about the input.
func ReadDefinitions(fsys fs.FS) (*Batch, error) {
	rd := &reader{fsys: fsys, b: &Batch{DistrictQ: -1, GenderQ: -1, AgeQ: -1}}
	data, err := fs.ReadFile(fsys, DefinitionsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		rd.add(Problem{Severity: Error, Code: CodeMissingFile, File: DefinitionsFile})
		return rd.b, nil
	case err != nil:
		return nil, fmt.Errorf("reading %s: %w", DefinitionsFile, err)
	}
	fi := rd.addFile(DefinitionsFile, KindDefinitions, data)
	if rd.readDefinitions(fi, data) {
		rd.checkSettings()
	}
	SortProblems(rd.b.Problems, map[string]int{DefinitionsFile: 0})
	return rd.b, nil
}
