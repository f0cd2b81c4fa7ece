package rules

import (
	"bytes"
	"encoding/json"
	"github.com/finlint/finlint/kind"
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// DuplicateSourceOfFund reports an id listed twice in source_of_fund_ids.
var DuplicateSourceOfFund = &Rule{
	ID:       "duplicate-source-of-fund",
	Title:    "source_of_fund_ids should not list an id twice",
	Severity: Warning,
	Source:   "SPEC semantic rule 7",
	Doc: `financial_profile.source_of_fund_ids is a set of sources of funds; listing
one twice adds nothing and usually means a copy-and-paste slip or a second
source that was meant but mistyped. The vendor may reject the payload or
silently store the repeat.

In a business payload financial_profile.source_of_wealth_ids is checked the
same way, beside source_of_fund_ids.

Ids are compared by value, so 5 and 5.0 are the same id. Each repeat is
reported at its own position; the suggestion is the whole array without the
repeats, in its original order. Check that no intended source got lost.`,
	Bad:  Example{Patch: `{"financial_profile": {"source_of_fund_ids": [1, 5, 1]}}`},
	Good: Example{Patch: `{"financial_profile": {"source_of_fund_ids": [1, 5]}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"financial_profile": {"source_of_wealth_ids": [2, 2]}}`},
		Good: Example{Patch: `{"financial_profile": {"source_of_wealth_ids": [2]}}`},
	}},
	Run: func(p *Pass) {
		for _, ref := range p.roles().References {
			if ref.List {
				kind.Each(p.Root(), ref.Ptr, func(base string, ids *jsondoc.Value) {
					reportRepeatedIDs(p, base, ids)
				})
			}
		}
	},
}

// sourceOfFundKey returns a key equal for equal whole-number ids, and false
// for any value that is not a whole number.
func sourceOfFundKey(v *jsondoc.Value) (string, bool) {
	id, exact, ok := refIDValue(v)
	switch {
	case !ok:
		return "", false
	case exact:
		return strconv.FormatInt(id, 10), true
	}
	// Beyond int64 the literal's exact value is the key.
	r, _ := ParseNumber(v.Str)
	return r.Num().String(), true
}

// compactArray writes items as a compact JSON array, each item as it was
// written in src (minus white space), or "" if src does not hold them.
func compactArray(src []byte, items []*jsondoc.Value) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, it := range items {
		if it.Start < 0 || it.End > len(src) || it.Start > it.End {
			return ""
		}
		var c bytes.Buffer
		if err := json.Compact(&c, src[it.Start:it.End]); err != nil {
			return ""
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(c.Bytes())
	}
	b.WriteByte(']')
	return b.String()
}

// reportRepeatedIDs reports every id of the array at base that an earlier
// item already holds.
func reportRepeatedIDs(p *Pass, base string, ids *jsondoc.Value) {
	if ids == nil || ids.Kind != jsondoc.Array {
		return
	}
	type repeat struct{ at, first int }
	var repeats []repeat
	firstAt := map[string]int{}
	keep := make([]*jsondoc.Value, 0, len(ids.Items))
	for i, it := range ids.Items {
		key, ok := sourceOfFundKey(it)
		if !ok {
			keep = append(keep, it)
			continue
		}
		if first, dup := firstAt[key]; dup {
			repeats = append(repeats, repeat{i, first})
			continue
		}
		firstAt[key] = i
		keep = append(keep, it)
	}
	if len(repeats) == 0 {
		return
	}
	name := field(base)
	suggestion := compactArray(p.Doc.Src, keep)
	for _, r := range repeats {
		p.Report(Finding{
			Path: jsondoc.Join(base, strconv.Itoa(r.at)),
			Message: name + "[" + strconv.Itoa(r.at) + "] repeats id " + shortLiteral(ids.Items[r.at].Str) +
				" of " + name + "[" + strconv.Itoa(r.first) + "]",
			Suggestion: suggestion,
		})
	}
}
