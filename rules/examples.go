package rules

import (
	"time"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
)

// exampleCatalogues is a small stand-in for the vendor's catalogues that
// holds the ids the reference payload uses, so that documentation examples
// run the same everywhere, with or without a cache.
type exampleCatalogues struct{}

var exampleItems = map[string][]RefItem{
	Occupations:             {{ID: 41, Title: "Software Developer"}, {ID: 42, Title: "Software Engineer"}, {ID: 43, Title: "Teacher"}},
	PurposesIndividual:      {{ID: 1, Title: "Personal Savings"}, {ID: 3, Title: "Family Support"}},
	SourceOfFundsIndividual: {{ID: 1, Title: "Employment Income"}, {ID: 5, Title: "Savings"}, {ID: 7, Title: "Inheritance"}},
	PurposesBusiness:        {{ID: 3, Title: "Cross-border B2B payments"}, {ID: 10, Title: "Other"}},
	SourceOfFundsBusiness:   {{ID: 1, Title: "Business revenue"}, {ID: 5, Title: "Sale of assets"}},
	SourceOfWealthBusiness:  {{ID: 2, Title: "Investment income"}, {ID: 7, Title: "Other"}},
}

func (exampleCatalogues) Items(name string) ([]RefItem, bool) {
	it, ok := exampleItems[name]
	return it, ok
}

// ExampleCatalogues returns the catalogues documentation examples run
// against: for individuals occupations 41-43, purposes 1 and 3, sources of
// funds 1, 5, 7; for businesses purposes 3 and 10 (Other), sources of funds
// 1 and 5, sources of wealth 2 and 7 (Other).
func ExampleCatalogues() Catalogues { return exampleCatalogues{} }

// RunExample runs rule r over one of its examples as a payload of kind k,
// as `finlint explain` shows it, at a fixed date (2026-11-26) with
// ExampleCatalogues (unless the example says otherwise) and the example's
// settings, and returns the findings of r alone, without positions. A
// rule that is off by default runs at info.
func RunExample(k *kind.Kind, r *Rule, e Example) ([]Finding, error) {
	in, err := e.Input(k)
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
	p.Kind, p.Kinds = k, []*kind.Kind{k}
	if e.NoKind {
		p.Kind = nil
	}
	// A rule off by default is shown as it runs when turned on.
	Run(p, []*Rule{r}, (*Rule).OnSeverity)
	return out, nil
}
