package rules

import (
	"github.com/finlint/finlint/kind"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// ReferenceID reports an occupation, purpose or source-of-funds id that is
// not in the vendor's catalogue.
var ReferenceID = &Rule{
	ID:       "reference-id",
	Title:    "occupation, purpose and source-of-funds ids must exist in the vendor's catalogues",
	Severity: Error,
	Source:   "vendor OpenAPI (financial_profile: foreign keys to GET /v1/occupations, /v1/purposes, /v1/source-of-funds); SPEC semantic rule 7",
	Doc: `financial_profile.occupation_id, purpose_id and every item of
source_of_fund_ids are foreign keys into the vendor's reference catalogues
(List Occupations, List Account Purposes and List Source of Funds). An id
that is not in its catalogue is rejected.

In a business payload they are financial_profile.purpose_id and every item
of source_of_fund_ids and source_of_wealth_ids, looked up in the catalogues
for businesses (purposes, sources of funds and sources of wealth of type
BUSINESS).

The ids differ between sandbox and production and change over time, so
finlint embeds none: it checks them against the catalogues cached by
"finlint refcache refresh". The message names the catalogue entries whose ids
are nearest to the unknown one, to help spot an off-by-one or a stale id;
look the right one up by its title rather than taking the nearest.

Values that are not integers are left to the schema checks, and when a
catalogue is not cached its ids are not checked at all (reference-catalogue
says so).`,
	Bad:  Example{Patch: `{"financial_profile": {"occupation_id": 999999}}`},
	Good: Example{Patch: `{"financial_profile": {"occupation_id": 42}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"financial_profile": {"source_of_wealth_ids": [99]}}`},
		Good: Example{Patch: `{"financial_profile": {"source_of_wealth_ids": [2]}}`},
	}},
	Run: func(p *Pass) {
		if p.Catalogues == nil {
			return
		}
		for _, t := range referenceTargets(p) {
			items, ok := p.Catalogues.Items(t.catalogue)
			if !ok || !t.exact {
				continue // no catalogue, or beyond int64: integer-range's
			}
			if _, found := slices.BinarySearchFunc(items, t.id, func(it RefItem, id int64) int {
				switch {
				case it.ID < id:
					return -1
				case it.ID > id:
					return 1
				}
				return 0
			}); found && t.exact {
				continue
			}
			msg := label(t.ptr) + " " + shortLiteral(t.literal) + " is not in the " + CatalogueTitle(t.catalogue) + " catalogue"
			if near := nearestRefItems(items, t.id, 2); len(near) > 0 {
				parts := make([]string, len(near))
				for i, it := range near {
					parts[i] = strconv.FormatInt(it.ID, 10) + " " + quote(it.Title)
				}
				msg += "; nearest: " + strings.Join(parts, ", ")
			} else {
				msg += ", which is empty"
			}
			p.Report(Finding{Path: t.ptr, Message: msg})
		}
	},
}

// refTarget is one id of the payload to look up in a catalogue.
type refTarget struct {
	ptr       string
	catalogue string
	literal   string
	// list says the id is an item of an array of ids.
	list bool
	// id is the value, clamped to the int64 range; exact says it was not
	// clamped, so an id too large for any catalogue never matches one.
	id    int64
	exact bool
}

// referenceTargets lists the integer ids of the financial profile, in
// document order. Values that are not integers are the schema's to report.
func referenceTargets(p *Pass) []refTarget {
	var out []refTarget
	for _, ref := range p.roles().References {
		pattern := ref.Ptr
		if ref.List {
			pattern += "/*"
		}
		kind.Each(p.Root(), pattern, func(ptr string, v *jsondoc.Value) {
			if id, exact, ok := refIDValue(v); ok {
				out = append(out, refTarget{ptr: ptr, catalogue: ref.Catalogue, list: ref.List, literal: v.Str, id: id, exact: exact})
			}
		})
	}
	return out
}

// refIDValue reads a JSON number that is a whole number, however written
// (42, 42.0, 4.2e1). Values beyond the int64 range are clamped to it, with
// exact false. ok is false for anything that is not a whole number.
func refIDValue(v *jsondoc.Value) (id int64, exact, ok bool) {
	if v == nil || v.Kind != jsondoc.Number {
		return 0, false, false
	}
	if n, err := strconv.ParseInt(v.Str, 10, 64); err == nil {
		return n, true, true
	}
	r, parsed := ParseNumber(v.Str)
	if !parsed || !r.IsInt() {
		return 0, false, false
	}
	num := r.Num()
	if num.IsInt64() {
		return num.Int64(), true, true
	}
	if num.Sign() < 0 {
		return math.MinInt64, false, true
	}
	return math.MaxInt64, false, true
}

// nearestRefItems returns up to k items whose ids are closest to id, closest
// first, the lower id first on a tie.
func nearestRefItems(items []RefItem, id int64, k int) []RefItem {
	dist := func(a int64) uint64 {
		// Unsigned subtraction cannot overflow for any pair of int64s.
		if a >= id {
			return uint64(a) - uint64(id)
		}
		return uint64(id) - uint64(a)
	}
	near := slices.Clone(items)
	slices.SortStableFunc(near, func(a, b RefItem) int {
		da, db := dist(a.ID), dist(b.ID)
		switch {
		case da < db:
			return -1
		case da > db:
			return 1
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return near[:min(k, len(near))]
}

// shortLiteral keeps a number literal short enough for a message.
func shortLiteral(s string) string {
	const max = 24
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}
