package business

import (
	"github.com/finlint/finlint/rules"
)

// ShareholderAndUBO reports a payload in which no party is both a
// shareholder and a UBO.
var ShareholderAndUBO = &rules.Rule{
	ID:       "shareholder-and-ubo",
	Title:    "at least one associated party should hold both shareholder and ubo",
	Severity: rules.Warning,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2AssociatedParty.roles: at least one party must hold both shareholder and ubo); SPEC-business §7",
	Doc: `The vendor's description of associated_parties[].roles says that at least
one party must hold both roles, "shareholder" and "ubo": a person who owns
shares and is an ultimate beneficial owner of the company. The vendor's own
example request has none (one party is a shareholder, the other a UBO), so
this is a warning, not an error: the API may or may not enforce it.

It is reported once, at associated_parties, when no party's roles list both;
an empty list of parties is reported too. If one of the parties is in fact a
shareholder and a UBO, give that party both roles.`,
	Bad:  rules.Example{Patch: `{"associated_parties": [{"roles": ["shareholder"]}, {"roles": ["ubo"]}]}`},
	Good: rules.Example{Patch: `{"associated_parties": [{"roles": ["shareholder", "ubo"]}, {"roles": ["ubo"]}]}`},
	Run: func(p *rules.Pass) {
		list := parties(p.Root())
		if list == nil {
			return
		}
		for _, party := range list.Items {
			if r := roleSet(party); r["shareholder"] && r["ubo"] {
				return
			}
		}
		p.Reportf(partiesPointer, "no associated party holds both the shareholder and the ubo role; the vendor asks for at least one")
	},
}
