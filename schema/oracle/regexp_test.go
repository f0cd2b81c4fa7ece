package oracle

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// \s and \S are judged rune by rune against Go's Unicode tables, the
// White_Space property of the Unicode standard.
func TestWhiteSpaceIsUnicodeWhiteSpace(t *testing.T) {
	s, err := ecmaRegexp(`^\s$`)
	require.NoError(t, err)
	notS, err := ecmaRegexp(`^\S$`)
	require.NoError(t, err)
	inClass, err := ecmaRegexp(`^[\s]$`)
	require.NoError(t, err)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not a character a Go string can hold
		}
		c := string(r)
		want := unicode.IsSpace(r)
		if s.MatchString(c) != want || notS.MatchString(c) == want || inClass.MatchString(c) != want {
			t.Fatalf("U+%04X: \\s %v, \\S %v, [\\s] %v; White_Space is %v", r, s.MatchString(c), notS.MatchString(c), inClass.MatchString(c), want)
		}
	}
}

func TestECMAPatterns(t *testing.T) {
	cases := []struct {
		pattern string
		match   []string
		miss    []string
	}{
		{`\S`, []string{"a", "\u00a0a", " é "}, []string{"", " ", "\u00a0", "\u3000", "\u2028\u2029", "\t\n\v\f\r", "\u0085\u1680\u202f\u205f"}},
		{`^\u00e9+$`, []string{"é", "éé"}, []string{"e", ""}},
		{`^\u{1F600}$`, []string{"😀"}, []string{"x"}},
		{`^a.b$`, []string{"axb", "a b"}, []string{"a\nb", "a\rb", "a\u2028b", "a\u2029b"}},
		{`^[.]$`, []string{"."}, []string{"x"}},
		{`^\d+$`, []string{"0123"}, []string{"٣", "１"}}, // ASCII digits only, in both dialects
		{`^\+[1-9][0-9]{1,14}$`, []string{"+14155550123"}, []string{"+0", "14155550123"}},
		{`^[ -~]*$`, []string{"", "abc ~"}, []string{"é", "\t"}},
		{`^(?:ab)+$`, []string{"abab"}, []string{"aba"}},
	}
	for _, c := range cases {
		re, err := ecmaRegexp(c.pattern)
		require.NoError(t, err, c.pattern)
		assert.Equal(t, c.pattern, re.String(), "printed as written")
		for _, s := range c.match {
			assert.True(t, re.MatchString(s), "%s should match %q", c.pattern, s)
		}
		for _, s := range c.miss {
			assert.False(t, re.MatchString(s), "%s should not match %q", c.pattern, s)
		}
	}
}

// What Go cannot read the ECMA way is refused, never read the Go way.
func TestECMAPatternsGoCannotExpress(t *testing.T) {
	for _, p := range []string{`(?=a)b`, `(?!a)`, `(?<=a)b`, `(?<n>a)`, `(?i)a`, `(a)\1`, `[\S]`, `[]`, `[^]`, `\cJ`, `\k<n>`, `\u12`, `\u{110000}`, `a\`} {
		_, err := ecmaRegexp(p)
		assert.Error(t, err, p)
	}
}

// Every pattern of every kind's schema, the ones the rules take over
// included, compiles the ECMA way.
func TestEverySchemaPatternTranslates(t *testing.T) {
	files, err := filepath.Glob("../../kinds/*/*.schema.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		var doc any
		require.NoError(t, json.Unmarshal(src, &doc), file)
		var patterns []string
		var walk func(any)
		walk = func(v any) {
			switch t := v.(type) {
			case map[string]any:
				for k, c := range t {
					if s, ok := c.(string); ok && k == "pattern" {
						patterns = append(patterns, s)
					}
					walk(c)
				}
			case []any:
				for _, c := range t {
					walk(c)
				}
			}
		}
		walk(doc)
		require.NotEmpty(t, patterns, file)
		for _, p := range patterns {
			_, err := ecmaRegexp(p)
			assert.NoError(t, err, "%s: %s", file, p)
		}
	}
}
