package rules

import "fmt"

// DuplicateKey reports a key written twice in one object.
var DuplicateKey = &Rule{
	ID:       "duplicate-key",
	Title:    "a key must appear at most once in an object",
	Severity: Error,
	Source:   "RFC 8259 §4; SPEC §12",
	Doc: `JSON leaves the meaning of a repeated key open: some parsers keep the first value,
most keep the last, some reject the document. finlint checks the last value (as
the vendor's stack most likely reads it), but what you meant is ambiguous, so a
repeated key is an error at the repeat, naming the line of the first one.

Remove one of the two keys.`,
	Bad:  Example{Raw: `{"verification_type": "STANDARD", "verification_type": "RELIANCE"}`},
	Good: Example{Patch: `{}`},
	Run: func(p *Pass) {
		for _, d := range p.Doc.Duplicates {
			line, col := p.Doc.Position(d.First)
			p.Report(Finding{
				Path:    d.Pointer,
				Message: fmt.Sprintf("key %s repeats the one at line %d, column %d; parsers disagree about which value wins", quote(field(d.Pointer)), line, col),
				Offset:  d.KeyStart,
			})
		}
	},
}
