package rules

import "strings"

// EnumValue reports a value outside a closed list (verification_type,
// gender, employment_status).
var EnumValue = &Rule{
	ID:       "enum-value",
	Title:    "coded values must be one of the allowed words",
	Severity: Error,
	Source:   "vendor OpenAPI CreateIndividualCustomerV2Input",
	Doc: `Three fields take one word from a closed list, in capitals:
verification_type (STANDARD, RELIANCE), gender (MALE, FEMALE) and
employment_status (EMPLOYED, SELF_EMPLOYED, RETIRED, STUDENT, UNEMPLOYED).

In a business payload the closed lists are verification_type,
basic_info.entity_type and a corporate shareholder's entity_type
(CORPORATION, LIMITED_LIABILITY_COMPANY, TRUST, ...), each associated
party's roles (shareholder and ubo, in lowercase) and
compliance.risk_profile.high_risk_activities.

The API compares them exactly, so "Female", "female" and "self-employed" are
rejected. When the value differs only in case, spacing or punctuation, or is
an unambiguous start of one word ("F"), the suggestion gives the right one.
Country codes are checked by country-code instead.`,
	Bad:  Example{Patch: `{"basic_info": {"gender": "Female"}}`},
	Good: Example{Patch: `{"basic_info": {"gender": "FEMALE"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"entity_type": "Corporation"}}`},
		Good: Example{Patch: `{"basic_info": {"entity_type": "CORPORATION"}}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "enum-value") {
			f := Finding{Path: e.Pointer, Message: label(e.Pointer) + " " + e.Message}
			if got, ok := p.Text(e.Pointer); ok {
				f.suggest(closestWord(got, e.Want), FixString)
			}
			p.Report(f)
		}
	},
}

// closestWord finds the allowed word that got means: the same letters in
// another case or with other separators, or the one word it starts.
func closestWord(got string, want []string) string {
	norm := func(s string) string {
		s = strings.ToUpper(strings.TrimSpace(s))
		return strings.NewReplacer("-", "_", " ", "_", ".", "_").Replace(s)
	}
	g := norm(got)
	if g == "" {
		return ""
	}
	var prefix []string
	for _, w := range want {
		if g == w || strings.ReplaceAll(g, "_", "") == strings.ReplaceAll(w, "_", "") {
			return w
		}
		if strings.HasPrefix(w, g) {
			prefix = append(prefix, w)
		}
	}
	if len(prefix) == 1 {
		return prefix[0]
	}
	return ""
}
