package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a run's steps on a terminal and stays silent otherwise (a
// redirected stderr, a scheduled task, tests). The zero progress is silent.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns a progress bar of total steps on w when w is a terminal.
func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
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

// step marks one step done and shows the next one's description.
func (p *progress) step(next string) {
	if p.bar != nil {
		p.bar.Describe(next)
		_ = p.bar.Add(1)
	}
}

// addSteps adds steps whose number became known on the way (one per district).
func (p *progress) addSteps(n int) {
	if p.bar != nil {
		p.bar.AddMax(n)
	}
}

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
