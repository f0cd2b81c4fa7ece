// Package schema holds what a payload's JSON Schema (draft 2020-12)
// validation reports, Error, and what the validators generated from each
// kind's schema need when they run: locations turned into JSON Pointers
// only on failure, the library's messages, its reading of numbers, dates
// and URIs, and the order errors are reported in. It checks structure
// only; meaning is the rules' job.
//
// Each kind's validator is Go code generated from its schema by
// internal/schemagen (go generate) and held, by tests and fuzz targets, to
// the verdicts of the JSON Schema library in package schema/oracle, which
// this package does not import.
package schema

import (
	"cmp"
	"slices"
)

// Error is one leaf error of validation, flattened from the validator's tree.
type Error struct {
	// Pointer is the RFC 6901 location in the payload. For a missing
	// required key it is the key's own pointer, not its parent's.
	Pointer string
	// Keyword is the JSON Schema keyword that failed: required, type, enum,
	// format, pattern, minItems, minimum, additionalProperties, or another.
	Keyword string
	// Def names the $defs entry the failing keyword sits in ("countryCode",
	// "nonBlank", ...), or "" when it sits inline.
	Def string
	// Got is the JSON type (type) or value (enum, format) that was found.
	Got string
	// Want lists what would have been accepted: types, enum values, the
	// format name, or the pattern.
	Want []string
	// Known lists the keys an object accepts, for additionalProperties.
	Known []string
	// Message is short, lowercase, and quotes no payload value.
	Message string
}

// Sort puts errors in the order validation reports them: by pointer, then
// keyword, keeping the order they were found in otherwise (as when two
// schemas that apply to one value both reject its type).
func Sort(errs []Error) {
	if len(errs) < 2 {
		return
	}
	slices.SortStableFunc(errs, func(a, b Error) int {
		if c := cmp.Compare(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		return cmp.Compare(a.Keyword, b.Keyword)
	})
}
