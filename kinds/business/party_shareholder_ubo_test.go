package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
)

func TestShareholderAndUBO(t *testing.T) {
	assert.Empty(t, runRule(t, ShareholderAndUBO, Kind.Reference))

	const msg = "no associated party holds both the shareholder and the ubo role; the vendor asks for at least one"
	for _, patch := range []string{
		`{"associated_parties": [{"roles": ["ubo"]}]}`,
		`{"associated_parties": [{"roles": ["shareholder"]}, {"roles": ["ubo"]}]}`,
		`{"associated_parties": [{"roles": ["shareholder", "shareholder"]}, {"roles": "shareholder ubo"}]}`,
		`{"associated_parties": []}`,
	} {
		f := one(t, ShareholderAndUBO, runPatch(t, ShareholderAndUBO, patch))
		assert.Equal(t, rules.Warning, f.Severity)
		assert.Equal(t, "/associated_parties", f.Path, patch)
		assert.Equal(t, msg, f.Message)
	}
	// Reported once, however many parties.
	assert.Len(t, runPatch(t, ShareholderAndUBO, `{"associated_parties": [{"roles": ["ubo"]}, {"roles": ["ubo"]}, {"roles": ["ubo"]}]}`), 1)

	for _, patch := range []string{
		`{"associated_parties": [{"roles": ["ubo"]}, {"roles": ["ubo", 1, "shareholder"]}]}`,
		`{"associated_parties": null}`,
		`{"associated_parties": {"roles": ["ubo"]}}`,
	} {
		assert.Empty(t, runPatch(t, ShareholderAndUBO, patch), patch)
	}
	assert.Empty(t, runRule(t, ShareholderAndUBO, `[]`))
}
