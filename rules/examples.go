package rules

import (
	"time"

	"github.com/finlint/finlint/internal/jsondoc"
)

// exampleCatalogues is a small stand-in for the vendor's catalogues that
// holds the ids the reference payload uses, so that documentation examples
// run the same everywhere, with or without a cache.
type exampleCatalogues struct{}

var exampleItems = map[string][]RefItem{
	Occupations:   {{ID: 41, Title: "Software Developer"}, {ID: 42, Title: "Software Engineer"}, {ID: 43, Title: "Teacher"}},
	Purposes:      {{ID: 1, Title: "Personal Savings"}, {ID: 3, Title: "Family Support"}},
	SourceOfFunds: {{ID: 1, Title: "Employment Income"}, {ID: 5, Title: "Savings"}, {ID: 7, Title: "Inheritance"}},
}

func (exampleCatalogues) Items(name string) ([]RefItem, bool) {
	it, ok := exampleItems[name]
	return it, ok
}

// ExampleCatalogues returns the catalogues documentation examples run
// against: occupations 41-43, purposes 1 and 3, sources of funds 1, 5, 7.
func ExampleCatalogues() Catalogues { return exampleCatalogues{} }

// RunExample runs rule r over one of its examples, as `finlint explain`
// shows it, at a fixed date (2026-11-26) with ExampleCatalogues (unless the
// example says otherwise) and the example's settings, and returns
// the findings of r alone, without positions.
func RunExample(r *Rule, e Example) ([]Finding, error) {
	in, err := e.Input()
	if err != nil {
		return nil, err
	}
	var out []Finding
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	cat := ExampleCatalogues()
	if e.NoCatalogues {
		cat = nil
	}
	p := NewPass(jsondoc.Parse([]byte(in), jsondoc.Limits{}), now, cat, e.Settings, &out)
	p.Size, p.MaxSize = int64(len(in)), e.MaxSize
	Run(p, []*Rule{r}, nil)
	return out, nil
}
