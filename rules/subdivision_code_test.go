package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSubdivisionCode(t *testing.T) {
	const ptr = "/address/subdivision_code"
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"reference payload", `{}`, []brief{}},
		{"code part only", `{"address": {"subdivision_code": "CA"}}`, []brief{{ptr, Error, "US-CA"}}},
		{"name", `{"address": {"subdivision_code": "California"}}`, []brief{{ptr, Error, "US-CA"}}},
		{"lower case", `{"address": {"subdivision_code": "us-ca"}}`, []brief{{ptr, Error, "US-CA"}}},
		{"underscore", `{"address": {"subdivision_code": "US_CA"}}`, []brief{{ptr, Error, "US-CA"}}},
		{"name with accents", `{"address": {"country": "FRA", "subdivision_code": "Ile de France"}}`, []brief{{ptr, Error, "FR-IDF"}}},
		{"another country's code", `{"address": {"subdivision_code": "MX-CMX"}}`, []brief{{ptr, Error, ""}}},
		{"unknown", `{"address": {"subdivision_code": "US-XX"}}`, []brief{{ptr, Error, ""}}},
		{"empty", `{"address": {"subdivision_code": ""}}`, []brief{{ptr, Error, ""}}},
		{"withdrawn Telangana code", `{"address": {"country": "IND", "subdivision_code": "IN-TG"}}`, []brief{{ptr, Error, ""}}},
		{"withdrawn Paris code", `{"address": {"country": "FRA", "subdivision_code": "FR-75"}}`, []brief{{ptr, Error, ""}}},
		{"Telangana", `{"address": {"country": "IND", "subdivision_code": "IN-TS"}}`, []brief{}},
		{"Paris", `{"address": {"country": "FRA", "subdivision_code": "FR-75C"}}`, []brief{}},
		{"London", `{"address": {"country": "GBR", "subdivision_code": "GB-LND"}}`, []brief{}},
		{"Tokyo", `{"address": {"country": "JPN", "subdivision_code": "JP-13"}}`, []brief{}},
		{"Tokyo by number", `{"address": {"country": "JPN", "subdivision_code": "13"}}`, []brief{{ptr, Error, "JP-13"}}},
		{"Mexico City", `{"address": {"country": "MEX", "subdivision_code": "MX-CMX"}}`, []brief{}},
		// With no usable country, the code is checked on its own.
		{"bad country, real code", `{"address": {"country": "US", "subdivision_code": "MX-CMX"}}`, []brief{}},
		{"bad country, lower case", `{"address": {"country": "US", "subdivision_code": "us-ca"}}`, []brief{{ptr, Error, "US-CA"}}},
		{"bad country, code part only", `{"address": {"country": "US", "subdivision_code": "CA"}}`, []brief{{ptr, Error, ""}}},
		{"no country", `{"address": {"country": null, "subdivision_code": "ZZ-99"}}`, []brief{{ptr, Error, ""}}},
		{"country number", `{"address": {"country": 840, "subdivision_code": "CA"}}`, []brief{{ptr, Error, ""}}},
		{"number", `{"address": {"subdivision_code": 6}}`, []brief{}},
		{"missing", `{"address": {"subdivision_code": null}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, SubdivisionCode, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "subdivision-code", f.Rule)
				assert.Equal(t, fixIfSuggested(f, FixString), f.Fix, "fix kind")
			}
		})
	}
}

func TestSubdivisionCodeMessages(t *testing.T) {
	got := checkPatch(t, SubdivisionCode, `{"address": {"subdivision_code": "MX-CMX"}}`)
	require.Len(t, got, 1)
	assert.Equal(t, `subdivision_code "MX-CMX" belongs to Mexico (MEX), not to the address country United States (USA)`, got[0].Message)

	got = checkPatch(t, SubdivisionCode, `{"address": {"subdivision_code": "CA"}}`)
	require.Len(t, got, 1)
	assert.Equal(t, `subdivision_code "CA" is not an ISO 3166-2 code of United States (USA)`, got[0].Message)

	got = checkPatch(t, SubdivisionCode, `{"address": {"country": "ATA", "subdivision_code": "AQ-01"}}`)
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Message, "lists no subdivisions")

	got = checkPatch(t, SubdivisionCode, `{"address": {"subdivision_code": "MX-CMX"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "MX-CMX")
	assert.NotContains(t, got[0].Message, "Mexico")

	got = checkPatch(t, SubdivisionCode, `{"address": {"subdivision_code": "California"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "California")
	assert.Empty(t, got[0].Suggestion)
}

func TestSubdivisionCodeSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `{"address": "x"}`, `{"address": []}`, `{"a":`} {
		assert.Empty(t, check(t, SubdivisionCode, in), in)
	}
}

func TestSubdivisionCodeExamples(t *testing.T) { assertDocExamples(t, SubdivisionCode) }
