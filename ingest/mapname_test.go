package ingest

import "testing"

func TestTownKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"日吉本町一丁目", "日吉本町1丁目"},
		{"日吉本町１丁目", "日吉本町1丁目"},
		{" 日吉本町1丁目 ", "日吉本町1丁目"},
		{"日吉本町01丁目", "日吉本町1丁目"},
		{"新吉田町十二丁目", "新吉田町12丁目"},
		{"新吉田町二十丁目", "新吉田町20丁目"},
		{"新吉田町二十一丁目", "新吉田町21丁目"},
		{"新吉田町一〇丁目", "新吉田町10丁目"},
		{"大倉山", "大倉山"},
		{"丁目", "丁目"},
		{"一丁目", "1丁目"},
		{"綱島 東 三丁目", "綱島東3丁目"},
	} {
		if got := TownKey(tt.in); got != tt.want {
			t.Errorf("TownKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"日吉本町1丁目", "日吉本町", true},
		{"大倉山", "大倉山", false},
		{"1丁目", "1丁目", false},
	} {
		if got, ok := townBase(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("townBase(%q) = %q, %v", tt.in, got, ok)
		}
	}
}
