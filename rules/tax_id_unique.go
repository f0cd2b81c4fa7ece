package rules

import (
	"github.com/finlint/finlint/internal/jsondoc"
	"strconv"
	"strings"
	"unicode"
)

// TaxIDUnique reports a tax document id listed twice in basic_info.tax_info.
var TaxIDUnique = &Rule{
	ID:       "tax-id-unique",
	Title:    "each tax_info entry must have its own document_id",
	Severity: Error,
	Source:   "vendor OpenAPI (basic_info.tax_info: each entry must have a unique document_id); SPEC semantic rule 9",
	Doc: `The vendor requires every entry of basic_info.tax_info to carry a different
document_id. Two entries with one id are usually the same document entered
twice, perhaps under two document types or two countries.

In a business payload the company's basic_info.tax_info and each associated
party's tax_info are checked, each list on its own.

Ids are compared without surrounding spaces, and also ignoring letter case,
inner spaces and dashes, since "123-45-6789" and "123456789" are one number
written two ways. The later entry is reported; remove it, or correct its id.
Ids appear in messages with all but their last four characters masked,
whatever the redaction setting.`,
	Bad: Example{Patch: `{"basic_info": {"tax_info": [
  {"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"},
  {"country_code": "USA", "document_type": "TIN", "document_id": "123456789"}]}}`},
	Good: Example{Patch: `{"basic_info": {"tax_info": [
  {"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"},
  {"country_code": "MEX", "document_type": "RFC", "document_id": "GAGM900415AB1"}]}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "EIN", "document_id": "84-1234567"}, {"country_code": "USA", "document_type": "EIN", "document_id": "84-1234567"}]}}`},
		Good: Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "EIN", "document_id": "84-1234567"}]}}`},
	}},
	Run: func(p *Pass) {
		p.eachTaxInfo(p.roles().TaxInfo, func(base string, entries []*jsondoc.Value) {
			if len(entries) < 2 {
				return // one entry repeats nothing
			}
			exactAt, looseAt := map[string]int{}, map[string]int{}
			for i, it := range entries {
				id, ok := it.Get("document_id").Text()
				exact := strings.TrimSpace(id)
				loose := looseTaxID(exact)
				if !ok || loose == "" {
					continue
				}
				// Named only when reported: most payloads repeat nothing.
				ptr := func() string { return taxEntryPtr(base, i, "document_id") }
				shown := func() string { return label(ptr()) + " " + quote(MaskTaxID(exact)) }
				if j, dup := exactAt[exact]; dup {
					p.Reportf(ptr(), shown()+" repeats tax_info["+strconv.Itoa(j)+"].document_id; each entry needs its own id")
					continue
				}
				if j, dup := looseAt[loose]; dup {
					p.Reportf(ptr(), shown()+" is tax_info["+strconv.Itoa(j)+"].document_id written differently (case, spaces or dashes); each entry needs its own id")
					continue
				}
				exactAt[exact], looseAt[loose] = i, i
			}
		})
	},
}

// looseTaxID drops white space and dashes and folds case, so that one id
// written two ways compares equal.
func looseTaxID(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || r == '\u2212' {
			return -1
		}
		return r
	}, s))
}
