package business

import "github.com/finlint/finlint/rules"

// Rules are the checks only business payloads have: the company's own
// (companyRules), its people's and owners' (partyRules) and their
// contacts' (contactRules).
var Rules = append(append(append([]*rules.Rule{}, companyRules...), partyRules...), contactRules...)
