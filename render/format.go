package render

import (
	"math"
	"strconv"
)

// Report marks (outputs.md conventions of Japanese survey reports).
const (
	MarkZero       = "－" // a count of zero
	MarkSuppressed = "x" // 秘匿: base under 秘匿基準 (or complementary)
	MarkReference  = "参考値"
	MarkHigh       = "▲"
	MarkLow        = "▼"
)

// A Fig is one published figure: its raw value and its text, formatted once here.
type Fig struct {
	Value      float64 // raw value (NaN when not applicable)
	Text       string  // as printed: "12.3", "－", "x", ""
	Mark       string  // "▲", "▼" or ""
	Suppressed bool
}

// PctFig formats a percentage count/base·100 with one decimal, rounding half up
// on the exact fraction (四捨五入), "－" for a zero count and "x" when suppressed.
func PctFig(count, base int, suppressed bool) Fig {
	if suppressed {
		return Fig{Value: math.NaN(), Text: MarkSuppressed, Suppressed: true}
	}
	if base <= 0 {
		return Fig{Value: math.NaN(), Text: MarkZero}
	}
	v := 100 * float64(count) / float64(base)
	if count == 0 {
		return Fig{Value: 0, Text: MarkZero}
	}
	// Note: integer rounding of 1000·count/base avoids 12.25 printing as 12.2.
	tenths := (2000*int64(count) + int64(base)) / (2 * int64(base))
	return Fig{Value: v, Text: tenthsText(tenths)}
}

// FloatPctFig formats an already computed percentage (weighted, indicator) with one
// decimal, half up; NaN is "－" unless suppressed.
func FloatPctFig(v float64, suppressed bool) Fig {
	if suppressed {
		return Fig{Value: math.NaN(), Text: MarkSuppressed, Suppressed: true}
	}
	if math.IsNaN(v) {
		return Fig{Value: v, Text: ""}
	}
	return Fig{Value: v, Text: OneDecimal(v)}
}

// OneDecimal formats v with one decimal, rounding half away from zero with a
// small tolerance for binary fractions (12.25 → 12.3). NaN and ±Inf are "".
func OneDecimal(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return ""
	case math.Abs(v) >= 1e15:
		// Note: beyond this the tenths would overflow int64 (at 9.2e17) and a
		// float64 has no fraction left to round anyway.
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	t := math.Round(v*10 + math.Copysign(1e-9, v))
	if t == 0 {
		return "0.0"
	}
	return tenthsText(int64(t))
}

func tenthsText(t int64) string {
	neg := t < 0
	if neg {
		t = -t
	}
	s := strconv.FormatInt(t/10, 10) + "." + strconv.FormatInt(t%10, 10)
	if neg {
		s = "-" + s
	}
	return s
}

// CountFig formats a count: "－" for zero, "x" when suppressed.
func CountFig(n int, suppressed bool) Fig {
	switch {
	case suppressed:
		return Fig{Value: math.NaN(), Text: MarkSuppressed, Suppressed: true}
	case n == 0:
		return Fig{Value: 0, Text: MarkZero}
	}
	return Fig{Value: float64(n), Text: strconv.Itoa(n)}
}

// NFig formats a base n, which is always shown (also for suppressed groups), with
// thousands separators.
func NFig(n int) Fig { return Fig{Value: float64(n), Text: Thousands(n)} }

// Thousands formats n with commas: 12,345.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// PointsText formats a change in points with a sign: "+3.2", "-1.0", "0.0".
func PointsText(d float64) string {
	if math.IsNaN(d) || math.IsInf(d, 0) {
		return ""
	}
	s := OneDecimal(d)
	if s != "0.0" && d > 0 {
		s = "+" + s
	}
	return s
}

// PValueText formats a p-value with three decimals, "<0.001" below 0.001, and ""
// when it was not computed (NaN, or ±Inf).
func PValueText(p float64) string {
	switch {
	case math.IsNaN(p) || math.IsInf(p, 0):
		return ""
	case p < 0.001:
		return "<0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}

// PValueLabel returns a p-value as printed in a note: "p=0.039", "p<0.001"
// ("" when not computed).
func PValueLabel(p float64) string {
	switch t := PValueText(p); {
	case t == "":
		return ""
	case t[0] == '<':
		return "p" + t
	default:
		return "p=" + t
	}
}
