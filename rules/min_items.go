package rules

// MinItems reports an empty tax_info or source_of_fund_ids.
var MinItems = &Rule{
	ID:       "min-items",
	Title:    "tax_info and source_of_fund_ids need at least one item",
	Severity: Error,
	Source:   "vendor OpenAPI (minItems: 1)",
	Doc: `basic_info.tax_info must list at least one tax document, and
financial_profile.source_of_fund_ids at least one source-of-funds id. An empty
array is rejected just as a missing one is.

A business payload needs at least one item in industry_codes,
basic_info.tax_info, basic_info.websites, source_of_fund_ids,
source_of_wealth_ids and associated_parties, and each associated party at
least one of the roles.`,
	Bad:  Example{Patch: `{"financial_profile": {"source_of_fund_ids": []}}`},
	Good: Example{Patch: `{"financial_profile": {"source_of_fund_ids": [1]}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"associated_parties": []}`},
		Good: Example{Patch: `{}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "min-items") {
			p.Report(Finding{Path: e.Pointer, Message: label(e.Pointer) + " " + e.Message})
		}
	},
}
