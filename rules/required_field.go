package rules

import "strings"

// RequiredField reports a key the vendor's schema requires that is missing.
var RequiredField = &Rule{
	ID:       "required-field",
	Title:    "required fields must be present",
	Severity: Error,
	Source:   "vendor OpenAPI CreateIndividualCustomerV2Input; SPEC structure table",
	Doc: `The API rejects a payload that lacks a required field. Required are
verification_type, basic_info, address and financial_profile; in basic_info:
first_name, last_name, dob, email, phone, country_of_residence,
primary_nationality and tax_info; in each tax_info entry: country_code,
document_type and document_id; in address: street_line_1, city,
subdivision_code, postal_code and country; in financial_profile:
employment_status, occupation_id, purpose_id, source_of_fund_ids and
monthly_volume_usd.

A business payload requires verification_type, industry_codes, basic_info,
financial_profile, addresses and associated_parties, and in them what its
schema lists ("finlint schema --kind business-v2"): in basic_info, among
others, legal_name, entity_type, incorporation_date,
country_of_incorporation, registration_number, tax_info and websites; in
each address state as well as subdivision_code; in each associated party
basic_info, address and roles. A missing _en twin that the kind always
requires, such as legal_name_en, is transliteration-missing's to report.

The finding's path is the missing key's own path (/basic_info/email); its line
and column point at the object that should hold it.`,
	Bad:  Example{Patch: `{"basic_info": {"email": null}}`},
	Good: Example{Patch: `{}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"entity_type": null}}`},
		Good: Example{Patch: `{"basic_info": {"entity_type": "CORPORATION"}}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "required-field") {
			msg := "missing required field " + quote(field(e.Pointer))
			if strings.Count(e.Pointer, "/") == 1 {
				msg = "missing required section " + quote(field(e.Pointer))
			}
			p.Report(Finding{Path: e.Pointer, Message: msg})
		}
	},
}
