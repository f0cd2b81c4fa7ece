package rules

import (
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/internal/translit"
	"github.com/finlint/finlint/kind"
)

// twinBase reports whether ptr is a field of the payload's kind that may
// hold non-ASCII text beside its "_en" twin.
func (p *Pass) twinBase(ptr string) bool {
	if p.Kind == nil {
		return false
	}
	_, _, ok := p.Kind.TwinOf(ptr)
	return ok
}

// isTwin reports whether ptr is one of the "_en" transliteration fields.
func (p *Pass) isTwin(ptr string) bool { return p.Kind != nil && p.Kind.IsTwin(ptr) }

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

In a business payload the fields with an _en twin are basic_info.legal_name
and trade_name, the street lines of every address, each associated party's
first_name, middle_name and last_name, and a corporate shareholder's
entity_name. There legal_name_en, entity_name_en, the street_line_1_en of
every address and the parties' first_name_en and last_name_en are required
even beside plain ASCII text, which is then its own transliteration.

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
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"legal_name": "Müller GmbH", "legal_name_en": null}}`},
		Good: Example{Patch: `{"basic_info": {"legal_name": "Müller GmbH", "legal_name_en": "Muller GmbH"}}`},
	}},
	Run: func(p *Pass) {
		if p.Kind == nil {
			return
		}
		for _, role := range p.Kind.Roles.Twins {
			kind.Each(p.Root(), role.Base, func(ptr string, v *jsondoc.Value) {
				s, ok := v.Text()
				if !ok {
					return
				}
				twinPtr := kind.Expand(role.Twin, ptr)
				_, nonASCII := firstNonASCII(s)
				if p.Lookup(twinPtr) != nil || !nonASCII && !role.Always {
					return
				}
				base, twin := field(ptr), field(twinPtr)
				if !nonASCII {
					// The vendor requires this twin even for ASCII text:
					// the same text is its transliteration.
					f := Finding{Path: twinPtr, Offset: v.Start, Message: twin + " is required beside " + base + ", even when " + base + " is plain ASCII"}
					if strings.TrimSpace(s) != "" {
						f.suggest(p.Suggest(s), FixInsert)
					}
					p.Report(f)
					return
				}
				ascii, ok := translit.ToASCII(s)
				if !ok || strings.TrimSpace(ascii) == "" {
					msg := base + " has characters with no ASCII form: add " + twin + " with the text in plain ASCII"
					if !translit.IsLatin(s) {
						msg = base + " is not in Latin script: add " + twin + " with the text as written in Latin letters"
					}
					p.Report(Finding{Path: twinPtr, Offset: v.Start, Message: msg})
					return
				}
				f := Finding{
					Path:    twinPtr,
					Offset:  v.Start,
					Message: base + " has non-ASCII characters: add " + twin + " with its Latin transliteration",
				}
				f.suggest(p.Suggest(ascii), FixInsert)
				p.Report(f)
			})
		}
	},
}
