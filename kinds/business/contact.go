package business

import (
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
)

// contactRules weigh the people's contacts against where they live.
var contactRules = []*rules.Rule{PartyPhoneCountry}

// PartyPhoneCountry reports an associated party's phone of another country
// than the party's country of residence.
var PartyPhoneCountry = &rules.Rule{
	ID:       "party-phone-country",
	Title:    "a party's phone number should belong to its country of residence",
	Severity: rules.Warning,
	Kinds:    []string{"business-v2"},
	Source:   "SPEC-business semantic rule 3 (the vendor states the match only for individuals)",
	Doc: `Each associated party's basic_info.phone should be a number of its
basic_info.country_of_residence, judged as phone-country judges an
individual's: by the number's region in libphonenumber, so a Canadian +1
number is not a number of the USA. The vendor requires the match for
individual customers and says nothing of it for a business's parties, so a
mismatch here is a warning: a director living abroad may well keep a phone
from home.

There is no suggestion: either the phone or the residence is wrong, or
neither is.`,
	Bad:  rules.Example{Patch: `{"associated_parties": [{"ref": "owner-001", "basic_info": {"first_name": "Jane", "first_name_en": "Jane", "last_name": "Doe", "last_name_en": "Doe", "dob": "1981-07-09", "email": "jane.doe@harborpoint.example.com", "phone": "+16135550123", "country_of_residence": "USA", "primary_nationality": "USA", "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "536-21-4478"}]}, "address": {"street_line_1": "245 West 72nd Street", "street_line_1_en": "245 West 72nd Street", "city": "New York", "state": "US-NY", "subdivision_code": "US-NY", "postal_code": "10023", "country": "USA"}, "roles": ["shareholder", "ubo"], "ownership_info": {"designation": "Chief Executive Officer", "percentage_of_ownership": 75, "relationship_establishment_date": "2016-03-14", "has_control": true, "is_signer": true, "is_director": true}}]}`},
	Good: rules.Example{Patch: `{}`},
	Run: func(p *rules.Pass) {
		kind.Each(p.Root(), "/associated_parties/*/basic_info/phone", func(ptr string, _ *jsondoc.Value) {
			if msg, ok := rules.PhoneCountryMismatch(p, ptr, kind.Expand("/associated_parties/*/basic_info/country_of_residence", ptr)); ok {
				p.Report(rules.Finding{Path: ptr, Message: msg})
			}
		})
	},
}
