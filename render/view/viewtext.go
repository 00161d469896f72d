package view

import (
	"math"
	"strconv"
	"strings"

	"midreview/analyze"
	"midreview/ingest"
)

// overviewItems lists 調査の概要 as municipal survey reports print it: 調査名,
// 調査対象, 抽出方法, 調査期間 (in the one date style), 調査方法, 配布数,
// 有効回収数, 回収率 and 基準日. Items not given are left out; 配布数 and 回収率
// need 配布数.
func overviewItems(res *analyze.Results) []KV {
	b := res.Batch
	if b == nil {
		return nil
	}
	s := b.Settings
	name := func(item int) string { return ingest.SettingsSheet.Items[item].Name }
	var kv []KV
	add := func(k, v string) {
		if v != "" {
			kv = append(kv, KV{k, v})
		}
	}
	add(name(ingest.SettingSurvey), s.SurveyName)
	add(name(ingest.SettingTarget), s.Target)
	add(name(ingest.SettingSampling), s.Sampling)
	add(name(ingest.SettingPeriod), periodText(s.Period))
	add(name(ingest.SettingMethod), s.Method)
	o := res.Overview
	if b.HasSurvey() {
		if o.Distributed > 0 {
			add(name(ingest.SettingDistributed), Thousands(o.Distributed)+"票")
		}
		add("有効回収数", Thousands(o.Valid)+"票")
		if o.Distributed > 0 && !math.IsNaN(o.Rate) {
			add("回収率", OneDecimal(o.Rate)+"%")
		}
	}
	add(name(ingest.SettingDate), dateText(s))
	return kv
}

// conditionLabels writes a 対象条件 in words, for the note 「対象：…」 under a
// question: 「Q2で「はい」と答えた方」, several choices quoted one after the other
// (「Q2で「はい」「ときどき」と答えた方」), clauses joined by 「、かつ」. Codes are
// never printed; "" when everyone is asked.
func conditionLabels(b *ingest.Batch, cond []ingest.Clause) string {
	var parts []string
	for _, c := range cond {
		if c.Q < 0 || c.Q >= len(b.Questions) {
			continue
		}
		q := b.Questions[c.Q]
		var labels []string
		if q.ChoiceSet >= 0 && q.ChoiceSet < len(b.ChoiceSets) {
			for i, ch := range b.ChoiceSets[q.ChoiceSet].Choices {
				if c.Choices.Has(i) {
					labels = append(labels, "「"+ch.Label+"」")
				}
			}
		}
		if len(labels) == 0 {
			continue
		}
		parts = append(parts, q.ID+"で"+strings.Join(labels, "")+"と答え")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "、かつ") + "た方"
}

// evaluationLegendFor states the A–D rule symmetrically (docs/methods.md §6):
// A on the printed value against the target (a point estimate, not a test);
// B, C and D by the same rule of change — significance at 有意水準 (評価方法
// 検定) or beyond ±維持幅 (ポイント) — each saying which. The web's legend
// (m Web) says 統計的に有意 without 有意水準 (its 報告書の見方 says what it
// means) and － without 基数 and 秘匿基準. With ruled false, the legend is
// the bare one of a View built without a batch.
func evaluationLegendFor(s ingest.Settings, m Medium, ruled bool) []KV {
	legend := append([]KV(nil), evaluationLegend...)
	if m == Web {
		legend[4].Value = webEvalNone
	}
	if !ruled {
		return legend
	}
	legend[0].Value = "目標値に達した（今回の値〔表示値〕で判定。誤差は考慮せず、" + WordBaseline + "値がなくても判定）"
	if s.Evaluation == ingest.EvalPoints {
		m := OneDecimal(s.Margin) + "ポイント"
		legend[1].Value = "目標値には達していないが、" + WordBaseline + "より±" + m + "を超えて改善した"
		legend[2].Value = WordBaseline + "から±" + m + "以内"
		legend[3].Value = WordBaseline + "より±" + m + "を超えて悪化した"
		return legend
	}
	alpha := "（有意水準 " + strconv.FormatFloat(s.Alpha, 'f', -1, 64) + "）"
	if m == Web {
		alpha = ""
	}
	legend[1].Value = "目標値には達していないが、" + WordBaseline + "より統計的に有意に改善した" + alpha
	legend[2].Value = WordBaseline + "から統計的に有意な変化なし" + alpha
	legend[3].Value = WordBaseline + "より統計的に有意に悪化した" + alpha
	return legend
}

// SettingValue is a printed setting by its label ("" when absent).
func (v *View) SettingValue(key string) string {
	for _, kv := range v.Settings {
		if kv.Key == key {
			return kv.Value
		}
	}
	return ""
}

// LicenseName is 設定 公開ライセンス in full, as the READMEs and the web
// pages name it.
func LicenseName(l string) string {
	if l == ingest.LicenseGovStd {
		return "公共データ利用規約（第1.0版）"
	}
	return "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"
}

// AlphaText is the 有意水準 as 集計の設定 prints it, 0.05 when the settings
// do not give it.
func (v *View) AlphaText() string {
	if a := v.SettingValue(ingest.SettingsSheet.Items[ingest.SettingAlpha].Name); a != "" {
		return a
	}
	return "0.05"
}
