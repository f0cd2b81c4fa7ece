package business

import (
	"time"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
)

// DateNotFuture reports an incorporation or relationship date after today.
var DateNotFuture = &rules.Rule{
	ID:       "date-not-future",
	Title:    "incorporation and relationship dates must not be in the future",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2OwnershipInfo.relationship_establishment_date: cannot be a future date); SPEC-business §6",
	Doc: `basic_info.incorporation_date is the day the company was formed, and each
associated_parties[].ownership_info.relationship_establishment_date the day
a party's relationship with it began. Both lie in the past: a date after
today's date in UTC is a typing slip (2061 for 2016), a planned date, or a
swapped field, and the vendor refuses a relationship date in the future.
Today itself is accepted.

Only real dates written YYYY-MM-DD are judged; date-format reports the
others. Send the date the company was actually incorporated, or the
relationship actually began.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"incorporation_date": "2061-03-14"}}`},
	Good: rules.Example{Patch: `{"basic_info": {"incorporation_date": "2016-03-14"}}`},
	Run: func(p *rules.Pass) {
		now := p.Now.UTC()
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		check := func(ptr string, v *jsondoc.Value) {
			s, ok := v.Text()
			if !ok || len(s) != len("2006-01-02") {
				return
			}
			d, err := time.Parse("2006-01-02", s)
			if err != nil || !d.After(today) {
				return
			}
			p.Reportf(ptr, label(ptr)+" "+p.Quote(s)+" is in the future (today is "+today.Format("2006-01-02")+" UTC)")
		}
		kind.Each(p.Root(), "/basic_info/incorporation_date", check)
		kind.Each(p.Root(), "/associated_parties/*/ownership_info/relationship_establishment_date", check)
	},
}
