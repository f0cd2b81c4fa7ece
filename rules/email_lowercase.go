package rules

import (
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// EmailLowercase reports a basic_info.email with upper-case letters.
var EmailLowercase = &Rule{
	ID:       "email-lowercase",
	Title:    "email must be all lowercase",
	Severity: Error,
	Source:   "vendor endpoint guide (Important Requirements: email must be all lowercase); vendor OpenAPI (basic_info.email)",
	Doc: `The vendor rejects basic_info.email when it has any upper-case letter,
although mail systems treat the domain, and nearly always the local part, as
case-insensitive. Lowercase the address before sending it.

This rule looks at letter case only, so it fires whether or not the address
is otherwise well formed (email-format judges that). The suggestion is the
lowercased address.`,
	Bad:  Example{Patch: `{"basic_info": {"email": "Maria.Garcia@Example.com"}}`},
	Good: Example{Patch: `{"basic_info": {"email": "maria.garcia@example.com"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"email": "Finance@HarborPoint.example.com"}}`},
		Good: Example{Patch: `{"basic_info": {"email": "finance@harborpoint.example.com"}}`},
	}},
	Run: func(p *Pass) {
		p.eachOf(p.roles().Emails, func(ptr string, v *jsondoc.Value) {
			email, ok := v.Text()
			if !ok {
				return
			}
			lower := strings.ToLower(email)
			if lower == email {
				return
			}
			f := Finding{
				Path:    ptr,
				Message: label(ptr) + " " + p.Quote(email) + " has upper-case letters; the API accepts only lowercase",
			}
			f.suggest(p.Suggest(lower), FixString)
			p.Report(f)
		})
	},
}
