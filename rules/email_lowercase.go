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

In a business payload the company's basic_info.email and each associated
party's basic_info.email are held to the same rule.

This rule looks at letter case only, so it fires whether or not the address
is otherwise well formed (email-format judges that). The suggestion is the
lowercased address.`,
	Bad:  Example{Patch: `{"basic_info": {"email": "Maria.Garcia@Example.com"}}`},
	Good: Example{Patch: `{"basic_info": {"email": "maria.garcia@example.com"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad: Example{Patch: `{"associated_parties": [{
  "ref": "owner-001",
  "basic_info": {
    "email": "Jane.Doe@HarborPoint.example.com",
    "first_name": "Jane", "first_name_en": "Jane", "middle_name": "Marie", "middle_name_en": "Marie",
    "last_name": "Doe", "last_name_en": "Doe", "dob": "1981-07-09",
    "phone": "+12125550172", "country_of_residence": "USA", "primary_nationality": "USA",
    "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "536-21-4478"}]
  },
  "address": {
    "street_line_1": "245 West 72nd Street", "street_line_1_en": "245 West 72nd Street",
    "street_line_2": "Apt 9C", "city": "New York", "state": "US-NY", "subdivision_code": "US-NY",
    "postal_code": "10023", "country": "USA"
  },
  "roles": ["shareholder", "ubo"],
  "ownership_info": {
    "designation": "Chief Executive Officer", "percentage_of_ownership": 75,
    "relationship_establishment_date": "2016-03-14", "has_control": true, "is_signer": true, "is_director": true
  }
}]}`},
		Good: Example{Patch: `{}`},
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
