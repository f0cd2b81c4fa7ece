package business

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUBOOwnership(t *testing.T) {
	assert.Empty(t, runRule(t, UBOOwnership, Kind.Reference))

	in := editReference(t, func(doc map[string]any) { delete(party(doc, 0), "ownership_info") })
	f := one(t, UBOOwnership, runRule(t, UBOOwnership, in))
	assert.Equal(t, "/associated_parties/0/ownership_info", f.Path)
	assert.Equal(t, "associated_parties[0].ownership_info is missing: a party with the role ubo needs it", f.Message)
	assert.Empty(t, f.Suggestion)

	// The second party is the UBO without it.
	in = editReference(t, func(doc map[string]any) {
		p := secondParty(t, doc)
		p["roles"] = []any{"ubo"}
		delete(p, "ownership_info")
	})
	f = one(t, UBOOwnership, runRule(t, UBOOwnership, in))
	assert.Equal(t, "/associated_parties/1/ownership_info", f.Path)

	// A shareholder who is no UBO needs none.
	in = editReference(t, func(doc map[string]any) {
		p := party(doc, 0)
		p["roles"] = []any{"shareholder"}
		delete(p, "ownership_info")
	})
	assert.Empty(t, runRule(t, UBOOwnership, in))
}

func TestUBOOwnershipToleratesAnyShape(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `{"associated_parties": {}}`, `{"associated_parties": [null, 1, "ubo", []]}`,
		`{"associated_parties": [{"roles": "ubo"}]}`,
		`{"associated_parties": [{"roles": ["UBO"]}]}`,
		`{"associated_parties": [{"roles": [1, null]}]}`,
		// Present but not an object: the schema's.
		`{"associated_parties": [{"roles": ["ubo"], "ownership_info": null}]}`,
		`{"associated_parties": [{"roles": ["ubo"], "ownership_info": "x"}]}`,
	} {
		assert.Empty(t, runRule(t, UBOOwnership, in), in)
	}
	f := one(t, UBOOwnership, runRule(t, UBOOwnership, `{"associated_parties": [7, {"roles": [3, "ubo"]}]}`))
	assert.Equal(t, "/associated_parties/1/ownership_info", f.Path)
}
