package rules

import (
	"strings"
)

// TaxResidence reports a tax_info list with no entry for the country of
// residence.
var TaxResidence = &Rule{
	ID:       "tax-residence",
	Title:    "tax_info usually has an entry for the country of residence",
	Severity: Info,
	Kinds:    []string{"individual-v2"},
	Source:   "SPEC semantic rule 9",
	Doc: `A customer is normally tax resident where they live, so basic_info.tax_info
usually lists a document whose country_code is basic_info.country_of_residence.
When none does, the customer may have left out their local tax id, or one of
the country codes may be wrong.

This is information only: some customers have no tax id where they live. The
codes are compared ignoring letter case and surrounding spaces; entries
without a readable country_code are not counted, and nothing is said when no
entry has one.`,
	Bad:  Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "MEX", "document_type": "RFC", "document_id": "GAGM900415AB1"}]}}`},
	Good: Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}]}}`},
	Run: func(p *Pass) {
		res, ok := p.Text("/basic_info/country_of_residence")
		entries, isList := taxEntries(p)
		res = strings.TrimSpace(res)
		if !ok || res == "" || !isList {
			return
		}
		seen := false
		for _, it := range entries {
			c, ok := it.Get("country_code").Text()
			if !ok || strings.TrimSpace(c) == "" {
				continue
			}
			if strings.EqualFold(strings.TrimSpace(c), res) {
				return
			}
			seen = true
		}
		if seen {
			p.Reportf(taxInfoPtr, "no tax_info entry is for the country of residence "+p.Quote(res)+"; add its tax id if the customer has one")
		}
	},
}
