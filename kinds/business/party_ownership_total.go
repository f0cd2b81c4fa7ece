package business

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
)

// OwnershipOver100 reports ownership percentages that add up to more than
// 100.
var OwnershipOver100 = &rules.Rule{
	ID:       "ownership-over-100",
	Title:    "ownership percentages must not add up to more than 100",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2OwnershipInfo.percentage_of_ownership: total across all parties must be < 100%); SPEC-business §7",
	Doc: `The ownership percentages of the company's owners are summed: every
associated_parties[].ownership_info.percentage_of_ownership and every
holding_structure.corporate_shareholders[].ownership_percentage. Together
they cannot exceed 100: no company is owned more than wholly, and the vendor
refuses a total over 100.

The sum is exact: the numbers are added as written (27.5 + 72.5 is exactly
100, with no rounding of binary floating point). The finding is at the share
that takes the total over 100, and the message gives the total and every
share it adds up. Values that are not numbers are left out (the schema
reports them). Correct the share that is wrong; a share counted twice, once
for a person and once for the holding company they own it through, is a
common cause.

A total of exactly 100 is ownership-exactly-100's to report.`,
	Bad:  rules.Example{Patch: `{"holding_structure": {"has_material_intermediary_ownership": true, "corporate_shareholders": [{"entity_name": "Harbor Point Holdings LLC", "entity_name_en": "Harbor Point Holdings LLC", "registration_country_code": "USA", "ownership_percentage": 40}]}}`},
	Good: rules.Example{Patch: `{"holding_structure": {"has_material_intermediary_ownership": true, "corporate_shareholders": [{"entity_name": "Harbor Point Holdings LLC", "entity_name_en": "Harbor Point Holdings LLC", "registration_country_code": "USA", "ownership_percentage": 20}]}}`},
	Run:  func(p *rules.Pass) { checkOwnershipTotal(p, 1) },
}

// OwnershipExactly100 reports ownership percentages that add up to exactly
// 100.
var OwnershipExactly100 = &rules.Rule{
	ID:       "ownership-exactly-100",
	Title:    "ownership percentages that add up to exactly 100 may be refused",
	Severity: rules.Warning,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2OwnershipInfo.percentage_of_ownership: total across all parties must be < 100%; the vendor's example adds up to 100); SPEC-business §7",
	Doc: `The vendor's description of percentage_of_ownership says the total across
all parties must be less than 100, and its endpoint guide that it must be
"more than 0 and less than 100"; yet the vendor's own example request adds
up to exactly 100 (60 + 40 and a corporate shareholder of 0). A company that
is wholly owned by the listed owners is common and legitimate, so a total of
exactly 100 is a warning rather than an error: the API may refuse it.

The shares summed are those of ownership-over-100: every
associated_parties[].ownership_info.percentage_of_ownership and every
holding_structure.corporate_shareholders[].ownership_percentage, added
exactly as written. The finding is at the share that makes the total 100,
and the message lists every share. If the API refuses the payload, ask the
vendor how a wholly owned company is to be described.`,
	Bad:  rules.Example{Patch: `{"holding_structure": {"has_material_intermediary_ownership": true, "corporate_shareholders": [{"entity_name": "Harbor Point Holdings LLC", "entity_name_en": "Harbor Point Holdings LLC", "registration_country_code": "USA", "ownership_percentage": 25}]}}`},
	Good: rules.Example{Patch: `{"holding_structure": {"has_material_intermediary_ownership": true, "corporate_shareholders": [{"entity_name": "Harbor Point Holdings LLC", "entity_name_en": "Harbor Point Holdings LLC", "registration_country_code": "USA", "ownership_percentage": 20}]}}`},
	Run:  func(p *rules.Pass) { checkOwnershipTotal(p, 0) },
}

// ownershipShares are the patterns of the percentages that make up the
// company's ownership, in the order they are added.
var ownershipShares = []string{
	"/associated_parties/*/ownership_info/percentage_of_ownership",
	"/holding_structure/corporate_shareholders/*/ownership_percentage",
}

// share is one ownership percentage and where it is.
type share struct {
	ptr, lit string
	value    *big.Rat
}

// maxListed is how many shares a message names before it counts the rest.
const maxListed = 10

// checkOwnershipTotal reports the total of the ownership shares when it
// compares to 100 as want says: 1 over, 0 exactly.
func checkOwnershipTotal(p *rules.Pass, want int) {
	var shares []share
	for _, pat := range ownershipShares {
		kind.Each(p.Root(), pat, func(ptr string, v *jsondoc.Value) {
			if v.Kind != jsondoc.Number {
				return
			}
			if r, ok := rules.ParseNumber(v.Str); ok {
				shares = append(shares, share{ptr, v.Str, r})
			}
		})
	}
	if len(shares) == 0 {
		return
	}
	hundred := big.NewRat(100, 1)
	running := make([]*big.Rat, len(shares))
	total := new(big.Rat)
	for i, s := range shares {
		total.Add(total, s.value)
		running[i] = new(big.Rat).Set(total)
	}
	if total.Cmp(hundred) != want {
		return
	}
	// The share that takes the total over (or to) 100 is the first after
	// which the running total stays so; with no negative shares (the
	// schema's to report) that is where it first crosses.
	at := len(shares) - 1
	for at > 0 && running[at-1].Cmp(hundred) == want {
		at--
	}
	var parts []string
	for i, s := range shares {
		if i == maxListed {
			parts = append(parts, "and "+strconv.Itoa(len(shares)-maxListed)+" more")
			break
		}
		parts = append(parts, shareName(s.ptr)+" "+shortNumber(s.lit))
	}
	list := " (" + strings.Join(parts, " + ") + ")"
	msg := label(shares[at].ptr) + " takes the total ownership to " + decimal(total) + ", over 100" + list
	if want == 0 {
		msg = label(shares[at].ptr) + " brings the total ownership to exactly 100" + list + "; the vendor asks for less than 100"
	}
	p.Reportf(shares[at].ptr, msg)
}

// shareName names the owner of a share for the list in a message:
// "associated_parties[0]", "corporate_shareholders[1]".
func shareName(ptr string) string {
	toks := jsondoc.SplitPointer(ptr)
	if len(toks) >= 3 && toks[0] == "holding_structure" {
		return toks[1] + "[" + toks[2] + "]"
	}
	if len(toks) >= 2 {
		return toks[0] + "[" + toks[1] + "]"
	}
	return label(ptr)
}

// shortNumber cuts an absurdly long number literal for a message.
func shortNumber(lit string) string {
	const max = 24
	if len(lit) > max {
		return lit[:max] + "…"
	}
	return lit
}

// decimal writes r, a sum of decimal literals and so a finite decimal, in
// plain decimal notation without trailing zeros: "115", "99.75". Beyond a
// dozen decimal places it is cut, with an ellipsis.
func decimal(r *big.Rat) string {
	const maxPlaces = 12
	// A finite decimal's denominator is 2^a 5^b; it needs max(a, b) places.
	d := new(big.Int).Set(r.Denom())
	two, five := big.NewInt(2), big.NewInt(5)
	var a, b int
	m := new(big.Int)
	for d.Cmp(big.NewInt(1)) != 0 {
		switch {
		case m.Mod(d, two).Sign() == 0:
			d.Quo(d, two)
			a++
		case m.Mod(d, five).Sign() == 0:
			d.Quo(d, five)
			b++
		default:
			return shortNumber(r.FloatString(maxPlaces)) + "…"
		}
	}
	places := max(a, b)
	if places > maxPlaces {
		return shortNumber(r.FloatString(maxPlaces)) + "…"
	}
	return shortNumber(r.FloatString(places))
}
