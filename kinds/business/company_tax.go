package business

import (
	"strings"

	"github.com/finlint/finlint/internal/ident"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
)

const businessTaxInfo = "/basic_info/tax_info"

// EINFormat reports a US EIN in the business's tax_info that is not nine
// digits.
var EINFormat = &rules.Rule{
	ID:       "ein-format",
	Title:    "a US EIN must be nine digits, NN-NNNNNNN or NNNNNNNNN",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2IdentifyingDocument.document_id: format validated per country and document type); SPEC-business semantic rule 12",
	Doc: `A basic_info.tax_info entry with country_code USA and document_type EIN
carries the company's US Employer Identification Number, which the IRS
writes as nine digits with a hyphen after the second: "12-3456789". The
vendor validates the format per country and document type; finlint accepts
NN-NNNNNNN and the same nine digits without the hyphen, and nothing else (no
spaces, dots, or a hyphen in another place). EINs have no check digit.

The id appears in the message with all but its last four characters masked,
whatever the redaction setting, and there is no suggestion: every output
masks tax ids, so one would show nothing useful. Copy the EIN from the
IRS's assignment letter (CP 575) or the company's tax returns. A blank id is
reported by the schema checks.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "EIN", "document_id": "841-234567"}]}}`},
	Good: rules.Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "EIN", "document_id": "84-1234567"}]}}`},
	Run: func(p *rules.Pass) {
		kind.Each(p.Root(), businessTaxInfo+"/*", func(ptr string, v *jsondoc.Value) {
			country, _ := v.Get("country_code").Text()
			typ, _ := v.Get("document_type").Text()
			id, ok := v.Get("document_id").Text()
			if !ok || coBlank(id) || !strings.EqualFold(strings.TrimSpace(country), "USA") || !strings.EqualFold(strings.TrimSpace(typ), "EIN") {
				return
			}
			if reason := ident.EIN(id); reason != "" {
				at := jsondoc.Join(ptr, "document_id")
				p.Reportf(at, rules.Label(at)+" "+p.Quote(rules.MaskTaxID(id))+" is not a US EIN: it "+reason)
			}
		})
	},
}

// BusinessTaxResidence reports a business tax_info with no entry for the
// country of incorporation.
var BusinessTaxResidence = &rules.Rule{
	ID:       "business-tax-residence",
	Title:    "tax_info usually has an entry for the country of incorporation",
	Severity: rules.Info,
	Kinds:    []string{"business-v2"},
	Source:   "SPEC-business semantic rule 12",
	Doc: `A company is normally tax resident where it is incorporated, so
basic_info.tax_info usually lists a document whose country_code is
basic_info.country_of_incorporation. When none does, the company's local
tax id may have been left out, or one of the country codes may be wrong.

This is information only: a company may be managed, and taxed, elsewhere.
The codes are compared ignoring letter case and surrounding spaces; entries
without a readable country_code are not counted, and nothing is said when
no entry has one.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "CAN", "document_type": "BN", "document_id": "123456789"}]}}`},
	Good: rules.Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "EIN", "document_id": "84-1234567"}]}}`},
	Run: func(p *rules.Pass) {
		home, ok := p.Text("/basic_info/country_of_incorporation")
		home = strings.TrimSpace(home)
		entries := p.Lookup(businessTaxInfo)
		if !ok || home == "" || entries == nil || entries.Kind != jsondoc.Array {
			return
		}
		seen := false
		for _, it := range entries.Items {
			c, ok := it.Get("country_code").Text()
			if !ok || coBlank(c) {
				continue
			}
			if strings.EqualFold(strings.TrimSpace(c), home) {
				return
			}
			seen = true
		}
		if seen {
			p.Reportf(businessTaxInfo, "no tax_info entry is for the country of incorporation "+p.Quote(home)+"; add the company's tax id there if it has one")
		}
	},
}
