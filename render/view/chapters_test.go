package view

import (
	"fmt"
	"strings"
	"testing"
)

// TestHoldsWord: printsWord finds a word where fmt.Sprint of the block
// prints it (as it searched before issue 29): in strings of fields, slices,
// maps and interfaces, and not behind a block's pointers.
func TestHoldsWord(t *testing.T) {
	data := &Table{Caption: "前回の表"}
	blocks := []Block{
		Section{Title: "前回との比較"},
		Para{Text: "今回の結果", Size: 9},
		Figure{Caption: "図", Bars: []BarRow{{Label: "前回", Vals: []Fig{{Text: "12.3"}}}}, Data: data},
		Figure{Caption: "図", Data: data},
		Table{Caption: "表", Rows: [][]Cell{{{Text: "x", Sub: "前回比"}}}, Notes: []string{"注"}},
		Comments{Groups: []CommentGroup{{Theme: "見守り", Items: []string{"前回より良い"}}}},
		Record{Title: "取組", Cells: []ProgressCell{{Next: "前回の課題"}}, Data: Table{Caption: "表"}},
		MapFigure{Map: &MapView{}, Captions: []string{"地図"}},
		Finding{Lines: []string{"策定時より改善"}},
	}
	for _, b := range blocks {
		for _, w := range []string{"前回", "今回", "策定時", "表", "地図", "12.3"} {
			want := strings.Contains(fmt.Sprint(b), w)
			if got := printsWord([]Block{b}, Print, w); got != want {
				t.Errorf("%T %q: printsWord %v, fmt.Sprint holds it: %v", b, w, got, want)
			}
		}
	}
}
