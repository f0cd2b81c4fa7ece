package rules

import (
	"strconv"

	"github.com/finlint/finlint/internal/jsondoc"
)

// taxInfoPtr is where the tax documents are.
const taxInfoPtr = "/basic_info/tax_info"

// taxEntries returns the entries of basic_info.tax_info and true, or nil and
// false when it is missing or not an array (the schema layer reports that).
func taxEntries(p *Pass) ([]*jsondoc.Value, bool) {
	list := p.Lookup(taxInfoPtr)
	if list == nil || list.Kind != jsondoc.Array {
		return nil, false
	}
	return list.Items, true
}

// taxEntryPtr is the pointer of one field of entry i of the tax_info
// array at base.
func taxEntryPtr(base string, i int, field string) string {
	return jsondoc.Join(base, strconv.Itoa(i), field)
}

// eachTaxInfo calls fn with every tax_info array that one of patterns
// matches (a kind's TaxInfo or PersonTaxInfo), and its entries.
func (p *Pass) eachTaxInfo(patterns []string, fn func(base string, entries []*jsondoc.Value)) {
	p.eachOf(patterns, func(base string, v *jsondoc.Value) {
		if v.Kind == jsondoc.Array {
			fn(base, v.Items)
		}
	})
}
