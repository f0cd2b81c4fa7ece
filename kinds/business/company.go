package business

import (
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
)

// companyRules check the company itself: identifiers, industry, addresses,
// listings, compliance and tax documents.
var companyRules = []*rules.Rule{
	IndustryCode,
	DuplicateIndustryCode,
	LEIFormat,
	LEICheckDigits,
	WebsiteURL,
	DuplicateWebsite,
	PublicListing,
	ISINCheckDigit,
	MICFormat,
	HighRiskExplanation,
	RiskSplit,
	EINFormat,
	BusinessTaxResidence,
	PurposeRemarks,
	PhysicalAddress,
	PhysicalAddressIgnored,
	POBox,
	StateSubdivision,
}

// coEachString calls fn for every string value pattern matches, in document
// order; values of other types are the schema's to report.
func coEachString(p *rules.Pass, pattern string, fn func(ptr, s string)) {
	kind.Each(p.Root(), pattern, func(ptr string, v *jsondoc.Value) {
		if s, ok := v.Text(); ok {
			fn(ptr, s)
		}
	})
}

// coIndex returns the last token of ptr, an array index, for messages.
func coIndex(ptr string) string {
	toks := jsondoc.SplitPointer(ptr)
	if len(toks) == 0 {
		return ""
	}
	return toks[len(toks)-1]
}

// coWholeNumber reads a JSON number that is a whole number in the int64
// range, however written (10, 10.0, 1e1).
func coWholeNumber(v *jsondoc.Value) (int64, bool) {
	if v == nil || v.Kind != jsondoc.Number {
		return 0, false
	}
	if n, err := strconv.ParseInt(v.Str, 10, 64); err == nil {
		return n, true
	}
	r, ok := rules.ParseNumber(v.Str)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return r.Num().Int64(), true
}

// coBlank reports whether s is empty or only white space (Unicode spaces
// included).
func coBlank(s string) bool { return strings.TrimSpace(s) == "" }

// coSuggest sets a finding's suggestion, drawn from the payload, and how it
// is applied: nothing when redaction hides the suggestion.
func coSuggest(p *rules.Pass, f *rules.Finding, s string, k rules.FixKind) {
	f.Suggestion, f.Fix = p.Suggest(s), rules.FixNone
	if f.Suggestion != "" {
		f.Fix = k
	}
}

// coShort cuts a number literal for a message.
func coShort(s string) string {
	const max = 24
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}
