package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"midreview/analyze"
	"midreview/ingest"
	"midreview/render/view"
	"midreview/render/wording"
)

// TestCheckBuildsNoView checks that check.go words the commentary through
// render/wording and neither imports render nor calls its View builder.
func TestCheckBuildsNoView(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "check.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string]bool{}
	for _, s := range f.Imports {
		p, _ := strconv.Unquote(s.Path.Value)
		imports[p] = true
	}
	if imports["midreview/render"] || !imports["midreview/render/wording"] {
		t.Errorf("check.go imports %v: want midreview/render/wording and not midreview/render", imports)
	}
	f, err = parser.ParseFile(token.NewFileSet(), "check.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "Build" {
			t.Errorf("check.go calls %s.Build", s.X)
		}
		return true
	})
}

// TestCheckCommentaryAsRun checks that wording.Check, which `check` calls,
// reports the same problems of commentary.xlsx as the View a run builds:
// on the small batch, a row in staff wording, a removal, a stale row and a
// row at a place without a passage.
func TestCheckCommentaryAsRun(t *testing.T) {
	b, err := ingest.Read(os.DirFS(filepath.Join("..", "..", "testdata", "batches", "small")))
	if err != nil {
		t.Fatal(err)
	}
	res := analyze.Run(b)
	ps := wording.Passages(res.Findings)
	if len(ps) < 3 {
		t.Fatalf("the small batch has %d passages, want 3 or more", len(ps))
	}
	b.Files = append(b.Files, ingest.InputFile{Path: ingest.CommentaryFile})
	file := int32(len(b.Files) - 1)
	row := func(p wording.Passage, text, basis string, n int) ingest.CommentaryRow {
		d := ingest.Ward
		for i, dd := range b.Districts {
			if dd.Name == p.District && p.District != "" {
				d = i
			}
		}
		return ingest.CommentaryRow{Place: ingest.Place(p.Place), Target: p.Target, District: d,
			Text: text, Basis: basis, Src: ingest.Src{File: file, Row: int32(n)}}
	}
	b.Commentary = &ingest.Commentary{Sheet: "所見", TextCol: 4, BasisCol: 5, Rows: []ingest.CommentaryRow{
		row(ps[0], "職員の所見です。", ps[0].Basis(), 2),
		row(ps[1], "古い所見です。", "Q1 全体 よくある 1.0% n=20", 3),
		row(ps[2], "－", ps[2].Basis(), 4),
		{Place: ingest.PlaceQuestion, Target: "Q999", District: ingest.Ward, Text: "所見", Src: ingest.Src{File: file, Row: 5}},
	}}
	got := wording.Check(b, res.Findings)
	want := view.Build(res).CommentaryProblems
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wording.Check:\n%v\nview.Build:\n%v", got, want)
	}
	codes := map[ingest.Code]bool{}
	for _, p := range got {
		codes[p.Code] = true
	}
	if len(got) != 2 || !codes[ingest.CodeStaleCommentary] || !codes[ingest.CodeCommentaryPlace] {
		t.Errorf("problems %v, want one stale-commentary and one commentary-place", got)
	}
}
