package business

import "github.com/finlint/finlint/rules"

// Rules are the checks only business payloads have.
var Rules = []*rules.Rule{}
