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

// taxEntryPtr is the pointer of one field of tax_info entry i.
func taxEntryPtr(i int, field string) string {
	return jsondoc.Join(taxInfoPtr, strconv.Itoa(i), field)
}
