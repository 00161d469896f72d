package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"midreview/ingest"
	"midreview/internal/batchgen"
)

// templateFrom drafts out/definitions.xlsx from the response file from
// (`template -from`), matching its values against the district list in the
// file districts when given. The file's reading problems are printed; an
// unreadable file exits 1.
func templateFrom(from, districts, out string, stdout, stderr io.Writer) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return fmt.Errorf("%w: 回答ファイルを読み込めません: %s", errInput, from)
	}
	opt := batchgen.DraftOptions{Date: time.Now()}
	if districts != "" {
		list, err := os.ReadFile(districts)
		if err != nil {
			return fmt.Errorf("%w: 地区リストを読み込めません: %s", errInput, districts)
		}
		if opt.Districts, err = batchgen.ParseDistrictList(filepath.Base(districts), list); err != nil {
			return fmt.Errorf("%w: 地区リスト: %v", errInput, err)
		}
	}
	d, probs := batchgen.DraftFrom(filepath.Base(from), data, opt)
	printProblems(stderr, probs)
	if d == nil || ingest.HasErrors(probs) {
		return errInput
	}
	p, err := batchgen.WriteDraft(d, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "definitions.xlsx の下書きを作成しました: %s（設問 %d、選択肢セット %d。「%s」列の推定を確認してください）\n",
		p, len(d.Questions), len(d.Sets), batchgen.NoteHeader)
	return nil
}
