package rules

// UnknownField reports a key the vendor's schema does not define.
var UnknownField = &Rule{
	ID:       "unknown-field",
	Title:    "keys must be ones the vendor defines",
	Severity: Warning,
	Source:   "vendor OpenAPI CreateIndividualCustomerV2Input; SPEC structure table",
	Doc: `A key the API does not define is most likely a typo of one it does
(first_nmae), a field of another endpoint (the V1 body's nationality or tin),
or a leftover of an internal format. The API may ignore it silently, which is
worse than an error: the value you meant to send never arrives.

It is a warning, not an error, because the API may accept the payload. Keys
inside meta_data are free-form and never reported. When a known key is close,
the suggestion names it.`,
	Bad:  Example{Patch: `{"basic_info": {"first_nmae": "Maria"}}`},
	Good: Example{Patch: `{"meta_data": {"first_nmae": "anything goes here"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"legal_nmae": "Harbor Point Software, Inc."}}`},
		Good: Example{Patch: `{"meta_data": {"legal_nmae": "anything goes here"}}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "unknown-field") {
			key := field(e.Pointer)
			f := Finding{Path: e.Pointer, Message: "unknown field " + quote(key)}
			if near := Nearest(key, e.Known); near != "" {
				f.Message += "; did you mean " + quote(near) + "?"
				f.Suggestion = near
			}
			p.Report(f)
		}
	},
}
