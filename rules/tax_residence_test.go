package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTaxResidence(t *testing.T) {
	const at = "/basic_info/tax_info"
	entry := func(country string) map[string]any {
		return map[string]any{"country_code": country, "document_type": "TIN", "document_id": "1234"}
	}
	tests := []struct {
		name      string
		residence any
		entries   any
		want      []brief
	}{
		{"entry for residence", "USA", []any{entry("USA")}, []brief{}},
		{"among others", "USA", []any{entry("MEX"), entry("USA")}, []brief{}},
		{"case and spaces ignored", "USA", []any{entry(" usa")}, []brief{}},
		{"none for residence", "USA", []any{entry("MEX")}, []brief{{at, Info, ""}}},
		{"several, none for residence", "CAN", []any{entry("MEX"), entry("USA")}, []brief{{at, Info, ""}}},
		{"unreadable entries not counted", "USA", []any{map[string]any{"country_code": 840}, entry("MEX")}, []brief{{at, Info, ""}}},
		{"no readable country code", "USA", []any{map[string]any{"country_code": 840}, map[string]any{}, entry(" ")}, []brief{}},
		{"empty list is min-items'", "USA", []any{}, []brief{}},
		{"list not an array", "USA", entry("MEX"), []brief{}},
		{"blank residence", " ", []any{entry("MEX")}, []brief{}},
		{"residence not a string", 840, []any{entry("MEX")}, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := mergedWith(t, map[string]any{"basic_info": map[string]any{"country_of_residence": tc.residence, "tax_info": tc.entries}})
			got := check(t, TaxResidence, in)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "tax-residence", f.Rule)
			}
		})
	}
}

func TestTaxResidenceMessage(t *testing.T) {
	const patch = `{"basic_info": {"tax_info": [{"country_code": "MEX", "document_type": "RFC", "document_id": "GAGM900415AB1"}]}}`
	got := checkPatch(t, TaxResidence, patch)
	require.Len(t, got, 1)
	assert.Equal(t, `no tax_info entry is for the country of residence "USA"; add its tax id if the customer has one`, got[0].Message)

	got = checkPatch(t, TaxResidence, patch, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "USA")
}

func TestTaxResidenceSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{`{"basic_info": {"country_of_residence": "USA"}}`, `{"basic_info": 1}`, `[]`, ``} {
		assert.Empty(t, check(t, TaxResidence, in), in)
	}
}
