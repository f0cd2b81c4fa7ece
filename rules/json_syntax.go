package rules

import "github.com/finlint/finlint/internal/jsondoc"

// JSONSyntax reports bytes that are not one JSON object in UTF-8.
var JSONSyntax = &Rule{
	ID:       "json-syntax",
	Title:    "the payload must be one JSON object in UTF-8",
	Severity: Error,
	Source:   "RFC 8259; SPEC §12",
	Doc: `The body must be exactly one JSON object, encoded as UTF-8, with nothing after it.
This rule reports the first syntax fault with its line and column (an unclosed
string, a trailing comma, a missing colon, NaN, a leading zero), bytes that are
not UTF-8, UTF-16 input, a byte order mark, data after the closing brace, and a
top-level value that is not an object.

When the bytes cannot be read as JSON at all no other rule can run, so fix this
finding first. A byte order mark or trailing data are reported but the value
before them is still checked by every other rule.`,
	Bad:  Example{Raw: "{\"verification_type\": \"STANDARD\",}"},
	Good: Example{Patch: `{}`},
	Run: func(p *Pass) {
		for _, pr := range p.Doc.Problems {
			p.Report(Finding{Path: "", Message: pr.Msg, Offset: pr.Offset})
		}
		if r := p.Root(); r != nil && r.Kind != jsondoc.Object {
			p.Report(Finding{Path: "", Message: "the top-level value must be an object, not " + kindWithArticle(r.Kind), Offset: r.Start})
		}
	},
}

func kindWithArticle(k jsondoc.Kind) string {
	switch k {
	case jsondoc.Null:
		return "null"
	case jsondoc.Array, jsondoc.Object:
		return "an " + k.String()
	}
	return "a " + k.String()
}
