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
		{"withdrawn tribal areas", `{"address": {"country": "PAK", "subdivision_code": "PK-TA"}}`, []brief{{ptr, Error, "PK-KP"}}},
		{"withdrawn tribal areas, code part", `{"address": {"country": "PAK", "subdivision_code": "ta"}}`, []brief{{ptr, Error, "PK-KP"}}},
		{"withdrawn tribal areas, other country", `{"address": {"subdivision_code": "PK-TA"}}`, []brief{{ptr, Error, "PK-KP"}}},
		{"withdrawn Danish county, one successor", `{"address": {"country": "DNK", "subdivision_code": "DK-040"}}`, []brief{{ptr, Error, "DK-84"}}},
		{"withdrawn Danish county, split", `{"address": {"country": "DNK", "subdivision_code": "DK-060"}}`, []brief{{ptr, Error, ""}}},
		{"withdrawn Luxembourg district", `{"address": {"country": "LUX", "subdivision_code": "LU-L"}}`, []brief{{ptr, Error, ""}}},
		{"withdrawn Ghana region", `{"address": {"country": "GHA", "subdivision_code": "GH-BA"}}`, []brief{{ptr, Error, ""}}},
		{"Great Britain", `{"address": {"country": "GBR", "subdivision_code": "GB-GBN"}}`, []brief{{ptr, Error, ""}}},
		{"United Kingdom", `{"address": {"country": "GBR", "subdivision_code": "GB-UKM"}}`, []brief{{ptr, Error, ""}}},
		{"England and Wales", `{"address": {"country": "GBR", "subdivision_code": "GB-EAW"}}`, []brief{{ptr, Error, ""}}},
		{"England", `{"address": {"country": "GBR", "subdivision_code": "GB-ENG"}}`, []brief{}},
		{"Danish region", `{"address": {"country": "DNK", "subdivision_code": "DK-84"}}`, []brief{}},
		{"Luxembourg canton", `{"address": {"country": "LUX", "subdivision_code": "LU-LU"}}`, []brief{}},
		{"Luxembourg by name", `{"address": {"country": "LUX", "subdivision_code": "Luxembourg"}}`, []brief{{ptr, Error, "LU-LU"}}},
		{"Khyber Pakhtunkhwa", `{"address": {"country": "PAK", "subdivision_code": "PK-KP"}}`, []brief{}},
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

func TestSubdivisionCodeWithdrawnMessages(t *testing.T) {
	for patch, want := range map[string]string{
		`{"address": {"country": "PAK", "subdivision_code": "PK-TA"}}`:  `subdivision_code "PK-TA" (Federally Administered Tribal Areas) was withdrawn from ISO 3166-2 on 2019-11-22; it was merged into PK-KP Khyber Pakhtunkhwa in 2018`,
		`{"address": {"country": "PAK", "subdivision_code": "ta"}}`:     `subdivision_code "ta" stands for PK-TA (Federally Administered Tribal Areas), which was withdrawn from ISO 3166-2 on 2019-11-22; it was merged into PK-KP Khyber Pakhtunkhwa in 2018`,
		`{"address": {"country": "LUX", "subdivision_code": "LU-D"}}`:   `subdivision_code "LU-D" (Diekirch) was withdrawn from ISO 3166-2 on 2015-11-27; the districts were abolished in 2015: send the canton, LU-CL, LU-DI, LU-RD, LU-VD or LU-WI`,
		`{"address": {"country": "DNK", "subdivision_code": "DK-060"}}`: `subdivision_code "DK-060" (Vejle) was withdrawn from ISO 3166-2 on 2007-12-13; it was split between DK-82 Midtjylland and DK-83 Syddanmark`,
		`{"address": {"country": "DNK", "subdivision_code": "DK-040"}}`: `subdivision_code "DK-040" (Bornholm) was withdrawn from ISO 3166-2 on 2007-12-13; it is now part of DK-84 Hovedstaden`,
		`{"address": {"country": "GHA", "subdivision_code": "GH-BA"}}`:  `subdivision_code "GH-BA" (Brong-Ahafo) was withdrawn from ISO 3166-2 on 2019-11-22; it was split into GH-AF Ahafo, GH-BE Bono East and GH-BO Bono`,
		`{"address": {"country": "GBR", "subdivision_code": "GB-UKM"}}`: `subdivision_code "GB-UKM" (United Kingdom) is a grouping that ISO 3166-2 listed only for completeness, not a subdivision an address lies in: send GB-ENG, GB-NIR, GB-SCT or GB-WLS, or a finer subdivision such as a county, council area, district or unitary authority`,
		`{"address": {"country": "GBR", "subdivision_code": "gb_gbn"}}`: `subdivision_code "gb_gbn" stands for GB-GBN (Great Britain), which is a grouping that ISO 3166-2 listed only for completeness, not a subdivision an address lies in: send GB-ENG, GB-SCT or GB-WLS, or a finer subdivision such as a county, council area or unitary authority`,
	} {
		got := checkPatch(t, SubdivisionCode, patch)
		if assert.Len(t, got, 1, patch) {
			assert.Equal(t, want, got[0].Message, patch)
		}
	}

	got := checkPatch(t, SubdivisionCode, `{"address": {"country": "PAK", "subdivision_code": "PK-TA"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "PK-TA")
	assert.NotContains(t, got[0].Message, "Tribal")
	assert.Contains(t, got[0].Message, "withdrawn")
	assert.Empty(t, got[0].Suggestion)

	got = checkPatch(t, SubdivisionCode, `{"address": {"country": "GBR", "subdivision_code": "GB-GBN"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "GB-GBN")
	assert.NotContains(t, got[0].Message, "Great Britain")
	assert.Contains(t, got[0].Message, "not the subdivision of an address")
}

func TestSubdivisionCodeSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `{"address": "x"}`, `{"address": []}`, `{"a":`} {
		assert.Empty(t, check(t, SubdivisionCode, in), in)
	}
}

func TestSubdivisionCodeExamples(t *testing.T) { assertDocExamples(t, SubdivisionCode) }
