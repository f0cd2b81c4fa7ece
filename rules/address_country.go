package rules

import "strings"

// AddressCountry reports an address.country that differs from
// basic_info.country_of_residence.
var AddressCountry = &Rule{
	ID:       "address-country",
	Title:    "address country must be the country of residence",
	Severity: Error,
	Kinds:    []string{"individual-v2"},
	Source:   "vendor endpoint guide (Important Requirements: address.country must match basic_info.country_of_residence); SPEC semantic rule 5",
	Doc: `The vendor requires address.country to match basic_info.country_of_residence:
the address is the customer's residential address, so it lies in the country
they live in. A customer who lives in one country but gives a mailing address
in another is rejected.

The codes are compared ignoring letter case and surrounding spaces, because
country-code already reports a code written in the wrong case. The
suggestion is the country of residence; if that is the wrong one, fix
country_of_residence instead.`,
	Bad:  Example{Patch: `{"address": {"country": "CAN"}}`},
	Good: Example{Patch: `{"address": {"country": "USA"}}`},
	Run: func(p *Pass) {
		addr, ok1 := p.Text("/address/country")
		res, ok2 := p.Text("/basic_info/country_of_residence")
		if !ok1 || !ok2 {
			return
		}
		a, r := strings.TrimSpace(addr), strings.TrimSpace(res)
		if a == "" || r == "" || strings.EqualFold(a, r) {
			return
		}
		p.Report(Finding{
			Path:       "/address/country",
			Message:    "address country " + p.Quote(addr) + " is not the country of residence " + p.Quote(res),
			Suggestion: p.Suggest(res),
		})
	},
}
