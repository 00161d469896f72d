package wording

import (
	"math"
	"strconv"

	"midreview/analyze"
)

// Marks of a group significantly above or below the rest (analyze.Cell.Mark),
// as the tables print them and as the sentences read them.
const (
	MarkHigh = "▲"
	MarkLow  = "▼"
)

// OneDecimal prints v with one decimal as rounded by analyze.Round1 (12.25 →
// "12.3", -0.04 → "0.0"). NaN and ±Inf are "".
func OneDecimal(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	// Note: below 1e14 the float64 nearest to a number of tenths is within
	// 1/128 of it, so 'f' with one decimal prints exactly those tenths.
	return strconv.FormatFloat(analyze.Round1(v), 'f', 1, 64)
}

// AnswerText prints a value that is an answer, or halfway between two (中央値,
// 最小, 最大 of a count or score question): without a decimal when whole
// (0, 32, 1,200: thousands separators as the book's #,##0), else with one
// decimal as OneDecimal (2.5). NaN and ±Inf are "".
func AnswerText(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return Thousands(int(v))
	}
	return OneDecimal(v)
}

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
