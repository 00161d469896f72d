package ingest

import (
	"math/rand/v2"
	"testing"
)

// TestColumnAsSlice appends and sets random answers in a column and in a
// plain slice, and compares them after every step: one-byte answers, a
// table of distinct answers (numbers, later choices) up to its 256 entries,
// then 8 bytes each; trim between steps, as the read does before corrections.
func TestColumnAsSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		var c Column
		var want []ChoiceBits
		// Note: the values come from pools of different sizes, so that some
		// columns stay one byte, some keep a table and some widen.
		pool := make([]ChoiceBits, 1+rng.IntN(300))
		for i := range pool {
			switch rng.IntN(3) {
			case 0:
				pool[i] = ChoiceBits(rng.IntN(256))
			case 1:
				pool[i] = NumberAnswer(float64(rng.IntN(1000)) / 4).Choices
			default:
				pool[i] = ChoiceBits(1) << rng.IntN(64)
			}
		}
		if trial%3 == 0 {
			for i := range pool {
				pool[i] &= 0xff
			}
		}
		pick := func() ChoiceBits {
			if rng.IntN(4) == 0 {
				return 0
			}
			return pool[rng.IntN(len(pool))]
		}
		for step := range 400 {
			switch r := rng.IntN(10); {
			case r < 6 || len(want) == 0:
				v := pick()
				c.append(v)
				want = append(want, v)
			case r < 9:
				i, v := rng.IntN(len(want)), pick()
				c.set(i, v)
				want[i] = v
			default:
				s := Survey{Answers: []Column{c}}
				s.trim()
				c = s.Answers[0]
			}
			if c.Len() != len(want) {
				t.Fatalf("trial %d step %d: Len %d, want %d", trial, step, c.Len(), len(want))
			}
			for i, w := range want {
				if got := c.At(i); got != w {
					t.Fatalf("trial %d step %d: At(%d) = %#x, want %#x", trial, step, i, got, w)
				}
			}
			if nb := c.Narrow(); nb != nil {
				for i, w := range want {
					if ChoiceBits(nb[i]) != w {
						t.Fatalf("trial %d step %d: Narrow()[%d] = %#x, want %#x", trial, step, i, nb[i], w)
					}
				}
			}
		}
	}
}

// TestColumnOneByte checks which columns stay one byte per answer: numbers
// with at most 255 distinct values besides no answer, and choices above the
// eighth.
func TestColumnOneByte(t *testing.T) {
	var num, many, ma Column
	for i := range 100000 {
		num.append(NumberAnswer(float64(i % 255)).Choices)
		many.append(NumberAnswer(float64(i % 256)).Choices)
		ma.append(ChoiceBits(i%7) << 8)
	}
	if num.wide != nil || num.Narrow() != nil || len(num.dict) != 256 {
		t.Errorf("255 numbers: wide %v, %d in the table, want one byte with 256", num.wide != nil, len(num.dict))
	}
	if many.wide == nil {
		t.Errorf("256 numbers and no answer: not widened")
	}
	if ma.wide != nil || len(ma.dict) != 7 {
		t.Errorf("choices 9 to 11: wide %v, %d in the table, want one byte with 7", ma.wide != nil, len(ma.dict))
	}
}
