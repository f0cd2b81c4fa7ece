package rules

import (
	"encoding/json"
	"github.com/finlint/finlint/kinds/individual"
	"slices"
	"testing"

	"github.com/finlint/finlint/internal/iso3166"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertDocExamples checks that a rule's documented failing example yields
// its findings, at its default severity, and the fixed one none.
func assertDocExamples(t *testing.T, r *Rule) {
	t.Helper()
	bad, err := RunExample(individual.Kind, r, r.Bad)
	require.NoError(t, err)
	require.NotEmpty(t, bad, "the Bad example of %s must fail", r.ID)
	for _, f := range bad {
		assert.Equal(t, r.ID, f.Rule)
		assert.Equal(t, r.Severity, f.Severity)
	}
	good, err := RunExample(individual.Kind, r, r.Good)
	require.NoError(t, err)
	assert.Empty(t, good, "the Good example of %s must pass", r.ID)
}

func TestCountryCode(t *testing.T) {
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"reference payload", `{}`, []brief{}},
		{"alpha-2", `{"basic_info": {"country_of_residence": "US"}}`,
			[]brief{{"/basic_info/country_of_residence", Error, "USA"}}},
		{"lower case", `{"basic_info": {"primary_nationality": "usa"}}`,
			[]brief{{"/basic_info/primary_nationality", Error, "USA"}}},
		{"name", `{"basic_info": {"secondary_nationality": "Mexico"}}`,
			[]brief{{"/basic_info/secondary_nationality", Error, "MEX"}}},
		{"name with accent", `{"address": {"country": "México"}}`,
			[]brief{{"/address/country", Error, "MEX"}}},
		{"tax entry", `{"basic_info": {"tax_info": [
			{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"},
			{"country_code": "de", "document_type": "TIN", "document_id": "12345678901"}]}}`,
			[]brief{{"/basic_info/tax_info/1/country_code", Error, "DEU"}}},
		{"kosovo", `{"address": {"country": "XKX"}}`, []brief{{"/address/country", Error, ""}}},
		{"unknown", `{"address": {"country": "Atlantis"}}`, []brief{{"/address/country", Error, ""}}},
		{"empty", `{"basic_info": {"secondary_nationality": ""}}`,
			[]brief{{"/basic_info/secondary_nationality", Error, ""}}},
		{"padded", `{"basic_info": {"country_of_residence": " USA"}}`,
			[]brief{{"/basic_info/country_of_residence", Error, "USA"}}},
		{"several", `{"basic_info": {"country_of_residence": "US", "primary_nationality": "MX"}, "address": {"country": "us"}}`,
			[]brief{
				{"/basic_info/country_of_residence", Error, "USA"},
				{"/basic_info/primary_nationality", Error, "MEX"},
				{"/address/country", Error, "USA"},
			}},
		// Wrong types are field-type's to report.
		{"number", `{"address": {"country": 840}}`, []brief{}},
		{"missing", `{"basic_info": {"secondary_nationality": null}}`, []brief{}},
		{"tax entry not an object", `{"basic_info": {"tax_info": ["USA", null]}}`, []brief{}},
		{"tax_info not an array", `{"basic_info": {"tax_info": {"country_code": "US"}}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, CountryCode, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "country-code", f.Rule)
				assert.Equal(t, fixIfSuggested(f, FixString), f.Fix, "fix kind")
			}
		})
	}
}

func TestCountryCodeMessages(t *testing.T) {
	got := checkPatch(t, CountryCode, `{"basic_info": {"country_of_residence": "US"}}`)
	require.Len(t, got, 1)
	assert.Equal(t, `country_of_residence "US" is not a country code from the vendor's list`, got[0].Message)

	got = checkPatch(t, CountryCode, `{"address": {"country": "XKX"}}`)
	require.Len(t, got, 1)
	assert.Equal(t, `country "XKX" (Kosovo) is not among the vendor's country codes`, got[0].Message)

	got = checkPatch(t, CountryCode, `{"basic_info": {"country_of_residence": "Mexico"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "Mexico")
	assert.Empty(t, got[0].Suggestion, "a suggestion would reveal the value")
}

func TestCountryCodeSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `"USA"`, `{"basic_info": "x", "address": []}`, `{"a":`} {
		assert.Empty(t, check(t, CountryCode, in), in)
	}
}

func TestCountryCodeExamples(t *testing.T) { assertDocExamples(t, CountryCode) }

// TestCountryCodeMatchesSchema keeps the embedded schema's country enum and
// the country table in step: both copy the vendor's CountryCode list.
func TestCountryCodeMatchesSchema(t *testing.T) {
	var s struct {
		Defs struct {
			CountryCode struct {
				Enum []string `json:"enum"`
			} `json:"countryCode"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(individual.Kind.SchemaJSON, &s))
	enum := slices.Clone(s.Defs.CountryCode.Enum)
	slices.Sort(enum)
	assert.Equal(t, iso3166.VendorCodes(), enum)
}
