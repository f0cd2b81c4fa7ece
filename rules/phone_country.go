package rules

import (
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"

	"github.com/finlint/finlint/internal/iso3166"
	"github.com/nyaruka/phonenumbers"
)

// PhoneCountry reports a phone number of another country than the country
// of residence.
var PhoneCountry = &Rule{
	ID:       "phone-country",
	Title:    "phone number must belong to the country of residence",
	Severity: Error,
	// The vendor asks it of individuals only: a business's party phones
	// are party-phone-country's, at warning.
	Kinds:  []string{"individual-v2"},
	Source: "vendor guide (the phone's country code must match the country of residence); SPEC semantic rule 3",
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
		for _, role := range p.roles().Phones {
			if role.Residence == "" {
				continue
			}
			kind.Each(p.Root(), role.Ptr, func(ptr string, _ *jsondoc.Value) {
				if msg, ok := PhoneCountryMismatch(p, ptr, kind.Expand(role.Residence, ptr)); ok {
					p.Report(Finding{Path: ptr, Message: msg})
				}
			})
		}
	},
}

// PhoneCountryMismatch says, as a message, how the valid E.164 phone at
// phonePtr is not a number of the country (an alpha-3 code) at
// countryPtr; ok is false when it is one, or when either cannot be judged
// (not a valid number: phone-format's; no country, or one without
// numbering data). The kinds' own rules use it for phones the vendor
// weighs against a country with another severity.
func PhoneCountryMismatch(p *Pass, phonePtr, countryPtr string) (string, bool) {
	s, ok := p.Text(phonePtr)
	if !ok || !isE164Shape(s) {
		return "", false
	}
	res, ok := p.Text(countryPtr)
	if !ok || !iso3166.IsVendorCode(res) {
		return "", false
	}
	resA2, ok := iso3166.Alpha2(res)
	if !ok || phonenumbers.GetCountryCodeForRegion(resA2) == 0 {
		return "", false // no numbering data to judge by
	}
	ph := parsePhone(p, s)
	if !ph.valid {
		return "", false // phone-format's to report
	}
	// The region was found when the number was judged valid; only a
	// number of another region can still be valid in the residence's
	// (a Finnish mobile number in the Åland Islands).
	num, region := ph.num, ph.region
	if region == resA2 || ph.validForRegion(resA2) {
		return "", false
	}
	phone, country := label(phonePtr)+" number", field(countryPtr)
	msg := phone + "'s country is not the " + strings.ReplaceAll(country, "_", " ")
	switch {
	case p.Settings.Redact:
	case region == "" || region == phonenumbers.UNKNOWN_REGION || region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
		msg = phone + " is non-geographic (calling code +" + strconv.Itoa(int(num.GetCountryCode())) +
			"), not a number of the " + strings.ReplaceAll(country, "_", " ") + " " + countryLabel(res, resA2)
	default:
		a3, _ := iso3166.Alpha3(region)
		msg = phone + " is from " + countryLabel(a3, region) + " but " + country + " is " + countryLabel(res, resA2)
	}
	return msg, true
}
