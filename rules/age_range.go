package rules

import (
	"strconv"
	"time"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/schema"
)

// AgeRange reports a date of birth that makes the customer younger than 18,
// older than 120, or not yet born.
var AgeRange = &Rule{
	ID:       "age-range",
	Title:    "the customer must be 18 to 120 years old",
	Severity: Error,
	Source:   "vendor OpenAPI (basic_info.dob: age must be between 18 and 120 years); SPEC semantic rule 8",
	Doc: `The vendor accepts individual customers aged 18 to 120 years inclusive,
counted from basic_info.dob to today's date in UTC. A birthday counts from
the start of its day: someone born eighteen years ago today is 18, someone
whose eighteenth birthday is tomorrow is 17. A 29 February birthday falls on
1 March in years that are not leap years.

In a business payload the same limits apply to the date of birth of each
associated party, associated_parties[].basic_info.dob.

A date of birth in the future, or today, is almost always a form default or
a swapped field; an age over 120 usually a placeholder such as 1900-01-01.
Ask the customer for the real date.

Only dates written correctly as YYYY-MM-DD are judged; date-format reports
the others.`,
	Bad:  Example{Patch: `{"basic_info": {"dob": "1900-01-01"}}`},
	Good: Example{Patch: `{"basic_info": {"dob": "1990-04-15"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad: Example{Patch: `{"associated_parties": [{
  "ref": "owner-001",
  "basic_info": {
    "dob": "2015-07-09",
    "first_name": "Jane", "first_name_en": "Jane", "middle_name": "Marie", "middle_name_en": "Marie",
    "last_name": "Doe", "last_name_en": "Doe", "email": "jane.doe@harborpoint.example.com",
    "phone": "+12125550172", "country_of_residence": "USA", "primary_nationality": "USA",
    "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "536-21-4478"}]
  },
  "address": {
    "street_line_1": "245 West 72nd Street", "street_line_1_en": "245 West 72nd Street",
    "street_line_2": "Apt 9C", "city": "New York", "state": "US-NY", "subdivision_code": "US-NY",
    "postal_code": "10023", "country": "USA"
  },
  "roles": ["shareholder", "ubo"],
  "ownership_info": {
    "designation": "Chief Executive Officer", "percentage_of_ownership": 75,
    "relationship_establishment_date": "2016-03-14", "has_control": true, "is_signer": true, "is_director": true
  }
}]}`},
		Good: Example{Patch: `{}`},
	}},
	Run: func(p *Pass) {
		for _, pat := range p.roles().Births {
			kind.Each(p.Root(), pat, func(ptr string, v *jsondoc.Value) { checkAge(p, ptr, v) })
		}
	},
}

// checkAge judges the date of birth at ptr: a real date, not in the
// future, of someone 18 to 120 years old today.
func checkAge(p *Pass, ptr string, v *jsondoc.Value) {
	s, ok := v.Text()
	if !ok || len(s) != len("2006-01-02") {
		return
	}
	// The customer of an individual payload; any other date of birth
	// is a person's the payload names (a business's party).
	who := "the customer"
	if ptr != "/basic_info/dob" {
		who = "this person"
	}
	dob, ok := schema.ParseDate(s)
	if !ok {
		return
	}
	now := p.Now.UTC()
	if dob.After(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)) {
		p.Reportf(ptr, label(ptr)+" "+p.Quote(s)+" is in the future (today is "+now.Format(time.DateOnly)+" UTC)")
		return
	}
	age := ageOn(dob, now)
	if age >= 18 && age <= 120 {
		return
	}
	today := now.Format(time.DateOnly)
	// A redacted report keeps the exact age back: with the date it
	// narrows down the date of birth.
	said := strconv.Itoa(age)
	switch {
	case !p.Settings.Redact:
	case age < 18:
		said = "under 18"
	default:
		said = "over 120"
	}
	p.Reportf(ptr, label(ptr)+" "+p.Quote(s)+" makes "+who+" "+said+" on "+today+"; the API accepts ages 18 to 120")
}

// ageOn returns the age in whole years on the calendar day of now of
// someone born on dob. Comparing (month, day) pairs, rather than adding
// years to dob, makes a 29 February birthday fall on 1 March in common years.
func ageOn(dob, now time.Time) int {
	age := now.Year() - dob.Year()
	if now.Month() < dob.Month() || now.Month() == dob.Month() && now.Day() < dob.Day() {
		age--
	}
	return age
}
