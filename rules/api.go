package rules

// APIError carries the API's own field errors into the findings of a
// submitted payload. No check of finlint produces it: `lint --submit` adds
// it from the answer to a refused request, so it has no Run and its
// examples are answers, not payloads.
var APIError = &Rule{
	ID:       "api",
	Title:    "the API refused a field of a submitted payload",
	Severity: Error,
	Source:   "vendor API answers 422 and 423",
	Doc: `With --submit, a payload that passed every check is sent to the API. When the
API refuses it, its answer names the faulty fields: a 422 carries a list of
field errors such as {"basic_info.email": "The email has already been taken."},
and a 423 says RELIANCE verification is not enabled for the client. Each becomes
a finding of this rule at the field's JSON Pointer (/basic_info/email,
/verification_type), with the API's message, and the payload's submission
status is failed.

These are problems finlint cannot see offline, such as an email already used
by another customer. Fix the payload and submit it again: a payload the API
refused was not created, so sending it again is safe.`,
	External: true,
}
