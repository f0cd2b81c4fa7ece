package rules

import (
	"math/big"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// IntegerLiteral reports integers written as 42.0 or 4.2e1.
var IntegerLiteral = &Rule{
	ID:       "integer-literal",
	Title:    "integers should be written as plain whole numbers",
	Severity: Warning,
	Source:   "JSON Schema integer semantics; vendor OpenAPI (integer fields)",
	Doc: `JSON Schema counts 42.0 and 4.2e1 as the integer 42, so the schema accepts them,
but many servers decode them as floating point and reject them, or round them.
The reference ids and monthly_volume_usd should be written as plain whole
numbers. (A whole number beyond the 64-bit range, however written, is an
integer-range error.)

In a business payload these are purpose_id, the source_of_fund_ids and
source_of_wealth_ids entries, the financial_profile amounts and
expected_monthly_transaction_count, and the shares of
compliance.aml.customer_risk_split.

The suggestion gives the plain form.`,
	Bad:  Example{Patch: `{"financial_profile": {"occupation_id": 42.0}}`},
	Good: Example{Patch: `{"financial_profile": {"occupation_id": 42}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"financial_profile": {"expected_monthly_transaction_count": 40.0}}`},
		Good: Example{Patch: `{"financial_profile": {"expected_monthly_transaction_count": 40}}`},
	}},
	Run: func(p *Pass) {
		forIntegerFields(p, func(ptr string, v *jsondoc.Value) {
			if !strings.ContainsAny(v.Str, ".eE") || outOfInt64(v) != "" {
				return // plain, or integer-range's to report
			}
			r, ok := ParseNumber(v.Str)
			if !ok || !r.IsInt() {
				return // not a whole number: the schema reports it
			}
			f := Finding{Path: ptr, Message: label(ptr) + " is written " + v.Str + "; write it as a plain integer"}
			f.suggest(r.Num().String(), FixLiteral)
			p.Report(f)
		})
	},
}

// ParseNumber reads a JSON number literal exactly. Exponents beyond ±400 are
// refused rather than expanded: no real id or amount needs them, and
// expanding 1e999999999 would take the process's memory.
func ParseNumber(lit string) (*big.Rat, bool) {
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		exp := strings.TrimLeft(lit[i+1:], "+-")
		exp = strings.TrimLeft(exp, "0")
		if len(exp) > 3 || len(exp) == 3 && exp > "400" {
			return nil, false
		}
	}
	r, ok := new(big.Rat).SetString(lit)
	return r, ok
}

// hugeExponent reports whether a literal ParseNumber refused has a large
// positive exponent (and so a huge magnitude, unless its digits are all 0).
func hugeExponent(lit string) bool {
	i := strings.IndexAny(lit, "eE")
	if i < 0 || strings.HasPrefix(lit[i+1:], "-") {
		return false
	}
	return strings.Trim(lit[:i], "-0.") != ""
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
