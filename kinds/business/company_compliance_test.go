package business

import "testing"

func TestHighRiskExplanation(t *testing.T) {
	const msg = "; high_risk_activities lists activities, so the API requires an explanation of them"
	coExpect(t, HighRiskExplanation, runPatch(t, HighRiskExplanation, `{"compliance": {"risk_profile": {"high_risk_activities_explanation": null}}}`),
		coFinding{Path: explanationPtr, Message: "high_risk_activities_explanation is missing" + msg})
	for _, blank := range []string{``, ` `, `\t\n`, `\u00a0\u3000`} {
		coExpect(t, HighRiskExplanation, runPatch(t, HighRiskExplanation, `{"compliance": {"risk_profile": {"high_risk_activities_explanation": "`+blank+`"}}}`),
			coFinding{Path: explanationPtr, Message: "high_risk_activities_explanation is blank" + msg})
	}
	for _, ok := range []string{
		`{"compliance": {"risk_profile": {"high_risk_activities": [], "high_risk_activities_explanation": null}}}`,
		`{"compliance": {"risk_profile": {"high_risk_activities": null, "high_risk_activities_explanation": ""}}}`,
		`{"compliance": {"risk_profile": {"high_risk_activities_explanation": 5}}}`,
		`{"compliance": {"risk_profile": {"high_risk_activities": ["gambling"], "high_risk_activities_explanation": "Licensed online casino."}}}`,
		`{"compliance": null}`,
	} {
		coExpect(t, HighRiskExplanation, runPatch(t, HighRiskExplanation, ok))
	}
}

func TestRiskSplit(t *testing.T) {
	split := func(l, m, h string) string {
		return `{"compliance": {"aml": {"customer_risk_split": {"low_risk": ` + l + `, "medium_risk": ` + m + `, "high_risk": ` + h + `}}}}`
	}
	coExpect(t, RiskSplit, runPatch(t, RiskSplit, split("80", "15", "10")),
		coFinding{Path: riskSplitPtr, Message: "customer_risk_split adds up to 105 (low_risk 80 + medium_risk 15 + high_risk 10), not 100"})
	coExpect(t, RiskSplit, runPatch(t, RiskSplit, split("0", "0", "0")),
		coFinding{Path: riskSplitPtr, Message: "customer_risk_split adds up to 0 (low_risk 0 + medium_risk 0 + high_risk 0), not 100"})
	coExpect(t, RiskSplit, runPatch(t, RiskSplit, split("33.3", "33.3", "33.3")),
		coFinding{Path: riskSplitPtr, Message: "customer_risk_split adds up to 99.9 (low_risk 33.3 + medium_risk 33.3 + high_risk 33.3), not 100"})
	coExpect(t, RiskSplit, runPatch(t, RiskSplit, split("1e2", "0", "-0.0001")),
		coFinding{Path: riskSplitPtr, Message: "customer_risk_split adds up to 99.9999 (low_risk 1e2 + medium_risk 0 + high_risk -0.0001), not 100"})
	coExpect(t, RiskSplit, runPatch(t, RiskSplit, split("123456789012345678901234567890", "0", "0")),
		coFinding{Path: riskSplitPtr, Message: "customer_risk_split adds up to 123456789012345678901234567890 (low_risk 123456789012345678901234… + medium_risk 0 + high_risk 0), not 100"})
	// Exactly 100, however written; or not all three numbers.
	for _, ok := range []string{split("80", "15", "5"), split("8e1", "15.0", "5"), split("33.5", "33.25", "33.25"), split(`"80"`, "15", "10"), split("null", "15", "10"), split("1e999", "15", "10")} {
		coExpect(t, RiskSplit, runPatch(t, RiskSplit, ok))
	}
	coExpect(t, RiskSplit, runPatch(t, RiskSplit, `{"compliance": {"aml": {"customer_risk_split": {"low_risk": null, "high_risk": 10}}}}`))
}
