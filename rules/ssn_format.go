package rules

import (
	"github.com/finlint/finlint/internal/jsondoc"
	"regexp"
	"strings"
)

var ssnShape = regexp.MustCompile(`^[0-9]{3}-[0-9]{2}-[0-9]{4}$`)

// SSNFormat reports a United States SSN that is not written NNN-NN-NNNN.
var SSNFormat = &Rule{
	ID:       "ssn-format",
	Title:    "a US social security number must be written NNN-NN-NNNN",
	Severity: Error,
	Source:   "vendor OpenAPI (tax_info example: SSN 123-45-6789); SPEC semantic rule 9",
	Doc: `A basic_info.tax_info entry with country_code USA and document_type SSN
holds a social security number, which the vendor expects in its usual
printed form: three digits, a dash, two digits, a dash, four digits
("123-45-6789"). Nothing else may surround it.

In a business payload it checks the tax_info of each associated party,
associated_parties[].basic_info.tax_info; the company's own
basic_info.tax_info is not checked.

Nine digits without dashes are the right number in the wrong shape: add a
dash after the third and the fifth digit. The id is never repeated in a
suggestion and is masked in the message, all but its last four characters.`,
	Bad:  Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123456789"}]}}`},
	Good: Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}]}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad: Example{Patch: `{"associated_parties": [{
  "ref": "owner-001",
  "basic_info": {
    "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "536214478"}],
    "first_name": "Jane", "first_name_en": "Jane", "middle_name": "Marie", "middle_name_en": "Marie",
    "last_name": "Doe", "last_name_en": "Doe", "dob": "1981-07-09", "email": "jane.doe@harborpoint.example.com",
    "phone": "+12125550172", "country_of_residence": "USA", "primary_nationality": "USA"
  },
  "address": {
    "street_line_1": "245 West 72nd Street", "street_line_1_en": "245 West 72nd Street",
    "street_line_2": "Apt 9C", "city": "New York", "state": "US-NY", "subdivision_code": "US-NY",
    "postal_code": "10023", "country": "USA"
  },
  "roles": ["shareholder", "ubo"],
  "ownership_info": {
    "designation": "Chief Executive Officer", "percentage_of_ownership": 75,
    "relationship_establishment_date": "2016-03-14", "has_control": true, "is_signer": true, "is_director": true
  }
}]}`},
		Good: Example{Patch: `{}`},
	}},
	Run: func(p *Pass) {
		p.eachTaxInfo(p.roles().PersonTaxInfo, func(base string, entries []*jsondoc.Value) {
			for i, it := range entries {
				country, ok1 := it.Get("country_code").Text()
				kind, ok2 := it.Get("document_type").Text()
				id, ok3 := it.Get("document_id").Text()
				if !ok1 || !ok2 || !ok3 || strings.TrimSpace(id) == "" ||
					!strings.EqualFold(strings.TrimSpace(country), "USA") || !strings.EqualFold(strings.TrimSpace(kind), "SSN") ||
					ssnShape.MatchString(id) {
					continue
				}
				ptr := taxEntryPtr(base, i, "document_id")
				t := strings.TrimSpace(id)
				msg := "SSN " + label(ptr) + " " + quote(MaskTaxID(t)) + " is not written NNN-NN-NNNN"
				switch {
				case ssnShape.MatchString(t):
					msg += "; remove the spaces around it"
				case ssnNineDigits(t):
					msg += "; adding a dash after the 3rd and the 5th digit fixes it"
				case ssnNineDigits(strings.NewReplacer(" ", "", ".", "", "-", "").Replace(t)):
					msg += "; separate its 9 digits with a dash after the 3rd and the 5th, and nothing else"
				}
				p.Reportf(ptr, msg)
			}
		})
	},
}

// ssnNineDigits says s is nine ASCII digits and nothing else.
func ssnNineDigits(s string) bool {
	return len(s) == 9 && strings.Trim(s, "0123456789") == ""
}
