package rules

import "strings"

// SameNationality reports a secondary nationality equal to the primary one.
var SameNationality = &Rule{
	ID:       "same-nationality",
	Title:    "secondary nationality should differ from the primary one",
	Severity: Warning,
	Kinds:    []string{"individual-v2"},
	Source:   "SPEC semantic rule 11",
	Doc: `basic_info.secondary_nationality is for a customer who holds a second
citizenship. Repeating primary_nationality there says nothing new and is
usually a form that copied one field into the other, or a second nationality
that was meant but not entered.

The codes are compared ignoring letter case and surrounding spaces. Remove
secondary_nationality if the customer has one nationality, or set it to the
other one.`,
	Bad:  Example{Patch: `{"basic_info": {"secondary_nationality": "USA"}}`},
	Good: Example{Patch: `{"basic_info": {"secondary_nationality": "MEX"}}`},
	Run: func(p *Pass) {
		first, ok1 := p.Text("/basic_info/primary_nationality")
		second, ok2 := p.Text("/basic_info/secondary_nationality")
		a, b := strings.TrimSpace(first), strings.TrimSpace(second)
		if !ok1 || !ok2 || a == "" || !strings.EqualFold(a, b) {
			return
		}
		p.Reportf("/basic_info/secondary_nationality", "secondary_nationality "+p.Quote(second)+
			" is the same as primary_nationality; remove it or give the other nationality")
	},
}
