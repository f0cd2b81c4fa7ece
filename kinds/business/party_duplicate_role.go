package business

import (
	"encoding/json"
	"strconv"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

// DuplicateRole reports a role listed twice in one party's roles.
var DuplicateRole = &rules.Rule{
	ID:       "duplicate-role",
	Title:    "a party's roles should not list a role twice",
	Severity: rules.Warning,
	Kinds:    []string{"business-v2"},
	Source:   "SPEC-business §7",
	Doc: `associated_parties[].roles is a set: "shareholder", "ubo" or both. Listing a
role twice adds nothing and often means that another role was meant, or
that two parties' roles were merged by mistake.

Each repeat is reported at its own position, naming the item it repeats;
roles are compared exactly as written. The suggestion is the whole array
without the repeats, in its original order: check that no intended role got
lost before applying it by hand.`,
	Bad:  rules.Example{Patch: `{"associated_parties": [{"roles": ["shareholder", "ubo", "ubo"]}]}`},
	Good: rules.Example{Patch: `{"associated_parties": [{"roles": ["shareholder", "ubo"]}]}`},
	Run: func(p *rules.Pass) {
		list := parties(p.Root())
		if list == nil {
			return
		}
		for i, party := range list.Items {
			roles := party.Get("roles")
			if roles == nil || roles.Kind != jsondoc.Array {
				continue
			}
			base := jsondoc.Join(partiesPointer, strconv.Itoa(i), "roles")
			type repeat struct{ at, first int }
			var repeats []repeat
			firstAt := map[string]int{}
			var keep []string
			allText := true
			for j, r := range roles.Items {
				s, ok := r.Text()
				if !ok {
					allText = false
					continue
				}
				if first, dup := firstAt[s]; dup {
					repeats = append(repeats, repeat{j, first})
					continue
				}
				firstAt[s] = j
				keep = append(keep, s)
			}
			if len(repeats) == 0 {
				continue
			}
			// The suggestion is only offered when every item is a string:
			// anything else is the schema's, and would be lost.
			var suggestion string
			if allText {
				if b, err := json.Marshal(keep); err == nil {
					suggestion = string(b)
				}
			}
			for _, r := range repeats {
				ptr := jsondoc.Join(base, strconv.Itoa(r.at))
				s, _ := roles.Items[r.at].Text()
				p.Report(rules.Finding{
					Path:       ptr,
					Message:    label(ptr) + " repeats the role " + p.Quote(s) + " of roles[" + strconv.Itoa(r.first) + "]",
					Suggestion: p.Suggest(suggestion),
				})
			}
		}
	},
}
