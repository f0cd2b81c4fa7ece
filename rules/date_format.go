package rules

import (
	"regexp"
	"time"
)

// DateFormat reports a dob that is not a real YYYY-MM-DD date.
var DateFormat = &Rule{
	ID:       "date-format",
	Title:    "dates must be real calendar dates written YYYY-MM-DD",
	Severity: Error,
	Source:   "vendor OpenAPI (dob: format date); SPEC structure table",
	Doc: `basic_info.dob is an ISO 8601 calendar date, YYYY-MM-DD, with no time and no
time zone: "1990-04-15". The date must exist: 1990-02-30 and 2023-02-29 do
not.

In a business payload every date field is held to the same form:
basic_info.incorporation_date, each associated party's dob and
ownership_info.relationship_establishment_date, a corporate shareholder's
incorporation_date and compliance.aml.planned_audit_date.

Where the value is an unambiguous other spelling of a date (1990/04/15,
19900415, 1990-4-15, 1990-04-15T00:00:00Z) the suggestion rewrites it. Day
and month orders such as 04/05/1990 are ambiguous and get no suggestion.`,
	Bad:  Example{Patch: `{"basic_info": {"dob": "1990-02-30"}}`},
	Good: Example{Patch: `{"basic_info": {"dob": "1990-04-15"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"incorporation_date": "2016-02-30"}}`},
		Good: Example{Patch: `{"basic_info": {"incorporation_date": "2016-03-14"}}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "date-format") {
			f := Finding{Path: e.Pointer, Message: label(e.Pointer) + " " + e.Message}
			if s, ok := p.Text(e.Pointer); ok {
				f.suggest(p.Suggest(rewriteDate(s)), FixString)
			}
			p.Report(f)
		}
	},
}

var looseDate = regexp.MustCompile(`^\s*(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?\s*$`)

// rewriteDate returns s as YYYY-MM-DD when it is an unambiguous, real date
// written another way, and "" otherwise.
func rewriteDate(s string) string {
	m := looseDate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	if len(m[2]) == 1 && len(m[3]) == 1 && len(s) == 6 {
		return ""
	}
	t, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return ""
	}
	if out := t.Format("2006-01-02"); out != s {
		return out
	}
	return ""
}
