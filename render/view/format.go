package view

import (
	"math"
	"strconv"

	"midreview/analyze"
	"midreview/render/wording"
)

// Report marks (outputs.md conventions of Japanese survey reports).
const (
	MarkZero       = "－" // a count of zero
	MarkSuppressed = "x" // 秘匿: base under 秘匿基準 (or complementary)
	MarkReference  = "参考値"
	MarkHigh       = wording.MarkHigh
	MarkLow        = wording.MarkLow
)

// A Fig is one published figure: its raw value, how it is printed, and its text,
// formatted once here. Writers that store numbers (the XLSX book, the
// dashboard's charts) take Shown and Decimals, never the text.
type Fig struct {
	Value      float64 // raw value (NaN when not applicable)
	Decimals   int     // decimals as printed: 0 counts and n, 1 percentages and points, 3 p-values
	Signed     bool    // printed with a sign: a change in points ("+3.2")
	Text       string  // as printed: "12.3", "1,234", "－", "x", "<0.001", ""
	Mark       string  // "▲", "▼" or ""
	Suppressed bool    // printed as x
	Zero       bool    // printed as － (a zero count, or a share of nothing)
	Bound      bool    // printed as a bound ("<0.001"), not as the number
}

// Blank reports whether the figure is not applicable and printed empty.
func (f Fig) Blank() bool { return !f.Suppressed && !f.Zero && math.IsNaN(f.Value) }

// Shown is the number the figure prints as: Value rounded to Decimals by the
// one rounding rule (analyze.Round1) for one decimal. It is NaN for a
// suppressed or blank figure and 0 for a zero one.
func (f Fig) Shown() float64 {
	switch {
	case f.Suppressed || f.Blank():
		return math.NaN()
	case f.Zero:
		return 0
	}
	switch f.Decimals {
	case 0:
		return math.Round(f.Value)
	case 1:
		return analyze.Round1(f.Value)
	}
	p := math.Pow10(f.Decimals)
	return math.Round(f.Value*p) / p
}

// Shown turns a group's analyze flags (秘匿 primary or complementary,
// 参考値) into its printed marks, one rule for every table and chart: a
// suppressed group is x only, never also 参考値; a group with no
// respondents (base 0) hides nothing (its n, 0, is printed) and prints －,
// neither x nor 参考値. analyze keeps its flags as outputs.md defines them
// for data/*.csv.
func Shown(base int, suppressed, reference bool) (sup, ref bool) {
	if base == 0 {
		return false, false
	}
	return suppressed, reference && !suppressed
}

// SuppressedFig is a figure hidden by 秘匿.
func SuppressedFig(decimals int) Fig {
	return Fig{Value: math.NaN(), Decimals: decimals, Text: MarkSuppressed, Suppressed: true}
}

// PctFig formats a share computed in analyze (Cell.Pct, TrendRow.CurrentPct,
// DistrictTop.Pct, HearingCount.Pct: 100·count/base) with one decimal,
// 四捨五入 (analyze.Round1): "x" when suppressed, "－" for a zero count or a
// share of nothing (NaN: base 0). render never divides a count by its base.
func PctFig(p float64, suppressed bool) Fig {
	switch {
	case suppressed:
		return SuppressedFig(1)
	case math.IsNaN(p) || p == 0:
		return Fig{Value: p, Decimals: 1, Text: MarkZero, Zero: true}
	}
	return Fig{Value: p, Decimals: 1, Text: OneDecimal(p)}
}

// FloatPctFig formats an already computed percentage (weighted, indicator) or
// summary figure with one decimal, 四捨五入; NaN is blank unless suppressed.
func FloatPctFig(v float64, suppressed bool) Fig {
	if suppressed {
		return SuppressedFig(1)
	}
	if math.IsNaN(v) {
		return Fig{Value: v, Decimals: 1}
	}
	return Fig{Value: v, Decimals: 1, Text: OneDecimal(v)}
}

// AnswerFig formats a 中央値, 最小 or 最大: a value that is an answer (or
// halfway between two), printed as the answer is, without a decimal when
// whole (回数 0, 32; score 1, 4) and with one decimal otherwise (2.5)
// (wording.AnswerText, as the sentences print a median). 平均 and 標準偏差
// keep one decimal (FloatPctFig). NaN is blank unless suppressed.
func AnswerFig(v float64, suppressed bool) Fig {
	if suppressed || math.IsNaN(v) || v != math.Trunc(v) {
		return FloatPctFig(v, suppressed)
	}
	return Fig{Value: v, Text: wording.AnswerText(v)}
}

// OneDecimal prints v with one decimal as rounded by analyze.Round1
// (wording.OneDecimal, which the sentences use too).
func OneDecimal(v float64) string { return wording.OneDecimal(v) }

// CountFig formats a count: "－" for zero, "x" when suppressed.
func CountFig(n int, suppressed bool) Fig {
	switch {
	case suppressed:
		return SuppressedFig(0)
	case n == 0:
		return Fig{Value: 0, Text: MarkZero, Zero: true}
	}
	return Fig{Value: float64(n), Text: strconv.Itoa(n)}
}

// NFig formats a base n, which is always shown (also for suppressed groups), with
// thousands separators.
func NFig(n int) Fig { return Fig{Value: float64(n), Text: Thousands(n)} }

// Thousands formats n with commas: 12,345 (wording.Thousands).
func Thousands(n int) string { return wording.Thousands(n) }

// PointsFig formats a change in points with one decimal and a sign ("+3.2",
// "-1.0", "0.0"), "x" when suppressed and blank when not computed.
func PointsFig(d float64, suppressed bool) Fig {
	if suppressed {
		return SuppressedFig(1)
	}
	if math.IsInf(d, 0) {
		d = math.NaN()
	}
	return Fig{Value: d, Decimals: 1, Signed: true, Text: PointsText(d)}
}

// PointsText formats a change in points with a sign: "+3.2", "-1.0", "0.0"
// (wording.PointsText).
func PointsText(d float64) string { return wording.PointsText(d) }

// PValueFig formats a p-value with three decimals, "<0.001" below 0.001, and
// blank when it was not computed (NaN, or ±Inf).
func PValueFig(p float64) Fig {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return Fig{Value: math.NaN(), Decimals: 3}
	}
	f := Fig{Value: p, Decimals: 3}
	if p < 0.001 {
		f.Text, f.Bound = "<0.001", true
		return f
	}
	f.Text = strconv.FormatFloat(f.Shown(), 'f', 3, 64)
	return f
}

// PValueText formats a p-value as PValueFig prints it.
func PValueText(p float64) string { return PValueFig(p).Text }

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

// RowNote is the note of a row of figures in the tabulation book and the
// dashboard: 秘匿 when hidden, else the 参考値 mark, else nothing.
func RowNote(suppressed, reference bool) string {
	switch {
	case suppressed:
		return "秘匿"
	case reference:
		return MarkReference
	}
	return ""
}

// Note is an indicator row's 備考 (dashboard, tabulation.xlsx): which of its
// printed values are 参考値, each side by its own survey's base — 「参考値」
// for the current value alone (as before), 「策定時は参考値」 for the
// baseline alone, both named when both are.
func (r IndicatorRow) Note() string {
	switch {
	case r.Reference && r.BaselineRef:
		return WordBaseline + "・今回値とも" + MarkReference
	case r.BaselineRef:
		return WordBaseline + "は" + MarkReference
	case r.Reference:
		return MarkReference
	}
	return ""
}
