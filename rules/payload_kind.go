package rules

import (
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
)

// PayloadKind reports a payload whose kind could not be told from its
// shape.
var PayloadKind = &Rule{
	ID:       "payload-kind",
	Title:    "a payload must be of a known kind",
	Severity: Error,
	Source:   "the endpoints finlint knows: Create Individual Customer V2, Create Business Customer V2",
	Doc: `finlint checks each payload as the body of one endpoint, its kind. Unless
the kind is given, it is told from the payload's shape, the same way every
time: each kind scores ten points for each of its marker fields present (an
individual's basic_info.first_name, last_name and dob, its address and
occupation; a business's basic_info.legal_name and entity_type, its addresses
and associated parties) and one point for every other key, three levels
deep, that its schema knows. The kind with the highest score is the
payload's. A payload that scores nothing, or as much for one kind as for
another, is of no known kind: only the checks that need no kind (JSON
syntax, duplicate keys, control characters, size) run on it.

Name the kind (the CLI's --kind, or a kinds entry of the config file for a
folder of fixtures), or fix the payload's shape.`,
	Bad:  Example{Raw: `{"name": "Maria Garcia"}`, NoKind: true},
	Good: Example{Patch: `{}`},
	Run: func(p *Pass) {
		root := p.Root()
		if p.Kind != nil || root == nil || root.Kind != jsondoc.Object {
			return // known, or not an object at all (json-syntax)
		}
		var found, none []string
		for _, k := range p.Kinds {
			var have []string
			for _, m := range k.Markers {
				if p.Lookup(m) != nil {
					have = append(have, dotted(m))
				}
			}
			if len(have) > 0 {
				found = append(found, k.Name+" ("+strings.Join(have, ", ")+")")
			} else {
				none = append(none, k.Name+" payloads have "+markerList(k))
			}
		}
		msg := "the payload is of no known kind: " + strings.Join(none, "; ")
		if len(found) > 1 {
			msg = "the payload looks like " + strings.Join(found, " and ") + " alike"
		}
		p.Report(Finding{Path: "", Message: msg + "; name its kind"})
	},
}

// markerList names a kind's markers for a message.
func markerList(k *kind.Kind) string {
	names := make([]string, len(k.Markers))
	for i, m := range k.Markers {
		names[i] = dotted(m)
	}
	if len(names) > 1 {
		return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	return strings.Join(names, "")
}

// dotted writes a pointer the way the vendor's documents name fields.
func dotted(ptr string) string { return strings.Join(jsondoc.SplitPointer(ptr), ".") }
