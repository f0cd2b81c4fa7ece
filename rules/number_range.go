package rules

// NumberRange reports a number below its minimum (monthly_volume_usd < 0).
var NumberRange = &Rule{
	ID:       "number-range",
	Title:    "amounts, counts and percentages must not be negative",
	Severity: Error,
	Source:   "vendor OpenAPI (minimum: 0)",
	Doc: `financial_profile.monthly_volume_usd is the expected monthly volume in whole US
dollars, zero or more. A negative amount is rejected.

In a business payload the financial_profile amounts
(estimated_annual_revenue_usd, expected_monthly_deposits_usd,
expected_monthly_withdrawals_usd, expected_transaction_value_usd) and
expected_monthly_transaction_count must be zero or more, and so must
ownership percentages and the shares of compliance.aml.customer_risk_split.`,
	Bad:  Example{Patch: `{"financial_profile": {"monthly_volume_usd": -5000}}`},
	Good: Example{Patch: `{"financial_profile": {"monthly_volume_usd": 5000}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"financial_profile": {"expected_monthly_deposits_usd": -350000}}`},
		Good: Example{Patch: `{"financial_profile": {"expected_monthly_deposits_usd": 350000}}`},
	}},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "number-range") {
			p.Report(Finding{Path: e.Pointer, Message: label(e.Pointer) + " " + e.Message})
		}
	},
}
