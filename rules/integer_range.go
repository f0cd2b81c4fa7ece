package rules

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// IntegerRange reports an integer field whose value does not fit in a
// signed 64-bit integer.
var IntegerRange = &Rule{
	ID:       "integer-range",
	Title:    "integers must fit in a signed 64-bit integer",
	Severity: Error,
	Source:   "vendor OpenAPI (integer fields); JSON Schema integer semantics",
	Doc: `JSON has no size limit on numbers and JSON Schema's "integer" has none either,
so the schema accepts monthly_volume_usd 1e400. No decoder on the API's side
can hold such a value: it is refused, or worse, silently rounded or wrapped
into another number. Every integer field (occupation_id, purpose_id,
monthly_volume_usd and each source_of_fund_ids entry) must lie between
-9223372036854775808 and 9223372036854775807, however it is written (1e20 is
a whole number, and too large).

In a business payload the integer fields are purpose_id, each
source_of_fund_ids and source_of_wealth_ids entry, the financial_profile
amounts (estimated_annual_revenue_usd and the expected_* fields) and the
shares of compliance.aml.customer_risk_split.

A value that is not a whole number is field-type's to report; one written
42.0 but in range is integer-literal's.`,
	Bad:  Example{Patch: `{"financial_profile": {"monthly_volume_usd": 1e20}}`},
	Good: Example{Patch: `{"financial_profile": {"monthly_volume_usd": 5000}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"financial_profile": {"estimated_annual_revenue_usd": 1e400}}`},
		Good: Example{Patch: `{"financial_profile": {"estimated_annual_revenue_usd": 4200000}}`},
	}},
	Run: func(p *Pass) {
		forIntegerFields(p, func(ptr string, v *jsondoc.Value) {
			if side := outOfInt64(v); side != "" {
				p.Report(Finding{Path: ptr, Message: label(ptr) + " " + shortLiteral(v.Str) + " is " + side +
					" the signed 64-bit range (" + strconv.FormatInt(minInt64.Num().Int64(), 10) + " to " +
					strconv.FormatInt(maxInt64.Num().Int64(), 10) + "); no server can hold it"})
			}
		})
	},
}

var (
	minInt64 = big.NewRat(-1<<63, 1)
	maxInt64 = new(big.Rat).SetInt(new(big.Int).SetUint64(1<<63 - 1))
)

// forIntegerFields calls fn with every number in an integer field of the
// payload's kind, field by field.
func forIntegerFields(p *Pass, fn func(ptr string, v *jsondoc.Value)) {
	p.eachOf(p.roles().Integers, func(ptr string, v *jsondoc.Value) {
		if v.Kind == jsondoc.Number {
			fn(ptr, v)
		}
	})
}

// outOfInt64 says whether a number literal is a whole number beyond the
// int64 range: "above", "below", or "" when it fits or is not whole.
func outOfInt64(v *jsondoc.Value) string {
	if len(v.Str) < 19 && !hasExponent(v.Str) {
		return "" // at most 18 digits: fits
	}
	r, ok := ParseNumber(v.Str)
	if !ok {
		// An exponent too large to expand: huge unless its digits are 0.
		if hugeExponent(v.Str) {
			if v.Str[0] == '-' {
				return "below"
			}
			return "above"
		}
		return ""
	}
	switch {
	case !r.IsInt():
		return ""
	case r.Cmp(minInt64) < 0:
		return "below"
	case r.Cmp(maxInt64) > 0:
		return "above"
	}
	return ""
}

func hasExponent(lit string) bool { return strings.ContainsAny(lit, "eE") }
