package rules

import (
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/schema"
)

// Schema errors are reported by the rule that owns them, so each has an id
// users can turn off or re-grade. Where a semantic rule checks the same
// thing with a better message and a suggestion, the schema's error is
// dropped here rather than reported twice.
func schemaOwner(e schema.Error) string {
	switch e.Keyword {
	case "required":
		return "required-field"
	case "additionalProperties":
		return "unknown-field"
	case "type":
		if e.Pointer == "" {
			return "" // json-syntax says the top level must be an object
		}
		return "field-type"
	case "enum":
		if e.Def == "countryCode" {
			return "" // country-code, with a suggestion
		}
		return "enum-value"
	case "format":
		switch {
		case e.Want != nil && e.Want[0] == "email":
			return "" // email-format applies the vendor's stricter reading
		case e.Want != nil && e.Want[0] == "date":
			return "date-format"
		case e.Want != nil && e.Want[0] == "uri" && kind.Match("/basic_info/websites/*", e.Pointer):
			return "" // website-url, a business rule, says what is wrong
		}
		return "schema"
	case "pattern":
		switch e.Def {
		case "nonBlank":
			return "non-blank"
		case "e164", "printableAscii", "subdivisionCode":
			return "" // phone-format, non-ascii, control-character, subdivision-code
		}
		return "schema"
	case "minItems":
		return "min-items"
	case "minimum":
		return "number-range"
	}
	return "schema"
}

// schemaErrorsFor returns the schema errors that rule id owns.
func schemaErrorsFor(p *Pass, id string) []schema.Error {
	var out []schema.Error
	for _, e := range p.SchemaErrors() {
		if e.Keyword == "required" && p.alwaysTwin(e.Pointer) {
			continue // transliteration-missing, with the text to add
		}
		if schemaOwner(e) == id {
			out = append(out, e)
		}
	}
	return out
}

// field returns the last token of a pointer, for messages.
func field(ptr string) string {
	for i := len(ptr) - 1; i >= 0; i-- {
		if ptr[i] == '/' {
			return unescapeToken(ptr[i+1:])
		}
	}
	return ptr
}

func unescapeToken(t string) string {
	out := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if t[i] == '~' && i+1 < len(t) {
			switch t[i+1] {
			case '0':
				out = append(out, '~')
				i++
				continue
			case '1':
				out = append(out, '/')
				i++
				continue
			}
		}
		out = append(out, t[i])
	}
	return string(out)
}

// label names the field at ptr for a message: the path below the section,
// with array indexes in brackets ("tax_info[0].document_id",
// "associated_parties[1].basic_info.email").
func label(ptr string) string {
	toks := jsondoc.SplitPointer(ptr)
	if len(toks) == 0 {
		return "the payload"
	}
	// The section goes (basic_info, address), but not a list's name: a
	// party is "associated_parties[0].basic_info.email".
	if len(toks) > 1 && !isIndex(toks[1]) {
		toks = toks[1:]
	}
	var b strings.Builder
	for i, t := range toks {
		switch {
		case isIndex(t):
			b.WriteString("[" + t + "]")
		case i > 0:
			b.WriteString("." + t)
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

func isIndex(tok string) bool {
	if tok == "" {
		return false
	}
	for _, c := range tok {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// alwaysTwin reports whether ptr is an "_en" twin the kind requires even
// beside plain ASCII text.
func (p *Pass) alwaysTwin(ptr string) bool {
	if p.Kind == nil {
		return false
	}
	for _, t := range p.Kind.Roles.Twins {
		if t.Always && kind.Match(t.Twin, ptr) {
			return true
		}
	}
	return false
}

// Label names the field at ptr for a message, as the rules of this package
// do: the path below the top-level section, with array indexes in brackets
// ("tax_info[0].document_id").
func Label(ptr string) string { return label(ptr) }

// Field returns the last token of a pointer, unescaped, for messages.
func Field(ptr string) string { return field(ptr) }
