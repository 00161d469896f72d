package ingest

import (
	"slices"
	"testing"
)

// TestSettingContactLicense reads 問い合わせ先 (lines of the cell, blank lines
// dropped) and 公開ライセンス (its two values in the ways staff type them).
func TestSettingContactLicense(t *testing.T) {
	var st Settings
	if _, _, ok := setSetting(&st, SettingContact, "x", " 港北区 福祉保健課\n\n 電話 045-540-2362 \r\nkh-fukushi@example.jp"); !ok {
		t.Fatal("問い合わせ先 refused")
	}
	if want := []string{"港北区 福祉保健課", "電話 045-540-2362", "kh-fukushi@example.jp"}; !slices.Equal(st.Contact, want) {
		t.Errorf("Contact = %q, want %q", st.Contact, want)
	}
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"CC BY 4.0", LicenseCCBY, true},
		{"cc-by 4.0", LicenseCCBY, true},
		{"CCBY", LicenseCCBY, true},
		{"公共データ利用規約(第1.0版)", LicenseGovStd, true},
		{"公共データ利用規約", LicenseGovStd, true},
		{"政府標準利用規約（第2.0版）", LicenseGovStd, true},
		{"ＣＣ ＢＹ ４．０", LicenseCCBY, true},
		{"CC BY 4.0 国際", LicenseCCBY, true},
		{"クリエイティブ・コモンズ 表示 4.0 国際", LicenseCCBY, true},
		{"公共データ利用規約（第１．０版）", LicenseGovStd, true},
		{"CC0", "", false},
		{"CC BY-NC 4.0", "", false},
		{"CC BY-SA 4.0", "", false},
	} {
		st := Settings{License: LicenseCCBY}
		hint, _, ok := setSetting(&st, SettingLicense, tc.in, tc.in)
		if ok != tc.ok || ok && st.License != tc.want {
			t.Errorf("公開ライセンス %q: ok=%v License=%q, want ok=%v %q", tc.in, ok, st.License, tc.ok, tc.want)
		}
		if !ok && (hint != HintEither || st.License != LicenseCCBY) {
			t.Errorf("公開ライセンス %q: hint %q, License %q (want HintEither, unchanged)", tc.in, hint, st.License)
		}
	}
}
