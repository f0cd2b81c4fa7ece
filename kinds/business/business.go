package business

import "github.com/finlint/finlint/kind"

// Kind is the business-v2 kind.
var Kind = &kind.Kind{
	Name:         "business-v2",
	Title:        "Create Business Customer V2",
	Endpoint:     "/v2/customers/business",
	CustomerType: "BUSINESS",
	SchemaID:     "https://github.com/finlint/finlint/schema/create-business-customer-v2.json",
	SchemaJSON:   SchemaJSON,
	Validate:     validate,
	Reference:    string(ReferenceJSON),
	// A company's legal name, its addresses and the people behind it; a
	// person has names and one address.
	Markers: []string{"/basic_info/legal_name", "/basic_info/entity_type", "/addresses", "/associated_parties"},
	Roles: kind.Roles{
		TaxInfo:       []string{"/basic_info/tax_info", "/associated_parties/*/basic_info/tax_info"},
		PersonTaxInfo: []string{"/associated_parties/*/basic_info/tax_info"},
		Emails:        []string{"/basic_info/email", "/associated_parties/*/basic_info/email"},
		// The vendor states that a phone must belong to the holder's
		// country only for individuals: the rules of this kind weigh a
		// party's phone against its residence (a warning) and the
		// company's against its country of incorporation (an info).
		Phones: []kind.Phone{
			{Ptr: "/basic_info/phone", Region: []string{"/basic_info/country_of_incorporation", "/addresses/incorporated_address/country"}},
			{Ptr: "/associated_parties/*/basic_info/phone", Region: []string{"/associated_parties/*/basic_info/country_of_residence", "/associated_parties/*/address/country"}},
		},
		Countries: []string{
			"/basic_info/country_of_incorporation", "/basic_info/tax_info/*/country_code",
			"/addresses/incorporated_address/country", "/addresses/physical_address/country",
			"/associated_parties/*/basic_info/country_of_residence", "/associated_parties/*/basic_info/primary_nationality",
			"/associated_parties/*/basic_info/secondary_nationality", "/associated_parties/*/basic_info/tax_info/*/country_code",
			"/associated_parties/*/address/country",
			"/holding_structure/corporate_shareholders/*/registration_country_code",
			"/holding_structure/foreign_branches/*/registration_country_code",
			"/compliance/regulated_activity/primary_authority_country_code",
		},
		Addresses: []kind.Address{
			{Ptr: "/addresses/incorporated_address", Country: "country", Subdivisions: []string{"subdivision_code", "state"}},
			{Ptr: "/addresses/physical_address", Country: "country", Subdivisions: []string{"subdivision_code", "state"}},
			{Ptr: "/associated_parties/*/address", Country: "country", Subdivisions: []string{"subdivision_code", "state"}},
		},
		References: []kind.Reference{
			{Ptr: "/financial_profile/purpose_id", Catalogue: "purposes-business"},
			{Ptr: "/financial_profile/source_of_fund_ids", Catalogue: "source-of-funds-business", List: true},
			{Ptr: "/financial_profile/source_of_wealth_ids", Catalogue: "source-of-wealth-business", List: true},
		},
		Integers: []string{
			"/financial_profile/purpose_id", "/financial_profile/source_of_fund_ids/*", "/financial_profile/source_of_wealth_ids/*",
			"/financial_profile/estimated_annual_revenue_usd", "/financial_profile/expected_monthly_deposits_usd",
			"/financial_profile/expected_monthly_withdrawals_usd", "/financial_profile/expected_transaction_value_usd",
			"/financial_profile/expected_monthly_transaction_count",
			"/compliance/aml/customer_risk_split/low_risk", "/compliance/aml/customer_risk_split/medium_risk",
			"/compliance/aml/customer_risk_split/high_risk",
		},
		Births: []string{"/associated_parties/*/basic_info/dob"},
		Twins: []kind.Twin{
			{Base: "/basic_info/legal_name", Twin: "/basic_info/legal_name_en", Always: true},
			{Base: "/basic_info/trade_name", Twin: "/basic_info/trade_name_en"},
			{Base: "/addresses/incorporated_address/street_line_1", Twin: "/addresses/incorporated_address/street_line_1_en", Always: true},
			{Base: "/addresses/incorporated_address/street_line_2", Twin: "/addresses/incorporated_address/street_line_2_en"},
			{Base: "/addresses/physical_address/street_line_1", Twin: "/addresses/physical_address/street_line_1_en", Always: true},
			{Base: "/addresses/physical_address/street_line_2", Twin: "/addresses/physical_address/street_line_2_en"},
			{Base: "/associated_parties/*/basic_info/first_name", Twin: "/associated_parties/*/basic_info/first_name_en", Always: true},
			{Base: "/associated_parties/*/basic_info/middle_name", Twin: "/associated_parties/*/basic_info/middle_name_en"},
			{Base: "/associated_parties/*/basic_info/last_name", Twin: "/associated_parties/*/basic_info/last_name_en", Always: true},
			{Base: "/associated_parties/*/address/street_line_1", Twin: "/associated_parties/*/address/street_line_1_en", Always: true},
			{Base: "/associated_parties/*/address/street_line_2", Twin: "/associated_parties/*/address/street_line_2_en"},
			{Base: "/holding_structure/corporate_shareholders/*/entity_name", Twin: "/holding_structure/corporate_shareholders/*/entity_name_en", Always: true},
		},
	},
}
