package ingest

import (
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// schemaXLSX writes workbook w from the schema table alone: every sheet with
// its headers (the first alias instead of the name when aliases is set), and
// for 設定 every item with its default or, for a required item, filled[item].
func schemaXLSX(t *testing.T, w *Workbook, aliases bool, filled map[int]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range w.Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			t.Fatal(err)
		}
		hdr := make([]any, len(s.Columns))
		for c, col := range s.Columns {
			hdr[c] = col.Name
			if aliases && len(col.Aliases) > 0 {
				hdr[c] = col.Aliases[0]
			}
		}
		if err := f.SetSheetRow(s.Name, "A1", &hdr); err != nil {
			t.Fatal(err)
		}
		for r, it := range s.Items {
			v := it.Default
			if it.Required {
				v = filled[r]
			}
			row := []any{it.Name, v, it.Help}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := f.SetSheetRow(s.Name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var schemaSettings = map[int]string{
	SettingPlanName: "計画", SettingWard: "港北区", SettingSurvey: "調査", SettingDate: "2025-03-31",
}

// TestSchemaRead checks that a workbook written from the table alone is read
// with every column found where the table puts it, and no missing sheet,
// column or setting.
func TestSchemaRead(t *testing.T) {
	for _, w := range Schema {
		for _, aliases := range []bool{false, true} {
			data := schemaXLSX(t, w, aliases, schemaSettings)
			rd := &reader{b: &Batch{DistrictQ: -1, GenderQ: -1, AgeQ: -1}}
			fi := rd.addFile(w.File, KindDefinitions, data)
			wb, ok := rd.openBook(fi, data)
			if !ok {
				t.Fatalf("%s: unreadable: %v", w.File, rd.b.Problems)
			}
			for _, spec := range w.Sheets {
				s := rd.schemaSheet(wb, w.File, spec)
				if s == nil {
					t.Errorf("%s %s: sheet not found", w.File, spec.Name)
					continue
				}
				for c := range spec.Columns {
					if s.col(c) != c {
						t.Errorf("%s %s: column %q at %d, want %d (aliases %v)", w.File, spec.Name, spec.Header(c), s.col(c), c, aliases)
					}
				}
				if !rd.columns(w.File, s) {
					t.Errorf("%s %s: missing columns", w.File, spec.Name)
				}
			}
			wb.Close()
			for _, p := range rd.b.Problems {
				t.Errorf("%s: problem %v", w.File, p)
			}
		}
	}
	// The whole definitions reader: only the problems of empty sheets remain.
	rd, ok := readDefsBytes(schemaXLSX(t, DefinitionsSchema, false, schemaSettings))
	if !ok {
		t.Fatalf("definitions unusable: %v", rd.b.Problems)
	}
	for _, p := range rd.b.Problems {
		switch p.Code {
		case CodeMissingSheet, CodeMissingColumn, CodeMissingSetting, CodeBadSetting:
			t.Errorf("problem %v", p)
		}
	}
}

// TestSettingDefaults checks the table's defaults against inputs.md section 2.
func TestSettingDefaults(t *testing.T) {
	rd, _ := readDefsBytes(schemaXLSX(t, DefinitionsSchema, false, schemaSettings))
	want := Settings{
		PlanName: "計画", Ward: "港北区", SurveyName: "調査", Date: time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC),
		SuppressBelow: 10, ReferenceBelow: 30, Alpha: 0.05, Evaluation: EvalTest, Margin: 3, License: LicenseCCBY,
	}
	if got := rd.b.Settings; !reflect.DeepEqual(got, want) {
		t.Errorf("Settings = %+v\nwant %+v", got, want)
	}
	// A sheet without the optional items gives the same defaults.
	for i, it := range SettingsSheet.Items {
		if it.Default == "" {
			continue
		}
		var st Settings
		if _, _, ok := setSetting(&st, i, it.Default, it.Default); !ok {
			t.Errorf("%s: default %q does not parse", it.Name, it.Default)
		}
	}
}

// TestSchemaTable checks the shape of the table: every constant names a
// field, names are unique within their sheet, and every drop-down keyword is
// accepted by the reader.
func TestSchemaTable(t *testing.T) {
	sheets := map[string]bool{}
	for _, w := range Schema {
		for _, s := range w.Sheets {
			if sheets[NormKey(s.Name)] {
				t.Errorf("sheet %q twice", s.Name)
			}
			sheets[NormKey(s.Name)] = true
			for _, fields := range [][]Field{s.Columns, s.Items} {
				seen := map[string]bool{}
				for i, f := range fields {
					if f.Name == "" {
						t.Errorf("%s: field %d has no name (a gap in the constants)", s.Name, i)
					}
					for _, n := range f.Names() {
						if seen[NormKey(n)] {
							t.Errorf("%s: %q twice", s.Name, n)
						}
						seen[NormKey(n)] = true
					}
				}
			}
		}
	}
	accepts := map[*Field]func(string) bool{
		&QuestionsSheet.Columns[ColQuestionType]: func(v string) bool { _, ok := defQTypes[v]; return ok },
		&QuestionsSheet.Columns[ColQuestionAttr]: func(v string) bool { _, ok := defAttrs[v]; return ok || v == axisKeyword },
		&ChoicesSheet.Columns[ColChoicePositive]: func(v string) bool { p, ok := parseDefPositive(v); return ok && p },
		&IndicatorsSheet.Columns[ColIndicatorDirection]: func(v string) bool {
			_, ok := parseDefDirection(v)
			return ok
		},
		&HearingItemsSheet.Columns[ColItemKind]:  func(v string) bool { _, ok := defHearingKinds[v]; return ok },
		&CorrectionsSheet.Columns[ColCorrTarget]: func(v string) bool { _, ok := correctionTargets[v]; return ok },
		&ProgressSheet.Columns[ColProgNext]: func(v string) bool {
			n, ok := ParseNext(v)
			return ok && n != NextNone
		},
		&CommentarySheet.Columns[ColCommPlace]: func(v string) bool { p, ok := commentaryPlaces[v]; return ok && string(p) == v },
		&ProgressSheet.Columns[ColProgYear]:    func(v string) bool { _, ok := ParseYear(v); return ok },
		// 対応状況 is free text: any value is accepted and counted as written.
		&LinkageSheet.Columns[ColLinkStatus]: func(v string) bool { return v != "" },
		&ProgressSheet.Columns[ColProgRating]: func(v string) bool {
			scale := BuiltinProgressScale()
			idx := newChoiceIndex(&scale)
			_, ok := idx.lookup(v)
			return ok
		},
	}
	for _, w := range Schema {
		for _, s := range w.Sheets {
			for i := range s.Columns {
				f := &s.Columns[i]
				if len(f.Values) == 0 && f.Default == "" {
					continue
				}
				ok := accepts[f]
				if ok == nil {
					t.Errorf("%s %s: keywords without a check here", s.Name, f.Name)
					continue
				}
				for _, v := range append(f.Values, f.Default) {
					if v != "" && !ok(v) {
						t.Errorf("%s %s: %q not accepted", s.Name, f.Name, v)
					}
				}
			}
			for i, it := range s.Items {
				for _, v := range it.Values {
					var st Settings
					if _, _, ok := setSetting(&st, i, v, v); !ok {
						t.Errorf("%s %s: %q not accepted", s.Name, it.Name, v)
					}
				}
			}
		}
	}
}
