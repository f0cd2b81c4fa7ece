package rules

import (
	"math/big"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// IntegerLiteral reports integers written as 42.0 or 4.2e1, or too large
// for a 64-bit integer.
var IntegerLiteral = &Rule{
	ID:       "integer-literal",
	Title:    "integers should be written as plain whole numbers",
	Severity: Warning,
	Source:   "JSON Schema integer semantics; vendor OpenAPI (integer fields)",
	Doc: `JSON Schema counts 42.0 and 4.2e1 as the integer 42, so the schema accepts them,
but many servers decode them as floating point and reject them, or round them.
The reference ids and monthly_volume_usd should be written as plain whole
numbers, and fit in a signed 64-bit integer: 1e20 does not.

The suggestion gives the plain form when the value is a whole number that fits.`,
	Bad:  Example{Patch: `{"financial_profile": {"occupation_id": 42.0}}`},
	Good: Example{Patch: `{"financial_profile": {"occupation_id": 42}}`},
	Run: func(p *Pass) {
		fp := p.Lookup("/financial_profile")
		for _, key := range []string{"occupation_id", "purpose_id", "monthly_volume_usd"} {
			checkIntegerLiteral(p, jsondoc.Join("/financial_profile", key), fp.Get(key))
		}
		if ids := fp.Get("source_of_fund_ids"); ids != nil && ids.Kind == jsondoc.Array {
			for i, it := range ids.Items {
				checkIntegerLiteral(p, jsondoc.Join("/financial_profile/source_of_fund_ids", itoa(i)), it)
			}
		}
	},
}

var (
	minInt64 = big.NewRat(-1<<63, 1)
	maxInt64 = new(big.Rat).SetInt(new(big.Int).SetUint64(1<<63 - 1))
)

func checkIntegerLiteral(p *Pass, ptr string, v *jsondoc.Value) {
	if v == nil || v.Kind != jsondoc.Number {
		return
	}
	plain := !strings.ContainsAny(v.Str, ".eE")
	if plain && len(v.Str) < 19 {
		return
	}
	r, ok := ParseNumber(v.Str)
	if !ok {
		if hugeExponent(v.Str) {
			p.Report(Finding{Path: ptr, Message: label(ptr) + " " + v.Str + " is too large for a 64-bit integer"})
		}
		return
	}
	if !r.IsInt() {
		return // not a whole number: the schema reports it
	}
	if r.Cmp(minInt64) < 0 || r.Cmp(maxInt64) > 0 {
		p.Report(Finding{Path: ptr, Message: label(ptr) + " " + v.Str + " is too large for a 64-bit integer"})
		return
	}
	if plain {
		return
	}
	f := Finding{Path: ptr, Message: label(ptr) + " is written " + v.Str + "; write it as a plain integer"}
	f.suggest(r.Num().String(), FixLiteral)
	p.Report(f)
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
