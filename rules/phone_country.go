package rules

import (
	"strconv"

	"github.com/finlint/finlint/internal/iso3166"
	"github.com/nyaruka/phonenumbers"
)

// PhoneCountry reports a phone number of another country than the country
// of residence.
var PhoneCountry = &Rule{
	ID:       "phone-country",
	Title:    "phone number must belong to the country of residence",
	Severity: Error,
	Kinds:    []string{"individual-v2"},
	Source:   "vendor guide (the phone's country code must match the country of residence); SPEC semantic rule 3",
	Doc: `The phone number's country must be basic_info.country_of_residence. The
country is the number's region by libphonenumber's rules, not just its
calling code: +1 is shared by the USA, Canada, Puerto Rico, Jamaica and
others, +7 by Russia and Kazakhstan, +44 by the United Kingdom, Guernsey,
Jersey and the Isle of Man, and the area code or range tells them apart. A
Canadian number for a customer living in the USA is reported.

A number that is valid in several regions of one plan (a Finnish mobile
number is also valid in the Åland Islands) matches any of them.
Non-geographic numbers (+800, +881 and the like) match no country. Residences
for which libphonenumber has no numbering data (Antarctica, Bouvet Island and
a few other territories) are not checked, and neither are numbers that
phone-format rejects.

There is no suggestion: either the phone number or the country of residence
is wrong, and only the customer knows which.`,
	Bad:  Example{Patch: `{"basic_info": {"phone": "+16135550123"}}`},
	Good: Example{Patch: `{"basic_info": {"phone": "+14155552671"}}`},
	Run: func(p *Pass) {
		s, ok := p.Text(phonePointer)
		if !ok || !e164Shape.MatchString(s) {
			return
		}
		res, ok := p.Text("/basic_info/country_of_residence")
		if !ok || !iso3166.IsVendorCode(res) {
			return
		}
		resA2, ok := iso3166.Alpha2(res)
		if !ok || phonenumbers.GetCountryCodeForRegion(resA2) == 0 {
			return // no numbering data to judge by
		}
		ph := parsePhone(p, s)
		if !ph.valid {
			return // phone-format's to report
		}
		num := ph.num
		region := phonenumbers.GetRegionCodeForNumber(num)
		if region == resA2 || phonenumbers.IsValidNumberForRegion(num, resA2) {
			return
		}
		msg := "phone number's country is not the country of residence"
		switch {
		case p.Settings.Redact:
		case region == "" || region == phonenumbers.UNKNOWN_REGION || region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
			msg = "phone number is non-geographic (calling code +" + strconv.Itoa(int(num.GetCountryCode())) +
				"), not a number of the country of residence " + countryLabel(res, resA2)
		default:
			a3, _ := iso3166.Alpha3(region)
			msg = "phone number is from " + countryLabel(a3, region) + " but country_of_residence is " + countryLabel(res, resA2)
		}
		p.Report(Finding{Path: phonePointer, Message: msg})
	},
}
