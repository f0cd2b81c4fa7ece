package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPartyEmailUnique(t *testing.T) {
	assert.Empty(t, runRule(t, PartyEmailUnique, Kind.Reference))

	// Another party, another email.
	in := editReference(t, func(doc map[string]any) { secondParty(t, doc) })
	assert.Empty(t, runRule(t, PartyEmailUnique, in))

	in = editReference(t, func(doc map[string]any) {
		secondParty(t, doc)["basic_info"].(map[string]any)["email"] = "Jane.Doe@HarborPoint.example.com"
	})
	f := one(t, PartyEmailUnique, runRule(t, PartyEmailUnique, in))
	assert.Equal(t, rules.Error, f.Severity)
	assert.Equal(t, "/associated_parties/1/basic_info/email", f.Path)
	assert.Equal(t, "associated_parties[1].basic_info.email is the same as associated_parties[0].basic_info.email; each party needs an email of its own", f.Message)
	assert.Empty(t, f.Suggestion)

	// Every later one names the first; the company's own email is not
	// compared.
	fs := runPatch(t, PartyEmailUnique, `{"basic_info": {"email": "a@example.com"}, "associated_parties": [
		{"basic_info": {"email": "a@example.com"}},
		{"basic_info": {"email": "b@example.com"}},
		{"basic_info": {"email": "A@EXAMPLE.COM"}},
		{"basic_info": {"email": "B@example.com"}}]}`)
	require.Len(t, fs, 2)
	assert.Equal(t, "/associated_parties/2/basic_info/email", fs[0].Path)
	assert.Equal(t, "associated_parties[2].basic_info.email is the same as associated_parties[0].basic_info.email; each party needs an email of its own", fs[0].Message)
	assert.Equal(t, "/associated_parties/3/basic_info/email", fs[1].Path)
	assert.Equal(t, "associated_parties[3].basic_info.email is the same as associated_parties[1].basic_info.email; each party needs an email of its own", fs[1].Message)

	// The Kelvin sign folds to k, as in strings.EqualFold.
	f = one(t, PartyEmailUnique, runPatch(t, PartyEmailUnique, `{"associated_parties": [{"basic_info": {"email": "kim@example.com"}}, {"basic_info": {"email": "\u212aim@example.com"}}]}`))
	assert.Equal(t, "/associated_parties/1/basic_info/email", f.Path)
}

func TestPartyEmailUniqueToleratesAnyShape(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `{"associated_parties": {}}`,
		`{"associated_parties": [null, 1, {"basic_info": []}, {"basic_info": {"email": 5}}, {"basic_info": {"email": 5}}]}`,
		// Blank emails are the schema's.
		`{"associated_parties": [{"basic_info": {"email": ""}}, {"basic_info": {"email": ""}}, {"basic_info": {"email": " "}}, {"basic_info": {"email": " "}}]}`,
	} {
		assert.Empty(t, runRule(t, PartyEmailUnique, in), in)
	}
}
