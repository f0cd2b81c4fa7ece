package rules

import (
	"strings"

	"github.com/finlint/finlint/internal/translit"
)

// latinTwin is a field that may hold non-ASCII text and the "_en" field that
// must then carry its Latin transliteration.
type latinTwin struct {
	base, twin string
}

// latinTwins are the only fields the vendor lets hold non-ASCII text.
var latinTwins = [...]latinTwin{
	{"/basic_info/first_name", "/basic_info/first_name_en"},
	{"/basic_info/middle_name", "/basic_info/middle_name_en"},
	{"/basic_info/last_name", "/basic_info/last_name_en"},
	{"/address/street_line_1", "/address/street_line_1_en"},
	{"/address/street_line_2", "/address/street_line_2_en"},
}

// isLatinTwinBase reports whether ptr is one of the fields that may hold
// non-ASCII text.
func isLatinTwinBase(ptr string) bool {
	for _, t := range latinTwins {
		if t.base == ptr {
			return true
		}
	}
	return false
}

// isLatinTwin reports whether ptr is one of the "_en" transliteration fields.
func isLatinTwin(ptr string) bool {
	for _, t := range latinTwins {
		if t.twin == ptr {
			return true
		}
	}
	return false
}

// Transliteration reports a name or street line with non-ASCII text whose
// "_en" transliteration is missing.
var Transliteration = &Rule{
	ID:       "transliteration-missing",
	Title:    "names and street lines with non-ASCII text need their _en transliteration",
	Severity: Error,
	Source:   "vendor endpoint guide (only English (Latin) characters; non-ASCII fields need the _en transliteration) and OpenAPI *_en fields; SPEC semantic rule 6",
	Doc: `The vendor accepts only ASCII text. Five fields are the exception:
first_name, middle_name, last_name, street_line_1 and street_line_2 may keep
the customer's own spelling ("José", "Königstraße", "Мария") as long as the
matching _en field (first_name_en, street_line_1_en, ...) carries the same
text in plain Latin letters. Without it the API rejects the payload.

This is the one finding for the problem (non-ascii stays silent about these
five fields): it is placed at the non-ASCII value, where the reader looks,
and its JSON Pointer is the missing _en field's. finlint fix adds the _en
field right after the field it transliterates. For Latin text the
suggestion is a transliteration that drops diacritics and spells out letters
such as ß, Ł or Ø ("José" gives "Jose", "Königstraße" gives
"Konigstrasse"); check it against the customer's documents, which may use
another convention ("Koenigstrasse"). Text in another script (Cyrillic,
Greek, Arabic, Chinese, ...) gets no suggestion: write the _en field as the
name appears in Latin letters in the customer's passport.

Any other field with non-ASCII text is reported by non-ascii instead.`,
	Bad:  Example{Patch: `{"basic_info": {"first_name": "José"}}`},
	Good: Example{Patch: `{"basic_info": {"first_name": "José", "first_name_en": "Jose"}}`},
	Run: func(p *Pass) {
		for _, t := range latinTwins {
			s, ok := p.Text(t.base)
			if !ok {
				continue
			}
			at := p.Lookup(t.base).Start
			if _, found := firstNonASCII(s); !found || p.Lookup(t.twin) != nil {
				continue
			}
			base, twin := field(t.base), field(t.twin)
			ascii, ok := translit.ToASCII(s)
			if !ok || strings.TrimSpace(ascii) == "" {
				msg := base + " has characters with no ASCII form: add " + twin + " with the text in plain ASCII"
				if !translit.IsLatin(s) {
					msg = base + " is not in Latin script: add " + twin + " with the text as written in Latin letters"
				}
				p.Report(Finding{Path: t.twin, Offset: at, Message: msg})
				continue
			}
			f := Finding{
				Path:    t.twin,
				Offset:  at,
				Message: base + " has non-ASCII characters: add " + twin + " with its Latin transliteration",
			}
			f.suggest(p.Suggest(ascii), FixInsert)
			p.Report(f)
		}
	},
}
