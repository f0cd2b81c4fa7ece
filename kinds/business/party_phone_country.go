package business

import (
	"github.com/finlint/finlint/rules"
)

// BusinessPhoneCountry notes a business phone of another country than the
// country of incorporation.
var BusinessPhoneCountry = &rules.Rule{
	ID:       "business-phone-country",
	Title:    "the business phone is of another country than the country of incorporation",
	Severity: rules.Info,
	Kinds:    []string{"business-v2"},
	Source:   "SPEC-business §3",
	Doc: `basic_info.phone is compared with basic_info.country_of_incorporation, as
phone-country compares an individual's phone with the country of residence.
The country is the number's region by libphonenumber's rules, not just its
calling code: +1 is shared by the USA, Canada and several Caribbean
countries, +44 by the United Kingdom, Guernsey, Jersey and the Isle of Man.
A number that is valid in several regions of one plan matches any of them;
a non-geographic number (+800 and the like) matches no country.

This is only a note: companies often answer the phone where they operate,
not where they were incorporated (a Delaware corporation run from London),
and the vendor states the match only for individuals. Check that the number
and the country are both right. Numbers that are not valid E.164 numbers
are phone-format's to report, and countries that are not known or have no
numbering data are not compared.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"phone": "+442071234567"}}`},
	Good: rules.Example{Patch: `{"basic_info": {"phone": "+12125550148"}}`},
	Run: func(p *rules.Pass) {
		const ptr = "/basic_info/phone"
		if msg, ok := rules.PhoneCountryMismatch(p, ptr, "/basic_info/country_of_incorporation"); ok {
			p.Report(rules.Finding{Path: ptr, Message: msg})
		}
	},
}
