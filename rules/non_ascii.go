package rules

import (
	"fmt"
	"strconv"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/internal/translit"
)

// NonASCII reports non-ASCII text in any string value other than the five
// fields whose "_en" twin carries a transliteration.
var NonASCII = &Rule{
	ID:       "non-ascii",
	Title:    "text must be ASCII outside names and street lines",
	Severity: Error,
	Source:   "vendor endpoint guide (only English (Latin) characters are allowed in all fields); OpenAPI *_en fields; SPEC semantic rule 6",
	Doc: `The vendor accepts only ASCII text in every field. The exceptions are
first_name, middle_name, last_name, street_line_1 and street_line_2, which
may keep non-ASCII text next to a plain _en transliteration; when that twin
is missing, transliteration-missing reports it, once, with the
transliteration to add. Every other string value is checked, wherever it
is: city, email, document ids, meta_data and inside arrays. Invisible
characters count too: a no-break space or a zero-width space pasted from a
web page or spreadsheet is just as non-ASCII as "é".

In a business payload the fields that may keep non-ASCII text beside an _en
twin are basic_info.legal_name and trade_name, the street lines of every
address, each associated party's names and a corporate shareholder's
entity_name.

The _en fields themselves must be printable ASCII: they are what the API
uses.

When the text is Latin, the suggestion is a transliteration ("São Paulo"
gives "Sao Paulo"); text in another script gets none. Control characters
are reported by control-character, not here.`,
	Bad:  Example{Patch: `{"address": {"city": "São Paulo"}}`},
	Good: Example{Patch: `{"address": {"city": "Sao Paulo"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"addresses": {"incorporated_address": {"city": "Zürich"}}}`},
		Good: Example{Patch: `{"addresses": {"incorporated_address": {"city": "Zurich"}}}`},
	}},
	Run: func(p *Pass) {
		if p.Doc.PlainText() {
			return // the reader saw nothing but printable ASCII
		}
		eachStringValue(p.Root(), "", func(ptr string, v *jsondoc.Value) {
			if p.twinBase(ptr) {
				// Allowed beside its twin; without it, the one problem is
				// the missing twin: transliteration-missing's finding, at
				// this value, with the transliteration to add.
				return
			}
			r, found := firstNonASCII(v.Str)
			if !found {
				return
			}
			f := Finding{Path: ptr, Offset: v.Start}
			what := "a non-ASCII character"
			if !p.isTaxDocumentID(ptr) {
				what += " " + p.Quote(string(r))
				if !p.Settings.Redact {
					what += fmt.Sprintf(" (%U)", r)
				}
				if ascii, ok := translit.ToASCII(v.Str); ok {
					f.Suggestion = p.Suggest(ascii)
				}
			}
			switch {
			case p.isTwin(ptr):
				f.Message = field(ptr) + " must be printable ASCII, but has " + what
			default:
				f.Message = label(ptr) + " has " + what + "; the API accepts ASCII only"
			}
			p.Report(f)
		})
	},
}

// firstNonASCII returns the first character of s outside ASCII. C1 control
// characters do not count: they are control-character's to report, and
// removing them is the whole fix.
func firstNonASCII(s string) (rune, bool) {
	for _, r := range s {
		if r > 0x9f {
			return r, true
		}
	}
	return 0, false
}

// eachStringValue calls fn for every string value under v, in document
// order, with its JSON Pointer. Every member of an object is visited, a
// repeated key included, so that each copy is checked at its own offset.
func eachStringValue(v *jsondoc.Value, ptr string, fn func(ptr string, v *jsondoc.Value)) {
	if v == nil {
		return
	}
	switch v.Kind {
	case jsondoc.String:
		fn(ptr, v)
	case jsondoc.Array:
		for i, it := range v.Items {
			eachStringValue(it, jsondoc.Join(ptr, strconv.Itoa(i)), fn)
		}
	case jsondoc.Object:
		for _, m := range v.Members {
			eachStringValue(m.Value, jsondoc.Join(ptr, m.Key), fn)
		}
	}
}

// isTaxDocumentID reports whether ptr is a tax document id, which is never
// quoted or suggested in full, whatever the redaction setting. In a payload
// of no known kind every document_id counts as one.
func (p *Pass) isTaxDocumentID(ptr string) bool {
	if p.Kind == nil {
		return field(ptr) == "document_id"
	}
	return p.Kind.IsTaxDocumentID(ptr)
}
