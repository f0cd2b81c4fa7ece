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
	Reference:    string(ReferenceJSON),
	// A company's legal name, its addresses and the people behind it; a
	// person has names and one address.
	Markers: []string{"/basic_info/legal_name", "/basic_info/entity_type", "/addresses", "/associated_parties"},
	Roles: kind.Roles{
		TaxInfo: []string{"/basic_info/tax_info", "/associated_parties/*/basic_info/tax_info"},
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
