package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a run's steps on a terminal and stays silent otherwise (a
// redirected stderr, a scheduled task, tests). The zero progress is silent.
//
// Note: the bar counts percent of the run, so its total is known from the
// start: reading, analyzing and building take fixed shares (stepShares), the
// outputs share the rest evenly once their number is known (addSteps). A bar
// of steps would grow from 4 to 88 once the districts are known, and its time
// estimate would jump with it.
type progress struct {
	bar     *progressbar.ProgressBar
	marks   int // steps done
	outputs int // output steps (addSteps)
}

// stepShares are the percent reached after each fixed step: read, analyze,
// build, then the zero-length "書き出しています". Outputs fill up to
// writtenShare; the swap ends at 100.
var stepShares = []int{15, 30, 40, 40}

// writtenShare is the percent reached when every output is written.
const writtenShare = 95

// newProgress returns a progress bar on w when w is a terminal. total, the
// number of fixed steps, is kept for the callers; the bar counts percent.
func newProgress(w io.Writer, total int) *progress {
	_ = total
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(100,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
	)}
}

// describe shows what is being done now.
func (p *progress) describe(desc string) {
	if p.bar != nil {
		p.bar.Describe(desc)
	}
}

// position returns the percent reached after marks steps.
func (p *progress) position() int {
	if p.marks <= len(stepShares) {
		if p.marks == 0 {
			return 0
		}
		return stepShares[p.marks-1]
	}
	done := p.marks - len(stepShares)
	last := stepShares[len(stepShares)-1]
	if p.outputs <= 0 || done >= p.outputs {
		return writtenShare
	}
	return last + (writtenShare-last)*done/p.outputs
}

// step marks one step done and shows the next one's description.
func (p *progress) step(next string) {
	p.marks++
	if p.bar != nil {
		p.bar.Describe(next)
		_ = p.bar.Set(p.position())
	}
}

// addSteps sets the number of output steps (known once the batch is read).
func (p *progress) addSteps(n int) { p.outputs += n }

// clear removes the bar from the screen so that messages can be printed.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

// finish removes the bar for good.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}
