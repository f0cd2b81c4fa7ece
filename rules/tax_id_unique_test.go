package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTaxIDUnique(t *testing.T) {
	const at = "/basic_info/tax_info/"
	entry := func(country, typ, id string) map[string]any {
		return map[string]any{"country_code": country, "document_type": typ, "document_id": id}
	}
	tests := []struct {
		name    string
		entries []any
		want    []brief
		msgs    []string
	}{
		{"one entry", []any{entry("USA", "SSN", "123-45-6789")}, []brief{}, nil},
		{"different ids", []any{entry("USA", "SSN", "123-45-6789"), entry("MEX", "RFC", "GAGM900415AB1")}, []brief{}, nil},
		{"same id", []any{entry("USA", "SSN", "123-45-6789"), entry("USA", "TIN", "123-45-6789")},
			[]brief{{at + "1/document_id", Error, ""}},
			[]string{`tax_info[1].document_id "*******6789" repeats tax_info[0].document_id; each entry needs its own id`}},
		{"same id with spaces around", []any{entry("USA", "SSN", "123-45-6789"), entry("USA", "TIN", " 123-45-6789 ")},
			[]brief{{at + "1/document_id", Error, ""}},
			[]string{`tax_info[1].document_id "*******6789" repeats tax_info[0].document_id; each entry needs its own id`}},
		{"without dashes", []any{entry("USA", "SSN", "123-45-6789"), entry("USA", "TIN", "123456789")},
			[]brief{{at + "1/document_id", Error, ""}},
			[]string{`tax_info[1].document_id "*****6789" is tax_info[0].document_id written differently (case, spaces or dashes); each entry needs its own id`}},
		{"case and inner spaces", []any{entry("MEX", "RFC", "GAGM900415AB1"), entry("MEX", "CURP", "gagm 900415 ab1")},
			[]brief{{at + "1/document_id", Error, ""}},
			[]string{`tax_info[1].document_id "*********** ab1" is tax_info[0].document_id written differently (case, spaces or dashes); each entry needs its own id`}},
		{"three of a kind", []any{entry("USA", "SSN", "123-45-6789"), entry("MEX", "RFC", "X"), entry("USA", "TIN", "123-45-6789"), entry("USA", "ITIN", "123456789")},
			[]brief{{at + "2/document_id", Error, ""}, {at + "3/document_id", Error, ""}}, nil},
		{"across countries", []any{entry("USA", "TIN", "12345"), entry("CAN", "TIN", "12345")},
			[]brief{{at + "1/document_id", Error, ""}}, nil},
		{"blank ids are non-blank's", []any{entry("USA", "SSN", " "), entry("USA", "TIN", " ")}, []brief{}, nil},
		{"only dashes", []any{entry("USA", "SSN", "-"), entry("USA", "TIN", "--")}, []brief{}, nil},
		{"numbers and missing ids skipped", []any{
			map[string]any{"document_id": 123456789}, map[string]any{"document_id": 123456789},
			map[string]any{}, "123456789", nil, entry("USA", "SSN", "123456789"),
		}, []brief{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, TaxIDUnique, mergedWith(t, map[string]any{"basic_info": map[string]any{"tax_info": tc.entries}}))
			assert.Equal(t, tc.want, briefs(got))
			for i, f := range got {
				assert.Equal(t, "tax-id-unique", f.Rule)
				if tc.msgs != nil {
					assert.Equal(t, tc.msgs[i], f.Message)
				}
			}
		})
	}
}

func TestTaxIDUniqueAlwaysMasks(t *testing.T) {
	const patch = `{"basic_info": {"tax_info": [
	  {"country_code": "USA", "document_type": "SSN", "document_id": "987-65-4321"},
	  {"country_code": "USA", "document_type": "TIN", "document_id": "987-65-4321"}]}}`
	for _, redact := range []bool{false, true} {
		got := checkPatch(t, TaxIDUnique, patch, withSettings(Settings{Redact: redact}))
		require.Len(t, got, 1)
		assert.NotContains(t, got[0].Message, "987")
		assert.Contains(t, got[0].Message, `"*******4321"`)
		assert.Empty(t, got[0].Suggestion)
	}
}

func TestTaxIDUniqueSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{
		`{"basic_info": {"tax_info": {"document_id": "1"}}}`,
		`{"basic_info": {"tax_info": null}}`,
		`{"basic_info": []}`, `[]`, `{"basic_info": {"tax_info": [{"document_id": "1"}, {"document_id": "1"`,
	} {
		assert.Empty(t, check(t, TaxIDUnique, in), in)
	}
}
