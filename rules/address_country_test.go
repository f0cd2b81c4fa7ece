package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAddressCountry(t *testing.T) {
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"same", `{}`, []brief{}},
		{"other country", `{"address": {"country": "CAN"}}`, []brief{{"/address/country", Error, "USA"}}},
		{"residence is the odd one", `{"basic_info": {"country_of_residence": "MEX"}}`, []brief{{"/address/country", Error, "MEX"}}},
		{"alpha-2 differs", `{"address": {"country": "US"}}`, []brief{{"/address/country", Error, "USA"}}},
		// Case alone is country-code's to report.
		{"case only", `{"address": {"country": "usa"}}`, []brief{}},
		{"spaces only", `{"address": {"country": " USA "}}`, []brief{}},
		{"blank residence", `{"basic_info": {"country_of_residence": ""}}`, []brief{}},
		{"missing address country", `{"address": {"country": null}}`, []brief{}},
		{"missing residence", `{"basic_info": {"country_of_residence": null}}`, []brief{}},
		{"number", `{"address": {"country": 840}}`, []brief{}},
		{"address not an object", `{"address": "123 Market Street"}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, AddressCountry, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "address-country", f.Rule)
			}
		})
	}
}

func TestAddressCountryMessage(t *testing.T) {
	got := checkPatch(t, AddressCountry, `{"address": {"country": "CAN"}}`)
	require.Len(t, got, 1)
	assert.Equal(t, `address country "CAN" is not the country of residence "USA"`, got[0].Message)

	got = checkPatch(t, AddressCountry, `{"address": {"country": "CAN"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "CAN")
	assert.NotContains(t, got[0].Message, "USA")
	assert.Empty(t, got[0].Suggestion)
}

func TestAddressCountrySkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{`[]`, `null`, `{"address": [], "basic_info": []}`, `{"a":`} {
		assert.Empty(t, check(t, AddressCountry, in), in)
	}
}
