// Package kinds lists the payload kinds finlint knows. Adding a kind is
// one folder beside individual/ and one line in All.
package kinds

import (
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/rules"
)

// entry is a kind and the rules only it has.
type entry struct {
	kind  *kind.Kind
	rules []*rules.Rule
}

// list is every kind, in the order finlint names them.
func list() []entry {
	return []entry{
		{individual.Kind, nil},
		{business.Kind, business.Rules},
	}
}

// All returns every kind, in a fixed order.
func All() []*kind.Kind {
	var out []*kind.Kind
	for _, e := range list() {
		out = append(out, e.kind)
	}
	return out
}

// Names returns the names of every kind, in the order of All.
func Names() []string {
	var out []string
	for _, e := range list() {
		out = append(out, e.kind.Name)
	}
	return out
}

// Lookup returns the kind called name, or nil.
func Lookup(name string) *kind.Kind {
	for _, e := range list() {
		if e.kind.Name == name {
			return e.kind
		}
	}
	return nil
}

// Rules returns every rule: those that check any kind, then each kind's
// own, in the order of All.
func Rules() []*rules.Rule {
	out := rules.All()
	for _, e := range list() {
		out = append(out, e.rules...)
	}
	return out
}
