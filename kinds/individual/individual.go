// Package individual is the individual-v2 payload kind: the body of
// POST /v2/customers/individual (Create Individual Customer V2).
package individual

import (
	_ "embed"

	"github.com/finlint/finlint/kind"
)

//go:embed individual-v2.schema.json
var schemaJSON []byte

//go:embed reference.json
var reference string

// Kind is the individual-v2 kind.
var Kind = &kind.Kind{
	Name:         "individual-v2",
	Title:        "Create Individual Customer V2",
	Endpoint:     "/v2/customers/individual",
	CustomerType: "INDIVIDUAL",
	SchemaID:     "https://github.com/finlint/finlint/schema/create-individual-customer-v2.json",
	SchemaJSON:   schemaJSON,
	Validate:     validate,
	Reference:    reference,
	// A person's names and one address; a business has a legal name and
	// addresses.
	Markers: []string{"/basic_info/first_name", "/basic_info/last_name", "/basic_info/dob", "/address", "/financial_profile/occupation_id"},
	Roles: kind.Roles{
		TaxInfo:       []string{"/basic_info/tax_info"},
		PersonTaxInfo: []string{"/basic_info/tax_info"},
		Emails:        []string{"/basic_info/email"},
		Phones: []kind.Phone{{
			Ptr:       "/basic_info/phone",
			Region:    []string{"/basic_info/country_of_residence", "/address/country"},
			Residence: "/basic_info/country_of_residence",
		}},
		Countries: []string{
			"/basic_info/country_of_residence", "/basic_info/primary_nationality", "/basic_info/secondary_nationality",
			"/basic_info/tax_info/*/country_code", "/address/country",
		},
		Addresses: []kind.Address{{Ptr: "/address", Country: "country", Subdivisions: []string{"subdivision_code"}}},
		References: []kind.Reference{
			{Ptr: "/financial_profile/occupation_id", Catalogue: "occupations"},
			{Ptr: "/financial_profile/purpose_id", Catalogue: "purposes-individual"},
			{Ptr: "/financial_profile/source_of_fund_ids", Catalogue: "source-of-funds-individual", List: true},
		},
		Integers: []string{
			"/financial_profile/occupation_id", "/financial_profile/purpose_id", "/financial_profile/monthly_volume_usd",
			"/financial_profile/source_of_fund_ids/*",
		},
		Births: []string{"/basic_info/dob"},
		Twins: []kind.Twin{
			{Base: "/basic_info/first_name", Twin: "/basic_info/first_name_en"},
			{Base: "/basic_info/middle_name", Twin: "/basic_info/middle_name_en"},
			{Base: "/basic_info/last_name", Twin: "/basic_info/last_name_en"},
			{Base: "/address/street_line_1", Twin: "/address/street_line_1_en"},
			{Base: "/address/street_line_2", Twin: "/address/street_line_2_en"},
		},
	},
}
