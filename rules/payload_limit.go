package rules

import "fmt"

// PayloadLimit reports a payload too large to be a customer record.
var PayloadLimit = &Rule{
	ID:       "payload-limit",
	Title:    "a payload must not exceed the size limit",
	Severity: Error,
	Source:   "finlint limits (Options.MaxPayloadSize; the CLI's --max-size)",
	Doc: `A customer record is a few kilobytes. A payload over the size limit (1 MiB by
default, --max-size to change it) is almost certainly not one: a concatenated
file, a base64 blob in meta_data, or an NDJSON file read as one payload. It is
reported at the root and not parsed, so that a hostile or broken input cannot
take the process's memory; in an NDJSON stream the line is skipped without
being held in memory and the next record is checked as usual.

Split the input, or raise --max-size if the payloads really are that large.`,
	Bad:  Example{Patch: `{"meta_data": {"blob": "AAAAAAAAAAAAAAAA"}}`, MaxSize: 1024},
	Good: Example{Patch: `{"meta_data": {"blob": "AAAAAAAAAAAAAAAA"}}`, MaxSize: 1 << 20},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"meta_data": {"blob": "AAAAAAAAAAAAAAAA"}}`, MaxSize: 1024},
		Good: Example{Patch: `{"meta_data": {"blob": "AAAAAAAAAAAAAAAA"}}`, MaxSize: 1 << 20},
	}},
	Run: func(p *Pass) {
		switch {
		case p.MaxSize <= 0 || p.Size <= p.MaxSize:
		case p.Size == p.MaxSize+1:
			// A stream read only to one byte past the limit.
			p.Report(Finding{Path: "", Message: fmt.Sprintf("payload is larger than the %d-byte limit; it was not parsed", p.MaxSize)})
		default:
			p.Report(Finding{Path: "", Message: fmt.Sprintf("payload is %d bytes, over the %d-byte limit; it was not parsed", p.Size, p.MaxSize)})
		}
	},
}
