package business

import (
	"strings"

	naicslist "github.com/finlint/finlint/internal/naics"
	"github.com/finlint/finlint/rules"
)

const industryCodes = "/industry_codes/*"

// IndustryCode reports an industry_codes item that is not a six-digit
// NAICS 2022 code.
var IndustryCode = &rules.Rule{
	ID:       "industry-code",
	Title:    "industry codes must be six-digit NAICS 2022 codes",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (industry_codes: NAICS 2022 6-digit industry codes); SPEC-business semantic rule 9",
	Doc: `Each item of industry_codes is a six-digit national industry of the North
American Industry Classification System, 2022 edition, as a string of six
digits ("541511"). Sectors, subsectors and industry groups (two to five
digits) are not accepted, nor are codes that other editions had and 2022
dropped or renumbered: 2017's 523130 (Commodity Contracts Dealing) became
part of 523160, and 511210 (Software Publishers) is now 513210. The vendor's
own example still shows 523130; the list wins.

Codes are checked against the published NAICS 2022 list embedded in finlint.
For an unknown code the message names the nearest known codes (same
industry, then industry group, subsector, sector) with their titles; look
the right one up by its title rather than taking the first. When the value
is a known code written with separators or spaces ("541-511"), the
suggestion is the code without them.`,
	Bad:  rules.Example{Patch: `{"industry_codes": ["523130"]}`},
	Good: rules.Example{Patch: `{"industry_codes": ["523160"]}`},
	Run: func(p *rules.Pass) {
		coEachString(p, industryCodes, func(ptr, code string) {
			if _, ok := naicslist.Lookup(code); ok {
				return
			}
			msg := rules.Label(ptr) + " " + p.Quote(code)
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, code)
			if naicslist.WellFormed(code) {
				msg += " is not a NAICS 2022 code"
			} else {
				msg += " is not a six-digit NAICS 2022 code"
			}
			f := rules.Finding{Path: ptr}
			if _, ok := naicslist.Lookup(digits); ok && digits != code {
				msg += "; without its separators it is " + digits
				coSuggest(p, &f, digits, rules.FixString)
			} else if near := naicslist.Nearest(digits, 3); len(digits) == len(code) && len(near) > 0 {
				parts := make([]string, len(near))
				for i, e := range near {
					parts[i] = e.Code + " " + e.Title
				}
				msg += "; nearest: " + strings.Join(parts, ", ")
			}
			f.Message = msg
			p.Report(f)
		})
	},
}

// DuplicateIndustryCode reports an industry code listed twice.
var DuplicateIndustryCode = &rules.Rule{
	ID:       "duplicate-industry-code",
	Title:    "industry_codes should not list a code twice",
	Severity: rules.Warning,
	Kinds:    []string{"business-v2"},
	Source:   "SPEC-business semantic rule 9",
	Doc: `industry_codes is a set of the company's industries; listing one twice adds
nothing and usually means a copy-and-paste slip, or a second industry that
was meant but mistyped.

Codes are compared exactly as written. Each repeat is reported at its own
position, naming the item it repeats: remove it, or correct it to the
industry that was meant.`,
	Bad:  rules.Example{Patch: `{"industry_codes": ["541511", "541511"]}`},
	Good: rules.Example{Patch: `{"industry_codes": ["541511", "541512"]}`},
	Run: func(p *rules.Pass) {
		first := map[string]string{}
		coEachString(p, industryCodes, func(ptr, code string) {
			if at, dup := first[code]; dup {
				p.Reportf(ptr, rules.Label(ptr)+" "+p.Quote(code)+" repeats industry_codes["+at+"]")
				return
			}
			first[code] = coIndex(ptr)
		})
	},
}
