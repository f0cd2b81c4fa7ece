package rules

import (
	"github.com/finlint/finlint/internal/iso3166"
)

// SubdivisionCode reports an address.subdivision_code that is not a current
// ISO 3166-2 code of the address's country.
var SubdivisionCode = &Rule{
	ID:       "subdivision-code",
	Title:    "subdivision code must be an ISO 3166-2 code of the address country",
	Severity: Error,
	Source:   "vendor endpoint guide (subdivision_code: pass the ISO 3166-2 code, e.g. US-CA) and OpenAPI; SPEC semantic rule 2",
	Doc: `address.subdivision_code is the ISO 3166-2 code of the state, province or
region: the country's alpha-2 code, a hyphen and the subdivision's own code,
in capitals ("US-CA", "GB-LND", "FR-75C", "JP-13", "MX-CMX"). The country part
must be the alpha-2 form of address.country, so "MX-CMX" is wrong for an
address in the USA.

Codes are checked against an embedded copy of ISO 3166-2 that follows its
recent changes: "IN-TS" (Telangana) replaced "IN-TG", "FR-75C" (Paris)
replaced "FR-75", "MX-CMX" replaced "MX-DIF". Withdrawn codes are rejected.

When the country is known, the suggestion is the code the value most likely
means: the part after the hyphen alone ("CA" gives "US-CA"), the code in
other letter case ("us-ca"), or the subdivision's name, compared without
regard to case or accents ("California", "Ile de France").`,
	Bad:  Example{Patch: `{"address": {"subdivision_code": "CA"}}`},
	Good: Example{Patch: `{"address": {"subdivision_code": "US-CA"}}`},
	Run: func(p *Pass) {
		const ptr = "/address/subdivision_code"
		s, ok := p.Text(ptr)
		if !ok {
			return
		}
		country, _ := p.Text("/address/country")
		var alpha2 string
		if iso3166.IsVendorCode(country) {
			alpha2, _ = iso3166.Alpha2(country)
		}
		if sub, ok := iso3166.Subdivision(s); ok {
			if alpha2 == "" || sub.Country == alpha2 {
				return
			}
			msg := "subdivision_code " + p.Quote(s) + " belongs to another country than the address"
			if !p.Settings.Redact {
				owner, _ := iso3166.Alpha3(sub.Country)
				msg = "subdivision_code " + p.Quote(s) + " belongs to " + countryLabel(owner, sub.Country) +
					", not to the address country " + countryLabel(country, alpha2)
			}
			p.Report(Finding{Path: ptr, Message: msg})
			return
		}
		msg := "subdivision_code " + p.Quote(s) + " is not an ISO 3166-2 code"
		if alpha2 != "" && !p.Settings.Redact {
			msg += " of " + countryLabel(country, alpha2)
			if len(iso3166.Subdivisions(alpha2)) == 0 {
				msg += " (ISO 3166-2 lists no subdivisions for it: ask the vendor what to send)"
			}
		}
		f := Finding{Path: ptr, Message: msg}
		if code, ok := iso3166.SuggestSubdivision(alpha2, s); ok {
			f.suggest(p.Suggest(code), FixString)
		}
		p.Report(f)
	},
}

// countryLabel names a country for a message, "Mexico (MEX)", falling back
// to whichever code is known.
func countryLabel(alpha3, alpha2 string) string {
	if name := iso3166.Name(alpha3); name != "" {
		return name + " (" + alpha3 + ")"
	}
	if alpha3 != "" {
		return alpha3
	}
	return alpha2
}
