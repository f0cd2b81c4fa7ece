package rules

import (
	"regexp"

	"github.com/finlint/finlint/internal/jsondoc"
)

// FieldType reports a value of the wrong JSON type.
var FieldType = &Rule{
	ID:       "field-type",
	Title:    "values must have the JSON type the schema gives",
	Severity: Error,
	Source:   "vendor OpenAPI CreateIndividualCustomerV2Input",
	Doc: `Every field has one JSON type: strings for names, codes, dates and
postal_code; integers for the reference ids and monthly_volume_usd; arrays for
tax_info and source_of_fund_ids; objects for the sections.

A business payload has types of its own: integers for purpose_id, the
source_of_fund_ids and source_of_wealth_ids entries and the
financial_profile amounts, booleans for flags such as is_dao and
third_party_fund_usage, arrays for industry_codes, websites, tax_info and
associated_parties.

The classic slip is a postal code written as a number (94103 instead of
"94103"), which also loses leading zeros (02134 is not even valid JSON), and
ids sent as strings ("42"). Where the value converts without loss, the
suggestion gives it in the right type.`,
	Bad:  Example{Patch: `{"address": {"postal_code": 94103}}`},
	Good: Example{Patch: `{"address": {"postal_code": "94103"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"addresses": {"incorporated_address": {"postal_code": 10118}}}`},
		Good: Example{Patch: `{"addresses": {"incorporated_address": {"postal_code": "10118"}}}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "field-type") {
			f := Finding{Path: e.Pointer, Message: label(e.Pointer) + " " + e.Message}
			f.suggest(convertType(p, p.Lookup(e.Pointer), e.Want))
			p.Report(f)
		}
	},
}

var plainInteger = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,17})$`)

// convertType suggests the value in the wanted type when that loses
// nothing, and how to write it: a number's literal as a string, or a
// string of digits as a bare integer.
func convertType(p *Pass, v *jsondoc.Value, want []string) (string, FixKind) {
	if v == nil || len(want) != 1 {
		return "", FixNone
	}
	switch {
	case want[0] == "string" && v.Kind == jsondoc.Number:
		return p.Suggest(v.Str), FixString
	case want[0] == "integer" && v.Kind == jsondoc.String && plainInteger.MatchString(v.Str):
		return p.Suggest(v.Str), FixLiteral
	}
	return "", FixNone
}
