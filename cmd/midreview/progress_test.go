package main

import "testing"

// TestProgressPosition checks the percent after each step of a run with 8
// outputs: the fixed shares, then the outputs evenly up to 95, never back.
func TestProgressPosition(t *testing.T) {
	p := &progress{}
	want := []int{15, 30, 40, 40, 46, 53, 60, 67, 74, 81, 88, 95} // 40 + floor(55·k/8)
	for i, w := range want {
		if i == 3 {
			p.addSteps(8)
		}
		p.step("x")
		if got := p.position(); got != w {
			t.Errorf("after step %d: %d%%, want %d%%", i+1, got, w)
		}
	}
}
