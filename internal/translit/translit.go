// Package translit turns Latin-script text into plain ASCII, the only
// alphabet the vendor's API accepts, so that a linter can propose the "_en"
// value a caller forgot.
//
// It never guesses at other scripts: romanising Cyrillic, Greek, Arabic or
// Han text has many competing conventions (and for names, the person's own
// passport spelling wins), so such input is refused rather than mangled.
package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special holds the Latin letters and punctuation that canonical or
// compatibility decomposition leaves as they are (or turns into something
// that is still not ASCII), with their customary ASCII spelling.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "SS",
	'Ł': "L", 'ł': "l",
	'Ø': "O", 'ø': "o",
	'Æ': "AE", 'æ': "ae",
	'Œ': "OE", 'œ': "oe",
	'Þ': "Th", 'þ': "th",
	'Đ': "D", 'đ': "d",
	'Ð': "D", 'ð': "d",
	'Ɖ': "D", 'ɖ': "d",
	'ı': "i",
	'Ħ': "H", 'ħ': "h",
	// NFKD would give "l·", leaving a middle dot behind.
	'Ŀ': "L", 'ŀ': "l",
	'ĸ': "q",
	'ŉ': "'n",
	'Ŋ': "NG", 'ŋ': "ng",
	'Ŧ': "T", 'ŧ': "t",
	'Ə': "A", 'ə': "a",
	'Ǝ': "E", 'ǝ': "e",
	'Ƒ': "F", 'ƒ': "f",
	'Ɨ': "I", 'ɨ': "i",
	'Ʉ': "U", 'ʉ': "u",
	'Ɵ': "O", 'ɵ': "o",
	'Ȼ': "C", 'ȼ': "c",
	'Ƀ': "B", 'ƀ': "b",
	'Ɍ': "R", 'ɍ': "r",
	'Ɏ': "Y", 'ɏ': "y",
	'Ʒ': "Z", 'ʒ': "z",
	'ȸ': "db", 'ȹ': "qp",
	// Typographic punctuation.
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", 'ʹ': "'",
	'ʻ': "'", 'ʼ': "'", 'ʽ': "'", 'ˈ': "'",
	'“': `"`, '”': `"`, '„': `"`, '‟': `"`, '″': `"`, '«': `"`, '»': `"`,
	'‹': "'", '›': "'",
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
	'⁄': "/", '·': ".", '•': "*",
	'×': "x", '÷': "/",
}

// ToASCII returns s in printable ASCII and true, or "" and false when s has
// a character with no agreed ASCII form: a letter of a script other than
// Latin, or a symbol such as an emoji. Diacritics are dropped ("José" becomes
// "Jose", "Łódź" becomes "Lodz"), letters without a decomposition follow
// common usage ("ß" becomes "ss"), typographic quotes and dashes become their
// ASCII look-alikes, any white space becomes a plain space and other control
// and formatting characters are removed.
func ToASCII(s string) (string, bool) {
	if isPrintableASCII(s) {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if rep, ok := special[r]; ok {
			b.WriteString(rep)
			continue
		}
		if r < utf8.RuneSelf && r >= ' ' && r != 0x7f {
			b.WriteRune(r)
			continue
		}
		if unicode.IsSpace(r) {
			b.WriteByte(' ')
			continue
		}
		if unicode.In(r, unicode.Cc, unicode.Cf) {
			// Invisible: zero-width spaces, joiners, soft hyphens, BOMs.
			continue
		}
		if !unicode.In(r, unicode.Latin, unicode.Common, unicode.Inherited) {
			// Another script: some of its letters decompose to a bare
			// accent or a space (Greek ypogegrammeni), which must not pass
			// for a transliteration.
			return "", false
		}
		for _, d := range norm.NFKD.String(string(r)) {
			if !appendRune(&b, d) {
				return "", false
			}
		}
	}
	return b.String(), true
}

// appendRune writes one rune of a decomposed character and reports whether
// it had an ASCII form.
func appendRune(b *strings.Builder, r rune) bool {
	switch {
	case r >= ' ' && r < 0x7f:
		b.WriteRune(r)
	case unicode.In(r, unicode.Mn, unicode.Me):
		// The accent of a decomposed letter.
	case unicode.IsSpace(r):
		b.WriteByte(' ')
	default:
		rep, ok := special[r]
		if !ok {
			return false
		}
		b.WriteString(rep)
	}
	return true
}

// isPrintableASCII reports whether every byte of s is in ' '..'~'.
func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// IsLatin reports whether s holds no letter of a script other than Latin,
// that is, whether a person could read it as written in Latin letters.
// Letters shared by every script (such as the litre sign) do not count
// against it.
func IsLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Common, unicode.Inherited) {
			return false
		}
	}
	return true
}
