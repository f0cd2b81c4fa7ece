package business

import (
	"math/big"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

const (
	riskProfilePtr = "/compliance/risk_profile"
	explanationPtr = riskProfilePtr + "/high_risk_activities_explanation"
	riskSplitPtr   = "/compliance/aml/customer_risk_split"
)

// HighRiskExplanation reports declared high-risk activities without an
// explanation.
var HighRiskExplanation = &rules.Rule{
	ID:       "high-risk-explanation",
	Title:    "high-risk activities need an explanation",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (risk_profile.high_risk_activities: if non-empty, high_risk_activities_explanation is required); SPEC-business semantic rule 11",
	Doc: `When compliance.risk_profile.high_risk_activities lists any activity
(gambling, crypto_exchange, cross_border_payments ...), the vendor requires
high_risk_activities_explanation: a few sentences on what the company does
in each activity and how it controls the risk. A missing explanation, an
empty one or one of white space only is reported, at the explanation's own
pointer.

Write the explanation, or, if the company does none of the activities,
empty high_risk_activities.`,
	Bad:  rules.Example{Patch: `{"compliance": {"risk_profile": {"high_risk_activities_explanation": null}}}`},
	Good: rules.Example{Patch: `{"compliance": {"risk_profile": {"high_risk_activities": [], "high_risk_activities_explanation": null}}}`},
	Run: func(p *rules.Pass) {
		acts := p.Lookup(riskProfilePtr + "/high_risk_activities")
		if acts == nil || acts.Kind != jsondoc.Array || len(acts.Items) == 0 {
			return
		}
		const msg = "high_risk_activities lists activities, so the API requires an explanation of them"
		switch v := p.Lookup(explanationPtr); {
		case v == nil:
			p.Reportf(explanationPtr, "high_risk_activities_explanation is missing; "+msg)
		case v.Kind == jsondoc.String && coBlank(v.Str):
			p.Reportf(explanationPtr, "high_risk_activities_explanation is blank; "+msg)
		}
	},
}

// RiskSplit reports a customer risk split that does not add up to 100.
var RiskSplit = &rules.Rule{
	ID:       "risk-split",
	Title:    "customer risk split must add up to 100",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2CustomerRiskSplit: percentages must sum to 100); SPEC-business semantic rule 11",
	Doc: `compliance.aml.customer_risk_split gives the percentages of the company's
customers in each risk class, low_risk, medium_risk and high_risk; every
customer is in one class, so the vendor requires the three to add up to
exactly 100.

The sum is checked only when all three are numbers (the schema checks that
each is a whole number from 0 to 100), and is computed exactly. Correct the
split so that it covers all customers once.`,
	Bad:  rules.Example{Patch: `{"compliance": {"aml": {"customer_risk_split": {"low_risk": 80, "medium_risk": 15, "high_risk": 10}}}}`},
	Good: rules.Example{Patch: `{"compliance": {"aml": {"customer_risk_split": {"low_risk": 80, "medium_risk": 15, "high_risk": 5}}}}`},
	Run: func(p *rules.Pass) {
		split := p.Lookup(riskSplitPtr)
		sum := new(big.Rat)
		var terms []string
		for _, k := range []string{"low_risk", "medium_risk", "high_risk"} {
			v := split.Get(k)
			if v == nil || v.Kind != jsondoc.Number {
				return
			}
			n, ok := rules.ParseNumber(v.Str)
			if !ok {
				return
			}
			sum.Add(sum, n)
			terms = append(terms, k+" "+coShort(v.Str))
		}
		if sum.Cmp(big.NewRat(100, 1)) == 0 {
			return
		}
		p.Reportf(riskSplitPtr, "customer_risk_split adds up to "+coRatString(sum)+" ("+strings.Join(terms, " + ")+"), not 100")
	},
}

// coRatString writes r as a whole number, or as a decimal of up to six places.
func coRatString(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	s := strings.TrimRight(r.FloatString(6), "0")
	return strings.TrimSuffix(s, ".")
}
