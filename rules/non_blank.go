package rules

// NonBlank reports a required text that is empty or only white space.
var NonBlank = &Rule{
	ID:       "non-blank",
	Title:    "names, street line 1, city and tax documents must not be blank",
	Severity: Error,
	Source:   "SPEC structure table",
	Doc: `A field that is present must say something: first_name, last_name,
middle_name and their _en transliterations, street_line_1, city, and each
tax_info document_type and document_id must hold at least one character that
is not white space. White space is Unicode's: the no-break space (U+00A0),
the ideographic space (U+3000), line separators and the other White_Space
characters are as blank as an ASCII space. (postal_code, street_line_2 and the street lines' _en
twins are only required to be strings.) "" and "   " are how a blank spreadsheet cell or an
unset template variable usually arrive.

In a business payload the same holds for the company's legal_name,
trade_name, description and registration_number, every _en twin, each
associated party's names and ownership_info.designation, an address's
street_line_1, city and (unlike an individual's) postal_code, each tax_info
document_type and document_id, and the other text fields its schema
requires, such as those of compliance.regulated_activity.

Fill the value in, or leave an optional field (middle_name) out altogether.`,
	Bad:  Example{Patch: `{"basic_info": {"middle_name": " "}}`},
	Good: Example{Patch: `{"basic_info": {"middle_name": null}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"description": " "}}`},
		Good: Example{Patch: `{"basic_info": {"description": "Custom software development"}}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "non-blank") {
			p.Report(Finding{Path: e.Pointer, Message: label(e.Pointer) + " must not be blank"})
		}
	},
}
