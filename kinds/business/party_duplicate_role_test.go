package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDuplicateRole(t *testing.T) {
	assert.Empty(t, runRule(t, DuplicateRole, Kind.Reference))

	in := editReference(t, func(doc map[string]any) { party(doc, 0)["roles"] = []any{"shareholder", "ubo", "ubo"} })
	f := one(t, DuplicateRole, runRule(t, DuplicateRole, in))
	assert.Equal(t, rules.Warning, f.Severity)
	assert.Equal(t, "/associated_parties/0/roles/2", f.Path)
	assert.Equal(t, `associated_parties[0].roles[2] repeats the role "ubo" of roles[1]`, f.Message)
	assert.Equal(t, `["shareholder","ubo"]`, f.Suggestion)
	assert.Equal(t, rules.FixNone, f.Fix)

	// Each repeat at its own place, in each party.
	in = editReference(t, func(doc map[string]any) {
		party(doc, 0)["roles"] = []any{"ubo", "shareholder", "ubo", "ubo", "shareholder"}
		secondParty(t, doc)["roles"] = []any{"shareholder", "shareholder"}
	})
	fs := runRule(t, DuplicateRole, in)
	require.Len(t, fs, 4)
	var paths, msgs []string
	for _, f := range fs {
		paths = append(paths, f.Path)
		msgs = append(msgs, f.Message)
		assert.Equal(t, DuplicateRole.ID, f.Rule)
	}
	assert.Equal(t, []string{
		"/associated_parties/0/roles/2", "/associated_parties/0/roles/3", "/associated_parties/0/roles/4",
		"/associated_parties/1/roles/1",
	}, paths)
	assert.Equal(t, `associated_parties[0].roles[4] repeats the role "shareholder" of roles[1]`, msgs[2])
	assert.Equal(t, `["ubo","shareholder"]`, fs[0].Suggestion)
	assert.Equal(t, `["shareholder"]`, fs[3].Suggestion)

	// Items that are no strings are the schema's, and keep the suggestion
	// back; case counts ("UBO" is an unknown role, not a repeat).
	f = one(t, DuplicateRole, runPatch(t, DuplicateRole, `{"associated_parties": [{"roles": ["ubo", 1, "UBO", "ubo"]}]}`))
	assert.Equal(t, "/associated_parties/0/roles/3", f.Path)
	assert.Empty(t, f.Suggestion)

	// Redacted: the role is masked and no suggestion is made.
	f = one(t, DuplicateRole, runPatch(t, DuplicateRole, `{"associated_parties": [{"roles": ["ubo", "ubo"]}]}`, redact))
	assert.Equal(t, `associated_parties[0].roles[1] repeats the role "***" of roles[0]`, f.Message)
	assert.Empty(t, f.Suggestion)
}

func TestDuplicateRoleToleratesAnyShape(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `{"associated_parties": {}}`, `{"associated_parties": [null, 1, {"roles": "ubo"}, {"roles": {"a": "ubo", "b": "ubo"}}]}`,
		`{"associated_parties": [{"roles": [null, null, 1, 1, [], []]}]}`,
	} {
		assert.Empty(t, runRule(t, DuplicateRole, in), in)
	}
}
