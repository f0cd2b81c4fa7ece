package business

import "github.com/finlint/finlint/rules"

// Rules are the checks only business payloads have: the company's own
// (companyRules) and its people's and owners' (partyRules).
var Rules = append(append([]*rules.Rule{}, companyRules...), partyRules...)
