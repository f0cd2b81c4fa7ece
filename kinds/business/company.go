package business

import "github.com/finlint/finlint/rules"

// companyRules check the company itself: identifiers, industry, addresses,
// listings, compliance and tax documents.
var companyRules = []*rules.Rule{}
