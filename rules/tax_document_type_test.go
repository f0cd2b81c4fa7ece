package rules

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTaxDocumentType(t *testing.T) {
	const at = "/basic_info/tax_info/0/document_type"
	tests := []struct {
		name, country, typ string
		want               []brief
	}{
		{"SSN in USA", "USA", "SSN", []brief{}},
		{"ITIN in USA", "USA", "ITIN", []brief{}},
		{"TIN anywhere listed", "GBR", "TIN", []brief{}},
		{"NIE in Spain", "ESP", "NIE", []brief{}},
		{"STEUER-ID in Germany", "DEU", "STEUER-ID", []brief{}},
		{"country code case is country-code's", "usa", "SSN", []brief{}},
		{"lowercase", "USA", "ssn", []brief{{at, Info, "SSN"}}},
		{"surrounding spaces", "USA", " SSN ", []brief{{at, Info, "SSN"}}},
		{"separator differs", "DEU", "STEUER ID", []brief{{at, Info, "STEUER-ID"}}},
		{"no separator", "DEU", "steuerid", []brief{{at, Info, "STEUER-ID"}}},
		{"one letter short", "IND", "AADHAR", []brief{{at, Info, "AADHAAR"}}},
		{"swapped letters", "MEX", "CRUP", []brief{{at, Info, "CURP"}}},
		{"another country's type", "GBR", "SSN", []brief{{at, Info, ""}}},
		{"equally near to several", "USA", "SIN", []brief{{at, Info, ""}}},
		{"far from everything", "BRA", "PASSPORT", []brief{{at, Info, ""}}},
		{"country not judged", "BGD", "NID", []brief{}},
		{"unknown code not judged", "XXX", "SSN", []brief{}},
		{"blank type is non-blank's", "USA", "  ", []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := mergedWith(t, map[string]any{"basic_info": map[string]any{"tax_info": []any{
				map[string]any{"country_code": tc.country, "document_type": tc.typ, "document_id": "1234"},
			}}})
			got := check(t, TaxDocumentType, in)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "tax-document-type", f.Rule)
			}
		})
	}
}

func TestTaxDocumentTypeMessage(t *testing.T) {
	got := checkPatch(t, TaxDocumentType, `{"basic_info": {"tax_info": [
	  {"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"},
	  {"country_code": "GBR", "document_type": "NINOO", "document_id": "QQ123456C"}]}}`)
	require.Len(t, got, 1)
	assert.Equal(t, brief{"/basic_info/tax_info/1/document_type", Info, "NINO"}, briefs(got)[0])
	assert.Equal(t, `document_type "NINOO" is not a tax document type finlint knows for GBR (known: NINO, UTR, TIN)`, got[0].Message)
}

func TestTaxDocumentTypeTable(t *testing.T) {
	for country, types := range taxDocumentTypes {
		assert.Len(t, country, 3)
		assert.NotContains(t, types, "TIN", "%s: TIN is added for every country", country)
		for _, typ := range types {
			assert.Equal(t, typ, closestTaxDocumentType(typ, append(slices.Clone(types), "TIN")), "%s %s must be its own nearest", country, typ)
		}
	}
}

func TestTaxDocumentTypeSkipsWhatItCannotRead(t *testing.T) {
	for _, in := range []string{
		`{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": 1}]}}`,
		`{"basic_info": {"tax_info": [{"country_code": ["USA"], "document_type": "XYZ"}]}}`,
		`{"basic_info": {"tax_info": [{"document_type": "XYZ"}, null, 7]}}`,
		`{"basic_info": {"tax_info": "SSN"}}`,
		`{}`, `[`,
	} {
		assert.Empty(t, check(t, TaxDocumentType, in), in)
	}
}
