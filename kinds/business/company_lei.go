package business

import (
	"strings"
	"unicode/utf8"

	"github.com/finlint/finlint/internal/ident"
	"github.com/finlint/finlint/rules"
)

const leiPtr = "/basic_info/legal_entity_identifier"

// leiLength is the length of an LEI; the schema reports any other.
const leiLength = 20

// LEIFormat reports a legal_entity_identifier that is not 20 upper-case
// letters and digits.
var LEIFormat = &rules.Rule{
	ID:       "lei-format",
	Title:    "legal_entity_identifier must be 20 upper-case letters and digits",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (basic_info.legal_entity_identifier: LEI code, 20-character alphanumeric); ISO 17442; SPEC-business semantic rule 10",
	Doc: `basic_info.legal_entity_identifier, when given, is an ISO 17442 Legal Entity
Identifier: 20 characters, upper-case letters A-Z and digits 0-9, the last
two of them digits (the check digits). The vendor says only "20-character
alphanumeric"; ISO 17442 and the GLEIF register write every LEI in upper
case, and so must the payload.

A value of another length is reported by the schema checks (the vendor's
minLength and maxLength of 20), not here. A value in lower or mixed case is
suggested in upper case when that makes it well formed, and finlint fix
applies the suggestion. Copy the LEI from the company's GLEIF record
(search.gleif.org) rather than retyping it; lei-check-digits checks its
check digits.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"legal_entity_identifier": "5493004hpsw0rref0a16"}}`},
	Good: rules.Example{Patch: `{"basic_info": {"legal_entity_identifier": "5493004HPSW0RREF0A16"}}`},
	Run: func(p *rules.Pass) {
		s, ok := p.Text(leiPtr)
		if !ok || utf8.RuneCountInString(s) != leiLength {
			return
		}
		reason := ident.LEIFormat(s)
		if reason == "" {
			return
		}
		f := rules.Finding{Path: leiPtr, Message: rules.Label(leiPtr) + " " + p.Quote(s) + " is not a well-formed LEI: " + reason}
		if up := strings.ToUpper(s); up != s && ident.LEIFormat(up) == "" {
			coSuggest(p, &f, up, rules.FixString)
		}
		p.Report(f)
	},
}

// LEICheckDigits reports a well-formed legal_entity_identifier whose ISO
// 17442 check digits do not hold.
var LEICheckDigits = &rules.Rule{
	ID:       "lei-check-digits",
	Title:    "legal_entity_identifier check digits should hold",
	Severity: rules.Warning,
	Kinds:    []string{"business-v2"},
	Source:   "ISO 17442 (ISO 7064 MOD 97-10 check digits); SPEC-business semantic rule 10",
	Doc: `The last two characters of an LEI are check digits over the first 18 (ISO
7064 MOD 97-10: with letters read as 10 to 35, the whole LEI leaves
remainder 1 when divided by 97). Every issued LEI passes this test, so one
that fails has a typing or copying error somewhere, not necessarily in the
check digits themselves.

The message says which check digits the first 18 characters give. There is
no automatic fix: replacing the check digits would make a mistyped LEI look
valid while still naming the wrong company, or none. Copy the LEI from the
company's GLEIF record (search.gleif.org). Only well-formed LEIs are checked
here; lei-format reports the others.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"legal_entity_identifier": "5493004HPSW0RREF0A17"}}`},
	Good: rules.Example{Patch: `{"basic_info": {"legal_entity_identifier": "5493004HPSW0RREF0A16"}}`},
	Run: func(p *rules.Pass) {
		s, ok := p.Text(leiPtr)
		if !ok || ident.LEIFormat(s) != "" {
			return
		}
		if reason := ident.LEIChecksum(s); reason != "" {
			p.Reportf(leiPtr, rules.Label(leiPtr)+" "+p.Quote(s)+" fails its ISO 17442 check: "+reason+"; copy the LEI from the company's GLEIF record")
		}
	},
}
