package business

import "github.com/finlint/finlint/rules"

// partyRules check the associated parties and the owners: roles,
// ownership, contacts, dates.
var partyRules = []*rules.Rule{}
