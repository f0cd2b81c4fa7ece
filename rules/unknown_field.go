package rules

import "strings"

// UnknownField reports a key the vendor's schema does not define.
var UnknownField = &Rule{
	ID:       "unknown-field",
	Title:    "keys must be ones the vendor defines",
	Severity: Warning,
	Source:   "vendor OpenAPI CreateIndividualCustomerV2Input; SPEC structure table",
	Doc: `A key the API does not define is most likely a typo of one it does
(first_nmae), a field of another endpoint (the V1 body's nationality or tin),
or a leftover of an internal format. The API may ignore it silently, which is
worse than an error: the value you meant to send never arrives.

It is a warning, not an error, because the API may accept the payload. Keys
inside meta_data are free-form and never reported. When a known key is close,
the suggestion names it.`,
	Bad:  Example{Patch: `{"basic_info": {"first_nmae": "Maria"}}`},
	Good: Example{Patch: `{"meta_data": {"first_nmae": "anything goes here"}}`},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "unknown-field") {
			key := field(e.Pointer)
			f := Finding{Path: e.Pointer, Message: "unknown field " + quote(key)}
			if near := nearest(key, e.Known); near != "" {
				f.Message += "; did you mean " + quote(near) + "?"
				f.Suggestion = near
			}
			p.Report(f)
		}
	},
}

// nearest returns the candidate closest to s by edit distance when it is
// close enough to be a plausible typo, or "".
func nearest(s string, candidates []string) string {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(1, min(3, len([]rune(s))/3))
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// editDistance is the Damerau–Levenshtein distance (optimal string
// alignment): a swap of two neighbours counts as one edit.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
