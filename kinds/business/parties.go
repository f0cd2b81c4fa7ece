package business

import (
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

// partyRules check the associated parties and the owners: roles,
// ownership, contacts, dates.
var partyRules = []*rules.Rule{
	UBOOwnership,
	OwnershipOver100,
	OwnershipExactly100,
	ShareholderAndUBO,
	DuplicateRole,
	PartyEmailUnique,
	DateNotFuture,
	BusinessPhoneCountry,
}

const partiesPointer = "/associated_parties"

// label names the field at ptr for a message as rules.Label does, keeping
// the name of a top-level array before its index:
// "associated_parties[0].basic_info.email", not "[0].basic_info.email".
func label(ptr string) string {
	l := rules.Label(ptr)
	if strings.HasPrefix(l, "[") {
		if toks := jsondoc.SplitPointer(ptr); len(toks) > 0 {
			return toks[0] + l
		}
	}
	return l
}

// parties returns the associated_parties array, or nil when it is missing
// or not an array (the schema reports that).
func parties(root *jsondoc.Value) *jsondoc.Value {
	v := root.Get("associated_parties")
	if v == nil || v.Kind != jsondoc.Array {
		return nil
	}
	return v
}

// roleSet returns the string items of a party's roles array.
func roleSet(party *jsondoc.Value) map[string]bool {
	roles := party.Get("roles")
	if roles == nil || roles.Kind != jsondoc.Array {
		return nil
	}
	set := map[string]bool{}
	for _, r := range roles.Items {
		if s, ok := r.Text(); ok {
			set[s] = true
		}
	}
	return set
}
