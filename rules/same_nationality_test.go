package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSameNationality(t *testing.T) {
	const at = "/basic_info/secondary_nationality"
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"different", `{}`, []brief{}},
		{"same", `{"basic_info": {"secondary_nationality": "USA"}}`, []brief{{at, Warning, ""}}},
		{"same but for case and spaces", `{"basic_info": {"secondary_nationality": " usa"}}`, []brief{{at, Warning, ""}}},
		{"no secondary", `{"basic_info": {"secondary_nationality": null}}`, []brief{}},
		{"both blank", `{"basic_info": {"primary_nationality": "", "secondary_nationality": ""}}`, []brief{}},
		{"secondary not a string", `{"basic_info": {"secondary_nationality": ["USA"]}}`, []brief{}},
		{"primary missing", `{"basic_info": {"primary_nationality": null, "secondary_nationality": "USA"}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, SameNationality, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
		})
	}
}

func TestSameNationalityMessage(t *testing.T) {
	got := checkPatch(t, SameNationality, `{"basic_info": {"secondary_nationality": "USA"}}`)
	require.Len(t, got, 1)
	assert.Equal(t, "same-nationality", got[0].Rule)
	assert.Equal(t, `secondary_nationality "USA" is the same as primary_nationality; remove it or give the other nationality`, got[0].Message)

	got = checkPatch(t, SameNationality, `{"basic_info": {"secondary_nationality": "USA"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "USA")
}

func TestSameNationalitySkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{`{"primary_nationality": "USA", "secondary_nationality": "USA"}`, `{"basic_info": null}`, `[]`, `{`} {
		assert.Empty(t, check(t, SameNationality, in), in)
	}
}
