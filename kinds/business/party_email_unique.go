package business

import (
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

// PartyEmailUnique reports two associated parties with the same email.
var PartyEmailUnique = &rules.Rule{
	ID:       "party-email-unique",
	Title:    "each associated party needs an email of its own",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2APBasicInfo.email: must be unique across all associated parties in the same request); SPEC-business §4",
	Doc: `Every associated party's basic_info.email must differ from the other parties'
emails in the same request: the vendor identifies and contacts each person
by it, and refuses a request in which two parties share one. Emails are
compared without regard to letter case, as mail systems treat them, so
Jane.Doe@example.com and jane.doe@example.com are the same address.

The later party is reported, naming the earlier one it repeats. Give each
person their own address; a shared mailbox such as finance@ is not a
person's email. The company's own basic_info.email is not compared.`,
	Bad:  rules.Example{Patch: `{"associated_parties": [{"basic_info": {"email": "jane.doe@harborpoint.example.com"}}, {"basic_info": {"email": "Jane.Doe@harborpoint.example.com"}}]}`},
	Good: rules.Example{Patch: `{"associated_parties": [{"basic_info": {"email": "jane.doe@harborpoint.example.com"}}, {"basic_info": {"email": "mark.lee@harborpoint.example.com"}}]}`},
	Run: func(p *rules.Pass) {
		list := parties(p.Root())
		if list == nil {
			return
		}
		firstAt := map[string]string{}
		for i, party := range list.Items {
			ptr := jsondoc.Join(partiesPointer, strconv.Itoa(i), "basic_info", "email")
			s, ok := party.Get("basic_info").Get("email").Text()
			if !ok || strings.TrimSpace(s) == "" {
				continue
			}
			// Upper then lower case folds the few letters whose lower
			// case alone differs (the Kelvin sign and "k").
			key := strings.ToLower(strings.ToUpper(s))
			if first, dup := firstAt[key]; dup {
				p.Reportf(ptr, label(ptr)+" is the same as "+label(first)+"; each party needs an email of its own")
				continue
			}
			firstAt[key] = ptr
		}
	},
}
