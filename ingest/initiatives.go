package ingest

import "strconv"

// BuiltinProgressScale is the 進ちょく尺度 used when 設定 names none (inputs.md
// section 2): best first, as every progress scale is read.
func BuiltinProgressScale() ChoiceSet {
	return ChoiceSet{Name: "進ちょく尺度", Choices: []Choice{
		{Code: 1, Label: "順調", Score: 1},
		{Code: 2, Label: "概ね順調", Aliases: []string{"おおむね順調"}, Score: 2},
		{Code: 3, Label: "やや遅れ", Score: 3},
		{Code: 4, Label: "遅れ", Score: 4},
	}}
}

// readInitiatives resolves 設定 進ちょく尺度 against sheet 選択肢 and fills
// Initiatives from sheet 取組 (optional).
// Note: a progress scale runs from best to worst in sheet order (the order of
// the built-in 順調 … 遅れ); a record "slipped" when its choice index is
// higher than the year before (analyze).
func (d *defs) readInitiatives(s, settings *defSheet) {
	b := d.rd.b
	b.ProgressScale = BuiltinProgressScale()
	if name := b.Settings.ProgressScaleName; name != "" {
		if i, ok := d.sets[NormKey(name)]; ok {
			b.ProgressScale = b.ChoiceSets[i]
		} else {
			r, c := settingRow(settings, SettingProgressScale)
			d.problem(CodeUnknownSet, settings, r, c, SettingsSheet.Items[SettingProgressScale].Name, name, "")
		}
	}
	if s == nil {
		return
	}
	cname, cdist, ctheme := s.col(ColInitName), s.col(ColInitDistrict), s.col(ColInitTheme)
	cowner, cmeasure, cunit, ctarget := s.col(ColInitOwner), s.col(ColInitMeasure), s.col(ColInitUnit), s.col(ColInitTarget)
	ids, names := map[string]bool{}, map[string]bool{}
	for r := 1; r < len(s.rows); r++ {
		if rowIsBlank(s.rows[r]) {
			continue
		}
		id, ok := d.rowID(s, r, ColInitID, ids)
		if !ok {
			continue
		}
		in := Initiative{ID: id, Name: s.text(r, cname), District: -1, Src: d.src(r),
			Owner: s.text(r, cowner), Measure: s.text(r, cmeasure), Unit: s.text(r, cunit)}
		if in.Name == "" {
			d.rule(CodeEmptyCell, s, r, ColInitName, id, "", "")
			in.Name = id
		} else if k := textKey(in.Name); names[k] {
			d.problem(CodeDuplicateDef, s, r, cname, id, in.Name, "")
		} else {
			names[k] = true
		}
		if v := s.val(r, cdist); v != "" && NormKey(v) != WardWide {
			di, ok := d.rd.matchDistrict(v)
			if !ok {
				hint, args := d.rd.suggestDistrict(v)
				d.problem(CodeUnknownDist, s, r, cdist, id, v, hint, args...)
			} else {
				in.District = di
			}
		}
		in.Theme = d.theme(s, r, ctheme, id)
		if v := s.val(r, ctarget); v != "" {
			x, ok := ParseNumber(v)
			if !ok {
				d.problem(CodeNotNumber, s, r, ctarget, id, v, "")
			} else {
				in.Target, in.HasTarget = x, true
			}
		}
		b.Initiatives = append(b.Initiatives, in)
	}
}

// settingRow returns the 0-based row and column of setting item i in sheet
// 設定 (its 値 cell), or the header row when the item is not written there.
func settingRow(s *defSheet, i int) (r, c int) {
	ck, cv := s.col(ColSettingItem), s.col(ColSettingValue)
	names := map[string]bool{}
	for _, n := range SettingsSheet.Items[i].Names() {
		names[NormKey(n)] = true
	}
	for r := 1; r < len(s.rows); r++ {
		if names[NormKey(rowCell(s.rows[r], ck))] {
			return r, cv
		}
	}
	return 0, -1
}

// choiceLabels returns the labels of c's choices in order.
func choiceLabels(c ChoiceSet) []string {
	out := make([]string, len(c.Choices))
	for i, ch := range c.Choices {
		out[i] = ch.Label
	}
	return out
}

// progressYearValues are the 年度 that the template's progress sheet offers:
// 令和2年度 to 令和17年度 (2020–2035).
// Note: a hint only (the template's lists warn, they do not stop), since the
// template has no 基準日 to go by and nothing below cmd reads the clock; the
// reader takes any year. Entry workbooks list the years around 基準日.
func progressYearValues() []string {
	var out []string
	for y := 2; y <= 17; y++ {
		out = append(out, "令和"+strconv.Itoa(y)+"年度")
	}
	return out
}
