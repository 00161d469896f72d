package analyze

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
	"golang.org/x/text/unicode/norm"
)

// releasedTokenizer returns a kagome tokenizer over the released ipa.Dict(),
// contents included, with IPATokenizer's options.
func releasedTokenizer(t testing.TB) *tokenizer.Tokenizer {
	t.Helper()
	tok, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// checkTokensEqualIPA checks that IPATokenizer cuts s (after NFKC, as the
// analysis does) into the tokens the released dictionary gives, each with
// the same features through featureAt as Token.Features there.
func checkTokensEqualIPA(t *testing.T, rel *tokenizer.Tokenizer, s string) {
	t.Helper()
	s = norm.NFKC.String(s)
	got, want := IPATokenizer().Tokenize(s), rel.Tokenize(s)
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, released dictionary %d", s, len(got), len(want))
	}
	for i, g := range got {
		w := want[i]
		if g.Index != w.Index || g.ID != w.ID || g.Class != w.Class || g.Position != w.Position ||
			g.Start != w.Start || g.End != w.End || g.Surface != w.Surface {
			t.Fatalf("%q: token %d is %+v, released dictionary %+v", s, i, g, w)
		}
		var fs []string
		for j := 0; ; j++ {
			f, ok := featureAt(g, j)
			if !ok {
				break
			}
			fs = append(fs, f)
		}
		if wf := w.Features(); !slices.Equal(fs, wf) {
			t.Fatalf("%q: token %d %q has features %q, released dictionary %q", s, i, g.Surface, fs, wf)
		}
		if !slices.Equal(g.POS(), w.POS()) {
			t.Fatalf("%q: token %d %q has POS %q, released dictionary %q", s, i, g.Surface, g.POS(), w.POS())
		}
	}
}

// TestTokensEqualIPA compares IPATokenizer and featureAt with the released
// dictionary on every distinct text of the scale-shaped sample and the hard
// batch, and on texts with unknown words, symbols and numbers.
func TestTokensEqualIPA(t *testing.T) {
	rel := releasedTokenizer(t)
	n, words := 0, 0
	for _, b := range cacheBatches(t) {
		seen := map[string]bool{}
		for _, d := range collectTexts(b) {
			if !seen[d.text] {
				seen[d.text] = true
				checkTokensEqualIPA(t, rel, d.text)
				n++
				words += utf8.RuneCountInString(d.text)
			}
		}
	}
	for _, s := range []string{"", "12", "０４５−１２３−４５６７", "ｱｲｳ😀ﾃﾞｽ", "田中さんが地域ケアプラザへ行った。",
		"足りなくなる 届かなかった 参加できません 来る 楽しい", "xyzzy Qwerty ぴよぴよ", "\n\t 　"} {
		checkTokensEqualIPA(t, rel, s)
	}
	if n < 500 {
		t.Fatalf("only %d distinct texts (%d runes)", n, words)
	}
}

func FuzzTokensEqualIPA(f *testing.F) {
	rel := releasedTokenizer(f)
	f.Add("田中さんが地域ケアプラザへ行った。足りなくなる")
	f.Add("ｱｲｳ😀ﾃﾞｽ 0451234567")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 || !utf8.ValidString(s) {
			return
		}
		checkTokensEqualIPA(t, rel, s)
	})
}

// TestFeatureAtOnly checks that analyze reads a token's features only
// through featureAt (no call of a method of those names elsewhere): ipadict's Dict has no Contents, so Token.FeatureAt and
// the methods built on it would give a known token's parts of speech only.
func TestFeatureAtOnly(t *testing.T) {
	banned := []string{"FeatureAt", "Features", "EqualFeatures", "BaseForm", "Reading",
		"Pronunciation", "InflectionalType", "InflectionalForm"}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "featureAt" {
				continue
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && slices.Contains(banned, sel.Sel.Name) {
					t.Errorf("%s: .%s: read a token's features with featureAt", fset.Position(sel.Pos()), sel.Sel.Name)
				}
				return true
			})
		}
	}
}
