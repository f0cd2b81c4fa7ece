package rules

import (
	"github.com/finlint/finlint/internal/iso3166"
	"github.com/finlint/finlint/internal/jsondoc"
)

// CountryCode reports a country field that is not one of the vendor's
// alpha-3 codes.
var CountryCode = &Rule{
	ID:       "country-code",
	Title:    "country fields must be alpha-3 codes from the vendor's list",
	Severity: Error,
	Source:   "vendor OpenAPI CountryCode enum (249 codes); SPEC semantic rule 1",
	Doc: `Every country field takes an ISO 3166-1 alpha-3 code, in capitals, from the
vendor's own list of 249 codes: basic_info.country_of_residence,
primary_nationality, secondary_nationality, every
tax_info[].country_code and address.country.

In a business payload they are the company's
basic_info.country_of_incorporation, the country of incorporated_address,
physical_address and each associated party's address, every
tax_info[].country_code of the company and its parties, each party's
country_of_residence and nationalities, the registration_country_code of
corporate shareholders and foreign branches, and
compliance.regulated_activity.primary_authority_country_code.

The API compares the code exactly, so "usa" and "Usa" are rejected, and so
are alpha-2 codes ("US"), numeric codes and names ("Mexico"). The vendor's
list follows ISO but has no code for Kosovo (XKX is not accepted).

The suggestion is the code the value most likely means: the same code in
capitals, the alpha-3 form of an alpha-2 code, or the code of a country
name, in English or a few other languages ("Deutschland" gives DEU). It is
only ever a code from the vendor's list.`,
	Bad:  Example{Patch: `{"basic_info": {"country_of_residence": "US"}}`},
	Good: Example{Patch: `{"basic_info": {"country_of_residence": "USA"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"country_of_incorporation": "US"}}`},
		Good: Example{Patch: `{"basic_info": {"country_of_incorporation": "USA"}}`},
	}},
	Run: func(p *Pass) {
		p.eachOf(p.roles().Countries, func(ptr string, v *jsondoc.Value) {
			s, ok := v.Text()
			if !ok || iso3166.IsVendorCode(s) {
				return
			}
			msg := label(ptr) + " " + p.Quote(s) + " is not a country code from the vendor's list"
			if name := iso3166.Name(s); name != "" && !p.Settings.Redact {
				// A code in use elsewhere that the vendor left out: say so,
				// or the user will hunt for a typo.
				msg = label(ptr) + " " + p.Quote(s) + " (" + name + ") is not among the vendor's country codes"
			}
			f := Finding{Path: ptr, Message: msg}
			if code, ok := iso3166.SuggestCountry(s); ok {
				f.suggest(p.Suggest(code), FixString)
			}
			p.Report(f)
		})
	},
}
