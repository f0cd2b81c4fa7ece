package oracle

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// JSON Schema patterns are written in the ECMA-262 dialect, and Go's
// regexp differs from it where it matters for a payload: its \s and \S
// know only ASCII white space, so a name of only U+00A0 or U+3000 matched
// "\S" and passed as not blank. ecmaRegexp translates the ECMA escapes
// whose meaning differs into the Go syntax of the same set, and refuses
// what it cannot translate faithfully, so that a pattern added to the
// schema can never be quietly read the Go way.

// whiteSpace is the class \s stands for: the Unicode White_Space
// characters, the set unicode.IsSpace and strings.TrimSpace use, so that
// the schema and the rules agree on what is blank. (ECMA-262 also counts
// U+FEFF, a byte order mark, which is no one's idea of a blank name.)
const whiteSpace = `\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}`

// ecmaRegexp compiles an ECMA-262 pattern with Go's regexp.
func ecmaRegexp(pattern string) (jsonschema.Regexp, error) {
	goPattern, err := translateECMA(pattern)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	re, err := regexp.Compile(goPattern)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	return ecmaPattern{re: re, src: pattern}, nil
}

// ecmaPattern prints as the pattern the schema holds, not its translation.
type ecmaPattern struct {
	re  *regexp.Regexp
	src string
}

func (p ecmaPattern) MatchString(s string) bool { return p.re.MatchString(s) }
func (p ecmaPattern) String() string            { return p.src }

// TranslateECMA returns the Go regexp syntax of an ECMA-262 pattern, as
// Compile reads it, so that the generator can emit patterns that were
// translated once, when the code was generated, and mean what they mean
// here.
func TranslateECMA(pattern string) (string, error) {
	goPattern, err := translateECMA(pattern)
	if err != nil {
		return "", fmt.Errorf("pattern %q: %w", pattern, err)
	}
	if _, err := regexp.Compile(goPattern); err != nil {
		return "", fmt.Errorf("pattern %q: %w", pattern, err)
	}
	return goPattern, nil
}

// translateECMA rewrites an ECMA-262 pattern into Go syntax: \s and \S in
// full Unicode, \uXXXX and \u{X…} as \x{…}, and a dot that, as in ECMA-262,
// matches no line terminator. It refuses the constructs whose ECMA meaning
// Go cannot express (look-around, back-references, \S inside a class).
func translateECMA(p string) (string, error) {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\':
			if i+1 == len(p) {
				return "", fmt.Errorf("a trailing backslash")
			}
			i++
			e := p[i]
			switch e {
			case 's':
				if inClass {
					b.WriteString(whiteSpace)
				} else {
					b.WriteString(`[` + whiteSpace + `]`)
				}
			case 'S':
				if inClass {
					return "", fmt.Errorf(`\S inside a character class has no Go equivalent`)
				}
				b.WriteString(`[^` + whiteSpace + `]`)
			case 'u':
				r, n, err := unicodeEscape(p[i+1:])
				if err != nil {
					return "", err
				}
				i += n
				fmt.Fprintf(&b, `\x{%X}`, r)
			case 'c', 'k':
				return "", fmt.Errorf(`\%c has no Go equivalent`, e)
			default:
				if e >= '1' && e <= '9' && !inClass {
					return "", fmt.Errorf("back-references have no Go equivalent")
				}
				// \d, \w, \b, \D, \W, \B, \t, \n, \x41, \. and the rest
				// mean the same in both dialects.
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
			// A ']' right after '[' or '[^' closes an empty class in
			// ECMA-262 but is a literal in Go.
			if strings.HasPrefix(p[i+1:], "]") || strings.HasPrefix(p[i+1:], "^]") {
				return "", fmt.Errorf("an empty character class has no Go equivalent")
			}
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		case c == '(' && !inClass && strings.HasPrefix(p[i+1:], "?") &&
			!strings.HasPrefix(p[i+1:], "?:"):
			return "", fmt.Errorf("look-around and named groups are not supported")
		case c == '.' && !inClass:
			b.WriteString(`[^\n\r\x{2028}\x{2029}]`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// unicodeEscape reads the XXXX of \uXXXX or the X… of \u{X…} and returns
// the code point and the number of bytes read.
func unicodeEscape(s string) (rune, int, error) {
	if strings.HasPrefix(s, "{") {
		end := strings.IndexByte(s, '}')
		if end < 2 {
			return 0, 0, fmt.Errorf(`a malformed \u{…} escape`)
		}
		v, err := strconv.ParseUint(s[1:end], 16, 32)
		if err != nil || v > 0x10FFFF {
			return 0, 0, fmt.Errorf(`a malformed \u{…} escape`)
		}
		return rune(v), end + 1, nil
	}
	if len(s) < 4 {
		return 0, 0, fmt.Errorf(`a malformed \u escape`)
	}
	v, err := strconv.ParseUint(s[:4], 16, 16)
	if err != nil {
		return 0, 0, fmt.Errorf(`a malformed \u escape`)
	}
	return rune(v), 4, nil
}
