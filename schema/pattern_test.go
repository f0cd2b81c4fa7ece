package schema_test

import (
	"regexp"
	"regexp/syntax"
	"testing"

	"github.com/finlint/finlint/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runeClass is the class a generated validator would hold for a pattern
// that is one character class.
func runeClass(t testing.TB, src string) schema.RuneClass {
	re, err := syntax.Parse(src, syntax.Perl)
	require.NoError(t, err)
	re = re.Simplify()
	require.Equal(t, syntax.OpCharClass, re.Op, src)
	return schema.RuneClass(re.Rune)
}

var classPatterns = []string{
	// \S as translated from ECMA-262: every Unicode white space excluded.
	`[^\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]`,
	`[a-z]`, `[0-9A-F]`, `[^a]`, `\d`, `[a\x{FFFD}]`, `[\x{FFFD}-\x{FFFE}]`, `[^\x00-\x{10FFFD}]`,
}

var classInputs = []string{
	"", " ", "\t\n\r\f\v", "\u00a0\u3000", "a", "  x ", "Ω", "\u2028", "\xff", "\xe2\x80", "a\xffb",
	"\u00a0", "\u0085", "ZZ", "9", "\U0010FFFF", "\x00",
}

// A RuneClass answers as package regexp answers for the same class.
func TestRuneClassMatchesRegexp(t *testing.T) {
	for _, src := range classPatterns {
		re, c := regexp.MustCompile(src), runeClass(t, src)
		for _, in := range classInputs {
			assert.Equal(t, re.MatchString(in), c.MatchString(in), "%s on %q", src, in)
		}
	}
	assert.True(t, runeClass(t, classPatterns[0]).MatchString(" x"))
	assert.False(t, runeClass(t, classPatterns[0]).MatchString(" \u3000\t"))
}

func FuzzRuneClassMatchesRegexp(f *testing.F) {
	for _, in := range classInputs {
		f.Add(in)
	}
	res := make([]*regexp.Regexp, len(classPatterns))
	cs := make([]schema.RuneClass, len(classPatterns))
	for i, src := range classPatterns {
		res[i], cs[i] = regexp.MustCompile(src), runeClass(f, src)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for i := range res {
			if got, want := cs[i].MatchString(in), res[i].MatchString(in); got != want {
				t.Fatalf("%s on %q: %v, regexp says %v", classPatterns[i], in, got, want)
			}
		}
	})
}
