package business

import (
	"strconv"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

// UBOOwnership reports an ultimate beneficial owner without ownership_info.
var UBOOwnership = &rules.Rule{
	ID:       "ubo-ownership",
	Title:    "an associated party with the ubo role needs ownership_info",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2OwnershipInfo: required when roles includes ubo); SPEC-business §7",
	Doc: `An associated party whose roles include "ubo" (ultimate beneficial owner) must
carry ownership_info: its designation, percentage_of_ownership,
relationship_establishment_date and the has_control, is_signer and
is_director flags. The vendor needs them to verify who owns and controls the
company, and refuses a UBO without them.

The finding is at the missing associated_parties[N].ownership_info. Add the
object with the owner's real figures; if the person is no owner, take "ubo"
out of roles instead. An ownership_info that is present but not an object,
or that lacks some of its keys, is the schema's to report.`,
	Bad:  rules.Example{Patch: `{"associated_parties": [{"roles": ["shareholder", "ubo"]}]}`},
	Good: rules.Example{Patch: `{"associated_parties": [{"roles": ["shareholder", "ubo"], "ownership_info": {"designation": "Founder", "percentage_of_ownership": 60, "relationship_establishment_date": "2016-03-14", "has_control": true, "is_signer": true, "is_director": true}}]}`},
	Run: func(p *rules.Pass) {
		list := parties(p.Root())
		if list == nil {
			return
		}
		for i, party := range list.Items {
			if party.Kind != jsondoc.Object || !roleSet(party)["ubo"] || party.Get("ownership_info") != nil {
				continue
			}
			ptr := jsondoc.Join(partiesPointer, strconv.Itoa(i), "ownership_info")
			p.Reportf(ptr, label(ptr)+" is missing: a party with the role ubo needs it")
		}
	},
}
