package business

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func coTaxPatch(entries ...string) string {
	return `{"basic_info": {"tax_info": [` + strings.Join(entries, ", ") + `]}}`
}

func coTaxEntry(country, typ, id string) string {
	return `{"country_code": "` + country + `", "document_type": "` + typ + `", "document_id": "` + id + `"}`
}

func TestEINFormat(t *testing.T) {
	const reason = " is not a US EIN: it must be nine digits, written NN-NNNNNNN or NNNNNNNNN"
	fs := runPatch(t, EINFormat, coTaxPatch(
		coTaxEntry("USA", "EIN", "84-1234567"),
		coTaxEntry("USA", "EIN", "841234567"),
		coTaxEntry("USA", "EIN", "841-234567"),
		coTaxEntry("USA", "EIN", "84 1234567"),
		coTaxEntry("usa", "ein", "8412345678"),
		coTaxEntry("USA", "EIN", "  "),
		coTaxEntry("USA", "TIN", "841-234567"),
		coTaxEntry("CAN", "EIN", "841-234567"),
		coTaxEntry("USA", "EIN", "12"),
	))
	coExpect(t, EINFormat, fs,
		coFinding{Path: "/basic_info/tax_info/2/document_id", Message: `tax_info[2].document_id "******4567"` + reason},
		coFinding{Path: "/basic_info/tax_info/3/document_id", Message: `tax_info[3].document_id "******4567"` + reason},
		coFinding{Path: "/basic_info/tax_info/4/document_id", Message: `tax_info[4].document_id "******5678"` + reason},
		coFinding{Path: "/basic_info/tax_info/8/document_id", Message: `tax_info[8].document_id "**"` + reason},
	)
	for _, f := range fs {
		assert.NotContains(t, f.Message, "841", "the id is masked")
		assert.Empty(t, f.Suggestion)
	}
	coExpect(t, EINFormat, runPatch(t, EINFormat, coTaxPatch(coTaxEntry("USA", "EIN", "841-234567")), coRedact),
		coFinding{Path: "/basic_info/tax_info/0/document_id", Message: `tax_info[0].document_id "**********"` + reason})
	// Party tax documents are not the business's.
	in := coReplace(t, `"document_id": "536-21-4478"`, `"document_id": "536-21-4478"}, {"country_code": "USA", "document_type": "EIN", "document_id": "1"`, 1)
	coExpect(t, EINFormat, runRule(t, EINFormat, in))
}

func TestBusinessTaxResidence(t *testing.T) {
	const msg = `no tax_info entry is for the country of incorporation "USA"; add the company's tax id there if it has one`
	coExpect(t, BusinessTaxResidence, runPatch(t, BusinessTaxResidence, coTaxPatch(coTaxEntry("CAN", "BN", "123456789"), `{"country_code": 5}`)),
		coFinding{Path: businessTaxInfo, Message: msg})
	coExpect(t, BusinessTaxResidence, runPatch(t, BusinessTaxResidence, coTaxPatch(coTaxEntry("CAN", "BN", "123456789")), coRedact),
		coFinding{Path: businessTaxInfo, Message: `no tax_info entry is for the country of incorporation "***"; add the company's tax id there if it has one`})
	for _, ok := range []string{
		coTaxPatch(coTaxEntry("CAN", "BN", "123456789"), coTaxEntry(" usa ", "EIN", "84-1234567")),
		coTaxPatch(`{"country_code": null}`, `{"country_code": " "}`),
		coTaxPatch(),
		`{"basic_info": {"country_of_incorporation": " ", "tax_info": [{"country_code": "CAN"}]}}`,
		`{"basic_info": {"country_of_incorporation": null, "tax_info": [{"country_code": "CAN"}]}}`,
	} {
		coExpect(t, BusinessTaxResidence, runPatch(t, BusinessTaxResidence, ok))
	}
}
